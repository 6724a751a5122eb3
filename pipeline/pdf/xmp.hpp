#pragma once
/// The XMP metadata packet of a PDF/A file (ISO 16684-1; PDF/A-1 §6.7): the same facts as
/// the Info dictionary, so that the two agree, plus the PDF/A identification.
#include <string>

#include "pipeline/pdf/write.hpp"

namespace vanban::pdf {

/// The XMP packet for `meta` claiming PDF/A-`part` conformance B: dc:title, dc:creator (the
/// author), dc:description (the subject), dc:language, xmp:CreatorTool, xmp:CreateDate and
/// ModifyDate (only when meta.created is set, as in Info), pdf:Producer "vanban" (Info's
/// /Producer), pdfaid:part and pdfaid:conformance. UTF-8, with the xpacket wrapper.
std::string xmp_packet(const Metadata& meta, int part);

/// `seconds` since the epoch as an XMP date in UTC, "2026-12-02T08:30:00+00:00": the same
/// instant as pdf_date's Info date.
std::string xmp_date(std::int64_t seconds);

}  // namespace vanban::pdf
