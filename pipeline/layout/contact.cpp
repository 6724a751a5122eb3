/// Box 13 (NĐ 30, Phụ lục I, ô 13): the contact footer set as one fixed group, a rule across
/// the text width and the lines under it; the page builder puts it at the foot of page 1.
#include "pipeline/layout/flow_builder.hpp"

namespace vanban::layout {

void set_contact(FlowBuilder& fb, resolve::ContactFooter& c) {
  FlowBlock g;
  g.kind = FlowBlock::Kind::Closing;
  g.space_before = c.space_before;
  if (!c.lines.empty()) g.pos = c.lines.front().pos;
  const Sp width = fb.text_width();
  // The rule's top edge at the group's top (a rule is drawn centred on its y).
  g.fixed_rules.push_back({0, c.rule / 2, width, c.rule});
  Sp top = c.rule + c.gap;
  for (auto& p : c.lines) {
    const std::size_t first = g.fixed_runs.size();
    const SourcePos pos = p.pos;
    top = fb.column_text(g.fixed_runs, p, 0, width, top);
    fb.tag(g.fixed_runs, first, pos, g.pos, "contact");
  }
  g.fixed_height = top;
  fb.flow.first_page_footer = std::move(g);
}

}  // namespace vanban::layout
