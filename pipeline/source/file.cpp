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
  line_starts_.push_back(0);
  // memchr jumps from line to line (lines are tens of bytes) instead of testing each byte.
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  for (const char* p = begin;; ++p) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!p) break;
    line_starts_.push_back(static_cast<std::size_t>(p + 1 - begin));
  }
}

SourcePos SourceFile::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
  const auto column = text::count_code_points(std::string_view(text_).substr(*it, offset - *it));
  return {display_, static_cast<int>(it - line_starts_.begin()) + 1, static_cast<int>(column) + 1};
}

std::optional<std::string> read_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(ss).str();
}

}  // namespace vanban::source
