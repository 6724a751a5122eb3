#include "pipeline/cli/pdfa_sources.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"

namespace fs = std::filesystem;

namespace vanban::cli {

namespace {

/// The MIME type PDF/A-3 wants in /Subtype, by the file's extension.
std::string mime_type(const fs::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".yaml" || ext == ".yml") return "application/yaml";  // RFC 9512
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  return "application/octet-stream";
}

}  // namespace

std::vector<pdf::AttachedFile> source_files(const std::vector<std::string>& inputs, const std::string& folder) {
  const fs::path base = fs::weakly_canonical(folder);
  std::vector<pdf::AttachedFile> out;
  std::set<std::string> seen;
  for (const std::string& input : inputs) {
    const fs::path rel = fs::weakly_canonical(input).lexically_relative(base);
    if (rel.empty() || *rel.begin() == ".." || rel.is_absolute()) continue;  // (the style, fonts)
    if (!seen.insert(rel.generic_string()).second) continue;
    std::ifstream in(input, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) throw std::runtime_error(tr("cannot read {} to embed it", input));
    out.push_back({rel.generic_string(), mime_type(rel), std::move(bytes)});
  }
  return out;
}

}  // namespace vanban::cli
