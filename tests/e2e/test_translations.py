#!/usr/bin/env python3
"""The Vietnamese catalogue, po/vi.po, against the sources:

- every message the sources mark (xgettext with the build's keywords, scripts/extract-messages.sh)
  has a non-empty, non-fuzzy translation in po/vi.po, and msgfmt --check accepts the file;
- a translation has the placeholders of its message: as many `{}`, the same numbered `{0}`..`{9}`
  (a lost or extra placeholder would drop a name or print `{}`);
- no message is left out of the catalogue: a string literal written straight into a diagnostic
  (`fail(...)`, `diags.error/warn(...)`, `Diagnostic{...}`, `Problem{...}`, `usage_error(...)`,
  `hint = ...`) instead of through tr() is listed. Files still to convert are in REMAINING below:
  they are printed as such, and a file in it that has nothing left to convert fails the test
  (remove it from the list), so the list can only shrink.
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures  # noqa: E402

t = Failures("translations")

# Files whose messages are not yet written through tr() (see the report of branch i18n).
REMAINING = set()

def unescape(s):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(m.group(1), m.group(1)), s)

def read_po(path):
    """{msgid (or (msgid, plural)): (msgstr list, fuzzy)} of a .po/.pot file, header left out."""
    out = {}
    for block in open(path, encoding="utf-8").read().split("\n\n"):
        fields, cur, fuzzy = {}, None, False
        for line in block.split("\n"):
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if m:
                cur = m.group(1)
                fields[cur] = unescape(m.group(2))
            elif line.startswith('"') and cur:
                fields[cur] += unescape(line[1:-1])
            elif line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("#~"):
                fields = {}
                break
        if not fields.get("msgid"):
            continue
        key = (fields["msgid"], fields["msgid_plural"]) if "msgid_plural" in fields else fields["msgid"]
        strs = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
        out[key] = (strs, fuzzy)
    return out

def placeholders(s):
    """The arguments a template uses: `{}` takes the next one, `{N}` the N-th (from 0)."""
    used, following = set(), 0
    for p in re.findall(r"\{\d?\}", s):
        if p == "{}":
            used.add(following)
            following += 1
        else:
            used.add(int(p[1]))
    return sorted(used)

with tempfile.TemporaryDirectory(prefix="vanban-po-") as tmp:
    pot = os.path.join(tmp, "vanban.pot")
    subprocess.run([os.path.join(ROOT, "scripts", "extract-messages.sh"), "xgettext", pot], check=True, cwd=ROOT)
    wanted = read_po(pot)
    mo = subprocess.run(["msgfmt", "--check", "-o", os.path.join(tmp, "vi.mo"), os.path.join(ROOT, "po", "vi.po")],
                        capture_output=True, text=True)
    t.check(mo.returncode == 0, f"msgfmt --check po/vi.po:\n{mo.stderr}")

catalogue = read_po(os.path.join(ROOT, "po", "vi.po"))
t.check(len(wanted) > 100, f"xgettext found the messages ({len(wanted)})")
for key in wanted:
    msgid = key[0] if isinstance(key, tuple) else key
    got = catalogue.get(key)
    if got is None or got[1] or not all(got[0]):
        t.check(False, f"no Vietnamese translation{' (fuzzy)' if got and got[1] else ''} in po/vi.po for: {msgid!r}")
        continue
    for s in got[0]:
        t.check(placeholders(s) == placeholders(msgid if not isinstance(key, tuple) else key[1]),
                f"the translation of {msgid!r} uses the arguments {placeholders(s)}, "
                f"its message {placeholders(msgid)}: {s!r}")

# Messages written straight into a diagnostic, not through tr().
CALL = re.compile(r"\b(?:(?:fail|error|warn|stop|bad|usage_error|runtime_error|invalid_argument|convention|unfinished|with_cite|required|entries|map|parse_map|parse|read_listed|suggestion)\s*\(|(?:Diagnostic|Problem)\{)")
ASSIGN = re.compile(r"\b(hint|message|problem)\s*\+?=\s*")
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")

# Files whose printed lines are messages too (the others print dumps, the PDF, data).
PRINTERS = ("pipeline/cli/", "pipeline/sign/tool/", "pipeline/sign/report.cpp")
STREAM = re.compile(r'<<\s*"')
RAW = re.compile(r'R"\(')


def call_text(src, start):
    """The text from `start` to the end of the call or statement it opens."""
    depth, i = 0, start
    while i < len(src):
        c = src[i]
        if c == '"':
            m = LITERAL.match(src, i)
            i = m.end() if m else i + 1
            continue
        if c in "({":
            depth += 1
        elif c in ")}":
            depth -= 1
            if depth <= 0:
                return src[start:i + 1]
        elif c == ";" and depth <= 0:
            return src[start:i]
        i += 1
    return src[start:]

def untranslated(text):
    """Literals with English words in `text` that are not the argument of tr/ntr/N_."""
    found = []
    for m in LITERAL.finditer(text):
        if not WORDS.search(m.group(1)):
            continue
        before = text[:m.start()].rstrip()
        # a literal continued from the one before belongs to the same call
        while (prev := re.search(r'"(?:[^"\\\n]|\\.)*"$', before)):
            before = before[:prev.start()].rstrip()
        if re.search(r"\b(tr|ntr|N_|translate)\($", before) or re.search(r"\bntr\([^()]*,$", before):
            continue
        found.append(m.group(1))
    return found

def strip_comments(src):
    """The source without its comments (lines kept, so that line numbers still hold)."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if c == '"':
            m = LITERAL.match(src, i)
            j = m.end() if m else i + 1
            out.append(src[i:j])
            i = j
        elif c == "'" and re.match(r"'(\\.|[^'\\])'", src[i:i + 4]):
            j = re.match(r"'(\\.|[^'\\])'", src[i:i + 4]).end() + i
            out.append(src[i:j])
            i = j
        elif src.startswith("//", i):
            i = src.find("\n", i) if "\n" in src[i:] else n
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2) + 2 if "*/" in src[i + 2:] else n
            out.append("\n" * src.count("\n", i, j))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)

