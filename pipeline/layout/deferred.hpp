#pragma once
/// The paragraphs of the flow whose lines are set once the whole flow is walked: body
/// paragraphs, list items, headings, quotes. Nothing in between reads their lines, and set
/// all together they can be set on several threads.
#include <cstddef>
#include <exception>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/layout/paragraph.hpp"

namespace vanban::layout {

struct Flow;

/// One queued paragraph.
struct Deferred {
  std::size_t block = 0;           ///< index in the flow's blocks; the lines are appended to its own
  std::vector<StyledText> parts;
  ParagraphShape ps;
  SourcePos pos;                   ///< where its warnings point
  std::size_t diagnostics_at = 0;  ///< where its warnings go in the diagnostics, to keep them in reading order
  bool body = true;                ///< a body paragraph: a loose setting is worth a warning
  bool flags = true;               ///< gives the block its emergency and overfull marks
  SetParagraph result;
  std::exception_ptr error;        ///< what setting it threw, if anything
};

/// The queue of deferred paragraphs of one flow.
class DeferredParagraphs {
 public:
  /// Queues `d` (its diagnostics_at is set here, from `diags`).
  void defer(Deferred d, const Diagnostics& diags);

  /// After the walk stopped on an error: the queued paragraphs come before it in reading
  /// order, so a character missing from one of them is the error reported (thrown here,
  /// with the diagnostics as they were when the walk reached it). Returns when none is.
  void check_coverage_in_order(shape::Shaper& shaper, Diagnostics& diags) const;

  /// Sets every queued paragraph (see set_all in deferred.cpp), moves the lines into their
  /// blocks of `flow` and inserts their warnings into `diags` where reading order puts them.
  /// Of several errors, the first in reading order is thrown, with the diagnostics as they
  /// were when the walk reached its paragraph.
  void set_all(Flow& flow, shape::Shaper& shaper, Diagnostics& diags);

 private:
  std::vector<Deferred> queue_;
};

/// Warns when a word of `p` was wider than the line and was broken between characters.
void warn_overfull(Diagnostics& diags, const SetParagraph& p, const SourcePos& pos);

}  // namespace vanban::layout
