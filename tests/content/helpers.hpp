#pragma once
// Test helpers for the content stage: a scratch folder per test, and checks on the
// diagnostics a failed load carries (exact `file:line:column`, message and hint parts).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/content/load.hpp"
#include "pipeline/core/diagnostic.hpp"

namespace vanban::content::testing {

/// A fresh folder under the system temp dir, removed when the test ends.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("vanban-content-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// The folder, as a string (absolute).
  std::string str() const { return path_.string(); }
  /// `name` inside the folder, as a string.
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  /// Writes `bytes` to `name` (creating subfolders); returns its path.
  std::string write(const std::string& name, const std::string& bytes) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

/// `file:line:column` of a diagnostic.
inline std::string where(const Diagnostic& d) {
  return d.pos.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column);
}

/// All diagnostics, formatted, for failure messages.
inline std::string dump(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += format(d) + "\n";
  return out;
}

/// The diagnostics of loading `path`, which must fail with vanban::Error.
inline std::vector<Diagnostic> load_errors(const std::string& path) {
  try {
    load_document(path);
  } catch (const Error& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "loading " << path << " succeeded; an error was expected";
  return {};
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

/// Loading `path` fails with exactly one error, at `at`, whose message contains `message`
/// and whose hint contains `hint`.
inline void expect_one_error(const std::string& path, const std::string& at, const std::string& message,
                             const std::string& hint = {}) {
  const auto ds = load_errors(path);
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(where(ds[0]), at) << dump(ds);
  EXPECT_TRUE(contains(ds[0].message, message)) << "message: " << ds[0].message;
  EXPECT_TRUE(contains(ds[0].hint, hint)) << "hint: " << ds[0].hint;
  EXPECT_EQ(ds[0].severity, Severity::Error);
}

/// The smallest valid document.yaml lines before the part of interest.
inline const char* kMinimalHead =
    "kind: bao-cao\n"
    "header:\n"
    "  issuer: ĐẢNG ỦY XÃ\n"
    "title: Báo cáo\n";

}  // namespace vanban::content::testing
