// The block kinds of content format v1 beyond paragraphs and lists: tables, quotes,
// paragraphs with overrides, page breaks and includes; valid input gives the expected
// structure, each problem one diagnostic at its exact file:line:column.
#include <gtest/gtest.h>

#include <source_location>
#include <string>

#include "pipeline/content/load.hpp"
#include "tests/content/helpers.hpp"

namespace vanban::content {
namespace {

using testing::expect_errors;
using testing::expect_one_error;
using testing::kMinimalHead;
using testing::load_errors;
using testing::TempDir;

std::string at(const SourcePos& p) {
  return p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

/// A one-file document: the minimal head (4 lines), `body:` on line 5, then `body`.
std::string one_file(const TempDir& dir, const std::string& body) {
  return dir.write("document.yaml", std::string(kMinimalHead) + "body:\n" + body);
}

/// Loading a one-file document with `body` (from line 6) fails with one error at
/// `line_column` of document.yaml; message and hint are checked as expect_one_error does.
void expect_body_error(const std::string& body, const std::string& line_column, const std::string& message,
                       const std::string& hint = {},
                       const std::source_location& from = std::source_location::current()) {
  TempDir dir;
  const std::string file = one_file(dir, body);
  expect_one_error(dir.str(), file + ":" + line_column, message, hint, from);
}

/// The body blocks of a document that must load.
std::vector<Block> body_of(const std::string& path) {
  const Document doc = load_document(path);
  EXPECT_EQ(doc.parts.size(), 1u);
  return doc.parts.empty() ? std::vector<Block>{} : doc.parts[0].body;
}

// --- Tables -----------------------------------------------------------------------------

TEST(Table, ColumnsRowsAndWidths) {
  TempDir dir;
  const std::string file = dir.write("document.yaml",
                                     "kind: bao-cao\n"                                       // 1
                                     "variables: {so: \"12\"}\n"                             // 2
                                     "header: {issuer: ĐẢNG ỦY XÃ}\n"                        // 3
                                     "title: Báo cáo\n"                                      // 4
                                     "body:\n"                                               // 5
                                     "  - table:\n"                                          // 6
                                     "      columns: [Chỉ tiêu, \"**Kế hoạch**\", Thực hiện]\n"  // 7
                                     "      rows:\n"                                         // 8
                                     "        - [Đảng viên mới, 10, \"{so}\"]\n"             // 9
                                     "        - [Chi bộ, ~, \"\"]\n"                         // 10
                                     "      widths: [2, 30mm, 12 pt]\n");                    // 11
  const auto body = body_of(dir.str());
  ASSERT_EQ(body.size(), 1u);
  const Block& b = body[0];
  EXPECT_EQ(b.kind, Block::Kind::Table);
  EXPECT_EQ(at(b.pos), file + ":6:5");
  const Table& t = b.table;
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[0].plain(), "Chỉ tiêu");
  EXPECT_EQ(at(t.columns[0].pos), file + ":7:17");
  EXPECT_EQ(t.columns[1].spans, (std::vector<Span>{{"Kế hoạch", true, false}}));  // cells are inline text
  EXPECT_EQ(at(t.columns[1].pos), file + ":7:28");
  ASSERT_EQ(t.rows.size(), 2u);
  ASSERT_EQ(t.rows[0].size(), 3u);
  EXPECT_EQ(t.rows[0][0].plain(), "Đảng viên mới");
  EXPECT_EQ(at(t.rows[0][0].pos), file + ":9:12");
  EXPECT_EQ(t.rows[0][1].plain(), "10");
  EXPECT_EQ(t.rows[0][2].plain(), "12");  // variables are substituted
  ASSERT_EQ(t.rows[1].size(), 3u);        // `~` and "" are empty cells, not missing ones
  EXPECT_TRUE(t.rows[1][1].empty());
  EXPECT_TRUE(t.rows[1][2].empty());
  ASSERT_EQ(t.widths.size(), 3u);
  EXPECT_EQ(t.widths[0].value, 2);
  EXPECT_EQ(t.widths[0].unit, "");
  EXPECT_EQ(at(t.widths[0].pos), file + ":11:16");
  EXPECT_EQ(t.widths[1].value, 30);
  EXPECT_EQ(t.widths[1].unit, "mm");
  EXPECT_EQ(at(t.widths[1].pos), file + ":11:19");
  EXPECT_EQ(t.widths[2].value, 12);
  EXPECT_EQ(t.widths[2].unit, "pt");
}

TEST(Table, WithoutColumnsTheFirstRowSetsTheCount) {
  TempDir dir;
  one_file(dir,
           "  - table:\n"        // 6
           "      rows:\n"
           "        -\n"         // 8: a row written as a block list
           "          - a\n"
           "          - b\n"
           "        - [c, d]\n"
           "  - Sau bảng.\n");
  const auto body = body_of(dir.str());
  ASSERT_EQ(body.size(), 2u);
  EXPECT_TRUE(body[0].table.columns.empty());
  ASSERT_EQ(body[0].table.rows.size(), 2u);
  EXPECT_EQ(body[0].table.rows[0][1].plain(), "b");
  EXPECT_EQ(body[0].table.rows[1][0].plain(), "c");
  EXPECT_TRUE(body[0].table.widths.empty());
  EXPECT_EQ(body[1].kind, Block::Kind::Paragraph);
}

TEST(Table, AListItemMayHoldATable) {
  TempDir dir;
  one_file(dir,
           "  - list:\n"
           "      - Kết quả như sau\n"
           "      - table:\n"
           "          rows: [[a, b]]\n");
  const auto body = body_of(dir.str());
  ASSERT_EQ(body.size(), 1u);
  ASSERT_EQ(body[0].items.size(), 1u);
  ASSERT_EQ(body[0].items[0].children.size(), 1u);
  EXPECT_EQ(body[0].items[0].children[0].kind, Block::Kind::Table);
}

TEST(TableErrors, RowsWithTheWrongNumberOfCellsAreReportedAtTheRow) {
  TempDir dir;
  const std::string file = one_file(dir,
                                    "  - table:\n"               // 6
                                    "      columns: [a, b, c]\n"  // 7
                                    "      rows:\n"               // 8
                                    "        - [1, 2, 3]\n"       // 9
                                    "        - [1, 2]\n"          // 10
                                    "        - [1, 2, 3, 4]\n");  // 11
  expect_errors(load_errors(dir.str()),
                {{file + ":10:11", "the row has 2 cells, the table has 3 columns",
                  "`columns` has 3 cells; every row has one cell per column (write \"\" for an empty cell)"},
                 {file + ":11:11", "the row has 4 cells, the table has 3 columns"}});
}

TEST(TableErrors, WithoutColumnsRowsMustMatchTheFirstRow) {
  expect_body_error("  - table:\n"
                    "      rows:\n"
                    "        - [a, b]\n"
                    "        - [c]\n",  // 9
                    "9:11", "the row has 1 cell, the table has 2 columns", "the first row has 2 cells");
}

TEST(TableErrors, WidthsCountAndValues) {
  TempDir dir;
  const std::string file = one_file(dir,
                                    "  - table:\n"
                                    "      rows: [[a, b, c]]\n"
                                    "      widths: [1, -2, 0, abc]\n");  // 8
  const auto ds = load_errors(dir.str());
  if (expect_errors(ds, {{file + ":8:15", "`widths` has 4 widths, the table has 3 columns"},
                         {file + ":8:19", "a column width must be more than 0, not `-2`"},
                         {file + ":8:23", "a column width must be more than 0, not `0`"},
                         {file + ":8:26", "bad column width `abc`"}})) {
    EXPECT_TRUE(testing::contains(ds[3].hint, "`30mm`")) << ds[3].hint;
  }
}

TEST(TableErrors, ATableNeedsRows) {
  expect_body_error("  - table:\n"            // 6
                    "      columns: [a]\n",
                    "6:5", "the table has no rows", "add `rows:`");

  expect_body_error("  - table:\n"
                    "      columns: [a]\n"
                    "      rows: []\n",  // 8
                    "8:7", "the table has no rows");
}

TEST(TableErrors, UnknownKeyGetsDidYouMean) {
  expect_body_error("  - table:\n"
                    "      colums: [a]\n"   // 7
                    "      rows: [[x]]\n",
                    "7:7", "unknown key `colums`", "did you mean `columns`?");
}

TEST(TableErrors, KeysLevelWithTableBelongUnderIt) {
  TempDir dir;
  const std::string file = one_file(dir,
                                    "  - table:\n"
                                    "    columns: [a]\n"   // 7: a key of the block, not of the table
                                    "    rows: [[x]]\n");  // 8
  expect_errors(load_errors(dir.str()), {{file + ":7:5", "`columns` belongs under `table:`"},
                                         {file + ":8:5", "`rows` belongs under `table:`"}});
}

TEST(TableErrors, RowsAndCellsOfTheWrongType) {
  TempDir dir;
  const std::string file = one_file(dir,
                                    "  - table:\n"
                                    "      rows:\n"
                                    "        - Đảng viên\n"  // 8: not a list of cells
                                    "        -\n"
                                    "          - a\n"
                                    "          - b: c\n");    // 11: a map in a cell
  expect_errors(load_errors(dir.str()), {{file + ":8:11", "a table row must be a list of cells, not text"},
                                         {file + ":11:13", "a table cell must be text, not a map"}});

  expect_body_error("  - table: [a, b]\n",  // 6
                    "6:12", "`table` must be a map with `rows:`, not a list");
}

// --- Quotes, paragraphs with overrides, page breaks ------------------------------------

TEST(Quote, LoadsAsAQuoteBlock) {
  TempDir dir;
  const std::string file = one_file(dir, "  - quote: \"Không có gì quý hơn *độc lập, tự do*\"\n");  // 6
  const auto body = body_of(dir.str());
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(body[0].kind, Block::Kind::Quote);
  EXPECT_EQ(at(body[0].pos), file + ":6:5");
  EXPECT_EQ(at(body[0].text.pos), file + ":6:13");
  EXPECT_EQ(body[0].text.spans,
            (std::vector<Span>{{"Không có gì quý hơn ", false, false}, {"độc lập, tự do", false, true}}));
}

TEST(QuoteErrors, EmptyQuoteAndForeignKeys) {
  expect_body_error("  - quote:\n",  // 6
                    "6:5", "`quote` is empty", "write the quotation");

  expect_body_error("  - quote: x\n"
                    "    align: center\n",  // 7
                    "7:5", "unknown key `align`", "valid keys in a quote block: `quote`");
}

TEST(Paragraph, OverridesOfAlignmentAndIndent) {
  TempDir dir;
  one_file(dir,
           "  - paragraph: Căn giữa\n"
           "    align: center\n"
           "    indent: false\n"
           "  - paragraph: Căn phải\n"
           "    align: right\n"
           "  - Thường.\n");
  const auto body = body_of(dir.str());
  ASSERT_EQ(body.size(), 3u);
  EXPECT_EQ(body[0].kind, Block::Kind::Paragraph);
  EXPECT_EQ(body[0].align, "center");
  EXPECT_EQ(body[0].indent, std::optional<bool>(false));
  EXPECT_EQ(body[1].align, "right");
  EXPECT_FALSE(body[1].indent);  // unset: the style's
  EXPECT_EQ(body[2].align, "");
  EXPECT_FALSE(body[2].indent);
}

TEST(ParagraphErrors, BadOverrides) {
  TempDir dir;
  const std::string file = one_file(dir,
                                    "  - paragraph: x\n"
                                    "    align: centre\n"   // 7
                                    "    indent: maybe\n"   // 8
                                    "    size: 12pt\n");    // 9
  expect_errors(load_errors(dir.str()),
                {{file + ":7:12", "`align` must be one of `left`, `center`, `right`, `justify`, not `centre`",
                  "did you mean `center`?"},
                 {file + ":8:13", "`indent` must be true or false"},
                 {file + ":9:5", "unknown key `size`"}});
}

TEST(PageBreak, TrueBreaksFalseIsNothing) {
  TempDir dir;
  const std::string file = one_file(dir,
                                    "  - Trước.\n"
                                    "  - page-break: true\n"    // 7
                                    "  - page-break: false\n"   // 8: switched off, no block
                                    "  - Sau.\n");
  const auto body = body_of(dir.str());
  ASSERT_EQ(body.size(), 3u);
  EXPECT_EQ(body[0].kind, Block::Kind::Paragraph);
  EXPECT_EQ(body[1].kind, Block::Kind::PageBreak);
  EXPECT_EQ(at(body[1].pos), file + ":7:5");
  EXPECT_EQ(body[2].text.plain(), "Sau.");
}

TEST(PageBreakErrors, NotABoolean) {
  expect_body_error("  - page-break: maybe\n",  // 6
                    "6:17", "`page-break` must be true or false");

  expect_body_error("  - page-break:\n", "6:5", "`page-break` must be true or false");
}

TEST(BlockErrors, OneKindPerBlock) {
  expect_body_error("  - quote: x\n"
                    "    page-break: true\n",  // 7
                    "7:5", "a block has one kind: `quote` and `page-break` cannot be combined");
}

// --- Sections: numbered ----------------------------------------------------------------

TEST(Sections, NumberedFalseAndTrue) {
  TempDir dir;
  dir.write("document.yaml", std::string(kMinimalHead) + "parts: [p.yaml]\n");
  dir.write("p.yaml",
            "sections:\n"
            "  - title: Không số\n"
            "    numbered: false\n"
            "  - title: Có số\n"
            "    numbered: true\n"
            "  - title: Mặc định\n");
  const Document doc = load_document(dir.str());
  const auto& s = doc.parts.at(0).sections;
  ASSERT_EQ(s.size(), 3u);
  EXPECT_FALSE(s[0].numbered);
  EXPECT_TRUE(s[0].body.empty());  // a section with neither body nor subsections is fine
  EXPECT_TRUE(s[1].numbered);
  EXPECT_TRUE(s[2].numbered);

  TempDir dir2;
  dir2.write("document.yaml", std::string(kMinimalHead) + "parts: [p.yaml]\n");
  dir2.write("p.yaml",
             "sections:\n"
             "  - title: A\n"
             "    numbered: không\n");  // 3
  expect_one_error(dir2.str(), dir2.file("p.yaml") + ":3:15", "`numbered` must be true or false");
}

// --- Includes ---------------------------------------------------------------------------

TEST(Include, SplicesTheBodyOfAnotherFile) {
  TempDir dir;
  one_file(dir,
           "  - Mở đầu.\n"
           "  - include: chung/a.yaml\n"  // 7
           "  - Kết thúc.\n");
  // Paths are relative to the including file: chung/a.yaml names ../b.yaml, which is
  // still inside the document folder.
  const std::string a = dir.write("chung/a.yaml",
                                  "body:\n"
                                  "  - Đoạn A ….\n"          // 2: a placeholder at column 12
                                  "  - include: ../b.yaml\n");
  dir.write("b.yaml",
            "body:\n"
            "  - quote: Đoạn B\n");  // 2
  const Document doc = load_document(dir.str());
  ASSERT_EQ(doc.parts.size(), 1u);
  const auto& body = doc.parts[0].body;
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[0].text.plain(), "Mở đầu.");
  EXPECT_EQ(body[1].text.plain(), "Đoạn A ….");
  EXPECT_EQ(at(body[1].pos), dir.file("chung/a.yaml") + ":2:5");
  EXPECT_EQ(body[2].kind, Block::Kind::Quote);
  EXPECT_EQ(at(body[2].pos), dir.file("b.yaml") + ":2:5");
  EXPECT_EQ(body[3].text.plain(), "Kết thúc.");
  ASSERT_EQ(doc.placeholder_places.size(), 1u);
  EXPECT_EQ(at(doc.placeholder_places[0]), a + ":2:12");
}

TEST(Include, FromAPartFileResolvesAgainstThePartsFolder) {
  TempDir dir;
  dir.write("document.yaml", std::string(kMinimalHead) + "parts: [sub/p.yaml]\n");
  dir.write("sub/p.yaml",
            "sections:\n"
            "  - title: I\n"
            "    body:\n"
            "      - include: x.yaml\n");
  dir.write("sub/x.yaml", "body: [Trong sub.]\n");
  const Document doc = load_document(dir.str());
  const auto& body = doc.parts.at(0).sections.at(0).body;
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(body[0].text.plain(), "Trong sub.");
  EXPECT_EQ(body[0].pos.file, dir.file("sub/x.yaml"));
}

TEST(IncludeErrors, MissingFileIsReportedAtTheEntry) {
  TempDir dir;
  const std::string file = one_file(dir, "  - include: chuong.yaml\n");  // 6
  dir.write("chuong-1.yaml", "body: [x]\n");
  expect_one_error(dir.str(), file + ":6:14", "included file not found: chuong.yaml",
                   "did you mean `chuong-1.yaml`?");

  expect_body_error("  - include: khong-co.yaml\n",
                    "6:14", "included file not found: khong-co.yaml",
                    "relative to the folder of the file that includes it");
}

TEST(IncludeErrors, PathsStayInsideTheDocumentFolder) {
  TempDir dir;
  dir.write("outside.yaml", "body: [x]\n");
  const std::string file = dir.write("doc/document.yaml", std::string(kMinimalHead) +
                                                               "body:\n"
                                                               "  - include: ../outside.yaml\n"  // 6
                                                               "  - include: /etc/hostname\n"    // 7
                                                               "  - include: sub/c.yaml\n");
  // sub/c.yaml may name ../d.yaml (the folder's own d.yaml), not ../../outside.yaml.
  dir.write("doc/sub/c.yaml", "body:\n  - include: ../d.yaml\n  - include: ../../outside.yaml\n");  // 3
  dir.write("doc/d.yaml", "body: [d]\n");
  expect_errors(load_errors(dir.file("doc")),
                {{file + ":6:14", "include path leaves the document folder: ../outside.yaml"},
                 {file + ":7:14", "include path leaves the document folder: /etc/hostname"},
                 {dir.file("doc/sub/c.yaml") + ":3:14", "include path leaves the document folder: ../../outside.yaml"}});
}

TEST(IncludeErrors, CyclesNameTheChain) {
  TempDir dir;
  dir.write("document.yaml", std::string(kMinimalHead) + "parts: [phan-1.yaml]\n");
  dir.write("phan-1.yaml", "body:\n  - include: a.yaml\n");
  dir.write("a.yaml", "body:\n  - x\n  - include: b/c.yaml\n");
  dir.write("b/c.yaml", "body:\n  - include: ../phan-1.yaml\n");  // 2
  expect_one_error(dir.str(), dir.file("b/c.yaml") + ":2:14",
                   "include cycle: phan-1.yaml → a.yaml → b/c.yaml → phan-1.yaml",
                   "a file cannot include itself");

  expect_body_error("  - include: document.yaml\n", "6:14", "include cycle: document.yaml → document.yaml");
}

TEST(IncludeErrors, NestingDepthIsLimited) {
  TempDir dir;
  one_file(dir, "  - include: f1.yaml\n");
  for (int i = 1; i <= 9; ++i)
    dir.write("f" + std::to_string(i) + ".yaml", "body:\n  - include: f" + std::to_string(i + 1) + ".yaml\n");
  dir.write("f10.yaml", "body: [x]\n");
  // document → f1 → ... → f8 is 8 includes; f8's own include is the ninth.
  expect_one_error(dir.str(), dir.file("f8.yaml") + ":2:14", "includes nested more than 8 deep");
}

TEST(IncludeErrors, OnlyInABodyList) {
  TempDir dir;
  dir.write("a.yaml", "body: [x]\n");
  const std::string file = one_file(dir,
                                    "  - list:\n"
                                    "      - Mục\n"
                                    "      - include: a.yaml\n");  // 8
  expect_one_error(dir.str(), file + ":8:9", "`include` can only be an entry of a `body` list");
}

TEST(IncludeErrors, TheIncludedFileHoldsOnlyBody) {
  TempDir dir;
  one_file(dir, "  - include: a.yaml\n");
  dir.write("a.yaml",
            "title: Thừa\n"   // 1
            "bodi: [x]\n");   // 2
  const std::string a = dir.file("a.yaml");
  expect_errors(load_errors(dir.str()), {{a + ":1:1", "unknown key `title`"},
                                         {a + ":1:1", "missing `body` in an included file"},
                                         {a + ":2:1", "unknown key `bodi`", "did you mean `body`?"}});
}

TEST(IncludeErrors, AFileIncludedTwiceReportsItsProblemsOnce) {
  TempDir dir;
  one_file(dir,
           "  - include: a.yaml\n"
           "  - include: a.yaml\n");
  dir.write("a.yaml", "body:\n  - \"{khong_co}\"\n");  // 2
  expect_one_error(dir.str(), dir.file("a.yaml") + ":2:6", "unknown variable `{khong_co}`");
}

TEST(Include, AFileMayBeIncludedTwice) {
  TempDir dir;
  one_file(dir,
           "  - include: a.yaml\n"
           "  - include: a.yaml\n");
  dir.write("a.yaml", "body: [Lặp lại …]\n");
  const Document doc = load_document(dir.str());
  EXPECT_EQ(doc.parts.at(0).body.size(), 2u);
  EXPECT_EQ(doc.placeholders, 2);  // two blanks are printed, so two are counted
}

}  // namespace
}  // namespace vanban::content
