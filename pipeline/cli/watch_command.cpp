// `vanban watch`: inotify on the document folder and the style file; a rebuild per save.
//
// Editors save in several steps (a temporary file renamed over the old one, or truncate
// then write), so a change starts a short quiet period: the build starts once no event has
// come for kQuiet. Builds run on this thread, one at a time; SIGINT and SIGTERM are read
// from a signalfd, so a build is never cut in the middle (its PDF is renamed into place
// whole, or not at all).
#include "pipeline/cli/watch_command.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "pipeline/cli/data_dir.hpp"
#include "pipeline/cli/output_path.hpp"
#include "pipeline/content/load.hpp"
#include "pipeline/core/i18n.hpp"

namespace fs = std::filesystem;

namespace vanban::cli {

namespace {

/// How long the folder must stay still after an event before the rebuild starts: long
/// enough for an editor's save (write, rename, delete the backup), short beside a build.
constexpr int kQuietMs = 10;
/// Folders watched at most: a document folder is small; a mistaken `watch /` is not.
constexpr std::size_t kMaxFolders = 2000;

constexpr std::uint32_t kEvents =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF;

constexpr const char* kHelp = N_(R"(Usage: vanban watch <document> [-o FILE.pdf] [--final] [--styles DIR]

Builds the document, then again at each save of any file in its folder (parts,
includes, images) or of its style file; prints the messages and how long each
build took. A failed build leaves the last good PDF. Ctrl-C stops.
)");

int usage(const std::string& message) {
  std::cerr << "vanban: " << message << '\n' << tr("Try `vanban --help`.") << '\n';
  return 2;
}

/// `p` made absolute and normal, to compare paths from events with the output's.
std::string absolute_path(const fs::path& p) {
  std::error_code ec;
  std::string out = fs::absolute(p, ec).lexically_normal().string();
  if (out.size() > 1 && out.back() == '/') out.pop_back();  // "doc/" names the folder "doc"
  return out;
}

/// Files whose changes are not edits: editors' temporaries and backups, our own
/// temporary PDFs (all hidden), Vim's write test file.
bool ignored_name(const std::string& name) {
  return name.empty() || name[0] == '.' || name.back() == '~' || name == "4913";
}

/// "HH:MM:SS" of the local time, to tell one rebuild's lines from the next.
std::string clock_time() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
  return buf;
}

/// The inotify watches: the document's folder tree (any file counts) and single files
/// elsewhere (the style), watched through their folder.
class Watcher {
 public:
  Watcher() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~Watcher() {
    if (fd_ >= 0) ::close(fd_);
  }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  int fd() const { return fd_; }

