#pragma once
/// Styles: every number the conventions fix (page, margins, sizes, numbering
/// labels, header grid) read from styles/<name>.yaml. Code holds none of them.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/units.hpp"
#include "pipeline/source/file.hpp"

namespace vanban::style {

enum class Align { Left, Center, Right, Justify };
enum class Case { AsIs, Upper, Lower };

/// How one piece of text looks.
struct TextStyle {
  Sp size = 0;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  Case text_case = Case::AsIs;
  Align align = Align::Justify;
};

/// Page size and margins. `mirror` swaps left and right margins on even pages
/// (facing pages of a booklet); the engine's A4 reports leave it off.
struct PageGeometry {
  Sp width = 0, height = 0;
  Sp top = 0, bottom = 0, left = 0, right = 0;
  bool mirror = false;
  /// Left margin of page `index` (0-based).
  Sp left_of(std::size_t index) const { return mirror && index % 2 == 1 ? right : left; }
  Sp text_width() const { return width - left - right; }
};

/// Body paragraphs.
struct Body {
  TextStyle text;
  Sp leading = 0;          ///< baseline to baseline, exactly
  Sp indent = 0;           ///< first-line indent
  Sp paragraph_space = 0;  ///< added after each paragraph
  double space_stretch = 0.5;  ///< interword stretch as a fraction of the space width
  double space_shrink = 0.33;  ///< interword shrink as a fraction of the space width
  double tolerance = 1.0;      ///< Knuth–Plass tolerance (largest adjustment ratio) before the fallback
};

/// Numbering format of a level's counter.
enum class Counter { Arabic, Roman, Alpha, OrdinalWord };

/// One heading level: 0 = part, 1 = "I-", 2 = "1-", 3 = "1.1-", 4 = "a)".
struct HeadingLevel {
  Counter counter = Counter::Arabic;
  /// Label template: `{n}` = this level's counter; `{1}`..`{4}` = the counter of that level.
  std::string label;
  bool label_own_line = false;  ///< part: "Phần thứ nhất" on its own line, title below
  bool single_part = true;      ///< part: a document of one titled part prints its heading too
  std::string separator = " ";  ///< between label and title on one line
  TextStyle label_style;
  TextStyle title_style;
  Sp indent = 0;           ///< first-line indent of the heading (justify/left only)
  Sp space_before = 0;
  Sp space_after = 0;
};

/// Lists ("- item").
struct ListStyle {
  Sp indent = 0;  ///< indent of the marker from the text's left edge (items keep a word space after the marker)
};

/// Page numbers: centred in the top margin from `first_page` on.
struct PageNumber {
  bool show = true;
  int first_page = 2;  ///< 1-based page from which numbers are printed
  TextStyle text;
  Sp baseline = 0;     ///< from the top edge
};

/// The first-page header grid (two columns) and title block.
struct Header {
  Sp left_width = 0;            ///< left column width; the right column takes the rest
  TextStyle parent;             ///< superior body
  TextStyle issuer;             ///< issuing body
  std::string issuer_mark;      ///< "*" under the issuer (Party), empty for none
  double issuer_rule = 0;       ///< rule under the issuer, as a fraction of its text width (State); 0 = none
  TextStyle number;             ///< "Số 12-BC/ĐU"
  std::string number_format;    ///< "Số {number}-{code}"
  std::string number_blank;     ///< when no number: "Số      -{code}"
  int number_pad = 2;           ///< zero-pad numbers to this many digits
  std::vector<std::string> national;  ///< right column lines: "ĐẢNG CỘNG SẢN VIỆT NAM"
  std::vector<TextStyle> national_styles;
  Sp national_rule = 0;         ///< rule thickness under the last national line (as long as the line)
  Sp national_rule_offset = 0;  ///< from that line's baseline down to the rule's centre; 0: a quarter of its size
  TextStyle date;               ///< place and date line
  std::string date_format;      ///< "{place}, ngày {day} tháng {month} năm {year}"
  std::string date_blank;       ///< "{place}, ngày     tháng     năm 20…"
  std::string place_blank;      ///< printed when no place is given
  Sp line_gap = 0;              ///< extra space between header lines
  Sp title_gap = 0;             ///< space between the header grid and the title block
};

/// The centred title block under the header.
struct TitleBlock {
  TextStyle title;         ///< the type name line (or a title that starts with it)
  TextStyle summary;       ///< a title printed under the type name
  TextStyle subtitle;
  Sp rule_width = 0;       ///< short rule under the block; 0 = none
  double rule_fraction = 0;  ///< or: a rule this fraction of the last line's width
  Sp rule_thickness = 0;
  Sp space_after = 0;
};

/// Indented quotations.
struct QuoteStyle {
  Sp indent = 0;  ///< on both sides
  TextStyle text;
};

/// Tables: cell text, header row, padding and rules.
struct TableStyle {
  TextStyle text;
  TextStyle header;
  Sp padding = 0;
  Sp rule = 0;
  Sp space_after = 0;
};

/// The signature block (ô 7), to the right of the recipients.
struct SignatureStyle {
  Sp left_width = 0;  ///< the recipients' column
  TextStyle authority, title, name;
  Sp space = 0;        ///< blank room for the signature
  Sp space_before = 0;
  std::vector<std::string> authority_forms;  ///< T/M, K/T ... or TM., KT. ...
};

/// "Nơi nhận:" and its list (ô 9).
struct RecipientsStyle {
  std::string label;
  TextStyle label_style, item;
  std::string prefix;    ///< "- "
  std::string item_end;  ///< added to every item but the last when it has no final punctuation
  std::string last_end;  ///< added to the last item likewise
};

/// A colour in RGB, 0–255 a channel (written "#rrggbb" in a style).
struct Rgb {
  unsigned char r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

/// A marking: DỰ THẢO, MẬT, KHẨN ... (ô 10, 11).
struct Mark {
  std::string text;   ///< may hold `{n}` (a numbered mark: "Dự thảo lần {n}")
  TextStyle style;
  bool frame = false;
  std::string place;  ///< "left" (under the number) or "top-right" (above the right column)
  Sp width = 0, height = 0;  ///< a stamp's fixed frame (`box: [20mm, 8mm]`); 0: fitted to the text
  Rgb color;                 ///< of the text and the frame (stamps are red)
  std::string group;         ///< marks of one group exclude each other (secrecy, urgency, draft)
  int order = 0;             ///< marks stack in the order the style lists them, whatever the document's order
};

/// The stamp of each numbered copy (`vanban build --copies`, `--copies-from`): its wording
/// and its place, right-aligned at `right` from the page's right edge, baseline at
/// `baseline` from the top edge.
struct CopyStamp {
  std::string text = "Bản số {number}/{total}";  ///< `{number}` zero-padded to the digits of `{total}`
  std::string delegate = "Đại biểu: {name}";     ///< with --copies-from: `{name}`, `{number}`, `{total}`
  TextStyle style;                                ///< default: the body's size, upright
  Sp baseline = 0;                                ///< 0: half the top margin
  Sp right = 0;                                   ///< 0: the page's right margin
};

/// The contact footer of the first page (NĐ 30, Phụ lục I, ô 13): the organisation's
/// address, e-mail, website, phone and fax under a rule across the text width, at the
/// foot of page 1's text area. A style without `contact:` has none and refuses a document's.
struct ContactStyle {
  bool set = false;            ///< the style has `contact:`
  TextStyle text;              ///< 11–12 pt upright
  Sp rule = 0;                 ///< the rule's thickness
  Sp gap = 0;                  ///< from the rule to the top of the first line
  Sp space_before = 0;         ///< at least this much between page 1's text and the rule
  /// Labels put before each field ("Địa chỉ: ", "Điện thoại: ", …).
  std::string address, email, website, phone, fax;
  std::string separator = "; ";  ///< between the fields after the address, which has its own line
};

/// How a kind of document is laid out (docs/styles.md, `kinds:`).
enum class Form {
  Report,    ///< type name and summary in the title block, headings by nesting
  Decision,  ///< authority line, căn cứ list, enacting word, chapters and articles
  Letter,    ///< công văn: no title block, "V/v …" under the number, Kính gửi
  Minutes,   ///< like a report, signed by the secretary (left) and the chair (right)
  /// An attachment issued as a file of its own (NĐ 30 Phụ lục I, III.1.d): no header grid,
  /// no title block, no closing; the appendix heading, the body, and the organisation's
  /// signature field at the top right of page 1
  Attachment,
};

/// One kind of document of the regime: its type name, code(s) and form.
struct Kind {
  std::string name;                ///< type name, "QUYẾT ĐỊNH"; empty for a công văn
  std::vector<std::string> codes;  ///< type code(s) of the symbol, "QĐ"; empty: none
  Form form = Form::Report;
  bool title_block = true;         ///< the type name and summary are printed centred under the header
  std::string enacting;            ///< decision form: "QUYẾT ĐỊNH:"
  /// The addressees' label when it is not the letter form's "Kính gửi:" (a Party tờ trình
  /// sent upward: "Kính trình:"); empty: the letter form's.
  std::string kinh_gui;
};

/// The letter form (công văn): the summary under the number, and Kính gửi (ô 5b, 9a).
struct LetterStyle {
  TextStyle summary;         ///< "V/v …", centred under the number
  std::string summary_prefix;  ///< "V/v "; not added when the summary already starts with it
  Sp summary_gap = 0;        ///< between the number and the summary
  std::string kinh_gui;      ///< "Kính gửi:"
  TextStyle addressee;       ///< the label and each addressee
  std::string item_prefix;   ///< "- " before each of several addressees
  std::string item_end, last_end;  ///< ";" and "." added where the text has no end punctuation
  std::string as_above;      ///< "Như trên": first of Nơi nhận when there is a Kính gửi
  Sp space_before = 0, space_after = 0;
};

/// The decision form: authority line, căn cứ, enacting word, chapters, sections, articles.
struct DecisionStyle {
  TextStyle authority;           ///< "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …"
  bool authority_after_bases = false;  ///< Party: the body's name comes after the căn cứ lines
  TextStyle basis;               ///< each căn cứ line
  std::string basis_prefix;      ///< Party "- "
  std::string basis_end, basis_last_end;  ///< ";" and "." (State) added by the style
  TextStyle enacting;            ///< "QUYẾT ĐỊNH:"
  Sp space = 0;                  ///< before and after the authority and enacting lines
  HeadingLevel chapter, section, article;  ///< "Chương I", "Mục 1", "Điều 1."
  /// "Phần I" (a decision's part files, above the chapters) and "Tiểu mục 1" (under a Mục);
  /// unset (`label` empty): the style has no such level.
  HeadingLevel part, subsection;
};

/// Appendices after the closing block (NĐ 30, Phụ lục I, Phần II, 1).
struct AppendixStyle {
  HeadingLevel label;            ///< "Phụ lục {n}" (counter, label style); title_style: the title
  std::string single;            ///< the label of a document's only appendix ("Phụ lục")
  TextStyle attached;            ///< "(Kèm theo …)"
  std::string attached_format;   ///< "(Kèm theo {kind} số {number} {date}{of})"
  std::string attached_date;     ///< "ngày {day} tháng {month} năm {year}"
  std::string attached_date_blank;
  std::string attached_number_blank;  ///< "…/{code}"
  std::string attached_number;   ///< "{number}/{code}"
  std::string attached_of;       ///< " của {of}", when the appendix says whose document it is attached to
  Sp space_after = 0;
  /// An attachment issued as its own file: the organisation's signature field at the top
  /// right of page 1 (number and symbol, signing time; NĐ 30 Phụ lục I, III.1.d). 0: none.
  Sp field_width = 0, field_height = 0;
};

/// The forms' looks (`forms:`).
struct Forms {
  LetterStyle letter;
  DecisionStyle decision;
  AppendixStyle appendix;
};

/// A resolved style.
struct Style {
  std::string name;
  std::string file;
  std::string family;             ///< font family, e.g. "Times New Roman"
  std::vector<std::string> fallback_families;  ///< tried in order when `family` is not installed
  PageGeometry page;
  Body body;
  std::vector<HeadingLevel> levels;  ///< [0] = part
  ListStyle list;
  PageNumber page_number;
  Header header;
  TitleBlock title;
  QuoteStyle quote;
  TableStyle table;
  SignatureStyle signature;
  RecipientsStyle recipients;
  std::map<std::string, Mark> marks;
  CopyStamp copy_stamp;
  ContactStyle contact;
  std::map<std::string, Kind> kinds;  ///< `kinds:`, by the name a document's `kind:` uses
  Forms forms;
  Sp rule_thickness = 0;  ///< default rule thickness
  /// The style file as parsed (none for a style built in code): the sections other stages
  /// own are read from it without parsing the file again (`check:`, by the check stage).
  source::ParsedFile parsed;
};

/// Loads `name_or_path`: a style name looked up as `<styles_dir>/<name>.yaml`,
/// or a path to a .yaml file (relative to `base_dir`). `where` is the place
/// that named the style, for diagnostics. Throws vanban::Error.
Style load_style(const std::string& name_or_path, const std::string& styles_dir,
                 const std::string& base_dir, const SourcePos& where);

/// Letters of Counter::Alpha: the Vietnamese alphabet as the rules letter điểm (a b c d đ e
/// g h i k l m n o p q r s t u v x y: no ă â ê ô ơ ư, and no f j w z, which it lacks).
inline constexpr int kAlphaLetters = 23;

/// The counter value `n` (1-based) written in `counter`'s format:
/// Arabic 12, Roman XII, Alpha (Vietnamese order a b c d đ e ...), OrdinalWord nhất hai ba tư ...
std::string format_counter(Counter counter, int n);

/// The label of a heading at `level` whose counters (levels 0..level) are `counters`.
std::string heading_label(const Style& style, std::size_t level, const std::vector<int>& counters);

/// The kind `name` of `style` (for an empty name, a report without a type name); an unknown kind is an error at `where` with the nearest
/// name ("did you mean") and where the kinds are listed. Throws vanban::Error.
const Kind& find_kind(const Style& style, const std::string& name, const SourcePos& where);

/// A document's mark as the style defines it: the style's name for it, its look, and the
/// number of a numbered mark ("du-thao-lan-2": 2; 0 for a plain mark).
struct FoundMark {
  std::string name;
  const Mark& mark;
  int number = 0;
};

/// The style's mark for `name`: the mark of that name, or "<base>-<n>" (n = 1..999) for a
/// mark `<base>` whose text holds `{n}`. nullopt when the style has none.
std::optional<FoundMark> find_mark(const Style& style, const std::string& name);

/// The text of a found mark, its `{n}` filled.
std::string mark_text(const FoundMark& m);

/// Applies a case transformation to UTF-8 text (Vietnamese letters included).
std::string apply_case(const std::string& utf8, Case c);

}  // namespace vanban::style
