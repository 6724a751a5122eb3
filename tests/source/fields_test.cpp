// The source stage's reader (pipeline/source/fields.hpp), its places, suggestions, paths
// and files: what content, style and check all read their YAML through.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "pipeline/source/fields.hpp"
#include "pipeline/source/file.hpp"
#include "pipeline/source/paths.hpp"
#include "pipeline/source/suggest.hpp"
#include "tests/common/temp_dir.hpp"

namespace vanban::source {
namespace {

/// A file `f.yaml` holding `text`, parsed, with a reader that reports into `diags`.
struct Read {
  explicit Read(const std::string& text) : file("f.yaml", text), tree(yaml::Tree::parse(file.text())) {}
  SourceFile file;
  yaml::Tree tree;
  Diagnostics diags;
  Fields fields{file, diags};
  yaml::Node root() const { return tree.root(); }
};

std::string at(const SourcePos& p) { return p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column); }

TEST(SourceFile, PlacesAfterAndInsideRunsOfBlankLines) {
  // Blank lines are not recorded (no memory per line): places among and after them are
  // counted, and agree with a count of the newlines before each offset.
  const std::string text = "a: 1\n\n\n\nb: ạ2\n\n\nc:\n\n";
  const SourceFile f("f.yaml", text);
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    const std::size_t line_start = offset == 0 ? 0 : text.rfind('\n', offset - 1) + 1;
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    std::size_t column = 1;
    for (std::size_t k = line_start; k < offset; ++k) column += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
    const SourcePos p = f.at(offset);
    EXPECT_EQ(p.line, line) << "offset " << offset;
    EXPECT_EQ(p.column, static_cast<int>(column)) << "offset " << offset;
  }
}

TEST(Fields, EmptyFileOfBlankLinesOnlyIsEmpty) {
  Read r(std::string(100000, '\n'));
  yaml::Tree tree;
  EXPECT_FALSE(r.fields.parse_map("hint", tree));
  ASSERT_EQ(r.diags.items.size(), 1u);
  EXPECT_EQ(r.diags.items[0].message, "the file is empty");
  EXPECT_EQ(at(r.diags.items[0].pos), "f.yaml:1:1");
}

TEST(Fields, KeysEqualAfterNfcAreDuplicates) {
  Read r("x\u00E3: 1\nxa\u0303: 2\n");
  const Entries m = r.fields.entries(r.root(), nullptr, "the test");
  EXPECT_EQ(m.size(), 1u);
  ASSERT_EQ(r.diags.items.size(), 1u);
  EXPECT_EQ(r.diags.items[0].message, "duplicate key `x\u00E3`");
  EXPECT_EQ(at(r.diags.items[0].pos), "f.yaml:2:1");
}

