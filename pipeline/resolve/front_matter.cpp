#include "pipeline/resolve/front_matter.hpp"

#include <filesystem>
#include <string>

#include "pipeline/resolve/marks.hpp"
#include "pipeline/resolve/resolve.hpp"

namespace vanban::resolve {

std::string pad(int v, int width) {
  std::string s = std::to_string(v);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

std::vector<std::pair<std::string, std::string>> date_fields(const content::Date& d) {
  return {{"day", pad(d.day, d.day < 10 ? 2 : 1)},
          {"month", pad(d.month, d.month < 3 ? 2 : 1)},
          {"year", std::to_string(d.year)}};
}

namespace {

/// "Số 12-BC/ĐU", or the blank left for hand numbering.
std::string number_text(const content::Header& h, const style::Header& hs) {
  if (h.number) return fill_template(hs.number_format, {{"number", pad(*h.number, hs.number_pad)}, {"code", h.code}});
  return fill_template(hs.number_blank, {{"code", h.code}});
}

/// "Tân Hòa, ngày 25 tháng 11 năm 2025", or the blank form.
std::string date_text(const content::Header& h, const style::Header& hs) {
  const std::string place = h.place.empty() ? hs.place_blank : h.place;
  if (!h.date) return fill_template(hs.date_blank, {{"place", place}});
  auto fields = date_fields(*h.date);
  fields.emplace_back("place", place);
  return fill_template(hs.date_format, fields);
}

}  // namespace

bool starts_with_nocase(const std::string& text, const std::string& prefix) {
  return style::apply_case(text, style::Case::Upper).rfind(style::apply_case(prefix, style::Case::Upper), 0) == 0;
}

Paragraph line(const std::string& text, const style::TextStyle& ts, Align align, const SourcePos& pos) {
  return {{span(text, ts)}, ts.size, align, 0, pos};
}

HeaderGrid resolve_header(const content::Document& doc, const style::Style& style) {
  const auto& hs = style.header;
  const auto& h = doc.header;
  HeaderGrid g;
  g.left_width = hs.left_width;
  g.line_gap = hs.line_gap;
  g.title_gap = hs.title_gap;
  g.rule_thickness = style.rule_thickness;
  g.pos = h.pos;
  g.parent_pos = h.parent_pos;
  g.issuer_pos = h.issuer_pos;
  g.place_pos = h.place_pos;
  resolve_marks(h, style, g);
  if (!h.parent.empty()) g.parent = span(h.parent, hs.parent);
  g.issuer = span(h.issuer, hs.issuer);
  if (!hs.issuer_mark.empty()) g.issuer_mark = span(hs.issuer_mark, hs.issuer);
  g.issuer_rule = hs.issuer_rule;
  for (std::size_t i = 0; i < hs.national.size(); ++i) g.national.push_back(span(hs.national[i], hs.national_styles[i]));
  g.national_rule = hs.national_rule;
  g.national_rule_offset = hs.national_rule_offset;
  g.number = span(number_text(h, hs), hs.number);
  g.date = span(date_text(h, hs), hs.date);
  return g;
}

TitleBlock resolve_title(const content::Document& doc, const style::Style& style) {
  const auto& ts = style.title;
  TitleBlock t;
  const style::Kind& kind = style::find_kind(style, doc.kind, doc.kind_pos);
  if (!kind.title_block) return t;  // a công văn: its summary goes under the number
  const bool type_line = !kind.name.empty() && !starts_with_nocase(doc.title.plain(), kind.name);
  if (type_line) t.lines.push_back(line(kind.name, ts.title, Align::Center, doc.title.pos));
  const style::TextStyle& title_style = type_line ? ts.summary : ts.title;
  t.lines.push_back({spans(doc.title, title_style), title_style.size, Align::Center, 0, doc.title.pos});
  for (const auto& sub : doc.subtitle) t.lines.push_back({spans(sub, ts.subtitle), ts.subtitle.size, Align::Center, 0, sub.pos});
  t.rule_width = ts.rule_width;
  t.rule_fraction = ts.rule_fraction;
  t.rule_thickness = ts.rule_thickness;
  t.space_after = ts.space_after;
  return t;
}

/// The signature block of `sig` in the style's signature look.
static Signature signature_block(const content::Signature& sig, const style::SignatureStyle& ss, const std::string& folder) {
  Signature s;
  if (!sig.authority.empty()) s.authority = line(sig.authority, ss.authority, Align::Center, sig.pos);
  if (!sig.title.empty()) s.title = line(sig.title, ss.title, Align::Center, sig.pos);
  if (!sig.name.empty()) s.name = line(sig.name, ss.name, Align::Center, sig.pos);
  s.image = sig.image;
  if (!sig.image.empty()) s.image_path = (std::filesystem::path(folder) / sig.image).string();
  s.image_pos = sig.image_pos;
  s.space = ss.space;
  s.pos = sig.pos;
  return s;
}

std::optional<Closing> resolve_closing(const content::Document& doc, const style::Style& style,
                                       const std::vector<content::Text>& recipients) {
  if (!doc.signature && !doc.secretary && recipients.empty() && !doc.drafter) return std::nullopt;
  const auto& ss = style.signature;
  const auto& rs = style.recipients;
  Closing c;
  c.left_width = ss.left_width;
  c.space_before = ss.space_before;
  if (!recipients.empty()) {
    c.recipients.push_back(line(rs.label, rs.label_style, Align::Left, recipients.front().pos));
    for (std::size_t i = 0; i < recipients.size(); ++i) {
      const auto& item = recipients[i];
      Paragraph p{{span(rs.prefix, rs.item)}, rs.item.size, Align::Left, 0, item.pos};
      for (auto& s : spans(item, rs.item)) p.spans.push_back(std::move(s));
      // Each item ends with the style's punctuation unless it has its own.
      const std::string& end = i + 1 == recipients.size() ? rs.last_end : rs.item_end;
      const std::string plain = item.plain();
      if (!end.empty() && !plain.empty() && std::string(".,;:").find(plain.back()) == std::string::npos)
        p.spans.push_back(span(end, rs.item));
      c.recipients.push_back(std::move(p));
    }
  }
  if (doc.signature) c.signature = signature_block(*doc.signature, ss, doc.folder);
  if (doc.secretary) c.left_signature = signature_block(*doc.secretary, ss, doc.folder);
  if (doc.drafter)
    c.drafter = line(doc.drafter->initials + ".(" + std::to_string(doc.drafter->copies) + ")", rs.item, Align::Left,
                     doc.drafter->pos);
  return c;
}

}  // namespace vanban::resolve
