#pragma once
/// The YAML tree the content, style and check stages read their files into, built on
/// libyaml's event parser (libyaml's own header stays in yaml.cpp): nothing after those
/// stages sees YAML.
///
/// The tree is read-only and compact: one array of nodes per file, the text of every
/// scalar in one buffer. Each node keeps the byte offset where it starts in the file, so
/// that a SourceFile can name its line and column. Aliases (`*name`) are not copied: an
/// alias is the node its anchor names, shared; a budget on how many values they repeat
/// keeps a "billion laughs" file from costing a billion steps to whoever walks the tree.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace vanban::source::yaml {

/// What a node is. A plain empty value, `~` and `null` are Null; `""` is an empty Scalar.
enum class Kind : std::uint8_t { Null, Scalar, Sequence, Map };

/// How a scalar was written: callers place text after a quote or a `|` header.
enum class Style : std::uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

/// Flow collections (`[` and `{`) nested deeper than this are refused where the next one
/// opens. Block nesting costs a line of indentation per level, flow nesting one character:
/// this is what stops a small file of brackets from nesting 10,000 levels deep.
inline constexpr int kMaxFlowDepth = 64;

/// Values that aliases may repeat in one file, counted as if written out.
inline constexpr std::uint64_t kMaxAliasValues = 1'000'000;

/// A problem that stops the parse, in words for the people who write documents.
struct Problem {
  std::size_t offset = 0;  ///< byte offset in the text where it is reported
  std::string message;
  std::string hint;
};

namespace detail {
/// One node: 16 bytes. A tree holds one array of them.
struct NodeData {
  std::uint32_t offset = 0;  ///< byte offset of the node's first character (its anchor or tag, if any)
  std::uint32_t first = 0;   ///< scalar: start in the text buffer; collection: first slot in the child list
  std::uint32_t count = 0;   ///< scalar: length in bytes; sequence: items; map: entries
  Kind kind = Kind::Null;
  Style style = Style::Plain;
  bool flow = false;  ///< a collection written in `[...]` or `{...}`
};

/// What a Tree shares between its copies.
struct TreeData {
  std::vector<NodeData> nodes;
  std::vector<std::uint32_t> children;  ///< node indices: a sequence's items; a map's key, value, key, value...
  std::string text;                     ///< every scalar's text, one after the other
  std::uint32_t root = 0;
  bool has_root = false;
  int documents = 0;
  std::size_t second_document = 0;
  std::optional<Problem> problem;
};
}  // namespace detail

/// A node of a Tree: a handle (the tree and an index), cheap to copy, valid while a Tree
/// holding its data lives. A default-constructed Node is absent: what a missing key gives.
class Node {
 public:
  Node() = default;

  /// True unless absent. A null value (`key:` with nothing after it) is present.
  explicit operator bool() const { return tree_ != nullptr; }

  Kind kind() const { return tree_ ? data().kind : Kind::Null; }
  bool is_null() const { return tree_ && data().kind == Kind::Null; }
  bool is_scalar() const { return tree_ && data().kind == Kind::Scalar; }
  bool is_sequence() const { return tree_ && data().kind == Kind::Sequence; }
  bool is_map() const { return tree_ && data().kind == Kind::Map; }
  /// True for a sequence or map written in brackets, `[...]` or `{...}`.
  bool is_flow() const { return tree_ && data().flow; }
  Style style() const { return tree_ ? data().style : Style::Plain; }

  /// A scalar's text (escapes resolved, lines folded); "" for anything else.
  std::string_view scalar() const;
  /// Byte offset in the file of the node's first character; 0 when absent.
  std::size_t offset() const { return tree_ ? data().offset : 0; }

  /// Items of a sequence, entries of a map, 0 for anything else.
  std::size_t size() const { return tree_ && (is_sequence() || is_map()) ? data().count : 0; }
  /// Item `i` of a sequence (absent when out of range or not a sequence).
  Node operator[](std::size_t i) const;
  /// The value of the first entry of a map whose key is the text `key` (absent if none).
  Node operator[](std::string_view key) const;
  /// Entry `i` of a map: its key and value (both absent when out of range or not a map).
  std::pair<Node, Node> entry(std::size_t i) const;

  template <typename T>
  class Iterator;
  struct Entries;
  /// Walks a sequence's items: `for (Node item : list)` (nothing for anything else).
  Iterator<Node> begin() const;
  Iterator<Node> end() const;
  /// A map's entries as std::pair<Node, Node>, in the order written, repeated keys
  /// included: `for (auto [key, value] : map.entries())`.
  Entries entries() const;

 private:
  friend class Tree;
  Node(const detail::TreeData* t, std::uint32_t i) : tree_(t), index_(i) {}
  const detail::NodeData& data() const { return tree_->nodes[index_]; }
  Node child(std::uint32_t slot) const { return {tree_, tree_->children[slot]}; }

  const detail::TreeData* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

/// Walks the items of a sequence (T = Node) or the entries of a map (T = std::pair<Node, Node>).
template <typename T>
class Node::Iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = T;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = T;
  Iterator() = default;
  Iterator(Node n, std::size_t i) : node_(n), i_(i) {}
  T operator*() const {
    if constexpr (std::is_same_v<T, Node>)
      return node_[i_];
    else
      return node_.entry(i_);
  }
  Iterator& operator++() {
    ++i_;
    return *this;
  }
  Iterator operator++(int) {
    Iterator old = *this;
    ++i_;
    return old;
  }
  bool operator==(const Iterator& o) const { return i_ == o.i_; }

 private:
  Node node_;
  std::size_t i_ = 0;
};

/// The range of a map's entries.
struct Node::Entries {
  Node map;
  Iterator<std::pair<Node, Node>> begin() const { return {map, 0}; }
  Iterator<std::pair<Node, Node>> end() const { return {map, map.is_map() ? map.size() : 0}; }
};

inline Node::Iterator<Node> Node::begin() const { return {is_sequence() ? *this : Node(), 0}; }
inline Node::Iterator<Node> Node::end() const { return {Node(), is_sequence() ? size() : 0}; }
inline Node::Entries Node::entries() const { return {*this}; }

/// One parsed file. Copies share the same data (the tree never changes once built), so a
/// tree can be handed between threads and stages freely.
class Tree {
 public:
  /// Parses `text` (UTF-8; a leading BOM is skipped). Never throws for bad YAML: the tree
  /// then has a problem() and no root. Throws std::bad_alloc when memory runs out.
  static Tree parse(std::string_view text);

  /// The first document's root; absent when the file holds no document or has a problem.
  Node root() const;
  /// How many documents the file holds, counting up to 2 (the parse stops at the second).
  int documents() const;
  /// Byte offset of the second document's root, when documents() is 2.
  std::size_t second_document() const;
  /// The problem that stopped the parse, if any.
  const std::optional<Problem>& problem() const;

 private:
  std::shared_ptr<const detail::TreeData> data_;
};

/// YAML's words for true and false, as yaml-cpp read them (y/n, yes/no, true/false,
/// on/off; all lower case, all upper case or capitalised); nullopt for anything else.
std::optional<bool> to_bool(std::string_view s);

}  // namespace vanban::source::yaml
