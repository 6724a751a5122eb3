/// Tables: column widths from the text width, and each row as a fixed group of cells set in
/// their columns with rules around them.
#include <algorithm>
#include <cstdio>

#include "pipeline/core/i18n.hpp"
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
  if (fixed > measure || (fixed == measure && weights > 0)) {
    const auto one_decimal = [](double mm) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", mm);
      return std::string(buf);
    };
    fail(pos,
         tr("the table is wider than the text: {} mm of columns for {} mm", one_decimal(to_mm(fixed)),
            one_decimal(to_mm(measure))),
         tr("narrow the columns in `widths`, or give them as weights (numbers without a unit)"));
  }
  for (std::size_t i = 0; i < columns; ++i)
    if (out[i] == 0) out[i] = static_cast<Sp>(static_cast<double>(measure - fixed) * t.widths[i].value / weights);
  return out;
}

/// The widest word of a cell (a run of characters between spaces, per span), at its size
/// and face: what the column must hold for no word to break between letters.
Sp widest_word(FlowBuilder& fb, const resolve::Paragraph& p) {
  Sp widest = 0;
  for (const auto& span : p.spans) {
    const shape::FontId font = fb.family.face(shape::face_style(span.bold, span.italic));
    const shape::Font& f = fb.shaper.fonts()[font];
    std::size_t start = 0;
    while (start < span.text.size()) {
      std::size_t end = span.text.find(' ', start);
      if (end == std::string::npos) end = span.text.size();
      if (end > start) {
        const auto& shaped = fb.shaper.shape(font, std::string_view(span.text).substr(start, end - start));
        widest = std::max(widest, static_cast<Sp>(shaped.advance * span.size / static_cast<Sp>(f.upem())));
      }
      start = end + 1;
    }
  }
  return widest;
}

/// Widens each column narrower than its widest word (plus padding), taking the room from
/// the columns that have some to spare, in proportion to it. Leaves the widths when the
/// words together need more than the measure.
void fit_words(FlowBuilder& fb, const resolve::Table& t, std::vector<Sp>& widths) {
  std::vector<Sp> need(widths.size(), 0);
  const auto add = [&](const std::vector<resolve::Paragraph>& cells) {
    for (std::size_t c = 0; c < cells.size() && c < need.size(); ++c)
      need[c] = std::max(need[c], widest_word(fb, cells[c]) + 2 * t.padding + t.rule);
  };
  add(t.header);
  for (const auto& r : t.rows) add(r);
  Sp missing = 0, spare = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (widths[c] < need[c]) missing += need[c] - widths[c];
    else spare += widths[c] - need[c];
  }
  if (missing == 0) return;
  // Impossible: leave the widths; the words that do not fit are warned about as they break.
  if (missing > spare) return;
  Sp taken = 0;
  std::size_t last_spare = widths.size();
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (widths[c] < need[c]) {
      widths[c] = need[c];
    } else if (widths[c] > need[c]) {
      const Sp give = static_cast<Sp>(static_cast<double>(widths[c] - need[c]) * static_cast<double>(missing) /
                                      static_cast<double>(spare));
      widths[c] -= give;
      taken += give;
      last_spare = c;
    }
  }
  if (last_spare < widths.size()) widths[last_spare] -= missing - taken;  // the rounding, so the sum is unchanged
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
  auto widths = column_widths(t, fb.text_width(), block.pos);
  fit_words(fb, t, widths);
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
