// The YAML tree: libyaml's events → nodes, and libyaml's errors → messages in plain words.
#include "pipeline/source/yaml.hpp"

#include <yaml.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <new>
#include <unordered_map>

#include "pipeline/core/i18n.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::source::yaml {

// ---------------------------------------------------------------------------------------
// Node

std::string_view Node::scalar() const {
  if (!is_scalar()) return {};
  const auto& d = data();
  return std::string_view(tree_->text).substr(d.first, d.count);
}

Node Node::operator[](std::size_t i) const {
  if (!is_sequence() || i >= data().count) return {};
  return child(static_cast<std::uint32_t>(data().first + i));
}

Node Node::operator[](std::string_view key) const {
  if (!is_map()) return {};
  const auto& d = data();
  for (std::uint32_t i = 0; i < d.count; ++i) {
    const Node k = child(d.first + 2 * i);
    if (k.is_scalar() && k.scalar() == key) return child(d.first + 2 * i + 1);
  }
  return {};
}

std::pair<Node, Node> Node::entry(std::size_t i) const {
  if (!is_map() || i >= data().count) return {};
  const auto slot = static_cast<std::uint32_t>(data().first + 2 * i);
  return {child(slot), child(slot + 1)};
}

// ---------------------------------------------------------------------------------------
// Tree

Node Tree::root() const { return data_ && data_->has_root ? Node(data_.get(), data_->root) : Node(); }
int Tree::documents() const { return data_ ? data_->documents : 0; }
std::size_t Tree::second_document() const { return data_ ? data_->second_document : 0; }
const std::optional<Problem>& Tree::problem() const {
  static const std::optional<Problem> none;
  return data_ ? data_->problem : none;
}

std::optional<bool> to_bool(std::string_view s) {
  // All lower, all upper, or capitalised: "Yes", "YES", "yes", not "yEs".
  if (s.empty()) return std::nullopt;
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const bool all_lower = std::all_of(s.begin(), s.end(), [&](char c) { return !upper(c); });
  const bool all_upper = std::all_of(s.begin(), s.end(), [&](char c) { return !lower(c); });
  const bool capital = upper(s[0]) && std::all_of(s.begin() + 1, s.end(), [&](char c) { return !upper(c); });
  if (!all_lower && !all_upper && !capital) return std::nullopt;
  std::string l(s);
  for (char& c : l)
    if (upper(c)) c = static_cast<char>(c - 'A' + 'a');
  if (l == "y" || l == "yes" || l == "true" || l == "on") return true;
  if (l == "n" || l == "no" || l == "false" || l == "off") return false;
  return std::nullopt;
}

namespace {

using text::is_continuation;

/// libyaml's marks count code points (mark.index); the tree keeps byte offsets. Marks
/// arrive in file order, so a cursor that walks from the last place asked about costs
/// little; it walks back too, for the marks of an error.
class Offsets {
 public:
  Offsets(std::string_view text, std::size_t start) : text_(text), start_(start), byte_(start) {}

  std::size_t byte(std::size_t index) {
    while (index_ < index && byte_ < text_.size()) {
      const auto b = static_cast<unsigned char>(text_[byte_]);
      if (b < 0x80) {  // most of a YAML file: indentation, keys, punctuation
        ++byte_;
        ++index_;
        continue;
      }
      const std::size_t n = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
      byte_ = std::min(byte_ + n, text_.size());
      ++index_;
    }
    while (index_ > index && byte_ > start_) {
      do --byte_;
      while (byte_ > start_ && is_continuation(static_cast<unsigned char>(text_[byte_])));
      --index_;
    }
    return byte_;
  }

