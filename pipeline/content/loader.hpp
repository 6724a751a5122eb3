#pragma once
/// Internal to the content stage: the Loader that turns document.yaml and its part files
/// into a Document. One class, its methods in one file per job:
///   load.cpp    the driver (head, body, diagnostics in reading order) and inline text
///   head.cpp    the document's head: variables, header, date, signature, text lists
///   parts.cpp   part files: paths inside the folder, reading, conversion side by side
///   body.cpp    sections, blocks, lists, quotes, page breaks, includes
///   table.cpp   tables: header cells, rows, column widths
/// Values are read through source::Fields, which reports into the loader's diagnostics.
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/content/inline.hpp"
#include "pipeline/core/diagnostic.hpp"
#include "pipeline/source/fields.hpp"
#include "pipeline/source/file.hpp"
#include "pipeline/source/yaml.hpp"

namespace vanban::content::detail {

using source::Entries;
using source::Entry;
using source::Fields;
using source::Names;
using source::SourceFile;
using source::yaml::Node;

/// Deeper nesting of sections, blocks and list items than any document needs. The loader
/// reads them recursively: the limit keeps the stack small whatever the file holds.
inline constexpr int kMaxDepth = 64;

/// Includes deeper than this are refused. Cycles are caught by name before this; the
/// limit stops a long chain of distinct files that no document needs.
inline constexpr int kMaxIncludeDepth = 8;

/// Counts one level of nesting for as long as it lives.
struct Nest {
  explicit Nest(int& d) : depth(d) { ++depth; }
  ~Nest() { --depth; }
  Nest(const Nest&) = delete;
  Nest& operator=(const Nest&) = delete;
  int& depth;
};

/// Puts a file (relative to the document folder) on the chain of files being read for as
/// long as it lives: includes resolve against the last one and may not repeat any.
struct Reading {
  Reading(std::vector<std::string>& c, std::string rel) : chain(c) { chain.push_back(std::move(rel)); }
  ~Reading() { chain.pop_back(); }
  Reading(const Reading&) = delete;
  Reading& operator=(const Reading&) = delete;
  std::vector<std::string>& chain;
};

/// `{...}` written as a value: a YAML flow map where the writer meant text.
inline bool flow_map(const Node& n) { return n.is_map() && n.is_flow(); }

/// Reads one document. Every problem is collected into diags_; stop() throws them all,
/// sorted into reading order, so that no half-valid Document escapes.
class Loader {
 public:
  Loader() = default;
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;

  /// Reads document.yaml up to its parts (see content::load_head); throws when the file
  /// cannot be parsed at all.
  Document head(const std::string& path);
  /// Reads the rest of document.yaml and the parts; throws every problem found.
  Document body(Document doc);

 private:
  /// A loader for one part file (`rel`), to convert it on a thread of its own: it knows
  /// what `document` knows when it reaches its parts (the folder, the variables), and reads
  /// the part as the last file of `document`'s chain.
  Loader(const Loader& document, const std::string& rel)
      : folder_(document.folder_),
        vars_(document.vars_),
        vars_ok_(document.vars_ok_),
        chain_(document.chain_),
        blocks_read_(document.blocks_read_),
        text_bytes_(document.text_bytes_) {
    chain_.push_back(rel);
  }

  // load.cpp: files, inline text, diagnostics.
  std::optional<Node> parse(Fields& f, const std::string& empty_hint);
  bool too_deep(Fields& f, const Node& n);
  Text text(Fields& f, const Node& n, bool markup = true);
  std::optional<Text> text_field(Fields& f, const std::string& key, const Entry* e);
  std::string plain_field(Fields& f, const std::string& key, const Entry* e);
  void content(Fields& f, const Entries& m, Document& doc);
  [[noreturn]] void stop();

  // head.cpp: the document's own fields.
  void variables(Fields& f, const Entry& e);
  void header(Fields& f, const Entry& e, Header& h);
  std::optional<int> number(Fields& f, const Entry& e);
  void marks(Fields& f, const Entry& e, Header& h);
  std::optional<Date> date(Fields& f, const Entry& e);
  void signature(Fields& f, const Entry& e, std::optional<Signature>& out);
  void drafter(Fields& f, const Entry& e, std::optional<Drafter>& out);
  std::vector<Text> text_list(Fields& f, const std::string& key, const Entry& e, bool allow_single);

