#pragma once
/// The styled document: a Document with its style applied, as plain values. Every text is
/// final (numbering labels, case, `{name}` templates, list markers, the header grid's and
/// the closing row's texts) and every span knows its size, weight and slant; what is left
/// to layout is to shape, break and place. Layout reads only this and never the Document.
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/units.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::resolve {

using style::Align;

/// A run of text as it will be set: the style's case applied, its size, weight, slant.
struct Span {
  std::string text;  ///< UTF-8, NFC
  Sp size = 0;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  bool whole = false;  ///< never broken inside, nor from what follows it (a contact field and its label)
};

/// A paragraph (or one cell, one column line) to break into lines.
struct Paragraph {
  std::vector<Span> spans;
  Sp size = 0;                 ///< the size its line pitch follows
  Align align = Align::Justify;
  Sp indent = 0;               ///< first-line indent (justify/left only)
  SourcePos pos;               ///< where its diagnostics point
};

/// A bookmark's title and nesting level (0 = part).
struct Outline {
  std::string title;
  int level = 0;
};

/// A column width: a length, or a weight in the share of what the lengths leave.
struct ColumnWidth {
  bool absolute = false;
  Sp length = 0;      ///< absolute: the width
  double value = 1;   ///< the number as written (a weight when not absolute)
};

/// A table: every row has one cell per column (missing cells are empty).
struct Table {
  std::vector<Paragraph> header;            ///< empty: no header row
  std::vector<std::vector<Paragraph>> rows;
  std::vector<ColumnWidth> widths;          ///< one per column
  Sp padding = 0, rule = 0;
};

/// A block of the body, in reading order.
struct Block {
  /// Addressees: "Kính gửi:" (paragraphs[0]) and the addressees, aligned under its colon.
  enum class Kind { PartHeading, Heading, Paragraph, ListItem, Quote, Table, PageBreak, Addressees };
  Kind kind = Kind::Paragraph;
  /// Set into one block at one pitch: one paragraph; a part heading: its label, then its title.
  std::vector<Paragraph> paragraphs;
  Sp size = 0;              ///< the size the block's line pitch follows
  Sp left = 0, right = 0;   ///< indents of the whole block from the text's edges
  Sp space_before = 0, space_after = 0;
  bool keep_with_next = false;
  bool splittable = false;  ///< may break between lines
  bool restart_page_numbers = false;  ///< an appendix's heading: its pages are numbered from 1 (NĐ 30)
  std::optional<Outline> outline;
  Table table;              ///< Table
  SourcePos pos;
};

/// A marking (DỰ THẢO, MẬT, KHẨN ...), centred in its column.
struct Mark {
  Span text;
  bool frame = false;
  Sp width = 0, height = 0;  ///< a stamp's fixed frame; 0: the frame fits the text
  style::Rgb color;          ///< of the text and the frame
};

/// The two-column header grid of the first page (conventions §2–3).
struct HeaderGrid {
  Sp left_width = 0;                 ///< the right column takes the rest of the text width
  Sp line_gap = 0, title_gap = 0;
  Sp rule_thickness = 0;             ///< of a mark's frame and the issuer's rule
  std::vector<Mark> top_marks;       ///< above the right column
  std::optional<Span> parent;        ///< superior body
  Span issuer;
  std::optional<Span> issuer_mark;   ///< "*" under the issuer
  double issuer_rule = 0;            ///< rule under the issuer, as a fraction of its width
  std::vector<Span> national;        ///< right column lines
  Sp national_rule = 0;              ///< rule under the last one
  Sp national_rule_offset = 0;       ///< its centre below that line's baseline; 0: a quarter of the size
  Span number;                       ///< "Số 12-BC/ĐU" (or its blank form)
  std::vector<Paragraph> under_number;  ///< letter form: "V/v …", centred under the number
  Sp under_number_gap = 0;           ///< between the number and that summary
  std::vector<Mark> left_marks;      ///< under the number
  Span date;                         ///< place and date (or their blank form)
  SourcePos pos;
  SourcePos parent_pos, issuer_pos, place_pos;  ///< those fields, for the page invariants' messages
};

/// The centred title block under the header: type name, title, subtitles, short rule.
struct TitleBlock {
  std::vector<Paragraph> lines;
  Sp rule_width = 0;
  double rule_fraction = 0;  ///< or: a rule this fraction of the last line's width
  Sp rule_thickness = 0;
  Sp space_after = 0;
};

/// The signature block (ô 7), in the right column of the closing row.
struct Signature {
  std::optional<Paragraph> authority, title, name;
  std::string image;       ///< as written in the document; empty: none
  std::string image_path;  ///< the file, found from the document folder
  SourcePos image_pos;
  Sp space = 0;            ///< blank room for the signature
  SourcePos pos;
};

/// The last row: "Nơi nhận:" and its list on the left, the signature on the right.
struct Closing {
  Sp left_width = 0;
  Sp space_before = 0;
  std::vector<Paragraph> recipients;  ///< the label, then the items; empty: none
  std::optional<Signature> signature;
  std::optional<Signature> left_signature;  ///< minutes: the secretary, in the recipients' column
  /// Box 12 (NĐ 30 Phụ lục I, mục III.3): "PL.(300)", at the left under the recipients, in
  /// the recipients' item style (11 pt upright in the State style).
  std::optional<Paragraph> drafter;
};

/// Box 13 (NĐ 30, Phụ lục I, ô 13): the organisation's contact details at the foot of the
/// first page, under a rule across the text width; page 1's text ends above it.
struct ContactFooter {
  std::vector<Paragraph> lines;  ///< the address, then the other fields joined
  Sp rule = 0;                   ///< the rule's thickness
  Sp gap = 0;                    ///< from the rule to the top of the first line
  Sp space_before = 0;           ///< at least this between page 1's text and the rule
};

/// Page numbers, centred in the top margin.
struct PageNumbers {
  bool show = false;
  int first_page = 2;  ///< 1-based
  Sp size = 0;
  bool bold = false, italic = false;
  Sp baseline = 0;     ///< from the top edge
};

/// The numbers of the page and of line setting that layout needs from the style.
struct Geometry {
  style::PageGeometry page;
  Sp body_size = 0, body_leading = 0;  ///< other sizes' pitch is the body's leading, scaled
  double space_stretch = 0.5, space_shrink = 0.33, tolerance = 1.0;
  PageNumbers page_numbers;
};

/// The organisation's signature field of an attachment issued as a file of its own (NĐ 30,
/// Phụ lục I, III.1.d: top right of the first page; no image; number and symbol, signing
/// time). Layout puts it at the right margin, centred in the top margin of page 1.
struct AttachmentField {
  std::string name;   ///< "attachment-1": the PDF writer makes a field of every anchor so named
  std::string label;  ///< the number and symbol it shows, "36/QĐ-UBND" (the field's /TU, read by `sign`)
  Sp width = 0, height = 0;
};

/// The whole styled document.
struct StyledDocument {
  Geometry geometry;
  HeaderGrid header;
  TitleBlock title;
  std::vector<Block> body;
  std::optional<Closing> closing;
  std::optional<ContactFooter> contact;  ///< box 13, first page only
  /// After the closing block: each appendix starts with a page break, then its heading.
  std::vector<Block> appendices;
  /// An attachment issued as its own file: no header grid (`header` is left empty), no
  /// title block, no closing; its heading opens `body`. Set when the style gives the field
  /// a size (`forms.appendix.field-width`, `field-height`); `attachment` says the form.
  std::optional<AttachmentField> attachment_field;
  bool attachment = false;
};

}  // namespace vanban::resolve
