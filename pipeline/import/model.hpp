#pragma once
/// The content folder the importer is about to write, as plain values (the shape of
/// content-format v1, in the words of the source: text carries inline markup already).
#include <optional>
#include <string>
#include <vector>

namespace vanban::importer {

/// A body block of the output.
struct OutBlock {
  enum class Kind { paragraph, list, table, comment };
  Kind kind = Kind::paragraph;
  std::string text;                             ///< paragraph text; comment text
  std::string align;                            ///< paragraph: "" or center/right (written as an override)
  bool no_indent = false;                       ///< paragraph: `indent: false`
  std::string marker = "-";                     ///< list marker
  std::vector<std::string> items;               ///< list items
  std::vector<std::string> columns;             ///< table header row (may be empty)
  std::vector<std::vector<std::string>> rows;   ///< table body rows
  int line = 0;                                 ///< source line, for the `# l.N` comment
};

/// A section: its title without the typed number (numbers come from nesting).
struct OutSection {
  std::string title;
  std::string typed;  ///< the number as typed ("4.1 -"), kept in a comment
  int line = 0;
  std::vector<OutBlock> body;
  std::vector<OutSection> sections;
};

/// A part file.
struct OutPart {
  std::string title;
  std::string typed;  ///< "Phần thứ nhất" as typed
  int line = 0;
  std::vector<OutBlock> body;
  std::vector<OutSection> sections;
};

/// What document.yaml says.
struct OutDocument {
  std::string style = "dang";
  std::string kind = "bao-cao";
  std::string parent, issuer, code, place;
  std::optional<int> number;
  int year = 0, month = 0, day = 0;  ///< year 0: no date
  std::vector<std::string> marks;
  std::string title;
  std::vector<std::string> subtitle;
  std::vector<OutPart> parts;  ///< one untitled part when the source has no "Phần"
  bool has_parts = false;      ///< the source has "Phần" markers (one file per part)
  std::string authority, signer_title, signer_name;
  std::vector<std::string> recipients;
  std::vector<std::string> comments;  ///< notes put at the top of document.yaml
};

/// How many source paragraphs went where: every non-empty paragraph is counted once, so
/// `read` equals the sum of the others when nothing was lost.
struct ParagraphCounts {
  int read = 0;      ///< non-empty paragraphs of the source (table cells included)
  int fields = 0;    ///< header, title, signature and recipient fields
  int style = 0;     ///< lines the style prints by itself (motto, "ĐẢNG CỘNG SẢN VIỆT NAM", rules)
  int headings = 0;  ///< parts and sections
  int text = 0;      ///< paragraphs, list items, table cells
  int comments = 0;  ///< kept as YAML comments (not understood)
};

}  // namespace vanban::importer
