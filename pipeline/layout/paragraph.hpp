#pragma once
/// Paragraphs: styled text -> shaped boxes, glue and penalties -> Knuth–Plass
/// lines -> set lines of positioned glyph runs.
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/layout/linebreak.hpp"
#include "pipeline/layout/page.hpp"
#include "pipeline/shape/shaper.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::layout {

/// A run of text in one font and size, as the paragraph builder takes it.
struct StyledText {
  std::string text;  ///< UTF-8, NFC
  shape::FontId font = 0;
  Sp size = 0;
  bool underline = false;
  bool whole = false;  ///< no line break inside it or right after it (see resolve::Span::whole)
};

/// How a paragraph is set.
struct ParagraphShape {
  Sp measure = 0;           ///< line width
  Sp indent = 0;            ///< first-line indent (justify/left only)
  style::Align align = style::Align::Justify;
  double space_stretch = 0.5;
  double space_shrink = 0.33;
  double tolerance = 1.0;
};

/// A shaped piece of a word: what one box draws.
struct Piece {
  shape::FontId font = 0;
  Sp size = 0;
  Sp width = 0;
  const shape::Shaped* shaped = nullptr;
  std::string_view text;  ///< views the StyledText the piece was cut from
  bool underline = false;
};

/// A set line: glyph runs relative to the line's left end on its baseline (y = 0).
struct SetLine {
  std::vector<TextRun> runs;
  Sp natural = 0;       ///< natural width of the material
  double ratio = 0;     ///< glue adjustment ratio used
  std::string text;     ///< the line's text, for dumps
};

/// The result of setting one paragraph.
struct SetParagraph {
  std::vector<SetLine> lines;
  bool emergency = false;  ///< no breaks within tolerance existed
  bool overfull = false;   ///< a word alone is wider than the measure (split inside the word)
};

/// Checks that every character of `parts` is in its font; throws an Error at `where`
/// naming the character (U+XXXX), the font and the place.
void check_coverage(const std::vector<StyledText>& parts, shape::Shaper& shaper, const SourcePos& where);

/// One line of text shaped whole (spaces kept as typed, no breaking), at x = y = 0.
/// `width` receives its advance.
TextRun set_run(const StyledText& t, shape::Shaper& shaper, Sp& width);

/// Shapes, breaks and sets `parts` (inline runs in order). Every character is
/// checked against its font first: a missing glyph throws an Error at `where`
/// naming the character, the font and the place.
SetParagraph set_paragraph(const std::vector<StyledText>& parts, const ParagraphShape& ps,
                           shape::Shaper& shaper, const SourcePos& where);

}  // namespace vanban::layout
