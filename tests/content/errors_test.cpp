// load_document on bad input: each problem is one diagnostic at its exact file:line:column.
#include <gtest/gtest.h>

#include <source_location>
#include <string>

#include "pipeline/content/load.hpp"
#include "tests/content/helpers.hpp"

namespace vanban::content {
namespace {

using testing::dump;
using testing::expect_errors;
using testing::expect_one_error;
using testing::kMinimalHead;
using testing::load_errors;
using testing::TempDir;
using testing::where;

/// A folder document with `document` as document.yaml; returns the folder.
std::string folder_with(const TempDir& dir, const std::string& document) {
  dir.write("document.yaml", document);
  return dir.str();
}

/// Loading a folder document with `document` as its document.yaml fails with one error
/// at `line_column` of document.yaml; message and hint are checked as expect_one_error does.
void expect_document_error(const std::string& document, const std::string& line_column, const std::string& message,
                           const std::string& hint = {},
                           const std::source_location& from = std::source_location::current()) {
  TempDir dir;
  folder_with(dir, document);
  expect_one_error(dir.str(), dir.file("document.yaml") + ":" + line_column, message, hint, from);
}

// --- Before YAML: reading, UTF-8, tabs, empty files ------------------------------------

TEST(LoadErrors, MissingPartFileIsReportedAtItsEntry) {
  TempDir dir;
  folder_with(dir, std::string(kMinimalHead) +
                       "parts:\n"                 // 5
                       "  - phan-1.yaml\n"        // 6
                       "  - \"phan-3.yaml\"\n");  // 7
  dir.write("phan-1.yaml", "body: [x]\n");
  dir.write("phan-2.yaml", "body: [y]\n");
  expect_one_error(dir.str(), dir.file("document.yaml") + ":7:6", "part file not found: phan-3.yaml",
                   "did you mean `phan-2.yaml`?");
}

TEST(LoadErrors, PartPathsMustStayInsideTheFolder) {
  TempDir dir;
  dir.write("outside.yaml", "body: [x]\n");
  const std::string doc = dir.write("doc/document.yaml", std::string(kMinimalHead) +
                                                              "parts:\n"                // 5
                                                              "  - ../outside.yaml\n"   // 6
                                                              "  - /etc/hostname\n"     // 7
                                                              "  - a/../../x.yaml\n");  // 8
  expect_errors(load_errors(dir.file("doc")),
                {{doc + ":6:5", "part path leaves the document folder: ../outside.yaml"},
                 {doc + ":7:5", "part path leaves the document folder: /etc/hostname"},
                 {doc + ":8:5", "part path leaves the document folder: a/../../x.yaml"}});
}

TEST(LoadErrors, InvalidUtf8IsReportedAtTheFirstBadByte) {
  TempDir dir;
  folder_with(dir, std::string(kMinimalHead) + "parts: [phan-1.yaml]\n");
  // A stray Latin-1 byte in otherwise UTF-8 Vietnamese text: line 2, after "  - Đảng ".
  dir.write("phan-1.yaml", "body:\n  - Đảng \xE9 bộ\n");
  expect_one_error(dir.str(), dir.file("phan-1.yaml") + ":2:10", "not valid UTF-8 (byte 0xE9)",
                   "save the file as UTF-8");
}

TEST(LoadErrors, LegacyVietnameseEncodingGetsAHint) {
  TempDir dir;
  // "Báo cáo chính trị" in TCVN3 (ABC): á = 0xB8, Ý = 0xD7 ... all single high bytes.
  dir.write("document.yaml", "kind: bao-cao\ntitle: B\xB8o c\xB8o ch\xDDnh tr\xDE\n");
  expect_one_error(dir.str(), dir.file("document.yaml") + ":2:9", "the file is in TCVN3 (ABC), a legacy Vietnamese encoding",
                   "iconv -f TCVN5712-1 -t UTF-8 document.yaml");
}

TEST(LoadErrors, TabIndentationIsReportedAtTheTab) {
  expect_document_error("kind: bao-cao\n"
                        "header:\n"
                        "  \tissuer: A\n"  // 3: two spaces, then a tab
                        "title: B\n",
                        "3:3", "tab character used for indentation", "indent with spaces");
}

TEST(LoadErrors, EmptyFiles) {
  expect_document_error("", "1:1", "the file is empty");

  TempDir dir2;
  folder_with(dir2, std::string(kMinimalHead) + "parts: [phan-1.yaml]\n");
  dir2.write("phan-1.yaml", "# nothing yet\n\n");
  expect_one_error(dir2.str(), dir2.file("phan-1.yaml") + ":1:1", "the file is empty");
}

TEST(LoadErrors, BomAndCrlfDoNotShiftPlaces) {
  expect_document_error("\xEF\xBB\xBFkind: bao-cao\r\n"
                        "header:\r\n"
                        "  issuer: A\r\n"
                        "title: B\r\n"
                        "body:\r\n"
                        "  - |\r\n"
                        "    Đoạn\r\n"
                        "    và {y}\r\n",  // 8
                        "8:8", "unknown variable `{y}`");
}

TEST(LoadErrors, MissingDocument) {
  TempDir dir;
  auto ds = load_errors(dir.file("khong-co"));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].message, "document not found: " + dir.file("khong-co"));
  ds = load_errors(dir.str());
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].message, "no document.yaml in " + dir.str());
}

