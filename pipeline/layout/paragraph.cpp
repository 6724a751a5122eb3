/// Setting a paragraph: collect -> shape -> break -> set (inline_phases.hpp), and one line
/// shaped whole.
#include "pipeline/layout/paragraph.hpp"

#include <algorithm>
#include <array>
#include <utility>
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

/// Above this many items a centred paragraph is not balanced (a centred page of text is
/// not a header; its breaking is not repeated a dozen times).
constexpr std::size_t kBalanceItems = 2000;
/// How close the bisection comes to the narrowest measure that works.
constexpr Sp kBalancePrecision = pt(0.25);

/// The narrowest measure (within kBalancePrecision) at which `items` still break into `n`
/// lines or fewer, none overfull, and those breaks; `best` is the breaks at `ps.measure`.
std::pair<Sp, BreakResult> narrowest(const std::vector<Item>& items, const ParagraphShape& ps, std::size_t n,
                                     BreakResult best) {
  Sp lo = 0, hi = ps.measure;
  while (hi - lo > kBalancePrecision) {
    ParagraphShape narrow = ps;
    narrow.measure = lo + (hi - lo) / 2;
    BreakResult r = break_items(items, narrow);
    if (!r.overfull && r.lines.size() <= n) {
      hi = narrow.measure;
      best = std::move(r);
    } else {
      lo = narrow.measure;
    }
  }
  return {hi, std::move(best)};
}

/// Where `r`'s lines end, counted in boxes (the same breaks give the same counts whether or
/// not the phrase penalties were inserted).
std::vector<std::size_t> breaks_of(const std::vector<Item>& items, const BreakResult& r) {
  std::vector<std::size_t> out;
  std::size_t boxes = 0, at = 0;
  for (const Line& line : r.lines) {
    for (; at < line.end && at < items.size(); ++at) boxes += items[at].type == Item::Type::Box;
    out.push_back(boxes);
  }
  return out;
}

/// A centred name may take one line more than its fewest to keep its words whole, up to
/// this many lines (the rules' examples of a header name take at most 3).
constexpr std::size_t kMostLinesForWords = 3;

/// Centred text of two or more lines (the issuer, the authority line, the title, the
/// summary): lines of nearly equal length, as the rules' examples set "ỦY BAN NHÂN DÂN /
/// XÃ AN BÌNH", rather than a full first line over a short last one. The objective: the
/// least longest line for the number of lines (what a clerk balancing lines by eye does),
/// found by bisection on the measure (breaking is cheap, the words are shaped once); then,
/// in a measure 8% wider than that, Knuth–Plass's choice with the phrase bonuses
/// (phrases.cpp), so that among nearly balanced breaks the one before a name's level or
/// after a comma wins. A penalty on a short last line alone would not do: Knuth–Plass would
/// still fill the first line whenever the words fall so. No break falls inside a word of
/// two syllables (phrases.cpp), even at the cost of one more line up to three; past that,
/// the syllables are balanced alone. Changes `p.items` to the list the breaks refer to.
BreakResult balance(ParagraphItems& p, const ParagraphShape& ps, BreakResult first) {
  const std::size_t n = first.lines.size();
  if (n < 2 || first.overfull || p.items.size() > kBalanceItems) return first;
  std::vector<Item> whole = with_phrase_breaks(p, false);
  BreakResult at_full = break_items(whole, ps);
  const std::size_t lines = at_full.lines.size();
  if (at_full.overfull || (lines > n && (lines > n + 1 || lines > kMostLinesForWords)))
    return narrowest(p.items, ps, n, std::move(first)).second;
  auto [w, tight] = narrowest(whole, ps, lines, std::move(at_full));
  std::vector<Item> phrased = with_phrase_breaks(p, true);
  ParagraphShape loose = ps;
  loose.measure = std::min(ps.measure, w + w * 2 / 25);
  BreakResult chosen = break_items(phrased, loose);
  if (chosen.overfull || chosen.lines.size() != lines) {
    chosen = std::move(tight);
    phrased = std::move(whole);
  }
  // The same breaks as Knuth–Plass's in the whole measure: keep those (their ratios, which
  // the line dumps show, are the whole measure's).
  if (breaks_of(phrased, chosen) == breaks_of(p.items, first)) return first;
  p.items = std::move(phrased);
  return chosen;
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
  BreakResult result = break_items(p.items, ps);
  // Lines are still centred in the whole measure (set_line), only broken in a narrower one.
  if (ps.align == style::Align::Center && !p.split_words) result = balance(p, ps, std::move(result));
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
