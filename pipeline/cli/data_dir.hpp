#pragma once
/// Where vanban's data (styles/, fonts/, templates/) is: beside an installed binary, or the
/// source tree for a binary run from its build folder.
#include <string>

namespace vanban::cli {

/// The data folder, found once per process: `<prefix>/share/vanban` when the binary runs
/// from `<prefix>/bin` (its own path, from /proc/self/exe, so an installed vanban works
/// from any folder and after the installation is moved), else the source tree the binary
/// was built from. Costs one readlink and one stat, only when a command needs the data.
const std::string& data_dir();

/// The folder of the style files: $VANBAN_STYLES, else `<data_dir>/styles`.
std::string default_styles_dir();

}  // namespace vanban::cli
