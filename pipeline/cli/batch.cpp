// Building several documents side by side, with a progress line on a terminal.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "pipeline/cli/build_command.hpp"
#include "pipeline/core/i18n.hpp"

namespace vanban::cli {

/// Builds several documents side by side (threads: each document has its own fonts and
/// shaper), or one document with a progress line. Each document's messages are printed whole
/// when it is done, so those of documents built at the same time never mix. On a terminal, a
/// progress line shows once the work has taken more than a second. Exit 1 when any failed.
int build_all(const Options& common, const std::vector<std::string>& documents) {
  const std::size_t n = documents.size();
  const bool tty = ::isatty(STDERR_FILENO) == 1;
  std::vector<int> status(n, 0);
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;  // guarded by mutex
  std::mutex mutex;
  std::condition_variable finished;
  bool progress_shown = false;  // guarded by mutex
  const auto clear_progress = [&] {
    if (progress_shown) std::cerr << "\r\033[K" << std::flush;
    progress_shown = false;
  };
  const auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      Options opt = common;
      opt.document = documents[i];
      std::ostringstream messages;
      try {
        status[i] = build(opt, messages);
      } catch (...) {  // build reports its own errors; nothing may escape a thread
        messages << "vanban: " << tr("error: ") << tr("{}: unexpected failure", documents[i]) << '\n';
        status[i] = 1;
      }
      const std::lock_guard<std::mutex> lock(mutex);
      clear_progress();
      std::cerr << messages.str() << std::flush;
      ++done;
      finished.notify_all();
    }
  };
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < std::min(n, cores); ++t) {
    try {
      pool.emplace_back(worker);
    } catch (const std::system_error&) {  // no memory for another stack: fewer threads
      if (pool.empty()) worker();         // (then this thread does the work)
      break;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (done < n) {
      finished.wait_for(lock, std::chrono::milliseconds(200));
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!tty || done == n || seconds < 1.0) continue;
      std::ostringstream line;
      line.setf(std::ios::fixed);
      line.precision(1);
      if (n == 1) line << "vanban: " << common.command << " " << documents[0] << "… " << seconds << " s";
      else
        line << "vanban: " << tr("{} of {} documents done…", done, n) << " " << seconds << " s";
      std::cerr << "\r\033[K" << line.str() << std::flush;
      progress_shown = true;
    }
    clear_progress();
  }
  for (auto& t : pool) t.join();
  return std::any_of(status.begin(), status.end(), [](int st) { return st != 0; }) ? 1 : 0;
}

}  // namespace vanban::cli
