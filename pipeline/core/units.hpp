#pragma once
/// Lengths as integers: scaled points, 65536 per PostScript point (as TeX does),
/// so that layout is exact and deterministic. Floats appear only for ratios.
#include <cmath>
#include <cstdint>

namespace vanban {

/// A length in scaled points (1 pt = 65536 sp).
using Sp = std::int64_t;

inline constexpr Sp kSpPerPt = 65536;

/// Points to scaled points, rounded to the nearest sp.
constexpr Sp pt(double points) { return static_cast<Sp>(points * kSpPerPt + (points < 0 ? -0.5 : 0.5)); }

/// Millimetres to scaled points (1 in = 25.4 mm = 72 pt).
constexpr Sp mm(double millimetres) { return pt(millimetres * 72.0 / 25.4); }

/// Scaled points to points, for output and messages.
constexpr double to_pt(Sp s) { return static_cast<double>(s) / kSpPerPt; }

/// The longest length a document or style may give, in millimetres: more than the long side
/// of the largest paper size (4A0, 2378 mm), so a length past it is past any page. Sums of
/// thousands of such lengths stay far inside Sp.
inline constexpr double kMaxLengthMm = 3000;

/// Whether `millimetres` is a length some page can hold (finite, at most kMaxLengthMm either way).
constexpr bool length_within_pages(double millimetres) {
  return millimetres >= -kMaxLengthMm && millimetres <= kMaxLengthMm;
}

/// Scaled points to millimetres, for messages and tests.
constexpr double to_mm(Sp s) { return to_pt(s) * 25.4 / 72.0; }

}  // namespace vanban
