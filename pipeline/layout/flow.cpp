/// The flow builder's walk: the fixed groups in their places, the body's paragraphs queued
/// to be set together (deferred.cpp), and the setting helpers the fixed groups share.
#include "pipeline/layout/flow.hpp"

#include <utility>

#include "pipeline/layout/flow_builder.hpp"

namespace vanban::layout {

StyledText FlowBuilder::styled(resolve::Span& span) const {
  return {std::move(span.text), family.face(shape::face_style(span.bold, span.italic)), span.size, span.underline, span.whole};
}

std::vector<StyledText> FlowBuilder::styled(std::vector<resolve::Span>& spans) const {
  std::vector<StyledText> out;
  out.reserve(spans.size());
  for (auto& s : spans) out.push_back(styled(s));
  return out;
}

ParagraphShape FlowBuilder::shape_of(Sp measure, Sp indent, style::Align align) const {
  ParagraphShape ps;
  ps.measure = measure;
  ps.indent = indent;
  ps.align = align;
  ps.space_stretch = geo.space_stretch;
  ps.space_shrink = geo.space_shrink;
  ps.tolerance = geo.tolerance;
  return ps;
}

SetParagraph FlowBuilder::set(const std::vector<StyledText>& parts, Sp measure, Sp indent, style::Align align,
                              const SourcePos& pos) {
  SetParagraph p = set_paragraph(parts, shape_of(measure, indent, align), shaper, pos);
  warn_overfull(diags, p, pos);
  return p;
}

FlowBlock& FlowBuilder::add(FlowBlock::Kind kind, SetParagraph p, Sp size, const SourcePos& pos) {
  FlowBlock b;
  b.kind = kind;
  b.lines = std::move(p.lines);
  b.leading = leading_for(size);
  b.baseline = baseline_in(b.leading, size);
  b.emergency = p.emergency;
  b.overfull = p.overfull;
  b.pos = pos;
  b.break_before = std::exchange(page_break, false);
  flow.blocks.push_back(std::move(b));
  return flow.blocks.back();
}

FlowBlock& FlowBuilder::add_fixed(FlowBlock g) {
  g.break_before = std::exchange(page_break, false);
  flow.blocks.push_back(std::move(g));
  return flow.blocks.back();
}

Sp FlowBuilder::fixed_line(std::vector<TextRun>& runs, const StyledText& t, Sp x, Sp width, Sp baseline,
                           const SourcePos& pos) {
  check_coverage({t}, shaper, pos);
  Sp natural = 0;
  TextRun run = set_run(t, shaper, natural);
  run.x = x + (width - natural) / 2;
  run.y = baseline;
  runs.push_back(std::move(run));
  return natural;
}

Sp FlowBuilder::column_text(std::vector<TextRun>& runs, const std::vector<StyledText>& parts, Sp x, Sp width, Sp top,
                            Sp size, style::Align align, const SourcePos& pos, Sp* widest) {
  SetParagraph p = set(parts, width, 0, align, pos);
  const Sp pitch = leading_for(size);
  for (auto& line : p.lines) {
    if (widest) *widest = std::max(*widest, line.natural);
    for (auto run : line.runs) {
      run.x += x;
      run.y = top + baseline_in(pitch, size);
      runs.push_back(std::move(run));
    }
    top += pitch;
  }
  return top;
}

void FlowBuilder::tag(std::vector<TextRun>& runs, std::size_t first, const SourcePos& pos, const SourcePos& fallback,
                      const char* field) {
  const SourcePos& at = pos.line > 0 ? pos : fallback;
  auto& s = flow.sources;
  if (s.empty() || s.back().second != field || s.back().first.line != at.line || s.back().first.column != at.column)
    s.emplace_back(at, field);
  for (std::size_t i = first; i < runs.size(); ++i) runs[i].source = static_cast<std::uint32_t>(s.size());
}

Sp FlowBuilder::column_text(std::vector<TextRun>& runs, resolve::Paragraph& p, Sp x, Sp width, Sp top) {
  return column_text(runs, styled(p.spans), x, width, top, p.size, p.align, p.pos);
}

namespace {

FlowBlock::Kind flow_kind(resolve::Block::Kind kind) {
  using K = resolve::Block::Kind;
  switch (kind) {
    case K::PartHeading: return FlowBlock::Kind::PartHeading;
    case K::Heading: return FlowBlock::Kind::Heading;
    case K::ListItem: return FlowBlock::Kind::ListItem;
    case K::Quote: return FlowBlock::Kind::Quote;
    default: return FlowBlock::Kind::Paragraph;
  }
}

/// A block of the body: its paragraphs queued (their lines are set with all the others),
/// a table set at once, a page break kept for the next block.
void body_block(FlowBuilder& fb, resolve::Block& block) {
  using K = resolve::Block::Kind;
  if (block.kind == K::PageBreak) {
    fb.page_break = true;
    return;
  }
  if (block.kind == K::Table) {
    set_table(fb, block);
    return;
  }
  if (block.kind == K::Addressees) {
    set_addressees(fb, block);
    return;
  }
  FlowBlock& b = fb.add(flow_kind(block.kind), SetParagraph{}, block.size, block.pos);  // lines: see set_all
  b.x = block.left;
  b.splittable = block.splittable;
  b.restart_numbers = block.restart_page_numbers;
  b.keep_with_next = block.keep_with_next;
  b.space_before = block.space_before;
  b.space_after = block.space_after;
  if (block.outline) b.outline = OutlineEntry{std::move(block.outline->title), block.outline->level, 0, 0};
  const Sp measure = fb.text_width() - block.left - block.right;
  const bool body = block.kind == K::Paragraph || block.kind == K::ListItem;
  for (std::size_t k = 0; k < block.paragraphs.size(); ++k) {
    resolve::Paragraph& p = block.paragraphs[k];
    Deferred d;
    d.block = fb.flow.blocks.size() - 1;
    d.parts = fb.styled(p.spans);
    d.ps = fb.shape_of(measure, p.indent, p.align);
    d.pos = p.pos;
    d.body = body;
    d.flags = k == 0;  // (a part heading's marks are its label's)
    fb.deferred.defer(std::move(d), fb.diags);
  }
}

}  // namespace

Flow build_flow(resolve::StyledDocument doc, const shape::Family& family, shape::Shaper& shaper, Diagnostics& diags) {
  FlowBuilder fb{doc.geometry, family, shaper, diags, {}, {}, false};
  try {
    if (!doc.attachment) set_header(fb, doc.header);
    if (doc.attachment_field) set_attachment_field(fb, *doc.attachment_field);
    set_title(fb, doc.title);
    for (auto& block : doc.body) body_block(fb, block);
    if (doc.closing) set_closing(fb, *doc.closing);
    if (doc.contact) set_contact(fb, *doc.contact);
    for (auto& block : doc.appendices) body_block(fb, block);
  } catch (...) {
    // A block set at once failed. The deferred paragraphs before it have not been checked
    // yet (set_all checks them, on several threads): a character missing from one of them
    // comes first in reading order, so it is the one reported.
    fb.deferred.check_coverage_in_order(shaper, diags);
    throw;
  }
  fb.deferred.set_all(fb.flow, shaper, diags);
  return std::move(fb.flow);
}

}  // namespace vanban::layout
