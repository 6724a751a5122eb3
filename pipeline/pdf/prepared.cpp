/// The costly half of writing: fonts, images and content streams, made once (see prepared.hpp).
#include "pipeline/pdf/prepared.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "pipeline/core/i18n.hpp"
#include "pipeline/core/parallel.hpp"
#include "pipeline/pdf/content_stream.hpp"
#include "pipeline/pdf/pdfa.hpp"

namespace vanban::pdf {

namespace {

/// Compression was a fifth of the whole build's instructions with zlib at level 6;
/// libdeflate at level 1 takes a third of that time again, for a PDF 4 % larger than at
/// level 6 (the sample: 125.7 KB instead of 120.6 KB; Typst writes 152 KB).
constexpr int kDeflateLevel = 1;

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
    throw std::runtime_error(tr("PDF writer: an image with {} colour components", im.components));
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
/// Which glyphs of each font the pages draw: only those go into the subsets. (Marked in a
/// bitmap per font first: a long document draws millions of glyphs.)
std::vector<std::set<std::uint32_t>> drawn_glyphs(const layout::PagedDocument& pd, const shape::FontSet& fonts,
                                                  std::span<const layout::TextRun> extra) {
  std::vector<std::vector<bool>> drawn(fonts.fonts.size());
  for (const auto& page : pd.pages) {
    if (page.width <= 0 || page.height <= 0) throw std::runtime_error(tr("PDF writer: page with no size"));
    for (const auto& run : page.runs) {
      if (run.font >= fonts.fonts.size())
        throw std::runtime_error(tr("PDF writer: run uses unknown font {}", run.font));
      auto& bits = drawn[run.font];
      for (const auto& g : run.glyphs) {
        if (g.gid >= bits.size()) bits.resize(g.gid + std::size_t{1});
        bits[g.gid] = true;
      }
    }
  }
  for (const auto& run : extra) {
    if (run.font >= fonts.fonts.size()) throw std::runtime_error(tr("PDF writer: run uses unknown font {}", run.font));
    auto& bits = drawn[run.font];
    for (const auto& g : run.glyphs) {
      if (g.gid >= bits.size()) bits.resize(g.gid + std::size_t{1});
      bits[g.gid] = true;
    }
  }
  std::vector<std::set<std::uint32_t>> used(fonts.fonts.size());
  for (std::size_t f = 0; f < drawn.size(); ++f)
    for (std::size_t g = 0; g < drawn[f].size(); ++g)
      if (drawn[f][g]) used[f].insert(used[f].end(), static_cast<std::uint32_t>(g));
  return used;
}

/// A page's size and the fonts and images its /Resources must name.
PreparedPage page_entry(const layout::Page& page, const std::vector<std::string>& image_paths) {
  PreparedPage e;
  e.width = page.width;
  e.height = page.height;
  std::set<shape::FontId> fonts;
  for (const auto& run : page.runs)
    if (!run.glyphs.empty()) fonts.insert(run.font);
  e.fonts.assign(fonts.begin(), fonts.end());
  std::set<std::size_t> images;
  for (const auto& im : page.images)
    images.insert(static_cast<std::size_t>(std::find(image_paths.begin(), image_paths.end(), im.path) - image_paths.begin()));
  e.images.assign(images.begin(), images.end());
  return e;
}

}  // namespace

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
  if (d.size == 0) throw std::runtime_error(tr("stream compression failed"));
  return d;
}

Prepared prepare(const layout::PagedDocument& pd, const shape::FontSet& fonts, std::span<const layout::TextRun> extra,
                 const std::vector<shape::GlyphTexts>* texts) {
  const std::vector<shape::GlyphTexts>& records = texts ? *texts : pd.glyph_texts;
  const std::vector<std::set<std::uint32_t>> used = drawn_glyphs(pd, fonts, extra);
  Prepared s;
  for (std::size_t f = 0; f < fonts.fonts.size(); ++f)
    if (!used[f].empty()) s.font_ids.push_back(f);
  s.embedded.resize(fonts.fonts.size());
  parallel_for(s.font_ids.size(), [&](std::size_t i) {
    const std::size_t f = s.font_ids[i];
    s.embedded[f].emplace();
    static const shape::GlyphTexts none;
    const shape::GlyphTexts& glyph_texts = f < records.size() ? records[f] : none;
    s.embedded[f]->font = embed_font(fonts[static_cast<shape::FontId>(f)], used[f], glyph_texts);
  });
  s.maps.assign(fonts.fonts.size(), nullptr);
  for (const std::size_t f : s.font_ids) s.maps[f] = &s.embedded[f]->font.glyphs;

  // Images (scanned signatures, seals), each embedded once however often it is drawn.
  for (const auto& page : pd.pages)
    for (const auto& im : page.images)
      if (std::find(s.image_paths.begin(), s.image_paths.end(), im.path) == s.image_paths.end())
        s.image_paths.push_back(im.path);

  s.pages.resize(pd.pages.size());
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
    const std::string content = page_content(pd.pages[k], fonts, s.maps, s.image_paths);
    s.pages[k] = page_entry(pd.pages[k], s.image_paths);
    s.pages[k].content = deflate(content.data(), content.size());
  });
  return s;
}

SharedRefs write_shared(PdfFile& file, const Prepared& p, int pdfa_part) {
  SharedRefs refs;
  refs.fonts.assign(p.embedded.size(), 0);
  for (const std::size_t f : p.font_ids) refs.fonts[f] = add_font(file, *p.embedded[f], pdfa_part == 1);
  for (const auto& im : p.images) {
    if (pdfa_part == 1 && im.alpha.size != 0)  // (PDF/A-2 and -3 allow soft masks)
      throw std::runtime_error(tr("PDF/A-1 forbids transparency, and an image has an alpha channel: use --pdfa 2b"));
    refs.images.push_back(add_image(file, im));
  }
  return refs;
}

std::string page_resources(const Prepared& p, std::size_t k, const SharedRefs& refs) {
  const PreparedPage& page = p.pages[k];
  Dict resources;
  if (!page.fonts.empty()) {
    Dict d;
    for (const shape::FontId f : page.fonts) d.ref(font_resource_name(f), refs.fonts[f]);
    resources.raw("Font", d.str());
  }
  if (!page.images.empty()) {
    Dict d;
    for (const std::size_t i : page.images) d.ref(image_resource_name(i), refs.images[i]);
    resources.raw("XObject", d.str());
  }
  return resources.str();
}

std::size_t size_estimate(const Prepared& p, std::size_t objects) {
  std::size_t estimate = 65536 + 1024 * objects;
  for (const std::size_t f : p.font_ids)
    estimate += p.embedded[f]->file.size + p.embedded[f]->to_unicode.size + 16 * p.embedded[f]->font.glyphs.width.size();
  for (const auto& im : p.images) estimate += im.image.bytes.size() + im.samples.size + im.alpha.size;
  for (const auto& page : p.pages) estimate += page.content.size;
  return estimate;
}

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

std::vector<char> finish_print_file(PdfFile& file, ObjNum catalog, ObjNum page_tree, ObjNum info, const Metadata& meta) {
  file.write_object(info, info_dict(meta));
  Dict c;
  c.name("Type", "Catalog").ref("Pages", page_tree);
  if (!meta.lang.empty()) c.literal("Lang", meta.lang);
  file.write_object(catalog, c.str());
  return file.finish(catalog, info);
}

}  // namespace vanban::pdf
