// One document through the stages: load, check beside the typesetting, resolve, lay out,
// break pages, write. The steps are functions of their own; `build` runs them in order and
// turns every failure into a message and an exit status.
#include "pipeline/cli/build_command.hpp"

#include <cstdlib>
#include <chrono>
#include <ctime>
#include <future>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <system_error>

#include "pipeline/booklet/booklet.hpp"
#include "pipeline/check/check.hpp"
#include "pipeline/cli/booklet_command.hpp"
#include "pipeline/cli/build_sign.hpp"
#include "pipeline/cli/build_steps.hpp"
#include "pipeline/cli/check_header.hpp"
#include "pipeline/cli/data_dir.hpp"
#include "pipeline/cli/environment.hpp"
#include "pipeline/cli/fonts_command.hpp"
#include "pipeline/cli/output_path.hpp"
#include "pipeline/cli/pdfa_sources.hpp"
#include "pipeline/cli/print_outputs.hpp"
#include "pipeline/cli/unissued.hpp"
#include "pipeline/content/load.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/core/limits.hpp"
#include "pipeline/layout/dump.hpp"
#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/invariants.hpp"
#include "pipeline/layout/page_break.hpp"
#include "pipeline/layout/page_numbers.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/resolve/dump.hpp"
#include "pipeline/resolve/limits.hpp"
#include "pipeline/resolve/resolve.hpp"
#include "pipeline/shape/family.hpp"
#include "pipeline/shape/glyph_text.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::cli {

namespace {

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

/// Seconds since the epoch for the PDF dates, or nullopt when there is no fixed date.
std::optional<std::int64_t> creation_time(const content::Document& doc) {
  if (doc.created) {
    std::tm tm{};
    tm.tm_year = doc.created->year - 1900;
    tm.tm_mon = doc.created->month - 1;
    tm.tm_mday = doc.created->day;
    return static_cast<std::int64_t>(timegm(&tm));
  }
  return source_date_epoch();  // (checked in main)
}

/// "1 page", "16 pages".
std::string pages(std::size_t n) { return ntr("{} page", "{} pages", n, n); }

/// The message for an allocation (or a thread's stack) that the memory limit refused.
void report_out_of_memory(std::ostream& err, std::size_t memory_mb) {
  err << "vanban: " << tr("error: ") << tr("out of memory: the document needs more than {} MB", memory_mb) << "\n  "
      << tr("hint: ") << tr("split it into several documents (VANBAN_MEMORY_LIMIT_MB sets the limit; 0: none)") << '\n';
}

/// Prints the findings of `vanban check` and a summary; exit 1 when one is an error.
int report_check(const std::vector<Diagnostic>& findings, std::ostream& err) {
  std::size_t errors = 0;
  for (const auto& d : findings) {
    err << format(d) << '\n';
    if (d.severity == Severity::Error) ++errors;
  }
  err << tr("check: {} errors, {} warnings", errors, findings.size() - errors) << '\n';
  return errors > 0 ? 1 : 0;
}

}  // namespace

/// Loads the document. The style, then the family's fonts (once fontconfig is ready), load
/// on a thread of their own as soon as document.yaml's head names the style, while the parts
/// load. Their errors are reported only for a document that loaded without any; the style's
/// come before the checks', the fonts' after them (when the family is waited for).
Loaded load(const Options& opt, shape::FontSet& fonts) {
  const std::string styles_dir = opt.styles_dir.empty() ? default_styles_dir() : opt.styles_dir;
  // (The thread owns the promise: it may still be returning from set_value when the
  // style has been taken.)
  auto style_ready = std::make_shared<std::promise<style::Style>>();
  std::future<style::Style> style_loaded = style_ready->get_future();
  const bool want_fonts = opt.command == "build";
  const auto prepare = [&fonts, styles_dir, style_ready, want_fonts](const content::Document& head) -> shape::Family {
    style::Style st;
    try {
      st = style::load_style(head.style, styles_dir, head.folder, head.style_pos);
    } catch (...) {
      style_ready->set_exception(std::current_exception());
      throw;
    }
    style_ready->set_value(st);
    if (!want_fonts) return {};
    fonts_ready.wait();  // fontconfig set up, fonts/ added (see start_fonts)
    return shape::load_family(st.family, st.fallback_families, fonts, {st.file, 0, 0});
  };
  content::Head head = content::load_head(opt.document);
  Loaded loaded;
  loaded.family = std::async(std::launch::async, prepare, head.document());  // (a copy of the head)
  loaded.doc = content::load_body(std::move(head));
  resolve::check_document_size(loaded.doc);
  loaded.style = style_loaded.get();
  return loaded;
}

