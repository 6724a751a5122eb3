#pragma once
/// Internal to the style stage: reading `contact:` (box 13, the first page's contact
/// footer). A template over style.cpp's reader, like kinds_reader.hpp.
#include "pipeline/core/i18n.hpp"
#include "pipeline/source/yaml.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::style::detail {

/// `contact:` → the footer's look, rule and labels; none when the style has no `contact:`.
template <class Reader>
void read_contact(const source::yaml::Node& root, Reader& r, Style& s, const TextStyle& plain) {
  const auto c = root["contact"];
  if (!c) return;
  r.keys(c, {"text", "rule", "gap", "space-before", "labels", "separator"}, "`contact`");
  ContactStyle& cs = s.contact;
  cs.set = true;
  cs.text = c["text"] ? r.text_style(c["text"], plain) : plain;
  cs.rule = c["rule"] ? r.length(c["rule"]) : 0;
  if (c["gap"]) cs.gap = r.length(c["gap"]);
  if (c["space-before"]) cs.space_before = r.length(c["space-before"]);
  if (c["separator"]) cs.separator = r.str(c["separator"]);
  if (const auto l = c["labels"]) {
    r.keys(l, {"address", "email", "website", "phone", "fax"}, "`contact.labels`");
    const std::pair<const char*, std::string*> labels[] = {{"address", &cs.address}, {"email", &cs.email},
                                                           {"website", &cs.website}, {"phone", &cs.phone},
                                                           {"fax", &cs.fax}};
    for (const auto& [key, out] : labels)
      if (l[key]) *out = r.str(l[key]);
  }
  if (cs.rule <= 0 || cs.gap < 0 || cs.space_before < 0)
    r.fail(r.pos(c), tr("the contact footer needs a rule (`rule:`, a positive thickness) and no negative space"),
           tr("e.g. `rule: 0.6pt`, `gap: 3pt`, `space-before: 6pt`"));
}

}  // namespace vanban::style::detail
