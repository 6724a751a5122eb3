// The head of document.yaml: variables, the header boxes, the date, the signature, and
// lists of text (subtitle, recipients).
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <system_error>

#include "pipeline/content/loader.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/source/paths.hpp"
#include "pipeline/source/suggest.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::content::detail {

namespace {

namespace fs = std::filesystem;
using source::find;
using source::type_name;

const Names kHeaderKeys = {"parent", "issuer", "number", "code", "place", "date", "marks"};
const Names kSignatureKeys = {"authority", "title", "name", "image"};
const Names kDrafterKeys = {"initials", "copies"};
/// The marks by name; besides these, "du-thao-lan-<n>" (numbered_draft).
const Names kMarks = {"du-thao", "mat",         "toi-mat", "tuyet-mat",       "khan",
                      "thuong-khan", "hoa-toc", "luu-hanh-noi-bo", "xem-xong-tra-lai", "tai-lieu-hoi-nghi"};

/// "du-thao-lan-2": a draft's number, 1 to 999.
bool numbered_draft(const std::string& v) {
  const std::string base = "du-thao-lan-";
  if (v.size() <= base.size() || v.size() > base.size() + 3 || v.compare(0, base.size(), base) != 0) return false;
  return v[base.size()] != '0' &&
         std::all_of(v.begin() + static_cast<std::ptrdiff_t>(base.size()), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

const char* month_name(int month) {
  static constexpr const char* names[] = {N_("January"),   N_("February"), N_("March"),    N_("April"),
                                          N_("May"),       N_("June"),     N_("July"),     N_("August"),
                                          N_("September"), N_("October"),  N_("November"), N_("December")};
  return translate(names[month - 1]);
}

}  // namespace

void Loader::variables(Fields& f, const Entry& e) {
  if (e.value.is_null()) return;
  if (!e.value.is_map()) {
    diags_.error(f.pos(e.value), tr("`variables` must be a map of names and values, not {}", type_name(e.value)),
                 tr("write `name: value` lines indented under `variables:`"));
    vars_ok_ = false;
    return;
  }
  for (const auto& [raw, entry] : f.entries(e.value, nullptr, tr("`variables`"))) {
    const std::string name = text::nfc(raw);
    // Every variable named gets defined (empty on error) so its uses do not echo the error.
    std::string& value = vars_[name];
    if (name.find_first_of(" \t{}") != std::string::npos) {
      diags_.error(f.pos(entry.key), tr("bad variable name `{}`", name),
                   tr("use letters, digits, `_` or `-`, without spaces or braces"));
      continue;
    }
    if (entry.value.is_null()) {
      diags_.error(f.pos(entry.key), tr("variable `{}` has no value", name),
                   tr("write `{}: \"\"` for an empty value, or `…` for a blank to fill in", name));
      continue;
    }
    if (!entry.value.is_scalar()) {
      diags_.error(f.pos(entry.value), tr("variable `{}` must be text, not {}", name, type_name(entry.value)),
                   tr("a variable holds one piece of text"));
      continue;
    }
    // Values are inserted as plain text, never expanded: a brace in one would be a
    // reference that silently does nothing, so it is refused.
    const std::string v(entry.value.scalar());
    if (const auto brace = v.find_first_of("{}"); brace != std::string::npos) {
      SourcePos at = f.text_pos(entry.value);
      at.column += static_cast<int>(text::decode(v.substr(0, brace)).size());
      diags_.error(at, tr("the value of variable `{}` contains `{}`", name, v[brace]),
                   tr("variable values are plain text: they cannot refer to other variables"));
      continue;
    }
    value = text::nfc(v);
  }
}

std::optional<Date> Loader::date(Fields& f, const Entry& e) {
  const auto raw = f.scalar("date", &e);
  if (!raw) return std::nullopt;
  const std::string& s = *raw;
  const SourcePos at = f.text_pos(e.value);
  const auto digits = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  Date d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || (d.year = digits(0, 4)) < 0 ||
      (d.month = digits(5, 2)) < 0 || (d.day = digits(8, 2)) < 0) {
    diags_.error(at, tr("`date` must be written YYYY-MM-DD, not `{}`", s),
                 tr("e.g. `date: 2025-03-05`; leave `date` out to print a blank date"));
    return std::nullopt;
  }
  if (d.year < 1 || d.month < 1 || d.month > 12) {
    diags_.error(at, tr("impossible date {}", s), tr("months run from 01 to 12"));
    return std::nullopt;
  }
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) {
    diags_.error(at, tr("impossible date {}", s),
                 tr("{} {} has {} days", month_name(d.month), d.year, days_in_month(d.year, d.month)));
    return std::nullopt;
  }
  return d;
}

