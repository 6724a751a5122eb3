#pragma once
/// Unicode helpers over utf8proc: NFC, UTF-8 decoding and encoding.
#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::text {

/// The NFC form of UTF-8 text. Throws std::invalid_argument on invalid UTF-8.
std::string nfc(std::string_view utf8);

/// Puts UTF-8 text in NFC in place: nfc() without the copy when the text is NFC already
/// (the usual case). Throws std::invalid_argument on invalid UTF-8.
void make_nfc(std::string& utf8);

/// True when `utf8` is valid UTF-8 whose every code point NFC leaves unchanged in any
/// context (a conservative quick check: false means "maybe not NFC", not "not NFC").
bool is_nfc_quick(std::string_view utf8);

/// The per-code-point test behind is_nfc_quick (exposed for the tests).
bool nfc_inert_codepoint(char32_t c);

/// The most combining marks (and other characters that extend a grapheme cluster: joiners,
/// spacing marks) one letter may carry. Unicode's stream-safe format allows 30 in a row;
/// Vietnamese needs two. Past it, normalising (a sort of the marks) and shaping one cluster
/// cost time quadratic in its length.
inline constexpr std::size_t kMaxClusterMarks = 32;

/// True when `c` continues the grapheme cluster before it (a combining mark, a joiner, a
/// spacing mark: Unicode's Grapheme_Cluster_Break Extend, ZWJ or SpacingMark).
bool extends_cluster(char32_t c);

/// The characters extending the last grapheme cluster of `utf8` (valid UTF-8), counting on
/// from `marks` carried over from the text before it; kMaxClusterMarks + 1 as soon as any
/// cluster carries more than kMaxClusterMarks. For text that reaches the loader through
/// YAML escapes ("\u0301") or variables, which the byte check of the files cannot see.
std::size_t count_cluster_marks(std::string_view utf8, std::size_t marks = 0);

/// The error for a cluster past kMaxClusterMarks, and its hint, wherever it is found.
std::string long_cluster_message();
std::string long_cluster_hint();

/// True for a byte that continues a UTF-8 sequence (10xxxxxx): counting the bytes that are
/// not counts the code points of valid UTF-8, which is how columns are counted.
constexpr bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

/// The code points of valid UTF-8 text: its bytes that are not continuation bytes.
std::size_t count_code_points(std::string_view utf8);

/// True when `utf8` is well-formed UTF-8.
bool valid_utf8(std::string_view utf8);

/// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view utf8);

/// Decodes UTF-8 (which must be valid) into code points.
std::u32string decode(std::string_view utf8);

/// Appends the code points of `utf8` to `out`; an ill-formed byte becomes U+FFFD, as
/// HarfBuzz reads it (for text that was shaped: the glyphs already stand for it).
void append_decoded(std::string_view utf8, std::u32string& out);

/// Encodes one code point as UTF-8 and appends it to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Encodes code points as UTF-8.
std::string encode(std::u32string_view cps);

/// "U+1EA0" style name of a code point.
std::string codepoint_name(char32_t cp);

}  // namespace vanban::text

namespace vanban::text {

/// Upper-cases UTF-8 text code point by code point (simple case mapping, NFC kept).
std::string to_upper(std::string_view utf8);

/// Lower-cases UTF-8 text code point by code point.
std::string to_lower(std::string_view utf8);

}  // namespace vanban::text
