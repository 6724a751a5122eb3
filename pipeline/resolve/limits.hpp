#pragma once
/// The size check made on a loaded document before layout (see pipeline/core/limits.hpp).
#include "pipeline/content/document.hpp"

namespace vanban::resolve {

/// Throws an Error at the first block past kMaxBlocks blocks or kMaxTextBytes bytes of
/// text: shaping and breaking that much would take minutes and gigabytes, for a document
/// of tens of thousands of pages that no one prints.
void check_document_size(const content::Document& doc);

}  // namespace vanban::resolve
