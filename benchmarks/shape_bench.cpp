// HarfBuzz shaping through shape::Shaper: every word of the sample, with an empty cache
// (each distinct word shaped by HarfBuzz) and with a warm one (lookups only).
#include <benchmark/benchmark.h>

#include "benchmarks/common.hpp"

namespace vanban::bench {
namespace {

void BM_ShapeCold(benchmark::State& state) {
  Sample& s = sample();
  const auto words = sample_words();
  for (auto _ : state) {
    shape::Shaper shaper(s.fonts);
    for (const auto& w : words) benchmark::DoNotOptimize(shaper.shape(w.font, w.text));
    state.counters["distinct"] = static_cast<double>(shaper.cache_size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(words.size()));
}
BENCHMARK(BM_ShapeCold)->Unit(benchmark::kMillisecond);

void BM_ShapeCached(benchmark::State& state) {
  Sample& s = sample();
  const auto words = sample_words();
  shape::Shaper shaper(s.fonts);
  for (const auto& w : words) shaper.shape(w.font, w.text);
  for (auto _ : state)
    for (const auto& w : words) benchmark::DoNotOptimize(shaper.shape(w.font, w.text));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(words.size()));
}
BENCHMARK(BM_ShapeCached)->Unit(benchmark::kMicrosecond);

/// One HarfBuzz call per word, never cached: a fresh Shaper for each word.
void BM_ShapeUncachedWord(benchmark::State& state) {
  Sample& s = sample();
  const auto words = sample_words();
  std::size_t i = 0;
  for (auto _ : state) {
    shape::Shaper shaper(s.fonts);
    const auto& w = words[i++ % words.size()];
    benchmark::DoNotOptimize(shaper.shape(w.font, w.text));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ShapeUncachedWord);

}  // namespace
}  // namespace vanban::bench
