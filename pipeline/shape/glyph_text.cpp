/// The glyph -> text records of shaped words, for the PDF's ToUnicode map.
#include "pipeline/shape/glyph_text.hpp"

#include "pipeline/text/unicode.hpp"

namespace vanban::shape {

void note_glyph_text(GlyphTexts& texts, std::uint32_t gid, std::u32string_view text) {
  const auto it = texts.lower_bound(gid);
  if (it == texts.end() || it->first != gid) {
    texts.emplace_hint(it, gid, text);
    return;
  }
  // Most records repeat what is kept: compare before copying anything.
  const std::u32string_view old = it->second;
  const bool better = old.empty() ? !text.empty()
                                  : !text.empty() && (text.size() < old.size() ||
                                                      (text.size() == old.size() && text < old));
  if (better) it->second.assign(text);
}

void note_word_glyphs(GlyphTexts& texts, const Shaped& shaped, std::string_view word, std::vector<char32_t>& noted) {
  // LTR: clusters ascend. The word's code points are decoded cluster by cluster into one
  // buffer (kept by the thread: there are thousands of words).
  thread_local std::u32string decoded;
  const std::vector<ShapedGlyph>& glyphs = shaped.glyphs;
  const std::size_t count = glyphs.size();
  for (std::size_t i = 0; i < count;) {
    std::size_t j = i + 1;
    while (j < count && glyphs[j].cluster == glyphs[i].cluster) ++j;
    const std::size_t begin = glyphs[i].cluster;
    const std::size_t end = j < count ? glyphs[j].cluster : word.size();
    decoded.clear();
    if (begin < end) text::append_decoded(word.substr(begin, end - begin), decoded);
    const std::u32string_view text = decoded;
    const std::size_t n = j - i;
    if (n == text.size()) {
      for (std::size_t k = 0; k < n; ++k) {
        const std::uint32_t gid = glyphs[i + k].gid;
        if (gid < noted.size() && noted[gid] == text[k]) continue;
        note_glyph_text(texts, gid, text.substr(k, 1));
        if (gid < noted.size()) noted[gid] = text[k];
      }
    } else {
      note_glyph_text(texts, glyphs[i].gid, text);
      for (std::size_t k = 1; k < n; ++k) note_glyph_text(texts, glyphs[i + k].gid, {});
    }
    i = j;
  }
}

std::vector<GlyphTexts> glyph_texts(const Shaper& shaper) {
  std::vector<GlyphTexts> out(shaper.fonts().fonts.size());
  std::vector<std::vector<char32_t>> noted(out.size());
  shaper.visit_words([&](FontId id, std::string_view word, const Shaped& shaped) {
    if (noted[id].empty()) noted[id].assign(hb_face_get_glyph_count(shaper.fonts()[id].hb_face()), 0);
    note_word_glyphs(out[id], shaped, word, noted[id]);
  });
  return out;
}

}  // namespace vanban::shape
