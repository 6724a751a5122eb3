#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "pipeline/text/unicode.hpp"

using namespace vanban::text;

namespace {

/// utf8proc's own NFC, the reference for nfc(): nullopt where it rejects the text.
std::optional<std::string> utf8proc_nfc(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                              static_cast<utf8proc_ssize_t>(s.size()), &out,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::nullopt;
  std::string r(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return r;
}

/// utf8proc_iterate over the whole text: the code points, or nullopt and the offset of the
/// first sequence it rejects.
struct Reference {
  std::optional<std::u32string> cps;
  std::size_t bad = std::string::npos;
};
Reference utf8proc_decode(const std::string& s) {
  Reference r;
  std::u32string cps;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    utf8proc_int32_t c;
    const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &c);
    if (n <= 0) {
      r.bad = i;
      return r;
    }
    cps.push_back(static_cast<char32_t>(c));
    i += static_cast<std::size_t>(n);
  }
  r.cps = cps;
  return r;
}

/// decode(), invalid_utf8_at() and is_nfc_quick() agree with utf8proc on `s`.
void expect_decoding_as_utf8proc(const std::string& s) {
  const Reference r = utf8proc_decode(s);
  std::string hex;
  for (unsigned char b : s) hex += codepoint_name(b).substr(2) + " ";
  ASSERT_EQ(invalid_utf8_at(s), r.bad) << hex;
  ASSERT_EQ(valid_utf8(s), r.cps.has_value()) << hex;
  if (r.cps) {
    ASSERT_EQ(decode(s), *r.cps) << hex;
  } else {
    ASSERT_THROW(decode(s), std::invalid_argument) << hex;
    ASSERT_FALSE(is_nfc_quick(s)) << hex;
  }
}

}  // namespace

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

TEST(Utf8, AppendDecodedReplacesIllFormedBytesOneByOne) {
  std::u32string out = U"x";
  append_decoded("Vi\xE1\xBB\x87t", out);  // "Việt"
  EXPECT_EQ(out, U"xVi\u1EC7t");
  out.clear();
  append_decoded("a\xE1\xBB" "b\xFF", out);  // a cut sequence, then a byte that is never UTF-8
  EXPECT_EQ(out, U"a\uFFFD\uFFFDb\uFFFD");
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
  const auto slow_nfc = [](const std::string& s) { return utf8proc_nfc(s).value(); };
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

// decode(), invalid_utf8_at() and the quick check read the two- and three-byte forms
// themselves and leave the rest to utf8proc_iterate: they must accept and reject exactly
// what it does. Every one- and two-byte string, and every lead and second byte followed by
// the third and fourth bytes at the edges of the ranges that matter (overlong forms,
// surrogates, past U+10FFFF, truncation, ASCII after the sequence).
TEST(Utf8, DecodingAgreesWithUtf8procOnEveryLeadByte) {
  const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  for (unsigned b0 = 0; b0 < 256; ++b0) {
    const std::string one(1, static_cast<char>(b0));
    expect_decoding_as_utf8proc(one);
    for (unsigned b1 = 0; b1 < 256; ++b1) {
      const std::string two = one + static_cast<char>(b1);
      expect_decoding_as_utf8proc(two);
      if (b0 < 0xC0) continue;  // no multi-byte form starts here: the two bytes said it all
      for (unsigned char b2 : edges) {
        const std::string three = two + static_cast<char>(b2);
        expect_decoding_as_utf8proc(three);
        expect_decoding_as_utf8proc(three + "a");
        if (b0 < 0xF0 || b0 > 0xF4) continue;  // four-byte forms
        for (unsigned char b3 : edges) expect_decoding_as_utf8proc(three + static_cast<char>(b3));
      }
    }
  }
}

// nfc() hands utf8proc only the pieces of a text around its non-inert code points: on
// text mixing precomposed and decomposed letters, combining marks at the start, marks
// after ASCII, Hangul jamo, singletons and broken bytes it must give what utf8proc gives
// for the whole text (and reject what it rejects).
TEST(Nfc, PiecewiseNfcAgreesWithUtf8procOnMixedText) {
  const std::vector<std::string> pieces = {
      "a", "e", "o", "u", "y", "A", " ", ".", "\n", "q",  // ASCII, and letters marks compose with
      "\xC4\x90", "\xC6\xA1", "\xC6\xB0", "\xC3\xA2",   // Đ ơ ư â
      "\xE1\xBA\xA3", "\xE1\xBB\x87", "\xE1\xBB\xB9",    // ả ệ ỹ
      "\xCC\x80", "\xCC\x81", "\xCC\x82", "\xCC\x83", "\xCC\x89", "\xCC\xA3", "\xCC\x86",  // combining marks
      "\xCD\x81",                                          // U+0341, a singleton for U+0301
      "\xE2\x80\x80", "\xE2\x80\xA6", "\xE2\x80\x9C",    // U+2000 (NFC: U+2002), …, “
      "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8",    // Hangul L, V, T jamo
      "\xEA\xB0\x80",                                      // 가
      "\xEF\xA4\x80",                                      // U+F900, a CJK compatibility singleton
      "\xF0\x9D\x85\x9E",                                  // U+1D15E, decomposes, excluded from composition
      "\xFF", "\xE1\xBA",                                  // ill-formed bytes
  };
  const std::vector<std::string> fixed = {
      "Đa\xCC\x89ng bo\xCC\xA3\xCC\x82 xa\xCC\x83", "\xCC\x81" "a", "e\xCC\xA3\xCC\x82 e\xCC\x82\xCC\xA3",
      "gia\xCC\x81m sa\xCC\x81t", "q\xCC\xA3", "Việt Nam", "", "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8",
      "a\xFF\xCC\x81", "\xE1\xBA\xA1\xCC\x81",
  };
  const auto expect_as_utf8proc = [](const std::string& s) {
    const auto want = utf8proc_nfc(s);
    if (!want) {
      ASSERT_THROW(nfc(s), std::invalid_argument) << s;
      std::string t = s;
      ASSERT_THROW(make_nfc(t), std::invalid_argument) << s;
      return;
    }
    ASSERT_EQ(nfc(s), *want) << s;
    std::string t = s;
    make_nfc(t);
    ASSERT_EQ(t, *want) << s;
  };
  for (const auto& s : fixed) expect_as_utf8proc(s);
  std::mt19937 random(20250301);  // fixed: the same texts every run
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    const int n = static_cast<int>(random() % 12);
    for (int j = 0; j < n; ++j) s += pieces[random() % pieces.size()];
    expect_as_utf8proc(s);
  }
}

