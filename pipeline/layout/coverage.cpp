/// Coverage: every character of a paragraph checked against its font before it is set.
#include <array>

#include "pipeline/core/i18n.hpp"
#include "pipeline/layout/inline_phases.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::layout {

namespace {

/// Throws the Error for character `c` of `part`, which is a control character or missing
/// from its font. Ill-formed UTF-8 anywhere in `parts` is reported first, as it would have
/// been had all the text been decoded before the check.
[[noreturn]] void coverage_error(const std::vector<StyledText>& parts, const StyledText& part, char32_t c,
                                 shape::Shaper& shaper, const SourcePos& where) {
  for (const auto& p : parts) text::decode(p.text);  // throws on ill-formed UTF-8
  if (c < 0x20 || (c >= 0x7F && c < 0xA0))
    fail(where, tr("control character {} in text", text::codepoint_name(c)),
         tr("remove it; it usually comes from copying out of a word processor"));
  const auto& font = shaper.fonts()[part.font];
  std::string shown;
  text::append_utf8(shown, c);
  fail(where,
       tr("character {} “{}” is not in font {} ({})", text::codepoint_name(c), shown, font.postscript_name(),
          font.path()),
       tr("replace the character, or choose a font family that has it in the style"));
}


}  // namespace

void check_coverage(const std::vector<StyledText>& parts, shape::Shaper& shaper, const SourcePos& where) {
  // The ASCII bytes that pass at once: spaces, and the characters known to be in the font.
  constexpr std::uint64_t kSpaces = (1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\r');
  // No text reaches HarfBuzz with a cluster past the limit, wherever it was put together
  // (shaping one cluster costs time quadratic in its length).
  std::size_t marks = 0;
  for (const auto& part : parts)
    if ((marks = text::count_cluster_marks(part.text, marks)) > text::kMaxClusterMarks)
      fail(where, text::long_cluster_message(), text::long_cluster_hint());
  for (const auto& part : parts) {
    const std::string_view s = part.text;
    std::array<std::uint64_t, 2> pass = shaper.known_ascii(part.font);
    pass[0] |= kSpaces;
    for (std::size_t i = 0; i < s.size();) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b < 0x80 && (pass[b / 64] >> (b % 64) & 1u)) {
        ++i;
        continue;
      }
      const char32_t c = next_code_point(s, i);
      if (shaper.known_to_cover(part.font, c)) continue;  // most characters, after their first time
      if (is_space(c) || c == kSoftHyphen || c == kLineSeparator) continue;  // not drawn (a soft hyphen as "-")
      const bool control = c < 0x20 || (c >= 0x7F && c < 0xA0);
      if (control || (c != kNoBreakSpace && !shaper.covers(part.font, c)))
        coverage_error(parts, part, c, shaper, where);
      if (c < 0x80) pass[c / 64] |= std::uint64_t{1} << (c % 64);  // known now
    }
  }
}

}  // namespace vanban::layout
