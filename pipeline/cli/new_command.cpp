// `vanban new`: a document folder that builds at once, from templates/<style>/<kind>/.
// The templates are files (installed to share/vanban/templates), not strings in the code:
// an office can read them, and a change to one needs no rebuild.
#include "pipeline/cli/new_command.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#include "pipeline/cli/data_dir.hpp"
#include "pipeline/core/diagnostic.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/source/suggest.hpp"

namespace fs = std::filesystem;

namespace vanban::cli {

namespace {

constexpr const char* kDefaultStyle = "dang";

constexpr const char* kHelp = N_(R"(Usage: vanban new <kind> <folder> [--style dang|nha-nuoc]

Writes a new document folder from a template: every field the kind needs, with
“…” placeholders and comments. It builds at once; `vanban check --final <folder>`
lists what is left to fill. The folder must not exist, or be empty.
--style: dang (the default; HD 36-HD/VPTW) or nha-nuoc (NĐ 30/2020/NĐ-CP).
)");

int usage(const std::string& message) {
  std::cerr << "vanban: " << message << '\n' << tr("Try `vanban --help`.") << '\n';
  return 2;
}

/// The names of the folders in `dir`, sorted (none when it cannot be read).
std::vector<std::string> subfolders(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory(ec)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

/// "unknown kind `x`" + "did you mean `y`?" + the names there are (`listed`, a translated
/// template whose `{}` is the list), for a usage error.
std::string unknown(const std::string& what, const std::string& name, const std::vector<std::string>& known,
                    const std::string& listed) {
  std::string message = tr("unknown {} `{}`", what, name);
  if (const std::string near = source::closest(name, known); !near.empty())
    message += "; " + tr("did you mean `{}`?", near);
  return message + "\n" + fill_placeholders(listed, {source::list_names(known)});
}

/// Refuses a folder that cannot receive the document: a file, a non-empty folder, or one
/// whose parent folder is missing.
void check_target(const fs::path& folder) {
  std::error_code ec;
  const std::string name = folder.string();
  if (fs::exists(folder, ec)) {
    if (!fs::is_directory(folder, ec)) fail({name, 0, 0}, tr("exists and is not a folder"), tr("choose another name"));
    if (!fs::is_empty(folder, ec))
      fail({name, 0, 0}, tr("the folder exists and is not empty: refusing to write into it"),
           tr("choose a new folder name; `vanban new` never mixes a template with existing files"));
  }
  const fs::path parent = folder.parent_path().empty() ? fs::path(".") : folder.parent_path();
  if (!fs::is_directory(parent, ec))
    fail({name, 0, 0}, tr("the folder it goes in does not exist: {}", parent.string()),
         tr("create it first (mkdir -p {})", parent.string()));
}

/// The JSON Schema file `name` (document, part): installed in share/vanban/schema, in the
/// source tree in docs/schema.
fs::path schema_file(const std::string& name) {
  const fs::path installed = fs::path(data_dir()) / "schema" / (name + ".schema.json");
  return fs::exists(installed) ? installed : fs::path(data_dir()) / "docs" / "schema" / (name + ".schema.json");
}

/// Starts each YAML file of the new folder with the line that tells an editor's YAML
/// language server its schema (completion and hover help as the clerk types). The path is
/// absolute: the folder may be anywhere.
void mark_schemas(const fs::path& folder, std::error_code& ec) {
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string name = entry.path().filename() == "document.yaml" ? "document" : "part";
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream out(entry.path(), std::ios::binary | std::ios::trunc);
    out << "# yaml-language-server: $schema=" << schema_file(name).string() << '\n' << text;
    if (!out) ec = std::make_error_code(std::errc::io_error);
    if (ec) return;
  }
}

/// Copies `from` into a new temporary folder beside `folder`, then renames it to `folder`
/// (an empty folder of that name is replaced). On failure nothing is left behind.
void write_folder(const fs::path& from, const fs::path& folder) {
  const std::string name = folder.string();
  const fs::path parent = folder.parent_path().empty() ? fs::path(".") : folder.parent_path();
  std::string pattern = (parent / ("." + folder.filename().string() + ".new-XXXXXX")).string();
  if (!::mkdtemp(pattern.data()))
    fail({name, 0, 0},
         tr("cannot create a folder beside it: {}", std::error_code(errno, std::generic_category()).message()),
         tr("check that you may write in {}", parent.string()));
  const fs::path temp = pattern;
  std::error_code ec;
  fs::copy(from, temp, fs::copy_options::recursive, ec);
  if (!ec) mark_schemas(temp, ec);
  if (!ec) fs::permissions(temp, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec, ec);  // mkdtemp made it 0700
  if (!ec) fs::rename(temp, folder, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove_all(temp, ignored);
    fail({name, 0, 0}, tr("cannot write the folder: {}", ec.message()),
         tr("nothing was written; check the disk and permissions"));
  }
}

}  // namespace

int new_command(const std::vector<std::string>& args) {
  std::vector<std::string> positional;
  std::string style = kDefaultStyle;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << translate(kHelp) << tr("Kinds, by style ({}):", (fs::path(data_dir()) / "templates").string())
                << '\n';
      for (const auto& s : subfolders(fs::path(data_dir()) / "templates"))
        std::cout << "  " << s << ": " << source::list_names(subfolders(fs::path(data_dir()) / "templates" / s))
                  << '\n';
      return 0;
    } else if (a == "--style") {
      if (i + 1 >= args.size()) return usage(tr("--style needs a value (dang or nha-nuoc)"));
      style = args[++i];
    } else if (a.rfind("--style=", 0) == 0) {
      style = a.substr(8);
    } else if (!a.empty() && a[0] == '-') {
      return usage(tr("unknown option `{}` for new", a));
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2)
    return usage(tr("new takes a kind and a folder: vanban new <kind> <folder> [--style dang|nha-nuoc]"));
  const std::string& kind = positional[0];
  fs::path folder = fs::path(positional[1]).lexically_normal();
  if (folder.filename().empty()) folder = folder.parent_path();  // "baocao/"

  const fs::path templates = fs::path(data_dir()) / "templates";
  const std::vector<std::string> styles = subfolders(templates);
  if (styles.empty()) {
    std::cerr << "vanban: " << tr("error: ") << tr("no templates found in {}", templates.string()) << "\n  "
              << tr("hint: ") << tr("the installation is incomplete; reinstall vanban") << '\n';
    return 1;
  }
  if (!std::count(styles.begin(), styles.end(), style))
    return usage(unknown(tr("style"), style, styles, tr("styles: {}")));
  const std::vector<std::string> kinds = subfolders(templates / style);
  if (!std::count(kinds.begin(), kinds.end(), kind)) {
    std::string message = unknown(tr("kind"), kind, kinds, tr("kinds of the {} style: {}", style, "{}"));
    for (const auto& other : styles)
      if (other != style && fs::is_directory(templates / other / kind))
        message += tr("\n(the {} style has a `{}`: --style {})", other, kind, other);
    return usage(message);
  }
  try {
    check_target(folder);
    write_folder(templates / style / kind, folder);
  } catch (const Error& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format(d) << '\n';
    return 1;
  }
  const std::string f = folder.string();
  std::cerr << tr(
      "created {0}/ ({1}, style {2})\n"
      "next: fill in every “…” in its .yaml files; `vanban watch {0}` rebuilds the PDF at each save,\n"
      "      `vanban check --final {0}` lists what is left to fill\n",
      f, kind, style);
  return 0;
}

}  // namespace vanban::cli
