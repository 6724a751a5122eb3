#pragma once
/// The texts around the body: the header grid, the title block and the closing row.
#include <optional>

#include "pipeline/content/document.hpp"
#include "pipeline/resolve/styled.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::resolve {

/// The header grid's texts: bodies, national title, number and date from the style's
/// templates, the markings. Throws an Error at the header for a marking the style lacks.
HeaderGrid resolve_header(const content::Document& doc, const style::Style& style);

/// The type name (from `kind`, unless the title starts with it), title and subtitles.
TitleBlock resolve_title(const content::Document& doc, const style::Style& style);

/// The recipients (label, items with their prefix and end) and the signature block; none
/// when the document has neither.
std::optional<Closing> resolve_closing(const content::Document& doc, const style::Style& style);

}  // namespace vanban::resolve
