/// HarfBuzz shaping with a per-(font, word) cache, and the glyph -> text record for ToUnicode.
#include "pipeline/shape/shaper.hpp"

#include <hb.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace vanban::shape {

namespace {

/// Decodes UTF-8 into code points; an ill-formed byte becomes U+FFFD, as HarfBuzz does.
/// (Own decoder: this stage does not link utf8proc, and the input is NFC from the loader.)
std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = 0;
    char32_t cp = 0;
    if (b0 < 0x80) { len = 1; cp = b0; }
    else if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1Fu; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0Fu; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07u; }
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((b & 0xC0) != 0x80) ok = false;
      else cp = (cp << 6) | (b & 0x3Fu);
    }
    if (!ok) { out.push_back(0xFFFD); ++i; continue; }
    out.push_back(cp);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

struct BufferDeleter {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

}  // namespace

const Shaped& Shaper::shape(FontId id, std::string_view utf8) {
  // The key is built in a buffer kept by the thread, so a hit (most calls) allocates nothing.
  thread_local std::string key;
  key.clear();
  key += static_cast<char>(id & 0xFF);
  key += static_cast<char>(id >> 8);
  key += utf8;
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  // unordered_map nodes never move, so the returned reference outlives later insertions.
  return cache_.emplace(key, shape_uncached(id, utf8)).first->second;
}

Shaped Shaper::shape_uncached(FontId id, std::string_view utf8) {
  if (id >= fonts_.fonts.size()) throw std::out_of_range("Shaper: no font with id " + std::to_string(id));
  Font& font = fonts_[id];
  // One buffer per thread, emptied for each word (hb_buffer_t is not shared between threads).
  thread_local const std::unique_ptr<hb_buffer_t, BufferDeleter> buf(hb_buffer_create());
  static const hb_language_t vietnamese = hb_language_from_string("vi", -1);
  hb_buffer_clear_contents(buf.get());
  const auto len = static_cast<int>(utf8.size());
  hb_buffer_add_utf8(buf.get(), utf8.data(), len, 0, len);
  hb_buffer_set_direction(buf.get(), HB_DIRECTION_LTR);
  hb_buffer_set_script(buf.get(), HB_SCRIPT_LATIN);
  hb_buffer_set_language(buf.get(), vietnamese);
  // Kerning is on by default; say so anyway, so the intent survives a change of defaults.
  const hb_feature_t features[] = {{HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END}};
  hb_shape(font.hb_font(), buf.get(), features, 1);

  unsigned int n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &n);

  Shaped out;
  out.glyphs.reserve(n);
  for (unsigned int i = 0; i < n; ++i) {
    ShapedGlyph g;
    g.gid = info[i].codepoint;
    g.x_advance = pos[i].x_advance;
    g.x_offset = pos[i].x_offset;
    g.y_offset = pos[i].y_offset;
    g.cluster = info[i].cluster;
    out.advance += g.x_advance;
    out.glyphs.push_back(g);
  }

  // Glyph -> text for the PDF's ToUnicode map, cluster by cluster (LTR: clusters ascend).
  // The rule (feasibility §2): n glyphs for n code points -> 1:1; one glyph -> the whole
  // cluster (a precomposed letter from base + marks, or a ligature); otherwise the first
  // glyph carries the whole cluster and the others nothing, so copying gives each
  // character exactly once.
  for (unsigned int i = 0; i < n;) {
    unsigned int j = i + 1;
    while (j < n && info[j].cluster == info[i].cluster) ++j;
    const std::size_t begin = info[i].cluster;
    const std::size_t end = j < n ? info[j].cluster : utf8.size();
    const std::u32string text = begin < end ? decode_utf8(utf8.substr(begin, end - begin)) : std::u32string{};
    const unsigned int count = j - i;
    if (count == text.size()) {
      for (unsigned int k = 0; k < count; ++k) font.note_glyph_text(info[i + k].codepoint, text.substr(k, 1));
    } else {
      font.note_glyph_text(info[i].codepoint, text);
      for (unsigned int k = 1; k < count; ++k) font.note_glyph_text(info[i + k].codepoint, {});
    }
    i = j;
  }
  return out;
}

}  // namespace vanban::shape
