/// The forms other than the report: letter (summary under the number, Kính gửi, Như trên),
/// decision (authority line, căn cứ, enacting word) and the appendices' headings.
#include "pipeline/resolve/forms.hpp"

#include <string>
#include <utility>

#include "pipeline/resolve/front_matter.hpp"
#include "pipeline/resolve/resolve.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::resolve {

namespace {

/// True when `plain` already ends with punctuation the style would add.
bool ends_with_punctuation(const std::string& plain) {
  return !plain.empty() && std::string(".,;:").find(plain.back()) != std::string::npos;
}

/// `prefix`, the spans of `t`, and `end` unless `t` already ends with punctuation.
std::vector<Span> punctuated(const std::string& prefix, const content::Text& t, const std::string& end,
                             const style::TextStyle& ts) {
  std::vector<Span> out;
  if (!prefix.empty()) out.push_back(span(prefix, ts));
  for (auto& s : spans(t, ts)) out.push_back(std::move(s));
  if (!end.empty() && !ends_with_punctuation(t.plain())) out.push_back(span(end, ts));
  return out;
}

/// A block of one paragraph.
Block single(std::vector<Span> spans, const style::TextStyle& ts, Sp indent, Sp before, Sp after, const SourcePos& pos) {
  Block b;
  b.kind = Block::Kind::Paragraph;
  b.size = ts.size;
  b.paragraphs.push_back({std::move(spans), ts.size, ts.align, indent, pos});
  b.space_before = before;
  b.space_after = after;
  b.splittable = true;
  b.pos = pos;
  return b;
}

/// "QUYẾT ĐỊNH" → "Quyết định": a type name inside a sentence.
std::string sentence_case(const std::string& name) {
  std::u32string cps = text::decode(text::to_lower(name));
  if (cps.empty()) return {};
  std::string first;
  text::append_utf8(first, cps[0]);
  return text::to_upper(first) + text::encode(std::u32string_view(cps).substr(1));
}

}  // namespace

void letter_summary(const content::Document& doc, const style::Style& style, HeaderGrid& header) {
  const auto& ls = style.forms.letter;
  if (doc.title.empty()) return;
  std::vector<Span> parts;
  if (!ls.summary_prefix.empty() && !starts_with_nocase(doc.title.plain(), ls.summary_prefix))
    parts.push_back(span(ls.summary_prefix, ls.summary));
  for (auto& s : spans(doc.title, ls.summary)) parts.push_back(std::move(s));
  header.under_number.push_back({std::move(parts), ls.summary.size, ls.summary.align, 0, doc.title.pos});
  header.under_number_gap = ls.summary_gap;
}

std::optional<Block> addressees(const content::Document& doc, const style::Style& style, const style::Kind& kind) {
  if (doc.kinh_gui.empty()) return std::nullopt;
  const auto& ls = style.forms.letter;
  const std::string& label = kind.kinh_gui.empty() ? ls.kinh_gui : kind.kinh_gui;
  const auto& ts = ls.addressee;
  Block b;
  b.kind = Block::Kind::Addressees;
  b.size = ts.size;
  b.pos = doc.kinh_gui.front().pos;
  b.space_before = ls.space_before;
  b.space_after = ls.space_after;
  if (doc.kinh_gui.size() == 1) {
    // One addressee on the label's line, centred like the group of several
    // (NĐ 30, Phụ lục I, ô 9a: "Kính gửi: Bộ Nội vụ").
    b.paragraphs.push_back({punctuated(label + " ", doc.kinh_gui[0], "", ts), ts.size, Align::Center, 0, b.pos});
    return b;
  }
  b.paragraphs.push_back(line(label, ts, Align::Left, b.pos));
  for (std::size_t i = 0; i < doc.kinh_gui.size(); ++i) {
    const auto& item = doc.kinh_gui[i];
    const std::string& end = i + 1 == doc.kinh_gui.size() ? ls.last_end : ls.item_end;
    b.paragraphs.push_back({punctuated(ls.item_prefix, item, end, ts), ts.size, Align::Left, 0, item.pos});
  }
  return b;
}

