#pragma once
/// Loading a document folder (or a one-file document) into a Document.
#include <string>

#include "pipeline/content/document.hpp"

namespace vanban::content {

/// Loads `path`: a folder holding document.yaml, or a document .yaml file.
/// Throws vanban::Error with `file:line:column` diagnostics on any problem
/// (bad YAML, unknown key, wrong type, unknown variable, missing part file).
Document load_document(const std::string& path);

/// Parses inline markup (`**bold**`, `*italic*`, `***both***`, `\*`) and
/// substitutes `{variables}` (`{{` is a literal brace) in one NFC string.
/// `pos` is where the string starts, for diagnostics.
Text parse_inline(const std::string& source, const SourcePos& pos,
                  const std::vector<std::pair<std::string, std::string>>& variables);

}  // namespace vanban::content
