#!/usr/bin/env bash
# Install what is missing, build everything, run every test (unit, golden, end to end).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default "$@"