 private:
  std::string_view text_;
  std::size_t start_;  ///< after a BOM: libyaml does not count it
  std::size_t byte_;
  std::size_t index_ = 0;
};

/// The character at `offset` (one UTF-8 sequence), for "unexpected `,`".
std::string char_at(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return {};
  std::size_t end = offset + 1;
  while (end < text.size() && is_continuation(static_cast<unsigned char>(text[end]))) ++end;
  return std::string(text.substr(offset, end - offset));
}

/// libyaml's problem and context, for matching.
bool has(const char* s, std::string_view part) { return s && std::string_view(s).find(part) != std::string_view::npos; }

/// The first quoted scalar that starts before code point `limit` and runs over more than
/// one line, found by libyaml's own scanner: the commonest cause of a broken structure is a
/// quote left open, which the next quote "closes" lines further down.
std::optional<std::size_t> multi_line_quote(std::string_view text, std::size_t limit) {
  yaml_parser_t p;
  if (!yaml_parser_initialize(&p)) throw std::bad_alloc();
  yaml_parser_set_input_string(&p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::optional<std::size_t> found;
  for (bool more = true; more && !found;) {
    yaml_token_t t;
    if (!yaml_parser_scan(&p, &t)) break;
    more = t.type != YAML_STREAM_END_TOKEN && t.start_mark.index < limit;
    if (more && t.type == YAML_SCALAR_TOKEN && t.start_mark.line != t.end_mark.line &&
        (t.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || t.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE))
      found = t.start_mark.index;
    yaml_token_delete(&t);
  }
  yaml_parser_delete(&p);
  return found;
}

/// The offset of the first byte of the line holding byte `offset`.
std::size_t line_start(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return offset == 0 ? 0 : text.rfind('\n', offset - 1) + 1;  // npos + 1 == 0: the first line
}

/// "line 6, column 8" of byte `offset`, for messages that name a second place.
std::string line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int column = 1;
  for (std::size_t i = line_start(text, offset); i < offset; ++i)
    if (!is_continuation(static_cast<unsigned char>(text[i]))) ++column;
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  return tr("line {}, column {}", line, column);
}

const char* const kIndentHint =
    N_("check the indentation of this line and the lines above: entries of one list or map start in the same column");

/// The hint for a character YAML reserves at the start of a value.
std::string quote_text(const std::string& c) {
  return tr("put the text in double quotes: unquoted, YAML gives a special meaning to `{}` at the start of a value", c);
}

/// A reader error (bytes libyaml refuses) in plain words.
Problem reader_problem(const yaml_parser_t& p, std::string_view text) {
  // problem_offset counts bytes of the input as given, a BOM included.
  const std::size_t at = std::min(p.problem_offset, text.size());
  if (has(p.problem, "control characters")) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(p.problem_value));
    // libyaml's "control characters" are every character YAML forbids; U+FFFE and U+FFFF
    // are noncharacters (U+FFFE is a byte-order mark read backwards), surrogates and the
    // rest are not printable either: named for what they are.
    const auto c = static_cast<unsigned>(p.problem_value);
    const bool nonchar = (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
    const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
    return {at,
            nonchar   ? tr("noncharacter {} in text", code)
            : control ? tr("control character {} in text", code)
                      : tr("unprintable character {} in text", code),
            nonchar && c == 0xFFFE
                ? tr("remove it: it is a byte-order mark read the wrong way round, left by a conversion from UTF-16")
                : tr("remove it: it is invisible and has no place in a document (it often comes from copying text "
                     "out of another program)")};
  }
  if (has(p.problem, "too long")) return {0, tr("the file is too large"), tr("split it into several files")};
  return {at, tr("the file is not valid UTF-8"), tr("save the file as UTF-8")};
}

