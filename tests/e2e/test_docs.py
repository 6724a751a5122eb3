#!/usr/bin/env python3
"""The documentation cannot fall behind the program. The binary is asked, not its source:
- every key the loader accepts, at every level, is named in docs/content-format.md: a
  document with an unknown key `zzzz` in each map makes the loader's hints list the valid
  keys there; likewise the values of its closed lists (status, marks, list markers,
  alignments), from the messages about a value `zzzz`;
- every key a style file may hold is named in docs/styles.md (a copy of styles/dang.yaml
  with `zzzz` in each map);
- every command, option and environment variable is in the manual page man/vanban.1 and
  in docs/cli.md: the options and commands as `vanban --help` prints them, the variables
  as the binary holds their names;
- every YAML example of docs/content-format.md and of the README builds (a fragment is
  completed into a document first);
- every relative link in README.md and docs/ leads to a file of the repository (and to a
  heading of it, for `#anchor` links), and no link leaves the repository."""
import glob
import os
import re
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import HEAD, ROOT, Failures, run, write_file  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("docs")


def read(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()


CONTENT_DOC = read("docs/content-format.md")
STYLES_DOC = read("docs/styles.md")
CLI_DOC = read("docs/cli.md")
# The manual page as a reader sees its words: `\-` is a hyphen, font escapes are dropped.
MAN = re.sub(r"\\f[BIRP]", "", read("man/vanban.1")).replace("\\-", "-")


def named(doc, word):
    """True when `word` appears in code quotes in `doc`, alone or as the last part of a
    dotted path (`signature.image`) or a `key:` form."""
    return re.search(r"`(?:[\w.-]+\.)?" + re.escape(word) + r":?`", doc) is not None


def backticked(text):
    return re.findall(r"`([^`]+)`", text)


def errors_of(folder, *extra):
    p = run(vanban, "check", folder, *extra, check=False)
    return p.stderr.decode("utf-8", "replace")


# ---------------------------------------------------------------------------------------
# The loader's keys, one unknown key `zzzz` in every map it reads.
DOCUMENT = HEAD + """zzzz: [1]
signature:
  zzzz: [1]
parts:
  - p.yaml
"""
DOCUMENT = DOCUMENT.replace("  code: BC/ĐU\n", "  code: BC/ĐU\n  zzzz: [1]\n")
PART = """zzzz: [1]
body:
  - zzzz: [1]
  - paragraph: Một.
    zzzz: [1]
  - list: [Một]
    zzzz: [1]
  - table:
      rows: [[Một]]
      zzzz: [1]
    zzzz: [1]
  - quote: Một.
    zzzz: [1]
  - page-break: true
    zzzz: [1]
  - include: them.yaml
    zzzz: [1]
  - include: them.yaml
sections:
  - title: Một
    zzzz: [1]
"""
INCLUDED = "body: [Một]\nzzzz: [1]\n"

with tempfile.TemporaryDirectory() as tmp:
    folder = os.path.join(tmp, "doc")
    write_file(os.path.join(folder, "document.yaml"), DOCUMENT)
    write_file(os.path.join(folder, "p.yaml"), PART)
    write_file(os.path.join(folder, "them.yaml"), INCLUDED)
    err = errors_of(folder)
places = {}
for m in re.finditer(r"unknown key `zzzz`\n  hint: valid keys (?:in )?([^:]*): (.*)", err):
    places[m.group(1)] = [k for k in backticked(m.group(2))]
# document.yaml, header, signature, a part file, a section, a block (with no kind), the
# blocks paragraph, list, table, quote, page-break, include, a table, an included file.
t.check(len(places) >= 14, f"the loader lists the valid keys at 14 places (found {len(places)}: {sorted(places)}):\n{err}")
loader_keys = sorted({k for keys in places.values() for k in keys})
for where, keys in sorted(places.items()):
    for key in keys:
        t.check(named(CONTENT_DOC, key), f"docs/content-format.md names `{key}`, a key of {where}")

# The closed lists of values: `zzzz` where a status, a mark, a marker and an alignment go.
CHOICES = HEAD.replace("  code: BC/ĐU\n", "  code: BC/ĐU\n  marks: [zzzz]\n") + """status: zzzz
body:
  - list: [Một]
    marker: zzzz
  - paragraph: Một.
    align: zzzz
"""
with tempfile.TemporaryDirectory() as tmp:
    write_file(os.path.join(tmp, "doc", "document.yaml"), CHOICES)
    err = errors_of(os.path.join(tmp, "doc"))
values = {}
for what in ("status", "marker", "align"):
    m = re.search(r"`" + what + r"` must be one of (.*), not `zzzz`", err)
    values[what] = backticked(m.group(1)) if m else []
m = re.search(r"unknown mark `zzzz`\n  hint: [^:]*: (.*)", err)
values["marks"] = backticked(m.group(1)) if m else []
for what, listed in values.items():
    t.check(len(listed) >= 2, f"the loader lists the values of `{what}` ({listed}):\n{err}")
    for v in listed:
        t.check(named(CONTENT_DOC, v), f"docs/content-format.md names `{v}`, a value of `{what}`")

# ---------------------------------------------------------------------------------------
# The style's keys. The reader stops after the top level's unknown keys, and the `check:`
# section is read after the rest: three copies of dang.yaml, `zzzz` at one depth each.
with open(os.path.join(ROOT, "styles", "dang.yaml"), encoding="utf-8") as f:
    DANG = yaml.safe_load(f)
NAME_MAPS = {"kinds", "marks", "codes"}  # maps of names chosen by the style, not keys


def with_zzzz(node, depth, at, name=None):
    """A copy of `node` with `zzzz` added to every map at `at` nesting depths."""
    if isinstance(node, dict):
        out = {k: with_zzzz(v, depth + (0 if k in NAME_MAPS else 1), at, k) for k, v in node.items()}
        if depth in at and name not in NAME_MAPS:
            out["zzzz"] = [1]
        return out
    if isinstance(node, list):
        return [with_zzzz(v, depth, at) for v in node]
    return node


style_keys = set()
variants = [
    ("the top level", with_zzzz(DANG, 0, {0})),
    ("nested maps", {k: (with_zzzz(v, 1, set(range(1, 9)), k) if k != "check" else v) for k, v in DANG.items()}),
    ("check", dict(DANG, check=with_zzzz(DANG["check"], 1, set(range(1, 9)), "check"))),
]
for what, data in variants:
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "doc")
        write_file(os.path.join(folder, "document.yaml"), HEAD.replace("style: dang", "style: kieu.yaml")
                   + "body:\n  - Một.\n")
        write_file(os.path.join(folder, "kieu.yaml"), yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
        err = errors_of(folder)
    found = re.findall(r"unknown (?:style )?key `zzzz`[^\n]*\n  hint: valid keys[^:]*: (.*)", err)
    t.check(len(found) >= (1 if what != "nested maps" else 10),
            f"the style reader lists the valid keys in {what} ({len(found)} places):\n{err[:2000]}")
    for listing in found:
        style_keys.update(k.strip(" `") for k in listing.split(","))
for key in sorted(style_keys):
    t.check(named(STYLES_DOC, key), f"docs/styles.md names the style key `{key}`")

# ---------------------------------------------------------------------------------------
# Commands, options and environment variables.
help_text = run(vanban, "--help").stdout.decode()
options = sorted(set(re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*(?:=\w+)?)", help_text)))
options = [o for o in options if o != "--dump"]  # --dump=lines|pages: its two forms are listed
t.check({"-o", "--output", "--final", "--styles", "--help", "--version", "--dump=lines"} <= set(options),
        f"the options are found in --help: {options}")
for option in options:
    pattern = r"(?<![\w-])" + re.escape(option) + r"(?![\w-])"
    t.check(re.search(pattern, MAN) is not None, f"man/vanban.1 documents {option}")
    t.check(re.search(pattern, CLI_DOC) is not None, f"docs/cli.md documents {option}")
commands = re.findall(r"^  vanban ([a-z]+)", help_text, re.M)
t.check(len(commands) >= 3, f"the commands are found in --help: {commands}")
for command in commands:
    t.check(re.search(r"^\.B " + command + r"\b", MAN, re.M) is not None, f"man/vanban.1 has a paragraph on `{command}`")
    t.check(re.search(r"^## " + command + r"$", CLI_DOC, re.M) is not None, f"docs/cli.md has a section on `{command}`")
p = subprocess.run(["strings", "-n", "8", vanban], capture_output=True, text=True)
# A name ends its line of `strings`, but need not start it: code bytes that happen to be
# printable (a short string built from immediates) may run into it.
variables = sorted(set(re.findall(r"(?:^|[^A-Z0-9_])(VANBAN_[A-Z_]+|SOURCE_DATE_EPOCH)$", p.stdout, re.M)))
t.check({"SOURCE_DATE_EPOCH", "VANBAN_MEMORY_LIMIT_MB", "VANBAN_STYLES"} <= set(variables),
        f"the environment variables are found in the binary: {variables}")
for name in variables:
    t.check(re.search(r"^\.B " + name + "$", MAN, re.M) is not None, f"man/vanban.1 explains {name} under ENVIRONMENT")
    t.check(f"`{name}`" in CLI_DOC, f"docs/cli.md explains {name}")
version = run(vanban, "--version").stdout.decode().split()[-1]
t.check(re.search(r'^\.TH VANBAN 1 "[^"]*" "vanban ' + re.escape(version) + '"', MAN, re.M) is not None,
        f"man/vanban.1 is for vanban {version}")
# The Vietnamese manual page, man/vi/vanban.1: every option, command and environment
# variable of the English one, and it renders as cleanly.
MAN_VI = re.sub(r"\\f[BIRP]", "", read("man/vi/vanban.1")).replace("\\-", "-")
for option in sorted(set(re.findall(r"(?<![\w-])(--[a-z][\w-]*(?:=\w+)?|-[a-zA-Z](?![\w-]))", MAN))):
    t.check(re.search(r"(?<![\w-])" + re.escape(option) + r"(?![\w-])", MAN_VI) is not None,
            f"man/vi/vanban.1 documents {option} (as man/vanban.1 does)")
for command in re.findall(r"^\.TP\n\.B ([a-z]+)$", MAN.split(".SH COMMANDS")[1].split(".SH OPTIONS")[0], re.M):
    t.check(re.search(r"^\.B " + command + r"$", MAN_VI, re.M) is not None, f"man/vi/vanban.1 has a paragraph on `{command}`")
for name in re.findall(r"^\.TP\n\.BR? ([A-Z_]+)\b", MAN.split(".SH ENVIRONMENT")[1].split(".SH FILES")[0], re.M):
    t.check(re.search(r"^\.BR? " + name + r"\b", MAN_VI, re.M) is not None, f"man/vi/vanban.1 explains {name}")
p = run("groff", "-k", "-man", "-Tutf8", "-P-cbou", "-ww", os.path.join(ROOT, "man", "vi", "vanban.1"), check=False)
t.check(p.returncode == 0 and "MÔI TRƯỜNG" in p.stdout.decode() and not p.stderr,
        f"man/vi/vanban.1 renders without a warning: {p.stderr.decode('utf-8', 'replace')[:500]}")
# Rendered as `man -l` does (preconv for the UTF-8, then the man macros), with every warning on.
p = run("groff", "-k", "-man", "-Tutf8", "-P-cbou", "-ww", os.path.join(ROOT, "man", "vanban.1"), check=False)
t.check(p.returncode == 0 and b"EXIT STATUS" in p.stdout and not p.stderr,
        f"man/vanban.1 renders without a warning: {p.stderr.decode('utf-8', 'replace')[:500]}")

# ---------------------------------------------------------------------------------------
# The examples: every YAML example of content-format.md and the README builds, completed
# into a document where it is a fragment (a block, a header, a part file).
PLAIN_HEAD = "style: dang\nkind: bao-cao\n"
ONE_BLOCK = "body:\n  - Một đoạn.\n"


def as_document(example):
    """(document.yaml, part file or None) for an example, or None when it is no kind of
    example this test knows."""
    lines = [line for line in example.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return None
    first = lines[0]
    if re.search(r"^kind:", example, re.M):
        return example, None
    if first.startswith("- "):
        return HEAD + "body:\n" + "".join("  " + line + "\n" for line in example.splitlines()), None
    if first.startswith("body:"):
        return HEAD + example, None
    if first.startswith("header:"):
        return PLAIN_HEAD + "title: Báo cáo thử\n" + example + ONE_BLOCK, None
    if first.startswith("signature:"):
        return HEAD + example + ONE_BLOCK, None
    if first.startswith("variables:"):
        return PLAIN_HEAD + "header:\n  issuer: Chi bộ\n" + example + ONE_BLOCK, None
    if first.startswith("title:"):
        return HEAD + "variables:\n  lan_thu: XVI\nparts: [phan-1.yaml]\n", example
    return None


examples = [("docs/content-format.md", m.group(1)) for m in re.finditer(r"(?ms)^```yaml\n(.*?)^```", CONTENT_DOC)]
examples += [("README.md", m.group(1)) for m in re.finditer(r"(?ms)^```yaml\n(.*?)^```", read("README.md"))]
t.check(len(examples) >= 12, f"the YAML examples are found ({len(examples)})")
with tempfile.TemporaryDirectory() as tmp:
    for i, (page, example) in enumerate(examples):
        made = as_document(example)
        if made is None and all(not line.strip() or line.startswith("#") for line in example.splitlines()):
            continue  # a comment alone (the editor line)
        t.check(made is not None, f"{page}: the example {example[:60]!r} is one this test can complete")
        if made is None:
            continue
        folder = os.path.join(tmp, f"e{i}")
        write_file(os.path.join(folder, "document.yaml"), made[0])
        if made[1] is not None:
            write_file(os.path.join(folder, "phan-1.yaml"), made[1])
        write_file(os.path.join(folder, "quyet-nghi.yaml"), "body:\n  - Một đoạn.\n")
        with open(os.path.join(ROOT, "content", "bao-cao-ubnd-xa", "chu-ky.png"), "rb") as src:
            with open(os.path.join(folder, "chu-ky.png"), "wb") as dst:
                dst.write(src.read())
        p = run(vanban, "build", folder, "-o", os.path.join(tmp, f"e{i}.pdf"), check=False)
        t.check(p.returncode == 0, f"{page}: the example {example[:60]!r} builds: {p.stderr.decode()[:600]}")

# ---------------------------------------------------------------------------------------
# Links.


def slug(heading):
    """The anchor GitHub gives a heading."""
    s = heading.strip().lower().replace("`", "")
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")


pages = [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True))
links = 0
for page in pages:
    text = read(os.path.relpath(page, ROOT))
    text = re.sub(r"(?ms)^```.*?^```", "", text)  # code blocks hold no links
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        links += 1
        where = f"{os.path.relpath(page, ROOT)}: link ({target})"
        if re.match(r"[a-z]+:", target):
            t.check(False, f"{where} leaves the repository")
            continue
        path, _, anchor = target.partition("#")
        dest = os.path.normpath(os.path.join(os.path.dirname(page), path)) if path else page
        inside = os.path.commonpath([dest, ROOT]) == ROOT
        t.check(inside and os.path.exists(dest), f"{where} leads to a file of the repository")
        if anchor and inside and os.path.isfile(dest) and dest.endswith(".md"):
            with open(dest, encoding="utf-8") as f:
                heads = [slug(h) for h in re.findall(r"^#+ (.*)$", f.read(), re.M)]
            t.check(anchor in heads, f"{where}: the heading #{anchor} exists")
t.check(links >= 20, f"links are found in README.md and docs/ ({links})")

t.finish()
