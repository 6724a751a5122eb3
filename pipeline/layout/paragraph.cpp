#include "pipeline/layout/paragraph.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "pipeline/text/unicode.hpp"

namespace vanban::layout {
namespace {

constexpr std::uint32_t kNoPiece = std::numeric_limits<std::uint32_t>::max();
/// TeX's \exhyphenpenalty: a break after an explicit hyphen costs a little.
constexpr int kHyphenPenalty = 50;
/// Breaking inside a word that is wider than the measure: allowed, but only as a last resort.
constexpr int kInWordPenalty = 5000;

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; }
constexpr char32_t kNoBreakSpace = 0x00A0;

/// A placeholder blank ("…………", "..........") standing as a word of its own: unlike a
/// closing "…" or ".", it may start a line, or long blanks would leave loose lines.
bool placeholder_word_at(const std::u32string& cps, std::size_t i) {
  std::size_t dots = 0;
  for (std::size_t k = i; k < cps.size() && (cps[k] == U'.' || cps[k] == U'\u2026'); ++k)
    dots += cps[k] == U'.' ? 1 : 3;
  return dots >= 6;
}

/// Characters that must not start a line: a space before them never breaks.
bool no_break_before(char32_t c) {
  switch (c) {
    case U':': case U';': case U',': case U'.': case U'!': case U'?': case U')': case U']':
    case U'%':
    case U'\u2026':  // …
    case U'\u201D':  // ”
    case U'\u2019':  // ’
    case U'\u00BB':  // »
      return true;
    default:
      return false;
  }
}

/// A line may break after these (explicit hyphen, en dash, slash).
bool break_after(char32_t c) { return c == U'-' || c == U'\u2013' || c == U'/'; }

Sp fu_to_sp(std::int64_t fu, Sp size, unsigned upem) {
  const std::int64_t num = fu * size;
  const auto den = static_cast<std::int64_t>(upem);
  return num >= 0 ? (num + den / 2) / den : -((-num + den / 2) / den);
}

/// A part's text as code points, with the byte offset of each in the UTF-8 and one past
/// the end, so that words are cut from the UTF-8 as it is instead of encoded again.
struct Decoded {
  std::u32string cps;
  std::vector<std::uint32_t> at;  ///< at[i]: byte offset of cps[i]; at[cps.size()] == text size

  explicit Decoded(std::string_view utf8) {
    cps = text::decode(utf8);
    at.reserve(cps.size() + 1);
    std::uint32_t offset = 0;
    for (const char32_t c : cps) {
      at.push_back(offset);
      offset += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    at.push_back(offset);
  }
};

/// Builds the item list of one paragraph.
class Builder {
 public:
  Builder(shape::Shaper& shaper, const ParagraphShape& ps) : shaper_(shaper), ps_(ps) {}

  std::vector<Item> items;
  std::vector<Piece> pieces;
  bool split_words = false;

  void indent(Sp width) {
    if (width > 0) items.push_back(Item::box(width, kNoPiece));
  }

  /// The word made of code points [begin, end) of `part` (decoded as `d`).
  void word_piece(const StyledText& part, const Decoded& d, std::size_t begin, std::size_t end) {
    if (begin >= end) return;
    const auto utf8 = [&](std::size_t b, std::size_t e) {
      return std::string_view(part.text).substr(d.at[b], d.at[e] - d.at[b]);
    };
    Piece p = make_piece(part, utf8(begin, end));
    if (p.width > ps_.measure - ps_.indent && end - begin > 1) {
      // A word wider than the measure: cut it into chunks that each fill a line (a last
      // resort, reported as a warning), so that no line runs past the margin.
      split_words = true;
      std::size_t start = begin;
      for (std::size_t stop = begin + 1; stop <= end; ++stop) {
        const bool last = stop == end;
        if (!last && make_piece(part, utf8(start, stop + 1)).width <= ps_.measure - ps_.indent) continue;
        if (start > begin) items.push_back(Item::pen(kInWordPenalty));
        add_box(make_piece(part, utf8(start, stop)));
        start = stop;
      }
      return;
    }
    add_box(std::move(p));
  }

