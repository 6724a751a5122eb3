// The `check:` section of a style file. The style stage accepts the key and leaves it to
// this stage, which alone knows what is in it.
#include "pipeline/check/rules.hpp"

#include "pipeline/core/i18n.hpp"
#include "pipeline/source/fields.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::check::detail {

namespace {

using source::Names;
using source::SourceFile;
using source::yaml::Node;

const Names kCheckKeys = {"code", "codes", "cite"};
const Names kCodeKeys = {"pattern", "form"};

/// Reads one style file's `check:` section through source::Fields, collecting every
/// problem before throwing.
class Reader {
 public:
  explicit Reader(const SourceFile& file) : fields_(file, diags_) {}

  Rules read(const Node& root, Rules r) {
    if (const Node regime = root["regime"]; regime && regime.is_scalar()) r.regime = std::string(regime.scalar());
    const Node check = root["check"];
    if (!check || check.is_null()) return r;
    if (!map(check, "check")) return finish(std::move(r));
    keys(check, kCheckKeys, "`check`");
    if (const Node code = check["code"]; code && map(code, "code")) {
      keys(code, kCodeKeys, "`check.code`");
      if (const Node p = code["pattern"]; p && scalar(p, "pattern")) {
        try {
          r.code_pattern.emplace(wide(p.scalar()), std::regex_constants::ECMAScript);
        } catch (const std::regex_error& e) {
          diags_.error(at(p), tr("the pattern does not compile: {}", e.what()),
                       tr("an ECMAScript regular expression; group 1 is the type part"));
        }
      }
      if (const Node form = code["form"]; form && scalar(form, "form")) r.code_form = form.scalar();
    }
    if (const Node codes = check["codes"]; codes && map(codes, "codes")) {
      for (const auto& kv : codes.entries()) {
        auto& accepted = r.codes[std::string(kv.first.scalar())];
        if (kv.second.is_sequence()) {
          for (const auto& c : kv.second)
            if (scalar(c, std::string(kv.first.scalar()))) accepted.emplace_back(c.scalar());
        } else if (scalar(kv.second, std::string(kv.first.scalar()))) {
          accepted.emplace_back(kv.second.scalar());
        }
      }
    }
    if (const Node cite = check["cite"]; cite && map(cite, "cite")) {
      keys(cite, kCitationKeys, "`check.cite`");
      for (const auto& kv : cite.entries()) {
        const std::string key(kv.first.scalar());
        if (scalar(kv.second, key)) r.citations[key] = kv.second.scalar();
      }
    }
    return finish(std::move(r));
  }

 private:
  SourcePos at(const Node& n) const { return fields_.pos(n); }

  bool map(const Node& n, const std::string& key) {
    return fields_.map(n, key, tr("see the `check:` section of styles/dang.yaml"));
  }

  bool scalar(const Node& n, const std::string& key) { return fields_.text(n, key).has_value(); }

  void keys(const Node& map, const Names& valid, const std::string& where) { fields_.entries(map, &valid, where); }

  Rules finish(Rules r) {
    // In the order of the file, whatever order the keys were looked at in.
    sort_in_reading_order(diags_.items, {});
    if (diags_.has_errors()) throw Error(std::move(diags_.items));
    return r;
  }

  Diagnostics diags_;
  source::Fields fields_;
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
  // The type codes of the kinds table; `check: codes:` (older styles) adds to them.
  for (const auto& [kind, k] : style.kinds) rules.codes[kind] = k.codes;
  rules.regime = style.name;
  // A style built in code has no file; a style loaded from one hands over its parse.
  if (!style.parsed.file) return rules;
  return Reader(*style.parsed.file).read(style.parsed.root(), std::move(rules));
}

}  // namespace vanban::check::detail
