// document.yaml and part files → Document: the driver. Every problem becomes a diagnostic
// at `file:line:column`; independent problems are collected (all unknown keys of all
// files, say) and thrown together once loading is over, so no half-valid Document escapes.
#include "pipeline/content/load.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "pipeline/content/loader.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/source/paths.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::content {

namespace detail {

namespace fs = std::filesystem;
using source::find;

namespace {

// The keys valid at the top of document.yaml (content-format.md), in the order hints list them.
const Names kDocumentKeys = {"style", "kind", "status", "variables", "header", "title",
                             "subtitle", "parts", "body", "sections", "signature", "recipients",
                             "kinh_gui", "authority", "can_cu", "appendices", "attached_to", "secretary", "drafter",
                             "contact"};
const Names kStatuses = {"draft", "final"};

/// document.yaml of `path` (a folder or a .yaml file), and the folder it is in.
std::pair<std::string, std::string> document_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::string folder = path;
    while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
    std::string file = source::join(folder, "document.yaml");
    if (!fs::exists(file, ec))
      fail({path, 0, 0}, tr("no document.yaml in {}", folder),
           tr("a document folder holds document.yaml and its part files; a one-file document is given as its .yaml "
              "file"));
    return {file, folder};
  }
  if (fs::exists(path, ec)) return {path, fs::path(path).parent_path().string()};
  fail({path, 0, 0}, tr("document not found: {}", path),
       tr("give a document folder (holding document.yaml) or a document .yaml file"));
}

}  // namespace

std::optional<Node> Loader::parse(Fields& f, const std::string& empty_hint) {
  files_.push_back(f.file().display());
  source::yaml::Tree tree;
  const auto root = f.parse_map(empty_hint, tree);
  if (root) trees_.push_back(std::move(tree));  // the nodes live as long as the loader
  return root;
}

bool Loader::too_deep(Fields& f, const Node& n) {
  if (depth_ <= kMaxDepth) return false;
  if (!deep_reported_)
    diags_.error(
        f.pos(n), tr("the content is nested too deeply"),
        tr("sections, lists and blocks nest at most {} levels deep; no document needs more: flatten the structure",
           kMaxDepth));
  deep_reported_ = true;
  return true;
}

Text Loader::text(Fields& f, const Node& n, bool markup) {
  detail::InlineOptions options;
  options.markup = markup;
  options.report_unknown_variables = vars_ok_;
  options.text_bytes = text_bytes_;
  return detail::parse_text(n.scalar(), f.text_pos(n), vars_, options, diags_, &placeholders_);
}

std::optional<Text> Loader::text_field(Fields& f, const std::string& key, const Entry* e) {
  if (!f.scalar(key, e)) return std::nullopt;
  return text(f, e->value);
}

std::string Loader::plain_field(Fields& f, const std::string& key, const Entry* e) {
  if (!f.scalar(key, e)) return {};
  return text(f, e->value, false).plain();
}

Document Loader::head(const std::string& path) {
  std::string file;
  std::tie(file, folder_) = document_file(path);
  auto bytes = source::read_file(file);
  if (!bytes) fail({file, 0, 0}, tr("cannot read {}", file), tr("check that it is a file and readable"));
  Document doc;
  doc.folder = folder_.empty() ? "." : folder_;
  doc.file = file;
  const SourceFile& sf = document_.emplace(file, std::move(*bytes));
  Fields f(sf, diags_);
  chain_.push_back(fs::path(file).filename().string());
  const auto root = parse(f, tr("document.yaml needs at least `kind:`, `header:` with `issuer:`, "
                                "`title:`, and `parts:` or `body:`"));
  if (!root) stop();
  head_ = f.entries(*root, &kDocumentKeys, "document.yaml");
  const SourcePos top = f.pos(*root);
  doc.pos = top;

  // Variables first: any text may use them, wherever they are written.
  if (const Entry* v = find(head_, "variables")) variables(f, *v);
  doc.variables = vars_;

  if (const Entry* s = find(head_, "style")) {
    if (f.required("style", s, top, "", tr("name a style such as `dang` or `nha-nuoc`"))) {
      if (auto v = f.scalar("style", s)) {
        doc.style = text::nfc(*v);
        doc.style_pos = f.text_pos(s->value);
      }
    }
  }
  return doc;
}

