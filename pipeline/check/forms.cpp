/// Kind and form findings: the kind is in the style's table; no hand-typed heading numbers.
#include "pipeline/check/forms.hpp"

#include <cctype>
#include <string_view>
#include <vector>

#include "pipeline/core/i18n.hpp"

namespace vanban::check::detail {

namespace {

/// The length of a typed decision heading at the start of `s`: a level word and its number
/// ("Điều 1.", "Chương II", "Mục 2.", "Tiểu mục 1", "Phần I:"), ending the text or followed
/// by a space, or 0. A number without its stop ("Điều 5 của Luật …") is a reference, not a
/// heading, unless it is the whole paragraph.
std::size_t typed_level(std::string_view s) {
  static constexpr std::string_view kWords[] = {"Điều ", "Chương ", "Tiểu mục ", "Mục ", "Phần "};
  for (std::string_view w : kWords) {
    if (!s.starts_with(w)) continue;
    std::size_t i = w.size();
    const std::size_t digits = i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == 'I' || s[i] == 'V' ||
                            s[i] == 'X' || s[i] == 'L'))
      ++i;
    if (i == digits) return 0;
    if (i == s.size()) return i;
    if (s[i] != '.' && s[i] != ':') return 0;
    ++i;
    return i == s.size() || s[i] == ' ' ? i : 0;
  }
  return 0;
}

/// The length of a typed heading number at the start of `s` ("IV.", "II-", "12.", "3-",
/// "1.2.", "a)", "đ)") followed by a space, or of a typed decision heading, or 0.
std::size_t typed_number(std::string_view s) {
  if (const std::size_t n = typed_level(s)) return n;
  std::size_t i = 0;
  const auto roman = [](char c) { return c == 'I' || c == 'V' || c == 'X'; };  // (not C, L: "C. Mác")
  if (i < s.size() && roman(s[i])) {
    while (i < s.size() && roman(s[i])) ++i;
    if (i < s.size() && (s[i] == '.' || s[i] == '-')) ++i;
    else return 0;
  } else if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == ')')) ++i;
    else if (s[i - 1] != '.') return 0;
  } else if (s.starts_with("đ)")) {
    i = 3;  // "đ" is two bytes
  } else if (s.size() >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')') {
    i = 2;
  } else {
    return 0;
  }
  return i < s.size() && s[i] == ' ' ? i : 0;
}

/// Walks every paragraph of a document.
class TypedNumbers {
 public:
  TypedNumbers(const std::string& cite, Diagnostics& out) : cite_(cite), out_(out) {}

  void blocks(const std::vector<content::Block>& bs) {
    for (const auto& b : bs) {
      if (b.kind == content::Block::Kind::Paragraph) paragraph(b.text);
      for (const auto& item : b.items) blocks(item.children);
    }
  }

  void sections(const std::vector<content::Section>& ss) {
    for (const auto& s : ss) {
      blocks(s.body);
      sections(s.sections);
    }
  }

 private:
  void paragraph(const content::Text& t) {
    const std::string plain = t.plain();
    const std::size_t n = typed_number(plain);
    if (n == 0) return;
    std::string hint = tr("use sections (`sections:` with `title:`); the style numbers them");
    if (!cite_.empty()) hint = tr("{}; see {}", hint, cite_);
    out_.warn(t.pos, tr("the paragraph starts with a typed number `{}`", plain.substr(0, n)), std::move(hint));
  }

  const std::string& cite_;
  Diagnostics& out_;
};

}  // namespace

void check_forms(const content::Document& doc, const style::Style& style, const std::string& cite, Diagnostics& out) {
  try {
    style::find_kind(style, doc.kind, doc.kind_pos.line > 0 ? doc.kind_pos : doc.pos);
  } catch (const Error& e) {
    for (const auto& d : e.diagnostics()) out.items.push_back(d);
  }
  TypedNumbers walk(cite, out);
  for (const auto& p : doc.parts) {
    walk.blocks(p.body);
    walk.sections(p.sections);
  }
  for (const auto& a : doc.appendices) {
    walk.blocks(a.body);
    walk.sections(a.sections);
  }
}

}  // namespace vanban::check::detail
