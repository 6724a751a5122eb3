// Reading a booklet style (styles/so-tay-a5.yaml) through source::Fields. Every key has a
// default taken from the A5 style, so a booklet style may give only what it changes.
#include "pipeline/booklet/book_style.hpp"

#include <filesystem>

#include "pipeline/booklet/values.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/source/fields.hpp"
#include "pipeline/source/file.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::booklet {

namespace {

namespace fs = std::filesystem;
using source::Entries;
using source::Entry;
using source::Fields;
using source::find;
using source::Names;
using source::yaml::Node;

const Names kKeys = {"name", "kind", "page", "body-size", "min-size", "page-number", "front-matter",
                     "running-head", "contents", "cover"};
const Names kLookKeys = {"size", "bold", "italic"};

/// The entries of the map under `key`, or none (a value that is not a map is reported).
Entries section(Fields& f, const Entries& keys, const std::string& key, const Names& valid) {
  const Entry* e = find(keys, key);
  if (!e || e->value.is_null() || !f.map(e->value, key, tr("write `{}:` with its keys indented under it", key)))
    return {};
  return f.entries(e->value, &valid, "`" + key + "`");
}

void set_length(Fields& f, const Entries& keys, const std::string& key, Sp& out) {
  if (auto v = detail::length(f, key, find(keys, key))) out = *v;
}

void set_look(Fields& f, const Entries& keys, const std::string& key, Look& out) {
  const Entries look = section(f, keys, key, kLookKeys);
  set_length(f, look, "size", out.size);
  if (auto v = f.flag("bold", find(look, "bold"))) out.bold = *v;
  if (auto v = f.flag("italic", find(look, "italic"))) out.italic = *v;
}

void page(Fields& f, const Entries& keys, BookStyle& s) {
  const Entries page = section(f, keys, "page", {"size", "margins"});
  if (const Entry* size = find(page, "size")) {
    if (!size->value.is_sequence() || size->value.size() != 2) {
      f.diags().error(f.pos(size->value), tr("`size` must be a list of the width and the height"),
                      tr("write `size: [148mm, 210mm]`"));
    } else {
      const Entry w{size->key, size->value[0]}, h{size->key, size->value[1]};
      if (auto v = detail::length(f, "size", &w)) s.width = *v;
      if (auto v = detail::length(f, "size", &h)) s.height = *v;
    }
  }
  const Entries margins = section(f, page, "margins", {"top", "bottom", "inner", "outer"});
  set_length(f, margins, "top", s.top);
  set_length(f, margins, "bottom", s.bottom);
  set_length(f, margins, "inner", s.inner);
  set_length(f, margins, "outer", s.outer);
}

void furniture(Fields& f, const Entries& keys, BookStyle& s) {
  const Entries number = section(f, keys, "page-number", {"place", "size", "bold", "italic", "baseline"});
  if (auto v = f.choice("place", find(number, "place"), {"outer", "center"}))
    s.number_place = *v == "outer" ? NumberPlace::Outer : NumberPlace::Center;
  set_length(f, number, "size", s.number.size);
  if (auto v = f.flag("bold", find(number, "bold"))) s.number.bold = *v;
  if (auto v = f.flag("italic", find(number, "italic"))) s.number.italic = *v;
  set_length(f, number, "baseline", s.number_baseline);
  if (auto v = f.choice("front-matter", find(keys, "front-matter"), {"roman", "none"})) s.front_roman = *v == "roman";
  const Entries head = section(f, keys, "running-head", {"show", "size", "bold", "italic", "baseline"});
  if (auto v = f.flag("show", find(head, "show"))) s.running_head = *v;
  set_length(f, head, "size", s.head.size);
  if (auto v = f.flag("bold", find(head, "bold"))) s.head.bold = *v;
  if (auto v = f.flag("italic", find(head, "italic"))) s.head.italic = *v;
  set_length(f, head, "baseline", s.head_baseline);
}

void contents_and_cover(Fields& f, const Entries& keys, BookStyle& s) {
  const Entries c = section(f, keys, "contents",
                            {"title", "depth", "indent", "leading", "title-style", "document-style", "entry-style"});
  if (auto v = f.scalar("title", find(c, "title"))) s.contents_title = text::nfc(*v);
  if (auto v = detail::whole(f, "depth", find(c, "depth"), 0, 4)) s.contents_depth = *v;
  set_length(f, c, "indent", s.contents_indent);
  set_length(f, c, "leading", s.contents_leading);
  set_look(f, c, "title-style", s.contents_heading);
  set_look(f, c, "document-style", s.contents_document);
  set_look(f, c, "entry-style", s.contents_entry);
  const Entries cover = section(f, keys, "cover", {"parent", "issuer", "title", "line", "foot", "foot-format", "image-width"});
  set_look(f, cover, "parent", s.cover_parent);
  set_look(f, cover, "issuer", s.cover_issuer);
  set_look(f, cover, "title", s.cover_title);
  set_look(f, cover, "line", s.cover_line);
  set_look(f, cover, "foot", s.cover_foot);
  if (auto v = f.scalar("foot-format", find(cover, "foot-format"))) s.cover_foot_format = text::nfc(*v);
  set_length(f, cover, "image-width", s.cover_image_width);
}

/// The A5 defaults (styles/so-tay-a5.yaml says the same, with its reasons).
BookStyle defaults() {
  BookStyle s;
  s.width = mm(148), s.height = mm(210);
  s.top = mm(16), s.bottom = mm(18), s.inner = mm(18), s.outer = mm(14);
  s.body_size = pt(11), s.min_size = pt(9);
  s.number = {pt(10), false, false};
  s.number_baseline = mm(200);
  s.head = {pt(9), false, true};
  s.head_baseline = mm(10);
  s.contents_heading = {pt(13), true, false};
  s.contents_document = {pt(11), true, false};
  s.contents_entry = {pt(10.5), false, false};
  s.contents_indent = mm(5);
  s.contents_leading = pt(14);
  s.cover_parent = {pt(12), false, false};
  s.cover_issuer = {pt(12), true, false};
  s.cover_title = {pt(24), true, false};
  s.cover_line = {pt(13), true, false};
  s.cover_foot = {pt(11), false, true};
  s.cover_image_width = mm(30);
  return s;
}

/// What the values must hold together: the text area is not empty, furniture on the page.
void check_sizes(Fields& f, const Node& root, const BookStyle& s) {
  if (s.inner + s.outer + mm(30) > s.width || s.top + s.bottom + mm(30) > s.height)
    f.diags().error(f.pos(root),
                    tr("the margins leave less than 30 mm of text on a {} × {} mm page", int(to_mm(s.width) + 0.5),
                       int(to_mm(s.height) + 0.5)),
                    tr("make `page.margins` smaller"));
  if (s.body_size <= 0 || s.min_size <= 0 || s.min_size > s.body_size)
    f.diags().error(f.pos(root),
                    tr("`body-size` and `min-size` must be above 0, `min-size` no larger than `body-size`"),
                    tr("e.g. `body-size: 11pt`, `min-size: 9pt`"));
  if (s.number_baseline <= 0 || s.number_baseline >= s.height || s.head_baseline <= 0 || s.head_baseline >= s.height)
    f.diags().error(f.pos(root), tr("a `baseline` of the page number or running head is off the page"),
                    tr("baselines are measured from the top edge of the page"));
}

}  // namespace

