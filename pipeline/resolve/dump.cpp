#include "pipeline/resolve/dump.hpp"

#include <cstdio>

namespace vanban::resolve {

namespace {

const char* align_name(Align a) {
  switch (a) {
    case Align::Left: return "left";
    case Align::Center: return "center";
    case Align::Right: return "right";
    case Align::Justify: return "justify";
  }
  return "?";
}

const char* kind_name(Block::Kind k) {
  switch (k) {
    case Block::Kind::PartHeading: return "part";
    case Block::Kind::Heading: return "heading";
    case Block::Kind::Paragraph: return "paragraph";
    case Block::Kind::ListItem: return "item";
    case Block::Kind::Quote: return "quote";
    case Block::Kind::Table: return "table";
    case Block::Kind::PageBreak: return "page-break";
    case Block::Kind::Addressees: return "addressees";
  }
  return "?";
}

/// Writes lengths in points with two decimals.
std::string points(Sp v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", to_pt(v));
  return buf;
}

void add_span(std::string& out, const Span& s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "[%g", to_pt(s.size));
  out += buf;
  if (s.bold || s.italic || s.underline) out += ' ';
  if (s.bold) out += 'b';
  if (s.italic) out += 'i';
  if (s.underline) out += 'u';
  out += ']';
  out += s.text;
}

void add_line(std::string& out, const std::string& label, const Span& s) {
  out += "  " + label + " | ";
  add_span(out, s);
  out += '\n';
}

void add_paragraph(std::string& out, const std::string& indent, const Paragraph& p) {
  out += indent + align_name(p.align);
  if (p.indent != 0) out += " indent=" + points(p.indent);
  out += " | ";
  for (const Span& s : p.spans) add_span(out, s);
  out += '\n';
}

void add_header(std::string& out, const HeaderGrid& h) {
  out += "header\n";
  for (const Mark& m : h.top_marks) add_line(out, m.frame ? "mark top framed" : "mark top", m.text);
  if (h.parent) add_line(out, "parent", *h.parent);
  add_line(out, "issuer", h.issuer);
  if (h.issuer_mark) add_line(out, "issuer-mark", *h.issuer_mark);
  for (const Span& s : h.national) add_line(out, "national", s);
  add_line(out, "number", h.number);
  for (const Paragraph& p : h.under_number) add_paragraph(out, "  under-number ", p);
  for (const Mark& m : h.left_marks) add_line(out, m.frame ? "mark left framed" : "mark left", m.text);
  add_line(out, "date", h.date);
}

void add_block(std::string& out, const Block& b) {
  out += kind_name(b.kind);
  if (b.keep_with_next) out += " keep";
  if (b.left != 0 || b.right != 0) out += " left=" + points(b.left) + " right=" + points(b.right);
  if (b.outline) out += " outline=" + std::to_string(b.outline->level) + ":" + b.outline->title;
  out += '\n';
  for (const Paragraph& p : b.paragraphs) add_paragraph(out, "  ", p);
  if (b.kind != Block::Kind::Table) return;
  const auto row = [&](const char* name, const std::vector<Paragraph>& cells) {
    out += std::string("  ") + name + '\n';
    for (const Paragraph& c : cells) add_paragraph(out, "    ", c);
  };
  std::string widths = "  widths";
  for (const ColumnWidth& w : b.table.widths) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", w.value);
    widths += ' ' + (w.absolute ? points(w.length) + "pt" : std::string(buf));
  }
  out += widths + '\n';
  if (!b.table.header.empty()) row("header-row", b.table.header);
  for (const auto& r : b.table.rows) row("row", r);
}

void add_closing(std::string& out, const Closing& c) {
  out += "closing\n";
  for (const Paragraph& p : c.recipients) add_paragraph(out, "  recipients ", p);
  for (const auto* sig : {&c.left_signature, &c.signature}) {
    if (!*sig) continue;
    const Signature& s = **sig;
    const std::string side = sig == &c.left_signature ? "  left-" : "  ";
    if (s.authority) add_paragraph(out, side + "authority ", *s.authority);
    if (s.title) add_paragraph(out, side + "signer-title ", *s.title);
    if (!s.image.empty()) out += side + "image " + s.image + '\n';
    if (s.name) add_paragraph(out, side + "name ", *s.name);
  }
  if (c.drafter) add_paragraph(out, "  drafter ", *c.drafter);
}

}  // namespace

std::string dump_styled(const StyledDocument& doc) {
  std::string out;
  if (doc.attachment) {
    out += "attachment\n";  // (no header grid)
    if (const auto& f = doc.attachment_field)
      out += "  field " + f->name + " " + points(f->width) + "x" + points(f->height) + " label " + f->label + '\n';
  } else {
    add_header(out, doc.header);
  }
  out += "title\n";
  for (const Paragraph& p : doc.title.lines) add_paragraph(out, "  ", p);
  for (const Block& b : doc.body) add_block(out, b);
  if (doc.closing) add_closing(out, *doc.closing);
  if (doc.contact) {
    out += "contact rule=" + points(doc.contact->rule) + " gap=" + points(doc.contact->gap) + '\n';
    for (const Paragraph& p : doc.contact->lines) add_paragraph(out, "  ", p);
  }
  if (!doc.appendices.empty()) out += "appendices\n";
  for (const Block& b : doc.appendices) add_block(out, b);
  return out;
}

}  // namespace vanban::resolve
