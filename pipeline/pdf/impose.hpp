#pragma once
/// Imposition for saddle stitching: the document's pages two to a side of a sheet twice as
/// wide (A5 pages on A4 landscape sheets, A4 on A3), in the order that, printed duplex
/// (flip on the short edge), folded and stapled, reads as the document. See docs/imposition.md.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "pipeline/core/units.hpp"
#include "pipeline/pdf/write.hpp"

namespace vanban::pdf {

/// How the imposed PDF is made (`vanban build --imposition saddle-stitch ...`).
struct ImposeOptions {
  bool saddle_stitch = false;  ///< write the imposed PDF at all (`--imposition none`: no)
  Sp creep = 0;                ///< shift toward the spine per sheet inward from the outermost
  bool crop_marks = false;     ///< trim and fold marks, the sheet grown around the spread for them
  Sp bleed = 0;                ///< with crop_marks: how far page content may pass the trim
  int signature = 0;           ///< pages per section (8, 16, 32); 0: one section of all pages
};

/// A slot that carries no document page (the padding to a multiple of 4).
inline constexpr std::size_t kBlankSlot = SIZE_MAX;

/// The two halves of one side of a sheet, as the printer sees them: document page indexes
/// (0-based) or kBlankSlot.
struct SheetSide {
  std::size_t left = kBlankSlot, right = kBlankSlot;
  bool operator==(const SheetSide&) const = default;
};

/// One sheet: printed front then back (the back as it appears after turning the sheet over
/// on its short edge, which is the vertical edge of a landscape sheet, so nothing is rotated).
struct Sheet {
  SheetSide front, back;
  std::size_t section = 0;  ///< which section (signature) the sheet folds into, from 0
  std::size_t depth = 0;    ///< 0 for the outermost sheet of its section, 1 inside it, ...
  bool operator==(const Sheet&) const = default;
};

/// The sheets for `pages` document pages, in printing order: the sections one after the
/// other (each of `signature` pages, the last one of the pages left, rounded up to a
/// multiple of 4; `signature` 0 = one section of all pages), each from its outermost sheet
/// inward. A section of m pages (local numbers 1..m) has m/4 sheets; sheet i (from 1) has
/// front [m-2i+2 | 2i-1] and back [2i | m-2i+1]. Blanks are the numbers past the last page,
/// so they fall only at the end of the last section. Throws std::invalid_argument when
/// `signature` is not 0 or a positive multiple of 4.
std::vector<Sheet> sheet_order(std::size_t pages, int signature);

/// Writes the imposed PDF of the pages prepare() made: each document page once, as a Form
/// XObject, drawn on its half-sheet with `Do`; two sides (PDF pages) per sheet, front first.
/// Each half-sheet has the first page's size (a page of another size is scaled down to fit
/// and centred). Same input, same bytes.
std::vector<char> write_imposed(const Prepared& prepared, const Metadata& meta, const ImposeOptions& options);

}  // namespace vanban::pdf
