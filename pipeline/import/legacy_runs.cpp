// Legacy-font runs of a .docx, decoded with the tables of pipeline/text/legacy.
#include "pipeline/import/legacy_runs.hpp"

namespace vanban::importer {

std::string LegacyRuns::decode(const std::string& text, const std::string& font) {
  bool capitals = false;
  const auto encoding = text::legacy_font(font, &capitals);
  if (!encoding) return text;
  const auto bytes = text::windows1252_bytes(text);
  if (!bytes) return text;  // Unicode typed in a legacy font's name: already right
  ++converted_[std::string(text::legacy_name(*encoding)) + " font " + font];
  return text::legacy_to_utf8(*bytes, *encoding, capitals);
}

void LegacyRuns::report(std::vector<std::string>& notes) const {
  for (const auto& [what, runs] : converted_)
    notes.push_back(std::to_string(runs) + (runs == 1 ? " run" : " runs") + " in the " + what + " converted to Unicode");
}

}  // namespace vanban::importer
