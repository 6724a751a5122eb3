/// The first page's fixed groups: the two-column header grid and the title block.
#include <algorithm>
#include <string>

#include "pipeline/core/i18n.hpp"
#include "pipeline/layout/flow_builder.hpp"

namespace vanban::layout {

namespace {

using style::Align;

/// `a` when it is a real place, else `fallback`.
const SourcePos& or_else(const SourcePos& a, const SourcePos& fallback) { return a.line > 0 ? a : fallback; }

/// A one-span paragraph of the header, centred in its column.
/// A line break typed in the YAML (a block scalar's newline) is kept: each line of the text
/// is set on its own, and wraps between words only when it is still too wide.
Sp header_text(FlowBuilder& fb, FlowBlock& g, resolve::Span& s, Sp x, Sp width, Sp top, const SourcePos& pos,
               Sp* widest = nullptr) {
  const Sp size = s.size;
  if (s.text.find('\n') == std::string::npos)
    return fb.column_text(g.fixed_runs, {fb.styled(s)}, x, width, top, size, Align::Center, pos, widest);
  const std::string whole = std::move(s.text);
  for (std::size_t start = 0; start <= whole.size();) {
    std::size_t end = whole.find('\n', start);
    if (end == std::string::npos) end = whole.size();
    resolve::Span line = s;
    line.text = whole.substr(start, end - start);
    if (!line.text.empty())
      top = fb.column_text(g.fixed_runs, {fb.styled(line)}, x, width, top, size, Align::Center, pos, widest);
    start = end + 1;
  }
  return top;
}

/// The most lines a name of the header column takes in the rules' examples (NĐ 30 Phụ lục
/// I, ô 2 and Phụ lục III's models; HD 36's likewise: two, at most three).
constexpr Sp kExampleLines = 3;

/// Warns when the name of `field` took more lines (from `top` to `bottom` at `size`'s pitch)
/// than the rules' examples show.
void warn_long_name(FlowBuilder& fb, const char* field, Sp top, Sp bottom, Sp size, const SourcePos& pos) {
  const Sp lines = (bottom - top) / fb.leading_for(size);
  if (lines <= kExampleLines) return;
  fb.diags.warn(pos,
                tr("`{}` takes {} lines in the header column; the rules' examples take at most {}", field, lines, kExampleLines),
                tr("abbreviate the name as the rules allow (NĐ 30, Phụ lục I, mục II.2; HD 36, ô 2), or choose where it breaks: write it as a block scalar (`|-`) with one line per printed line"));
}

/// The left column: superior body, issuing body with its star or rule; returns the bottom.
Sp left_column(FlowBuilder& fb, FlowBlock& g, resolve::HeaderGrid& h, Sp top) {
  const Sp left_w = h.left_width, gap = h.line_gap;
  Sp left = top;
  if (h.parent) {
    const std::size_t first = g.fixed_runs.size();
    const Sp size = h.parent->size;
    const Sp bottom = header_text(fb, g, *h.parent, 0, left_w, left, or_else(h.parent_pos, h.pos));
    warn_long_name(fb, "header.parent", left, bottom, size, or_else(h.parent_pos, h.pos));
    left = bottom + gap;
    fb.tag(g.fixed_runs, first, h.parent_pos, h.pos, "header.parent");
  }
  Sp issuer_w = 0;
  const Sp issuer_size = h.issuer.size;
  const std::size_t first = g.fixed_runs.size();
  const Sp issuer_bottom = header_text(fb, g, h.issuer, 0, left_w, left, or_else(h.issuer_pos, h.pos), &issuer_w);
  warn_long_name(fb, "header.issuer", left, issuer_bottom, issuer_size, or_else(h.issuer_pos, h.pos));
  left = issuer_bottom + gap;
  fb.tag(g.fixed_runs, first, h.issuer_pos, h.pos, "header.issuer");
  if (h.issuer_mark) {
    const Sp pitch = fb.leading_for(h.issuer_mark->size);
    fb.fixed_line(g.fixed_runs, fb.styled(*h.issuer_mark), 0, left_w, left + baseline_in(pitch, h.issuer_mark->size),
                  h.pos);
    left += pitch + gap;
  }
  if (h.issuer_rule > 0) {
    // A short rule centred under the name, clear of its descenders.
    const auto w = static_cast<Sp>(static_cast<double>(issuer_w) * h.issuer_rule);
    g.fixed_rules.push_back({(left_w - w) / 2, left + issuer_size / 8, w, h.rule_thickness});
    left += issuer_size / 3;
  }
  return left;
}

/// The right column: the national or Party title with its rule; returns the bottom.
Sp right_column(FlowBuilder& fb, FlowBlock& g, resolve::HeaderGrid& h, Sp top) {
  const Sp right_x = h.left_width, right_w = fb.text_width() - h.left_width;
  Sp right = top;
  for (std::size_t i = 0; i < h.national.size(); ++i) {
    const Sp size = h.national[i].size;
    const Sp pitch = fb.leading_for(size);
    const Sp b = right + baseline_in(pitch, size);
    const Sp w = fb.fixed_line(g.fixed_runs, fb.styled(h.national[i]), right_x, right_w, b, h.pos);
    if (i + 1 == h.national.size() && h.national_rule > 0)
      g.fixed_rules.push_back(
          {right_x + (right_w - w) / 2, b + (h.national_rule_offset > 0 ? h.national_rule_offset : size / 4), w, h.national_rule});
    right += pitch + h.line_gap;
  }
  return right;
}

/// The place and date line from `top`, centred in the right column: on one line as typed
/// (the blanks of "ngày     tháng" kept), or, when a long place makes it wider than the
/// column, in balanced lines broken between words. Returns its bottom.
Sp date_line(FlowBuilder& fb, FlowBlock& g, resolve::HeaderGrid& h, Sp x, Sp width, Sp top) {
  const Sp size = h.date.size, pitch = fb.leading_for(size);
  std::vector<TextRun> one;
  resolve::Span copy = h.date;
  if (fb.fixed_line(one, fb.styled(copy), x, width, top + baseline_in(pitch, size), h.pos) <= width) {
    for (auto& r : one) g.fixed_runs.push_back(std::move(r));
    return top + pitch;
  }
  return fb.column_text(g.fixed_runs, {fb.styled(h.date)}, x, width, top, size, Align::Center, or_else(h.place_pos, h.pos));
}

}  // namespace

void set_header(FlowBuilder& fb, resolve::HeaderGrid& h) {
  FlowBlock g;
  g.kind = FlowBlock::Kind::Header;
  g.keep_with_next = true;
  g.pos = h.pos;
  const Sp left_w = h.left_width;
  const Sp right_x = left_w, right_w = fb.text_width() - left_w;

  // Markings that stand above the right column (DỰ THẢO).
  Sp top = 0;
  for (auto& m : h.top_marks) top = set_mark(fb, g, m, right_x, right_w, top, h);
  Sp left = left_column(fb, g, h, top);
  const Sp right = right_column(fb, g, h, top);

  // Number and code on the left, place and date on the right, on one line (NĐ 30: box 4
  // sits on the same line as box 3), below whichever column is longer.
  const Sp date_size = h.date.size, number_size = h.number.size;
  const Sp date_pitch = fb.leading_for(date_size);
  const Sp number_pitch = fb.leading_for(number_size);
  const Sp row = std::max(left, right + date_pitch / 2);
  std::size_t first = g.fixed_runs.size();
  fb.fixed_line(g.fixed_runs, fb.styled(h.number), 0, left_w, row + baseline_in(number_pitch, number_size), h.pos);
  fb.tag(g.fixed_runs, first, h.pos, h.pos, "header.number");
  left = row + number_pitch + h.line_gap;
  left = set_under_number(fb, g, h, left);
  first = g.fixed_runs.size();
  for (auto& m : h.left_marks) left = set_mark(fb, g, m, 0, left_w, left, h);
  fb.tag(g.fixed_runs, first, h.pos, h.pos, "header.marks");
  first = g.fixed_runs.size();
  const Sp date_bottom = date_line(fb, g, h, right_x, right_w, row);
  fb.tag(g.fixed_runs, first, h.place_pos, h.pos, "header.place");
  g.fixed_height = std::max(left, date_bottom);
  g.space_after = h.title_gap;
  fb.add_fixed(std::move(g));
}

void set_title(FlowBuilder& fb, resolve::TitleBlock& t) {
  if (t.lines.empty()) return;  // a kind without a title block
  const Sp w = fb.text_width();
  const std::size_t first = fb.flow.blocks.size();
  for (auto& line : t.lines)
    fb.add(FlowBlock::Kind::Title, fb.set(fb.styled(line.spans), w, 0, line.align, line.pos), line.size, line.pos);
  for (std::size_t i = first; i < fb.flow.blocks.size(); ++i) fb.flow.blocks[i].keep_with_next = true;
  Sp rule_w = t.rule_width;
  if (t.rule_fraction > 0 && !fb.flow.blocks.back().lines.empty())
    rule_w = static_cast<Sp>(static_cast<double>(fb.flow.blocks.back().lines.back().natural) * t.rule_fraction);
  if (rule_w > 0) {
    FlowBlock r;
    r.kind = FlowBlock::Kind::Title;
    r.keep_with_next = true;
    r.fixed_height = pt(10);  // clear of the descenders and dots below of the last line
    r.fixed_rules.push_back({(w - rule_w) / 2, pt(6), rule_w, t.rule_thickness});
    fb.add_fixed(std::move(r));
  }
  fb.flow.blocks.back().space_after = t.space_after;
}

}  // namespace vanban::layout

namespace vanban::layout {

std::vector<Diagnostic> header_warnings(resolve::HeaderGrid header, const resolve::Geometry& geometry,
                                        const shape::Family& family, shape::Shaper& shaper) {
  Diagnostics diags;
  FlowBuilder fb{geometry, family, shaper, diags, {}, {}, false};
  set_header(fb, header);
  std::vector<Diagnostic> out;
  for (auto& d : diags.items)
    if (d.severity == Severity::Warning) out.push_back(std::move(d));
  return out;
}

}  // namespace vanban::layout
