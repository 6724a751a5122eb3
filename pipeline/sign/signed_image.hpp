#pragma once
/// Where an earlier signature's image lies on the page, read from its widget's appearance
/// stream: the organisation's seal must cover the left third of the leader's handwritten
/// signature (NĐ 30/2020, Phụ lục I, II.8.a), which another signature drew, maybe with
/// another tool, before the clerk signs (`vanban issue`).
#include <optional>

#include <podofo/podofo.h>

namespace vanban::sign {

/// A horizontal extent in points.
struct Span {
  double left = 0, width = 0;
};

/// The horizontal extent, in page coordinates, of the first image that the appearance of a
/// signed signature field on `page` draws, choosing among the fields whose widget overlaps
/// `near` (page coordinates) horizontally. Read by following the appearance's content
/// stream (q/Q, cm, Do of an image XObject) and mapping its /BBox onto the widget's /Rect.
/// nullopt when no such field or image is found (a signature with no image, or an
/// appearance rotated or skewed).
std::optional<Span> signed_image_span(PoDoFo::PdfMemDocument& doc, PoDoFo::PdfPage* page, const PoDoFo::PdfRect& near);

}  // namespace vanban::sign
