#pragma once
/// `vanban build --sign`: builds and signs in one command. The PDF is built as usual (with
/// its empty signature fields), then vanban-sign signs it: the signing stays in its own
/// program, so a build without --sign never loads PoDoFo or OpenSSL.
#include <sys/types.h>

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

/// vanban-sign, started as the build starts, so that its own start-up (loading PoDoFo and
/// OpenSSL, opening the key) runs beside the typesetting; it then waits for the PDF on its
/// standard input. When it is not given one (the build failed), it is stopped unheard.
class Signer {
 public:
  /// Starts vanban-sign to sign into `output` with the signing options in `opt`.
  Signer(const std::string& output, const Options& opt);
  ~Signer();
  Signer(const Signer&) = delete;
  Signer& operator=(const Signer&) = delete;

  /// Gives it `pdf` (the unsigned build, through a pipe: no temporary file, nothing written
  /// twice) and waits. It writes `output` atomically as `vanban sign` does, and its messages
  /// go to stderr. Returns its exit status (0 signed, 1 refused: then no file is written).
  int sign(const std::vector<char>& pdf);

 private:
  pid_t pid_ = -1;      ///< running and not yet reaped when > 0
  int pipe_ = -1;       ///< its standard input
  int spawn_error_ = 0;  ///< errno of a failed start, reported by sign()
};

}  // namespace vanban::cli
