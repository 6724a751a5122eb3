#pragma once
/// The last check of layout, on every build: no text off the page, no text on top of other
/// text. Whatever a stage got wrong (a header field too long for its column, a date line
/// pushed over the number, recipients past the bottom), the build then fails with an error
/// instead of writing a PDF where text is cut off or unreadable.
///
/// A run's box is its advance width by a band around the baseline narrower than the font's
/// ascent and descent (kBoxAbove, kBoxBelow of the size): lines set solid or with tight
/// leading, accents stacked above capitals and descenders reaching into the line below are
/// normal typesetting, not overlaps; a run set onto another one's line is not. Rules and
/// images are not checked (a rule under a title, the seal over the signature are meant).
#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/layout/page.hpp"
#include "pipeline/shape/font.hpp"

namespace vanban::layout {

/// One break of the invariants: the page (0-based) and what is wrong, in words.
struct Violation {
  std::size_t page = 0;
  std::string what;
  SourcePos pos{};      ///< the source field's place, when the run knows it
  std::string field{};  ///< its name ("header.place", "recipients"), or empty
};

/// Every run of every page that lies (partly) off the page, or overlaps another run.
std::vector<Violation> find_violations(const PagedDocument& doc, const shape::FontSet& fonts);

/// Throws vanban::Error, one diagnostic at `where` per violation (the first few), when
/// find_violations finds any; a violation whose run knows its source field is placed there
/// and names it (header, recipients, signature), else it is placed at `where`.
void check_invariants(const PagedDocument& doc, const shape::FontSet& fonts, const SourcePos& where);

}  // namespace vanban::layout
