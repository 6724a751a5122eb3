/// An attachment issued as a file of its own (NĐ 30, Phụ lục I, I.8.b and III.1.d): the
/// appendix heading that names the main document, and the organisation's signature field.
/// What such a file cannot have (a signature block, recipients, …) is refused, not dropped.
#include <string>
#include <utility>

#include "pipeline/core/i18n.hpp"
#include "pipeline/resolve/forms.hpp"

namespace vanban::resolve {

namespace {

/// The first field of `doc` that an attachment issued as its own file does not print: its
/// key and place; an empty key when there is none.
std::pair<std::string, SourcePos> unprinted_field(const content::Document& doc) {
  const auto& h = doc.header;
  if (!doc.subtitle.empty()) return {"subtitle", doc.subtitle.front().pos};
  if (!h.marks.empty()) return {"header.marks", h.mark_places.empty() ? h.pos : h.mark_places.front()};
  if (!doc.kinh_gui.empty()) return {"kinh_gui", doc.kinh_gui.front().pos};
  if (!doc.authority.empty()) return {"authority", doc.authority.pos};
  if (!doc.can_cu.empty()) return {"can_cu", doc.can_cu.front().pos};
  if (doc.signature) return {"signature", doc.signature->pos};
  if (doc.secretary) return {"secretary", doc.secretary->pos};
  if (!doc.recipients.empty()) return {"recipients", doc.recipients.front().pos};
  if (doc.drafter) return {"drafter", doc.drafter->pos};
  if (doc.contact) return {"contact", doc.contact->pos};
  if (!doc.appendices.empty()) return {"appendices", doc.appendices.front().pos};
  return {};
}

/// `s` without its leading and trailing spaces (the blank number form starts with some).
std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

}  // namespace

void attachment_opening(const content::Document& doc, const style::Style& style, StyledDocument& out) {
  if (const auto [key, at] = unprinted_field(doc); !key.empty())
    fail(at, tr("an attachment issued as its own file has no `{}`", key),
         tr("it prints its appendix heading and body only; the signature block, recipients and the rest are the main "
            "document's, and the clerk signs the attachment into its field (`vanban sign --field attachment-1`)"));
  if (!doc.attached_to)
    fail(doc.kind_pos.line > 0 ? doc.kind_pos : doc.pos, tr("`kind: {}` needs `attached_to:`", doc.kind),
         tr("name the main document's kind, e.g. `attached_to: {kind: quyet-dinh}`; its number, code, date and issuer "
            "go in `header:`"));
  const content::AttachedTo& a = *doc.attached_to;
  const style::Kind& main = style::find_kind(style, a.kind, a.kind_pos.line > 0 ? a.kind_pos : a.pos);
  if (main.form == style::Form::Attachment)
    fail(a.kind_pos, tr("an attachment is attached to a main document, not to another attachment (`{}`)", a.kind),
         tr("give the kind of the document it is issued with, e.g. `quyet-dinh`"));
  out.attachment = true;
  out.body.push_back(attached_heading(doc, style, {a.appendix, doc.title, a.of, main.name, a.pos}));
  const auto& as = style.forms.appendix;
  if (as.field_width > 0 && as.field_height > 0)
    out.attachment_field = AttachmentField{"attachment-1", trimmed(attached_number(doc, style)), as.field_width,
                                           as.field_height};
}

void refuse_attached_to(const content::Document& doc, const style::Kind& kind) {
  if (!doc.attached_to || kind.form == style::Form::Attachment) return;
  fail(doc.attached_to->pos, tr("`attached_to` is only for an attachment issued as a file of its own"),
       tr("use the style's attachment kind (`kind: phu-luc`), or remove `attached_to:`; an appendix in the document's "
          "own file goes under `appendices:`"));
}

}  // namespace vanban::resolve
