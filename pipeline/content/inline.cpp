// Inline text. Variable values are inserted as plain text: they are not parsed again
// for markup or variables, so a value can never change the styling around it.
#include "pipeline/content/inline.hpp"

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/i18n.hpp"
#include "pipeline/core/limits.hpp"
#include "pipeline/source/suggest.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::content {

namespace detail {

namespace {

/// The place of a byte of the source (1-based line and code-point column, counted from the
/// scalar's own place): what diagnostics and placeholders are reported at. After a newline
/// the column restarts at the scalar's own column: exact for literal block scalars (`|`),
/// whose lines share one indentation. Walks on from the last offset asked about, so asking
/// in source order costs one pass over the text in all; an earlier offset starts again
/// from the beginning. Only ints are kept: a SourcePos holds the file name (a string copy),
/// so one is made only when a place is asked for.
class Places {
 public:
  Places(std::string_view source, const SourcePos& base) : s_(source), base_(base) {}

  SourcePos operator[](std::size_t offset) {
    SourcePos p = base_;
    if (base_.line <= 0) return p;  // no place in a file: every character is at `base`
    if (offset < at_) at_ = 0, line_ = 0, column_ = 0;
    for (; at_ < offset; ++at_) {
      const auto b = static_cast<unsigned char>(s_[at_]);
      if (b == '\n') {
        ++line_;
        column_ = 0;
      } else if (!text::is_continuation(b)) {  // the first byte of a code point
        ++column_;
      }
    }
    p.line += line_;
    p.column += column_;
    return p;
  }

 private:
  std::string_view s_;
  SourcePos base_;
  std::size_t at_ = 0;  ///< the offset line_ and column_ are for
  int line_ = 0;
  int column_ = 0;
};

/// The output text, grouped into spans of one style as it comes: neighbours of one style
/// merge, and an empty piece leaves nothing (`**a** **b**` gives bold, plain " ", bold).
class SpanWriter {
 public:
  explicit SpanWriter(std::vector<Span>& out) : out_(out) {}

  /// `nfc`: the piece passed text::is_nfc_quick (made of code points NFC never changes).
  void add(std::string_view text, bool bold, bool italic, bool nfc) {
    if (text.empty()) return;
    if (!run_.empty() && (bold != bold_ || italic != italic_)) flush();
    bold_ = bold;
    italic_ = italic;
    nfc_ = nfc_ && nfc;
    run_.append(text);
  }

  /// Ends the current span; its text becomes NFC (a mark in the source may compose with a
  /// letter from a variable's value, so spans are normalised whole). A span made only of
  /// pieces that passed the quick check would pass it whole: it is not looked at again.
  void flush() {
    if (run_.empty()) return;
    if (!nfc_) text::make_nfc(run_);
    out_.push_back({std::move(run_), bold_, italic_});
    run_.clear();
    nfc_ = true;
  }

 private:
  std::vector<Span>& out_;
  std::string run_;
  bool bold_ = false;
  bool italic_ = false;
  bool nfc_ = true;  ///< every piece of run_ passed the quick check
};

/// Finds the placeholder runs of the output text: runs of `…` or of three or more dots, as
/// in "ngày …. tháng ....". One run, one placeholder: "…." and "……" are one blank each. A
/// run may cross style changes and variable values: it is looked for in the text as printed.
class Blanks {
 public:
  Blanks(std::string_view source, const SourcePos& pos, std::vector<SourcePos>& out)
      : places_(source, pos), out_(out) {}

  /// The next piece of output text. Its characters come from the source bytes at `from`
  /// onwards when `own`; when not (a variable's value), all from `from`, the `{`.
  void add(std::string_view text, std::size_t from, bool own) {
    for (std::size_t k = 0; k < text.size();) {
      if (!open_) {  // only a dot or an ellipsis can open a run: skip to the next one
        while (k < text.size() && text[k] != '.' && static_cast<unsigned char>(text[k]) != 0xE2) ++k;
        if (k == text.size()) break;
      }
      if (text[k] == '.') {
        open(own ? from + k : from);
        ++dots_;
        ++k;
      } else if (static_cast<unsigned char>(text[k]) == 0xE2 && text.compare(k, 3, "\u2026") == 0) {
        open(own ? from + k : from);
        ellipsis_ = true;
        k += 3;
      } else {  // any other character ends the run (its continuation bytes change nothing)
        if (open_) close();
        ++k;
      }
    }
  }

  /// Ends the run at the end of the text, if any.
  void close() {
    if (open_ && (ellipsis_ || dots_ >= 3)) out_.push_back(places_[from_]);
    open_ = false;
  }

 private:
  void open(std::size_t from) {
    if (open_) return;
    open_ = true;
    from_ = from;
    dots_ = 0;
    ellipsis_ = false;
  }

