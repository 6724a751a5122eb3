/// The header's markings: a stamp of fixed size (KHẨN 20×8 mm, in red), or a frame fitted
/// to its text (DỰ THẢO), or plain text (Dự thảo lần 2).
#include "pipeline/layout/flow_builder.hpp"

#include <algorithm>

namespace vanban::layout {

namespace {

Color color_of(const style::Rgb& c) { return {c.r, c.g, c.b}; }

/// A frame of four rules around [x, x+w] x [y, y+h] (top-left origin).
void frame_rules(std::vector<Rule>& rules, Sp x, Sp y, Sp w, Sp h, Sp t, Color c) {
  rules.push_back({x, y, w, t, c});
  rules.push_back({x, y + h, w, t, c});
  rules.push_back({x - t / 2, y + h / 2, t, h, c});
  rules.push_back({x + w - t / 2, y + h / 2, t, h, c});
}

/// A stamp: its text centred in a stroked frame of the mark's size (grown to the text when
/// the text is wider, so nothing crosses the frame); returns its bottom.
Sp stamp(FlowBuilder& fb, FlowBlock& g, resolve::Mark& m, Sp x, Sp width, Sp top, const resolve::HeaderGrid& h) {
  const Sp size = m.text.size;
  const Sp pad = size / 4;
  const std::size_t first = g.fixed_runs.size();
  // The capitals' middle (0.33 em above the baseline in Times) on the frame's middle.
  const Sp height = std::max(m.height, fb.leading_for(size));
  const Sp w = fb.fixed_line(g.fixed_runs, fb.styled(m.text), x, width, top + height / 2 + size / 3, h.pos);
  for (std::size_t i = first; i < g.fixed_runs.size(); ++i) g.fixed_runs[i].color = color_of(m.color);
  const Sp box_w = std::max(m.width, w + pad * 2);
  g.fixed_frames.push_back({x + (width - box_w) / 2, top, box_w, height, h.rule_thickness, color_of(m.color)});
  return top + height + pad * 2;
}

}  // namespace

Sp set_mark(FlowBuilder& fb, FlowBlock& g, resolve::Mark& m, Sp x, Sp width, Sp top, const resolve::HeaderGrid& h) {
  if (m.width > 0 || m.height > 0) return stamp(fb, g, m, x, width, top, h);
  const Sp size = m.text.size;
  const Sp pitch = fb.leading_for(size);
  const Sp pad = size / 4;
  const std::size_t first = g.fixed_runs.size();
  const Sp w = fb.fixed_line(g.fixed_runs, fb.styled(m.text), x, width, top + pad + baseline_in(pitch, size), h.pos);
  for (std::size_t i = first; i < g.fixed_runs.size(); ++i) g.fixed_runs[i].color = color_of(m.color);
  if (m.frame)
    frame_rules(g.fixed_rules, x + (width - w) / 2 - pad * 2, top, w + pad * 4, pitch + pad * 2, h.rule_thickness,
                color_of(m.color));
  return top + pitch + pad * 3;
}

}  // namespace vanban::layout
