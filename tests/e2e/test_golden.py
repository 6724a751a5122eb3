#!/usr/bin/env python3
"""Golden tests: `vanban build --dump=lines` (and --dump=pages, --dump=styled) of the small
documents in tests/golden/<case>/ must equal tests/golden/<case>.<dump>, and the
set lines of each sample in content/<name>/ must equal tests/golden/content-<name>.lines
(speed work must not change a single line break of the sample report).
After reviewing a deliberate change, regenerate with VANBAN_UPDATE_GOLDEN=1."""
import difflib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run  # noqa: E402

vanban = sys.argv[1]
t = Failures("golden")
golden = os.path.join(ROOT, "tests", "golden")
update = os.environ.get("VANBAN_UPDATE_GOLDEN") == "1"
cases = [(case, os.path.join(golden, case), ("styled", "lines", "pages")) for case in sorted(os.listdir(golden))]
content = os.path.join(ROOT, "content")
cases += [(f"content-{name}", os.path.join(content, name), ("styled", "lines")) for name in sorted(os.listdir(content))
          if not os.path.exists(os.path.join(content, name, "booklet.yaml"))]  # (a booklet has no dumps)
for case, folder, dumps in cases:
    if not os.path.isdir(folder):
        continue
    for dump in dumps:
        got = run(vanban, "build", folder, f"--dump={dump}").stdout.decode()
        path = os.path.join(golden, f"{case}.{dump}")
        if update:
            with open(path, "w", encoding="utf-8") as f:
                f.write(got)
        want = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), path, "got", n=1))
        t.check(got == want, f"{case}.{dump} matches\n{diff[:3000]}")
t.finish()