  /// Watches `dir` and its subfolders (hidden ones skipped); false when it cannot.
  bool add_tree(const std::string& dir) {
    if (!add(dir, true)) return false;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_directory(ec)) continue;
      if (ignored_name(it->path().filename().string())) {
        it.disable_recursion_pending();
        continue;
      }
      if (!add(it->path().string(), true)) break;
    }
    return true;
  }

  /// Watches one file through its folder: only events naming it count there.
  void add_file(const std::string& file) {
    const fs::path p(file);
    const std::string dir = p.parent_path().string();
    if (!add(dir, false)) return;
    for (auto& [wd, w] : dirs_)
      if (w.path == dir) w.names.insert(p.filename().string());
  }

  /// Reads the pending events; returns the paths of the changed inputs (empty when none
  /// counts). Sets `gone` when the watched root folder itself went away.
  std::vector<std::string> read(const std::string& skip_output, bool& gone) {
    std::vector<std::string> changed;
    alignas(inotify_event) char buf[16384];
    for (;;) {
      const ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      for (ssize_t off = 0; off < n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(buf + off);
        off += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
        const auto it = dirs_.find(e->wd);
        if (it == dirs_.end()) continue;
        if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
          if (it->second.root) gone = true;
          continue;
        }
        const std::string name = e->len ? std::string(e->name) : std::string();
        if (const auto path = relevant(it->second, name, e->mask, skip_output)) changed.push_back(*path);
      }
    }
    return changed;
  }

  /// Marks the folder given to add_tree first as the root (its loss ends the watch).
  void set_root(const std::string& dir) {
    for (auto& [wd, w] : dirs_) w.root = w.path == dir;
  }

 private:
  struct Dir {
    std::string path;
    bool tree = false;            ///< part of the document's tree: any file counts
    bool root = false;            ///< the document folder itself
    std::set<std::string> names;  ///< outside the tree: the files that count
  };

  bool add(const std::string& dir, bool tree) {
    if (dirs_.size() >= kMaxFolders) {
      if (!warned_)
        std::cerr << "vanban: " << tr("warning: ") << tr("more than {} folders; the rest are not watched", kMaxFolders)
                  << '\n';
      warned_ = true;
      return false;
    }
    const int wd = ::inotify_add_watch(fd_, dir.c_str(), kEvents | IN_ONLYDIR);
    if (wd < 0) return false;
    Dir& d = dirs_[wd];  // the same folder twice gives the same watch
    d.path = dir;
    d.tree = d.tree || tree;
    return true;
  }

  /// The changed file's path when the event is an edit of an input; a new subfolder of the
  /// tree is watched too (it may hold files an include names).
  std::optional<std::string> relevant(const Dir& d, const std::string& name, std::uint32_t mask,
                                      const std::string& skip_output) {
    if (!d.tree) {
      if (!d.names.count(name) || (mask & IN_CREATE)) return std::nullopt;
      return d.path + "/" + name;
    }
    if (ignored_name(name)) return std::nullopt;
    const std::string path = d.path + "/" + name;
    if (path == skip_output || path == fs::path(skip_output).parent_path().string()) return std::nullopt;
    if (mask & IN_ISDIR) {
      if (mask & (IN_CREATE | IN_MOVED_TO)) add_tree(path);
      return path;
    }
    if (mask & IN_CREATE) return std::nullopt;  // its IN_CLOSE_WRITE follows once it is written
    return path;
  }

  int fd_;
  std::map<int, Dir> dirs_;
  bool warned_ = false;
};

/// The style file the document names (as style::load_style finds it), or "" when the
/// document cannot be read far enough to know. Read again only when document.yaml changes.
std::string style_file(const WatchBuild& b) {
  std::string name, folder;
  try {
    const content::Head head = content::load_head(b.document);
    name = head.document().style;
    folder = head.document().folder;
  } catch (...) {  // the build has reported the document's errors already
  }
  if (name.empty()) return {};
  const std::string styles = b.styles_dir.empty() ? default_styles_dir() : b.styles_dir;
  return absolute_path(name.ends_with(".yaml") ? fs::path(folder) / name : fs::path(styles) / (name + ".yaml"));
}

/// Builds once and says how long it took.
void rebuild(const WatchBuild& b, const BuildOnce& build) {
  const auto start = std::chrono::steady_clock::now();
  const int status = build(b, std::cerr);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  std::cerr << "[" << clock_time() << "] ";
  if (status == 0)
    std::cerr << tr("built in {} ms", ms.count()) << '\n';
  else
    std::cerr << tr("failed in {} ms; {} is left as it was", ms.count(), b.output) << '\n';
  std::cerr.flush();
}

/// Waits for a change that counts, then for the quiet period after it. Returns the
/// changed paths, or nothing when a signal came (or the folder went away: `gone`).
std::optional<std::vector<std::string>> wait_for_change(Watcher& w, int signal_fd, const std::string& output,
                                                        bool& gone) {
  std::vector<std::string> changed;
  for (;;) {
    pollfd fds[2] = {{w.fd(), POLLIN, 0}, {signal_fd, POLLIN, 0}};
    const int ready = ::poll(fds, 2, changed.empty() ? -1 : kQuietMs);
    if (ready < 0 && errno == EINTR) continue;
    if (fds[1].revents & POLLIN) return std::nullopt;
    if (ready == 0) return changed;  // quiet after a change: build
    if (fds[0].revents & POLLIN) {
      auto more = w.read(output, gone);
      if (gone) return std::nullopt;
      changed.insert(changed.end(), more.begin(), more.end());
    }
  }
}


