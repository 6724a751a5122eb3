#pragma once
/// `vanban build` and `vanban check` of one document, and of several side by side.
#include <iosfwd>
#include <string>
#include <vector>

#include "pipeline/cli/options.hpp"

namespace vanban::cli {

/// Starts fontconfig's set-up on a thread of its own (once per process, before a build).
void start_fonts();

/// Waits until fontconfig is set up (starting it when start_fonts was not called).
void wait_for_fonts();

/// Waits for start_fonts's thread if it still runs (a deferred set-up is left undone):
/// main calls it before returning, so the thread never outlives the statics it reads.
void join_fonts();

/// Builds (or, for `check`, only checks) one document; its messages go to `err`.
/// Returns the exit status: 0 done, 1 bad input.
int build(const Options& opt, std::ostream& err);

/// Builds several documents side by side, or one with a progress line on a terminal;
/// exit 1 when any failed.
int build_all(const Options& common, const std::vector<std::string>& documents);

}  // namespace vanban::cli
