#include "pipeline/cli/build_sign.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <system_error>

#include "pipeline/cli/sign_command.hpp"
#include "pipeline/core/i18n.hpp"

extern char** environ;

namespace vanban::cli {

namespace {

/// The options passed on to `vanban sign`, each with one value.
constexpr std::array<const char*, 8> kPassedOn = {"--p12",   "--password-file", "--tsa",  "--reason",
                                                  "--location", "--image",      "--seal", "--seal-diameter"};

/// Writes `bytes` into the pipe `fd` and closes it. SIGPIPE is ignored meanwhile: when
/// vanban-sign stops early (a wrong password) the write fails with EPIPE, and its exit
/// status tells why.
void feed(int fd, const std::vector<char>& bytes) {
  struct sigaction ignore {}, old {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  ::sigaction(SIGPIPE, &old, nullptr);
}

}  // namespace

bool is_sign_option(const std::string& arg) {
  return arg == "--sign" || std::find(kPassedOn.begin(), kPassedOn.end(), arg) != kPassedOn.end();
}

std::optional<int> take_sign_option(const std::vector<std::string>& args, std::size_t& i, Options& opt) {
  if (args[i] == "--sign") {
    opt.sign = true;
    return std::nullopt;
  }
  if (i + 1 >= args.size() || args[i + 1].empty()) return usage_error(tr("{} needs a value", args[i]));
  opt.sign_args.push_back(args[i]);
  opt.sign_args.push_back(args[++i]);
  return std::nullopt;
}

std::optional<int> check_sign_options(const Options& opt) {
  if (!opt.sign && !opt.sign_args.empty())
    return usage_error(tr("{} is for `build --sign` (or `vanban sign`)", opt.sign_args[0]));
  if (!opt.sign) return std::nullopt;
  if (opt.command != "build") return usage_error(tr("--sign is for build"));
  if (!opt.dump.empty()) return usage_error(tr("--dump writes no PDF: it cannot be signed"));
  if (std::find(opt.sign_args.begin(), opt.sign_args.end(), "--p12") == opt.sign_args.end())
    return usage_error(tr("--sign needs --p12 <key.p12> (the password from --password-file or VANBAN_P12_PASSWORD)"));
  return std::nullopt;
}

Signer::Signer(const std::string& output, const Options& opt) {
  std::vector<std::string> args = {"vanban-sign", "sign", "/dev/stdin", "-o", output};
  args.insert(args.end(), opt.sign_args.begin(), opt.sign_args.end());
  const std::string program = sign_program();
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], 0);  // (dup2 clears close-on-exec)
  spawn_error_ = program.find('/') == std::string::npos
                     ? ::posix_spawnp(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ)
                     : ::posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[0]);
  if (spawn_error_ != 0) {
    ::close(fds[1]);
    pid_ = -1;
  } else {
    pipe_ = fds[1];
  }
}

Signer::~Signer() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);  // before the pipe closes: an empty input would be reported as an error
  ::close(pipe_);
  while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
  }
}

int Signer::sign(const std::vector<char>& pdf) {
  if (spawn_error_ != 0) {
    std::cerr << "vanban: " << tr("error: ") << tr("cannot run vanban-sign: {}", std::strerror(spawn_error_)) << "\n  "
              << tr("hint: ") << tr("it is built and installed beside vanban; check the installation") << '\n';
    return 1;
  }
  feed(pipe_, pdf);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;  // (reaped)
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace vanban::cli
