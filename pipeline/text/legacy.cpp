// Legacy Vietnamese encodings <-> Unicode, from the code charts of TCVN 5712:1993 (VN3),
// VNI-Windows and Windows-1258.
#include "pipeline/text/legacy.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>

#include <utf8proc.h>

#include "pipeline/text/unicode.hpp"

namespace vanban::text {
namespace {

// TCVN3 (VN3): capitals of the seven modified letters at 0xA1-0xA7, small ones at
// 0xA8-0xAE, small toned vowels at 0xB5-0xFE (the gaps hold other symbols).
constexpr std::u32string_view kTcvn3A1 = U"ĂÂÊÔƠƯĐăâêôơưđ";  // 0xA1-0xAE
constexpr char32_t kTcvn3B5Codes[] =                                  // 0xB5-0xFE, 0 = not a letter
    U"àảãáạ\0ằẳẵắ\0\0\0\0\0\0\0ặầẩẫấậè\0ẻẽéẹềểễếệìỉ\0\0\0ĩíịò\0ỏõóọồổỗốộờởỡớợù\0ủũúụừửữứựỳỷỹýỵ";
constexpr std::u32string_view kTcvn3B5(kTcvn3B5Codes, std::size(kTcvn3B5Codes) - 1);
static_assert(kTcvn3B5.size() == 0xFE - 0xB5 + 1);

// Windows-1252 / 1258 at 0x80-0x9F (0 = undefined).
constexpr std::array<char32_t, 32> k1252High = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/// Windows-1258: Latin-1 above 0xA0 except these bytes (Vietnamese letters and tone marks).
constexpr std::pair<unsigned char, char32_t> k1258[] = {
    {0xC3, U'Ă'}, {0xCC, 0x0300}, {0xD0, U'Đ'}, {0xD2, 0x0309}, {0xD5, U'Ơ'}, {0xDD, U'Ư'}, {0xDE, 0x0303},
    {0xE3, U'ă'}, {0xEC, 0x0301}, {0xF0, U'đ'}, {0xF2, 0x0323}, {0xF5, U'ơ'}, {0xFD, U'ư'}, {0xFE, 0x20AB}};

// VNI-Windows: a letter is its ASCII base then mark bytes; small forms at 0xE0-0xFC,
// capital forms 0x20 lower. Marks: circumflex (0x302), breve (0x306), tones grave (0x300),
// acute (0x301), tilde (0x303), hook (0x309), dot below (0x323).
struct VniByte {
  unsigned char byte;
  char32_t first;   // a letter, or the modifier mark
  char32_t second;  // the tone mark after it, or 0
};
constexpr VniByte kVni[] = {
    {0xE0, 0x302, 0x300}, {0xE1, 0x302, 0x301}, {0xE2, 0x302, 0}, {0xE3, 0x302, 0x303}, {0xE4, 0x302, 0x323},
    {0xE5, 0x302, 0x309}, {0xE8, 0x306, 0x300}, {0xE9, 0x306, 0x301}, {0xEA, 0x306, 0}, {0xEB, 0x306, 0x323},
    {0xFA, 0x306, 0x309}, {0xFC, 0x306, 0x303}, {0xF8, 0x300, 0}, {0xF9, 0x301, 0}, {0xF5, 0x303, 0},
    {0xFB, 0x309, 0}, {0xEF, 0x323, 0}, {0xF1, U'đ', 0}, {0xF4, U'ơ', 0}, {0xF6, U'ư', 0},
    {0xEC, U'ì', 0}, {0xED, U'í', 0}, {0xE6, U'ỉ', 0}, {0xF3, U'ĩ', 0}, {0xF2, U'ị', 0}, {0xEE, U'ỵ', 0}};

std::string utf8proc_nfd(const std::string& utf8) {
  utf8proc_uint8_t* d = utf8proc_NFD(reinterpret_cast<const utf8proc_uint8_t*>(utf8.c_str()));
  if (!d) return utf8;
  std::string out(reinterpret_cast<char*>(d));
  std::free(d);
  return out;
}

bool is_mark(char32_t c) { return c >= 0x300 && c < 0x370; }

std::u32string upper(std::u32string s) { return decode(to_upper(encode(s))); }
std::u32string lower(std::u32string s) { return decode(to_lower(encode(s))); }

/// The decomposition of one character into base, modifier (circumflex/breve/horn) and tone.
struct Parts {
  char32_t base = 0, modifier = 0, tone = 0;
};
Parts split(char32_t c) {
  Parts p;
  const std::u32string d = decode(utf8proc_nfd(encode(std::u32string(1, c))));
  p.base = d.empty() ? c : d[0];
  for (std::size_t k = 1; k < d.size(); ++k) {
    if (d[k] == 0x302 || d[k] == 0x306 || d[k] == 0x31B) p.modifier = d[k];
    else p.tone = d[k];
  }
  return p;
}

}  // namespace

std::string_view legacy_name(Legacy e) {
  return e == Legacy::tcvn3 ? "TCVN3 (ABC)" : e == Legacy::vni ? "VNI" : "Windows-1258";
}

std::string legacy_to_utf8(std::string_view bytes, Legacy encoding, bool capitals) {
  std::u32string out;
  out.reserve(bytes.size());
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out += static_cast<char32_t>(b);
      continue;
    }
    char32_t c = 0xFFFD;
    if (encoding == Legacy::tcvn3) {
      if (b >= 0xA1 && b <= 0xAE) c = kTcvn3A1[b - 0xA1];
      else if (b >= 0xB5 && kTcvn3B5[b - 0xB5] != 0) c = kTcvn3B5[b - 0xB5];
      else if (b >= 0xA0) c = b;
      else if (k1252High[b - 0x80]) c = k1252High[b - 0x80];
    } else if (encoding == Legacy::cp1258) {
      c = b >= 0xA0 ? b : k1252High[b - 0x80] ? k1252High[b - 0x80] : 0xFFFD;
      for (const auto& [byte, cp] : k1258)
        if (byte == b) c = cp;
    } else {
      c = b >= 0xA0 ? b : k1252High[b - 0x80] ? k1252High[b - 0x80] : 0xFFFD;
      for (const VniByte& v : kVni) {
        const bool small = v.byte == b, big = v.byte - 0x20 == b;
        if (!small && !big) continue;
        c = big && !is_mark(v.first) ? upper(std::u32string(1, v.first))[0] : v.first;
        if (v.second) out += c, c = v.second;
      }
    }
    out += c;
  }
  if (encoding == Legacy::tcvn3 && !capitals) {
    // TCVN3 text saved without its fonts: a word whose plain letters are all capitals was
    // set in a capitals font, so its toned letters are capitals too ("BáO" -> "BÁO").
    std::size_t start = 0;
    for (std::size_t k = 0; k <= out.size(); ++k) {
      if (k < out.size() && out[k] != U' ' && out[k] != U'\n' && out[k] != U'\t') continue;
      bool upper_ascii = false, lower_ascii = false;
      for (std::size_t m = start; m < k; ++m) {
        upper_ascii = upper_ascii || (out[m] >= U'A' && out[m] <= U'Z');
        lower_ascii = lower_ascii || (out[m] >= U'a' && out[m] <= U'z');
      }
      if (upper_ascii && !lower_ascii) {
        const std::u32string word = upper(out.substr(start, k - start));
        if (word.size() == k - start) std::copy(word.begin(), word.end(), out.begin() + static_cast<std::ptrdiff_t>(start));
      }
      start = k + 1;
    }
  }
  std::string utf8 = nfc(encode(out));
  return capitals ? nfc(to_upper(utf8)) : utf8;
}

