// The rules of `vanban check`. Each finding is placed where the user must edit; a
// convention finding names its source (HD 36-HD/VPTW, NĐ 30/2020/NĐ-CP) through the
// style's `check: cite:` strings, so the citation follows the regime the style encodes.
#include "pipeline/check/check.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "pipeline/check/forms.hpp"
#include "pipeline/check/rules.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/source/suggest.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::check {

namespace {

using content::Block;
using content::Section;
using content::Text;

/// `a` when it is a real place, else `fallback` (positions the loader did not set).
const SourcePos& or_else(const SourcePos& a, const SourcePos& fallback) { return a.line > 0 ? a : fallback; }

/// Up to 30 code points of `s` from `from`, on one line, to show where in a long text a
/// problem is: the text's own position is only where it starts.
std::string excerpt(const std::u32string& s, std::size_t from) {
  constexpr std::size_t kLength = 30;
  std::u32string out = s.substr(from, kLength);
  std::replace(out.begin(), out.end(), U'\n', U' ');
  std::string utf8 = text::encode(out);
  if (from + kLength < s.size()) utf8 += "…";
  return utf8;
}

bool is_label_char(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'đ' ||
         c == U'Đ';
}

/// A `)` that closes a hand-typed point label opening the text ("a) ...", "1) ...", "đ) ...")
/// is not a parenthesis: such labels are everywhere in official texts.
bool is_label_paren(const std::u32string& s, std::size_t i) {
  std::size_t start = 0;
  while (start < s.size() && s[start] == U' ') ++start;
  if (i <= start || i - start > 3) return false;
  for (std::size_t k = start; k < i; ++k)
    if (!is_label_char(s[k])) return false;
  return true;
}

/// The letters of a signature form: "T/M" and "TM." are the same form in two regimes.
std::string letters(std::string_view form) {
  std::string out;
  for (const char c : form)
    if (c != '/' && c != '.') out += c;
  return out;
}

using source::list_names;

/// "`QĐ` or `QĐi`": the type codes a kind accepts.
std::string alternatives(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out = out.empty() ? "`" + c + "`" : tr("{} or {}", out, "`" + c + "`");
  return out;
}

class Checker {
 public:
  Checker(const content::Document& doc, const style::Style& style, const detail::Rules& rules, bool final_mode)
      : doc_(doc), style_(style), rules_(rules), final_(final_mode) {}

  std::vector<Diagnostic> run() {
    note(doc_.file);
    out_.items = doc_.load_warnings;
    section_labels_ = section_labels();
    const auto kind = style_.kinds.find(doc_.kind);
    decision_ = kind != style_.kinds.end() && kind->second.form == style::Form::Decision;
    // An attachment issued as its own file prints no place, signature or recipients: those
    // are the main document's, whose kind its code is checked against.
    attachment_ = kind != style_.kinds.end() && kind->second.form == style::Form::Attachment;
    walk();
    placeholders();
    missing_fields();
    code();
    authority();
    marks();
    detail::check_forms(doc_, style_, rules_.cite("headings"), out_);
    return sorted();
  }

 private:
  // --- Reporting ------------------------------------------------------------------------

  std::string with_cite(const std::string& advice, const std::string& rule) const {
    const std::string cite = rules_.cite(rule);
    if (cite.empty()) return advice;
    return advice.empty() ? tr("see {}", cite) : tr("{}; see {}", advice, cite);
  }

  /// A convention finding: always an error, with its citation.
  void convention(const SourcePos& at, std::string message, const std::string& advice, const std::string& rule) {
    out_.error(at, std::move(message), with_cite(advice, rule));
  }

  /// A finding a draft may still have: a warning, or an error in final mode.
  void unfinished(const SourcePos& at, std::string message, std::string hint) {
    if (final_)
      out_.error(at, std::move(message), std::move(hint));
    else
      out_.warn(at, std::move(message), std::move(hint));
  }

  /// Files in the order the document is read, for sorting.
  void note(const std::string& file) {
    if (!file.empty() && std::find(files_.begin(), files_.end(), file) == files_.end()) files_.push_back(file);
  }

  std::vector<Diagnostic> sorted() {
    auto ds = std::move(out_.items);
    sort_in_reading_order(ds, files_);
    return ds;
  }

  // --- The walk: every text (balance), every section (depth) ---------------------------

