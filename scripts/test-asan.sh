#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer (CMake preset
# `asan`, in build/asan) and runs the whole test suite under them: any invalid memory
# access, leak or undefined behaviour aborts the test that caused it. Extra arguments go
# to ctest (e.g. -R e2e). Leaks inside system libraries are listed in tests/lsan.supp.
# The preset turns off -Wmaybe-uninitialized: with -fsanitize, GCC 12 reports false ones
# inside libstdc++ (<regex>'s std::function), as its manual warns.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan "$@"