// --- YAML syntax ------------------------------------------------------------------------

TEST(LoadErrors, BadIndentationIsASyntaxError) {
  expect_document_error("kind: bao-cao\n"
                        "header:\n"
                        "    issuer: A\n"
                        "  title: B\n",  // 4: neither under `issuer` nor at the top
                        "4:3", "YAML syntax error", "indentation");
}

TEST(LoadErrors, QuoteLeftOpenUntilTheEndOfTheFile) {
  // Reported at the quote that opens the text, not where the file ends.
  expect_document_error("kind: bao-cao\n"
                        "header:\n"
                        "  issuer: A\n"
                        "title: \"Báo cáo\n"  // 4
                        "body:\n"
                        "  - x\n",
                        "4:8", "unclosed quote", "closing `\"`");
}

TEST(LoadErrors, QuoteLeftOpenBeforeAnotherQuoteNamesTheOpening) {
  TempDir dir;
  folder_with(dir, "kind: bao-cao\n"
                   "title: \"Báo cáo\n"  // 2
                   "header:\n"
                   "  issuer: \"A\"\n"
                   "body: [x]\n");
  const auto ds = load_errors(dir.str());
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(ds[0].pos.file, dir.file("document.yaml"));
  EXPECT_TRUE(testing::contains(ds[0].message, "YAML syntax error")) << ds[0].message;
  EXPECT_EQ(ds[0].hint, "the quote opened at line 2, column 8 is not closed on its line");
}

// --- Keys and types ---------------------------------------------------------------------

TEST(LoadErrors, UnknownKeyGetsDidYouMean) {
  expect_document_error(std::string(kMinimalHead) +
                            "body: [x]\n"
                            "recipent:\n"  // 6
                            "  - Lưu VP\n",
                        "6:1", "unknown key `recipent`", "did you mean `recipients`?");
}

TEST(LoadErrors, UnknownKeyFarFromAnyListsTheValidKeys) {
  TempDir dir;
  folder_with(dir, std::string(kMinimalHead) + "body: [x]\nxyzzy: 1\n");
  const auto ds = load_errors(dir.str());
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(where(ds[0]), dir.file("document.yaml") + ":6:1");
  EXPECT_TRUE(testing::contains(ds[0].hint, "`recipients`")) << ds[0].hint;
  EXPECT_TRUE(testing::contains(ds[0].hint, "`signature`")) << ds[0].hint;
}

TEST(LoadErrors, AllUnknownKeysOfAllFilesAreReportedTogetherInFileOrder) {
  TempDir dir;
  folder_with(dir, "kind: bao-cao\n"
                   "header:\n"
                   "  isuer: A\n"      // 3: typo, and so issuer is missing
                   "titel: B\n"        // 4: typo, and so title is missing
                   "parts: [p.yaml]\n");
  dir.write("p.yaml", "sections:\n"
                      "  - title: I\n"
                      "    bodi: [x]\n");  // 3
  const std::string doc = dir.file("document.yaml");
  expect_errors(load_errors(dir.str()),
                {{doc + ":1:1", "missing `title`"},  // where the top map starts
                 {doc + ":2:1", "missing `issuer` in `header`"},  // at `header:`
                 {doc + ":3:3", "unknown key `isuer`", "did you mean `issuer`?"},
                 {doc + ":4:1", "unknown key `titel`", "did you mean `title`?"},
                 {dir.file("p.yaml") + ":3:5", "unknown key `bodi`", "did you mean `body`?"}});
}