  void walk() {
    const auto& h = doc_.header;
    text(h.parent, h.pos);
    text(h.issuer, h.pos);
    text(h.place, h.pos);
    text(doc_.title);
    for (const auto& t : doc_.subtitle) text(t);
    if (doc_.signature) {
      const auto& s = *doc_.signature;
      text(s.authority, or_else(s.authority_pos, s.pos));
      text(s.title, s.pos);
      text(s.name, s.pos);
    }
    for (const auto& t : doc_.recipients) text(t);
    for (const auto& p : doc_.parts) {
      note(p.pos.file);
      text(p.title);
      blocks(p.body);
      sections(p.sections, 1, false);
    }
  }

  void blocks(const std::vector<Block>& bs) {
    for (const auto& b : bs) {
      note(b.pos.file);
      switch (b.kind) {
        case Block::Kind::Paragraph:
        case Block::Kind::Quote:
          text(b.text);
          break;
        case Block::Kind::List:
          for (const auto& item : b.items) {
            text(item.text);
            blocks(item.children);
          }
          break;
        case Block::Kind::Table:
          for (const auto& c : b.table.columns) text(c);
          for (const auto& row : b.table.rows)
            for (const auto& c : row) text(c);
          break;
        case Block::Kind::PageBreak:
          break;
      }
    }
  }

  /// `depth` 1 = the sections of a part. Deeper than the style has levels is reported once
  /// per branch: the sections under it are too deep for the same reason.
  /// The labels of the levels of sections the document's form numbers: a decision's
  /// chapter, section, subsection (when the style has it) and article; a report's levels.
  std::vector<std::string> section_labels() const {
    std::vector<std::string> labels;
    const auto kind = style_.kinds.find(doc_.kind);
    if (kind != style_.kinds.end() && kind->second.form == style::Form::Decision) {
      const auto& d = style_.forms.decision;
      for (const auto* lv : {&d.chapter, &d.section, &d.subsection, &d.article})
        if (!lv->label.empty()) labels.push_back(resolve_label(*lv));
      return labels;
    }
    const std::size_t levels = style_.levels.empty() ? 0 : style_.levels.size() - 1;
    for (std::size_t l = 1; l <= levels; ++l)
      labels.push_back(style::heading_label(style_, l, std::vector<int>(l + 1, 1)));
    return labels;
  }

  /// A decision level's label for the first of its kind ("Chương I").
  static std::string resolve_label(const style::HeadingLevel& lv) {
    std::string out = lv.label;
    if (const auto at = out.find("{n}"); at != std::string::npos)
      out.replace(at, 3, style::format_counter(lv.counter, 1));
    return out;
  }

  void sections(const std::vector<Section>& ss, std::size_t depth, bool reported) {
    for (const auto& s : ss) {
      note(s.pos.file);
      text(s.title);
      bool too_deep = reported;
      const std::vector<std::string>& labels = section_labels_;
      const std::size_t levels = labels.size();
      if (depth > levels && !reported) {
        convention(s.pos,
                   tr("section “{}” is nested {} levels deep; the {} style numbers {} levels of sections ({})",
                      s.title.plain(), depth, style_.name, levels, list_names(labels)),
                   decision_ ? tr("move it up a level, or write its content as a list; parts (Phần) above the "
                                  "chapters go in their own part files (`parts:`)")
                             : tr("move it up a level, or write its content as a list"),
                   "headings");
        too_deep = true;
      }
      blocks(s.body);
      sections(s.sections, depth + 1, too_deep);
    }
  }

  void text(const Text& t) { text(t.plain(), t.pos); }

