#pragma once
/// Page content streams as text: glyph runs as TJ arrays of CIDs, rules as filled
/// rectangles. Plain strings (the writer wraps each in a stream object), so the operators
/// can be tested as such.
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/layout/page.hpp"
#include "pipeline/shape/font.hpp"

namespace vanban::pdf {

/// How one embedded font's glyphs are written: CID per original glyph id, and the
/// width of each CID exactly as the /W array declares it (1/1000 em, to kWidthDecimals
/// places: close enough to the font's own advance that glyphs set at their natural
/// advance need no TJ adjustment, which keeps page streams short).
struct GlyphMap {
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;  ///< cid() of a glyph not in the subset
  /// CID (= subset gid) by original gid, kNone for glyphs not in the subset: a table, not a
  /// hash map, since every glyph of every page is looked up.
  std::vector<std::uint32_t> cids;
  std::vector<double> width;  ///< CID -> /W width

  /// Records that original glyph `gid` is CID `cid`.
  void add(std::uint32_t gid, std::uint32_t cid) {
    if (gid >= cids.size()) cids.resize(gid + std::size_t{1}, kNone);
    cids[gid] = cid;
  }
  /// The CID of original glyph `gid`, or kNone.
  std::uint32_t cid(std::uint32_t gid) const { return gid < cids.size() ? cids[gid] : kNone; }
};

/// Decimals of the /W widths.
inline constexpr int kWidthDecimals = 3;

/// Appends `v` rounded to `decimals` places, without trailing zeros or "-0" (locale-free).
void append_number(std::string& out, double v, int decimals);

/// The resource name of font `id` in page /Resources (e.g. "F0").
std::string font_resource_name(shape::FontId id);

/// The resource name of the document's image number `index` in page /Resources ("Im0").
std::string image_resource_name(std::size_t index);

/// The content stream of one page. `maps[f]` is the GlyphMap of font f; every font a run
/// uses must have one (throws std::logic_error otherwise). `images` lists the document's
/// image files in resource order; each page image is drawn as the XObject of its path.
std::string page_content(const layout::Page& page, const shape::FontSet& fonts,
                         const std::vector<const GlyphMap*>& maps, const std::vector<std::string>& images = {});

/// Width of a run from its origin to the farthest glyph end (x + advance), in sp;
/// used for the underline.
Sp run_width(const layout::TextRun& run, const shape::Font& font);

}  // namespace vanban::pdf
