#pragma once
/// Reading a .docx (Office Open XML) package: word/document.xml's paragraphs, runs and
/// tables, with heading styles from word/styles.xml. The package is opened with libzip,
/// the XML parsed with expat; both refuse what could exhaust memory (see docx_reader.cpp).
#include <string>
#include <vector>

#include "pipeline/import/source.hpp"

namespace vanban::importer {

/// Reads the .docx at `path`. Throws Error (placed at the file) on a file that is not a
/// ZIP, an encrypted or damaged package, a ZIP or XML bomb, or XML with a DTD.
/// `notes` gets a line per legacy-font conversion made.
Source read_docx(const std::string& path, std::vector<std::string>& notes);

/// Whether the file starts like an OLE compound file (.doc, or an encrypted .docx).
bool is_compound_file(const std::string& path);

}  // namespace vanban::importer
