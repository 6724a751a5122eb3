#pragma once
/// The blanks an unissued build (`vanban build --unissued`) leaves for the clerk: the
/// number and the day, month and year of the date line, laid out as figure spaces (U+2007,
/// a digit's width in the document's fonts) so that the filled line keeps the layout of a
/// built one. Each blank becomes a text field (/FT /Tx) whose /VanbanIssue dictionary says
/// how to draw digits into it in the document's own font: the embedded subset (which then
/// holds the ten digits), its size, the baseline, the digits' CIDs and advance. `vanban
/// issue` (pipeline/sign/issue.cpp) fills them.
#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/layout/page.hpp"
#include "pipeline/pdf/objects.hpp"
#include "pipeline/shape/font.hpp"

namespace vanban::pdf {

/// The code point an unissued build sets where a digit will go.
inline constexpr char32_t kIssueBlank = U'\u2007';

/// One blank: the field's name ("number", "day", "month", "year"), where its figure spaces
/// are (x of the first, baseline, from the page's top-left corner) and how many there are.
struct IssueSlot {
  std::string name;
  std::size_t page = 0;
  shape::FontId font = 0;
  Sp size = 0;
  Sp x = 0, baseline = 0, width = 0;
  std::size_t count = 0;
  std::uint32_t digit_gids[10] = {};  ///< the font's glyphs for 0-9
};

/// The blanks of page 1's number line (runs tagged "header.number") and date line
/// ("header.place"): the first group of figure spaces in the number, the first three in the
/// date (day, month, year). Empty when there are none (a document whose style writes none).
std::vector<IssueSlot> issue_slots(const layout::PagedDocument& doc, const shape::FontSet& fonts);

/// One run per slot drawing the ten digits nowhere: passed to prepare() as extra runs, they
/// put the digits into the subsets. `texts` (the document's glyph records by FontId) gets
/// each digit's text, for the ToUnicode maps (so the filled number copies as text).
std::vector<layout::TextRun> issue_digit_runs(const std::vector<IssueSlot>& slots,
                                              std::vector<shape::GlyphTexts>& texts);

struct Prepared;
struct SharedRefs;

/// Writes each slot as a text field widget into the reserved object `widgets[i]`, on the page
/// object `pages[slot.page]`, with an empty appearance of its size. Returns the /DR font
/// dictionary entries ("/VbF3 12 0 R ...") its /DA strings name.
std::string write_issue_fields(PdfFile& file, const std::vector<IssueSlot>& slots, const std::vector<ObjNum>& widgets,
                               const std::vector<ObjNum>& pages, const layout::PagedDocument& doc,
                               const Prepared& prepared, const SharedRefs& refs);

}  // namespace vanban::pdf
