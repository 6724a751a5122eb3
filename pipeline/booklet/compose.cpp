// The booklet put together: cover (page i), its blank back, the contents from page iii,
// then the documents, each from a right-hand page, numbered 1, 2, … across the booklet.
#include "pipeline/booklet/compose.hpp"

#include "pipeline/booklet/setter.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::booklet {

namespace {

using detail::ContentsEntry;

layout::Page blank(const BookStyle& st) {
  layout::Page p;
  p.width = st.width;
  p.height = st.height;
  return p;
}

/// The printed number of page `index`: roman for the front matter (when the style says so),
/// arabic from the first document on; empty for a page that carries none.
std::string printed_number(std::size_t index, std::size_t body_start, const BookStyle& st) {
  if (index >= body_start) return std::to_string(index - body_start + 1);
  if (!st.front_roman) return {};
  return style::apply_case(style::format_counter(style::Counter::Roman, static_cast<int>(index) + 1), style::Case::Lower);
}

/// Page number at the outer corner (or centred), and the running head, on one page.
void furnish(layout::Page& page, std::size_t index, const std::string& number, const std::string& head,
             const BookStyle& st, const detail::Setter& set) {
  const style::PageGeometry g = st.page();
  const Sp left = g.left_of(index), width = g.text_width();
  const bool recto = index % 2 == 0;  // (the cover is page 1, a right-hand page)
  if (!number.empty()) {
    Sp w = 0;
    layout::TextRun run = set.line(number, st.number, w);
    run.x = st.number_place == NumberPlace::Center ? left + (width - w) / 2 : recto ? left + width - w : left;
    run.y = st.number_baseline;
    page.runs.push_back(std::move(run));
  }
  if (!head.empty() && st.running_head) {
    Sp w = 0;
    layout::TextRun run = set.line(head, st.head, w);
    if (w > width) return;  // (a short title too long for the head is left out, not overprinted)
    run.x = left + (width - w) / 2;
    run.y = st.head_baseline;
    page.runs.push_back(std::move(run));
  }
}

/// The contents' lines: each document, and its headings down to the style's depth.
std::vector<ContentsEntry> contents_entries(const std::vector<LaidOut>& docs, int depth) {
  std::vector<ContentsEntry> out;
  for (const auto& d : docs) {
    out.push_back({d.title, -1, 0, {}});
    for (const auto& o : d.paged.outline)
      if (o.level <= depth) out.push_back({o.title, o.level, o.page, {}});
  }
  return out;
}

}  // namespace

Composition compose(const Booklet& booklet, const BookStyle& st, std::vector<LaidOut> documents,
                    const shape::Family& family, shape::Shaper& shaper) {
  const detail::Setter set{family, shaper, booklet.pos};
  Composition out;
  layout::PagedDocument& book = out.paged;
  book.pages.push_back(detail::cover_page(booklet, st, set));
  book.pages.push_back(blank(st));
  std::vector<ContentsEntry> entries;
  if (booklet.toc) {
    entries = contents_entries(documents, st.contents_depth);
    out.contents_pages = detail::contents_pages(entries, st, set).size();  // (numbers do not move lines)
  }
  // Where each document starts: the first right-hand page after what comes before it.
  std::size_t next = 2 + out.contents_pages;
  for (const auto& d : documents) {
    next += next % 2;
    out.starts.push_back(next);
    next += d.paged.pages.size();
  }
  const std::size_t body_start = out.starts.empty() ? next : out.starts.front();
  if (booklet.toc) {
    std::size_t doc = 0, first = 0;
    for (auto& e : entries) {
      if (e.level < 0) first = out.starts[doc++];
      e.target = first + (e.level < 0 ? 0 : e.target);
      e.number = printed_number(e.target, body_start, st);
    }
    for (auto& p : detail::contents_pages(entries, st, set)) book.pages.push_back(std::move(p));
  }
  book.outline.push_back({booklet.title.empty() ? booklet.issuer : booklet.title.front(), 0, 0, 0});
  if (booklet.toc) book.outline.push_back({st.contents_title, 1, 2, 0});
  for (std::size_t d = 0; d < documents.size(); ++d) {
    LaidOut& doc = documents[d];
    while (book.pages.size() < out.starts[d]) book.pages.push_back(blank(st));  // no number, no head
    book.outline.push_back({doc.title, 1, out.starts[d], 0});
    for (auto o : doc.paged.outline) {
      o.level += 2;
      o.page += out.starts[d];
      book.outline.push_back(std::move(o));
    }
    for (auto a : doc.paged.anchors) {
      a.page += out.starts[d];
      book.anchors.push_back(std::move(a));
    }
    for (std::size_t i = 0; i < doc.paged.pages.size(); ++i) {
      const std::size_t index = book.pages.size();
      layout::Page page = std::move(doc.paged.pages[i]);
      furnish(page, index, printed_number(index, body_start, st), i == 0 ? std::string() : doc.running_head, st, set);
      book.pages.push_back(std::move(page));
    }
  }
  for (std::size_t i = 2; i < body_start && i < 2 + out.contents_pages; ++i)
    furnish(book.pages[i], i, printed_number(i, body_start, st), {}, st, set);
  book.page_labels.push_back({0, st.front_roman ? layout::LabelStyle::RomanLower : layout::LabelStyle::None, 1});
  if (body_start < book.pages.size()) book.page_labels.push_back({body_start, layout::LabelStyle::Arabic, 1});
  return out;
}

}  // namespace vanban::booklet
