// Plain text -> Source: lines, columns, continuation lines.
#include "pipeline/import/text_reader.hpp"

#include "pipeline/core/i18n.hpp"
#include "pipeline/import/classify.hpp"
#include "pipeline/import/inline.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::importer {
namespace {

/// One column of a line: its text and the 1-based column (in characters) where it starts.
struct Column {
  std::string text;
  int column = 1;
};

/// Characters before `byte`, a tab counting to the next multiple of 8 (as a terminal shows it).
int chars_before(std::string_view line, std::size_t byte) {
  int n = 0;
  for (std::size_t i = 0; i < byte && i < line.size(); ++i)
    if (line[i] == '\t') n = (n / 8 + 1) * 8;
    else if (!text::is_continuation(static_cast<unsigned char>(line[i]))) ++n;
  return n;
}

/// Splits a line at tabs and at runs of three or more spaces: that is how a plain-text
/// copy of a two-column header or signature block looks.
std::vector<Column> split_columns(std::string_view line) {
  std::vector<Column> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i == line.size()) break;
    std::size_t j = i;
    while (j < line.size()) {
      if (line[j] == '\t') break;
      if (line[j] == ' ' && line.substr(j, 3) == "   ") break;
      ++j;
    }
    Column c{std::string(trim(line.substr(i, j - i))), chars_before(line, i) + 1};
    // Blanks typed to be filled in ("Số:      -BC/ĐU", "ngày     tháng     năm") are gaps
    // inside one cell, not between columns: what follows them continues the cell.
    const bool continues_cell = !out.empty() && (starts_lower(c.text) || (c.text[0] == '-' && c.text.size() > 1 && c.text[1] != ' ') ||
                                                 c.text[0] == '/' || (out.back().text.size() <= 4 && out.back().text.back() == ':'));
    if (continues_cell) out.back().text += ' ' + c.text;
    else out.push_back(std::move(c));
    i = j;
  }
  return out;
}

Paragraph make_paragraph(std::string_view text, const std::string& file, int line, int column) {
  Paragraph p;
  p.plain = squeeze_spaces(text);
  p.text = escape_markup(p.plain);
  p.pos = {file, line, column};
  return p;
}

/// Whether `line` continues `previous` (a paragraph hard-wrapped in the file): the previous
/// line does not end a sentence or a heading, and this one starts with a small letter.
bool continues(const Paragraph& previous, std::string_view line) {
  if (previous.plain.empty() || !starts_lower(line)) return false;
  if (section_mark(line) || bullet_mark(line) || section_mark(previous.plain) || part_mark(previous.plain)) return false;
  const char last = previous.plain.back();
  if (last == '.' || last == ':' || last == ';' || last == '!' || last == '?' || last == ')') return false;
  const std::string_view tail = std::string_view(previous.plain).substr(previous.plain.size() >= 3 ? previous.plain.size() - 3 : 0);
  return tail != "…" && tail != "”" && is_upper_text(previous.plain) == false;
}

}  // namespace

Source read_text(std::string_view utf8, const std::string& file) {
  if (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);
  if (const std::size_t bad = text::invalid_utf8_at(utf8); bad != std::string_view::npos) {
    int line = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i < bad; ++i)
      if (utf8[i] == '\n') {
        ++line;
        start = i + 1;
      }
    fail({file, line, chars_before(utf8.substr(start), bad - start) + 1}, tr("the file is not valid UTF-8 text"),
         tr("save it as UTF-8, or name its encoding with --encoding tcvn3|vni|cp1258"));
  }
  Source src;
  src.file = file;
  std::size_t i = 0;
  int number = 0;
  bool blank_before = true;
  while (i <= utf8.size()) {
    std::size_t j = utf8.find_first_of("\r\n", i);
    if (j == std::string_view::npos) j = utf8.size();
    const std::string_view line = utf8.substr(i, j - i);
    ++number;
    src.lines.emplace_back(line);
    i = j + (j < utf8.size() && utf8[j] == '\r' && j + 1 < utf8.size() && utf8[j + 1] == '\n' ? 2 : 1);
    const std::vector<Column> cols = split_columns(line);
    if (cols.empty()) {
      blank_before = true;
      continue;
    }
    if (cols.size() > 1) {
      Table t;
      t.borderless = true;
      t.pos = {file, number, cols[0].column};
      t.rows.emplace_back();
      for (const Column& c : cols) t.rows.back().push_back(Cell{{make_paragraph(c.text, file, number, c.column)}});
      src.items.emplace_back(std::move(t));
    } else if (!blank_before && !src.items.empty() && std::holds_alternative<Paragraph>(src.items.back()) &&
               continues(std::get<Paragraph>(src.items.back()), cols[0].text)) {
      Paragraph& p = std::get<Paragraph>(src.items.back());
      p.plain += ' ' + squeeze_spaces(cols[0].text);
      p.text = escape_markup(p.plain);
    } else {
      src.items.emplace_back(make_paragraph(cols[0].text, file, number, cols[0].column));
    }
    blank_before = false;
  }
  return src;
}

}  // namespace vanban::importer