std::vector<content::Text> closing_recipients(const content::Document& doc, const style::Style& style) {
  const std::string& as_above = style.forms.letter.as_above;
  if (doc.kinh_gui.empty() || as_above.empty() || doc.recipients.empty()) return doc.recipients;
  if (starts_with_nocase(doc.recipients.front().plain(), as_above)) return doc.recipients;
  std::vector<content::Text> out;
  out.reserve(doc.recipients.size() + 1);
  content::Text t;
  t.spans.push_back({as_above, false, false});
  t.pos = doc.recipients.front().pos;
  out.push_back(std::move(t));
  out.insert(out.end(), doc.recipients.begin(), doc.recipients.end());
  return out;
}

void decision_opening(const content::Document& doc, const style::Style& style, const style::Kind& kind,
                      std::vector<Block>& out) {
  const auto& ds = style.forms.decision;
  const auto authority = [&] {
    if (!doc.authority.empty())
      out.push_back(single(spans(doc.authority, ds.authority), ds.authority, 0, ds.space, ds.space, doc.authority.pos));
  };
  if (!ds.authority_after_bases) authority();
  for (std::size_t i = 0; i < doc.can_cu.size(); ++i) {
    const std::string& end = i + 1 == doc.can_cu.size() ? ds.basis_last_end : ds.basis_end;
    const auto& c = doc.can_cu[i];
    out.push_back(single(punctuated(ds.basis_prefix, c, end, ds.basis), ds.basis, style.body.indent, 0,
                         style.body.paragraph_space, c.pos));
  }
  if (ds.authority_after_bases) authority();
  // A document that writes its own opening in its body (no căn cứ, no authority) gets no
  // enacting word added to it.
  const bool opening = !doc.can_cu.empty() || !doc.authority.empty();
  if (opening && kind.form == style::Form::Decision && !kind.enacting.empty()) {
    const SourcePos& at = doc.can_cu.empty() ? doc.kind_pos : doc.can_cu.back().pos;
    Block b = single({span(kind.enacting, ds.enacting)}, ds.enacting, 0, ds.space, ds.space, at);
    b.keep_with_next = true;
    out.push_back(std::move(b));
  }
}

std::string attached_number(const content::Document& doc, const style::Style& style) {
  const auto& as = style.forms.appendix;
  const auto& h = doc.header;
  return h.number ? fill_template(as.attached_number, {{"number", pad(*h.number, style.header.number_pad)}, {"code", h.code}})
                  : fill_template(as.attached_number_blank, {{"code", h.code}});
}

Block attached_heading(const content::Document& doc, const style::Style& style, const AttachedHeading& a) {
  const auto& as = style.forms.appendix;
  const auto& lv = as.label;
  const std::string label =
      a.number > 0 ? fill_template(lv.label, {{"n", style::format_counter(lv.counter, a.number)}}) : as.single;
  const auto& h = doc.header;
  const std::string date = h.date ? fill_template(as.attached_date, date_fields(*h.date)) : as.attached_date_blank;
  const std::string of = a.of.empty() ? "" : fill_template(as.attached_of, {{"of", a.of.plain()}});
  const std::string attached = fill_template(as.attached_format, {{"kind", sentence_case(a.kind_name)},
                                                                  {"number", attached_number(doc, style)},
                                                                  {"date", date},
                                                                  {"of", of}});
  Block b;
  b.kind = Block::Kind::PartHeading;
  b.size = std::max(lv.label_style.size, lv.title_style.size);
  b.paragraphs.push_back({{span(label, lv.label_style)}, b.size, lv.label_style.align, 0, a.pos});
  b.paragraphs.push_back({spans(a.title, lv.title_style), b.size, lv.title_style.align, 0, a.title.pos});
  b.paragraphs.push_back({{span(attached, as.attached)}, b.size, as.attached.align, 0, a.pos});
  b.keep_with_next = true;
  b.restart_page_numbers = true;  // "Số trang của Phụ lục được đánh số riêng theo từng Phụ lục"
  b.space_after = as.space_after;
  b.outline = Outline{label + ". " + style::apply_case(a.title.plain(), lv.title_style.text_case), 0};
  b.pos = a.pos;
  return b;
}

Block appendix_heading(const content::Document& doc, const style::Style& style, std::size_t index,
                       std::size_t count) {
  const content::Appendix& ap = doc.appendices[index];
  const auto kind = style.kinds.find(doc.kind);
  const std::string kind_name = kind != style.kinds.end() ? kind->second.name : "";
  return attached_heading(doc, style, {count > 1 ? static_cast<int>(index) + 1 : 0, ap.title, ap.of, kind_name, ap.pos});
}

}  // namespace vanban::resolve