  // forms.cpp: the fields of the letter, decision and minutes forms; appendices.
  void forms(Fields& f, const Entries& m, Document& doc);
  /// `contact:` (box 13): the organisation's address, e-mail, website, phone and fax.
  void contact(Fields& f, const Entry& e, Document& doc);
  std::optional<Appendix> appendix(Fields& f, const Node& n);
  /// `attached_to:`: what an attachment issued as a file of its own is attached to.
  void attached_to(Fields& f, const Entry& e, Document& doc);

  // parts.cpp: files named in the document, and the parts.
  std::optional<std::string> inside_folder(Fields& f, const Node& n, const std::string& what,
                                           const std::string& dir = {});
  std::optional<std::string> read_listed(Fields& f, const Node& n, const std::string& rel,
                                         const std::string& what, const std::string& relative_to,
                                         const std::set<std::string>& skip);
  void parts(Fields& f, const Entry& e, Document& doc);
  std::optional<Part> part(const SourceFile& file);
  void merge(Loader& other);

  // body.cpp: sections and blocks.
  std::vector<Section> sections(Fields& f, const Node& n);
  /// A section; `keys` (default: a section's) and `what` let an appendix be read as one.
  std::optional<Section> section(Fields& f, const Node& n, const Names* keys = nullptr,
                                 const std::string& what = "a section");
  std::vector<Block> blocks(Fields& f, const std::string& key, const Node& n);
  void block(Fields& f, const Node& n, std::vector<Block>& out, bool in_body);
  std::optional<std::string> block_kind(Fields& f, const Node& n);
  void kindless_block(Fields& f, const Node& n, const SourcePos& at);
  std::optional<Block> list_block(Fields& f, const Node& n, Block b);
  std::optional<Block> paragraph_block(Fields& f, const Node& n, Block b);
  std::optional<Block> quote_block(Fields& f, const Node& n, Block b);
  std::optional<Block> page_break(Fields& f, const Node& n, Block b);
  void include(Fields& f, const Node& n, std::vector<Block>& out, bool in_body);
  bool over_block_limit(Fields& f, const Node& n);
  std::vector<ListItem> list_items(Fields& f, const Node& n);

  // table.cpp
  std::optional<Block> table_block(Fields& f, const Node& n, Block b);
  std::size_t table_rows(Fields& f, const Entry* r, const Entry& table_key, bool have_columns, Table& table);
  void table_widths(Fields& f, const Entry& widths, std::size_t count, Table& table);
  void table_align(Fields& f, const Entry& align, std::size_t count, Table& table);
  std::vector<Text> cells(Fields& f, const Node& n);
  std::optional<ColumnWidth> column_width(Fields& f, const Node& n);

  Diagnostics diags_;
  std::vector<std::string> files_;  ///< display names in load order, to sort diagnostics
  std::string folder_;              ///< the document folder as given ("" for the cwd)
  Variables vars_;
  bool vars_ok_ = true;  ///< false when `variables:` was unusable: unknown-variable errors would only echo it
  int depth_ = 0;        ///< nesting of sections and blocks being read
  bool deep_reported_ = false;
  std::vector<std::string> chain_;  ///< files being read (document, part, includes), relative to folder_
  int includes_ = 0;                ///< includes being read, one inside the other
  std::vector<SourcePos> placeholders_;
  std::vector<source::yaml::Tree> trees_;  ///< the files parsed: their nodes are read until loading ends
  std::optional<SourceFile> document_;     ///< document.yaml, between head() and body()
  /// A file included once is read and parsed once: including it again splices its blocks
  /// again without touching the disk (a file included N times still counts N times).
  struct Included {
    std::unique_ptr<SourceFile> file;
    std::optional<Node> root;  ///< absent when it could not be read or parsed (reported once)
  };
  std::map<std::string, Included> included_;
  /// Blocks read so far by this document's loaders (the parts' share the document's): the
  /// limit is checked as includes are expanded, before their work can explode.
  std::atomic<std::size_t> own_blocks_read_{0};
  std::atomic<std::size_t>* blocks_read_ = &own_blocks_read_;
  /// Bytes of text given out so far by this document's loaders, variables expanded (the
  /// parts' share the document's): the limit holds before the copies fill memory.
  std::atomic<std::size_t> own_text_bytes_{0};
  std::atomic<std::size_t>* text_bytes_ = &own_text_bytes_;
  Entries head_;                           ///< its top-level entries
};

}  // namespace vanban::content::detail
