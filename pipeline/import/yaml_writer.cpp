// content-format YAML out of an OutDocument: quoting, wrapping, the nesting of blocks.
#include "pipeline/import/yaml_writer.hpp"

#include "pipeline/text/unicode.hpp"

#include <cstdio>

namespace vanban::importer {
namespace {

bool needs_quotes(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return true;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos) return true;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return true;
  for (const char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return true;
  // Words and numbers YAML would read as something other than text.
  std::string low;
  for (const char c : s) low += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (const std::string_view w : {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"})
    if (low == w) return true;
  return s.find_first_not_of("0123456789.+-eE_:") == std::string_view::npos;
}

std::size_t chars(std::string_view s) {
  return text::count_code_points(s);
}

/// Splits `text` into lines no wider than the width where a space allows it. In plain
/// text, a line must not start with a character YAML would read as syntax.
std::vector<std::string_view> wrap(std::string_view text, std::size_t first_room, std::size_t room, bool plain) {
  std::vector<std::string_view> lines;
  std::size_t avail = first_room;
  while (chars(text) > avail) {
    std::size_t cut = std::string_view::npos, count = 0;
    for (std::size_t i = 0; i < text.size() && count <= avail; ++i) {
      if (!text::is_continuation(static_cast<unsigned char>(text[i]))) ++count;
      if (text[i] != ' ' || i + 1 >= text.size() || text[i + 1] == ' ' || i == 0 || text[i - 1] == ' ') continue;
      if (plain && std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text[i + 1]) != std::string_view::npos) continue;
      if (!plain && text[i - 1] == '\\') continue;
      cut = i;
    }
    if (cut == std::string_view::npos) break;
    lines.push_back(text.substr(0, cut));
    text.remove_prefix(cut + 1);
    avail = room;
  }
  lines.push_back(text);
  return lines;
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void line(std::string& out, int indent, std::string_view text) { out.append(static_cast<std::size_t>(indent), ' ').append(text) += '\n'; }

void key_value(std::string& out, int indent, std::string_view key, std::string_view value) {
  out.append(static_cast<std::size_t>(indent), ' ').append(key) += ": ";
  out += yaml_scalar(value, indent + static_cast<int>(key.size()) + 2, indent + 2) + "\n";
}

void blocks(std::string& out, int indent, const std::vector<OutBlock>& body);

void list_item(std::string& out, int indent, std::string_view text) {
  out.append(static_cast<std::size_t>(indent), ' ') += "- ";
  out += yaml_scalar(text, indent + 2, indent + 2) + "\n";
}

void block(std::string& out, int indent, const OutBlock& b) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  switch (b.kind) {
    case OutBlock::Kind::comment:
      line(out, indent, "# " + b.text + (b.line ? " (l." + std::to_string(b.line) + ")" : ""));
      return;
    case OutBlock::Kind::paragraph:
      if (b.align.empty() && !b.no_indent) return list_item(out, indent, b.text);
      out += pad + "- paragraph: " + yaml_scalar(b.text, indent + 13, indent + 4) + "\n";
      if (!b.align.empty()) line(out, indent + 2, "align: " + b.align);
      if (b.no_indent) line(out, indent + 2, "indent: false");
      return;
    case OutBlock::Kind::list:
      out += pad + "- list:  # l." + std::to_string(b.line) + "\n";
      for (const std::string& item : b.items) list_item(out, indent + 4, item);
      line(out, indent + 2, "marker: " + quote(b.marker));
      return;
    case OutBlock::Kind::table:
      out += pad + "- table:  # l." + std::to_string(b.line) + "\n";
      if (!b.columns.empty()) {
        line(out, indent + 4, "columns:");
        for (const std::string& c : b.columns) list_item(out, indent + 6, c);
      }
      line(out, indent + 4, "rows:");
      for (const auto& row : b.rows) {
        for (std::size_t k = 0; k < row.size(); ++k) {
          out += std::string(static_cast<std::size_t>(indent + 6), ' ') + (k == 0 ? "- - " : "  - ");
          out += yaml_scalar(row[k], indent + 10, indent + 10) + "\n";
        }
      }
      return;
  }
}

void blocks(std::string& out, int indent, const std::vector<OutBlock>& body) {
  for (const OutBlock& b : body) block(out, indent, b);
}

bool only_comments(const std::vector<OutBlock>& body) {
  for (const OutBlock& b : body)
    if (b.kind != OutBlock::Kind::comment) return false;
  return true;
}

void body_and_sections(std::string& out, int indent, const std::vector<OutBlock>& body, const std::vector<OutSection>& sections);

void section(std::string& out, int indent, const OutSection& s) {
  if (!s.typed.empty()) line(out, indent, "# l." + std::to_string(s.line) + ": typed `" + s.typed + "`");
  out.append(static_cast<std::size_t>(indent), ' ') += "- title: ";
  out += yaml_scalar(s.title, indent + 9, indent + 4) + "\n";
  body_and_sections(out, indent + 2, s.body, s.sections);
}

void body_and_sections(std::string& out, int indent, const std::vector<OutBlock>& body, const std::vector<OutSection>& sections) {
  if (!body.empty()) {
    if (only_comments(body)) {
      blocks(out, indent, body);
    } else {
      line(out, indent, "body:");
      blocks(out, indent + 2, body);
    }
  }
  if (!sections.empty()) {
    line(out, indent, "sections:");
    for (const OutSection& s : sections) section(out, indent + 2, s);
  }
}

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

std::string yaml_scalar(std::string_view text, int column, int indent) {
  const bool plain = !needs_quotes(text);
  const std::string body = plain ? std::string(text) : quote(text);
  const auto room = [](int used) { return static_cast<std::size_t>(std::max(kWrapWidth - used, 30)); };
  const auto lines = wrap(body, room(column), room(indent), plain);
  std::string out(lines[0]);
  for (std::size_t k = 1; k < lines.size(); ++k) out.append("\n").append(static_cast<std::size_t>(indent), ' ').append(lines[k]);
  return out;
}

std::string document_yaml(const OutDocument& doc, const std::vector<std::string>& part_files, const std::string& source) {
  std::string out = "# Imported by `vanban import` from " + source + ".\n";
  out += "# Check it against the source, fill the blanks, then `vanban build` this folder.\n";
  for (const std::string& c : doc.comments) line(out, 0, "# " + c);
  out += "style: " + doc.style + "\nkind: " + doc.kind + "\nstatus: draft\n\nheader:\n";
  if (!doc.parent.empty()) key_value(out, 2, "parent", doc.parent);
  key_value(out, 2, "issuer", doc.issuer);
  if (doc.number) line(out, 2, "number: " + std::to_string(*doc.number));
  if (!doc.code.empty()) key_value(out, 2, "code", doc.code);
  if (!doc.place.empty()) key_value(out, 2, "place", doc.place);
  if (doc.year) line(out, 2, "date: " + std::to_string(doc.year) + "-" + two(doc.month) + "-" + two(doc.day));
  if (!doc.marks.empty()) {
    std::string marks = "marks: [";
    for (std::size_t k = 0; k < doc.marks.size(); ++k) marks += (k ? ", " : "") + doc.marks[k];
    line(out, 2, marks + "]");
  }
  out += "\n";
  key_value(out, 0, "title", doc.title);
  if (!doc.subtitle.empty()) {
    line(out, 0, "subtitle:");
    for (const std::string& s : doc.subtitle) list_item(out, 2, s);
  }
  out += "\nparts:\n";
  for (const std::string& f : part_files) line(out, 2, "- " + f);
  if (!doc.authority.empty() || !doc.signer_name.empty()) {
    out += "\nsignature:\n";
    if (!doc.authority.empty()) key_value(out, 2, "authority", doc.authority);
    if (!doc.signer_title.empty()) key_value(out, 2, "title", doc.signer_title);
    if (!doc.signer_name.empty()) key_value(out, 2, "name", doc.signer_name);
  }
  if (!doc.recipients.empty()) {
    out += "\nrecipients:\n";
    for (const std::string& r : doc.recipients) list_item(out, 2, r);
  }
  return out;
}

std::string part_yaml(const OutPart& part, const std::string& source) {
  std::string out = "# " + (part.typed.empty() ? std::string("The text") : part.typed) + " of " + source +
                    (part.line ? " (from line " + std::to_string(part.line) + ")" : "") +
                    ". Headings carry no number: the style numbers them by nesting;\n"
                    "# `# l.N: typed ...` notes the number typed in the source.\n";
  if (!part.title.empty()) key_value(out, 0, "title", part.title);
  body_and_sections(out, 0, part.body, part.sections);
  if (part.title.empty() && part.body.empty() && part.sections.empty()) out += "body:\n  - …\n";
  return out;
}

}  // namespace vanban::importer
