#pragma once
/// Small PoDoFo helpers shared by signing and verification: quiet error logging, error
/// texts, the form's fields, and the refusal to touch a certified document that forbids it.
#include <string>
#include <vector>

#include <podofo/podofo.h>

namespace vanban::sign {

/// The bytes of the file `path`. Throws vanban::Error placed at `path` when it cannot be
/// read or does not start like a PDF (refused here, before PoDoFo sees it).
std::string read_pdf_bytes(const std::string& path);

/// Turns off PoDoFo's own logging to stderr: its errors reach the user as our diagnostics.
void quiet_podofo();

/// Frees PoDoFo's process-wide encodings (made on first use, e.g. for an appearance's
/// text), so that the leak checker sees a clean exit.
void release_podofo_globals();

/// A PoDoFo error in words ("ePdfError_NoXRef: ...").
std::string describe(const PoDoFo::PdfError& e);

/// The object `obj` stands for: itself, or what its reference points to (nullptr if dangling).
PoDoFo::PdfObject* resolve(PoDoFo::PdfMemDocument& doc, PoDoFo::PdfObject* obj);

/// The name value of `d[key]` ("Sig" for /Sig), or "" when absent or not a name.
std::string name_of(const PoDoFo::PdfDictionary& d, const char* key);

/// `o` as PDF text, to compare objects of two revisions (a dictionary's keys come in
/// PoDoFo's order, which both sides share; a reference stays a reference).
std::string text_of(const PoDoFo::PdfObject& o);

/// A terminal field of the interactive form, with its full name ("parent.child").
struct FieldRef {
  std::string name;
  PoDoFo::PdfObject* object = nullptr;
};

/// Every terminal field of the form dictionary `form`, in the order of /Fields and /Kids
/// (widgets merged with their field count as fields). Cycles and depth are bounded.
std::vector<FieldRef> form_fields(PoDoFo::PdfMemDocument& doc, PoDoFo::PdfObject* form);

/// Throws vanban::Error placed at `path` when an earlier certification signature
/// (/Perms /DocMDP with /P 1) forbids any change, so a new signature would invalidate it.
void refuse_if_locked(PoDoFo::PdfMemDocument& doc, const std::string& path);

}  // namespace vanban::sign
