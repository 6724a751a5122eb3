// The end of a document: the signature block (authority, title, name) and "Nơi nhận"
// with its recipients, either as paragraphs or in a two-column borderless table.
#include "pipeline/core/i18n.hpp"
#include "pipeline/import/inline.hpp"
#include "pipeline/import/recognize.hpp"

namespace vanban::importer {
namespace {

/// "T/M BAN CHẤP HÀNH", "TM. ỦY BAN NHÂN DÂN", "K/T BÍ THƯ", "Q. CHỦ TỊCH" ...
bool is_authority(const Paragraph& p) {
  const std::string up = upper_nfc(p.plain);
  for (const std::string_view f : {"T/M ", "TM. ", "TM ", "K/T ", "KT. ", "KT ", "T/L ", "TL. ", "Q. ", "TUQ. ", "TUQ "})
    if (up.rfind(f, 0) == 0) return p.plain.size() < 120;
  return false;
}

bool is_recipients_label(const Paragraph& p) { return starts_with_upper(p.plain, "NƠI NHẬN"); }

bool starts_tail(const Item& item) {
  if (const auto* p = std::get_if<Paragraph>(&item)) return is_authority(*p) || is_recipients_label(*p);
  if (const auto* t = std::get_if<Table>(&item))
    for (const auto& row : t->rows)
      for (const Cell& c : row)
        for (const Paragraph& p : c.paragraphs)
          if (is_authority(p) || is_recipients_label(p)) return true;
  return false;
}

/// The tail's paragraphs in reading order: a table column by column (recipients on the
/// left, signature on the right), consecutive one-row tables (a .txt file's columns) as one.
std::vector<const Paragraph*> tail_lines(const Context& cx, std::size_t from) {
  std::vector<const Paragraph*> out;
  const auto& items = cx.src.items;
  for (std::size_t i = from; i < items.size();) {
    if (const auto* p = std::get_if<Paragraph>(&items[i])) {
      out.push_back(p), ++i;
      continue;
    }
    if (!std::holds_alternative<Table>(items[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::vector<std::vector<const Paragraph*>> columns;
    for (; j < items.size() && std::holds_alternative<Table>(items[j]); ++j)
      for (const auto& row : std::get<Table>(items[j]).rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
          // A one-row table from a .txt line whose only column sits on the right.
          const std::size_t col = row.size() == 1 && std::get<Table>(items[j]).rows.size() == 1 ? 1 : c;
          if (columns.size() <= col) columns.resize(col + 1);
          for (const Paragraph& p : row[c].paragraphs) columns[col].push_back(&p);
        }
    for (const auto& col : columns) out.insert(out.end(), col.begin(), col.end());
    i = j;
  }
  return out;
}

std::string recipient_text(const Paragraph& p) {
  std::string s = p.plain;
  if (const auto b = bullet_mark(s)) s = b->rest;
  while (!s.empty() && (s.back() == ';' || s.back() == ',' || s.back() == ' ')) s.pop_back();
  if (s.size() > 1 && s.back() == '.' && s[s.size() - 2] != '.') s.pop_back();
  return escape_markup(s);
}

}  // namespace

std::size_t read_tail(Context& cx, OutDocument& doc, std::size_t body_start) {
  const auto& items = cx.src.items;
  std::size_t start = items.size();
  // Only the last items can be the tail; the first item that starts it wins.
  const std::size_t window = items.size() > body_start + 40 ? items.size() - 40 : body_start;
  for (std::size_t i = window; i < items.size(); ++i)
    if (starts_tail(items[i])) {
      start = i;
      break;
    }
  if (start == items.size()) return start;
  enum class Mode { none, recipients, signature } mode = Mode::none;
  std::vector<const Paragraph*> signature;
  bool label_seen = false;
  for (const Paragraph* p : tail_lines(cx, start)) {
    if (p->plain.empty()) continue;
    ++cx.counts.read;
    if (is_recipients_label(*p)) {
      mode = Mode::recipients, label_seen = true, ++cx.counts.style;
      const std::size_t colon = p->plain.find(':');
      if (colon != std::string::npos && !trim(std::string_view(p->plain).substr(colon + 1)).empty()) {
        Paragraph rest = *p;
        rest.plain = std::string(trim(std::string_view(p->plain).substr(colon + 1)));
        doc.recipients.push_back(recipient_text(rest));
      }
    } else if (is_authority(*p)) {
      mode = Mode::signature;
      signature.push_back(p);
    } else if ((label_seen && bullet_mark(p->plain)) ||
               (mode == Mode::recipients && !is_upper_text(p->plain) && p->pos.column < 20)) {
      if (!bullet_mark(p->plain) && !doc.recipients.empty() && starts_lower(p->plain))
        doc.recipients.back() += " " + recipient_text(*p), ++cx.counts.fields;
      else
        doc.recipients.push_back(recipient_text(*p)), ++cx.counts.fields;
    } else {
      mode = Mode::signature;
      signature.push_back(p);
    }
  }
  // Signature lines: [authority] title ... name; "(Đã ký)" and "(Ký, ghi rõ họ tên)" are notes.
  std::vector<const Paragraph*> lines;
  for (const Paragraph* p : signature) {
    if (p->plain.front() == '(' && p->plain.back() == ')') {
      ++cx.counts.style;
      continue;
    }
    lines.push_back(p);
  }
  std::size_t k = 0;
  if (k < lines.size() && is_authority(*lines[k])) doc.authority = escape_markup(lines[k++]->plain), ++cx.counts.fields;
  if (k < lines.size() && k + 1 < lines.size() && is_authority(*lines[k])) doc.authority += " " + escape_markup(lines[k++]->plain), ++cx.counts.fields;
  if (k + 1 < lines.size()) doc.signer_title = escape_markup(lines[k++]->plain), ++cx.counts.fields;
  if (k < lines.size()) doc.signer_name = escape_markup(lines.back()->plain), ++cx.counts.fields;
  for (std::size_t m = k; m + 1 < lines.size(); ++m) {
    doc.comments.push_back("signature line not understood (" + lines[m]->pos.file + ":" + std::to_string(lines[m]->pos.line) + "): " + lines[m]->plain);
    ++cx.counts.comments;
    cx.warn(*lines[m], tr("signature line not understood; kept as a comment in document.yaml"));
  }
  if (!doc.authority.empty() && doc.signer_name.empty())
    cx.warn(*lines.front(), tr("the signature block has no name"), tr("fill in signature.name in document.yaml"));
  return start;
}

}  // namespace vanban::importer