remaining_left = {}
for base, _, files in os.walk(os.path.join(ROOT, "pipeline")):
    for name in sorted(files):
        if not name.endswith((".cpp", ".hpp")):
            continue
        path = os.path.join(base, name)
        rel = os.path.relpath(path, ROOT)
        src = strip_comments(open(path, encoding="utf-8").read())
        bad = []
        for m in list(CALL.finditer(src)) + list(ASSIGN.finditer(src)):
            for lit in untranslated(call_text(src, m.start())):
                line = src.count("\n", 0, m.start()) + 1
                bad.append(f"{rel}:{line}: {lit[:70]!r}")
        if rel.startswith(PRINTERS):
            # what the commands print (summaries, --help): a literal sent to a stream, and a
            # raw string (a help text) not marked with N_
            for m in STREAM.finditer(src):
                m2 = LITERAL.match(src, m.end() - 1)
                if m2 and WORDS.search(m2.group(1)):
                    bad.append(f"{rel}:{src.count(chr(10), 0, m.start()) + 1}: {m2.group(1)[:70]!r}")
            for m in RAW.finditer(src):
                if not re.search(r"\bN_\($", src[:m.start()].rstrip()):
                    bad.append(f"{rel}:{src.count(chr(10), 0, m.start()) + 1}: a help text not marked with N_")
        if os.environ.get("ONLY") and not rel.startswith(os.environ["ONLY"]):
            continue
        if rel in REMAINING:
            remaining_left[rel] = len(bad)
        else:
            for b in sorted(set(bad)):
                t.check(False, f"a message not written through tr(): {b}")
for rel in sorted(REMAINING) if not os.environ.get("ONLY") else []:
    n = remaining_left.get(rel, 0)
    t.check(n > 0, f"{rel} is in REMAINING but has no message left to convert: remove it from the list")
    if n:
        print(f"NOT YET TRANSLATED: {rel} ({n} messages)", file=sys.stderr)
print(f"{len(wanted)} messages, {len(REMAINING)} files not yet converted")
t.finish()
