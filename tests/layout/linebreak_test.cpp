// Tests for the Knuth–Plass line breaker (pipeline/layout/linebreak.hpp).
//
// Lengths are written in whole "units" of 1 pt (u(x) = pt(x)) so that every ratio in
// the hand-worked cases is exact. Most cases use interword glue of width 1, stretch 1,
// shrink 0: then a line of k glues and natural width L in measure W has r = (W−L)/k.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <vector>

#include "pipeline/layout/linebreak.hpp"

namespace vanban::layout {
namespace {

Sp u(double x) { return pt(x); }

/// A paragraph builder: words separated by glue, words optionally hyphenated.
struct Builder {
  std::vector<Item> items;
  Sp gw = u(1), gy = u(1), gz = 0;  // interword glue

  Builder& glue() {
    items.push_back(Item::glue(gw, gy, gz));
    return *this;
  }
  /// A word; with several parts, a flagged hyphen penalty (50, width 1) between them.
  Builder& word(std::initializer_list<double> parts) {
    if (!items.empty() && items.back().type == Item::Type::Box) glue();
    bool first = true;
    for (double w : parts) {
      if (!first) items.push_back(Item::pen(50, u(1), true));
      items.push_back(Item::box(u(w)));
      first = false;
    }
    return *this;
  }
  Builder& words(std::initializer_list<double> ws) {
    for (double w : ws) word({w});
    return *this;
  }
  Builder& item(Item it) {
    items.push_back(it);
    return *this;
  }
  /// TeX's paragraph end: \penalty10000 \parfillskip \penalty-10000.
  std::vector<Item> finish() {
    items.push_back(Item::pen(kInfPenalty));
    items.push_back(Item::fil_glue());
    items.push_back(Item::pen(-kInfPenalty));
    return items;
  }
};

std::vector<std::size_t> ends(const BreakResult& r) {
  std::vector<std::size_t> e;
  for (const Line& l : r.lines) e.push_back(l.end);
  return e;
}

// ---------------------------------------------------------------------------
// An independent model of the specification, used to check results:
// line totals by direct summation (no prefix sums) and exhaustive search.

bool forced(const Item& it) { return it.type == Item::Type::Penalty && it.penalty <= -kInfPenalty; }

std::vector<std::size_t> legal_breaks(const std::vector<Item>& items) {
  std::vector<std::size_t> b;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.type == Item::Type::Glue && i > 0 && items[i - 1].type == Item::Type::Box) b.push_back(i);
    if (it.type == Item::Type::Penalty && it.penalty < kInfPenalty) b.push_back(i);
  }
  return b;
}

/// First item of the line after a break at `a`: glue and penalties are discarded up
/// to the next box or forced break.
std::size_t start_after(const std::vector<Item>& items, std::size_t a) {
  std::size_t j = a + 1;
  while (j < items.size() && items[j].type != Item::Type::Box && !forced(items[j])) ++j;
  return j;
}

struct ModelLine {
  Sp natural = 0;
  double r = 0, bad = 0;
  int fit = 2;
  bool feasible_any = false;  // r >= -1
};

ModelLine model_line(const std::vector<Item>& items, std::size_t s, std::size_t b, Sp width) {
  Sp L = 0, Y = 0, Z = 0;
  bool fil = false;
  for (std::size_t i = s; i < b; ++i) {
    const Item& it = items[i];
    if (it.type == Item::Type::Box) L += it.width;
    if (it.type == Item::Type::Glue) {
      L += it.width;
      Y += it.stretch;
      Z += it.shrink;
      fil = fil || it.fil;
    }
  }
  if (b < items.size() && items[b].type == Item::Type::Penalty) L += items[b].width;
  ModelLine m;
  m.natural = L;
  if (L < width) {
    if (fil) {
      m.r = 0;
    } else if (Y > 0) {
      m.r = double(width - L) / double(Y);
      m.bad = std::min(10000.0, 100 * m.r * m.r * m.r);
      m.fit = m.bad > 99 ? 0 : m.bad > 12 ? 1 : 2;
    } else {
      m.r = std::numeric_limits<double>::infinity();
      m.bad = 10000;
      m.fit = 0;
    }
  } else if (L > width) {
    m.r = Z > 0 ? double(width - L) / double(Z) : -std::numeric_limits<double>::infinity();
    m.bad = std::min(10000.0, 100 * std::fabs(m.r * m.r * m.r));
    m.fit = m.bad > 12 ? 3 : 2;
  }
  m.feasible_any = m.r >= -1;
  return m;
}

