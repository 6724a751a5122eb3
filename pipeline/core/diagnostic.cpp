#include "pipeline/core/diagnostic.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include "pipeline/core/i18n.hpp"

namespace vanban {

std::string format(const Diagnostic& d) {
  std::string out;
  if (!d.pos.file.empty()) {
    out += d.pos.file;
    if (d.pos.line > 0) {
      out += ':' + std::to_string(d.pos.line);
      if (d.pos.column > 0) out += ':' + std::to_string(d.pos.column);
    }
    out += ": ";
  }
  // TRANSLATORS: the words before a message and its hint, as compilers print them.
  out += d.severity == Severity::Error ? tr("error: ") : tr("warning: ");
  out += d.message;
  if (!d.hint.empty()) out += "\n  " + tr("hint: ") + d.hint;
  return out;
}

static std::string first_message(const std::vector<Diagnostic>& ds) {
  return ds.empty() ? std::string("error") : format(ds.front());
}

Error::Error(Diagnostic d) : Error(std::vector<Diagnostic>{std::move(d)}) {}
Error::Error(std::vector<Diagnostic> ds) : std::runtime_error(first_message(ds)), diagnostics_(std::move(ds)) {}

void fail(SourcePos pos, std::string message, std::string hint) {
  throw Error(Diagnostic{Severity::Error, std::move(pos), std::move(message), std::move(hint)});
}

void sort_in_reading_order(std::vector<Diagnostic>& ds, const std::vector<std::string>& files) {
  const auto rank = [&](const Diagnostic& d) {
    const auto r = std::find(files.begin(), files.end(), d.pos.file) - files.begin();
    return std::make_tuple(r, std::cref(d.pos.file), d.pos.line, d.pos.column);
  };
  std::stable_sort(ds.begin(), ds.end(), [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
}

}  // namespace vanban
