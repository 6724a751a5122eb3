#pragma once
/// Writing the imported document as content-format YAML a person can read and edit:
/// plain scalars where YAML allows them, double quotes only where needed, long text
/// wrapped at a fixed width (YAML folds the line breaks back into spaces).
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/import/model.hpp"

namespace vanban::importer {

/// Width the writer wraps text at, in characters.
constexpr int kWrapWidth = 96;

/// `text` as a YAML scalar starting at column `column` (0-based, after its key or dash),
/// continuation lines indented to `indent` spaces. Plain when safe, else double-quoted.
std::string yaml_scalar(std::string_view text, int column, int indent);

/// document.yaml of `doc`, naming `part_files` in order; `source` is the imported file's name.
std::string document_yaml(const OutDocument& doc, const std::vector<std::string>& part_files, const std::string& source);

/// The YAML of one part file.
std::string part_yaml(const OutPart& part, const std::string& source);

}  // namespace vanban::importer
