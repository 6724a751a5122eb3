#pragma once
/// Knuth–Plass total-fit line breaking over box/glue/penalty lists
/// (D. E. Knuth and M. F. Plass, "Breaking Paragraphs into Lines",
/// Software—Practice and Experience 11 (1981) 1119–1184).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "pipeline/core/units.hpp"

namespace vanban::layout {

/// Penalty values at or beyond these bounds forbid / force a break.
inline constexpr int kInfPenalty = 10000;

/// One item of a paragraph's horizontal list.
struct Item {
  enum class Type : std::uint8_t { Box, Glue, Penalty };
  Type type = Type::Box;
  Sp width = 0;
  Sp stretch = 0;         ///< Glue only
  Sp shrink = 0;          ///< Glue only
  bool fil = false;       ///< Glue only: infinitely stretchable (like TeX's `fil`), e.g. \parfillskip
  int penalty = 0;        ///< Penalty only; >= kInfPenalty never breaks, <= -kInfPenalty always breaks
  bool flagged = false;   ///< Penalty only: a break after a hyphen (double-hyphen demerits apply)
  std::uint32_t payload = 0;  ///< opaque to the breaker (the caller's index of what the box draws)

  static Item box(Sp w, std::uint32_t payload = 0) { return {Type::Box, w, 0, 0, false, 0, false, payload}; }
  static Item glue(Sp w, Sp stretch, Sp shrink) { return {Type::Glue, w, stretch, shrink, false, 0, false, 0}; }
  static Item fil_glue() { return {Type::Glue, 0, 0, 0, true, 0, false, 0}; }
  static Item pen(int p, Sp w = 0, bool flagged = false) { return {Type::Penalty, w, 0, 0, false, p, flagged, 0}; }
};

/// Parameters, named as in TeX and the 1981 paper.
struct BreakParams {
  double tolerance = 2.0;          ///< largest acceptable adjustment ratio |r| (TeX's tolerance/100 ...)
  int line_penalty = 10;           ///< added to badness before squaring
  int flagged_demerits = 3000;     ///< two consecutive flagged breaks ("double hyphen")
  int fitness_demerits = 10000;    ///< adjacent lines whose fitness classes differ by more than one
};

/// One line of the result: items [begin, end) and how much its glue is stretched.
struct Line {
  std::size_t begin = 0;     ///< first item on the line (glue/penalties after a break are discarded)
  std::size_t end = 0;       ///< index of the break item (penalty or glue), or items.size()
  double ratio = 0.0;        ///< adjustment ratio r: >0 stretch, <0 shrink, within [-1, tolerance] when feasible
  Sp natural = 0;            ///< natural width of the line's material
};

/// The result of breaking one paragraph.
struct BreakResult {
  std::vector<Line> lines;
  bool emergency = false;    ///< no feasible breaks within tolerance: a fallback pass was used
  bool overfull = false;     ///< some line is still wider than its measure (a box wider than the measure)
  double demerits = 0.0;     ///< total demerits of the chosen breaks
};

/// Breaks `items` into lines of width `widths[min(i, widths.size()-1)]` for line i.
/// The list should end with `pen(kInfPenalty) fil_glue() pen(-kInfPenalty)`.
/// Breaks are legal at penalties < kInfPenalty and at glue preceded by a box.
/// Chooses the breaks with minimal total demerits among those whose lines have
/// -1 <= r <= tolerance; when there is none, retries with unlimited tolerance
/// (every line may stretch as far as needed, none may shrink past -1) and sets `emergency`.
BreakResult break_lines(std::span<const Item> items, std::span<const Sp> widths,
                        const BreakParams& params = {});

/// break_lines with each of `tolerances` in turn (params.tolerance is not used): the first
/// result within tolerance, or else the emergency pass's. The same as calling break_lines
/// once per tolerance until one is not an emergency, but the list is prepared once and the
/// emergency pass (which does not depend on the tolerance) runs at most once.
BreakResult break_lines(std::span<const Item> items, std::span<const Sp> widths, const BreakParams& params,
                        std::span<const double> tolerances);

}  // namespace vanban::layout
