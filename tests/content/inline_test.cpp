// parse_inline: markup spans, escapes, variables, and the exact place of each problem.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "pipeline/content/inline.hpp"
#include "tests/content/helpers.hpp"

namespace vanban::content {
namespace {

using testing::expect_errors;
using Vars = std::map<std::string, std::string>;

const SourcePos kAt{"phan-1.yaml", 7, 12};

std::vector<Span> spans(const std::string& s, const Vars& vars = {}) {
  return parse_inline(s, kAt, vars).spans;
}

Span plain(std::string t) { return {std::move(t), false, false}; }
Span bold(std::string t) { return {std::move(t), true, false}; }
Span italic(std::string t) { return {std::move(t), false, true}; }
Span both(std::string t) { return {std::move(t), true, true}; }

/// The diagnostics of parsing `s`, which must fail.
std::vector<Diagnostic> errors(const std::string& s, const Vars& vars = {}) {
  try {
    parse_inline(s, kAt, vars);
  } catch (const Error& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "parse_inline(\"" << s << "\") succeeded; an error was expected";
  return {};
}

TEST(Inline, PlainTextIsOneSpan) {
  const Text t = parse_inline("Báo cáo chính trị", kAt, {});
  EXPECT_EQ(t.spans, std::vector<Span>{plain("Báo cáo chính trị")});
  EXPECT_EQ(t.pos.line, 7);
  EXPECT_EQ(t.pos.column, 12);
  EXPECT_EQ(t.plain(), "Báo cáo chính trị");
}

TEST(Inline, EmptyTextHasNoSpans) { EXPECT_TRUE(parse_inline("", kAt, {}).empty()); }

TEST(Inline, BoldItalicAndBoth) {
  EXPECT_EQ(spans("a **đậm** b"), (std::vector<Span>{plain("a "), bold("đậm"), plain(" b")}));
  EXPECT_EQ(spans("a *nghiêng* b"), (std::vector<Span>{plain("a "), italic("nghiêng"), plain(" b")}));
  EXPECT_EQ(spans("***cả hai***"), std::vector<Span>{both("cả hai")});
}

TEST(Inline, NestedEmphasis) {
  EXPECT_EQ(spans("**đậm *cả hai* đậm**"),
            (std::vector<Span>{bold("đậm "), both("cả hai"), bold(" đậm")}));
  EXPECT_EQ(spans("*nghiêng **cả hai***"), (std::vector<Span>{italic("nghiêng "), both("cả hai")}));
  EXPECT_EQ(spans("***cả hai** nghiêng*"), (std::vector<Span>{both("cả hai"), italic(" nghiêng")}));
}

TEST(Inline, AdjacentSpansOfOneStyleMergeAndEmptyOnesDrop) {
  // The empty bold run between "a" and "b" leaves nothing; "a" and "b" become one span.
  EXPECT_EQ(spans("a**{rong}**b", {{"rong", ""}}), std::vector<Span>{plain("ab")});
  EXPECT_EQ(spans("**x**{{**y**"), (std::vector<Span>{bold("x"), plain("{"), bold("y")}));
  EXPECT_TRUE(spans("**{rong}**", {{"rong", ""}}).empty());
}

TEST(Inline, EscapedStarIsLiteral) {
  EXPECT_EQ(spans("5 \\* 3 = 15"), std::vector<Span>{plain("5 * 3 = 15")});
  EXPECT_EQ(spans("**\\***"), std::vector<Span>{bold("*")});
  // A backslash before anything else stays.
  EXPECT_EQ(spans("a\\b"), std::vector<Span>{plain("a\\b")});
}

TEST(Inline, DoubledBracesAreLiteral) {
  EXPECT_EQ(spans("{{khoa}} là {khoa}", {{"khoa", "XV"}}), std::vector<Span>{plain("{khoa} là XV")});
  EXPECT_EQ(spans("}}"), std::vector<Span>{plain("}")});
}

TEST(Inline, VariablesAreSubstitutedAsPlainText) {
  const Vars vars{{"dang_bo", "Trường **Y** {x}"}, {"khoa", "XV"}};
  // The value is not parsed again: its stars and braces are just characters.
  EXPECT_EQ(spans("Đảng bộ {dang_bo} khóa **{khoa}**", vars),
            (std::vector<Span>{plain("Đảng bộ Trường **Y** {x} khóa "), bold("XV")}));
}

TEST(Inline, OutputIsNfc) {
  // "Đảng" with the hook and dot as combining marks (NFD) in the source and in a value.
  const std::string nfd = "\xC4\x90" "a\xCC\x89" "ng";  // Đ a ̉ ng
  const Text t = parse_inline("**" + nfd + "** {v}", kAt, {{"v", nfd}});
  ASSERT_EQ(t.spans.size(), 2u);
  EXPECT_EQ(t.spans[0].text, "Đảng");
  EXPECT_EQ(t.spans[1].text, " Đảng");
}

TEST(Inline, UnknownVariableIsReportedAtItsBrace) {
  // "Đặc {nam}": the brace is the 5th code point (the Vietnamese letters are 2–3 bytes each).
  expect_errors(errors("Đặc {nam}", {{"name", "x"}}),
                {{"phan-1.yaml:7:16", "unknown variable `{nam}`", "did you mean `{name}`?"}});
}

TEST(Inline, UnknownVariableWithNoVariablesSaysWhereToDefineThem) {
  const auto ds = errors("{khoa}");
  if (expect_errors(ds, {{"phan-1.yaml:7:12", "unknown variable `{khoa}`"}})) {
    EXPECT_TRUE(testing::contains(ds[0].hint, "variables:")) << ds[0].hint;
  }
}

TEST(Inline, UnclosedEmphasisIsReportedAtItsOpening) {
  const auto ds = errors("ab **đậm");
  if (expect_errors(ds, {{"phan-1.yaml:7:15", "unclosed `**` (bold)"}})) {
    EXPECT_TRUE(testing::contains(ds[0].hint, "\\*")) << ds[0].hint;
  }
  expect_errors(errors("5 * 3"), {{"phan-1.yaml:7:14", "unclosed `*` (italic)"}});
  expect_errors(errors("x ***y"), {{"phan-1.yaml:7:14", "unclosed `***` (bold italic)"}});
  expect_errors(errors("****"), {{"phan-1.yaml:7:12", "4 stars in a row"}});
}

TEST(Inline, BraceErrors) {
  expect_errors(errors("a } b"), {{"phan-1.yaml:7:14", "`}` without a matching `{`"}});
  expect_errors(errors("a {khoa b"), {{"phan-1.yaml:7:14", "unclosed `{`"}});
}

TEST(Inline, AllProblemsOfOneStringAreReported) {
  expect_errors(errors("{a} và {b} **"), {{"phan-1.yaml:7:12", "unknown variable `{a}`"},
                                          {"phan-1.yaml:7:19", "unknown variable `{b}`"},
                                          {"phan-1.yaml:7:23", "unclosed `**` (bold)"}});
}

TEST(Inline, LinesOfABlockScalarKeepTheirColumn) {
  // A `|` scalar's lines share one indentation: line 2 of the text is line 8 of the file.
  expect_errors(errors("dòng một\nvà {x}"), {{"phan-1.yaml:8:15", "unknown variable `{x}`"}});
}

}  // namespace
}  // namespace vanban::content

namespace vanban::content {
namespace {

TEST(Inline, ByteOrderMarkInsideTextIsLeftOutWithAWarning) {
  Diagnostics diags;
  const Text t = detail::parse_text("Đoạn \xEF\xBB\xBFvăn **đậm\xEF\xBB\xBF**", kAt, {}, {}, diags, nullptr);
  EXPECT_EQ(t.spans, (std::vector<Span>{plain("Đoạn văn "), bold("đậm")}));
  ASSERT_EQ(diags.items.size(), 2u);
  EXPECT_EQ(diags.items[0].severity, Severity::Warning);
  EXPECT_EQ(diags.items[0].message, "invisible character U+FEFF (a byte-order mark) in the text, left out");
  EXPECT_EQ(diags.items[0].pos.column, 12 + 5);
  EXPECT_EQ(diags.items[1].pos.column, 12 + 15);
}

TEST(Inline, OtherCharactersStartingWithByteEFAreKept) {
  // U+F8FF and U+FFFD start with 0xEF too: only U+FEFF is dropped.
  EXPECT_EQ(spans("a\xEF\xA3\xBF b\xEF\xBF\xBD"), std::vector<Span>{plain("a\xEF\xA3\xBF b\xEF\xBF\xBD")});
}

}  // namespace
}  // namespace vanban::content
