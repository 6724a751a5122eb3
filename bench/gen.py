#!/usr/bin/env python3
"""Benchmark documents of a given length, made from the sample political report.

Usage:
  gen.py --pages N --out DIR [--typ FILE] [--vanban BIN]
  gen.py --sample --typ FILE          # only the Typst twin of the sample itself

The document takes the level-1 sections of content/bao-cao-chinh-tri (both parts), over and
over, until it holds about N pages of words. Every pass k over the sections varies them, so
that the lines differ from one copy to the next: the sentences of each paragraph and list
item are rotated by k, and the subsections of each section are rotated by k. Parts are as
long as the sample's; the last section is cut at a block boundary to reach the budget.

With --vanban BIN the words-per-page estimate is corrected by building the document with BIN
(at most three times) until it has N pages, or the closest count seen.

--typ FILE also writes the same content as Typst markup, in the conventions of the peer
benchmark (../shared/bench/md2typ.py: A4, Liberation Serif 14 pt, justified, first-line
indent, headings kept with what follows), so that Typst can be timed on the same text.
Standard library and PyYAML only.
"""
import argparse
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "content", "bao-cao-chinh-tri")

# ---------------------------------------------------------------------------- sample


def load_sample():
    with open(os.path.join(SAMPLE, "document.yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    parts = []
    for name in doc["parts"]:
        with open(os.path.join(SAMPLE, name), encoding="utf-8") as f:
            parts.append(yaml.safe_load(f))
    return doc, parts


def words_of(node):
    """Number of words in a section, block, or list of them."""
    if isinstance(node, str):
        return len(node.split())
    if isinstance(node, list):
        return sum(words_of(x) for x in node)
    if isinstance(node, dict):
        n = 0
        for key in ("title", "body", "sections", "list", "paragraph", "quote"):
            if key in node and node[key] is not None:
                n += words_of(node[key])
        return n
    return 0


# ---------------------------------------------------------------------------- variation

SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ“])")


def rotate_text(text, k):
    """Rotates the sentences of a paragraph by k (a one-sentence text is left alone)."""
    sentences = SENTENCE_END.split(text)
    if len(sentences) < 2 or k % len(sentences) == 0:
        return text
    r = k % len(sentences)
    return " ".join(sentences[r:] + sentences[:r])


def vary_block(block, k):
    if isinstance(block, str):
        return rotate_text(block, k)
    if isinstance(block, dict):
        out = dict(block)
        if "list" in out:
            out["list"] = [vary_block(b, k) for b in out["list"]]
        for key in ("paragraph", "quote"):
            if key in out and isinstance(out[key], str):
                out[key] = rotate_text(out[key], k)
        return out
    return block


def vary_section(sec, k):
    out = dict(sec)
    if out.get("body"):
        out["body"] = [vary_block(b, k) for b in out["body"]]
    subs = out.get("sections") or []
    if subs:
        r = k % len(subs)
        out["sections"] = [vary_section(s, k) for s in subs[r:] + subs[:r]]
    return out


def take(sec, budget):
    """A copy of `sec` cut to about `budget` words (whole blocks); None when nothing fits."""
    if words_of(sec) <= budget:
        return sec
    out = {"title": sec["title"]}
    left = budget - words_of(sec["title"])
    if left <= 0:
        return None
    body = []
    for b in sec.get("body") or []:
        w = words_of(b)
        if w > left:
            break
        body.append(b)
        left -= w
    if body:
        out["body"] = body
    subs = []
    if len(body) == len(sec.get("body") or []):
        for s in sec.get("sections") or []:
            t = take(s, left)
            if t is None:
                break
            subs.append(t)
            left -= words_of(t)
            if t is not s:
                break
    if subs:
        out["sections"] = subs
    if not body and not subs:
        return None
    return out


# ---------------------------------------------------------------------------- documents


def build_parts(doc, parts, budget):
    """Parts (title, sections) holding about `budget` words."""
    pool = []  # (part index, level-1 section)
    for i, p in enumerate(parts):
        for s in p.get("sections") or []:
            pool.append((i, s))
    part_words = sum(words_of(p) for p in parts) / len(parts)
    out = []
    used = 0
    k = 0
    cur = None
    while used < budget:
        for src, sec in pool:
            if used >= budget:
                break
            if cur is None or (words_of(cur["sections"]) >= part_words):
                cur = {"title": parts[len(out) % len(parts)]["title"], "sections": []}
                out.append(cur)
                used += words_of(cur["title"])
            s = take(vary_section(sec, k), budget - used)
            if s is None:
                used = budget
                break
            cur["sections"].append(s)
            used += words_of(s)
        k += 1
    return [p for p in out if p["sections"]]


def write_document(doc, parts, folder):
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    head = {k: v for k, v in doc.items() if k != "parts"}
    head["parts"] = [f"phan-{i + 1:04d}.yaml" for i in range(len(parts))]
    dump = dict(allow_unicode=True, sort_keys=False, width=100000)
    with open(os.path.join(folder, "document.yaml"), "w", encoding="utf-8") as f:
        f.write("# Generated by bench/gen.py from content/bao-cao-chinh-tri: do not edit.\n")
        yaml.safe_dump(head, f, **dump)
    for name, part in zip(head["parts"], parts):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            yaml.safe_dump(part, f, **dump)


