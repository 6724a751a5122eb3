#pragma once
/// The phases of setting a paragraph, as Typst's inline layout has them: collect (the
/// text's characters -> boxes of words, glue for spaces, penalties where a line may break),
/// shape (each word's glyphs and width, words too wide for the line cut), break
/// (Knuth–Plass, linebreak.hpp) and set (the chosen lines -> positioned glyph runs).
/// paragraph.cpp runs them in turn. Internal to layout.
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "pipeline/layout/linebreak.hpp"
#include "pipeline/layout/paragraph.hpp"

namespace vanban::layout {

/// A box's payload when it draws nothing (the first-line indent).
inline constexpr std::uint32_t kNoPiece = std::numeric_limits<std::uint32_t>::max();

/// Font units to scaled points at `size`, rounded to the nearest.
inline Sp fu_to_sp(std::int64_t fu, Sp size, unsigned upem) {
  const std::int64_t num = fu * size;
  const auto den = static_cast<std::int64_t>(upem);
  return num >= 0 ? (num + den / 2) / den : -((-num + den / 2) / den);
}

/// next_code_point for a sequence that does not start with an ASCII byte.
char32_t next_multibyte(std::string_view s, std::size_t& i);

/// The code point at byte `i` of `s`, moving `i` past it. Throws std::invalid_argument on
/// ill-formed UTF-8, as text::decode does (the loader has checked the text already, so this
/// does not happen in practice). Decoding in place spares a paragraph its code point copy.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  return next_multibyte(s, i);
}

/// Byte length of the UTF-8 sequence that starts with `b0` (valid UTF-8).
inline std::size_t sequence_length(unsigned char b0) { return b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4; }

/// True for the spaces that separate words.
inline bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; }
inline constexpr char32_t kNoBreakSpace = 0x00A0;

/// U+00AD SOFT HYPHEN: where a word may break, a hyphen drawn only when it does.
inline constexpr char32_t kSoftHyphen = 0x00AD;
/// U+2028 LINE SEPARATOR: a line break inside the paragraph.
inline constexpr char32_t kLineSeparator = 0x2028;

/// A paragraph's item list: boxes (their payload indexes `pieces`), glue and penalties (a
/// soft hyphen's penalty has payload 1 + the index of the hyphen's piece, drawn at the end
/// of the line when the line breaks there; other penalties 0).
struct ParagraphItems {
  std::vector<Item> items;
  std::vector<Piece> pieces;
  bool split_words = false;  ///< a word wider than the line was cut between characters
};

/// Collect: the item list of `parts` set as `ps` says, its words not shaped yet (no widths),
/// ending with the paragraph's final glue and penalties. `shaper` gives the spaces' widths.
ParagraphItems collect_items(const std::vector<StyledText>& parts, const ParagraphShape& ps, shape::Shaper& shaper);
/// The items of centred text with penalties before its spaces where a Vietnamese name
/// must not break (inside "ỦY BAN", after "XÃ") and, with `bonuses`, where it should (before
/// "XÃ", after a comma) (phrases.cpp).
std::vector<Item> with_phrase_breaks(const ParagraphItems& p, bool bonuses);

/// Shape: gives each word's box its glyphs and width, all words of one font shaped at once;
/// a word wider than the measure is cut into chunks that each fill a line (a last resort).
void shape_items(ParagraphItems& p, const ParagraphShape& ps, shape::Shaper& shaper);

/// Set: the glyph runs of `line` (items [begin, end) of `items`), glue stretched or shrunk
/// by its ratio, the runs merged per font and size.
SetLine set_line(const std::vector<Item>& items, const std::vector<Piece>& pieces, const Line& line,
                 const ParagraphShape& ps, shape::FontSet& fonts);

}  // namespace vanban::layout
