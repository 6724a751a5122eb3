#pragma once
/// What the parts of the flow builder share (flow.cpp walks the body; front_matter.cpp,
/// table.cpp and closing.cpp set the fixed groups): the page geometry, the fonts, the flow
/// so far, and the small setting helpers. Internal to layout.
#include <vector>

#include "pipeline/layout/deferred.hpp"
#include "pipeline/layout/flow.hpp"

namespace vanban::layout {

/// Where the first baseline sits in a line box: the text's em box centred in the
/// leading, with the baseline 0.8 em below the top of the em box.
inline Sp baseline_in(Sp leading, Sp size) { return (leading - size) / 2 + size * 4 / 5; }

/// The state of one flow being built.
struct FlowBuilder {
  const resolve::Geometry& geo;
  const shape::Family& family;
  shape::Shaper& shaper;
  Diagnostics& diags;
  Flow flow;
  DeferredParagraphs deferred;
  bool page_break = false;  ///< the next block starts a new page

  /// Line pitch for text of another size than the body: the body's leading, scaled.
  Sp leading_for(Sp size) const {
    return size == geo.body_size ? geo.body_leading : geo.body_leading * size / geo.body_size;
  }
  /// The text width of the page.
  Sp text_width() const { return geo.page.text_width(); }

  /// A span as a font run: the family's face for its weight and slant (its text moves).
  StyledText styled(resolve::Span& span) const;
  /// Every span of `spans` as font runs (their texts move).
  std::vector<StyledText> styled(std::vector<resolve::Span>& spans) const;
  /// How a paragraph of this document is set in `measure`.
  ParagraphShape shape_of(Sp measure, Sp indent, style::Align align) const;
  /// Sets a paragraph at once; a word broken between characters is warned about here.
  SetParagraph set(const std::vector<StyledText>& parts, Sp measure, Sp indent, style::Align align,
                   const SourcePos& pos);

  /// Appends a block of set lines at `size`'s pitch (taking the pending page break).
  FlowBlock& add(FlowBlock::Kind kind, SetParagraph p, Sp size, const SourcePos& pos);
  /// Appends a fixed group (taking the pending page break).
  FlowBlock& add_fixed(FlowBlock g);

  /// One line of a fixed group, set at natural width and centred in [x, x + width); returns
  /// its width. Spaces are kept as typed (the blanks of "Số      -BC/ĐU" matter), so it is
  /// shaped whole.
  Sp fixed_line(std::vector<TextRun>& runs, const StyledText& t, Sp x, Sp width, Sp baseline, const SourcePos& pos);
  /// Wrapping text in a column from `top` (lines at `size`'s pitch); returns the bottom.
  /// `widest` receives the widest line's width.
  Sp column_text(std::vector<TextRun>& runs, const std::vector<StyledText>& parts, Sp x, Sp width, Sp top, Sp size,
                 style::Align align, const SourcePos& pos, Sp* widest = nullptr);
  /// Marks runs[first..] as setting the source field `field` at `pos` (a field without a
  /// place of its own is named at `fallback`), for the page invariants' messages.
  void tag(std::vector<TextRun>& runs, std::size_t first, const SourcePos& pos, const SourcePos& fallback,
           const char* field);
  /// column_text of a resolved paragraph (its size, alignment and place; its texts move).
  Sp column_text(std::vector<TextRun>& runs, resolve::Paragraph& p, Sp x, Sp width, Sp top);
};

/// The header grid of the first page (front_matter.cpp).
void set_header(FlowBuilder& fb, resolve::HeaderGrid& h);
/// A marking of the header from `top`, centred in [x, x + width): a stamp of its fixed size,
/// a frame fitted to its text, or plain text, in its colour; returns its bottom (stamps.cpp).
Sp set_mark(FlowBuilder& fb, FlowBlock& g, resolve::Mark& m, Sp x, Sp width, Sp top, const resolve::HeaderGrid& h);
/// The title block under the header (front_matter.cpp).
void set_title(FlowBuilder& fb, resolve::TitleBlock& t);
/// A table: one fixed group per row, the header row repeated on each page (table.cpp).
void set_table(FlowBuilder& fb, resolve::Block& block);
/// The letter's summary under the number, centred in the left column from `top`; returns
/// the bottom (`top` when there is none) (letter.cpp).
Sp set_under_number(FlowBuilder& fb, FlowBlock& g, resolve::HeaderGrid& h, Sp top);
/// "Kính gửi:" and its addressees, aligned under the colon (letter.cpp).
void set_addressees(FlowBuilder& fb, resolve::Block& block);
/// The closing row: recipients and signature (closing.cpp).
void set_closing(FlowBuilder& fb, resolve::Closing& c);
/// Box 13: the rule and the contact lines, as the flow's first-page footer (contact.cpp).
void set_contact(FlowBuilder& fb, resolve::ContactFooter& c);
/// An attachment's signature field, as an anchor on page 1 (attachment_field.cpp).
void set_attachment_field(FlowBuilder& fb, const resolve::AttachmentField& f);

}  // namespace vanban::layout
