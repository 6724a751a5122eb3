#pragma once
/// Setting the booklet's own texts (cover, contents, furniture) in the booklet's family.
#include <string>
#include <vector>

#include "pipeline/booklet/book_style.hpp"
#include "pipeline/booklet/booklet.hpp"
#include "pipeline/layout/paragraph.hpp"

namespace vanban::booklet::detail {

/// The family's faces and the shaper, with the two ways of setting a text.
struct Setter {
  const shape::Family& family;
  shape::Shaper& shaper;
  SourcePos where;  ///< where a text's problems are reported (the booklet.yaml)

  shape::FontId font(const Look& look) const { return family.face(shape::face_style(look.bold, look.italic)); }

  /// One line, unbroken, at x = y = 0; `width` receives its advance.
  layout::TextRun line(const std::string& text, const Look& look, Sp& width) const {
    const layout::StyledText t{text, font(look), look.size, false};
    layout::check_coverage({t}, shaper, where);
    return layout::set_run(t, shaper, width);
  }

  /// Lines of `text` broken to `measure` and aligned within it.
  std::vector<layout::SetLine> lines(const std::string& text, const Look& look, Sp measure, style::Align align) const {
    layout::ParagraphShape ps;
    ps.measure = measure;
    ps.align = align;
    return layout::set_paragraph({{text, font(look), look.size, false}}, ps, shaper, where).lines;
  }
};

/// Baseline-to-baseline distance for a size: 1.25 times it, as the documents' leading.
inline Sp pitch(Sp size) { return size + size / 4; }

/// Places `lines` with their first baseline at `y` and the left of their measure at `x`;
/// returns the baseline after the last line.
inline Sp place(layout::Page& page, std::vector<layout::SetLine> lines, Sp x, Sp y, Sp leading) {
  for (auto& l : lines) {
    for (auto& r : l.runs) {
      r.x += x;
      r.y += y;
      page.runs.push_back(std::move(r));
    }
    y += leading;
  }
  return y;
}

/// The cover page.
layout::Page cover_page(const Booklet& b, const BookStyle& st, const Setter& set);

/// One line of the contents: a document (level -1) or a heading (its outline level).
struct ContentsEntry {
  std::string title;
  int level = -1;
  std::size_t target = 0;  ///< page index the line points to (filled in once known)
  std::string number;      ///< the printed page number (filled in once known)
};

/// The contents pages: `entries` set with dot leaders and right-aligned numbers. The line
/// breaks do not depend on the numbers (they sit in a column of their own), so a first call
/// with no numbers gives the page count the numbers depend on.
std::vector<layout::Page> contents_pages(const std::vector<ContentsEntry>& entries, const BookStyle& st,
                                         const Setter& set);

}  // namespace vanban::booklet::detail
