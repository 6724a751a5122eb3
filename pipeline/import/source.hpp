#pragma once
/// What a reader (.txt or .docx) gives the importer: the file's paragraphs and tables in
/// reading order, each with its place, before anything about a document's parts is known.
#include <string>
#include <variant>
#include <vector>

#include "pipeline/core/diagnostic.hpp"

namespace vanban::importer {

/// One source paragraph. `text` already carries content-format inline markup (bold and
/// italic runs as `**`/`*`, literal `*`, `{` and `}` escaped); `plain` is the same text
/// without markup, which is what recognition looks at.
struct Paragraph {
  std::string text;
  std::string plain;
  SourcePos pos;
  int heading_level = 0;   ///< from a Word heading style (1 = "Heading 1"); 0 = none
  bool bold = false;       ///< every letter of it is bold
  bool centered = false;   ///< centred (Word `w:jc`), a hint for title lines
  bool list_item = false;  ///< a Word list paragraph (`w:numPr`): a bullet or numbered item
  bool numbered_list = false;  ///< ... whose list format is a number, not a bullet
};

/// A table cell: its paragraphs.
struct Cell {
  std::vector<Paragraph> paragraphs;
};

/// A table: rows of cells. `borderless` tables are the layout grids Vietnamese templates
/// use for the header and for the signature beside "Nơi nhận"; in a .txt file a line with
/// columns (tabs or runs of spaces) is read as a one-row borderless table.
struct Table {
  std::vector<std::vector<Cell>> rows;
  bool borderless = false;
  SourcePos pos;
};

/// Something the importer does not turn into content (an image, a footnote, a text box):
/// reported with its place and kept in the output as a YAML comment.
struct Unknown {
  std::string what;
  SourcePos pos;
};

/// One item of the source, in reading order.
using Item = std::variant<Paragraph, Table, Unknown>;

/// A whole source file as read.
struct Source {
  std::string file;                  ///< the path as the user gave it (for messages)
  std::vector<Item> items;
  std::vector<Diagnostic> notes;     ///< what the reader noticed (conversions, unknown parts)
  std::vector<std::string> lines;    ///< the source's text lines, for quoting in warnings (.txt)
};

/// A finding of the importer, with the source line it is about (printed under it).
struct Finding {
  Diagnostic diagnostic;
  std::string source_line;
};

}  // namespace vanban::importer