void Loader::header(Fields& f, const Entry& e, Header& h) {
  h.pos = f.pos(e.key);
  const std::optional<Entries> map = f.map_entries(e, &kHeaderKeys, tr("`header`"),
                                                   tr("write `header:` and indent its fields under it, at least `issuer:`"));
  if (!map) return;
  const Entries& m = *map;
  h.parent = plain_field(f, "parent", find(m, "parent"));
  if (f.required("issuer", find(m, "issuer"), h.pos, tr("`header`"),
                 tr("add `issuer:` with the name of the issuing body, e.g. `issuer: ĐẢNG ỦY XÃ ...`")))
    h.issuer = plain_field(f, "issuer", find(m, "issuer"));
  if (const Entry* n = find(m, "number"); n && !n->value.is_null()) h.number = number(f, *n);
  h.code = plain_field(f, "code", find(m, "code"));
  if (!h.code.empty()) h.code_pos = f.text_pos(find(m, "code")->value);
  h.place = plain_field(f, "place", find(m, "place"));
  for (auto [key, at] : {std::pair{"parent", &h.parent_pos}, {"issuer", &h.issuer_pos}, {"place", &h.place_pos}})
    if (const Entry* field = find(m, key); field && field->value.is_scalar()) *at = f.text_pos(field->value);
  if (const Entry* d = find(m, "date")) h.date = date(f, *d);
  if (const Entry* mk = find(m, "marks"); mk && !mk->value.is_null()) marks(f, *mk, h);
}

std::optional<int> Loader::number(Fields& f, const Entry& e) {
  const auto s = f.scalar("number", &e);
  if (!s) return std::nullopt;
  long long v = 0;
  const char* end = s->data() + s->size();
  const auto [p, ec] = std::from_chars(s->data(), end, v);
  if (ec == std::errc::result_out_of_range || (ec == std::errc() && p == end && v > 1000000000)) {
    diags_.error(f.text_pos(e.value), tr("`number` is too large"), tr("a document number is a small integer"));
  } else if (ec != std::errc() || p != end) {
    diags_.error(f.text_pos(e.value), tr("`number` must be an integer"),
                 tr("write digits only, e.g. `number: 12`; leave `number` out to number by hand"));
  } else if (v < 1) {
    diags_.error(f.text_pos(e.value), tr("`number` must be 1 or more"),
                 tr("leave `number` out to leave a blank for hand numbering"));
  } else {
    return static_cast<int>(v);
  }
  return std::nullopt;
}

void Loader::marks(Fields& f, const Entry& e, Header& h) {
  if (!e.value.is_sequence()) {
    diags_.error(f.pos(e.value), tr("`marks` must be a list, not {}", type_name(e.value)),
                 tr("e.g. `marks: [du-thao]`"));
    return;
  }
  for (const auto& item : e.value) {
    if (!item.is_scalar()) {
      diags_.error(f.item_pos(item), tr("a mark must be a name"), tr("allowed marks: {}", source::list_names(kMarks)));
      continue;
    }
    const std::string v = text::nfc(item.scalar());
    if (!source::contains(kMarks, v) && !numbered_draft(v)) {
      diags_.error(f.text_pos(item), tr("unknown mark `{}`", v),
                   source::suggestion(v, kMarks, tr("allowed marks: {}")));
    } else {
      h.marks.push_back(v);
      h.mark_places.push_back(f.text_pos(item));
    }
  }
}