  void glue(const StyledText& part, bool unbreakable) {
    if (unbreakable) items.push_back(Item::pen(kInfPenalty));
    const Sp space = space_width(part);
    if (ps_.align == style::Align::Justify)
      items.push_back(Item::glue(space, static_cast<Sp>(static_cast<double>(space) * ps_.space_stretch),
                                 static_cast<Sp>(static_cast<double>(space) * ps_.space_shrink)));
    else  // ragged or centred: stretch only steers the choice of breaks; lines are set at natural width
      items.push_back(Item::glue(space, part.size, 0));
  }

  void finish(Sp last_line_stretch) {
    while (!items.empty() && items.back().type == Item::Type::Glue) items.pop_back();
    items.push_back(Item::pen(kInfPenalty));
    // Justified and ragged text end with \parfillskip (a fil glue: the last line may be short).
    // Centred lines are balanced instead: the last line stretches like the others.
    items.push_back(last_line_stretch > 0 ? Item::glue(0, last_line_stretch, 0) : Item::fil_glue());
    items.push_back(Item::pen(-kInfPenalty));
  }

 private:
  Piece make_piece(const StyledText& part, std::string_view utf8) {
    Piece p;
    p.font = part.font;
    p.size = part.size;
    p.underline = part.underline;
    p.shaped = &shaper_.shape(part.font, utf8);
    p.width = fu_to_sp(p.shaped->advance, part.size, shaper_.fonts()[part.font].upem());
    p.text = utf8;
    return p;
  }

  void add_box(Piece p) {
    items.push_back(Item::box(p.width, static_cast<std::uint32_t>(pieces.size())));
    pieces.push_back(std::move(p));
  }

  Sp space_width(const StyledText& part) {
    const auto& s = shaper_.shape(part.font, " ");
    return fu_to_sp(s.advance, part.size, shaper_.fonts()[part.font].upem());
  }

  shape::Shaper& shaper_;
  const ParagraphShape& ps_;
};

}  // namespace

namespace {

/// Which (font, character) pairs one paragraph has checked: a paragraph has a thousand
/// characters but a few dozen distinct ones, and each font lookup goes through the cmap.
class CoverageCache {
 public:
  bool covers(const shape::Font& font, shape::FontId id, char32_t c) {
    const std::uint64_t key = (std::uint64_t{id} << 32) | c;
    Slot& slot = slots_[(c ^ (std::uint32_t{id} * 0x9E37u)) % kSize];
    if (slot.key != key) slot = {key, font.covers(c)};
    return slot.covered;
  }

 private:
  static constexpr std::size_t kSize = 256;
  struct Slot {
    std::uint64_t key = ~std::uint64_t{0};  // no (font, character) pair has this key
    bool covered = false;
  };
  std::array<Slot, kSize> slots_{};
};

/// check_coverage on text already decoded (`cps[i]` is `parts[i].text`).
void check_decoded(const std::vector<StyledText>& parts, const std::vector<Decoded>& decoded,
                   shape::Shaper& shaper, const SourcePos& where) {
  CoverageCache cache;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const auto& part = parts[k];
    const auto& font = shaper.fonts()[part.font];
    for (char32_t c : decoded[k].cps) {
      if (is_space(c)) continue;
      if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        fail(where, "control character " + text::codepoint_name(c) + " in text",
             "remove it; it usually comes from copying out of a word processor");
      if (c == kNoBreakSpace || cache.covers(font, part.font, c)) continue;
      std::string shown;
      text::append_utf8(shown, c);
      fail(where,
           "character " + text::codepoint_name(c) + " “" + shown + "” is not in font " + font.postscript_name() +
               " (" + font.path() + ")",
           "replace the character, or choose a font family that has it in the style");
    }
  }
}

}  // namespace