/// A problem named by the construct libyaml was reading (its "context"): a quote, an
/// alias, a tag, a block scalar, a key; nullopt when the context says nothing useful.
std::optional<Problem> context_problem(const yaml_parser_t& p, std::string_view text, std::size_t at,
                                       std::size_t context_at) {
  const std::string c = char_at(text, at);
  // Quoted scalars: a quote left open, a backslash that is no escape.
  if (has(p.context, "quoted scalar")) {
    const std::string quote = char_at(text, context_at);
    if (has(p.problem, "end of stream"))
      return Problem{context_at, tr("unclosed quote"),
                     tr("the text runs to the end of the file; add the closing `{}`", quote)};
    if (has(p.problem, "document indicator"))
      return Problem{context_at, tr("unclosed quote"),
                     tr("the text runs into a line starting with `---` or `...`; add the closing `{}`", quote)};
    // An escape: reported at its backslash (libyaml stops at the bad digit after `\x`).
    std::size_t slash = std::min(at, text.size() - 1);
    while (slash > context_at && text[slash] != '\\' && at - slash < 10) --slash;
    const bool found = slash < text.size() && text[slash] == '\\';
    if (!found) slash = at;
    std::string escape = c;
    if (found) escape = std::string(1, '\\').append(char_at(text, slash + 1));
    return Problem{
        slash, tr("YAML syntax error: bad escape `{}` inside double quotes", escape),
        tr("inside double quotes `\\` starts an escape: write `\\\\` for a backslash, or use single quotes")};
  }

  // Text starting with a character YAML reserves.
  if (has(p.context, "alias") || has(p.context, "anchor")) {
    const std::string mark = char_at(text, context_at);
    return Problem{
        context_at, tr("YAML syntax error: text starting with `{}` must be quoted", mark),
        mark == "*"
            ? tr("unquoted, YAML reads `{0}name` as an alias; write the text in double quotes, e.g. \"{0}...\"", mark)
            : tr("unquoted, YAML reads `{0}name` as an anchor; write the text in double quotes, e.g. \"{0}...\"",
                 mark)};
  }
  if (has(p.context, "tag"))
    return Problem{context_at, tr("YAML syntax error: text starting with `!` must be quoted"), quote_text("!")};
  if (has(p.context, "directive"))
    return Problem{context_at, tr("YAML syntax error: a line starting with `%` must be quoted"), quote_text("%")};
  if (has(p.context, "block scalar"))
    return Problem{at, tr("YAML syntax error: bad `|` or `>` text block"),
                   tr("`|` or `>` alone at the end of a line starts a block of text on the lines below, indented "
                      "under it; quote a text that starts with `|` or `>`")};
  if (has(p.problem, "tab character"))
    return Problem{at, tr("YAML syntax error: tab character in the indentation"),
                   tr("indent with spaces: YAML does not allow tabs in indentation")};
  if (has(p.context, "simple key")) {
    // libyaml gives up on a key after 1024 characters: a `:` further on is no help.
    const std::size_t eol = std::min(text.find('\n', context_at), text.size());
    const std::size_t colon = text.substr(0, eol).find(':', context_at);
    if (colon != std::string_view::npos && colon - context_at > 1024)
      return Problem{context_at, tr("YAML syntax error: a key longer than 1024 characters"),
                     tr("YAML allows keys of up to 1024 characters: shorten it; a long text goes after the `:`")};
  }
  if (has(p.context, "simple key"))
    return Problem{context_at, tr("YAML syntax error: a line without `:` where a `key: value` line was expected"),
                   tr("write `key: value`, or `- text` in a list; a text may not run over several lines here")};
  return std::nullopt;
}

