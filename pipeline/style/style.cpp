#include "pipeline/style/style.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "pipeline/core/i18n.hpp"
#include "pipeline/source/bytes.hpp"
#include "pipeline/source/fields.hpp"
#include "pipeline/style/contact_reader.hpp"
#include "pipeline/source/file.hpp"
#include "pipeline/source/paths.hpp"
#include "pipeline/style/kinds_reader.hpp"
#include "pipeline/text/template.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::style {
namespace fs = std::filesystem;

namespace {

using source::SourceFile;
using source::yaml::Node;

/// Reads one style file, turning each YAML node into a typed value or a diagnostic, through
/// source::Fields. The style stops at the first value it cannot use (later values are
/// checked against earlier ones: the margins against the page): fail() throws it with the
/// problems found before it (unknown keys), in the order of the file.
class Reader {
 public:
  explicit Reader(const SourceFile& file) : fields_(file, diags_) {}

  SourcePos pos(const Node& n) const { return fields_.pos(n); }

  /// Rejects keys of `map` that are not in `allowed` (the house rule: unknown keys are
  /// errors, with "did you mean"); `where` names the map in the hint.
  void keys(const Node& map, const source::Names& allowed, const std::string& where) {
    if (!map.is_map()) fail(pos(map), tr("expected a mapping here"));
    fields_.entries(map, &allowed, where);
  }

  /// Throws the problems found so far and `message` at `at`.
  [[noreturn]] void fail(const SourcePos& at, std::string message, std::string hint = {}) {
    diags_.error(at, std::move(message), std::move(hint));
    throw_if_errors();
    throw Error(std::move(diags_.items));  // (not reached: there is one error at least)
  }

  std::string str(const Node& n) {
    if (!n.is_scalar()) fail(pos(n), tr("expected text here"));
    return text::nfc(n.scalar());
  }

  bool boolean(const Node& n) {
    const auto b = n.is_scalar() ? source::yaml::to_bool(n.scalar()) : std::nullopt;
    if (!b) fail(pos(n), tr("expected true or false"));
    return *b;
  }

