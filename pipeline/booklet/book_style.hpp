#pragma once
/// A booklet style (styles/so-tay-a5.yaml): the page, sizes and book furniture of a booklet.
/// It overrides what makes a page (its size, margins, the body size and every size scaled
/// with it); each document keeps its own regime's conventions (header grid, title block,
/// heading labels, closing) from its own style. See docs/styles.md, "Booklet styles".
#include <string>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/units.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::booklet {

/// A text of the cover, contents or furniture: size, weight, slant.
struct Look {
  Sp size = 0;
  bool bold = false, italic = false;
};

/// Where page numbers go.
enum class NumberPlace { Outer, Center };

/// A booklet style.
struct BookStyle {
  std::string name, file;
  Sp width = 0, height = 0;
  Sp top = 0, bottom = 0, inner = 0, outer = 0;  ///< margins; inner is at the spine
  Sp body_size = 0;    ///< the documents' body size; their other sizes are scaled alike
  Sp min_size = 0;     ///< no scaled size goes below this
  Look number;         ///< page numbers
  NumberPlace number_place = NumberPlace::Outer;
  Sp number_baseline = 0;     ///< from the top edge
  bool front_roman = true;    ///< cover and contents numbered i, ii, … (else not numbered)
  bool running_head = true;
  Look head;                  ///< running heads
  Sp head_baseline = 0;       ///< from the top edge
  std::string contents_title = "MỤC LỤC";
  Look contents_heading;      ///< the contents' title
  Look contents_document;     ///< a document's line
  Look contents_entry;        ///< a heading's line
  int contents_depth = 1;     ///< deepest heading level listed (0: parts, 1: "I-", ...)
  Sp contents_indent = 0;     ///< per level
  Sp contents_leading = 0;    ///< baseline to baseline, for the contents' size
  Look cover_parent, cover_issuer, cover_title, cover_line, cover_foot;
  std::string cover_foot_format = "{place}, tháng {month} năm {year}";
  Sp cover_image_width = 0;
  /// The page as the documents' layout takes it: inner margin left on odd pages (mirrored).
  style::PageGeometry page() const;
};

/// Loads `name_or_path` (looked up as `<styles_dir>/<name>.yaml`, or a .yaml path relative
/// to `base_dir`); `where` names it. Throws vanban::Error at the first problems found.
BookStyle load_book_style(const std::string& name_or_path, const std::string& styles_dir, const std::string& base_dir,
                          const SourcePos& where);

/// `regime` (a document's own style) set on the booklet's page: page size and margins
/// (mirrored), every size scaled by body_size over the regime's body size (none below
/// min_size), lengths that follow the text width scaled with it; its own page numbers off
/// (the booklet numbers its pages). Labels, cases, alignments, marks and the header grid's
/// structure are kept as the regime has them.
style::Style adapt(style::Style regime, const BookStyle& book);

}  // namespace vanban::booklet