TEST(LoadErrors, WrongTypes) {
  TempDir dir;
  folder_with(dir, "kind: bao-cao\n"
                   "header:\n"
                   "  issuer: A\n"
                   "  number: abc\n"     // 4
                   "title: [Báo, cáo]\n"  // 5
                   "parts: phan-1.yaml\n");  // 6
  const std::string doc = dir.file("document.yaml");
  expect_errors(load_errors(dir.str()), {{doc + ":4:11", "`number` must be an integer"},
                                         {doc + ":5:8", "`title` must be text, not a list"},
                                         {doc + ":6:8", "`parts` must be a list of file names, not text"}});
}

TEST(LoadErrors, NumberMustBePositive) {
  expect_document_error("kind: bao-cao\nheader:\n  issuer: A\n  number: 0\ntitle: B\nbody: [x]\n",
                        "4:11", "`number` must be 1 or more");
}

TEST(LoadErrors, DuplicateKeyIsReportedAtTheSecond) {
  expect_document_error(std::string(kMinimalHead) +
                            "body: [x]\n"
                            "title: Lần hai\n",  // 6
                        "6:1", "duplicate key `title`", "already given at line 4");
}

TEST(LoadErrors, MissingRequiredFields) {
  TempDir dir;
  folder_with(dir, "# comment\n"
                   "header:\n"      // 2
                   "  parent: X\n"  // no issuer
                   "body: [x]\n");
  const auto ds = load_errors(dir.str());
  ASSERT_EQ(ds.size(), 3u) << dump(ds);
  const std::string doc = dir.file("document.yaml");
  // Missing top-level keys are reported where the top map starts (after the comment).
  EXPECT_EQ(where(ds[0]), doc + ":2:1");
  EXPECT_EQ(where(ds[1]), doc + ":2:1");
  EXPECT_EQ(where(ds[2]), doc + ":2:1");
  std::string all = dump(ds);
  EXPECT_TRUE(testing::contains(all, "missing `kind`")) << all;
  EXPECT_TRUE(testing::contains(all, "missing `title`")) << all;
  EXPECT_TRUE(testing::contains(all, "missing `issuer` in `header`")) << all;
}

TEST(LoadErrors, EmptyRequiredValue) {
  expect_document_error("kind: bao-cao\nheader:\n  issuer: A\ntitle:\nbody: [x]\n", "4:1", "`title` is empty");
}

TEST(LoadErrors, ImpossibleDate) {
  expect_document_error("kind: bao-cao\nheader:\n  issuer: A\n  date: 2025-02-30\ntitle: B\nbody: [x]\n",
                        "4:9", "impossible date 2025-02-30", "February 2025 has 28 days");

  expect_document_error("kind: bao-cao\nheader:\n  issuer: A\n  date: 5/3/2025\ntitle: B\nbody: [x]\n",
                        "4:9", "`date` must be written YYYY-MM-DD");
}

TEST(LoadErrors, PartsAndBodyTogether) {
  expect_document_error(std::string(kMinimalHead) + "body: [x]\nparts: [p.yaml]\n",
                        "6:1", "a document has `parts` or `body`, not both");

  expect_document_error(kMinimalHead, "1:1", "missing `parts` (or `body`)");
}

TEST(LoadErrors, StatusMarksAndMarkerValues) {
  TempDir dir;
  folder_with(dir, "kind: bao-cao\n"
                   "status: finl\n"            // 2
                   "header:\n"
                   "  issuer: A\n"
                   "  marks: [du-thao, mat, khan-cap]\n"  // 5
                   "title: B\n"
                   "body:\n"
                   "  - list: [a]\n"
                   "    marker: \"*\"\n");     // 9
  const std::string doc = dir.file("document.yaml");
  expect_errors(load_errors(dir.str()),
                {{doc + ":2:9", "`status` must be one of `draft`, `final`, not `finl`", "did you mean `final`?"},
                 {doc + ":5:25", "unknown mark `khan-cap`"},
                 {doc + ":9:14", "`marker` must be one of `-`, `+`, `•`, `a)`, `1.`, not `*`"}});
}

// --- Blocks -----------------------------------------------------------------------------

TEST(LoadErrors, MisspelledBlockKind) {
  expect_document_error(std::string(kMinimalHead) + "body:\n  - lits: [a, b]\n",
                        "6:5", "unknown key `lits`", "did you mean `list`?");
}

