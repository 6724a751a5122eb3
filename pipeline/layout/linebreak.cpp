/// Knuth–Plass total-fit line breaking (see linebreak.hpp).
///
/// References in comments:
///   [KP]  D. E. Knuth, M. F. Plass, "Breaking Paragraphs into Lines",
///         Software—Practice and Experience 11 (1981) 1119–1184.
///   [TeX] D. E. Knuth, "TeX: The Program", sections 813–890 (line_break).
///
/// Conventions not spelled out in the header:
///  * Feasibility is decided on the adjustment ratio r itself, not on badness:
///    a line is feasible when -1 <= r <= tolerance. (Below badness' cap of
///    10000 this is the same as b <= 100·tolerance³, the paper's rule.)
///  * Badness is the continuous 100·|r|³ capped at 10000 (TeX's inf_bad, §108);
///    TeX rounds it to an integer, we do not, so the fitness thresholds
///    "b > 99" and "b > 12" are applied to the real value.
///  * Demerits are the paper's (l + b)² ± p² [KP eq. (4)–(6)], without TeX's
///    10000 cap on l + b; they are doubles. The paragraph start counts as a
///    decent, unflagged break (TeX §864).
///  * Line::ratio is always finite, for the glue setter: 0 when the line has fil
///    glue (the fil glue takes W − natural) or cannot stretch at all (underfull,
///    glue stays natural, as TeX's glue_set 0); (W − L)/shrink when shrinking,
///    < −1 only on an overfull line; an overfull line with no shrink reports
///    −1 − (L − W) in points.
///  * Empty `widths` is taken as a measure of 0 (everything is overfull).
#include "pipeline/layout/linebreak.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace vanban::layout {
namespace {

/// Fitness classes, numbered as in TeX §817 (the paper numbers them 3..0).
enum Fitness : std::uint8_t { kVeryLoose = 0, kLoose = 1, kDecent = 2, kTight = 3 };

/// TeX's inf_bad (§108): the badness of a line that cannot stretch enough.
constexpr double kInfBad = 10000.0;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

/// A legal breakpoint (position plus what breaking there costs).
struct Breakpoint {
  std::size_t pos = 0;   ///< index of the break item, or items.size() for the implicit end
  Sp width = 0;          ///< penalty width: ends up at the end of the line broken here
  int penalty = 0;
  bool flagged = false;
  bool forced = false;
};

/// Everything about the paragraph that does not depend on the pass: prefix sums
/// so that any line's totals are O(1) (the paper keeps running totals Σw, Σy, Σz
/// for the same purpose, [KP] "The algorithm itself").
struct Paragraph {
  std::span<const Item> items;
  std::span<const Sp> widths;
  /// Sums over items [0, i) of boxes and glue (together: a line's totals read both ends).
  struct Totals {
    Sp width = 0, stretch = 0, shrink = 0;
    std::size_t fil = 0;  ///< number of fil glues
  };
  std::vector<Totals> sum;
  std::vector<std::size_t> next_start;     ///< first box or forced penalty at index >= i (or n)
  std::vector<Breakpoint> breaks;          ///< legal breakpoints in order; the last is the final one