  double number(const Node& n) {
    if (!n.is_scalar()) fail(pos(n), tr("expected a number"));
    const std::string s(n.scalar());
    double v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v))  // from_chars takes "nan", "inf"
      fail(pos(n), tr("expected a number, got `{}`", s));
    return v;
  }

  int integer(const Node& n) {
    const double v = number(n);
    if (!(v >= -1e9 && v <= 1e9) || v != static_cast<int>(v))
      fail(pos(n), tr("expected a whole number"));  // no UB cast
    return static_cast<int>(v);
  }

  /// A length: "20mm", "14pt" or "0".
  Sp length(const Node& n) {
    if (!n.is_scalar()) fail(pos(n), tr("expected a length such as 20mm or 14pt"));
    const std::string s(n.scalar());
    double v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    const std::string unit(p, s.data() + s.size());
    if (ec != std::errc()) fail(pos(n), tr("expected a length such as 20mm or 14pt, got `{}`", s));
    const double in_mm = unit == "mm" ? v : unit == "pt" ? v * 25.4 / 72.0 : unit == "cm" ? v * 10 : v;
    // Beyond any page, a length is a typo; bounded, sums of lengths stay far inside Sp.
    if (!std::isfinite(v) || !length_within_pages(in_mm))
      fail(pos(n), tr("length out of range: `{}`", s),
           tr("a length must fit on a page: at most {} mm (the largest paper, 4A0, is 2378 mm long)",
              static_cast<int>(kMaxLengthMm)));
    if (unit == "mm") return mm(v);
    if (unit == "pt") return pt(v);
    if (unit == "cm") return mm(v * 10);
    if (unit.empty() && v == 0) return 0;
    fail(pos(n), tr("unknown length unit in `{}`", s), tr("use mm, cm or pt"));
  }

  TextStyle text_style(const Node& n, TextStyle base) {
    keys(n, {"size", "bold", "italic", "underline", "case", "align"}, "a text style");
    if (n["size"]) base.size = length(n["size"]);
    if (n["bold"]) base.bold = boolean(n["bold"]);
    if (n["italic"]) base.italic = boolean(n["italic"]);
    if (n["underline"]) base.underline = boolean(n["underline"]);
    if (n["case"])
      base.text_case =
          one_of<Case>(n["case"], N_("case"), {{"upper", Case::Upper}, {"lower", Case::Lower}, {"as-is", Case::AsIs}});
    if (n["align"]) base.align = align(n["align"]);
    return base;
  }

  /// The value named by the scalar `n`, one of `names`; otherwise an error ("unknown
  /// <what> `x`") whose hint lists the names.
  template <class E>
  E one_of(const Node& n, const char* what, std::initializer_list<std::pair<std::string_view, E>> names) {
    const auto s = str(n);
    std::string list;
    std::size_t k = 0;
    for (const auto& [name, value] : names) {
      if (s == name) return value;
      // TRANSLATORS: the last two of a list of values: "upper, lower or as-is".
      list = k == 0                  ? std::string(name)
             : k + 1 == names.size() ? tr("{} or {}", list, name)
                                     : list + ", " + std::string(name);
      ++k;
    }
    // TRANSLATORS: {} is a style setting: case, alignment, counter or form.
    fail(pos(n), tr("unknown {} `{}`", translate(what), s), tr("use {}", list));
  }

  Align align(const Node& n) {
    return one_of<Align>(
        n, N_("alignment"),
        {{"left", Align::Left}, {"center", Align::Center}, {"right", Align::Right}, {"justify", Align::Justify}});
  }

  Counter counter(const Node& n) {
    return one_of<Counter>(n, N_("counter"),
                           {{"arabic", Counter::Arabic},
                            {"roman", Counter::Roman},
                            {"alpha", Counter::Alpha},
                            {"ordinal-word", Counter::OrdinalWord}});
  }

  /// A required key.
  Node need(const Node& map, const char* key) {
    const Node n = map[key];
    if (!n) fail(pos(map), tr("the style needs `{}` here", key));
    return n;
  }

  /// Throws the problems found so far, if any, in the order of the file.
  void throw_if_errors() {
    if (!diags_.has_errors()) return;
    sort_in_reading_order(diags_.items, {});
    throw Error(std::move(diags_.items));
  }

 private:
  Diagnostics diags_;
  source::Fields fields_;
};

/// `font:` and `page:`: the family, the page size and its margins.
void read_font_and_page(const Node& root, Reader& r, Style& s) {
  const auto font = r.need(root, "font");
  r.keys(font, {"family", "fallback"}, "`font`");
  s.family = r.str(r.need(font, "family"));
  if (font["fallback"]) {
    if (!font["fallback"].is_sequence()) r.fail(r.pos(font["fallback"]), tr("expected a list of families"));
    for (const auto& f : font["fallback"]) s.fallback_families.push_back(r.str(f));
  }

  const auto page = r.need(root, "page");
  r.keys(page, {"size", "margins", "mirror"}, "`page`");
  const auto size = r.need(page, "size");
  if (!size.is_sequence() || size.size() != 2) r.fail(r.pos(size), tr("page size must be [width, height]"));
  s.page.width = r.length(size[0]);
  s.page.height = r.length(size[1]);
  const auto margins = r.need(page, "margins");
  r.keys(margins, {"top", "bottom", "left", "right"}, "`page.margins`");
  s.page.top = r.length(r.need(margins, "top"));
  s.page.bottom = r.length(r.need(margins, "bottom"));
  s.page.left = r.length(r.need(margins, "left"));
  s.page.right = r.length(r.need(margins, "right"));
  if (page["mirror"]) s.page.mirror = r.boolean(page["mirror"]);
  if (s.page.text_width() < mm(20) || s.page.height - s.page.top - s.page.bottom < mm(20))
    r.fail(r.pos(margins), tr("the margins leave less than 20 mm for text"), tr("check page size and margins"));
}

