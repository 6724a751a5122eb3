// YAML -> Document, and the style file.
#include <benchmark/benchmark.h>

#include "benchmarks/common.hpp"
#include "pipeline/content/load.hpp"

namespace vanban::bench {
namespace {

void BM_LoadDocument(benchmark::State& state) {
  const std::string path = document_path();
  for (auto _ : state) {
    content::Document doc = content::load_document(path);
    benchmark::DoNotOptimize(doc);
  }
}
BENCHMARK(BM_LoadDocument)->Unit(benchmark::kMillisecond);

void BM_LoadStyle(benchmark::State& state) {
  const Sample& s = sample();
  const std::string dir = std::string(VANBAN_SOURCE_DIR) + "/styles";
  for (auto _ : state) {
    style::Style st = style::load_style(s.doc.style, dir, s.doc.folder, s.doc.style_pos);
    benchmark::DoNotOptimize(st);
  }
}
BENCHMARK(BM_LoadStyle)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace vanban::bench
