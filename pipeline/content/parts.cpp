// Part files: the paths named in a document kept inside its folder, the files read, and
// the parts converted side by side.
#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <system_error>

#include "pipeline/content/loader.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/core/parallel.hpp"
#include "pipeline/source/paths.hpp"
#include "pipeline/source/suggest.hpp"

namespace vanban::content::detail {

namespace {

namespace fs = std::filesystem;
using source::find;
using source::type_name;

const Names kPartKeys = {"title", "body", "sections"};

}  // namespace

std::optional<std::string> Loader::inside_folder(Fields& f, const Node& n,
                                                 const std::string& what, const std::string& dir) {
  const std::string name(n.scalar());
  if (name.empty()) {
    diags_.error(f.text_pos(n), tr("empty {} name", what), tr("write the file name after the `- `"));
    return std::nullopt;
  }
  // A `\0` escape in a quoted name: the system would read the name only up to it.
  if (name.find('\0') != std::string::npos) {
    diags_.error(f.text_pos(n), tr("{} name contains a NUL character (`\\0`)", what),
                 tr("no file name holds one: remove the `\\0` from the name"));
    return std::nullopt;
  }
  auto rel = source::resolve(dir, name);
  if (!rel) {
    diags_.error(
        f.text_pos(n), tr("{} path leaves the document folder: {}", what, name),
        tr("files of a document stay inside its folder: move the file there and name it relative to the folder"));
  } else if (!source::stays_inside(folder_, *rel)) {
    diags_.error(f.text_pos(n), tr("{} path leaves the document folder: {}", what, name),
                 tr("it is a symbolic link to a file outside the folder: copy the file itself into the folder"));
    rel.reset();
  }
  return rel;
}

std::optional<std::string> Loader::read_listed(Fields& f, const Node& n, const std::string& rel,
                                               const std::string& what, const std::string& relative_to,
                                               const std::set<std::string>& skip) {
  const std::string name(n.scalar());
  const std::string display = source::join(folder_, rel);
  if (auto bytes = source::read_file(display)) return bytes;
  if (const auto problem = source::file_problem(display); problem != source::FileProblem::missing) {
    diags_.error(f.text_pos(n), tr("cannot read {}: {}", what, name), source::file_problem_hint(problem));
    return std::nullopt;
  }
  std::string hint = tr("the path is relative to {}", relative_to);
  if (std::string nfd = source::normalisation_hint(display); !nfd.empty()) {
    diags_.error(f.text_pos(n), tr("{} not found: {}", what, name), std::move(nfd));
    return std::nullopt;
  }
  // A near name among the .yaml files beside it (but not document.yaml, nor the files
  // `skip` names: a missing file is rarely a typo of one listed already).
  std::error_code ec;
  const fs::path parent = fs::path(display).parent_path();
  Names siblings;
  for (const auto& de : fs::directory_iterator(parent.empty() ? fs::path(".") : parent, ec))
    if (de.path().extension() == ".yaml" && de.path().filename() != "document.yaml" &&
        de.path().filename() != fs::path(display).filename() && !skip.count(de.path().filename().string()))
      siblings.push_back(de.path().filename().string());
  std::sort(siblings.begin(), siblings.end());
  if (auto near = source::closest(fs::path(name).filename().string(), siblings); !near.empty())
    hint = tr("did you mean `{}`?", fs::path(name).replace_filename(near).string());
  diags_.error(f.text_pos(n), tr("{} not found: {}", what, name), std::move(hint));
  return std::nullopt;
}

/// Each part file parses and converts on its own, by a loader of its own: the parts are
/// read here, in the order listed (so that a file that cannot be read is reported where
/// it is named), then converted side by side, so that a two-part document loads in little
/// more than the time of its larger part; their problems, files and placeholders then join
/// this loader's in the order listed, as if they had been converted here one by one.
void Loader::parts(Fields& f, const Entry& e, Document& doc) {
  if (!e.value.is_sequence() || e.value.size() == 0) {
    diags_.error(e.value.is_null() ? f.pos(e.key) : f.pos(e.value),
                 e.value.is_sequence() || e.value.is_null()
                     ? tr("`parts` is empty")
                     : tr("`parts` must be a list of file names, not {}", type_name(e.value)),
                 tr("write each part file on its own line: `  - phan-1.yaml`"));
    return;
  }
  std::set<std::string> listed;  // a missing file is rarely a typo of one listed already
  for (const auto& item : e.value)
    if (item.is_scalar()) listed.emplace(item.scalar());
  struct Job {
    std::string rel;
    SourceFile file;
    std::unique_ptr<Loader> loader;  ///< holds the part's problems, files, placeholders and trees
    std::optional<Part> part;
  };
  std::vector<Job> jobs;
  std::map<std::string, Node> seen;  // each part's path in the folder, where it is first listed
  for (const auto& item : e.value) {
    if (!item.is_scalar()) {
      diags_.error(f.item_pos(item), tr("each entry of `parts` must be a file name, not {}", type_name(item)),
                   tr("write the file name after the `- `"));
      continue;
    }
    const auto rel = inside_folder(f, item, tr("part"));
    if (!rel) continue;
    // The same file twice is a slip of copying a line (its text would be set twice); a
    // document that means to repeat text includes it (`- include:`).
    if (const auto [first, fresh] = seen.emplace(*rel, item); !fresh) {
      diags_.error(f.text_pos(item), tr("part listed twice: {}", item.scalar()),
                   tr("it is already listed at line {}; remove one (to repeat a text, `include` it in a part)",
                      f.text_pos(first->second).line));
      continue;
    }
    auto bytes = read_listed(f, item, *rel, tr("part file"), tr("the document folder"), listed);
    if (!bytes) continue;
    jobs.push_back({*rel, SourceFile(source::join(folder_, *rel), std::move(*bytes)),
                    std::unique_ptr<Loader>(new Loader(*this, *rel)), std::nullopt});
  }
  parallel_for(jobs.size(), [&](std::size_t i) { jobs[i].part = jobs[i].loader->part(jobs[i].file); });
  for (auto& job : jobs) {
    std::optional<Part> p;
    if (deep_reported_) {
      // "Nested too deeply" is said once per document and cuts short what follows: a part
      // converted by a loader that had not seen it in an earlier part is converted again.
      const Reading reading(chain_, job.rel);
      p = part(job.file);
    } else {
      merge(*job.loader);
      p = std::move(job.part);
    }
    if (p) doc.parts.push_back(std::move(*p));
  }
}

/// Takes the problems, files, placeholders and trees of a loader that converted a part.
void Loader::merge(Loader& other) {
  const auto append = [](auto& to, auto& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  append(diags_.items, other.diags_.items);
  append(files_, other.files_);
  append(placeholders_, other.placeholders_);
  append(trees_, other.trees_);
  deep_reported_ = other.deep_reported_;
}

std::optional<Part> Loader::part(const SourceFile& file) {
  Fields f(file, diags_);
  const auto root = parse(f, tr("a part file holds `title:` and `body:` or `sections:`"));
  if (!root) return std::nullopt;
  const Entries m = f.entries(*root, &kPartKeys, tr("a part file"));
  Part p;
  p.file = file.display();
  p.pos = file.start();
  if (auto t = text_field(f, "title", find(m, "title"))) p.title = std::move(*t);
  if (const Entry* b = find(m, "body")) p.body = blocks(f, "body", b->value);
  if (const Entry* s = find(m, "sections")) p.sections = sections(f, s->value);
  return p;
}

}  // namespace vanban::content::detail
