// parse_text against a model: a plain parser over decoded code points, one output cell per
// character, that says what parse_text must give. parse_text itself works on the UTF-8
// bytes, copies the text between markup through whole and skips NFC for text that passes
// the quick check; on many mixed strings (markup, braces, variables whose values hold
// marks and dots, decomposed letters, placeholders across styles, newlines) both must give
// the same spans, the same diagnostics at the same places, and the same placeholders.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "pipeline/content/inline.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::content::detail {
namespace {

struct Result {
  Text text;
  Diagnostics diags;
  std::vector<SourcePos> placeholders;
};

/// The model: the inline syntax applied one code point at a time.
Result model(std::string_view source, const SourcePos& pos, const Variables& variables,
             const InlineOptions& options) {
  Result r;
  r.text.pos = pos;
  if (!text::valid_utf8(source)) {
    r.diags.error(pos, "the text is not valid UTF-8", "save the file as UTF-8");
    return r;
  }
  const std::u32string s = text::decode(source);
  // The place of each code point: the column restarts at pos.column after a newline.
  std::vector<SourcePos> places;
  for (std::size_t i = 0, line = 0, col = 0; i <= s.size(); ++i) {
    SourcePos p = pos;
    if (pos.line > 0) {
      p.line += static_cast<int>(line);
      p.column += static_cast<int>(col);
    }
    places.push_back(p);
    if (i < s.size() && s[i] == U'\n') {
      ++line;
      col = 0;
    } else {
      ++col;
    }
  }
  struct Cell {
    char32_t cp;
    bool bold, italic;
    std::size_t from;  // the code point it comes from
  };
  std::vector<Cell> cells;
  bool bold = false, italic = false;
  std::size_t bold_at = 0, italic_at = 0;
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const char32_t c = s[i];
    if (c == U'\\' && i + 1 < n && s[i + 1] == U'*') {
      cells.push_back({U'*', bold, italic, i});
      i += 2;
    } else if (c == U'*' && options.markup) {
      std::size_t run = 1;
      while (i + run < n && s[i + run] == U'*') ++run;
      if (run > 3) {
        r.diags.error(places[i], std::to_string(run) + " stars in a row",
                      "`*` is italic, `**` bold, `***` both; write `\\*` for a literal star");
      } else {
        if (run != 2 && (italic = !italic)) italic_at = i;
        if (run != 1 && (bold = !bold)) bold_at = i;
      }
      i += run;
    } else if (c == U'{' && i + 1 < n && s[i + 1] == U'{') {
      cells.push_back({U'{', bold, italic, i});
      i += 2;
    } else if (c == U'{') {
      std::size_t j = i + 1;
      while (j < n && s[j] != U'}' && s[j] != U'{') ++j;
      if (j == n || s[j] == U'{') {
        r.diags.error(places[i], "unclosed `{`", "write `{name}` for a variable, or `{{` for a literal brace");
        cells.push_back({U'{', bold, italic, i});
        ++i;
        continue;
      }
      const std::string name = text::nfc(text::encode(s.substr(i + 1, j - i - 1)));
      if (name.empty()) {
        r.diags.error(places[i], "empty variable name `{}`", "write `{name}` for a variable, or `{{}}` for literal braces");
      } else if (const auto it = variables.find(name); it != variables.end()) {
        for (char32_t v : text::decode(it->second)) cells.push_back({v, bold, italic, i});
      } else if (options.report_unknown_variables) {
        // The hint ("did you mean") is the same code in both: only the message is modelled.
        r.diags.error(places[i], "unknown variable `{" + name + "}`", "");
      }
      i = j + 1;
    } else if (c == U'}') {
      if (!(i + 1 < n && s[i + 1] == U'}'))
        r.diags.error(places[i], "`}` without a matching `{`", "write `}}` for a literal brace");
      cells.push_back({U'}', bold, italic, i});
      i += i + 1 < n && s[i + 1] == U'}' ? 2 : 1;
    } else {
      cells.push_back({c, bold, italic, i});
      ++i;
    }
  }
  const auto unclosed = [&](std::size_t at, const std::string& stars, const char* what) {
    r.diags.error(places[at], "unclosed `" + stars + "` (" + what + ")",
                  "close it with `" + stars + "` after the emphasised words, or write `\\*` for a literal star");
  };
  if (bold && italic && bold_at == italic_at) {
    unclosed(bold_at, "***", "bold italic");
  } else {
    if (bold) unclosed(bold_at, "**", "bold");
    if (italic) unclosed(italic_at, "*", "italic");
  }
  // Placeholders: runs of `…`, or of three or more dots, in the output.
  const auto blank = [](char32_t c) { return c == U'.' || c == U'\u2026'; };
  for (std::size_t i = 0; i < cells.size();) {
    if (!blank(cells[i].cp)) {
      ++i;
      continue;
    }
    std::size_t j = i, dots = 0;
    bool ellipsis = false;
    for (; j < cells.size() && blank(cells[j].cp); ++j) {
      if (cells[j].cp == U'.') ++dots;
      else ellipsis = true;
    }
    if (ellipsis || dots >= 3) r.placeholders.push_back(places[cells[i].from]);
    i = j;
  }
  // Spans: runs of one style, each NFC as a whole.
  for (std::size_t i = 0; i < cells.size();) {
    std::u32string run;
    std::size_t j = i;
    while (j < cells.size() && cells[j].bold == cells[i].bold && cells[j].italic == cells[i].italic)
      run += cells[j++].cp;
    r.text.spans.push_back({text::nfc(text::encode(run)), cells[i].bold, cells[i].italic});
    i = j;
  }
  return r;
}

