#pragma once
/// Findings about the kind and form of a document (issue 13): a kind the style does not
/// list, and paragraphs that start with a hand-typed number where a section belongs.
#include <string>

#include "pipeline/content/document.hpp"
#include "pipeline/core/diagnostic.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::check::detail {

/// An unknown `kind:` (an error, with "did you mean"), and a warning for each paragraph
/// whose text starts with a typed heading number ("I.", "II-", "1-", "2.", "a)"), bold or
/// not: "use sections; the style numbers them". `cite` is the headings' citation.
void check_forms(const content::Document& doc, const style::Style& style, const std::string& cite, Diagnostics& out);

}  // namespace vanban::check::detail
