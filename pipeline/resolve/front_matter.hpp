#pragma once
/// The texts around the body: the header grid, the title block and the closing row.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/resolve/styled.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::resolve {

/// The header grid's texts: bodies, national title, number and date from the style's
/// templates, the markings. Throws an Error at the header for a marking the style lacks.
HeaderGrid resolve_header(const content::Document& doc, const style::Style& style);

/// The type name (from `kind`, unless the title starts with it), title and subtitles; none
/// for a kind without a title block. Throws an Error at `kind:` for a kind the style lacks.
TitleBlock resolve_title(const content::Document& doc, const style::Style& style);

/// The recipients (label, items with their prefix and end: `recipients`, the document's
/// with what its form adds) and the signature blocks; none when the document has neither.
std::optional<Closing> resolve_closing(const content::Document& doc, const style::Style& style,
                                       const std::vector<content::Text>& recipients);

/// `day`, `month`, `year` of `d` for a date template: days below 10 and months below 3
/// get a leading zero (HD 36 and NĐ 30: "ngày 05 tháng 01", "ngày 29 tháng 6").
std::vector<std::pair<std::string, std::string>> date_fields(const content::Date& d);

/// `v` in decimal, zero-padded to `width` digits.
std::string pad(int v, int width);

/// True when `text` starts with `prefix`, ignoring case (Vietnamese letters included).
bool starts_with_nocase(const std::string& text, const std::string& prefix);

/// `text` in `ts` as a one-line paragraph aligned `align`.
Paragraph line(const std::string& text, const style::TextStyle& ts, Align align, const SourcePos& pos);

}  // namespace vanban::resolve
