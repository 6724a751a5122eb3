#pragma once
/// HarfBuzz shaping (language vi, kerning on) with a cache keyed by word.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/shape/font.hpp"

namespace vanban::shape {

/// One shaped glyph, in font units.
struct ShapedGlyph {
  std::uint32_t gid = 0;
  std::int32_t x_advance = 0;
  std::int32_t x_offset = 0;
  std::int32_t y_offset = 0;
  std::uint32_t cluster = 0;  ///< byte offset of the glyph's cluster in the shaped text
};

/// A shaped piece of text, in font units.
struct Shaped {
  std::vector<ShapedGlyph> glyphs;
  std::int64_t advance = 0;  ///< sum of x_advance
};

/// Shapes words with HarfBuzz; each (font, text) pair is shaped once.
class Shaper {
 public:
  explicit Shaper(FontSet& fonts) : fonts_(fonts) {}
  /// Shapes `utf8` (NFC) with font `id`. The reference stays valid for the Shaper's life.
  const Shaped& shape(FontId id, std::string_view utf8);
  FontSet& fonts() const { return fonts_; }
  std::size_t cache_size() const { return cache_.size(); }

 private:
  Shaped shape_uncached(FontId id, std::string_view utf8);
  FontSet& fonts_;
  std::unordered_map<std::string, Shaped> cache_;  // key: font id (2 bytes) + text
};

}  // namespace vanban::shape