namespace {

/// Breaks the flow into pages, numbers them and checks that nothing lies off the page or
/// on top of other text.
layout::PagedDocument paginate(layout::Flow flow, const resolve::Geometry& geometry, const shape::Family& family,
                               shape::Shaper& shaper, const shape::FontSet& fonts, const std::string& file) {
  layout::PagedDocument paged = layout::break_pages(std::move(flow), geometry.page);
  layout::number_pages(paged, geometry.page_numbers, geometry.page, family, shaper);
  paged.glyph_texts = shape::glyph_texts(shaper);  // (the shaping is done)
  layout::check_invariants(paged, fonts, {file, 0, 0});
  return paged;
}

/// Writes the PDF of `paged` to the output path, once the checks have passed (through
/// `signer` with --sign), and says so.
int write_output(const Options& opt, const Loaded& in, const layout::PagedDocument& paged,
                 const shape::FontSet& fonts, const StampSetting& stamps, ParallelChecks& checks, Diagnostics& diags,
                 Signer* signer, std::ostream& err) {
  pdf::Metadata meta;
  meta.title = in.doc.title.plain();
  meta.author = in.doc.header.issuer;
  if (const auto t = creation_time(in.doc)) meta.created = *t;
  // A final (to be signed, archived) is PDF/A-2b unless --pdfa names another level.
  meta.pdfa_part = opt.pdfa_part != 0 ? opt.pdfa_part : (opt.final_mode || opt.sign || opt.unissued ? 2 : 0);
  meta.unissued = opt.unissued;
  meta.signature_fields = opt.final_mode || opt.sign || opt.unissued;  // the copy to be signed (the flag, not `status: final`)
  const std::string output = opt.output.empty() ? default_output(opt.document) : opt.output;
  const std::vector<std::string> inputs = build_inputs(in.doc, in.style, fonts, paged);
  refuse_output_path(output, inputs);
  if (meta.pdfa_part == 3) meta.sources = source_files(inputs, in.doc.folder);
  const std::vector<OutputFile> files = make_outputs(opt, paged, fonts, meta, output, inputs, stamps);
  checks.wait(diags);
  // The PDF itself first (signed when asked: nothing is written when signing fails), then
  // the imposed sheets and the copies beside it.
  if (!opt.sign) pdf::write_file_atomically(files[0].path, files[0].bytes);
  else if (const int status = signer->sign(files[0].bytes); status != 0) return status;
  for (std::size_t i = 1; i < files.size(); ++i) pdf::write_file_atomically(files[i].path, files[i].bytes);
  for (const auto& d : diags.items) err << format(d) << '\n';
  diags.items.clear();  // (printed)
  // TRANSLATORS: the summary of a build: "wrote out/x.pdf: 3 pages, 2 placeholders to fill;
  // `vanban check` lists 1 warning", in three pieces (the last two when there are any).
  for (std::size_t i = 1; i < files.size(); ++i) err << tr("wrote {}", files[i].path) << '\n';
  err << tr("wrote {}: {}", output, pages(paged.pages.size()));
  if (const auto n = static_cast<std::size_t>(in.doc.placeholders); n > 0)
    err << ntr(", {} placeholder to fill", ", {} placeholders to fill", n, n);
  if (const std::size_t n = checks.warnings(); n > 0)
    err << ntr("; `vanban check` lists {} warning", "; `vanban check` lists {} warnings", n, n);
  err << '\n';
  if (const std::string note = fallback_notice(in.style, in.family_used); !note.empty()) err << note << '\n';
  if (opt.exit_when_written) finish_now(0);
  return 0;
}

/// Typesets a loaded document and writes it (signed by `signer` with --sign), or prints the
/// dump asked for.
int typeset(const Options& opt, Loaded& in, shape::FontSet& fonts, Diagnostics& diags, Signer* signer,
            std::ostream& err) {
  const bool final_mode = opt.final_mode || in.doc.status == "final";
  if (opt.unissued) leave_unissued(in.doc, in.style);  // (before the checks read them)
  ParallelChecks checks(in.doc, in.style, final_mode);
  try {
    const shape::Family family = in.family.get();
    in.family_used = family;
    shape::Shaper shaper(fonts);
    resolve::StyledDocument styled = resolve::resolve_document(in.doc, in.style);
    const resolve::Geometry geometry = styled.geometry;
    if (opt.dump == "styled") {
      checks.wait(diags);
      std::cout << resolve::dump_styled(styled);
      return 0;
    }
    layout::Flow flow = layout::build_flow(std::move(styled), family, shaper, diags);
    if (opt.dump == "lines") {
      checks.wait(diags);
      std::cout << layout::dump_lines(flow);
      return 0;
    }
    const layout::PagedDocument paged = paginate(std::move(flow), geometry, family, shaper, fonts, in.doc.file);
    if (opt.dump == "pages") {
      checks.wait(diags);
      std::cout << layout::dump_pages(paged);
      return 0;
    }
    const StampSetting stamps{in.style.copy_stamp, family, shaper, !final_mode};
    return write_output(opt, in, paged, fonts, stamps, checks, diags, signer, err);
  } catch (...) {
    checks.wait(diags);  // a check's error comes first
    throw;
  }
}

}  // namespace

