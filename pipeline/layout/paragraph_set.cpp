/// Set, the last phase of setting a paragraph: the chosen lines -> positioned glyph runs.
#include <algorithm>
#include <cmath>

#include "pipeline/layout/inline_phases.hpp"

namespace vanban::layout {

namespace {

/// A box of the line: its item, where it starts, whether glue came before it (a space in
/// the line's text).
struct Box {
  std::size_t item = 0;
  std::uint32_t piece = 0;  ///< what it draws (a word, or the hyphen of a soft hyphen taken)
  Sp x = 0;
  Sp width = 0;
  bool space_before = false;
};

/// The glyph count and text size of one run of one font and size, to size it exactly.
struct RunSize {
  std::size_t glyphs = 0, text = 0;
};

/// The boxes of one line, placed (pass 1 of set_line).
struct PlacedBoxes {
  std::vector<Box>& boxes;         ///< (scratch vectors kept by the thread: a document has thousands of lines)
  std::vector<RunSize>& run_sizes;
  std::size_t text_size = 0;
  Sp natural = 0;                  ///< natural width of the material
};

bool same_run(const Piece& a, const Piece& b) {
  return a.font == b.font && a.size == b.size && a.underline == b.underline;
}

/// Adds `box` to the line, counting its glyphs and text into its run.
void add_box(PlacedBoxes& out, const std::vector<Piece>& pieces, const Box& box) {
  const Piece& p = pieces[box.piece];
  if (out.boxes.empty() || !same_run(pieces[out.boxes.back().piece], p)) out.run_sizes.emplace_back();
  out.run_sizes.back().glyphs += p.shaped->glyphs.size();
  out.run_sizes.back().text += p.text.size() + 1;
  out.text_size += p.text.size() + 1;
  out.boxes.push_back(box);
}

/// Pass 1: x of each box of `line` with its glue set by `ratio`, and the size of each run.
PlacedBoxes place_boxes(const std::vector<Item>& items, const std::vector<Piece>& pieces, const Line& line,
                        double ratio, bool justify) {
  thread_local std::vector<Box> boxes;
  thread_local std::vector<RunSize> run_sizes;
  boxes.clear();
  run_sizes.clear();
  PlacedBoxes out{boxes, run_sizes};
  Sp x = 0;
  // Glue is adjusted from running totals, so rounding never adds up: the line ends
  // exactly where r says, not a few sp past the measure.
  Sp stretch_seen = 0, shrink_seen = 0, adjusted = 0;
  bool pending_space = false;
  for (std::size_t i = line.begin; i < line.end && i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.type == Item::Type::Box) {
      if (it.payload != kNoPiece) add_box(out, pieces, {i, it.payload, x, it.width, pending_space});
      pending_space = false;
      x += it.width;
      out.natural += it.width;
    } else if (it.type == Item::Type::Glue) {
      if (it.fil) continue;
      Sp w = it.width;
      if (justify && ratio != 0) {
        stretch_seen += it.stretch;
        shrink_seen += it.shrink;
        const double total = static_cast<double>(ratio > 0 ? stretch_seen : shrink_seen);
        const Sp target = static_cast<Sp>(std::floor(ratio * total));  // floor: never past the measure
        w += target - adjusted;
        adjusted = target;
      }
      x += w;
      out.natural += it.width;
      pending_space = true;
    }
  }
  // A line broken at a soft hyphen ends with the hyphen.
  if (line.end < items.size() && items[line.end].type == Item::Type::Penalty && items[line.end].payload != 0) {
    const Item& hyphen = items[line.end];
    add_box(out, pieces, {line.end, hyphen.payload - 1, x, hyphen.width, false});
    out.natural += hyphen.width;
  }
  return out;
}

}  // namespace

SetLine set_line(const std::vector<Item>& items, const std::vector<Piece>& pieces, const Line& line,
                 const ParagraphShape& ps, shape::FontSet& fonts) {
  SetLine out;
  // An overfull line reports r < -1; glue never shrinks past its limit (TeX does the same).
  out.ratio = std::max(line.ratio, -1.0);
  const PlacedBoxes placed = place_boxes(items, pieces, line, out.ratio, ps.align == style::Align::Justify);
  const std::vector<Box>& boxes = placed.boxes;
  // The material ends at the last box (trailing glue is not material).
  const Sp set_width = boxes.empty() ? 0 : boxes.back().x + boxes.back().width;
  out.natural = placed.natural;
  Sp offset = 0;
  if (ps.align == style::Align::Center) offset = (ps.measure - set_width) / 2;
  else if (ps.align == style::Align::Right) offset = ps.measure - set_width;

  // Pass 2: the line's text, and the glyphs merged into one run per font and size. The
  // runs' glyph vectors (and texts) are sized exactly first: a long document holds
  // millions of glyphs, and growing by doubling would leave a third of that memory unused.
  out.text.reserve(placed.text_size);
  out.runs.reserve(placed.run_sizes.size());
  for (std::size_t k = 0; k < boxes.size(); ++k) {
    const Box& box = boxes[k];
    const Piece& p = pieces[box.piece];
    if (box.space_before && !out.text.empty()) out.text += ' ';
    out.text += p.text;
    if (k == 0 || !same_run(pieces[boxes[k - 1].piece], p)) {
      TextRun run;
      run.font = p.font;
      run.size = p.size;
      run.x = offset + box.x;
      run.underline = p.underline;
      run.glyphs.reserve(placed.run_sizes[out.runs.size()].glyphs);
      run.text.reserve(placed.run_sizes[out.runs.size()].text);
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

}  // namespace vanban::layout