void check_coverage(const std::vector<StyledText>& parts, shape::Shaper& shaper, const SourcePos& where) {
  std::vector<Decoded> decoded;
  decoded.reserve(parts.size());
  for (const auto& part : parts) decoded.emplace_back(part.text);
  check_decoded(parts, decoded, shaper, where);
}

namespace {

/// Turns the chosen breaks into positioned glyph runs.
SetLine set_line(const std::vector<Item>& items, const std::vector<Piece>& pieces, const Line& line,
                 const ParagraphShape& ps, shape::FontSet& fonts) {
  SetLine out;
  // An overfull line reports r < -1; glue never shrinks past its limit (TeX does the same).
  out.ratio = std::max(line.ratio, -1.0);
  const bool justify = ps.align == style::Align::Justify;
  // Pass 1: x of each box.
  std::vector<std::pair<std::size_t, Sp>> boxes;
  Sp x = 0;
  Sp natural = 0;
  // Glue is adjusted from running totals, so rounding never adds up: the line ends
  // exactly where r says, not a few sp past the measure.
  Sp stretch_seen = 0, shrink_seen = 0, adjusted = 0;
  bool pending_space = false;
  for (std::size_t i = line.begin; i < line.end && i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.type == Item::Type::Box) {
      if (pending_space && !out.text.empty()) out.text += ' ';
      pending_space = false;
      if (it.payload != kNoPiece) {
        boxes.emplace_back(i, x);
        out.text += pieces[it.payload].text;
      }
      x += it.width;
      natural += it.width;
    } else if (it.type == Item::Type::Glue) {
      if (it.fil) continue;
      Sp w = it.width;
      if (justify && out.ratio != 0) {
        stretch_seen += it.stretch;
        shrink_seen += it.shrink;
        const double total = static_cast<double>(out.ratio > 0 ? stretch_seen : shrink_seen);
        const Sp target = static_cast<Sp>(std::floor(out.ratio * total));  // floor: never past the measure
        w += target - adjusted;
        adjusted = target;
      }
      x += w;
      natural += it.width;
      pending_space = true;
    }
  }
  // The material ends at the last box (trailing glue is not material).
  const Sp set_width = boxes.empty() ? 0 : boxes.back().second + items[boxes.back().first].width;
  out.natural = natural;
  Sp offset = 0;
  if (ps.align == style::Align::Center) offset = (ps.measure - set_width) / 2;
  else if (ps.align == style::Align::Right) offset = ps.measure - set_width;

  // Pass 2: glyphs, merged into one run per font and size. The runs' glyph vectors are
  // sized exactly first: a long document holds millions of glyphs, and growing by doubling
  // would leave a third of that memory unused.
  const auto same_run = [](const Piece& a, const Piece& b) {
    return a.font == b.font && a.size == b.size && a.underline == b.underline;
  };
  std::vector<std::size_t> run_glyphs;
  for (std::size_t k = 0; k < boxes.size(); ++k) {
    const Piece& p = pieces[items[boxes[k].first].payload];
    if (k == 0 || !same_run(pieces[items[boxes[k - 1].first].payload], p)) run_glyphs.push_back(0);
    run_glyphs.back() += p.shaped->glyphs.size();
  }
  out.runs.reserve(run_glyphs.size());
  for (const auto& [index, bx] : boxes) {
    const Piece& p = pieces[items[index].payload];
    if (out.runs.empty() || out.runs.back().font != p.font || out.runs.back().size != p.size ||
        out.runs.back().underline != p.underline) {
      TextRun run;
      run.font = p.font;
      run.size = p.size;
      run.x = offset + bx;
      run.underline = p.underline;
      run.glyphs.reserve(run_glyphs[out.runs.size()]);
      out.runs.push_back(std::move(run));
    }
    TextRun& run = out.runs.back();
    if (!run.text.empty() && (run.glyphs.empty() || items[index - 1].type != Item::Type::Box)) run.text += ' ';
    run.text += p.text;
    const unsigned upem = fonts[p.font].upem();
    std::int64_t pen = 0;
    for (const auto& g : p.shaped->glyphs) {
      run.glyphs.push_back(place_glyph(g.gid, offset + bx - run.x + fu_to_sp(pen + g.x_offset, p.size, upem),
                                       -fu_to_sp(g.y_offset, p.size, upem)));
      pen += g.x_advance;
    }
  }
  return out;
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
  // Decoded once, for the coverage check and the walk below.
  std::vector<Decoded> decoded;
  decoded.reserve(parts.size());
  for (const auto& part : parts) decoded.emplace_back(part.text);
  if (!ps.coverage_checked) check_decoded(parts, decoded, shaper, where);
  Builder b(shaper, ps);
  const bool indented = ps.align == style::Align::Justify || ps.align == style::Align::Left;
  if (indented) b.indent(ps.indent);

