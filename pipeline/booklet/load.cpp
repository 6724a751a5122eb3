// Reading booklet.yaml: every key through source::Fields, every problem collected and
// reported at once, in reading order, like a document's (content/load.cpp).
#include <charconv>
#include <filesystem>
#include <set>
#include <system_error>

#include "pipeline/booklet/booklet.hpp"
#include "pipeline/booklet/values.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/source/fields.hpp"
#include "pipeline/source/file.hpp"
#include "pipeline/source/paths.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::booklet {

namespace {

namespace fs = std::filesystem;
using source::Entry;
using source::Fields;
using source::find;
using source::Names;

const Names kKeys = {"style", "parent", "issuer", "title",     "congress", "term",  "place",
                     "date",  "cover-image", "documents", "toc", "imposition", "copies"};
const Names kEntryKeys = {"folder", "short-title"};
const Names kImpositionKeys = {"mode", "creep", "crop-marks", "bleed", "signature"};

/// Text of `key` in NFC, or "" when absent or not text (reported).
std::string text_of(Fields& f, const source::Entries& keys, const std::string& key) {
  const auto v = f.scalar(key, find(keys, key));
  return v ? text::nfc(*v) : std::string();
}

/// `date: 2025-06` (year and month: the cover prints "tháng 6 năm 2025").
std::optional<MonthYear> month_year(Fields& f, const Entry* e) {
  const auto s = f.scalar("date", e);
  if (!s) return std::nullopt;
  MonthYear d;
  const char* end = s->data() + s->size();
  const auto y = std::from_chars(s->data(), end, d.year);
  const bool dash = y.ec == std::errc() && y.ptr != end && *y.ptr == '-';
  const auto m = dash ? std::from_chars(y.ptr + 1, end, d.month) : y;
  if (!dash || m.ec != std::errc() || m.ptr != end || y.ptr - s->data() != 4 || d.month < 1 || d.month > 12 ||
      d.year < 1) {
    f.diags().error(f.text_pos(e->value), tr("`date` must be a year and month such as `2025-06`, not `{}`", *s),
                    tr("the cover prints the month and year: write `date: 2025-06`"));
    return std::nullopt;
  }
  return d;
}

/// `title:` one line of text or a list of lines.
std::vector<std::string> title_lines(Fields& f, const Entry* e) {
  std::vector<std::string> out;
  if (!e || e->value.is_null()) return out;
  if (!e->value.is_sequence()) {
    if (auto v = f.text(e->value, "title")) out.push_back(text::nfc(*v));
    return out;
  }
  for (const auto& item : e->value)
    if (auto v = f.text(item, "title")) out.push_back(text::nfc(*v));
  if (e->value.size() == 0)
    f.diags().error(f.pos(e->value), tr("`title` is an empty list"),
                    tr("write the cover's title lines: `title: [VĂN KIỆN, ĐẠI HỘI]`"));
  return out;
}

/// One item of `documents:`: `../bao-cao` or `{folder: ../bao-cao, short-title: ...}`.
void document_entry(Fields& f, const source::yaml::Node& item, const std::string& folder, Booklet& b,
                    std::set<std::string>& seen) {
  Entry e{item, item};
  std::string short_title;
  const Entry* path = &e;
  source::Entries keys;
  if (item.is_map()) {
    keys = f.entries(item, &kEntryKeys, tr("a `documents` item"));
    path = find(keys, "folder");
    if (!f.required("folder", path, f.pos(item), tr("this `documents` item"),
                    tr("name the document folder: `folder: ../bao-cao-chinh-tri`")))
      return;
    short_title = text_of(f, keys, "short-title");
  } else if (item.is_null()) {
    f.diags().error(f.item_pos(item), tr("empty item in `documents`"),
                    tr("write a document folder, e.g. `- ../bao-cao-chinh-tri`"));
    return;
  }
  const auto name = f.text(path->value, "documents");
  if (!name) return;
  const SourcePos at = f.text_pos(path->value);
  const std::string joined = source::join(folder, *name);
  std::error_code ec;
  if (!fs::is_directory(joined, ec)) {
    f.diags().error(at, tr("no document folder `{}` (looked for {})", *name, joined),
                    tr("paths are relative to the booklet folder: `../bao-cao-chinh-tri` is beside it"));
    return;
  }
  if (!fs::is_regular_file(fs::path(joined) / "document.yaml", ec)) {
    f.diags().error(at, tr("`{}` holds no document.yaml", *name),
                    tr("each item of `documents` is a document folder, as `vanban build` takes it"));
    return;
  }
  const std::string key = fs::weakly_canonical(joined, ec).string();
  if (!seen.insert(key).second) {
    f.diags().error(at, tr("`{}` is listed twice", *name), tr("a document is printed once: remove one of the items"));
    return;
  }
  b.documents.push_back({joined, short_title, f.pos(item)});
}

void imposition(Fields& f, const Entry* e, Imposition& out) {
  if (!e || e->value.is_null()) return;
  if (e->value.is_scalar()) {  // `imposition: saddle-stitch` alone
    if (auto m = f.choice("imposition", e, {"saddle-stitch", "none"})) out.mode = *m;
    return;
  }
  if (!f.map(e->value, "imposition",
             tr("write `mode: saddle-stitch` (and `creep`, `crop-marks`, `bleed`, `signature`) under it")))
    return;
  const auto keys = f.entries(e->value, &kImpositionKeys, tr("`imposition`"));
  if (auto m = f.choice("mode", find(keys, "mode"), {"saddle-stitch", "none"})) out.mode = *m;
  // The same bounds as the command line's --creep, --bleed and --signature.
  if (auto v = detail::length(f, "creep", find(keys, "creep"))) {
    if (*v < 0 || *v > mm(5))
      f.diags().error(f.text_pos(find(keys, "creep")->value), tr("`creep` must lie between 0 and 5mm"),
                      tr("creep is a fraction of a millimetre per sheet"));
    else out.creep = *v;
  }
  if (auto v = f.flag("crop-marks", find(keys, "crop-marks"))) out.crop_marks = *v;
  if (auto v = detail::length(f, "bleed", find(keys, "bleed"))) {
    if (*v < 0 || *v > mm(10))
      f.diags().error(f.text_pos(find(keys, "bleed")->value), tr("`bleed` must lie between 0 and 10mm"),
                      tr("printers ask for 3mm"));
    else out.bleed = *v;
  }
  const Entry* sig = find(keys, "signature");
  if (auto v = detail::whole(f, "signature", sig, 8, 32)) {
    if (*v != 8 && *v != 16 && *v != 32)
      f.diags().error(f.text_pos(sig->value), tr("`signature` must be 8, 16 or 32, not {}", *v),
                      tr("pages per folded section: 2, 4 or 8 sheets"));
    else
      out.signature = *v;
  }
}

void read(Fields& f, const source::yaml::Node& root, Booklet& b) {
  const auto keys = f.entries(root, &kKeys, "booklet.yaml");
  const SourcePos top = f.pos(root);
  if (const Entry* s = find(keys, "style");
      s && f.required("style", s, top, "", tr("name a booklet style such as `so-tay-a5`"))) {
    b.style = text_of(f, keys, "style");
    b.style_pos = f.text_pos(s->value);
  }
  const std::string hint = tr("the cover prints it: e.g. `issuer: ĐẢNG BỘ XÃ …`");
  if (f.required("issuer", find(keys, "issuer"), top, "booklet.yaml", hint)) b.issuer = text_of(f, keys, "issuer");
  b.parent = text_of(f, keys, "parent");
  if (f.required("title", find(keys, "title"), top, "booklet.yaml",
                 tr("the cover's title lines: `title: [VĂN KIỆN, ĐẠI HỘI …]`")))
    b.title = title_lines(f, find(keys, "title"));
  b.congress = text_of(f, keys, "congress");
  b.term = text_of(f, keys, "term");
  b.place = text_of(f, keys, "place");
  b.date = month_year(f, find(keys, "date"));
  if (const Entry* img = find(keys, "cover-image"); img && f.scalar("cover-image", img)) {
    const std::string name = *f.scalar("cover-image", img);
    b.cover_image_pos = f.text_pos(img->value);
    const auto rel = source::resolve("", name);
    std::error_code ec;
    if (!rel || !source::stays_inside(b.folder, *rel))
      f.diags().error(b.cover_image_pos, tr("`cover-image` leaves the booklet folder: `{}`", name),
                      tr("copy the image into the booklet folder and name it from there"));
    else if (!fs::is_regular_file(source::join(b.folder, *rel), ec))
      f.diags().error(b.cover_image_pos, tr("no image file `{}`", name),
                      tr("a PNG or JPEG file in the booklet folder"));
    else
      b.cover_image = source::join(b.folder, *rel);
  }
  const Entry* docs = find(keys, "documents");
  if (f.required("documents", docs, top, "booklet.yaml",
                 tr("list the document folders: `documents: [../bao-cao-chinh-tri]`"))) {
    if (!docs->value.is_sequence()) {
      f.diags().error(f.pos(docs->value),
                      tr("`documents` must be a list of document folders, not {}", source::type_name(docs->value)),
                      tr("write one `- ../folder` line per document, in the order printed"));
    } else if (docs->value.size() == 0) {
      f.diags().error(f.pos(docs->value), tr("`documents` is an empty list"),
                      tr("a booklet prints at least one document: `documents: [../bao-cao-chinh-tri]`"));
    } else {
      std::set<std::string> seen;
      for (const auto& item : docs->value) document_entry(f, item, b.folder, b, seen);
    }
  }
  if (auto v = f.flag("toc", find(keys, "toc"))) b.toc = *v;
  imposition(f, find(keys, "imposition"), b.imposition);
  if (auto v = detail::whole(f, "copies", find(keys, "copies"), 1, 9999)) b.copies = *v;
}

}  // namespace

bool is_booklet(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(fs::path(path) / "booklet.yaml", ec);
}

Booklet load_booklet(const std::string& folder) {
  Booklet b;
  b.folder = folder.empty() ? "." : folder;
  b.file = source::join(folder, "booklet.yaml");
  auto bytes = source::read_file(b.file);
  if (!bytes) fail({b.file, 0, 0}, tr("cannot read {}", b.file), tr("check that it is a file and readable"));
  const source::SourceFile file(b.file, std::move(*bytes));
  Diagnostics diags;
  Fields f(file, diags);
  source::yaml::Tree tree;
  if (const auto root = f.parse_map(tr("booklet.yaml needs `issuer:`, `title:` and `documents:`"), tree)) {
    b.pos = f.pos(*root);
    read(f, *root, b);
  }
  if (diags.has_errors()) {
    sort_in_reading_order(diags.items, {b.file});
    throw Error(std::move(diags.items));
  }
  return b;
}

}  // namespace vanban::booklet
