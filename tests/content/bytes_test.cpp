// The byte checks made before YAML parsing (pipeline/source/bytes.cpp, legacy.cpp):
// legacy Vietnamese encodings named from real sentences encoded in each (with glibc's
// iconv for TCVN3 and Windows-1258, with a VNI table written here as an encoder), plain
// broken UTF-8 and Latin-1 left with the "not valid UTF-8" message, and control
// characters reported at their own line and column.
#include <gtest/gtest.h>
#include <iconv.h>

#include <cctype>
#include <iterator>
#include <source_location>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/source/legacy.hpp"
#include "pipeline/text/unicode.hpp"
#include "tests/content/helpers.hpp"

using namespace vanban;
using namespace vanban::content;
using source::LegacyEncoding;
using content::testing::TempDir;
using content::testing::expect_one_error;

namespace {

// Sentences of the kind the documents hold: every tone and vowel mark, đ, and words
// without marks. (No capital with a tone: TCVN3 has no code for those, see bytes.cpp.)
const std::vector<std::string> kSentences = {
    "Đảng bộ xã đã lãnh đạo nhân dân thực hiện thắng lợi nghị quyết đại hội, kinh tế tiếp tục "
    "tăng trưởng khá, đời sống của nhân dân được cải thiện rõ rệt.",
    "Công tác xây dựng Đảng và hệ thống chính trị được chú trọng; quốc phòng, an ninh được giữ vững.",
    "Ban chấp hành đã ban hành nghị quyết chuyên đề về phát triển nông nghiệp, xây dựng nông thôn mới "
    "và chuyển đổi số trong cơ quan, đơn vị.",
};

/// `utf8` in `encoding`, by glibc's iconv (which decomposes what Windows-1258 has no
/// single byte for into a letter and a tone byte, as Word does).
std::string iconv_from_utf8(const char* encoding, const std::string& utf8) {
  iconv_t cd = iconv_open(encoding, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    ADD_FAILURE() << "iconv does not know " << encoding;
    return {};
  }
  std::string in = utf8, out(utf8.size() * 2, '\0');
  char* src = in.data();
  char* dst = out.data();
  std::size_t src_left = in.size(), dst_left = out.size();
  if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1))
    ADD_FAILURE() << "iconv to " << encoding << " failed on: " << utf8;
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

