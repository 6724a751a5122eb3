#include <algorithm>
#include <string>

#include "pipeline/core/limits.hpp"
#include "pipeline/layout/flow.hpp"

namespace vanban::layout {
namespace {

/// One unit the page builder places: a line of a block, or a block's fixed group.
struct Element {
  std::size_t block = 0;
  std::size_t line = 0;  ///< index within the block (0 for a fixed group)
  Sp height = 0;
};

std::vector<Element> elements_of(const Flow& flow) {
  std::vector<Element> out;
  for (std::size_t b = 0; b < flow.blocks.size(); ++b) {
    const auto& block = flow.blocks[b];
    if (block.fixed_height > 0 || block.lines.empty()) {
      out.push_back({b, 0, block.fixed_height});
      continue;
    }
    for (std::size_t l = 0; l < block.lines.size(); ++l) out.push_back({b, l, block.leading});
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
  return block.splittable && e.line >= 2 && block.lines.size() - e.line >= 2;
}

/// Space above element `k` when it is not the first on its page.
Sp gap_before(const Flow& flow, const std::vector<Element>& els, std::size_t k) {
  if (els[k].line != 0) return 0;
  return flow.blocks[els[k - 1].block].space_after + flow.blocks[els[k].block].space_before;
}

}  // namespace

PagedDocument break_pages(Flow flow, const style::Style& st, const shape::Family& family,
                          shape::Shaper& shaper) {
  const auto els = elements_of(flow);
  const Sp avail = st.page.height - st.page.top - st.page.bottom;
  PagedDocument doc;

  std::size_t start = 0;
  while (start < els.size()) {
    if (doc.pages.size() == kMaxPages)  // pipeline/core/limits.hpp
      fail(flow.blocks[els[start].block].pos, "the document has more than " + std::to_string(kMaxPages) + " pages",
           "split it into several documents");
    // A table continued from the previous page repeats its header row first.
    const int repeat = els[start].line == 0 ? flow.blocks[els[start].block].header_block : -1;
    const Sp header_h = repeat >= 0 ? flow.blocks[static_cast<std::size_t>(repeat)].fixed_height : 0;

    // Fill the page as far as it goes, then back up to the last legal break.
    Sp y = header_h;
    std::size_t k = start;
    for (; k < els.size(); ++k) {
      if (k > start && els[k].line == 0 && flow.blocks[els[k].block].break_before) break;  // page-break
      const Sp gap = k == start ? 0 : gap_before(flow, els, k);
      if (k > start && y + gap + els[k].height > avail) break;
      y += gap + els[k].height;
    }
    std::size_t end = k;
    const bool forced = k < els.size() && els[k].line == 0 && flow.blocks[els[k].block].break_before;
    if (k < els.size() && !forced) {
      std::size_t j = k;
      while (j > start + 1 && !legal_break(flow, els, j)) --j;
      end = j > start + 1 || legal_break(flow, els, j) ? j : k;  // nothing legal: break where it overflowed
    }

    Page page;
    page.width = st.page.width;
    page.height = st.page.height;
    const std::size_t index = doc.pages.size();
    const Sp left = st.page.left_of(index);
    Sp top = st.page.top;
    auto place_fixed = [&](const FlowBlock& b) {
      for (TextRun r : b.fixed_runs) {
        r.x += left + b.x;
        r.y += top;
        page.runs.push_back(std::move(r));
      }
      for (Rule r : b.fixed_rules) {
        r.x += left + b.x;
        r.y += top;
        page.rules.push_back(r);
      }
      for (Image im : b.fixed_images) {
        im.x += left + b.x;
        im.y += top;
        page.images.push_back(std::move(im));
      }
    };
    if (repeat >= 0) {
      place_fixed(flow.blocks[static_cast<std::size_t>(repeat)]);
      top += header_h;
    }
    for (std::size_t e = start; e < end; ++e) {
      if (e > start) top += gap_before(flow, els, e);
      const FlowBlock& b = flow.blocks[els[e].block];
      if (els[e].line == 0 && b.outline) {
        OutlineEntry o = *b.outline;
        o.page = index;
        o.y = top;
        doc.outline.push_back(std::move(o));
      }
      if (els[e].line == 0 && !b.anchor.empty())
        doc.anchors.push_back({b.anchor, index, left + b.x + b.anchor_x, top, b.anchor_width, els[e].height});
      if (b.fixed_height > 0 || b.lines.empty()) {
        place_fixed(b);
      } else {
        // Lines are drawn once: their runs move into the page (a long document holds
        // millions of glyphs; copying them doubled the peak memory).
        for (TextRun& r : flow.blocks[els[e].block].lines[els[e].line].runs) {
          r.x += left + b.x;
          r.y = top + b.baseline;
          page.runs.push_back(std::move(r));
        }
      }
      top += els[e].height;
    }
    doc.pages.push_back(std::move(page));
    start = end;
  }

  // Page numbers, centred over the text in the top margin.
  const auto& pn = st.page_number;
  if (pn.show) {
    const shape::FontId font = family.face(shape::face_style(pn.text.bold, pn.text.italic));
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
      if (static_cast<int>(i) + 1 < pn.first_page) continue;
      Sp width = 0;
      TextRun r = set_run({std::to_string(i + 1), font, pn.text.size, false}, shaper, width);
      r.x = st.page.left_of(i) + (st.page.text_width() - width) / 2;
      r.y = pn.baseline;
      doc.pages[i].runs.push_back(std::move(r));
    }
  }
  return doc;
}

}  // namespace vanban::layout
