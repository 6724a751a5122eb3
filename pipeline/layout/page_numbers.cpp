#include "pipeline/layout/page_numbers.hpp"

#include <string>

#include "pipeline/layout/paragraph.hpp"

namespace vanban::layout {

void number_pages(PagedDocument& doc, const resolve::PageNumbers& numbers, const style::PageGeometry& geometry,
                  const shape::Family& family, shape::Shaper& shaper) {
  if (!numbers.show) return;
  const shape::FontId font = family.face(shape::face_style(numbers.bold, numbers.italic));
  std::size_t from = 0;  // the first page of the document, or of the appendix being numbered
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    if (doc.pages[i].restart_numbers) from = i;
    const std::size_t n = i - from + 1;
    if (static_cast<int>(n) < numbers.first_page) continue;
    Sp width = 0;
    TextRun r = set_run({std::to_string(n), font, numbers.size, false}, shaper, width);
    r.x = geometry.left_of(i) + (geometry.text_width() - width) / 2;
    r.y = numbers.baseline;
    doc.pages[i].runs.push_back(std::move(r));
  }
}

}  // namespace vanban::layout