TEST(LoadErrors, EmptyEntriesAreReportedAtTheirDash) {
  TempDir dir;
  folder_with(dir, std::string(kMinimalHead) +
                       "body:\n"
                       "  - Đoạn.\n"
                       "  -   # nothing here\n"  // 7
                       "  - list:\n"
                       "      - a\n"
                       "      -\n");            // 10
  expect_errors(load_errors(dir.str()), {{dir.file("document.yaml") + ":7:3", "empty paragraph"},
                                         {dir.file("document.yaml") + ":10:7", "empty list item"}});
}

TEST(LoadErrors, NestedBlockBeforeAnyItem) {
  expect_document_error(std::string(kMinimalHead) +
                            "body:\n"
                            "  - list:\n"
                            "      - - a\n",  // 7
                        "7:9", "a nested block must follow a list item");
}

TEST(LoadErrors, AliasCycleIsAnErrorNotACrash) {
  // An alias inside the block its anchor names would repeat that block forever.
  expect_document_error(std::string(kMinimalHead) +
                            "body: &a\n"
                            "  - list: *a\n",  // 6
                        "6:11", "the alias `*a` is inside the block `&a` it repeats", "write the content out");
}

// --- Variables --------------------------------------------------------------------------

TEST(LoadErrors, UnknownVariableInAPartFileIsReportedAtItsBrace) {
  TempDir dir;
  folder_with(dir, "kind: bao-cao\n"
                   "variables:\n"
                   "  nhiem_ky: 2025 - 2030\n"
                   "header:\n"
                   "  issuer: A\n"
                   "title: B\n"
                   "parts: [phan-1.yaml]\n");
  dir.write("phan-1.yaml", "sections:\n"
                           "  - title: Nhiệm kỳ {nhiem_ki}\n");  // 2: `{` is code point 10 of the title
  expect_one_error(dir.str(), dir.file("phan-1.yaml") + ":2:21", "unknown variable `{nhiem_ki}`",
                   "did you mean `{nhiem_ky}`?");
}

TEST(LoadErrors, ColumnsCountCharactersNotBytes) {
  // libyaml counts code points, the tree bytes; "Đảng bộ, " before the second entry is 9
  // characters but 13 bytes: columns are characters.
  expect_document_error(std::string(kMinimalHead) +
                            "subtitle: [Đảng bộ, \"khóa {k}\"]\n"  // 5
                            "body: [x]\n",
                        "5:27", "unknown variable `{k}`");
}

TEST(LoadErrors, UnquotedTextStartingWithABraceIsAMapToYaml) {
  TempDir dir;
  folder_with(dir, "kind: bao-cao\n"
                   "variables: {k: x}\n"
                   "header:\n"
                   "  issuer: A\n"
                   "title: {k} và B\n"  // 5: a YAML error: the map ends at `}`
                   "body: [x]\n");
  auto ds = load_errors(dir.str());
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(where(ds[0]), dir.file("document.yaml") + ":5:12");
  EXPECT_TRUE(testing::contains(ds[0].message, "YAML syntax error")) << ds[0].message;
  EXPECT_TRUE(testing::contains(ds[0].hint, "quote it")) << ds[0].hint;

  expect_document_error("kind: bao-cao\n"
                        "variables: {k: x}\n"
                        "header:\n"
                        "  issuer: A\n"
                        "title: B\n"
                        "body:\n"
                        "  - {k}\n",  // 7
                        "7:5", "text starting with `{` must be quoted");
}

TEST(LoadErrors, UnquotedColonMakesAKeyAndTheHintSaysSo) {
  expect_document_error(std::string(kMinimalHead) +
                            "body:\n"
                            "  - Kết quả đạt được: tốt\n",  // 6
                        "6:5", "unknown key `Kết quả đạt được`", "put it in quotes");
}

TEST(LoadErrors, VariableValuesCannotReferToVariables) {
  expect_document_error("kind: bao-cao\n"
                        "variables:\n"
                        "  a: Đảng bộ {b}\n"  // 3
                        "  b: x\n"
                        "header:\n"
                        "  issuer: A\n"
                        "title: '{a}'\n"
                        "body: [x]\n",
                        "3:14", "the value of variable `a` contains `{`");
}

TEST(LoadErrors, BadMarkupInAHeaderFieldIsNotMarkup) {
  // Header fields are plain: a lone star is a star, but variables are still checked.
  expect_document_error("kind: bao-cao\nheader:\n  issuer: A * {x}\ntitle: B\nbody: [x]\n",
                        "3:15", "unknown variable `{x}`");
}

}  // namespace
}  // namespace vanban::content
