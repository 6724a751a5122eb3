#include "pipeline/core/limits.hpp"

#include <sys/resource.h>

namespace vanban {

namespace {

constexpr bool under_address_sanitizer() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

}  // namespace

bool limit_memory(std::size_t megabytes) {
  if (megabytes == 0 || under_address_sanitizer()) return false;
  rlimit lim{};
  if (getrlimit(RLIMIT_DATA, &lim) != 0) return false;
  const rlim_t want = static_cast<rlim_t>(megabytes) << 20;
  // Never raise a limit someone set lower on purpose (ulimit -d).
  if (lim.rlim_cur != RLIM_INFINITY && lim.rlim_cur <= want) return false;
  lim.rlim_cur = want;
  return setrlimit(RLIMIT_DATA, &lim) == 0;
}

}  // namespace vanban
