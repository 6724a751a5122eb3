#include "pipeline/layout/paragraph.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

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

/// A placeholder blank ("…………", "..........") standing as a word of its own, at byte `i`
/// of `s`: unlike a closing "…" or ".", it may start a line, or long blanks would leave
/// loose lines.
bool placeholder_word_at(std::string_view s, std::size_t i) {
  std::size_t dots = 0;
  while (i < s.size()) {
    if (s[i] == '.') {
      dots += 1;
      i += 1;
    } else if (s.substr(i, 3) == "\u2026") {
      dots += 3;
      i += 3;
    } else {
      break;
    }
  }
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
  throw std::invalid_argument("invalid UTF-8");  // (not reached)
}

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
std::size_t sequence_length(unsigned char b0) { return b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4; }

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

  /// The word made of bytes [begin, end) of `part` (whole code points): a box whose width
  /// shape_words gives.
  void word_piece(const StyledText& part, std::size_t begin, std::size_t end) {
    if (begin >= end) return;
    Piece p;
    p.font = part.font;
    p.size = part.size;
    p.underline = part.underline;
    p.text = std::string_view(part.text).substr(begin, end - begin);
    add_box(p);
  }

  /// Shapes the words of the boxes so far, all those of one font at once (see
  /// Shaper::shape_all), and gives the boxes their widths. A word wider than the measure
  /// is cut into chunks that each fill a line (a last resort, reported as a warning), so
  /// that no line runs past the margin.
  void shape_words() {
    std::vector<std::string_view> texts;
    std::vector<std::uint32_t> which;
    std::vector<const shape::Shaped*> shaped;
    texts.reserve(pieces.size());
    which.reserve(pieces.size());
    for (std::size_t next = 0; next < pieces.size(); ++next) {
      if (pieces[next].shaped) continue;
      const shape::FontId font = pieces[next].font;  // the next font not shaped yet
      texts.clear();
      which.clear();
      for (std::size_t k = next; k < pieces.size(); ++k) {
        if (pieces[k].shaped || pieces[k].font != font) continue;
        texts.push_back(pieces[k].text);
        which.push_back(static_cast<std::uint32_t>(k));
      }
      shaped.resize(texts.size());
      shaper_.shape_all(font, texts, shaped);
      const unsigned upem = shaper_.fonts()[font].upem();
      for (std::size_t j = 0; j < which.size(); ++j) {
        Piece& p = pieces[which[j]];
        p.shaped = shaped[j];
        p.width = fu_to_sp(p.shaped->advance, p.size, upem);
      }
    }
    bool too_wide = false;
    for (Item& it : items) {
      if (it.type != Item::Type::Box || it.payload == kNoPiece) continue;
      it.width = pieces[it.payload].width;
      too_wide = too_wide || cut(pieces[it.payload]);
    }
    if (!too_wide) return;
    std::vector<Item> out;
    out.reserve(items.size() + 16);
    for (const Item& it : items) {
      if (it.type != Item::Type::Box || it.payload == kNoPiece || !cut(pieces[it.payload])) {
        out.push_back(it);
        continue;
      }
      split_words = true;
      const Piece word = pieces[it.payload];  // (a copy: pieces grows below)
      std::vector<std::size_t> at;  // where each code point of the word starts, then its end
      for (std::size_t i = 0; i < word.text.size(); i += sequence_length(static_cast<unsigned char>(word.text[i])))
        at.push_back(i);
      at.push_back(word.text.size());
      const auto chunk = [&](std::size_t b, std::size_t e) {
        return make_piece(word, word.text.substr(at[b], at[e] - at[b]));
      };
      const std::size_t count = at.size() - 1;
      std::size_t start = 0;
      for (std::size_t stop = 1; stop <= count; ++stop) {
        const bool last = stop == count;
        if (!last && chunk(start, stop + 1).width <= ps_.measure - ps_.indent) continue;
        if (start > 0) out.push_back(Item::pen(kInWordPenalty));
        const Piece p = chunk(start, stop);
        out.push_back(Item::box(p.width, static_cast<std::uint32_t>(pieces.size())));
        pieces.push_back(p);
        start = stop;
      }
    }
    items = std::move(out);
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
  /// `utf8` shaped in the font, size and underline of `like`.
  Piece make_piece(const Piece& like, std::string_view utf8) {
    Piece p = like;
    p.shaped = &shaper_.shape(p.font, utf8);
    p.width = fu_to_sp(p.shaped->advance, p.size, shaper_.fonts()[p.font].upem());
    p.text = utf8;
    return p;
  }

  /// True when the shaped word `p` is wider than the measure and has more than one
  /// character to cut it between.
  bool cut(const Piece& p) const {
    return p.width > ps_.measure - ps_.indent && sequence_length(static_cast<unsigned char>(p.text[0])) < p.text.size();
  }

  void add_box(const Piece& p) {
    items.push_back(Item::box(p.width, static_cast<std::uint32_t>(pieces.size())));
    pieces.push_back(p);
  }

  /// The width of a space in `part`'s font and size (the last one asked is remembered: a
  /// paragraph's spaces are nearly all in one font).
  Sp space_width(const StyledText& part) {
    if (space_font_ != part.font || space_size_ != part.size) {
      const auto& s = shaper_.shape(part.font, " ");
      space_font_ = part.font;
      space_size_ = part.size;
      space_ = fu_to_sp(s.advance, part.size, shaper_.fonts()[part.font].upem());
    }
    return space_;
  }

  shape::Shaper& shaper_;
  const ParagraphShape& ps_;
  shape::FontId space_font_ = 0;
  Sp space_size_ = -1;  // no size yet
  Sp space_ = 0;
};

