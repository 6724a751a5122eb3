#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang in build/fuzz and runs each one in turn
# for SECONDS (default 60), one at a time: the YAML loader, the inline-markup parser and
# the whole build. Seeds: fuzz/corpus/<target>/ (committed; regenerate with
# fuzz/make-corpus.py); new inputs go to build/fuzz/corpus/<target>/, crashes to
# build/fuzz/crashes/. Exits 1 when a target found a crash, leak or timeout.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      TARGET: load, inline, build
#   build/fuzz/fuzz_load build/fuzz/crashes/load-crash-...   # replay one input
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(load inline build)

command -v clang++ >/dev/null || { echo "fuzz.sh needs clang: apt-get install -y clang libclang-rt-14-dev" >&2; exit 1; }
cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DVANBAN_FUZZ=ON -DVANBAN_TESTS=OFF -DVANBAN_BENCHMARKS=OFF >/dev/null
cmake --build build/fuzz -j2 --target "${targets[@]/#/fuzz_}"

# Leaks are real bugs too, but fontconfig keeps its caches for the life of the process.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
status=0
for t in "${targets[@]}"; do
  mkdir -p "build/fuzz/corpus/$t" build/fuzz/crashes
  echo "== fuzz_$t for ${seconds}s" >&2
  # -timeout: an input taking more than 10 s is a hang worth a look (the CLI has no limit).
  # -rss_limit_mb: more than 2 GB for one small input is a resource bug.
  if ! "build/fuzz/fuzz_$t" "build/fuzz/corpus/$t" "fuzz/corpus/$t" -dict=fuzz/vanban.dict \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="build/fuzz/crashes/$t-" -print_final_stats=1 2> "build/fuzz/$t.log"; then
    status=1
    echo "fuzz_$t found a problem: see build/fuzz/$t.log and build/fuzz/crashes/" >&2
  fi
  grep -E "^stat::number_of_executed_units|^#[0-9]+ +DONE" "build/fuzz/$t.log" >&2 || true
done
exit $status