std::optional<std::string> utf8_to_legacy(std::string_view utf8, Legacy encoding) {
  std::string out;
  for (const char32_t c : decode(nfc(utf8))) {
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    const Parts p = split(c);
    const bool big = upper(std::u32string(1, c)) == std::u32string(1, c) && lower(std::u32string(1, c)) != std::u32string(1, c);
    const char32_t small = lower(std::u32string(1, c))[0];
    std::string code;
    if (encoding == Legacy::tcvn3) {
      for (std::size_t k = 0; k < kTcvn3A1.size() && code.empty(); ++k)
        if (kTcvn3A1[k] == c) code = static_cast<char>(0xA1 + k);
      for (std::size_t k = 0; k < kTcvn3B5.size() && code.empty(); ++k)
        if (kTcvn3B5[k] == small) code = static_cast<char>(0xB5 + k);
    } else if (encoding == Legacy::vni) {
      const char32_t base_small = lower(std::u32string(1, p.base))[0];
      const unsigned char shift = big ? 0x20 : 0;
      for (const VniByte& v : kVni)  // whole letters first: đ ơ ư and the i/y forms
        if (v.first == small && code.empty()) code = static_cast<char>(v.byte - shift);
      if (code.empty() && p.modifier == 0x31B) {  // ơ/ư with a tone
        for (const VniByte& v : kVni)
          if (v.first == (base_small == U'o' ? U'ơ' : U'ư')) code = static_cast<char>(v.byte - shift);
        for (const VniByte& v : kVni)
          if (p.tone && v.first == p.tone && !v.second) code += static_cast<char>(v.byte - shift);
      } else if (code.empty() && p.base < 0x80) {
        code = static_cast<char>(p.base);
        for (const VniByte& v : kVni)
          if (p.modifier ? v.first == p.modifier && v.second == p.tone : v.first == p.tone && !v.second)
            code += static_cast<char>(v.byte - shift);
        if (code.size() != 2) code.clear();
      }
    } else {
      char32_t base = p.base;
      if (p.modifier) base = decode(nfc(encode(std::u32string{p.base, p.modifier})))[0];
      for (const char32_t piece : {base, p.tone}) {
        if (!piece) continue;
        bool found = false;
        for (const auto& [byte, cp] : k1258)
          if (cp == piece) code += static_cast<char>(byte), found = true;
        if (!found && piece >= 0xA0 && piece <= 0xFF) code += static_cast<char>(piece), found = true;
        if (!found && piece < 0x80) code += static_cast<char>(piece), found = true;
        if (!found) return std::nullopt;
      }
    }
    if (code.empty()) return std::nullopt;
    out += code;
  }
  return out;
}

