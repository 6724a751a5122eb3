// document.yaml and part files → Document. Every problem becomes a diagnostic at
// `file:line:column`; independent problems are collected (all unknown keys of all files,
// say) and thrown together once loading is over, so no half-valid Document escapes.
#include "pipeline/content/load.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>
#include <tuple>

#include "pipeline/content/detail.hpp"
#include "pipeline/content/yaml.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::content {

namespace {

namespace fs = std::filesystem;
using detail::SourceFile;
using detail::Variables;
using yaml::Node;
using Names = std::vector<std::string>;

// The keys valid at each place (content-format.md). Order is the order hints list them in.
const Names kDocumentKeys = {"style", "kind", "status", "variables", "header", "title",
                             "subtitle", "parts", "body", "signature", "recipients"};
const Names kHeaderKeys = {"parent", "issuer", "number", "code", "place", "date", "marks"};
const Names kSignatureKeys = {"authority", "title", "name", "image"};
const Names kPartKeys = {"title", "body", "sections"};
const Names kSectionKeys = {"title", "numbered", "body", "sections"};
const Names kBlockKinds = {"paragraph", "list", "table", "quote", "page-break", "include"};
const Names kListKeys = {"list", "marker"};
const Names kParagraphKeys = {"paragraph", "align", "indent"};
const Names kTableKeys = {"columns", "rows", "widths"};
// `columns:` written level with `table:` (not indented under it) is a key of the block map;
// accepting it there lets the loader say where it belongs instead of "unknown key".
const Names kTableBlockKeys = {"table", "columns", "rows", "widths"};
const Names kQuoteKeys = {"quote"};
const Names kPageBreakKeys = {"page-break"};
const Names kIncludeKeys = {"include"};
const Names kIncludedFileKeys = {"body"};
const Names kMarkers = {"-", "+", "•", "a)", "1."};
const Names kAligns = {"left", "center", "right", "justify"};
const Names kStatuses = {"draft", "final"};
const Names kMarks = {"du-thao", "mat",         "toi-mat", "tuyet-mat",
                      "khan",    "thuong-khan", "hoa-toc", "luu-hanh-noi-bo"};

bool contains(const Names& names, const std::string& n) {
  return std::find(names.begin(), names.end(), n) != names.end();
}

/// "did you mean `x`?" when a candidate is near, else the list of valid values.
std::string suggestion(const std::string& word, const Names& valid, const std::string& listing) {
  if (auto near = detail::closest(word, valid); !near.empty()) return "did you mean `" + near + "`?";
  return listing + detail::list_names(valid);
}

/// "1 cell", "3 cells": counts in messages.
std::string counted(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

/// `folder` joined with `name` as the user would write it: no "./" invented.
std::string join(const std::string& folder, const std::string& name) {
  if (folder.empty()) return name;
  return folder.back() == '/' ? folder + name : folder + "/" + name;
}

/// `name`, written in a file that sits in `dir` (relative to the document folder, "" for
/// the folder itself), as a normalised path relative to the document folder; nullopt when
/// it is absolute or climbs out. Relative paths inside the document folder only: the
/// folder is what gets copied, archived and signed, so nothing may reach outside it.
/// A `\` counts as a separator, as it does for whoever wrote the path on Windows.
std::optional<std::string> resolve(const std::string& dir, std::string name) {
  std::replace(name.begin(), name.end(), '\\', '/');
  const bool drive = name.size() > 2 && std::isalpha(static_cast<unsigned char>(name[0])) &&
                     name[1] == ':' && name[2] == '/';  // C:\... written on Windows
  if (name.empty() || name[0] == '/' || drive) return std::nullopt;
  const fs::path p = (fs::path(dir) / name).lexically_normal();
  if (p.empty() || *p.begin() == "..") return std::nullopt;
  return p.generic_string();
}

/// True when `rel` (a path that resolve() kept inside `folder`) is still inside it once every
/// symbolic link on its way is followed: a link to a file elsewhere would bring that file
/// into the document as surely as `../` would. A path that cannot be resolved (a loop of
/// links) is left for the read to report.
bool stays_inside(const std::string& folder, const std::string& rel) {
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(folder.empty() ? fs::path(".") : fs::path(folder), ec);
  if (ec) return true;
  const fs::path target = fs::weakly_canonical(base / rel, ec);
  if (ec) return true;
  const auto [b, t] = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
  return b == base.end();
}

std::optional<std::string> read_bytes(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(ss).str();
}

const char* type_name(const Node& n) {
  if (n.is_sequence()) return "a list";
  if (n.is_map()) return "a map";
  if (n.is_null()) return "empty";
  return "text";
}

/// A key of a YAML map with its value.
struct Entry {
  Node key;
  Node value;
};
using Entries = std::map<std::string, Entry>;

const Entry* find(const Entries& e, const std::string& key) {
  const auto it = e.find(key);
  return it == e.end() ? nullptr : &it->second;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

const char* month_name(int month) {
  static constexpr const char* names[] = {"January", "February", "March",     "April",
                                          "May",     "June",     "July",      "August",
                                          "September", "October", "November", "December"};
  return names[month - 1];
}

/// Deeper nesting of sections, blocks and list items than any document needs. The loader
/// reads them recursively: the limit keeps the stack small whatever the file holds.
constexpr int kMaxDepth = 64;

/// Counts one level of nesting for as long as it lives.
struct Nest {
  explicit Nest(int& d) : depth(d) { ++depth; }
  ~Nest() { --depth; }
  Nest(const Nest&) = delete;
  Nest& operator=(const Nest&) = delete;
  int& depth;
};

/// Includes deeper than this are refused. Cycles are caught by name before this; the
/// limit stops a long chain of distinct files that no document needs.
constexpr int kMaxIncludeDepth = 8;

/// Puts a file (relative to the document folder) on the chain of files being read for as
/// long as it lives: includes resolve against the last one and may not repeat any.
struct Reading {
  Reading(std::vector<std::string>& c, std::string rel) : chain(c) { chain.push_back(std::move(rel)); }
  ~Reading() { chain.pop_back(); }
  Reading(const Reading&) = delete;
  Reading& operator=(const Reading&) = delete;
  std::vector<std::string>& chain;
};

class Loader {
 public:
  Loader() = default;
  Document load(const std::string& path, const std::function<void(const Document&)>& on_head = {});

 private:
  /// A loader for the part file `rel` alone, to convert it on a worker thread (see
  /// prefetch_parts): it knows what `document` knows when it reaches its parts (the folder,
  /// the variables), and reads the part as the last file of `document`'s chain.
  Loader(const Loader& document, const std::string& rel)
      : folder_(document.folder_), vars_(document.vars_), vars_ok_(document.vars_ok_), chain_(document.chain_) {
    chain_.push_back(rel);
  }

  // Places.
  SourcePos pos(const SourceFile& f, const Node& n) const { return f.at(n.offset()); }
  SourcePos text_pos(const SourceFile& f, const Node& n) const;
  SourcePos null_pos(const SourceFile& f, const Node& n) const;
  bool too_deep(const SourceFile& f, const Node& n);
  static bool flow_map(const Node& n) { return n.is_map() && n.is_flow(); }
  void unquoted_brace(const SourceFile& f, const Node& n);

  // Files and maps.
  std::optional<Node> parse(const SourceFile& f, const char* empty_hint);
  Entries entries(const SourceFile& f, const Node& map, const Names* valid,
                  const std::string& where);

  // Values. Each reports its own type errors; nullopt means absent, empty or wrong.
  std::optional<std::string> scalar(const SourceFile& f, const std::string& key, const Entry* e);
  bool required(const SourceFile& f, const std::string& key, const Entry* e, const SourcePos& where,
                const std::string& in, const std::string& hint);
  Text text(const SourceFile& f, const Node& n, bool markup = true);
  std::optional<Text> text_field(const SourceFile& f, const std::string& key, const Entry* e);
  std::string plain_field(const SourceFile& f, const std::string& key, const Entry* e);
  std::optional<bool> flag(const SourceFile& f, const std::string& key, const Entry* e);
  std::optional<std::string> choice(const SourceFile& f, const std::string& key, const Entry* e,
                                    const Names& allowed);

  // The document.
  void variables(const SourceFile& f, const Entry& e);
  void header(const SourceFile& f, const Entry& e, Header& h);
  std::optional<Date> date(const SourceFile& f, const Entry& e);
  void signature(const SourceFile& f, const Entry& e, Document& doc);
  std::vector<Text> text_list(const SourceFile& f, const std::string& key, const Entry& e,
                              bool allow_single);
  void parts(const SourceFile& f, const Entry& e, Document& doc);
  std::optional<Part> part(const SourceFile& f);
  std::vector<Section> sections(const SourceFile& f, const Node& n);
  std::optional<Section> section(const SourceFile& f, const Node& n);
  std::vector<Block> blocks(const SourceFile& f, const std::string& key, const Node& n);
  void block(const SourceFile& f, const Node& n, std::vector<Block>& out, bool in_body);
  std::optional<Block> list_block(const SourceFile& f, const Node& n, Block b);
  std::optional<Block> paragraph_block(const SourceFile& f, const Node& n, Block b);
  std::optional<Block> table_block(const SourceFile& f, const Node& n, Block b);
  std::optional<Block> quote_block(const SourceFile& f, const Node& n, Block b);
  std::optional<Block> page_break(const SourceFile& f, const Node& n, Block b);
  void include(const SourceFile& f, const Node& n, std::vector<Block>& out, bool in_body);
  std::vector<Text> cells(const SourceFile& f, const Node& n);
  std::optional<ColumnWidth> column_width(const SourceFile& f, const Node& n);
  std::vector<ListItem> list_items(const SourceFile& f, const Node& n);
  std::optional<std::string> inside_folder(const SourceFile& f, const Node& n, const std::string& what,
                                           const std::string& dir = {});
  std::optional<std::string> read_listed(const SourceFile& f, const Node& n, const std::string& rel,
                                         const std::string& what, const std::string& relative_to,
                                         const std::set<std::string>& skip);

  [[noreturn]] void stop();
  std::vector<Diagnostic> sorted(std::vector<Diagnostic> ds) const;

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
  std::vector<yaml::Tree> trees_;  ///< the files parsed: their nodes are read until loading ends

  // Part files read, parsed and converted ahead (see prefetch_parts). Declared last:
  // destroyed first, so the workers are joined before anything they touch goes.
  struct PartJob;
  void prefetch_parts(const Node& list);
  bool take_prefetched(const SourceFile& f, std::optional<Part>& out);
  std::map<std::string, std::shared_ptr<PartJob>> prefetched_;  ///< by display path
  std::vector<std::future<void>> workers_;
};

/// One part file converted on a worker thread by a loader of its own.
struct Loader::PartJob {
  PartJob(const Loader& document, const std::string& rel, std::string display, std::string bytes)
      : file(std::move(display), std::move(bytes)), loader(document, rel) {}
  const SourceFile file;
  Loader loader;  ///< holds the part's problems, files, placeholders and trees
  std::optional<Part> part;
  std::promise<void> done;
  std::future<void> ready = done.get_future();
};

// ---------------------------------------------------------------------------------------
// Places

SourcePos Loader::text_pos(const SourceFile& f, const Node& n) const {
  // A node starts at its first token: the quote, the `|`, or an anchor/tag.
  const std::string& s = f.text();
  std::size_t o = n.offset();
  while (o < s.size() && (s[o] == '&' || s[o] == '!')) {
    while (o < s.size() && s[o] != ' ' && s[o] != '\n') ++o;
    while (o < s.size() && s[o] == ' ') ++o;
  }
  if (o < s.size() && (s[o] == '"' || s[o] == '\'')) return f.at(o + 1);
  if (o < s.size() && (s[o] == '|' || s[o] == '>')) {
    // A block scalar's text starts on the first non-blank line after its header.
    for (auto nl = s.find('\n', o); nl != std::string::npos; nl = s.find('\n', nl + 1)) {
      std::size_t q = nl + 1;
      while (q < s.size() && s[q] == ' ') ++q;
      if (q < s.size() && s[q] != '\n' && s[q] != '\r') return f.at(q);
    }
  }
  return f.at(o);
}

SourcePos Loader::null_pos(const SourceFile& f, const Node& n) const {
  // libyaml places an empty entry just after the `-` (or `:`) that introduced it (after
  // an anchor or tag, if any): the last significant character before it, comments aside.
  const std::string& s = f.text();
  const std::size_t o = n.offset();
  std::size_t end = o;
  while (true) {
    const std::size_t nl = end == 0 ? std::string::npos : s.rfind('\n', end - 1);
    const std::size_t start = nl == std::string::npos ? 0 : nl + 1;
    std::size_t limit = end;
    for (std::size_t k = start; k < limit; ++k)
      if (s[k] == '#' && (k == start || s[k - 1] == ' ' || s[k - 1] == '\t')) limit = k;
    while (limit > start && (s[limit - 1] == ' ' || s[limit - 1] == '\t' || s[limit - 1] == '\r' ||
                             s[limit - 1] == '\n'))
      --limit;
    if (limit > start) return f.at(limit - 1);
    if (start == 0) break;
    end = start - 1;
  }
  return f.at(o);
}

bool Loader::too_deep(const SourceFile& f, const Node& n) {
  if (depth_ <= kMaxDepth) return false;
  if (!deep_reported_)
    diags_.error(pos(f, n), "the content is nested too deeply",
                 "sections, lists and blocks nest at most " + std::to_string(kMaxDepth) +
                     " levels deep; no document needs more: flatten the structure");
  deep_reported_ = true;
  return true;
}

void Loader::unquoted_brace(const SourceFile& f, const Node& n) {
  // `- {dang_bo} đã ...` is a YAML flow map, not text starting with a variable.
  diags_.error(pos(f, n), "text starting with `{` must be quoted",
               "unquoted, YAML reads `{...}` as a map: write \"{name} ...\" in double quotes");
}

// ---------------------------------------------------------------------------------------
// Files and maps

std::optional<Node> Loader::parse(const SourceFile& f, const char* empty_hint) {
  files_.push_back(f.display());
  if (!detail::check_bytes(f, diags_)) return std::nullopt;
  yaml::Tree tree = yaml::Tree::parse(f.text());
  if (const auto& p = tree.problem()) {
    diags_.error(f.at(p->offset), p->message, p->hint);
    return std::nullopt;
  }
  if (tree.documents() == 0 || (tree.documents() == 1 && tree.root().is_null())) {
    diags_.error(f.start(), "the file is empty", empty_hint);
    return std::nullopt;
  }
  if (tree.documents() > 1) {
    diags_.error(f.at(tree.second_document()), "the file holds more than one YAML document",
                 "remove the `---` line: one file is one document or one part");
    return std::nullopt;
  }
  const Node root = tree.root();
  if (!root.is_map()) {
    diags_.error(pos(f, root), std::string("the file must be a map of `key: value` lines, not ") + type_name(root),
                 empty_hint);
    return std::nullopt;
  }
  trees_.push_back(std::move(tree));  // the nodes live as long as the loader
  return root;
}

Entries Loader::entries(const SourceFile& f, const Node& map, const Names* valid,
                        const std::string& where) {
  Entries out;
  // Keys as the tree holds them: the place of the first is worked out only for a duplicate.
  std::map<std::string_view, Node> seen;
  for (const auto& kv : map.entries()) {
    const Node& k = kv.first;
    if (!k.is_scalar()) {
      diags_.error(pos(f, k), "a key must be a plain name", "write `name: value`");
      continue;
    }
    const std::string name(k.scalar());
    // The tree keeps both entries of a repeated key; the second would be ignored silently.
    if (const auto it = seen.find(k.scalar()); it != seen.end()) {
      diags_.error(pos(f, k), "duplicate key `" + name + "`",
                   "`" + name + "` is already given at line " + std::to_string(pos(f, it->second).line) +
                       "; keep one");
      continue;
    }
    seen.emplace(k.scalar(), k);
    if (valid && !contains(*valid, name)) {
      diags_.error(pos(f, k), "unknown key `" + name + "`",
                   suggestion(name, *valid, "valid keys in " + where + ": "));
      continue;
    }
    out.emplace(name, Entry{k, kv.second});
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Values

std::optional<std::string> Loader::scalar(const SourceFile& f, const std::string& key, const Entry* e) {
  if (!e || e->value.is_null()) return std::nullopt;
  if (flow_map(e->value)) {
    unquoted_brace(f, e->value);
    return std::nullopt;
  }
  if (!e->value.is_scalar()) {
    diags_.error(pos(f, e->value), "`" + key + "` must be text, not " + type_name(e->value),
                 "write `" + key + ": ...` with the text on the same line");
    return std::nullopt;
  }
  return std::string(e->value.scalar());
}

bool Loader::required(const SourceFile& f, const std::string& key, const Entry* e,
                      const SourcePos& where, const std::string& in, const std::string& hint) {
  if (!e) {
    diags_.error(where, "missing `" + key + "`" + in, hint);
    return false;
  }
  if (e->value.is_null() || (e->value.is_scalar() && e->value.scalar().empty())) {
    diags_.error(pos(f, e->key), "`" + key + "` is empty", hint);
    return false;
  }
  return true;
}

Text Loader::text(const SourceFile& f, const Node& n, bool markup) {
  detail::InlineOptions options;
  options.markup = markup;
  options.report_unknown_variables = vars_ok_;
  return detail::parse_text(n.scalar(), text_pos(f, n), vars_, options, diags_, &placeholders_);
}

std::optional<Text> Loader::text_field(const SourceFile& f, const std::string& key, const Entry* e) {
  if (!scalar(f, key, e)) return std::nullopt;
  return text(f, e->value);
}

std::string Loader::plain_field(const SourceFile& f, const std::string& key, const Entry* e) {
  if (!scalar(f, key, e)) return {};
  return text(f, e->value, false).plain();
}

std::optional<bool> Loader::flag(const SourceFile& f, const std::string& key, const Entry* e) {
  if (!e || e->value.is_null()) return std::nullopt;
  const auto b = e->value.is_scalar() ? yaml::to_bool(e->value.scalar()) : std::nullopt;
  if (!b) {
    diags_.error(pos(f, e->value), "`" + key + "` must be true or false",
                 "write `" + key + ": true` or `" + key + ": false`");
    return std::nullopt;
  }
  return *b;
}

std::optional<std::string> Loader::choice(const SourceFile& f, const std::string& key, const Entry* e,
                                          const Names& allowed) {
  const auto s = scalar(f, key, e);
  if (!s) return std::nullopt;
  const std::string v = text::nfc(*s);
  if (!contains(allowed, v)) {
    diags_.error(text_pos(f, e->value),
                 "`" + key + "` must be one of " + detail::list_names(allowed) + ", not `" + v + "`",
                 detail::closest(v, allowed).empty() ? std::string()
                                                     : "did you mean `" + detail::closest(v, allowed) + "`?");
    return std::nullopt;
  }
  return v;
}

// ---------------------------------------------------------------------------------------
// The document

void Loader::variables(const SourceFile& f, const Entry& e) {
  if (e.value.is_null()) return;
  if (!e.value.is_map()) {
    diags_.error(pos(f, e.value), "`variables` must be a map of names and values, not " +
                                      std::string(type_name(e.value)),
                 "write `name: value` lines indented under `variables:`");
    vars_ok_ = false;
    return;
  }
  for (const auto& [raw, entry] : entries(f, e.value, nullptr, "`variables`")) {
    const std::string name = text::nfc(raw);
    // Every variable named gets defined (empty on error) so its uses do not echo the error.
    std::string& value = vars_[name];
    if (name.find_first_of(" \t{}") != std::string::npos) {
      diags_.error(pos(f, entry.key), "bad variable name `" + name + "`",
                   "use letters, digits, `_` or `-`, without spaces or braces");
      continue;
    }
    if (entry.value.is_null()) {
      diags_.error(pos(f, entry.key), "variable `" + name + "` has no value",
                   "write `" + name + ": \"\"` for an empty value, or `…` for a blank to fill in");
      continue;
    }
    if (!entry.value.is_scalar()) {
      diags_.error(pos(f, entry.value), "variable `" + name + "` must be text, not " +
                                            std::string(type_name(entry.value)),
                   "a variable holds one piece of text");
      continue;
    }
    // Values are inserted as plain text, never expanded: a brace in one would be a
    // reference that silently does nothing, so it is refused.
    const std::string v(entry.value.scalar());
    if (const auto brace = v.find_first_of("{}"); brace != std::string::npos) {
      SourcePos at = text_pos(f, entry.value);
      at.column += static_cast<int>(text::decode(v.substr(0, brace)).size());
      diags_.error(at, "the value of variable `" + name + "` contains `" + v[brace] + "`",
                   "variable values are plain text: they cannot refer to other variables");
      continue;
    }
    value = text::nfc(v);
  }
}

std::optional<Date> Loader::date(const SourceFile& f, const Entry& e) {
  const auto raw = scalar(f, "date", &e);
  if (!raw) return std::nullopt;
  const std::string& s = *raw;
  const SourcePos at = text_pos(f, e.value);
  const auto digits = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  Date d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || (d.year = digits(0, 4)) < 0 ||
      (d.month = digits(5, 2)) < 0 || (d.day = digits(8, 2)) < 0) {
    diags_.error(at, "`date` must be written YYYY-MM-DD, not `" + s + "`",
                 "e.g. `date: 2025-03-05`; leave `date` out to print a blank date");
    return std::nullopt;
  }
  if (d.year < 1 || d.month < 1 || d.month > 12) {
    diags_.error(at, "impossible date " + s, "months run from 01 to 12");
    return std::nullopt;
  }
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) {
    diags_.error(at, "impossible date " + s,
                 std::string(month_name(d.month)) + " " + std::to_string(d.year) + " has " +
                     std::to_string(days_in_month(d.year, d.month)) + " days");
    return std::nullopt;
  }
  return d;
}

void Loader::header(const SourceFile& f, const Entry& e, Header& h) {
  h.pos = pos(f, e.key);
  if (!e.value.is_map()) {
    diags_.error(e.value.is_null() ? pos(f, e.key) : pos(f, e.value),
                 "`header` must be a map, not " + std::string(type_name(e.value)),
                 "write `header:` and indent its fields under it, at least `issuer:`");
    return;
  }
  const Entries m = entries(f, e.value, &kHeaderKeys, "`header`");
  h.parent = plain_field(f, "parent", find(m, "parent"));
  if (required(f, "issuer", find(m, "issuer"), h.pos, " in `header`",
               "add `issuer:` with the name of the issuing body, e.g. `issuer: ĐẢNG ỦY XÃ ...`"))
    h.issuer = plain_field(f, "issuer", find(m, "issuer"));
  if (const Entry* n = find(m, "number"); n && !n->value.is_null()) {
    const auto s = scalar(f, "number", n);
    if (s) {
      long long v = 0;
      const char* end = s->data() + s->size();
      const auto [p, ec] = std::from_chars(s->data(), end, v);
      if (ec == std::errc::result_out_of_range || (ec == std::errc() && p == end && v > 1000000000)) {
        diags_.error(text_pos(f, n->value), "`number` is too large", "a document number is a small integer");
      } else if (ec != std::errc() || p != end) {
        diags_.error(text_pos(f, n->value), "`number` must be an integer",
                     "write digits only, e.g. `number: 12`; leave `number` out to number by hand");
      } else if (v < 1) {
        diags_.error(text_pos(f, n->value), "`number` must be 1 or more",
                     "leave `number` out to leave a blank for hand numbering");
      } else {
        h.number = static_cast<int>(v);
      }
    }
  }
  h.code = plain_field(f, "code", find(m, "code"));
  if (!h.code.empty()) h.code_pos = text_pos(f, find(m, "code")->value);
  h.place = plain_field(f, "place", find(m, "place"));
  if (const Entry* d = find(m, "date")) h.date = date(f, *d);
  if (const Entry* mk = find(m, "marks"); mk && !mk->value.is_null()) {
    if (!mk->value.is_sequence()) {
      diags_.error(pos(f, mk->value), "`marks` must be a list, not " + std::string(type_name(mk->value)),
                   "e.g. `marks: [du-thao]`");
    } else {
      for (const auto& item : mk->value) {
        if (!item.is_scalar()) {
          diags_.error(item.is_null() ? null_pos(f, item) : pos(f, item), "a mark must be a name",
                       "allowed marks: " + detail::list_names(kMarks));
          continue;
        }
        const std::string v = text::nfc(item.scalar());
        if (!contains(kMarks, v))
          diags_.error(text_pos(f, item), "unknown mark `" + v + "`",
                       suggestion(v, kMarks, "allowed marks: "));
        else {
          h.marks.push_back(v);
          h.mark_places.push_back(text_pos(f, item));
        }
      }
    }
  }
}

std::optional<std::string> Loader::inside_folder(const SourceFile& f, const Node& n,
                                                 const std::string& what, const std::string& dir) {
  const std::string name(n.scalar());
  if (name.empty()) {
    diags_.error(text_pos(f, n), "empty " + what + " name", "write the file name after the `- `");
    return std::nullopt;
  }
  auto rel = resolve(dir, name);
  if (!rel) {
    diags_.error(text_pos(f, n), what + " path leaves the document folder: " + name,
                 "files of a document stay inside its folder: move the file there and name it "
                 "relative to the folder");
  } else if (!stays_inside(folder_, *rel)) {
    diags_.error(text_pos(f, n), what + " path leaves the document folder: " + name,
                 "it is a symbolic link to a file outside the folder: copy the file itself into the folder");
    rel.reset();
  }
  return rel;
}

std::optional<std::string> Loader::read_listed(const SourceFile& f, const Node& n, const std::string& rel,
                                               const std::string& what, const std::string& relative_to,
                                               const std::set<std::string>& skip) {
  const std::string name(n.scalar());
  const std::string display = join(folder_, rel);
  if (auto bytes = read_bytes(display)) return bytes;
  std::error_code ec;
  if (fs::exists(display, ec)) {
    diags_.error(text_pos(f, n), "cannot read " + what + ": " + name,
                 fs::is_directory(display, ec) ? "it is a folder, not a file" : "check its permissions");
    return std::nullopt;
  }
  // A near name among the .yaml files beside it (but not document.yaml, nor the files
  // `skip` names: a missing file is rarely a typo of one listed already).
  std::string hint = "the path is relative to " + relative_to;
  const fs::path parent = fs::path(display).parent_path();
  Names siblings;
  for (const auto& de : fs::directory_iterator(parent.empty() ? fs::path(".") : parent, ec))
    if (de.path().extension() == ".yaml" && de.path().filename() != "document.yaml" &&
        !skip.count(de.path().filename().string()))
      siblings.push_back(de.path().filename().string());
  std::sort(siblings.begin(), siblings.end());
  if (auto near = detail::closest(fs::path(name).filename().string(), siblings); !near.empty())
    hint = "did you mean `" + fs::path(name).replace_filename(near).string() + "`?";
  diags_.error(text_pos(f, n), what + " not found: " + name, std::move(hint));
  return std::nullopt;
}

void Loader::signature(const SourceFile& f, const Entry& e, Document& doc) {
  if (e.value.is_null()) return;
  if (!e.value.is_map()) {
    diags_.error(pos(f, e.value), "`signature` must be a map, not " + std::string(type_name(e.value)),
                 "indent `authority:`, `title:`, `name:` (and `image:`) under `signature:`");
    return;
  }
  const Entries m = entries(f, e.value, &kSignatureKeys, "`signature`");
  Signature s;
  s.pos = pos(f, e.key);
  s.authority = plain_field(f, "authority", find(m, "authority"));
  if (!s.authority.empty()) s.authority_pos = text_pos(f, find(m, "authority")->value);
  s.title = plain_field(f, "title", find(m, "title"));
  s.name = plain_field(f, "name", find(m, "name"));
  if (const Entry* img = find(m, "image"); img && scalar(f, "image", img)) {
    if (const auto name = inside_folder(f, img->value, "signature image")) {
      std::error_code ec;
      if (!fs::is_regular_file(join(folder_, *name), ec))
        diags_.error(text_pos(f, img->value), "signature image not found: " + *name,
                     "the path is relative to the document folder");
      else
        s.image = *name;
      s.image_pos = text_pos(f, img->value);
    }
  }
  doc.signature = std::move(s);
}

std::vector<Text> Loader::text_list(const SourceFile& f, const std::string& key, const Entry& e,
                                    bool allow_single) {
  std::vector<Text> out;
  if (e.value.is_null()) return out;
  if (e.value.is_scalar() && allow_single) {
    out.push_back(text(f, e.value));
    return out;
  }
  if (!e.value.is_sequence()) {
    diags_.error(pos(f, e.value), "`" + key + "` must be a list, not " + std::string(type_name(e.value)),
                 "put each entry on its own line starting with `- `");
    return out;
  }
  for (const auto& item : e.value) {
    if (item.is_scalar()) {
      out.push_back(text(f, item));
    } else if (flow_map(item)) {
      unquoted_brace(f, item);
    } else {
      diags_.error(item.is_null() ? null_pos(f, item) : pos(f, item),
                   "each entry of `" + key + "` must be text, not " + std::string(type_name(item)),
                   "write the text after the `- `, quoted if it contains `: `");
    }
  }
  return out;
}

void Loader::parts(const SourceFile& f, const Entry& e, Document& doc) {
  if (!e.value.is_sequence() || e.value.size() == 0) {
    diags_.error(e.value.is_null() ? pos(f, e.key) : pos(f, e.value),
                 e.value.is_sequence() || e.value.is_null()
                     ? std::string("`parts` is empty")
                     : "`parts` must be a list of file names, not " + std::string(type_name(e.value)),
                 "write each part file on its own line: `  - phan-1.yaml`");
    return;
  }
  prefetch_parts(e.value);
  std::set<std::string> listed;  // a missing file is rarely a typo of one listed already
  for (const auto& item : e.value)
    if (item.is_scalar()) listed.emplace(item.scalar());
  for (const auto& item : e.value) {
    if (!item.is_scalar()) {
      diags_.error(item.is_null() ? null_pos(f, item) : pos(f, item),
                   "each entry of `parts` must be a file name, not " + std::string(type_name(item)),
                   "write the file name after the `- `");
      continue;
    }
    const auto rel = inside_folder(f, item, "part");
    if (!rel) continue;
    auto bytes = read_listed(f, item, *rel, "part file", "the document folder", listed);
    if (!bytes) continue;
    const Reading reading(chain_, *rel);
    const SourceFile file(join(folder_, *rel), std::move(*bytes));
    std::optional<Part> p;
    if (!take_prefetched(file, p)) p = part(file);
    if (p) doc.parts.push_back(std::move(*p));
  }
}

/// Each part file parses and converts on its own: parts after the first are read, parsed
/// and converted on worker threads, each by a loader of its own, while this thread does the
/// first, so that a two-part document loads in little more than the time of its larger
/// part. Silent: the loop in parts() reads each file again and takes a part converted ahead
/// only for the very same bytes (take_prefetched), with its problems in the place they
/// would have had. Files that would not be read anyway (outside the folder, not valid
/// UTF-8) are not prefetched.
void Loader::prefetch_parts(const Node& list) {
  auto jobs = std::make_shared<std::vector<std::shared_ptr<PartJob>>>();
  std::set<std::string> seen;
  bool first = true;
  for (const auto& item : list) {
    if (!item.is_scalar()) continue;
    const auto rel = resolve({}, std::string(item.scalar()));
    if (!rel || !stays_inside(folder_, *rel)) continue;
    const std::string display = join(folder_, *rel);
    if (first) {  // parsed here, at once: nothing to wait for
      first = false;
      continue;
    }
    if (!seen.insert(display).second || prefetched_.count(display)) continue;
    auto bytes = read_bytes(display);
    if (!bytes || text::invalid_utf8_at(*bytes) != std::string::npos) continue;
    jobs->push_back(std::make_shared<PartJob>(*this, *rel, display, std::move(*bytes)));
    prefetched_[display] = jobs->back();
  }
  if (jobs->empty()) return;
  const std::size_t cores = std::max(2u, std::thread::hardware_concurrency());
  const std::size_t n_workers = std::min(jobs->size(), static_cast<std::size_t>(cores - 1));
  auto next = std::make_shared<std::atomic<std::size_t>>(0);
  for (std::size_t w = 0; w < n_workers; ++w) {
    try {
      workers_.push_back(std::async(std::launch::async, [jobs, next] {
        for (std::size_t i; (i = next->fetch_add(1)) < jobs->size();) {
          PartJob& job = *(*jobs)[i];
          try {
            job.part = job.loader.part(job.file);
            job.done.set_value();
          } catch (...) {  // bad_alloc: rethrown by take_prefetched()
            job.done.set_exception(std::current_exception());
          }
        }
      }));
    } catch (const std::system_error&) {  // no thread (memory limit): convert on this one
      if (workers_.empty()) prefetched_.clear();  // else the running worker does every job
      return;
    }
  }
}

/// Takes the part converted ahead for `f` into `out`, when there is one for these very
/// bytes that was converted as this thread would convert it now; false when `f` is to be
/// converted here. The part's problems, files and placeholders join this loader's where
/// converting it here would have put them.
bool Loader::take_prefetched(const SourceFile& f, std::optional<Part>& out) {
  const auto it = prefetched_.find(f.display());
  if (it == prefetched_.end()) return false;
  const std::shared_ptr<PartJob> job = it->second;
  prefetched_.erase(it);
  // "Nested too deeply" is said once per document and cuts short what follows: a part
  // converted by a loader that had not seen it in an earlier part is converted again.
  if (job->file.text() != f.text() || deep_reported_) return false;
  job->ready.get();  // waits for the worker; rethrows its bad_alloc
  Loader& l = job->loader;
  const auto append = [](auto& to, auto& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  append(diags_.items, l.diags_.items);
  append(files_, l.files_);
  append(placeholders_, l.placeholders_);
  append(trees_, l.trees_);
  deep_reported_ = l.deep_reported_;
  out = std::move(job->part);
  return true;
}

std::optional<Part> Loader::part(const SourceFile& f) {
  const auto root = parse(f, "a part file holds `title:` and `body:` or `sections:`");
  if (!root) return std::nullopt;
  const Entries m = entries(f, *root, &kPartKeys, "a part file");
  Part p;
  p.file = f.display();
  p.pos = f.start();
  if (auto t = text_field(f, "title", find(m, "title"))) p.title = std::move(*t);
  if (const Entry* b = find(m, "body")) p.body = blocks(f, "body", b->value);
  if (const Entry* s = find(m, "sections")) p.sections = sections(f, s->value);
  return p;
}

std::vector<Section> Loader::sections(const SourceFile& f, const Node& n) {
  std::vector<Section> out;
  if (n.is_null()) return out;
  if (!n.is_sequence()) {
    diags_.error(pos(f, n), "`sections` must be a list, not " + std::string(type_name(n)),
                 "start each section with `- title: ...`");
    return out;
  }
  for (const auto& item : n)
    if (auto s = section(f, item)) out.push_back(std::move(*s));
  return out;
}

std::optional<Section> Loader::section(const SourceFile& f, const Node& n) {
  const Nest nest(depth_);
  if (too_deep(f, n)) return std::nullopt;
  if (!n.is_map()) {
    diags_.error(n.is_null() ? null_pos(f, n) : pos(f, n),
                 "a section must be a map with `title:`, not " + std::string(type_name(n)),
                 "write `- title: ...` and indent `body:` or `sections:` under the title");
    return std::nullopt;
  }
  const Entries m = entries(f, n, &kSectionKeys, "a section");
  Section s;
  s.pos = pos(f, n);
  if (required(f, "title", find(m, "title"), s.pos, " in a section",
               "every section has a `title:`; numbering is added by the style"))
    if (auto t = text_field(f, "title", find(m, "title"))) s.title = std::move(*t);
  if (auto b = flag(f, "numbered", find(m, "numbered"))) s.numbered = *b;
  if (const Entry* b = find(m, "body")) s.body = blocks(f, "body", b->value);
  if (const Entry* c = find(m, "sections")) s.sections = sections(f, c->value);
  return s;
}

std::vector<Block> Loader::blocks(const SourceFile& f, const std::string& key, const Node& n) {
  std::vector<Block> out;
  if (n.is_null()) return out;
  if (!n.is_sequence()) {
    diags_.error(pos(f, n), "`" + key + "` must be a list of blocks, not " + std::string(type_name(n)),
                 "start each paragraph on its own line with `- `");
    return out;
  }
  for (const auto& item : n) block(f, item, out, true);
  return out;
}

void Loader::block(const SourceFile& f, const Node& n, std::vector<Block>& out, bool in_body) {
  const Nest nest(depth_);
  if (too_deep(f, n)) return;
  Block b;
  if (n.is_null()) {
    diags_.error(null_pos(f, n), "empty paragraph", "write the text after the `- `, or remove the line");
    return;
  }
  if (n.is_scalar()) {
    b.text = text(f, n);
    b.pos = b.text.pos;
    out.push_back(std::move(b));
    return;
  }
  if (n.is_sequence()) {
    diags_.error(pos(f, n), "a block must be text or a map such as `list:`, not a list",
                 "to write a list, put `list:` first and the items under it");
    return;
  }
  if (flow_map(n)) {
    unquoted_brace(f, n);
    return;
  }
  b.pos = pos(f, n);
  // The block's kind is its kind key; the other keys are that kind's options.
  std::string kind;
  std::set<std::string> seen;
  for (const auto& kv : n.entries()) {
    if (!kv.first.is_scalar()) continue;
    const std::string k(kv.first.scalar());
    if (!contains(kBlockKinds, k) || !seen.insert(k).second) continue;
    if (kind.empty()) {
      kind = k;
    } else {
      diags_.error(pos(f, kv.first), "a block has one kind: `" + kind + "` and `" + k + "` cannot be combined",
                   "split it into two blocks, each starting with `- `");
      return;
    }
  }
  if (kind.empty()) {
    Names valid = kBlockKinds;
    valid.insert(valid.end(), {"marker", "align", "indent"});
    const auto [first_key, first_value] = n.entry(0);
    if (n.size() == 1 && first_key.is_scalar() && first_value.is_scalar()) {
      // "- Kết quả đạt được: tốt" is a one-key map to YAML, and most likely meant as text.
      const std::string k(first_key.scalar());
      if (detail::closest(k, valid).empty()) {
        diags_.error(pos(f, first_key), "unknown key `" + k + "`",
                     "if this is a paragraph, put it in quotes: unquoted, `: ` makes YAML read `" + k +
                         "` as a key");
        return;
      }
    }
    const std::size_t before = diags_.items.size();
    entries(f, n, &valid, "a block");
    if (diags_.items.size() == before)
      diags_.error(b.pos, "the block has no kind",
                   "start it with one of " + detail::list_names(kBlockKinds) + ", e.g. `- list:`");
    return;
  }
  if (kind == "include") {
    include(f, n, out, in_body);
    return;
  }
  std::optional<Block> made;
  if (kind == "list") made = list_block(f, n, std::move(b));
  else if (kind == "table") made = table_block(f, n, std::move(b));
  else if (kind == "quote") made = quote_block(f, n, std::move(b));
  else if (kind == "page-break") made = page_break(f, n, std::move(b));
  else made = paragraph_block(f, n, std::move(b));
  if (made) out.push_back(std::move(*made));
}

std::optional<Block> Loader::list_block(const SourceFile& f, const Node& n, Block b) {
  const Entries m = entries(f, n, &kListKeys, "a list block");
  b.kind = Block::Kind::List;
  if (auto mk = choice(f, "marker", find(m, "marker"), kMarkers)) b.marker = *mk;
  const Entry* l = find(m, "list");
  if (!l) return std::nullopt;  // a duplicate `list`, already reported
  if (l->value.is_null() || (l->value.is_sequence() && l->value.size() == 0)) {
    diags_.error(pos(f, l->key), "`list` has no items", "write each item on its own line starting with `- `");
    return std::nullopt;
  }
  b.items = list_items(f, l->value);
  return b;
}

std::optional<Block> Loader::paragraph_block(const SourceFile& f, const Node& n, Block b) {
  const Entries m = entries(f, n, &kParagraphKeys, "a paragraph block");
  const Entry* p = find(m, "paragraph");
  if (!p) return std::nullopt;
  if (!required(f, "paragraph", p, b.pos, "", "write the paragraph's text after `paragraph:`"))
    return std::nullopt;
  if (auto t = text_field(f, "paragraph", p)) b.text = std::move(*t);
  if (auto a = choice(f, "align", find(m, "align"), kAligns)) b.align = *a;
  b.indent = flag(f, "indent", find(m, "indent"));
  return b;
}

std::optional<Block> Loader::table_block(const SourceFile& f, const Node& n, Block b) {
  const std::size_t before = diags_.items.size();
  const Entries m = entries(f, n, &kTableBlockKeys, "a table block");
  bool misplaced = false;
  for (const auto& k : kTableKeys) {
    if (const Entry* e = find(m, k)) {
      diags_.error(pos(f, e->key), "`" + k + "` belongs under `table:`",
                   "indent `columns:`, `rows:` and `widths:` further than `table:`, under it");
      misplaced = true;
    }
  }
  const Entry* t = find(m, "table");
  if (!t) return std::nullopt;  // a duplicate `table`, already reported
  if (t->value.is_null()) {
    if (!misplaced)  // else the table is empty only because its keys are misplaced, said above
      diags_.error(pos(f, t->key), "`table` is empty", "indent `columns:` and `rows:` under `table:`");
    return std::nullopt;
  }
  if (!t->value.is_map()) {
    diags_.error(pos(f, t->value), "`table` must be a map with `rows:`, not " + std::string(type_name(t->value)),
                 "indent `columns:` (optional), `rows:` and `widths:` (optional) under `table:`");
    return std::nullopt;
  }
  const Entries tm = entries(f, t->value, &kTableKeys, "a table");
  b.kind = Block::Kind::Table;
  Table& table = b.table;

  bool have_columns = false;
  if (const Entry* c = find(tm, "columns")) {
    if (c->value.is_null() || (c->value.is_sequence() && c->value.size() == 0)) {
      diags_.error(pos(f, c->key), "`columns` is empty", "leave `columns` out for a table without a header row");
    } else if (!c->value.is_sequence()) {
      diags_.error(pos(f, c->value), "`columns` must be a list of header cells, not " +
                                         std::string(type_name(c->value)),
                   "e.g. `columns: [Chỉ tiêu, Kế hoạch, Thực hiện]`");
    } else {
      table.columns = cells(f, c->value);
      have_columns = true;
    }
  }

  // Every row has as many cells as the header, or (without one) as the first row.
  std::size_t count = table.columns.size();
  const Entry* r = find(tm, "rows");
  if (!r || r->value.is_null() || (r->value.is_sequence() && r->value.size() == 0)) {
    diags_.error(r ? pos(f, r->key) : pos(f, t->key), "the table has no rows",
                 "add `rows:` with one `- [cell, cell, ...]` line per row");
  } else if (!r->value.is_sequence()) {
    diags_.error(pos(f, r->value), "`rows` must be a list of rows, not " + std::string(type_name(r->value)),
                 "write one `- [cell, cell, ...]` line per row");
  } else {
    for (const auto& row : r->value) {
      if (!row.is_sequence()) {
        diags_.error(row.is_null() ? null_pos(f, row) : pos(f, row),
                     "a table row must be a list of cells, not " + std::string(type_name(row)),
                     "write the row as `- [cell, cell, ...]`; quote a cell that contains `,` or `: `");
        continue;
      }
      auto row_cells = cells(f, row);
      if (!have_columns && count == 0) count = row_cells.size();
      if (row_cells.empty()) {
        diags_.error(pos(f, row), "the table row has no cells", "write the row as `- [cell, cell, ...]`");
      } else if (row_cells.size() != count) {
        diags_.error(pos(f, row),
                     "the row has " + counted(row_cells.size(), "cell") + ", the table has " +
                         counted(count, "column"),
                     std::string(have_columns ? "`columns` has " : "the first row has ") + counted(count, "cell") +
                         "; every row has one cell per column (write \"\" for an empty cell)");
      }
      table.rows.push_back(std::move(row_cells));
    }
  }

  if (const Entry* w = find(tm, "widths"); w && !w->value.is_null()) {
    if (!w->value.is_sequence()) {
      diags_.error(pos(f, w->value), "`widths` must be a list, not " + std::string(type_name(w->value)),
                   "one width per column: weights such as `[1, 2, 1]` or lengths such as `[30mm, 12pt]`");
    } else {
      if (count > 0 && w->value.size() != count)
        diags_.error(pos(f, w->value),
                     "`widths` has " + counted(w->value.size(), "width") + ", the table has " +
                         counted(count, "column"),
                     "give one width per column, or leave `widths` out for equal columns");
      for (const auto& item : w->value)
        if (auto cw = column_width(f, item)) table.widths.push_back(std::move(*cw));
    }
  }
  if (diags_.items.size() != before) return std::nullopt;
  return b;
}

std::vector<Text> Loader::cells(const SourceFile& f, const Node& n) {
  std::vector<Text> out;
  for (const auto& cell : n) {
    if (cell.is_null()) {
      // An empty cell is a cell: tables often leave some blank.
      Text empty;
      empty.pos = pos(f, cell);
      out.push_back(std::move(empty));
    } else if (cell.is_scalar()) {
      out.push_back(text(f, cell));
    } else {
      if (flow_map(cell))
        unquoted_brace(f, cell);
      else
        diags_.error(pos(f, cell), "a table cell must be text, not " + std::string(type_name(cell)),
                     "cells hold inline text; quote a cell that contains `,`, `: ` or starts with `[`");
      out.emplace_back();  // keep the count right, so the row is not also reported as short
    }
  }
  return out;
}

std::optional<ColumnWidth> Loader::column_width(const SourceFile& f, const Node& n) {
  const char* form = "a column width is a number (a relative weight, e.g. `2`) or a length (`30mm`, `12pt`)";
  if (!n.is_scalar()) {
    diags_.error(n.is_null() ? null_pos(f, n) : pos(f, n), "a column width must be text, not " +
                                                                std::string(type_name(n)),
                 form);
    return std::nullopt;
  }
  ColumnWidth w;
  w.pos = text_pos(f, n);
  std::string_view v = n.scalar();
  for (const char* unit : {"mm", "pt"}) {
    if (v.ends_with(unit)) {
      w.unit = unit;
      v.remove_suffix(2);
      while (!v.empty() && v.back() == ' ') v.remove_suffix(1);  // "30 mm" is fine too
    }
  }
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), w.value);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !std::isfinite(w.value)) {
    diags_.error(w.pos, "bad column width `" + std::string(n.scalar()) + "`", form);
    return std::nullopt;
  }
  if (w.value <= 0) {
    diags_.error(w.pos, "a column width must be more than 0, not `" + std::string(n.scalar()) + "`", form);
    return std::nullopt;
  }
  return w;
}

std::optional<Block> Loader::quote_block(const SourceFile& f, const Node& n, Block b) {
  const Entries m = entries(f, n, &kQuoteKeys, "a quote block");
  const Entry* q = find(m, "quote");
  if (!q) return std::nullopt;
  if (!required(f, "quote", q, b.pos, "", "write the quotation after `quote:`")) return std::nullopt;
  auto t = text_field(f, "quote", q);
  if (!t) return std::nullopt;
  b.kind = Block::Kind::Quote;
  b.text = std::move(*t);
  return b;
}

std::optional<Block> Loader::page_break(const SourceFile& f, const Node& n, Block b) {
  const Entries m = entries(f, n, &kPageBreakKeys, "a page-break block");
  const Entry* p = find(m, "page-break");
  if (!p) return std::nullopt;
  if (p->value.is_null()) {
    diags_.error(pos(f, p->key), "`page-break` must be true or false", "write `- page-break: true`");
    return std::nullopt;
  }
  const auto on = flag(f, "page-break", p);
  // `page-break: false` is a break switched off, kept in the file to be switched on again:
  // it adds no block, as written.
  if (!on || !*on) return std::nullopt;
  b.kind = Block::Kind::PageBreak;
  return b;
}

void Loader::include(const SourceFile& f, const Node& n, std::vector<Block>& out, bool in_body) {
  const Entries m = entries(f, n, &kIncludeKeys, "an include block");
  const Entry* e = find(m, "include");
  if (!e) return;
  if (!in_body) {
    // Splicing blocks into a list item would make them its children, which no one means.
    diags_.error(pos(f, e->key), "`include` can only be an entry of a `body` list",
                 "put the `include` in the `body` list, before or after the list");
    return;
  }
  if (e->value.is_null()) {
    diags_.error(pos(f, e->key), "`include` is empty", "name the file to include: `- include: other.yaml`");
    return;
  }
  if (!scalar(f, "include", e)) return;
  const std::string dir = fs::path(chain_.back()).parent_path().generic_string();
  const auto rel = inside_folder(f, e->value, "include", dir);
  if (!rel) return;
  if (const auto first = std::find(chain_.begin(), chain_.end(), *rel); first != chain_.end()) {
    std::string cycle;
    for (auto it = first; it != chain_.end(); ++it) cycle += *it + " → ";
    diags_.error(text_pos(f, e->value), "include cycle: " + cycle + *rel,
                 "a file cannot include itself, directly or through the files it includes");
    return;
  }
  if (includes_ >= kMaxIncludeDepth) {
    diags_.error(text_pos(f, e->value),
                 "includes nested more than " + std::to_string(kMaxIncludeDepth) + " deep",
                 "include the files one after another from one file rather than each from the last");
    return;
  }
  auto bytes = read_listed(f, e->value, *rel, "included file", "the folder of the file that includes it",
                           {fs::path(chain_.back()).filename().string()});
  if (!bytes) return;
  const SourceFile g(join(folder_, *rel), std::move(*bytes));
  const Reading reading(chain_, *rel);
  const Nest nest(includes_);
  const auto root = parse(g, "an included file holds one key, `body:`, with a list of blocks");
  if (!root) return;
  const Entries im = entries(g, *root, &kIncludedFileKeys, "an included file");
  const Entry* body = find(im, "body");
  if (!body) {
    diags_.error(pos(g, *root), "missing `body` in an included file",
                 "an included file holds one key, `body:`, with a list of blocks");
    return;
  }
  for (auto& spliced : blocks(g, "body", body->value)) out.push_back(std::move(spliced));
}

std::vector<ListItem> Loader::list_items(const SourceFile& f, const Node& n) {
  const Nest nest(depth_);
  if (too_deep(f, n)) return {};
  std::vector<ListItem> items;
  if (!n.is_sequence()) {
    diags_.error(pos(f, n), "`list` must be a list of items, not " + std::string(type_name(n)),
                 "write each item on its own line starting with `- `");
    return items;
  }
  for (const auto& item : n) {
    if (item.is_null()) {
      diags_.error(null_pos(f, item), "empty list item", "write the text after the `- `, or remove the line");
    } else if (item.is_scalar()) {
      items.push_back({text(f, item), {}});
    } else {
      // A nested block (map) or a nested list (sequence) belongs to the item before it.
      if (flow_map(item)) {
        unquoted_brace(f, item);
        continue;
      }
      std::vector<Block> children;
      if (item.is_map()) {
        block(f, item, children, false);
      } else {
        Block nested;
        nested.kind = Block::Kind::List;
        nested.pos = pos(f, item);
        nested.items = list_items(f, item);
        children.push_back(std::move(nested));
      }
      if (deep_reported_) return items;  // too deep: everything below would echo it
      if (items.empty()) {
        diags_.error(pos(f, item), "a nested block must follow a list item",
                     "write the item's text first, then the nested block under it");
      } else {
        for (auto& child : children) items.back().children.push_back(std::move(child));
      }
    }
  }
  return items;
}

// ---------------------------------------------------------------------------------------
// Driver

std::vector<Diagnostic> Loader::sorted(std::vector<Diagnostic> ds) const {
  // Files in load order (document.yaml, then the parts), then line and column: the order
  // a reader goes through the document, whatever order the keys were checked in.
  const auto rank = [&](const SourcePos& p) {
    const auto it = std::find(files_.begin(), files_.end(), p.file);
    return std::tuple(it - files_.begin(), p.line, p.column);
  };
  std::stable_sort(ds.begin(), ds.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return rank(a.pos) < rank(b.pos); });
  return ds;
}