Document Loader::body(Document doc) {
  Fields f(*document_, diags_);
  const Entries& m = head_;
  const SourcePos top = doc.pos;
  if (f.required("kind", find(m, "kind"), top, "", tr("add `kind:` with the document type, e.g. `kind: bao-cao`")))
    if (auto v = f.scalar("kind", find(m, "kind"))) {
      doc.kind = text::nfc(*v);
      doc.kind_pos = f.text_pos(find(m, "kind")->value);
    }
  if (auto v = f.choice("status", find(m, "status"), kStatuses)) doc.status = *v;

  if (const Entry* h = find(m, "header"))
    header(f, *h, doc.header);
  else
    diags_.error(top, tr("missing `header`"), tr("add `header:` with at least `issuer:` (the issuing body)"));
  if (doc.header.date) doc.created = doc.header.date;

  if (f.required("title", find(m, "title"), top, "", tr("add `title:` with the document's title")))
    if (auto t = text_field(f, "title", find(m, "title"))) doc.title = std::move(*t);
  if (const Entry* s = find(m, "subtitle")) doc.subtitle = text_list(f, "subtitle", *s, true);
  if (const Entry* s = find(m, "signature")) signature(f, *s, doc.signature);
  if (const Entry* r = find(m, "recipients")) doc.recipients = text_list(f, "recipients", *r, false);
  if (const Entry* d = find(m, "drafter")) drafter(f, *d, doc.drafter);
  forms(f, m, doc);
  content(f, m, doc);

  if (diags_.has_errors()) stop();
  doc.load_warnings = std::move(diags_.items);  // warnings only, once there is no error
  sort_in_reading_order(doc.load_warnings, files_);
  std::vector<Diagnostic> places;
  for (auto& p : placeholders_) places.push_back({Severity::Warning, std::move(p), {}, {}});
  sort_in_reading_order(places, files_);
  for (auto& d : places) doc.placeholder_places.push_back(std::move(d.pos));
  doc.placeholders = static_cast<int>(doc.placeholder_places.size());
  return doc;
}

/// `parts:` or `body:`, one of the two.
void Loader::content(Fields& f, const Entries& m, Document& doc) {
  const Entry* parts_entry = find(m, "parts");
  const Entry* sections_entry = find(m, "sections");
  const Entry* body_entry = find(m, "body") ? find(m, "body") : sections_entry;
  if (parts_entry && body_entry) {
    const Entry* later = f.pos(parts_entry->key).line > f.pos(body_entry->key).line ? parts_entry : body_entry;
    diags_.error(f.pos(later->key), tr("a document has `parts` or `body`, not both"),
                 tr("use `body:` (and `sections:`) for a one-file document, `parts:` to list part files"));
  } else if (body_entry) {
    // A one-file document: one untitled part, its body then its sections.
    Part p;
    p.file = doc.file;
    p.pos = f.pos(body_entry->key);
    if (const Entry* b = find(m, "body")) p.body = blocks(f, "body", b->value);
    if (sections_entry) p.sections = sections(f, sections_entry->value);
    doc.parts.push_back(std::move(p));
  } else if (parts_entry) {
    parts(f, *parts_entry, doc);
  } else {
    diags_.error(doc.pos, tr("missing `parts` (or `body`)"),
                 tr("list the part files under `parts:`, or write a one-file document's content under `body:`"));
  }
}

void Loader::stop() {
  // Files in load order (document.yaml, then the parts), then line and column: the order a
  // reader goes through the document, whatever order the keys were checked in. A file
  // included twice is read twice: its problems are reported once.
  std::vector<Diagnostic> ds = std::move(diags_.items);
  sort_in_reading_order(ds, files_);
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

}  // namespace detail

Head::Head(Document doc, std::unique_ptr<detail::Loader> loader) : doc_(std::move(doc)), loader_(std::move(loader)) {}
Head::Head(Head&&) noexcept = default;
Head& Head::operator=(Head&&) noexcept = default;
Head::~Head() = default;

Head load_head(const std::string& path) {
  auto loader = std::make_unique<detail::Loader>();
  Document doc = loader->head(path);
  return Head(std::move(doc), std::move(loader));
}

Document load_body(Head head) { return head.loader_->body(std::move(head.doc_)); }

Document load_document(const std::string& path) { return load_body(load_head(path)); }

}  // namespace vanban::content