  // Walk the characters of all parts; words may span several parts (e.g. "**Bold**text"),
  // each part's share being a box of its own. The word being read is code points
  // [word_begin, word_end) of word_part.
  const StyledText* word_part = nullptr;
  const Decoded* word_decoded = nullptr;
  std::size_t word_begin = 0, word_end = 0;
  const auto flush_word = [&] {
    if (word_part) b.word_piece(*word_part, *word_decoded, word_begin, word_end);
    word_begin = word_end;
  };
  const StyledText* space_part = nullptr;  // set while a space is pending
  bool pending_space = false, pending_nbsp = false, seen_word = false;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const StyledText& part = parts[k];
    const std::u32string& cps = decoded[k].cps;
    for (std::size_t i = 0; i < cps.size(); ++i) {
      const char32_t c = cps[i];
      if (is_space(c) || c == kNoBreakSpace) {
        flush_word();
        if (word_part) space_part = word_part;
        word_part = nullptr;
        if (!space_part) space_part = &part;
        pending_space = true;
        pending_nbsp = pending_nbsp || c == kNoBreakSpace;
        continue;
      }
      if (pending_space) {
        if (seen_word) b.glue(*space_part, pending_nbsp || (no_break_before(c) && !placeholder_word_at(cps, i)));
        pending_space = pending_nbsp = false;
        space_part = nullptr;
      }
      if (word_part && word_part != &part) flush_word();  // style changes inside a word: a new box, no glue
      if (word_part != &part || word_begin == word_end) {
        word_part = &part;
        word_decoded = &decoded[k];
        word_begin = i;
      }
      word_end = i + 1;
      seen_word = true;
      // A break after a hyphen, en dash or slash inside a word (not word-initial, not before
      // punctuation that may not start a line).
      const bool next_ok = i + 1 < cps.size() && !is_space(cps[i + 1]) && cps[i + 1] != kNoBreakSpace &&
                           !no_break_before(cps[i + 1]) && !break_after(cps[i + 1]);
      if (break_after(c) && word_end - word_begin > 1 && next_ok) {
        flush_word();
        b.items.push_back(Item::pen(kHyphenPenalty, 0, c != U'/'));
      }
    }
  }
  flush_word();
  b.finish(ps.align == style::Align::Center && !parts.empty() ? parts.back().size : 0);

  // Like TeX's pretolerance/tolerance passes: try the style's tolerance first, then
  // looser ones, before break_lines' own emergency pass (unlimited stretch).
  std::vector<Sp> widths{ps.measure};
  BreakParams params;
  BreakResult result;
  if (ps.align != style::Align::Justify) {
    params.tolerance = 100.0;
    result = break_lines(b.items, widths, params);
  } else {
    for (const double factor : {1.0, 1.25, 1.5, 2.0, 3.0}) {
      params.tolerance = ps.tolerance * factor;
      result = break_lines(b.items, widths, params);
      if (!result.emergency) break;
    }
  }

  SetParagraph out;
  out.emergency = result.emergency;
  out.overfull = b.split_words || result.overfull;
  for (const auto& line : result.lines) {
    SetLine sl = set_line(b.items, b.pieces, line, ps, shaper.fonts());
    if (!sl.runs.empty() || !sl.text.empty()) out.lines.push_back(std::move(sl));
  }
  return out;
}

}  // namespace vanban::layout
