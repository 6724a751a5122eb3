// write_file_atomically's temporaries (`.<name>.tmp-<k>`, held with flock): none is left
// beside the output, one left by a killed run is taken over by name by the next write of the
// same output, one a live build holds is never touched; and what the output path may be:
// links are written through, devices, FIFOs and folders refused, long names fine, the file
// size limit a message. (Folder creation and failed writes: pdf_test.cpp.)
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
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

  fs::path dir_;
};

TEST_F(AtomicWriteTemporaries, ReplacesTheWholeFileAndLeavesNothingBeside) {
  const fs::path out = dir_ / "c.pdf";
  write_file_atomically(out.string(), bytes(std::string(100000, 'x')));
  write_file_atomically(out.string(), bytes("short"));
  EXPECT_EQ(read(out), "short");
  EXPECT_EQ(names(), std::vector<std::string>{"c.pdf"});
}

TEST_F(AtomicWriteTemporaries, TakesOverALeftTemporaryByNameAndLeavesAHeldOne) {
  // Left by a killed build of c.pdf: no one holds it.
  std::ofstream(dir_ / ".c.pdf.tmp-0") << "half";
  std::ofstream(dir_ / ".d.pdf.tmp-0") << "other output";
  write_file_atomically((dir_ / "c.pdf").string(), bytes("%PDF one"));
  EXPECT_EQ(names(), (std::vector<std::string>{".d.pdf.tmp-0", "c.pdf"}));
  EXPECT_EQ(read(dir_ / "c.pdf"), "%PDF one");

  // Held by a build still writing (its lock): the next name is used, the held one untouched.
  std::ofstream(dir_ / ".c.pdf.tmp-0") << "being written";
  const int fd = ::open((dir_ / ".c.pdf.tmp-0").c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  write_file_atomically((dir_ / "c.pdf").string(), bytes("%PDF two"));
  ::close(fd);
  EXPECT_EQ(names(), (std::vector<std::string>{".c.pdf.tmp-0", ".d.pdf.tmp-0", "c.pdf"}));
  EXPECT_EQ(read(dir_ / ".c.pdf.tmp-0"), "being written");
  EXPECT_EQ(read(dir_ / "c.pdf"), "%PDF two");
}

TEST_F(AtomicWriteTemporaries, LongestNameFits) {
  // 255 bytes, the longest name; its temporary must fit too (and is cut before the "ạ").
  const std::string name = std::string(83, 'x') + std::string(116, 'a') + "\xe1\xba\xa1" + std::string(49, 'b') + ".pdf";
  ASSERT_LE(name.size(), 255u);
  write_file_atomically((dir_ / name).string(), bytes("%PDF"));
  EXPECT_EQ(names(), std::vector<std::string>{name});
}

TEST_F(AtomicWriteTemporaries, WritesThroughASymbolicLink) {
  fs::create_directories(dir_ / "real");
  std::ofstream(dir_ / "real" / "c.pdf") << "old";
  fs::create_symlink("real/c.pdf", dir_ / "link.pdf");
  write_file_atomically((dir_ / "link.pdf").string(), bytes("%PDF"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.pdf"));
  EXPECT_EQ(read(dir_ / "real" / "c.pdf"), "%PDF");
  // A dangling link: its target is created.
  fs::create_symlink("real/new.pdf", dir_ / "dangling.pdf");
  write_file_atomically((dir_ / "dangling.pdf").string(), bytes("%PDF new"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "dangling.pdf"));
  EXPECT_EQ(read(dir_ / "real" / "new.pdf"), "%PDF new");
}

TEST_F(AtomicWriteTemporaries, RefusesWhatIsNotARegularFileAndFolderNames) {
  ASSERT_EQ(::mkfifo((dir_ / "fifo.pdf").c_str(), 0600), 0);
  EXPECT_THROW(write_file_atomically((dir_ / "fifo.pdf").string(), bytes("%PDF")), std::runtime_error);
  EXPECT_TRUE(fs::is_fifo(dir_ / "fifo.pdf"));
  fs::create_symlink("fifo.pdf", dir_ / "to-fifo.pdf");
  EXPECT_THROW(write_file_atomically((dir_ / "to-fifo.pdf").string(), bytes("%PDF")), std::runtime_error);
  EXPECT_TRUE(fs::is_fifo(dir_ / "fifo.pdf"));
  // A name that is a folder: refused before any folder is made.
  EXPECT_THROW(write_file_atomically((dir_ / "newdir/").string(), bytes("%PDF")), std::runtime_error);
  EXPECT_THROW(write_file_atomically((dir_ / "x.pdf" / ".").string(), bytes("%PDF")), std::runtime_error);
  EXPECT_EQ(names(), (std::vector<std::string>{"fifo.pdf", "to-fifo.pdf"}));
}

TEST_F(AtomicWriteTemporaries, FileSizeLimitIsAMessageNotAKill) {
  const fs::path out = dir_ / "c.pdf";
  const pid_t pid = ::fork();
  if (pid == 0) {  // the limit and the signal's disposition stay in the child
    const rlimit small{4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &small);
    try {
      write_file_atomically(out.string(), std::vector<char>(100000, 'x'));
    } catch (const std::runtime_error& e) {
      ::_exit(std::string(e.what()).find("file size limit") != std::string::npos ? 0 : 3);
    }
    ::_exit(4);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(names().empty());
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
