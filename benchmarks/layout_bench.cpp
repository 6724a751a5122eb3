// Knuth–Plass line breaking, paragraph setting, the whole flow and the page builder.
#include <benchmark/benchmark.h>

#include "benchmarks/common.hpp"
#include "pipeline/layout/linebreak.hpp"

namespace vanban::bench {
namespace {

Sp to_sp(std::int64_t fu, Sp size, unsigned upem) { return static_cast<Sp>(fu * size / static_cast<std::int64_t>(upem)); }

/// The item list of each body paragraph as the paragraph builder makes it: indent box,
/// a box per shaped word, interword glue, and the \parfillskip ending.
std::vector<std::vector<layout::Item>> item_lists(shape::Shaper& shaper) {
  const Sample& s = sample();
  const auto& ps = s.body_shape;
  std::vector<std::vector<layout::Item>> out;
  for (const auto& para : s.paragraphs) {
    std::vector<layout::Item> items;
    items.push_back(layout::Item::box(ps.indent));
    for (const auto& part : para) {
      const unsigned upem = shaper.fonts()[part.font].upem();
      const Sp space = to_sp(shaper.shape(part.font, " ").advance, part.size, upem);
      std::size_t i = 0;
      while (i < part.text.size()) {
        std::size_t j = part.text.find(' ', i);
        if (j == std::string::npos) j = part.text.size();
        if (j > i) {
          if (items.size() > 1) {
            items.push_back(layout::Item::glue(space, static_cast<Sp>(static_cast<double>(space) * ps.space_stretch),
                                               static_cast<Sp>(static_cast<double>(space) * ps.space_shrink)));
          }
          const auto& shaped = shaper.shape(part.font, std::string_view(part.text).substr(i, j - i));
          items.push_back(layout::Item::box(to_sp(shaped.advance, part.size, upem)));
        }
        i = j + 1;
      }
    }
    items.push_back(layout::Item::pen(layout::kInfPenalty));
    items.push_back(layout::Item::fil_glue());
    items.push_back(layout::Item::pen(-layout::kInfPenalty));
    out.push_back(std::move(items));
  }
  return out;
}

void BM_BreakLines(benchmark::State& state) {
  Sample& s = sample();
  shape::Shaper shaper(s.fonts);
  const auto lists = item_lists(shaper);
  const std::vector<Sp> widths{s.body_shape.measure};
  layout::BreakParams params;
  params.tolerance = s.body_shape.tolerance;
  std::int64_t items = 0;
  for (const auto& l : lists) items += static_cast<std::int64_t>(l.size());
  for (auto _ : state)
    for (const auto& l : lists) benchmark::DoNotOptimize(layout::break_lines(l, widths, params));
  state.SetItemsProcessed(state.iterations() * items);
  state.counters["paragraphs"] = static_cast<double>(lists.size());
}
BENCHMARK(BM_BreakLines)->Unit(benchmark::kMicrosecond);

/// set_paragraph on every body paragraph: coverage check, items, breaking, glyph runs
/// (shaping cache warm).
void BM_SetParagraph(benchmark::State& state) {
  Sample& s = sample();
  shape::Shaper shaper(s.fonts);
  const SourcePos where{"bench", 0, 0};
  for (const auto& p : s.paragraphs) layout::set_paragraph(p, s.body_shape, shaper, where);
  for (auto _ : state)
    for (const auto& p : s.paragraphs)
      benchmark::DoNotOptimize(layout::set_paragraph(p, s.body_shape, shaper, where));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(s.paragraphs.size()));
}
BENCHMARK(BM_SetParagraph)->Unit(benchmark::kMicrosecond);

/// The whole flow with a fresh Shaper (as one `vanban build` does).
void BM_BuildFlow(benchmark::State& state) {
  Sample& s = sample();
  for (auto _ : state) {
    shape::Shaper shaper(s.fonts);
    Diagnostics diags;
    benchmark::DoNotOptimize(layout::build_flow(s.doc, s.style, s.family, shaper, diags));
  }
}
BENCHMARK(BM_BuildFlow)->Unit(benchmark::kMillisecond);

void BM_BreakPages(benchmark::State& state) {
  Sample& s = sample();
  shape::Shaper shaper(s.fonts);
  Diagnostics diags;
  const layout::Flow flow = layout::build_flow(s.doc, s.style, s.family, shaper, diags);
  std::size_t pages = 0;
  for (auto _ : state) {
    const auto paged = layout::break_pages(flow, s.style, s.family, shaper);
    pages = paged.pages.size();
    benchmark::DoNotOptimize(paged);
  }
  state.counters["pages"] = static_cast<double>(pages);
}
BENCHMARK(BM_BreakPages)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace vanban::bench
