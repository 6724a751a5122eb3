// Imposition: the sheet order checked against a folded stack for every page count up to
// 200 and every signature; the imposed PDF read back with poppler (where each page's text
// lands), qpdf and pdfinfo.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/pdf/impose.hpp"
#include "pipeline/pdf/prepared.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/shape/glyph_text.hpp"
#include "pipeline/shape/shaper.hpp"
#include "tests/common/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace vanban;
using pdf::kBlankSlot;
using pdf::Sheet;

namespace {

/// The pages of one section in the order a reader meets them once its sheets, stacked
/// outermost first, are folded in the middle: down the right halves of the fronts and the
/// left halves of the backs to the centre spread, then back out.
std::vector<std::size_t> folded_reading_order(const std::vector<Sheet>& section) {
  std::vector<std::size_t> order;
  for (const Sheet& s : section) {
    order.push_back(s.front.right);
    order.push_back(s.back.left);
  }
  for (auto s = section.rbegin(); s != section.rend(); ++s) {
    order.push_back(s->back.right);
    order.push_back(s->front.left);
  }
  return order;
}

/// Pages per section for `signature` (0: all of them in one).
std::size_t section_pages(std::size_t pages, int signature) { return signature == 0 ? pages : static_cast<std::size_t>(signature); }

}  // namespace

TEST(SheetOrder, EveryPageOnceInReadingOrderBlanksOnlyAtSectionEnds) {
  for (const int signature : {0, 4, 8, 16, 32}) {
    for (std::size_t pages = 1; pages <= 200; ++pages) {
      SCOPED_TRACE("pages " + std::to_string(pages) + ", signature " + std::to_string(signature));
      const std::vector<Sheet> sheets = pdf::sheet_order(pages, signature);
      const std::size_t per = section_pages(pages, signature);
      const std::size_t sections = (pages + per - 1) / per;
      const std::size_t last = pages - (sections - 1) * per;
      ASSERT_EQ(sheets.size(), (sections - 1) * ((per + 3) / 4) + (last + 3) / 4);
      std::vector<int> seen(pages, 0);
      std::size_t next = 0;  // the document page the reader should meet next
      for (std::size_t sec = 0, at = 0; sec < sections; ++sec) {
        const std::size_t count = sec + 1 < sections ? per : last;
        const std::vector<Sheet> section(sheets.begin() + static_cast<std::ptrdiff_t>(at),
                                         sheets.begin() + static_cast<std::ptrdiff_t>(at + (count + 3) / 4));
        at += section.size();
        for (std::size_t d = 0; d < section.size(); ++d) {
          ASSERT_EQ(section[d].section, sec);
          ASSERT_EQ(section[d].depth, d);
        }
        const std::vector<std::size_t> order = folded_reading_order(section);
        for (std::size_t i = 0; i < order.size(); ++i) {
          if (i < count) {
            ASSERT_EQ(order[i], next) << "reading position " << i << " of section " << sec;
            ++seen[next++];
          } else {
            ASSERT_EQ(order[i], kBlankSlot) << "a page after the blanks of section " << sec;
          }
        }
      }
      for (std::size_t p = 0; p < pages; ++p) ASSERT_EQ(seen[p], 1) << "page " << p;
    }
  }
}

TEST(SheetOrder, KnownEightPages) {
  // 8 pages, one section: sheet 1 front [8|1] back [2|7], sheet 2 front [6|3] back [4|5].
  const std::vector<Sheet> s = pdf::sheet_order(8, 0);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].front, (pdf::SheetSide{7, 0}));
  EXPECT_EQ(s[0].back, (pdf::SheetSide{1, 6}));
  EXPECT_EQ(s[1].front, (pdf::SheetSide{5, 2}));
  EXPECT_EQ(s[1].back, (pdf::SheetSide{3, 4}));
  // 5 pages: padded to 8, the three blanks are 6, 7, 8.
  const std::vector<Sheet> f = pdf::sheet_order(5, 0);
  EXPECT_EQ(f[0].front, (pdf::SheetSide{kBlankSlot, 0}));
  EXPECT_EQ(f[0].back, (pdf::SheetSide{1, kBlankSlot}));
  EXPECT_EQ(f[1].front, (pdf::SheetSide{kBlankSlot, 2}));
  EXPECT_EQ(f[1].back, (pdf::SheetSide{3, 4}));
}