/// `utf8` in VNI-Windows: each letter as its ASCII vowel followed by VNI's mark bytes.
std::string to_vni(const std::string& utf8) {
  // The twelve vowels with their five toned forms (grave, hook, tilde, acute, dot), as in
  // Unicode; and how VNI writes each: the base, then the byte of each tone.
  static const std::u32string_view rows[] = {U"aàảãáạ", U"ăằẳẵắặ", U"âầẩẫấậ", U"eèẻẽéẹ",
                                             U"êềểễếệ", U"iìỉĩíị", U"oòỏõóọ", U"ôồổỗốộ",
                                             U"ơờởỡớợ", U"uùủũúụ", U"ưừửữứự", U"yỳỷỹýỵ"};
  struct Vni {
    std::string base;
    std::string tones[5];  // grave, hook, tilde, acute, dot: appended to base (or replacing it)
    bool whole = false;    // tones[] are the whole letter (i's precomposed forms, ỵ)
  };
  const std::string plain[5] = {"\xF8", "\xFB", "\xF5", "\xF9", "\xEF"};
  const std::string circumflex[5] = {"\xE0", "\xE5", "\xE3", "\xE1", "\xE4"};  // replaces 0xE2
  const std::string breve[5] = {"\xE8", "\xFA", "\xFC", "\xE9", "\xEB"};       // replaces 0xEA
  const Vni vni[] = {
      {"a", {plain[0], plain[1], plain[2], plain[3], plain[4]}},
      {"a\xEA", {"a" + breve[0], "a" + breve[1], "a" + breve[2], "a" + breve[3], "a" + breve[4]}, true},
      {"a\xE2", {"a" + circumflex[0], "a" + circumflex[1], "a" + circumflex[2], "a" + circumflex[3], "a" + circumflex[4]}, true},
      {"e", {plain[0], plain[1], plain[2], plain[3], plain[4]}},
      {"e\xE2", {"e" + circumflex[0], "e" + circumflex[1], "e" + circumflex[2], "e" + circumflex[3], "e" + circumflex[4]}, true},
      {"i", {"\xEC", "\xE6", "\xF3", "\xED", "\xF2"}, true},
      {"o", {plain[0], plain[1], plain[2], plain[3], plain[4]}},
      {"o\xE2", {"o" + circumflex[0], "o" + circumflex[1], "o" + circumflex[2], "o" + circumflex[3], "o" + circumflex[4]}, true},
      {"\xF4", {plain[0], plain[1], plain[2], plain[3], plain[4]}},
      {"u", {plain[0], plain[1], plain[2], plain[3], plain[4]}},
      {"\xF6", {plain[0], plain[1], plain[2], plain[3], plain[4]}},
      {"y", {"y" + plain[0], "y" + plain[1], "y" + plain[2], "y" + plain[3], "\xEE"}, true},
  };
  std::string out;
  for (char32_t c : text::decode(utf8)) {
    // Capitals: ASCII capitals, and VNI's capital bytes 0x20 below the small ones.
    const char32_t lower = text::decode(text::to_lower(text::encode(std::u32string(1, c))))[0];
    const bool capital = lower != c;
    std::string bytes;
    if (lower < 0x80) {
      bytes = std::string(1, static_cast<char>(lower));
    } else if (lower == U'đ') {
      bytes = "\xF1";
    } else {
      for (std::size_t r = 0; r < std::size(rows) && bytes.empty(); ++r) {
        const auto k = rows[r].find(lower);
        if (k == std::u32string_view::npos) continue;
        const Vni& v = vni[r];
        bytes = k == 0 ? v.base : v.whole ? v.tones[k - 1] : v.base + v.tones[k - 1];
      }
      EXPECT_FALSE(bytes.empty()) << "no VNI form for U+" << std::hex << static_cast<unsigned>(c);
    }
    if (capital)
      for (char& b : bytes) b = static_cast<unsigned char>(b) >= 0xC0 ? static_cast<char>(b - 0x20) : static_cast<char>(std::toupper(b));
    out += bytes;
  }
  return out;
}

std::string all_sentences() {
  std::string s;
  for (const auto& sentence : kSentences) s += sentence + "\n";
  return s;
}

}  // namespace

// --- legacy encodings told apart -----------------------------------------------------------

TEST(LegacyEncoding, Tcvn3SentencesAreNamed) {
  for (const auto& sentence : kSentences)
    EXPECT_EQ(source::guess_legacy_encoding(iconv_from_utf8("TCVN5712-1", sentence)), LegacyEncoding::tcvn3)
        << sentence;
}

TEST(LegacyEncoding, Windows1258SentencesAreNamed) {
  for (const auto& sentence : kSentences)
    EXPECT_EQ(source::guess_legacy_encoding(iconv_from_utf8("CP1258", sentence)), LegacyEncoding::windows1258)
        << sentence;
}

TEST(LegacyEncoding, VniSentencesAreNamed) {
  // The encoder above, checked on one word against the bytes VNI documents have.
  EXPECT_EQ(to_vni("Đảng bộ tưởng xuyên"), "\xD1" "a\xFBng bo\xE4 t\xF6\xF4\xFBng xuye\xE2n");
  for (const auto& sentence : kSentences)
    EXPECT_EQ(source::guess_legacy_encoding(to_vni(sentence)), LegacyEncoding::vni) << sentence;
}

