/// Numbered copies: the shared pages, a stamp stream per copy (see copies.hpp).
#include "pipeline/pdf/copies.hpp"

#include <set>
#include <stdexcept>
#include <string>

#include "pipeline/core/i18n.hpp"
#include "pipeline/pdf/content_stream.hpp"
#include "pipeline/pdf/objects.hpp"
#include "pipeline/pdf/prepared.hpp"

namespace vanban::pdf {

namespace {

/// One /Resources for every page, inherited from the page tree: all fonts and images (the
/// names are the document's, F<id> and Im<k>, the same on every page), so that no page
/// object has to carry its own.
std::string all_resources(const Prepared& p, const SharedRefs& refs) {
  Dict resources, font_dict, image_dict;
  for (const std::size_t f : p.font_ids) font_dict.ref(font_resource_name(static_cast<shape::FontId>(f)), refs.fonts[f]);
  for (std::size_t i = 0; i < refs.images.size(); ++i) image_dict.ref(image_resource_name(i), refs.images[i]);
  if (!font_dict.empty()) resources.raw("Font", font_dict.str());
  if (!image_dict.empty()) resources.raw("XObject", image_dict.str());
  return resources.str();
}

/// `[0 0 w h]` in pt.
std::string media_box(Sp w, Sp h) { return Array().integer(0).integer(0).real(to_pt(w)).real(to_pt(h)).str(); }

}  // namespace

std::vector<char> write_copies(const Prepared& p, const shape::FontSet& fonts, const Metadata& meta,
                               const std::vector<layout::TextRun>& stamps, bool every_page) {
  if (p.pages.empty()) throw std::runtime_error(tr("numbered copies: the document has no pages"));
  PdfFile file;
  file.reserve_bytes(size_estimate(p, p.pages.size()) + stamps.size() * (256 + 100 * p.pages.size()));
  const ObjNum catalog = file.reserve(), page_tree = file.reserve(), info = file.reserve();
  const SharedRefs refs = write_shared(file, p, 0);
  // The pages' content streams, once; and `q`, so that the stamp (after `Q`) starts from the
  // default graphics state whatever the page left.
  std::vector<ObjNum> contents;
  for (const PreparedPage& page : p.pages) {
    contents.push_back(file.reserve());
    file.write_stream(contents.back(), Dict().name("Filter", "FlateDecode").entries(), page.content.bytes());
  }
  const ObjNum save = file.reserve();
  file.write_stream(save, "", std::string_view("q\n"));

  const Sp w = p.pages.front().width, h = p.pages.front().height;
  Array kids;
  for (const layout::TextRun& stamp : stamps) {
    layout::Page stamp_page;
    stamp_page.width = w;
    stamp_page.height = h;
    stamp_page.runs = {stamp};
    const std::string stamp_content = "Q\n" + page_content(stamp_page, fonts, p.maps);
    const ObjNum stamp_stream = file.reserve();
    file.write_stream(stamp_stream, "", stamp_content);
    for (std::size_t k = 0; k < p.pages.size(); ++k) {
      const ObjNum page = file.reserve();
      Dict d;
      d.name("Type", "Page").ref("Parent", page_tree);
      if (p.pages[k].width != w || p.pages[k].height != h) d.raw("MediaBox", media_box(p.pages[k].width, p.pages[k].height));
      if (k == 0 || every_page) d.raw("Contents", Array().ref(save).ref(contents[k]).ref(stamp_stream).str());
      else d.ref("Contents", contents[k]);
      file.write_object(page, d.str());
      kids.ref(page);
    }
  }
  file.write_object(page_tree, Dict()
                                   .name("Type", "Pages")
                                   .raw("Kids", kids.str())
                                   .integer("Count", static_cast<std::int64_t>(stamps.size() * p.pages.size()))
                                   .raw("MediaBox", media_box(w, h))
                                   .raw("Resources", all_resources(p, refs))
                                   .str());
  return finish_print_file(file, catalog, page_tree, info, meta);
}

}  // namespace vanban::pdf
