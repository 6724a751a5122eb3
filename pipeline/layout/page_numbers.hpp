#pragma once
/// Page numbers: a step of its own after page breaking.
#include "pipeline/layout/page.hpp"
#include "pipeline/resolve/styled.hpp"
#include "pipeline/shape/shaper.hpp"

namespace vanban::layout {

/// Adds the page numbers `numbers` asks for to the pages of `doc`, centred over the text
/// of each page (`geometry`'s margins) in the top margin, in `family`'s face.
void number_pages(PagedDocument& doc, const resolve::PageNumbers& numbers, const style::PageGeometry& geometry,
                  const shape::Family& family, shape::Shaper& shaper);

}  // namespace vanban::layout
