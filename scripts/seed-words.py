#!/usr/bin/env python3
"""Check that a content document carries the words of its seed text, in order.

Usage: python3 scripts/seed-words.py content/<doc> <seed.txt> [--words]

The document side: title, subtitle lines, then for each part its title, body and
sections (titles, bodies, lists, quotes, tables) in document order. Inline markup
(`***`, `**`, `*`) is removed, `\\*` becomes `*`, `{name}` is replaced by its
variable, `{{`/`}}` become braces. The header block, signature and recipients are
not walked (the style composes them).

The seed side: the typed labels the style derives are dropped -- part labels
("Phần thứ nhất", "PHẦN THỨ HAI"), heading numbers at the start of a line ("I -",
"1.", "4-", "4.2 -", "1.1-", "a)-") and list markers at the start of a line
("-", "·", "•", "–", "+"). Dashes inside a line are words and must match.

Both sides are NFC-normalised, split on whitespace and compared case-insensitively
(casefold) with difflib.SequenceMatcher. Seed lines before the title line are the
header block and are reported separately. Exit status 0 when every body word of
the seed is matched in order and the document adds no word; 1 otherwise.
Requires PyYAML (Debian: python3-yaml).
"""
import difflib
import os
import re
import sys
import unicodedata

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("seed-words: PyYAML is required (apt-get install python3-yaml)")


def nfc(s):
    return unicodedata.normalize("NFC", s)


# ---------------------------------------------------------------- document side

VAR = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
MARKUP = re.compile(r"(?<!\\)\*+")


def inline(text, variables, where):
    text = str(text)

    def sub(m):
        if m.group(0) == "{{":
            return "{"
        if m.group(0) == "}}":
            return "}"
        name = m.group(1).strip()
        if name not in variables:
            sys.exit(f"seed-words: {where}: unknown variable {{{name}}}")
        return str(variables[name])

    text = VAR.sub(sub, text)
    text = MARKUP.sub("", text)
    return text.replace("\\*", "*")


class Walker:
    def __init__(self, variables):
        self.variables = variables
        self.chunks = []  # (where, text)

    def text(self, where, s):
        self.chunks.append((where, inline(s, self.variables, where)))

    def block(self, where, b):
        if isinstance(b, str):
            self.text(where, b)
        elif isinstance(b, dict):
            if "list" in b:
                for i, item in enumerate(b["list"]):
                    self.block(f"{where}.list[{i}]", item)
            elif "table" in b:
                t = b["table"]
                for c in t.get("columns", []):
                    self.text(where + ".columns", c)
                for r, row in enumerate(t.get("rows", [])):
                    for c in row:
                        self.text(f"{where}.rows[{r}]", c)
            elif "quote" in b:
                self.text(where, b["quote"])
            elif "paragraph" in b:
                self.text(where, b["paragraph"])
            elif "include" in b or "page-break" in b:
                pass  # includes are resolved by the caller via body files; page breaks carry no text
            else:
                sys.exit(f"seed-words: {where}: unknown block {sorted(b)}")
        elif b is None:
            pass
        else:
            self.text(where, str(b))

    def body(self, where, blocks):
        for i, b in enumerate(blocks or []):
            self.block(f"{where}[{i}]", b)

    def section(self, where, sec):
        if sec.get("title") is not None:
            self.text(where + ".title", sec["title"])
        self.body(where + ".body", sec.get("body"))
        for i, s in enumerate(sec.get("sections") or []):
            self.section(f"{where}.sections[{i}]", s)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def document_chunks(folder):
    doc = load(os.path.join(folder, "document.yaml"))
    w = Walker(doc.get("variables") or {})
    w.text("document.yaml:title", doc.get("title", ""))
    sub = doc.get("subtitle") or []
    if isinstance(sub, str):
        sub = [sub]
    for i, s in enumerate(sub):
        w.text(f"document.yaml:subtitle[{i}]", s)
    w.body("document.yaml:body", doc.get("body"))
    for p in doc.get("parts") or []:
        part = load(os.path.join(folder, p))
        if part.get("title") is not None:
            w.text(f"{p}:title", part["title"])
        w.body(f"{p}:body", part.get("body"))
        for i, s in enumerate(part.get("sections") or []):
            w.section(f"{p}:sections[{i}]", s)
    return doc, w.chunks


