#pragma once
/// What every micro-benchmark starts from: the sample political report loaded, its style,
/// its fonts, and its body paragraphs as styled text. Set VANBAN_BENCH_DOC to a document
/// folder (e.g. one made by bench/gen.py) to measure another document.
#include <memory>
#include <string>
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/paragraph.hpp"
#include "pipeline/shape/shaper.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::bench {

/// The benchmarked document's folder (VANBAN_BENCH_DOC, else the sample).
std::string document_path();

/// Everything up to the fonts, loaded once per process.
struct Sample {
  content::Document doc;
  style::Style style;
  shape::FontSet fonts;
  shape::Family family;
  /// Body paragraphs (plain paragraphs and list items), as set_paragraph takes them.
  std::vector<std::vector<layout::StyledText>> paragraphs;
  layout::ParagraphShape body_shape;  ///< how the style sets a body paragraph
};

/// The shared sample (loaded on first use; the benchmarks never modify it, except that
/// shaping records glyph texts in its fonts).
Sample& sample();

/// The words of every paragraph, in order, with the font and size they are set in.
struct Word {
  std::string text;
  shape::FontId font = 0;
  Sp size = 0;
};
std::vector<Word> sample_words();

}  // namespace vanban::bench
