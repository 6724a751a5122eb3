#pragma once
/// Page breaking: the flow's lines and fixed groups placed on pages.
#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/page.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::layout {

/// Breaks the flow into pages of `geometry`'s size and margins, taking it (its lines' glyph runs
/// move into the pages). Headings keep with the next block; no paragraph leaves a single
/// line at the foot or head of a page; a table continued on a new page repeats its header
/// row. Throws an Error past kMaxPages pages.
PagedDocument break_pages(Flow flow, const style::PageGeometry& geometry);

}  // namespace vanban::layout
