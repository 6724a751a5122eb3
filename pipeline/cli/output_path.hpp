#pragma once
/// The output path of `vanban build`: its default name, and what it may never be (an input
/// of the build, a device, a FIFO, a folder). The writing itself: pdf::write_file_atomically.
#include <string>
#include <vector>

#include "pipeline/content/document.hpp"
#include "pipeline/layout/page.hpp"
#include "pipeline/shape/font.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::cli {

/// The name a document's PDF takes by default: the folder's (or one-file document's) own
/// name without `.yaml`. `doc/`, `.` and `..` name the folder they lead to (its real name);
/// empty for the root folder, which has none.
std::string document_name(const std::string& document);

/// `out/<document name>.pdf`; throws vanban::Error when the document has no name (`/`).
std::string default_output(const std::string& document);

/// Every file the build read: document.yaml, parts, included files, images, the style file,
/// the fonts (those of blocks that hold text; an included file with an empty body leaves no
/// trace in the Document).
std::vector<std::string> build_inputs(const content::Document& doc, const style::Style& st,
                                      const shape::FontSet& fonts, const layout::PagedDocument& paged);

/// Refuses (vanban::Error) an `output` that is, through any spelling, hard link or symbolic
/// link, one of `inputs` (same device and inode), or an existing file with content other
/// than a PDF. (One that is not a regular file is refused by pdf::write_file_atomically.)
void refuse_output_path(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace vanban::cli
