/// The header's markings (see marks.hpp).
#include "pipeline/resolve/marks.hpp"

#include <algorithm>

#include "pipeline/core/i18n.hpp"
#include "pipeline/resolve/resolve.hpp"

namespace vanban::resolve {

void resolve_marks(const content::Header& header, const style::Style& style, HeaderGrid& grid) {
  struct Found {
    int order;
    Mark mark;
    bool top;
  };
  std::vector<Found> found;
  for (std::size_t i = 0; i < header.marks.size(); ++i) {
    const auto m = style::find_mark(style, header.marks[i]);
    if (!m)
      fail(i < header.mark_places.size() ? header.mark_places[i] : header.pos,
           tr("unknown mark `{}` for style {}", header.marks[i], style.name),
           tr("the style's marks are listed in {}", style.file));
    const style::Mark& sm = m->mark;
    found.push_back({sm.order, {span(style::mark_text(*m), sm.style), sm.frame, sm.width, sm.height, sm.color},
                     sm.place == "top-right"});
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.order < b.order; });
  for (auto& f : found) (f.top ? grid.top_marks : grid.left_marks).push_back(std::move(f.mark));
}

}  // namespace vanban::resolve
