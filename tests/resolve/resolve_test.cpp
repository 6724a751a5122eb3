// Resolving a document with a style: numbering labels, case, `{name}` templates, list
// markers, the header's and the closing row's texts.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/resolve/dump.hpp"
#include "pipeline/resolve/resolve.hpp"
#include "tests/resolve/helpers.hpp"

using namespace vanban;
using namespace vanban::resolve;
using test::plain;
using test::section;
using test::text;

namespace {

struct Resolve : ::testing::Test {
  style::Style st = style::load_style("dang", std::string(VANBAN_SOURCE_DIR) + "/styles", ".", {});
  content::Document doc;

  Resolve() {
    doc.kind = "bao-cao";
    doc.header.issuer = "Đảng ủy xã An Bình";
    doc.header.code = "BC/ĐU";
    doc.title = text("Tình hình năm 2025");
    doc.parts.emplace_back();
  }
};

}  // namespace

TEST(FillTemplate, ReplacesEveryUseAndLeavesOtherBraces) {
  EXPECT_EQ(fill_template("Số {number}-{code} ({number})", {{"number", "07"}, {"code", "BC/ĐU"}}),
            "Số 07-BC/ĐU (07)");
  EXPECT_EQ(fill_template("{place} {other}", {{"place", "An Bình"}}), "An Bình {other}");
  // A value that holds its own key is put in once, not again and again.
  EXPECT_EQ(fill_template("{code}", {{"code", "{code}x"}}), "{code}x");
}

TEST(ListMarker, CountsLettersAndNumbersAndRepeatsSymbols) {
  EXPECT_EQ(list_marker("a)", 1), "a)");
  EXPECT_EQ(list_marker("a)", 5), "đ)");  // Vietnamese order: a b c d đ e
  EXPECT_EQ(list_marker("1.", 12), "12.");
  EXPECT_EQ(list_marker("-", 3), "-");
  EXPECT_EQ(list_marker("•", 2), "•");
}

TEST(Span, TakesTheCaseAndAddsWeightAndSlant) {
  style::TextStyle ts;
  ts.size = pt(14);
  ts.bold = true;
  ts.text_case = style::Case::Upper;
  const Span s = span("đảng ủy", ts, false, true);
  EXPECT_EQ(s.text, "ĐẢNG ỦY");
  EXPECT_EQ(s.size, pt(14));
  EXPECT_TRUE(s.bold);
  EXPECT_TRUE(s.italic);  // the inline italic adds to the style's upright
}

TEST_F(Resolve, HeadingLabelsCountByLevelAndRestartUnderANewParent) {
  doc.parts[0].sections = {section("Tình hình", {section("Kinh tế"), section("Xã hội")}),
                           section("Phương hướng", {section("Mục tiêu")})};
  const StyledDocument s = resolve_document(doc, st);
  std::vector<std::string> outlines;
  for (const auto& b : s.body)
    if (b.outline) outlines.push_back(std::to_string(b.outline->level) + " " + b.outline->title);
  const std::vector<std::string> want = {"1 I- TÌNH HÌNH", "2 1- Kinh tế", "2 2- Xã hội", "1 II- PHƯƠNG HƯỚNG",
                                         "2 1- Mục tiêu"};
  EXPECT_EQ(outlines, want);
  // The heading's text: the label with its separator, then the title in the level's case.
  EXPECT_EQ(plain(s.body[0].paragraphs[0]), "I- TÌNH HÌNH");
  EXPECT_TRUE(s.body[0].keep_with_next);
}

TEST_F(Resolve, TitledPartsGetOrdinalLabelsOnTheirOwnParagraph) {
  doc.parts[0].title = text("Kết quả");
  doc.parts.emplace_back();
  doc.parts[1].title = text("Phương hướng");
  doc.parts[1].sections = {section("Mục tiêu")};
  const StyledDocument s = resolve_document(doc, st);
  ASSERT_EQ(s.body.size(), 3u);
  EXPECT_EQ(s.body[0].kind, Block::Kind::PartHeading);
  ASSERT_EQ(s.body[0].paragraphs.size(), 2u);
  EXPECT_EQ(plain(s.body[0].paragraphs[0]), "Phần thứ nhất");
  EXPECT_EQ(plain(s.body[0].paragraphs[1]), "KẾT QUẢ");
  EXPECT_EQ(plain(s.body[1].paragraphs[0]), "Phần thứ hai");
  EXPECT_EQ(s.body[1].outline->title, "Phần thứ hai. PHƯƠNG HƯỚNG");
  EXPECT_EQ(s.body[2].outline->title, "I- MỤC TIÊU");  // sections count on across parts
}