double model_demerits(const BreakParams& prm, const Item& brk, bool is_final, const ModelLine& m,
                      int prev_fit, bool prev_flag) {
  double d = (prm.line_penalty + m.bad) * (prm.line_penalty + m.bad);
  if (!is_final && brk.type == Item::Type::Penalty && !forced(brk)) {
    const double p = brk.penalty;
    d += p >= 0 ? p * p : -p * p;
  }
  const bool flag = !is_final && brk.type == Item::Type::Penalty && brk.flagged;
  if (flag && prev_flag) d += prm.flagged_demerits;
  if (std::abs(m.fit - prev_fit) > 1) d += prm.fitness_demerits;
  return d;
}

Sp width_of(const std::vector<Sp>& widths, std::size_t line) {
  return widths[std::min(line, widths.size() - 1)];
}

/// Demerits of a given result, recomputed from scratch; also checks `natural` and that
/// each line begins where the spec says. Returns NaN if a line is not allowed in `emergency`.
double recompute(const std::vector<Item>& items, const std::vector<Sp>& widths, const BreakParams& prm,
                 const BreakResult& r, bool emergency) {
  double total = 0;
  int fit = 2;
  bool flag = false;
  std::size_t s = 0;
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    const Line& l = r.lines[i];
    EXPECT_EQ(l.begin, s) << "line " << i;
    const ModelLine m = model_line(items, s, l.end, width_of(widths, i));
    EXPECT_EQ(l.natural, m.natural) << "line " << i;
    if (!m.feasible_any || (!emergency && m.r > prm.tolerance)) return std::nan("");
    const bool last = l.end >= items.size();
    const Item brk = last ? Item::pen(-kInfPenalty) : items[l.end];
    total += model_demerits(prm, brk, last, m, fit, flag);
    fit = m.fit;
    flag = !last && brk.type == Item::Type::Penalty && brk.flagged;
    s = start_after(items, l.end);
  }
  return total;
}

/// Exhaustive search over every sequence of legal breaks (forced ones mandatory),
/// with no pruning beyond "this line is not allowed". Returns the minimum demerits
/// (infinity if none) and the break positions achieving it.
struct Brute {
  const std::vector<Item>& items;
  const std::vector<Sp>& widths;
  const BreakParams& prm;
  bool emergency;
  std::vector<std::size_t> breaks;
  std::size_t final_pos;
  double best = std::numeric_limits<double>::infinity();
  std::vector<std::size_t> best_path, path;

  Brute(const std::vector<Item>& it, const std::vector<Sp>& w, const BreakParams& p, bool e)
      : items(it), widths(w), prm(p), emergency(e), breaks(legal_breaks(it)), final_pos(breaks.back()) {}

  void rec(std::size_t from_idx, std::size_t s, std::size_t line, int fit, bool flag, double total) {
    for (std::size_t k = from_idx; k < breaks.size(); ++k) {
      const std::size_t b = breaks[k];
      if (b >= s) {
        const ModelLine m = model_line(items, s, b, width_of(widths, line));
        if (m.feasible_any && (emergency || m.r <= prm.tolerance)) {
          const Item& brk = items[b];
          const double d = total + model_demerits(prm, brk, false, m, fit, flag);
          path.push_back(b);
          if (b == final_pos) {
            if (d < best) {
              best = d;
              best_path = path;
            }
          } else {
            rec(k + 1, start_after(items, b), line + 1, m.fit,
                brk.type == Item::Type::Penalty && brk.flagged, d);
          }
          path.pop_back();
        }
      }
      if (forced(items[b])) return;  // no line may run past a forced break
    }
  }
  double run() {
    rec(0, 0, 0, 2, false, 0.0);
    return best;
  }
};

// ---------------------------------------------------------------------------
// 1. Total fit beats first fit.