void Loader::stop() {
  // A file included twice is read twice: its problems are reported once.
  std::vector<Diagnostic> ds = sorted(std::move(diags_.items));
  const auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.pos.file == b.pos.file && a.pos.line == b.pos.line && a.pos.column == b.pos.column &&
           a.message == b.message;
  };
  std::vector<Diagnostic> unique;
  for (auto& d : ds)
    if (std::none_of(unique.begin(), unique.end(), [&](const Diagnostic& u) { return same(u, d); }))
      unique.push_back(std::move(d));
  throw Error(std::move(unique));
}

Document Loader::load(const std::string& path, const std::function<void(const Document&)>& on_head) {
  std::error_code ec;
  std::string file;
  if (fs::is_directory(path, ec)) {
    folder_ = path;
    while (folder_.size() > 1 && folder_.back() == '/') folder_.pop_back();
    file = join(folder_, "document.yaml");
    if (!fs::exists(file, ec))
      fail({path, 0, 0}, "no document.yaml in " + folder_,
           "a document folder holds document.yaml and its part files; a one-file document is "
           "given as its .yaml file");
  } else if (fs::exists(path, ec)) {
    file = path;
    folder_ = fs::path(path).parent_path().string();
  } else {
    fail({path, 0, 0}, "document not found: " + path,
         "give a document folder (holding document.yaml) or a document .yaml file");
  }
  auto bytes = read_bytes(file);
  if (!bytes) fail({file, 0, 0}, "cannot read " + file, "check that it is a file and readable");

  Document doc;
  doc.folder = folder_.empty() ? "." : folder_;
  doc.file = file;
  const SourceFile f(file, std::move(*bytes));
  const Reading reading(chain_, fs::path(file).filename().string());
  const auto root = parse(f, "document.yaml needs at least `kind:`, `header:` with `issuer:`, "
                             "`title:`, and `parts:` or `body:`");
  if (!root) stop();
  const Entries m = entries(f, *root, &kDocumentKeys, "document.yaml");
  const SourcePos top = pos(f, *root);
  doc.pos = top;

  // Variables first: any text may use them, wherever they are written.
  if (const Entry* v = find(m, "variables")) variables(f, *v);
  doc.variables = vars_;

  if (const Entry* s = find(m, "style")) {
    if (required(f, "style", s, top, "", "name a style such as `dang` or `nha-nuoc`")) {
      if (auto v = scalar(f, "style", s)) {
        doc.style = text::nfc(*v);
        doc.style_pos = text_pos(f, s->value);
      }
    }
  }
  if (on_head) on_head(doc);
  if (required(f, "kind", find(m, "kind"), top, "",
               "add `kind:` with the document type, e.g. `kind: bao-cao`"))
    if (auto v = scalar(f, "kind", find(m, "kind"))) doc.kind = text::nfc(*v);
  if (auto v = choice(f, "status", find(m, "status"), kStatuses)) doc.status = *v;

  if (const Entry* h = find(m, "header"))
    header(f, *h, doc.header);
  else
    diags_.error(top, "missing `header`", "add `header:` with at least `issuer:` (the issuing body)");
  if (doc.header.date) doc.created = doc.header.date;

  if (required(f, "title", find(m, "title"), top, "", "add `title:` with the document's title"))
    if (auto t = text_field(f, "title", find(m, "title"))) doc.title = std::move(*t);
  if (const Entry* s = find(m, "subtitle")) doc.subtitle = text_list(f, "subtitle", *s, true);
  if (const Entry* s = find(m, "signature")) signature(f, *s, doc);
  if (const Entry* r = find(m, "recipients")) doc.recipients = text_list(f, "recipients", *r, false);

  const Entry* parts_entry = find(m, "parts");
  const Entry* body_entry = find(m, "body");
  if (parts_entry && body_entry) {
    const Entry* later = pos(f, parts_entry->key).line > pos(f, body_entry->key).line ? parts_entry : body_entry;
    diags_.error(pos(f, later->key), "a document has `parts` or `body`, not both",
                 "use `body:` for a one-file document, `parts:` to list part files");
  } else if (body_entry) {
    Part p;
    p.file = file;
    p.pos = pos(f, body_entry->key);
    p.body = blocks(f, "body", body_entry->value);
    doc.parts.push_back(std::move(p));
  } else if (parts_entry) {
    parts(f, *parts_entry, doc);
  } else {
    diags_.error(top, "missing `parts` (or `body`)",
                 "list the part files under `parts:`, or write a one-file document's content under `body:`");
  }

  if (diags_.has_errors()) stop();
  std::vector<Diagnostic> places;
  for (auto& p : placeholders_) places.push_back({Severity::Warning, std::move(p), {}, {}});
  for (auto& d : sorted(std::move(places))) doc.placeholder_places.push_back(std::move(d.pos));
  doc.placeholders = static_cast<int>(doc.placeholder_places.size());
  return doc;
}

}  // namespace

Document load_document(const std::string& path, const std::function<void(const Document&)>& on_head) {
  return Loader().load(path, on_head);
}

}  // namespace vanban::content
