#include "pipeline/source/file.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "pipeline/text/unicode.hpp"

namespace vanban::source {

SourceFile::SourceFile(std::string display, std::string bytes)
    : display_(std::move(display)), text_(std::move(bytes)) {
  // Editors do not count a BOM as a column; libyaml skips it too.
  if (text_.starts_with("\xEF\xBB\xBF")) text_.erase(0, 3);
  line_starts_.push_back({0, 1});
  // memchr jumps from line to line (lines are tens of bytes) instead of testing each byte.
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  std::size_t line = 1;
  for (const char* p = begin;;) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!p) break;
    // A run of newlines (blank lines) is counted byte by byte, not a memchr call each.
    const char* q = p + 1;
    while (q != end && *q == '\n') ++q;
    line += static_cast<std::size_t>(q - p);
    if (q != end) line_starts_.push_back({static_cast<std::size_t>(q - begin), line});
    p = q;
  }
}

SourcePos SourceFile::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset,
                                   [](std::size_t o, const LineStart& l) { return o < l.offset; }) -
                  1;
  // Past the recorded line, only empty lines can follow before `offset`: count them.
  const std::string_view from = std::string_view(text_).substr(it->offset, offset - it->offset);
  const std::size_t last_newline = from.rfind('\n');
  if (last_newline == std::string_view::npos) {
    const auto column = text::count_code_points(from);
    return {display_, static_cast<int>(it->line), static_cast<int>(column) + 1};
  }
  const auto newlines = static_cast<std::size_t>(std::count(from.begin(), from.end(), '\n'));
  const auto column = text::count_code_points(from.substr(last_newline + 1));
  return {display_, static_cast<int>(it->line + newlines), static_cast<int>(column) + 1};
}

std::optional<std::string> read_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  // Read into a string of the file's size: a string stream would hold the bytes twice.
  const auto size = std::filesystem::file_size(path, ec);
  std::string bytes;
  if (!ec) bytes.resize(static_cast<std::size_t>(size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.bad()) return std::nullopt;
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  in.clear();
  // A file that grew meanwhile (or reports no size) is read to its end.
  std::ostringstream rest;
  rest << in.rdbuf();
  bytes += std::move(rest).str();
  return bytes;
}

}  // namespace vanban::source
