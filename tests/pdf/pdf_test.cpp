// The PDF writer, checked with the real tools: pdftotext, pdffonts, pdfinfo, qpdf.
#include <gtest/gtest.h>
#include <hb.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/pdf/content_stream.hpp"
#include "pipeline/pdf/font_embed.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/shape/glyph_text.hpp"
#include "pipeline/shape/shaper.hpp"

namespace fs = std::filesystem;
using namespace vanban;
using namespace vanban::layout;
using namespace vanban::shape;
using vanban::pdf::Metadata;

using namespace std::string_literals;

namespace {

struct ToolResult {
  int status = -1;
  std::string out;
};

/// Runs a shell command and captures its stdout (stderr too when asked).
ToolResult run(const std::string& cmd) {
  ToolResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

bool have_tool(const std::string& name) { return run("command -v " + name + " >/dev/null 2>&1").status == 0; }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

/// This process's scratch folder; removed at exit unless VANBAN_KEEP_TEST_FILES is set
/// (set it to look at the PDFs, e.g. render them with pdftoppm).
fs::path temp_root() { return fs::temp_directory_path() / ("vanban_pdf_test_" + std::to_string(::getpid())); }

class TempCleanup : public ::testing::Environment {
 public:
  void TearDown() override {
    if (!std::getenv("VANBAN_KEEP_TEST_FILES")) fs::remove_all(temp_root());
  }
};
[[maybe_unused]] ::testing::Environment* const kCleanup = ::testing::AddGlobalTestEnvironment(new TempCleanup);

/// A fresh, empty folder for one test.
fs::path temp_dir(const std::string& name) {
  const fs::path d = temp_root() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::vector<std::string> nonempty_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\f' || line.back() == ' ' || line.back() == '\r')) line.pop_back();
    while (!line.empty() && line.front() == '\f') line.erase(0, 1);
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

const char* const kLine1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const char* const kLine2 = "Đảng Cộng sản Việt Nam — ệ ỗ ự";
const char* const kLine3 = "AV Ta Tô Văn Lâm";
const char* const kLine4 = "Nguyễn Thị Phượng, Hà Nội, ngày 25 tháng 11 năm 2025";
const char* const kPage2 = "Phần thứ hai: Phương hướng, nhiệm vụ";
// No precomposed forms: base + combining mark, placed by GPOS (x and y offsets).
const char* const kMarks = "Dấu rời: q\u0323 x\u0303 b\u0309";

/// Two faces of Liberation Serif, a shaper, and a small hand-made two-page document.
struct Sample {
  FontSet fonts;
  Shaper shaper{fonts};
  FontId regular = 0, bold = 0;
  PagedDocument doc;
  Metadata meta;

  Sample() {
    const std::string r = find_face("Liberation Serif", FaceStyle::Regular);
    const std::string b = find_face("Liberation Serif", FaceStyle::Bold);
    if (r.empty() || b.empty()) throw std::runtime_error("Liberation Serif is not installed");
    regular = fonts.add(r);
    bold = fonts.add(b);

    Page p1{mm(210), mm(297), {}, {}, {}};
    p1.runs.push_back(run(bold, 14, 72, 90, kLine1));
    p1.rules.push_back({pt(72), pt(97), pt(200), pt(0.5)});
    p1.runs.push_back(run(regular, 13, 72, 130, kLine2));
    p1.runs.push_back(run(regular, 13, 72, 150, kLine3));
    p1.runs.back().underline = true;
    p1.runs.push_back(run(regular, 13, 72, 170, kLine4));
    Page p2{mm(210), mm(297), {}, {}, {}};
    p2.runs.push_back(run(bold, 14, 72, 90, kPage2));
    p2.runs.push_back(run(regular, 13, 72, 120, kMarks));
    doc.pages = {p1, p2};
    doc.outline = {{"Phần thứ nhất", 0, 0, pt(90)},
                   {"Chương I. Tình hình", 1, 0, pt(130)},
                   {"Mục 1", 2, 0, pt(150)},
                   {"Chương II", 1, 0, pt(170)},
                   {"Phần thứ hai", 0, 1, pt(90)}};

    meta.title = "Báo cáo chính trị của Ban Chấp hành Đảng bộ";
    meta.author = "Đảng ủy xã Tân Hòa";
    meta.subject = "Văn kiện Đại hội";
    meta.created = 1764059400;  // 2025-11-25 08:30:00 UTC
    doc.glyph_texts = glyph_texts(shaper);  // what the pages' glyphs stand for (ToUnicode)
  }

  /// Shapes `text` and places its glyphs from HarfBuzz advances and offsets, scaled
  /// size/upem, the way the page builder does.
  TextRun run(FontId f, double size_pt, double x_pt, double y_pt, const std::string& text) {
    const Shaped& s = shaper.shape(f, text);
    TextRun r;
    r.font = f;
    r.size = pt(size_pt);
    r.x = pt(x_pt);
    r.y = pt(y_pt);
    const Sp upem = fonts[f].upem();
    std::int64_t pen = 0;  // font units
    for (const auto& g : s.glyphs) {
      // HarfBuzz y goes up, page y goes down.
      r.glyphs.push_back(layout::place_glyph(g.gid, (pen + g.x_offset) * r.size / upem, -g.y_offset * r.size / upem));
      pen += g.x_advance;
    }
    return r;
  }

  /// x of glyph `i` of a run, in pt.
  double glyph_x_pt(const TextRun& r, std::size_t i) const { return to_pt(r.x + r.glyphs[i].x); }
};

/// Writes the sample once per test binary run into a shared folder.
fs::path sample_pdf() {
  static fs::path path = [] {
    Sample s;
    const fs::path p = temp_dir("sample") / "sample.pdf";
    pdf::write_file_atomically(p.string(), pdf::write_pdf(s.doc, s.fonts, s.meta));
    return p;
  }();
  return path;
}

#define REQUIRE_TOOL(name) \
  if (!have_tool(name)) GTEST_SKIP() << name << " is not installed"

}  // namespace

// ---------------------------------------------------------------- helpers, no tools

TEST(PdfNumber, ShortestFixedForm) {
  const auto f = [](double v, int d) {
    std::string s;
    pdf::append_number(s, v, d);
    return s;
  };
  EXPECT_EQ(f(12, 3), "12");
  EXPECT_EQ(f(12.5, 3), "12.5");
  EXPECT_EQ(f(841.889763, 3), "841.89");
  EXPECT_EQ(f(-0.0001, 3), "0");
  EXPECT_EQ(f(-12.3456, 2), "-12.35");
  EXPECT_EQ(f(0.0005, 3), "0.001");  // round-half-even would say 0; to_chars rounds the decimal exactly
  EXPECT_EQ(f(100, 0), "100");
}

TEST(PdfDate, UtcFixedForm) {
  EXPECT_EQ(pdf::pdf_date(0), "D:19700101000000+00'00'");
  EXPECT_EQ(pdf::pdf_date(1764059400), "D:20251125083000+00'00'");
}

TEST(ToUnicode, BlocksOfHundredAndSurrogates) {
  std::map<std::uint32_t, std::u32string> m;
  for (std::uint32_t cid = 1; cid <= 150; ++cid) m[cid] = std::u32string(1, U'a');
  m[151] = U"\U0001F600";    // outside the BMP: a surrogate pair
  m[152] = U"fi";            // a ligature: two UTF-16 units
  m[153] = U"";              // no text: left out
  const std::string cmap = pdf::to_unicode_cmap(m);
  EXPECT_NE(cmap.find("100 beginbfchar"), std::string::npos);
  EXPECT_NE(cmap.find("52 beginbfchar"), std::string::npos);
  EXPECT_NE(cmap.find("<0097> <D83DDE00>"), std::string::npos);
  EXPECT_NE(cmap.find("<0098> <00660069>"), std::string::npos);
  EXPECT_EQ(cmap.find("<0099>"), std::string::npos);
  EXPECT_NE(cmap.find("<0000> <FFFF>"), std::string::npos);
}

TEST(SubsetTag, DeterministicAndPerGlyphSet) {
  const std::set<std::uint32_t> a{1, 2, 3}, b{1, 2, 4};
  const std::string t = pdf::subset_tag("LiberationSerif", a);
  EXPECT_EQ(t, pdf::subset_tag("LiberationSerif", a));
  EXPECT_NE(t, pdf::subset_tag("LiberationSerif", b));
  EXPECT_NE(t, pdf::subset_tag("LiberationSerif-Bold", a));
  ASSERT_EQ(t.size(), 6u);
  for (char c : t) EXPECT_TRUE(c >= 'A' && c <= 'Z') << t;
}

TEST(EmbedFont, SubsetHasUsedGlyphsWidthsAndText) {
  Sample s;
  const Shaped& sh = s.shaper.shape(s.regular, "Việt");
  std::set<std::uint32_t> gids;
  for (const auto& g : sh.glyphs) gids.insert(g.gid);
  const pdf::EmbeddedFont e = pdf::embed_font(s.fonts[s.regular], gids, glyph_texts(s.shaper)[s.regular]);
  EXPECT_EQ(e.base_font.substr(6), "+LiberationSerif");
  EXPECT_EQ(e.glyphs.cid(0), 0u);  // .notdef stays CID 0
  for (std::uint32_t g : gids) {
    const std::uint32_t cid = e.glyphs.cid(g);
    ASSERT_NE(cid, pdf::GlyphMap::kNone) << g;
    EXPECT_NEAR(e.glyphs.width[cid], s.fonts[s.regular].advance(g) * 1000.0 / 2048, 0.0005);
  }
  EXPECT_LT(e.font_file.size(), 60000u);  // a subset, not the 400 KB font
  // No hinting programs (viewers and printers do not run them) nor layout tables.
  hb_blob_t* blob = hb_blob_create(e.font_file.data(), static_cast<unsigned>(e.font_file.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* sub = hb_face_create(blob, 0);
  hb_tag_t tags[64];
  unsigned count = 64;
  hb_face_get_table_tags(sub, 0, &count, tags);
  std::set<std::string> names;
  for (unsigned i = 0; i < count; ++i) {
    char name[5] = {};
    hb_tag_to_string(tags[i], name);
    names.insert(name);
  }
  hb_face_destroy(sub);
  hb_blob_destroy(blob);
  EXPECT_TRUE(names.count("glyf") && names.count("loca") && names.count("hmtx")) << names.size();
  for (const char* dropped : {"fpgm", "prep", "cvt ", "GSUB", "GPOS"}) EXPECT_FALSE(names.count(dropped)) << dropped;
  EXPECT_NE(e.to_unicode.find("<1EC7>"), std::string::npos);  // ệ
  EXPECT_EQ(e.flags, 4 | 2);  // symbolic + serif
  EXPECT_GT(e.ascent, 0);
  EXPECT_LT(e.descent, 0);
  EXPECT_GT(e.cap_height, 0);
  EXPECT_LT(e.bbox[0], e.bbox[2]);
}

TEST(ContentStream, KerningBecomesTjAdjustmentAndMarksGetOwnMatrix) {
  Sample s;
  Page page{pt(200), pt(100), {}, {}, {}};
  TextRun r = s.run(s.regular, 10, 10, 20, "AV");
  // A raised glyph (as a GPOS mark would be) on a second run.
  TextRun m = s.run(s.regular, 10, 10, 40, "xy");
  m.glyphs[1].y = -pt(2);
  page.runs = {r, m};
  pdf::GlyphMap map;
  std::uint32_t next = 1;
  for (const auto& run : page.runs)
    for (const auto& g : run.glyphs)
      if (map.cid(g.gid) == pdf::GlyphMap::kNone) map.add(g.gid, next++);
  map.width.assign(next, 0);
  for (std::uint32_t gid = 0; gid < map.cids.size(); ++gid)
    if (map.cid(gid) != pdf::GlyphMap::kNone)
      map.width[map.cid(gid)] = static_cast<std::int32_t>(std::lround(s.fonts[s.regular].advance(gid) * 1000.0 / 2048));
  std::vector<const pdf::GlyphMap*> maps{&map, nullptr};
  const std::string c = pdf::page_content(page, s.fonts, maps);
  // AV is kerned by -264 units: V sits at (1479 - 264) / 2048 em = 593.26 thousandths, while the
  // declared width of A leaves the pen at round(722.17) = 722; TJ moves V back by the difference.
  // CIDs are the two bytes of Identity-H in literal strings.
  EXPECT_NE(c.find("/F0 10 Tf\n1 0 0 1 10 80 Tm\n[(\0\1)128.74(\0\2)]TJ\n"s), std::string::npos) << c;
  // "x" on the baseline, "y" raised by 2 pt with its own matrix (y = 100 - 40 + 2).
  EXPECT_NE(c.find("1 0 0 1 10 60 Tm\n[(\0\3)]TJ\n"s), std::string::npos) << c;
  EXPECT_NE(c.find(" 62 Tm\n(\0\4)Tj\n"s), std::string::npos) << c;
  EXPECT_EQ(c.find("/F0 10 Tf", c.find("Tf") + 1), std::string::npos) << "Tf repeated for the same font";
  // A run whose font has no subset is a bug of the caller, not a silent omission.
  std::vector<const pdf::GlyphMap*> none{nullptr, nullptr};
  EXPECT_THROW(pdf::page_content(page, s.fonts, none), std::logic_error);
}

TEST(ContentStream, StringDelimitersAndCarriageReturnAreEscaped) {
  Sample s;
  Page page{pt(200), pt(100), {}, {}, {}};
  TextRun r = s.run(s.regular, 10, 10, 20, "ABCD");
  page.runs = {r};
  pdf::GlyphMap map;
  // CIDs whose bytes are '(' ')' '\\' and CR: a reader would end the string early, or read
  // CR as LF, if they went out raw.
  const std::uint32_t cids[] = {0x2829, 0x5C0D, 0x0A00, 0x4142};
  map.width.assign(0x5C0E, 0);
  for (std::size_t i = 0; i < 4; ++i) {
    map.add(r.glyphs[i].gid, cids[i]);
    map.width[cids[i]] = s.fonts[s.regular].advance(r.glyphs[i].gid) * 1000.0 / 2048;
  }
  const std::string c = pdf::page_content(page, s.fonts, {&map});
  EXPECT_NE(c.find("[(\\(\\)\\\\\\r\n\0AB)]TJ"s), std::string::npos) << c;
}

TEST(ContentStream, RulesAndUnderlineAreFilledRectangles) {
  Sample s;
  Page page{pt(200), pt(100), {}, {}, {}};
  page.rules.push_back({pt(10), pt(50), pt(100), pt(1)});
  TextRun r = s.run(s.regular, 10, 20, 30, "AV");
  r.underline = true;
  page.runs = {r};
  pdf::GlyphMap map;
  map.add(r.glyphs[0].gid, 1);
  map.add(r.glyphs[1].gid, 2);
  map.width = {0, 722, 722};
  const std::string c = pdf::page_content(page, s.fonts, {&map});
  EXPECT_NE(c.find("10 49.5 100 1 re f\n"), std::string::npos) << c;
  // Underline: 0.5 pt thick (0.05 em), centred 1 pt (0.1 em) below the baseline at y = 30.
  const double width = to_pt(pdf::run_width(r, s.fonts[s.regular]));
  std::string expect = "20 68.75 ";
  pdf::append_number(expect, width, 3);
  expect += " 0.5 re f\n";
  EXPECT_NE(c.find(expect), std::string::npos) << c;
  EXPECT_LT(c.find("re f"), c.find("BT"));
}

// ---------------------------------------------------------------- the PDF, checked by tools

TEST(PdfTools, PdftotextGivesBackTheText) {
  REQUIRE_TOOL("pdftotext");
  const fs::path pdf = sample_pdf();
  const ToolResult p1 = run("pdftotext -enc UTF-8 -f 1 -l 1 '" + pdf.string() + "' -");
  ASSERT_EQ(p1.status, 0);
  EXPECT_EQ(nonempty_lines(p1.out), (std::vector<std::string>{kLine1, kLine2, kLine3, kLine4})) << p1.out;
  const ToolResult p2 = run("pdftotext -enc UTF-8 -f 2 -l 2 '" + pdf.string() + "' -");
  EXPECT_EQ(nonempty_lines(p2.out), (std::vector<std::string>{kPage2, kMarks})) << p2.out;
}

TEST(PdfTools, PdffontsShowsEmbeddedSubsetCidFontsWithToUnicode) {
  REQUIRE_TOOL("pdffonts");
  const ToolResult r = run("pdffonts '" + sample_pdf().string() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  int fonts = 0;
  const std::regex row(R"(^[A-Z]{6}\+LiberationSerif(-Bold)?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s)");
  for (const auto& line : nonempty_lines(r.out)) {
    if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
    ++fonts;
    EXPECT_TRUE(std::regex_search(line + " ", row)) << line;
  }
  EXPECT_EQ(fonts, 2) << r.out;
}

TEST(PdfTools, QpdfCheckIsClean) {
  REQUIRE_TOOL("qpdf");
  const ToolResult r = run("qpdf --check '" + sample_pdf().string() + "' 2>&1");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors"), std::string::npos) << r.out;
}

TEST(PdfTools, WordPositionsMatchLayout) {
  REQUIRE_TOOL("pdftotext");
  Sample s;  // the same layout as the written sample
  const ToolResult r = run("pdftotext -bbox -f 1 -l 1 '" + sample_pdf().string() + "' -");
  ASSERT_EQ(r.status, 0);
  // <word xMin="72.000000" yMin="..." xMax="..." yMax="...">CỘNG</word>
  const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
  std::vector<std::pair<double, std::string>> words;
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), word), end; it != end; ++it)
    words.emplace_back(std::stod((*it)[1]), (*it)[5]);
  ASSERT_GE(words.size(), 10u) << r.out;
  EXPECT_EQ(words[0].second, "CỘNG");
  EXPECT_NEAR(words[0].first, 72.0, 0.1);
  // A word inside a line lands where layout put its first glyph: "Việt" in line 2 starts
  // after "Đảng Cộng sản " (14 glyphs), "Ta" in the kerned line 3 after "AV ".
  const TextRun line2 = s.run(s.regular, 13, 72, 130, kLine2);
  const TextRun line3 = s.run(s.regular, 13, 72, 150, kLine3);
  bool seen_viet = false, seen_ta = false;
  for (const auto& [x, w] : words) {
    if (w == "Việt") {
      EXPECT_NEAR(x, s.glyph_x_pt(line2, 14), 0.1);
      seen_viet = true;
    }
    if (w == "Ta") {
      EXPECT_NEAR(x, s.glyph_x_pt(line3, 3), 0.1);
      seen_ta = true;
    }
  }
  EXPECT_TRUE(seen_viet && seen_ta) << r.out;
}

TEST(PdfTools, PdfinfoShowsMetadataAndPages) {
  REQUIRE_TOOL("pdfinfo");
  const ToolResult r = run("TZ=UTC pdfinfo -isodates '" + sample_pdf().string() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("Title:           Báo cáo chính trị của Ban Chấp hành Đảng bộ\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Author:          Đảng ủy xã Tân Hòa\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Subject:         Văn kiện Đại hội\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Producer:        vanban\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("CreationDate:    2025-11-25T08:30:00"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ModDate:         2025-11-25T08:30:00"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Pages:           2\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos) << r.out;
}

TEST(PdfTools, OutlineIsNestedWithDestinations) {
  REQUIRE_TOOL("qpdf");
  REQUIRE_TOOL("python3");
  // qpdf's JSON nests each item's kids and resolves the target page; flatten it to
  // "depth:title:page:top:open" lines.
  const ToolResult r = run(
      "qpdf --json --json-key=outlines '" + sample_pdf().string() + "' | PYTHONIOENCODING=utf-8 python3 -c '"
      "import json, sys\n"
      "def walk(items, depth):\n"
      "    for x in items:\n"
      "        print(\"%d:%s:%d:%g:%s\" % (depth, x[\"title\"], x[\"destpageposfrom1\"], x[\"dest\"][3], x[\"open\"]))\n"
      "        walk(x[\"kids\"], depth + 1)\n"
      "walk(json.load(sys.stdin)[\"outlines\"], 0)\n'");
  ASSERT_EQ(r.status, 0) << r.out;
  // Tops are page height - y: 841.89 - 90 = 751.89, and so on.
  EXPECT_EQ(r.out,
            "0:Phần thứ nhất:1:751.89:True\n"
            "1:Chương I. Tình hình:1:711.89:True\n"
            "2:Mục 1:1:691.89:True\n"
            "1:Chương II:1:671.89:True\n"
            "0:Phần thứ hai:2:751.89:True\n");
}

TEST(PdfWrite, SameInputSameBytes) {
  Sample a;
  const auto first = pdf::write_pdf(a.doc, a.fonts, a.meta);
  const auto second = pdf::write_pdf(a.doc, a.fonts, a.meta);
  EXPECT_EQ(first, second);
  Sample b;  // fresh fonts, fresh shaper cache
  EXPECT_EQ(pdf::write_pdf(b.doc, b.fonts, b.meta), first);
  // And what is on disk is exactly what write_pdf returned.
  const std::string disk = read_file(sample_pdf());
  EXPECT_EQ(std::vector<char>(disk.begin(), disk.end()), first);
}

TEST(PdfWrite, CatalogHasLangAndViewerPreferences) {
  Sample s;
  const auto bytes = pdf::write_pdf(s.doc, s.fonts, s.meta);
  const std::string text(bytes.begin(), bytes.end());
  // The catalog is not compressed: look for its keys directly.
  EXPECT_NE(text.find("/Lang (vi-VN)"), std::string::npos);
  EXPECT_NE(text.find("/DisplayDocTitle true"), std::string::npos);
  EXPECT_NE(text.find("/PageMode /UseOutlines"), std::string::npos);
  EXPECT_EQ(text.rfind("%PDF-1.7\n", 0), 0u);
}

TEST(PdfWrite, BadInputThrows) {
  Sample s;
  PagedDocument d = s.doc;
  d.outline.push_back({"Ngoài", 0, 9, 0});
  EXPECT_THROW(pdf::write_pdf(d, s.fonts, s.meta), std::runtime_error);
  d = s.doc;
  d.pages[0].runs[0].font = 7;
  EXPECT_THROW(pdf::write_pdf(d, s.fonts, s.meta), std::runtime_error);
}

TEST(PdfWrite, EmptyDocumentPartsAreFine) {
  Sample s;
  PagedDocument d;
  d.pages.push_back({mm(148), mm(210), {}, {}, {}});  // one blank A5 page, no fonts used
  Metadata m;
  const auto bytes = pdf::write_pdf(d, s.fonts, m);
  ASSERT_FALSE(bytes.empty());
  if (!have_tool("qpdf")) return;
  const fs::path p = temp_dir("blank") / "blank.pdf";
  pdf::write_file_atomically(p.string(), bytes);
  const ToolResult r = run("qpdf --check '" + p.string() + "' 2>&1");
  EXPECT_EQ(r.status, 0) << r.out;
}

// ---------------------------------------------------------------- atomic write

TEST(AtomicWrite, CreatesMissingFolders) {
  const fs::path dir = temp_dir("mkdirs");
  const fs::path p = dir / "a" / "b" / "out.pdf";
  pdf::write_file_atomically(p.string(), {'%', 'P', 'D', 'F'});
  EXPECT_EQ(read_file(p), "%PDF");
  // Replacing an existing file works too.
  pdf::write_file_atomically(p.string(), {'n', 'e', 'w'});
  EXPECT_EQ(read_file(p), "new");
}

TEST(AtomicWrite, RefusesAFolder) {
  const fs::path dir = temp_dir("isdir");
  EXPECT_THROW(pdf::write_file_atomically(dir.string(), {'x'}), std::runtime_error);
  EXPECT_TRUE(fs::is_directory(dir));
}

TEST(AtomicWrite, FailedWriteKeepsOldFileAndLeavesNoTemporary) {
  const fs::path dir = temp_dir("fail");
  const fs::path p = dir / "out.pdf";
  pdf::write_file_atomically(p.string(), {'o', 'l', 'd'});

  // Make write(2) fail half-way, even as root: a file-size limit (EFBIG instead of SIGXFSZ).
  struct rlimit old_limit {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  const auto old_handler = ::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = old_limit;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string message;
  try {
    pdf::write_file_atomically(p.string(), std::vector<char>(100000, 'x'));
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  ::signal(SIGXFSZ, old_handler);

  EXPECT_NE(message.find(p.string()), std::string::npos) << message;
  EXPECT_NE(message.find("write failed"), std::string::npos) << message;
  EXPECT_EQ(read_file(p), "old");
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST(AtomicWrite, UnwritableFolderThrows) {
  // A path under a regular file can never be created, even by root.
  const fs::path dir = temp_dir("notdir");
  std::ofstream(dir / "file") << "x";
  EXPECT_THROW(pdf::write_file_atomically((dir / "file" / "out.pdf").string(), {'x'}), std::runtime_error);
}
