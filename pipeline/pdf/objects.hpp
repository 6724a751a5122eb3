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

/// Appends a real to 3 decimals, without trailing zeros (an integer when it is one).
void append_real(std::string& out, double v);

/// An array written as text, item by item: `Array().ref(4).name("XYZ").str()` is
/// `[4 0 R /XYZ]`.
class Array {
 public:
  Array& integer(std::int64_t v) { return raw_item([&] { append_int(items_, v); }); }
  Array& real(double v) { return raw_item([&] { append_real(items_, v); }); }
  /// A number to `decimals` places (see append_number).
  Array& number(double v, int decimals);
  Array& ref(ObjNum n) { return raw_item([&] { append_ref(items_, n); }); }
  Array& name(std::string_view n) { return raw_item([&] { append_name(items_, n); }); }
  /// An item already written (`null`, an array).
  Array& raw(std::string_view pdf) { return raw_item([&] { items_ += pdf; }); }
  /// `[items]`.
  std::string str() const { return "[" + items_ + "]"; }

 private:
  template <class F>
  Array& raw_item(const F& append) {
    if (!items_.empty()) items_ += ' ';
    append();
    return *this;
  }
  std::string items_;
};

/// A dictionary written as text, entry by entry in the order given:
/// `Dict().name("Type", "Font").ref("FontFile2", 4).str()` is `<</Type /Font /FontFile2 4 0 R>>`.
class Dict {
 public:
  Dict& name(std::string_view key, std::string_view value) { return entry(key, [&] { append_name(entries_, value); }); }
  Dict& integer(std::string_view key, std::int64_t v) { return entry(key, [&] { append_int(entries_, v); }); }
  Dict& real(std::string_view key, double v) { return entry(key, [&] { append_real(entries_, v); }); }
  Dict& ref(std::string_view key, ObjNum n) { return entry(key, [&] { append_ref(entries_, n); }); }
  /// A text string (see append_text_string).
  Dict& text(std::string_view key, std::string_view utf8) { return entry(key, [&] { append_text_string(entries_, utf8); }); }
  /// A literal string of raw bytes (see append_literal).
  Dict& literal(std::string_view key, std::string_view bytes) { return entry(key, [&] { append_literal(entries_, bytes); }); }
  /// A value already written: `true`, an Array's or a Dict's str().
  Dict& raw(std::string_view key, std::string_view pdf) { return entry(key, [&] { entries_ += pdf; }); }
  bool empty() const { return entries_.empty(); }
  /// The entries without the brackets, as PdfFile::write_stream takes them.
  const std::string& entries() const { return entries_; }
  /// `<<entries>>`.
  std::string str() const { return "<<" + entries_ + ">>"; }

 private:
  template <class F>
  Dict& entry(std::string_view key, const F& append_value) {
    if (!entries_.empty()) entries_ += ' ';
    append_name(entries_, key);
    entries_ += ' ';
    append_value();
    return *this;
  }
  std::string entries_;
};

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
