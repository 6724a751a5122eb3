#pragma once
// A scratch folder for one test, shared by the test binaries of every stage.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace vanban::testing {

/// A fresh folder under the system temp dir, named `<prefix>-<suite>-<test>-<pid>-<n>`,
/// removed with the object: tests run many times and in parallel, and must not fill /tmp.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "vanban-test") {
    static int count = 0;  // several folders in one test stay apart
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string test = info ? std::string(info->test_suite_name()) + "-" + info->name() : "no-test";
    path_ = std::filesystem::temp_directory_path() /
            (prefix + "-" + test + "-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
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

}  // namespace vanban::testing
