// The body of a part: sections, blocks (paragraphs, lists, quotes, page breaks) and the
// files included among them. Tables are in table.cpp.
#include <algorithm>
#include <filesystem>

#include "pipeline/content/loader.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/core/limits.hpp"
#include "pipeline/source/paths.hpp"
#include "pipeline/source/suggest.hpp"

namespace vanban::content::detail {

namespace {

namespace fs = std::filesystem;
using source::find;
using source::type_name;

const Names kSectionKeys = {"title", "numbered", "body", "sections"};
const Names kBlockKinds = {"paragraph", "list", "table", "quote", "page-break", "include"};
const Names kListKeys = {"list", "marker"};
const Names kParagraphKeys = {"paragraph", "align", "indent"};
const Names kQuoteKeys = {"quote"};
const Names kPageBreakKeys = {"page-break"};
const Names kIncludeKeys = {"include"};
const Names kIncludedFileKeys = {"body"};
const Names kMarkers = {"-", "+", "•", "a)", "1."};
const Names kAligns = {"left", "center", "right", "justify"};

}  // namespace

std::vector<Section> Loader::sections(Fields& f, const Node& n) {
  std::vector<Section> out;
  if (n.is_null()) return out;
  if (!n.is_sequence()) {
    diags_.error(f.pos(n), tr("`sections` must be a list, not {}", type_name(n)),
                 tr("start each section with `- title: ...`"));
    return out;
  }
  for (const auto& item : n)
    if (auto s = section(f, item)) out.push_back(std::move(*s));
  return out;
}

std::optional<Section> Loader::section(Fields& f, const Node& n, const Names* keys, const std::string& what) {
  const Nest nest(depth_);
  if (too_deep(f, n)) return std::nullopt;
  if (!n.is_map()) {
    diags_.error(f.item_pos(n), tr("{} must be a map with `title:`, not {}", what, type_name(n)),
                 tr("write `- title: ...` and indent `body:` or `sections:` under the title"));
    return std::nullopt;
  }
  const Entries m = f.entries(n, keys ? keys : &kSectionKeys, what);
  Section s;
  s.pos = f.pos(n);
  if (f.required("title", find(m, "title"), s.pos, what,
                 tr("every section has a `title:`; numbering is added by the style")))
    if (auto t = text_field(f, "title", find(m, "title"))) s.title = std::move(*t);
  if (auto b = f.flag("numbered", find(m, "numbered"))) s.numbered = *b;
  if (const Entry* b = find(m, "body")) s.body = blocks(f, "body", b->value);
  if (const Entry* c = find(m, "sections")) s.sections = sections(f, c->value);
  return s;
}

std::vector<Block> Loader::blocks(Fields& f, const std::string& key, const Node& n) {
  std::vector<Block> out;
  if (n.is_null()) return out;
  if (!n.is_sequence()) {
    diags_.error(f.pos(n), tr("`{}` must be a list of blocks, not {}", key, type_name(n)),
                 tr("start each paragraph on its own line with `- `"));
    return out;
  }
  for (const auto& item : n) block(f, item, out, true);
  return out;
}

void Loader::block(Fields& f, const Node& n, std::vector<Block>& out, bool in_body) {
  const Nest nest(depth_);
  // Blocks inside included files are counted here, as they multiply; the document's own
  // are counted once loaded (resolve::check_document_size), which gives the same message.
  if (too_deep(f, n) || (includes_ > 0 && over_block_limit(f, n))) return;
  Block b;
  if (n.is_null()) {
    diags_.error(f.null_pos(n), tr("empty paragraph"), tr("write the text after the `- `, or remove the line"));
    return;
  }
  if (n.is_scalar()) {
    b.text = text(f, n);
    b.pos = b.text.pos;
    out.push_back(std::move(b));
    return;
  }
  if (n.is_sequence()) {
    diags_.error(f.pos(n), tr("a block must be text or a map such as `list:`, not a list"),
                 tr("to write a list, put `list:` first and the items under it"));
    return;
  }
  if (flow_map(n)) {
    f.unquoted_brace(n);
    return;
  }
  b.pos = f.pos(n);
  const auto kind = block_kind(f, n);
  if (!kind) return;  // two kinds, reported
  if (kind->empty()) {
    kindless_block(f, n, b.pos);
    return;
  }
  if (*kind == "include") {
    include(f, n, out, in_body);
    return;
  }
  std::optional<Block> made;
  if (*kind == "list") made = list_block(f, n, std::move(b));
  else if (*kind == "table") made = table_block(f, n, std::move(b));
  else if (*kind == "quote") made = quote_block(f, n, std::move(b));
  else if (*kind == "page-break") made = page_break(f, n, std::move(b));
  else made = paragraph_block(f, n, std::move(b));
  if (made) out.push_back(std::move(*made));
}

/// The block's kind: its kind key (the other keys are that kind's options); "" when it
/// has none; nullopt when it has two (reported).
std::optional<std::string> Loader::block_kind(Fields& f, const Node& n) {
  std::string kind;
  std::set<std::string> seen;
  for (const auto& kv : n.entries()) {
    if (!kv.first.is_scalar()) continue;
    const std::string k(kv.first.scalar());
    if (!source::contains(kBlockKinds, k) || !seen.insert(k).second) continue;
    if (kind.empty()) {
      kind = k;
    } else {
      diags_.error(f.pos(kv.first), tr("a block has one kind: `{}` and `{}` cannot be combined", kind, k),
                   tr("split it into two blocks, each starting with `- `"));
      return std::nullopt;
    }
  }
  return kind;
}

/// A map block without a kind key: its keys are reported, or the missing kind.
void Loader::kindless_block(Fields& f, const Node& n, const SourcePos& at) {
  Names valid = kBlockKinds;
  valid.insert(valid.end(), {"marker", "align", "indent"});
  const auto [first_key, first_value] = n.entry(0);
  if (n.size() == 1 && first_key.is_scalar() && first_value.is_scalar()) {
    // "- Kết quả đạt được: tốt" is a one-key map to YAML, and most likely meant as text.
    const std::string k(first_key.scalar());
    if (source::closest(k, valid).empty()) {
      diags_.error(f.pos(first_key), tr("unknown key `{}`", k),
                   tr("if this is a paragraph, put it in quotes: unquoted, `: ` makes YAML read `{}` as a key", k));
      return;
    }
  }
  const std::size_t before = diags_.items.size();
  f.entries(n, &valid, tr("a block"));
  if (diags_.items.size() == before)
    diags_.error(at, tr("the block has no kind"),
                 tr("start it with one of {}, e.g. `- list:`", source::list_names(kBlockKinds)));
}

std::optional<Block> Loader::list_block(Fields& f, const Node& n, Block b) {
  const Entries m = f.entries(n, &kListKeys, tr("a list block"));
  b.kind = Block::Kind::List;
  if (auto mk = f.choice("marker", find(m, "marker"), kMarkers)) b.marker = *mk;
  const Entry* l = find(m, "list");
  if (!l) return std::nullopt;  // a duplicate `list`, already reported
  if (l->value.is_null() || (l->value.is_sequence() && l->value.size() == 0)) {
    diags_.error(f.pos(l->key), tr("`list` has no items"), tr("write each item on its own line starting with `- `"));
    return std::nullopt;
  }
  b.items = list_items(f, l->value);
  return b;
}

std::optional<Block> Loader::paragraph_block(Fields& f, const Node& n, Block b) {
  const Entries m = f.entries(n, &kParagraphKeys, tr("a paragraph block"));
  const Entry* p = find(m, "paragraph");
  if (!p) return std::nullopt;
  if (!f.required("paragraph", p, b.pos, "", tr("write the paragraph's text after `paragraph:`"))) return std::nullopt;
  if (auto t = text_field(f, "paragraph", p)) b.text = std::move(*t);
  if (auto a = f.choice("align", find(m, "align"), kAligns)) b.align = *a;
  b.indent = f.flag("indent", find(m, "indent"));
  return b;
}

std::optional<Block> Loader::quote_block(Fields& f, const Node& n, Block b) {
  const Entries m = f.entries(n, &kQuoteKeys, tr("a quote block"));
  const Entry* q = find(m, "quote");
  if (!q) return std::nullopt;
  if (!f.required("quote", q, b.pos, "", tr("write the quotation after `quote:`"))) return std::nullopt;
  auto t = text_field(f, "quote", q);
  if (!t) return std::nullopt;
  b.kind = Block::Kind::Quote;
  b.text = std::move(*t);
  return b;
}

std::optional<Block> Loader::page_break(Fields& f, const Node& n, Block b) {
  const Entries m = f.entries(n, &kPageBreakKeys, tr("a page-break block"));
  const Entry* p = find(m, "page-break");
  if (!p) return std::nullopt;
  if (p->value.is_null()) {
    diags_.error(f.pos(p->key), tr("`page-break` must be true or false"), tr("write `- page-break: true`"));
    return std::nullopt;
  }
  const auto on = f.flag("page-break", p);
  // `page-break: false` is a break switched off, kept in the file to be switched on again:
  // it adds no block, as written.
  if (!on || !*on) return std::nullopt;
  b.kind = Block::Kind::PageBreak;
  return b;
}

void Loader::include(Fields& f, const Node& n, std::vector<Block>& out, bool in_body) {
  const Entries m = f.entries(n, &kIncludeKeys, tr("an include block"));
  const Entry* e = find(m, "include");
  if (!e) return;
  if (!in_body) {
    // Splicing blocks into a list item would make them its children, which no one means.
    diags_.error(f.pos(e->key), tr("`include` can only be an entry of a `body` list"),
                 tr("put the `include` in the `body` list, before or after the list"));
    return;
  }
  if (e->value.is_null()) {
    diags_.error(f.pos(e->key), tr("`include` is empty"), tr("name the file to include: `- include: other.yaml`"));
    return;
  }
  if (!f.scalar("include", e)) return;
  const std::string dir = fs::path(chain_.back()).parent_path().generic_string();
  const auto rel = inside_folder(f, e->value, tr("include"), dir);
  if (!rel) return;
  if (const auto first = std::find(chain_.begin(), chain_.end(), *rel); first != chain_.end()) {
    std::string cycle;
    for (auto it = first; it != chain_.end(); ++it) cycle += *it + " → ";
    diags_.error(f.text_pos(e->value), tr("include cycle: {}{}", cycle, *rel),
                 tr("a file cannot include itself, directly or through the files it includes"));
    return;
  }
  if (includes_ >= kMaxIncludeDepth) {
    diags_.error(f.text_pos(e->value), tr("includes nested more than {} deep", kMaxIncludeDepth),
                 tr("include the files one after another from one file rather than each from the last"));
    return;
  }
  auto [cached, first_time] = included_.try_emplace(*rel);
  Included& inc = cached->second;
  if (first_time) {
    auto bytes = read_listed(f, e->value, *rel, tr("included file"), tr("the folder of the file that includes it"),
                             {fs::path(chain_.back()).filename().string()});
    if (!bytes) return;
    inc.file = std::make_unique<SourceFile>(source::join(folder_, *rel), std::move(*bytes));
  }
  if (!inc.file) return;  // could not be read: reported the first time
  Fields g(*inc.file, diags_);
  const Reading reading(chain_, *rel);
  const Nest nest(includes_);
  if (first_time) inc.root = parse(g, tr("an included file holds one key, `body:`, with a list of blocks"));
  if (!inc.root) return;
  // Problems of the file's own keys are reported the first time it is spliced only.
  Diagnostics ignored;
  Fields quiet(*inc.file, ignored);
  const Entries im = (first_time ? g : quiet).entries(*inc.root, &kIncludedFileKeys, tr("an included file"));
  const Entry* body = find(im, "body");
  if (!body) {
    if (first_time)
      diags_.error(g.pos(*inc.root), tr("missing `body` in an included file"),
                   tr("an included file holds one key, `body:`, with a list of blocks"));
    return;
  }
  for (auto& spliced : blocks(g, "body", body->value)) out.push_back(std::move(spliced));
}

/// Counts one block read from an included file (an include entry is one too), across the
/// document and all its parts, and refuses the block
/// past kMaxBlocks. Counting here, as includes are expanded, stops a file that includes
/// another many times (which includes another many times...) before its blocks multiply
/// past what memory holds; resolve's own count of the loaded document comes too late.
bool Loader::over_block_limit(Fields& f, const Node& n) {
  const std::size_t read = blocks_read_->fetch_add(1, std::memory_order_relaxed);
  if (read < kMaxBlocks) return false;
  if (read == kMaxBlocks)  // one loader reports it; the rest only stop
    diags_.error(
        f.pos(n),
        tr("the document is too large: more than {} blocks (paragraphs, list items, table rows, headings)", kMaxBlocks),
        tr("a file included N times counts N times; split the document into several, or include each file once"));
  return true;
}

std::vector<ListItem> Loader::list_items(Fields& f, const Node& n) {
  const Nest nest(depth_);
  if (too_deep(f, n)) return {};
  std::vector<ListItem> items;
  if (!n.is_sequence()) {
    diags_.error(f.pos(n), tr("`list` must be a list of items, not {}", type_name(n)),
                 tr("write each item on its own line starting with `- `"));
    return items;
  }
  for (const auto& item : n) {
    if (item.is_null()) {
      diags_.error(f.null_pos(item), tr("empty list item"), tr("write the text after the `- `, or remove the line"));
    } else if (item.is_scalar()) {
      items.push_back({text(f, item), {}});
    } else {
      // A nested block (map) or a nested list (sequence) belongs to the item before it.
      if (flow_map(item)) {
        f.unquoted_brace(item);
        continue;
      }
      std::vector<Block> children;
      if (item.is_map()) {
        block(f, item, children, false);
      } else {
        Block nested;
        nested.kind = Block::Kind::List;
        nested.pos = f.pos(item);
        nested.items = list_items(f, item);
        children.push_back(std::move(nested));
      }
      if (deep_reported_) return items;  // too deep: everything below would echo it
      if (items.empty()) {
        diags_.error(f.pos(item), tr("a nested block must follow a list item"),
                     tr("write the item's text first, then the nested block under it"));
      } else {
        for (auto& child : children) items.back().children.push_back(std::move(child));
      }
    }
  }
  return items;
}

}  // namespace vanban::content::detail
