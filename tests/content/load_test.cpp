// load_document on valid input: the structure, NFC, variables, placeholders, positions.
#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/content/load.hpp"
#include "pipeline/text/unicode.hpp"
#include "tests/content/helpers.hpp"

namespace vanban::content {
namespace {

using testing::TempDir;

std::string at(const SourcePos& p) {
  return p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

Span plain(std::string t) { return {std::move(t), false, false}; }
Span bold(std::string t) { return {std::move(t), true, false}; }

const char* kDocument =
    "style: nha-nuoc\n"                                     // 1
    "kind: bao-cao\n"                                       // 2
    "status: final\n"                                       // 3
    "variables:\n"                                          // 4
    "  dang_bo: Trường Cao đẳng Y tế\n"                     // 5
    "  khoa: XV\n"                                          // 6
    "header:\n"                                             // 7
    "  parent: ĐẢNG BỘ TỈNH {khoa}\n"                       // 8
    "  issuer: ĐẢNG ỦY **TRƯỜNG**\n"                        // 9
    "  number: 12\n"                                        // 10
    "  code: BC/ĐU\n"                                       // 11
    "  place: Hà Tĩnh\n"                                    // 12
    "  date: 2024-02-29\n"                                  // 13
    "  marks: [du-thao, khan]\n"                            // 14
    "title: Báo cáo **chính trị**\n"                        // 15
    "subtitle:\n"                                           // 16
    "  - của Đảng bộ {dang_bo} khóa {khoa}\n"               // 17
    "  - \"nhiệm kỳ 2025 - 2030\"\n"                        // 18
    "parts:\n"                                              // 19
    "  - phan-1.yaml\n"                                     // 20
    "  - \"sub/phan-2.yaml\"\n"                             // 21
    "signature:\n"                                          // 22
    "  authority: T/M BAN CHẤP HÀNH\n"                      // 23
    "  title: Bí thư\n"                                     // 24
    "  name: Nguyễn Văn A\n"                                // 25
    "  image: chu-ky.png\n"                                 // 26
    "recipients:\n"                                         // 27
    "  - Ban Thường vụ (để b/c)\n"                          // 28
    "  - Lưu *VP*\n";                                       // 29

const char* kPart1 =
    "title: Kết quả khóa {khoa}\n"                          // 1
    "body:\n"                                               // 2
    "  - Đoạn mở đầu.\n"                                    // 3
    "sections:\n"                                           // 4
    "  - title: Đặc điểm tình hình\n"                       // 5
    "    sections:\n"                                       // 6
    "      - title: Thuận lợi\n"                            // 7
    "        body:\n"                                       // 8
    "          - \"Nhiệm kỳ qua, **Đảng bộ** phát triển.\"\n"  // 9
    "          - list:\n"                                   // 10
    "              - Mục một\n"                             // 11
    "              - list: [con a, con b]\n"                // 12
    "                marker: \"+\"\n"                       // 13
    "              - Mục hai\n"                             // 14
    "              - - lồng một\n"                          // 15
    "                - lồng hai\n"                          // 16
    "            marker: a)\n"                              // 17
    "      - title: Khó khăn\n"                             // 18
    "        numbered: false\n"                             // 19
    "        body:\n"                                       // 20
    "          - paragraph: Căn giữa\n"                     // 21
    "            align: center\n"                           // 22
    "            indent: false\n";                          // 23

const char* kPart2 =
    "sections:\n"
    "  - title: Phương hướng\n"
    "    body:\n"
    "      - |\n"
    "        Dòng một\n"
    "        dòng hai\n";

TEST(Load, FolderDocumentLoadsIntoTheExpectedStructure) {
  TempDir dir;
  dir.write("document.yaml", kDocument);
  dir.write("phan-1.yaml", kPart1);
  dir.write("sub/phan-2.yaml", kPart2);
  dir.write("chu-ky.png", "png");
  const std::string d = dir.str();
  const Document doc = load_document(d);

  EXPECT_EQ(doc.folder, d);
  EXPECT_EQ(doc.file, d + "/document.yaml");
  EXPECT_EQ(doc.style, "nha-nuoc");
  EXPECT_EQ(at(doc.style_pos), d + "/document.yaml:1:8");
  EXPECT_EQ(doc.kind, "bao-cao");
  EXPECT_EQ(doc.status, "final");
  EXPECT_EQ(doc.variables.at("khoa"), "XV");

  const Header& h = doc.header;
  EXPECT_EQ(h.parent, "ĐẢNG BỘ TỈNH XV");
  EXPECT_EQ(h.issuer, "ĐẢNG ỦY **TRƯỜNG**");  // header fields carry no markup
  EXPECT_EQ(h.number, 12);
  EXPECT_EQ(h.code, "BC/ĐU");
  EXPECT_EQ(h.place, "Hà Tĩnh");
  ASSERT_TRUE(h.date);
  EXPECT_EQ(h.date->year, 2024);
  EXPECT_EQ(h.date->month, 2);
  EXPECT_EQ(h.date->day, 29);  // a leap day is a real date
  ASSERT_TRUE(doc.created);
  EXPECT_EQ(doc.created->day, 29);
  EXPECT_EQ(h.marks, (std::vector<std::string>{"du-thao", "khan"}));
  EXPECT_EQ(at(h.pos), d + "/document.yaml:7:1");

  EXPECT_EQ(doc.title.spans, (std::vector<Span>{plain("Báo cáo "), bold("chính trị")}));
  EXPECT_EQ(at(doc.title.pos), d + "/document.yaml:15:8");
  ASSERT_EQ(doc.subtitle.size(), 2u);
  EXPECT_EQ(doc.subtitle[0].plain(), "của Đảng bộ Trường Cao đẳng Y tế khóa XV");
  EXPECT_EQ(doc.subtitle[1].plain(), "nhiệm kỳ 2025 - 2030");
  EXPECT_EQ(at(doc.subtitle[1].pos), d + "/document.yaml:18:6");  // after the opening quote

  ASSERT_TRUE(doc.signature);
  EXPECT_EQ(doc.signature->authority, "T/M BAN CHẤP HÀNH");
  EXPECT_EQ(doc.signature->title, "Bí thư");
  EXPECT_EQ(doc.signature->name, "Nguyễn Văn A");
  EXPECT_EQ(doc.signature->image, "chu-ky.png");
  ASSERT_EQ(doc.recipients.size(), 2u);
  EXPECT_EQ(doc.recipients[1].spans, (std::vector<Span>{plain("Lưu "), Span{"VP", false, true}}));

  ASSERT_EQ(doc.parts.size(), 2u);
  const Part& p1 = doc.parts[0];
  EXPECT_EQ(p1.file, d + "/phan-1.yaml");
  EXPECT_EQ(p1.title.plain(), "Kết quả khóa XV");
  ASSERT_EQ(p1.body.size(), 1u);
  EXPECT_EQ(p1.body[0].kind, Block::Kind::Paragraph);
  EXPECT_EQ(p1.body[0].text.plain(), "Đoạn mở đầu.");
  EXPECT_EQ(at(p1.body[0].pos), d + "/phan-1.yaml:3:5");

  ASSERT_EQ(p1.sections.size(), 1u);
  const Section& s1 = p1.sections[0];
  EXPECT_EQ(s1.title.plain(), "Đặc điểm tình hình");
  EXPECT_TRUE(s1.body.empty());
  ASSERT_EQ(s1.sections.size(), 2u);

  const Section& thuan_loi = s1.sections[0];
  EXPECT_EQ(thuan_loi.title.plain(), "Thuận lợi");
  EXPECT_TRUE(thuan_loi.numbered);
  EXPECT_EQ(at(thuan_loi.pos), d + "/phan-1.yaml:7:9");
  ASSERT_EQ(thuan_loi.body.size(), 2u);
  EXPECT_EQ(thuan_loi.body[0].text.spans,
            (std::vector<Span>{plain("Nhiệm kỳ qua, "), bold("Đảng bộ"), plain(" phát triển.")}));
  EXPECT_EQ(at(thuan_loi.body[0].pos), d + "/phan-1.yaml:9:14");

  const Block& list = thuan_loi.body[1];
  EXPECT_EQ(list.kind, Block::Kind::List);
  EXPECT_EQ(list.marker, "a)");
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].text.plain(), "Mục một");
  // The nested `list:` map after "Mục một" belongs to it.
  ASSERT_EQ(list.items[0].children.size(), 1u);
  const Block& sub = list.items[0].children[0];
  EXPECT_EQ(sub.kind, Block::Kind::List);
  EXPECT_EQ(sub.marker, "+");
  ASSERT_EQ(sub.items.size(), 2u);
  EXPECT_EQ(sub.items[1].text.plain(), "con b");
  // The bare nested YAML list after "Mục hai" is a "-" list under it.
  EXPECT_EQ(list.items[1].text.plain(), "Mục hai");
  ASSERT_EQ(list.items[1].children.size(), 1u);
  const Block& bare = list.items[1].children[0];
  EXPECT_EQ(bare.kind, Block::Kind::List);
  EXPECT_EQ(bare.marker, "-");
  ASSERT_EQ(bare.items.size(), 2u);
  EXPECT_EQ(bare.items[0].text.plain(), "lồng một");
  EXPECT_EQ(at(bare.items[0].text.pos), d + "/phan-1.yaml:15:19");

