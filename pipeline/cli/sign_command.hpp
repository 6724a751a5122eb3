#pragma once
/// `vanban sign` and `vanban verify`: run by the separate program vanban-sign.

#include <string>
#include <vector>

namespace vanban::cli {

/// Where vanban-sign is: beside this executable (a build tree, an installation's bin/),
/// so that one of another version on PATH is never picked by mistake; else its bare name,
/// for a search of PATH.
std::string sign_program();

/// Replaces this process with vanban-sign (found beside this executable, else on PATH),
/// passing `args` (the command and its options, without --lang: the language goes in
/// VANBAN_LANG) on; returns (exit status 1) only when it cannot be started.
int run_sign_command(const std::vector<std::string>& args);

}  // namespace vanban::cli