/// A problem named by libyaml's own words for it, with a guessed hint.
Problem token_problem(const yaml_parser_t& p, std::string_view text, std::size_t at, std::size_t context_at) {
  const std::string c = char_at(text, at);
  const auto unexpected = [&](const std::string& what) { return tr("YAML syntax error: unexpected {}", what); };
  std::string message;
  std::string hint;
  if (has(p.problem, "mapping values are not allowed")) {
    message = unexpected("`:`");
    hint = tr("a text containing `: ` must be quoted; otherwise check the indentation");
  } else if (has(p.problem, "block sequence entries are not allowed")) {
    message = unexpected("`- `");
    hint = tr("a list starts on the line after its key, one `- ` entry per line; otherwise check the indentation");
  } else if (has(p.problem, "mapping keys are not allowed")) {
    message = unexpected("`?`");
    hint = quote_text("?");
  } else if (has(p.problem, "expected ',' or ']'") || has(p.problem, "expected ',' or '}'")) {
    const std::string open = char_at(text, context_at);
    message = tr("YAML syntax error: the `{}` at {} is not closed", open, line_column(text, context_at));
    hint =
        tr("a `[` or `{` is not closed; inside `[...]` quote any text that holds `{`, `}`, `[`, `]` or `,`, "
           "and quote text that starts with `[` or `{`");
  } else if (has(p.problem, "expected key") || has(p.problem, "expected '-' indicator")) {
    // Where a block map wanted its next key or a block list its next `- `. At the start of
    // a line, that line is indented wrong; after a value, something ended that value early.
    const std::size_t line = line_start(text, at);
    const bool first = text.find_first_not_of(' ', line) == at;
    message = first ? tr("YAML syntax error: the indentation of this line does not match the lines above")
                    : tr("YAML syntax error: unexpected text after the end of a value");
    hint = translate(kIndentHint);
  } else if (has(p.problem, "document start")) {
    message = tr("YAML syntax error: text after the end of the document");
    hint = tr("a line `---` or `...` ends a YAML document: remove it");
  } else if (has(p.problem, "node content") || has(p.problem, "cannot start any token")) {
    message = c.empty() ? tr("YAML syntax error: unexpected end of the file") : unexpected("`" + c + "`");
    hint = c.empty() ? translate(kIndentHint) : quote_text(c);
  } else {
    // (libyaml's own words, in English: a case none of the above recognises)
    message = p.problem ? tr("YAML syntax error: {}", p.problem) : tr("YAML syntax error: the file cannot be read");
    hint = translate(kIndentHint);
  }
  return {at, std::move(message), std::move(hint)};
}

/// libyaml's error (reader, scanner or parser) as a Problem in plain words, at the right place.
Problem syntax_problem(const yaml_parser_t& p, std::string_view text, Offsets& offsets) {
  if (p.error == YAML_READER_ERROR) return reader_problem(p, text);
  const std::size_t at = offsets.byte(p.problem_mark.index);
  const std::size_t context_at = offsets.byte(p.context_mark.index);
  if (auto problem = context_problem(p, text, at, context_at)) return *problem;
  Problem problem = token_problem(p, text, at, context_at);
  std::string& hint = problem.hint;
  // Causes found by looking around, before the guess above.
  if (const auto q = multi_line_quote(text, p.problem_mark.index)) {
    hint = tr("the quote opened at {} is not closed on its line", line_column(text, offsets.byte(*q)));
  } else {
    // `title: {khoa} và ...`: an unquoted text starting with a variable is a YAML flow map.
    // Looked for on the line of the error and the line before it.
    const std::size_t line = line_start(text, at);
    const std::size_t from = line == 0 ? 0 : line_start(text, line - 1);
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view lines = text.substr(from, end - from);
    if (lines.find(": {") != std::string_view::npos || lines.find("- {") != std::string_view::npos)
      hint =
          tr("if this is text starting with a variable, quote it: \"{name} ...\"; unquoted, YAML reads `{...}` "
             "as a map");
  }
  return problem;
}

/// Events → nodes, without recursion: the collections being read are a stack.
class Builder {
 public:
  Builder(std::string_view text, detail::TreeData& out)
      : text_(text), out_(out), offsets_(text, text.starts_with("\xEF\xBB\xBF") ? 3 : 0) {}

