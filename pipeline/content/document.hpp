#pragma once
/// The Document: what a content folder says, as plain values, after loading.
/// Text is NFC, variables are substituted, inline markup is split into spans.
/// Nothing here knows about styles, fonts or pages.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"

namespace vanban::content {

/// A run of text with one inline style (`**bold**`, `*italic*`, `***both***`).
struct Span {
  std::string text;  ///< UTF-8, NFC, variables already substituted
  bool bold = false;
  bool italic = false;
  bool operator==(const Span&) const = default;
};

/// Inline text: spans in order, and where the source string starts.
struct Text {
  std::vector<Span> spans;
  SourcePos pos;
  /// The plain characters of all spans, markup removed.
  std::string plain() const;
  bool empty() const { return spans.empty(); }
};

struct Block;

/// One item of a list: its own text, and blocks nested under it (may be empty).
struct ListItem {
  Text text;
  std::vector<Block> children;
};

/// A column width as written: a bare number is a relative weight ("2"), a length is
/// absolute ("30mm", "12pt"). Both may be mixed in one table: the lengths are taken
/// first and the weights share what is left. The loader accepts only values above 0.
struct ColumnWidth {
  double value = 1;
  std::string unit;  ///< "" (weight), "mm" or "pt"
  SourcePos pos;
};

/// A table: a header row, body rows, column widths; cells are inline text.
struct Table {
  std::vector<Text> columns;              ///< header cells (may be empty: no header row)
  std::vector<std::vector<Text>> rows;    ///< every row has columns.size() cells (or the first row's count)
  std::vector<ColumnWidth> widths;        ///< empty: equal weights; else one per column
  std::vector<std::string> align;         ///< empty: the style's; else left|center|right per column (body rows)
};

/// A body block.
struct Block {
  enum class Kind { Paragraph, List, Table, Quote, PageBreak };
  Kind kind = Kind::Paragraph;
  Text text;                    ///< Paragraph, Quote
  std::string marker = "-";     ///< List: "-", "+", "•", "a)", "1."
  std::vector<ListItem> items;  ///< List
  std::string align;            ///< Paragraph: left|center|right|justify; empty = the style's
  std::optional<bool> indent;   ///< Paragraph: first-line indent; unset = the style's
  Table table;                  ///< Table
  SourcePos pos;
};

/// A section; its number is derived from nesting by the style, never typed.
struct Section {
  Text title;
  bool numbered = true;
  std::vector<Block> body;
  std::vector<Section> sections;
  SourcePos pos;
};

/// A part ("Phần thứ nhất"): one part file.
struct Part {
  Text title;
  std::vector<Block> body;
  std::vector<Section> sections;
  std::string file;  ///< path of the part file, for messages
  SourcePos pos;     ///< the part file's start (the `body:` key of a one-file document)
};

/// An appendix (phụ lục) after the closing block: its own title, body and sections.
struct Appendix {
  Text title;
  Text of;                      ///< "Ủy ban nhân dân xã …": whose document it is attached to (may be empty)
  std::vector<Block> body;
  std::vector<Section> sections;
  SourcePos pos;
};

/// What an attachment issued as a file of its own (`kind: phu-luc`, NĐ 30 Phụ lục I,
/// III.1.d) is attached to. The main document's number, code, date and issuer are the
/// attachment's own `header`; this says the rest of its "(Kèm theo …)" line.
struct AttachedTo {
  std::string kind;   ///< the main document's kind, "quyet-dinh": "(Kèm theo Quyết định …)"
  Text of;            ///< "Chủ tịch Ủy ban nhân dân xã …" for "của …" (may be empty)
  int appendix = 0;   ///< its number among the main document's appendices ("Phụ lục II"); 0: "Phụ lục"
  SourcePos pos;      ///< the `attached_to` key
  SourcePos kind_pos; ///< where `kind`'s value is (unset without one)
};

/// A calendar date as written in the document.
struct Date {
  int year = 0, month = 0, day = 0;
};

/// The header boxes of the first page.
struct Header {
  std::string parent;               ///< superior body, may be empty
  std::string issuer;               ///< issuing body (required)
  std::optional<int> number;        ///< absent: blank left for hand numbering
  std::string code;                 ///< ký hiệu, e.g. "BC/ĐU"
  std::string place;                ///< may be empty (then a placeholder is printed)
  std::optional<Date> date;         ///< absent: "ngày ... tháng ... năm ..."
  std::vector<std::string> marks;   ///< du-thao, mat, khan, ...
  SourcePos pos;
  SourcePos code_pos;                     ///< where `code`'s text starts (unset without a code)
  SourcePos parent_pos, issuer_pos, place_pos;  ///< where those fields' texts start (unset when absent)
  std::vector<SourcePos> mark_places;     ///< where each entry of `marks` is, in the same order
};

/// The signature block (ô 7).
struct Signature {
  std::string authority;  ///< "T/M BAN CHẤP HÀNH"
  std::string title;      ///< "Bí thư"
  std::string name;
  std::string image;      ///< path relative to the document folder, may be empty
  SourcePos pos;
  SourcePos image_pos;      ///< where `image`'s text starts (unset without one)
  SourcePos authority_pos;  ///< where `authority`'s text starts (unset without one)
};

/// Box 12 (NĐ 30 Phụ lục I, mục III.3): the drafter's initials and the number of copies
/// issued, printed "PL.(300)" under the recipients.
struct Drafter {
  std::string initials;  ///< upper-case letters, e.g. "PL"
  int copies = 0;        ///< 1 or more
  SourcePos pos;         ///< the `drafter` key
};

/// The organisation's contact details, printed at the foot of the first page (NĐ 30,
/// Phụ lục I, ô 13). Each field may be empty; at least one is set.
struct Contact {
  Text address, email, website, phone, fax;
  SourcePos pos;  ///< the `contact` key
};

/// A whole document, as loaded from its folder.
struct Document {
  std::string folder;          ///< the document folder
  std::string style = "dang";  ///< style name or path to a .yaml
  SourcePos style_pos;
  std::string kind;            ///< bao-cao, nghi-quyet, ...
  std::string status = "draft";
  Header header;
  Text title;
  std::vector<Text> subtitle;
  std::vector<Part> parts;     ///< a one-file document has one untitled part
  std::optional<Signature> signature;
  std::vector<Text> recipients;
  SourcePos kind_pos;            ///< where `kind`'s value is
  std::vector<Text> kinh_gui;    ///< letter form: "Kính gửi:" addressees
  Text authority;                ///< decision form: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …"
  std::vector<Text> can_cu;      ///< decision form: the legal bases, punctuation left to the style
  std::vector<Appendix> appendices;
  std::optional<AttachedTo> attached_to;  ///< an attachment issued as its own file: the main document
  std::optional<Signature> secretary;  ///< minutes: the second signature block, on the left
  std::optional<Drafter> drafter;      ///< box 12, when given
  std::optional<Contact> contact;      ///< box 13: address, e-mail, website, phone, fax
  std::optional<Date> created;  ///< `date` or none; used for PDF Info when set
  int placeholders = 0;         ///< count of placeholder runs (…, ...., etc.)
  /// Where each placeholder run is, in source order (document.yaml, then the parts).
  /// A run inside a variable's value is placed at the `{` of each use.
  std::vector<SourcePos> placeholder_places;
  /// What the loader warns about in a document it loaded (an invisible U+FEFF left out):
  /// `vanban check` lists them with its own findings.
  std::vector<Diagnostic> load_warnings;
  std::string file;             ///< document.yaml (or the one-file document), as given
  SourcePos pos;                ///< start of document.yaml's top map: where missing keys are reported
  std::map<std::string, std::string> variables;  ///< `variables:` as loaded (NFC)
};

}  // namespace vanban::content
