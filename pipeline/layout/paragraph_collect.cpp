/// Collect, the first phase of setting a paragraph: the characters of its styled parts
/// -> boxes of words (not shaped yet), glue for spaces, penalties where a line may break.
#include <string_view>

#include "pipeline/layout/inline_phases.hpp"

namespace vanban::layout {

namespace {

/// TeX's \exhyphenpenalty: a break after an explicit hyphen costs a little.
constexpr int kHyphenPenalty = 50;

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

/// Builds the item list of one paragraph.
class Collector {
 public:
  Collector(shape::Shaper& shaper, const ParagraphShape& ps) : shaper_(shaper), ps_(ps) {}

  ParagraphItems out;

  void indent(Sp width) {
    if (width > 0) out.items.push_back(Item::box(width, kNoPiece));
  }

  /// The word made of bytes [begin, end) of `part` (whole code points): a box whose width
  /// shape_items gives.
  void word_piece(const StyledText& part, std::size_t begin, std::size_t end) {
    if (begin >= end) return;
    Piece p;
    p.font = part.font;
    p.size = part.size;
    p.underline = part.underline;
    p.text = std::string_view(part.text).substr(begin, end - begin);
    add_box(p);
  }

  /// Glue for a space of `part` (after an infinite penalty when the line must not break there).
  void glue(const StyledText& part, bool unbreakable) {
    if (unbreakable) out.items.push_back(Item::pen(kInfPenalty));
    const Sp space = space_width(part);
    if (ps_.align == style::Align::Justify)
      out.items.push_back(Item::glue(space, static_cast<Sp>(static_cast<double>(space) * ps_.space_stretch),
                                     static_cast<Sp>(static_cast<double>(space) * ps_.space_shrink)));
    else  // ragged or centred: stretch only steers the choice of breaks; lines are set at natural width
      out.items.push_back(Item::glue(space, part.size, 0));
  }

  /// A soft hyphen after a word of `part`: a flagged penalty whose width and drawing are
  /// those of a hyphen in the word's font (shaped with the words).
  void soft_hyphen(const StyledText& part) {
    Piece p;
    p.font = part.font;
    p.size = part.size;
    p.underline = part.underline;
    p.text = "-";
    Item pen = Item::pen(kHyphenPenalty, 0, true);
    pen.payload = static_cast<std::uint32_t>(out.pieces.size()) + 1;
    out.pieces.push_back(p);
    out.items.push_back(pen);
  }

  /// A line break inside the paragraph (U+2028), as TeX's \newline: the line ends there,
  /// filled with fil glue rather than stretched.
  void line_break() {
    while (!out.items.empty() && out.items.back().type == Item::Type::Glue) out.items.pop_back();
    out.items.push_back(Item::pen(kInfPenalty));
    out.items.push_back(Item::fil_glue());
    out.items.push_back(Item::pen(-kInfPenalty));
  }

  /// The paragraph's end: trailing glue dropped, then \parfillskip and the final break.
  void finish(Sp last_line_stretch) {
    while (!out.items.empty() && out.items.back().type == Item::Type::Glue) out.items.pop_back();
    out.items.push_back(Item::pen(kInfPenalty));
    // Justified and ragged text end with \parfillskip (a fil glue: the last line may be short).
    // Centred lines are balanced instead: the last line stretches like the others.
    out.items.push_back(last_line_stretch > 0 ? Item::glue(0, last_line_stretch, 0) : Item::fil_glue());
    out.items.push_back(Item::pen(-kInfPenalty));
  }

 private:
  void add_box(const Piece& p) {
    out.items.push_back(Item::box(p.width, static_cast<std::uint32_t>(out.pieces.size())));
    out.pieces.push_back(p);
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

}  // namespace

ParagraphItems collect_items(const std::vector<StyledText>& parts, const ParagraphShape& ps, shape::Shaper& shaper) {
  Collector b(shaper, ps);
  // About one box and one glue per word of five or six bytes, space included.
  std::size_t bytes = 0;
  for (const auto& part : parts) bytes += part.text.size();
  b.out.items.reserve(bytes / 3 + 8);
  b.out.pieces.reserve(bytes / 6 + 4);
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
      if (c == kSoftHyphen || c == kLineSeparator) {
        // Not drawn: the word ends here (the next part, if any, starts a new box).
        const bool after_word = word_part && word_begin < word_end;
        const StyledText* before = word_part;
        flush_word();
        if (c == kSoftHyphen && after_word && has_next && !is_space(next)) b.soft_hyphen(*before);
        if (c == kLineSeparator) {
          if (seen_word) b.line_break();
          word_part = nullptr;
          pending_space = pending_nbsp = false;
          space_part = nullptr;
        }
      } else if (is_space(c) || c == kNoBreakSpace) {
        flush_word();
        if (word_part) space_part = word_part;
        word_part = nullptr;
        if (!space_part) space_part = &part;
        pending_space = true;
        pending_nbsp = pending_nbsp || c == kNoBreakSpace || part.whole;
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
        if (break_after(c) && i > word_begin && next_ok() && !part.whole) {
          flush_word();
          b.out.items.push_back(Item::pen(kHyphenPenalty, 0, c != U'/'));
        }
      }
      if (!has_next) break;
      i = end;
      end = next_end;
      c = next;
    }
  }
  flush_word();
  b.finish(ps.align == style::Align::Center && !parts.empty() ? parts.back().size : 0);
  return std::move(b.out);
}

}  // namespace vanban::layout
