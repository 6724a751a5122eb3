// Reading the command line of `vanban build` and `vanban check`, and the --help text.
#include "pipeline/cli/options.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "pipeline/cli/build_sign.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/pdf/pdfa.hpp"

namespace fs = std::filesystem;

namespace vanban::cli {

namespace {

constexpr const char* kUsage = N_(R"(vanban — typesetting for Vietnamese official documents

Usage:
  vanban build [options] [--] <document>...
               [--pdfa 1b|2b|3b] [--unissued] [--sign --p12 FILE [sign's options]]
               [--imposition saddle-stitch|none [--creep MM]
               [--crop-marks [--bleed MM]] [--signature 8|16|32]]
               [--copies N | --copies-from FILE.yaml]
  vanban check [--final] [--styles DIR] [--] <document>...
  vanban schema [document|part|style|booklet|booklet-style]
  vanban fonts [--styles DIR] [STYLE...]
  vanban new <kind> <folder> [--style dang|nha-nuoc]
  vanban watch <document> [-o FILE.pdf] [--final] [--styles DIR]
  vanban sign <in.pdf> -o <out.pdf> --p12 <key.p12>   (see vanban sign --help)
  vanban issue <signed.pdf> --number N --date YYYY-MM-DD -o <out.pdf> --p12 <org.p12>
  vanban verify <file.pdf> [--json] [--ca CA.pem]
  vanban extract <file.pdf> -o <folder>   (the sources of a --pdfa 3b build)
  vanban import <file.txt|file.docx> -o <folder>
  vanban --help
  vanban --version

build      Typeset a document folder (holding document.yaml) or a one-file
           document (.yaml) into a PDF. Without -o the PDF goes to
           out/<document name>.pdf under the current folder. A booklet
           folder (holding booklet.yaml) is built into one A5 book of its
           documents, with a cover and contents (docs/booklets.md).
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

schema     Print the JSON Schema of document.yaml, of a part file, of a
           style file, of booklet.yaml or of a booklet style, for editors
           (docs/schema/).
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
  --final             check as a final document (placeholders are errors);
                      build: leave empty signature fields for `vanban sign`,
                      and write PDF/A-2b unless --pdfa names another level
  --unissued          build: leave the number and the date's day, month and
                      year blank (in the place a filled one takes) for the
                      clerk's `vanban issue`; signature fields and PDF/A-2b
                      as with --final
  --pdfa 1b|2b|3b     build: write PDF/A-1b, -2b or -3b (XMP metadata, sRGB
                      output intent)
  --sign --p12 FILE   build: sign the PDF as `vanban sign` does (with its
                      fields, as --final); --password-file, --tsa, --reason,
                      --location, --image, --seal, --seal-diameter go to sign
  --dump=styled       build: print the styled document (every text with its
                      size, weight and slant, before shaping) instead of a PDF
                      (no -o)
  --dump=lines        build: print the set lines (ratio, width, text) instead
                      of a PDF (no -o)
  --dump=pages        build: print the positioned runs of every page instead
                      of a PDF (no -o)
  --imposition saddle-stitch|none
                      build: also write the pages imposed for a saddle-
                      stitched booklet, two to a side of a sheet twice as wide
                      (A5 on A4 landscape), beside the PDF as
                      <name>.imposed.pdf; print it duplex, flip on the short
                      edge (docs/imposition.md). none (the default): no.
  --creep MM          imposition: shift the pages toward the spine by MM per
                      sheet inward from the outermost (0 to 5; default 0)
  --crop-marks        imposition: trim and fold marks; the sheet grows by the
                      bleed and 10 mm on each side, TrimBox and BleedBox set
  --bleed MM          with --crop-marks: content may pass the trim by MM (0 to
                      10; default 0)
  --signature 8|16|32 imposition: sections of that many pages, gathered one
                      after the other (default: one section)
  --copies N          build: also write N numbered copies (1 to 9999) in one
                      PDF beside it, <name>.copies.pdf, each stamped "Bản số
                      001/300" (the style's copy-stamp) on its first page, on
                      every page of a draft
  --copies-from FILE  build: the same, a copy for each name in FILE (a YAML
                      list), stamped "Đại biểu: <name>"
  --styles DIR        look up style names in DIR (default: the styles/ folder
                      of the installation, or $VANBAN_STYLES)
  --                  what follows are documents, even if they start with -
  --lang vi|en        the language of messages, --help and hints (any command;
                      default: the environment's, LANGUAGE, LC_ALL,
                      LC_MESSAGES, LANG; English unless it asks for vi)
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
)");

/// The value of option `args[i]` (`--name VALUE` or `--name=VALUE`), moving `i` past it.
std::optional<std::string> option_value(const std::vector<std::string>& args, std::size_t& i) {
  const std::string& a = args[i];
  const std::size_t eq = a.find('=');
  if (eq != std::string::npos) return a.substr(eq + 1);
  if (i + 1 >= args.size()) return std::nullopt;
  return args[++i];
}

/// A length in millimetres from 0 to `max`, or nothing.
std::optional<Sp> millimetres(const std::string& text, double max) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !(v >= 0 && v <= max)) return std::nullopt;
  return mm(v);
}

/// Reads `--copies N` or `--copies-from FILE` at `args[i]`; an exit status on a usage error.
std::optional<int> parse_copies_option(const std::vector<std::string>& args, std::size_t& i, Options& opt) {
  const std::string name = args[i].substr(0, args[i].find('='));
  const std::optional<std::string> value = option_value(args, i);
  if (!value || value->empty()) return usage_error(tr("{} needs a value", name));
  if (opt.copies != 0 || !opt.copies_from.empty())
    return usage_error(tr("--copies and --copies-from are given together or twice"));
  if (name == "--copies-from") {
    opt.copies_from = *value;
    return std::nullopt;
  }
  const bool digits = value->size() <= 4 && value->find_first_not_of("0123456789") == std::string::npos;
  opt.copies = digits ? std::stoi(*value) : 0;
  if (opt.copies < 1) return usage_error(tr("--copies takes a number of copies from 1 to 9999, not `{}`", *value));
  return std::nullopt;
}

/// True when `a` is one of the imposition options (with or without `=VALUE`).
bool is_impose_option(const std::string& a) {
  const std::string name = a.substr(0, a.find('='));
  return name == "--imposition" || name == "--creep" || name == "--crop-marks" || name == "--bleed" ||
         name == "--signature";
}

/// Reads the imposition option at `args[i]` into `o`; an exit status on a usage error.
std::optional<int> parse_impose_option(const std::vector<std::string>& args, std::size_t& i, pdf::ImposeOptions& o) {
  const std::string name = args[i].substr(0, args[i].find('='));
  if (name == "--crop-marks") {
    if (args[i] != name) return usage_error(tr("--crop-marks takes no value"));
    o.crop_marks = true;
    return std::nullopt;
  }
  const std::optional<std::string> value = option_value(args, i);
  if (!value) return usage_error(tr("{} needs a value", name));
  if (name == "--imposition") {
    if (*value != "saddle-stitch" && *value != "none")
      return usage_error(tr("--imposition takes saddle-stitch or none"));
    o.saddle_stitch = *value == "saddle-stitch";
  } else if (name == "--signature") {
    if (*value != "8" && *value != "16" && *value != "32")
      return usage_error(tr("--signature takes 8, 16 or 32 (pages per section)"));
    o.signature = std::stoi(*value);
  } else {
    const bool creep = name == "--creep";
    const auto v = millimetres(*value, creep ? 5 : 10);
    if (!v)
      return usage_error(
          tr("{} takes a length in millimetres from 0 to {}, not `{}`", name, (creep ? "5" : "10"), *value));
    (creep ? o.creep : o.bleed) = *v;
  }
  return std::nullopt;
}

/// The imposition options that make sense only together; an exit status on a usage error.
std::optional<int> check_impose_options(const std::vector<std::string>& args, const Options& opt) {
  bool any = false, details = false, bleed = false;
  for (const auto& a : args) {
    if (a == "--") break;
    if (!is_impose_option(a)) continue;
    any = true;
    details = details || a.rfind("--imposition", 0) != 0;
    bleed = bleed || a.rfind("--bleed", 0) == 0;
  }
  if (!any) return std::nullopt;
  if (opt.command == "check") return usage_error(tr("check writes no PDF: the imposition options are for build"));
  if (!opt.dump.empty()) return usage_error(tr("--dump writes no PDF: it takes no imposition options"));
  if (details && !opt.impose.saddle_stitch)
    return usage_error(tr("--creep, --crop-marks, --bleed and --signature need --imposition saddle-stitch"));
  if (bleed && !opt.impose.crop_marks)
    return usage_error(tr("--bleed needs --crop-marks (the bleed is measured from the trim marks)"));
  return std::nullopt;
}

}  // namespace

const char* usage_text() { return translate(kUsage); }

int usage_error(const std::string& message) {
  std::cerr << "vanban: " << message << '\n' << tr("Try `vanban --help`.") << '\n';
  return 2;
}

std::optional<int> take_lang_option(std::vector<std::string>& args) {
  std::string lang;
  for (std::size_t i = 0; i < args.size() && args[i] != "--";) {
    if (args[i] != "--lang" && args[i].rfind("--lang=", 0) != 0) {
      ++i;
      continue;
    }
    const bool eq = args[i].size() > 6;
    if (!eq && i + 1 >= args.size()) return usage_error(tr("--lang needs a value: vi or en"));
    std::string value = eq ? args[i].substr(7) : args[i + 1];
    if (value != "vi" && value != "en") return usage_error(tr("--lang takes vi or en, not `{}`", value));
    if (!lang.empty()) return usage_error(tr("--lang is given twice"));
    lang = std::move(value);
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
               args.begin() + static_cast<std::ptrdiff_t>(i) + (eq ? 1 : 2));
  }
  choose_language(lang);
  return std::nullopt;
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
      if (eq == std::string::npos && i + 1 >= args.size()) return usage_error(tr("{} needs a value", name));
      const std::string value = eq == std::string::npos ? args[++i] : a.substr(eq + 1);
      if (value.empty()) return usage_error(tr("{} needs a value, not an empty one", name));
      bool& given = output ? output_given : styles_given;
      if (given) return usage_error(tr("{} is given twice", name));
      given = true;
      (output ? opt.output : opt.styles_dir) = value;
    } else if (a == "--pdfa" || a.rfind("--pdfa=", 0) == 0) {
      const bool eq = a.size() > 6;
      const auto part = eq ? pdf::parse_pdfa_level(a.substr(7))
                           : (i + 1 < args.size() ? pdf::parse_pdfa_level(args[++i]) : std::nullopt);
      if (!part) return usage_error(tr("--pdfa takes 1b, 2b or 3b"));
      opt.pdfa_part = *part;
    } else if (is_impose_option(a)) {
      if (const auto status = parse_impose_option(args, i, opt.impose)) return status;
    } else if (a == "--copies" || a == "--copies-from" || a.rfind("--copies=", 0) == 0 ||
               a.rfind("--copies-from=", 0) == 0) {
      if (const auto status = parse_copies_option(args, i, opt)) return status;
    } else if (a == "--final") {
      opt.final_mode = true;
    } else if (a == "--unissued") {
      opt.unissued = true;
    } else if (is_sign_option(a)) {
      if (const auto status = take_sign_option(args, i, opt)) return status;
    } else if (a.rfind("--dump=", 0) == 0) {
      opt.dump = a.substr(7);
      if (opt.dump != "styled" && opt.dump != "lines" && opt.dump != "pages")
        return usage_error(tr("--dump takes styled, lines or pages"));
    } else if (a == "--dump") {
      return usage_error(tr("--dump needs its value after `=`: --dump=styled, --dump=lines or --dump=pages"));
    } else if (!a.empty() && a[0] == '-') {
      return usage_error(tr("unknown option `{}`", a));
    } else {
      documents.push_back(a);
    }
  }
  if (opt.command == "check" && output_given) return usage_error(tr("check writes no PDF: -o is for build"));
  if (opt.command == "check" && !opt.dump.empty()) return usage_error(tr("--dump is for build"));
  if (opt.command == "check" && opt.pdfa_part != 0) return usage_error(tr("check writes no PDF: --pdfa is for build"));
  if (opt.unissued && (opt.command != "build" || opt.copies != 0 || !opt.copies_from.empty() || opt.impose.saddle_stitch))
    return usage_error(
        tr("--unissued is for build, without --copies or --imposition (the copies come from the issued PDF)"));
  if (const auto status = check_sign_options(opt)) return status;
  if (const auto status = check_impose_options(args, opt)) return status;
  if ((opt.copies != 0 || !opt.copies_from.empty()) && (opt.command == "check" || !opt.dump.empty()))
    return usage_error(tr("--copies and --copies-from are for build, without --dump"));
  if (!opt.dump.empty() && output_given) return usage_error(tr("--dump prints to the standard output: it takes no -o"));
  if (output_given) {
    const std::string last = fs::path(opt.output).filename().string();
    if (last.empty() || last == "." || last == "..")
      return usage_error(tr("-o needs a file name, not a folder: `{}`", opt.output));
  }
  return std::nullopt;
}

}  // namespace vanban::cli