TEST(LineBreak, TotalFitDiffersFromFirstFit) {
  // Measure 20; words 2 2 2 2 2 2 2 | 5 5 5 | 6, glue width 1 stretch 1 shrink 0.
  //
  // First fit fills line 1 with seven 2s (7·2 + 6 = 20, r = 0, b = 0); then 5 5 5
  // (natural 17, r = 3/2 = 1.5, b = 337.5, very loose) since 6 no longer fits; then 6.
  //   demerits = 10² + 347.5² + 10000 (decent→very loose) + 10² + 10000 (very loose→decent)
  //            = 140956.25.
  // Total fit moves the seventh 2 down: line 1 = six 2s (17, r = 3/5 = 0.6, b = 21.6, loose),
  // line 2 = 2 5 5 5 (20, r = 0), line 3 = 6:
  //   demerits = 31.6² + 10² + 10² = 1198.56.
  Builder p;
  p.words({2, 2, 2, 2, 2, 2, 2, 5, 5, 5, 6});
  const auto items = p.finish();
  const std::vector<Sp> w{u(20)};
  const BreakResult r = break_lines(items, w);
  ASSERT_FALSE(r.emergency);
  // Word k is item 2k; the glue after word k is item 2k+1.
  EXPECT_EQ(ends(r), (std::vector<std::size_t>{11, 19, 23}));
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_NEAR(r.lines[0].ratio, 0.6, 1e-12);
  EXPECT_NEAR(r.lines[1].ratio, 0.0, 1e-12);
  EXPECT_EQ(r.lines[2].begin, 20u);
  EXPECT_NEAR(r.demerits, 1198.56, 1e-6);
  // First fit's breaks really are worse under the same measure.
  BreakResult greedy;
  greedy.lines = {Line{0, 13, 0, u(20)}, Line{14, 19, 0, u(17)}, Line{20, 23, 0, u(6)}};
  EXPECT_NEAR(recompute(items, w, {}, greedy, false), 140956.25, 1e-6);
}

// ---------------------------------------------------------------------------
// 2. Optimality against exhaustive search on random small paragraphs.

std::vector<Item> random_paragraph(std::mt19937& rng, bool& no_overfull_possible, Sp min_width) {
  std::uniform_int_distribution<int> nwords(8, 14), wlen(2, 9), coin(0, 99), glue_w(2, 4);
  Builder p;
  p.gw = u(glue_w(rng));
  p.gy = u(std::uniform_int_distribution<int>(1, 3)(rng));
  p.gz = u(std::uniform_int_distribution<int>(0, 1)(rng));
  const int n = nwords(rng);
  Sp widest = 0;
  for (int i = 0; i < n; ++i) {
    const int c = coin(rng);
    if (c < 20) {
      // Hyphenated word; the hyphen (width 1) is no wider than what follows it, so that
      // the breaker's "deactivate when overfull" rule is exact.
      const double a = wlen(rng), b = wlen(rng);
      p.word({a, b});
      widest = std::max(widest, u(std::max(a + 1, b)));
    } else if (c < 27) {
      // An explicit penalty before the glue (positive or negative), like a
      // discretionary "\penalty" between words; breaking there then at the glue
      // would make an empty line, which must not happen.
      const double a = wlen(rng);
      p.word({a});
      p.item(Item::pen(std::uniform_int_distribution<int>(-300, 300)(rng))).glue();
      widest = std::max(widest, u(a));
    } else if (c < 30) {
      const double a = wlen(rng);
      p.word({a});
      p.item(Item::pen(-kInfPenalty)).glue();  // forced break mid-paragraph
      widest = std::max(widest, u(a));
    } else {
      const double a = wlen(rng);
      p.word({a});
      widest = std::max(widest, u(a));
    }
  }
  no_overfull_possible = widest <= min_width;
  return p.finish();
}