# -------------------------------------------------------------------- seed side

PART_LABEL = re.compile(r"^phần\s+thứ\s+\S+$", re.IGNORECASE)
HEADING_LABEL = re.compile(
    r"^(?:[IVXLC]+\s*-\s+"              # I - / III -
    r"|\d+(?:\.\d+)*(?:\s*-|\.)\s+"      # 1 -  1.  4-  4.2 -  1.1-
    r"|[a-zđ]\)\s*-?\s*)"                # a)-  b)
)
LIST_MARKER = re.compile(r"^[-·•–+]\s+")


def seed_lines(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read().split("\n")
    out = []  # (line number, text after dropping labels, dropped label)
    for n, line in enumerate(raw, 1):
        s = nfc(line).strip()
        if not s:
            continue
        if PART_LABEL.match(s):
            out.append((n, "", s))
            continue
        label = ""
        m = HEADING_LABEL.match(s) or LIST_MARKER.match(s)
        if m:
            label, s = m.group(0).strip(), s[m.end():]
        out.append((n, s, label))
    return out


# ---------------------------------------------------------------------- compare

def tokens(chunks):
    toks, where = [], []
    for w, text in chunks:
        for t in nfc(text).split():
            toks.append(t)
            where.append(w)
    return toks, where


def main(argv):
    words_only = "--words" in argv
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    folder, seed = args
    doc, chunks = document_chunks(folder)
    if words_only:
        print("\n".join(tokens(chunks)[0]))
        return 0

    lines = seed_lines(seed)
    title = nfc(str(doc.get("title", ""))).casefold()
    body_start = next((n for n, s, _ in lines if s.casefold() == title), 0)
    seed_chunks = [(n, s) for n, s, _ in lines]
    labels = [(n, lab) for n, _, lab in lines if lab]

    s_toks, s_where = tokens(seed_chunks)
    d_toks, d_where = tokens(chunks)
    sm = difflib.SequenceMatcher(None, [t.casefold() for t in s_toks],
                                 [t.casefold() for t in d_toks], autojunk=False)
    body_idx = [i for i, n in enumerate(s_where) if n >= body_start]
    matched = set()
    for a, b, size in sm.get_matching_blocks():
        matched.update(range(a, a + size))

    header_miss, body_problems = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        seed_part = " ".join(s_toks[i1:i2])
        doc_part = " ".join(d_toks[j1:j2])
        sline = s_where[i1] if i1 < len(s_where) else None
        if op == "delete" and all(s_where[i] < body_start for i in range(i1, i2)):
            header_miss.append((sline, seed_part))
            continue
        loc = d_where[j1] if j1 < len(d_where) else (d_where[-1] if d_where else "?")
        if op == "insert":  # nothing on the seed side: say which seed word it follows
            sline = f"{s_where[i1 - 1]} (after {s_toks[i1 - 1]!r})" if i1 > 0 else "start"
        body_problems.append((op, sline, seed_part, doc_part, loc))

    n_body = len(body_idx)
    n_body_ok = sum(1 for i in body_idx if i in matched)
    print(f"seed: {seed}")
    print(f"document: {folder} ({len(d_toks)} words)")
    print(f"seed words: {len(s_toks)} total, {n_body} in the body (from line {body_start})")
    print(f"matched in order: {len(matched)}/{len(s_toks)} = {100.0 * len(matched) / max(1, len(s_toks)):.2f}% of all seed words")
    print(f"matched in order: {n_body_ok}/{n_body} = {100.0 * n_body_ok / max(1, n_body):.2f}% of body words")
    print(f"typed labels dropped from the seed: {len(labels)} "
          f"({', '.join(sorted({lab for _, lab in labels}))})")
    print()
    print(f"header block (seed lines before the title, not body text): {len(header_miss)} run(s)")
    for n, s in header_miss:
        print(f"  seed l.{n}: {s!r}")
    print()
    print(f"body mismatches: {len(body_problems)}")
    for op, n, s, d, loc in body_problems:
        print(f"  {op:7} seed l.{n}: {s!r}\n          doc {loc}: {d!r}")
    return 0 if not body_problems and n_body_ok == n_body else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
