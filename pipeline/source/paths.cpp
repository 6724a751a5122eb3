#include "pipeline/source/paths.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace vanban::source {

namespace fs = std::filesystem;

std::string join(const std::string& folder, const std::string& name) {
  if (folder.empty()) return name;
  return folder.back() == '/' ? folder + name : folder + "/" + name;
}

std::optional<std::string> resolve(const std::string& dir, std::string name) {
  std::replace(name.begin(), name.end(), '\\', '/');
  const bool drive = name.size() > 2 && std::isalpha(static_cast<unsigned char>(name[0])) &&
                     name[1] == ':' && name[2] == '/';  // C:\... written on Windows
  if (name.empty() || name[0] == '/' || drive) return std::nullopt;
  const fs::path p = (fs::path(dir) / name).lexically_normal();
  if (p.empty() || *p.begin() == "..") return std::nullopt;
  return p.generic_string();
}

bool stays_inside(const std::string& folder, const std::string& rel) {
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(folder.empty() ? fs::path(".") : fs::path(folder), ec);
  if (ec) return true;
  const fs::path target = fs::weakly_canonical(base / rel, ec);
  if (ec) return true;
  const auto [b, t] = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
  return b == base.end();
}

}  // namespace vanban::source
