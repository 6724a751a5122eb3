// A document's own style set on the booklet's page. The design: the booklet style decides
// what makes a page of the book (its size, margins, the body size), the document's style
// keeps every convention of its regime (labels, cases, weights, alignments, the header
// grid's columns, marks). Sizes and the lengths that go with them are scaled by one factor,
// so the proportions the regime fixes hold on the smaller page.
#include <algorithm>
#include <cmath>

#include "pipeline/booklet/book_style.hpp"

namespace vanban::booklet {

namespace {

/// Scales the sizes and lengths of a style by `factor`, never a size below `floor`.
class Scaler {
 public:
  Scaler(double factor, Sp floor) : factor_(factor), floor_(floor) {}
  Sp length(Sp v) const { return static_cast<Sp>(std::llround(static_cast<double>(v) * factor_)); }
  void size(Sp& v) const { v = std::max(length(v), std::min(v, floor_)); }
  void text(style::TextStyle& t) const { size(t.size); }

 private:
  double factor_;
  Sp floor_;
};

void scale_level(style::HeadingLevel& lv, const Scaler& k) {
  k.text(lv.label_style);
  k.text(lv.title_style);
  lv.indent = k.length(lv.indent);
  lv.space_before = k.length(lv.space_before);
  lv.space_after = k.length(lv.space_after);
}

void scale_headings(style::Style& s, const Scaler& k) {
  for (auto& lv : s.levels) scale_level(lv, k);
}

/// The letter, decision and appendix forms: their lines are set in the same proportions
/// as the body, so a decision's "Điều 1." or căn cứ shrink with the page like its text.
void scale_forms(style::Forms& f, const Scaler& k) {
  k.text(f.letter.summary);
  k.text(f.letter.addressee);
  f.letter.summary_gap = k.length(f.letter.summary_gap);
  f.letter.space_before = k.length(f.letter.space_before);
  f.letter.space_after = k.length(f.letter.space_after);
  for (auto* t : {&f.decision.authority, &f.decision.basis, &f.decision.enacting}) k.text(*t);
  f.decision.space = k.length(f.decision.space);
  for (auto* lv : {&f.decision.chapter, &f.decision.section, &f.decision.article, &f.decision.part,
                   &f.decision.subsection, &f.appendix.label})
    scale_level(*lv, k);
  k.text(f.appendix.attached);
  f.appendix.space_after = k.length(f.appendix.space_after);
}

void scale_header(style::Header& h, const Scaler& k) {
  for (auto* t : {&h.parent, &h.issuer, &h.number, &h.date}) k.text(*t);
  for (auto& t : h.national_styles) k.text(t);
  h.line_gap = k.length(h.line_gap);
  h.title_gap = k.length(h.title_gap);
}

void scale_blocks(style::Style& s, const Scaler& k) {
  for (auto* t : {&s.title.title, &s.title.summary, &s.title.subtitle, &s.quote.text, &s.table.text, &s.table.header,
                  &s.signature.authority, &s.signature.title, &s.signature.name, &s.recipients.label_style,
                  &s.recipients.item, &s.contact.text})
    k.text(*t);
  s.contact.gap = k.length(s.contact.gap);
  s.contact.space_before = k.length(s.contact.space_before);
  s.title.rule_width = k.length(s.title.rule_width);
  s.title.space_after = k.length(s.title.space_after);
  s.quote.indent = k.length(s.quote.indent);
  s.table.padding = k.length(s.table.padding);
  s.table.space_after = k.length(s.table.space_after);
  s.signature.space = k.length(s.signature.space);
  s.signature.space_before = k.length(s.signature.space_before);
  s.list.indent = k.length(s.list.indent);
  for (auto& entry : s.marks) k.text(entry.second.style);
}

}  // namespace

style::Style adapt(style::Style s, const BookStyle& book) {
  const double factor = static_cast<double>(book.body_size) / static_cast<double>(std::max<Sp>(s.body.text.size, 1));
  const Scaler k(factor, book.min_size);
  const style::PageGeometry page = book.page();
  // Columns that divide the text width (header grid, closing row) keep their share of it.
  const double width_factor = static_cast<double>(page.text_width()) / static_cast<double>(std::max<Sp>(s.page.text_width(), 1));
  s.header.left_width = static_cast<Sp>(std::llround(static_cast<double>(s.header.left_width) * width_factor));
  s.signature.left_width = static_cast<Sp>(std::llround(static_cast<double>(s.signature.left_width) * width_factor));
  s.page = page;
  s.body.text.size = book.body_size;
  s.body.leading = k.length(s.body.leading);
  s.body.indent = k.length(s.body.indent);
  s.body.paragraph_space = k.length(s.body.paragraph_space);
  s.page_number.show = false;  // the booklet numbers its pages, across documents
  scale_headings(s, k);
  scale_header(s.header, k);
  scale_blocks(s, k);
  scale_forms(s.forms, k);
  return s;
}

}  // namespace vanban::booklet
