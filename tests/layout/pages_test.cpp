// The page builder on synthetic flows: keep-with-next, widows and orphans; page numbers.
#include <gtest/gtest.h>

#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/page_break.hpp"
#include "pipeline/layout/page_numbers.hpp"
#include "pipeline/shape/family.hpp"

using namespace vanban;
using namespace vanban::layout;

namespace {

struct Pages : ::testing::Test {
  style::Style st = style::load_style("dang", std::string(VANBAN_SOURCE_DIR) + "/styles", ".", {});
  shape::FontSet fonts;
  shape::Shaper shaper{fonts};
  shape::Family family = shape::load_family(st.family, st.fallback_families, fonts, {});
  // One page holds this many body lines with no spacing (A4, 20/20 mm margins, 18 pt leading).
  int per_page = static_cast<int>((st.page.height - st.page.top - st.page.bottom) / st.body.leading);

  /// A block of `n` lines; each line carries a text "b<block>l<line>" (no glyphs needed).
  FlowBlock block(int id, int n, bool heading = false) {
    FlowBlock b;
    b.kind = heading ? FlowBlock::Kind::Heading : FlowBlock::Kind::Paragraph;
    b.leading = st.body.leading;
    b.splittable = !heading;
    b.keep_with_next = heading;
    for (int i = 0; i < n; ++i) {
      SetLine l;
      l.text = "b" + std::to_string(id) + "l" + std::to_string(i);
      TextRun r;
      r.text = l.text;
      l.runs.push_back(r);
      b.lines.push_back(l);
    }
    return b;
  }

  /// Page index of every line, by its text.
  std::map<std::string, std::size_t> where(const PagedDocument& d) {
    std::map<std::string, std::size_t> out;
    for (std::size_t p = 0; p < d.pages.size(); ++p)
      for (const auto& r : d.pages[p].runs)
        if (r.text[0] == 'b') out[r.text] = p;
    return out;
  }
};

}  // namespace

TEST_F(Pages, NoOrphanAtTheFoot) {
  // Block 0 leaves room for exactly one more line: block 1's first line must not stay alone.
  Flow f;
  f.blocks.push_back(block(0, per_page - 1));
  f.blocks.push_back(block(1, 6));
  const auto w = where(break_pages(f, st.page));
  EXPECT_EQ(w.at("b1l0"), w.at("b1l1"));
}

TEST_F(Pages, NoWidowAtTheHead) {
  // Block 1 would end with one line on the next page: two must go over (or none).
  Flow f;
  f.blocks.push_back(block(0, per_page - 5));
  f.blocks.push_back(block(1, 6));
  const auto d = break_pages(f, st.page);
  const auto w = where(d);
  EXPECT_EQ(w.at("b1l4"), w.at("b1l5"));
  EXPECT_EQ(w.at("b1l3"), 0u);  // the split itself still happens: 4 lines stay, 2 go over
  EXPECT_EQ(w.at("b1l4"), 1u);
}

TEST_F(Pages, HeadingKeepsWithTheNextParagraph) {
  Flow f;
  f.blocks.push_back(block(0, per_page - 2));
  f.blocks.push_back(block(1, 1, true));  // a heading that would fit at the foot
  f.blocks.push_back(block(2, 5));
  const auto w = where(break_pages(f, st.page));
  EXPECT_EQ(w.at("b1l0"), 1u);
  EXPECT_EQ(w.at("b2l0"), 1u);
}

TEST_F(Pages, UnbreakableMaterialStillFlows) {
  // A paragraph of 3 lines cannot split (2 + 2 needed) and a giant heading cannot either:
  // the builder must still make progress and lose no line.
  Flow f;
  f.blocks.push_back(block(0, per_page + 10, true));
  f.blocks.push_back(block(1, 3));
  const auto d = break_pages(f, st.page);
  const auto w = where(d);
  EXPECT_EQ(w.size(), static_cast<std::size_t>(per_page + 13));
}

TEST_F(Pages, NumbersFromPageTwoCentredInTheTopMargin) {
  Flow f;
  f.blocks.push_back(block(0, per_page * 3));
  PagedDocument d = break_pages(f, st.page);
  const resolve::PageNumbers shown{st.page_number.show, st.page_number.first_page, st.page_number.text.size,
                                     st.page_number.text.bold, st.page_number.text.italic, st.page_number.baseline};
  number_pages(d, shown, st.page, family, shaper);
  ASSERT_EQ(d.pages.size(), 3u);
  for (std::size_t p = 0; p < 3; ++p) {
    int numbers = 0;
    for (const auto& r : d.pages[p].runs) {
      if (r.text != std::to_string(p + 1)) continue;
      ++numbers;
      EXPECT_EQ(r.y, st.page_number.baseline);
      EXPECT_LT(r.y, st.page.top);
    }
    EXPECT_EQ(numbers, p == 0 ? 0 : 1) << "page " << p + 1;
  }
}
