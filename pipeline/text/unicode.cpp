#include "pipeline/text/unicode.hpp"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"

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

/// Decodes the code point at `p` (`avail` > 0 bytes left) into `cp`; returns its length, or
/// 0 when the bytes there are not well-formed UTF-8. ASCII and the two- and three-byte forms
/// that need no range check (every Vietnamese letter, the punctuation, most scripts) are
/// decoded here, as a call into utf8proc per letter would cost more than the rest of the
/// loop that wants the code point. The rest
/// (E0 and ED leads, four-byte forms, anything ill-formed) goes to utf8proc_iterate, which
/// stays the judge of what is well-formed (tests/text compares the two on every lead byte).
inline std::size_t next_codepoint(const unsigned char* p, std::size_t avail, char32_t& cp) {
  const unsigned b = p[0];
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  const auto continuation = [&](std::size_t k) { return k < avail && is_continuation(p[k]); };
  if (b >= 0xC2 && b <= 0xDF && continuation(1)) {
    cp = static_cast<char32_t>(((b & 0x1F) << 6) | (p[1] & 0x3F));
    return 2;
  }
  if (b >= 0xE1 && b <= 0xEF && b != 0xED && continuation(1) && continuation(2)) {
    cp = static_cast<char32_t>(((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
    return 3;
  }
  utf8proc_int32_t c;
  const auto n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(avail), &c);
  if (n <= 0) return 0;
  cp = static_cast<char32_t>(c);
  return static_cast<std::size_t>(n);
}

}  // namespace

bool nfc_inert_codepoint(char32_t c) { return nfc_inert(c); }

bool extends_cluster(char32_t c) {
  if (c < 0x300) return false;  // ASCII and Latin letters: starters, no lookup
  const auto bound = utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->boundclass;
  return bound == UTF8PROC_BOUNDCLASS_EXTEND || bound == UTF8PROC_BOUNDCLASS_ZWJ ||
         bound == UTF8PROC_BOUNDCLASS_SPACINGMARK;
}

std::size_t count_cluster_marks(std::string_view utf8, std::size_t marks) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  for (std::size_t i = 0; i < utf8.size();) {
    if (p[i] < 0xCC) {  // ASCII and the lead bytes below U+0300: no mark
      marks = 0;
      ++i;
      while (i < utf8.size() && is_continuation(p[i])) ++i;
      continue;
    }
    utf8proc_int32_t c = 0;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(utf8.size() - i), &c);
    if (n <= 0) return marks;  // (not UTF-8: the caller's other checks report it)
    i += static_cast<std::size_t>(n);
    if (!extends_cluster(static_cast<char32_t>(c))) marks = 0;
    else if (++marks > kMaxClusterMarks) return marks;
  }
  return marks;
}

std::string long_cluster_message() { return tr("more than {} combining marks on one letter", kMaxClusterMarks); }

std::string long_cluster_hint() {
  return tr("remove the extra marks: no script needs so many (a letter of Vietnamese carries at most two), "
            "and each one more makes the text slower to set");
}

bool is_nfc_quick(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  for (std::size_t i = 0; i < utf8.size();) {
    if (p[i] < 0x80) {  // ASCII, a third to all of the text: inert, nothing to decode
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t n = next_codepoint(p + i, utf8.size() - i, cp);
    if (n == 0 || !nfc_inert(cp)) return false;
    i += n;
  }
  return true;
}

namespace {

/// utf8proc's NFC of `utf8`.
std::string utf8proc_nfc(std::string_view utf8) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                              static_cast<utf8proc_ssize_t>(utf8.size()), &out,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) throw std::invalid_argument(utf8proc_errmsg(n));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

/// The NFC of text that failed the quick check. An inert code point is a starter that
/// nothing before it composes with, and canonical reordering stops at it: NFC acts on the
/// text before it and the text from it on separately. So the text is cut before each inert
/// code point, and only the pieces holding another code point (a combining accent and the
/// letter before it, usually) go through utf8proc: a paragraph with one word typed with a
/// combining accent costs that word, not the paragraph. Ill-formed bytes go to utf8proc
/// too, which rejects them.
std::string nfc_slow(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  std::string out;
  out.reserve(utf8.size());
  std::size_t done = 0;   // the bytes before `done` are in `out`
  std::size_t piece = 0;  // where the current piece starts: before its first (inert) code point
  bool dirty = false;     // the current piece holds a code point that is not inert
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp;
    std::size_t n = next_codepoint(p + i, utf8.size() - i, cp);
    const bool inert = n != 0 && nfc_inert(cp);
    if (n == 0) n = 1;
    if (inert) {
      if (dirty) {
        out += utf8proc_nfc(utf8.substr(piece, i - piece));
        done = i;
        dirty = false;
      }
      piece = i;
    } else if (!dirty) {
      out.append(utf8.substr(done, piece - done));
      done = piece;
      dirty = true;
    }
    i += n;
  }
  if (dirty)
    out += utf8proc_nfc(utf8.substr(piece));
  else
    out.append(utf8.substr(done));
  return out;
}

}  // namespace

std::string nfc(std::string_view utf8) {
  if (utf8.empty()) return {};
  // Most text is ASCII or precomposed Vietnamese, already NFC: utf8proc's decompose and
  // recompose (a third of the inline parser's time) would give the same bytes back.
  if (is_nfc_quick(utf8)) return std::string(utf8);
  return nfc_slow(utf8);
}

void make_nfc(std::string& utf8) {
  if (!is_nfc_quick(utf8)) utf8 = nfc_slow(utf8);
}

std::size_t invalid_utf8_at(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  for (std::size_t i = 0; i < utf8.size();) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t n = next_codepoint(p + i, utf8.size() - i, cp);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

bool valid_utf8(std::string_view utf8) { return invalid_utf8_at(utf8) == std::string_view::npos; }

std::size_t count_code_points(std::string_view utf8) {
  std::size_t n = 0;
  for (const char c : utf8) n += is_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return n;
}

std::u32string decode(std::string_view utf8) {
  // Sized once for the most code points the text can hold, then cut to what it holds:
  // no push_back (a capacity check per code point) in the loop.
  std::u32string out(utf8.size(), U'\0');
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  std::size_t i = 0, k = 0;
  while (i < utf8.size()) {
    const std::size_t n = next_codepoint(p + i, utf8.size() - i, out[k]);
    if (n == 0) throw std::invalid_argument(tr("invalid UTF-8"));
    i += n;
    ++k;
  }
  out.resize(k);
  return out;
}

void append_decoded(std::string_view utf8, std::u32string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp;
    const std::size_t n = next_codepoint(p + i, utf8.size() - i, cp);
    out.push_back(n == 0 ? U'\uFFFD' : cp);
    i += n == 0 ? 1 : n;
  }
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
