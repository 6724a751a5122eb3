#pragma once
/// Internal to the check stage: what a style file's `check:` section says.
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/style/style.hpp"

namespace vanban::check::detail {

/// The keys of `check: cite:`, one per convention rule; each names its source text.
inline const std::vector<std::string> kCitationKeys = {"number",    "type-code",  "place-date", "signature",
                                                       "authority", "recipients", "headings",   "marks"};

/// A style's `check:` section, read from the style file.
struct Rules {
  std::string regime;                         ///< the style's `regime:` ("Đảng (HD 36-HD/VPTW)"), else its name
  std::optional<std::wregex> code_pattern;    ///< `code.pattern`: the whole symbol; group 1 = the type
  std::string code_form;                      ///< `code.form`: the pattern in words, for messages
  std::map<std::string, std::vector<std::string>> codes;  ///< kind -> accepted type codes
  std::map<std::string, std::string> citations;           ///< kCitationKeys -> source text
  /// The citation of `rule`, or "" when the style gives none.
  std::string cite(const std::string& rule) const {
    const auto it = citations.find(rule);
    return it == citations.end() ? std::string() : it->second;
  }
};

/// Reads the `check:` section of the style file, as the style stage parsed it
/// (`style.parsed`; nothing when the style has no file or no such section). Throws vanban::Error at the style file's `file:line:column` on an unknown
/// key, a value of the wrong type or a pattern that does not compile.
Rules read_rules(const style::Style& style);

/// UTF-8 as a wide string of code points, so that `std::wregex` matches Vietnamese letters
/// (Đ is one character, not two bytes). Assumes a 32-bit wchar_t, as on Linux.
std::wstring wide(std::string_view utf8);

/// The inverse of `wide`: code points back to UTF-8.
std::string narrow(std::wstring_view w);

}  // namespace vanban::check::detail
