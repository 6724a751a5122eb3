#pragma once
/// `vanban import <file> -o <folder>`.
#include <string>
#include <vector>

namespace vanban::cli {

/// Runs the import command; `args` starts with "import". Returns the exit status
/// (0 done, 1 bad input, 2 bad usage).
int run_import(const std::vector<std::string>& args);

}  // namespace vanban::cli
