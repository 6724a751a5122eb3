#pragma once
/// What the byte checks made before YAML parsing (check_bytes, bytes.hpp) know about the
/// legacy Vietnamese encodings, to name the one a file that is not UTF-8 is written in.
#include <string_view>

namespace vanban::source {

/// The pre-Unicode Vietnamese encodings offices still have files in.
enum class LegacyEncoding {
  none,         ///< not recognised: broken UTF-8, Latin-1, too few words to tell
  tcvn3,        ///< TCVN 5712:1993 VN3, "ABC" (.VnTime fonts): one byte per accented letter
  vni,          ///< VNI-Windows (VNI-Times fonts): an ASCII vowel, then mark bytes
  windows1258,  ///< Windows-1258: some accented letters, tone marks as separate bytes
};

/// Which legacy encoding the words of `text` that are not valid UTF-8 are written in.
/// Each such word is decoded as each encoding and kept when it forms one Vietnamese
/// syllable (an initial, a vowel group, a final, at most one tone): the right encoding
/// turns nearly all of them into syllables, the wrong ones few. Gives `none` unless one
/// encoding explains at least 3 words, most of them, and twice as many as any other, so
/// that a stray byte or Latin-1 text keeps the plain "not valid UTF-8" message.
LegacyEncoding guess_legacy_encoding(std::string_view text);

/// How many words of `text` hold bytes that are not UTF-8 and how many of them read as
/// Vietnamese syllables in `encoding` (exposed for the tests).
struct LegacyWords {
  int words = 0;
  int syllables = 0;
};
LegacyWords count_legacy_words(std::string_view text, LegacyEncoding encoding);

/// Whether `text` also holds words in valid UTF-8 with non-ASCII letters (at least two):
/// legacy text pasted into a UTF-8 file, which must not be converted as a whole.
bool has_utf8_words(std::string_view text);

}  // namespace vanban::source
