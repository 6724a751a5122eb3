#pragma once
/// `vanban sign` and `vanban verify`: run by the separate program vanban-sign.

namespace vanban::cli {

/// Replaces this process with vanban-sign (found beside this executable, else on PATH),
/// passing argv on; returns (exit status 1) only when it cannot be started.
int run_sign_command(char** argv);

}  // namespace vanban::cli