/// `body:`: the text of paragraphs.
void read_body(const Node& root, Reader& r, Style& s) {
  const auto body = r.need(root, "body");
  r.keys(body, {"size", "leading", "indent", "paragraph-space", "align", "space-stretch", "space-shrink",
                "tolerance"}, "`body`");
  s.body.text.size = r.length(r.need(body, "size"));
  s.body.leading = r.length(r.need(body, "leading"));
  if (body["indent"]) s.body.indent = r.length(body["indent"]);
  if (body["paragraph-space"]) s.body.paragraph_space = r.length(body["paragraph-space"]);
  if (body["align"]) s.body.text.align = r.align(body["align"]);
  if (body["space-stretch"]) s.body.space_stretch = r.number(body["space-stretch"]);
  if (body["space-shrink"]) s.body.space_shrink = r.number(body["space-shrink"]);
  if (body["tolerance"]) s.body.tolerance = r.number(body["tolerance"]);
  if (s.body.text.size <= 0 || s.body.leading <= 0) r.fail(r.pos(body), tr("body size and leading must be positive"));
}

/// `page-number:` and `list:`.
void read_page_number_and_list(const Node& root, Reader& r, Style& s, const TextStyle& plain) {
  if (const auto pn = root["page-number"]) {
    r.keys(pn, {"show", "size", "baseline", "first-page"}, "`page-number`");
    s.page_number.text = plain;
    s.page_number.text.align = Align::Center;
    if (pn["show"]) s.page_number.show = r.boolean(pn["show"]);
    if (pn["size"]) s.page_number.text.size = r.length(pn["size"]);
    s.page_number.baseline = r.length(r.need(pn, "baseline"));
    if (pn["first-page"]) s.page_number.first_page = r.integer(pn["first-page"]);
  } else {
    s.page_number.show = false;
  }

  if (const auto list = root["list"]) {
    r.keys(list, {"indent", "marker-gap"}, "`list`");
    if (list["indent"]) s.list.indent = r.length(list["indent"]);
  }
}

/// One heading level (of `headings:`, or a form's chapter, section, article).
HeadingLevel read_level(const Node& h, Reader& r, const TextStyle& plain) {
  r.keys(h, {"counter", "label", "label-own-line", "separator", "label-style", "title-style", "indent",
             "space-before", "space-after", "single-part"}, "a heading level");
  HeadingLevel level;
  level.counter = r.counter(r.need(h, "counter"));
  level.label = r.str(r.need(h, "label"));
  if (h["label-own-line"]) level.label_own_line = r.boolean(h["label-own-line"]);
  if (h["separator"]) level.separator = r.str(h["separator"]);
  if (h["single-part"]) level.single_part = r.boolean(h["single-part"]);
  level.title_style = h["title-style"] ? r.text_style(h["title-style"], plain) : plain;
  level.label_style = h["label-style"] ? r.text_style(h["label-style"], level.title_style) : level.title_style;
  if (h["indent"]) level.indent = r.length(h["indent"]);
  if (h["space-before"]) level.space_before = r.length(h["space-before"]);
  if (h["space-after"]) level.space_after = r.length(h["space-after"]);
  return level;
}

/// `headings:`, one entry per level (0 = part).
void read_headings(const Node& root, Reader& r, Style& s, const TextStyle& plain) {
  const auto headings = r.need(root, "headings");
  if (!headings.is_sequence() || headings.size() == 0)
    r.fail(r.pos(headings), tr("`headings` must be a list of levels"));
  for (const auto& h : headings) s.levels.push_back(read_level(h, r, plain));
}

