/// The PDF writer: the objects of fonts, images, pages, outlines and metadata, written with
/// PdfFile (objects.hpp); the atomic file write is in atomic_write.cpp.
#include "pipeline/pdf/write.hpp"

#include "pipeline/layout/image.hpp"

#include <libdeflate.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include "pipeline/core/parallel.hpp"
#include "pipeline/pdf/content_stream.hpp"
#include "pipeline/pdf/font_embed.hpp"
#include "pipeline/pdf/objects.hpp"
#include "pipeline/pdf/pdfa.hpp"

namespace vanban::pdf {

namespace {

/// Stream data, Flate-compressed ahead of time (possibly on another thread) with libdeflate
/// at level 1. Compression was a fifth of the whole build's instructions with zlib at level
/// 6; libdeflate at level 1 takes a third of that time again, for a PDF 4 % larger than at
/// level 6 (the sample: 125.7 KB instead of 120.6 KB; Typst writes 152 KB).
constexpr int kDeflateLevel = 1;
struct Deflated {
  std::unique_ptr<char[]> data;
  std::size_t size = 0;
  std::span<const char> bytes() const { return {data.get(), size}; }
};

/// zlib-wrapped DEFLATE (what /FlateDecode reads) of `len` bytes.
Deflated deflate(const void* data, std::size_t len) {
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  // One compressor per thread: allocating one costs more than compressing a page.
  thread_local const std::unique_ptr<libdeflate_compressor, Free> compressor(libdeflate_alloc_compressor(kDeflateLevel));
  if (!compressor) throw std::bad_alloc();
  Deflated d;
  const std::size_t bound = libdeflate_zlib_compress_bound(compressor.get(), len);
  d.data = std::make_unique_for_overwrite<char[]>(bound);
  d.size = libdeflate_zlib_compress(compressor.get(), data, len, d.data.get(), bound);
  if (d.size == 0) throw std::runtime_error("stream compression failed");
  return d;
}

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

/// Type0 + CIDFontType2 + FontDescriptor + FontFile2 + ToUnicode; returns the Type0 font.
/// With `with_cid_set` (PDF/A-1), the descriptor also lists the CIDs present (/CIDSet).
ObjNum add_font(PdfFile& file, const FontStreams& fs, bool with_cid_set) {
  const EmbeddedFont& e = fs.font;
  const ObjNum font_file = file.reserve(), desc = file.reserve(), cid = file.reserve(), to_unicode = file.reserve(),
               type0 = file.reserve();
  file.write_stream(font_file,
                    Dict().name("Filter", "FlateDecode").integer("Length1", static_cast<std::int64_t>(e.font_file.size())).entries(),
                    fs.file.bytes());
  Array bbox;
  for (const std::int32_t v : e.bbox) bbox.integer(v);
  Dict descriptor;
  descriptor.name("Type", "FontDescriptor")
      .name("FontName", e.base_font)
      .integer("Flags", e.flags)
      .raw("FontBBox", bbox.str())
      .real("ItalicAngle", e.italic_angle)
      .integer("Ascent", e.ascent)
      .integer("Descent", e.descent)
      .integer("CapHeight", e.cap_height)
      .integer("StemV", e.stem_v)
      .ref("FontFile2", font_file);
  if (with_cid_set) {
    const ObjNum set = file.reserve();
    file.write_stream(set, "", cid_set(e.glyphs.width.size()));
    descriptor.ref("CIDSet", set);
  }
  file.write_object(desc, descriptor.str());
  // CIDs are the subset's gids, 0..n-1 without gaps: one run [0 [w0 w1 ...]] covers them.
  Array widths;
  for (const double w : e.glyphs.width) widths.number(w, kWidthDecimals);
  file.write_object(cid, Dict()
                             .name("Type", "Font")
                             .name("Subtype", "CIDFontType2")
                             .name("BaseFont", e.base_font)
                             .raw("CIDSystemInfo", Dict().literal("Registry", "Adobe").literal("Ordering", "Identity").integer("Supplement", 0).str())
                             .ref("FontDescriptor", desc)
                             .integer("DW", 1000)
                             .raw("W", Array().integer(0).raw(widths.str()).str())
                             .name("CIDToGIDMap", "Identity")
                             .str());
  file.write_stream(to_unicode, Dict().name("Filter", "FlateDecode").entries(), fs.to_unicode.bytes());
  file.write_object(type0, Dict()
                               .name("Type", "Font")
                               .name("Subtype", "Type0")
                               .name("BaseFont", e.base_font)
                               .name("Encoding", "Identity-H")
                               .raw("DescendantFonts", Array().ref(cid).str())
                               .ref("ToUnicode", to_unicode)
                               .str());
  return type0;
}

/// An image XObject (with its transparency as a soft mask); returns the image.
ObjNum add_image(PdfFile& file, const ImageStreams& is) {
  const layout::ImageData& im = is.image;
  const ObjNum image = file.reserve();
  const ObjNum mask = is.alpha.size == 0 ? 0 : file.reserve();  // (the samples were freed once compressed)
  if (im.components != 1 && im.components != 3 && im.components != 4)
    throw std::runtime_error("PDF writer: an image with " + std::to_string(im.components) + " colour components");
  const auto head = [&](int components) {
    return Dict()
        .name("Type", "XObject")
        .name("Subtype", "Image")
        .integer("Width", im.width)
        .integer("Height", im.height)
        .name("ColorSpace", components == 1 ? "DeviceGray" : components == 4 ? "DeviceCMYK" : "DeviceRGB")
        .integer("BitsPerComponent", 8);
  };
  Dict d = head(im.components);
  if (im.jpeg) {
    if (im.inverted_cmyk) d.raw("Decode", "[1 0 1 0 1 0 1 0]");
    file.write_stream(image, d.name("Filter", "DCTDecode").entries(),
                      {reinterpret_cast<const char*>(im.bytes.data()), im.bytes.size()});
    return image;
  }
  d.name("Filter", "FlateDecode");
  if (mask != 0) d.ref("SMask", mask);
  file.write_stream(image, d.entries(), is.samples.bytes());
  if (mask != 0) file.write_stream(mask, head(1).name("Filter", "FlateDecode").entries(), is.alpha.bytes());
  return image;
}

/// Bookmarks: level 0 at the top; a deeper entry nests under the nearest preceding
/// shallower one (a jump of several levels nests one level down). Every item is open.
/// Returns the outline dictionary, or 0 when there are no bookmarks.
ObjNum add_outline(PdfFile& file, const layout::PagedDocument& pd, const std::vector<ObjNum>& pages) {
  if (pd.outline.empty()) return 0;
  struct Node {
    ObjNum obj = 0;
    int parent = -1;          // index into nodes, -1 = the outline dictionary
    std::vector<int> kids;
    std::int64_t descendants = 0;
  };
  std::vector<Node> nodes(pd.outline.size());
  std::vector<int> top;    // the outline dictionary's kids
  std::vector<int> chain;  // chain[k] = index of the latest node at depth k
  const ObjNum root = file.reserve();
  for (std::size_t i = 0; i < pd.outline.size(); ++i) {
    const auto& entry = pd.outline[i];
    if (entry.page >= pd.pages.size())
      throw std::runtime_error("PDF writer: bookmark \"" + entry.title + "\" points to page " +
                               std::to_string(entry.page + 1) + " of " + std::to_string(pd.pages.size()));
    const std::size_t depth = std::min<std::size_t>(static_cast<std::size_t>(std::max(entry.level, 0)), chain.size());
    chain.resize(depth);
    const int parent = depth == 0 ? -1 : chain.back();
    nodes[i].obj = file.reserve();
    nodes[i].parent = parent;
    (parent < 0 ? top : nodes[static_cast<std::size_t>(parent)].kids).push_back(static_cast<int>(i));
    for (int p = parent; p >= 0; p = nodes[static_cast<std::size_t>(p)].parent)
      ++nodes[static_cast<std::size_t>(p)].descendants;
    chain.push_back(static_cast<int>(i));
  }
  // /First, /Last and, since every item is open, /Count = all descendants (positive).
  const auto kids_keys = [&](Dict& d, const std::vector<int>& kids, std::int64_t count) {
    if (kids.empty()) return;
    d.ref("First", nodes[static_cast<std::size_t>(kids.front())].obj)
        .ref("Last", nodes[static_cast<std::size_t>(kids.back())].obj)
        .integer("Count", count);
  };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    const auto& entry = pd.outline[i];
    Dict d;
    d.text("Title", entry.title).ref("Parent", n.parent < 0 ? root : nodes[static_cast<std::size_t>(n.parent)].obj);
    const auto& sib = n.parent < 0 ? top : nodes[static_cast<std::size_t>(n.parent)].kids;
    const auto at = static_cast<std::size_t>(std::find(sib.begin(), sib.end(), static_cast<int>(i)) - sib.begin());
    if (at > 0) d.ref("Prev", nodes[static_cast<std::size_t>(sib[at - 1])].obj);
    if (at + 1 < sib.size()) d.ref("Next", nodes[static_cast<std::size_t>(sib[at + 1])].obj);
    kids_keys(d, n.kids, n.descendants);
    // [page /XYZ left top zoom]: null left and zoom keep the reader's current ones.
    d.raw("Dest", Array()
                      .ref(pages[entry.page])
                      .name("XYZ")
                      .raw("null")
                      .real(to_pt(pd.pages[entry.page].height - entry.y))
                      .raw("null")
                      .str());
    file.write_object(n.obj, d.str());
  }
  Dict d;
  d.name("Type", "Outlines");
  kids_keys(d, top, static_cast<std::int64_t>(nodes.size()));
  file.write_object(root, d.str());
  return root;
}

/// The /PageLabels number tree (one /Nums array: a booklet has a handful of ranges), or ""
/// when the document has no labels.
std::string page_labels(const layout::PagedDocument& pd) {
  if (pd.page_labels.empty()) return {};
  Array nums;
  for (const auto& r : pd.page_labels) {
    if (r.first >= pd.pages.size()) throw std::runtime_error("PDF writer: page labels start past the last page");
    Dict d;
    if (r.style == layout::LabelStyle::Arabic) d.name("S", "D");
    if (r.style == layout::LabelStyle::RomanLower) d.name("S", "r");
    if (r.style != layout::LabelStyle::None && r.start != 1) d.integer("St", r.start);
    nums.integer(static_cast<std::int64_t>(r.first)).raw(d.str());
  }
  return Dict().raw("Nums", nums.str()).str();
}

/// Which glyphs of each font the pages draw: only those go into the subsets. (Marked in a
/// bitmap per font first: a long document draws millions of glyphs.)
std::vector<std::set<std::uint32_t>> drawn_glyphs(const layout::PagedDocument& pd, const shape::FontSet& fonts) {
  std::vector<std::vector<bool>> drawn(fonts.fonts.size());
  for (const auto& page : pd.pages) {
    if (page.width <= 0 || page.height <= 0) throw std::runtime_error("PDF writer: page with no size");
    for (const auto& run : page.runs) {
      if (run.font >= fonts.fonts.size())
        throw std::runtime_error("PDF writer: run uses unknown font " + std::to_string(run.font));
      auto& bits = drawn[run.font];
      for (const auto& g : run.glyphs) {
        if (g.gid >= bits.size()) bits.resize(g.gid + std::size_t{1});
        bits[g.gid] = true;
      }
    }
  }
  std::vector<std::set<std::uint32_t>> used(fonts.fonts.size());
  for (std::size_t f = 0; f < drawn.size(); ++f)
    for (std::size_t g = 0; g < drawn[f].size(); ++g)
      if (drawn[f][g]) used[f].insert(used[f].end(), static_cast<std::uint32_t>(g));
  return used;
}

/// Everything costly, computed before a single object is written: the font subsets, the
/// images and the content streams, all compressed.
struct Streams {
  std::vector<std::size_t> font_ids;                 ///< the fonts drawn, in FontId order
  std::vector<std::optional<FontStreams>> embedded;  ///< by FontId
  std::vector<std::string> image_paths;              ///< each image once, in order of first use
  std::vector<ImageStreams> images;                  ///< by index in image_paths
  std::vector<Deflated> contents;                    ///< by page
};

/// Makes the Streams on every core: first the subsets (the content streams need their
/// CIDs), then all the streams. The objects are written afterwards on one thread, always in
/// the same order, so the bytes do not depend on the number of threads.
Streams make_streams(const layout::PagedDocument& pd, const shape::FontSet& fonts) {
  const std::vector<std::set<std::uint32_t>> used = drawn_glyphs(pd, fonts);
  Streams s;
  for (std::size_t f = 0; f < fonts.fonts.size(); ++f)
    if (!used[f].empty()) s.font_ids.push_back(f);
  s.embedded.resize(fonts.fonts.size());
  parallel_for(s.font_ids.size(), [&](std::size_t i) {
    const std::size_t f = s.font_ids[i];
    s.embedded[f].emplace();
    static const shape::GlyphTexts none;
    const shape::GlyphTexts& texts = f < pd.glyph_texts.size() ? pd.glyph_texts[f] : none;
    s.embedded[f]->font = embed_font(fonts[static_cast<shape::FontId>(f)], used[f], texts);
  });
  std::vector<const GlyphMap*> maps(fonts.fonts.size(), nullptr);
  for (const std::size_t f : s.font_ids) maps[f] = &s.embedded[f]->font.glyphs;

  // Images (scanned signatures, seals), each embedded once however often it is drawn.
  for (const auto& page : pd.pages)
    for (const auto& im : page.images)
      if (std::find(s.image_paths.begin(), s.image_paths.end(), im.path) == s.image_paths.end())
        s.image_paths.push_back(im.path);

  s.contents.resize(pd.pages.size());
  s.images.resize(s.image_paths.size());
  const std::size_t font_jobs = 2 * s.font_ids.size(), image_jobs = s.image_paths.size();
  parallel_for(font_jobs + image_jobs + pd.pages.size(), [&](std::size_t i) {
    if (i < font_jobs) {  // the font files first: the largest jobs
      FontStreams& fs = *s.embedded[s.font_ids[i / 2]];
      if (i % 2 == 0) fs.file = deflate(fs.font.font_file.data(), fs.font.font_file.size());
      else fs.to_unicode = deflate(fs.font.to_unicode.data(), fs.font.to_unicode.size());
      return;
    }
    if (i < font_jobs + image_jobs) {
      ImageStreams& is = s.images[i - font_jobs];
      is.image = layout::read_image_data(s.image_paths[i - font_jobs]);
      if (is.image.jpeg) return;
      is.samples = deflate(is.image.bytes.data(), is.image.bytes.size());
      if (!is.image.alpha.empty()) is.alpha = deflate(is.image.alpha.data(), is.image.alpha.size());
      is.image.bytes = {};  // compressed now
      is.image.alpha = {};
      return;
    }
    const std::size_t k = i - font_jobs - image_jobs;
    const std::string content = page_content(pd.pages[k], fonts, maps, s.image_paths);
    s.contents[k] = deflate(content.data(), content.size());
  });
  return s;
}

/// Room for the streams plus the objects around them, reserved (not touched) up front so
/// that the file's buffer rarely has to move.
std::size_t size_estimate(const layout::PagedDocument& pd, const Streams& s) {
  std::size_t estimate = 65536 + 1024 * (pd.pages.size() + pd.outline.size());
  for (const std::size_t f : s.font_ids)
    estimate += s.embedded[f]->file.size + s.embedded[f]->to_unicode.size + 16 * s.embedded[f]->font.glyphs.width.size();
  for (const auto& im : s.images) estimate += im.image.bytes.size() + im.samples.size + im.alpha.size;
  for (const auto& c : s.contents) estimate += c.size;
  return estimate;
}

/// The Page objects (and their content streams, moved out of `s`), children of `page_tree`;
/// returns them in order.
std::vector<ObjNum> add_pages(PdfFile& file, const layout::PagedDocument& pd, Streams& s, ObjNum page_tree,
                              const std::vector<ObjNum>& font_refs, const std::vector<ObjNum>& image_refs) {
  std::vector<ObjNum> pages;
  pages.reserve(pd.pages.size());
  for (std::size_t k = 0; k < pd.pages.size(); ++k) {
    const auto& page = pd.pages[k];
    const ObjNum content = file.reserve(), p = file.reserve();
    file.write_stream(content, Dict().name("Filter", "FlateDecode").entries(), s.contents[k].bytes());
    s.contents[k] = {};  // in the file now
    Dict resources;
    std::set<shape::FontId> page_fonts;
    for (const auto& run : page.runs)
      if (!run.glyphs.empty()) page_fonts.insert(run.font);
    if (!page_fonts.empty()) {
      Dict d;
      for (const shape::FontId f : page_fonts) d.ref(font_resource_name(f), font_refs[f]);
      resources.raw("Font", d.str());
    }
    if (!page.images.empty()) {
      std::set<std::size_t> page_images;
      for (const auto& im : page.images)
        page_images.insert(static_cast<std::size_t>(std::find(s.image_paths.begin(), s.image_paths.end(), im.path) -
                                                    s.image_paths.begin()));
      Dict d;
      for (const std::size_t i : page_images) d.ref(image_resource_name(i), image_refs[i]);
      resources.raw("XObject", d.str());
    }
    file.write_object(p, Dict()
                             .name("Type", "Page")
                             .ref("Parent", page_tree)
                             .raw("MediaBox", Array().integer(0).integer(0).real(to_pt(page.width)).real(to_pt(page.height)).str())
                             .raw("Resources", resources.str())
                             .ref("Contents", content)
                             .str());
    pages.push_back(p);
  }
  return pages;
}

/// The Info dictionary. No clock is read, so the same input gives the same bytes (the
/// trailer /ID is a hash of the file); dates only when the document or SOURCE_DATE_EPOCH
/// gives one.
std::string info_dict(const Metadata& meta) {
  Dict i;
  for (const auto& [key, value] : {std::pair<std::string_view, std::string_view>{"Title", meta.title},
                                   {"Author", meta.author},
                                   {"Subject", meta.subject},
                                   {"Creator", meta.creator},
                                   {"Producer", "vanban"}})
    if (!value.empty()) i.text(key, value);
  if (meta.created) {
    const std::string date = pdf_date(*meta.created);
    i.literal("CreationDate", date).literal("ModDate", date);
  }
  return i.str();
}

}  // namespace

