// Font lookup, coverage and HarfBuzz shaping with the glyph -> text record.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <thread>
#include <vector>
#include <string>

#include "pipeline/shape/font.hpp"
#include "pipeline/shape/glyph_text.hpp"
#include "pipeline/shape/shaper.hpp"

using namespace vanban::shape;

namespace {

std::string regular_path() {
  std::string p = find_face("Liberation Serif", FaceStyle::Regular);
  if (p.empty()) throw std::runtime_error("Liberation Serif is not installed (fonts-liberation2)");
  return p;
}

// Encodes code points as UTF-8 (test helper; the stage has its own decoder).
std::string utf8(std::u32string_view cps) {
  std::string out;
  for (char32_t c : cps) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

}  // namespace

TEST(FindFace, LiberationSerifHasFourDistinctFaces) {
  const std::string r = find_face("Liberation Serif", FaceStyle::Regular);
  const std::string b = find_face("Liberation Serif", FaceStyle::Bold);
  const std::string i = find_face("Liberation Serif", FaceStyle::Italic);
  const std::string bi = find_face("Liberation Serif", FaceStyle::BoldItalic);
  EXPECT_NE(r.find("LiberationSerif-Regular"), std::string::npos) << r;
  EXPECT_NE(b.find("LiberationSerif-Bold."), std::string::npos) << b;
  EXPECT_NE(i.find("LiberationSerif-Italic"), std::string::npos) << i;
  EXPECT_NE(bi.find("LiberationSerif-BoldItalic"), std::string::npos) << bi;
  // Case does not matter in the family name.
  EXPECT_EQ(find_face("liberation serif", FaceStyle::Bold), b);
}

TEST(FindFace, MissingFamilyIsNotSubstituted) {
  // fontconfig answers "Times New Roman" with its metric alias Liberation Serif (or DejaVu);
  // find_face must refuse the substitute so the caller can report the missing font.
  const std::string tnr = find_face("Times New Roman", FaceStyle::Regular);
  if (tnr.find("imes") != std::string::npos) GTEST_SKIP() << "Times New Roman is installed: " << tnr;
  EXPECT_EQ(tnr, "");
  EXPECT_EQ(find_face("No Such Family Vanban", FaceStyle::Regular), "");
}

TEST(Font, OpensAndReadsMetrics) {
  Font f(regular_path());
  EXPECT_EQ(f.postscript_name(), "LiberationSerif");
  EXPECT_EQ(f.upem(), 2048u);
  EXPECT_GT(f.ascender(), 0);
  EXPECT_LT(f.descender(), 0);
  EXPECT_GT(f.cap_height(), 0);
  EXPECT_LT(f.cap_height(), f.ascender());
}

TEST(Font, MissingOrBrokenFileThrowsWithPath) {
  try {
    Font f("/nonexistent/font.ttf");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/font.ttf"), std::string::npos);
  }
  // A file that exists but is not a font.
  EXPECT_THROW(Font(VANBAN_SOURCE_DIR "/CMakeLists.txt"), std::runtime_error);
}

TEST(Font, CoversVietnameseNotCjk) {
  Font f(regular_path());
  EXPECT_TRUE(f.covers(U'ệ'));
  EXPECT_TRUE(f.covers(U'Đ'));
  EXPECT_TRUE(f.covers(U'ự'));
  EXPECT_FALSE(f.covers(U'\u4E00'));  // CJK ideograph "one"
}

TEST(FontSet, AddDedupesByPath) {
  FontSet set;
  const FontId a = set.add(regular_path());
  const FontId b = set.add(find_face("Liberation Serif", FaceStyle::Bold));
  const FontId c = set.add(regular_path());
  EXPECT_EQ(a, 0);
  EXPECT_EQ(b, 1);
  EXPECT_EQ(c, a);
  EXPECT_EQ(set.fonts.size(), 2u);
}

TEST(Shaper, VietNamGlyphsAndTextRoundTrip) {
  FontSet set;
  const FontId id = set.add(regular_path());
  Shaper shaper(set);
  const std::string input = "Việt Nam";
  const Shaped& s = shaper.shape(id, input);
  ASSERT_EQ(s.glyphs.size(), 8u);
  std::int64_t sum = 0;
  std::u32string back;
  const GlyphTexts texts = glyph_texts(shaper)[id];
  for (const auto& g : s.glyphs) {
    EXPECT_GT(g.x_advance, 0) << "gid " << g.gid;
    EXPECT_NE(g.gid, 0u) << "notdef";
    sum += g.x_advance;
    back += texts.at(g.gid);
  }
  EXPECT_EQ(sum, s.advance);
  EXPECT_EQ(utf8(back), input);
  // Cluster offsets are byte offsets: "ệ" is 3 bytes, so 't' starts at byte 5.
  EXPECT_EQ(s.glyphs[2].cluster, 2u);
  EXPECT_EQ(s.glyphs[3].cluster, 5u);
}

TEST(Shaper, LongerVietnameseTextRoundTrips) {
  FontSet set;
  const FontId id = set.add(regular_path());
  Shaper shaper(set);
  const std::string input = "Đảng Cộng sản Việt Nam — ệ ỗ ự ầ ẩ ặ ễ ế ể ạ ị ộ";
  const Shaped& s = shaper.shape(id, input);
  std::u32string back;
  const GlyphTexts texts = glyph_texts(shaper)[id];
  for (const auto& g : s.glyphs) back += texts.at(g.gid);
  EXPECT_EQ(utf8(back), input);
}

TEST(Shaper, NfdShapesLikeNfc) {
  FontSet set;
  const FontId id = set.add(regular_path());
  Shaper shaper(set);
  // "Việt Nguyễn": NFC (precomposed) and NFD (base + dot below U+0323 + circumflex U+0302, ...).
  const std::string nfc = utf8(U"Vi\u1EC7t Nguy\u1EC5n");
  const std::string nfd = utf8(U"Vie\u0323\u0302t Nguye\u0302\u0303n");
  ASSERT_NE(nfc, nfd);
  const Shaped a = shaper.shape(id, nfc);
  const Shaped b = shaper.shape(id, nfd);
  ASSERT_EQ(a.glyphs.size(), b.glyphs.size());
  for (std::size_t i = 0; i < a.glyphs.size(); ++i) {
    EXPECT_EQ(a.glyphs[i].gid, b.glyphs[i].gid) << i;
    EXPECT_EQ(a.glyphs[i].x_advance, b.glyphs[i].x_advance) << i;
  }
  // The glyph of "ệ" stands for the precomposed letter (the shorter text of the two).
  EXPECT_EQ(glyph_texts(shaper)[id].at(a.glyphs[2].gid), U"\u1EC7");
}

TEST(Shaper, CacheReturnsSameObjectPerFontAndWord) {
  FontSet set;
  const FontId r = set.add(regular_path());
  const FontId b = set.add(find_face("Liberation Serif", FaceStyle::Bold));
  Shaper shaper(set);
  const Shaped* first = &shaper.shape(r, "Đảng");
  for (int i = 0; i < 100; ++i) shaper.shape(r, "từ" + std::to_string(i));  // force rehashing
  EXPECT_EQ(&shaper.shape(r, "Đảng"), first);
  const Shaped* bold = &shaper.shape(b, "Đảng");
  EXPECT_NE(bold, first);
  EXPECT_EQ(shaper.cache_size(), 102u);
}

TEST(Shaper, KerningIsApplied) {
  FontSet set;
  const FontId id = set.add(regular_path());
  Shaper shaper(set);
  // Liberation Serif 2.1 kerns both pairs in GPOS (checked with kern on/off: AV 2694 vs 2958 units).
  for (const char* pair : {"AV", "Ta"}) {
    const Shaped& s = shaper.shape(id, pair);
    ASSERT_EQ(s.glyphs.size(), 2u);
    const std::int64_t nominal = set[id].advance(s.glyphs[0].gid) + set[id].advance(s.glyphs[1].gid);
    EXPECT_LT(s.advance, nominal) << pair;
  }
}

TEST(Shaper, EmptyTextGivesNoGlyphs) {
  FontSet set;
  const FontId id = set.add(regular_path());
  Shaper shaper(set);
  const Shaped& s = shaper.shape(id, "");
  EXPECT_TRUE(s.glyphs.empty());
  EXPECT_EQ(s.advance, 0);
}

TEST(Shaper, UnknownFontIdThrows) {
  FontSet set;
  Shaper shaper(set);
  EXPECT_THROW(shaper.shape(3, "a"), std::out_of_range);
}

TEST(GlyphText, KeptRecordDoesNotDependOnOrder) {
  // Paragraphs are shaped on several threads, so records arrive in any order: the same set
  // of records must leave the same text, whatever the order.
  const std::vector<std::u32string> records = {U"", U"ab", U"b", U"a", U"abc", U""};
  std::vector<std::size_t> order(records.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  do {
    GlyphTexts texts;
    for (std::size_t i : order) note_glyph_text(texts, 7, records[i]);
    ASSERT_EQ(texts.at(7), U"a");
  } while (std::next_permutation(order.begin(), order.end()));
  GlyphTexts texts;
  note_glyph_text(texts, 8, U"");
  EXPECT_EQ(texts.at(8), U"");  // a glyph with no text of its own stays empty
}

TEST(GlyphText, ShapingOnTwoThreadsRecordsLikeOne) {
  const std::string text = utf8(U"Nghị quyết Đại hội Đảng bộ khóa XXV, nhiệm kỳ 2025–2030; “đoàn kết”");
  const auto record = [&](int threads) {
    FontSet set;
    const FontId id = set.add(regular_path());
    Shaper root(set);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([id, &text, shaper = root.sibling()]() mutable {
        for (std::size_t start = 0; start < text.size(); start += 7) shaper.shape(id, text.substr(start, 11));
      });
    for (auto& t : pool) t.join();
    return glyph_texts(root)[id];
  };
  EXPECT_EQ(record(4), record(1));
}
