#pragma once
/// The steps of one document's build that the booklet build runs too (build_command.cpp).
#include <future>
#include <string>
#include <vector>

#include "pipeline/check/check.hpp"
#include "pipeline/cli/options.hpp"
#include "pipeline/content/document.hpp"
#include "pipeline/shape/font.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::cli {

/// A loaded document with its style, and its font family still loading.
struct Loaded {
  content::Document doc;
  style::Style style;
  std::future<shape::Family> family;
  shape::Family family_used;  ///< the family, once loaded
};

/// Loads `opt.document`: the style, then its family's fonts into `fonts`, on a thread of
/// their own while the parts load (see build_command.cpp).
Loaded load(const Options& opt, shape::FontSet& fonts);

/// The checks run beside the typesetting (they only read the document and the style), and
/// are waited for just before anything is output, so that they can also use the moments a
/// core is idle while the PDF is written. (Not at a lower priority: on a busy machine the
/// build would then wait for a starved thread, and an unprivileged process cannot raise it
/// again.) When one finds an error, its errors are reported alone, as if the text had never
/// been set: the same messages as checking first.
class ParallelChecks {
 public:
  ParallelChecks(const content::Document& doc, const style::Style& st, bool final_mode)
      : running_(std::async(std::launch::async, [&doc, &st, final_mode] {
          return check::check_document(doc, st, final_mode);
        })) {}

  /// Waits for the checks (once); throws their errors, moved into `diags`, when there are any.
  void wait(Diagnostics& diags) {
    if (!running_.valid()) return;  // (already waited for)
    Diagnostics errors;
    for (const auto& d : running_.get()) {
      if (d.severity == Severity::Warning) ++warnings_;
      else errors.items.push_back(d);
    }
    if (errors.has_errors()) {
      diags = std::move(errors);
      throw Error(std::vector<Diagnostic>{});
    }
  }

  /// How many warnings the checks found (after wait).
  std::size_t warnings() const { return warnings_; }

 private:
  std::future<std::vector<Diagnostic>> running_;
  std::size_t warnings_ = 0;
};

}  // namespace vanban::cli
