/// Page breaking: fill each page, then back up to the last legal break.
#include "pipeline/layout/page_break.hpp"

#include <algorithm>
#include <string>

#include "pipeline/core/i18n.hpp"
#include "pipeline/core/limits.hpp"

namespace vanban::layout {
namespace {

/// One unit the page builder places: a line of a block, or a block's fixed group, or a
/// piece of a fixed group between two of its cuts.
struct Element {
  std::size_t block = 0;
  std::size_t line = 0;  ///< index within the block (a line, or a fixed group's piece)
  Sp height = 0;
  Sp offset = 0;  ///< a fixed piece: its top within the group
};

std::vector<Element> elements_of(const Flow& flow) {
  std::vector<Element> out;
  for (std::size_t b = 0; b < flow.blocks.size(); ++b) {
    const auto& block = flow.blocks[b];
    if (block.fixed_height > 0 || block.lines.empty()) {
      Sp top = 0;
      std::size_t piece = 0;
      for (Sp cut : block.cuts) {
        out.push_back({b, piece++, cut - top, top});
        top = cut;
      }
      out.push_back({b, piece, block.fixed_height - top, top});
      continue;
    }
    for (std::size_t l = 0; l < block.lines.size(); ++l) out.push_back({b, l, block.leading, 0});
  }
  return out;
}

/// May the page break before element `j`? Headings keep with the next block; a
/// paragraph splits only with at least two of its lines on each side (no widow,
/// no orphan).
bool legal_break(const Flow& flow, const std::vector<Element>& els, std::size_t j) {
  const Element& e = els[j];
  if (e.line == 0) return !flow.blocks[els[j - 1].block].keep_with_next && !flow.blocks[e.block].keep_with_previous;
  const auto& block = flow.blocks[e.block];
  if (!block.cuts.empty()) return true;  // a fixed group's cut
  return block.splittable && e.line >= 2 && block.lines.size() - e.line >= 2;
}

/// Space above element `k` when it is not the first on its page.
Sp gap_before(const Flow& flow, const std::vector<Element>& els, std::size_t k) {
  if (els[k].line != 0) return 0;
  return flow.blocks[els[k - 1].block].space_after + flow.blocks[els[k].block].space_before;
}

/// Where the page that starts at element `start` ends (the first element of the next
/// page): as far as `avail` goes, then back to the last legal break, or at a page-break.
std::size_t page_end(const Flow& flow, const std::vector<Element>& els, std::size_t start, Sp header_h, Sp avail) {
  Sp y = header_h;
  std::size_t k = start;
  for (; k < els.size(); ++k) {
    if (k > start && els[k].line == 0 && flow.blocks[els[k].block].break_before) break;  // page-break
    const Sp gap = k == start ? 0 : gap_before(flow, els, k);
    if (k > start && y + gap + els[k].height > avail) break;
    y += gap + els[k].height;
  }
  const bool forced = k < els.size() && els[k].line == 0 && flow.blocks[els[k].block].break_before;
  if (k == els.size() || forced) return k;
  std::size_t j = k;
  while (j > start + 1 && !legal_break(flow, els, j)) --j;
  return j > start + 1 || legal_break(flow, els, j) ? j : k;  // nothing legal: break where it overflowed
}

/// The part of a fixed group's material `from` (runs, rules, frames or images) whose y
/// lies in the piece [offset, offset + height) (all of it for an uncut group), moved to
/// (left + block x, top) on `to`. A run's y is its baseline, so a line goes with its piece.
template <class T>
void place_piece(std::vector<T>& to, const std::vector<T>& from, const FlowBlock& b, const Element& e, Sp left,
                 Sp top) {
  const bool whole = b.cuts.empty();
  for (const T& item : from) {
    if (!whole && (item.y < e.offset || item.y >= e.offset + e.height)) continue;
    T copy = item;
    copy.x += left + b.x;
    copy.y += top - e.offset;
    to.push_back(std::move(copy));
  }
}

/// A block's fixed group (runs, rules, images), or the piece `e` of it, drawn on `page`
/// at (left + block x, top).
void place_fixed(Page& page, const FlowBlock& b, const Element& e, Sp left, Sp top) {
  place_piece(page.runs, b.fixed_runs, b, e, left, top);
  place_piece(page.rules, b.fixed_rules, b, e, left, top);
  place_piece(page.frames, b.fixed_frames, b, e, left, top);
  place_piece(page.images, b.fixed_images, b, e, left, top);
}

/// The height on this page of the block whose first element is `e` (the page ends before
/// `end`): a fixed group's pieces on this page, or one line.
Sp height_here(const std::vector<Element>& els, std::size_t e, std::size_t end) {
  Sp h = els[e].height;
  for (std::size_t k = e + 1; k < end && els[k].block == els[e].block && els[k].line != 0; ++k)
    if (els[k].offset > 0) h += els[k].height;
  return h;
}

}  // namespace

PagedDocument break_pages(Flow flow, const style::PageGeometry& geometry) {
  const auto els = elements_of(flow);
  const Sp avail = geometry.height - geometry.top - geometry.bottom;
  PagedDocument doc;
  doc.sources = std::move(flow.sources);
  for (std::size_t start = 0; start < els.size();) {
    if (doc.pages.size() == kMaxPages)  // pipeline/core/limits.hpp
      fail(flow.blocks[els[start].block].pos, tr("the document has more than {} pages", kMaxPages),
           tr("split it into several documents"));
    // A table continued from the previous page repeats its header row first.
    const int repeat = els[start].line == 0 ? flow.blocks[els[start].block].header_block : -1;
    const Sp header_h = repeat >= 0 ? flow.blocks[static_cast<std::size_t>(repeat)].fixed_height : 0;
    // Page 1 ends above the contact footer (box 13).
    const auto& footer = flow.first_page_footer;
    const Sp page_avail =
        doc.pages.empty() && footer ? avail - footer->fixed_height - footer->space_before : avail;
    const std::size_t end = page_end(flow, els, start, header_h, page_avail);

    Page page;
    page.width = geometry.width;
    page.height = geometry.height;
    page.restart_numbers = els[start].line == 0 && flow.blocks[els[start].block].restart_numbers;
    const std::size_t index = doc.pages.size();
    const Sp left = geometry.left_of(index);
    Sp top = geometry.top;
    if (repeat >= 0) {
      place_fixed(page, flow.blocks[static_cast<std::size_t>(repeat)], Element{}, left, top);
      top += header_h;
    }
    for (std::size_t e = start; e < end; ++e) {
      if (e > start) top += gap_before(flow, els, e);
      FlowBlock& b = flow.blocks[els[e].block];
      if (els[e].line == 0 && b.outline) {
        OutlineEntry o = *b.outline;
        o.page = index;
        o.y = top;
        doc.outline.push_back(std::move(o));
      }
      if (els[e].line == 0 && !b.anchor.empty())
        doc.anchors.push_back({b.anchor, index, left + b.x + b.anchor_x, top, b.anchor_width, height_here(els, e, end)});
      if (els[e].line == 0)
        for (const Anchor& a : b.fixed_anchors)
          doc.anchors.push_back({a.name, index, left + b.x + a.x, top + a.y, a.width, a.height});
      if (b.fixed_height > 0 || b.lines.empty()) {
        place_fixed(page, b, els[e], left, top);
      } else {
        // Lines are drawn once: their runs move into the page (a long document holds
        // millions of glyphs; copying them doubled the peak memory).
        for (TextRun& r : b.lines[els[e].line].runs) {
          r.x += left + b.x;
          r.y = top + b.baseline;
          page.runs.push_back(std::move(r));
        }
      }
      top += els[e].height;
    }
    if (doc.pages.empty() && footer) place_fixed(page, *footer, Element{}, left, geometry.top + avail - footer->fixed_height);
    if (doc.pages.empty())
      for (Anchor& a : flow.first_page_anchors) doc.anchors.push_back(std::move(a));
    doc.pages.push_back(std::move(page));
    start = end;
  }
  return doc;
}

}  // namespace vanban::layout