std::string place(const SourcePos& p) {
  return p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

/// parse_text gives what the model gives for `source`.
void expect_as_model(const std::string& source, const SourcePos& pos, const Variables& variables,
                     const InlineOptions& options) {
  const Result want = model(source, pos, variables, options);
  Result got;
  got.text = parse_text(source, pos, variables, options, got.diags, &got.placeholders);
  const std::string where = "source \"" + source + "\" at " + place(pos) + (options.markup ? "" : ", plain");
  ASSERT_EQ(got.text.spans, want.text.spans) << where;
  ASSERT_EQ(place(got.text.pos), place(want.text.pos)) << where;
  ASSERT_EQ(got.diags.items.size(), want.diags.items.size()) << where;
  for (std::size_t k = 0; k < want.diags.items.size(); ++k) {
    const Diagnostic& g = got.diags.items[k];
    const Diagnostic& w = want.diags.items[k];
    ASSERT_EQ(place(g.pos), place(w.pos)) << where;
    ASSERT_EQ(g.message, w.message) << where;
    if (!w.message.starts_with("unknown variable")) {
      ASSERT_EQ(g.hint, w.hint) << where;
    }
  }
  ASSERT_EQ(got.placeholders.size(), want.placeholders.size()) << where;
  for (std::size_t k = 0; k < want.placeholders.size(); ++k)
    ASSERT_EQ(place(got.placeholders[k]), place(want.placeholders[k])) << where;
}

TEST(InlineModel, ParseTextAgreesWithTheModelOnMixedText) {
  const std::vector<std::string> pieces = {
      "a", "b", " ", "Đ", "ậ", "ư", "\n", "x",               // text, Vietnamese letters, a newline
      "e\xCC\x82", "a\xCC\x81", "\xCC\xA3", "\xCC\x81",     // decomposed letters, bare marks
      "*", "**", "***", "****", "\\*", "\\", "\\\\",           // emphasis, escapes, lone backslashes
      "{", "}", "{{", "}}", "{}", "{v}", "{dau}", "{trong}", "{x}", "{cha\xCC\x82m}",  // braces
      ".", "...", "…", "..", "….",                            // placeholders and dots
      "\xE2\x80\x9C", "\xE2\x80\x80",                       // “ and U+2000 (not NFC)
  };
  const Variables variables = {
      {"v", "Trường **Y** {x}"},       // markup in a value is text
      {"dau", "\xCC\x81."},             // a mark that composes with the letter before the reference
      {"trong", ""},                    // empty: the styles around it may merge
      {"ch\xC3\xA2m", "….."},           // "châm": named in NFD in the source; dots join the text's
  };
  const std::vector<SourcePos> places = {{"phan-1.yaml", 7, 12}, {"document.yaml", 0, 0}};
  std::mt19937 random(20250302);  // fixed: the same strings every run
  for (int k = 0; k < 30000; ++k) {
    std::string s;
    const int n = static_cast<int>(random() % 14);
    for (int j = 0; j < n; ++j) s += pieces[random() % pieces.size()];
    InlineOptions options;
    options.markup = random() % 4 != 0;
    options.report_unknown_variables = random() % 4 != 0;
    expect_as_model(s, places[random() % places.size()], variables, options);
  }
}

TEST(InlineModel, InvalidUtf8IsOneDiagnostic) {
  expect_as_model("ab\xFF{v}", {"phan-1.yaml", 3, 5}, {}, {});
  expect_as_model("\xE1\xBA", {"phan-1.yaml", 3, 5}, {}, {});
}

}  // namespace
}  // namespace vanban::content::detail
