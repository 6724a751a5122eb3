/// The letter form's pieces (NĐ 30, Phụ lục I, ô 5b and 9a; HD 36 likewise): the summary
/// under the number, and "Kính gửi:" with its addressees aligned under the colon.
#include <algorithm>

#include "pipeline/layout/flow_builder.hpp"
#include "pipeline/layout/paragraph.hpp"

namespace vanban::layout {

Sp set_under_number(FlowBuilder& fb, FlowBlock& g, resolve::HeaderGrid& h, Sp top) {
  if (h.under_number.empty()) return top;
  top += h.under_number_gap - h.line_gap;  // the gap is measured from the number's line box
  for (auto& p : h.under_number) top = fb.column_text(g.fixed_runs, p, 0, h.left_width, top);
  return top;
}

namespace {

/// The natural width of `t` on one line.
Sp natural_width(FlowBuilder& fb, const StyledText& t) {
  Sp w = 0;
  set_run(t, fb.shaper, w);
  return w;
}

}  // namespace

void set_addressees(FlowBuilder& fb, resolve::Block& block) {
  FlowBlock g;
  g.kind = FlowBlock::Kind::Paragraph;
  g.space_before = block.space_before;
  g.space_after = block.space_after;
  g.pos = block.pos;
  const Sp width = fb.text_width();
  if (block.paragraphs.size() == 1) {
    // One addressee: on the label's line, centred; it wraps (centred) if it must.
    g.fixed_height = fb.column_text(g.fixed_runs, block.paragraphs[0], 0, width, 0);
    fb.add_fixed(std::move(g));
    return;
  }
  // Several: the dashes stand in one column under the colon of "Kính gửi:" (NĐ 30, ô 9a),
  // and the group is centred on the text width.
  resolve::Paragraph& label = block.paragraphs[0];
  std::vector<StyledText> label_parts = fb.styled(label.spans);
  Sp label_w = 0;
  for (const auto& t : label_parts) label_w += natural_width(fb, t);
  StyledText colon = label_parts.back();
  colon.text = colon.text.empty() ? "" : colon.text.substr(colon.text.size() - 1);
  const Sp under = label_w - natural_width(fb, colon);
  std::vector<std::vector<StyledText>> items;
  Sp widest = label_w;
  for (std::size_t i = 1; i < block.paragraphs.size(); ++i) {
    items.push_back(fb.styled(block.paragraphs[i].spans));
    Sp w = 0;
    for (const auto& t : items.back()) w += natural_width(fb, t);
    widest = std::max(widest, under + w);
  }
  const Sp x = std::max<Sp>(0, (width - widest) / 2);
  Sp top = fb.column_text(g.fixed_runs, label_parts, x, width - x, 0, label.size, style::Align::Left, label.pos);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const resolve::Paragraph& p = block.paragraphs[i + 1];
    top = fb.column_text(g.fixed_runs, items[i], x + under, width - x - under, top, p.size, style::Align::Left, p.pos);
  }
  g.fixed_height = top;
  fb.add_fixed(std::move(g));
}

}  // namespace vanban::layout
