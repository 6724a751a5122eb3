#pragma once
/// Source files: their bytes, the map from byte offsets to `file:line:column`, and their
/// YAML parse kept together for the stages that read it.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/source/yaml.hpp"

namespace vanban::source {

/// One source file: its bytes (a UTF-8 BOM removed) and the map from byte offsets to
/// SourcePos. The YAML tree (yaml.hpp) places nodes by byte offset; columns count code
/// points, as editors show them: counting bytes would put every place after a Vietnamese
/// letter too far right.
class SourceFile {
 public:
  /// `display` is the path as the user gave it, for messages; `bytes` the file's content.
  SourceFile(std::string display, std::string bytes);

  const std::string& display() const { return display_; }
  const std::string& text() const { return text_; }

  /// The place of byte `offset` (1-based line and code-point column), clamped to the text.
  SourcePos at(std::size_t offset) const;
  /// Line 1, column 1: where file-wide problems (empty file) are reported.
  SourcePos start() const { return {display_, 1, 1}; }

 private:
  std::string display_;
  std::string text_;
  /// Where a line that is not empty starts: its byte offset and its 1-based number. Empty
  /// lines are not recorded (a file of 200 MB of newlines costs no memory per line); a
  /// place inside a run of them is counted from the line before, when asked.
  struct LineStart {
    std::size_t offset;
    std::size_t line;
  };
  std::vector<LineStart> line_starts_;
};

/// A file and its YAML tree, shared between copies (both are immutable once made): how a
/// stage hands a file it parsed to a stage that reads other keys of it (the style file's
/// `check:` section goes from the style stage to the check stage this way).
struct ParsedFile {
  std::shared_ptr<const SourceFile> file;
  yaml::Tree tree;
  /// The tree's root (absent when the file holds none).
  yaml::Node root() const { return tree.root(); }
};

/// The bytes of the regular file `path`; nullopt when it is not a regular file or cannot be read.
std::optional<std::string> read_file(const std::string& path);

}  // namespace vanban::source