TEST(LegacyEncoding, EveryWordOfTheRightEncodingIsASyllable) {
  // The margin behind the guess: in its own encoding every word reads as Vietnamese, in
  // the other two about a third do (toneless words like "nhân" read as "nhõn"), well under
  // the half that the guess's rule (twice as many as any other) leaves room for.
  const std::string tcvn3 = iconv_from_utf8("TCVN5712-1", all_sentences());
  const std::string cp1258 = iconv_from_utf8("CP1258", all_sentences());
  const std::string vni = to_vni(all_sentences());
  const auto t = source::count_legacy_words(tcvn3, LegacyEncoding::tcvn3);
  EXPECT_EQ(t.syllables, t.words);
  EXPECT_EQ(source::count_legacy_words(cp1258, LegacyEncoding::windows1258).syllables,
            source::count_legacy_words(cp1258, LegacyEncoding::none).words);
  EXPECT_EQ(source::count_legacy_words(vni, LegacyEncoding::vni).syllables,
            source::count_legacy_words(vni, LegacyEncoding::none).words);
  for (const auto& [text, other] : {std::pair{tcvn3, LegacyEncoding::vni}, std::pair{tcvn3, LegacyEncoding::windows1258},
                                    std::pair{cp1258, LegacyEncoding::tcvn3}, std::pair{cp1258, LegacyEncoding::vni},
                                    std::pair{vni, LegacyEncoding::tcvn3}, std::pair{vni, LegacyEncoding::windows1258}}) {
    const auto n = source::count_legacy_words(text, other);
    EXPECT_LT(n.syllables * 2, n.words) << static_cast<int>(other);
  }
}

TEST(LegacyEncoding, BrokenUtf8AndLatin1AreNotNamed) {
  // UTF-8 Vietnamese with damaged bytes: a lone continuation byte, a cut sequence.
  EXPECT_EQ(source::guess_legacy_encoding("Đảng bộ \x80 xã đã lãnh \xE1\xBA đạo nhân dân"), LegacyEncoding::none);
  // A stray Latin-1 letter in UTF-8 Vietnamese text.
  EXPECT_EQ(source::guess_legacy_encoding("Đảng \xE9 bộ"), LegacyEncoding::none);
  // Latin-1 French, German and Portuguese: their letters are Vietnamese letters in one
  // encoding or another, but their words are not Vietnamese syllables.
  EXPECT_EQ(source::guess_legacy_encoding(iconv_from_utf8("LATIN1", "Le café crème à la fenêtre, où l'été était déjà là; "
                                                                    "une pièce à côté, très près de la forêt.")),
            LegacyEncoding::none);
  EXPECT_EQ(source::guess_legacy_encoding(iconv_from_utf8("LATIN1", "Die Straße führt über die Brücke zum Schloß; "
                                                                    "schöne Grüße aus Köln und München.")),
            LegacyEncoding::none);
  EXPECT_EQ(source::guess_legacy_encoding(iconv_from_utf8("LATIN1", "Não há informação sobre a decisão; "
                                                                    "a comissão está à espera da solução.")),
            LegacyEncoding::none);
}

TEST(LegacyEncoding, TooFewWordsAreNotNamed) {
  // Two words of TCVN3 are not enough to tell a legacy file from two damaged bytes.
  EXPECT_EQ(source::guess_legacy_encoding(iconv_from_utf8("TCVN5712-1", "Báo cáo")), LegacyEncoding::none);
  EXPECT_EQ(source::guess_legacy_encoding(iconv_from_utf8("TCVN5712-1", "Báo cáo chính trị")), LegacyEncoding::tcvn3);
}

// --- through the loader ----------------------------------------------------------------

namespace {

/// A document whose one part, phan-1.yaml, holds `body` after "body:\n  - " (line 2, column 5).
std::string part_with(TempDir& dir, const std::string& body) {
  dir.write("document.yaml", std::string(content::testing::kMinimalHead) + "parts: [phan-1.yaml]\n");
  return dir.write("phan-1.yaml", "body:\n  - " + body + "\n");
}

/// Loading a document whose part holds `body` (see part_with) fails with one error at
/// line 2, `column` of phan-1.yaml; message and hint are checked as expect_one_error does.
void expect_part_error(const std::string& body, int column, const std::string& message, const std::string& hint = {},
                       const std::source_location& from = std::source_location::current()) {
  TempDir dir;
  const std::string part = part_with(dir, body);
  expect_one_error(dir.str(), part + ":2:" + std::to_string(column), message, hint, from);
}

}  // namespace

