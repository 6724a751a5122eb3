#include "pipeline/source/fields.hpp"

#include <algorithm>
#include <string_view>

#include "pipeline/core/i18n.hpp"
#include "pipeline/source/bytes.hpp"
#include "pipeline/source/suggest.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::source {

using yaml::Node;

bool contains(const Names& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

const Entry* find(const Entries& entries, const std::string& key) {
  const auto it = entries.find(key);
  return it == entries.end() ? nullptr : &it->second;
}

const char* type_name(const Node& node) {
  // TRANSLATORS: what a YAML value is, in "`key` must be text, not {}".
  if (node.is_sequence()) return translate(N_("a list"));
  if (node.is_map()) return translate(N_("a map"));
  if (node.is_null()) return translate(N_("empty"));
  return translate(N_("text"));
}

SourcePos Fields::text_pos(const yaml::Node& n) const {
  // A node starts at its first token: the quote, the `|`, or an anchor/tag.
  const std::string& s = file_.text();
  std::size_t o = n.offset();
  while (o < s.size() && (s[o] == '&' || s[o] == '!')) {
    while (o < s.size() && s[o] != ' ' && s[o] != '\n') ++o;
    while (o < s.size() && s[o] == ' ') ++o;
  }
  if (o < s.size() && (s[o] == '"' || s[o] == '\'')) return file_.at(o + 1);
  if (o < s.size() && (s[o] == '|' || s[o] == '>')) {
    // A block scalar's text starts on the first non-blank line after its header.
    for (auto nl = s.find('\n', o); nl != std::string::npos; nl = s.find('\n', nl + 1)) {
      std::size_t q = nl + 1;
      while (q < s.size() && s[q] == ' ') ++q;
      if (q < s.size() && s[q] != '\n' && s[q] != '\r') return file_.at(q);
    }
  }
  return file_.at(o);
}

SourcePos Fields::null_pos(const yaml::Node& n) const {
  // libyaml places an empty entry just after the `-` (or `:`) that introduced it (after
  // an anchor or tag, if any): the last significant character before it, comments aside.
  const std::string& s = file_.text();
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
    if (limit > start) return file_.at(limit - 1);
    if (start == 0) break;
    end = start - 1;
  }
  return file_.at(o);
}

std::optional<Node> Fields::parse_map(const std::string& empty_hint, yaml::Tree& tree) {
  // Blank lines only: said at once, without a parse that would cost time per line.
  if (file_.text().find_first_not_of(" \r\n") == std::string::npos) {
    diags_.error(file_.start(), tr("the file is empty"), empty_hint);
    return std::nullopt;
  }
  if (!check_bytes(file_, diags_)) return std::nullopt;
  tree = yaml::Tree::parse(file_.text());
  if (const auto& p = tree.problem()) {
    diags_.error(file_.at(p->offset), p->message, p->hint);
    return std::nullopt;
  }
  if (tree.documents() == 0 || (tree.documents() == 1 && tree.root().is_null())) {
    diags_.error(file_.start(), tr("the file is empty"), empty_hint);
    return std::nullopt;
  }
  if (tree.documents() > 1) {
    diags_.error(file_.at(tree.second_document()), tr("the file holds more than one YAML document"),
                 tr("remove the `---` line: one file is one document or one part"));
    return std::nullopt;
  }
  const Node root = tree.root();
  if (!root.is_map()) {
    diags_.error(pos(root), tr("the file must be a map of `key: value` lines, not {}", type_name(root)), empty_hint);
    return std::nullopt;
  }
  return root;
}

std::optional<Entries> Fields::map_entries(const Entry& e, const Names* valid, const std::string& where,
                                           const std::string& hint) {
  if (e.value.is_map()) return entries(e.value, valid, where);
  diags_.error(e.value.is_null() ? pos(e.key) : pos(e.value), tr("{} must be a map, not {}", where, type_name(e.value)),
               hint);
  return std::nullopt;
}

