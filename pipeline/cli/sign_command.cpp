// `vanban sign|verify` hand over to vanban-sign, a program of its own: PoDoFo and OpenSSL
// take 3-4 ms to load, which every `vanban build` would pay if vanban linked them.
#include "pipeline/cli/sign_command.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>

#include <unistd.h>

namespace vanban::cli {

int run_sign_command(char** argv) {
  static char name[] = "vanban-sign";
  argv[0] = name;
  // Beside this executable first (a build tree, an installation's bin/), so that a
  // vanban-sign of another version on PATH is never picked by mistake.
  char self[4096];
  const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    std::string path(self, static_cast<std::size_t>(n));
    path = path.substr(0, path.rfind('/') + 1) + name;
    ::execv(path.c_str(), argv);
  }
  ::execvp(name, argv);
  std::cerr << "vanban: error: cannot run vanban-sign: " << std::strerror(errno)
            << "\n  hint: it is built and installed beside vanban; check the installation\n";
  return 1;
}

}  // namespace vanban::cli
