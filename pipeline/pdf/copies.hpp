#pragma once
/// Numbered copies (`vanban build --copies N`, `--copies-from FILE`): one PDF holding every
/// copy of the document, each stamped ("Bản số 001/300") on its first page, or on every page.
#include <vector>

#include "pipeline/layout/page.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/shape/font.hpp"

namespace vanban::pdf {

/// Writes `stamps.size()` copies of the pages prepare() made (with the stamps as its `extra`
/// runs, so that their glyphs are in the subsets) into one PDF: copy c is every page in
/// order, with stamp c drawn over its first page, or over each page with `every_page`.
/// Each page's content stream is stored once, and every copy's page shows it through
/// `/Contents [q page stamp]`: a copy adds its stamp (one small stream, shared by its pages)
/// and its page objects, about 100 bytes a page. Same input, same bytes.
std::vector<char> write_copies(const Prepared& prepared, const shape::FontSet& fonts, const Metadata& meta,
                               const std::vector<layout::TextRun>& stamps, bool every_page);

}  // namespace vanban::pdf
