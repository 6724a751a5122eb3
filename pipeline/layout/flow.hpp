#pragma once
/// The flow: a styled document turned into a list of blocks of set lines (the output
/// of line breaking), each with what the page builder needs to know: spacing,
/// whether it may be split, whether it keeps with the next block.
#include <optional>
#include <string>
#include <vector>

#include "pipeline/layout/paragraph.hpp"
#include "pipeline/resolve/styled.hpp"

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
  bool restart_numbers = false;  ///< the page it starts on is numbered 1 (an appendix)
  bool splittable = false;     ///< may break between lines (at least 2 lines stay on each side)
  int header_block = -1;       ///< table rows: the header row to repeat at the top of a new page
  std::string anchor;          ///< when set, where the block lands is recorded under this name
  /// Fixed material drawn relative to the block's top-left (header grid, rules); its height.
  std::vector<TextRun> fixed_runs;
  std::vector<Rule> fixed_rules;
  std::vector<Image> fixed_images;
  std::vector<Frame> fixed_frames;
  Sp fixed_height = 0;
  /// Where a fixed group may be cut between pages: ascending offsets in (0, fixed_height).
  /// The material below a cut continues at the top of the next page (the recipients' list
  /// below the signature block); empty: the group is never cut.
  std::vector<Sp> cuts;
  std::optional<OutlineEntry> outline;  ///< headings: title and level (page/y filled when placed)
  SourcePos pos;
  bool emergency = false, overfull = false;
  Sp anchor_x = 0, anchor_width = 0;  ///< the anchored part of a fixed group (e.g. the signature column)
  /// Named rectangles inside the fixed material, relative to the block's top-left (the room
  /// left for a signature): recorded in PagedDocument::anchors with the page they land on.
  std::vector<Anchor> fixed_anchors;
};

/// The whole flow, in reading order.
struct Flow {
  std::vector<FlowBlock> blocks;
  /// The source fields of fixed runs (TextRun::source - 1): place and field name.
  std::vector<std::pair<SourcePos, std::string>> sources;
  /// Box 13, the contact footer: a fixed group at the foot of the first page's text area,
  /// which shrinks by its height and `space_before`.
  std::optional<FlowBlock> first_page_footer;
  /// Anchors of page 1 outside the text area, in page coordinates (an attachment's
  /// signature field in the top margin).
  std::vector<Anchor> first_page_anchors;
};

/// Sets every block of `doc` (taking it: its texts move into the runs): header grid, title
/// block, headings, paragraphs, lists, tables, the closing row. Warnings (loose fallback
/// lines, words split) go to `diags`, in reading order; of several errors, the first in
/// reading order is thrown.
Flow build_flow(resolve::StyledDocument doc, const shape::Family& family, shape::Shaper& shaper, Diagnostics& diags);

/// The warnings of setting the header grid alone (a name taking more lines than the rules'
/// examples): what `vanban check`, which typesets nothing else, adds to its findings.
std::vector<Diagnostic> header_warnings(resolve::HeaderGrid header, const resolve::Geometry& geometry,
                                        const shape::Family& family, shape::Shaper& shaper);

}  // namespace vanban::layout