namespace {

/// `n` times the combining acute accent, U+0301.
std::string acutes(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += "\xCC\x81";
  return s;
}

}  // namespace

TEST(ClusterMarks, CountsTheMarksOnTheLastLetter) {
  EXPECT_EQ(count_cluster_marks("abc"), 0u);
  EXPECT_EQ(count_cluster_marks("a" + acutes(2)), 2u);
  EXPECT_EQ(count_cluster_marks("a" + acutes(5) + "b"), 0u);       // a letter starts a new cluster
  EXPECT_EQ(count_cluster_marks("a" + acutes(5) + "ệ"), 0u);       // a precomposed one too
  EXPECT_EQ(count_cluster_marks("a\u200D\u0301"), 2u);             // a joiner extends it
  EXPECT_EQ(count_cluster_marks("a" + acutes(kMaxClusterMarks)), kMaxClusterMarks);  // the cap is allowed
}

TEST(ClusterMarks, StopsPastTheCapAnywhereInTheText) {
  EXPECT_GT(count_cluster_marks("a" + acutes(kMaxClusterMarks + 1)), kMaxClusterMarks);
  EXPECT_GT(count_cluster_marks("a" + acutes(kMaxClusterMarks + 1) + "b"), kMaxClusterMarks);  // not only at the end
  EXPECT_GT(count_cluster_marks("a" + acutes(100000) + "b"), kMaxClusterMarks);
}

TEST(ClusterMarks, CarriesTheCountFromTheTextBefore) {
  // Pieces given one after the other (a variable's value after the source's letter).
  const std::size_t after_first = count_cluster_marks("a" + acutes(20));
  EXPECT_GT(count_cluster_marks(acutes(20), after_first), kMaxClusterMarks);
  EXPECT_EQ(count_cluster_marks("b" + acutes(20), after_first), 20u);
  EXPECT_EQ(count_cluster_marks(" ", 30), 0u);
}
