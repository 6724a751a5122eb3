// write_file_atomically's temporaries (`.<name>.tmp-<pid>-XXXXXX`): none is left beside
// the output, and those left by killed runs are removed by the next write of the same
// output, never those of a live process. (Folder creation and failed writes: pdf_test.cpp.)
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/pdf/write.hpp"

namespace fs = std::filesystem;
using vanban::pdf::write_file_atomically;

namespace {

class AtomicWriteTemporaries : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("vanban-atomic-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  static std::vector<char> bytes(const std::string& s) { return {s.begin(), s.end()}; }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }

  /// A pid no process has: a child of ours that has exited and been reaped.
  static pid_t dead_pid() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return pid;
  }

  fs::path dir_;
};

TEST_F(AtomicWriteTemporaries, ReplacesTheWholeFileAndLeavesNothingBeside) {
  const fs::path out = dir_ / "c.pdf";
  write_file_atomically(out.string(), bytes(std::string(100000, 'x')));
  write_file_atomically(out.string(), bytes("short"));
  EXPECT_EQ(read(out), "short");
  EXPECT_EQ(names(), std::vector<std::string>{"c.pdf"});
}

TEST_F(AtomicWriteTemporaries, RemovesTemporariesOfDeadRunsOnly) {
  const std::string dead = ".c.pdf.tmp-" + std::to_string(dead_pid()) + "-AbCdEf";
  const std::string live = ".c.pdf.tmp-" + std::to_string(::getppid()) + "-GhIjKl";  // our parent runs
  const std::string other = ".d.pdf.tmp-" + std::to_string(dead_pid()) + "-MnOpQr";
  const std::string odd = ".c.pdf.tmp-notapid";
  for (const auto& n : {dead, live, other, odd}) std::ofstream(dir_ / n) << "half";
  write_file_atomically((dir_ / "c.pdf").string(), bytes("%PDF"));
  EXPECT_EQ(names(), (std::vector<std::string>{live, odd, other, "c.pdf"}));
}

TEST_F(AtomicWriteTemporaries, RelativePathInTheCurrentFolder) {
  const fs::path cwd = fs::current_path();
  fs::current_path(dir_);
  write_file_atomically("c.pdf", bytes("%PDF"));
  fs::current_path(cwd);
  EXPECT_EQ(read(dir_ / "c.pdf"), "%PDF");
  EXPECT_EQ(names(), std::vector<std::string>{"c.pdf"});
}

}  // namespace
