#pragma once
/// Loading a document folder (or a one-file document) into a Document.
#include <functional>
#include <map>
#include <string>

#include "pipeline/content/document.hpp"

namespace vanban::content {

/// Loads `path`: a folder holding document.yaml, or a document .yaml file.
/// Throws vanban::Error with `file:line:column` diagnostics on any problem
/// (bad YAML, unknown key, wrong type, unknown variable, missing part file), as many
/// independent ones as it finds; it never returns a half-valid Document.
/// File names in diagnostics are `path` as given joined with the file name; columns
/// count code points (characters), not bytes.
/// `on_head`, when given, is called once the document.yaml's head is read (`style`,
/// `style_pos`, `folder`, `file` set) and before its parts: the caller can start loading the
/// style while the parts load. It is called even when the document turns out to have errors.
Document load_document(const std::string& path, const std::function<void(const Document&)>& on_head = {});

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
