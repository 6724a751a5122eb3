#pragma once
/// The choice of the font family: the style's family, or its first fallback installed with
/// all four faces.
#include <string>
#include <vector>

#include "pipeline/core/diagnostic.hpp"
#include "pipeline/shape/font.hpp"

namespace vanban::shape {

/// The four faces of `family` (or of the first of `fallbacks` installed with all four),
/// added to `fonts`. Throws an Error at `where` when no listed family has all four faces,
/// or a face cannot be opened.
Family load_family(const std::string& family, const std::vector<std::string>& fallbacks, FontSet& fonts,
                   const SourcePos& where);

}  // namespace vanban::shape