TEST(SheetOrder, RefusesASignatureThatIsNoMultipleOfFour) {
  EXPECT_THROW(pdf::sheet_order(10, 6), std::invalid_argument);
  EXPECT_THROW(pdf::sheet_order(10, -8), std::invalid_argument);
  EXPECT_TRUE(pdf::sheet_order(0, 8).empty());
}

namespace {

/// Runs a shell command; its standard output, and its exit status in `status`.
std::string run(const std::string& cmd, int* status = nullptr) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int st = ::pclose(p);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

bool have(const std::string& tool) {
  int st = 0;
  run("command -v " + tool + " >/dev/null 2>&1", &st);
  return st == 0;
}

constexpr double kTextX = 40, kTextY = 60;  // where each page's word starts, pt from the top left

/// An A5 document of `n` pages, page k showing the single word "trang-<k+1>" at the top left.
struct Booklet {
  shape::FontSet fonts;
  shape::Shaper shaper{fonts};
  layout::PagedDocument doc;
  explicit Booklet(std::size_t n) {
    const std::string face = shape::find_face("Liberation Serif", shape::FaceStyle::Regular);
    if (face.empty()) throw std::runtime_error("Liberation Serif is not installed");
    const shape::FontId f = fonts.add(face);
    for (std::size_t k = 0; k < n; ++k) {
      layout::Page page{mm(148), mm(210), {}, {}, {}};
      layout::TextRun r;
      r.font = f;
      r.size = pt(12);
      r.x = pt(kTextX);
      r.y = pt(kTextY);
      const shape::Shaped& s = shaper.shape(f, "trang-" + std::to_string(k + 1));
      Sp pen = 0;
      for (const auto& g : s.glyphs) {
        r.glyphs.push_back(layout::place_glyph(g.gid, pen * r.size / fonts[f].upem(), 0));
        pen += g.x_advance;
      }
      page.runs.push_back(std::move(r));
      doc.pages.push_back(std::move(page));
    }
    doc.glyph_texts = shape::glyph_texts(shaper);
  }
};

/// A word as pdftotext -bbox places it: PDF page (from 0), left and top in pt.
struct Word {
  std::size_t page = 0;
  double x = 0, y = 0;
};

/// Each "trang-N" word of the PDF by N (from 1); `pages` gets the number of PDF pages.
std::map<std::size_t, std::vector<Word>> words(const fs::path& pdf, std::size_t& pages) {
  const std::string html = run("pdftotext -bbox '" + pdf.string() + "' - 2>/dev/null");
  static const std::regex word_re(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>trang-([0-9]+)</word>)re");
  std::map<std::size_t, std::vector<Word>> out;
  pages = 0;
  std::size_t at = 0;
  for (;;) {
    const std::size_t next_page = html.find("<page ", at);
    const std::size_t end = next_page == std::string::npos ? html.size() : next_page;
    const std::string chunk = html.substr(at, end - at);
    for (std::sregex_iterator i(chunk.begin(), chunk.end(), word_re), e; i != e; ++i)
      out[std::stoul((*i)[3])].push_back({pages - 1, std::stod((*i)[1]), std::stod((*i)[2])});
    if (next_page == std::string::npos) break;
    ++pages;
    at = next_page + 6;
  }
  return out;
}

}  // namespace

