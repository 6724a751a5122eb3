#pragma once
/// The checks made on a file's bytes before YAML sees them, with messages in plain words.
#include "pipeline/core/diagnostic.hpp"
#include "pipeline/source/file.hpp"

namespace vanban::source {

/// Checks made on the bytes before parsing: valid UTF-8 (a file in TCVN3, VNI or
/// Windows-1258 is named as such), no NUL, no control character (each at its own column),
/// and no tab in indentation. Adds errors to `diags`; returns false when YAML should not
/// be tried.
bool check_bytes(const SourceFile& file, Diagnostics& diags);

}  // namespace vanban::source
