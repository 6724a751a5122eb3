// The legacy Vietnamese encodings: every precomposed Vietnamese letter, both cases, encoded
// with the tables and decoded back exactly; known byte sequences from the code charts.
#include <gtest/gtest.h>

#include "pipeline/text/legacy.hpp"
#include "pipeline/text/unicode.hpp"

using namespace vanban::text;

namespace {

/// The 67 small precomposed letters of Vietnamese (7 modified letters + 12 vowels x 5 tones).
const std::string kSmall =
    "ăâêôơưđ"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";

std::vector<std::string> letters(const std::string& s) {
  std::vector<std::string> out;
  for (const char32_t c : decode(s)) out.push_back(encode(std::u32string(1, c)));
  return out;
}

}  // namespace

TEST(Legacy, AllLettersCount134) {
  const auto small = letters(kSmall);
  const auto big = letters(to_upper(kSmall));
  ASSERT_EQ(small.size() + big.size(), 134u);
  for (std::size_t k = 0; k < big.size(); ++k) EXPECT_NE(small[k], big[k]);
}

TEST(Legacy, EveryLetterRoundTripsInEachEncoding) {
  for (const Legacy e : {Legacy::tcvn3, Legacy::vni, Legacy::cp1258}) {
    for (const std::string& s : {kSmall, to_upper(kSmall)}) {
      const bool capitals = s != kSmall;
      for (const std::string& letter : letters(s)) {
        const auto bytes = utf8_to_legacy(letter, e);
        ASSERT_TRUE(bytes) << legacy_name(e) << " has no code for " << letter;
        // TCVN3 sets toned capitals with the small codes in a capitals font.
        EXPECT_EQ(legacy_to_utf8(*bytes, e, capitals && e == Legacy::tcvn3), letter) << legacy_name(e) << " " << letter;
      }
    }
  }
}

TEST(Legacy, KnownBytesFromTheCodeCharts) {
  // TCVN3: "Báo cáo" = B 0xB8 o / c 0xB8 o; "Đảng" = 0xA7 0xB6 n g.
  EXPECT_EQ(legacy_to_utf8("B\xB8o c\xB8o", Legacy::tcvn3), "Báo cáo");
  EXPECT_EQ(legacy_to_utf8("\xA7\xB6ng \xF1y", Legacy::tcvn3), "Đảng ủy");
  // VNI: "Việt Nam" = Vi e 0xE4 t; "Đảng" = 0xD1 a 0xFB n g; "ươ" = 0xF6 0xF4.
  EXPECT_EQ(legacy_to_utf8("Vie\xE4t Nam", Legacy::vni), "Việt Nam");
  EXPECT_EQ(legacy_to_utf8("\xD1" "a\xFBng", Legacy::vni), "Đảng");
  EXPECT_EQ(legacy_to_utf8("tr\xF6\xF4\xF8ng", Legacy::vni), "trường");
  // Windows-1258: tone marks are separate bytes after the letter; NFC composes them.
  EXPECT_EQ(legacy_to_utf8("Vi\xEA\xF2t Nam", Legacy::cp1258), "Việt Nam");
  EXPECT_EQ(legacy_to_utf8("\xD0\xE2\xCCu", Legacy::cp1258), "Đầu");
  EXPECT_TRUE(is_nfc_quick(legacy_to_utf8("Vi\xEA\xF2t Nam", Legacy::cp1258)));
}

TEST(Legacy, FontsNameTheirEncoding) {
  bool capitals = false;
  EXPECT_EQ(legacy_font(".VnTime", &capitals), Legacy::tcvn3);
  EXPECT_FALSE(capitals);
  EXPECT_EQ(legacy_font(".VnTimeH", &capitals), Legacy::tcvn3);
  EXPECT_TRUE(capitals);
  EXPECT_EQ(legacy_font("VNI-Times"), Legacy::vni);
  EXPECT_FALSE(legacy_font("Times New Roman"));
}

TEST(Legacy, GuessTellsTheEncodingsApart) {
  const std::string text = "Báo cáo chính trị của Ban Chấp hành Đảng bộ trình Đại hội lần thứ mười sáu, nhiệm kỳ tới";
  for (const Legacy e : {Legacy::tcvn3, Legacy::vni, Legacy::cp1258}) {
    const auto bytes = utf8_to_legacy(text, e);
    ASSERT_TRUE(bytes);
    EXPECT_EQ(guess_legacy(*bytes), e) << legacy_name(e);
    EXPECT_EQ(legacy_to_utf8(*bytes, e), text);
  }
}

TEST(Legacy, Windows1252BytesOfWordRuns) {
  EXPECT_EQ(windows1252_bytes("B\xC2\xB8o \xE2\x80\xA6"), std::string("B\xB8o \x85"));
  EXPECT_FALSE(windows1252_bytes("Đ"));
}
