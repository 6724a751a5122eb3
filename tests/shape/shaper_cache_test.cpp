// The Shaper's shortcuts against the plain path: words shaped together (shape_all) and by
// sibling Shapers on several threads must give exactly what HarfBuzz gives for each word
// alone, and record the same glyph texts; the coverage cache must agree with the font.
#include <gtest/gtest.h>
#include <hb.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/shape/font.hpp"
#include "pipeline/shape/glyph_text.hpp"
#include "pipeline/shape/shaper.hpp"

using namespace vanban::shape;

namespace {

std::string face_path(FaceStyle style) {
  std::string p = find_face("Liberation Serif", style);
  if (p.empty()) throw std::runtime_error("Liberation Serif is not installed (fonts-liberation2)");
  return p;
}

/// The plain path: `text` shaped alone by HarfBuzz with the Shaper's settings.
std::vector<ShapedGlyph> reference(const Font& font, const std::string& text) {
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_LATIN);
  hb_buffer_set_language(buf, hb_language_from_string("vi", -1));
  const hb_feature_t kern = {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
  hb_shape(font.hb_font(), buf, &kern, 1);
  unsigned int n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  std::vector<ShapedGlyph> out;
  for (unsigned int i = 0; i < n; ++i)
    out.push_back({info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset, info[i].cluster});
  hb_buffer_destroy(buf);
  return out;
}

/// Empty when `got` is `want`, else what differs.
std::string compare(const std::string& word, const Shaped& got, const std::vector<ShapedGlyph>& want) {
  std::ostringstream out;
  std::int64_t advance = 0;
  for (const auto& g : want) advance += g.x_advance;
  if (got.advance != advance) out << "advance " << got.advance << " != " << advance << "; ";
  if (got.glyphs.size() != want.size()) {
    out << got.glyphs.size() << " glyphs, not " << want.size();
  } else {
    for (std::size_t i = 0; i < want.size(); ++i) {
      const ShapedGlyph& a = got.glyphs[i];
      const ShapedGlyph& b = want[i];
      if (a.gid != b.gid || a.x_advance != b.x_advance || a.x_offset != b.x_offset || a.y_offset != b.y_offset ||
          a.cluster != b.cluster)
        out << "glyph " << i << " differs; ";
    }
  }
  const std::string s = out.str();
  return s.empty() ? s : "\"" + word + "\": " + s;
}

/// Words to shape: every token of the sample documents and golden inputs, and cases that
/// interact across a space or within a word (kerning pairs, ligatures, marks, punctuation).
std::vector<std::string> corpus() {
  std::vector<std::string> words = {
      "AV", "Ta", "To", "Te", "Yo", "LT", "P.", "V.", "W,", "“Đảng”", "‘a’", "fi", "ffl", "office", "1/2", "—", "–",
      "...", "…", "…………", "(", ")", "Ô", "Ở", "Ự", "ỹ", "Vie\u0323\u0302t", "\u0301a", "a\u0301", "\u0323",
      "x", "", "Đ", "ĐẢNG", "BCH", "12.345,6", "%", "§2", "TP.HCM", "https://vanban.vn/a-b", "a\u00A0b",
  };
  namespace fs = std::filesystem;
  for (const char* dir : {"/content", "/tests/golden"}) {
    for (const auto& e : fs::recursive_directory_iterator(std::string(VANBAN_SOURCE_DIR) + dir)) {
      if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
      std::ifstream in(e.path());
      for (std::string w; in >> w;) words.push_back(w);
    }
  }
  return words;
}

}  // namespace

TEST(ShapeAll, EachWordAsShapedAlone) {
  const std::vector<std::string> words = corpus();
  ASSERT_GT(words.size(), 5000u);
  for (const FaceStyle style : {FaceStyle::Regular, FaceStyle::Bold, FaceStyle::Italic}) {
    // Two font sets, so that the glyph texts recorded one way and the other can be compared.
    FontSet one, all;
    const FontId a = one.add(face_path(style));
    const FontId b = all.add(face_path(style));
    Shaper alone(one);
    for (const auto& w : words) ASSERT_EQ(compare(w, alone.shape(a, w), reference(one[a], w)), "");

    Shaper together(all);
    std::vector<std::string_view> texts(words.begin(), words.end());
    std::vector<const Shaped*> out(texts.size());
    together.shape_all(b, texts, out);
    for (std::size_t i = 0; i < words.size(); ++i) {
      ASSERT_NE(out[i], nullptr);
      ASSERT_EQ(compare(words[i], *out[i], reference(all[b], words[i])), "");
      EXPECT_EQ(out[i], &together.shape(b, words[i]));  // the same cache entry either way
    }
    EXPECT_EQ(glyph_texts(together)[b], glyph_texts(alone)[a]);
    EXPECT_EQ(together.cache_size(), alone.cache_size());
  }
}

TEST(ShapeAll, KnownAndNewWordsMixed) {
  FontSet set;
  const FontId id = set.add(face_path(FaceStyle::Regular));
  Shaper shaper(set);
  const Shaped& dang = shaper.shape(id, "Đảng");
  const std::vector<std::string_view> texts = {"bộ", "Đảng", "bộ", "xã", "Đảng", "AV"};
  std::vector<const Shaped*> out(texts.size());
  shaper.shape_all(id, texts, out);
  EXPECT_EQ(out[1], &dang);
  EXPECT_EQ(out[4], &dang);
  EXPECT_EQ(out[0], out[2]);  // a text given twice is shaped once
  EXPECT_EQ(shaper.cache_size(), 4u);
  for (std::size_t i = 0; i < texts.size(); ++i)
    EXPECT_EQ(compare(std::string(texts[i]), *out[i], reference(set[id], std::string(texts[i]))), "");
}

