#pragma once
/// Box 13: the first page's contact footer (NĐ 30, Phụ lục I, III.4 and ô 13).
#include <optional>

#include "pipeline/content/document.hpp"
#include "pipeline/resolve/styled.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::resolve {

/// The document's `contact:` in the style's look: the address on its line, then the other
/// fields (e-mail, website, phone, fax, in the rules' order) each after its label, joined by
/// the style's separator. None without `contact:`; an error when the style has no contact
/// footer (`contact:` in the style).
std::optional<ContactFooter> contact_footer(const content::Document& doc, const style::Style& style);

}  // namespace vanban::resolve
