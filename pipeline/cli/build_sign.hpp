#pragma once
/// `vanban build --sign`: builds and signs in one command. The PDF is built as usual (with
/// its empty signature fields), then vanban-sign signs it: the signing stays in its own
/// program, so a build without --sign never loads PoDoFo or OpenSSL.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/cli/options.hpp"

namespace vanban::cli {

/// Whether `arg` is --sign or an option that `build --sign` passes on to `vanban sign`
/// (--p12, --password-file, --tsa, --reason, --location, --image, --seal, --seal-diameter).
bool is_sign_option(const std::string& arg);

/// Takes args[i] (and its value, args[i + 1]) into `opt`; an exit status on a usage error.
std::optional<int> take_sign_option(const std::vector<std::string>& args, std::size_t& i, Options& opt);

/// The usage errors of the signing options taken together (--p12 without --sign, --sign
/// without --p12, --sign with check or --dump); nullopt when they make sense.
std::optional<int> check_sign_options(const Options& opt);

/// Has vanban-sign sign `pdf` (the unsigned build, given through a pipe: no temporary file,
/// nothing written twice) into `output`, atomically as `vanban sign` writes. Its messages
/// go to stderr. Returns its exit status (0 signed, 1 refused: then no file is written).
int write_signed(const std::string& output, const std::vector<char>& pdf, const Options& opt);

}  // namespace vanban::cli
