#pragma once
/// `vanban schema [document|part|style]`: prints the JSON Schema of a file of that kind.
#include <string>
#include <vector>

namespace vanban::cli {

/// Prints the schema named by `args[1]` (default: document) to stdout, exactly as
/// docs/schema/<name>.schema.json holds it, for editors with the YAML language server.
/// `args[0]` is "schema". Returns the exit status: 0, or 2 for a usage error.
int schema_command(const std::vector<std::string>& args);

}  // namespace vanban::cli
