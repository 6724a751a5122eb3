#pragma once
/// Everything the PDF needs about one embedded font, computed apart from the file: the
/// hb-subset font file, CIDs and widths, the ToUnicode CMap and the FontDescriptor values.
/// The writer turns it into Type0 + CIDFontType2 + FontDescriptor + FontFile2 objects.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/pdf/content_stream.hpp"
#include "pipeline/shape/font.hpp"

namespace vanban::pdf {

/// One font ready to embed. Lengths are in 1/1000 em (PDF glyph space).
struct EmbeddedFont {
  std::string base_font;          ///< "TAGXYZ+PostScriptName"
  std::vector<char> font_file;    ///< the subset TrueType file (/FontFile2)
  GlyphMap glyphs;                ///< original gid -> CID (subset gid, /CIDToGIDMap /Identity); widths
  std::string to_unicode;         ///< the ToUnicode CMap program
  std::int32_t flags = 4;         ///< FontDescriptor /Flags (4 = symbolic, as CID fonts must be)
  std::int32_t bbox[4] = {0, 0, 0, 0};  ///< /FontBBox from `head`
  std::int32_t ascent = 0, descent = 0, cap_height = 0;
  std::int32_t stem_v = 0;        ///< estimated from the OS/2 weight class (no font stores it)
  double italic_angle = 0;        ///< from `post`, degrees counter-clockwise
};

/// Subsets `font` to `gids` with hb-subset (gids renumbered; hinting dropped, since PDF
/// viewers and printers do not run it, and layout tables, since they never shape) and
/// computes the PDF-side data; the ToUnicode map gives each glyph of `gids` its text in
/// `texts`. Throws std::runtime_error when subsetting fails.
EmbeddedFont embed_font(const shape::Font& font, const std::set<std::uint32_t>& gids, const shape::GlyphTexts& texts);

/// The 6-letter subset tag (A–Z) from a hash of the PostScript name and the glyph set:
/// deterministic, and different for different subsets of the same font.
std::string subset_tag(std::string_view ps_name, const std::set<std::uint32_t>& gids);

/// A ToUnicode CMap with `bfchar` entries (2-byte CIDs, UTF-16BE targets with surrogate
/// pairs above U+FFFF), in blocks of at most 100 as the CMap format requires.
/// Entries with empty text are left out.
std::string to_unicode_cmap(const std::map<std::uint32_t, std::u32string>& text_by_cid);

}  // namespace vanban::pdf
