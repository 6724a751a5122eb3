// Recognising typed part markers, section numbers and bullets at the start of a paragraph.
#include "pipeline/import/classify.hpp"

#include <array>

#include "pipeline/import/inline.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::importer {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The separators typed after section numbers: "." "-" ")" ":" and the dashes.
std::size_t separator_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '.' || s[i] == '-' || s[i] == ')' || s[i] == ':') return 1;
  if (s.substr(i, 3) == "–" || s.substr(i, 3) == "—") return 3;
  return 0;
}

/// After a number: separators and spaces; fills `sep` with the punctuation typed and
/// returns where the text begins (npos when there is no separator or no text).
std::size_t after_number(std::string_view s, std::size_t i, std::string& sep, bool need_separator) {
  while (true) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t n = separator_at(s, i);
    if (n == 0) break;
    // "1.250" or "2-3" are numbers, not a label: a separator must not be followed by a digit.
    if (i + n < s.size() && is_digit(s[i + n])) return std::string_view::npos;
    sep += (n == 3 ? std::string_view("-") : s.substr(i, 1));
    i += n;
  }
  if (need_separator && sep.empty()) return std::string_view::npos;
  return i < s.size() ? i : std::string_view::npos;
}

constexpr std::array<std::string_view, 10> kOrdinals = {"NHẤT", "HAI", "BA", "TƯ", "NĂM", "SÁU", "BẢY", "TÁM", "CHÍN", "MƯỜI"};

}  // namespace

int SectionMark::natural_level() const {
  if (kind == NumberKind::roman) return 1;
  if (kind == NumberKind::letter) return 4;
  return static_cast<int>(values.size()) + 1;
}

int roman_value(std::string_view s) {
  if (s.empty() || s.size() > 8) return 0;
  const auto digit = [](char c) {
    switch (c) {
      case 'I': return 1; case 'V': return 5; case 'X': return 10; case 'L': return 50; case 'C': return 100;
      default: return 0;
    }
  };
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int v = digit(s[i]);
    if (v == 0) return 0;
    const int next = i + 1 < s.size() ? digit(s[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  // Only the canonical spelling counts ("IIII" or "VX" are words, not numbers).
  static const std::array<std::string_view, 10> ones = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  static const std::array<std::string_view, 10> tens = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
  if (total <= 0 || total >= 100) return 0;
  const std::string canonical = std::string(tens[total / 10]) + std::string(ones[total % 10]);
  return canonical == s ? total : 0;
}

int letter_value(std::string_view letter) {
  static constexpr std::array<std::string_view, 23> kLetters = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                                                 "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
  for (std::size_t i = 0; i < kLetters.size(); ++i)
    if (kLetters[i] == letter) return static_cast<int>(i) + 1;
  return 0;
}

std::optional<PartMark> part_mark(std::string_view plain) {
  std::size_t head = std::min<std::size_t>(plain.size(), 64);
  while (head < plain.size() && head > 0 && text::is_continuation(static_cast<unsigned char>(plain[head]))) --head;
  const std::string up = upper_nfc(plain.substr(0, head));
  if (up.rfind("PHẦN ", 0) != 0) return std::nullopt;
  std::string_view s(up);
  std::size_t i = std::string_view("PHẦN ").size();
  while (i < s.size() && s[i] == ' ') ++i;
  PartMark m;
  std::size_t end = i;
  constexpr std::string_view kThu = "THỨ ";
  if (s.substr(i, kThu.size()) == kThu) {
    std::size_t w = i + kThu.size();
    while (w < s.size() && s[w] == ' ') ++w;
    for (std::size_t k = 0; k < kOrdinals.size(); ++k)
      if (s.substr(w, kOrdinals[k].size()) == kOrdinals[k] &&
          (w + kOrdinals[k].size() == s.size() || s[w + kOrdinals[k].size()] == ' ' || separator_at(s, w + kOrdinals[k].size()))) {
        m.number = static_cast<int>(k) + 1;
        end = w + kOrdinals[k].size();
      }
  } else {
    std::size_t j = i;
    while (j < s.size() && (is_digit(s[j]) || std::string_view("IVXLC").find(s[j]) != std::string_view::npos)) ++j;
    const std::string_view num = s.substr(i, j - i);
    m.number = !num.empty() && is_digit(num[0]) ? std::atoi(std::string(num).c_str()) : roman_value(num);
    if (j < s.size() && s[j] != ' ' && !separator_at(s, j)) m.number = 0;
    end = j;
  }
  if (m.number <= 0) return std::nullopt;
  // Upper-casing keeps byte lengths of these letters, so `end` is a place in `plain` too.
  m.label = std::string(trim(plain.substr(0, end)));
  std::size_t r = end;
  while (r < plain.size() && (plain[r] == ' ' || separator_at(plain, r))) r += std::max<std::size_t>(1, separator_at(plain, r));
  m.rest = std::string(trim(plain.substr(std::min(r, plain.size()))));
  return m;
}

std::optional<SectionMark> section_mark(std::string_view s) {
  SectionMark m;
  std::size_t i = 0;
  if (i < s.size() && std::string_view("IVXLC").find(s[0]) != std::string_view::npos) {
    while (i < s.size() && std::string_view("IVXLC").find(s[i]) != std::string_view::npos) ++i;
    const int v = roman_value(s.substr(0, i));
    if (v == 0) return std::nullopt;
    m.kind = NumberKind::roman;
    m.values = {v};
  } else if (i < s.size() && is_digit(s[0])) {
    m.kind = NumberKind::arabic;
    while (true) {
      const std::size_t from = i;
      while (i < s.size() && is_digit(s[i]) && i - from < 3) ++i;
      if (i - from == 0 || i - from > 2) return std::nullopt;
      m.values.push_back(std::atoi(std::string(s.substr(from, i - from)).c_str()));
      if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1]) && m.values.size() < 4) {
        ++i;
        continue;
      }
      break;
    }
  } else {
    const std::size_t len = s.substr(0, 2) == "đ" ? 2 : 1;
    if (s.size() <= len || letter_value(s.substr(0, len)) == 0 || s[len] != ')') return std::nullopt;
    m.kind = NumberKind::letter;
    m.values = {letter_value(s.substr(0, len))};
    i = len;
  }
  const std::size_t text = after_number(s, i, m.separator, true);
  if (text == std::string_view::npos) return std::nullopt;
  m.label = std::string(trim(s.substr(0, text)));
  m.rest = std::string(s.substr(text));
  return m;
}

