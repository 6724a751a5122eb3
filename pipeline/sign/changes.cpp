#include "pipeline/sign/changes.hpp"

#include <set>

#include "pipeline/core/i18n.hpp"
#include "pipeline/sign/pdf_read.hpp"

namespace vanban::sign {
namespace {

using namespace PoDoFo;

/// The raw (still encoded) bytes of a stream: equal bytes, equal content.
std::string stream_bytes(const PdfObject& o) {
  char* data = nullptr;
  pdf_long len = 0;
  o.GetStream()->GetCopy(&data, &len);
  std::string s(data ? data : "", data ? static_cast<std::size_t>(len) : 0);
  podofo_free(data);
  return s;
}

bool same(PdfObject& a, PdfObject& b) {
  if (text_of(a) != text_of(b)) return false;
  if (a.HasStream() != b.HasStream()) return false;
  return !a.HasStream() || stream_bytes(a) == stream_bytes(b);
}

/// The keys whose values differ between two dictionaries (present in one only, or unequal).
std::set<std::string> changed_keys(const PdfDictionary& before, const PdfDictionary& after) {
  std::set<std::string> keys;
  for (const auto& [k, v] : before.GetKeys())
    if (!after.HasKey(k) || text_of(*after.GetKey(k)) != text_of(*v)) keys.insert(k.GetName());
  for (const auto& [k, v] : after.GetKeys())
    if (!before.HasKey(k)) keys.insert(k.GetName());
  return keys;
}

/// The keys of `changed` outside `allowed`, as "/A, /B"; "" when none.
std::string outside(const std::set<std::string>& changed, const std::set<std::string>& allowed) {
  std::string out;
  for (const std::string& k : changed)
    if (!allowed.count(k)) out += (out.empty() ? "/" : ", /") + k;
  return out;
}

/// What an object is, in words, for the report.
std::string what(PdfMemDocument& full, const PdfObject& o) {
  const std::string number = tr("object {}", o.Reference().ObjectNumber());
  for (int i = 0; i < full.GetPageCount(); ++i) {
    PdfObject* page = full.GetPage(i)->GetObject();
    if (page->Reference() == o.Reference()) return tr("page {} ({})", i + 1, number);
    PdfObject* contents = const_cast<PdfObject*>(page->GetDictionary().GetKey("Contents"));
    std::vector<PdfObject*> streams;
    if (contents && contents->IsReference()) streams.push_back(contents);
    if (contents && contents->IsArray())
      for (PdfObject& c : contents->GetArray()) streams.push_back(&c);
    for (PdfObject* c : streams)
      if (c->IsReference() && c->GetReference() == o.Reference())
        return tr("page {}'s content stream ({})", i + 1, number);
  }
  if (o.IsDictionary()) {
    const std::string type = name_of(o.GetDictionary(), "Type"), sub = name_of(o.GetDictionary(), "Subtype");
    if (!type.empty() || !sub.empty()) return number + " (" + type + (sub.empty() ? "" : " " + sub) + ")";
  }
  return number;
}

/// Whether every entry of page `before`'s /Annots is kept and each added one is permitted.
std::string judge_annots(PdfMemDocument& full, const PdfDictionary& before, const PdfDictionary& after, int p) {
  std::set<std::string> old_refs;
  if (const PdfObject* a = before.GetKey("Annots"); a && a->IsArray())
    for (const PdfObject& e : a->GetArray()) old_refs.insert(text_of(e));
  const PdfObject* now = after.GetKey("Annots");
  std::size_t kept = 0;
  if (now && now->IsArray())
    for (PdfObject& e : const_cast<PdfArray&>(now->GetArray())) {
      if (old_refs.count(text_of(e))) {
        ++kept;
        continue;
      }
      PdfObject* added = resolve(full, &e);
      const bool widget = added && added->IsDictionary() && name_of(added->GetDictionary(), "Subtype") == "Widget";
      const bool signature = widget && name_of(added->GetDictionary(), "FT") == "Sig";
      if (!(signature || (p >= 3 && added && added->IsDictionary())))
        return tr("an annotation was added that is not a signature field");
    }
  return kept == old_refs.size() ? std::string() : tr("an annotation was removed");
}

/// The problem with changing `before` into `after` at level `p`, or "" when permitted.
std::string judge(PdfMemDocument& full, PdfObject& before, PdfObject& after, int p) {
  if (p <= 1) return tr("changed (the signature permits no change)");
  if (!before.IsDictionary() || !after.IsDictionary() || before.HasStream() || after.HasStream())
    return tr("changed");
  const PdfDictionary& b = before.GetDictionary();
  const PdfDictionary& a = after.GetDictionary();
  const std::set<std::string> keys = changed_keys(b, a);
  const std::string type = name_of(b, "Type");
  std::set<std::string> allowed;
  if (type == "Catalog") allowed = {"AcroForm", "DSS"};
  else if (type == "Page") {  // (before the fields: a page has a /Parent too)
    if (keys.count("Annots"))
      if (const std::string problem = judge_annots(full, b, a, p); !problem.empty()) return problem;
    allowed = {"Annots"};
  } else if (b.HasKey("Fields")) allowed = {"Fields", "SigFlags", "DR", "DA", "NeedAppearances"};
  else if (b.HasKey("FT") || b.HasKey("Parent") || name_of(b, "Subtype") == "Widget") {
    const PdfObject* ff = b.GetKey("Ff");
    if (ff && ff->IsNumber() && (ff->GetNumber() & 1)) return tr("changed a read-only field");
    allowed = {"V", "AP", "AS", "MK"};  // (PoDoFo gives a signed widget its appearance characteristics, /MK)
  } else if (full.GetInfo() && full.GetInfo()->GetObject()->Reference() == after.Reference()) {
    return {};  // the Info dictionary: what the file says about itself, not its content
  } else {
    return tr("changed");
  }
  const std::string bad = outside(keys, allowed);
  return bad.empty() ? std::string() : tr("changed {}", bad);
}

}  // namespace

int docmdp_level(const PdfDictionary& sig) {
  const PdfObject* refs = sig.GetKey("Reference");
  if (!refs || !refs->IsArray()) return 0;
  for (const PdfObject& r : refs->GetArray()) {
    if (!r.IsDictionary() || name_of(r.GetDictionary(), "TransformMethod") != "DocMDP") continue;
    const PdfObject* params = r.GetDictionary().GetKey("TransformParams");
    const PdfObject* p = params && params->IsDictionary() ? params->GetDictionary().GetKey("P") : nullptr;
    return p && p->IsNumber() && p->GetNumber() >= 1 && p->GetNumber() <= 3 ? static_cast<int>(p->GetNumber()) : 2;
  }
  return 0;
}

std::vector<std::string> unpermitted_changes(PdfMemDocument& old, PdfMemDocument& full, int p) {
  std::vector<std::string> problems;
  if (old.GetCatalog()->Reference() != full.GetCatalog()->Reference())  // (the old one unchanged, but no longer read)
    problems.push_back(tr("the document catalog was replaced (object {} in place of {})",
                          full.GetCatalog()->Reference().ObjectNumber(), old.GetCatalog()->Reference().ObjectNumber()));
  for (PdfObject* now : full.GetObjects()) {
    PdfObject* before = old.GetObjects().GetObject(now->Reference());
    if (!before || same(*before, *now)) continue;  // (a new object matters only where an old one names it)
    if (const std::string problem = judge(full, *before, *now, p); !problem.empty())
      problems.push_back(what(full, *now) + ": " + problem);
  }
  return problems;
}

}  // namespace vanban::sign
