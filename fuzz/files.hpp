#pragma once
/// Fuzz inputs that stand for a document folder: a scratch folder, and the split of one
/// input into files. The loader reads a folder, not a string, so the fuzzers go through
/// real files rather than a test-only entry point into pipeline/content.
///
/// An input is document.yaml, optionally followed by more files, each introduced by a
/// line `#=== <name>` (a YAML comment, so a plain document is a valid input too):
///
///     style: dang
///     parts: [phan-1.yaml]
///     #=== phan-1.yaml
///     title: ...
#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace vanban::fuzz {

/// A folder under $TMPDIR for the whole run, `vanban-fuzz-<pid>`, emptied before each input
/// and removed at exit. libFuzzer often ends a run without destructors (a crash, a timeout,
/// -max_total_time), so each run first removes the folders of runs whose pid is gone.
class Scratch {
 public:
  Scratch() {
    const auto tmp = std::filesystem::temp_directory_path();
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(tmp, ec)) {
      const std::string name = e.path().filename().string();
      if (name.rfind("vanban-fuzz-", 0) != 0) continue;
      const long pid = std::strtol(name.c_str() + 12, nullptr, 10);
      if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) std::filesystem::remove_all(e.path(), ec);
    }
    path_ = tmp / ("vanban-fuzz-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_, ec);
    if (!std::filesystem::create_directory(path_, ec)) std::abort();
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  const std::filesystem::path& path() const { return path_; }

  /// Removes what the previous input left (files and any folders it named).
  void clear() const {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(path_, ec)) std::filesystem::remove_all(e.path(), ec);
  }

  void write(const std::string& name, std::string_view bytes) const {
    std::ofstream out(path_ / name, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

 private:
  std::filesystem::path path_;
};

/// A file name the input may choose: short, plain, never leaving the folder (the fuzzer
/// must not write outside its scratch folder; path checks are fuzzed through the YAML).
inline bool safe_name(std::string_view n) {
  if (n.empty() || n.size() > 40 || n[0] == '.') return false;
  for (char c : n)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

/// Writes the files of one input into `dir` (cleared first): document.yaml, then each
/// `#=== name` section. Sections with unusable names are dropped.
inline void write_input(const Scratch& dir, const std::uint8_t* data, std::size_t size) {
  dir.clear();
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kMark = "\n#=== ";
  std::string name = "document.yaml";
  std::size_t start = 0;
  while (true) {
    const std::size_t at = in.find(kMark, start);
    const std::string_view body = in.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start + 1);
    if (safe_name(name)) dir.write(name, body);
    if (at == std::string_view::npos) break;
    const std::size_t name_start = at + kMark.size();
    const std::size_t eol = in.find('\n', name_start);
    name = std::string(in.substr(name_start, eol == std::string_view::npos ? std::string_view::npos : eol - name_start));
    if (eol == std::string_view::npos) break;
    start = eol + 1;
  }
}

}  // namespace vanban::fuzz
