#pragma once
/// What the typed beginning of a paragraph says it is: a part ("Phần thứ nhất", "PHẦN II"),
/// a numbered section ("II -", "1.", "4.1 -", "a)"), a bullet ("- ", "+ ", "·"), or
/// nothing. Recognition only: deciding the structure is the structure builder's job.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::importer {

/// "Phần thứ hai ..." / "PHẦN II: ...": the part's number and any title on the same line.
struct PartMark {
  int number = 0;
  std::string label;  ///< as typed, e.g. "Phần thứ hai"
  std::string rest;   ///< the title after it, may be empty
};

/// How a section number is written.
enum class NumberKind { roman, arabic, letter };

/// A typed section number: "III -" (roman 3), "4.1 -" (arabic {4, 1}), "a)-" (letter 1).
struct SectionMark {
  NumberKind kind = NumberKind::arabic;
  std::vector<int> values;  ///< one value, or several for "4.1"
  std::string label;        ///< the number as typed, with its separator ("4.1 -")
  std::string separator;    ///< the punctuation after the number, spaces removed ("-", ".", ")-")
  std::string rest;         ///< the heading's text
  /// The heading level this form usually marks: roman 1, "1" 2, "1.1" 3, letters 4.
  int natural_level() const;
};

/// A typed bullet: the marker content-format writes ("-", "+", "•") and the item's text.
struct BulletMark {
  std::string marker;
  std::string rest;
  std::size_t skip = 0;  ///< bytes of the source taken by the bullet and its space
};

std::optional<PartMark> part_mark(std::string_view plain);
std::optional<SectionMark> section_mark(std::string_view plain);
std::optional<BulletMark> bullet_mark(std::string_view plain);

/// The value of a Roman numeral in capitals ("XIV" -> 14), 0 when it is not one.
int roman_value(std::string_view s);

/// The Vietnamese alphabet position of a list letter (a=1, b=2, c=3, d=4, đ=5, e=6, ...).
int letter_value(std::string_view letter);

/// Removes the first `skip` bytes of inline-marked `text` whose plain form starts with a
/// typed number or bullet, keeping any markup that opened before the text proper.
std::string drop_prefix(std::string_view text, std::string_view plain, std::size_t plain_skip);

}  // namespace vanban::importer