/// `header:`: the two-column grid of the first page.
void read_header(const Node& root, Reader& r, Style& s, const TextStyle& centred) {
  const auto header = r.need(root, "header");
  r.keys(header, {"left-width", "parent", "issuer", "issuer-mark", "issuer-rule", "number", "number-format", "number-blank",
                  "number-pad", "national", "national-rule", "national-rule-offset", "date", "date-format", "date-blank", "place-blank",
                  "line-gap", "title-gap"}, "`header`");
  auto& hd = s.header;
  hd.left_width = r.length(r.need(header, "left-width"));
  if (hd.left_width <= 0 || hd.left_width >= s.page.text_width())
    r.fail(r.pos(header["left-width"]), tr("the left header column must be narrower than the text width"));
  hd.parent = header["parent"] ? r.text_style(header["parent"], centred) : centred;
  hd.issuer = header["issuer"] ? r.text_style(header["issuer"], centred) : centred;
  if (header["issuer-mark"]) hd.issuer_mark = r.str(header["issuer-mark"]);
  if (header["issuer-rule"]) hd.issuer_rule = r.number(header["issuer-rule"]);
  hd.number = header["number"] ? r.text_style(header["number"], centred) : centred;
  hd.number_format = r.str(r.need(header, "number-format"));
  hd.number_blank = r.str(r.need(header, "number-blank"));
  if (header["number-pad"]) hd.number_pad = r.integer(header["number-pad"]);
  if (header["national-rule-offset"]) hd.national_rule_offset = r.length(header["national-rule-offset"]);
  if (const auto nat = header["national"]) {
    if (!nat.is_sequence()) r.fail(r.pos(nat), tr("`national` must be a list of lines"));
    for (const auto& line : nat) {
      r.keys(line, {"text", "style"}, "a line of `header.national`");
      hd.national.push_back(r.str(r.need(line, "text")));
      hd.national_styles.push_back(line["style"] ? r.text_style(line["style"], centred) : centred);
    }
  }
  if (header["national-rule"]) hd.national_rule = r.length(header["national-rule"]);
  hd.date = header["date"] ? r.text_style(header["date"], centred) : centred;
  hd.date_format = r.str(r.need(header, "date-format"));
  hd.date_blank = r.str(r.need(header, "date-blank"));
  if (header["place-blank"]) hd.place_blank = r.str(header["place-blank"]);
  if (header["line-gap"]) hd.line_gap = r.length(header["line-gap"]);
  if (header["title-gap"]) hd.title_gap = r.length(header["title-gap"]);
}

/// `title:` (and the default `rule-thickness`): the title block.
void read_title(const Node& root, Reader& r, Style& s, const TextStyle& centred) {
  const auto title = r.need(root, "title");
  r.keys(title, {"title", "summary", "subtitle", "rule-width", "rule-fraction", "rule-thickness",
                 "space-after"}, "`title`");
  s.title.title = title["title"] ? r.text_style(title["title"], centred) : centred;
  s.title.summary = title["summary"] ? r.text_style(title["summary"], s.title.title) : s.title.title;
  if (title["rule-fraction"]) s.title.rule_fraction = r.number(title["rule-fraction"]);
  s.title.subtitle = title["subtitle"] ? r.text_style(title["subtitle"], centred) : centred;
  if (title["rule-width"]) s.title.rule_width = r.length(title["rule-width"]);
  s.rule_thickness = root["rule-thickness"] ? r.length(root["rule-thickness"]) : pt(0.5);
  s.title.rule_thickness = title["rule-thickness"] ? r.length(title["rule-thickness"]) : s.rule_thickness;
  if (title["space-after"]) s.title.space_after = r.length(title["space-after"]);
}

