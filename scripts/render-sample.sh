#!/usr/bin/env bash
# Quick start: install what is missing, build vanban, render the sample political report
# to out/bao-cao-chinh-tri.pdf.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target vanban
./build/default/vanban build content/bao-cao-chinh-tri -o out/bao-cao-chinh-tri.pdf
