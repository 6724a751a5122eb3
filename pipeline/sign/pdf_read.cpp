#include "pipeline/sign/pdf_read.hpp"

#include <fstream>
#include <iterator>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"

namespace vanban::sign {
namespace {

using namespace PoDoFo;

constexpr int kMaxFieldDepth = 32;  // deeper /Kids trees are malformed (or cyclic)

/// Adds the terminal fields under `node` (whose full name so far is `prefix`) to `out`.
void collect_fields(PdfMemDocument& doc, PdfObject* node, const std::string& prefix, int depth,
                    std::vector<FieldRef>& out) {
  node = resolve(doc, node);
  if (!node || !node->IsDictionary() || depth > kMaxFieldDepth) return;
  const PdfDictionary& d = node->GetDictionary();
  std::string name = prefix;
  if (const PdfObject* t = d.GetKey("T"); t && t->IsString())
    name = prefix.empty() ? t->GetString().GetStringUtf8() : prefix + "." + t->GetString().GetStringUtf8();
  PdfObject* kids = resolve(doc, d.GetKey("Kids") ? const_cast<PdfObject*>(d.GetKey("Kids")) : nullptr);
  bool has_field_kids = false;
  if (kids && kids->IsArray())
    for (PdfObject& kid : kids->GetArray()) {
      PdfObject* k = resolve(doc, &kid);
      if (k && k->IsDictionary() && k->GetDictionary().HasKey("T")) {
        has_field_kids = true;
        collect_fields(doc, k, name, depth + 1, out);
      }
    }
  if (!has_field_kids) out.push_back({name, node});
}

}  // namespace

std::string read_pdf_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail({path, 0, 0}, tr("cannot read the PDF"), tr("check the path"));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.compare(0, 5, "%PDF-") != 0) fail({path, 0, 0}, tr("not a PDF file (it does not start with %PDF-)"));
  return bytes;
}

void quiet_podofo() {
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
}

void release_podofo_globals() { PdfEncodingFactory::FreeGlobalEncodingInstances(); }

std::string describe(const PdfError& e) {
  std::string out = PdfError::ErrorName(e.GetError());
  if (const char* m = PdfError::ErrorMessage(e.GetError()); m && *m) out += std::string(": ") + m;
  return out;
}

PdfObject* resolve(PdfMemDocument& doc, PdfObject* obj) {
  if (obj && obj->IsReference()) return doc.GetObjects().GetObject(obj->GetReference());
  return obj;
}

std::string name_of(const PdfDictionary& d, const char* key) {
  const PdfObject* o = d.GetKey(key);
  return o && o->IsName() ? o->GetName().GetName() : std::string();
}

std::string text_of(const PdfObject& o) {
  std::string s;
  o.ToString(s);
  return s;
}

std::vector<FieldRef> form_fields(PdfMemDocument& doc, PdfObject* form) {
  std::vector<FieldRef> out;
  form = resolve(doc, form);
  if (!form || !form->IsDictionary()) return out;
  PdfObject* fields = resolve(doc, const_cast<PdfObject*>(form->GetDictionary().GetKey("Fields")));
  if (!fields || !fields->IsArray()) return out;
  for (PdfObject& f : fields->GetArray()) collect_fields(doc, &f, "", 0, out);
  return out;
}

void refuse_if_locked(PdfMemDocument& doc, const std::string& path) {
  PdfObject* perms = resolve(doc, const_cast<PdfObject*>(doc.GetCatalog()->GetDictionary().GetKey("Perms")));
  PdfObject* mdp = perms && perms->IsDictionary() ? resolve(doc, const_cast<PdfObject*>(perms->GetDictionary().GetKey("DocMDP"))) : nullptr;
  if (!mdp || !mdp->IsDictionary()) return;
  PdfObject* refs = resolve(doc, const_cast<PdfObject*>(mdp->GetDictionary().GetKey("Reference")));
  if (!refs || !refs->IsArray()) return;
  for (PdfObject& r : refs->GetArray()) {
    PdfObject* ref = resolve(doc, &r);
    PdfObject* params = ref && ref->IsDictionary() ? resolve(doc, const_cast<PdfObject*>(ref->GetDictionary().GetKey("TransformParams"))) : nullptr;
    const PdfObject* p = params && params->IsDictionary() ? params->GetDictionary().GetKey("P") : nullptr;
    if (p && p->IsNumber() && p->GetNumber() == 1)
      fail({path, 0, 0}, tr("the document is certified with \"no changes allowed\""),
           tr("a further signature would invalidate the certification; sign a copy made before it"));
  }
}

}  // namespace vanban::sign