std::optional<Legacy> legacy_font(std::string_view font, bool* capitals) {
  std::string low(font);
  for (char& c : low) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (capitals) *capitals = false;
  if (low.rfind(".vn", 0) == 0) {
    if (capitals) *capitals = low.size() > 1 && low.back() == 'h';
    return Legacy::tcvn3;
  }
  if (low.rfind("vni-", 0) == 0 || low.rfind("vni ", 0) == 0) return Legacy::vni;
  return std::nullopt;
}

namespace {

/// The vowel groups of Vietnamese syllables, toneless (facts of the language).
constexpr std::u32string_view kVowelGroups[] = {
    U"a", U"ă", U"â", U"e", U"ê", U"i", U"o", U"ô", U"ơ", U"u", U"ư", U"y", U"ai", U"ao", U"au", U"ay", U"âu", U"ây", U"eo",
    U"êu", U"ia", U"iê", U"iu", U"oa", U"oă", U"oe", U"oi", U"oo", U"ôi", U"ơi", U"ua", U"uâ", U"uê", U"ui", U"uô", U"uơ",
    U"uy", U"ưa", U"ưi", U"ưu", U"ươ", U"yê", U"iêu", U"oai", U"oao", U"oay", U"oeo", U"uây", U"uôi", U"uya", U"uyê", U"uyu",
    U"ươi", U"ươu", U"yêu"};

/// Whether a decoded word (NFC, lower case) reads as one Vietnamese syllable: one run of
/// vowels that is a known vowel group (after "gi"/"qu" the first letter may belong to the
/// initial), at most one tone, nothing left uncomposed.
bool plausible_syllable(const std::u32string& word) {
  std::u32string vowels;
  int tones = 0, runs = 0;
  bool in_vowels = false;
  for (const char32_t c : decode(utf8proc_nfd(encode(word)))) {
    if (c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323) {
      if (!in_vowels) return false;
      ++tones;
      continue;
    }
    if (c == 0x302 || c == 0x306 || c == 0x31B) {
      if (!in_vowels || vowels.empty()) return false;
      vowels.back() = decode(nfc(encode(std::u32string{vowels.back(), c})))[0];
      continue;
    }
    const bool vowel = std::u32string_view(U"aeiouy").find(c) != std::u32string_view::npos;
    if (vowel && !in_vowels) ++runs;
    in_vowels = vowel;
    if (vowel) vowels += c;
    else if (c >= 0x80 && c != U'đ') return false;
  }
  if (runs != 1 || tones > 1) return false;
  const auto known = [](std::u32string_view v) {
    for (const auto g : kVowelGroups)
      if (g == v) return true;
    return false;
  };
  return known(vowels) || (vowels.size() > 1 && known(std::u32string_view(vowels).substr(1)));
}

}  // namespace

std::optional<Legacy> guess_legacy(std::string_view bytes) {
  // Each encoding decodes the words that hold bytes above 0x7F; the one that turns the most
  // of them into Vietnamese syllables wins.
  std::optional<Legacy> best;
  long best_score = 0;
  const std::string_view sample = bytes.substr(0, 1 << 16);
  for (const Legacy e : {Legacy::tcvn3, Legacy::vni, Legacy::cp1258}) {
    long score = 0;
    std::size_t i = 0;
    while (i < sample.size()) {
      while (i < sample.size() && (sample[i] == ' ' || sample[i] == '\n' || sample[i] == '\r' || sample[i] == '\t')) ++i;
      std::size_t j = i;
      bool high = false;
      while (j < sample.size() && sample[j] != ' ' && sample[j] != '\n' && sample[j] != '\r' && sample[j] != '\t')
        high = static_cast<unsigned char>(sample[j++]) >= 0x80 || high;
      if (high) {
        std::u32string word;
        for (const char32_t c : decode(to_lower(legacy_to_utf8(sample.substr(i, j - i), e))))
          if (c >= 0x80 || (c >= U'a' && c <= U'z')) word += c;
        score += plausible_syllable(word) ? 1 : -1;
      }
      i = j;
    }
    if (score > best_score) best_score = score, best = e;
  }
  return best;
}

std::optional<std::string> windows1252_bytes(std::string_view utf8) {
  std::string out;
  for (const char32_t c : decode(utf8)) {
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
      out += static_cast<char>(c);
      continue;
    }
    std::size_t k = 0;
    while (k < k1252High.size() && k1252High[k] != c) ++k;
    if (k == k1252High.size()) return std::nullopt;
    out += static_cast<char>(0x80 + k);
  }
  return out;
}

}  // namespace vanban::text
