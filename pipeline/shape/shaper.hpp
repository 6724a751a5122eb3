#pragma once
/// HarfBuzz shaping (language vi, kerning on) with a cache keyed by word.
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
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

/// Hash of a text, for the word tables (a word is a few bytes: eight at a time, then the rest).
struct TextHash {
  using is_transparent = void;  ///< lets the tables be searched with a string_view
  /// The hash of `s`.
  std::size_t operator()(std::string_view s) const noexcept;
};

/// Shapes words with HarfBuzz; each (font, text) pair is shaped once.
///
/// One Shaper is used by one thread at a time. Shapers made with sibling() share the shaped
/// words (behind a mutex), so that paragraphs set on several threads mostly shape each word
/// once (two siblings meeting a new word at the same moment both shape it, and the first
/// result stored is kept: no thread ever waits for another's shaping); each keeps its own
/// table of the words it has already met, so a repeated word costs one lookup without a
/// lock. The result never depends on which Shaper shaped a word first.
class Shaper {
 public:
  /// A Shaper with a store of shaped words of its own.
  explicit Shaper(FontSet& fonts);
  ~Shaper();
  Shaper(Shaper&&) noexcept;
  Shaper& operator=(Shaper&&) noexcept;
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  /// A Shaper for another thread that shares this one's shaped words.
  Shaper sibling() const;

  /// Shapes `utf8` (NFC) with font `id`. The reference stays valid while any Shaper that
  /// shares the words lives.
  const Shaped& shape(FontId id, std::string_view utf8);
  /// shape() for each of `texts` with font `id`: out[i] = &shape(id, texts[i]). The texts not
  /// shaped yet are shaped together, in a few HarfBuzz runs for all of them, with the same
  /// result as one by one (a paragraph's words are given at once for this).
  void shape_all(FontId id, std::span<const std::string_view> texts, std::span<const Shaped*> out);
  /// Font::covers, remembered per code point (coverage is checked for every character).
  bool covers(FontId id, char32_t cp) { return known_to_cover(id, cp) || covers_slow(id, cp); }
  /// True when covers(id, cp) has already been true for this printable character: a quick
  /// test first (control characters, U+0000..U+001F and U+007F..U+009F, are never known,
  /// so that a check may report them whether the font has a glyph for them or not).
  bool known_to_cover(FontId id, char32_t cp) const {
    const std::size_t word = std::size_t{id} * kCoverageWords + cp / 64;
    return cp < kCoverageBits && word < covered_.size() && (covered_[word] >> (cp % 64) & 1u);
  }
  /// known_to_cover for the 128 ASCII characters at once: bit c % 64 of word c / 64 (a
  /// text's bytes can then be tested without decoding them).
  std::array<std::uint64_t, 2> known_ascii(FontId id) const {
    const std::size_t word = std::size_t{id} * kCoverageWords;
    if (word >= covered_.size()) return {0, 0};
    return {covered_[word], covered_[word + 1]};
  }
  FontSet& fonts() const { return *fonts_; }
  /// Calls `visit(font, text, shaped)` for every word shaped so far by this Shaper and its
  /// siblings, in no particular order (the glyph -> text records are made from them).
  void visit_words(const std::function<void(FontId, std::string_view, const Shaped&)>& visit) const;
  /// Number of (font, text) pairs shaped so far by this Shaper and its siblings.
  std::size_t cache_size() const;

 private:
  struct Store;
  /// This Shaper's own table (font, text) -> shaped word: open addressing, no allocation
  /// per entry. The texts it views are the store's copies, which never move.
  class Seen {
   public:
    const Shaped* find(FontId id, std::string_view text, std::size_t hash) const;
    void insert(FontId id, std::string_view text, std::size_t hash, const Shaped* shaped);

   private:
    struct Slot {
      std::size_t hash = 0;
      const char* text = nullptr;
      std::uint32_t size = 0;
      FontId font = 0;
      const Shaped* shaped = nullptr;  ///< null: an empty slot
    };
    std::vector<Slot> slots_;  ///< a power of two of them, at most half used
    std::size_t used_ = 0;
  };

  Shaper(FontSet& fonts, std::shared_ptr<Store> store);
  bool covers_slow(FontId id, char32_t cp);

  FontSet* fonts_;
  std::shared_ptr<Store> store_;
  Seen seen_;
  /// Per font, kCoverageWords words: one bit per code point below kCoverageBits known to be
  /// covered (only successes are kept: a missing character ends the build).
  std::vector<std::uint64_t> covered_;
  static constexpr char32_t kCoverageBits = 0x3000;
  static constexpr std::size_t kCoverageWords = kCoverageBits / 64;
};

}  // namespace vanban::shape
