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

TEST_F(Pages, AFixedGroupIsCutOnlyAtItsCutsAndGoesOnAtTheNextPageTop) {
  // A closing-like group: a 5-line top piece that never splits, then one-line items that
  // may each start a new page. It starts 3 lines above the foot: it must not start there
  // (its top piece does not fit; it keeps the body's last lines), and its items go on at
  // the top of the next page, in order, none lost.
  Flow f;
  f.blocks.push_back(block(0, per_page - 3));
  FlowBlock g;
  g.kind = FlowBlock::Kind::Closing;
  g.keep_with_previous = true;
  const Sp pitch = st.body.leading;
  const int items = per_page + 4;
  for (int i = 0; i < 5 + items; ++i) {
    TextRun r;
    r.text = "b9l" + std::to_string(i);
    r.y = i * pitch + pitch / 2;  // a baseline inside its line box
    g.fixed_runs.push_back(r);
    if (i >= 5) g.cuts.push_back(i * pitch);
  }
  g.fixed_height = (5 + items) * pitch;
  f.blocks.push_back(g);
  const auto d = break_pages(f, st.page);
  const auto w = where(d);
  ASSERT_EQ(w.size(), static_cast<std::size_t>(per_page - 3 + 5 + items));
  for (int i = 1; i < 5; ++i) EXPECT_EQ(w.at("b9l" + std::to_string(i)), w.at("b9l0"));  // the top piece whole
  EXPECT_EQ(w.at("b9l0"), 1u);
  EXPECT_EQ(w.at("b0l" + std::to_string(per_page - 4)), 1u);  // the body's last lines came along
  ASSERT_EQ(d.pages.size(), 3u);
  // On page 3 the items start at the top margin, in order, one pitch apart.
  Sp prev = -1;
  for (const auto& r : d.pages[2].runs) {
    if (prev < 0) EXPECT_EQ(r.y, st.page.top + pitch / 2);
    else EXPECT_EQ(r.y - prev, pitch);
    prev = r.y;
  }
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
