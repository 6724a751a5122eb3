/// The organisation's signature field of an attachment issued as a file of its own (NĐ 30,
/// Phụ lục I, III.1.d: "Góc trên, bên phải, trang đầu"): an anchor on page 1, its right
/// edge at the right margin, centred in the top margin. The top margin holds nothing else
/// on page 1 (page numbers start on page 2), so the field covers no text and the heading
/// below keeps its place; centring keeps it clear of the paper's edge (5 mm in a 20 mm
/// margin with a 10 mm field) and of the heading (5 mm).
#include "pipeline/layout/flow_builder.hpp"

namespace vanban::layout {

void set_attachment_field(FlowBuilder& fb, const resolve::AttachmentField& f) {
  const style::PageGeometry& page = fb.geo.page;
  const Sp x = page.left_of(0) + page.text_width() - f.width;
  const Sp y = (page.top - f.height) / 2;
  fb.flow.first_page_anchors.push_back({f.name, 0, x, y, f.width, f.height, f.label});
}

}  // namespace vanban::layout
