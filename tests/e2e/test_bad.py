#!/usr/bin/env python3
"""The bad-input catalogue, tests/bad/<case>/: every case is built and must give exactly
the diagnostic its `expect` file holds, the exit status it names, no crash, and no lost or
half-written output: an earlier PDF at the output path stays byte-identical and nothing
else appears beside it (or, for a case that must still build, a complete new PDF).

The `expect` format (tests/bad/README.md has the details):

    # what is wrong and why the message is the right one
    exit: 1                 1: bad input; 2: a usage error (a wrong environment variable)
    needs: include          (optional) the case uses a feature not yet in the engine
    pending: loader ...     (optional) the engine does not yet give this diagnostic
    run: <path>             (optional) what to build, relative to tests/bad (default: <case>)
    env: NAME=value         (optional, repeatable) {case} is the case folder's copy
    skip-root: why          (optional) the case cannot be made as root (e.g. chmod 000)
    skip-asan: why          (optional) not under sanitizers (VANBAN_SANITIZERS is set)
    timeout: 300            (optional) seconds (default 60)
    ---
    <case>/document.yaml:4:1: error: tab character used for indentation
      hint: ...
    --- vi
    <case>/document.yaml:4:1: lỗi: ký tự tab được dùng để thụt lề
      gợi ý: ...

The lines after `---` are the first lines of stderr, exactly; those after `--- vi` are the
same under `--lang vi`, at the same file:line:column (written by hand from po/vi.po, read
as a user would, never pasted from the program's output). A case without a `--- vi` block
must be listed in tests/bad/vi-pending.txt (cases whose messages are not yet translated),
and a case listed there must not have one; a line starting with `~ `
is a regular expression for the whole line (for file paths that depend on the machine).
Each case is copied to a scratch folder and built from there as `vanban build <case>`,
so the file names in messages read as they do for someone running vanban in tests/bad/.
A `generate.py` in a case folder is run in the copy first (for inputs too big, too odd or
too machine-specific to commit: 5 MB paragraphs, symlinks, unreadable files, fonts).

A case marked `needs:` or `pending:` that does not give its diagnostic is listed as
pending and does not fail the run; it still fails on a crash, a timeout, a changed or
half-written PDF, or a temporary file left behind. One that passes is reported, so the
marker can be removed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
only = sys.argv[2:]  # optional case names, for running a few by hand
BAD = os.path.join(ROOT, "tests", "bad")
EARLIER = b"%PDF-1.7\n% an earlier PDF that a failed build must leave alone\n%%EOF\n"
t = Failures("bad inputs")


def parse_expect(path):
    spec = {"exit": None, "needs": None, "pending": None, "run": None, "env": {}, "skip-root": None, "skip-asan": None,
            "timeout": 60, "stderr": [], "stderr-vi": None}
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    for i, line in enumerate(lines):
        if line == "---":
            spec["stderr"] = lines[i + 1:]
            if "--- vi" in spec["stderr"]:
                at = spec["stderr"].index("--- vi")
                spec["stderr"], spec["stderr-vi"] = spec["stderr"][:at], spec["stderr"][at + 1:]
            break
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "env":
            name, _, v = value.partition("=")
            spec["env"][name] = v
        elif key in ("exit", "timeout"):
            spec[key] = int(value)
        elif key in spec:
            spec[key] = value
        else:
            raise SystemExit(f"{path}: unknown expect key `{key}`")
    else:
        raise SystemExit(f"{path}: no `---` line before the expected stderr")
    if spec["exit"] is None:
        raise SystemExit(f"{path}: no `exit:` line")
    return spec


def place(line):
    """`file:line:column` of a diagnostic line (its text before `: error:`/`: lỗi:`)."""
    for word in (": error: ", ": warning: ", ": lỗi: ", ": cảnh báo: ", "vanban: "):
        if word in line:
            return line.split(word)[0]
    return None


def line_matches(want, got):
    if want.startswith("~ "):
        return re.fullmatch(want[2:], got) is not None
    return want == got


def listing(folder):
    out = []
    for base, dirs, files in os.walk(folder):
        for n in dirs + files:
            out.append(os.path.relpath(os.path.join(base, n), folder))
    return sorted(out)


def is_pdf(data):
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]


cases = sorted(c for c in os.listdir(BAD) if os.path.isfile(os.path.join(BAD, c, "expect")))
vi_pending = {l.split("#")[0].strip() for l in open(os.path.join(BAD, "vi-pending.txt"), encoding="utf-8")} - {""}
if only:
    cases = [c for c in cases if c in only]
pending, skipped, now_passing = [], [], []
for case in cases:
    spec = parse_expect(os.path.join(BAD, case, "expect"))
    vi = spec["stderr-vi"]
    if case in vi_pending:
        t.check(vi is None, f"{case}: has a `--- vi` block: remove it from tests/bad/vi-pending.txt")
    else:
        t.check(vi is not None, f"{case}: no `--- vi` block with its Vietnamese message (or list it in vi-pending.txt)")
    if vi is not None:
        t.check(len(vi) == len(spec["stderr"]) and all(place(a) == place(b) for a, b in zip(spec["stderr"], vi)),
                f"{case}: the `--- vi` lines name the places of the English ones")
    if spec["skip-root"] and os.geteuid() == 0:
        skipped.append(f"{case} ({spec['skip-root']})")
        continue
    if spec["skip-asan"] and os.environ.get("VANBAN_SANITIZERS"):
        skipped.append(f"{case} ({spec['skip-asan']})")
        continue
    with tempfile.TemporaryDirectory(prefix="vanban-bad-") as tmp:
        work = os.path.join(tmp, "cases")
        copy = os.path.join(work, case)
        shutil.copytree(os.path.join(BAD, case), copy, symlinks=True)
        os.remove(os.path.join(copy, "expect"))
        gen = os.path.join(copy, "generate.py")
        if os.path.exists(gen):
            subprocess.run([sys.executable, gen], cwd=copy, check=True, env=dict(os.environ, VANBAN_ROOT=ROOT))
            os.remove(gen)
        outdir = os.path.join(tmp, "out")
        os.makedirs(outdir)
        out = os.path.join(outdir, "out.pdf")
        with open(out, "wb") as f:
            f.write(EARLIER)
        before = listing(work)
        env = dict(os.environ)
        for k, v in spec["env"].items():
            env[k] = v.replace("{case}", copy)
        target = spec["run"] or case
        start = time.monotonic()
        try:
            p = subprocess.run([vanban, "build", target, "-o", out], cwd=work, env=env, capture_output=True,
                               timeout=spec["timeout"])
            code, err = p.returncode, p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            code, err = None, (e.stderr or b"").decode("utf-8", "replace")
        took = time.monotonic() - start
        got = err.split("\n")
        want = spec["stderr"]
        message_ok = code == spec["exit"] and len(got) >= len(want) and all(
            line_matches(w, g) for w, g in zip(want, got))
        # What must hold whatever the case: no crash, no hang, nothing lost or half-written.
        t.check(code is not None, f"{case}: finished within {spec['timeout']} s")
        t.check(code is None or code in (0, 1) or code == spec["exit"] == 2, f"{case}: exit status {code} is 0 or 1, "
                f"or 2 where expected (negative: killed by a signal; other: a sanitizer or an abort)\n{err[:3000]}")
        data = open(out, "rb").read() if os.path.exists(out) else b""
        # Judged by what happened (the expected status is checked with the message), so that
        # a pending case is held to it too: a build that succeeded left a complete PDF, any
        # other run left the earlier one byte-identical.
        if code == 0:
            t.check(is_pdf(data) and data != EARLIER, f"{case}: a complete new PDF replaced the earlier one")
        else:
            t.check(data == EARLIER, f"{case}: the earlier PDF at the output path is byte-identical")
        t.check(os.listdir(outdir) == ["out.pdf"], f"{case}: nothing but out.pdf in the output folder: "
                f"{sorted(os.listdir(outdir))}")
        t.check(listing(work) == before, f"{case}: nothing written beside the input")
        diff = "\n".join(f"  want: {w}\n  got:  {g}" for w, g in zip(want, got + [""] * len(want)) if not line_matches(w, g))
        what = f"{case}: exit {spec['exit']} and stderr as expected (got exit {code} in {took:.1f} s)\n{diff}\n" \
               f"full stderr:\n{err[:2000]}"
        if spec["needs"] or spec["pending"]:
            (now_passing if message_ok else pending).append(
                f"{case} ({'needs ' + spec['needs'] if spec['needs'] else spec['pending']})" +
                ("" if message_ok else f": exit {code}, stderr: {got[0][:200]!r}"))
        else:
            t.check(message_ok, what)
        if took > 10:
            print(f"{case}: {took:.1f} s", file=sys.stderr)
        if vi is not None and message_ok:
            # The same case in Vietnamese: only the message is compared (what must hold
            # whatever the language was checked above).
            with open(out, "wb") as f:
                f.write(EARLIER)
            try:
                p = subprocess.run([vanban, "--lang", "vi", "build", target, "-o", out], cwd=work, env=env,
                                   capture_output=True, timeout=spec["timeout"])
                code_vi, err_vi = p.returncode, p.stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                code_vi, err_vi = None, ""
            got_vi = err_vi.split("\n")
            diff = "\n".join(f"  want: {w}\n  got:  {g}" for w, g in zip(vi, got_vi + [""] * len(vi))
                              if not line_matches(w, g))
            t.check(code_vi == code and len(got_vi) >= len(vi) and all(line_matches(w, g) for w, g in zip(vi, got_vi)),
                    f"{case}: in Vietnamese (--lang vi), exit {code} and stderr as expected (got exit {code_vi})\n"
                    f"{diff}\nfull stderr:\n{err_vi[:2000]}")

for p in pending:
    print(f"PENDING: {p}", file=sys.stderr)
for p in now_passing:
    print(f"NOW PASSING (remove its needs:/pending: line): {p}", file=sys.stderr)
for s in skipped:
    print(f"SKIPPED: {s}", file=sys.stderr)
print(f"{len(cases)} cases, {len(pending)} pending, {len(skipped)} skipped")
t.finish()