/// Reads the arguments of `watch` into `b`; returns a usage error's exit status, -1 when
/// --help was printed, or 0.
int parse_arguments(const std::vector<std::string>& args, WatchBuild& b) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << translate(kHelp);
      return -1;  // done: exit 0
    } else if (a == "-o" || a == "--output" || a == "--styles") {
      if (i + 1 >= args.size()) return usage(tr("{} needs a value", a));
      (a == "--styles" ? b.styles_dir : b.output) = args[++i];
    } else if (a == "--final") {
      b.final_mode = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage(tr("unknown option `{}` for watch", a));
    } else if (!b.document.empty()) {
      return usage(tr("watch takes one document"));
    } else {
      b.document = a;
    }
  }
  if (b.document.empty()) return usage(tr("watch needs a document folder"));
  if (b.output.empty()) b.output = default_output(b.document);  // where `build` writes it
  return 0;
}

}  // namespace

int watch_command(const std::vector<std::string>& args, const BuildOnce& build) {
  WatchBuild b;
  if (const int status = parse_arguments(args, b)) return status < 0 ? 0 : status;

  // Signals are read from a file descriptor: blocked here, before any thread is started,
  // so that the build's threads inherit the mask and none of them is killed mid-write.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  ::pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const int signal_fd = ::signalfd(-1, &signals, SFD_CLOEXEC);

  std::error_code ec;
  const bool one_file = fs::is_regular_file(b.document, ec);
  const std::string root = absolute_path(one_file ? fs::path(b.document).parent_path() : fs::path(b.document));
  const std::string document_file = one_file ? absolute_path(b.document) : root + "/document.yaml";
  Watcher watcher;
  if (signal_fd < 0 || watcher.fd() < 0 || !fs::is_directory(root, ec) || !watcher.add_tree(root)) {
    const std::string why = fs::is_directory(root, ec) ? std::strerror(errno) : tr("no such folder");
    std::cerr << b.document << ": " << tr("error: ") << tr("cannot watch this document: {}", why) << "\n  "
              << tr("hint: ") << tr("give a document folder (holding document.yaml) or a document .yaml file") << '\n';
    return 1;
  }
  watcher.set_root(root);
  const std::string output = absolute_path(b.output);
  if (output.starts_with(root + "/"))
    return usage(
        tr("the PDF {} would be inside the document folder, whose files `build` takes for\ninputs and refuses to "
           "replace; give -o with a path outside it, e.g. -o ../{}.pdf",
           b.output, document_name(b.document)));
  std::cerr << "vanban: " << tr("watching {}; Ctrl-C to stop", b.document) << '\n';
  bool style_known = false;
  for (std::vector<std::string> changed;;) {
    rebuild(b, build);
    const bool head_changed = std::count(changed.begin(), changed.end(), document_file) > 0;
    if (!style_known || head_changed) {
      if (const std::string style = style_file(b); !style.empty()) {
        watcher.add_file(style);
        style_known = true;
      }
    }
    bool gone = false;
    const auto next = wait_for_change(watcher, signal_fd, output, gone);
    if (gone) {
      std::cerr << b.document << ": " << tr("error: ")
                << tr("the document folder was removed or renamed; stopped watching") << '\n';
      return 1;
    }
    if (!next) break;
    changed = *next;
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    std::cerr << "[" << clock_time() << "] changed: " << fs::path(changed.front()).filename().string()
              << (changed.size() > 1 ? " and others" : "") << '\n';
  }
  std::cerr << "vanban: " << tr("stopped watching {}", b.document) << '\n';
  return 0;
}

}  // namespace vanban::cli
