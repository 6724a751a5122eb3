#pragma once
/// `vanban new <kind> <folder> [--style NAME]`: a new document folder from a template.
#include <string>
#include <vector>

namespace vanban::cli {

/// Runs `vanban new` with the arguments after `new`. Copies `templates/<style>/<kind>/`
/// of the data folder into <folder>, through a temporary folder beside it that is renamed
/// into place, so the folder appears whole or not at all. Refuses a folder that exists and
/// is not empty. Returns 0, 1 (the folder cannot be written) or 2 (bad usage: an unknown
/// kind or style, with the nearest name and the list of those there are).
int new_command(const std::vector<std::string>& args);

}  // namespace vanban::cli
