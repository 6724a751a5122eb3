// Reading the command line of `vanban build` and `vanban check`, and the --help text.
#include "pipeline/cli/options.hpp"

#include <filesystem>
#include <iostream>

#include "pipeline/pdf/pdfa.hpp"

namespace fs = std::filesystem;

namespace vanban::cli {

namespace {

constexpr const char* kUsage = R"(vanban — typesetting for Vietnamese official documents

Usage:
  vanban build [options] [--] <document>...
               [--pdfa 1b|2b|3b]
  vanban check [--final] [--styles DIR] [--] <document>...
  vanban schema [document|part|style]
  vanban fonts [--styles DIR] [STYLE...]
  vanban new <kind> <folder> [--style dang|nha-nuoc]
  vanban watch <document> [-o FILE.pdf] [--final] [--styles DIR]
  vanban sign <in.pdf> -o <out.pdf> --p12 <key.p12>   (see vanban sign --help)
  vanban verify <file.pdf> [--json] [--ca CA.pem]
  vanban import <file.txt|file.docx> -o <folder>
  vanban --help
  vanban --version

build      Typeset a document folder (holding document.yaml) or a one-file
           document (.yaml) into a PDF. Without -o the PDF goes to
           out/<document name>.pdf under the current folder.
           The PDF is written to a temporary file and renamed, so a failed
           build never leaves a half-written PDF nor replaces a good one.
           Several documents are built side by side on all cores, each to
           out/<document name>.pdf (-o and --dump take one document); an
           error in one is reported and the others are still built.

check      Check a document against its style's conventions without building
           it: the form of the number and symbol, the signature authority,
           heading depth and markings (always errors), and in a draft the
           unfilled placeholders, unbalanced quotes and missing fields
           (warnings; errors with --final or `status: final`). Every finding
           names file:line:column and the rule it comes from. `build` runs the
           same checks first and refuses to build when one is an error.

schema     Print the JSON Schema of document.yaml, of a part file or of a
           style file, for editors (docs/schema/).
fonts      Print the font file each face of each style resolves to, and
           which family a build embeds (Times New Roman, or its fallback).
new        Write a new document folder from a template: every field the kind
           needs, with “…” placeholders and comments; it builds at once, and
           `check --final` lists what is left to fill. --style dang (the
           default) or nha-nuoc; `vanban new --help` lists the kinds.

watch      Build the document, then build it again at each save of any file
           in its folder (parts, includes, images) or of its style file,
           printing the messages and how long each build took. A build that
           fails leaves the last good PDF in place. Ctrl-C stops.

import     Turn a .txt or .docx file (.doc/.odt through LibreOffice) into a
           document folder that builds; see `vanban import --help`.

Options (a value may also follow `=`: --output=FILE, --styles=DIR):
  -o, --output FILE   build: where to write the PDF (a file, not a folder; a
                      symbolic link is written through to its target). Never
                      an input of the build, a device, a FIFO or a folder.
  --final             check as a final document (placeholders are errors)
  --pdfa 1b|2b|3b     build: write PDF/A-1b, -2b or -3b (XMP metadata, sRGB
                      output intent)
  --dump=styled       build: print the styled document (every text with its
                      size, weight and slant, before shaping) instead of a PDF
                      (no -o)
  --dump=lines        build: print the set lines (ratio, width, text) instead
                      of a PDF (no -o)
  --dump=pages        build: print the positioned runs of every page instead
                      of a PDF (no -o)
  --styles DIR        look up style names in DIR (default: the styles/ folder
                      of the installation, or $VANBAN_STYLES)
  --                  what follows are documents, even if they start with -
  -h, --help          this text
  -V, --version       the version (anywhere on the line)

Dates: the PDF's creation date is the document's header date, else
SOURCE_DATE_EPOCH (seconds since 1970, years 1 to 9999); with neither it is
left out, so the same input always gives the same bytes.

Memory: VANBAN_MEMORY_LIMIT_MB caps the memory a build may take (default
4096; at least 128; 0: no limit).

Errors are printed as file:line:column: error: message, with a hint, and the
exit status is 1. Usage errors exit with 2: an unknown or misplaced option,
an option the command does not take, and an environment variable that is
set but wrong (SOURCE_DATE_EPOCH, VANBAN_MEMORY_LIMIT_MB).
)";

}  // namespace