TEST(LoadBytes, LegacyFileIsNamedWithAWayToConvertIt) {
  expect_part_error(iconv_from_utf8("TCVN5712-1", kSentences[0]),
                    5, "the file is in TCVN3 (ABC), a legacy Vietnamese encoding, not UTF-8",
                    "iconv -f TCVN5712-1 -t UTF-8 phan-1.yaml");

  // At the first byte that is not UTF-8: the ô of "Công" (0xF4 then "n" is no sequence).
  expect_part_error(iconv_from_utf8("CP1258", kSentences[1]),
                    6, "the file is in Windows-1258, a legacy Vietnamese encoding, not UTF-8",
                    "iconv -f CP1258 -t UTF-8 phan-1.yaml");

  // "Ban cha" then 0xE1 (circumflex and acute: ấ), column 12.
  expect_part_error(to_vni(kSentences[2]),
                    12, "the file is in VNI, a legacy Vietnamese encoding, not UTF-8",
                    "UniKey's converter (source VNI Windows, destination Unicode)");
}

TEST(LoadBytes, LegacyTextPastedIntoUtf8IsNotConvertedWhole) {
  // UTF-8 around, TCVN3 in the middle: the first byte that is not UTF-8 is the ô of "Công".
  expect_part_error("Văn bản dán vào: " + iconv_from_utf8("TCVN5712-1", kSentences[1]) + " Hết.",
                    23, "the file is in TCVN3 (ABC)", "pasted from a TCVN3 (ABC) document");
}

TEST(LoadBytes, BrokenUtf8KeepsItsMessage) {
  expect_part_error("Đảng bộ xã \xE1\xBA đạo",  // a cut ạ: column 16
                    16, "the file is not valid UTF-8 (byte 0xE1)");

  expect_part_error(iconv_from_utf8("LATIN1", "Le café crème à la fenêtre, où l'été était déjà là."),
                    11, "the file is not valid UTF-8 (byte 0xE9)");

  // Overlong forms and surrogates are not UTF-8 either.
  expect_part_error("ab\xC0\xAF and \xED\xA0\x80", 7, "the file is not valid UTF-8 (byte 0xC0)");
}

// --- control characters ----------------------------------------------------------------

TEST(LoadBytes, ControlCharactersAreReportedAtTheirColumn) {
  expect_part_error("Một đoạn\a văn",  // BEL after 8 letters: column 13
                    13, "control character U+0007 in text");

  // A C1 control: two bytes, one column.
  expect_part_error("Nghị quyết \xC2\x93số 5\xC2\x94", 16, "control character U+0093 in text", "type “ instead");

  // DEL, and far from the start of a long line (the 8-byte blocks).
  expect_part_error(std::string(100, 'a') + "\x7F", 105, "control character U+007F in text");

  TempDir dir;  // an ESC in a key of document.yaml
  dir.write("document.yaml", "kind: bao-cao\nti\x1Btle: B\n");
  expect_one_error(dir.str(), dir.file("document.yaml") + ":2:3", "control character U+001B in text", "ESC");
}

TEST(LoadBytes, TabCrAndLfAreNotControlsHere) {
  TempDir dir;
  dir.write("document.yaml", std::string(content::testing::kMinimalHead) + "parts: [phan-1.yaml]\r\n");
  dir.write("phan-1.yaml", "body:\r\n  - \"Đoạn\tvăn\"   # chú thích\t\r\n");
  EXPECT_NO_THROW(load_document(dir.str()));
}

TEST(LoadBytes, NotUtf8ComesBeforeNulAndControls) {
  // One error per file, the encoding's first: the NUL and the BEL are its symptoms.
  expect_part_error(std::string("a\a b\0c \xFF", 9), 12, "not valid UTF-8 (byte 0xFF)");

  expect_part_error(std::string("a\a b") + '\0' + "c", 9, "the file contains a NUL byte");
}
