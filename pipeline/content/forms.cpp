// The fields of the other forms than the report: Kính gửi (letter), authority line and căn
// cứ (decision), the secretary's signature (minutes), and the appendices.
#include "pipeline/content/loader.hpp"
#include "pipeline/core/i18n.hpp"

namespace vanban::content::detail {

namespace {

using source::find;
using source::type_name;

const Names kAppendixKeys = {"title", "of", "body", "sections"};

}  // namespace

void Loader::forms(Fields& f, const Entries& m, Document& doc) {
  if (const Entry* k = find(m, "kinh_gui")) doc.kinh_gui = text_list(f, "kinh_gui", *k, true);
  if (auto t = text_field(f, "authority", find(m, "authority"))) doc.authority = std::move(*t);
  if (const Entry* c = find(m, "can_cu")) doc.can_cu = text_list(f, "can_cu", *c, true);
  if (const Entry* s = find(m, "secretary")) signature(f, *s, doc.secretary);
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

}  // namespace vanban::content::detail
