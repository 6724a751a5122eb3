#!/usr/bin/env python3
"""Bash completion (completions/vanban.bash), sourced in bash and asked as bash asks it
(COMP_WORDS, COMP_CWORD, then the _vanban function): commands, options, kinds and styles
from the data folder of the vanban being completed (the source tree for the build's binary,
<prefix>/share/vanban for an installed one), VANBAN_STYLES, and document folders."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("completion")
SCRIPT = os.path.join(ROOT, "completions", "vanban.bash")
DRIVER = r'''
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_vanban
printf '%s\n' "${COMPREPLY[@]}"
'''


def complete(line, program=vanban, env=None, cwd=ROOT):
    """The completions of the last word of `line` (words split on spaces; a trailing space
    starts an empty word), as a sorted list."""
    words = line.split(" ")
    words[0] = program
    e = dict(os.environ)
    e.pop("VANBAN_STYLES", None)
    e.update(env or {})
    p = subprocess.run(["bash", "-c", DRIVER, "bash", SCRIPT, *words], capture_output=True, env=e, cwd=cwd)
    if p.returncode != 0:
        return [f"<bash failed: {p.stderr.decode()}>"]
    return sorted(w for w in p.stdout.decode().split("\n") if w)


def expect(line, wanted, **kw):
    got = complete(line, **kw)
    t.check(got == sorted(wanted), f"`{line}` completes to {sorted(wanted)}, not {got}")


styles = sorted(n[:-5] for n in os.listdir(os.path.join(ROOT, "styles")) if n.endswith(".yaml"))
kinds = sorted({k for s in os.listdir(os.path.join(ROOT, "templates")) for k in os.listdir(os.path.join(ROOT, "templates", s))})

expect("vanban ", ["build", "check", "new", "watch", "sign", "issue", "verify", "extract", "--help", "--version"])
expect("vanban build --u", ["--unissued"])
expect("vanban build --si", ["--sign", "--signature"])
expect("vanban build --pdfa ", ["1b", "2b", "3b"])
expect("vanban i", ["issue"])
expect("vanban issue x.pdf --n", ["--number"])
expect("vanban issue x.pdf --d", ["--date"])
expect("vanban sign x.pdf --f", ["--field"])
expect("vanban sign x.pdf --field ", ["organisation", "signer"])
expect("vanban verify x.pdf --", ["--json", "--ca", "--help"])
expect("vanban e", ["extract"])
expect("vanban extract x.pdf -", ["-o", "--output", "--help"])
expect("vanban ne", ["new"])
expect("vanban w", ["watch"])
expect("vanban build --d", ["--dump=lines", "--dump=pages"])
expect("vanban build --imposition ", ["none", "saddle-stitch"])
expect("vanban build --signature 1", ["16"])
expect("vanban build --cop", ["--copies", "--copies-from"])
expect("vanban check --f", ["--final"])
expect("vanban new --st", ["--style"])
expect("vanban new --style ", styles)
expect("vanban new ", kinds)
expect("vanban new --style dang ch", ["chuong-trinh"])
expect("vanban new --style nha-nuoc ch", [])
expect("vanban new thong-bao --style nha-nuoc te", ["templates", "tests"])
expect("vanban build content/bao-cao-c", ["content/bao-cao-chinh-tri"])
expect("vanban watch content/nghi-quyet-chi-bo/q", ["content/nghi-quyet-chi-bo/quyet-nghi.yaml"])
t.check("content/bao-cao-chinh-tri" in complete("vanban watch -o content/"), "after -o: folders (for the PDF's place)")

work = tempfile.mkdtemp(prefix="vanban-completion-")
try:
    # An installed layout: <prefix>/bin/vanban and <prefix>/share/vanban/{styles,templates}.
    prefix = os.path.join(work, "usr")
    os.makedirs(os.path.join(prefix, "bin"))
    os.makedirs(os.path.join(prefix, "share", "vanban", "styles"))
    os.makedirs(os.path.join(prefix, "share", "vanban", "templates", "rieng", "bien-ban"))
    open(os.path.join(prefix, "share", "vanban", "styles", "rieng.yaml"), "w").close()
    installed = os.path.join(prefix, "bin", "vanban")
    shutil.copy(vanban, installed)
    expect("vanban new --style ", ["rieng"], program=installed)
    expect("vanban new ", ["bien-ban"], program=installed)
    # VANBAN_STYLES names the styles folder, as it does for vanban.
    mine = os.path.join(work, "mine")
    os.makedirs(mine)
    open(os.path.join(mine, "so-tay.yaml"), "w").close()
    expect("vanban new --style s", ["so-tay"], env={"VANBAN_STYLES": mine})
finally:
    shutil.rmtree(work, ignore_errors=True)
t.finish()