Entries Fields::entries(const Node& map, const Names* valid, const std::string& where) {
  Entries out;
  // Keys in NFC (`xã` typed precomposed and with a combining mark are one key): the place
  // of the first is worked out only for a duplicate.
  std::map<std::string, Node, std::less<>> seen;
  for (const auto& kv : map.entries()) {
    const Node& k = kv.first;
    if (!k.is_scalar()) {
      diags_.error(pos(k), tr("a key must be a plain name"), tr("write `name: value`"));
      continue;
    }
    const std::string name = text::is_nfc_quick(k.scalar()) ? std::string(k.scalar()) : text::nfc(k.scalar());
    // The tree keeps both entries of a repeated key; the second would be ignored silently.
    if (const auto it = seen.find(name); it != seen.end()) {
      const bool same_bytes = it->second.scalar() == k.scalar();
      const int line = pos(it->second).line;
      diags_.error(pos(k), tr("duplicate key `{}`", name),
                   same_bytes ? tr("`{}` is already given at line {}; keep one", name, line)
                              : tr("`{}` is already given at line {} (typed with its accents composed differently, "
                                   "the same key once normalised); keep one",
                                   name, line));
      continue;
    }
    seen.emplace(name, k);
    if (valid && !contains(*valid, name)) {
      diags_.error(pos(k), tr("unknown key `{}`", name),
                   suggestion(name, *valid, tr("valid keys in {}: {}", where, "{}")));
      continue;
    }
    out.emplace(name, Entry{k, kv.second});
  }
  return out;
}

std::optional<std::string> Fields::scalar(const std::string& key, const Entry* e) {
  if (!e || e->value.is_null()) return std::nullopt;
  return text(e->value, key);
}

std::optional<std::string> Fields::text(const Node& n, const std::string& key) {
  if (n.is_map() && n.is_flow()) {
    unquoted_brace(n);
    return std::nullopt;
  }
  if (!n.is_scalar()) {
    diags_.error(pos(n), tr("`{}` must be text, not {}", key, type_name(n)),
                 tr("write `{}: ...` with the text on the same line", key));
    return std::nullopt;
  }
  return std::string(n.scalar());
}

bool Fields::map(const Node& n, const std::string& key, const std::string& hint) {
  if (n.is_map()) return true;
  diags_.error(pos(n), tr("`{}` must be a map of `key: value` lines, not {}", key, type_name(n)), hint);
  return false;
}

bool Fields::required(const std::string& key, const Entry* e, const SourcePos& where, const std::string& in, const std::string& hint) {
  if (!e) {
    diags_.error(where, in.empty() ? tr("missing `{}`", key) : tr("missing `{}` in {}", key, in), hint);
    return false;
  }
  if (e->value.is_null() || (e->value.is_scalar() && e->value.scalar().empty())) {
    diags_.error(pos(e->key), tr("`{}` is empty", key), hint);
    return false;
  }
  return true;
}

std::optional<bool> Fields::flag(const std::string& key, const Entry* e) {
  if (!e || e->value.is_null()) return std::nullopt;
  const auto b = e->value.is_scalar() ? yaml::to_bool(e->value.scalar()) : std::nullopt;
  if (!b) {
    diags_.error(pos(e->value), tr("`{}` must be true or false", key), tr("write `{0}: true` or `{0}: false`", key));
    return std::nullopt;
  }
  return *b;
}

std::optional<std::string> Fields::choice(const std::string& key, const Entry* e, const Names& allowed) {
  const auto s = scalar(key, e);
  if (!s) return std::nullopt;
  const std::string v = text::nfc(*s);
  if (!contains(allowed, v)) {
    diags_.error(text_pos(e->value), tr("`{}` must be one of {}, not `{}`", key, list_names(allowed), v),
                 closest(v, allowed).empty() ? std::string() : tr("did you mean `{}`?", closest(v, allowed)));
    return std::nullopt;
  }
  return v;
}

void Fields::unquoted_brace(const yaml::Node& n) {
  // `- {dang_bo} đã ...` is a YAML flow map, not text starting with a variable.
  diags_.error(pos(n), tr("text starting with `{` must be quoted"),
               tr("unquoted, YAML reads `{...}` as a map: write \"{name} ...\" in double quotes"));
}

}  // namespace vanban::source
