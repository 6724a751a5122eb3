// The fields of the other forms than the report: Kính gửi (letter), authority line and căn
// cứ (decision), the secretary's signature (minutes), and the appendices.
#include "pipeline/content/loader.hpp"
#include "pipeline/core/i18n.hpp"

namespace vanban::content::detail {

namespace {

using source::find;
using source::type_name;

const Names kAppendixKeys = {"title", "of", "body", "sections"};
const Names kContactKeys = {"address", "email", "website", "phone", "fax"};

}  // namespace

void Loader::forms(Fields& f, const Entries& m, Document& doc) {
  if (const Entry* k = find(m, "kinh_gui")) doc.kinh_gui = text_list(f, "kinh_gui", *k, true);
  if (auto t = text_field(f, "authority", find(m, "authority"))) doc.authority = std::move(*t);
  if (const Entry* c = find(m, "can_cu")) doc.can_cu = text_list(f, "can_cu", *c, true);
  if (const Entry* s = find(m, "secretary")) signature(f, *s, doc.secretary);
  if (const Entry* c = find(m, "contact")) contact(f, *c, doc);
  const Entry* a = find(m, "appendices");
  if (!a || a->value.is_null()) return;
  if (!a->value.is_sequence()) {
    diags_.error(f.pos(a->value), tr("`appendices` must be a list, not {}", type_name(a->value)),
                 tr("start each appendix with `- title: ...`"));
    return;
  }
  for (const auto& item : a->value)
    if (auto ap = appendix(f, item)) doc.appendices.push_back(std::move(*ap));
}

std::optional<Appendix> Loader::appendix(Fields& f, const Node& n) {
  // An appendix is read as a section with one more key, `of`.
  auto s = section(f, n, &kAppendixKeys, "an appendix");
  if (!s) return std::nullopt;
  Appendix ap;
  ap.title = std::move(s->title);
  ap.body = std::move(s->body);
  ap.sections = std::move(s->sections);
  ap.pos = s->pos;
  const Entries m = f.entries(n, nullptr, tr("an appendix"));  // (its keys were checked above)
  if (auto t = text_field(f, "of", find(m, "of"))) ap.of = std::move(*t);
  return ap;
}

void Loader::contact(Fields& f, const Entry& e, Document& doc) {
  if (e.value.is_null()) return;
  if (!e.value.is_map()) {
    diags_.error(f.pos(e.value), tr("`contact` must be a map, not {}", type_name(e.value)),
                 tr("indent `address:`, `phone:`, `fax:`, `email:`, `website:` under `contact:`"));
    return;
  }
  const Entries m = f.entries(e.value, &kContactKeys, tr("`contact`"));
  Contact c;
  c.pos = f.pos(e.key);
  const std::pair<const char*, Text*> fields[] = {
      {"address", &c.address}, {"email", &c.email}, {"website", &c.website}, {"phone", &c.phone}, {"fax", &c.fax}};
  bool any = false;
  for (const auto& [key, text] : fields)
    if (auto t = text_field(f, key, find(m, key))) {
      any = any || !t->empty();
      *text = std::move(*t);
    }
  if (!any && e.value.size() == m.size()) {  // (unknown keys are reported as such)
    diags_.error(f.pos(e.key), tr("`contact` is empty"),
                 tr("give the organisation's `address:`, `phone:`, `fax:`, `email:` or `website:`, or remove `contact:`"));
    return;
  }
  doc.contact = std::move(c);
}

}  // namespace vanban::content::detail
