#pragma once
// Test helpers for the content stage: a scratch folder per test, and checks on the
// diagnostics a failed load carries (exact `file:line:column`, message and hint parts).
#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <source_location>
#include <string>
#include <vector>

#include "pipeline/content/load.hpp"
#include "pipeline/core/diagnostic.hpp"
#include "tests/common/temp_dir.hpp"

namespace vanban::content::testing {

using vanban::testing::TempDir;

/// `file:line:column` of a diagnostic.
inline std::string where(const Diagnostic& d) {
  return d.pos.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column);
}

/// All diagnostics, formatted, for failure messages.
inline std::string dump(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += format(d) + "\n";
  return out;
}

/// The diagnostics of loading `path`, which must fail with vanban::Error.
inline std::vector<Diagnostic> load_errors(const std::string& path) {
  try {
    load_document(path);
  } catch (const Error& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "loading " << path << " succeeded; an error was expected";
  return {};
}

/// Whether `haystack` holds `needle`.
inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

/// Loading `path` fails with exactly one error, at `at`, whose message contains `message`
/// and whose hint contains `hint`. A failure names the caller's line.
inline void expect_one_error(const std::string& path, const std::string& at, const std::string& message,
                             const std::string& hint = {},
                             const std::source_location& from = std::source_location::current()) {
  const ::testing::ScopedTrace trace(from.file_name(), static_cast<int>(from.line()), "expect_one_error");
  const auto ds = load_errors(path);
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(where(ds[0]), at) << dump(ds);
  EXPECT_TRUE(contains(ds[0].message, message)) << "message: " << ds[0].message;
  EXPECT_TRUE(contains(ds[0].hint, hint)) << "hint: " << ds[0].hint;
  EXPECT_EQ(ds[0].severity, Severity::Error);
}

/// One diagnostic a test expects: its `file:line:column`, its message, and its hint
/// (when given; not checked otherwise). All three are compared whole.
struct Expected {
  std::string at;
  std::string message;
  std::optional<std::string> hint = std::nullopt;
};

/// `ds` are exactly the `expected` errors, in order: as many, each at its place with its
/// message (and hint, where one is given). A failure names the caller's line and the
/// diagnostic. Returns whether the count matched, so that a test may go on to look at
/// `ds[i]` safely.
inline bool expect_errors(const std::vector<Diagnostic>& ds, const std::vector<Expected>& expected,
                          const std::source_location& from = std::source_location::current()) {
  const ::testing::ScopedTrace trace(from.file_name(), static_cast<int>(from.line()), "expect_errors");
  EXPECT_EQ(ds.size(), expected.size()) << "the diagnostics were:\n" << dump(ds);
  if (ds.size() != expected.size()) return false;
  for (std::size_t i = 0; i < ds.size(); ++i) {
    SCOPED_TRACE("diagnostic " + std::to_string(i) + ": " + format(ds[i]));
    EXPECT_EQ(where(ds[i]), expected[i].at);
    EXPECT_EQ(ds[i].message, expected[i].message);
    if (expected[i].hint) {
      EXPECT_EQ(ds[i].hint, *expected[i].hint);
    }
    EXPECT_EQ(ds[i].severity, Severity::Error);
  }
  return true;
}

/// The smallest valid document.yaml lines before the part of interest.
inline const char* kMinimalHead =
    "kind: bao-cao\n"
    "header:\n"
    "  issuer: ĐẢNG ỦY XÃ\n"
    "title: Báo cáo\n";

}  // namespace vanban::content::testing
