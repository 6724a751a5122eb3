#pragma once
/// `vanban import`: a .txt or .docx file (or .doc/.odt through LibreOffice) -> a content
/// folder (document.yaml and one part file per "Phần") that `vanban build` builds.
#include <optional>
#include <string>
#include <vector>

#include "pipeline/import/model.hpp"
#include "pipeline/import/source.hpp"
#include "pipeline/text/legacy.hpp"

namespace vanban::importer {

/// What an import did, for the command's report.
struct ImportResult {
  std::vector<Finding> findings;       ///< warnings, in source order
  ParagraphCounts counts;
  std::vector<std::string> files;      ///< files written, relative to the output folder
  std::vector<std::string> notes;      ///< one-line facts: conversions made, the encoding read
};

/// Recognises the document in `src`: header, title, parts, sections, blocks, signature.
/// Warnings go to `findings`; counts say where each source paragraph went.
OutDocument recognise(const Source& src, std::vector<Finding>& findings, ParagraphCounts& counts, bool docx);

/// Reads the file `input` (by its content and extension: .txt, .docx, .doc, .odt) into a
/// Source. Text that is not UTF-8 is read as `encoding`, or as the legacy encoding it most
/// plausibly is. Throws Error on a file it cannot read (not a ZIP, a ZIP or XML bomb, encrypted,
/// empty), naming the file.
Source read_source(const std::string& input, std::vector<std::string>& notes, std::optional<text::Legacy> encoding = {});

/// The files of the content folder for `doc`: name -> YAML text, document.yaml first.
std::vector<std::pair<std::string, std::string>> content_files(const OutDocument& doc, const std::string& source_name);

/// Imports `input` into the folder `output`, which must not exist or be empty. The folder
/// is written under a temporary name beside it and renamed when complete: a failed import
/// leaves nothing. Throws Error (bad input) or std::runtime_error (cannot write).
ImportResult import_file(const std::string& input, const std::string& output, std::optional<text::Legacy> encoding = {});

}  // namespace vanban::importer