  /// Measure of line `line` (0-based): widths[min(line, size-1)].
  Sp measure(std::size_t line) const {
    if (widths.empty()) return 0;
    return widths[std::min(line, widths.size() - 1)];
  }
  /// Lines with this index or more all have the same measure, hence equivalent
  /// futures: TeX's easy_line (§848), the paper's j0.
  std::size_t line_class(std::size_t line) const {
    const std::size_t last = widths.empty() ? 0 : widths.size() - 1;
    return std::min(line, last);
  }
};

/// A break node: active while it may still start a line, passive (kept only for the
/// back-pointer chain) afterwards. Stored in one pool and referred to by index.
struct Node {
  std::size_t pos = 0;     ///< break position (0 for the paragraph start, which is no break)
  std::size_t start = 0;   ///< first item of the line after this break [KP]: discardables skipped
  std::size_t lines = 0;   ///< lines completed up to this break
  std::size_t prev = kNone;
  double total = 0.0;      ///< total demerits from the paragraph start
  Fitness fitness = kDecent;
  bool flagged = false;
};

/// The best way found so far, at the current breakpoint, to end a line with a given
/// (line class, fitness) — TeX's minimal_demerits[] per line class (§833–836).
struct Candidate {
  std::size_t cls = 0;
  std::size_t lines = 0;
  std::size_t prev = kNone;
  double total = 0.0;
  Fitness fitness = kDecent;
};

/// Reused storage for the passes: the node pool, the active list, the candidates.
struct Scratch {
  std::vector<Node> nodes;
  std::vector<std::size_t> active;
  std::vector<Candidate> cands;
};

/// Totals of one candidate line and what they mean.
struct LineFit {
  Sp natural = 0;          ///< L: natural width including the break penalty's width
  Sp stretch = 0, shrink = 0;
  bool has_fil = false;
  double ratio = 0.0;      ///< r for feasibility: +inf if underfull with no stretch, -inf if overfull with no shrink
  double badness = 0.0;
  Fitness fitness = kDecent;
  bool dead = false;       ///< even without the penalty width, the material cannot shrink to fit
};

/// 100·|r|³ capped at inf_bad ([KP] eq. (2), TeX §108).
double badness_of(double r) {
  const double a = std::fabs(r);
  return std::min(kInfBad, 100.0 * a * a * a);
}

/// Computes r, badness and fitness class of the line [start, b.pos) ended at `b`.
LineFit evaluate(const Paragraph& p, std::size_t start, const Breakpoint& b, Sp measure) {
  LineFit f;
  const Paragraph::Totals& from = p.sum[start];
  const Paragraph::Totals& to = p.sum[b.pos];
  const Sp material = to.width - from.width;
  f.stretch = to.stretch - from.stretch;
  f.shrink = to.shrink - from.shrink;
  f.has_fil = to.fil != from.fil;
  f.natural = material + b.width;
  // A node may be deactivated only when no later break can make the line fit.
  // The penalty width belongs to this break alone, so leave it out: then, with
  // non-negative widths and shrink <= width, the test is monotone in b and the
  // deactivation never loses a feasible line ([KP]: "r < -1 ... remove a").
  f.dead = material - f.shrink > measure;
  if (f.natural < measure) {
    if (f.has_fil) {
      // Infinite stretch absorbs the shortfall: finite glue stays natural, badness 0
      // (TeX §852: badness is 0 when fill stretch is present).
      f.ratio = 0.0;
    } else if (f.stretch > 0) {
      f.ratio = static_cast<double>(measure - f.natural) / static_cast<double>(f.stretch);
      f.badness = badness_of(f.ratio);
      // TeX §853: very loose if b > 99, loose if b > 12, else decent.
      f.fitness = f.badness > 99.0 ? kVeryLoose : f.badness > 12.0 ? kLoose : kDecent;
    } else {
      f.ratio = kInf;
      f.badness = kInfBad;
      f.fitness = kVeryLoose;
    }
  } else if (f.natural > measure) {
    f.ratio = f.shrink > 0
                  ? static_cast<double>(measure - f.natural) / static_cast<double>(f.shrink)
                  : -kInf;
    f.badness = f.ratio >= -1.0 ? badness_of(f.ratio) : kInfBad;
    // TeX §853: tight if b > 12 while shrinking, else decent.
    f.fitness = f.badness > 12.0 ? kTight : kDecent;
  }
  return f;
}

/// True when evaluate(p, start, b, measure) would find the line short, with finite stretch
/// that must stretch more than `tolerance` to fill it, and not dead: the commonest case by
/// far (most active nodes are far from most breakpoints), told apart here without the rest
/// of evaluate (the ratio is computed as evaluate computes it).
bool too_loose(const Paragraph& p, std::size_t start, const Breakpoint& b, Sp measure, double tolerance) {
  const Paragraph::Totals& from = p.sum[start];
  const Paragraph::Totals& to = p.sum[b.pos];
  const Sp material = to.width - from.width;
  const Sp natural = material + b.width;
  const Sp stretch = to.stretch - from.stretch;
  if (natural >= measure || to.fil != from.fil || stretch <= 0 || material - (to.shrink - from.shrink) > measure)
    return false;
  return static_cast<double>(measure - natural) / static_cast<double>(stretch) > tolerance;
}

/// Demerits of one line ending at `b` after node `a` ([KP] eq. (4)–(6), TeX §859).
double line_demerits(const BreakParams& prm, const Breakpoint& b, double badness, Fitness fit,
                     const Node& a) {
  double d = static_cast<double>(prm.line_penalty) + badness;
  d *= d;
  if (!b.forced) {
    // A forced break's penalty is -infinity; the paper leaves it out of the sum.
    const double pen = static_cast<double>(b.penalty);
    d += b.penalty >= 0 ? pen * pen : -pen * pen;
  }
  if (b.flagged && a.flagged) d += static_cast<double>(prm.flagged_demerits);
  if (std::abs(static_cast<int>(fit) - static_cast<int>(a.fitness)) > 1) {
    d += static_cast<double>(prm.fitness_demerits);
  }
  return d;
}

/// Records a way to reach the current breakpoint, keeping only the best one per
/// (line class, fitness) — the paper's A_c per fitness class.
void offer(std::vector<Candidate>& cands, const Candidate& c) {
  for (Candidate& o : cands) {
    if (o.cls == c.cls && o.fitness == c.fitness) {
      if (c.total < o.total) o = c;
      return;
    }
  }
  cands.push_back(c);
}

/// Builds the prefix sums and the list of legal breakpoints.
Paragraph prepare(std::span<const Item> items, std::span<const Sp> widths) {
  Paragraph p;
  p.items = items;
  p.widths = widths;
  const std::size_t n = items.size();
  p.sum.resize(n + 1);
  p.next_start.assign(n + 2, n);
  p.breaks.reserve(n + 1);

  std::size_t last_forced = kNone;
  for (std::size_t i = 0; i < n; ++i) {
    const Item& it = items[i];
    Paragraph::Totals& t = p.sum[i + 1];
    t = p.sum[i];
    switch (it.type) {
      case Item::Type::Box:
        t.width += it.width;
        break;
      case Item::Type::Glue:
        t.width += it.width;
        t.stretch += it.stretch;
        t.shrink += it.shrink;
        if (it.fil) ++t.fil;
        // Glue is a legal break only right after a box ([KP] rule (i), TeX §866:
        // "if the preceding node is non-discardable").
        if (i > 0 && items[i - 1].type == Item::Type::Box) {
          p.breaks.push_back({i, 0, 0, false, false});
        }
        break;
      case Item::Type::Penalty:
        if (it.penalty < kInfPenalty) {
          const bool forced = it.penalty <= -kInfPenalty;
          p.breaks.push_back({i, it.width, it.penalty, it.flagged, forced});
          if (forced) last_forced = i;
        }
        break;
    }
  }
  // After a break, glue and penalties up to the next box or forced break are
  // discarded ([KP] "the algorithm itself", TeX §879); next_start gives the first kept item.
  for (std::size_t i = n; i-- > 0;) {
    const Item& it = items[i];
    const bool keeps = it.type == Item::Type::Box ||
                       (it.type == Item::Type::Penalty && it.penalty <= -kInfPenalty);
    p.next_start[i] = keeps ? i : p.next_start[i + 1];
  }
  // The paragraph ends at its last forced break when only discardable items follow it
  // (they would be dropped anyway); otherwise an implicit forced break at n ends it.
  if (last_forced != kNone && p.next_start[last_forced + 1] == n) {
    while (!p.breaks.empty() && p.breaks.back().pos > last_forced) p.breaks.pop_back();
  } else {
    p.breaks.push_back({n, 0, -kInfPenalty, false, true});
  }
  return p;
}

enum class Mode {
  Normal,     ///< -1 <= r <= tolerance
  Emergency,  ///< r >= -1, any stretch; overfull lines only when nothing else remains
};

/// The active node removed at a break whose line would be least overfull: the emergency
/// pass's last resort when nothing can reach the break.
struct DeadEnd {
  std::size_t node = kNone;
  Sp excess = 0;
  double total = 0.0;

