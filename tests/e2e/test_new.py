#!/usr/bin/env python3
"""`vanban new`: for every style and kind of templates/, the new folder builds at once, and
`check --final` lists exactly what is left to fill: one finding at each “…” (the place it
names holds the placeholder) and the three fields a template cannot hold a blank in (number,
code, date: commented-out lines). Filling those makes the check pass, so nothing else is
missing. The templates of each style are kinds of its table of kinds. Usage errors (unknown
kind or style, with did-you-mean) exit 2; an existing non-empty folder is refused and left
as it was; no temporary folder is ever left behind."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("new")
TEMPLATES = os.path.join(ROOT, "templates")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1764547200")
FINDING = re.compile(r"^(.+?):(\d+):(\d+): error: (.*)$")
MISSING = {"missing `header.code`", "missing `header.number`", "missing `header.date`"}


def vb(*args, cwd=None):
    p = subprocess.run([vanban, *args], capture_output=True, env=ENV, cwd=cwd)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def at(path, line, column):
    """The text of `path` from line:column (columns count characters)."""
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")[line - 1][column - 1:]


def fill(folder):
    """Every “…” written over, and the commented number, code and date lines made real."""
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("…", "Hà")
        text = re.sub(r"^(\s*)# (number|code|date): ", r"\1\2: ", text, flags=re.M)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def check_kind(work, style, kind):
    what = f"{style}/{kind}"
    folder = os.path.join(work, f"{style}-{kind}")
    rc, err = vb("new", kind, folder, "--style", style)
    t.check(rc == 0, f"{what}: new exits 0 ({rc}: {err})")
    t.check(sorted(os.listdir(folder)) == sorted(os.listdir(os.path.join(TEMPLATES, style, kind))),
            f"{what}: the folder holds the template's files")
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            first = f.readline().rstrip("\n")
        schema = first.partition("$schema=")[2]
        wanted = "document.schema.json" if name == "document.yaml" else "part.schema.json"
        t.check(first.startswith("# yaml-language-server: $schema=/") and schema.endswith("/" + wanted)
                and os.path.isfile(schema), f"{what}/{name} names its schema, an existing file, first ({first})")
    pdf = folder + ".pdf"
    rc, err = vb("build", folder, "-o", pdf)
    t.check(rc == 0 and os.path.exists(pdf), f"{what}: the new folder builds ({rc}: {err})")
    rc, err = vb("check", "--final", folder)
    t.check(rc == 1, f"{what}: check --final exits 1 while blanks are left ({rc})")
    placeholders, other = 0, []
    for line in err.splitlines():
        m = FINDING.match(line)
        if not m:
            continue
        path, ln, col, message = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
        if message.startswith("unfilled placeholder"):
            placeholders += 1
            t.check(at(path, ln, col).startswith(("…", "...")),
                    f"{what}: {path}:{ln}:{col} names a placeholder ({at(path, ln, col)[:20]!r})")
        else:
            other.append(message)
    t.check(placeholders > 0, f"{what}: placeholders are listed")
    t.check(set(other) == MISSING and len(other) == 3, f"{what}: nothing else is listed but number, code, date: {other}")
    fill(folder)
    rc, err = vb("check", "--final", folder)
    # (Where Times New Roman is not installed, --final warns that the PDF would embed its
    # fallback: that warning only.)
    font_warning = "Times New Roman is not installed" in err and "check: 0 errors, 1 warnings" in err
    t.check(rc == 0 and ("check: 0 errors, 0 warnings" in err or font_warning),
            f"{what}: filled in, check --final passes: nothing else was missing ({rc}: {err[:600]})")


def test_templates(work):
    styles = sorted(os.listdir(TEMPLATES))
    t.check(styles == ["dang", "nha-nuoc"], f"templates for both styles ({styles})")
    for style in styles:
        with open(os.path.join(ROOT, "styles", style + ".yaml"), encoding="utf-8") as f:
            known = set(yaml.safe_load(f)["kinds"])
        kinds = sorted(os.listdir(os.path.join(TEMPLATES, style)))
        t.check(set(kinds) <= known, f"{style}: every template is a kind of the style's table ({kinds} vs {sorted(known)})")
        for kind in kinds:
            check_kind(work, style, kind)


def test_usage(work):
    rc, err = vb("new", "bao-ca", os.path.join(work, "a"))
    t.check(rc == 2 and "did you mean `bao-cao`?" in err, f"unknown kind: exit 2, did you mean ({rc}: {err})")
    rc, err = vb("new", "chuong-trinh", os.path.join(work, "a"), "--style", "nha-nuoc")
    t.check(rc == 2 and "--style dang" in err, f"a kind of the other style is named ({rc}: {err})")
    rc, err = vb("new", "bao-cao", os.path.join(work, "a"), "--style", "nhanuoc")
    t.check(rc == 2 and "did you mean `nha-nuoc`?" in err, f"unknown style: exit 2, did you mean ({rc}: {err})")
    rc, err = vb("new", "bao-cao")
    t.check(rc == 2, f"a missing folder is a usage error ({rc})")
    rc, err = vb("new", "bao-cao", os.path.join(work, "a"), "--bogus")
    t.check(rc == 2, f"an unknown option is a usage error ({rc})")
    t.check(not os.path.exists(os.path.join(work, "a")), "usage errors write nothing")
    p = subprocess.run([vanban, "new", "--help"], capture_output=True)
    listed = p.stdout.decode()
    every = {k for s in os.listdir(TEMPLATES) for k in os.listdir(os.path.join(TEMPLATES, s))}
    t.check(p.returncode == 0 and all(f"`{k}`" in listed for k in every), f"new --help lists the kinds ({listed})")


def test_targets(work):
    full = os.path.join(work, "full")
    os.makedirs(full)
    with open(os.path.join(full, "mine.txt"), "w") as f:
        f.write("keep")
    rc, err = vb("new", "bao-cao", full)
    t.check(rc == 1 and "not empty" in err, f"a non-empty folder is refused ({rc}: {err})")
    t.check(os.listdir(full) == ["mine.txt"], "the refused folder is left as it was")
    empty = os.path.join(work, "empty")
    os.makedirs(empty)
    rc, err = vb("new", "thong-bao", empty + "/")
    t.check(rc == 0 and os.path.exists(os.path.join(empty, "document.yaml")), f"an empty folder is filled ({rc}: {err})")
    rc, err = vb("new", "bao-cao", os.path.join(work, "no", "such", "parent"))
    t.check(rc == 1 and "does not exist" in err, f"a missing parent folder is an error ({rc}: {err})")
    rc, err = vb("new", "bao-cao", "relative", cwd=work)
    t.check(rc == 0 and os.path.exists(os.path.join(work, "relative", "noi-dung.yaml")),
            f"a relative folder is made in the current folder ({rc}: {err})")
    left = [n for n in os.listdir(work) if ".new-" in n]
    t.check(not left, f"no temporary folder is left behind ({left})")


work = tempfile.mkdtemp(prefix="vanban-new-")
try:
    test_templates(work)
    test_usage(work)
    test_targets(work)
finally:
    shutil.rmtree(work, ignore_errors=True)
t.finish()
