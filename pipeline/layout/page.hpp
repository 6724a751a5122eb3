#pragma once
/// Pages: what the PDF writer sees. Positioned glyph runs, rules, nothing else:
/// the writer never knows what a heading is. Coordinates are scaled points from
/// the top-left corner of the page, y growing downwards.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/units.hpp"
#include "pipeline/shape/font.hpp"

namespace vanban::layout {

/// A glyph at a position relative to its run's origin (x right, y down; y is a mark offset).
/// Offsets within a run fit in 32 bits (a page is under 2^31 sp wide); a long document
/// holds millions of glyphs, so they stay small.
struct PlacedGlyph {
  std::uint32_t gid = 0;
  std::int32_t x = 0;
  std::int32_t y = 0;
};

/// A PlacedGlyph from scaled-point offsets (which must lie within a page).
inline PlacedGlyph place_glyph(std::uint32_t gid, Sp x, Sp y) {
  return {gid, static_cast<std::int32_t>(x), static_cast<std::int32_t>(y)};
}

/// A colour in RGB, 0–255 a channel. The default is black, which the writer leaves implicit
/// (a page with no colour keeps the bytes it always had).
struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

/// Glyphs of one font and size on one baseline.
struct TextRun {
  shape::FontId font = 0;
  Sp size = 0;       ///< font size
  Sp x = 0, y = 0;   ///< origin: start of the run on the baseline
  std::vector<PlacedGlyph> glyphs;
  bool underline = false;
  std::string text;  ///< the run's text, for dumps (may be empty)
  Color color{};     ///< fill colour of the glyphs
  /// Index + 1 into PagedDocument::sources of the source field this run sets (0 = none):
  /// what the page invariants name when the run falls off the page or on other text.
  std::uint32_t source = 0;
};

/// A solid horizontal rule; (x, y) is the left end of its centre line.
struct Rule {
  Sp x = 0, y = 0, width = 0, thickness = 0;
  Color color{};
};

/// A stroked rectangle (a stamp's frame); (x, y) is its top-left corner, the line centred on
/// the edges.
struct Frame {
  Sp x = 0, y = 0, width = 0, height = 0, thickness = 0;
  Color color{};
};

/// A raster image (PNG or JPEG file) scaled into a box; (x, y) is its top-left corner.
struct Image {
  std::string path;
  Sp x = 0, y = 0, width = 0, height = 0;
};

/// One page, ready to draw.
struct Page {
  Sp width = 0, height = 0;
  std::vector<TextRun> runs;
  std::vector<Rule> rules;
  std::vector<Image> images;
  std::vector<Frame> frames{};
  bool restart_numbers = false;  ///< numbered 1, and the pages after it on from there (an appendix)
};

/// A bookmark: title, nesting level (0 = part), target page index and y.
struct OutlineEntry {
  std::string title;
  int level = 0;
  std::size_t page = 0;
  Sp y = 0;
};

/// Where a block landed, for later stages (signature placement, TOC).
struct Anchor {
  std::string name;
  std::size_t page = 0;
  Sp x = 0, y = 0, width = 0, height = 0;
  /// What the signature drawn there will say besides the time (an attachment's number and
  /// symbol): the field's /TU, which `sign` reads. Empty: nothing.
  std::string label{};
};

/// How a range of pages is numbered in the PDF's page labels (what a viewer's page box shows).
enum class LabelStyle { None, Arabic, RomanLower };

/// Pages from `first` (an index) to the next range's first are labelled in `style`, counting
/// from `start`.
struct PageLabelRange {
  std::size_t first = 0;
  LabelStyle style = LabelStyle::Arabic;
  int start = 1;
};

/// The laid-out document.
struct PagedDocument {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::vector<Anchor> anchors;
  /// Page labels, in page order; empty: none written (viewers count 1, 2, 3, …).
  std::vector<PageLabelRange> page_labels;
  /// By FontId: the text each glyph stands for (shape::glyph_texts), for the PDF's
  /// ToUnicode maps; a font past the end has none.
  std::vector<shape::GlyphTexts> glyph_texts;
  /// The source fields runs point to (TextRun::source - 1): file:line:column and the field's
  /// name, e.g. "header.issuer".
  std::vector<std::pair<SourcePos, std::string>> sources;
};

}  // namespace vanban::layout
