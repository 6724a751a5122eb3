#pragma once
/// Internal to the import stage: the recogniser that turns a Source into an OutDocument,
/// in three steps over the items: the front (header grid, type name, title), the tail
/// (signature, "Nơi nhận") and the body between them (parts, sections, blocks).
#include <string>
#include <vector>

#include "pipeline/import/classify.hpp"
#include "pipeline/import/model.hpp"
#include "pipeline/import/source.hpp"

namespace vanban::importer {

/// The recogniser's state shared by its steps.
struct Context {
  const Source& src;
  std::vector<Finding>& findings;
  ParagraphCounts counts;
  bool docx = false;  ///< the source is a Word file: alignment and bold are hints too

  /// Records a warning about paragraph `p`, quoting it.
  void warn(const Paragraph& p, std::string message, std::string hint = {});
  void warn(const SourcePos& pos, const std::string& quote, std::string message, std::string hint = {});
};

/// One heading met in the body, before the structure is decided.
struct Heading {
  std::optional<SectionMark> mark;  ///< the typed number; none for a Word heading style alone
  int rank = 0;                     ///< 1 roman, 2 "1", 3 "1.1", 4 "1.1.1", 5 letters; style level
  int depth = 0;                    ///< decided level (1 = first level under the part)
  std::string title;                ///< inline text without the number
  const Paragraph* source = nullptr;
};

/// The body as a flat list, before nesting.
struct Event {
  enum class Type { part, heading, block };
  Type type = Type::block;
  PartMark part;
  std::string part_title;
  const Paragraph* source = nullptr;  ///< the part's or heading's paragraph
  Heading heading;
  OutBlock block;
};

/// Reads the header grid, the type name and the title block; returns the index of the
/// first body item. Blocks that open the body ("Kính gửi") are added to `preamble`.
std::size_t read_front(Context& cx, OutDocument& doc, std::vector<OutBlock>& preamble);

/// Finds the signature block and "Nơi nhận" at the end; returns where they start
/// (items.size() when there are none).
std::size_t read_tail(Context& cx, OutDocument& doc, std::size_t body_start);

/// Turns items [from, to) into events.
std::vector<Event> read_body(Context& cx, std::size_t from, std::size_t to);

/// Decides the levels of the headings (repairing typed numbers, with a warning for each
/// decision) and nests the events into doc.parts.
void build_parts(Context& cx, std::vector<Event>& events, std::vector<OutBlock> preamble, OutDocument& doc);

/// A comment block that keeps what was not understood, and its warning.
OutBlock keep_as_comment(Context& cx, const Paragraph& p, const std::string& why);

}  // namespace vanban::importer
