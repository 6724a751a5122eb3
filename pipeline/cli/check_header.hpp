#pragma once
/// `vanban check`'s header finding that needs the fonts (check_header.cpp).
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/core/diagnostic.hpp"
#include "pipeline/shape/font.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::cli {

/// The warnings for a header name (issuer, parent) taking more than 3 lines of its column,
/// as `vanban build` gives them; the fonts are loaded only when a name may be that long.
std::vector<Diagnostic> header_findings(const content::Document& doc, const style::Style& style,
                                        shape::FontSet& fonts);

}  // namespace vanban::cli
