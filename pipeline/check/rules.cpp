// The `check:` section of a style file. The style stage accepts the key and leaves it to
// this stage, which alone knows what is in it.
#include "pipeline/check/rules.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "pipeline/content/detail.hpp"
#include "pipeline/content/yaml_cache.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::check::detail {

namespace {

using content::detail::SourceFile;
using Names = std::vector<std::string>;

const Names kCheckKeys = {"code", "codes", "cite"};
const Names kCodeKeys = {"pattern", "form"};

/// Reads one style file's `check:` section, collecting every problem before throwing.
class Reader {
 public:
  explicit Reader(const SourceFile& file) : file_(file) {}

  Rules read(const YAML::Node& root, Rules r) {
    if (const YAML::Node regime = root["regime"]; regime && regime.IsScalar()) r.regime = regime.Scalar();
    const YAML::Node check = root["check"];
    if (!check || check.IsNull()) return r;
    if (!map(check, "check")) return finish(std::move(r));
    keys(check, kCheckKeys, "`check`");
    if (const YAML::Node code = check["code"]; code && map(code, "code")) {
      keys(code, kCodeKeys, "`check.code`");
      if (const YAML::Node p = code["pattern"]; p && scalar(p, "pattern")) {
        try {
          r.code_pattern.emplace(wide(p.Scalar()), std::regex_constants::ECMAScript);
        } catch (const std::regex_error& e) {
          diags_.error(at(p), std::string("the pattern does not compile: ") + e.what(),
                       "an ECMAScript regular expression; group 1 is the type part");
        }
      }
      if (const YAML::Node form = code["form"]; form && scalar(form, "form")) r.code_form = form.Scalar();
    }
    if (const YAML::Node codes = check["codes"]; codes && map(codes, "codes")) {
      for (const auto& kv : codes) {
        auto& accepted = r.codes[kv.first.Scalar()];
        if (kv.second.IsSequence()) {
          for (const auto& c : kv.second)
            if (scalar(c, "a type code")) accepted.push_back(c.Scalar());
        } else if (scalar(kv.second, "a type code")) {
          accepted.push_back(kv.second.Scalar());
        }
      }
    }
    if (const YAML::Node cite = check["cite"]; cite && map(cite, "cite")) {
      keys(cite, kCitationKeys, "`check.cite`");
      for (const auto& kv : cite)
        if (scalar(kv.second, kv.first.Scalar())) r.citations[kv.first.Scalar()] = kv.second.Scalar();
    }
    return finish(std::move(r));
  }

 private:
  SourcePos at(const YAML::Node& n) const { return file_.at_mark(n.Mark().line, n.Mark().column); }

  bool map(const YAML::Node& n, const std::string& key) {
    if (n.IsMap()) return true;
    diags_.error(at(n), "`" + key + "` must be a map of `key: value` lines", "see the `check:` section of styles/dang.yaml");
    return false;
  }

  bool scalar(const YAML::Node& n, const std::string& what) {
    if (n.IsScalar()) return true;
    diags_.error(at(n), "`" + what + "` must be text", "write it on the same line, quoted if it holds `: `");
    return false;
  }

  void keys(const YAML::Node& map, const Names& valid, const std::string& where) {
    for (const auto& kv : map) {
      const std::string k = kv.first.Scalar();
      if (std::find(valid.begin(), valid.end(), k) != valid.end()) continue;
      const std::string near = content::detail::closest(k, valid);
      diags_.error(at(kv.first), "unknown key `" + k + "` in " + where,
                   near.empty() ? "valid keys: " + content::detail::list_names(valid) : "did you mean `" + near + "`?");
    }
  }

  Rules finish(Rules r) {
    // In the order of the file, whatever order the keys were looked at in.
    std::stable_sort(diags_.items.begin(), diags_.items.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
    });
    if (diags_.has_errors()) throw Error(std::move(diags_.items));
    return r;
  }

  const SourceFile& file_;
  Diagnostics diags_;
};

}  // namespace

std::wstring wide(std::string_view utf8) {
  static_assert(sizeof(wchar_t) == sizeof(char32_t), "code points must fit one wchar_t");
  std::wstring out;
  for (const char32_t c : text::decode(utf8)) out.push_back(static_cast<wchar_t>(c));
  return out;
}

std::string narrow(std::wstring_view w) {
  std::u32string cps;
  for (const wchar_t c : w) cps.push_back(static_cast<char32_t>(c));
  return text::encode(cps);
}

Rules read_rules(const style::Style& style) {
  Rules rules;
  rules.regime = style.name;
  if (style.file.empty()) return rules;  // a style built in code, not read from a file
  std::ifstream in(style.file, std::ios::binary);
  if (!in) fail({style.file, 0, 0}, "cannot read the style file " + style.file, "check that it is readable");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const SourceFile file(style.file, std::move(bytes).str());
  YAML::Node root;
  try {
    root = content::load_yaml_shared(file.text());  // parsed by load_style already
  } catch (const YAML::Exception& e) {
    fail(file.at_mark(e.mark.line, e.mark.column), "YAML syntax error: " + e.msg);
  }
  if (!root.IsMap()) fail(file.start(), "a style file must be a mapping of keys");
  return Reader(file).read(root, std::move(rules));
}

}  // namespace vanban::check::detail
