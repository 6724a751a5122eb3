#pragma once
/// The header's markings (ô 10a, 10b, 11; the draft note), resolved from the style.
#include "pipeline/content/document.hpp"
#include "pipeline/resolve/styled.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::resolve {

/// Puts the document's marks into `grid` (top-right or under the number), each with its
/// text, stamp box and colour, stacked in the order the style lists them (the rules' order:
/// secrecy above urgency above circulation), not in the order the document names them.
/// Throws an Error at the mark for a mark the style lacks.
void resolve_marks(const content::Header& header, const style::Style& style, HeaderGrid& grid);

}  // namespace vanban::resolve
