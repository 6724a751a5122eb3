/// Shape, the second phase of setting a paragraph: the words' glyphs and widths.
#include <string_view>

#include "pipeline/layout/inline_phases.hpp"

namespace vanban::layout {

namespace {

/// Breaking inside a word that is wider than the measure: allowed, but only as a last resort.
constexpr int kInWordPenalty = 5000;

/// Shapes the boxes of one paragraph.
class Shaping {
 public:
  Shaping(ParagraphItems& p, shape::Shaper& shaper, const ParagraphShape& ps)
      : items(p.items), pieces(p.pieces), split_words(p.split_words), shaper_(shaper), ps_(ps) {}

  std::vector<Item>& items;
  std::vector<Piece>& pieces;
  bool& split_words;

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
      if (it.type == Item::Type::Penalty && it.payload != 0) it.width = pieces[it.payload - 1].width;  // a soft hyphen
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

  shape::Shaper& shaper_;
  const ParagraphShape& ps_;
};

}  // namespace

void shape_items(ParagraphItems& p, const ParagraphShape& ps, shape::Shaper& shaper) {
  Shaping(p, shaper, ps).shape_words();
}

}  // namespace vanban::layout