TEST(LineBreak, MatchesExhaustiveSearch) {
  std::mt19937 rng(12345);
  int compared = 0, emergencies = 0, multi_width = 0;
  for (int t = 0; t < 300; ++t) {
    std::vector<Sp> widths;
    const int nw = std::uniform_int_distribution<int>(1, 3)(rng);
    for (int i = 0; i < nw; ++i) widths.push_back(u(std::uniform_int_distribution<int>(12, 30)(rng)));
    const Sp min_width = *std::min_element(widths.begin(), widths.end());
    bool ok = false;
    const auto items = random_paragraph(rng, ok, min_width);
    BreakParams prm;
    prm.tolerance = std::uniform_real_distribution<double>(0.5, 3.0)(rng);
    if (t % 3 == 1) prm.fitness_demerits = 2000;
    if (t % 5 == 2) prm.flagged_demerits = 20000;
    if (!ok) continue;  // a box wider than some measure: overfull handling is tested below

    const BreakResult r = break_lines(items, widths, prm);
    Brute normal(items, widths, prm, false);
    double expect = normal.run();
    bool emergency = false;
    if (std::isinf(expect)) {
      Brute em(items, widths, prm, true);
      expect = em.run();
      emergency = true;
    }
    ASSERT_FALSE(std::isinf(expect)) << "case " << t;
    ASSERT_EQ(r.emergency, emergency) << "case " << t;
    EXPECT_FALSE(r.overfull) << "case " << t;
    const double got = recompute(items, widths, prm, r, emergency);
    const double tol = 1e-9 * std::max(1.0, std::fabs(expect));
    EXPECT_NEAR(got, expect, tol) << "case " << t << ": breaks are not optimal";
    EXPECT_NEAR(r.demerits, expect, tol) << "case " << t << ": reported demerits";
    ++compared;
    emergencies += emergency;
    multi_width += nw > 1;
  }
  // Make sure the random cases exercise what they are meant to.
  EXPECT_GT(compared, 200);
  EXPECT_GT(emergencies, 5);
  EXPECT_GT(multi_width, 50);
}

// ---------------------------------------------------------------------------
// 3. Ratios and natural widths.

TEST(LineBreak, RatiosWithinToleranceAndNaturalWidths) {
  std::mt19937 rng(7);
  for (int t = 0; t < 100; ++t) {
    Builder p;
    p.gw = u(3);
    p.gy = u(2);
    p.gz = u(1);
    for (int i = 0; i < 60; ++i) p.word({double(std::uniform_int_distribution<int>(3, 12)(rng))});
    const auto items = p.finish();
    const std::vector<Sp> w{u(70)};
    const BreakParams prm;
    const BreakResult r = break_lines(items, w, prm);
    ASSERT_FALSE(r.emergency) << t;
    ASSERT_FALSE(r.lines.empty());
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
      const Line& l = r.lines[i];
      EXPECT_GE(l.ratio, -1.0);
      EXPECT_LE(l.ratio, prm.tolerance);
      Sp natural = 0, stretch = 0, shrink = 0;
      for (std::size_t k = l.begin; k < l.end; ++k) {
        natural += items[k].width;
        stretch += items[k].stretch;
        shrink += items[k].shrink;
      }
      EXPECT_EQ(l.natural, natural);
      EXPECT_EQ(items[l.begin].type, Item::Type::Box);
      if (i + 1 < r.lines.size()) {
        // Glue breaks: the glue is not part of the line, and r sets the line exactly.
        EXPECT_EQ(items[l.end].type, Item::Type::Glue);
        const double set = double(natural) + l.ratio * double(l.ratio >= 0 ? stretch : shrink);
        EXPECT_NEAR(set, double(w[0]), 1e-6);
      } else {
        EXPECT_EQ(l.end, items.size() - 1);
        if (l.natural <= w[0]) {
          EXPECT_EQ(l.ratio, 0.0);  // \parfillskip takes the slack
        } else {
          EXPECT_NEAR(double(natural) + l.ratio * double(shrink), double(w[0]), 1e-6);  // shrinks
        }
      }
    }
  }
  // A penalty's width counts when the line ends there (a hyphen).
  Builder p;
  p.words({10, 10}).word({7, 4}).words({6});
  const auto items = p.finish();
  const std::vector<Sp> w{u(30)};
  const BreakResult r = break_lines(items, w);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].end, 5u);  // the hyphen
  EXPECT_EQ(r.lines[0].natural, u(30));  // 10 + 1 + 10 + 1 + 7 + hyphen 1
  EXPECT_EQ(r.lines[1].begin, 6u);
}

