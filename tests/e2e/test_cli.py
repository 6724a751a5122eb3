#!/usr/bin/env python3
"""The command line: help, version, usage errors, and bad input that must give
`file:line:column` diagnostics, exit 1, and leave any earlier PDF untouched."""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import HEAD, ROOT, Failures, run, write_file  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("cli")

p = run(vanban, "--help")
t.check(b"vanban build [options] [--] <document>" in p.stdout and b"--dump=lines" in p.stdout
        and b"--output=FILE" in p.stdout and b"SOURCE_DATE_EPOCH" in p.stdout, "--help explains build, dumps, "
        "the forms of options and the environment")
t.check(b"--dump=styled" in p.stdout, "--help explains the styled dump")
p = run(vanban, "build", "content/nghi-quyet-chi-bo", "--dump=glyphs", check=False)
t.check(p.returncode == 2 and b"--dump takes styled, lines or pages" in p.stderr, "an unknown dump: exit 2 naming the three")
p = run(vanban, "--version")
t.check(re.match(rb"vanban \d+\.\d+\.\d+", p.stdout) is not None, "--version prints a version")
p = run(vanban, "frobnicate", check=False)
t.check(p.returncode == 2 and b"unknown command" in p.stderr, "unknown command: exit 2 with a message")
p = run(vanban, "build", check=False)
t.check(p.returncode == 2, "build without a document: exit 2")
for args in (["build", "x", "--version"], ["check", "-V"], ["build", "-V", "--final"]):
    p = run(vanban, *args, check=False)
    t.check(p.returncode == 0 and re.match(rb"vanban \d+\.\d+\.\d+", p.stdout) is not None,
            f"--version anywhere: {args}")
# An option the command would ignore, or given in a way that loses something: exit 2.
for args, words in ((["check", "x", "-o", "a.pdf"], b"-o is for build"), (["check", "x", "--dump=lines"], b"--dump"),
                    (["build", "x", "--dump=pages", "-o", "a.pdf"], b"takes no -o"), (["build", "x", "-o", ""], b"empty"),
                    (["build", "x", "--output="], b"empty"), (["build", "x", "-o", "a.pdf", "--output=b.pdf"], b"twice"),
                    (["build", "x", "--dump"], b"--dump=lines"), (["build", "x", "-o", "moi/"], b"not a folder")):
    p = run(vanban, *args, check=False)
    t.check(p.returncode == 2 and words in p.stderr, f"{args}: a usage error naming the problem ({p.stderr.decode()})")

GOOD = HEAD + "body:\n  - Một đoạn văn ngắn để thử.\n"


def write_doc(folder, text):
    write_file(os.path.join(folder, "document.yaml"), text)


with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "doc")
    out = os.path.join(tmp, "nested", "out.pdf")
    write_doc(doc, GOOD)
    p = run(vanban, "build", doc, "-o", out, check=False)
    t.check(p.returncode == 0 and os.path.isfile(out), f"a good document builds, creating the output folder "
            f"({p.stderr.decode()})")
    good_bytes = open(out, "rb").read() if os.path.isfile(out) else b""

    cases = [
        ("unknown key", GOOD.replace("title:", "titel:"), r"document\.yaml:6:1: error: .*titel"),
        ("bad YAML", GOOD.replace("code: BC/ĐU", "code: \"BC/ĐU"), r"document\.yaml:\d+:\d+: error: "),
        ("missing glyph", GOOD.replace("ngắn", "ngắn 中"), r"document\.yaml:8:\d+: error: .*U\+4E2D.*Liberation"),
        ("unknown style", GOOD.replace("style: dang", "style: khong-co"), r"document\.yaml:1:8: error: unknown style"),
    ]
    for name, text, pattern in cases:
        write_doc(doc, text)
        p = run(vanban, "build", doc, "-o", out, check=False)
        err = p.stderr.decode("utf-8", "replace")
        t.check(p.returncode == 1, f"{name}: exit 1 (got {p.returncode})")
        t.check(re.search(pattern, err) is not None, f"{name}: diagnostic matches {pattern!r}: {err!r}")
        t.check(open(out, "rb").read() == good_bytes, f"{name}: the earlier PDF is untouched")
        t.check(sorted(os.listdir(os.path.dirname(out))) == ["out.pdf"], f"{name}: no temporary files left")

    write_doc(doc, GOOD)
    target = os.path.join(doc, "document.yaml")
    before = open(target, "rb").read()
    p = run(vanban, "build", doc, "-o", target, check=False)
    t.check(p.returncode == 1 and open(target, "rb").read() == before, "refuses to overwrite an input file")

# `--output=FILE`, `--styles=DIR`, and `--` before a document whose name starts with '-'.
with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "-la")
    write_doc(doc, GOOD)
    p = run(vanban, "build", "--styles=" + os.path.join(ROOT, "styles"), "--output=ra.pdf", "--", "-la", cwd=tmp,
            check=False)
    t.check(p.returncode == 0 and os.path.isfile(os.path.join(tmp, "ra.pdf")),
            f"--output=, --styles= and -- ({p.stderr.decode()})")
    p = run(vanban, "build", "-la", cwd=tmp, check=False)
    t.check(p.returncode == 2 and b"unknown option" in p.stderr, "without --, -la is an option")

