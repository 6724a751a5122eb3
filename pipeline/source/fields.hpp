#pragma once
/// The one reader of YAML values into typed fields, shared by every stage that reads a YAML
/// file (content, style, check), with one error policy: a problem is added to the
/// Diagnostics the reader was given, at its `file:line:column` and with a hint, and the
/// value is reported absent (nullopt, false, or nothing); the caller goes on reading and
/// decides when to stop (content collects every problem of every file; the style stops at
/// the first value it cannot use, since later values are checked against earlier ones).
/// Unknown keys are answered with "did you mean" when one valid key is near.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/source/file.hpp"
#include "pipeline/source/yaml.hpp"

namespace vanban::source {

using Names = std::vector<std::string>;

/// A key of a YAML map with its value.
struct Entry {
  yaml::Node key;
  yaml::Node value;
};

/// The entries of a map by key (see Fields::entries).
using Entries = std::map<std::string, Entry>;

/// Whether `name` is one of `names`.
bool contains(const Names& names, const std::string& name);

/// The entry of `key`, or nullptr.
const Entry* find(const Entries& entries, const std::string& key);

/// What a node is, in the words of messages: "a list", "a map", "empty" or "text".
const char* type_name(const yaml::Node& node);

/// Reads the nodes of one file, reporting into `diags` (see the policy above).
class Fields {
 public:
  Fields(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  /// The file being read.
  const SourceFile& file() const { return file_; }

  /// Where a node starts (its first token: a quote, `|`, an anchor).
  SourcePos pos(const yaml::Node& n) const { return file_.at(n.offset()); }
  /// Where a scalar's text starts: after its quote, on the first line of a `|` block.
  SourcePos text_pos(const yaml::Node& n) const;
  /// Where an empty value is: just after the `-` or `:` that introduced it.
  SourcePos null_pos(const yaml::Node& n) const;
  /// null_pos for an empty node, else pos: the place of a list item.
  SourcePos item_pos(const yaml::Node& n) const { return n.is_null() ? null_pos(n) : pos(n); }

  /// Parses the file (after check_bytes) and returns its root, which must be a map; nullopt
  /// after reporting a problem (`empty_hint` is the hint for an empty file or another root).
  /// The tree is returned through `tree`: its nodes live as long as it does.
  std::optional<yaml::Node> parse_map(const std::string& empty_hint, yaml::Tree& tree);

  /// The entries of `map` by key: a key that is not text, a repeated key, and (when `valid`
  /// is given) a key not in `valid` are reported and left out. `where` names the map in
  /// hints, in the reader's language (a tr() noun phrase): "valid keys in `header`: ...".
  Entries entries(const yaml::Node& map, const Names* valid, const std::string& where);

  /// The entries of `e`'s value, a map named `where` ("`signature`") in messages; nullopt
  /// when it is another value, reported at the value (at the key when it is empty) as
  /// "`signature` must be a map, not a list", with `hint`.
  std::optional<Entries> map_entries(const Entry& e, const Names* valid, const std::string& where,
                                     const std::string& hint);

  /// The text of `e`: nullopt when absent, empty, or not text (reported).
  std::optional<std::string> scalar(const std::string& key, const Entry* e);
  /// The text of `n` (the value of `key`): nullopt when it is not text (reported as
  /// "`key` must be text, not a list", or as an unquoted `{...}`).
  std::optional<std::string> text(const yaml::Node& n, const std::string& key);
  /// True when `n` (the value of `key`) is a map; else reported ("`key` must be a map of
  /// `key: value` lines, not text") with `hint`.
  bool map(const yaml::Node& n, const std::string& key, const std::string& hint);
  /// Reports a missing `key` at `where` ("missing `key`", or "missing `key` in " + `in`, a
  /// translated noun phrase such as "`header`") or an empty one at its key.
  bool required(const std::string& key, const Entry* e, const SourcePos& where, const std::string& in,
                const std::string& hint);
  /// A YAML boolean (true/false, yes/no, on/off); nullopt when absent, empty or not one (reported).
  std::optional<bool> flag(const std::string& key, const Entry* e);
  /// One of `allowed` (NFC); nullopt when absent or another value (reported, with "did you mean").
  std::optional<std::string> choice(const std::string& key, const Entry* e, const Names& allowed);
  /// Reports `{...}` written as a value: YAML reads it as a map, the writer meant text.
  void unquoted_brace(const yaml::Node& n);

  /// Where problems are reported.
  Diagnostics& diags() { return diags_; }

 private:
  const SourceFile& file_;
  Diagnostics& diags_;
};

}  // namespace vanban::source
