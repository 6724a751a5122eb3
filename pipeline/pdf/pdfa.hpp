#pragma once
/// PDF/A (ISO 19005) levels 1b, 2b, 3b: the objects the writer adds for them (XMP metadata,
/// the sRGB output intent, the CID sets of PDF/A-1) and what each level forbids.
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/pdf/objects.hpp"
#include "pipeline/pdf/write.hpp"

namespace vanban::pdf {

/// The part number (1, 2, 3) of "1b", "2b" or "3b" (case-insensitive), nullopt otherwise.
std::optional<int> parse_pdfa_level(std::string_view level);

/// The ICC profile of the output intent: Debian's icc-profiles-free sRGB (ICC v2, fine for
/// every part). $VANBAN_SRGB_PROFILE overrides the path (for installations elsewhere).
std::string srgb_profile_path();

/// The objects the catalog of a PDF/A file refers to (/Metadata, /OutputIntents [...]).
struct PdfaObjects {
  ObjNum metadata = 0;
  ObjNum output_intent = 0;
};

/// Writes into `file` what a PDF/A file needs besides the pages: the XMP metadata stream
/// (unfiltered, as PDF/A-1 wants) and the output intent with its ICC profile. Throws
/// std::runtime_error when the ICC profile cannot be read.
PdfaObjects add_pdfa_objects(PdfFile& file, const Metadata& meta);

/// A CIDSet stream's bytes (PDF/A-1 §6.3.5): one bit per CID, most significant bit first,
/// set for CIDs 0..glyphs-1 (a subset's CIDs are its glyph ids, without gaps).
std::string cid_set(std::size_t glyphs);

}  // namespace vanban::pdf