/// Throws the Error for character `c` of `part`, which is a control character or missing
/// from its font. Ill-formed UTF-8 anywhere in `parts` is reported first, as it would have
/// been had all the text been decoded before the check.
[[noreturn]] void coverage_error(const std::vector<StyledText>& parts, const StyledText& part, char32_t c,
                                 shape::Shaper& shaper, const SourcePos& where) {
  for (const auto& p : parts) text::decode(p.text);  // throws on ill-formed UTF-8
  if (c < 0x20 || (c >= 0x7F && c < 0xA0))
    fail(where, "control character " + text::codepoint_name(c) + " in text",
         "remove it; it usually comes from copying out of a word processor");
  const auto& font = shaper.fonts()[part.font];
  std::string shown;
  text::append_utf8(shown, c);
  fail(where,
       "character " + text::codepoint_name(c) + " “" + shown + "” is not in font " + font.postscript_name() + " (" +
           font.path() + ")",
       "replace the character, or choose a font family that has it in the style");
}

}  // namespace

void check_coverage(const std::vector<StyledText>& parts, shape::Shaper& shaper, const SourcePos& where) {
  // The ASCII bytes that pass at once: spaces, and the characters known to be in the font.
  constexpr std::uint64_t kSpaces = (1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\r');
  for (const auto& part : parts) {
    const std::string_view s = part.text;
    std::array<std::uint64_t, 2> pass = shaper.known_ascii(part.font);
    pass[0] |= kSpaces;
    for (std::size_t i = 0; i < s.size();) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b < 0x80 && (pass[b / 64] >> (b % 64) & 1u)) {
        ++i;
        continue;
      }
      const char32_t c = next_code_point(s, i);
      if (shaper.known_to_cover(part.font, c)) continue;  // most characters, after their first time
      if (is_space(c)) continue;
      const bool control = c < 0x20 || (c >= 0x7F && c < 0xA0);
      if (control || (c != kNoBreakSpace && !shaper.covers(part.font, c)))
        coverage_error(parts, part, c, shaper, where);
      if (c < 0x80) pass[c / 64] |= std::uint64_t{1} << (c % 64);  // known now
    }
  }
}

