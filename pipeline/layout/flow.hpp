#pragma once
/// The flow: a document turned into a list of blocks of set lines (the output
/// of line breaking), each with what the page builder needs to know: spacing,
/// whether it may be split, whether it keeps with the next block.
#include <optional>
#include <string>
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/layout/paragraph.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::layout {

/// One block of the flow.
struct FlowBlock {
  enum class Kind { Header, Title, PartHeading, Heading, Paragraph, ListItem, Quote, TableRow, Closing };
  Kind kind = Kind::Paragraph;
  std::vector<SetLine> lines;  ///< each line is one line box of height `leading`
  Sp leading = 0;
  Sp baseline = 0;             ///< from the top of a line box to its baseline
  Sp x = 0;                    ///< offset from the left text edge
  Sp space_before = 0, space_after = 0;
  bool keep_with_next = false;
  bool keep_with_previous = false;  ///< never first on a page (the closing block keeps the body's last lines)
  bool break_before = false;   ///< starts a new page (`page-break`)
  bool splittable = false;     ///< may break between lines (at least 2 lines stay on each side)
  int header_block = -1;       ///< table rows: the header row to repeat at the top of a new page
  std::string anchor;          ///< when set, where the block lands is recorded under this name
  /// Fixed material drawn relative to the block's top-left (header grid, rules); its height.
  std::vector<TextRun> fixed_runs;
  std::vector<Rule> fixed_rules;
  std::vector<Image> fixed_images;
  Sp fixed_height = 0;
  std::optional<OutlineEntry> outline;  ///< headings: title and level (page/y filled when placed)
  SourcePos pos;
  bool emergency = false, overfull = false;
  Sp anchor_x = 0, anchor_width = 0;  ///< the anchored part of a fixed group (e.g. the signature column)
};

/// The whole flow, in reading order.
struct Flow {
  std::vector<FlowBlock> blocks;
};

/// The fonts of the style's family (or its first installed fallback), added to `fonts`.
/// Throws an Error at `where` when no listed family has all four faces.
shape::Family load_family(const style::Style& style, shape::FontSet& fonts, const SourcePos& where);

/// Sets every block of `doc`: header grid, title block, headings, paragraphs, lists.
/// Warnings (loose fallback lines, words split) go to `diags`.
Flow build_flow(const content::Document& doc, const style::Style& style, const shape::Family& family,
                shape::Shaper& shaper, Diagnostics& diags);

/// Breaks the flow into pages (taking it: its lines' glyph runs move into the pages) (headings keep with the next block; no paragraph
/// leaves a single line at the foot or head of a page) and adds page numbers.
PagedDocument break_pages(Flow flow, const style::Style& style, const shape::Family& family,
                          shape::Shaper& shaper);

/// Stable text form of the flow's lines (`vanban build --dump=lines`).
std::string dump_lines(const Flow& flow);

/// Stable text form of the pages (`vanban build --dump=pages`).
std::string dump_pages(const PagedDocument& doc);

}  // namespace vanban::layout
