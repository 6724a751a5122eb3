// `vanban import`: runs the import stage and reports what it decided, one warning per
// decision with the source line under it, then a summary of where the paragraphs went.
#include "pipeline/cli/import_command.hpp"

#include <iostream>

#include "pipeline/core/i18n.hpp"
#include "pipeline/import/import.hpp"
#include "pipeline/text/unicode.hpp"

namespace vanban::cli {
namespace {

constexpr const char* kImportUsage =
    N_(R"(Usage: vanban import <file.txt|file.docx|file.doc|file.odt> -o <folder> [--encoding E]

Turns a document people already have into a content folder (document.yaml and one
part file per "Phần") that `vanban build <folder>` builds. Every decision that is not
plainly what the source typed (a number repaired, a line not understood) is printed
as a warning with the source line. The folder is written complete or not at all.
Text in TCVN3 (ABC), VNI or Windows-1258 is recognised and converted; --encoding
tcvn3|vni|cp1258 names it when the guess is wrong. In a .docx, runs in .VnTime
(TCVN3) or VNI-Times fonts are converted run by run. .doc and .odt files are
converted with `soffice --headless --convert-to docx` when LibreOffice is installed.
For a .docx, a warning's line number is the paragraph's number in the document.
See docs/import.md.
)");

/// The source line, shortened for one terminal line.
std::string shorten(const std::string& s) {
  if (s.size() <= 110) return s;
  std::size_t cut = 100;
  while (cut > 0 && text::is_continuation(static_cast<unsigned char>(s[cut]))) --cut;
  return s.substr(0, cut) + "…";
}

void report(const importer::ImportResult& r, const std::string& input, const std::string& output) {
  for (const auto& f : r.findings) {
    std::cerr << format(f.diagnostic) << '\n';
    if (!f.source_line.empty()) std::cerr << "  | " << shorten(f.source_line) << '\n';
  }
  for (const auto& n : r.notes) std::cerr << "vanban: " << n << '\n';
  const auto& c = r.counts;
  std::string files;
  for (std::size_t k = 0; k < r.files.size(); ++k) files += (k ? ", " : "") + r.files[k];
  std::cerr
      << "vanban: "
      << tr("imported {} into {}/ ({}): {} paragraphs: {} headings, {} text, {} header/signature fields, {} printed "
            "by the style, {} kept as comments; {} warnings to review",
            input, output, files, c.read, c.headings, c.text, c.fields, c.style, c.comments, r.findings.size())
      << '\n';
}

/// A usage error of `vanban import`: the message and where to read more; exit status 2.
int usage(const std::string& message) {
  std::cerr << "vanban: " << message << '\n' << tr("Try `vanban import --help`.") << '\n';
  return 2;
}

}  // namespace

int run_import(const std::vector<std::string>& args) {
  std::string input, output;
  std::optional<text::Legacy> encoding;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << translate(kImportUsage);
      return 0;
    }
    if (a == "-o" || a == "--output") {
      if (i + 1 >= args.size()) return usage(tr("{} needs a folder", a));
      output = args[++i];
    } else if (a == "--encoding") {
      if (i + 1 >= args.size()) return usage(tr("--encoding needs tcvn3, vni or cp1258"));
      const std::string& e = args[++i];
      if (e == "tcvn3" || e == "abc") encoding = text::Legacy::tcvn3;
      else if (e == "vni") encoding = text::Legacy::vni;
      else if (e == "cp1258" || e == "windows-1258") encoding = text::Legacy::cp1258;
      else
        return usage(tr("--encoding takes tcvn3, vni or cp1258"));
    } else if (!a.empty() && a[0] == '-') {
      return usage(tr("unknown option `{}`", a));
    } else if (input.empty()) {
      input = a;
    } else {
      return usage(tr("import takes one file"));
    }
  }
  if (input.empty() || output.empty()) return usage(tr("import needs a file and -o <folder>"));
  try {
    report(importer::import_file(input, output, encoding), input, output);
    return 0;
  } catch (const Error& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format(d) << '\n';
  } catch (const std::exception& e) {
    std::cerr << "vanban: " << e.what() << '\n';
  }
  return 1;
}

}  // namespace vanban::cli
