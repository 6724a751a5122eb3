#pragma once
/// `vanban watch <document> [-o FILE.pdf] [--final] [--styles DIR]`: rebuild at each save.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace vanban::cli {

/// One build the watcher asks for.
struct WatchBuild {
  std::string document;    ///< as the user gave it (diagnostics name files this way)
  std::string output;      ///< the PDF, always set (out/<name>.pdf by default, as `build`)
  std::string styles_dir;  ///< "" = the default
  bool final_mode = false;
};

/// Builds once, as `vanban build` does: 0 when the PDF was written; its messages go to `err`.
using BuildOnce = std::function<int(const WatchBuild&, std::ostream& err)>;

/// Runs `vanban watch` with the arguments after `watch`: builds the document, then
/// rebuilds it each time one of its inputs changes (any file in the document folder and
/// its subfolders, which holds the parts, includes and images, and the style file), with
/// inotify. Each rebuild's diagnostics are printed, then how long it took; a failed build
/// leaves the last good PDF in place (builds write a temporary and rename it). Returns 0
/// on SIGINT or SIGTERM (after the build under way, if any), 1 when the document folder
/// cannot be watched, 2 on bad usage.
int watch_command(const std::vector<std::string>& args, const BuildOnce& build);

}  // namespace vanban::cli
