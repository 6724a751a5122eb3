#pragma once
/// The PDF file syntax (ISO 32000-1 §7.3–7.5): objects written as text into one byte buffer,
/// the cross-reference table and the trailer after them.
///
/// vanban writes its PDFs with this small serializer rather than with PoDoFo: loading PoDoFo
/// and the libraries it pulls in (OpenSSL, libtiff, libidn, ...) cost more CPU than setting
/// the whole text of the sample report (bench/NOTES.md). PoDoFo stays the independent reader
/// of what we write (the tests load every PDF back with it) and the tool for signing.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::pdf {

/// An indirect object's number; the generation is always 0 (files are written whole).
using ObjNum = std::uint32_t;

/// Appends a name object, `/Name`: bytes outside `!`..`~`, delimiters and `#` as #xx.
void append_name(std::string& out, std::string_view name);

/// Appends one byte of a literal string's contents: `(`, `)` and `\` escaped, and CR written
/// as `\r` because a reader turns a raw end-of-line in a string into LF. (Inline: the page
/// streams write every glyph's CID through it.)
inline void append_string_byte(std::string& out, unsigned char b) {
  if (b == '(' || b == ')' || b == '\\') out += '\\';
  if (b == '\r') {
    out += "\\r";
    return;
  }
  out += static_cast<char>(b);
}

/// Appends a literal string `(...)` of raw bytes (see append_string_byte).
void append_literal(std::string& out, std::string_view bytes);

/// Appends a text string (titles, bookmarks) given as valid UTF-8: a literal string when it
/// is printable ASCII, else UTF-16BE with a byte-order mark (§7.9.2.2), as a literal string
/// of bytes (half the length of hex).
void append_text_string(std::string& out, std::string_view utf8);

/// Appends a reference, `12 0 R`.
void append_ref(std::string& out, ObjNum n);

/// The UTF-16 code units of `text`: surrogate pairs above U+FFFF, U+FFFD for a value that
/// is no code point (text strings here, ToUnicode targets in font_embed.cpp).
std::u16string utf16(std::u32string_view text);

/// Appends an integer.
void append_int(std::string& out, std::int64_t v);

/// A PDF file being written: objects are given numbers first (so that they can refer to
/// each other in any order), then written once each, in any order.
class PdfFile {
 public:
  /// Starts the file with the header `%PDF-<version>` and a comment of four bytes above 127
  /// (which tells transfer programs that the file is binary).
  explicit PdfFile(std::string_view version = "1.7");

  /// A new object number, to be written later with write_object or write_stream.
  ObjNum reserve();

  /// Writes object `n` with `body` (a dictionary, array, number...) as its value.
  /// Throws std::logic_error when `n` was not reserved or is written twice.
  void write_object(ObjNum n, std::string_view body);

  /// Writes object `n` as a stream: the dictionary holds `entries` (e.g. "/Filter /FlateDecode")
  /// and /Length, which is added here from `data`.
  void write_stream(ObjNum n, std::string_view entries, std::span<const char> data);

  /// Grows the buffer's capacity to at least `bytes` up front (no reallocation later).
  void reserve_bytes(std::size_t bytes) { out_.reserve(bytes); }

  /// Ends the file: cross-reference table, trailer with /Root, /Info and /ID, startxref, %%EOF.
  /// The /ID is made of checksums of the file's bytes (the same file, the same ID). Throws
  /// std::logic_error when a reserved object was never written.
  std::vector<char> finish(ObjNum root, ObjNum info);

 private:
  void begin(ObjNum n);
  void append(std::string_view s) { out_.insert(out_.end(), s.begin(), s.end()); }

  std::vector<char> out_;
  std::vector<std::size_t> offsets_;  ///< offsets_[n - 1]: where object n starts; 0 = not written
};

}  // namespace vanban::pdf
