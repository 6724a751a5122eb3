// The PDF writer: font subsetting, page content streams, and the whole write_pdf.
#include <benchmark/benchmark.h>

#include <set>

#include "benchmarks/common.hpp"
#include "pipeline/pdf/content_stream.hpp"
#include "pipeline/pdf/font_embed.hpp"
#include "pipeline/pdf/write.hpp"

namespace vanban::bench {
namespace {

/// The sample laid out into pages (once).
const layout::PagedDocument& paged() {
  static const layout::PagedDocument doc = [] {
    Sample& s = sample();
    shape::Shaper shaper(s.fonts);
    Diagnostics diags;
    const layout::Flow flow = layout::build_flow(s.doc, s.style, s.family, shaper, diags);
    return layout::break_pages(flow, s.style, s.family, shaper);
  }();
  return doc;
}

std::vector<std::set<std::uint32_t>> used_glyphs() {
  std::vector<std::set<std::uint32_t>> used(sample().fonts.fonts.size());
  for (const auto& page : paged().pages)
    for (const auto& run : page.runs)
      for (const auto& g : run.glyphs) used[run.font].insert(g.gid);
  return used;
}

/// hb-subset of every font the pages use, plus widths and ToUnicode.
void BM_EmbedFonts(benchmark::State& state) {
  const auto& doc = paged();
  (void)doc;
  const auto used = used_glyphs();
  const Sample& s = sample();
  for (auto _ : state)
    for (std::size_t f = 0; f < used.size(); ++f)
      if (!used[f].empty()) benchmark::DoNotOptimize(pdf::embed_font(s.fonts[static_cast<shape::FontId>(f)], used[f]));
}
BENCHMARK(BM_EmbedFonts)->Unit(benchmark::kMillisecond);

/// The content streams of every page (uncompressed text).
void BM_PageContent(benchmark::State& state) {
  const auto& doc = paged();
  const auto used = used_glyphs();
  const Sample& s = sample();
  std::vector<pdf::EmbeddedFont> embedded;
  embedded.reserve(used.size());
  std::vector<const pdf::GlyphMap*> maps(used.size(), nullptr);
  for (std::size_t f = 0; f < used.size(); ++f) {
    if (used[f].empty()) continue;
    embedded.push_back(pdf::embed_font(s.fonts[static_cast<shape::FontId>(f)], used[f]));
    maps[f] = &embedded.back().glyphs;
  }
  std::int64_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (const auto& page : doc.pages) {
      const std::string c = pdf::page_content(page, s.fonts, maps);
      bytes += static_cast<std::int64_t>(c.size());
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["pages"] = static_cast<double>(doc.pages.size());
}
BENCHMARK(BM_PageContent)->Unit(benchmark::kMicrosecond);

/// The whole writer: subsets, streams (compressed), outline, serialisation.
void BM_WritePdf(benchmark::State& state) {
  const auto& doc = paged();
  const Sample& s = sample();
  pdf::Metadata meta;
  meta.title = s.doc.title.plain();
  std::size_t size = 0;
  for (auto _ : state) {
    const auto bytes = pdf::write_pdf(doc, s.fonts, meta);
    size = bytes.size();
    benchmark::DoNotOptimize(bytes.data());
  }
  state.counters["bytes"] = static_cast<double>(size);
}
BENCHMARK(BM_WritePdf)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vanban::bench