TEST(SourceFile, ColumnsCountCodePointsAndTheBomIsNotOne) {
  const SourceFile f("f.yaml", "\xEF\xBB\xBF" "tên: Đảng\nb: c\n");
  EXPECT_TRUE(f.text().starts_with("tên"));
  EXPECT_EQ(at(f.at(f.text().find("Đ"))), "f.yaml:1:6");  // t, ê, n, :, space: five characters before
  EXPECT_EQ(at(f.at(f.text().find("b:"))), "f.yaml:2:1");
  EXPECT_EQ(at(f.at(10'000)), "f.yaml:3:1");  // clamped to the end
}

TEST(Fields, UnknownKeyIsReportedWithTheNearestValidKey) {
  Read r("tittle: x\nkind: y\n");
  const Names valid = {"title", "kind"};
  const Entries e = r.fields.entries(r.root(), &valid, "document.yaml");
  ASSERT_EQ(r.diags.items.size(), 1u);
  EXPECT_EQ(at(r.diags.items[0].pos), "f.yaml:1:1");
  EXPECT_EQ(r.diags.items[0].message, "unknown key `tittle`");
  EXPECT_EQ(r.diags.items[0].hint, "did you mean `title`?");
  EXPECT_EQ(e.size(), 1u);
  EXPECT_TRUE(find(e, "kind"));
  EXPECT_FALSE(find(e, "tittle"));
}

TEST(Fields, UnknownKeyFarFromAnyListsTheValidKeys) {
  Read r("xyzzy: 1\n");
  const Names valid = {"title", "kind"};
  r.fields.entries(r.root(), &valid, "`header`");
  ASSERT_EQ(r.diags.items.size(), 1u);
  EXPECT_EQ(r.diags.items[0].hint, "valid keys in `header`: `title`, `kind`");
}

TEST(Fields, ADuplicateKeyIsReportedAtTheSecondAndTheFirstIsKept) {
  Read r("a: 1\nb: 2\na: 3\n");
  const Entries e = r.fields.entries(r.root(), nullptr, "x");
  ASSERT_EQ(r.diags.items.size(), 1u);
  EXPECT_EQ(at(r.diags.items[0].pos), "f.yaml:3:1");
  EXPECT_EQ(r.diags.items[0].message, "duplicate key `a`");
  EXPECT_EQ(r.diags.items[0].hint, "`a` is already given at line 1; keep one");
  EXPECT_EQ(find(e, "a")->value.scalar(), "1");
}

TEST(Fields, ScalarRefusesAListAndAnUnquotedBrace) {
  Read r("a: [1, 2]\nb: {x}\nc: text\n");
  const Entries e = r.fields.entries(r.root(), nullptr, "x");
  EXPECT_FALSE(r.fields.scalar("a", find(e, "a")));
  EXPECT_FALSE(r.fields.scalar("b", find(e, "b")));
  EXPECT_EQ(r.fields.scalar("c", find(e, "c")), "text");
  EXPECT_FALSE(r.fields.scalar("d", find(e, "d")));  // absent: nothing to report
  ASSERT_EQ(r.diags.items.size(), 2u);
  EXPECT_EQ(r.diags.items[0].message, "`a` must be text, not a list");
  EXPECT_EQ(at(r.diags.items[0].pos), "f.yaml:1:4");
  EXPECT_EQ(r.diags.items[1].message, "text starting with `{` must be quoted");
}

TEST(Fields, TextAndMapOfANodeNameTheirKey) {
  Read r("codes:\n  bao-cao: [BC]\ncite: text\n");
  const yaml::Node root = r.root();
  EXPECT_FALSE(r.fields.text(root["codes"]["bao-cao"], "bao-cao"));
  EXPECT_TRUE(r.fields.map(root["codes"], "codes", "hint"));
  EXPECT_FALSE(r.fields.map(root["cite"], "cite", "see the style"));
  ASSERT_EQ(r.diags.items.size(), 2u);
  EXPECT_EQ(r.diags.items[0].message, "`bao-cao` must be text, not a list");
  EXPECT_EQ(at(r.diags.items[0].pos), "f.yaml:2:12");
  EXPECT_EQ(r.diags.items[1].message, "`cite` must be a map of `key: value` lines, not text");
  EXPECT_EQ(r.diags.items[1].hint, "see the style");
}

TEST(Fields, FlagAndChoice) {
  Read r("on: yes\nbad: maybe\nalign: centre\n");
  const Entries e = r.fields.entries(r.root(), nullptr, "x");
  EXPECT_EQ(r.fields.flag("on", find(e, "on")), true);
  EXPECT_FALSE(r.fields.flag("bad", find(e, "bad")));
  EXPECT_FALSE(r.fields.choice("align", find(e, "align"), {"left", "center", "right"}));
  ASSERT_EQ(r.diags.items.size(), 2u);
  EXPECT_EQ(r.diags.items[0].message, "`bad` must be true or false");
  EXPECT_EQ(r.diags.items[1].message, "`align` must be one of `left`, `center`, `right`, not `centre`");
  EXPECT_EQ(r.diags.items[1].hint, "did you mean `center`?");
}

TEST(Fields, RequiredNamesAMissingAndAnEmptyKey) {
  Read r("a:\n");
  const Entries e = r.fields.entries(r.root(), nullptr, "x");
  EXPECT_FALSE(r.fields.required("a", find(e, "a"), {"f.yaml", 1, 1}, "", "fill it"));
  EXPECT_FALSE(r.fields.required("b", find(e, "b"), {"f.yaml", 1, 1}, "`x`", "add it"));
  ASSERT_EQ(r.diags.items.size(), 2u);
  EXPECT_EQ(r.diags.items[0].message, "`a` is empty");
  EXPECT_EQ(r.diags.items[1].message, "missing `b` in `x`");
}

TEST(Fields, PlacesOfQuotedBlockAndEmptyValues) {
  Read r("a: \"x\"\nb: |\n  text\nc:\n  -\n");
  const yaml::Node root = r.root();
  EXPECT_EQ(at(r.fields.pos(root["a"])), "f.yaml:1:4");       // the quote
  EXPECT_EQ(at(r.fields.text_pos(root["a"])), "f.yaml:1:5");  // the text after it
  EXPECT_EQ(at(r.fields.text_pos(root["b"])), "f.yaml:3:3");  // the block's first line
  EXPECT_EQ(at(r.fields.item_pos(root["c"][0])), "f.yaml:5:3");  // just after the `-`
}

TEST(Fields, ParseMapRefusesAnEmptyFileAndAList) {
  for (const std::string text : {"", "# only a comment\n", "- a\n- b\n", "a: 1\n---\nb: 2\n"}) {
    Read r(text);
    yaml::Tree tree;
    EXPECT_FALSE(r.fields.parse_map("hint", tree)) << text;
    ASSERT_EQ(r.diags.items.size(), 1u) << text;
  }
  Read ok("a: 1\n");
  yaml::Tree tree;
  const auto root = ok.fields.parse_map("hint", tree);
  ASSERT_TRUE(root);
  EXPECT_EQ((*root)["a"].scalar(), "1");
  EXPECT_TRUE(ok.diags.items.empty());
}

TEST(Suggest, ClosestIsWithinTwoEditsCountedInCodePoints) {
  EXPECT_EQ(edit_distance("Đảng", "Đang"), 1);
  EXPECT_EQ(edit_distance("ab", "ba"), 1);  // an adjacent swap is one edit
  EXPECT_EQ(closest("tilte", {"title", "kind"}), "title");
  EXPECT_EQ(closest("x", {"a", "kind"}), "");  // not a typo of a one-letter word
  EXPECT_EQ(closest("headerxyz", {"header"}), "");
  EXPECT_EQ(suggestion("kinf", {"kind"}, "valid: {}"), "did you mean `kind`?");
  EXPECT_EQ(suggestion("zzz", {"kind", "title"}, "valid: {}"), "valid: `kind`, `title`");
}

TEST(Paths, ResolveKeepsPathsInsideTheFolder) {
  EXPECT_EQ(resolve("", "phan-1.yaml"), "phan-1.yaml");
  EXPECT_EQ(resolve("chung", "../phan-1.yaml"), "phan-1.yaml");
  EXPECT_EQ(resolve("", "a\\b.yaml"), "a/b.yaml");  // written on Windows
  EXPECT_FALSE(resolve("", "../x.yaml"));
  EXPECT_FALSE(resolve("", "/etc/passwd"));
  EXPECT_FALSE(resolve("", "C:\\x.yaml"));
  EXPECT_EQ(join("doc", "a.yaml"), "doc/a.yaml");
  EXPECT_EQ(join("doc/", "a.yaml"), "doc/a.yaml");
  EXPECT_EQ(join("", "a.yaml"), "a.yaml");
}

TEST(Paths, ALinkOutOfTheFolderDoesNotStayInside) {
  const vanban::testing::TempDir dir;
  dir.write("outside.yaml", "a: 1\n");
  dir.write("doc/inside.yaml", "a: 1\n");
  std::filesystem::create_symlink("../outside.yaml", dir.file("doc/link.yaml"));
  EXPECT_TRUE(stays_inside(dir.file("doc"), "inside.yaml"));
  EXPECT_FALSE(stays_inside(dir.file("doc"), "link.yaml"));
  EXPECT_EQ(read_file(dir.file("doc/inside.yaml")), "a: 1\n");
  EXPECT_FALSE(read_file(dir.file("doc")));  // a folder is not a file
  EXPECT_FALSE(read_file(dir.file("missing.yaml")));
}

}  // namespace
}  // namespace vanban::source
