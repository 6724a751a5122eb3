/// Saddle-stitch imposition: the sheet order (a pure function) and the imposed PDF's
/// sheets, which draw the document's pages as Form XObjects (see impose.hpp).
#include "pipeline/pdf/impose.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "pipeline/core/i18n.hpp"
#include "pipeline/pdf/content_stream.hpp"
#include "pipeline/pdf/objects.hpp"
#include "pipeline/pdf/prepared.hpp"

namespace vanban::pdf {

std::vector<Sheet> sheet_order(std::size_t pages, int signature) {
  if (signature < 0 || signature % 4 != 0)
    throw std::invalid_argument(tr("a signature of {} pages: it must be a multiple of 4", signature));
  const std::size_t per_section = signature == 0 ? pages : static_cast<std::size_t>(signature);
  std::vector<Sheet> sheets;
  for (std::size_t first = 0, section = 0; first < pages; first += per_section, ++section) {
    const std::size_t count = std::min(per_section, pages - first);
    const std::size_t m = (count + 3) / 4 * 4;
    // Local page number n (1..m) → document index, or a blank past the last page.
    const auto at = [&](std::size_t n) { return n <= count ? first + n - 1 : kBlankSlot; };
    for (std::size_t i = 1; i <= m / 4; ++i) {
      Sheet s;
      s.front = {at(m - 2 * i + 2), at(2 * i - 1)};
      s.back = {at(2 * i), at(m - 2 * i + 1)};
      s.section = section;
      s.depth = i - 1;
      sheets.push_back(s);
    }
  }
  return sheets;
}

namespace {

/// Room around the spread for the marks, beyond the bleed: the marks start kMarkGap past
/// the bleed and are kMarkLength long.
constexpr Sp kMarkGap = mm(3), kMarkLength = mm(5), kMarkRoom = mm(10);
/// Marks are hairlines of 0.25 pt in registration colour (every ink), as printers expect.
constexpr double kMarkWidth = 0.25;

/// Appends `x y ` in pt.
void append_xy(std::string& out, Sp x, Sp y) {
  append_real(out, to_pt(x));
  out += ' ';
  append_real(out, to_pt(y));
  out += ' ';
}

/// The sheet's geometry, in sp from the sheet's lower-left corner (PDF's y up).
struct Geometry {
  Sp w = 0, h = 0;       ///< one half-sheet (the first page's size)
  Sp margin = 0;         ///< from the sheet's edge to the trimmed spread
  Sp bleed = 0;
  Sp sheet_w() const { return 2 * w + 2 * margin; }
  Sp sheet_h() const { return h + 2 * margin; }
};

/// Draws document page `k` into the left (side 0) or right half, shifted `shift` toward the
/// spine and clipped to its half (with the bleed on its three outer edges).
void draw_page(std::string& out, const Geometry& g, const PreparedPage& page, std::size_t k, int side, Sp shift) {
  const Sp spine = g.margin + g.w;
  const Sp clip_x = side == 0 ? g.margin - g.bleed : spine;
  out += "q ";
  append_xy(out, clip_x, g.margin - g.bleed);
  append_xy(out, g.w + g.bleed, g.h + 2 * g.bleed);
  out += "re W n ";
  // A page of another size is scaled down to the half-sheet and centred in it.
  const double scale = std::min({1.0, static_cast<double>(g.w) / static_cast<double>(page.width),
                                 static_cast<double>(g.h) / static_cast<double>(page.height)});
  const Sp pw = static_cast<Sp>(static_cast<double>(page.width) * scale);
  const Sp ph = static_cast<Sp>(static_cast<double>(page.height) * scale);
  const Sp x = g.margin + (side == 0 ? 0 : g.w) + (g.w - pw) / 2 + (side == 0 ? shift : -shift);
  const Sp y = g.margin + (g.h - ph) / 2;
  append_real(out, scale);
  out += " 0 0 ";
  append_real(out, scale);
  out += ' ';
  append_xy(out, x, y);
  out += "cm /P" + std::to_string(k) + " Do Q\n";
}

/// The trim marks at the spread's four corners and the fold marks at the spine, top and bottom.
void draw_marks(std::string& out, const Geometry& g) {
  out += "q ";
  append_real(out, kMarkWidth);
  out += " w 1 1 1 1 K\n";
  const Sp off = g.bleed + kMarkGap;
  const Sp left = g.margin, right = g.margin + 2 * g.w, bottom = g.margin, top = g.margin + g.h;
  const auto line = [&](Sp x0, Sp y0, Sp x1, Sp y1) {
    append_xy(out, x0, y0);
    out += "m ";
    append_xy(out, x1, y1);
    out += "l S\n";
  };
  for (const Sp x : {left, right})
    for (const Sp y : {bottom, top}) {
      const Sp out_x = x == left ? -1 : 1, out_y = y == bottom ? -1 : 1;
      line(x + out_x * off, y, x + out_x * (off + kMarkLength), y);  // along the horizontal trim
      line(x, y + out_y * off, x, y + out_y * (off + kMarkLength));  // along the vertical trim
    }
  const Sp spine = g.margin + g.w;
  line(spine, bottom - off, spine, bottom - off - kMarkLength);
  line(spine, top + off, spine, top + off + kMarkLength);
  out += "Q\n";
}

/// The Form XObject of each document page: its content stream, unchanged, with its resources.
std::vector<ObjNum> add_forms(PdfFile& file, const Prepared& p, const SharedRefs& refs) {
  std::vector<ObjNum> forms;
  for (std::size_t k = 0; k < p.pages.size(); ++k) {
    const PreparedPage& page = p.pages[k];
    const ObjNum form = file.reserve();
    file.write_stream(form,
                      Dict()
                          .name("Type", "XObject")
                          .name("Subtype", "Form")
                          .raw("BBox", Array().integer(0).integer(0).real(to_pt(page.width)).real(to_pt(page.height)).str())
                          .raw("Resources", page_resources(p, k, refs))
                          .name("Filter", "FlateDecode")
                          .entries(),
                      page.content.bytes());
    forms.push_back(form);
  }
  return forms;
}

/// `[x0 y0 x1 y1]` in pt.
std::string box(Sp x0, Sp y0, Sp x1, Sp y1) {
  return Array().real(to_pt(x0)).real(to_pt(y0)).real(to_pt(x1)).real(to_pt(y1)).str();
}

}  // namespace

std::vector<char> write_imposed(const Prepared& p, const Metadata& meta, const ImposeOptions& options) {
  if (p.pages.empty()) throw std::runtime_error(tr("imposition: the document has no pages"));
  Geometry g;
  g.w = p.pages.front().width;
  g.h = p.pages.front().height;
  if (options.crop_marks) {
    g.bleed = options.bleed;
    g.margin = options.bleed + kMarkRoom;
  }
  const std::vector<Sheet> sheets = sheet_order(p.pages.size(), options.signature);

  PdfFile file;
  file.reserve_bytes(size_estimate(p, 3 * p.pages.size()));
  const ObjNum catalog = file.reserve(), page_tree = file.reserve(), info = file.reserve();
  const SharedRefs refs = write_shared(file, p, 0);
  const std::vector<ObjNum> forms = add_forms(file, p, refs);

  Array kids;
  for (const Sheet& sheet : sheets)
    for (const SheetSide& side : {sheet.front, sheet.back}) {
      std::string content;
      Dict xobjects;
      const Sp shift = static_cast<Sp>(sheet.depth) * options.creep;
      for (const auto& [k, half] : {std::pair{side.left, 0}, std::pair{side.right, 1}}) {
        if (k == kBlankSlot) continue;
        draw_page(content, g, p.pages[k], k, half, shift);
        xobjects.ref("P" + std::to_string(k), forms[k]);
      }
      if (options.crop_marks) draw_marks(content, g);
      const ObjNum stream = file.reserve(), page = file.reserve();
      file.write_stream(stream, "", content);
      Dict d;
      d.name("Type", "Page").ref("Parent", page_tree).raw("MediaBox", box(0, 0, g.sheet_w(), g.sheet_h()));
      if (options.crop_marks) {
        d.raw("BleedBox", box(g.margin - g.bleed, g.margin - g.bleed, g.margin + 2 * g.w + g.bleed, g.margin + g.h + g.bleed));
        d.raw("TrimBox", box(g.margin, g.margin, g.margin + 2 * g.w, g.margin + g.h));
      }
      d.raw("Resources", xobjects.empty() ? "<<>>" : Dict().raw("XObject", xobjects.str()).str()).ref("Contents", stream);
      file.write_object(page, d.str());
      kids.ref(page);
    }
  file.write_object(page_tree, Dict()
                                   .name("Type", "Pages")
                                   .raw("Kids", kids.str())
                                   .integer("Count", static_cast<std::int64_t>(2 * sheets.size()))
                                   .str());
  return finish_print_file(file, catalog, page_tree, info, meta);
}

}  // namespace vanban::pdf