def count_pages(vanban, folder):
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([vanban, "build", folder, "-o", os.path.join(tmp, "x.pdf")],
                           capture_output=True, text=True)
    m = re.search(r": (\d+) pages", r.stderr)
    if r.returncode != 0 or not m:
        sys.exit(f"gen.py: {vanban} failed on {folder}:\n{r.stderr}")
    return int(m.group(1))


# ---------------------------------------------------------------------------- Typst twin

# The preamble of ../shared/bench/md2typ.py (the peer benchmark's layout model).
TYP_PREAMBLE = r"""#set page(paper: "a4", margin: (top: 20mm, bottom: 20mm, left: 30mm, right: 15mm))
#set text(font: "Liberation Serif", size: 14pt, lang: "vi", hyphenate: false,
          top-edge: 1em, bottom-edge: "baseline")
#set par(justify: true, leading: 3pt, first-line-indent: 0pt)
#show: doc => if sys.version >= version(0, 12, 0) { set par(spacing: 9pt); doc } else { show par: set block(spacing: 9pt); doc }
#show heading: set text(size: 14pt)
#show heading: set block(above: 9pt, below: 9pt)
#show heading.where(level: 1): set align(center)
#show heading.where(level: 1): set block(above: 15pt)
#show heading.where(level: 4): set text(style: "italic")
#show heading.where(level: 5): set text(style: "italic", weight: "regular")
#let cpar(body, bold: false) = align(center, block(above: 9pt, below: 9pt,
  if bold { strong(body) } else { body }))
"""

ORDINALS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]


def typ_inline(s):
    """Plain text -> Typst markup with every special character escaped (as md2typ.py)."""
    s = s.replace("\\*", "*")
    out = []
    for ch in s:
        if ch in "\\#*_`$<>@[]~-.'\"=+/:":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def typ_blocks(blocks, out):
    for b in blocks or []:
        if isinstance(b, str):
            out.append("#h(12.7mm)" + typ_inline(b) + "\n")
        elif isinstance(b, dict) and "list" in b:
            for it in b["list"]:
                if isinstance(it, str):
                    out.append("#h(12.7mm)\\- " + typ_inline(it) + "\n")
                else:
                    typ_blocks([it], out)
        elif isinstance(b, dict) and "paragraph" in b:
            out.append("#h(12.7mm)" + typ_inline(b["paragraph"]) + "\n")


def typ_section(sec, level, labels, out):
    n = labels[-1]
    if level == 1:
        label = roman(n) + " - "
        title = sec["title"].upper()
    elif level == 2:
        label = f"{n} - "
        title = sec["title"]
    elif level == 3:
        label = f"{labels[-2]}.{n} - "
        title = sec["title"]
    else:
        label = chr(ord("a") + (n - 1) % 26) + ") "
        title = sec["title"]
    out.append(f"#heading(level: {min(level + 1, 5)})[#h(12.7mm){typ_inline(label + title)}]\n")
    typ_blocks(sec.get("body"), out)
    for i, s in enumerate(sec.get("sections") or []):
        typ_section(s, level + 1, labels + [i + 1], out)


def write_typ(doc, parts, path):
    h = doc.get("header", {})
    out = [TYP_PREAMBLE]
    for line in ["*", f"Số: -{h.get('code', '')}", "ĐẢNG CỘNG SẢN VIỆT NAM",
                 f"{h.get('place', '')}, ngày tháng năm 20…"]:
        out.append(f"#cpar(bold: false)[{typ_inline(line)}]\n")
    for line in [doc["title"].upper()] + list(doc.get("subtitle") or []):
        out.append(f"#cpar(bold: true)[{typ_inline(line)}]\n")
    for i, p in enumerate(parts):
        word = ORDINALS[i] if i < len(ORDINALS) else str(i + 1)
        out.append(f"#heading(level: 1)[Phần thứ {word}]\n")
        out.append(f"#heading(level: 1)[{typ_inline(p['title'].upper())}]\n")
        for j, s in enumerate(p.get("sections") or []):
            typ_section(s, 1, [j + 1], out)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


# ---------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, help="target length in pages")
    ap.add_argument("--out", help="document folder to write (replaced)")
    ap.add_argument("--typ", help="also write the content as Typst markup to this file")
    ap.add_argument("--vanban", help="vanban binary, to correct the length to --pages")
    ap.add_argument("--sample", action="store_true", help="the sample itself (only with --typ)")
    a = ap.parse_args()

    doc, parts = load_sample()
    if a.sample:
        if not a.typ:
            ap.error("--sample needs --typ")
        write_typ(doc, parts, a.typ)
        return
    if not a.pages or not a.out:
        ap.error("--pages and --out are required")

    # Start from the sample's words per page (15 pages of body and a title block).
    per_page = sum(words_of(p) for p in parts) / 15.5
    best = None
    for _ in range(4 if a.vanban else 1):
        budget = max(1, int(a.pages * per_page))
        gen = build_parts(doc, copy.deepcopy(parts), budget)
        write_document(doc, gen, a.out)
        if not a.vanban:
            best = (0, gen)
            break
        pages = count_pages(a.vanban, a.out)
        if best is None or abs(pages - a.pages) < best[0]:
            best = (abs(pages - a.pages), gen, per_page)
        if pages == a.pages:
            break
        per_page *= a.pages / pages
    if a.vanban and best[0] != 0:
        write_document(doc, best[1], a.out)  # the closest count seen
    if a.typ:
        write_typ(doc, best[1], a.typ)


if __name__ == "__main__":
    main()
