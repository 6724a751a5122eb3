#pragma once
/// `vanban check`: the findings about a loaded document under its style, before any
/// layout. The loader has already refused what cannot be read (bad YAML, unknown keys,
/// impossible dates); this stage judges what was read against the conventions of the
/// style's regime (HD 36-HD/VPTW, NĐ 30/2020/NĐ-CP). The citations printed with each
/// convention finding, the number/symbol pattern and the type codes come from the style
/// file's `check:` section; code holds none of them.
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/core/diagnostic.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::check {

/// Findings of `vanban check` for a loaded document under its style. `final_mode` = status: final or --final.
///
/// Always errors: a malformed number/symbol (`header.code`) for the regime, or one whose
/// type does not match `kind`; a signature authority that does not start with one of the
/// style's forms; a section nested deeper than the style has heading levels; a mark the
/// style does not define. Warnings in a draft, errors in `final_mode`: each unfilled
/// placeholder, unbalanced quotes or parentheses in a text, and missing optional fields
/// (header number, code, date, place; signature, its title and name; recipients).
/// Sorted by file (in reading order: document.yaml, then parts and included files), line
/// and column. Throws vanban::Error when the style's `check:` section is malformed
/// (a style without one is checked without citations, pattern or type codes).
std::vector<Diagnostic> check_document(const content::Document& doc, const style::Style& style, bool final_mode);

}  // namespace vanban::check