/// `quote:` and `table:`.
void read_quote_and_table(const Node& root, Reader& r, Style& s, const TextStyle& plain) {
  if (const auto q = root["quote"]) {
    r.keys(q, {"indent", "style"}, "`quote`");
    if (q["indent"]) s.quote.indent = r.length(q["indent"]);
    s.quote.text = q["style"] ? r.text_style(q["style"], s.body.text) : s.body.text;
  } else {
    s.quote.text = s.body.text;
  }

  if (const auto t = root["table"]) {
    r.keys(t, {"text", "header", "padding", "rule", "space-after"}, "`table`");
    s.table.text = t["text"] ? r.text_style(t["text"], plain) : plain;
    s.table.header = t["header"] ? r.text_style(t["header"], s.table.text) : s.table.text;
    if (t["padding"]) s.table.padding = r.length(t["padding"]);
    s.table.rule = t["rule"] ? r.length(t["rule"]) : s.rule_thickness;
    if (t["space-after"]) s.table.space_after = r.length(t["space-after"]);
  } else {
    s.table.text = s.table.header = plain;
    s.table.rule = s.rule_thickness;
  }
}

/// `signature:` and `recipients:`: the closing row.
void read_closing(const Node& root, Reader& r, Style& s, const TextStyle& plain, const TextStyle& centred) {
  const auto sig = r.need(root, "signature");
  r.keys(sig, {"left-width", "authority", "title", "name", "space", "space-before", "authority-forms"}, "`signature`");
  s.signature.left_width = r.length(r.need(sig, "left-width"));
  if (s.signature.left_width <= 0 || s.signature.left_width >= s.page.text_width())
    r.fail(r.pos(sig["left-width"]), tr("the recipients' column must be narrower than the text width"));
  s.signature.authority = sig["authority"] ? r.text_style(sig["authority"], centred) : centred;
  s.signature.title = sig["title"] ? r.text_style(sig["title"], centred) : centred;
  s.signature.name = sig["name"] ? r.text_style(sig["name"], centred) : centred;
  if (sig["space"]) s.signature.space = r.length(sig["space"]);
  if (sig["space-before"]) s.signature.space_before = r.length(sig["space-before"]);
  if (const auto forms = sig["authority-forms"]) {
    if (!forms.is_sequence()) r.fail(r.pos(forms), tr("`authority-forms` must be a list"));
    for (const auto& f : forms) s.signature.authority_forms.push_back(r.str(f));
  }

  const auto rec = r.need(root, "recipients");
  r.keys(rec, {"label", "label-style", "item", "prefix", "item-end", "last-end"}, "`recipients`");
  s.recipients.label = r.str(r.need(rec, "label"));
  s.recipients.label_style = rec["label-style"] ? r.text_style(rec["label-style"], plain) : plain;
  s.recipients.item = rec["item"] ? r.text_style(rec["item"], plain) : plain;
  if (rec["prefix"]) s.recipients.prefix = r.str(rec["prefix"]);
  if (rec["item-end"]) s.recipients.item_end = r.str(rec["item-end"]);
  if (rec["last-end"]) s.recipients.last_end = r.str(rec["last-end"]);
}

/// "#rrggbb" as a colour.
Rgb color(const Node& n, Reader& r) {
  const std::string s = r.str(n);
  Rgb c;
  unsigned v = 0;
  const bool ok = s.size() == 7 && s[0] == '#' &&
                  std::from_chars(s.data() + 1, s.data() + 7, v, 16).ptr == s.data() + 7;
  if (!ok) r.fail(r.pos(n), tr("expected a colour `#rrggbb`, got `{}`", s), tr("e.g. `#ff0000` for red"));
  c.r = static_cast<unsigned char>(v >> 16);
  c.g = static_cast<unsigned char>(v >> 8);
  c.b = static_cast<unsigned char>(v);
  return c;
}

