#pragma once
/// .doc, .odt and .rtf files go through LibreOffice (`soffice --headless --convert-to docx`)
/// when it is installed; the importer then reads the .docx it makes.
#include <string>

namespace vanban::importer {

/// Whether the importer reads `extension` (".doc", ".odt", ".rtf") only through LibreOffice.
bool needs_conversion(const std::string& extension);

/// Converts `input` into a .docx inside the folder `work` and returns its path. Throws
/// Error naming the command to run when LibreOffice is not installed or fails.
std::string convert_to_docx(const std::string& input, const std::string& work);

}  // namespace vanban::importer
