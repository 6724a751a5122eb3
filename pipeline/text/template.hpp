#pragma once
/// `{name}` templates, as the style writes them ("Số {number}-{code}", "{1}.{n}-"): the one
/// filler for every stage that sets a template's text (numbering labels, header lines).
/// Variables in document text are not templates: content's inline parser substitutes those,
/// with markup and errors at their place.
#include <optional>
#include <string>
#include <string_view>

namespace vanban::text {

/// `tmpl` with each `{key}` (from a `{` to the next `}`) replaced by `value(key)`; a key
/// for which `value` gives nullopt, and a `{` with no `}` after it, stay as written.
/// `value` is called as `std::optional<std::string> value(std::string_view key)`.
template <class Lookup>
std::string fill(std::string_view tmpl, const Lookup& value) {
  std::string out;
  out.reserve(tmpl.size());
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    const std::size_t close = tmpl[i] == '{' ? tmpl.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += tmpl[i];
      continue;
    }
    const std::string_view key = tmpl.substr(i + 1, close - i - 1);
    if (const std::optional<std::string> v = value(key))
      out += *v;
    else
      out.append(tmpl.substr(i, close - i + 1));
    i = close;
  }
  return out;
}

}  // namespace vanban::text
