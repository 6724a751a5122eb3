#pragma once
/// Paths named inside a document: kept inside the document folder, symbolic links followed.
#include <optional>
#include <string>

namespace vanban::source {

/// `folder` joined with `name` as the user would write it: no "./" invented.
std::string join(const std::string& folder, const std::string& name);

/// `name`, written in a file that sits in `dir` (relative to the document folder, "" for
/// the folder itself), as a normalised path relative to the document folder; nullopt when
/// it is absolute or climbs out. Relative paths inside the document folder only: the
/// folder is what gets copied, archived and signed, so nothing may reach outside it.
/// A `\` counts as a separator, as it does for whoever wrote the path on Windows.
std::optional<std::string> resolve(const std::string& dir, std::string name);

/// True when `rel` (a path that resolve() kept inside `folder`) is still inside it once every
/// symbolic link on its way is followed: a link to a file elsewhere would bring that file
/// into the document as surely as `../` would. A path that cannot be resolved (a loop of
/// links) is left for the read to report.
bool stays_inside(const std::string& folder, const std::string& rel);

/// Why a file named by a document could not be read: what a message should say rather
/// than "not found" for a path that is there in some other form.
enum class FileProblem {
  missing,      ///< nothing at the path
  dangling,     ///< a symbolic link to nothing
  link_loop,    ///< symbolic links that lead back to themselves
  folder,       ///< a folder
  special,      ///< a FIFO, device or socket: reading it could block or never end
  unreadable,   ///< a regular file we may not read
};

/// The problem with `path`, a file that read_file could not read.
FileProblem file_problem(const std::string& path);

/// The hint for a problem other than FileProblem::missing ("it is a folder, not a file").
std::string file_problem_hint(FileProblem p);

/// For a file not found at `path`: the hint naming an entry beside it whose name differs
/// from the one asked for only in Unicode normalisation (NFC against NFD, as macOS writes
/// accented names), or "" when there is none.
std::string normalisation_hint(const std::string& path);

}  // namespace vanban::source
