#!/usr/bin/env bash
# Extracts vanban's messages (tr, ntr, N_ of pipeline/core/i18n.hpp) into a .pot file:
#   scripts/extract-messages.sh [xgettext] [out.pot]     (run from the repository's root)
# Used by the `vanban-pot` build target and by tests/e2e/test_translations.py.
set -euo pipefail
xgettext=${1:-xgettext}
out=${2:-po/vanban.pot}
cd "$(dirname "$0")/.."
# A UTF-8 locale for the Vietnamese in messages; xgettext's warnings about non-ASCII
# msgids (every message with a Vietnamese example) are shown only when it fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
find pipeline -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort |
  LC_ALL=C.UTF-8 "$xgettext" --files-from=- --output="$out" --language=C++ --from-code=UTF-8 \
    --keyword=tr:1 --keyword=ntr:1,2 --keyword=N_:1 --add-comments=TRANSLATORS: \
    --package-name=vanban --msgid-bugs-address=vanban@localhost --sort-by-file 2>"$log" || { cat "$log" >&2; exit 1; }
