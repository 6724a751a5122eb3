#pragma once
/// The stamps of numbered copies ("Bản số 001/300", "Đại biểu: …"): each copy's text filled
/// from the style's wording, shaped in the document's family and placed on the page, ready
/// for the PDF writer to draw over the shared pages (pdf/copies.hpp).
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/layout/page.hpp"
#include "pipeline/shape/family.hpp"
#include "pipeline/shape/shaper.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::layout {

/// The text of each of `total` copies from `stamp.text`: `{number}` (1-based, zero-padded to
/// the digits of `total`) and `{total}` filled. With `names` (one per copy, so `total` is
/// their count), from `stamp.delegate`, `{name}` filled too.
std::vector<std::string> copy_stamp_texts(const style::CopyStamp& stamp, std::size_t total,
                                          const std::vector<std::string>& names = {});

/// Each text shaped as one run in `stamp`'s face and size, its end at `stamp.right` from the
/// right edge of a page `page_width` wide, its baseline at `stamp.baseline`. A character the
/// font lacks is an error at `where[i]` (the copy's name in its list; `where` may be empty).
std::vector<TextRun> copy_stamp_runs(const std::vector<std::string>& texts, const std::vector<SourcePos>& where,
                                     const style::CopyStamp& stamp, Sp page_width, const shape::Family& family,
                                     shape::Shaper& shaper);

}  // namespace vanban::layout