// ---------------------------------------------------------------------------
// 4. Forced breaks, forbidden breaks, glue that is not a breakpoint.

TEST(LineBreak, ForcedBreakIsHonoured) {
  // Everything would fit on one line, but the forced penalty after the second word
  // must end a line (TeX's \hfil\break); glue after it is discarded from the next line.
  Builder p;
  p.words({3, 3}).item(Item::pen(kInfPenalty)).item(Item::fil_glue()).item(Item::pen(-kInfPenalty));
  p.glue().words({3, 3});
  const auto items = p.finish();  // 0 b, 1 g, 2 b, 3 pen∞, 4 fil, 5 pen-∞, 6 g, 7 b, 8 g, 9 b, ...
  const std::vector<Sp> w{u(100)};
  const BreakResult r = break_lines(items, w);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].end, 5u);
  EXPECT_EQ(r.lines[1].begin, 7u);
  EXPECT_EQ(r.lines[1].end, 12u);
  EXPECT_FALSE(r.emergency);

  // Without the fil the first line is hopelessly underfull, but it still ends there.
  Builder q;
  q.words({3, 3}).item(Item::pen(-kInfPenalty)).words({3, 3});
  const auto plain = q.finish();  // 0 b, 1 g, 2 b, 3 pen-∞, 4 b, 5 g, 6 b, ...
  const BreakResult rq = break_lines(plain, w);
  EXPECT_TRUE(rq.emergency);
  EXPECT_EQ(ends(rq), (std::vector<std::size_t>{3, 9}));
  EXPECT_EQ(rq.lines[1].begin, 4u);
}

TEST(LineBreak, InfinitePenaltyIsNeverABreak) {
  // Six words of 2 in measure 8 (glue 1/1/0, tolerance 10). Plainly, "2 2 2" fills a
  // line exactly (2+1+2+1+2 = 8) twice. With a tie (penalty 10000 + glue) between the
  // 3rd and 4th words, neither the penalty nor the glue after it (not preceded by a
  // box) may break, so line 1 is "2 2" (r = 3), line 2 "2~2 2" (exact), line 3 "2".
  Builder p;
  p.words({2, 2, 2});
  p.item(Item::pen(kInfPenalty)).glue().item(Item::box(u(2)));
  p.words({2, 2});
  const auto items = p.finish();  // 0 b,1 g,2 b,3 g,4 b,5 pen∞,6 g,7 b,8 g,9 b,10 g,11 b,12..14
  const std::vector<Sp> w{u(8)};
  BreakParams prm;
  prm.tolerance = 10;
  const BreakResult r = break_lines(items, w, prm);
  EXPECT_FALSE(r.emergency);
  EXPECT_EQ(ends(r), (std::vector<std::size_t>{3, 10, 14}));
  for (const Line& l : r.lines) {
    EXPECT_NE(l.end, 5u);
    EXPECT_NE(l.end, 6u);
  }

  // The same words with ordinary glue: "2 2 2" / "2 2 2".
  Builder q;
  q.words({2, 2, 2, 2, 2, 2});
  const auto plain = q.finish();
  const BreakResult rq = break_lines(plain, w, prm);
  EXPECT_FALSE(rq.emergency);
  EXPECT_EQ(ends(rq), (std::vector<std::size_t>{5, 13}));
}

TEST(LineBreak, GlueAfterGlueIsNotABreak) {
  // 3 g 2 g g 5 in measure 7 (glue 1/1/0). Ending line 1 at the second-to-last glue
  // (item 4) would be an exact fit (3+1+2+1 = 7) but that glue follows glue, so it is
  // no breakpoint; the break is at item 3 ("3 2", r = 1), and the next line starts at
  // the box, the following glue being discarded.
  const Item g = Item::glue(u(1), u(1), 0);
  std::vector<Item> items{Item::box(u(3)), g, Item::box(u(2)), g, g, Item::box(u(5)),
                          Item::pen(kInfPenalty), Item::fil_glue(), Item::pen(-kInfPenalty)};
  const std::vector<Sp> w{u(7)};
  const BreakResult r = break_lines(items, w);
  EXPECT_FALSE(r.emergency);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].end, 3u);
  EXPECT_NEAR(r.lines[0].ratio, 1.0, 1e-12);
  EXPECT_EQ(r.lines[1].begin, 5u);
  EXPECT_EQ(r.lines[1].natural, u(5));
}

