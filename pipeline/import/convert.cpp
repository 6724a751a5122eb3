// Running LibreOffice headless to turn .doc/.odt/.rtf into .docx.
#include "pipeline/import/convert.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"

extern char** environ;

namespace vanban::importer {
namespace fs = std::filesystem;
namespace {

/// The first of `names` found on PATH, or empty.
std::string on_path(std::initializer_list<std::string_view> names) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "";
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string dir(rest.substr(0, colon));
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    for (const std::string_view name : names) {
      const std::string candidate = (dir.empty() ? "." : dir) + "/" + std::string(name);
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  }
  return {};
}

}  // namespace

bool needs_conversion(const std::string& extension) { return extension == ".doc" || extension == ".odt" || extension == ".rtf"; }

std::string convert_to_docx(const std::string& input, const std::string& work) {
  const std::string how = "`soffice --headless --convert-to docx " + input + "`";
  const std::string soffice = on_path({"soffice", "libreoffice"});
  if (soffice.empty())
    fail({input, 0, 0}, tr("reading this file needs LibreOffice, which is not installed"),
         tr("install LibreOffice, or convert it elsewhere with {} (or save it as .docx from Word), then import the "
            ".docx",
            how));
  // A profile of its own: a LibreOffice already open would otherwise take the job, or refuse it.
  std::vector<std::string> args = {soffice, "-env:UserInstallation=file://" + fs::absolute(work).string() + "/profile", "--headless",
                                   "--convert-to", "docx", "--outdir", work, input};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int status = 0;
  if (posix_spawn(&pid, soffice.c_str(), nullptr, nullptr, argv.data(), environ) != 0 || waitpid(pid, &status, 0) != pid ||
      !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    fail({input, 0, 0}, tr("LibreOffice could not convert the file"),
         tr("try {} yourself and import the .docx it makes", how));
  const std::string docx = (fs::path(work) / fs::path(input).filename().replace_extension(".docx")).string();
  if (!fs::exists(docx)) fail({input, 0, 0}, tr("LibreOffice made no .docx of the file"), tr("try {} yourself", how));
  return docx;
}

}  // namespace vanban::importer
