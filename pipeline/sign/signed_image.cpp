#include "pipeline/sign/signed_image.hpp"

#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "pipeline/sign/pdf_read.hpp"

namespace vanban::sign {
namespace {

using namespace PoDoFo;

/// An affine matrix [a b c d e f] as PDF writes it.
using Matrix = std::array<double, 6>;

/// m1 × m2: m1 applied first (PDF's `cm` puts the new matrix first).
Matrix multiply(const Matrix& m1, const Matrix& m2) {
  return {m1[0] * m2[0] + m1[1] * m2[2],        m1[0] * m2[1] + m1[1] * m2[3],
          m1[2] * m2[0] + m1[3] * m2[2],        m1[2] * m2[1] + m1[3] * m2[3],
          m1[4] * m2[0] + m1[5] * m2[2] + m2[4], m1[4] * m2[1] + m1[5] * m2[3] + m2[5]};
}

/// The form XObject `form`'s image named `name`, if it is one.
bool is_image(PdfMemDocument& doc, PdfObject* form, const PdfName& name) {
  PdfObject* resources = resolve(doc, form->GetDictionary().GetKey("Resources"));
  if (!resources || !resources->IsDictionary()) return false;
  PdfObject* xobjects = resolve(doc, resources->GetDictionary().GetKey("XObject"));
  if (!xobjects || !xobjects->IsDictionary()) return false;
  PdfObject* x = resolve(doc, xobjects->GetDictionary().GetKey(name));
  if (!x || !x->IsDictionary()) return false;
  const PdfObject* subtype = x->GetDictionary().GetKey("Subtype");
  return subtype && subtype->IsName() && subtype->GetName() == PdfName("Image");
}

/// The x extent, in the form's own space, of the first image `form` (a form XObject) draws.
std::optional<Span> first_image(PdfMemDocument& doc, PdfObject* form) {
  if (!form->HasStream()) return std::nullopt;
  char* data = nullptr;
  pdf_long length = 0;
  form->GetStream()->GetFilteredCopy(&data, &length);
  const std::string content(data, static_cast<std::size_t>(length));
  podofo_free(data);
  PdfContentsTokenizer tokens(content.data(), static_cast<long>(content.size()));
  std::vector<Matrix> saved;
  Matrix ctm = {1, 0, 0, 1, 0, 0};
  std::vector<PdfVariant> operands;
  EPdfContentsType type;
  const char* keyword = nullptr;
  PdfVariant value;
  while (tokens.ReadNext(type, keyword, value)) {
    if (type == ePdfContentsType_Variant) {
      operands.push_back(value);
      continue;
    }
    if (type != ePdfContentsType_Keyword) continue;
    if (std::strcmp(keyword, "q") == 0) {
      saved.push_back(ctm);
    } else if (std::strcmp(keyword, "Q") == 0 && !saved.empty()) {
      ctm = saved.back();
      saved.pop_back();
    } else if (std::strcmp(keyword, "cm") == 0 && operands.size() >= 6) {
      Matrix m{};
      for (std::size_t i = 0; i < 6; ++i) {
        const PdfVariant& v = operands[operands.size() - 6 + i];
        if (!v.IsNumber() && !v.IsReal()) return std::nullopt;
        m[i] = v.GetReal();
      }
      ctm = multiply(m, ctm);
    } else if (std::strcmp(keyword, "Do") == 0 && !operands.empty() && operands.back().IsName() &&
               is_image(doc, form, operands.back().GetName())) {
      if (ctm[1] != 0 || ctm[2] != 0 || ctm[0] <= 0) return std::nullopt;  // rotated, skewed or mirrored
      return Span{ctm[4], ctm[0]};  // the image fills the unit square
    }
    operands.clear();
  }
  return std::nullopt;
}

/// The normal appearance stream of a widget, if it has one.
PdfObject* normal_appearance(PdfMemDocument& doc, PdfObject* widget) {
  PdfObject* ap = resolve(doc, widget->GetDictionary().GetKey("AP"));
  if (!ap || !ap->IsDictionary()) return nullptr;
  PdfObject* n = resolve(doc, ap->GetDictionary().GetKey("N"));
  return n && n->HasStream() ? n : nullptr;
}

/// `widget`'s first image in page coordinates: its appearance's /BBox mapped onto /Rect.
std::optional<Span> widget_image(PdfMemDocument& doc, PdfObject* widget) {
  PdfObject* form = normal_appearance(doc, widget);
  const PdfObject* rect = widget->GetDictionary().GetKey("Rect");
  if (!form || !rect || !rect->IsArray() || rect->GetArray().size() != 4) return std::nullopt;
  if (const PdfObject* m = form->GetDictionary().GetKey("Matrix")) {  // only the identity is followed
    const PdfArray& a = m->GetArray();
    if (!m->IsArray() || a.size() != 6 || a[0].GetReal() != 1 || a[1].GetReal() != 0 || a[2].GetReal() != 0 ||
        a[3].GetReal() != 1 || a[4].GetReal() != 0 || a[5].GetReal() != 0)
      return std::nullopt;
  }
  const PdfObject* bbox = form->GetDictionary().GetKey("BBox");
  if (!bbox || !bbox->IsArray() || bbox->GetArray().size() != 4) return std::nullopt;
  const PdfRect r(rect->GetArray()), b(bbox->GetArray());
  if (b.GetWidth() <= 0) return std::nullopt;
  const std::optional<Span> in_form = first_image(doc, form);
  if (!in_form) return std::nullopt;
  const double scale = r.GetWidth() / b.GetWidth();
  return Span{r.GetLeft() + (in_form->left - b.GetLeft()) * scale, in_form->width * scale};
}

}  // namespace

std::optional<Span> signed_image_span(PdfMemDocument& doc, PdfPage* page, const PdfRect& near) {
  PdfObject* form = resolve(doc, doc.GetCatalog()->GetDictionary().GetKey("AcroForm"));
  if (!form) return std::nullopt;
  for (const FieldRef& f : form_fields(doc, form)) {
    const PdfDictionary& d = f.object->GetDictionary();
    const PdfObject* ft = d.GetKey("FT");
    if (!ft || !ft->IsName() || ft->GetName() != PdfName("Sig") || !d.HasKey("V")) continue;
    const PdfObject* p = d.GetKey("P");
    if (p && p->IsReference() && p->GetReference() != page->GetObject()->Reference()) continue;
    const std::optional<Span> image = widget_image(doc, f.object);
    if (image && image->left < near.GetLeft() + near.GetWidth() && near.GetLeft() < image->left + image->width) return image;
  }
  return std::nullopt;
}

}  // namespace vanban::sign
