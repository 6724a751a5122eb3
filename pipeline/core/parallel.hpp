#pragma once
/// The one parallel helper of the pipeline: independent jobs spread over the machine's cores.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace vanban {

/// How many threads parallel_for uses for `count` jobs: at most the machine's cores, at most
/// `max_threads` (8 by default: past that the pipeline's stages gain nothing), at least one.
inline std::size_t parallel_threads(std::size_t count, std::size_t max_threads = 8) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max<std::size_t>(1, std::min({cores, count, max_threads}));
}

/// Runs job(0) .. job(count - 1) on parallel_threads(count, max_threads) threads, the calling
/// thread included, each thread taking the next job in order, so that they finish together.
/// Jobs must be independent. After a job throws no new job starts (those already started
/// finish) and the exception of the lowest-numbered job that threw is rethrown: the same
/// error as on one thread whenever jobs are taken in order. A thread that cannot be started
/// (the memory limit) leaves its share to the others.
template <class Job>
void parallel_for(std::size_t count, const Job& job, std::size_t max_threads = 8) {
  const std::size_t threads = parallel_threads(count, max_threads);
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::size_t error_at = count;
  std::mutex error_mutex;
  const auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) {
      try {
        job(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(error_mutex);
        if (i < error_at) {
          error = std::current_exception();
          error_at = i;
        }
        next = count;  // stop handing out jobs
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace vanban
