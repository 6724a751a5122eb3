// Finding the data folder from the binary's own location (see data_dir.hpp).
#include "pipeline/cli/data_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

#include <limits.h>
#include <unistd.h>

namespace vanban::cli {

namespace {

/// The installed data folder relative to the binary's folder, or "" when the binary does
/// not run from an installation. VANBAN_DATA_RELATIVE (e.g. "../share/vanban") comes from
/// the install layout (GNUInstallDirs); a folder only counts when it has styles/.
std::string installed_data_dir() {
  char exe[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return {};
  const std::string path(exe, static_cast<std::size_t>(n));
  const std::string dir = path.substr(0, path.rfind('/') + 1) + VANBAN_DATA_RELATIVE;
  if (::access((dir + "/styles").c_str(), F_OK) != 0) return {};
  return std::filesystem::path(dir).lexically_normal().string();  // "/usr/share/vanban" in messages
}

}  // namespace

const std::string& data_dir() {
  static const std::string dir = [] {
    std::string installed = installed_data_dir();
    return installed.empty() ? std::string(VANBAN_SOURCE_DATA_DIR) : installed;
  }();
  return dir;
}

std::string default_styles_dir() {
  if (const char* env = std::getenv("VANBAN_STYLES")) return env;
  return data_dir() + "/styles";
}

}  // namespace vanban::cli
