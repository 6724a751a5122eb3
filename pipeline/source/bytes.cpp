// The byte checks made before YAML parsing.
#include "pipeline/source/bytes.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"
#include "pipeline/source/legacy.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::source {

namespace {

/// Length of the well-formed UTF-8 sequence at `p` (`avail` bytes left), or 0. Strict as
/// RFC 3629 (no overlong forms, surrogates or code points past U+10FFFF), the same set
/// utf8proc accepts, so text that passes here never fails to decode later.
std::size_t utf8_length(const unsigned char* p, std::size_t avail) {
  const unsigned b = p[0];
  auto in = [&](std::size_t k, unsigned lo, unsigned hi) { return k < avail && p[k] >= lo && p[k] <= hi; };
  if (b >= 0xC2 && b <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF)
    return in(1, b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
  if (b >= 0xF0 && b <= 0xF4)
    return in(1, b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4
                                                                                                          : 0;
  return 0;
}

/// The bytes of `w` that need a closer look: each byte that is not printable ASCII (high
/// bit set, below 0x20, or DEL) gets its high bit set in the result. Bitwise tests on the
/// whole word ("has a byte below n"); a borrow can flag bytes after the first such byte,
/// never before it, so the lowest flag is exact.
std::uint64_t special_bytes(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101, high = ones * 0x80;
  const std::uint64_t below_space = (w - ones * 0x20) & ~w & high;
  const std::uint64_t x = w ^ (ones * 0x7F);  // DEL bytes become zero
  const std::uint64_t del = (x - ones) & ~x & high;
  return (w & high) | below_space | del;
}

/// The first offsets of the byte problems check_bytes reports (npos: none).
struct ByteProblems {
  std::size_t invalid = std::string::npos;  ///< first byte of the first ill-formed UTF-8 sequence
  std::size_t nul = std::string::npos;
  std::size_t control = std::string::npos;  ///< C0 but tab/LF/CR/NUL, DEL, or C1 (U+0080-U+009F)
  std::size_t long_cluster = std::string::npos;  ///< the mark past text::kMaxClusterMarks on one letter
};

/// Counts the characters that extend one grapheme cluster, and notes the first place
/// where a cluster grows past text::kMaxClusterMarks.
struct ClusterRun {
  std::size_t marks = 0;
  void starter() { marks = 0; }
  void code_point(char32_t c, std::size_t at, ByteProblems& found) {
    if (c < 0x300 || !text::extends_cluster(c)) {  // (below U+0300: letters, no call)
      marks = 0;
    } else if (++marks > text::kMaxClusterMarks && found.long_cluster == std::string::npos) {
      found.long_cluster = at;
    }
  }
};

/// One pass over the bytes: UTF-8 well-formedness, NUL and control characters. Runs on
/// every byte of every file, so it skips printable ASCII 8 bytes at a time, up to the first
/// byte that is not (a word holds one every few letters in Vietnamese text), and decodes
/// the two- and three-byte sequences of Vietnamese letters inline. Stops at the first
/// ill-formed sequence: that error is reported before the others.
ByteProblems scan_bytes(std::string_view s) {
  ByteProblems found;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  ClusterRun run;
  while (i < n) {
    if (n - i >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      const std::uint64_t special = special_bytes(w);
      if (special == 0) {
        run.starter();
        i += 8;
        continue;
      }
      // The printable bytes before the first special one (the first in memory is the
      // lowest byte of `w` on a little-endian machine; elsewhere they go one by one below).
      if constexpr (std::endian::native == std::endian::little) i += std::countr_zero(special) / 8;
    }
    const unsigned b = p[i];
    if (b < 0x80) {
      if (b == 0) {
        if (found.nul == std::string::npos) found.nul = i;
      } else if ((b < 0x20 || b == 0x7F) && b != '\t' && b != '\n' && b != '\r' &&
                 found.control == std::string::npos) {
        found.control = i;
      }
      run.starter();
      ++i;
    } else if (b >= 0xC2 && b <= 0xDF && i + 1 < n && text::is_continuation(p[i + 1])) {
      // U+0080-U+009F, the C1 controls, are C2 80 - C2 9F.
      if (b == 0xC2 && p[i + 1] < 0xA0 && found.control == std::string::npos) found.control = i;
      run.code_point(((b & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu), i, found);
      i += 2;
    } else if (b >= 0xE1 && b <= 0xEC && i + 2 < n && text::is_continuation(p[i + 1]) &&
               text::is_continuation(p[i + 2])) {
      // U+1000-U+CFFF: ạ-ỹ are E1 BA/BB xx, letters that need no lookup.
      if (b == 0xE1 && (p[i + 1] == 0xBA || p[i + 1] == 0xBB))
        run.starter();
      else
        run.code_point(((b & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu), i, found);
      i += 3;
    } else if (const std::size_t len = utf8_length(p + i, n - i); len != 0) {
      char32_t c = len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
      for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (p[i + k] & 0x3Fu);
      run.code_point(c, i, found);
      i += len;
    } else {
      found.invalid = i;
      return found;
    }
  }
  return found;
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

/// Text in a legacy encoding is mostly ASCII with single high bytes where the accented
/// letters are; UTF-8 with one damaged byte has many good multi-byte sequences and few bad
/// bytes. The hint for a file whose encoding could not be named.
bool looks_legacy(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t good = 0, bad = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (p[i] < 0x80) {
      ++i;
    } else if (const std::size_t n = utf8_length(p + i, s.size() - i); n == 0) {
      ++bad;
      ++i;
    } else {
      ++good;
      i += n;
    }
  }
  return bad > good;
}

/// The character a C1 control most likely stood for: Windows-1252 text read as Latin-1
/// turns its quotes and dashes into U+0080-U+009F. Empty when there is no usual one.
std::string_view windows1252_meaning(char32_t c) {
  switch (c) {
    case 0x85: return "…";
    case 0x91: return "‘";
    case 0x92: return "’";
    case 0x93: return "“";
    case 0x94: return "”";
    case 0x96: return "–";
    case 0x97: return "—";
    default: return {};
  }
}

/// The message of a control character found in the bytes, with a hint fitted to its usual origin.
void report_control(const SourceFile& file, std::size_t at, Diagnostics& diags) {
  const std::string& s = file.text();
  const auto b = static_cast<unsigned char>(s[at]);
  const char32_t c = b == 0xC2 ? static_cast<unsigned char>(s[at + 1]) : b;
  std::string hint;
  if (const auto meant = windows1252_meaning(c); !meant.empty())
    hint = tr("type {0} instead: this is the Windows-1252 {0} read as Latin-1, usually pasted from an old document",
              meant);
  else if (c == 0x1B)
    hint = tr("remove it: an ESC starts a terminal colour code, copied with the text");
  else
    hint = tr("remove it; it usually comes from copying out of a word processor");
  diags.error(file.at(at), tr("control character {} in text", text::codepoint_name(c)), std::move(hint));
}

/// "UTF-32" or "UTF-16" when the bytes start with that encoding's byte-order mark or look
/// like it (ASCII text in UTF-32 is three NULs to a letter, in UTF-16 one); else null.
const char* wide_encoding(std::string_view s) {
  if (s.starts_with(std::string_view("\xFF\xFE\0\0", 4)) || s.starts_with(std::string_view("\0\0\xFE\xFF", 4)))
    return "UTF-32";
  if (s.starts_with("\xFF\xFE") || s.starts_with("\xFE\xFF")) return "UTF-16";
  const std::string_view head = s.substr(0, 64);
  const auto nuls = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\0'));
  if (head.size() >= 8 && nuls * 4 >= head.size() * 3 - 4) return "UTF-32";
  if (head.size() >= 4 && nuls * 2 >= head.size() - 2) return "UTF-16";
  return nullptr;
}

/// The message of a file that is not UTF-8 at `bad`: the legacy Vietnamese encoding named
/// when its words show it, with the way to convert it.
void report_not_utf8(const SourceFile& file, std::size_t bad, Diagnostics& diags) {
  const std::string& s = file.text();
  const auto byte = static_cast<unsigned char>(s[bad]);
  if (const char* wide = wide_encoding(s)) {
    diags.error(file.at(bad), tr("the file is not valid UTF-8 (byte {})", hex_byte(byte)),
                tr("the file is {}; save it as UTF-8", wide));
    return;
  }
  const LegacyEncoding encoding = guess_legacy_encoding(s);
  if (encoding == LegacyEncoding::none) {
    std::string hint = looks_legacy(s)
                           ? tr("the file looks like a legacy Vietnamese encoding (TCVN3/ABC, VNI or Windows-1258); "
                                "convert it to Unicode UTF-8 (e.g. with UniKey's converter) and save it as UTF-8")
                           : tr("the file is not UTF-8 here; retype the character or save the file as UTF-8");
    diags.error(file.at(bad), tr("the file is not valid UTF-8 (byte {})", hex_byte(byte)), std::move(hint));
    return;
  }
  const std::string name = encoding == LegacyEncoding::tcvn3 ? "TCVN3 (ABC)"
                           : encoding == LegacyEncoding::vni ? "VNI"
                                                              : "Windows-1258";
  // UniKey's converter knows all three; glibc's iconv knows TCVN3 (as TCVN5712-1, whose
  // small letters are ABC's) and Windows-1258, not VNI.
  const std::string unikey_name = encoding == LegacyEncoding::tcvn3 ? "TCVN3 (ABC)"
                                  : encoding == LegacyEncoding::vni ? "VNI Windows"
                                                                     : "Vietnamese locale CP 1258";
  const std::string unikey = tr("UniKey's converter (source {}, destination Unicode)", unikey_name);
  std::string hint;
  if (has_utf8_words(s)) {
    // Converting the whole file would garble the UTF-8 around the pasted text.
    hint = tr("this text was pasted from a {} document into a UTF-8 file: convert it with {} and paste it again", name,
              unikey);
  } else if (encoding == LegacyEncoding::vni) {
    hint = tr("convert the file with {} and save it as UTF-8", unikey);
  } else {
    const std::string from = encoding == LegacyEncoding::tcvn3 ? "TCVN5712-1" : "CP1258";
    const std::string base = std::filesystem::path(file.display()).filename().string();
    hint =
        tr("convert the file to UTF-8, e.g. iconv -f {0} -t UTF-8 {1} > {1}.new (then replace the file), or with {2}",
           from, base, unikey);
  }
  diags.error(file.at(bad), tr("the file is in {}, a legacy Vietnamese encoding, not UTF-8", name), std::move(hint));
}

}  // namespace

bool check_bytes(const SourceFile& file, Diagnostics& diags) {
  const std::string& s = file.text();
  // The encoding first: in a file that is not UTF-8, NULs and controls are symptoms of it.
  const ByteProblems found = scan_bytes(s);
  if (found.invalid != std::string::npos) {
    report_not_utf8(file, found.invalid, diags);
    return false;
  }
  if (found.nul != std::string::npos) {
    const char* wide = wide_encoding(s);
    diags.error(file.at(found.nul), tr("the file contains a NUL byte"),
                tr("the file is probably {}; save it as UTF-8", wide ? wide : "UTF-16"));
    return false;
  }
  // YAML allows no C0 control but tab, LF and CR, and of the C1 controls only NEL, which no
  // document means either; found here they get their own place before any parser sees them
  // (the layout check of the same rule is left with the escapes of quoted scalars, "\a").
  if (found.control != std::string::npos) {
    report_control(file, found.control, diags);
    return false;
  }
  if (found.long_cluster != std::string::npos) {
    diags.error(file.at(found.long_cluster), text::long_cluster_message(), text::long_cluster_hint());
    return false;
  }
  // YAML forbids tabs in indentation; yaml-cpp's own message for it is cryptic or missing.
  // Comment and blank lines are skipped: a tab there harms nothing.
  std::size_t first_tab = std::string::npos;
  int tab_lines = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i, tab = std::string::npos;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) {
      if (s[j] == '\t' && tab == std::string::npos) tab = j;
      ++j;
    }
    const bool content = j < s.size() && s[j] != '\n' && s[j] != '\r' && s[j] != '#';
    if (tab != std::string::npos && content) {
      if (first_tab == std::string::npos) first_tab = tab;
      ++tab_lines;
    }
    const auto nl = s.find('\n', j);
    i = nl == std::string::npos ? s.size() : nl + 1;
  }
  if (first_tab != std::string::npos) {
    std::string hint = tab_lines > 1 ? tr("indent with spaces: YAML does not allow tabs in indentation ({} lines of "
                                          "this file are indented with tabs)",
                                          tab_lines)
                                     : tr("indent with spaces: YAML does not allow tabs in indentation");
    diags.error(file.at(first_tab), tr("tab character used for indentation"), std::move(hint));
    return false;
  }
  return true;
}

}  // namespace vanban::source
