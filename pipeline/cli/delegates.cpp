// Reading the delegates list of --copies-from (see delegates.hpp).
#include "pipeline/cli/delegates.hpp"

#include "pipeline/core/i18n.hpp"
#include "pipeline/source/bytes.hpp"
#include "pipeline/source/fields.hpp"
#include "pipeline/source/file.hpp"
#include "pipeline/source/yaml.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::cli {

namespace {

constexpr const char* kHint = N_("write one name a line, each after `- `:\n    - Nguyễn Văn An\n    - Trần Thị Bình");

/// Spaces and tabs cut from both ends.
std::string trimmed(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

}  // namespace

Delegates read_delegates(const std::string& path) {
  const auto bytes = source::read_file(path);
  if (!bytes)
    fail({path, 0, 0}, tr("cannot read the delegates list"), tr("--copies-from takes a YAML file listing the names"));
  const source::SourceFile file(path, *bytes);
  Diagnostics diags;
  if (!source::check_bytes(file, diags)) throw Error(diags.items);
  const source::yaml::Tree tree = source::yaml::Tree::parse(file.text());
  if (const auto& p = tree.problem()) fail(file.at(p->offset), p->message, p->hint);
  const source::yaml::Node root = tree.root();
  if (!root || root.is_null()) fail(file.start(), tr("the delegates list is empty"), translate(kHint));
  if (!root.is_sequence())
    fail(file.at(root.offset()), tr("the delegates list must be a list of names, not {}", source::type_name(root)),
         translate(kHint));
  if (root.size() == 0) fail(file.at(root.offset()), tr("the delegates list is empty"), translate(kHint));
  Delegates d;
  for (std::size_t i = 0; i < root.size(); ++i) {
    const source::yaml::Node item = root[i];
    const SourcePos at = file.at(item.offset());
    std::string name = item.is_scalar() ? trimmed(item.scalar()) : std::string();
    if (!item.is_scalar())
      diags.error(at, tr("a name, not {}", source::type_name(item)), translate(kHint));
    else if (name.empty())
      diags.error(at, tr("an empty name"), tr("remove the line or write the name"));
    else if (name.find('\n') != std::string::npos)
      diags.error(at, tr("a name on several lines"), tr("write each name on one line"));
    d.names.push_back(text::nfc(name));
    d.where.push_back(at);
  }
  if (diags.has_errors()) throw Error(diags.items);
  return d;
}

}  // namespace vanban::cli
