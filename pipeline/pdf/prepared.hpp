#pragma once
/// The costly half of writing a PDF, done once and shared by every PDF written from the same
/// pages (the document itself, its imposed sheets, its numbered copies): the font subsets,
/// the images and the page content streams, all compressed; and the font and image objects
/// they become in a file. write.cpp, impose.cpp and copies.cpp each write their own pages.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pipeline/layout/image.hpp"
#include "pipeline/layout/page.hpp"
#include "pipeline/pdf/font_embed.hpp"
#include "pipeline/pdf/objects.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/shape/font.hpp"

namespace vanban::pdf {

/// Stream data, Flate-compressed ahead of time (possibly on another thread).
struct Deflated {
  std::unique_ptr<char[]> data;
  std::size_t size = 0;
  /// The compressed bytes.
  std::span<const char> bytes() const { return {data.get(), size}; }
};

/// zlib-wrapped DEFLATE (what /FlateDecode reads) of `len` bytes, with libdeflate at level 1.
Deflated deflate(const void* data, std::size_t len);

/// One embedded font with its two streams compressed.
struct FontStreams {
  EmbeddedFont font;
  Deflated file, to_unicode;
};

/// One image with its samples (and transparency) compressed; a JPEG is kept as it is.
struct ImageStreams {
  layout::ImageData image;
  Deflated samples, alpha;
};

/// One document page as the writers need it: its size, what its /Resources name, its content.
struct PreparedPage {
  Sp width = 0, height = 0;
  std::vector<shape::FontId> fonts;  ///< the fonts its runs draw, ascending
  std::vector<std::size_t> images;   ///< indexes into Prepared::image_paths, ascending
  Deflated content;                  ///< the content stream, compressed
};

/// Everything costly, computed before a single object is written.
struct Prepared {
  std::vector<std::size_t> font_ids;                 ///< the fonts drawn, in FontId order
  std::vector<std::optional<FontStreams>> embedded;  ///< by FontId
  std::vector<std::string> image_paths;              ///< each image once, in order of first use
  std::vector<ImageStreams> images;                  ///< by index in image_paths
  std::vector<PreparedPage> pages;                   ///< by page
  /// The GlyphMap of each font drawn (by FontId, null for the others), for more content
  /// streams drawn with the same subsets (the copies' stamps).
  std::vector<const GlyphMap*> maps;
};

/// Makes the Prepared on every core: first the subsets (the content streams need their
/// CIDs), then all the streams. `extra` are runs drawn outside the pages (the numbered
/// copies' stamps): their glyphs go into the subsets too, and `texts` (by FontId), when
/// given, replaces `pd.glyph_texts` for the ToUnicode maps (it must cover those glyphs).
/// The objects are written afterwards on one thread, always in the same order, so the bytes
/// do not depend on the number of threads.
Prepared prepare(const layout::PagedDocument& pd, const shape::FontSet& fonts,
                 std::span<const layout::TextRun> extra = {}, const std::vector<shape::GlyphTexts>* texts = nullptr);

/// The font and image objects of one file, by FontId and by image index (0: not written).
struct SharedRefs {
  std::vector<ObjNum> fonts;
  std::vector<ObjNum> images;
};

/// Writes the fonts and images of `p` into `file`. With `pdfa_part` 1, each font descriptor
/// lists its CIDs and an image with transparency is refused (std::runtime_error).
SharedRefs write_shared(PdfFile& file, const Prepared& p, int pdfa_part);

/// The /Resources dictionary of document page `k` (its fonts and images).
std::string page_resources(const Prepared& p, std::size_t k, const SharedRefs& refs);

/// Room for the streams plus `objects` more objects around them, to reserve up front so
/// that the file's buffer rarely has to move.
std::size_t size_estimate(const Prepared& p, std::size_t objects);

/// The Info dictionary. No clock is read, so the same input gives the same bytes (the
/// trailer /ID is a hash of the file); dates only when the document or SOURCE_DATE_EPOCH
/// gives one.
std::string info_dict(const Metadata& meta);

/// Ends a file made for the printer (the imposed sheets, the numbered copies): writes the
/// Info dictionary and a catalog of the page tree and the language only (no bookmarks, not
/// PDF/A), then finishes the file.
std::vector<char> finish_print_file(PdfFile& file, ObjNum catalog, ObjNum page_tree, ObjNum info, const Metadata& meta);

}  // namespace vanban::pdf
