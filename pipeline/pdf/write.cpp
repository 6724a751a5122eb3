/// The PDF writer: the objects of fonts, images, pages, outlines and metadata, written with
/// PdfFile (objects.hpp); the atomic file write is in atomic_write.cpp.
#include "pipeline/pdf/write.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
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

#include "pipeline/core/i18n.hpp"
#include "pipeline/core/parallel.hpp"
#include "pipeline/layout/image.hpp"
#include "pipeline/pdf/content_stream.hpp"
#include "pipeline/pdf/fields.hpp"
#include "pipeline/pdf/font_embed.hpp"
#include "pipeline/pdf/objects.hpp"
#include "pipeline/pdf/pdfa.hpp"
#include "pipeline/pdf/prepared.hpp"

namespace vanban::pdf {

namespace {

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
      throw std::runtime_error(
          tr("PDF writer: bookmark \"{}\" points to page {} of {}", entry.title, entry.page + 1, pd.pages.size()));
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
    if (r.first >= pd.pages.size()) throw std::runtime_error(tr("PDF writer: page labels start past the last page"));
    Dict d;
    if (r.style == layout::LabelStyle::Arabic) d.name("S", "D");
    if (r.style == layout::LabelStyle::RomanLower) d.name("S", "r");
    if (r.style != layout::LabelStyle::None && r.start != 1) d.integer("St", r.start);
    nums.integer(static_cast<std::int64_t>(r.first)).raw(d.str());
  }
  return Dict().raw("Nums", nums.str()).str();
}

/// The Page objects and their content streams, children of `page_tree`; returns them in
/// order. A page's signature widgets (`form`) go in its /Annots.
std::vector<ObjNum> add_pages(PdfFile& file, const Prepared& s, ObjNum page_tree, const SharedRefs& refs,
                              const FormObjects& form) {
  std::vector<ObjNum> pages;
  pages.reserve(s.pages.size());
  for (std::size_t k = 0; k < s.pages.size(); ++k) {
    const PreparedPage& page = s.pages[k];
    const ObjNum content = file.reserve(), p = file.reserve();
    file.write_stream(content, Dict().name("Filter", "FlateDecode").entries(), page.content.bytes());
    Dict d;
    d.name("Type", "Page")
        .ref("Parent", page_tree)
        .raw("MediaBox", Array().integer(0).integer(0).real(to_pt(page.width)).real(to_pt(page.height)).str())
        .raw("Resources", page_resources(s, k, refs))
        .ref("Contents", content);
    if (!form.page_annots[k].empty()) {
      Array annots;
      for (const ObjNum w : form.page_annots[k]) annots.ref(w);
      d.raw("Annots", annots.str());
    }
    file.write_object(p, d.str());
    pages.push_back(p);
  }
  return pages;
}

}  // namespace

std::vector<char> write_pdf(const layout::PagedDocument& doc, const shape::FontSet& fonts, const Metadata& meta) {
  if (!meta.unissued) return write_pdf(doc, prepare(doc, fonts), meta);
  Metadata with_slots = meta;
  with_slots.issue_slots = issue_slots(doc, fonts);
  if (with_slots.issue_slots.empty())
    throw std::runtime_error(tr("--unissued: page 1 has no blank number or date (the style's number and date formats need {number}, {day}, {month}, {year})"));
  std::vector<shape::GlyphTexts> texts = doc.glyph_texts;
  const std::vector<layout::TextRun> digits = issue_digit_runs(with_slots.issue_slots, texts);
  return write_pdf(doc, prepare(doc, fonts, digits, &texts), with_slots);
}

std::vector<char> write_pdf(const layout::PagedDocument& doc, const Prepared& s, const Metadata& meta) {
  PdfFile file;
  file.reserve_bytes(size_estimate(s, doc.pages.size() + doc.outline.size()));

  const ObjNum catalog = file.reserve(), page_tree = file.reserve(), info = file.reserve();
  const SharedRefs refs = write_shared(file, s, meta.pdfa_part);
  const std::vector<SignatureField> fields = meta.signature_fields ? signature_fields(doc) : std::vector<SignatureField>{};
  std::vector<std::size_t> issue_pages;
  for (const IssueSlot& slot : meta.issue_slots) issue_pages.push_back(slot.page);
  const FormObjects form = reserve_form(file, fields, doc.pages.size(), issue_pages);
  const std::vector<ObjNum> pages = add_pages(file, s, page_tree, refs, form);
  const std::string dr = meta.issue_slots.empty() ? std::string()
                                                  : write_issue_fields(file, meta.issue_slots, form.extra, pages, doc, s, refs);
  write_form(file, fields, form, pages, dr);
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
  if (form.acroform != 0) c.ref("AcroForm", form.acroform);
  if (meta.pdfa_part != 0) {
    const PdfaObjects a = add_pdfa_objects(file, meta);
    c.ref("Metadata", a.metadata).raw("OutputIntents", Array().ref(a.output_intent).str());
  }
  if (meta.pdfa_part == 3 && !meta.sources.empty()) {
    const AttachmentEntries e = add_attachments(file, meta.sources);
    c.raw("Names", e.names).raw("AF", e.af);
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