/// `marks:`: the look of each marking, in the order they stack.
void read_marks(const Node& root, Reader& r, Style& s, const TextStyle& centred) {
  if (const auto marks = root["marks"]) {
    if (!marks.is_map()) r.fail(r.pos(marks), tr("`marks` must map mark names to their look"));
    for (const auto& [name, m] : marks.entries()) {
      r.keys(m, {"text", "style", "frame", "place", "box", "color", "group"}, "a mark");
      Mark mark;
      mark.order = static_cast<int>(s.marks.size());
      if (const auto box = m["box"]) {
        if (!box.is_sequence() || box.size() != 2) r.fail(r.pos(box), tr("`box` is [width, height], e.g. [20mm, 8mm]"));
        mark.width = r.length(box[0]);
        mark.height = r.length(box[1]);
        mark.frame = true;
      }
      if (m["color"]) mark.color = color(m["color"], r);
      if (m["group"]) mark.group = r.str(m["group"]);
      mark.text = r.str(r.need(m, "text"));
      mark.style = m["style"] ? r.text_style(m["style"], centred) : centred;
      if (m["frame"]) mark.frame = r.boolean(m["frame"]);
      mark.place = m["place"] ? r.str(m["place"]) : "left";
      if (mark.place != "left" && mark.place != "top-right")
        r.fail(r.pos(m["place"]), tr("unknown mark place `{}`", mark.place), tr("use left or top-right"));
      s.marks[r.str(name)] = mark;
    }
  }
}

/// `copy-stamp:`, the stamp of numbered copies; its place defaults from the page's margins.
void read_copy_stamp(const Node& root, Reader& r, Style& s, const TextStyle& plain) {
  CopyStamp& c = s.copy_stamp;
  c.style = plain;
  c.style.align = Align::Right;
  c.baseline = s.page.top / 2;
  c.right = s.page.right;
  const auto cs = root["copy-stamp"];
  if (!cs) return;
  r.keys(cs, {"text", "delegate", "size", "bold", "baseline", "right"}, "`copy-stamp`");
  if (cs["text"]) c.text = r.str(cs["text"]);
  if (cs["delegate"]) c.delegate = r.str(cs["delegate"]);
  if (cs["size"]) c.style.size = r.length(cs["size"]);
  if (cs["bold"]) c.style.bold = r.boolean(cs["bold"]);
  if (cs["baseline"]) c.baseline = r.length(cs["baseline"]);
  if (cs["right"]) c.right = r.length(cs["right"]);
  if (c.style.size <= 0 || c.baseline <= 0 || c.baseline >= s.page.height || c.right < 0 || c.right >= s.page.width)
    r.fail(r.pos(cs), tr("the copy stamp must have a positive size and lie on the page"));
}

Style read_style(const Node& root, Reader& r) {
  r.keys(root, {"name", "regime", "font", "page", "body", "page-number", "list", "headings", "header",
                "title", "quote", "table", "signature", "recipients", "marks", "rule-thickness", "check",
                "copy-stamp", "kinds", "forms", "contact"}, "the style");
  r.throw_if_errors();
  Style s;
  s.name = r.str(r.need(root, "name"));
  read_font_and_page(root, r, s);
  read_body(root, r, s);
  const TextStyle plain{s.body.text.size, false, false, false, Case::AsIs, Align::Left};
  TextStyle centred = plain;
  centred.align = Align::Center;
  read_page_number_and_list(root, r, s, plain);
  read_headings(root, r, s, plain);
  read_header(root, r, s, centred);
  read_title(root, r, s, centred);
  read_quote_and_table(root, r, s, plain);
  read_closing(root, r, s, plain, centred);
  read_marks(root, r, s, centred);
  read_copy_stamp(root, r, s, plain);
  detail::read_contact(root, r, s, plain);
  detail::read_kinds(root, r, s);
  detail::read_forms(root, r, s, plain, [&](const Node& h) { return read_level(h, r, plain); });
  r.throw_if_errors();
  return s;
}

}  // namespace

