#include "pipeline/text/unicode.hpp"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace vanban::text {

std::string nfc(std::string_view utf8) {
  if (utf8.empty()) return {};
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                              static_cast<utf8proc_ssize_t>(utf8.size()), &out,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) throw std::invalid_argument(utf8proc_errmsg(n));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

std::size_t invalid_utf8_at(std::string_view utf8) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  std::size_t i = 0;
  while (i < utf8.size()) {
    utf8proc_int32_t cp;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(utf8.size() - i), &cp);
    if (n <= 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

bool valid_utf8(std::string_view utf8) { return invalid_utf8_at(utf8) == std::string_view::npos; }

std::u32string decode(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  std::size_t i = 0;
  while (i < utf8.size()) {
    utf8proc_int32_t cp;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(utf8.size() - i), &cp);
    if (n <= 0) throw std::invalid_argument("invalid UTF-8");
    out.push_back(static_cast<char32_t>(cp));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::string encode(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) append_utf8(out, c);
  return out;
}

std::string codepoint_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace vanban::text

namespace vanban::text {

template <typename Map>
static std::string map_case(std::string_view utf8, Map map) {
  std::string out;
  out.reserve(utf8.size());
  for (char32_t c : decode(utf8))
    append_utf8(out, static_cast<char32_t>(map(static_cast<utf8proc_int32_t>(c))));
  return out;
}

std::string to_upper(std::string_view utf8) { return map_case(utf8, utf8proc_toupper); }
std::string to_lower(std::string_view utf8) { return map_case(utf8, utf8proc_tolower); }

}  // namespace vanban::text