  /// Unbalanced “ ”, straight " and ( ) in one text, reported at the text with an excerpt
  /// from the offending character (the model keeps the text's start, not each character's).
  void text(const std::string& s, const SourcePos& at) {
    note(at.file);
    if (s.empty()) return;
    const std::u32string t = text::decode(s);
    std::vector<std::size_t> quotes, parens;
    std::optional<std::size_t> stray_quote, stray_paren, first_straight;
    std::size_t straight = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      switch (t[i]) {
        case U'“':
          quotes.push_back(i);
          break;
        case U'”':
          if (!quotes.empty()) quotes.pop_back();
          else if (!stray_quote) stray_quote = i;
          break;
        case U'(':
          parens.push_back(i);
          break;
        case U')':
          if (is_label_paren(t, i)) break;
          if (!parens.empty()) parens.pop_back();
          else if (!stray_paren) stray_paren = i;
          break;
        case U'"':
          if (straight++ == 0) first_straight = i;
          break;
        default:
          break;
      }
    }
    const auto near = [&](std::size_t i) { return ", at `" + excerpt(t, i) + "`"; };
    if (stray_quote)
      unfinished(at, tr("unbalanced quotes: a closing ” without an opening “{}", near(*stray_quote)),
                 tr("add the opening “, or remove the stray ”"));
    else if (!quotes.empty())
      unfinished(at, tr("unbalanced quotes: an opening “ without a closing ”{}", near(quotes.front())),
                 tr("close the quotation with ”, or remove the stray “"));
    if (straight % 2 == 1)
      unfinished(at, tr("unbalanced quotes: an odd number of \" ({}){}", straight, near(*first_straight)),
                 tr("straight quotes pair up: close the quotation, or write “ ” which show which side is which"));
    if (stray_paren)
      unfinished(at, tr("unbalanced parentheses: a closing ) without an opening ({}", near(*stray_paren)),
                 tr("add the opening (, or remove the stray )"));
    else if (!parens.empty())
      unfinished(at, tr("unbalanced parentheses: an opening ( without a closing ){}", near(parens.front())),
                 tr("close it with ), or remove the stray ("));
  }

  // --- Draft rules ----------------------------------------------------------------------

  void placeholders() {
    const auto& places = doc_.placeholder_places;
    const std::string hint = final_
                                 ? tr("a final document keeps no blanks: write the text in place of the `…` or `...`")
                                 : tr("fill in the blank before `status: final`");
    for (std::size_t i = 0; i < places.size(); ++i)
      unfinished(places[i], tr("unfilled placeholder ({} of {})", i + 1, places.size()), hint);
  }

  void missing_fields() {
    const auto& h = doc_.header;
    const std::string form = rules_.code_form.empty() ? "as the regime writes it" : rules_.code_form;
    if (h.code.empty())
      unfinished(h.pos, tr("missing `header.code`"),
                 with_cite(tr("add `code:` under `header:`, the symbol written {}", form), "number"));
    if (!h.number)
      unfinished(h.pos, tr("missing `header.number`"),
                 with_cite(tr("the number is left blank to be written by hand; add `number:` under `header:` once the "
                              "document is registered"),
                           "number"));
    if (!h.date)
      unfinished(
          h.pos, tr("missing `header.date`"),
          with_cite(tr("the date line is printed with blanks; add `date: YYYY-MM-DD` under `header:`"), "place-date"));
    if (attachment_) return;
    if (h.place.empty())
      unfinished(h.pos, tr("missing `header.place`"),
                 with_cite(tr("add `place:` under `header:`: the place name of the date line"), "place-date"));
    archive_line();
    if (!doc_.signature) {
      unfinished(doc_.pos, tr("missing `signature`"),
                 with_cite(tr("add `signature:` with `authority:`, `title:` and `name:`"), "signature"));
    } else {
      // `authority` may be empty: a head signing in their own right has only a title.
      if (doc_.signature->title.empty())
        unfinished(doc_.signature->pos, tr("missing `signature.title`"),
                   with_cite(tr("add `title:` with the signer's position, e.g. `Bí thư`"), "signature"));
      if (doc_.signature->name.empty())
        unfinished(doc_.signature->pos, tr("missing `signature.name`"),
                   with_cite(tr("add `name:` with the signer's full name"), "signature"));
    }
    const auto kind = style_.kinds.find(doc_.kind);  // minutes have no Nơi nhận
    if (doc_.recipients.empty() && (kind == style_.kinds.end() || kind->second.form != style::Form::Minutes))
      unfinished(doc_.pos, tr("missing `recipients`"),
                 with_cite(tr("add `recipients:` (Nơi nhận), one recipient per line"), "recipients"));
  }

  // --- Convention rules -----------------------------------------------------------------

