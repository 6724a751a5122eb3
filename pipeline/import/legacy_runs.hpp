#pragma once
/// Word runs set in legacy-encoded fonts (.VnTime: TCVN3; VNI-Times: VNI): Word stores their
/// bytes as Windows-1252 characters; they are turned back into bytes and decoded, run by run
/// (a file often mixes them with Unicode runs), and counted for the import's summary.
#include <map>
#include <string>
#include <vector>

#include "pipeline/text/legacy.hpp"

namespace vanban::importer {

/// Decodes legacy-font runs and remembers how many of each it converted.
class LegacyRuns {
 public:
  /// `text` decoded when `font` is a legacy font, else `text` unchanged.
  std::string decode(const std::string& text, const std::string& font);
  /// Adds one line per encoding met ("12 runs in TCVN3 (ABC) fonts (.VnTime) converted").
  void report(std::vector<std::string>& notes) const;

 private:
  std::map<std::string, int> converted_;  // encoding name + fonts -> runs
};

}  // namespace vanban::importer
