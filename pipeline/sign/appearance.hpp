#pragma once
/// The drawn appearance of a signature (NĐ 30/2020, Phụ lục I, Phần I, II.7–8): the signer's
/// handwritten signature image centred in the field; the organisation's seal at its real
/// size over the left third of it; the organisation's name and the signing time in 10 pt
/// upright black. Drawn with PoDoFo into the widget's appearance stream, at signing time
/// (the time is known only then), inside the rectangle the document's field gives.
#include <optional>
#include <string>
#include <vector>

#include <podofo/podofo.h>

#include "pipeline/sign/signed_image.hpp"

namespace vanban::sign {

/// What to draw; an empty spec draws nothing (an invisible signature).
struct AppearanceSpec {
  std::string image;          ///< the signer's signature, a PNG (transparent background), centred
  std::string seal;           ///< the seal, a PNG, `seal_diameter` wide, over the left third of the image
  double seal_diameter = 0;   ///< points (36 mm = 102 pt is a usual seal)
  std::vector<std::string> lines;  ///< text lines in 10 pt, from the top of the field (UTF-8)
  /// With a seal and no image: where the signature it covers lies (the leader's, drawn by an
  /// earlier signature), in this field's coordinates. Without it, the field's width.
  std::optional<Span> covered;
  /// The lines end at the field's right edge (an attachment's field, whose right edge is the
  /// right margin at the top right of the page), else they start at its left.
  bool right_aligned = false;
  bool empty() const { return image.empty() && seal.empty() && lines.empty(); }
};

/// Draws `spec` into `appearance` (a form XObject of `width` × `height` points). The text
/// uses a subset of Times New Roman (or what fontconfig puts in its place, e.g. Liberation
/// Serif), embedded; the caller must call doc.EmbedSubsetFonts() before writing. Throws
/// PoDoFo::PdfError when an image cannot be read.
void draw_appearance(PoDoFo::PdfMemDocument& doc, PoDoFo::PdfXObject& appearance, double width, double height,
                     const AppearanceSpec& spec);

}  // namespace vanban::sign