Style load_style(const std::string& name_or_path, const std::string& styles_dir, const std::string& base_dir,
                 const SourcePos& where) {
  const bool is_path = name_or_path.ends_with(".yaml");
  const fs::path file = is_path ? fs::path(base_dir) / name_or_path : fs::path(styles_dir) / (name_or_path + ".yaml");
  std::error_code ec;
  // Something there that is not a file (a folder, a FIFO, /dev/zero, a loop of links) is
  // named as what it is: "unknown style" would send the user looking for a typo.
  if (const auto problem = source::file_problem(file.string());
      !fs::is_regular_file(file, ec) && problem != source::FileProblem::missing)
    fail(where, tr("cannot read style file `{}`", name_or_path), source::file_problem_hint(problem));
  if (!fs::is_regular_file(file, ec)) {
    // The styles a document may name, sorted: a booklet style (`kind: booklet`, named by a
    // booklet.yaml) is not one of them.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(styles_dir, ec)) {
      if (e.path().extension() != ".yaml") continue;
      const auto text = source::read_file(e.path().string());
      if (text && (text->starts_with("kind: booklet\n") || text->find("\nkind: booklet\n") != std::string::npos)) continue;
      names.push_back(e.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    fail(where, tr("unknown style `{}`", name_or_path),
         known.empty() ? tr("no styles found in {}", styles_dir) : tr("known styles: {}", known));
  }
  auto bytes = source::read_file(file.string());
  if (!bytes) fail(where, tr("cannot read style file `{}`", name_or_path), tr("check its permissions"));
  const auto f = std::make_shared<const SourceFile>(file.string(), std::move(*bytes));
  // The checks every document file gets: UTF-8 (UTF-16 and legacy encodings named), no
  // NUL or control characters, no tabs in indentation, no overlong clusters of marks.
  if (Diagnostics bad; !source::check_bytes(*f, bad)) throw Error(std::move(bad.items));
  const source::yaml::Tree tree = source::yaml::Tree::parse(f->text());
  if (const auto& p = tree.problem()) fail(f->at(p->offset), p->message, p->hint);
  const Node root = tree.root();
  if (!root.is_map()) fail(f->start(), tr("a style file must be a mapping of keys"));
  Reader reader(*f);
  Style s = read_style(root, reader);
  s.file = file.string();
  s.parsed = {f, tree};  // the check stage reads its `check:` section from the same parse
  return s;
}

std::string format_counter(Counter counter, int n) {
  switch (counter) {
    case Counter::Arabic:
      return std::to_string(n);
    case Counter::Roman: {
      static const std::pair<int, const char*> numerals[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                             {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                             {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"},
                                                             {1, "I"}};
      std::string out;
      for (const auto& [value, digits] : numerals)
        for (; n >= value; n -= value) out += digits;
      return out;
    }
    case Counter::Alpha: {
      // The Vietnamese alphabet order used for điểm: a b c d đ e g h i k l m n o p q r s t u v x y.
      static const char* letters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                      "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
      constexpr int count = kAlphaLetters;
      static_assert(std::size(letters) == count);
      std::string out;
      for (; n > count; n -= count) out += letters[count - 1];  // beyond y: repeat (rare)
      return out + letters[n - 1];
    }
    case Counter::OrdinalWord: {
      // "thứ nhất", "thứ hai", ..., "thứ tư" (not "bốn"), "thứ mười"; larger numbers fall back to digits.
      static const char* words[] = {"nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"};
      return n >= 1 && n <= 10 ? words[n - 1] : std::to_string(n);
    }
  }
  return std::to_string(n);
}

std::string heading_label(const Style& style, std::size_t level, const std::vector<int>& counters) {
  // `{n}` is this level's counter, `{1}`..`{9}` that level's (any other key: this level's).
  return text::fill(style.levels.at(level).label, [&](std::string_view key) -> std::optional<std::string> {
    std::size_t which = level;
    if (key != "n" && key.size() == 1 && key[0] >= '0' && key[0] <= '9') which = std::size_t(key[0] - '0');
    if (which < counters.size() && which < style.levels.size())
      return format_counter(style.levels[which].counter, counters[which]);
    return std::string();
  });
}

std::string apply_case(const std::string& utf8, Case c) {
  switch (c) {
    case Case::Upper:
      return text::to_upper(utf8);
    case Case::Lower:
      return text::to_lower(utf8);
    case Case::AsIs:
      break;
  }
  return utf8;
}

}  // namespace vanban::style
