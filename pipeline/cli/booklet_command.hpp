#pragma once
/// `vanban build <booklet>` (and `check`): a folder holding booklet.yaml, set as one book.
#include <iosfwd>

#include "pipeline/cli/options.hpp"
#include "pipeline/core/diagnostic.hpp"

namespace vanban::cli {

/// Builds the booklet `opt.document` (or, for `check`, checks each of its documents);
/// warnings go into `diags`, messages to `err`. Throws vanban::Error on bad input, which
/// `build` reports like a document's. Returns the exit status.
int build_booklet(const Options& opt, Diagnostics& diags, std::ostream& err);

}  // namespace vanban::cli
