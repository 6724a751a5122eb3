/// Marks named in a document, looked up in the style: a plain name ("khan"), or a numbered
/// one ("du-thao-lan-2"), the style's `du-thao-lan` with `{n}` = 2.
#include "pipeline/style/style.hpp"

#include <cctype>

#include "pipeline/text/template.hpp"

namespace vanban::style {

std::optional<FoundMark> find_mark(const Style& style, const std::string& name) {
  if (const auto it = style.marks.find(name); it != style.marks.end()) return FoundMark{it->first, it->second, 0};
  // "<base>-<n>": the digits after the last hyphen, 1 to 3 of them (a draft's number).
  const auto dash = name.rfind('-');
  if (dash == std::string::npos || dash + 1 == name.size() || name.size() - dash - 1 > 3) return std::nullopt;
  int n = 0;
  for (std::size_t i = dash + 1; i < name.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return std::nullopt;
    n = n * 10 + (name[i] - '0');
  }
  const auto it = style.marks.find(name.substr(0, dash));
  if (n == 0 || it == style.marks.end() || it->second.text.find("{n}") == std::string::npos) return std::nullopt;
  return FoundMark{it->first, it->second, n};
}

std::string mark_text(const FoundMark& m) {
  if (m.number == 0) return m.mark.text;
  const std::string n = std::to_string(m.number);
  return text::fill(m.mark.text, [&](std::string_view key) -> std::optional<std::string> {
    return key == "n" ? std::optional<std::string>(n) : std::nullopt;
  });
}

}  // namespace vanban::style