  const Section& kho_khan = s1.sections[1];
  EXPECT_FALSE(kho_khan.numbered);
  ASSERT_EQ(kho_khan.body.size(), 1u);
  EXPECT_EQ(kho_khan.body[0].kind, Block::Kind::Paragraph);
  EXPECT_EQ(kho_khan.body[0].text.plain(), "Căn giữa");
  EXPECT_EQ(kho_khan.body[0].align, "center");
  EXPECT_EQ(kho_khan.body[0].indent, std::optional<bool>(false));

  const Part& p2 = doc.parts[1];
  EXPECT_EQ(p2.file, d + "/sub/phan-2.yaml");
  EXPECT_TRUE(p2.title.empty());
  ASSERT_EQ(p2.sections.size(), 1u);
  ASSERT_EQ(p2.sections[0].body.size(), 1u);
  // A literal block scalar keeps its line break; its text starts on the line after `|`.
  EXPECT_EQ(p2.sections[0].body[0].text.plain(), "Dòng một\ndòng hai\n");
  EXPECT_EQ(at(p2.sections[0].body[0].pos), d + "/sub/phan-2.yaml:5:9");

  EXPECT_EQ(doc.placeholders, 0);
}

TEST(Load, OneFileDocumentWithBodyIsOneUntitledPart) {
  TempDir dir;
  const std::string file = dir.write("to-trinh.yaml", std::string(testing::kMinimalHead) +
                                                          "body:\n"
                                                          "  - Đoạn một.\n"
                                                          "  - Đoạn hai.\n");
  const Document doc = load_document(file);
  EXPECT_EQ(doc.folder, dir.str());
  EXPECT_EQ(doc.file, file);
  EXPECT_EQ(doc.style, "dang");  // the default
  EXPECT_EQ(doc.status, "draft");
  EXPECT_FALSE(doc.header.number);
  EXPECT_FALSE(doc.created);
  ASSERT_EQ(doc.parts.size(), 1u);
  EXPECT_TRUE(doc.parts[0].title.empty());
  EXPECT_EQ(doc.parts[0].file, file);
  EXPECT_EQ(at(doc.parts[0].pos), file + ":5:1");
  ASSERT_EQ(doc.parts[0].body.size(), 2u);
  EXPECT_EQ(doc.parts[0].body[1].text.plain(), "Đoạn hai.");
  EXPECT_EQ(at(doc.parts[0].body[1].pos), file + ":7:5");
}

TEST(Load, HeadIsGivenBeforeTheParts) {
  TempDir dir;
  dir.write("document.yaml", "style: nha-nuoc\n" + std::string(testing::kMinimalHead) + "parts: [a.yaml]\n");
  dir.write("a.yaml", "body:\n  - Một.\n");
  Head head = load_head(dir.str());
  EXPECT_EQ(head.document().style, "nha-nuoc");
  EXPECT_EQ(at(head.document().style_pos), dir.file("document.yaml") + ":1:8");
  EXPECT_EQ(head.document().folder, dir.str());
  EXPECT_TRUE(head.document().parts.empty());  // before the parts
  EXPECT_TRUE(head.document().title.empty());
  const Document doc = load_body(std::move(head));
  EXPECT_EQ(doc.style, "nha-nuoc");
  EXPECT_EQ(doc.title.plain(), "Báo cáo");
  ASSERT_EQ(doc.parts.size(), 1u);
}

TEST(Load, SubtitleMayBeOneString) {
  TempDir dir;
  dir.write("document.yaml", std::string(testing::kMinimalHead) + "subtitle: một dòng\nbody: [x]\n");
  const Document doc = load_document(dir.str());
  ASSERT_EQ(doc.subtitle.size(), 1u);
  EXPECT_EQ(doc.subtitle[0].plain(), "một dòng");
}

TEST(Load, NfdInputBecomesNfc) {
  // "Báo cáo" and "Đảng ủy" typed with combining marks, in text, a header field and a variable.
  const std::string bao_cao_nfd = "Ba\xCC\x81o ca\xCC\x81o";
  const std::string dang_uy_nfd = "\xC4\x90" "a\xCC\x89ng u\xCC\x89y";
  TempDir dir;
  dir.write("document.yaml", "kind: bao-cao\n"
                             "variables:\n"
                             "  ten: " + dang_uy_nfd + "\n"
                             "header:\n"
                             "  issuer: " + dang_uy_nfd + "\n"
                             "title: " + bao_cao_nfd + "\n"
                             "body:\n"
                             "  - \"" + bao_cao_nfd + " {ten}\"\n");
  const Document doc = load_document(dir.str());
  const std::string bao_cao = "B\xC3\xA1o c\xC3\xA1o";       // á as U+00E1
  const std::string dang_uy = "\xC4\x90\xE1\xBA\xA3ng \xE1\xBB\xA7y";  // ả U+1EA3, ủ U+1EE7
  EXPECT_EQ(doc.title.plain(), bao_cao);
  EXPECT_EQ(doc.header.issuer, dang_uy);
  EXPECT_EQ(doc.variables.at("ten"), dang_uy);
  ASSERT_EQ(doc.parts.size(), 1u);
  EXPECT_EQ(doc.parts[0].body[0].text.plain(), bao_cao + " " + dang_uy);
}

TEST(Load, PlaceholdersAreCountedWithTheirPlaces) {
  TempDir dir;
  dir.write("document.yaml",
            "kind: bao-cao\n"                                   // 1
            "variables:\n"                                      // 2
            "  so: \"….\"\n"                                    // 3
            "header:\n"                                         // 4
            "  issuer: ĐẢNG ỦY ….\n"                             // 5
            "title: Báo cáo\n"                                  // 6
            "parts: [phan-1.yaml]\n");                          // 7
  dir.write("phan-1.yaml",
            "body:\n"                                           // 1
            "  - Ngày ... tháng ......... năm 20…, số {so}.\n"  // 2
            "  - Hai chấm .. và một chấm. không phải.\n");     // 3
  const std::string d = dir.str();
  const Document doc = load_document(d);
  ASSERT_EQ(doc.placeholders, 5);
  ASSERT_EQ(doc.placeholder_places.size(), 5u);
  EXPECT_EQ(at(doc.placeholder_places[0]), d + "/document.yaml:5:19");
  EXPECT_EQ(at(doc.placeholder_places[1]), d + "/phan-1.yaml:2:10");
  EXPECT_EQ(at(doc.placeholder_places[2]), d + "/phan-1.yaml:2:20");
  EXPECT_EQ(at(doc.placeholder_places[3]), d + "/phan-1.yaml:2:36");
  // The variable's "…." is placed at the `{` of its use.
  EXPECT_EQ(at(doc.placeholder_places[4]), d + "/phan-1.yaml:2:42");
}

TEST(Load, FileNamesInMessagesAreThePathAsGiven) {
  TempDir dir;
  dir.write("bc/document.yaml", std::string(testing::kMinimalHead) + "parts:\n  - phan-3.yaml\n");
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.str());
  const auto ds = testing::load_errors("bc/");
  std::filesystem::current_path(cwd);
  testing::expect_errors(ds, {{"bc/document.yaml:6:5", "part file not found: phan-3.yaml"}});
}

TEST(Load, TheSeedDocumentLoads) {
  const std::string seed = std::string(VANBAN_SOURCE_DIR) + "/content/bao-cao-chinh-tri";
  if (!std::filesystem::exists(seed + "/document.yaml")) GTEST_SKIP() << "no seed document";
  const Document doc = load_document(seed);
  EXPECT_EQ(doc.kind, "bao-cao");
  ASSERT_EQ(doc.parts.size(), 2u);
  EXPECT_FALSE(doc.parts[0].sections.empty());
  EXPECT_GT(doc.placeholders, 0);
  // Everything is NFC, whatever the seed typed.
  std::vector<const Text*> texts{&doc.title};
  for (const auto& p : doc.parts)
    for (const auto& s : p.sections) texts.push_back(&s.title);
  for (const Text* t : texts)
    for (const auto& span : t->spans) EXPECT_EQ(span.text, text::nfc(span.text));
}

}  // namespace
}  // namespace vanban::content
