// The `vanban` command: build (and dump) documents. Diagnostics go to stderr as
// `file:line:column: error: message`; exit 0 = done, 1 = bad input, 2 = bad usage.
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <future>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <new>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "pipeline/check/check.hpp"
#include "pipeline/cli/schema_command.hpp"
#include "pipeline/cli/data_dir.hpp"
#include "pipeline/cli/new_command.hpp"
#include "pipeline/cli/output_name.hpp"
#include "pipeline/cli/watch_command.hpp"
#include "pipeline/cli/environment.hpp"
#include "pipeline/cli/output_path.hpp"
#include "pipeline/cli/sign_command.hpp"
#include "pipeline/cli/import_command.hpp"
#include "pipeline/content/load.hpp"
#include "pipeline/core/limits.hpp"
#include "pipeline/layout/dump.hpp"
#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/page_break.hpp"
#include "pipeline/layout/page_numbers.hpp"
#include "pipeline/layout/invariants.hpp"
#include "pipeline/pdf/pdfa.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/resolve/dump.hpp"
#include "pipeline/resolve/limits.hpp"
#include "pipeline/resolve/resolve.hpp"
#include "pipeline/shape/family.hpp"
#include "pipeline/shape/glyph_text.hpp"
#include "pipeline/style/style.hpp"

#include <unistd.h>

namespace fs = std::filesystem;
using namespace vanban;

