#pragma once
/// Reading a plain-text file: one paragraph per line (a line that plainly continues the one
/// before is joined to it), a line split into columns by tabs or wide gaps read as a
/// one-row borderless table (the header grid and the signature beside "Nơi nhận").
#include <string>
#include <string_view>

#include "pipeline/import/source.hpp"

namespace vanban::importer {

/// Reads UTF-8 text (a byte-order mark is dropped; CR LF, CR and LF all end lines). Text in
/// a legacy Vietnamese encoding has been converted before this (see decode_legacy_text).
/// Throws Error on text that is not valid UTF-8.
Source read_text(std::string_view utf8, const std::string& file);

}  // namespace vanban::importer
