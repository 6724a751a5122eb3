/// The atomic file write: a temporary beside the output, synced, renamed (see write.hpp).
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/core/i18n.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::pdf {

namespace {

/// The process umask, read without changing it (umask(2) can only set).
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  return 022;
}


/// What write_file_atomically reports a failure through (it throws).
using FailFn = std::function<void(const std::string&, int)>;

/// SIGXFSZ's default action kills the process without a word when a write passes the file
/// size limit (`ulimit -f`); ignored, the write fails with EFBIG instead, which is reported
/// and lets the temporary be removed. Process-wide, set once, by the only code that writes.
void ignore_file_size_signal() {
  static const bool once = [] {
    ::signal(SIGXFSZ, SIG_IGN);
    return true;
  }();
  (void)once;
}

/// Why an existing output of type `mode` (not a regular file, not a link) is refused.
std::string not_a_file(mode_t mode) {
  if (S_ISDIR(mode)) return "it is a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is a device, not a regular file";
  if (S_ISFIFO(mode)) return "it is a FIFO, not a regular file";
  if (S_ISSOCK(mode)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

/// The file `path` finally names: symbolic links at its end are followed (a link given as
/// the output is written through, never replaced by the PDF: rename() would replace the
/// link itself). Refuses a path that names a folder (`out/`, `x.pdf/.`), before any folder
/// is made, and an existing target that is not a regular file (a device such as /dev/null,
/// a FIFO, a socket, a folder): renaming over it would replace it.
std::filesystem::path final_target(const std::string& path, const FailFn& fail) {
  namespace fs = std::filesystem;
  if (path.empty()) fail(tr("empty path"), 0);
  fs::path p(path);
  const auto names_folder = [](const fs::path& q) {
    const std::string last = q.filename().string();
    return last.empty() || last == "." || last == "..";
  };
  if (names_folder(p)) fail(tr("the path names a folder, not a file"), 0);
  for (int hops = 0;; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      if (errno == ENOENT) return p;  // a new file (the folder may not exist yet)
      fail(tr("cannot examine it"), errno);
    }
    if (S_ISREG(st.st_mode)) return p;
    if (!S_ISLNK(st.st_mode)) fail(not_a_file(st.st_mode), 0);
    if (hops == 40) fail(tr("too many levels of symbolic links"), ELOOP);
    std::error_code ec;
    const fs::path link = fs::read_symlink(p, ec);
    if (ec) fail(tr("cannot read the symbolic link"), ec.value());
    p = link.is_absolute() ? link : p.parent_path() / link;
    if (names_folder(p)) fail(tr("the symbolic link points to a folder"), 0);
  }
}

/// An open, locked temporary file beside the output.
struct Temporary {
  std::string path;
  int fd = -1;
};

/// At most this many builds of one output at the same moment (each takes a numbered name).
constexpr int kTemporarySlots = 64;

/// Opens the temporary `.<name>.tmp-<k>` in `dir` for the first k whose file no live build
/// holds. A build holds its temporary with flock() until it is renamed or removed; the
/// kernel drops the lock when the process dies, even by SIGKILL, so a temporary left by a
/// killed build is simply taken over (emptied, rewritten, renamed) by the next build of the
/// same output: temporaries are found by name, never by listing the folder. The name keeps
/// at most 200 bytes of the output's name, so that it stays under the 255-byte limit for
/// names the output itself may reach.
Temporary open_temporary(const std::filesystem::path& dir, const std::string& name, const FailFn& fail) {
  std::size_t keep = std::min<std::size_t>(name.size(), 200);
  if (keep < name.size())  // cut before a whole character
    while (keep > 0 && text::is_continuation(static_cast<unsigned char>(name[keep]))) --keep;
  const std::string prefix = "." + name.substr(0, keep) + ".tmp-";
  int last_error = 0;
  for (int k = 0; k < kTemporarySlots; ++k) {
    Temporary t{(dir / (prefix + std::to_string(k))).string(), -1};
    t.fd = ::open(t.path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (t.fd < 0) {
      last_error = errno;
      if (errno == ENOENT || errno == ENOTDIR || errno == EROFS || errno == ENOSPC) break;
      continue;  // someone else's file, a link, a folder: not ours, try the next name
    }
    const bool locked = ::flock(t.fd, LOCK_EX | LOCK_NB) == 0;
    if (!locked && errno != EWOULDBLOCK) {
      // A file system without flock (some network and FUSE ones): a name no one has, made
      // with O_EXCL. (A killed build's temporary then stays; the next name is used.)
      ::close(t.fd);
      t.fd = ::open(t.path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
      if (t.fd >= 0) return t;
      last_error = errno;
      continue;
    }
    struct stat held {}, named {};
    const bool ours = locked && ::fstat(t.fd, &held) == 0 && S_ISREG(held.st_mode) &&
                      ::lstat(t.path.c_str(), &named) == 0 && named.st_dev == held.st_dev && named.st_ino == held.st_ino;
    if (ours && ::ftruncate(t.fd, 0) == 0) return t;
    ::close(t.fd);  // a live build's, or renamed away by one between our open and our lock
  }
  fail(tr("cannot create a temporary file in {}", dir.string()), last_error);
  return {};
}
}  // namespace

void write_file_atomically(const std::string& path, const std::vector<char>& bytes) {
  const auto fail = [&path](const std::string& what, int err) {
    throw std::runtime_error(
        tr("cannot write {}: {}{}", path, what, (err ? std::string(": ") + std::strerror(err) : "")));
  };
  ignore_file_size_signal();
  const std::filesystem::path target = final_target(path, fail);
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) fail(tr("cannot create folder {}", dir.string()), ec.value());

  // Ctrl-C, kill, a closed terminal: held back until the temporary is renamed or removed,
  // so that they too leave either the old file or the new one, and nothing beside them.
  // The window is one write and fsync of bytes already in memory.
  struct SignalsHeld {
    sigset_t old{};
    SignalsHeld() {
      sigset_t held;
      sigemptyset(&held);
      for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&held, s);
      pthread_sigmask(SIG_BLOCK, &held, &old);
    }
    ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &old, nullptr); }  // a pending signal lands now
    SignalsHeld(const SignalsHeld&) = delete;
    SignalsHeld& operator=(const SignalsHeld&) = delete;
  } const held;

  const Temporary tmp = open_temporary(dir, target.filename().string(), fail);
  const auto abandon = [&](const std::string& what, int err) {
    ::unlink(tmp.path.c_str());  // (still under our lock: no other build uses this name)
    ::close(tmp.fd);
    fail(what, err);
  };
  // A new file gets the mode an ordinary create would; a reused leftover gets it back.
  if (::fchmod(tmp.fd, 0666 & ~current_umask()) != 0) abandon("chmod", errno);
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(tmp.fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon(errno == EFBIG ? "write failed: the file size limit (ulimit -f) is reached" : "write failed", errno);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  // On disk before the rename, so that even a power cut leaves the old file or the whole new
  // one, never a renamed empty or partial file (ext4 and XFS may otherwise commit the rename
  // first). The folder itself is not synced after the rename: that would make the new name
  // durable too, at the price of a second journal commit (0.3–4 ms here, a fifth of a build);
  // a power cut in the seconds after a build may then leave the previous version, whole.
  if (::fsync(tmp.fd) != 0) abandon("fsync failed", errno);
  if (::rename(tmp.path.c_str(), target.c_str()) != 0) abandon("rename failed", errno);
  // Closing releases the lock only now: a build that opened the old name before the rename
  // finds, once it holds the lock, that the name no longer leads to its file (open_temporary).
  if (::close(tmp.fd) != 0) fail(tr("close failed"), errno);
}

}  // namespace vanban::pdf
