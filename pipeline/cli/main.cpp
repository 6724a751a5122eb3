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
#include <vector>

#include "pipeline/check/check.hpp"
#include "pipeline/cli/import_command.hpp"
#include "pipeline/content/load.hpp"
#include "pipeline/core/limits.hpp"
#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/limits.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/style/style.hpp"

#include <unistd.h>

namespace fs = std::filesystem;
using namespace vanban;

namespace {

constexpr const char* kUsage = R"(vanban — typesetting for Vietnamese official documents

Usage:
  vanban build <document>... [-o FILE.pdf] [--dump=lines|pages] [--final] [--styles DIR]
  vanban check <document>... [--final] [--styles DIR]
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

import     Turn a .txt or .docx file (.doc/.odt through LibreOffice) into a
           document folder that builds; see `vanban import --help`.

Options:
  -o, --output FILE   where to write the PDF
  --final             check as a final document (placeholders are errors)
  --dump=lines        print the set lines (ratio, width, text) instead of a PDF
  --dump=pages        print the positioned runs of every page instead of a PDF
  --styles DIR        look up style names in DIR (default: the styles/ folder
                      of the installation, or $VANBAN_STYLES)
  -h, --help          this text
  --version           the version

Dates: the PDF's creation date is the document's header date, else
SOURCE_DATE_EPOCH; with neither it is left out, so the same input always
gives the same bytes.

Errors are printed as file:line:column: error: message, with a hint, and the
exit status is 1. Usage errors exit with 2.
)";

struct Options {
  std::string command;
  bool final_mode = false;
  std::string document;
  std::string output;
  std::string dump;
  std::string styles_dir;
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
  fonts_ready = std::async(std::launch::async, [] { shape::add_font_dir(std::string(VANBAN_DATA_DIR) + "/fonts"); }).share();
}

int usage_error(const std::string& message) {
  std::cerr << "vanban: " << message << "\nTry `vanban --help`.\n";
  return 2;
}

std::string default_styles_dir() {
  if (const char* env = std::getenv("VANBAN_STYLES")) return env;
  return std::string(VANBAN_DATA_DIR) + "/styles";
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
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long v = std::strtoll(sde, &end, 10);
    if (end && *end == '\0' && end != sde) return v;
  }
  return std::nullopt;
}

/// Refuses an output path that is one of the document's own files.
void check_output_path(const std::string& output, const content::Document& doc) {
  std::error_code ec;
  if (!fs::exists(output, ec)) return;
  if (fs::is_directory(output, ec)) fail({output, 0, 0}, "the output path is a folder", "give a file name ending in .pdf");
  for (const auto& e : fs::recursive_directory_iterator(doc.folder, ec))
    if (e.is_regular_file(ec) && fs::equivalent(e.path(), output, ec))
      fail({output, 0, 0}, "refusing to overwrite an input file of the document", "choose another output path");
}

/// The address-space limit in MiB: VANBAN_MEMORY_LIMIT_MB, else kMemoryLimitMb (0: none).
std::size_t memory_limit_mb() {
  if (const char* env = std::getenv("VANBAN_MEMORY_LIMIT_MB")) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(env, &end, 10);
    if (end != env && *end == '\0') return static_cast<std::size_t>(v);
  }
  return kMemoryLimitMb;
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
  const std::size_t memory_mb = memory_limit_mb();
  limit_memory(memory_mb);
  try {
    // The style, then the family's fonts (once fontconfig is ready), load on a thread of
    // their own as soon as document.yaml names the style, while the parts load. Their
    // errors are reported only for a document that loaded without any; the style's come
    // before the checks', the fonts' after them (see below).
    const std::string styles_dir = opt.styles_dir.empty() ? default_styles_dir() : opt.styles_dir;
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
      return layout::load_family(st, fonts, {st.file, 0, 0});
    };
    std::future<shape::Family> family_loaded;
    const content::Document doc = content::load_document(opt.document, [&](const content::Document& head) {
      family_loaded = std::async(std::launch::async, prepare, head);  // (a copy of the head)
    });
    if (!family_loaded.valid()) family_loaded = std::async(std::launch::async, prepare, doc);
    layout::check_document_size(doc);
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
      layout::Flow flow = layout::build_flow(doc, st, family, shaper, diags);
      if (opt.dump == "lines") {
        checked();
        std::cout << layout::dump_lines(flow);
      } else {
        const layout::PagedDocument paged = layout::break_pages(std::move(flow), st, family, shaper);
        if (opt.dump == "pages") {
          checked();
          std::cout << layout::dump_pages(paged);
        } else {
          pdf::Metadata meta;
          meta.title = doc.title.plain();
          meta.author = doc.header.issuer;
          if (const auto t = creation_time(doc)) meta.created = *t;
          std::string output = opt.output;
          if (output.empty()) output = "out/" + fs::path(opt.document).lexically_normal().filename().replace_extension().string() + ".pdf";
          check_output_path(output, doc);
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
    err << "vanban: error: out of memory: the document needs more than " << memory_mb
              << " MB\n  hint: split it into several documents (VANBAN_MEMORY_LIMIT_MB sets the limit; 0: none)\n";
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
  for (std::size_t t = 0; t < std::min(n, cores); ++t) pool.emplace_back(worker);
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

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (args[0] == "--version") {
    std::cout << "vanban " << VANBAN_VERSION << '\n';
    return 0;
  }
  if (args[0] == "import") return cli::run_import(args);
  if (args[0] != "build" && args[0] != "check") return usage_error("unknown command `" + args[0] + "`");
  Options opt;
  opt.command = args[0];
  std::vector<std::string> documents;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (a == "-o" || a == "--output" || a == "--styles") {
      if (i + 1 >= args.size()) return usage_error(a + " needs a value");
      (a == "--styles" ? opt.styles_dir : opt.output) = args[++i];
    } else if (a == "--final") {
      opt.final_mode = true;
    } else if (a.rfind("--dump=", 0) == 0) {
      opt.dump = a.substr(7);
      if (opt.dump != "lines" && opt.dump != "pages") return usage_error("--dump takes lines or pages");
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option `" + a + "`");
    } else {
      documents.push_back(a);
    }
  }
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
    const std::string out = fs::path(d).lexically_normal().filename().replace_extension().string();
    if (!outputs.insert(out).second)
      return usage_error("two documents would both be written to out/" + out + ".pdf; build them one at a time with -o");
  }
  return build_all(opt, documents);
}
