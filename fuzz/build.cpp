/// Fuzzes the whole build, as `vanban build` chains it: load -> size check -> style ->
/// convention check -> fonts -> flow -> pages -> PDF bytes in memory (nothing is written to disk but the input's own files).
/// Bad input must end in vanban::Error.
#include <cstddef>
#include <cstdint>

#include "files.hpp"
#include "pipeline/check/check.hpp"
#include "pipeline/content/load.hpp"
#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/limits.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/style/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  static const fuzz::Scratch dir;
  static const bool fonts_added = shape::add_font_dir(VANBAN_SOURCE_DIR "/fonts");
  (void)fonts_added;
  fuzz::write_input(dir, data, size);
  try {
    const content::Document doc = content::load_document(dir.path().string());
    layout::check_document_size(doc);
    const style::Style st = style::load_style(doc.style, VANBAN_SOURCE_DIR "/styles", doc.folder, doc.style_pos);
    (void)check::check_document(doc, st, doc.status == "final");
    shape::FontSet fonts;  // fresh each time: glyph records must not pile up across inputs
    const shape::Family family = layout::load_family(st, fonts, {st.file, 0, 0});
    shape::Shaper shaper(fonts);
    Diagnostics diags;
    const layout::Flow flow = layout::build_flow(doc, st, family, shaper, diags);
    const layout::PagedDocument paged = layout::break_pages(flow, st, family, shaper);
    pdf::Metadata meta;
    meta.title = doc.title.plain();
    meta.author = doc.header.issuer;
    (void)pdf::write_pdf(paged, fonts, meta);
  } catch (const Error&) {
  }
  return 0;
}
