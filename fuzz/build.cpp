/// Fuzzes the whole build, as `vanban build` chains it: load -> size check -> style ->
/// convention check -> fonts -> resolve -> flow -> pages -> page numbers -> PDF bytes in memory (nothing is written to disk but the input's own files).
/// Bad input must end in vanban::Error.
#include <cstddef>
#include <cstdint>
#include <utility>

#include "files.hpp"
#include "pipeline/check/check.hpp"
#include "pipeline/content/load.hpp"
#include "pipeline/layout/flow.hpp"
#include "pipeline/layout/page_break.hpp"
#include "pipeline/layout/page_numbers.hpp"
#include "pipeline/pdf/write.hpp"
#include "pipeline/resolve/limits.hpp"
#include "pipeline/resolve/resolve.hpp"
#include "pipeline/shape/family.hpp"
#include "pipeline/shape/glyph_text.hpp"
#include "pipeline/style/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  static const fuzz::Scratch dir;
  static const bool fonts_added = shape::add_font_dir(VANBAN_SOURCE_DIR "/fonts");
  (void)fonts_added;
  fuzz::write_input(dir, data, size);
  try {
    const content::Document doc = content::load_document(dir.path().string());
    resolve::check_document_size(doc);
    const style::Style st = style::load_style(doc.style, VANBAN_SOURCE_DIR "/styles", doc.folder, doc.style_pos);
    (void)check::check_document(doc, st, doc.status == "final");
    shape::FontSet fonts;  // fresh each time, as each build has its own
    const shape::Family family = shape::load_family(st.family, st.fallback_families, fonts, {st.file, 0, 0});
    shape::Shaper shaper(fonts);
    Diagnostics diags;
    resolve::StyledDocument styled = resolve::resolve_document(doc, st);
    const resolve::Geometry geometry = styled.geometry;
    layout::Flow flow = layout::build_flow(std::move(styled), family, shaper, diags);
    layout::PagedDocument paged = layout::break_pages(std::move(flow), geometry.page);
    layout::number_pages(paged, geometry.page_numbers, geometry.page, family, shaper);
    paged.glyph_texts = shape::glyph_texts(shaper);
    pdf::Metadata meta;
    meta.title = doc.title.plain();
    meta.author = doc.header.issuer;
    (void)pdf::write_pdf(paged, fonts, meta);
  } catch (const Error&) {
  }
  return 0;
}
