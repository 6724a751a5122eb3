// Text helpers shared by the readers and the recogniser.
#include "pipeline/import/inline.hpp"

#include "pipeline/text/unicode.hpp"

namespace vanban::importer {

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '*') out += "\\*";
    else if (c == '{') out += "{{";
    else if (c == '}') out += "}}";
    else out += c;
  }
  return out;
}

std::string squeeze_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string_view trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

namespace {

/// Whether code point `c` is a letter whose case mapping changes it (a cased letter).
bool cased(char32_t c, bool& lower) {
  const std::string one = text::encode(std::u32string(1, c));
  const std::string up = text::to_upper(one);
  const std::string low = text::to_lower(one);
  if (up == low) return false;
  lower = one != up;
  return true;
}

}  // namespace

bool is_upper_text(std::string_view text) {
  if (!text::valid_utf8(text)) return false;
  bool letters = false;
  for (const char32_t c : text::decode(text)) {
    bool lower = false;
    if (!cased(c, lower)) continue;
    if (lower) return false;
    letters = true;
  }
  return letters;
}

bool starts_lower(std::string_view text) {
  if (!text::valid_utf8(text)) return false;
  for (const char32_t c : text::decode(text)) {
    bool lower = false;
    if (cased(c, lower)) return lower;
  }
  return false;
}

std::string sentence_case(std::string_view text) {
  std::u32string cps = text::decode(text::nfc(text::to_lower(text)));
  for (char32_t& c : cps) {
    bool lower = false;
    if (!cased(c, lower)) continue;
    const std::u32string up = text::decode(text::to_upper(text::encode(std::u32string(1, c))));
    if (up.size() == 1) c = up[0];
    break;
  }
  return text::encode(cps);
}

std::string upper_nfc(std::string_view text) { return text::to_upper(text::nfc(text)); }

bool starts_with_upper(std::string_view text, std::string_view prefix) {
  if (!text::valid_utf8(text)) return false;
  return upper_nfc(text).rfind(prefix, 0) == 0;
}

bool is_decoration(std::string_view text) {
  if (!text::valid_utf8(text) || trim(text).empty()) return false;
  static const std::u32string kRules = U" -_*=~–—·•+";
  for (const char32_t c : text::decode(text))
    if (kRules.find(c) == std::u32string::npos) return false;
  return true;
}

}  // namespace vanban::importer