  void offer(std::size_t idx, Sp over, double demerits) {
    if (node == kNone || over < excess || (over == excess && demerits < total)) {
      node = idx;
      excess = over;
      total = demerits;
    }
  }
};

/// Tries a line from each active node to break `b`: a feasible one becomes a candidate
/// (s.cands); a node that can never reach a later break is deactivated (s.active shrinks).
/// Returns the least overfull of the nodes deactivated here.
DeadEnd try_active_nodes(const Paragraph& p, const BreakParams& prm, Mode mode, const Breakpoint& b, Scratch& s) {
  DeadEnd dead;
  std::size_t keep = 0;
  for (std::size_t k = 0; k < s.active.size(); ++k) {
    const std::size_t idx = s.active[k];
    const Node& a = s.nodes[idx];
    if (a.start > b.pos) {
      // The line after `a` has not begun yet (b lies among a's discarded items).
      s.active[keep++] = idx;
      continue;
    }
    const Sp measure = p.measure(a.lines);
    if (mode == Mode::Normal && !b.forced && too_loose(p, a.start, b, measure, prm.tolerance)) {
      s.active[keep++] = idx;  // infeasible, and still alive
      continue;
    }
    const LineFit f = evaluate(p, a.start, b, measure);
    const bool feasible = f.ratio >= -1.0 && (mode == Mode::Emergency || f.ratio <= prm.tolerance);
    if (feasible) {
      const double d = line_demerits(prm, b, f.badness, f.fitness, a);
      offer(s.cands, Candidate{p.line_class(a.lines + 1), a.lines + 1, idx, a.total + d, f.fitness});
    }
    // Deactivate at a forced break (no line may cross it) or when a can never fit again.
    if (b.forced || f.dead) dead.offer(idx, f.natural - f.shrink - measure, a.total);
    else s.active[keep++] = idx;
  }
  s.active.resize(keep);
  return dead;
}

/// Makes the candidates of break `b` active nodes. TeX §836: a candidate worse than the
/// best of its line class by more than the fitness demerits (`gamma`) can never win later
/// (the next line's fitness term is the only way its fitness class matters), so it need
/// not become active.
void activate_candidates(const Paragraph& p, const Breakpoint& b, double gamma, Scratch& s) {
  for (const Candidate& c : s.cands) {
    double best = c.total;
    for (const Candidate& o : s.cands) {
      if (o.cls == c.cls) best = std::min(best, o.total);
    }
    if (c.total > best + gamma) continue;
    Node n;
    n.pos = b.pos;
    n.start = p.next_start[b.pos + 1];
    n.lines = c.lines;
    n.prev = c.prev;
    n.total = c.total;
    n.fitness = c.fitness;
    n.flagged = b.flagged;
    s.active.push_back(s.nodes.size());
    s.nodes.push_back(n);
  }
}

/// One run of the main loop ([KP] "the algorithm itself", TeX §863–873).
/// Returns the index of the best final node, or kNone when the pass failed.
std::size_t run_pass(const Paragraph& p, const BreakParams& prm, Mode mode, Scratch& s) {
  s.nodes.clear();
  s.active.clear();
  s.cands.clear();
  s.nodes.push_back(Node{});  // the paragraph start: position 0, fitness decent (TeX §864)
  s.active.push_back(0);
  const double gamma = std::fabs(static_cast<double>(prm.fitness_demerits));

  for (const Breakpoint& b : p.breaks) {
    s.cands.clear();
    const DeadEnd dead = try_active_nodes(p, prm, mode, b, s);
    if (s.cands.empty() && s.active.empty()) {
      if (mode == Mode::Normal || dead.node == kNone) return kNone;
      // TeX §851–854 "artificial_demerits": the last active node is about to go and
      // nothing can reach this break, so some material (a box wider than the measure)
      // cannot be set at all. Break here with an overfull line rather than fail.
      // Its demerits are those of an inf_bad tight line (TeX uses 0; only one node is left).
      const Node& a = s.nodes[dead.node];
      const double d = line_demerits(prm, b, kInfBad, kTight, a);
      s.cands.push_back(Candidate{p.line_class(a.lines + 1), a.lines + 1, dead.node, a.total + d, kTight});
    }
    activate_candidates(p, b, gamma, s);
  }

  // The last breakpoint is forced, so the only active nodes left end the paragraph
  // ([KP]: choose the active node with the fewest total demerits).
  std::size_t best = kNone;
  for (const std::size_t idx : s.active) {
    if (best == kNone || s.nodes[idx].total < s.nodes[best].total) best = idx;
  }
  return best;
}

/// Ratio reported for a line: what the glue setter should use. Unlike the r used for
/// feasibility it is always finite (see the conventions at the top of this file).
double reported_ratio(const LineFit& f, Sp measure) {
  if (f.natural < measure) {
    if (f.has_fil || f.stretch <= 0) return 0.0;
    return static_cast<double>(measure - f.natural) / static_cast<double>(f.stretch);
  }
  if (f.natural > measure) {
    if (f.shrink > 0) {
      return static_cast<double>(measure - f.natural) / static_cast<double>(f.shrink);
    }
    return -1.0 - to_pt(f.natural - measure);
  }
  return 0.0;
}

/// Walks the back pointers from `last` and fills in the lines ([KP] "post-processing").
BreakResult build(const Paragraph& p, const Scratch& s, std::size_t last) {
  BreakResult r;
  r.demerits = s.nodes[last].total;
  std::size_t count = 0;
  for (std::size_t i = last; s.nodes[i].prev != kNone; i = s.nodes[i].prev) ++count;
  r.lines.resize(count);
  std::size_t k = count;
  for (std::size_t i = last; s.nodes[i].prev != kNone; i = s.nodes[i].prev) {
    const Node& b = s.nodes[i];
    const Node& a = s.nodes[b.prev];
    const Item* brk = b.pos < p.items.size() ? &p.items[b.pos] : nullptr;
    Breakpoint bp;
    bp.pos = b.pos;
    bp.width = brk != nullptr && brk->type == Item::Type::Penalty ? brk->width : 0;
    const Sp measure = p.measure(a.lines);
    const LineFit f = evaluate(p, a.start, bp, measure);
    if (f.natural - f.shrink > measure) r.overfull = true;
    r.lines[--k] = Line{a.start, b.pos, reported_ratio(f, measure), f.natural};
  }
  return r;
}

}  // namespace