  void code() {
    const auto& h = doc_.header;
    if (h.code.empty() || !rules_.code_pattern) return;
    const SourcePos& at = or_else(h.code_pos, h.pos);
    const std::wstring code = detail::wide(h.code);
    std::wsmatch m;
    if (!std::regex_match(code, m, *rules_.code_pattern)) {
      convention(at, tr("malformed number/symbol `{}` for {}", h.code, rules_.regime),
                 rules_.code_form.empty() ? std::string() : tr("write it as {}", rules_.code_form), "number");
      return;
    }
    const std::string& kind = attachment_ && doc_.attached_to ? doc_.attached_to->kind : doc_.kind;
    const auto accepted = rules_.codes.find(kind);
    if (m.size() < 2 || !m[1].matched || accepted == rules_.codes.end() || accepted->second.empty()) return;
    const std::string type = detail::narrow(m[1].str());
    const auto& codes = accepted->second;
    if (std::find(codes.begin(), codes.end(), type) != codes.end()) return;
    convention(at,
               tr("the symbol `{}` has the type `{}`, but a `{}` is {}", h.code, type, kind, alternatives(codes)),
               tr("start the symbol with {}", alternatives(codes)), "type-code");
  }

  void authority() {
    if (!doc_.signature || doc_.signature->authority.empty()) return;
    const auto& forms = style_.signature.authority_forms;
    if (forms.empty()) return;
    const auto& sig = *doc_.signature;
    const std::string upper = text::to_upper(sig.authority);
    for (const auto& f : forms)
      if (upper.starts_with(f + " ")) return;
    // A form of the other regime ("TM." where "T/M" is meant) has the same letters: name the one meant.
    const std::string first = sig.authority.substr(0, sig.authority.find(' '));
    std::string meant;
    for (const auto& f : forms)
      if (letters(f) == letters(text::to_upper(first))) meant = f;
    convention(or_else(sig.authority_pos, sig.pos),
               tr("the signature authority `{}` does not start with a form of {} ({})", sig.authority, rules_.regime,
                  list_names(forms)),
               meant.empty() ? tr("start it with one of {} and a space", list_names(forms))
                             : tr("write `{}` for `{}`", meant, first),
               "authority");
  }

  /// The last recipient is the archive copy: "- Lưu: VT, TCCB." (State), "- Lưu Văn phòng…" (Party).
  void archive_line() {
    if (doc_.recipients.empty()) return;
    const std::string last = text::to_upper(doc_.recipients.back().plain());
    if (last.rfind("LƯU", 0) == 0) return;
    unfinished(doc_.recipients.back().pos, tr("the recipients do not end with the archive copy (`Lưu: VT, …`)"),
               with_cite(tr("add a last item such as `Lưu: VT, VP` (State) or `Lưu Văn phòng` (Party)"), "recipients"));
  }

  void marks() {
    const auto& h = doc_.header;
    std::vector<std::string> known;
    for (const auto& [name, mark] : style_.marks) known.push_back(name);
    // The first mark of each group and each name, to name it when another contradicts it.
    std::vector<std::pair<std::string, std::string>> seen;  // (group or name, mark as written)
    for (std::size_t i = 0; i < h.marks.size(); ++i) {
      const SourcePos& at = i < h.mark_places.size() ? h.mark_places[i] : h.pos;
      const auto found = style::find_mark(style_, h.marks[i]);
      if (!found) {
        convention(at, tr("mark `{}` is not defined by the {} style", h.marks[i], style_.name),
                   known.empty() ? tr("this style defines no marks") : tr("marks of this style: {}", list_names(known)),
                   "marks");
        continue;
      }
      const std::string key = found->mark.group.empty() ? "=" + found->name : found->mark.group;
      const auto before = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == key; });
      if (before == seen.end()) {
        seen.emplace_back(key, h.marks[i]);
      } else if (before->second == h.marks[i]) {
        convention(at, tr("mark `{}` is given twice", h.marks[i]), tr("remove one of them"), "marks");
      } else {
        convention(at, tr("marks `{}` and `{}` contradict each other", before->second, h.marks[i]),
                   tr("a document has one {} mark: keep the one that applies", found->mark.group), "marks");
      }
    }
  }

  const content::Document& doc_;
  const style::Style& style_;
  const detail::Rules& rules_;
  const bool final_;
  Diagnostics out_;
  std::vector<std::string> files_;
  std::vector<std::string> section_labels_;  ///< the labels of the levels the form numbers
  bool decision_ = false;                    ///< the kind's form is a decision
  bool attachment_ = false;                  ///< the kind is an attachment issued as its own file
};

}  // namespace

std::vector<Diagnostic> check_document(const content::Document& doc, const style::Style& style, bool final_mode) {
  const detail::Rules rules = detail::read_rules(style);
  return Checker(doc, style, rules, final_mode).run();
}

}  // namespace vanban::check
