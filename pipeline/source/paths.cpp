#include "pipeline/source/paths.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <system_error>

#include "pipeline/core/i18n.hpp"
#include "pipeline/text/unicode.hpp"

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

FileProblem file_problem(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ELOOP) return FileProblem::link_loop;
    struct stat link{};
    if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) return FileProblem::dangling;
    return errno == EACCES ? FileProblem::unreadable : FileProblem::missing;
  }
  if (S_ISDIR(st.st_mode)) return FileProblem::folder;
  if (!S_ISREG(st.st_mode)) return FileProblem::special;
  return FileProblem::unreadable;
}

std::string file_problem_hint(FileProblem p) {
  switch (p) {
    case FileProblem::missing:
      return tr("the file is not there");
    case FileProblem::dangling:
      return tr("it is a symbolic link to a file that is not there");
    case FileProblem::link_loop:
      return tr("it is a symbolic link that leads back to itself (a loop of links)");
    case FileProblem::folder:
      return tr("it is a folder, not a file");
    case FileProblem::special:
      return tr("it is not a regular file (a FIFO, a device or a socket): save the content as a file");
    case FileProblem::unreadable:
      return tr("check its permissions");
  }
  return {};
}

std::string normalisation_hint(const std::string& path) {
  const fs::path p(path);
  const std::string want = text::nfc(p.filename().string());
  std::error_code ec;
  for (const auto& de : fs::directory_iterator(p.parent_path().empty() ? fs::path(".") : p.parent_path(), ec)) {
    const std::string name = de.path().filename().string();
    if (name != p.filename().string() && text::valid_utf8(name) && text::nfc(name) == want)
      return tr(
          "the folder holds `{}`, the same name with its accents composed differently "
          "(NFD, as macOS writes them): rename the file, or retype the name",
          name);
  }
  return {};
}

}  // namespace vanban::source
