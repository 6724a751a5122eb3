#include "pipeline/layout/deferred.hpp"

#include <algorithm>
#include <deque>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "pipeline/core/i18n.hpp"
#include "pipeline/core/parallel.hpp"
#include "pipeline/layout/flow.hpp"

namespace vanban::layout {

namespace {

/// Drops the diagnostics given after `d` was queued: an error in `d` reported later than
/// it would have been had `d` been set at once leaves them as they were then.
void forget_diagnostics_after(const Deferred& d, Diagnostics& diags) {
  diags.items.erase(diags.items.begin() + static_cast<std::ptrdiff_t>(d.diagnostics_at), diags.items.end());
}

/// One Shaper per thread: the calling thread's own, and a sibling for each other thread
/// (HarfBuzz fonts and the shaped words are shared, lookup tables not).
class ThreadShapers {
 public:
  explicit ThreadShapers(shape::Shaper& main) : main_(main), main_id_(std::this_thread::get_id()) {}

  shape::Shaper& mine() {
    const std::thread::id id = std::this_thread::get_id();
    if (id == main_id_) return main_;
    const std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [owner, shaper] : others_)
      if (owner == id) return shaper;
    return others_.emplace_back(id, main_.sibling()).second;
  }

 private:
  shape::Shaper& main_;
  std::thread::id main_id_;
  std::mutex mutex_;
  std::deque<std::pair<std::thread::id, shape::Shaper>> others_;  ///< (a deque: entries never move)
};

}  // namespace

void warn_overfull(Diagnostics& diags, const SetParagraph& p, const SourcePos& pos) {
  if (p.overfull)
    diags.warn(pos, tr("a word is wider than the line; it was broken between characters"),
               tr("shorten the word or add a space, hyphen or slash where it may break"));
}

void DeferredParagraphs::defer(Deferred d, const Diagnostics& diags) {
  d.diagnostics_at = diags.items.size();
  queue_.push_back(std::move(d));
}

void DeferredParagraphs::check_coverage_in_order(shape::Shaper& shaper, Diagnostics& diags) const {
  for (const Deferred& d : queue_) {
    try {
      check_coverage(d.parts, shaper, d.pos);
    } catch (...) {
      forget_diagnostics_after(d, diags);
      throw;
    }
  }
}

/// The paragraphs are set by parallel_for, each thread taking the next paragraph in reading
/// order until none is left, so that the threads finish together; on this thread alone when
/// the text is short and threads would cost more than they save. The lines do not depend on
/// which thread set them, nor do the glyphs' ToUnicode texts (see shape::glyph_texts), so
/// the output is the same on any number of cores.
void DeferredParagraphs::set_all(Flow& flow, shape::Shaper& shaper, Diagnostics& diags) {
  if (queue_.empty()) return;
  std::size_t bytes = 0;
  for (const auto& d : queue_)
    for (const auto& p : d.parts) bytes += p.text.size();
  constexpr std::size_t kBytesPerThread = 16 * 1024;
  const std::size_t threads = std::clamp<std::size_t>(bytes / kBytesPerThread, 1, 8);
  ThreadShapers shapers(shaper);
  try {
    parallel_for(queue_.size(), [&](std::size_t i) {
      Deferred& d = queue_[i];
      try {
        d.result = set_paragraph(d.parts, d.ps, shapers.mine(), d.pos);
      } catch (...) {
        d.error = std::current_exception();
        throw;
      }
    }, threads);
  } catch (...) {
    // parallel_for rethrew the first error in reading order (the paragraphs before it had
    // all been taken, and finished); the diagnostics go back to what they were when the
    // walk reached its paragraph (had it been set then, the walk would have stopped).
    const auto first = std::find_if(queue_.begin(), queue_.end(), [](const Deferred& d) { return d.error != nullptr; });
    if (first != queue_.end()) forget_diagnostics_after(*first, diags);
    throw;
  }

  for (auto& d : queue_) {
    FlowBlock& b = flow.blocks[d.block];
    if (b.lines.empty()) b.lines = std::move(d.result.lines);
    else std::move(d.result.lines.begin(), d.result.lines.end(), std::back_inserter(b.lines));
    if (d.flags) {
      b.emergency = d.result.emergency;
      b.overfull = d.result.overfull;
    }
  }
  // Warnings where the paragraph's place in reading order puts them (inserted from the
  // last, so the earlier places stay valid).
  for (auto it = queue_.rbegin(); it != queue_.rend(); ++it) {
    Diagnostics warnings;
    warn_overfull(warnings, it->result, it->pos);
    if (it->body && it->result.emergency)
      warnings.warn(it->pos, tr("no line breaks within the style's tolerance; some lines are looser than usual"),
                    tr("a long unbreakable word or a narrow measure causes this"));
    diags.items.insert(diags.items.begin() + static_cast<std::ptrdiff_t>(it->diagnostics_at), warnings.items.begin(),
                       warnings.items.end());
  }
  queue_.clear();
}

}  // namespace vanban::layout
