#include "pipeline/sign/locks.hpp"

#include <map>

#include <podofo/podofo.h>

#include "pipeline/core/i18n.hpp"
#include "pipeline/sign/pdf_read.hpp"

namespace vanban::sign {
namespace {

using namespace PoDoFo;

constexpr int kMaxParentDepth = 32;  // (as pdf_read.cpp bounds /Kids: deeper is malformed or cyclic)

/// The keys of a field or widget that show its value: what a lock keeps as it was signed.
constexpr const char* kLookKeys[] = {"AP", "AS", "MK"};

/// `d[key]` resolved in `doc`, or nullptr.
PdfObject* key_of(PdfMemDocument& doc, const PdfDictionary& d, const char* key) {
  return resolve(doc, const_cast<PdfObject*>(d.GetKey(key)));
}

/// A lock dictionary (/Lock, or a FieldMDP transform's /TransformParams) read.
FieldLock parse_lock(PdfMemDocument& doc, const PdfDictionary& d) {
  FieldLock lock;
  const std::string action = name_of(d, "Action");
  if (action == "Include") lock.action = FieldLock::Action::Include;
  if (action == "Exclude") lock.action = FieldLock::Action::Exclude;
  if (const PdfObject* p = d.GetKey("P"); p && p->IsNumber() && p->GetNumber() >= 1 && p->GetNumber() <= 3)
    lock.permissions = static_cast<int>(p->GetNumber());
  if (PdfObject* fields = key_of(doc, d, "Fields"); fields && fields->IsArray())
    for (PdfObject& f : fields->GetArray())
      if (PdfObject* name = resolve(doc, &f); name && name->IsString())
        lock.fields.push_back(name->GetString().GetStringUtf8());
  return lock;
}

/// The FieldMDP transform's parameters in the signature dictionary `sig`, or nullptr.
PdfObject* fieldmdp_params(PdfMemDocument& doc, const PdfDictionary& sig) {
  PdfObject* refs = key_of(doc, sig, "Reference");
  if (!refs || !refs->IsArray()) return nullptr;
  for (PdfObject& r : refs->GetArray()) {
    PdfObject* ref = resolve(doc, &r);
    if (!ref || !ref->IsDictionary() || name_of(ref->GetDictionary(), "TransformMethod") != "FieldMDP") continue;
    PdfObject* params = key_of(doc, ref->GetDictionary(), "TransformParams");
    if (params && params->IsDictionary()) return params;
  }
  return nullptr;
}

/// `key` of the field `field` or, when it has none, of the nearest parent field that has it.
PdfObject* inherited(PdfMemDocument& doc, PdfObject* field, const char* key) {
  for (int depth = 0; field && field->IsDictionary() && depth <= kMaxParentDepth; ++depth) {
    if (field->GetDictionary().HasKey(key)) return key_of(doc, field->GetDictionary(), key);
    field = key_of(doc, field->GetDictionary(), "Parent");
  }
  return nullptr;
}

/// What a reader sees of a field, as text to compare: its value (inherited too) and the
/// appearance keys of the field and of each widget among its /Kids.
std::string look(PdfMemDocument& doc, PdfObject* field) {
  const PdfObject* v = inherited(doc, field, "V");
  std::string out = "V " + (v ? text_of(*v) : std::string());
  const auto add_keys = [&](const PdfDictionary& d) {
    for (const char* key : kLookKeys)
      if (const PdfObject* o = d.GetKey(key)) out += std::string(" ") + key + " " + text_of(*o);
  };
  add_keys(field->GetDictionary());
  if (PdfObject* kids = key_of(doc, field->GetDictionary(), "Kids"); kids && kids->IsArray())
    for (PdfObject& k : kids->GetArray())
      if (PdfObject* widget = resolve(doc, &k); widget && widget->IsDictionary()) {
        out += " | " + text_of(k);
        add_keys(widget->GetDictionary());
      }
  return out;
}

/// Whether `field` is a signature field that holds no signature yet.
bool empty_signature_field(PdfMemDocument& doc, PdfObject* field) {
  const PdfObject* ft = inherited(doc, field, "FT");
  return ft && ft->IsName() && ft->GetName() == PdfName("Sig") && !inherited(doc, field, "V");
}

/// The terminal fields of `doc`'s form.
std::vector<FieldRef> fields_of(PdfMemDocument& doc) {
  return form_fields(doc, key_of(doc, doc.GetCatalog()->GetDictionary(), "AcroForm"));
}

}  // namespace

bool FieldLock::locks(const std::string& name) const {
  if (action == Action::All) return true;
  bool listed = false;
  for (const std::string& f : fields)
    if (name == f || (name.size() > f.size() && name.compare(0, f.size(), f) == 0 && name[f.size()] == '.')) listed = true;
  return action == Action::Include ? listed : !listed;
}

std::optional<FieldLock> read_field_lock(PdfMemDocument& signed_revision, const std::string& field) {
  for (const FieldRef& f : fields_of(signed_revision)) {
    if (f.name != field) continue;
    PdfObject* sig = key_of(signed_revision, f.object->GetDictionary(), "V");
    if (PdfObject* params = sig && sig->IsDictionary() ? fieldmdp_params(signed_revision, sig->GetDictionary()) : nullptr) {
      FieldLock lock = parse_lock(signed_revision, params->GetDictionary());
      lock.from_reference = true;
      return lock;
    }
    PdfObject* lock = key_of(signed_revision, f.object->GetDictionary(), "Lock");
    if (lock && lock->IsDictionary()) return parse_lock(signed_revision, lock->GetDictionary());
    return std::nullopt;
  }
  return std::nullopt;
}

std::vector<std::string> locked_field_changes(PdfMemDocument& signed_revision, PdfMemDocument& full,
                                              const FieldLock& lock, const std::string& signature) {
  std::map<std::string, PdfObject*> now;
  for (const FieldRef& f : fields_of(full)) now.emplace(f.name, f.object);
  std::vector<std::string> problems;
  for (const FieldRef& f : fields_of(signed_revision)) {
    if (!lock.locks(f.name) || empty_signature_field(signed_revision, f.object)) continue;
    const auto it = now.find(f.name);
    if (it == now.end())
      problems.push_back(tr("the field `{}` that signature `{}` locked was removed", f.name, signature));
    else if (it->second->Reference() != f.object->Reference() ||
             look(signed_revision, f.object) != look(full, it->second))
      problems.push_back(tr("the field `{}` that signature `{}` locked was changed", f.name, signature));
  }
  return problems;
}

std::string describe_lock(const FieldLock& lock) {
  std::string names;
  for (const std::string& f : lock.fields) names += (names.empty() ? "" : ", ") + f;
  if (lock.action == FieldLock::Action::Include)
    return names.empty() ? tr("no field") : ntr("the field {}", "the fields {}", lock.fields.size(), names);
  if (lock.action == FieldLock::Action::Exclude && !names.empty()) return tr("all fields but {}", names);
  return tr("all fields");
}

}  // namespace vanban::sign