void start_fonts() {
  // (the folder is read here, not on the thread: see join_fonts)
  const auto set_up = [fonts = data_dir() + "/fonts"] { shape::add_font_dir(fonts); };
  try {
    fonts_ready = std::async(std::launch::async, set_up).share();
  } catch (const std::system_error&) {  // no thread to be had: set up when first needed
    fonts_ready = std::async(std::launch::deferred, set_up).share();
  }
}

void wait_for_fonts() {
  if (!fonts_ready.valid()) start_fonts();
  fonts_ready.wait();
}

void join_fonts() {
  if (fonts_ready.valid() && fonts_ready.wait_for(std::chrono::seconds(0)) != std::future_status::deferred)
    fonts_ready.wait();
}

int build(const Options& opt, std::ostream& err) {
  Diagnostics diags;
  const std::size_t memory_mb = memory_limit_mb();  // (checked in main)
  limit_memory(memory_mb);
  try {
    if (booklet::is_booklet(opt.document)) return build_booklet(opt, diags, err);
    // vanban-sign starts now: loading its libraries and the key overlaps the typesetting.
    std::optional<Signer> signer;
    if (opt.sign && opt.command == "build") signer.emplace(opt.output.empty() ? default_output(opt.document) : opt.output, opt);
    shape::FontSet fonts;
    Loaded in = load(opt, fonts);
    if (opt.command == "check") {
      const bool final_mode = opt.final_mode || in.doc.status == "final";
      std::vector<Diagnostic> findings = check::check_document(in.doc, in.style, final_mode);
      for (auto& d : header_findings(in.doc, in.style, fonts)) findings.push_back(std::move(d));
      if (final_mode)
        if (auto w = final_font_warning(in.style)) findings.push_back(std::move(*w));
      return report_check(findings, err);
    }
    const int status = typeset(opt, in, fonts, diags, signer ? &*signer : nullptr, err);
    for (const auto& d : diags.items) err << format(d) << '\n';
    return status;
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

}  // namespace vanban::cli
