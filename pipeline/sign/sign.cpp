#include "pipeline/sign/sign.hpp"

#include <podofo/podofo.h>

#include <ctime>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/sign/cms.hpp"
#include "pipeline/sign/issue.hpp"
#include "pipeline/sign/pdf_read.hpp"
#include "pipeline/sign/signed_image.hpp"

namespace vanban::sign {
namespace {

using namespace PoDoFo;

/// Room for the DER signature: 8 KiB holds a 4096-bit RSA signature with its attributes
/// and the signer's certificate; each chain certificate is added on top of that, and 16 KiB
/// for a timestamp token (the TSA's signature and its certificate chain, usually 3-6 KB).
std::size_t signature_room(const Credentials& signer, bool timestamp) {
  std::size_t room = (timestamp ? 8192 + 16384 : 8192) + static_cast<std::size_t>(i2d_X509(signer.certificate.get(), nullptr));
  for (const auto& c : signer.chain) room += static_cast<std::size_t>(i2d_X509(c.get(), nullptr));
  return room;
}

/// "Signature<n>" with the first n whose name no field of the form has yet.
std::string new_field_name(PdfMemDocument& doc, PdfAcroForm& form) {
  std::set<std::string> taken;
  for (const FieldRef& f : form_fields(doc, form.GetObject())) taken.insert(f.name);
  for (int n = 1;; ++n)
    if (!taken.count("Signature" + std::to_string(n))) return "Signature" + std::to_string(n);
}

/// The original Info /ModDate: PoDoFo's Load() stamps "now" over it, and a signature must not
/// change what the document says about itself (PDF/A: Info and XMP must keep agreeing).
std::optional<PdfObject> original_mod_date(const std::string& bytes) {
  PdfVecObjects objects;
  objects.SetAutoDelete(true);  // (off by default: the parsed objects would leak)
  PdfParser parser(&objects, bytes.data(), static_cast<long>(bytes.size()), /*bLoadOnDemand=*/true);
  const PdfObject* trailer = parser.GetTrailer();
  const PdfObject* ref = trailer ? trailer->GetDictionary().GetKey("Info") : nullptr;
  const PdfObject* info = ref && ref->IsReference() ? objects.GetObject(ref->GetReference()) : nullptr;
  const PdfObject* date = info && info->IsDictionary() ? info->GetDictionary().GetKey("ModDate") : nullptr;
  if (!date) return std::nullopt;
  return *date;
}

/// A signature field without a value, and the page its widget is on.
struct EmptyField {
  PdfObject* widget = nullptr;
  PdfPage* page = nullptr;
  std::string name;
};

/// The page whose /Annots holds `widget`, or nullptr.
PdfPage* page_of(PdfMemDocument& doc, PdfObject* widget) {
  for (int i = 0; i < doc.GetPageCount(); ++i) {
    PdfPage* page = doc.GetPage(i);
    PdfObject* annots = resolve(doc, const_cast<PdfObject*>(page->GetObject()->GetDictionary().GetKey("Annots")));
    if (!annots || !annots->IsArray()) continue;
    for (PdfObject& a : annots->GetArray())
      if (a.IsReference() && a.GetReference() == widget->Reference()) return page;
  }
  return nullptr;
}

/// The empty signature field named `wanted` (any, when empty) whose widget is on a page.
std::optional<EmptyField> find_empty_field(PdfMemDocument& doc, PdfObject* form, const std::string& wanted) {
  for (const FieldRef& f : form_fields(doc, form)) {
    const PdfDictionary& d = f.object->GetDictionary();
    const PdfObject* ft = d.GetKey("FT");
    if (!ft || !ft->IsName() || ft->GetName() != PdfName("Sig") || d.HasKey("V") || !d.HasKey("Rect")) continue;
    if (!wanted.empty() && f.name != wanted) continue;
    if (PdfPage* page = page_of(doc, f.object)) return EmptyField{f.object, page, f.name};
  }
  return std::nullopt;
}

/// What the organisation's signature shows in an attachment's field (a build names it
/// "attachment-<n>"; NĐ 30, Phụ lục I, III.1.d): no image; the number and symbol the build
/// wrote as the field's /TU, and the signing time, in 10 pt, ending at the field's right
/// edge, which is the right margin at the top right of the first page.
AppearanceSpec attachment_appearance(const EmptyField& field, const SignOptions& options, const std::string& input) {
  if (!options.appearance.image.empty() || !options.appearance.seal.empty())
    fail({input, 0, 0}, tr("the attachment's field `{}` shows no image", field.name),
         tr("NĐ 30, Phụ lục I, III.1.d: it shows the number and symbol and the signing time only; leave out --image "
            "and --seal"));
  AppearanceSpec spec;
  const PdfObject* tu = field.widget->GetDictionary().GetKey("TU");
  if (tu && tu->IsString() && !tu->GetString().GetStringUtf8().empty()) spec.lines.push_back(tu->GetString().GetStringUtf8());
  spec.lines.push_back(vietnam_iso_time(options.signing_time));
  spec.right_aligned = true;
  return spec;
}

/// Adds the signature dictionary to the empty field the document has (or a new invisible
/// field), its /Contents a placeholder that `out` finds when the update is written.
void add_signature_field(PdfMemDocument& doc, const std::string& input, const SignOptions& options,
                         PdfSignOutputDevice& out) {
  const bool certify = awaits_issue(doc);  // (asked before the form changes below)
  PdfAcroForm* form = doc.GetAcroForm(ePdfCreateObject, ePdfAcroFormDefaultAppearance_None);  // no Helvetica in /DR
  form->GetObject()->GetDictionary().AddKey("SigFlags", PdfObject(static_cast<pdf_int64>(3)));  // signed, append only
  const std::optional<EmptyField> empty = find_empty_field(doc, form->GetObject(), options.field);
  if (!empty && !options.field.empty())
    fail({input, 0, 0}, tr("the PDF has no empty signature field named {}", options.field),
         tr("`vanban verify` lists the signed ones; leave out --field to add an invisible signature"));
  std::unique_ptr<PdfAnnotation> existing;
  std::optional<PdfSignatureField> field;
  if (empty) {
    existing = std::make_unique<PdfAnnotation>(empty->widget, empty->page);
    field.emplace(existing.get());
    field->EnsureSignatureObject();
  } else {
    PdfAnnotation* widget = doc.GetPage(0)->CreateAnnotation(ePdfAnnotation_Widget, PdfRect(0, 0, 0, 0));
    widget->SetFlags(static_cast<EPdfAnnotationFlags>(ePdfAnnotationFlags_Print | ePdfAnnotationFlags_Locked));
    field.emplace(widget, form, &doc);
    field->SetFieldName(PdfString(new_field_name(doc, *form)));
  }
  // The drawn appearance, or an empty one of the widget's size, not none: PDF/A-1 wants
  // every widget to have a stream.
  const PdfRect rect = field->GetWidgetAnnotation()->GetRect();
  PdfXObject appearance(PdfRect(0, 0, rect.GetWidth(), rect.GetHeight()), &doc);
  const bool attachment = empty && empty->name.starts_with("attachment-");
  AppearanceSpec spec = attachment ? attachment_appearance(*empty, options, input) : options.appearance;
  if (spec.empty()) {
    appearance.GetObject()->GetStream()->Set("q Q\n");
  } else {
    if (rect.GetWidth() <= 0 || rect.GetHeight() <= 0)
      fail({input, 0, 0}, tr("the PDF has no empty signature field to draw the signature in"),
           tr("leave out --image and --seal for an invisible signature"));
    if (!spec.seal.empty() && spec.image.empty() && existing) {  // the clerk's seal over the leader's signature
      if (const std::optional<Span> image = signed_image_span(doc, empty->page, rect))
        spec.covered = Span{image->left - rect.GetLeft(), image->width};
    }
    draw_appearance(doc, appearance, rect.GetWidth(), rect.GetHeight(), spec);
  }
  field->SetAppearanceStream(&appearance);
  if (!options.reason.empty()) field->SetSignatureReason(PdfString(reinterpret_cast<const pdf_utf8*>(options.reason.c_str())));
  if (!options.location.empty())
    field->SetSignatureLocation(PdfString(reinterpret_cast<const pdf_utf8*>(options.location.c_str())));
  field->SetSignatureDate(PdfDate(static_cast<time_t>(options.signing_time)));
  PdfDictionary& sig = field->GetSignatureObject()->GetDictionary();
  sig.AddKey("M", PdfString(vietnam_pdf_date(options.signing_time)));  // the time NĐ 30 shows, +07:00
  sig.AddKey("SubFilter", PdfName("ETSI.CAdES.detached"));  // PAdES; PoDoFo writes adbe.pkcs7.detached
  field->SetSignature(*out.GetSignatureBeacon());
  if (certify) field->AddCertificationReference(doc.GetCatalog(), PdfSignatureField::ePdfCertPermission_FormFill);
  if (options.signature_entries) options.signature_entries(field->GetSignatureObject()->GetDictionary());
}

/// `seconds` since the epoch as Vietnam's wall-clock time (UTC+7 all year), in strftime's `format`.
std::string vietnam_time(std::int64_t seconds, const char* format) {
  const auto t = static_cast<time_t>(seconds + 7 * 3600);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

}  // namespace

std::vector<char> sign_pdf(const std::string& input, const Credentials& signer, const SignOptions& options) {
  quiet_podofo();
  const std::string bytes = read_pdf_bytes(input);
  PdfMemDocument doc;
  std::optional<PdfObject> mod_date;
  try {
    doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()), /*bForUpdate=*/true);
    mod_date = original_mod_date(bytes);
  } catch (const PdfError& e) {
    fail({input, 0, 0}, tr("cannot read the PDF: {}", describe(e)), tr("is the file complete and not encrypted?"));
  }
  if (doc.GetPageCount() < 1) fail({input, 0, 0}, tr("the PDF has no pages to sign"));
  refuse_if_locked(doc, input);
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  PdfSignOutputDevice out(&device);
  try {
    doc.SetWriteMode(ePdfWriteMode_Clean);  // EOL after `obj`, as PDF/A wants
    if (PdfObject* info = doc.GetInfo()->GetObject(); info && mod_date) info->GetDictionary().AddKey("ModDate", *mod_date);
    else if (info) info->GetDictionary().RemoveKey("ModDate");
    if (options.before_signing) options.before_signing(doc);
    out.SetSignatureSize(signature_room(signer, !options.tsa_url.empty()));
    add_signature_field(doc, input, options, out);
    doc.EmbedSubsetFonts();  // (the appearance's text, if any)
    doc.WriteUpdate(&out, /*bTruncate=*/true);
    if (!out.HasSignaturePosition()) throw std::runtime_error(tr("PoDoFo did not write the signature's placeholder"));
    const PdfArray range = out.AdjustByteRange();
    out.Flush();
    const char* data = buffer.GetBuffer();
    const auto at = [&](std::size_t i) { return static_cast<std::size_t>(range[i].GetNumber()); };
    std::string signed_bytes(data + at(0), at(1));
    signed_bytes.append(data + at(2), at(3));
    const std::vector<unsigned char> der = make_cms(signer, signed_bytes, options.signing_time, options.tsa_url);
    out.SetSignature(PdfData(reinterpret_cast<const char*>(der.data()), der.size()));
    out.Flush();
    const char* signed_file = buffer.GetBuffer();  // (again: writing may have moved it)
    return std::vector<char>(signed_file, signed_file + device.GetLength());
  } catch (const PdfError& e) {
    throw std::runtime_error(tr("PoDoFo could not write the signed PDF: {}", describe(e)));
  }
}

std::string vietnam_iso_time(std::int64_t seconds) { return vietnam_time(seconds, "%Y-%m-%dT%H:%M:%S+07:00"); }

std::string vietnam_pdf_date(std::int64_t seconds) { return vietnam_time(seconds, "D:%Y%m%d%H%M%S+07'00'"); }

}  // namespace vanban::sign