style::PageGeometry BookStyle::page() const {
  style::PageGeometry g;
  g.width = width, g.height = height;
  g.top = top, g.bottom = bottom, g.left = inner, g.right = outer;
  g.mirror = true;  // odd pages have the spine on the left, even pages on the right
  return g;
}

BookStyle load_book_style(const std::string& name_or_path, const std::string& styles_dir, const std::string& base_dir,
                          const SourcePos& where) {
  const bool is_path = name_or_path.ends_with(".yaml");
  const std::string path = is_path ? (fs::path(base_dir) / name_or_path).string()
                                   : (fs::path(styles_dir) / (name_or_path + ".yaml")).string();
  auto bytes = source::read_file(path);
  if (!bytes) fail(where, tr("unknown booklet style `{}`", name_or_path), tr("the A5 booklet style is `so-tay-a5`"));
  const source::SourceFile file(path, std::move(*bytes));
  Diagnostics diags;
  Fields f(file, diags);
  source::yaml::Tree tree;
  BookStyle s = defaults();
  s.file = path;
  if (const auto root = f.parse_map(tr("a booklet style names `kind: booklet` and its page"), tree)) {
    // (A document's style named here would otherwise be a list of unknown keys.)
    if ((*root)["kind"].scalar() != "booklet")
      fail(where, tr("`{}` is not a booklet style: it has no `kind: booklet`", name_or_path),
           tr("a booklet's `style` names a booklet style such as `so-tay-a5`; documents keep their own"));
    const Entries keys = f.entries(*root, &kKeys, tr("a booklet style"));
    if (auto v = f.scalar("name", find(keys, "name"))) s.name = *v;
    page(f, keys, s);
    set_length(f, keys, "body-size", s.body_size);
    set_length(f, keys, "min-size", s.min_size);
    furniture(f, keys, s);
    contents_and_cover(f, keys, s);
    if (!diags.has_errors()) check_sizes(f, *root, s);
  }
  if (diags.has_errors()) {
    sort_in_reading_order(diags.items, {path});
    throw Error(std::move(diags.items));
  }
  return s;
}

}  // namespace vanban::booklet