// ---------------------------------------------------------------------------
// 5. Double-hyphen demerits.

TEST(LineBreak, ConsecutiveFlaggedBreaksCostExtra) {
  // Measure 30, glue 1/1/0, hyphens: penalty 50, width 1, flagged.
  //   10 10 7-4 3 3 3 4 4 2-5 6
  // Line 1 must end at the first hyphen (item 5): 10+1+10+1+7+1 = 30, b = 0, d = 10² + 50² = 2600.
  // Line 2 either
  //   (a) ends at the second hyphen (item 19): 4+5·1+17+1+2+1 = 30, b = 0, d = 2600
  //       (+ flagged_demerits for the double hyphen), or
  //   (b) ends at the glue before "2-5" (item 17): natural 26, 5 glues, r = 0.8,
  //       b = 51.2 (loose), d = 61.2² = 3745.44.
  // Line 3 is the last line either way (d = 100).
  // Without double-hyphen demerits (a) wins: 5300 < 6445.44; with 3000 it costs 8300 > 6445.44.
  Builder p;
  p.words({10, 10}).word({7, 4}).words({3, 3, 3, 4, 4}).word({2, 5}).words({6});
  const auto items = p.finish();
  ASSERT_EQ(items[19].type, Item::Type::Penalty);
  const std::vector<Sp> w{u(30)};
  BreakParams no_flag;
  no_flag.flagged_demerits = 0;
  const BreakResult a = break_lines(items, w, no_flag);
  EXPECT_EQ(ends(a), (std::vector<std::size_t>{5, 19, 25}));
  EXPECT_NEAR(a.demerits, 5300, 1e-6);
  const BreakResult b = break_lines(items, w, BreakParams{});
  EXPECT_EQ(ends(b), (std::vector<std::size_t>{5, 17, 25}));
  EXPECT_NEAR(b.demerits, 6445.44, 1e-6);
}

// ---------------------------------------------------------------------------
// 6. Adjacent fitness classes.

TEST(LineBreak, FitnessDemeritsChangeTheChoice) {
  // Measure 20, glue 1/1/0:  4 4 3 3 2|3 5  where "|" is an unflagged penalty of 150.
  //   (a) break at the glue after the 4th word: natural 17, 3 glues, r = 1, b = 100:
  //       very loose; d = 110² = 12100, + fitness_demerits twice (decent start → very
  //       loose → decent last line).
  //   (b) break at the penalty: natural 20, b = 0, d = 10² + 150² = 22600.
  // The last line costs 100 either way. So (a) wins with fitness_demerits = 0
  // (12200 < 22700), (b) with 10000 (32200 > 22700).
  Builder p;
  p.words({4, 4, 3, 3, 2}).item(Item::pen(150)).item(Item::box(u(3))).words({5});
  const auto items = p.finish();
  ASSERT_EQ(items[9].type, Item::Type::Penalty);
  const std::vector<Sp> w{u(20)};
  BreakParams no_fit;
  no_fit.fitness_demerits = 0;
  const BreakResult a = break_lines(items, w, no_fit);
  EXPECT_EQ(ends(a), (std::vector<std::size_t>{7, 15}));
  EXPECT_NEAR(a.demerits, 12200, 1e-6);
  const BreakResult b = break_lines(items, w, BreakParams{});
  EXPECT_EQ(ends(b), (std::vector<std::size_t>{9, 15}));
  EXPECT_NEAR(b.demerits, 22700, 1e-6);
}

// ---------------------------------------------------------------------------
// 7. Emergency pass and overfull boxes.

