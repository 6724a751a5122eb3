/// Setting a paragraph: collect -> shape -> break -> set (inline_phases.hpp), and one line
/// shaped whole.
#include "pipeline/layout/paragraph.hpp"

#include <array>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"
#include "pipeline/layout/inline_phases.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::layout {

/// next_code_point for a sequence that does not start with an ASCII byte.
char32_t next_multibyte(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const auto cont = [](unsigned b) { return (b & 0xC0u) == 0x80u; };
  const unsigned b1 = byte(1);
  if (b0 >= 0xC2 && b0 < 0xE0 && cont(b1)) {
    i += 2;
    return (char32_t{b0 & 0x1Fu} << 6) | (b1 & 0x3Fu);
  }
  const unsigned b2 = byte(2);
  // Three bytes: no overlong form (E0 needs A0..BF) and no surrogate (ED needs 80..9F).
  if (b0 >= 0xE0 && b0 < 0xF0 && cont(b1) && cont(b2) && (b0 != 0xE0 || b1 >= 0xA0) && (b0 != 0xED || b1 < 0xA0)) {
    i += 3;
    return (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
  }
  const unsigned b3 = byte(3);
  // Four bytes: U+10000..U+10FFFF (F0 needs 90..BF, F4 needs 80..8F).
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(b1) && cont(b2) && cont(b3) && (b0 != 0xF0 || b1 >= 0x90) &&
      (b0 != 0xF4 || b1 < 0x90)) {
    i += 4;
    return (char32_t{b0 & 0x07u} << 18) | (char32_t{b1 & 0x3Fu} << 12) | (char32_t{b2 & 0x3Fu} << 6) | (b3 & 0x3Fu);
  }
  text::decode(s.substr(i));  // throws: the sequence at i is ill-formed
  throw std::invalid_argument(tr("invalid UTF-8"));  // (not reached)
}

namespace {

/// Break: Knuth–Plass on the items, within the paragraph's tolerance if it can be.
BreakResult break_items(const std::vector<Item>& items, const ParagraphShape& ps) {
  // Like TeX's pretolerance/tolerance passes: try the style's tolerance first, then
  // looser ones, before break_lines' own emergency pass (unlimited stretch).
  const std::vector<Sp> widths{ps.measure};
  BreakParams params;
  BreakResult result;
  if (ps.align != style::Align::Justify) {
    params.tolerance = 100.0;
    result = break_lines(items, widths, params);
  } else {
    const double t = ps.tolerance;
    const std::array<double, 5> tolerances = {t * 1.0, t * 1.25, t * 1.5, t * 2.0, t * 3.0};
    result = break_lines(items, widths, params, tolerances);
  }
  return result;
}

}  // namespace

TextRun set_run(const StyledText& t, shape::Shaper& shaper, Sp& width) {
  const auto& shaped = shaper.shape(t.font, t.text);
  const unsigned upem = shaper.fonts()[t.font].upem();
  TextRun run;
  run.font = t.font;
  run.size = t.size;
  run.underline = t.underline;
  run.text = t.text;
  std::int64_t pen = 0;
  for (const auto& g : shaped.glyphs) {
    run.glyphs.push_back(place_glyph(g.gid, fu_to_sp(pen + g.x_offset, t.size, upem), -fu_to_sp(g.y_offset, t.size, upem)));
    pen += g.x_advance;
  }
  width = fu_to_sp(shaped.advance, t.size, upem);
  return run;
}

SetParagraph set_paragraph(const std::vector<StyledText>& parts, const ParagraphShape& ps, shape::Shaper& shaper,
                           const SourcePos& where) {
  check_coverage(parts, shaper, where);
  ParagraphItems p = collect_items(parts, ps, shaper);
  shape_items(p, ps, shaper);
  const BreakResult result = break_items(p.items, ps);
  SetParagraph out;
  out.emergency = result.emergency;
  out.overfull = p.split_words || result.overfull;
  out.lines.reserve(result.lines.size());
  for (const auto& line : result.lines) {
    SetLine sl = set_line(p.items, p.pieces, line, ps, shaper.fonts());
    if (!sl.runs.empty() || !sl.text.empty()) out.lines.push_back(std::move(sl));
  }
  return out;
}

}  // namespace vanban::layout
