#pragma once
/// Inline text: `**bold**`, `*italic*`, `***both***`, `\*`, `{variable}`, `{{`, `}}`, and
/// the places of placeholder runs.
#include <atomic>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/core/diagnostic.hpp"

namespace vanban::content {

/// Parses inline markup (`**bold**`, `*italic*`, `***both***`, `\*`) and
/// substitutes `{variables}` (`{{` and `}}` are literal braces) in one string.
/// A variable's value is inserted as plain text: it is not parsed again for markup or
/// variables. Adjacent characters of one style form one span; the spans are NFC.
/// `pos` is where the string starts; a problem is reported at its exact character
/// (pos.column + code points before it). Throws vanban::Error on an unknown variable,
/// an unclosed `*`/`**`/`***` or `{`, a lone `}`.
Text parse_inline(const std::string& source, const SourcePos& pos,
                  const std::map<std::string, std::string>& variables);

}  // namespace vanban::content

/// The loader's side of the inline parser: problems collected, placeholders placed.
namespace vanban::content::detail {

/// Variable name → value (both NFC). A std::map so error hints list names in order.
using Variables = std::map<std::string, std::string>;

/// How `parse_text` treats its source.
struct InlineOptions {
  bool markup = true;                    ///< false for plain fields: `*` is a literal star
  bool report_unknown_variables = true;  ///< false when `variables:` itself was broken
  /// The document's text so far (shared by its loaders), or none: past kMaxTextBytes the
  /// text is an error, found as variables are expanded, before the copies fill memory.
  std::atomic<std::size_t>* text_bytes = nullptr;
};

/// The inline parser behind `parse_inline`: reports problems into `diags` instead of
/// throwing, and appends the place of each placeholder run (`…`, `...`) to `placeholders`.
/// `source` may be in any normalisation form: columns count its code points as written,
/// and the output spans are NFC.
Text parse_text(std::string_view source, const SourcePos& pos, const Variables& variables,
                const InlineOptions& options, Diagnostics& diags,
                std::vector<SourcePos>* placeholders);

}  // namespace vanban::content::detail
