// Inline text: `**bold**`, `*italic*`, `***both***`, `\*`, `{variable}`, `{{`, `}}`, and
// placeholder runs. Variable values are inserted as plain text: they are not parsed again
// for markup or variables, so a value can never change the styling around it.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/content/detail.hpp"
#include "pipeline/content/load.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::content {

namespace detail {

namespace {

/// One output character: the code point, its style, and the index of the source code point
/// it comes from (for a variable's characters, the `{` of the reference).
struct Cell {
  char32_t cp;
  bool bold;
  bool italic;
  std::size_t from;
};

bool is_placeholder_char(char32_t c) { return c == U'.' || c == U'\u2026'; }

/// Line and column of each source code point. Kept as two ints, not SourcePos: a SourcePos
/// holds the file name, and one string per character was most of the parser's time; the
/// SourcePos is made only for a diagnostic or a placeholder.
struct Places {
  SourcePos base;
  std::vector<std::pair<int, int>> at;  // (line, column) per code point, when base.line > 0

  SourcePos operator[](std::size_t i) const {
    SourcePos p = base;
    if (base.line > 0) {
      p.line = at[i].first;
      p.column = at[i].second;
    }
    return p;
  }
};

/// Runs of `…` or of three or more dots, as in "ngày …. tháng ....". One run, one placeholder:
/// "…." and "……" are one blank each.
void find_placeholders(const std::vector<Cell>& cells, const Places& places,
                       std::vector<SourcePos>& out) {
  for (std::size_t i = 0; i < cells.size();) {
    if (!is_placeholder_char(cells[i].cp)) {
      ++i;
      continue;
    }
    std::size_t j = i, dots = 0;
    bool ellipsis = false;
    for (; j < cells.size() && is_placeholder_char(cells[j].cp); ++j) {
      if (cells[j].cp == U'.') ++dots;
      else ellipsis = true;
    }
    if (ellipsis || dots >= 3) out.push_back(places[cells[i].from]);
    i = j;
  }
}

std::string variable_hint(const std::string& name, const Variables& variables) {
  if (variables.empty())
    return "no variables are defined; add `" + name + ": ...` under `variables:` in document.yaml";
  std::vector<std::string> names;
  for (const auto& [n, v] : variables) names.push_back(n);
  if (auto near = closest(name, names); !near.empty()) return "did you mean `{" + near + "}`?";
  return "defined variables: " + list_names(names) + "; write `{{` for a literal brace";
}

}  // namespace

Text parse_text(std::string_view source, const SourcePos& pos, const Variables& variables,
                const InlineOptions& options, Diagnostics& diags,
                std::vector<SourcePos>* placeholders) {
  Text out;
  out.pos = pos;
  if (const auto bad = text::invalid_utf8_at(source); bad != std::string_view::npos) {
    diags.error(pos, "the text is not valid UTF-8", "save the file as UTF-8");
    return out;
  }
  const std::u32string s = text::decode(source);

  // Where each source code point is. After a newline the column restarts at the scalar's
  // own column: exact for literal block scalars (`|`), whose lines share one indentation.
  Places places{pos, {}};
  if (pos.line > 0) places.at.resize(s.size() + 1);
  for (std::size_t i = 0, line = 0, col = 0; i <= s.size() && pos.line > 0; ++i) {
    places.at[i] = {pos.line + static_cast<int>(line), pos.column + static_cast<int>(col)};
    if (i < s.size() && s[i] == U'\n') {
      ++line;
      col = 0;
    } else {
      ++col;
    }
  }

  std::vector<Cell> cells;
  cells.reserve(s.size());
  bool bold = false, italic = false;
  std::size_t bold_at = 0, italic_at = 0;  // where the open `**` / `*` is
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
        diags.error(places[i], std::to_string(run) + " stars in a row",
                    "`*` is italic, `**` bold, `***` both; write `\\*` for a literal star");
      } else {
        // Toggling keeps nesting simple: `**a *b***` closes italic and bold together.
        if (run != 2) {
          italic = !italic;
          if (italic) italic_at = i;
        }
        if (run != 1) {
          bold = !bold;
          if (bold) bold_at = i;
        }
      }
      i += run;
    } else if (c == U'{') {
      if (i + 1 < n && s[i + 1] == U'{') {
        cells.push_back({U'{', bold, italic, i});
        i += 2;
        continue;
      }
      std::size_t j = i + 1;
      while (j < n && s[j] != U'}' && s[j] != U'{') ++j;
      if (j == n || s[j] == U'{') {
        diags.error(places[i], "unclosed `{`",
                    "write `{name}` for a variable, or `{{` for a literal brace");
        cells.push_back({U'{', bold, italic, i});
        ++i;
        continue;
      }
      const std::string name = text::nfc(text::encode(s.substr(i + 1, j - i - 1)));
      if (name.empty()) {
        diags.error(places[i], "empty variable name `{}`",
                    "write `{name}` for a variable, or `{{}}` for literal braces");
      } else if (const auto it = variables.find(name); it != variables.end()) {
        for (char32_t v : text::decode(it->second)) cells.push_back({v, bold, italic, i});
      } else if (options.report_unknown_variables) {
        diags.error(places[i], "unknown variable `{" + name + "}`", variable_hint(name, variables));
      }
      i = j + 1;
    } else if (c == U'}') {
      if (i + 1 < n && s[i + 1] == U'}') {
        cells.push_back({U'}', bold, italic, i});
        i += 2;
        continue;
      }
      diags.error(places[i], "`}` without a matching `{`", "write `}}` for a literal brace");
      cells.push_back({U'}', bold, italic, i});
      ++i;
    } else {
      cells.push_back({c, bold, italic, i});
      ++i;
    }
  }
  const auto unclosed = [&](std::size_t at, const std::string& stars, const char* what) {
    diags.error(places[at], "unclosed `" + stars + "` (" + what + ")",
                "close it with `" + stars + "` after the emphasised words, or write `\\*` for a literal star");
  };
  if (bold && italic && bold_at == italic_at) {
    unclosed(bold_at, "***", "bold italic");
  } else {
    if (bold) unclosed(bold_at, "**", "bold");
    if (italic) unclosed(italic_at, "*", "italic");
  }

  if (placeholders) find_placeholders(cells, places, *placeholders);

  // Spans: runs of one style. Grouping merges equal neighbours (`**a****b**` is impossible,
  // but `**a** **b**` gives bold, plain " ", bold); empty runs never arise.
  std::string run;
  for (std::size_t i = 0; i < cells.size();) {
    std::size_t j = i;
    run.clear();
    while (j < cells.size() && cells[j].bold == cells[i].bold && cells[j].italic == cells[i].italic)
      text::append_utf8(run, cells[j++].cp);
    out.spans.push_back({text::nfc(run), cells[i].bold, cells[i].italic});
    i = j;
  }
  return out;
}

}  // namespace detail

Text parse_inline(const std::string& source, const SourcePos& pos,
                  const std::map<std::string, std::string>& variables) {
  Diagnostics diags;
  std::vector<SourcePos> unused;
  Text t = detail::parse_text(source, pos, variables, {}, diags, &unused);
  if (diags.has_errors()) throw Error(std::move(diags.items));
  return t;
}

}  // namespace vanban::content
