// The YAML tree (pipeline/source/yaml.hpp): kinds, places, aliases, limits, and the
// messages libyaml's errors become.
#include "pipeline/source/yaml.hpp"

#include <gtest/gtest.h>

#include <source_location>
#include <string>

namespace vanban::source::yaml {
namespace {

/// The problem of parsing `text`, which must have one.
Problem problem_of(const std::string& text) {
  const Tree t = Tree::parse(text);
  EXPECT_TRUE(t.problem()) << text;
  return t.problem().value_or(Problem{});
}

/// The problem of parsing `text`, which must be `message` at the first `at` in `text`;
/// returned for further checks. A failure names the caller's line.
Problem expect_problem(const std::string& text, const std::string& at, const std::string& message,
                       const std::source_location& from = std::source_location::current()) {
  const ::testing::ScopedTrace trace(from.file_name(), static_cast<int>(from.line()), "expect_problem");
  const Problem p = problem_of(text);
  EXPECT_EQ(p.offset, text.find(at)) << "expected at the first `" << at << "`";
  EXPECT_EQ(p.message, message);
  return p;
}

TEST(YamlTree, NullIsAPlainEmptyValueOrTildeOrNull) {
  const Tree t = Tree::parse("a:\nb: ~\nc: null\nd: NULL\ne: \"\"\nf: 'null'\ng: |\nh: x\n");
  const Node r = t.root();
  ASSERT_TRUE(r.is_map());
  for (const char* k : {"a", "b", "c", "d"}) EXPECT_TRUE(r[k].is_null()) << k;
  EXPECT_TRUE(r["e"].is_scalar());
  EXPECT_EQ(r["e"].scalar(), "");
  EXPECT_EQ(r["e"].style(), Style::DoubleQuoted);
  EXPECT_TRUE(r["f"].is_scalar());
  EXPECT_EQ(r["f"].scalar(), "null");
  EXPECT_TRUE(r["g"].is_scalar());  // an empty block scalar is text
  EXPECT_EQ(r["g"].style(), Style::Literal);
  EXPECT_EQ(r["h"].style(), Style::Plain);
  EXPECT_FALSE(r["missing"]);
  EXPECT_TRUE(r["a"]);  // present, though null
}

TEST(YamlTree, MapsKeepEveryEntryInOrder) {
  const Tree t = Tree::parse("title: A\nbody: [x, y]\ntitle: B\n");
  const Node r = t.root();
  ASSERT_EQ(r.size(), 3u);
  std::string keys;
  for (const auto& [k, v] : r.entries()) keys += std::string(k.scalar()) + ",";
  EXPECT_EQ(keys, "title,body,title,");
  EXPECT_EQ(r["title"].scalar(), "A");  // the first
  EXPECT_EQ(r.entry(2).second.scalar(), "B");
  const Node body = r["body"];
  ASSERT_TRUE(body.is_sequence());
  EXPECT_TRUE(body.is_flow());
  EXPECT_EQ(body.size(), 2u);
  EXPECT_EQ(body[1].scalar(), "y");
  EXPECT_FALSE(body[2]);
  std::string items;
  for (Node item : body) items += item.scalar();
  EXPECT_EQ(items, "xy");
}

TEST(YamlTree, OffsetsAreBytesWhateverLibyamlCounts) {
  // libyaml counts code points; "Đảng bộ" is 7 of them and 11 bytes.
  const std::string text = "a: Đảng bộ\r\nb: [Đảng, x]\n";
  const Tree t = Tree::parse(text);
  const Node b = t.root()["b"];
  EXPECT_EQ(b.offset(), text.find('['));
  EXPECT_EQ(b[1].offset(), text.find('x'));
  EXPECT_EQ(t.root().entry(1).first.offset(), text.find("\nb") + 1);
}

TEST(YamlTree, ALeadingBomIsSkipped) {
  const std::string text = "\xEF\xBB\xBFtitle: Đảng\nkind: x\n";
  const Tree t = Tree::parse(text);
  EXPECT_EQ(t.root()["kind"].offset(), text.find("x\n"));
}

TEST(YamlTree, EmptyValuesArePlacedAfterTheirDash) {
  const std::string text = "a:\n  - \n  - b\n";
  const Tree t = Tree::parse(text);
  const Node a = t.root()["a"];
  EXPECT_TRUE(a[0].is_null());
  EXPECT_EQ(a[0].offset(), text.find('-') + 1);
}

TEST(YamlTree, AliasesShareTheirAnchorsNode) {
  const Tree t = Tree::parse("a: &x [1, 2]\nb: *x\n");
  EXPECT_EQ(t.root()["b"].size(), 2u);
  EXPECT_EQ(t.root()["b"].offset(), t.root()["a"].offset());
}

TEST(YamlTree, AliasesRepeatAMillionValuesAtMost) {
  // Each level repeats the one before ten times: level k holds about 10^k values.
  std::string text = "l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n";
  for (int k = 1; k <= 7; ++k) {
    const std::string prev = "*l" + std::to_string(k - 1);
    text += "l" + std::to_string(k) + ": &l" + std::to_string(k) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + prev;
    text += "]\n";
  }
  const Problem p = problem_of(text);
  EXPECT_EQ(p.message, "the file is too large: more than 1000000 YAML values");
  // Levels 1 to 4 repeat about 123,000 values; level 5 repeats 111,111 per alias, and
  // its eighth alias goes past the million.
  EXPECT_EQ(text.rfind("\nl5:", p.offset), text.find("\nl5:"));
  EXPECT_LT(p.offset, text.find("\nl6:"));

  // The same values written out are not counted: only what aliases repeat is.
  std::string flat = "rows:\n";
  for (int i = 0; i < 200; ++i) flat += "  - [a, b, c, d, e, f, g, h, i, j]\n";
  EXPECT_FALSE(Tree::parse(flat).problem());
}

TEST(YamlTree, AnAliasInsideItsOwnAnchorIsRefused) {
  expect_problem("body: &a\n  - list: *a\n", "*", "the alias `*a` is inside the block `&a` it repeats");
}

TEST(YamlTree, AnUnknownAliasIsMostLikelyTextStartingWithAStar) {
  const std::string text = "body:\n  - *ghi\n";
  const Problem p = problem_of(text);
  EXPECT_EQ(p.offset, text.find('*'));
  EXPECT_NE(p.hint.find("must be quoted"), std::string::npos) << p.hint;
}

TEST(YamlTree, FlowNestingStopsAtTheBracketThatGoesTooDeep) {
  const auto nested = [](int n) { return "a: " + std::string(n, '[') + "x" + std::string(n, ']') + "\n"; };
  EXPECT_FALSE(Tree::parse(nested(kMaxFlowDepth)).problem());
  const Problem p = problem_of(nested(10000));
  EXPECT_EQ(p.message, "the content is nested too deeply");
  EXPECT_EQ(p.offset, 3u + kMaxFlowDepth);  // the 65th `[`
}

TEST(YamlTree, DeepBlockNestingIsBuiltWithoutRecursion) {
  // 3,000 levels of block lists: the builder keeps its own stack, so the C++ stack does not grow.
  std::string text;
  for (int i = 0; i < 3000; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "-\n";
  const Tree t = Tree::parse(text);
  ASSERT_FALSE(t.problem());
  Node n = t.root();
  int depth = 0;
  while (n.is_sequence()) {
    n = n[0];
    ++depth;
  }
  EXPECT_EQ(depth, 3000);
}

TEST(YamlTree, ASecondDocumentIsCountedAndPlaced) {
  const std::string text = "a: 1\n---\nb: 2\n";
  const Tree t = Tree::parse(text);
  EXPECT_EQ(t.documents(), 2);
  EXPECT_EQ(t.second_document(), text.find('b'));
  EXPECT_EQ(t.root()["a"].scalar(), "1");
  EXPECT_EQ(Tree::parse("# only a comment\n").documents(), 0);
  EXPECT_FALSE(Tree::parse("").root());
}

TEST(YamlErrors, AnUnclosedQuoteIsReportedWhereItOpens) {
  const Problem p = expect_problem("title: \"Báo cáo\nbody:\n  - x\n", "\"", "unclosed quote");
  EXPECT_EQ(p.hint, "the text runs to the end of the file; add the closing `\"`");
}

TEST(YamlErrors, AQuoteClosedLinesLaterIsNamedInTheHint) {
  const std::string text = "kind: x\ntitle: \"Báo cáo\nheader:\n  issuer: \"A\"\n";
  const Problem p = problem_of(text);
  EXPECT_EQ(p.hint, "the quote opened at line 2, column 8 is not closed on its line");
}

TEST(YamlErrors, ALeadingCommaDoesNotLoop) {
  expect_problem("# x\n, title: y\n", ",", "YAML syntax error: unexpected `,`");
}

TEST(YamlErrors, ABadEscapeIsReportedAtItsBackslash) {
  expect_problem("a: \"C:\\tai\\xyz\"\n", "\\x", "YAML syntax error: bad escape `\\x` inside double quotes");
}

TEST(YamlErrors, AnUnclosedBracketNamesWhereItOpens) {
  const Problem p = problem_of("a: [x, y\nb: z\n");
  EXPECT_EQ(p.message, "YAML syntax error: the `[` at line 1, column 4 is not closed");
}

TEST(YamlErrors, WrongIndentationSaysSo) {
  expect_problem("body:\n  - a\n - b\n", "- b",
                 "YAML syntax error: the indentation of this line does not match the lines above");
}

TEST(YamlErrors, TextStartingWithAStarMustBeQuoted) {
  expect_problem("body:\n  - **Chú ý** đoạn\n", "*", "YAML syntax error: text starting with `*` must be quoted");
}

TEST(YamlErrors, AControlCharacterIsNamedAtItsPlace) {
  expect_problem("title: Báo\x07 cáo\n", "\x07", "control character U+0007 in text");
}

TEST(YamlBool, YamlCppsWords) {
  EXPECT_EQ(to_bool("true"), true);
  EXPECT_EQ(to_bool("Yes"), true);
  EXPECT_EQ(to_bool("ON"), true);
  EXPECT_EQ(to_bool("n"), false);
  EXPECT_EQ(to_bool("False"), false);
  EXPECT_EQ(to_bool("yEs"), std::nullopt);
  EXPECT_EQ(to_bool("1"), std::nullopt);
  EXPECT_EQ(to_bool(""), std::nullopt);
}

}  // namespace
}  // namespace vanban::source::yaml

