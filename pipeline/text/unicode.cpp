#include "pipeline/text/unicode.hpp"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace vanban::text {

namespace {

/// True for code points that NFC leaves alone wherever they stand: they have no
/// decomposition that NFC would not recompose, combining class 0, and are never the second
/// element of a canonical composition. A conservative set covering what Vietnamese text is
/// made of: everything below U+0300 (the combining diacritics start there), the precomposed
/// letters of Latin Extended Additional (U+1E00–U+1EFF: ạ ả ấ ầ … ỹ), and the general
/// punctuation from U+2010 (U+2000 and U+2001 are singletons that NFC replaces; the dashes,
/// quotes, ellipsis and narrow spaces after them are inert). tests/unit checks the set
/// exhaustively against utf8proc.
constexpr bool nfc_inert(char32_t c) {
  return c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x205E);
}

}  // namespace

bool nfc_inert_codepoint(char32_t c) { return nfc_inert(c); }

bool is_nfc_quick(std::string_view utf8) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  std::size_t i = 0;
  while (i < utf8.size()) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(utf8.size() - i), &cp);
    if (n <= 0 || !nfc_inert(static_cast<char32_t>(cp))) return false;
    i += static_cast<std::size_t>(n);
  }
  return true;
}

std::string nfc(std::string_view utf8) {
  if (utf8.empty()) return {};
  // Most text is ASCII or precomposed Vietnamese, already NFC: utf8proc's decompose and
  // recompose (a third of the inline parser's time) would give the same bytes back.
  if (is_nfc_quick(utf8)) return std::string(utf8);
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
    if (p[i] < 0x80) {  // ASCII, most of the text: no call into utf8proc
      ++i;
      continue;
    }
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
    if (p[i] < 0x80) {  // ASCII fast path
      out.push_back(static_cast<char32_t>(p[i++]));
      continue;
    }
    utf8proc_int32_t cp;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(utf8.size() - i), &cp);
    if (n <= 0) throw std::invalid_argument("invalid UTF-8");
    out.push_back(static_cast<char32_t>(cp));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {  // ASCII fast path
    out.push_back(static_cast<char>(cp));
    return;
  }
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
