// The document's PDF and the PDFs for the printer made from the same streams (see
// print_outputs.hpp).
#include "pipeline/cli/print_outputs.hpp"

#include "pipeline/cli/delegates.hpp"
#include "pipeline/cli/output_path.hpp"
#include "pipeline/layout/copy_stamp.hpp"
#include "pipeline/pdf/copies.hpp"
#include "pipeline/pdf/impose.hpp"
#include "pipeline/pdf/prepared.hpp"
#include "pipeline/shape/glyph_text.hpp"

namespace vanban::cli {

namespace {

/// `output` with `.pdf` (when it ends so) replaced by `suffix`.
std::string beside(const std::string& output, const std::string& suffix) {
  const std::string ext = ".pdf";
  const bool has_ext = output.size() > ext.size() && output.compare(output.size() - ext.size(), ext.size(), ext) == 0;
  return (has_ext ? output.substr(0, output.size() - ext.size()) : output) + suffix;
}

/// The stamp of each copy the options ask for, set; none when they ask for none.
std::vector<layout::TextRun> stamp_runs(const Options& opt, const layout::PagedDocument& paged, const StampSetting& s) {
  if (opt.copies == 0 && opt.copies_from.empty()) return {};
  Delegates delegates;
  if (!opt.copies_from.empty()) delegates = read_delegates(opt.copies_from);
  const std::size_t total = opt.copies_from.empty() ? static_cast<std::size_t>(opt.copies) : delegates.names.size();
  const std::vector<std::string> texts = layout::copy_stamp_texts(s.stamp, total, delegates.names);
  return layout::copy_stamp_runs(texts, delegates.where, s.stamp, paged.pages.front().width, s.family, s.shaper);
}

}  // namespace

std::string imposed_output(const std::string& output) { return beside(output, ".imposed.pdf"); }

std::string copies_output(const std::string& output) { return beside(output, ".copies.pdf"); }

std::vector<OutputFile> make_outputs(const Options& opt, const layout::PagedDocument& paged, const shape::FontSet& fonts,
                                     const pdf::Metadata& meta, const std::string& output,
                                     const std::vector<std::string>& inputs, const StampSetting& stamps) {
  std::vector<OutputFile> files;
  const std::vector<layout::TextRun> stamp = stamp_runs(opt, paged, stamps);
  if (!opt.impose.saddle_stitch && stamp.empty()) {  // the plain build, as before
    files.push_back({output, pdf::write_pdf(paged, fonts, meta)});
    return files;
  }
  // With stamps, their glyphs join the subsets (and the records, the ToUnicode maps): the
  // document's own PDF then carries a few glyphs it does not draw.
  const std::vector<shape::GlyphTexts> texts = stamp.empty() ? std::vector<shape::GlyphTexts>{} : shape::glyph_texts(stamps.shaper);
  const pdf::Prepared prepared = pdf::prepare(paged, fonts, stamp, stamp.empty() ? nullptr : &texts);
  files.push_back({output, pdf::write_pdf(paged, prepared, meta)});
  if (opt.impose.saddle_stitch) {
    files.push_back({imposed_output(output), pdf::write_imposed(prepared, meta, opt.impose)});
    refuse_output_path(files.back().path, inputs);
  }
  if (!stamp.empty()) {
    files.push_back({copies_output(output), pdf::write_copies(prepared, fonts, meta, stamp, stamps.draft)});
    refuse_output_path(files.back().path, inputs);
  }
  return files;
}

}  // namespace vanban::cli
