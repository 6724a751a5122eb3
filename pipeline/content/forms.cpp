// The fields of the other forms than the report: Kính gửi (letter), authority line and căn
// cứ (decision), the secretary's signature (minutes), and the appendices.
#include <charconv>

#include "pipeline/content/loader.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::content::detail {

namespace {

using source::find;
using source::type_name;

const Names kAppendixKeys = {"title", "of", "body", "sections"};
const Names kContactKeys = {"address", "email", "website", "phone", "fax"};
const Names kAttachedToKeys = {"kind", "of", "appendix"};

}  // namespace

void Loader::forms(Fields& f, const Entries& m, Document& doc) {
  if (const Entry* k = find(m, "kinh_gui")) doc.kinh_gui = text_list(f, "kinh_gui", *k, true);
  if (auto t = text_field(f, "authority", find(m, "authority"))) doc.authority = std::move(*t);
  if (const Entry* c = find(m, "can_cu")) doc.can_cu = text_list(f, "can_cu", *c, true);
  if (const Entry* s = find(m, "secretary")) signature(f, *s, doc.secretary);
  if (const Entry* c = find(m, "contact")) contact(f, *c, doc);
  if (const Entry* t = find(m, "attached_to")) attached_to(f, *t, doc);
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

void Loader::attached_to(Fields& f, const Entry& e, Document& doc) {
  const std::string hint = tr("write `attached_to:` with the main document's `kind:` (e.g. `quyet-dinh`) under it, and "
                              "`of:` and `appendix:` if need be");
  const std::optional<Entries> map = f.map_entries(e, &kAttachedToKeys, tr("`attached_to`"), hint);
  if (!map) return;
  const Entries& m = *map;
  AttachedTo a;
  a.pos = f.pos(e.key);
  bool ok = f.required("kind", find(m, "kind"), a.pos, "`attached_to`", hint);
  if (const Entry* k = find(m, "kind"); ok && !k->value.is_null()) {
    if (auto v = f.scalar("kind", k)) {
      a.kind = text::nfc(*v);
      a.kind_pos = f.text_pos(k->value);
    } else {
      ok = false;
    }
  }
  if (auto t = text_field(f, "of", find(m, "of"))) a.of = std::move(*t);
  if (const Entry* n = find(m, "appendix"); n && !n->value.is_null()) {
    const auto v = f.scalar("appendix", n);
    const auto [p, ec] = v ? std::from_chars(v->data(), v->data() + v->size(), a.appendix) : std::from_chars_result{};
    if (!v || ec != std::errc() || p != v->data() + v->size() || a.appendix < 1 || a.appendix > 99) {
      if (v)
        diags_.error(f.text_pos(n->value), tr("`appendix` must be a whole number from 1 to 99"),
                     tr("the attachment's number among the main document's appendices, in Arabic digits: "
                        "`appendix: 2` prints \"Phụ lục II\"; leave it out for the only one (\"Phụ lục\")"));
      ok = false;
    }
  }
  if (ok) doc.attached_to = std::move(a);
}

void Loader::contact(Fields& f, const Entry& e, Document& doc) {
  if (e.value.is_null()) return;
  const std::optional<Entries> map = f.map_entries(
      e, &kContactKeys, tr("`contact`"), tr("indent `address:`, `phone:`, `fax:`, `email:`, `website:` under `contact:`"));
  if (!map) return;
  const Entries& m = *map;
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