const char* usage_text() { return kUsage; }

int usage_error(const std::string& message) {
  std::cerr << "vanban: " << message << "\nTry `vanban --help`.\n";
  return 2;
}

/// True when `--version` or `-V` comes anywhere before a `--`.
bool asks_version(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") return false;
    if (a == "--version" || a == "-V") return true;
  }
  return false;
}

/// Reads the options and documents of `build` and `check` (args[0] is the command) into
/// `opt` and `documents`; returns an exit status when there is nothing more to do (--help,
/// a usage error). Accepts `-o FILE`, `--output FILE`, `--output=FILE` (and so --styles),
/// and `--` before documents whose names start with '-'. An option the command would
/// ignore is an error, never silently dropped.
std::optional<int> parse_options(const std::vector<std::string>& args, Options& opt,
                                 std::vector<std::string>& documents) {
  bool output_given = false, styles_given = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool output = a == "-o" || a == "--output" || a.rfind("--output=", 0) == 0;
    const bool styles = a == "--styles" || a.rfind("--styles=", 0) == 0;
    if (a == "--") {
      documents.insert(documents.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    } else if (a == "-h" || a == "--help") {
      std::cout << usage_text();
      return 0;
    } else if (output || styles) {
      const std::size_t eq = a.find('=');
      const std::string name = a.substr(0, eq);
      if (eq == std::string::npos && i + 1 >= args.size()) return usage_error(name + " needs a value");
      const std::string value = eq == std::string::npos ? args[++i] : a.substr(eq + 1);
      if (value.empty()) return usage_error(name + " needs a value, not an empty one");
      bool& given = output ? output_given : styles_given;
      if (given) return usage_error(name + " is given twice");
      given = true;
      (output ? opt.output : opt.styles_dir) = value;
    } else if (a == "--pdfa" || a.rfind("--pdfa=", 0) == 0) {
      const bool eq = a.size() > 6;
      const auto part = eq ? pdf::parse_pdfa_level(a.substr(7))
                           : (i + 1 < args.size() ? pdf::parse_pdfa_level(args[++i]) : std::nullopt);
      if (!part) return usage_error("--pdfa takes 1b, 2b or 3b");
      opt.pdfa_part = *part;
    } else if (a == "--final") {
      opt.final_mode = true;
    } else if (a.rfind("--dump=", 0) == 0) {
      opt.dump = a.substr(7);
      if (opt.dump != "styled" && opt.dump != "lines" && opt.dump != "pages")
        return usage_error("--dump takes styled, lines or pages");
    } else if (a == "--dump") {
      return usage_error("--dump needs its value after `=`: --dump=styled, --dump=lines or --dump=pages");
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option `" + a + "`");
    } else {
      documents.push_back(a);
    }
  }
  if (opt.command == "check" && output_given) return usage_error("check writes no PDF: -o is for build");
  if (opt.command == "check" && !opt.dump.empty()) return usage_error("--dump is for build");
  if (opt.command == "check" && opt.pdfa_part != 0) return usage_error("check writes no PDF: --pdfa is for build");
  if (!opt.dump.empty() && output_given) return usage_error("--dump prints to the standard output: it takes no -o");
  if (output_given) {
    const std::string last = fs::path(opt.output).filename().string();
    if (last.empty() || last == "." || last == "..")
      return usage_error("-o needs a file name, not a folder: `" + opt.output + "`");
  }
  return std::nullopt;
}

}  // namespace vanban::cli