TEST_F(Resolve, HeaderTextsFromTheStyleTemplates) {
  doc.header.number = 7;
  doc.header.place = "An Bình";
  doc.header.date = content::Date{2025, 2, 5};
  doc.header.marks = {"du-thao"};
  const HeaderGrid h = resolve_document(doc, st).header;
  EXPECT_EQ(h.issuer.text, "ĐẢNG ỦY XÃ AN BÌNH");  // the issuer's style is upper case
  EXPECT_EQ(h.number.text, "Số 07-BC/ĐU");        // padded to two digits
  EXPECT_EQ(h.date.text, "An Bình, ngày 05 tháng 02 năm 2025");
  ASSERT_EQ(h.top_marks.size(), 1u);
  EXPECT_EQ(h.top_marks[0].text.text, "DỰ THẢO");
  ASSERT_FALSE(h.national.empty());
  EXPECT_EQ(h.national[0].text, "ĐẢNG CỘNG SẢN VIỆT NAM");
}

TEST_F(Resolve, BlankNumberAndDateWhenNotGiven) {
  const HeaderGrid h = resolve_document(doc, st).header;
  EXPECT_EQ(h.number.text, "Số      -BC/ĐU");
  EXPECT_EQ(h.date.text, "…., ngày     tháng     năm 20…");
}

TEST_F(Resolve, UnknownMarkIsAnErrorAtTheHeader) {
  doc.header.marks = {"bi-mat"};
  doc.header.pos = {"van-ban.yaml", 4, 1};
  try {
    resolve_document(doc, st);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(format(e.diagnostics().front()).find("van-ban.yaml:4:1: error: unknown mark `bi-mat`"),
              std::string::npos);
  }
}

TEST_F(Resolve, TypeLineOnlyWhenTheTitleDoesNotStartWithIt) {
  TitleBlock t = resolve_document(doc, st).title;
  ASSERT_EQ(t.lines.size(), 2u);
  EXPECT_EQ(plain(t.lines[0]), "BÁO CÁO");
  EXPECT_EQ(plain(t.lines[1]), "Tình hình năm 2025");  // the summary keeps its case
  doc.title = text("Báo cáo tình hình");
  t = resolve_document(doc, st).title;
  ASSERT_EQ(t.lines.size(), 1u);
  EXPECT_EQ(plain(t.lines[0]), "BÁO CÁO TÌNH HÌNH");
}

TEST_F(Resolve, ListItemsNumberedAndNestedItemsIndented) {
  content::Block list;
  list.kind = content::Block::Kind::List;
  list.marker = "a)";
  list.items.resize(2);
  list.items[0].text = text("một");
  list.items[1].text = text("hai");
  content::Block inner = list;
  inner.marker = "-";
  list.items[1].children.push_back(inner);
  doc.parts[0].body.push_back(list);
  const StyledDocument s = resolve_document(doc, st);
  ASSERT_EQ(s.body.size(), 4u);
  EXPECT_EQ(plain(s.body[0].paragraphs[0]), "a) một");
  EXPECT_EQ(plain(s.body[1].paragraphs[0]), "b) hai");
  EXPECT_EQ(plain(s.body[2].paragraphs[0]), "- một");
  EXPECT_EQ(s.body[1].left, 0);
  EXPECT_EQ(s.body[2].left, st.list.indent);
}

TEST_F(Resolve, RecipientsGetPrefixAndEndings) {
  doc.recipients = {text("Huyện ủy"), text("Lưu văn phòng.")};
  const StyledDocument s = resolve_document(doc, st);
  ASSERT_TRUE(s.closing);
  ASSERT_EQ(s.closing->recipients.size(), 3u);
  EXPECT_EQ(plain(s.closing->recipients[0]), st.recipients.label);
  EXPECT_EQ(plain(s.closing->recipients[1]), st.recipients.prefix + "Huyện ủy" + st.recipients.item_end);
  EXPECT_EQ(plain(s.closing->recipients[2]), st.recipients.prefix + "Lưu văn phòng.");  // has its own full stop
}

TEST_F(Resolve, DumpShowsEveryTextWithItsLook) {
  doc.parts[0].sections = {section("Tình hình")};
  const std::string dump = dump_styled(resolve_document(doc, st));
  EXPECT_NE(dump.find("  issuer | [14 b]ĐẢNG ỦY XÃ AN BÌNH\n"), std::string::npos) << dump;
  EXPECT_NE(dump.find("heading keep outline=1:I- TÌNH HÌNH\n"), std::string::npos) << dump;
}
