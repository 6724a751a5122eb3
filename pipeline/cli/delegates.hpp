#pragma once
/// The list of `vanban build --copies-from FILE`: a YAML list of names, one numbered copy
/// each ("Đại biểu: <name>").
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"

namespace vanban::cli {

/// The names of a delegates file, in order, each with its place in the file.
struct Delegates {
  std::vector<std::string> names;  ///< NFC, surrounding spaces removed
  std::vector<SourcePos> where;
};

/// Reads `path` through the source stage (bytes checked, YAML parsed with places). Every
/// problem (a file that cannot be read, is not a list, an item that is not a non-empty
/// name, an empty list) is reported at once: throws vanban::Error.
Delegates read_delegates(const std::string& path);

}  // namespace vanban::cli
