#pragma once
/// The booklet put together: a cover, the contents, then each document (already laid out
/// on the booklet's page) starting on a right-hand page, with page numbers, running heads,
/// PDF page labels and nested bookmarks.
#include <string>
#include <vector>

#include "pipeline/booklet/book_style.hpp"
#include "pipeline/booklet/booklet.hpp"
#include "pipeline/layout/page.hpp"
#include "pipeline/shape/shaper.hpp"

namespace vanban::booklet {

/// One document laid out on the booklet's page (adapt()), without page numbers.
struct LaidOut {
  layout::PagedDocument paged;
  std::string title;         ///< its line in the contents and its bookmark
  std::string running_head;  ///< the short title printed atop its pages
};

/// Where things landed, for the caller's messages and the tests.
struct Composition {
  layout::PagedDocument paged;        ///< glyph_texts left for the caller (after all shaping)
  std::size_t contents_pages = 0;
  std::vector<std::size_t> starts;    ///< page index where each document starts
};

/// Puts the booklet together, in `family`'s faces. Throws vanban::Error when a text of the
/// cover has a character the font cannot draw, or the cover does not fit its page.
Composition compose(const Booklet& booklet, const BookStyle& style, std::vector<LaidOut> documents,
                    const shape::Family& family, shape::Shaper& shaper);

}  // namespace vanban::booklet
