/// The environment variables vanban reads (see environment.hpp).
#include "pipeline/cli/environment.hpp"

#include <cerrno>
#include <cstdlib>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"
#include "pipeline/core/limits.hpp"

namespace vanban::cli {

namespace {

/// `text` as a whole decimal number (an optional '-' when `negative_ok`), or nullopt.
std::optional<long long> whole_number(const char* text, bool negative_ok) {
  if (!text || !*text) return std::nullopt;
  const char* digits = text + (negative_ok && *text == '-' ? 1 : 0);
  if (*digits < '0' || *digits > '9') return std::nullopt;  // (strtoll would skip spaces and take '+')
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(text, &end, 10);
  if (errno == ERANGE || *end != '\0') return std::nullopt;
  return v;
}

/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, in seconds since the epoch.
constexpr std::int64_t kFirstSecond = -62135596800;
constexpr std::int64_t kLastSecond = 253402300799;

}  // namespace

std::optional<std::int64_t> source_date_epoch() {
  const char* sde = std::getenv("SOURCE_DATE_EPOCH");
  if (!sde || !*sde) return std::nullopt;
  const auto v = whole_number(sde, true);
  if (!v) throw std::invalid_argument(tr("SOURCE_DATE_EPOCH={} is not a whole number of seconds", sde));
  if (*v < kFirstSecond || *v > kLastSecond)
    throw std::invalid_argument(
        tr("SOURCE_DATE_EPOCH={} is outside the years 1 to 9999 (-62135596800 to 253402300799)", sde));
  return *v;
}

std::size_t memory_limit_mb() {
  const char* env = std::getenv("VANBAN_MEMORY_LIMIT_MB");
  if (!env || !*env) return kMemoryLimitMb;
  const auto v = whole_number(env, false);
  if (!v) throw std::invalid_argument(tr("VANBAN_MEMORY_LIMIT_MB={} is not a whole number of MB", env));
  if (*v != 0 && static_cast<unsigned long long>(*v) < kMinMemoryLimitMb)
    throw std::invalid_argument(
        tr("VANBAN_MEMORY_LIMIT_MB={} is below the {} MB vanban needs to start (0: no limit)", env, kMinMemoryLimitMb));
  return static_cast<std::size_t>(*v);
}

std::string check_environment() {
  try {
    (void)source_date_epoch();
    (void)memory_limit_mb();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return {};
}

}  // namespace vanban::cli
