#include <gtest/gtest.h>

#include "pipeline/text/unicode.hpp"

using namespace vanban::text;

TEST(Nfc, ComposesDecomposedVietnamese) {
  // "giám sát" typed with combining acute (U+0301), as the seed has it.
  const std::string nfd = "gia\xCC\x81m sa\xCC\x81t";
  EXPECT_EQ(nfc(nfd), "giám sát");
  // ệ as e + circumflex (U+0302) + dot below (U+0323), marks in either order.
  EXPECT_EQ(nfc("e\xCC\x82\xCC\xA3"), "ệ");
  EXPECT_EQ(nfc("e\xCC\xA3\xCC\x82"), "ệ");
}

TEST(Nfc, LeavesNfcAndAsciiAlone) {
  EXPECT_EQ(nfc("Đảng Cộng sản Việt Nam"), "Đảng Cộng sản Việt Nam");
  EXPECT_EQ(nfc(""), "");
  // q + dot below has no precomposed form: NFC keeps the combining mark.
  EXPECT_EQ(nfc("q\xCC\xA3"), "q\xCC\xA3");
}

TEST(Nfc, RejectsInvalidUtf8) {
  EXPECT_THROW(nfc("ab\xFF"), std::invalid_argument);
  EXPECT_EQ(invalid_utf8_at("ab\xFF"), 2u);
  EXPECT_TRUE(valid_utf8("Việt"));
  EXPECT_FALSE(valid_utf8("\xC3"));  // truncated sequence
}

TEST(Utf8, RoundTripsCodePoints) {
  const std::u32string cps = U"Ưu tiên “đổi mới” – 100%";
  EXPECT_EQ(decode(encode(cps)), cps);
  EXPECT_EQ(codepoint_name(0x1EC7), "U+1EC7");
  EXPECT_EQ(codepoint_name(0x4E2D), "U+4E2D");
}

TEST(Case, UpperAndLowerVietnamese) {
  EXPECT_EQ(to_upper("kết quả thực hiện nghị quyết đại hội"), "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI");
  EXPECT_EQ(to_lower("ĐẢNG ỦY"), "đảng ủy");
  EXPECT_EQ(to_upper("…., 20…"), "…., 20…");
}
