#pragma once
/// Where a build writes its PDF when not told: out/<document name>.pdf.
#include <filesystem>
#include <string>
#include <system_error>

namespace vanban::cli {

/// The document's name: its folder's name, or its .yaml file's name without the extension.
/// "doc", "doc/" (as shells complete folder names) and "doc/." all give "doc"; "." gives
/// the current folder's name.
inline std::string document_name(const std::string& document) {
  std::filesystem::path p = std::filesystem::path(document).lexically_normal();
  std::error_code ec;
  if (p.filename() == "." || p.filename() == "..") p = std::filesystem::absolute(p, ec).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  return p.filename().replace_extension().string();
}

/// out/<document name>.pdf, under the current folder.
inline std::string default_output(const std::string& document) { return "out/" + document_name(document) + ".pdf"; }

}  // namespace vanban::cli