TEST(ImposedPdf, EveryPageOnceOnItsSheetSideHalfAndUpright) {
  if (!have("pdftotext") || !have("qpdf")) GTEST_SKIP() << "poppler-utils or qpdf is not installed";
  vanban::testing::TempDir dir;
  const double half = to_pt(mm(148));
  for (const std::size_t n : {1, 2, 3, 4, 5, 8, 9, 33, 100}) {
    Booklet b(n);
    const pdf::Prepared prepared = pdf::prepare(b.doc, b.fonts);
    const std::vector<char> plain = pdf::write_pdf(b.doc, prepared, {});
    for (const int signature : {0, 8}) {
      SCOPED_TRACE(std::to_string(n) + " pages, signature " + std::to_string(signature));
      pdf::ImposeOptions o;
      o.saddle_stitch = true;
      o.signature = signature;
      o.creep = mm(0.5);
      const std::vector<char> bytes = pdf::write_imposed(prepared, {}, o);
      // Each page's content once (Form XObjects): the sheets add little to the plain PDF.
      EXPECT_LT(bytes.size(), plain.size() + 400 * n + 2048);
      const fs::path file = fs::path(dir.str()) / ("imposed-" + std::to_string(n) + "-" + std::to_string(signature) + ".pdf");
      std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      int status = -1;
      const std::string check = run("qpdf --check '" + file.string() + "' 2>&1", &status);
      EXPECT_EQ(status, 0) << check;

      const std::vector<Sheet> sheets = pdf::sheet_order(n, signature);
      std::size_t pdf_pages = 0;
      const auto found = words(file, pdf_pages);
      ASSERT_EQ(pdf_pages, 2 * sheets.size());  // a front and a back per sheet
      ASSERT_EQ(found.size(), n);
      for (std::size_t k = 0; k < sheets.size(); ++k)
        for (int side = 0; side < 2; ++side) {
          const pdf::SheetSide& s = side == 0 ? sheets[k].front : sheets[k].back;
          for (int h = 0; h < 2; ++h) {
            const std::size_t page = h == 0 ? s.left : s.right;
            if (page == kBlankSlot) continue;
            const auto it = found.find(page + 1);
            ASSERT_NE(it, found.end()) << "page " << page + 1;
            ASSERT_EQ(it->second.size(), 1u) << "page " << page + 1 << " drawn more than once";
            const Word& w = it->second.front();
            EXPECT_EQ(w.page, 2 * k + static_cast<std::size_t>(side)) << "page " << page + 1;
            // Upright and in its half: the word starts where it does on the page, moved by
            // the half's offset and the creep toward the spine (a rotated page would put it
            // at the bottom or the right).
            const double creep = to_pt(static_cast<Sp>(sheets[k].depth) * o.creep);
            EXPECT_NEAR(w.x, kTextX + (h == 0 ? creep : half - creep), 1.0) << "page " << page + 1;
            EXPECT_NEAR(w.y, kTextY - 12 * 0.9, 3.0) << "page " << page + 1;
          }
        }
    }
  }
}

TEST(ImposedPdf, CropMarksGrowTheSheetAndSetTrimAndBleedBoxes) {
  if (!have("pdfinfo")) GTEST_SKIP() << "poppler-utils is not installed";
  vanban::testing::TempDir dir;
  Booklet b(4);
  pdf::ImposeOptions o;
  o.saddle_stitch = true;
  o.crop_marks = true;
  o.bleed = mm(3);
  const std::vector<char> bytes = pdf::write_imposed(pdf::prepare(b.doc, b.fonts), {}, o);
  const fs::path file = fs::path(dir.str()) / "marks.pdf";
  std::ofstream(file, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const std::string info = run("pdfinfo -box -f 1 -l 1 '" + file.string() + "'");
  // Margin around the spread: bleed 3 mm + 10 mm for the marks = 36.85 pt.
  const double m = to_pt(mm(13)), b3 = to_pt(mm(3)), w = to_pt(mm(148)), h = to_pt(mm(210));
  const auto box = [&](const std::string& name) {
    const std::regex re("Page +1 " + name + R"(: +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+))");
    std::smatch mt;
    if (!std::regex_search(info, mt, re)) return std::vector<double>{};
    return std::vector<double>{std::stod(mt[1]), std::stod(mt[2]), std::stod(mt[3]), std::stod(mt[4])};
  };
  const auto media = box("MediaBox"), trim = box("TrimBox"), bleed = box("BleedBox");
  ASSERT_EQ(media.size(), 4u) << info;
  ASSERT_EQ(trim.size(), 4u) << info;
  ASSERT_EQ(bleed.size(), 4u) << info;
  EXPECT_NEAR(media[2], 2 * w + 2 * m, 0.01);
  EXPECT_NEAR(media[3], h + 2 * m, 0.01);
  EXPECT_NEAR(trim[0], m, 0.01);
  EXPECT_NEAR(trim[2], m + 2 * w, 0.01);
  EXPECT_NEAR(bleed[0], m - b3, 0.01);
  EXPECT_NEAR(bleed[3], m + h + b3, 0.01);
  // The marks are drawn: stroked hairlines in registration colour.
  const std::string content = run("qpdf --qdf --object-streams=disable '" + file.string() + "' - | grep -a -c ' l S'");
  EXPECT_GE(std::stoi(content), 10);
}
