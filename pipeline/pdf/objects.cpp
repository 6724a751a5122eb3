/// The PDF file syntax (see objects.hpp).
#include "pipeline/pdf/objects.hpp"

#include <libdeflate.h>

#include <charconv>
#include <cstdio>
#include <stdexcept>

#include "pipeline/pdf/content_stream.hpp"  // append_number
#include "pipeline/text/unicode.hpp"

namespace vanban::pdf {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void append_hex_byte(std::string& out, unsigned char b) {
  out += kHex[b >> 4];
  out += kHex[b & 0xF];
}

/// The 16 bytes of the file identifier, in hex: the CRC-32 and Adler-32 of `bytes`
/// (libdeflate's, fast) and their length. Not a cryptographic hash: the ID only has to
/// differ between different files and stay the same for the same file.
std::string file_id(std::span<const char> bytes) {
  const std::uint64_t sums = (std::uint64_t{libdeflate_crc32(0, bytes.data(), bytes.size())} << 32) |
                             libdeflate_adler32(1, bytes.data(), bytes.size());
  std::string out;
  for (const std::uint64_t v : {sums, static_cast<std::uint64_t>(bytes.size())})
    for (int shift = 56; shift >= 0; shift -= 8) append_hex_byte(out, static_cast<unsigned char>(v >> shift));
  return out;
}

}  // namespace

void append_name(std::string& out, std::string_view name) {
  out += '/';
  for (const char c : name) {
    const auto b = static_cast<unsigned char>(c);
    const bool regular = b > ' ' && b < 0x7F && std::string_view("()<>[]{}/%#").find(c) == std::string_view::npos;
    if (regular) {
      out += c;
    } else {
      out += '#';
      append_hex_byte(out, b);
    }
  }
}

void append_literal(std::string& out, std::string_view bytes) {
  out += '(';
  for (const char c : bytes) append_string_byte(out, static_cast<unsigned char>(c));
  out += ')';
}

void append_text_string(std::string& out, std::string_view utf8) {
  bool ascii = true;
  for (const char c : utf8) ascii = ascii && c >= ' ' && c < 0x7F;
  if (ascii) return append_literal(out, utf8);
  out += "(\xFE\xFF";
  for (const char16_t unit : utf16(text::decode(utf8))) {
    append_string_byte(out, static_cast<unsigned char>(unit >> 8));
    append_string_byte(out, static_cast<unsigned char>(unit & 0xFF));
  }
  out += ')';
}

std::u16string utf16(std::u32string_view text) {
  std::u16string out;
  out.reserve(text.size());
  for (char32_t cp : text) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp > 0xFFFF) {
      const char32_t v = cp - 0x10000;
      out += static_cast<char16_t>(0xD800 + (v >> 10));
      out += static_cast<char16_t>(0xDC00 + (v & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

void append_int(std::string& out, std::int64_t v) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

void append_real(std::string& out, double v) { append_number(out, v, 3); }

Array& Array::number(double v, int decimals) {
  return raw_item([&] { append_number(items_, v, decimals); });
}

void append_ref(std::string& out, ObjNum n) {
  append_int(out, n);
  out += " 0 R";
}

PdfFile::PdfFile(std::string_view version) {
  std::string head = "%PDF-";
  head += version;
  head += "\n%\xE2\xE3\xCF\xD3\n";
  out_.assign(head.begin(), head.end());  // (not insert into the empty vector: GCC 12 warns falsely)
}

ObjNum PdfFile::reserve() {
  offsets_.push_back(0);
  return static_cast<ObjNum>(offsets_.size());
}

void PdfFile::begin(ObjNum n) {
  if (n == 0 || n > offsets_.size()) throw std::logic_error("PDF writer: object " + std::to_string(n) + " was not reserved");
  if (offsets_[n - 1] != 0) throw std::logic_error("PDF writer: object " + std::to_string(n) + " written twice");
  offsets_[n - 1] = out_.size();
  std::string head;
  append_int(head, n);
  head += " 0 obj\n";
  append(head);
}

void PdfFile::write_object(ObjNum n, std::string_view body) {
  begin(n);
  append(body);
  append("\nendobj\n");
}

void PdfFile::write_stream(ObjNum n, std::string_view entries, std::span<const char> data) {
  begin(n);
  std::string dict = "<<";
  if (!entries.empty()) {
    dict += entries;
    dict += ' ';
  }
  dict += "/Length ";
  append_int(dict, static_cast<std::int64_t>(data.size()));
  dict += ">>\nstream\n";
  append(dict);
  out_.insert(out_.end(), data.begin(), data.end());
  append("\nendstream\nendobj\n");
}

std::vector<char> PdfFile::finish(ObjNum root, ObjNum info) {
  for (std::size_t i = 0; i < offsets_.size(); ++i)
    if (offsets_[i] == 0) throw std::logic_error("PDF writer: object " + std::to_string(i + 1) + " was never written");
  const std::string id = file_id(out_);
  const std::size_t xref_at = out_.size();
  // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, and " \n".
  std::string xref = "xref\n0 ";
  append_int(xref, static_cast<std::int64_t>(offsets_.size() + 1));
  xref += "\n0000000000 65535 f \n";
  char entry[21];
  for (const std::size_t at : offsets_) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", at);
    xref.append(entry, 20);
  }
  xref += "trailer\n<</Size ";
  append_int(xref, static_cast<std::int64_t>(offsets_.size() + 1));
  xref += " /Root ";
  append_ref(xref, root);
  xref += " /Info ";
  append_ref(xref, info);
  xref += " /ID [<" + id + "> <" + id + ">]>>\nstartxref\n";
  append_int(xref, static_cast<std::int64_t>(xref_at));
  xref += "\n%%EOF\n";
  append(xref);
  return std::move(out_);
}

}  // namespace vanban::pdf