TEST(LineBreak, EmergencyWhenNothingFitsWithinTolerance) {
  // Measure 30, words of 10, glue 1/1/0: two words give natural 21, r = 9 > 2;
  // three give 32 > 30 with no shrink. No feasible breaking: emergency, 2 words a line.
  Builder p;
  p.words({10, 10, 10, 10, 10, 10});
  const auto items = p.finish();
  const std::vector<Sp> w{u(30)};
  const BreakResult r = break_lines(items, w);
  EXPECT_TRUE(r.emergency);
  EXPECT_FALSE(r.overfull);
  EXPECT_EQ(ends(r), (std::vector<std::size_t>{3, 7, 13}));
  for (std::size_t i = 0; i + 1 < r.lines.size(); ++i) {
    EXPECT_NEAR(r.lines[i].ratio, 9.0, 1e-12);
  }
  for (const Line& l : r.lines) {
    EXPECT_GE(l.ratio, -1.0);
    EXPECT_LE(l.natural, w[0]);
  }

  // Single words with no glue at all (infinitely bad lines) also come out.
  std::vector<Item> lone{Item::box(u(25)), Item::pen(0), Item::box(u(25)), Item::pen(-kInfPenalty)};
  const BreakResult rl = break_lines(lone, w);
  EXPECT_TRUE(rl.emergency);
  EXPECT_FALSE(rl.overfull);
  EXPECT_EQ(ends(rl), (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(rl.lines[0].ratio, 0.0);  // cannot stretch: glue stays natural
}

TEST(LineBreak, BoxWiderThanMeasureIsOverfull) {
  // 5 5 50 5 5 in measure 20: the 50 cannot fit anywhere.
  Builder p;
  p.words({5, 5, 50, 5, 5});
  const auto items = p.finish();
  const std::vector<Sp> w{u(20)};
  const BreakResult r = break_lines(items, w);
  EXPECT_TRUE(r.overfull);
  EXPECT_TRUE(r.emergency);
  ASSERT_FALSE(r.lines.empty());
  // The lines cover every box exactly once, in order.
  std::vector<std::size_t> boxes;
  for (const Line& l : r.lines) {
    for (std::size_t k = l.begin; k < l.end; ++k) {
      if (items[k].type == Item::Type::Box) boxes.push_back(k);
    }
  }
  EXPECT_EQ(boxes, (std::vector<std::size_t>{0, 2, 4, 6, 8}));
  int overfull_lines = 0;
  for (const Line& l : r.lines) {
    EXPECT_TRUE(std::isfinite(l.ratio));
    if (l.natural > w[0]) {
      ++overfull_lines;
      EXPECT_LT(l.ratio, -1.0);
    } else {
      EXPECT_GE(l.ratio, -1.0);
    }
  }
  EXPECT_EQ(overfull_lines, 1);
  // The wide box is alone on its line.
  const auto wide = std::find_if(r.lines.begin(), r.lines.end(), [&](const Line& l) { return l.natural > w[0]; });
  EXPECT_EQ(wide->begin, 4u);
  EXPECT_EQ(wide->end, 5u);

  // Degenerate inputs do not crash either.
  const std::vector<Item> one{Item::box(u(99))};
  const BreakResult r1 = break_lines(one, w);
  ASSERT_EQ(r1.lines.size(), 1u);
  EXPECT_TRUE(r1.overfull);
  EXPECT_EQ(r1.lines[0].end, 1u);
  const std::vector<Sp> none;
  const BreakResult r2 = break_lines(items, none);
  EXPECT_FALSE(r2.lines.empty());
  EXPECT_TRUE(r2.overfull);
}

// ---------------------------------------------------------------------------
// 8. Variable line widths.

TEST(LineBreak, FirstLineNarrower) {
  // Widths {9, 29}: words of 4, glue 1/1/1. Line 1 holds exactly two words (4 1 4 = 9);
  // later lines six (6·4 + 5 = 29). With one measure of 29 the first line would hold six.
  Builder p;
  p.gz = u(1);
  p.words({4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4});
  const auto items = p.finish();
  const std::vector<Sp> w{u(9), u(29)};
  const BreakResult r = break_lines(items, w);
  ASSERT_FALSE(r.emergency);
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(r.lines[0].end, 3u);
  EXPECT_EQ(r.lines[0].natural, u(9));
  EXPECT_EQ(r.lines[1].natural, u(29));  // widths past the list's end repeat the last one
  EXPECT_EQ(r.lines[1].end, 15u);
  const std::vector<Sp> same{u(29)};
  EXPECT_EQ(break_lines(items, same).lines[0].end, 11u);
}

// ---------------------------------------------------------------------------
// 9. Empty list.

TEST(LineBreak, EmptyListHasNoLines) {
  const std::vector<Item> items;
  const std::vector<Sp> w{u(100)};
  const BreakResult r = break_lines(items, w);
  EXPECT_TRUE(r.lines.empty());
  EXPECT_FALSE(r.emergency);
  EXPECT_FALSE(r.overfull);
}

// ---------------------------------------------------------------------------
// Several tolerances in one call: what calling break_lines once per tolerance gives.

TEST(LineBreak, TolerancesInTurnLikeOneCallEach) {
  std::mt19937 rng(777);
  int emergencies = 0, later = 0;
  for (int t = 0; t < 400; ++t) {
    const std::vector<Sp> widths{u(std::uniform_int_distribution<int>(10, 30)(rng))};
    bool ok = false;
    const auto items = random_paragraph(rng, ok, widths[0]);
    BreakParams prm;
    std::vector<double> tolerances;
    double tol = std::uniform_real_distribution<double>(0.05, 1.0)(rng);
    for (int k = std::uniform_int_distribution<int>(1, 5)(rng); k > 0; --k, tol *= 1.5) tolerances.push_back(tol);
    BreakResult want;
    std::size_t used = 0;
    for (const double tolerance : tolerances) {
      prm.tolerance = tolerance;
      want = break_lines(items, widths, prm);
      ++used;
      if (!want.emergency) break;
    }
    prm.tolerance = 1e9;  // must not matter
    const BreakResult got = break_lines(items, widths, prm, tolerances);
    ASSERT_EQ(got.emergency, want.emergency) << "case " << t;
    ASSERT_EQ(got.overfull, want.overfull) << "case " << t;
    ASSERT_EQ(got.demerits, want.demerits) << "case " << t;
    ASSERT_EQ(got.lines.size(), want.lines.size()) << "case " << t;
    for (std::size_t i = 0; i < got.lines.size(); ++i) {
      EXPECT_EQ(got.lines[i].begin, want.lines[i].begin) << "case " << t;
      EXPECT_EQ(got.lines[i].end, want.lines[i].end) << "case " << t;
      EXPECT_EQ(got.lines[i].ratio, want.lines[i].ratio) << "case " << t;
      EXPECT_EQ(got.lines[i].natural, want.lines[i].natural) << "case " << t;
    }
    emergencies += want.emergency;
    later += !want.emergency && used > 1;
  }
  EXPECT_GT(emergencies, 20);  // the cases reach every branch
  EXPECT_GT(later, 20);
}

// ---------------------------------------------------------------------------
// A long paragraph: valid output, and a rough timing printed for information.

TEST(LineBreak, LongParagraph) {
  std::mt19937 rng(99);
  Builder p;
  p.gw = u(3.3);
  p.gy = u(1.7);
  p.gz = u(1.1);
  std::uniform_int_distribution<int> len(6, 40), coin(0, 9);
  while (p.items.size() < 2000) {
    if (coin(rng) < 2) {
      p.word({double(len(rng)) / 2, double(len(rng)) / 2});
    } else {
      p.word({double(len(rng)) / 2});
    }
  }
  const auto items = p.finish();
  const std::vector<Sp> w{u(300), u(340)};
  BreakResult r;
  const auto t0 = std::chrono::steady_clock::now();
  constexpr int kRuns = 20;
  for (int i = 0; i < kRuns; ++i) r = break_lines(items, w);
  const auto t1 = std::chrono::steady_clock::now();
  const double us = std::chrono::duration<double, std::micro>(t1 - t0).count() / kRuns;
  std::printf("[ info     ] break_lines: %zu items, %zu lines, %.0f us per call (%.2f us/item)\n",
              items.size(), r.lines.size(), us, us / double(items.size()));
  ASSERT_FALSE(r.emergency);
  ASSERT_GT(r.lines.size(), 20u);
  EXPECT_EQ(r.lines.back().end, items.size() - 1);
  const double total = recompute(items, w, {}, r, false);
  EXPECT_NEAR(total, r.demerits, 1e-9 * std::max(1.0, r.demerits));
}

}  // namespace
}  // namespace vanban::layout
