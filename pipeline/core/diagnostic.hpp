#pragma once
/// Diagnostics are values: a place in a source file, a message and a hint.
/// Every stage reports bad input through them; the CLI prints them as
/// `file:line:column: error: message` and exits 1.
#include <stdexcept>
#include <string>
#include <vector>

namespace vanban {

/// A place in a source file; line and column count from 1 (0 = unknown).
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { Error, Warning };

/// One finding about the input, with where it is and what to do about it.
struct Diagnostic {
  Severity severity = Severity::Error;
  SourcePos pos;
  std::string message;
  std::string hint;  ///< empty when there is nothing useful to add
};

/// `file:line:column: error: message` (+ `\n  hint: ...`), the form every tool understands.
std::string format(const Diagnostic& d);

/// Thrown by a stage when it cannot go on; carries one or more diagnostics.
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic d);
  explicit Error(std::vector<Diagnostic> ds);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Shorthand: throw an Error for one place.
[[noreturn]] void fail(SourcePos pos, std::string message, std::string hint = {});

/// Sorts `ds` into reading order, stably: by file (in the order of `files`, then files not
/// listed, by name), line and column. Stages check keys in their own order; readers go
/// through a document from its first file to its last.
void sort_in_reading_order(std::vector<Diagnostic>& ds, const std::vector<std::string>& files);

/// Collects warnings (and errors that do not stop a stage) in order.
struct Diagnostics {
  std::vector<Diagnostic> items;
  void warn(SourcePos pos, std::string message, std::string hint = {}) {
    items.push_back({Severity::Warning, std::move(pos), std::move(message), std::move(hint)});
  }
  void error(SourcePos pos, std::string message, std::string hint = {}) {
    items.push_back({Severity::Error, std::move(pos), std::move(message), std::move(hint)});
  }
  bool has_errors() const {
    for (const auto& d : items)
      if (d.severity == Severity::Error) return true;
    return false;
  }
};

}  // namespace vanban
