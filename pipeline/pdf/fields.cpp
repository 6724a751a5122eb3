/// Empty signature fields at the places layout recorded (see fields.hpp).
#include "pipeline/pdf/fields.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "pipeline/core/i18n.hpp"

namespace vanban::pdf {

namespace {

/// The anchor's rectangle turned into PDF points from the page's bottom-left corner.
SignatureField field_at(const layout::PagedDocument& doc, const layout::Anchor& a, std::string name) {
  if (a.page >= doc.pages.size())
    throw std::runtime_error(tr("PDF writer: anchor \"{}\" on page {} of {}", a.name, a.page + 1, doc.pages.size()));
  const layout::Page& page = doc.pages[a.page];
  const double bottom = to_pt(page.height - a.y - a.height);
  return {std::move(name), a.page, to_pt(a.x), bottom, to_pt(a.width), to_pt(a.height), a.label};
}

/// The organisation's field: the signer's, made as tall as a seal at its real size when the
/// room between title and name is lower (a seal is drawn whole, over the title if need
/// be), and reaching left far enough for the seal over the left third of a signature as
/// wide as the signer's field (a viewer clips an appearance to its field). 36 mm is a usual
/// diameter and `sign --seal-diameter`'s default; a larger seal is fitted to the field.
SignatureField seal_field(SignatureField f) {
  constexpr double kSealPt = 36 * 72 / 25.4;
  if (f.height < kSealPt) {
    f.y -= (kSealPt - f.height) / 2;
    f.height = kSealPt;
  }
  if (const double more = kSealPt - f.width / 3; more > 0) {
    const double left = std::max(0.0, f.x - more);
    f.width += f.x - left;
    f.x = left;
  }
  f.name = kOrganisationField;
  return f;
}

}  // namespace

std::vector<SignatureField> signature_fields(const layout::PagedDocument& doc) {
  std::vector<SignatureField> fields;
  for (const layout::Anchor& a : doc.anchors) {
    if (a.width <= 0 || a.height <= 0) continue;
    if (a.name == "signature-space") {
      fields.push_back(field_at(doc, a, kSignerField));
      fields.push_back(seal_field(fields.back()));
    } else if (std::string_view(a.name).starts_with("attachment-")) {
      fields.push_back(field_at(doc, a, a.name));
    }
  }
  return fields;
}

FormObjects reserve_form(PdfFile& file, const std::vector<SignatureField>& fields, std::size_t pages,
                         const std::vector<std::size_t>& extra_pages) {
  FormObjects form;
  form.page_annots.resize(pages);
  if (fields.empty() && extra_pages.empty()) return form;
  for (const SignatureField& f : fields) {
    const ObjNum w = file.reserve();
    form.widgets.push_back(w);
    form.page_annots.at(f.page).push_back(w);
  }
  for (const std::size_t page : extra_pages) {
    const ObjNum w = file.reserve();
    form.extra.push_back(w);
    form.page_annots.at(page).push_back(w);
  }
  form.acroform = file.reserve();
  return form;
}

void write_form(PdfFile& file, const std::vector<SignatureField>& fields, const FormObjects& form,
                const std::vector<ObjNum>& pages, const std::string& dr_fonts) {
  if (form.acroform == 0) return;
  Array all;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const SignatureField& f = fields[i];
    const ObjNum appearance = file.reserve();
    const std::string bbox = Array().integer(0).integer(0).real(f.width).real(f.height).str();
    file.write_stream(appearance, Dict().name("Type", "XObject").name("Subtype", "Form").raw("BBox", bbox).entries(), {});
    Dict widget;
    widget.name("Type", "Annot").name("Subtype", "Widget").name("FT", "Sig").text("T", f.name);
    if (!f.label.empty()) widget.text("TU", f.label);
    widget.integer("F", 4 | 128)  // Print | Locked: drawn when printed, not moved by hand
        .raw("Rect", Array().real(f.x).real(f.y).real(f.x + f.width).real(f.y + f.height).str())
        .ref("P", pages.at(f.page))
        .raw("AP", Dict().ref("N", appearance).str());
    file.write_object(form.widgets[i], widget.str());
    all.ref(form.widgets[i]);
  }
  for (const ObjNum w : form.extra) all.ref(w);
  Dict acroform;
  acroform.raw("Fields", all.str());
  if (dr_fonts.size() > 4) acroform.raw("DR", Dict().raw("Font", dr_fonts).str());  // (more than "<<>>")
  file.write_object(form.acroform, acroform.str());
}

}  // namespace vanban::pdf
