/// The table of kinds: looking a document's `kind:` up, with "did you mean" when it is not there.
#include <string>
#include <vector>

#include "pipeline/core/i18n.hpp"
#include "pipeline/source/suggest.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::style {

const Kind& find_kind(const Style& style, const std::string& name, const SourcePos& where) {
  // A document made in code may have no kind (the loader requires one): a report
  // without a type name, as before kinds had a table.
  static const Kind none;
  if (name.empty()) return none;
  const auto it = style.kinds.find(name);
  if (it != style.kinds.end()) return it->second;
  std::vector<std::string> names;
  names.reserve(style.kinds.size());
  for (const auto& [k, v] : style.kinds) names.push_back(k);
  fail(where, tr("unknown kind `{}` for style {}", name, style.name),
       source::suggestion(name, names, tr("the kinds of this style (listed in {}): {}", style.file, "{}")));
}

}  // namespace vanban::style