namespace {

constexpr const char* kUsage = R"(vanban — typesetting for Vietnamese official documents

Usage:
  vanban build [options] [--] <document>...
               [--pdfa 1b|2b|3b]
  vanban check [--final] [--styles DIR] [--] <document>...
  vanban schema [document|part|style]
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

struct Options {
  std::string command;
  bool final_mode = false;
  std::string document;
  std::string output;
  std::string dump;
  std::string styles_dir;
  int pdfa_part = 0;  ///< --pdfa: 1, 2, 3 (0: a plain PDF)
  /// End the process as soon as the PDF is written (a single build; see finish_now).
  bool exit_when_written = false;
};

/// Ends the process with `code` after flushing the standard streams, without freeing what
/// the build holds: the kernel frees the whole address space at once, where freeing the
/// document, fonts and pages piece by piece takes 0.3 ms for the sample and 17 ms for 1,000
/// pages. Under AddressSanitizer it returns instead: the leak check runs at a normal exit.
void finish_now(int code) {
#if !defined(__SANITIZE_ADDRESS__)
  std::cout.flush();
  std::cerr.flush();
  std::_Exit(code);
#else
  (void)code;
#endif
}

/// fontconfig reads its configuration and font caches once per process (a few ms), on a
/// thread of its own started by main, while the first document's YAML loads; it also adds
/// the installation's fonts/ folder, so that fonts dropped there are found too.
std::shared_future<void> fonts_ready;

void start_fonts() {
  const auto set_up = [] { shape::add_font_dir(cli::data_dir() + "/fonts"); };
  try {
    fonts_ready = std::async(std::launch::async, set_up).share();
  } catch (const std::system_error&) {  // no thread to be had: set up when first needed
    fonts_ready = std::async(std::launch::deferred, set_up).share();
  }
}

int usage_error(const std::string& message) {
  std::cerr << "vanban: " << message << "\nTry `vanban --help`.\n";
  return 2;
}

/// Seconds since the epoch for the PDF dates, or nullopt when there is no fixed date.
std::optional<std::int64_t> creation_time(const content::Document& doc) {
  if (doc.created) {
    std::tm tm{};
    tm.tm_year = doc.created->year - 1900;
    tm.tm_mon = doc.created->month - 1;
    tm.tm_mday = doc.created->day;
    return static_cast<std::int64_t>(timegm(&tm));
  }
  return cli::source_date_epoch();  // (checked in main)
}

/// The message for an allocation (or a thread's stack) that the memory limit refused.
void report_out_of_memory(std::ostream& err, std::size_t memory_mb) {
  err << "vanban: error: out of memory: the document needs more than " << memory_mb
      << " MB\n  hint: split it into several documents (VANBAN_MEMORY_LIMIT_MB sets the limit; 0: none)\n";
}

/// Prints the findings of `vanban check` and a summary; exit 1 when one is an error.
int report_check(const std::vector<Diagnostic>& findings, std::ostream& err) {
  std::size_t errors = 0;
  for (const auto& d : findings) {
    err << format(d) << '\n';
    if (d.severity == Severity::Error) ++errors;
  }
  err << "check: " << errors << " errors, " << findings.size() - errors << " warnings\n";
  return errors > 0 ? 1 : 0;
}

/// Builds (or, for `check`, only checks) one document; its messages go to `err`.
int build(const Options& opt, std::ostream& err = std::cerr) {
  Diagnostics diags;
  const std::size_t memory_mb = cli::memory_limit_mb();  // (checked in main)
  limit_memory(memory_mb);
  try {
    // The style, then the family's fonts (once fontconfig is ready), load on a thread of
    // their own as soon as document.yaml's head names the style, while the parts load. Their
    // errors are reported only for a document that loaded without any; the style's come
    // before the checks', the fonts' after them (see below).
    const std::string styles_dir = opt.styles_dir.empty() ? cli::default_styles_dir() : opt.styles_dir;
    shape::FontSet fonts;
    std::promise<style::Style> style_ready;
    std::future<style::Style> style_loaded = style_ready.get_future();
    const bool want_fonts = opt.command == "build";
    const auto prepare = [&](const content::Document& head) -> shape::Family {
      style::Style st;
      try {
        st = style::load_style(head.style, styles_dir, head.folder, head.style_pos);
      } catch (...) {
        style_ready.set_exception(std::current_exception());
        throw;
      }
      style_ready.set_value(st);
      if (!want_fonts) return {};
      fonts_ready.wait();  // fontconfig set up, fonts/ added (see start_fonts)
      return shape::load_family(st.family, st.fallback_families, fonts, {st.file, 0, 0});
    };
    content::Head head = content::load_head(opt.document);
    std::future<shape::Family> family_loaded =
        std::async(std::launch::async, prepare, head.document());  // (a copy of the head)
    const content::Document doc = content::load_body(std::move(head));
    resolve::check_document_size(doc);
    const style::Style st = style_loaded.get();
    const bool final_mode = opt.final_mode || doc.status == "final";
    if (opt.command == "check") return report_check(check::check_document(doc, st, final_mode), err);
    // The checks run beside the typesetting (they only read the document and the style),
    // and are waited for just before anything is output, so that they can also use the
    // moments a core is idle while the PDF is written. (Not at a lower priority: on a busy
    // machine the build would then wait for a starved thread, and an unprivileged process
    // cannot raise it again.) When one finds an error, its errors are reported alone, as if
    // the text had never been set: the same messages as checking first.
    std::future<std::vector<Diagnostic>> checking =
        std::async(std::launch::async, [&] { return check::check_document(doc, st, final_mode); });
    std::size_t warnings = 0;
    const auto checked = [&] {
      if (!checking.valid()) return;  // (already waited for)
      const auto findings = checking.get();
      Diagnostics errors;
      for (const auto& d : findings) {
        if (d.severity == Severity::Warning) ++warnings;
        else errors.items.push_back(d);
      }
      if (errors.has_errors()) {
        diags = std::move(errors);
        throw Error(std::vector<Diagnostic>{});
      }
    };
    try {
      const shape::Family family = family_loaded.get();
      shape::Shaper shaper(fonts);
      resolve::StyledDocument styled = resolve::resolve_document(doc, st);
      const resolve::Geometry geometry = styled.geometry;
      layout::Flow flow;
      if (opt.dump != "styled") flow = layout::build_flow(std::move(styled), family, shaper, diags);
      if (opt.dump == "styled") {
        checked();
        std::cout << resolve::dump_styled(styled);
      } else if (opt.dump == "lines") {
        checked();
        std::cout << layout::dump_lines(flow);
      } else {
        layout::PagedDocument paged = layout::break_pages(std::move(flow), geometry.page);
        layout::number_pages(paged, geometry.page_numbers, geometry.page, family, shaper);
        paged.glyph_texts = shape::glyph_texts(shaper);  // (the shaping is done)
        layout::check_invariants(paged, fonts, {doc.file, 0, 0});  // nothing off the page or overlapping
        if (opt.dump == "pages") {
          checked();
          std::cout << layout::dump_pages(paged);
        } else {
          pdf::Metadata meta;
          meta.title = doc.title.plain();
          meta.author = doc.header.issuer;
          if (const auto t = creation_time(doc)) meta.created = *t;
          meta.pdfa_part = opt.pdfa_part;
          const std::string output = opt.output.empty() ? cli::default_output(opt.document) : opt.output;
          cli::refuse_output_path(output, cli::build_inputs(doc, st, fonts, paged));
          const std::vector<char> bytes = pdf::write_pdf(paged, fonts, meta);
          checked();
          pdf::write_file_atomically(output, bytes);
          for (const auto& d : diags.items) err << format(d) << '\n';
          err << "wrote " << output << ": " << paged.pages.size() << " pages";
          if (doc.placeholders > 0) err << ", " << doc.placeholders << " placeholders to fill";
          if (warnings > 0) err << "; `vanban check` lists " << warnings << " warnings";
          err << '\n';
          if (opt.exit_when_written) finish_now(0);
          return 0;
        }
      }
    } catch (...) {
      checked();  // a check's error comes first
      throw;
    }
    for (const auto& d : diags.items) err << format(d) << '\n';
    return 0;
  } catch (const Error& e) {
    for (const auto& d : diags.items) err << format(d) << '\n';
    for (const auto& d : e.diagnostics()) err << format(d) << '\n';
    return 1;
  } catch (const std::bad_alloc&) {
    report_out_of_memory(err, memory_mb);
    return 1;
  } catch (const std::system_error& e) {  // a thread that could not start: no memory for its stack
    if (e.code() != std::errc::resource_unavailable_try_again && e.code() != std::errc::not_enough_memory) {
      err << "vanban: error: " << e.what() << '\n';
      return 1;
    }
    report_out_of_memory(err, memory_mb);
    return 1;
  } catch (const std::exception& e) {
    err << "vanban: error: " << e.what() << '\n';
    return 1;
  }
}

/// Builds several documents side by side (threads: each document has its own fonts and
/// shaper), or one document with a progress line. Each document's messages are printed whole
/// when it is done, so those of documents built at the same time never mix. On a terminal, a
/// progress line shows once the work has taken more than a second. Exit 1 when any failed.
int build_all(const Options& common, const std::vector<std::string>& documents) {
  const std::size_t n = documents.size();
  const bool tty = ::isatty(STDERR_FILENO) == 1;
  std::vector<int> status(n, 0);
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;  // guarded by mutex
  std::mutex mutex;
  std::condition_variable finished;
  bool progress_shown = false;  // guarded by mutex
  const auto clear_progress = [&] {
    if (progress_shown) std::cerr << "\r\033[K" << std::flush;
    progress_shown = false;
  };
  const auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      Options opt = common;
      opt.document = documents[i];
      std::ostringstream messages;
      try {
        status[i] = build(opt, messages);
      } catch (...) {  // build reports its own errors; nothing may escape a thread
        messages << "vanban: error: " << documents[i] << ": unexpected failure\n";
        status[i] = 1;
      }
      const std::lock_guard<std::mutex> lock(mutex);
      clear_progress();
      std::cerr << messages.str() << std::flush;
      ++done;
      finished.notify_all();
    }
  };
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < std::min(n, cores); ++t) {
    try {
      pool.emplace_back(worker);
    } catch (const std::system_error&) {  // no memory for another stack: fewer threads
      if (pool.empty()) worker();         // (then this thread does the work)
      break;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (done < n) {
      finished.wait_for(lock, std::chrono::milliseconds(200));
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!tty || done == n || seconds < 1.0) continue;
      std::ostringstream line;
      line.setf(std::ios::fixed);
      line.precision(1);
      if (n == 1) line << "vanban: " << common.command << " " << documents[0] << "… " << seconds << " s";
      else line << "vanban: " << done << " of " << n << " documents done… " << seconds << " s";
      std::cerr << "\r\033[K" << line.str() << std::flush;
      progress_shown = true;
    }
    clear_progress();
  }
  for (auto& t : pool) t.join();
  return std::any_of(status.begin(), status.end(), [](int st) { return st != 0; }) ? 1 : 0;
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
std::optional<int> parse_options(const std::vector<std::string>& args, Options& opt, std::vector<std::string>& documents) {
  bool output_given = false, styles_given = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool output = a == "-o" || a == "--output" || a.rfind("--output=", 0) == 0;
    const bool styles = a == "--styles" || a.rfind("--styles=", 0) == 0;
    if (a == "--") {
      documents.insert(documents.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    } else if (a == "-h" || a == "--help") {
      std::cout << kUsage;
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

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (asks_version(args)) {
    std::cout << "vanban " << VANBAN_VERSION << '\n';
    return 0;
  }
  if (args[0] == "schema") return cli::schema_command(args);
  if (args[0] == "new") return cli::new_command({args.begin() + 1, args.end()});
  if (args[0] == "watch")
    return cli::watch_command({args.begin() + 1, args.end()}, [](const cli::WatchBuild& w, std::ostream& err) {
      static std::once_flag fonts;
      std::call_once(fonts, start_fonts);
      Options opt;
      opt.command = "build";
      opt.final_mode = w.final_mode;
      opt.document = w.document;
      opt.output = w.output;
      opt.styles_dir = w.styles_dir;
      return build(opt, err);
    });
  if (args[0] == "sign" || args[0] == "verify") return cli::run_sign_command(argv);
  if (args[0] == "import") return cli::run_import(args);
  if (args[0] != "build" && args[0] != "check") return usage_error("unknown command `" + args[0] + "`");
  Options opt;
  opt.command = args[0];
  std::vector<std::string> documents;
  if (const auto code = parse_options(args, opt, documents)) return *code;
  if (const std::string bad = cli::check_environment(); !bad.empty()) return usage_error(bad);
  limit_memory(cli::memory_limit_mb());  // before any thread starts: fontconfig's set-up is under it too
  if (documents.empty()) return usage_error(opt.command + " needs a document folder");
  if (opt.command == "build") start_fonts();
  if (documents.size() == 1) {
    opt.document = documents[0];
    if (::isatty(STDERR_FILENO) != 1) {
      opt.exit_when_written = true;
      return build(opt);
    }
    return build_all(opt, documents);  // for the progress line
  }
  if (!opt.output.empty()) return usage_error("-o takes one document; several each go to out/<document name>.pdf");
  if (!opt.dump.empty()) return usage_error("--dump takes one document");
  std::set<std::string> outputs;
  for (const auto& d : documents) {
    const std::string out = cli::document_name(d);
    if (out.empty()) return usage_error("`" + d + "` has no name to give its PDF; build it alone with -o");
    if (!outputs.insert(out).second)
      return usage_error("two documents would both be written to out/" + out + ".pdf; build them one at a time with -o");
  }
  return build_all(opt, documents);
}
