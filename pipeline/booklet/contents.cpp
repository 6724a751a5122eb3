// The contents ("MỤC LỤC"): one line per document and per heading down to the style's
// depth, the title broken within its own measure, dot leaders from its last line to a
// column of right-aligned page numbers. An entry is never split across pages.
#include <algorithm>

#include "pipeline/booklet/setter.hpp"

namespace vanban::booklet::detail {

namespace {

/// The contents being set: the current page and baseline.
struct Sheet {
  std::vector<layout::Page> pages;
  Sp y = 0;
};

/// A run of dots from `from` to `to` (page coordinates), on a grid so that the dots of every
/// line stand in columns.
layout::TextRun leader(const Setter& set, const Look& look, Sp left, Sp from, Sp to, Sp y) {
  Sp w = 0;
  layout::TextRun dot = set.line(".", look, w);
  const Sp step = std::max<Sp>(2 * w, pt(3));
  layout::TextRun run = dot;
  run.glyphs.clear();
  run.text.clear();
  run.x = left + ((from - left) / step + 1) * step;  // (the run starts at its first dot)
  run.y = y;
  const auto gid = dot.glyphs.empty() ? 0u : dot.glyphs.front().gid;
  for (Sp x = 0; run.x + x + w <= to; x += step) {
    run.glyphs.push_back(layout::place_glyph(gid, x, 0));
    run.text += '.';
  }
  return run;
}

}  // namespace

std::vector<layout::Page> contents_pages(const std::vector<ContentsEntry>& entries, const BookStyle& st,
                                         const Setter& set) {
  const style::PageGeometry geometry = st.page();
  const Sp leading = st.contents_leading;
  Sp numbers_width = 0;
  set.line("0000", st.contents_entry, numbers_width);  // the column holds four digits
  Sheet sheet;
  const auto new_page = [&] {
    layout::Page p;
    p.width = st.width;
    p.height = st.height;
    sheet.pages.push_back(std::move(p));
    sheet.y = st.top + leading;
  };
  new_page();
  // The title, centred, then a blank line.
  sheet.y = place(sheet.pages.back(), set.lines(st.contents_title, st.contents_heading, geometry.text_width(), style::Align::Center),
                  geometry.left_of(2), st.top + st.contents_heading.size, pitch(st.contents_heading.size)) + leading / 2;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ContentsEntry& e = entries[i];
    const Look& look = e.level < 0 ? st.contents_document : st.contents_entry;
    const Sp indent = st.contents_indent * (e.level < 0 ? 0 : e.level + 1);
    const Sp measure = geometry.text_width() - indent - numbers_width - pt(6);
    std::vector<layout::SetLine> lines = set.lines(e.title, look, measure, style::Align::Left);
    if (lines.empty()) continue;
    if (e.level < 0 && i > 0) sheet.y += leading / 2;  // a document's line stands apart
    const Sp last = sheet.y + leading * static_cast<Sp>(lines.size() - 1);
    if (last > st.height - st.bottom) new_page();
    const std::size_t index = 2 + sheet.pages.size() - 1;  // (contents start on the third page)
    const Sp left = geometry.left_of(index), right = left + geometry.text_width();
    const Sp end = left + indent + lines.back().natural;
    layout::Page& page = sheet.pages.back();
    const Sp baseline = place(page, std::move(lines), left + indent, sheet.y, leading) - leading;
    if (!e.number.empty()) {
      Sp w = 0;
      layout::TextRun number = set.line(e.number, look, w);
      number.x = right - w;
      number.y = baseline;
      layout::TextRun dots = leader(set, look, left, end + pt(3), number.x - pt(3), baseline);
      if (!dots.glyphs.empty()) page.runs.push_back(std::move(dots));
      page.runs.push_back(std::move(number));
    }
    sheet.y = baseline + leading;
  }
  return std::move(sheet.pages);
}

}  // namespace vanban::booklet::detail
