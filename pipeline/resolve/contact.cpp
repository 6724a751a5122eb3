/// Box 13: the contact footer's lines, from document.yaml's `contact:` and the style's labels.
#include "pipeline/core/i18n.hpp"
#include "pipeline/resolve/contact.hpp"

#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/resolve/resolve.hpp"

namespace vanban::resolve {

std::optional<ContactFooter> contact_footer(const content::Document& doc, const style::Style& style) {
  if (!doc.contact) return std::nullopt;
  const auto& cs = style.contact;
  if (!cs.set)
    fail(doc.contact->pos, tr("the style `{}` has no contact footer (box 13)", style.name),
         tr("remove `contact:`, or give the style a `contact:` section (its look and labels; the shipped styles `nha-nuoc` and `dang` have one)"));
  const auto& c = *doc.contact;
  const auto& ts = cs.text;
  ContactFooter out;
  out.rule = cs.rule;
  out.gap = cs.gap;
  out.space_before = cs.space_before;
  // The line breaks at the separators; inside a field only in an address. A label stays
  // whole and with its value ("Điện / thoại:" never), a phone number or a web address whole.
  const auto field = [&](std::vector<Span>& into, const std::string& label, const content::Text& t, bool whole) {
    if (t.empty()) return;
    if (!into.empty()) into.push_back(span(cs.separator, ts));
    if (!label.empty()) {
      into.push_back(span(label, ts));
      into.back().whole = true;
    }
    for (auto& s : spans(t, ts)) {
      s.whole = whole;
      into.push_back(std::move(s));
    }
  };
  std::vector<Span> address, rest;
  field(address, cs.address, c.address, false);
  field(rest, cs.email, c.email, true);
  field(rest, cs.website, c.website, true);
  field(rest, cs.phone, c.phone, true);
  field(rest, cs.fax, c.fax, true);
  if (!address.empty()) out.lines.push_back({std::move(address), ts.size, ts.align, 0, c.address.pos});
  if (!rest.empty()) out.lines.push_back({std::move(rest), ts.size, ts.align, 0, c.pos});
  return out;
}

}  // namespace vanban::resolve
