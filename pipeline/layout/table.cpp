/// Tables: column widths from the text width, and each row as a fixed group of cells set in
/// their columns with rules around them.
#include <algorithm>
#include <cstdio>

#include "pipeline/layout/flow_builder.hpp"

namespace vanban::layout {

namespace {

/// Column widths: absolute ones as given, the rest of the measure shared by weight.
std::vector<Sp> column_widths(const resolve::Table& t, Sp measure, const SourcePos& pos) {
  const std::size_t columns = t.widths.size();
  std::vector<Sp> out(columns, 0);
  Sp fixed = 0;
  double weights = 0;
  for (std::size_t i = 0; i < columns; ++i) {
    if (t.widths[i].absolute) {
      out[i] = t.widths[i].length;
      fixed += out[i];
    } else {
      weights += t.widths[i].value;
    }
  }
  char buf[128];
  if (fixed > measure || (fixed == measure && weights > 0)) {
    std::snprintf(buf, sizeof buf, "the table is wider than the text: %.1f mm of columns for %.1f mm", to_mm(fixed),
                  to_mm(measure));
    fail(pos, buf, "narrow the columns in `widths`, or give them as weights (numbers without a unit)");
  }
  for (std::size_t i = 0; i < columns; ++i)
    if (out[i] == 0) out[i] = static_cast<Sp>(static_cast<double>(measure - fixed) * t.widths[i].value / weights);
  return out;
}

/// One table row as a fixed group: cells set in their columns, with rules around them.
FlowBlock table_row(FlowBuilder& fb, std::vector<resolve::Paragraph>& cells, const std::vector<Sp>& widths,
                    const resolve::Table& t, const SourcePos& pos) {
  FlowBlock row;
  row.kind = FlowBlock::Kind::TableRow;
  row.pos = pos;
  Sp x = 0, height = 0;
  std::vector<Sp> xs;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    xs.push_back(x);
    const Sp bottom = fb.column_text(row.fixed_runs, cells[c], x + t.padding, widths[c] - 2 * t.padding, t.padding);
    height = std::max(height, bottom + t.padding);
    x += widths[c];
  }
  xs.push_back(x);
  row.fixed_height = height;
  row.fixed_rules.push_back({0, 0, x, t.rule});
  row.fixed_rules.push_back({0, height, x, t.rule});
  for (const Sp cx : xs) row.fixed_rules.push_back({cx - t.rule / 2, height / 2, t.rule, height});
  return row;
}

}  // namespace

void set_table(FlowBuilder& fb, resolve::Block& block) {
  resolve::Table& t = block.table;
  const auto widths = column_widths(t, fb.text_width(), block.pos);
  int header = -1;
  if (!t.header.empty()) {
    FlowBlock& h = fb.add_fixed(table_row(fb, t.header, widths, t, block.pos));
    h.keep_with_next = true;  // never a header alone at the foot of a page
    header = static_cast<int>(fb.flow.blocks.size() - 1);
  }
  for (auto& r : t.rows) {
    FlowBlock& row = fb.add_fixed(table_row(fb, r, widths, t, block.pos));
    row.header_block = header;
  }
  fb.flow.blocks.back().space_after = block.space_after;
}

}  // namespace vanban::layout
