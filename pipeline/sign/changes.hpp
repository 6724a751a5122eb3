#pragma once
/// Which changes the revisions after a signature made, and whether the signature permits
/// them (ISO 32000-1 §12.8.2.2, DocMDP): the objects of the signed revision are compared with
/// the same objects in the whole file, and each one that differs is judged by what it is.
#include <string>
#include <vector>

#include <podofo/podofo.h>

namespace vanban::sign {

/// The DocMDP level a certification signature set: 1 no change, 2 filling in forms and
/// signing, 3 also annotations. A document no signature certifies is judged as 3 (what a
/// reader lets anyone do to a signed file without touching what was signed).
constexpr int kNoCertification = 3;

/// The /P of `sig`'s DocMDP transform (its /Reference), 0 when it certifies nothing.
int docmdp_level(const PoDoFo::PdfDictionary& sig);

/// The changes `full` (the whole file) makes to `signed_revision` (the file up to the end of
/// the revision a signature covers) that level `p` does not permit, each in words ("page 1's content stream
/// (object 12) changed"). Empty: every change is permitted (or there is none). Changed
/// objects are judged as: the catalog (only /AcroForm, /DSS may change), the form dictionary
/// (/Fields, /SigFlags, /DR, /DA, /NeedAppearances), a field or widget (its value and
/// appearance: /V, /AP, /AS, /MK, unless read-only), a page (only /Annots, by adding signature
/// widgets; any annotation at level 3), the Info dictionary; anything else is not permitted.
/// New objects count only through the old objects that come to name them; a new catalog
/// (the trailer's /Root moved) is not permitted.
/// Field locks (locks.hpp) are judged apart.
std::vector<std::string> unpermitted_changes(PoDoFo::PdfMemDocument& signed_revision, PoDoFo::PdfMemDocument& full, int p);

}  // namespace vanban::sign
