#pragma once
/// Empty signature fields (ISO 32000-1 §12.7.4.5): the places a build leaves for the digital
/// signatures NĐ 30/2020 (Phụ lục I, part II) draws, taken from where layout put the
/// signature block, never from coordinates the user types. `vanban sign` finds a field by
/// its name and signs into it (pipeline/sign/sign.cpp).
#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/layout/page.hpp"
#include "pipeline/pdf/objects.hpp"

namespace vanban::pdf {

/// The field of the signer's signature (the leader's): the room between the title and the
/// name of the signature block.
inline constexpr const char* kSignerField = "signer";
/// The field of the organisation's signature: the same rectangle, at least as tall as a
/// 36 mm seal (its appearance draws the seal over the left third of the signer's image,
/// and the organisation's name and time beside it).
inline constexpr const char* kOrganisationField = "organisation";

/// One empty signature field: its name, page and rectangle in PDF points (from the
/// bottom-left corner of the page, as /Rect wants).
struct SignatureField {
  std::string name;
  std::size_t page = 0;
  double x = 0, y = 0, width = 0, height = 0;
  /// The field's /TU (its alternate name: readers show it as a tooltip and read it aloud):
  /// an attachment's number and symbol, which `sign` draws in the field. Empty: none.
  std::string label{};
};

/// The fields of `doc`, in the order `sign` fills them: `signer` and `organisation` at the
/// anchor "signature-space" (closing.cpp); one field per anchor named "attachment-<n>" (the
/// organisation's signature at the top right of an attachment's first page), named as its
/// anchor, with the anchor's label as /TU. Anchors of empty size get no field.
std::vector<SignatureField> signature_fields(const layout::PagedDocument& doc);

/// The object numbers of the fields, reserved before the pages are written (a page lists
/// its widgets in /Annots).
struct FormObjects {
  std::vector<ObjNum> widgets;                  ///< by field
  std::vector<ObjNum> extra;                    ///< other fields' widgets (an unissued build's blanks)
  std::vector<std::vector<ObjNum>> page_annots; ///< by page: the widgets on it
  ObjNum acroform = 0;                          ///< 0: no fields, no form
};

/// Reserves the objects of `fields` in `file`, and a widget for each other field, on the
/// page `extra_pages[i]` (nothing when there are none).
FormObjects reserve_form(PdfFile& file, const std::vector<SignatureField>& fields, std::size_t pages,
                         const std::vector<std::size_t>& extra_pages = {});

/// Writes each field as a merged field and widget (/FT /Sig, printed and locked, an empty
/// appearance stream of its size, as PDF/A wants of every widget) and the /AcroForm dictionary
/// that lists them and the `extra` widgets (written by their owner), with `dr_fonts` (the
/// entries of a font dictionary; may be empty) as its default resources. `pages`: the page
/// objects, by page.
void write_form(PdfFile& file, const std::vector<SignatureField>& fields, const FormObjects& form,
                const std::vector<ObjNum>& pages, const std::string& dr_fonts = {});

}  // namespace vanban::pdf