TEST(ShapeAll, UnknownFontIdThrows) {
  FontSet set;
  Shaper shaper(set);
  const std::vector<std::string_view> texts = {"a"};
  std::vector<const Shaped*> out(1);
  EXPECT_THROW(shaper.shape_all(2, texts, out), std::out_of_range);
}

TEST(Sibling, SharesShapedWords) {
  FontSet set;
  const FontId id = set.add(face_path(FaceStyle::Regular));
  Shaper first(set);
  Shaper second = first.sibling();
  const Shaped& a = first.shape(id, "Đảng");
  EXPECT_EQ(&second.shape(id, "Đảng"), &a);  // shaped once for both
  EXPECT_EQ(second.cache_size(), 1u);
  second.shape(id, "bộ");
  EXPECT_EQ(first.cache_size(), 2u);
}

TEST(Sibling, ThreadsGetWhatOneThreadGets) {
  std::vector<std::string> words = corpus();
  words.resize(std::min<std::size_t>(words.size(), 4000));
  // One thread, plain Shaper.
  FontSet one;
  const FontId a = one.add(face_path(FaceStyle::Regular));
  Shaper alone(one);
  for (const auto& w : words) alone.shape(a, w);
  // Four siblings on four threads, each with the words in another order, by whole lists
  // and one by one, so that they meet (and shape) the same words at the same time.
  FontSet set;
  const FontId b = set.add(face_path(FaceStyle::Regular));
  Shaper root(set);
  std::vector<std::string> failures(4);
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&, t, shaper = root.sibling()]() mutable {
      std::vector<std::string> mine = words;
      std::shuffle(mine.begin(), mine.end(), std::mt19937(static_cast<unsigned>(t)));
      for (std::size_t at = 0; at < mine.size(); at += 97) {
        const std::size_t n = std::min<std::size_t>(97, mine.size() - at);
        std::vector<std::string_view> texts(mine.begin() + static_cast<std::ptrdiff_t>(at),
                                            mine.begin() + static_cast<std::ptrdiff_t>(at + n));
        std::vector<const Shaped*> out(n);
        if (t % 2 == 0) {
          shaper.shape_all(b, texts, out);
        } else {
          for (std::size_t i = 0; i < n; ++i) out[i] = &shaper.shape(b, texts[i]);
        }
        for (std::size_t i = 0; i < n; ++i) {
          const std::string diff = compare(std::string(texts[i]), *out[i], reference(set[b], std::string(texts[i])));
          if (!diff.empty() && failures[t].empty()) failures[t] = diff;
        }
      }
    });
  }
  for (auto& t : pool) t.join();
  for (const auto& f : failures) EXPECT_EQ(f, "");
  EXPECT_EQ(glyph_texts(root)[b], glyph_texts(alone)[a]);
  std::vector<std::string> distinct = words;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  EXPECT_EQ(root.cache_size(), distinct.size());  // each word stored once for all four
}

TEST(Coverage, CacheAgreesWithTheFont) {
  FontSet set;
  const FontId r = set.add(face_path(FaceStyle::Regular));
  const FontId b = set.add(face_path(FaceStyle::Bold));
  Shaper shaper(set);
  for (int pass = 0; pass < 2; ++pass) {  // the second pass answers from the cache
    for (const FontId id : {r, b}) {
      for (char32_t c = 0; c < 0x3100; ++c)
        ASSERT_EQ(shaper.covers(id, c), set[id].covers(c)) << std::hex << static_cast<std::uint32_t>(c);
      for (const char32_t c : {U'\u4E00', U'\U0001F600', U'\uFB01', U'\U0010FFFF'})
        ASSERT_EQ(shaper.covers(id, c), set[id].covers(c)) << std::hex << static_cast<std::uint32_t>(c);
    }
  }
  // Known: printable characters the font has, never a control character (even one the
  // cmap maps), nor one the font lacks.
  EXPECT_TRUE(shaper.known_to_cover(r, U'ệ'));
  EXPECT_TRUE(shaper.known_to_cover(b, U'A'));
  for (char32_t c = 0; c < 0x20; ++c) EXPECT_FALSE(shaper.known_to_cover(r, c)) << std::hex << static_cast<std::uint32_t>(c);
  for (char32_t c = 0x7F; c < 0xA0; ++c) EXPECT_FALSE(shaper.known_to_cover(r, c)) << std::hex << static_cast<std::uint32_t>(c);
  EXPECT_FALSE(shaper.known_to_cover(r, U'\u4E00'));
  EXPECT_FALSE(shaper.known_to_cover(7, U'A'));  // no such font: nothing known
}

TEST(GlyphText, WordRecordsFollowClusters) {
  // A decomposed "e + U+0323 + U+0302" is one cluster: whatever glyphs HarfBuzz gives it,
  // the records give back each character of the word exactly once, in order, and are those
  // glyph_texts gathers from the Shaper.
  FontSet set;
  const FontId id = set.add(face_path(FaceStyle::Regular));
  Shaper shaper(set);
  const std::string word = "vie\u0323\u0302t";
  const Shaped& s = shaper.shape(id, word);
  GlyphTexts texts;
  std::vector<char32_t> noted;
  note_word_glyphs(texts, s, word, noted);
  std::u32string back;
  for (const auto& g : s.glyphs) back += texts.at(g.gid);
  EXPECT_EQ(back, U"vie\u0323\u0302t");
  EXPECT_EQ(glyph_texts(shaper)[id], texts);
}
