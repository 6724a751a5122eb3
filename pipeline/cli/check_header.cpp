/// `vanban check`'s one finding that needs the fonts: a header name (issuer, parent) that
/// takes more lines in its column than the rules' examples show (issue 13 item 7).
#include "pipeline/cli/check_header.hpp"

#include <algorithm>

#include "pipeline/cli/build_command.hpp"
#include "pipeline/layout/flow.hpp"
#include "pipeline/resolve/resolve.hpp"
#include "pipeline/shape/family.hpp"
#include "pipeline/shape/shaper.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::cli {

namespace {

/// A name this short, typed in at most this many lines, fits in three lines of the header
/// column in both styles (about 16 upper-case bold letters a line at the narrowest): it
/// is not measured, so that checking an ordinary document loads no font.
constexpr std::size_t kSurelyFits = 36;
constexpr std::size_t kExampleLines = 3;

bool may_be_long(const std::string& name) {
  return text::count_code_points(name) > kSurelyFits ||
         static_cast<std::size_t>(std::count(name.begin(), name.end(), '\n')) >= kExampleLines;
}

}  // namespace

std::vector<Diagnostic> header_findings(const content::Document& doc, const style::Style& style,
                                        shape::FontSet& fonts) {
  if (!may_be_long(doc.header.issuer) && !may_be_long(doc.header.parent)) return {};
  try {
    wait_for_fonts();
    const shape::Family family =
        shape::load_family(style.family, style.fallback_families, fonts, {style.file, 0, 0});
    shape::Shaper shaper(fonts);
    resolve::StyledDocument styled = resolve::resolve_document(doc, style);
    if (styled.attachment) return {};  // (it prints no header grid)
    return layout::header_warnings(std::move(styled.header), styled.geometry, family, shaper);
  } catch (const Error&) {
    return {};  // what cannot be set (a missing font or glyph) is build's to report
  }
}

}  // namespace vanban::cli
