// Telling the legacy Vietnamese encodings apart, for the message of a file that is not UTF-8.
// Runs only once a file has failed the UTF-8 check, so it favours plain code over speed.
#include "pipeline/source/legacy.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "pipeline/text/unicode.hpp"

namespace vanban::source {
namespace {

// What the high bytes (0x80-0xFF) stand for in each encoding, from the encodings' published
// tables, reduced to what syllable checking needs: lowercase letters (case does not matter
// here) and combining marks (U+0300 grave, U+0301 acute, U+0303 tilde, U+0309 hook above,
// U+0323 dot below, U+0302 circumflex, U+0306 breve). Bytes not listed are not letters.

/// Consecutive bytes from `first`, one letter (or mark) each.
struct Run {
  unsigned char first;
  std::u32string_view letters;
};

/// One byte that stands for several code points (VNI: a vowel mark and a tone together).
struct Single {
  unsigned char byte;
  std::u32string_view text;
};

// TCVN3 (ABC): the capitals of the seven modified letters at 0xA1-0xA7, the small ones at
// 0xA8-0xAE, and every small vowel with a tone in 0xB5-0xFE. Capitals with tones have no
// code of their own: ABC documents set them with the small codes in a capitals font.
constexpr Run kTcvn3[] = {
    {0xA1, U"ăâêôơưđăâêôơưđ"},
    {0xB5, U"àảãáạ"},
    {0xBB, U"ằẳẵắ"},
    {0xC6, U"ặầẩẫấậè"},
    {0xCE, U"ẻẽéẹềểễếệìỉ"},
    {0xDC, U"ĩíịò"},
    {0xE1, U"ỏõóọồổỗốộờởỡớợù"},
    {0xF1, U"ủũúụừửữứựỳỷỹýỵ"},
};

// Windows-1258: Latin-1's letters where Vietnamese uses them, ă đ ơ ư in place of some
// Latin-1 letters, and the five tone marks as combining bytes (0xCC, 0xEC, 0xDE, 0xD2, 0xF2).
constexpr Run kWindows1258[] = {
    {0xC0, U"àáâă"}, {0xC8, U"èéê"}, {0xCC, U"\u0300í"}, {0xD0, U"đ"}, {0xD2, U"\u0309óôơ"},
    {0xD9, U"ùú"},   {0xDD, U"ư\u0303"},
    {0xE0, U"àáâă"}, {0xE8, U"èéê"}, {0xEC, U"\u0301í"}, {0xF0, U"đ"}, {0xF2, U"\u0323óôơ"},
    {0xF9, U"ùú"},   {0xFD, U"ư"},
};

// VNI-Windows: a letter is typed as its ASCII vowel followed by mark bytes (â = "a" 0xE2,
// ậ = "a" 0xE4); đ ơ ư and a few i/y forms have bytes of their own. The small forms are at
// 0xE0-0xFC; the capital forms sit 0x20 below with the same meaning.
constexpr Single kVni[] = {
    {0xE0, U"\u0302\u0300"}, {0xE1, U"\u0302\u0301"}, {0xE2, U"\u0302"},       {0xE3, U"\u0302\u0303"},
    {0xE4, U"\u0302\u0323"}, {0xE5, U"\u0302\u0309"}, {0xE6, U"ỉ"},            {0xE8, U"\u0306\u0300"},
    {0xE9, U"\u0306\u0301"}, {0xEA, U"\u0306"},       {0xEB, U"\u0306\u0323"}, {0xEC, U"ì"},
    {0xED, U"í"},            {0xEE, U"ỵ"},            {0xEF, U"\u0323"},       {0xF1, U"đ"},
    {0xF2, U"ị"},            {0xF3, U"ĩ"},            {0xF4, U"ơ"},            {0xF5, U"\u0303"},
    {0xF6, U"ư"},            {0xF8, U"\u0300"},       {0xF9, U"\u0301"},       {0xFA, U"\u0306\u0309"},
    {0xFB, U"\u0309"},       {0xFC, U"\u0306\u0303"},
};

/// Meaning of each high byte in one encoding (empty: not a letter).
using HighBytes = std::array<std::u32string, 128>;

const HighBytes& high_bytes(LegacyEncoding encoding) {
  static const auto tables = [] {
    std::array<HighBytes, 3> t;
    for (const Run& r : kTcvn3)
      for (std::size_t k = 0; k < r.letters.size(); ++k) t[0][r.first + k - 0x80] = r.letters[k];
    for (const Single& s : kVni) {
      t[1][s.byte - 0x80] = s.text;
      t[1][s.byte - 0x20 - 0x80] = s.text;
    }
    for (const Run& r : kWindows1258)
      for (std::size_t k = 0; k < r.letters.size(); ++k) t[2][r.first + k - 0x80] = r.letters[k];
    return t;
  }();
  return tables[encoding == LegacyEncoding::tcvn3 ? 0 : encoding == LegacyEncoding::vni ? 1 : 2];
}

// --- Vietnamese syllables -----------------------------------------------------------------

/// The twelve vowels, each followed by its five toned forms (grave, hook, tilde, acute, dot).
constexpr std::u32string_view kVowelRows[] = {
    U"aàảãáạ", U"ăằẳẵắặ", U"âầẩẫấậ", U"eèẻẽéẹ", U"êềểễếệ", U"iìỉĩíị",
    U"oòỏõóọ", U"ôồổỗốộ", U"ơờởỡớợ", U"uùủũúụ", U"ưừửữứự", U"yỳỷỹýỵ",
};

/// Initial consonants, longer ones first ("gi" and "qu" take their vowel with them).
constexpr std::u32string_view kInitials[] = {
    U"ngh", U"ng", U"nh", U"ch", U"gh", U"gi", U"kh", U"ph", U"th", U"tr", U"qu", U"b", U"c", U"d",
    U"đ",   U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",  U"r",  U"s",  U"t",  U"v", U"x", U"",
};

/// The vowel groups a syllable can have (without tones).
constexpr std::u32string_view kNuclei[] = {
    U"a",   U"ă",   U"â",   U"e",   U"ê",   U"i",   U"o",   U"ô",   U"ơ",   U"u",   U"ư",   U"y",
    U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",  U"ia",  U"iê",  U"iu",  U"oa",
    U"oă",  U"oe",  U"oi",  U"oo",  U"ôi",  U"ơi",  U"ua",  U"uâ",  U"uê",  U"ui",  U"uô",  U"uơ",
    U"uy",  U"ưa",  U"ưi",  U"ưu",  U"ươ",  U"yê",  U"iêu", U"oai", U"oao", U"oay", U"oeo", U"uây",
    U"uôi", U"uya", U"uyê", U"uyu", U"ươi", U"ươu", U"yêu",
};

constexpr std::u32string_view kFinals[] = {U"", U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};

bool is_vowel(char32_t c) {
  return std::any_of(std::begin(kVowelRows), std::end(kVowelRows), [c](auto row) { return row[0] == c; });
}

template <std::size_t N>
bool listed(const std::u32string_view (&list)[N], std::u32string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

/// Whether decoded text (lowercase letters and combining marks) is one Vietnamese syllable.
bool is_syllable(std::u32string_view decoded) {
  std::u32string letters;
  int tones = 0;
  for (const char32_t c : decoded) {
    const bool after_vowel = !letters.empty() && is_vowel(letters.back());
    switch (c) {
      case U'\u0300': case U'\u0301': case U'\u0303': case U'\u0309': case U'\u0323':
        if (!after_vowel) return false;
        ++tones;
        continue;
      case U'\u0302':  // circumflex: â ê ô
        if (letters.empty() || (letters.back() != U'a' && letters.back() != U'e' && letters.back() != U'o'))
          return false;
        letters.back() = letters.back() == U'a' ? U'â' : letters.back() == U'e' ? U'ê' : U'ô';
        continue;
      case U'\u0306':  // breve: ă
        if (letters.empty() || letters.back() != U'a') return false;
        letters.back() = U'ă';
        continue;
      default:
        break;
    }
    if (c >= U'a' && c <= U'z') {
      letters += c;
      continue;
    }
    if (c == U'đ') {
      letters += c;
      continue;
    }
    bool found = false;
    for (const auto row : kVowelRows) {
      if (const auto k = row.find(c); k != std::u32string_view::npos) {
        letters += row[0];
        tones += k > 0 ? 1 : 0;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  if (tones > 1) return false;
  const std::u32string_view w = letters;
  for (const auto initial : kInitials) {
    if (!w.starts_with(initial)) continue;
    const auto rest = w.substr(initial.size());
    std::size_t v = 0;
    while (v < rest.size() && is_vowel(rest[v])) ++v;
    if (v > 0 && listed(kNuclei, rest.substr(0, v)) && listed(kFinals, rest.substr(v))) return true;
  }
  return false;
}

bool is_ascii_letter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }
bool is_word_byte(unsigned char b) { return b >= 0x80 || is_ascii_letter(b); }

/// Whether a word that is not UTF-8 reads as Vietnamese in `encoding`: bytes that are not
/// letters there (quotes, dashes) split it, and every piece holding a high byte must be
/// a syllable.
bool reads_as_vietnamese(std::string_view word, LegacyEncoding encoding) {
  const HighBytes& table = high_bytes(encoding);
  std::u32string piece;
  bool piece_has_high = false, any = false;
  auto piece_ends = [&] {
    bool ok = true;
    if (piece_has_high) {
      ok = is_syllable(piece);
      any = true;
    }
    piece.clear();
    piece_has_high = false;
    return ok;
  };
  for (const char ch : word) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      piece += static_cast<char32_t>(b | 0x20);  // a letter: lowercase
    } else if (const auto& meaning = table[b - 0x80]; !meaning.empty()) {
      piece += meaning;
      piece_has_high = true;
    } else if (!piece_ends()) {
      return false;
    }
  }
  return piece_ends() && any;
}

/// Calls `f(word)` for each word (a run of ASCII letters and high bytes) of `text` that is
/// not valid UTF-8, up to `limit` words.
template <typename F>
void for_each_legacy_word(std::string_view text, int limit, F f) {
  std::size_t i = 0;
  while (i < text.size() && limit > 0) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t j = i;
    while (j < text.size() && is_word_byte(static_cast<unsigned char>(text[j]))) ++j;
    const auto word = text.substr(i, j - i);
    if (!word.empty() && !text::valid_utf8(word)) {
      f(word);
      --limit;
    }
    i = j;
  }
}

// A few thousand words settle it; a 64 MB file of them would only cost time.
constexpr int kMaxWords = 4000;

}  // namespace

LegacyWords count_legacy_words(std::string_view text, LegacyEncoding encoding) {
  LegacyWords n;
  for_each_legacy_word(text, kMaxWords, [&](std::string_view word) {
    ++n.words;
    if (encoding != LegacyEncoding::none && reads_as_vietnamese(word, encoding)) ++n.syllables;
  });
  return n;
}

LegacyEncoding guess_legacy_encoding(std::string_view text) {
  constexpr LegacyEncoding kAll[] = {LegacyEncoding::tcvn3, LegacyEncoding::vni, LegacyEncoding::windows1258};
  int words = 0;
  std::array<int, 3> syllables{};
  for_each_legacy_word(text, kMaxWords, [&](std::string_view word) {
    ++words;
    for (std::size_t k = 0; k < 3; ++k)
      if (reads_as_vietnamese(word, kAll[k])) ++syllables[k];
  });
  const auto best = static_cast<std::size_t>(std::max_element(syllables.begin(), syllables.end()) - syllables.begin());
  int second = 0;
  for (std::size_t k = 0; k < 3; ++k)
    if (k != best) second = std::max(second, syllables[k]);
  const int s = syllables[best];
  if (s >= 3 && s * 10 >= words * 6 && s >= 2 * second) return kAll[best];
  return LegacyEncoding::none;
}

bool has_utf8_words(std::string_view text) {
  int found = 0;
  std::size_t i = 0;
  while (i < text.size() && found < 2) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t j = i;
    bool high = false;
    while (j < text.size() && is_word_byte(static_cast<unsigned char>(text[j]))) {
      high = high || static_cast<unsigned char>(text[j]) >= 0x80;
      ++j;
    }
    if (high && text::valid_utf8(text.substr(i, j - i))) ++found;
    i = j;
  }
  return found >= 2;
}

}  // namespace vanban::source
