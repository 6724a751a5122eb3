#include "pipeline/cli/unissued.hpp"

#include <string>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"

namespace vanban::cli {

namespace {

/// `text` with every `{name}` replaced by `count` figure spaces (UTF-8 E2 80 87).
std::string blank(std::string text, const std::string& name, int count) {
  std::string spaces;
  for (int i = 0; i < count; ++i) spaces += "\u2007";
  const std::string key = "{" + name + "}";
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + spaces.size()))
    text.replace(at, key.size(), spaces);
  return text;
}

}  // namespace

void leave_unissued(content::Document& doc, style::Style& style) {
  // An attachment issued as its own file prints the main document's number in its
  // "(Kèm theo …)" line and its field: there is no number of its own for `issue` to give.
  if (const auto kind = style.kinds.find(doc.kind);
      kind != style.kinds.end() && kind->second.form == style::Form::Attachment)
    fail(doc.kind_pos.line > 0 ? doc.kind_pos : doc.pos, tr("an attachment issued as its own file cannot be built --unissued"),
         tr("it has no number or date of its own to leave blank: build it with --final once the main document has "
            "its number and date"));
  if (!doc.header.number) doc.header.number = 1;
  if (!doc.header.date) doc.header.date = content::Date{2000, 1, 1};
  auto& a = style.forms.appendix;
  a.attached_number = a.attached_number_blank;
  a.attached_date = a.attached_date_blank;
  auto& h = style.header;
  h.number_format = blank(h.number_format, "number", 4);
  h.number_blank = h.number_format;  // (a document without a number: the same line)
  h.date_format = blank(blank(blank(h.date_format, "day", 2), "month", 2), "year", 4);
  h.date_blank = h.date_format;
}

}  // namespace vanban::cli
