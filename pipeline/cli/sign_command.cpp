// `vanban sign|verify` hand over to vanban-sign, a program of its own: PoDoFo and OpenSSL
// take 3-4 ms to load, which every `vanban build` would pay if vanban linked them.
#include "pipeline/cli/sign_command.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/core/i18n.hpp"

namespace vanban::cli {

std::string sign_program() {
  char self[4096];
  const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) return "vanban-sign";
  const std::string path(self, static_cast<std::size_t>(n));
  const std::string beside = path.substr(0, path.rfind('/') + 1) + "vanban-sign";
  return ::access(beside.c_str(), X_OK) == 0 ? beside : "vanban-sign";
}

int run_sign_command(const std::vector<std::string>& args) {
  static char name[] = "vanban-sign";
  std::vector<char*> argv{name};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execvp(sign_program().c_str(), argv.data());
  const int error = errno;
  std::cerr << "vanban: " << tr("error: ") << tr("cannot run vanban-sign: {}", std::strerror(error)) << "\n  "
            << tr("hint: ") << tr("it is built and installed beside vanban; check the installation") << '\n';
  return 1;
}

}  // namespace vanban::cli