  void run() {
    if (text_.size() > std::numeric_limits<std::int32_t>::max()) {
      out_.problem = Problem{0, tr("the file is too large"), tr("split it into several files")};
      return;
    }
    out_.nodes.reserve(text_.size() / 16);
    out_.text.reserve(text_.size() / 2);
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) throw std::bad_alloc();
    yaml_parser_set_input_string(&p, reinterpret_cast<const unsigned char*>(text_.data()), text_.size());
    try {
      while (!done_) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p, &e)) {
          if (p.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
          out_.problem = syntax_problem(p, text_, offsets_);
          break;
        }
        try {
          handle(e);
        } catch (...) {
          yaml_event_delete(&e);
          throw;
        }
        yaml_event_delete(&e);
      }
    } catch (...) {
      yaml_parser_delete(&p);
      throw;
    }
    yaml_parser_delete(&p);
    if (out_.problem) out_.has_root = false;
  }

 private:
  static constexpr std::uint32_t kOpen = std::numeric_limits<std::uint32_t>::max();

  /// A collection being read.
  struct Open {
    std::uint32_t node;
    std::size_t first_pending;  ///< where its children start in pending_
    std::uint64_t values = 1;   ///< values it holds, aliases counted as written out
    std::string anchor;
  };
  struct Anchor {
    std::uint32_t node = kOpen;  ///< kOpen while the anchored collection is still being read
    std::uint64_t values = 0;
  };

  void stop(std::size_t offset, std::string message, std::string hint) {
    out_.problem = Problem{offset, std::move(message), std::move(hint)};
    done_ = true;
  }

  std::uint32_t add_node(const yaml_event_t& e, Kind kind) {
    detail::NodeData d;
    d.offset = static_cast<std::uint32_t>(offsets_.byte(e.start_mark.index));
    d.kind = kind;
    out_.nodes.push_back(d);
    return static_cast<std::uint32_t>(out_.nodes.size() - 1);
  }

  /// A finished node (or an alias's target) takes its place in the collection being read,
  /// or becomes the document's root.
  void place(std::uint32_t node, std::uint64_t values) {
    if (open_.empty()) {
      out_.root = node;
      out_.has_root = true;
      return;
    }
    pending_.push_back(node);
    open_.back().values += values;
  }

  void name(const yaml_char_t* anchor, std::uint32_t node, std::uint64_t values) {
    if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = {node, values};
  }

  void start_collection(const yaml_event_t& e, Kind kind, bool flow, const yaml_char_t* anchor) {
    const std::uint32_t n = add_node(e, kind);
    out_.nodes[n].flow = flow;
    if (flow && ++flow_depth_ > kMaxFlowDepth) {
      stop(out_.nodes[n].offset, tr("the content is nested too deeply"),
           tr("lists and maps in brackets (`[...]`, `{...}`) nest at most {} deep; no document needs more: write the "
              "content out level by level",
              kMaxFlowDepth));
      return;
    }
    Open o{n, pending_.size(), 1, {}};
    if (anchor) {
      o.anchor = reinterpret_cast<const char*>(anchor);
      anchors_[o.anchor] = {};  // open: an alias to it from inside would repeat it forever
    }
    open_.push_back(std::move(o));
  }

  void end_collection() {
    Open o = std::move(open_.back());
    open_.pop_back();
    detail::NodeData& d = out_.nodes[o.node];
    if (d.flow) --flow_depth_;
    const std::size_t n = pending_.size() - o.first_pending;
    d.first = static_cast<std::uint32_t>(out_.children.size());
    d.count = static_cast<std::uint32_t>(d.kind == Kind::Map ? n / 2 : n);
    out_.children.insert(out_.children.end(), pending_.begin() + static_cast<std::ptrdiff_t>(o.first_pending),
                         pending_.end());
    pending_.resize(o.first_pending);
    if (!o.anchor.empty()) anchors_[o.anchor] = {o.node, o.values};
    place(o.node, o.values);
  }

  void scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE || s.style == YAML_ANY_SCALAR_STYLE;
    const bool null = plain && s.plain_implicit &&
                      (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL");
    // Escapes ("\u0301") put in characters the files' byte check did not see.
    if (s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && text::count_cluster_marks(value) > text::kMaxClusterMarks) {
      stop(offsets_.byte(e.start_mark.index), text::long_cluster_message(), text::long_cluster_hint());
      return;
    }
    const std::uint32_t n = add_node(e, null ? Kind::Null : Kind::Scalar);
    detail::NodeData& d = out_.nodes[n];
    switch (s.style) {
      case YAML_SINGLE_QUOTED_SCALAR_STYLE: d.style = Style::SingleQuoted; break;
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE: d.style = Style::DoubleQuoted; break;
      case YAML_LITERAL_SCALAR_STYLE: d.style = Style::Literal; break;
      case YAML_FOLDED_SCALAR_STYLE: d.style = Style::Folded; break;
      default: d.style = Style::Plain; break;
    }
    if (!null) {
      d.first = static_cast<std::uint32_t>(out_.text.size());
      d.count = static_cast<std::uint32_t>(value.size());
      out_.text.append(value);
    }
    name(s.anchor, n, 1);
    place(n, 1);
  }

  void alias(const yaml_event_t& e) {
    const std::string name(reinterpret_cast<const char*>(e.data.alias.anchor));
    const std::size_t at = offsets_.byte(e.start_mark.index);
    const auto it = anchors_.find(name);
    if (it == anchors_.end()) {
      stop(at, tr("YAML syntax error: `*{0}` refers to no anchor `&{0}` above it", name),
           tr("a text starting with `*` must be quoted: write it in double quotes, e.g. \"*{}...\"", name));
      return;
    }
    if (it->second.node == kOpen) {
      stop(at, tr("the alias `*{0}` is inside the block `&{0}` it repeats", name),
           tr("a block cannot contain a copy of itself: write the content out"));
      return;
    }
    // Counted before anything is built (nothing is: the alias shares its anchor's node),
    // so that a file of aliases of aliases is refused after a million values, not a billion.
    repeated_ += it->second.values;
    if (repeated_ > kMaxAliasValues) {
      stop(at, tr("the file is too large: more than {} YAML values", kMaxAliasValues),
           tr("its aliases (`*name`) repeat more than {} values; write the content out, or split it into several "
              "documents",
              kMaxAliasValues));
      return;
    }
    place(it->second.node, it->second.values);
  }

  void handle(const yaml_event_t& e) {
    if (out_.documents >= 2) {  // the event after the second document's start: its root
      out_.second_document = offsets_.byte(e.start_mark.index);
      done_ = true;
      return;
    }
    if (const yaml_char_t* tag = tag_of(e)) {
      // A tag asks for a type (`!!binary`, `!!python/object`) that a document never means:
      // ignoring it would read the value as something the writer did not intend.
      const std::string t(reinterpret_cast<const char*>(tag));
      stop(offsets_.byte(e.start_mark.index), tr("YAML tag `{}` is not supported", t),
           tr("vanban reads text, lists and maps only: remove the tag; a text starting with `!` must be quoted"));
      return;
    }
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (++out_.documents == 2) anchors_.clear();
        break;
      case YAML_SCALAR_EVENT: scalar(e); break;
      case YAML_ALIAS_EVENT: alias(e); break;
      case YAML_SEQUENCE_START_EVENT:
        start_collection(e, Kind::Sequence, e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE,
                         e.data.sequence_start.anchor);
        break;
      case YAML_MAPPING_START_EVENT:
        start_collection(e, Kind::Map, e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE,
                         e.data.mapping_start.anchor);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: end_collection(); break;
      case YAML_STREAM_END_EVENT: done_ = true; break;
      default: break;
    }
  }

  /// The tag written on a node (`!!str x`, `!x`), or null; libyaml gives none for an untagged one.
  static const yaml_char_t* tag_of(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_SCALAR_EVENT: return e.data.scalar.tag;
      case YAML_SEQUENCE_START_EVENT: return e.data.sequence_start.tag;
      case YAML_MAPPING_START_EVENT: return e.data.mapping_start.tag;
      default: return nullptr;
    }
  }

  std::string_view text_;
  detail::TreeData& out_;
  Offsets offsets_;
  std::vector<Open> open_;
  std::vector<std::uint32_t> pending_;  ///< children of the open collections, innermost last
  std::unordered_map<std::string, Anchor> anchors_;
  std::uint64_t repeated_ = 0;  ///< values repeated by aliases so far
  int flow_depth_ = 0;
  bool done_ = false;
};

}  // namespace

Tree Tree::parse(std::string_view text) {
  auto data = std::make_shared<detail::TreeData>();
  Builder(text, *data).run();
  Tree t;
  t.data_ = std::move(data);
  return t;
}

}  // namespace vanban::source::yaml