BreakResult break_lines(std::span<const Item> items, std::span<const Sp> widths,
                        const BreakParams& params) {
  return break_lines(items, widths, params, std::span<const double>(&params.tolerance, 1));
}

BreakResult break_lines(std::span<const Item> items, std::span<const Sp> widths, const BreakParams& params,
                        std::span<const double> tolerances) {
  if (items.empty()) return {};
  const Paragraph p = prepare(items, widths);
  Scratch s;
  s.nodes.reserve(2 * p.breaks.size() + 16);
  s.active.reserve(64);
  s.cands.reserve(16);

  BreakParams normal = params;
  for (const double tolerance : tolerances) {
    normal.tolerance = tolerance;
    const std::size_t last = run_pass(p, normal, Mode::Normal, s);
    if (last != kNone) return build(p, s, last);
  }

  // [KP] "when no feasible breaks exist", TeX §863 final pass: allow any stretch.
  const std::size_t last = run_pass(p, params, Mode::Emergency, s);
  if (last != kNone) {
    BreakResult r = build(p, s, last);
    r.emergency = true;
    return r;
  }

  // Unreachable in practice (the emergency pass always reaches the forced end); never
  // return nothing for a non-empty list: one line up to the final break.
  BreakResult r;
  r.emergency = true;
  const Breakpoint& end = p.breaks.back();
  const LineFit f = evaluate(p, 0, end, p.measure(0));
  r.overfull = f.natural - f.shrink > p.measure(0);
  r.lines.push_back(Line{0, end.pos, reported_ratio(f, p.measure(0)), f.natural});
  return r;
}

}  // namespace vanban::layout