# `vanban check`: the political report is a draft full of placeholders.
sample = os.path.join(ROOT, "content", "bao-cao-chinh-tri")
p = run(vanban, "check", sample, check=False)
err = p.stderr.decode()
places = re.findall(r"^(\S+\.yaml:\d+:\d+): warning: unfilled placeholder \((\d+) of (\d+)\)", err, re.M)
t.check(p.returncode == 0, "check on the draft report exits 0")
t.check(len(places) == 111 and all(n == "111" for _, _, n in places), f"check lists 111 placeholders ({len(places)})")
p = run(vanban, "check", sample, "--final", check=False)
err = p.stderr.decode()
finals = re.findall(r"^(\S+\.yaml:\d+:\d+): error: unfilled placeholder", err, re.M)
t.check(p.returncode == 1, "check --final on the draft exits 1")
t.check(sorted(finals) == sorted(w for w, _, _ in places), "check --final names every placeholder's place")

with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "doc")
    write_doc(doc, GOOD.replace("code: BC/ĐU", "code: BC-UBND"))  # a State symbol in a Party document
    out = os.path.join(tmp, "out.pdf")
    p = run(vanban, "build", doc, "-o", out, check=False)
    err = p.stderr.decode()
    t.check(p.returncode == 1 and re.search(r"document\.yaml:5:9: error: malformed number/symbol `BC-UBND`", err),
            f"build refuses a convention error with its place: {err!r}")
    t.check(not os.path.exists(out), "no PDF for a document that fails its checks")
    write_doc(doc, GOOD.replace("Một đoạn văn ngắn", "Một đoạn ..... ngắn").replace("kind: bao-cao", "kind: bao-cao\nstatus: final"))
    p = run(vanban, "build", doc, "-o", out, check=False)
    t.check(p.returncode == 1 and b"unfilled placeholder" in p.stderr and not os.path.exists(out),
            "a final document with a placeholder is not built")

# Batch mode: several documents in one command, each to out/<name>.pdf, the same bytes as
# one at a time; a bad one is reported and gives exit 1 while the others are still built.
with tempfile.TemporaryDirectory() as tmp:
    a, b, bad = (os.path.join(tmp, n) for n in ("a", "b", "bad"))
    write_doc(a, GOOD)
    write_doc(b, GOOD.replace("Báo cáo thử", "Báo cáo thứ hai"))
    write_doc(bad, GOOD.replace("title:", "titel:"))
    env = {"SOURCE_DATE_EPOCH": "1764547200"}
    p = run(vanban, "build", a, b, bad, env=env, check=False, cwd=tmp)
    err = p.stderr.decode()
    t.check(p.returncode == 1 and re.search(r"bad/document\.yaml:6:1: error: .*titel", err) is not None,
            f"batch: the bad document is reported with its place and exit 1 ({err!r})")
    outs = sorted(os.listdir(os.path.join(tmp, "out"))) if os.path.isdir(os.path.join(tmp, "out")) else []
    t.check(outs == ["a.pdf", "b.pdf"], f"batch: the good documents are built ({outs})")
    single = os.path.join(tmp, "single.pdf")
    run(vanban, "build", b, "-o", single, env=env, cwd=tmp)
    t.check(os.path.isfile(os.path.join(tmp, "out", "b.pdf")) and
            open(single, "rb").read() == open(os.path.join(tmp, "out", "b.pdf"), "rb").read(),
            "batch: the same bytes as a single build")
    p = run(vanban, "build", a, b, "-o", single, check=False, cwd=tmp)
    t.check(p.returncode == 2, "batch: -o with several documents is a usage error")

# Without a fontconfig shortcut (FONTCONFIG_FILE set: the system's whole configuration) the
# fonts and bytes are the same.
with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "doc")
    write_doc(doc, GOOD)
    env = {"SOURCE_DATE_EPOCH": "1764547200"}
    good = os.path.join(tmp, "good.pdf")
    run(vanban, "build", doc, "-o", good, env=env)
    full = os.path.join(tmp, "full.pdf")
    run(vanban, "build", doc, "-o", full, env=dict(env, FONTCONFIG_FILE="/etc/fonts/fonts.conf"))
    t.check(open(good, "rb").read() == open(full, "rb").read(),
            "the fontconfig shortcut finds the same fonts as the whole configuration")

# Building a PDF loads no PoDoFo, nor the libraries it pulls in: loading them cost more than
# setting the whole sample report (bench/NOTES.md); PoDoFo is for the tests and for signing.
# The C++ runtime and five small C libraries are linked in (sanitizer builds link the C++
# runtime their own way).
deps = run("ldd", vanban).stdout.decode()
static = ("libyaml", "libutf8proc", "libfontconfig", "libexpat", "libdeflate", "libjpeg")  # linked in
for lib in ("libpodofo", "libcrypto", "libtiff") + static + (() if os.environ.get("VANBAN_SANITIZERS") else ("libstdc++",)):
    t.check(lib not in deps, f"vanban does not load {lib}")

t.finish()
