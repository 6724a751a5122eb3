#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>
#include <vector>

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

// nfc() skips utf8proc for text made only of "inert" code points: check that set against
// utf8proc itself. Each inert code point is NFC on its own, has combining class 0, and is
// never the second half of a composition: after any starter below U+3400 (every letter a
// Vietnamese, Latin, Greek, Cyrillic or Indic text can start a pair with, and the Hangul
// jamo), appending it changes nothing before it.
TEST(Nfc, QuickCheckSetIsInert) {
  const auto slow_nfc = [](const std::string& s) {
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                static_cast<utf8proc_ssize_t>(s.size()), &out,
                                static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    std::string r(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    std::free(out);
    return r;
  };
  std::vector<char32_t> inert;
  for (char32_t c = 1; c < 0x3000; ++c)
    if (nfc_inert_codepoint(c)) inert.push_back(c);
  ASSERT_GT(inert.size(), 1000u);
  for (char32_t c : inert) {
    std::string s;
    append_utf8(s, c);
    ASSERT_EQ(slow_nfc(s), s) << codepoint_name(c);
    ASSERT_EQ(utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class, 0) << codepoint_name(c);
  }
  for (char32_t first = 1; first < 0x3400; ++first) {
    if (first >= 0xD800 && first <= 0xDFFF) continue;
    std::string a;
    append_utf8(a, first);
    const std::string base = slow_nfc(a);
    for (char32_t c : inert) {
      if (c < 0x300) continue;  // below U+0300 nothing composes as a second half
      std::string s = a, t;
      append_utf8(t, c);
      s += t;
      ASSERT_EQ(slow_nfc(s), base + t) << codepoint_name(first) << " " << codepoint_name(c);
    }
  }
  // Text of inert code points takes the quick path; a combining mark does not.
  EXPECT_TRUE(is_nfc_quick("Đảng Cộng sản Việt Nam — “ngày …”"));
  EXPECT_FALSE(is_nfc_quick("gia\xCC\x81m"));
  EXPECT_FALSE(is_nfc_quick("\xE2\x80\x80"));  // U+2000, which NFC replaces by U+2002
  EXPECT_FALSE(is_nfc_quick("\xFF"));
}
