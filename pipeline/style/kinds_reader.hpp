#pragma once
/// Internal to the style stage: reading `kinds:` (the table of kinds of the regime) and
/// `forms:` (the looks of the letter, decision and appendix forms). Written as templates
/// over style.cpp's reader so that the reader stays where it is; style.cpp instantiates
/// them once.
#include <string>

#include "pipeline/core/i18n.hpp"
#include "pipeline/source/yaml.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::style::detail {

using source::yaml::Node;

/// `kinds:` kind → {name, code, form, title-block, enacting, kinh-gui}.
template <class Reader>
void read_kinds(const Node& root, Reader& r, Style& s) {
  const Node kinds = root["kinds"];
  if (!kinds) return;
  if (!kinds.is_map()) r.fail(r.pos(kinds), tr("`kinds` must map each kind to its type name, code and form"));
  for (const auto& [key, k] : kinds.entries()) {
    r.keys(k, {"name", "code", "form", "title-block", "enacting", "kinh-gui"}, "a kind");
    Kind kind;
    if (k["name"]) kind.name = r.str(k["name"]);
    if (const Node code = k["code"]) {
      if (code.is_sequence())
        for (const auto& c : code) kind.codes.push_back(r.str(c));
      else
        kind.codes.push_back(r.str(code));
    }
    if (k["form"])
      kind.form = r.template one_of<Form>(k["form"], N_("form"),
                                          {{"report", Form::Report},
                                           {"decision", Form::Decision},
                                           {"letter", Form::Letter},
                                           {"minutes", Form::Minutes},
                                           {"attachment", Form::Attachment}});
    const bool titled = kind.form != Form::Letter && kind.form != Form::Attachment && !kind.name.empty();
    kind.title_block = k["title-block"] ? r.boolean(k["title-block"]) : titled;
    if (kind.title_block && kind.name.empty())
      r.fail(r.pos(k), tr("a kind with a title block needs its type name (`name:`)"));
    if (k["enacting"]) kind.enacting = r.str(k["enacting"]);
    if (k["kinh-gui"]) kind.kinh_gui = r.str(k["kinh-gui"]);
    s.kinds[r.str(key)] = std::move(kind);
  }
}

/// `forms: letter:`.
template <class Reader>
void read_letter(const Node& l, Reader& r, LetterStyle& ls, const TextStyle& plain, const TextStyle& centred) {
  r.keys(l, {"summary", "summary-prefix", "summary-gap", "kinh-gui", "addressee", "item-prefix", "item-end",
             "last-end", "as-above", "space-before", "space-after"}, "`forms.letter`");
  ls.summary = l["summary"] ? r.text_style(l["summary"], centred) : centred;
  if (l["summary-prefix"]) ls.summary_prefix = r.str(l["summary-prefix"]);
  if (l["summary-gap"]) ls.summary_gap = r.length(l["summary-gap"]);
  ls.kinh_gui = r.str(r.need(l, "kinh-gui"));
  ls.addressee = l["addressee"] ? r.text_style(l["addressee"], plain) : plain;
  if (l["item-prefix"]) ls.item_prefix = r.str(l["item-prefix"]);
  if (l["item-end"]) ls.item_end = r.str(l["item-end"]);
  if (l["last-end"]) ls.last_end = r.str(l["last-end"]);
  if (l["as-above"]) ls.as_above = r.str(l["as-above"]);
  if (l["space-before"]) ls.space_before = r.length(l["space-before"]);
  if (l["space-after"]) ls.space_after = r.length(l["space-after"]);
}

/// `forms: decision:`; `level` reads a heading level.
template <class Reader, class LevelReader>
void read_decision(const Node& d, Reader& r, DecisionStyle& ds, const TextStyle& plain, const TextStyle& centred,
                   LevelReader level) {
  r.keys(d, {"authority", "authority-after-bases", "basis", "basis-prefix", "basis-end", "basis-last-end", "enacting",
             "space", "part", "chapter", "section", "subsection", "article"}, "`forms.decision`");
  ds.authority = d["authority"] ? r.text_style(d["authority"], centred) : centred;
  if (d["authority-after-bases"]) ds.authority_after_bases = r.boolean(d["authority-after-bases"]);
  ds.basis = d["basis"] ? r.text_style(d["basis"], plain) : plain;
  if (d["basis-prefix"]) ds.basis_prefix = r.str(d["basis-prefix"]);
  if (d["basis-end"]) ds.basis_end = r.str(d["basis-end"]);
  if (d["basis-last-end"]) ds.basis_last_end = r.str(d["basis-last-end"]);
  ds.enacting = d["enacting"] ? r.text_style(d["enacting"], centred) : centred;
  if (d["space"]) ds.space = r.length(d["space"]);
  ds.chapter = level(r.need(d, "chapter"));
  ds.section = level(r.need(d, "section"));
  ds.article = level(r.need(d, "article"));
  if (d["part"]) ds.part = level(d["part"]);
  if (d["subsection"]) ds.subsection = level(d["subsection"]);
}

/// `forms: appendix:`; `level` reads a heading level.
template <class Reader, class LevelReader>
void read_appendix(const Node& a, Reader& r, AppendixStyle& as, const TextStyle& centred, LevelReader level) {
  r.keys(a, {"label", "single", "attached", "attached-format", "attached-number", "attached-number-blank",
             "attached-date", "attached-date-blank", "attached-of", "space-after", "field-width", "field-height"},
         "`forms.appendix`");
  as.label = level(r.need(a, "label"));
  as.single = a["single"] ? r.str(a["single"]) : as.label.label;
  as.attached = a["attached"] ? r.text_style(a["attached"], centred) : centred;
  as.attached_format = r.str(r.need(a, "attached-format"));
  as.attached_number = r.str(r.need(a, "attached-number"));
  as.attached_number_blank = r.str(r.need(a, "attached-number-blank"));
  as.attached_date = r.str(r.need(a, "attached-date"));
  as.attached_date_blank = r.str(r.need(a, "attached-date-blank"));
  if (a["attached-of"]) as.attached_of = r.str(a["attached-of"]);
  if (a["space-after"]) as.space_after = r.length(a["space-after"]);
  if (a["field-width"]) as.field_width = r.length(a["field-width"]);
  if (a["field-height"]) as.field_height = r.length(a["field-height"]);
}

/// `forms:` letter, decision and appendix; each optional (a style without one cannot set
/// documents of that form: resolve says so).
template <class Reader, class LevelReader>
void read_forms(const Node& root, Reader& r, Style& s, const TextStyle& plain, LevelReader level) {
  const Node forms = root["forms"];
  if (!forms) return;
  r.keys(forms, {"letter", "decision", "appendix"}, "`forms`");
  TextStyle centred = plain;
  centred.align = Align::Center;
  if (const Node l = forms["letter"]) read_letter(l, r, s.forms.letter, plain, centred);
  if (const Node d = forms["decision"]) read_decision(d, r, s.forms.decision, plain, centred, level);
  if (const Node a = forms["appendix"]) read_appendix(a, r, s.forms.appendix, centred, level);
}

}  // namespace vanban::style::detail