std::vector<char> write_pdf(const layout::PagedDocument& doc, const shape::FontSet& fonts, const Metadata& meta) {
  Streams s = make_streams(doc, fonts);
  PdfFile file;
  file.reserve_bytes(size_estimate(doc, s));

  const ObjNum catalog = file.reserve(), page_tree = file.reserve(), info = file.reserve();
  std::vector<ObjNum> font_refs(fonts.fonts.size(), 0);
  for (const std::size_t f : s.font_ids) font_refs[f] = add_font(file, *s.embedded[f], meta.pdfa_part == 1);
  std::vector<ObjNum> image_refs;
  for (const auto& im : s.images) {
    if (meta.pdfa_part == 1 && im.alpha.size != 0)  // (PDF/A-2 and -3 allow soft masks)
      throw std::runtime_error("PDF/A-1 forbids transparency, and an image has an alpha channel: use --pdfa 2b");
    image_refs.push_back(add_image(file, im));
  }
  const std::vector<ObjNum> pages = add_pages(file, doc, s, page_tree, font_refs, image_refs);
  Array kids;
  for (const ObjNum p : pages) kids.ref(p);
  file.write_object(page_tree, Dict()
                                   .name("Type", "Pages")
                                   .raw("Kids", kids.str())
                                   .integer("Count", static_cast<std::int64_t>(pages.size()))
                                   .str());
  const ObjNum outline = add_outline(file, doc, pages);
  const std::string labels = page_labels(doc);
  file.write_object(info, info_dict(meta));

  Dict c;
  c.name("Type", "Catalog").ref("Pages", page_tree);
  if (outline != 0) c.ref("Outlines", outline).name("PageMode", "UseOutlines");
  if (!labels.empty()) c.raw("PageLabels", labels);
  c.raw("ViewerPreferences", "<</DisplayDocTitle true>>");  // title bar shows /Title, not the file name
  if (!meta.lang.empty()) c.literal("Lang", meta.lang);
  if (meta.pdfa_part != 0) {
    const PdfaObjects a = add_pdfa_objects(file, meta);
    c.ref("Metadata", a.metadata).raw("OutputIntents", Array().ref(a.output_intent).str());
  }
  file.write_object(catalog, c.str());
  return file.finish(catalog, info);
}

std::string pdf_date(std::int64_t seconds) {
  using namespace std::chrono;
  const sys_seconds t{std::chrono::seconds{seconds}};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "D:%04d%02u%02u%02d%02d%02d+00'00'", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

}  // namespace vanban::pdf