namespace {

/// Turns the chosen breaks into positioned glyph runs.
SetLine set_line(const std::vector<Item>& items, const std::vector<Piece>& pieces, const Line& line,
                 const ParagraphShape& ps, shape::FontSet& fonts) {
  SetLine out;
  // An overfull line reports r < -1; glue never shrinks past its limit (TeX does the same).
  out.ratio = std::max(line.ratio, -1.0);
  const bool justify = ps.align == style::Align::Justify;
  const auto same_run = [](const Piece& a, const Piece& b) {
    return a.font == b.font && a.size == b.size && a.underline == b.underline;
  };
  // Pass 1: x of each box, whether glue came before it (a space in the line's text), and
  // the size of each run of one font and size. (The scratch vectors are kept by the thread:
  // a document has thousands of lines.)
  struct Box {
    std::size_t item = 0;
    Sp x = 0;
    bool space_before = false;
  };
  struct RunSize {
    std::size_t glyphs = 0, text = 0;
  };
  thread_local std::vector<Box> boxes;
  thread_local std::vector<RunSize> run_sizes;
  boxes.clear();
  run_sizes.clear();
  Sp x = 0;
  Sp natural = 0;
  // Glue is adjusted from running totals, so rounding never adds up: the line ends
  // exactly where r says, not a few sp past the measure.
  Sp stretch_seen = 0, shrink_seen = 0, adjusted = 0;
  bool pending_space = false;
  std::size_t text_size = 0;
  for (std::size_t i = line.begin; i < line.end && i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.type == Item::Type::Box) {
      if (it.payload != kNoPiece) {
        const Piece& p = pieces[it.payload];
        if (boxes.empty() || !same_run(pieces[items[boxes.back().item].payload], p)) run_sizes.emplace_back();
        run_sizes.back().glyphs += p.shaped->glyphs.size();
        run_sizes.back().text += p.text.size() + 1;
        text_size += p.text.size() + 1;
        boxes.push_back({i, x, pending_space});
      }
      pending_space = false;
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
  const Sp set_width = boxes.empty() ? 0 : boxes.back().x + items[boxes.back().item].width;
  out.natural = natural;
  Sp offset = 0;
  if (ps.align == style::Align::Center) offset = (ps.measure - set_width) / 2;
  else if (ps.align == style::Align::Right) offset = ps.measure - set_width;

  // Pass 2: the line's text, and the glyphs merged into one run per font and size. The
  // runs' glyph vectors (and texts) are sized exactly first: a long document holds
  // millions of glyphs, and growing by doubling would leave a third of that memory unused.
  out.text.reserve(text_size);
  out.runs.reserve(run_sizes.size());
  for (std::size_t k = 0; k < boxes.size(); ++k) {
    const Box& box = boxes[k];
    const Piece& p = pieces[items[box.item].payload];
    if (box.space_before && !out.text.empty()) out.text += ' ';
    out.text += p.text;
    if (k == 0 || !same_run(pieces[items[boxes[k - 1].item].payload], p)) {
      TextRun run;
      run.font = p.font;
      run.size = p.size;
      run.x = offset + box.x;
      run.underline = p.underline;
      run.glyphs.reserve(run_sizes[out.runs.size()].glyphs);
      run.text.reserve(run_sizes[out.runs.size()].text);
      out.runs.push_back(std::move(run));
    }
    TextRun& run = out.runs.back();
    if (!run.text.empty() && (run.glyphs.empty() || items[box.item - 1].type != Item::Type::Box)) run.text += ' ';
    run.text += p.text;
    const unsigned upem = fonts[p.font].upem();
    const Sp origin = offset + box.x - run.x;
    std::int64_t pen = 0;
    for (const auto& g : p.shaped->glyphs) {
      // Most glyphs sit on the baseline: no rounding to do for y then.
      const Sp y = g.y_offset == 0 ? 0 : -fu_to_sp(g.y_offset, p.size, upem);
      run.glyphs.push_back(place_glyph(g.gid, origin + fu_to_sp(pen + g.x_offset, p.size, upem), y));
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
  check_coverage(parts, shaper, where);
  Builder b(shaper, ps);
  // About one box and one glue per word of five or six bytes, space included.
  std::size_t bytes = 0;
  for (const auto& part : parts) bytes += part.text.size();
  b.items.reserve(bytes / 3 + 8);
  b.pieces.reserve(bytes / 6 + 4);
  const bool indented = ps.align == style::Align::Justify || ps.align == style::Align::Left;
  if (indented) b.indent(ps.indent);

  // Walk the characters of all parts; words may span several parts (e.g. "**Bold**text"),
  // each part's share being a box of its own. The word being read is bytes
  // [word_begin, word_end) of word_part.
  const StyledText* word_part = nullptr;
  std::size_t word_begin = 0, word_end = 0;
  const auto flush_word = [&] {
    if (word_part) b.word_piece(*word_part, word_begin, word_end);
    word_begin = word_end;
  };
  const StyledText* space_part = nullptr;  // set while a space is pending
  bool pending_space = false, pending_nbsp = false, seen_word = false;
  for (const StyledText& part : parts) {
    const std::string_view s = part.text;
    if (s.empty()) continue;
    // c is bytes [i, end) of s; the one after it (when end < s.size()) is `next`, up to next_end.
    std::size_t i = 0, end = 0;
    char32_t c = next_code_point(s, end);
    while (true) {
      std::size_t next_end = end;
      const bool has_next = end < s.size();
      const char32_t next = has_next ? next_code_point(s, next_end) : 0;
      if (is_space(c) || c == kNoBreakSpace) {
        flush_word();
        if (word_part) space_part = word_part;
        word_part = nullptr;
        if (!space_part) space_part = &part;
        pending_space = true;
        pending_nbsp = pending_nbsp || c == kNoBreakSpace;
      } else {
        if (pending_space) {
          if (seen_word) b.glue(*space_part, pending_nbsp || (no_break_before(c) && !placeholder_word_at(s, i)));
          pending_space = pending_nbsp = false;
          space_part = nullptr;
        }
        if (word_part && word_part != &part) flush_word();  // style changes inside a word: a new box, no glue
        if (word_part != &part || word_begin == word_end) {
          word_part = &part;
          word_begin = i;
        }
        word_end = end;
        seen_word = true;
        // A break after a hyphen, en dash or slash inside a word (not word-initial, not before
        // punctuation that may not start a line).
        const auto next_ok = [&] {
          return has_next && !is_space(next) && next != kNoBreakSpace && !no_break_before(next) && !break_after(next);
        };
        if (break_after(c) && i > word_begin && next_ok()) {
          flush_word();
          b.items.push_back(Item::pen(kHyphenPenalty, 0, c != U'/'));
        }
      }
      if (!has_next) break;
      i = end;
      end = next_end;
      c = next;
    }
  }
  flush_word();
  b.shape_words();
  b.finish(ps.align == style::Align::Center && !parts.empty() ? parts.back().size : 0);

  // Like TeX's pretolerance/tolerance passes: try the style's tolerance first, then
  // looser ones, before break_lines' own emergency pass (unlimited stretch).
  const std::vector<Sp> widths{ps.measure};
  BreakParams params;
  BreakResult result;
  if (ps.align != style::Align::Justify) {
    params.tolerance = 100.0;
    result = break_lines(b.items, widths, params);
  } else {
    const double t = ps.tolerance;
    const std::array<double, 5> tolerances = {t * 1.0, t * 1.25, t * 1.5, t * 2.0, t * 3.0};
    result = break_lines(b.items, widths, params, tolerances);
  }

  SetParagraph out;
  out.emergency = result.emergency;
  out.overfull = b.split_words || result.overfull;
  out.lines.reserve(result.lines.size());
  for (const auto& line : result.lines) {
    SetLine sl = set_line(b.items, b.pieces, line, ps, shaper.fonts());
    if (!sl.runs.empty() || !sl.text.empty()) out.lines.push_back(std::move(sl));
  }
  return out;
}

}  // namespace vanban::layout
