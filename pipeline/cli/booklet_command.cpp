// A booklet's build: booklet.yaml and its booklet style, then each document loaded and
// checked as `vanban build` does (build_steps.hpp), laid out on the booklet's page with its
// own regime's conventions (booklet::adapt), and the whole put together (booklet::compose)
// into one PDF. One FontSet and one Shaper serve every document: a font is embedded once.
#include "pipeline/cli/booklet_command.hpp"

#include <iostream>
#include <memory>

#include "pipeline/booklet/book_style.hpp"
#include "pipeline/booklet/booklet.hpp"
#include "pipeline/booklet/compose.hpp"
#include "pipeline/cli/build_steps.hpp"
#include "pipeline/cli/data_dir.hpp"
#include "pipeline/cli/environment.hpp"
#include "pipeline/cli/output_path.hpp"
#include "pipeline/cli/print_outputs.hpp"
#include "pipeline/core/i18n.hpp"
#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/invariants.hpp"
#include "pipeline/layout/page_break.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/resolve/resolve.hpp"
#include "pipeline/shape/glyph_text.hpp"

namespace vanban::cli {

namespace {

/// The documents of a booklet, loaded, with their families and checks under way.
struct Documents {
  std::vector<std::unique_ptr<Loaded>> loaded;
  std::vector<shape::Family> families;
  std::vector<std::unique_ptr<ParallelChecks>> checks;
};

/// Loads every document of `b` in order (each family waited for before the next document
/// loads: they share `fonts`).
Documents load_documents(const Options& opt, const booklet::Booklet& b, shape::FontSet& fonts) {
  Documents out;
  for (const auto& entry : b.documents) {
    Options one = opt;
    one.document = entry.folder;
    out.loaded.push_back(std::make_unique<Loaded>(load(one, fonts)));
    out.families.push_back(out.loaded.back()->family.get());
  }
  return out;
}

/// `vanban check <booklet>`: every document's findings, then one summary.
int check_booklet(const Options& opt, const Documents& docs, std::ostream& err) {
  std::size_t errors = 0, warnings = 0;
  for (const auto& in : docs.loaded) {
    for (const auto& d : check::check_document(in->doc, in->style, opt.final_mode || in->doc.status == "final")) {
      err << format(d) << '\n';
      ++(d.severity == Severity::Error ? errors : warnings);
    }
  }
  err << "check: " << errors << " errors, " << warnings << " warnings\n";
  return errors > 0 ? 1 : 0;
}

/// Every document set on the booklet's page, its own style adapted to it.
std::vector<booklet::LaidOut> typeset(const booklet::Booklet& b, const booklet::BookStyle& bs, Documents& docs,
                                      shape::Shaper& shaper, Diagnostics& diags) {
  std::vector<booklet::LaidOut> out;
  for (std::size_t i = 0; i < docs.loaded.size(); ++i) {
    const Loaded& in = *docs.loaded[i];
    resolve::StyledDocument styled = resolve::resolve_document(in.doc, booklet::adapt(in.style, bs));
    const style::PageGeometry page = styled.geometry.page;
    layout::Flow flow = layout::build_flow(std::move(styled), docs.families[i], shaper, diags);
    booklet::LaidOut laid;
    laid.paged = layout::break_pages(std::move(flow), page);
    // The short title names the document in the contents and bookmarks too: a title alone
    // ("Kiểm điểm sự lãnh đạo…") lacks the type name the title block prints above it.
    laid.title = b.documents[i].short_title.empty() ? in.doc.title.plain() : b.documents[i].short_title;
    laid.running_head = laid.title;
    out.push_back(std::move(laid));
  }
  return out;
}

/// The options of the build with booklet.yaml's `imposition:` and `copies:`, where the
/// command line does not give its own.
Options print_options(const Options& opt, const booklet::Booklet& b) {
  Options o = opt;
  if (!o.impose.saddle_stitch && b.imposition.mode == "saddle-stitch") {
    o.impose.saddle_stitch = true;
    o.impose.creep = b.imposition.creep;
    o.impose.crop_marks = b.imposition.crop_marks;
    o.impose.bleed = b.imposition.bleed;
    o.impose.signature = b.imposition.signature;
  }
  if (o.copies == 0 && o.copies_from.empty()) o.copies = b.copies;
  return o;
}

}  // namespace

int build_booklet(const Options& opt, Diagnostics& diags, std::ostream& err) {
  if (!opt.dump.empty()) {
    err << "vanban: " << tr("--dump takes a document, not a booklet: dump the booklet's documents one by one") << '\n';
    return 2;
  }
  const booklet::Booklet b = booklet::load_booklet(opt.document);
  const std::string styles_dir = opt.styles_dir.empty() ? default_styles_dir() : opt.styles_dir;
  const booklet::BookStyle bs = booklet::load_book_style(b.style, styles_dir, b.folder, b.style_pos);
  shape::FontSet fonts;
  Documents docs = load_documents(opt, b, fonts);
  if (opt.command == "check") return check_booklet(opt, docs, err);
  for (const auto& in : docs.loaded)
    docs.checks.push_back(std::make_unique<ParallelChecks>(in->doc, in->style, opt.final_mode || in->doc.status == "final"));
  const auto wait_checks = [&] {
    for (auto& c : docs.checks) c->wait(diags);
  };
  try {
    shape::Shaper shaper(fonts);
    std::vector<booklet::LaidOut> laid = typeset(b, bs, docs, shaper, diags);
    booklet::Composition book = booklet::compose(b, bs, std::move(laid), docs.families.front(), shaper);
    book.paged.glyph_texts = shape::glyph_texts(shaper);  // (the shaping is done)
    layout::check_invariants(book.paged, fonts, {b.file, 0, 0});
    pdf::Metadata meta;
    for (const auto& line : b.title) meta.title += (meta.title.empty() ? "" : " ") + line;
    meta.author = b.issuer;
    meta.created = source_date_epoch();  // (checked in main)
    meta.pdfa_part = opt.pdfa_part;
    const std::string output = opt.output.empty() ? default_output(opt.document) : opt.output;
    std::vector<std::string> inputs{b.file, bs.file};
    for (const auto& in : docs.loaded)
      for (auto& f : build_inputs(in->doc, in->style, fonts, book.paged)) inputs.push_back(std::move(f));
    refuse_output_path(output, inputs);
    // The imposed sheets and the numbered copies, as for a document; the copies' stamp is
    // the first document's style's, on every page when a document is a draft.
    bool draft = false;
    for (const auto& in : docs.loaded) draft = draft || (!opt.final_mode && in->doc.status != "final");
    const style::Style first = booklet::adapt(docs.loaded.front()->style, bs);
    const StampSetting stamps{first.copy_stamp, docs.families.front(), shaper, draft};
    const std::vector<OutputFile> files =
        make_outputs(print_options(opt, b), book.paged, fonts, meta, output, inputs, stamps);
    wait_checks();
    for (const OutputFile& f : files) pdf::write_file_atomically(f.path, f.bytes);
    for (const auto& d : diags.items) err << format(d) << '\n';
    diags.items.clear();  // (printed)
    for (std::size_t i = 1; i < files.size(); ++i) err << tr("wrote {}", files[i].path) << '\n';
    std::size_t placeholders = 0, warnings = 0;
    for (std::size_t i = 0; i < docs.loaded.size(); ++i) {
      placeholders += static_cast<std::size_t>(docs.loaded[i]->doc.placeholders);
      warnings += docs.checks[i]->warnings();
    }
    err << tr("wrote {}: {} pages (cover, {} of contents, {})", output, book.paged.pages.size(), book.contents_pages,
              ntr("{} document", "{} documents", b.documents.size(), b.documents.size()));
    if (placeholders > 0) err << tr(", {} placeholders to fill", placeholders);
    if (warnings > 0) err << tr("; `vanban check` lists {} warnings", warnings);
    err << '\n';
    return 0;
  } catch (...) {
    wait_checks();  // a check's error comes first
    throw;
  }
}

}  // namespace vanban::cli
