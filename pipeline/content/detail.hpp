#pragma once
/// Internal to the content stage and the stages that read YAML files after it (style,
/// check); not installed, not included elsewhere: source files and the byte checks made
/// before YAML sees them, "did you mean" suggestions, and the inline parser with its options.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/core/diagnostic.hpp"

namespace vanban::content::detail {

/// Variable name → value (both NFC). A std::map so error hints list names in order.
using Variables = std::map<std::string, std::string>;

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
  std::vector<std::size_t> line_starts_;  ///< byte offset of each line's first byte
};

/// Checks made on the bytes before parsing: valid UTF-8 (a file in TCVN3, VNI or
/// Windows-1258 is named as such), no NUL, no control character (each at its own column),
/// and no tab in indentation. Adds errors to `diags`; returns false when YAML should not
/// be tried.
bool check_bytes(const SourceFile& file, Diagnostics& diags);


/// Damerau–Levenshtein distance (optimal string alignment), counted in code points.
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` within distance 2 (and shorter than `word`), or "".
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

/// "`a`, `b`, `c`": candidates listed for a hint.
std::string list_names(const std::vector<std::string>& names);

/// How `parse_text` treats its source.
struct InlineOptions {
  bool markup = true;                    ///< false for plain fields: `*` is a literal star
  bool report_unknown_variables = true;  ///< false when `variables:` itself was broken
};

/// The inline parser behind `parse_inline`: reports problems into `diags` instead of
/// throwing, and appends the place of each placeholder run (`…`, `...`) to `placeholders`.
/// `source` may be in any normalisation form: columns count its code points as written,
/// and the output spans are NFC.
Text parse_text(std::string_view source, const SourcePos& pos, const Variables& variables,
                const InlineOptions& options, Diagnostics& diags,
                std::vector<SourcePos>* placeholders);

}  // namespace vanban::content::detail
