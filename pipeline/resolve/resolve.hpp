#pragma once
/// Resolving: Document + Style -> StyledDocument. Everything the style decides before a
/// glyph is shaped: numbering labels, case, `{name}` templates, list markers, which text
/// style each piece of text takes, the header grid's and the closing row's texts.
#include <string>
#include <utility>
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/resolve/styled.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::resolve {

/// The styled form of `doc` in `style`. Throws an Error for a marking the style does not
/// have (at the header).
StyledDocument resolve_document(const content::Document& doc, const style::Style& style);

/// `text` in text style `ts` (its case applied); `bold` and `italic` add to the style's.
Span span(const std::string& text, const style::TextStyle& ts, bool bold = false, bool italic = false);

/// The spans of inline `text` in text style `ts`.
std::vector<Span> spans(const content::Text& text, const style::TextStyle& ts);

/// `tmpl` with every `{name}` of `vars` replaced by its value (other braces stay as written).
std::string fill_template(std::string tmpl, const std::vector<std::pair<std::string, std::string>>& vars);

/// The marker of list item `n` (1-based): "a)" counts a) b) c) ... (Vietnamese order), "1."
/// counts 1. 2. 3. ..., any other marker ("-", "+", "•") is the same for every item.
std::string list_marker(const std::string& marker, int n);

}  // namespace vanban::resolve