void Loader::signature(Fields& f, const Entry& e, std::optional<Signature>& out) {
  if (e.value.is_null()) return;
  const std::optional<Entries> map = f.map_entries(
      e, &kSignatureKeys, tr("`signature`"), tr("indent `authority:`, `title:`, `name:` (and `image:`) under `signature:`"));
  if (!map) return;
  const Entries& m = *map;
  Signature s;
  s.pos = f.pos(e.key);
  s.authority = plain_field(f, "authority", find(m, "authority"));
  if (!s.authority.empty()) s.authority_pos = f.text_pos(find(m, "authority")->value);
  s.title = plain_field(f, "title", find(m, "title"));
  s.name = plain_field(f, "name", find(m, "name"));
  if (const Entry* img = find(m, "image"); img && f.scalar("image", img)) {
    if (const auto name = inside_folder(f, img->value, tr("signature image"))) {
      std::error_code ec;
      const std::string path = source::join(folder_, *name);
      if (!fs::is_regular_file(path, ec)) {
        const auto problem = source::file_problem(path);
        std::string nfd = problem == source::FileProblem::missing ? source::normalisation_hint(path) : "";
        if (problem != source::FileProblem::missing)
          diags_.error(f.text_pos(img->value), tr("cannot read signature image: {}", *name),
                       source::file_problem_hint(problem));
        else
          diags_.error(f.text_pos(img->value), tr("signature image not found: {}", *name),
                       nfd.empty() ? tr("the path is relative to the document folder") : std::move(nfd));
      } else
        s.image = *name;
      s.image_pos = f.text_pos(img->value);
    }
  }
  out = std::move(s);
}

std::vector<Text> Loader::text_list(Fields& f, const std::string& key, const Entry& e,
                                    bool allow_single) {
  std::vector<Text> out;
  if (e.value.is_null()) return out;
  if (e.value.is_scalar() && allow_single) {
    out.push_back(text(f, e.value));
    return out;
  }
  if (!e.value.is_sequence()) {
    diags_.error(f.pos(e.value), tr("`{}` must be a list, not {}", key, type_name(e.value)),
                 tr("put each entry on its own line starting with `- `"));
    return out;
  }
  for (const auto& item : e.value) {
    if (item.is_scalar()) {
      out.push_back(text(f, item));
    } else if (flow_map(item)) {
      f.unquoted_brace(item);
    } else {
      diags_.error(f.item_pos(item), tr("each entry of `{}` must be text, not {}", key, type_name(item)),
                   tr("write the text after the `- `, quoted if it contains `: `"));
    }
  }
  return out;
}

}  // namespace vanban::content::detail

namespace vanban::content::detail {

void Loader::drafter(Fields& f, const Entry& e, std::optional<Drafter>& out) {
  if (e.value.is_null()) return;
  const std::string hint = tr("write `drafter:` with `initials:` (upper-case, e.g. `PL`) and `copies:` (e.g. `300`) under it");
  const std::optional<Entries> map = f.map_entries(e, &kDrafterKeys, tr("`drafter`"), hint);
  if (!map) return;
  const Entries& m = *map;
  Drafter d;
  d.pos = f.pos(e.key);
  bool ok = f.required("initials", find(m, "initials"), d.pos, "`drafter`", hint);
  ok = f.required("copies", find(m, "copies"), d.pos, "`drafter`", hint) && ok;
  if (const Entry* i = find(m, "initials"); i && !i->value.is_null()) {
    if (auto v = f.scalar("initials", i)) {
      d.initials = text::nfc(*v);
      // NĐ 30, mục III.3: the drafter's initials in upper case; letters only.
      const bool letters = !d.initials.empty() && std::none_of(d.initials.begin(), d.initials.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x80 && !((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z'));
      });
      if (!letters || text::to_upper(d.initials) != d.initials || d.initials.size() > 40) {
        diags_.error(f.text_pos(i->value), tr("`initials` must be the drafter's initials in upper-case letters"),
                     tr("NĐ 30, Phụ lục I, mục III.3: e.g. `initials: PL` (printed `PL.(300)`)"));
        ok = false;
      }
    } else {
      ok = false;
    }
  }
  if (const Entry* c = find(m, "copies"); c && !c->value.is_null()) {
    const auto v = f.scalar("copies", c);
    int n = 0;
    const auto [p, ec] = v ? std::from_chars(v->data(), v->data() + v->size(), n) : std::from_chars_result{};
    if (!v || ec != std::errc() || p != v->data() + v->size() || n < 1 || n > 99999) {
      if (v)
        diags_.error(f.text_pos(c->value), tr("`copies` must be a whole number from 1 to 99999"),
                     tr("the number of copies issued, in Arabic digits, e.g. `copies: 300`"));
      ok = false;
    }
    d.copies = n;
  }
  if (ok) out = std::move(d);
}

}  // namespace vanban::content::detail