  /// A walker of its own: runs close in source order, and diagnostics come in source order,
  /// but the two are not in order with each other.
  Places places_;
  std::vector<SourcePos>& out_;
  bool open_ = false;
  std::size_t from_ = 0;  ///< where the open run's first character comes from
  std::size_t dots_ = 0;
  bool ellipsis_ = false;
};

/// The bytes inline markup starts with: `{`, `}`, `*` and `\\`; and 0xEF, the first byte
/// of U+FEFF, which is dropped.
constexpr auto kMaybeMarkup = [] {
  std::array<bool, 256> t{};
  for (const unsigned char c : {'{', '}', '*', '\\', '\xEF'}) t[c] = true;
  return t;
}();

/// U+FEFF (ZERO WIDTH NO-BREAK SPACE, a byte-order mark inside the text) in UTF-8.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string variable_hint(const std::string& name, const Variables& variables) {
  if (variables.empty()) return tr("no variables are defined; add `{}: ...` under `variables:` in document.yaml", name);
  std::vector<std::string> names;
  for (const auto& [n, v] : variables) names.push_back(n);
  if (auto near = source::closest(name, names); !near.empty()) return tr("did you mean `{}`?", "{" + near + "}");
  return tr("defined variables: {}; write `{}` for a literal brace", source::list_names(names), "{{");
}

/// One run of the inline parser over one source string (see parse_text).
class InlineParser {
 public:
  InlineParser(std::string_view source, const SourcePos& pos, const Variables& variables,
               const InlineOptions& options, Diagnostics& diags, std::vector<SourcePos>* placeholders, Text& out)
      : source_(source), variables_(variables), options_(options), diags_(diags), places_(source, pos),
        spans_(out.spans) {
    if (placeholders) blanks_.emplace(source, pos, *placeholders);
  }

  /// Parses the whole source; `source_nfc`: it passed text::is_nfc_quick.
  void run(bool source_nfc) {
    // The parse works on the UTF-8 bytes: every markup character is ASCII, and no byte of a
    // multi-byte character is, so the text between markup is copied through whole.
    const std::size_t n = source_.size();
    std::size_t i = 0;
    std::size_t plain = 0;  // the start of the source text not yet given out
    while (true) {
      while (i < n && !(kMaybeMarkup[static_cast<unsigned char>(source_[i])] && markup(i))) ++i;
      emit(source_.substr(plain, i - plain), plain, true, source_nfc);
      if (i == n) break;
      const char c = source_[i];
      const bool doubled = i + 1 < n && source_[i + 1] == c;
      if (c == '\xEF') {
        // Invisible, and no word joiner in a document (U+2060 is): a BOM left by joining
        // files. Dropped, with a word, so that a search for the word finds it again.
        diags_.warn(places_[i], tr("invisible character U+FEFF (a byte-order mark) in the text, left out"),
                    tr("remove it; it usually comes from pasting the start of another file"));
        i += kByteOrderMark.size();
      } else if (c == '\\') {  // `\*`
        emit("*", i, true, true);
        i += 2;
      } else if (c == '*') {
        i = stars(i);
      } else if (c == '{' && doubled) {
        emit("{", i, true, true);
        i += 2;
      } else if (c == '{') {
        i = variable(i);
      } else if (doubled) {  // `}}`
        emit("}", i, true, true);
        i += 2;
      } else {
        diags_.error(places_[i], tr("`}` without a matching `{`"), tr("write `}}` for a literal brace"));
        emit("}", i, true, true);
        ++i;
      }
      plain = i;
    }
    finish();
  }

 private:
  /// Output text: `from` is the source offset of its first character (`own`) or of the
  /// reference it replaces.
  void emit(std::string_view piece, std::size_t from, bool own, bool nfc) {
    if (too_large_) return;
    if (std::atomic<std::size_t>* total = options_.text_bytes) {
      const std::size_t before = total->fetch_add(piece.size(), std::memory_order_relaxed);
      if (before + piece.size() > kMaxTextBytes) {
        if (before <= kMaxTextBytes)  // (the piece that crossed the limit: one message per document)
          diags_.error(places_[from], tr("the document is too large: more than {} MB of text", kMaxTextBytes >> 20),
                       tr("split it into several documents"));
        too_large_ = true;
        return;
      }
    }
    // Each piece was checked in its file, but variables' values put side by side can pile
    // marks on one letter past the limit: refused before normalising or shaping them,
    // which would take time quadratic in their number.
    marks_ = text::count_cluster_marks(piece, marks_);
    if (marks_ > text::kMaxClusterMarks) {
      if (!long_cluster_) diags_.error(places_[from], text::long_cluster_message(), text::long_cluster_hint());
      long_cluster_ = true;
      return;
    }
    spans_.add(piece, bold_, italic_, nfc);
    if (blanks_) blanks_->add(piece, from, own);
  }

