// limit_memory: allocation past the limit throws std::bad_alloc, while threads still start
// and address space merely reserved is not counted (glibc reserves 64-128 MB of it for each
// thread's malloc arena: under the former RLIMIT_AS limit, limits below a few hundred MB
// made thread starts fail at random). Run in a child process: a limit cannot be lifted.
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <new>
#include <thread>
#include <vector>

#include "pipeline/core/limits.hpp"

namespace {

/// Runs `body` in a child process; its exit status (or 128 + the signal that killed it).
template <class F>
int in_child(F body) {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(body());
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(MemoryLimit, AllocationPastTheLimitThrowsAndThreadsStillStart) {
  const int status = in_child([] {
    if (!vanban::limit_memory(vanban::kMinMemoryLimitMb)) return 10;  // (under AddressSanitizer: none)
    // Eight threads, each allocating a little: their stacks and arenas fit in the limit.
    std::vector<std::thread> threads;
    bool started = true;
    for (int i = 0; i < 8 && started; ++i) {
      try {
        threads.emplace_back([] {
          auto p = std::make_unique<char[]>(1 << 20);
          std::memset(p.get(), 1, 1 << 20);
        });
      } catch (const std::system_error&) {
        started = false;
      }
    }
    for (auto& t : threads) t.join();
    if (!started) return 2;
    // Reserved, not writable (as glibc reserves an arena): four times the limit, allowed.
    void* reserved = ::mmap(nullptr, std::size_t{512} << 20, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (reserved == MAP_FAILED) return 4;
    ::munmap(reserved, std::size_t{512} << 20);
    try {
      auto big = std::make_unique<char[]>(std::size_t{512} << 20);  // four times the limit
      big[0] = 1;
      return 3;
    } catch (const std::bad_alloc&) {
      return 0;
    }
  });
  if (status == 10) GTEST_SKIP() << "no memory limit under AddressSanitizer";
  EXPECT_EQ(status, 0) << "2: a thread could not start; 3: the allocation passed the limit; 4: a reservation was "
                          "refused; above 128: a signal";
}

TEST(MemoryLimit, NeverRaisesALowerLimit) {
  const int status = in_child([] {
    if (!vanban::limit_memory(200)) return 10;
    return vanban::limit_memory(400) ? 1 : 0;  // 400 > 200: left at 200
  });
  if (status == 10) GTEST_SKIP() << "no memory limit under AddressSanitizer";
  EXPECT_EQ(status, 0);
}

}  // namespace
