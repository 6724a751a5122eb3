#include "pipeline/core/diagnostic.hpp"

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
  out += d.severity == Severity::Error ? "error: " : "warning: ";
  out += d.message;
  if (!d.hint.empty()) out += "\n  hint: " + d.hint;
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

}  // namespace vanban