  /// Where the parse has something to do. The scan runs over every byte of the text, so the
  /// bytes it may stop at are found by a table first; then a backslash before anything but
  /// `*` stays as written, and so does `*` in plain fields.
  bool markup(std::size_t k) const {
    const char c = source_[k];
    if (c == '\xEF') return source_.substr(k, kByteOrderMark.size()) == kByteOrderMark;
    return c == '{' || c == '}' || (c == '*' && options_.markup) ||
           (c == '\\' && k + 1 < source_.size() && source_[k + 1] == '*');
  }

  /// A run of stars at `i`; gives the offset after it.
  std::size_t stars(std::size_t i) {
    std::size_t run = 1;
    while (i + run < source_.size() && source_[i + run] == '*') ++run;
    if (run > 3) {
      diags_.error(places_[i], tr("{} stars in a row", run),
                   tr("`*` is italic, `**` bold, `***` both; write `\\*` for a literal star"));
      return i + run;
    }
    // Toggling keeps nesting simple: `**a *b***` closes italic and bold together.
    if (run != 2) {
      italic_ = !italic_;
      if (italic_) italic_at_ = i;
    }
    if (run != 1) {
      bold_ = !bold_;
      if (bold_) bold_at_ = i;
    }
    return i + run;
  }

  /// A `{name}` reference at `i`; gives the offset after it.
  std::size_t variable(std::size_t i) {
    const std::size_t j = source_.find_first_of("{}", i + 1);
    if (j == std::string_view::npos || source_[j] == '{') {
      diags_.error(places_[i], tr("unclosed `{`"), tr("write `{name}` for a variable, or `{{` for a literal brace"));
      emit("{", i, true, true);
      return i + 1;
    }
    const std::string name = text::nfc(source_.substr(i + 1, j - i - 1));
    if (name.empty()) {
      // (`{}` here is what the author typed, not a placeholder: passed as an argument)
      diags_.error(places_[i], tr("empty variable name `{}`", "{}"),
                   tr("write `{name}` for a variable, or `{}` for literal braces", "{{}}"));
    } else if (const auto it = variables_.find(name); it != variables_.end()) {
      // The value's characters all come from the reference (placeholders in it are
      // placed at its `{`). A value that is not UTF-8 (only parse_inline's caller can
      // pass one; the loader's are NFC) throws, as the text functions do.
      const bool value_nfc = text::is_nfc_quick(it->second);
      if (!value_nfc && !text::valid_utf8(it->second)) throw std::invalid_argument(tr("invalid UTF-8"));
      emit(it->second, i, false, value_nfc);
    } else if (options_.report_unknown_variables) {
      diags_.error(places_[i], tr("unknown variable `{}`", "{" + name + "}"), variable_hint(name, variables_));
    }
    return j + 1;
  }

  /// Reports the emphasis left open and ends the output.
  void finish() {
    const auto unclosed = [&](std::size_t at, const std::string& stars, const std::string& what) {
      diags_.error(places_[at], tr("unclosed `{}` ({})", stars, what),
                   tr("close it with `{}` after the emphasised words, or write `\\*` for a literal star", stars));
    };
    if (bold_ && italic_ && bold_at_ == italic_at_) {
      unclosed(bold_at_, "***", tr("bold italic"));
    } else {
      if (bold_) unclosed(bold_at_, "**", tr("bold"));
      if (italic_) unclosed(italic_at_, "*", tr("italic"));
    }
    if (blanks_) blanks_->close();
    spans_.flush();
  }

  std::string_view source_;
  const Variables& variables_;
  const InlineOptions& options_;
  Diagnostics& diags_;
  Places places_;
  SpanWriter spans_;
  std::optional<Blanks> blanks_;
  bool bold_ = false, italic_ = false;
  std::size_t bold_at_ = 0, italic_at_ = 0;  ///< where the open `**` / `*` is
  std::size_t marks_ = 0;     ///< the marks on the last letter given out so far
  bool long_cluster_ = false;  ///< reported once
  bool too_large_ = false;     ///< the document's text passed kMaxTextBytes here: reported once, no more given out
};

}  // namespace

Text parse_text(std::string_view source, const SourcePos& pos, const Variables& variables,
                const InlineOptions& options, Diagnostics& diags,
                std::vector<SourcePos>* placeholders) {
  Text out;
  out.pos = pos;
  // One pass says both that the text is valid UTF-8 and (usually) that it is NFC as it stands.
  const bool source_nfc = text::is_nfc_quick(source);
  if (!source_nfc && !text::valid_utf8(source)) {
    diags.error(pos, tr("the text is not valid UTF-8"), tr("save the file as UTF-8"));
    return out;
  }
  InlineParser(source, pos, variables, options, diags, placeholders, out).run(source_nfc);
  return out;
}

}  // namespace detail

Text parse_inline(const std::string& source, const SourcePos& pos,
                  const std::map<std::string, std::string>& variables) {
  Diagnostics diags;
  std::vector<SourcePos> unused;
  Text t = detail::parse_text(source, pos, variables, {}, diags, &unused);
  if (diags.has_errors()) throw Error(std::move(diags.items));
  return t;
}

}  // namespace vanban::content