std::optional<BulletMark> bullet_mark(std::string_view plain) {
  struct Form {
    std::string_view typed;
    std::string_view marker;
  };
  static constexpr Form kForms[] = {{"-", "-"}, {"+", "+"}, {"–", "-"}, {"—", "-"}, {"•", "•"}, {"·", "•"},
                                    {"∙", "•"}, {"◦", "•"}, {"▪", "•"}, {"●", "•"}, {"○", "•"}, {"■", "•"},
                                    {"□", "•"}, {"➢", "•"}, {"►", "•"}, {"*", "•"}, {"\xEF\x82\xB7", "•"}};
  for (const Form& f : kForms) {
    if (plain.rfind(f.typed, 0) != 0) continue;
    std::size_t i = f.typed.size();
    if (i >= plain.size() || (plain[i] != ' ' && f.typed.size() == 1 && f.typed != "·")) return std::nullopt;
    while (i < plain.size() && plain[i] == ' ') ++i;
    if (i >= plain.size()) return std::nullopt;
    return BulletMark{std::string(f.marker), std::string(plain.substr(i)), i};
  }
  return std::nullopt;
}

std::string drop_prefix(std::string_view text, std::string_view plain, std::size_t plain_skip) {
  (void)plain;
  bool bold = false, italic = false;
  std::size_t i = 0, k = 0;
  while (i < text.size() && k < plain_skip) {
    if (text[i] == '*') {
      std::size_t run = 0;
      while (i + run < text.size() && text[i + run] == '*') ++run;
      if (run != 2) italic = !italic;
      if (run != 1) bold = !bold;
      i += run;
    } else if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '*') {
      i += 2, ++k;
    } else if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
      i += 2, ++k;
    } else {
      ++i, ++k;
    }
  }
  while (i < text.size() && text[i] == ' ') ++i;
  // A markup run right at the cut closes what opened before it ("**1.** Text").
  std::string open = bold && italic ? "***" : bold ? "**" : italic ? "*" : "";
  std::string_view rest = text.substr(i);
  if (!open.empty() && rest.substr(0, open.size()) == open && (rest.size() == open.size() || rest[open.size()] != '*')) {
    rest.remove_prefix(open.size());
    open.clear();
    while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  }
  return open + std::string(rest);
}

}  // namespace vanban::importer
