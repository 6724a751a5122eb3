#!/usr/bin/env python3
"""Regenerates the committed seed corpora fuzz/corpus/<target>/ from the sample documents
in content/, the golden documents and the bad-input catalogue tests/bad/ (files.hpp
explains the multi-file input format). Seeds stay small: under 64 KB each, a few dozen
per target. Run it after adding catalogue cases; commit the result.

Usage: fuzz/make-corpus.py
"""
import hashlib
import os
import re

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
LIMIT = 64 * 1024
# Catalogue cases that get past the loader, so that the build target starts from them too.
BUILD_CASES = ("style-", "table-", "word-", "image-", "missing-glyph", "control-char", "one-file", "include-")


def folder_input(folder, only=None):
    """document.yaml and the other YAML files of a folder as one input, or None if too big."""
    # The YAML files and whatever else the document names (signature images); not the
    # catalogue's own `expect`, `generate.py` or README.
    names = sorted(n for n in os.listdir(folder) if n != "document.yaml" and os.path.isfile(os.path.join(folder, n))
                   and n not in ("expect", "generate.py", "README.md") and not n.endswith((".py", ".md")))
    if only is not None:
        names = [n for n in names if n in only]
    path = os.path.join(folder, "document.yaml")
    if not os.path.isfile(path):
        return None
    data = open(path, "rb").read()
    for n in names:
        data += b"\n#=== " + n.encode() + b"\n" + open(os.path.join(folder, n), "rb").read()
    return data


def put(target, data, label):
    if data is None or len(data) >= LIMIT:
        return
    name = re.sub(r"[^a-z0-9-]+", "-", label.lower()).strip("-")
    name += "-" + hashlib.sha1(data).hexdigest()[:8]
    with open(os.path.join(OUT, target, name), "wb") as f:
        f.write(data)


def inline_strings(node, out):
    if isinstance(node, str):
        out.append(node)
    elif isinstance(node, list):
        for x in node:
            inline_strings(x, out)
    elif isinstance(node, dict):
        for v in node.values():
            inline_strings(v, out)


def main():
    # The seeds this script writes are named `<label>-<8 hex>` and are made anew; the inputs
    # libFuzzer saved (named by their 40-hex SHA-1: crashes turned regression seeds, and
    # inputs that reached new code) were found, not written, and stay.
    for target in ("load", "build", "inline"):
        folder = os.path.join(OUT, target)
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            if not re.fullmatch(r"[0-9a-f]{40}", name):
                os.remove(os.path.join(folder, name))

    folders = []
    for base in ("content", os.path.join("tests", "golden"), os.path.join("tests", "bad")):
        d = os.path.join(ROOT, base)
        if os.path.isdir(d):
            folders += [(base, os.path.join(d, n)) for n in sorted(os.listdir(d)) if os.path.isdir(os.path.join(d, n))]

    per_kind = {}
    for base, folder in folders:
        label = os.path.basename(folder)
        if base == "tests/bad":
            # At most two catalogue cases of each kind (the name up to its first `-`): the
            # fuzzer mutates its way to the others; the corpus stays a few dozen files.
            kind = label.split("-")[0]
            per_kind[kind] = per_kind.get(kind, 0) + 1
            if per_kind[kind] > 2 and not label.startswith(BUILD_CASES):
                continue
        if base == "tests/bad" and "skip-asan:" in open(os.path.join(folder, "expect"), encoding="utf-8").read():
            continue  # needs more memory or time than a fuzzing run gives one input
        data = folder_input(folder)
        if data is not None and len(data) >= LIMIT:
            # The sample report is too big as one seed: one seed per part file.
            for part in sorted(n for n in os.listdir(folder) if n.endswith(".yaml") and n != "document.yaml"):
                d = folder_input(folder, only={part})
                put("load", d, f"{label}-{part}")
                if base == "content":
                    put("build", d, f"{label}-{part}")
            continue
        put("load", data, label)
        # The build target gets the good documents and the catalogue cases that reach layout
        # (style, fonts, tables, long words); pure YAML errors are the load target's business.
        if base != "tests/bad" or label.startswith(BUILD_CASES):
            put("build", data, label)

    # Inline: every distinct text of the good documents that carries markup, a variable or
    # a placeholder, plus hand-written edge cases.
    texts = set()
    for base, folder in folders:
        if base == "tests/bad":
            continue
        for n in sorted(os.listdir(folder)):
            if n.endswith(".yaml"):
                try:
                    out = []
                    inline_strings(yaml.safe_load(open(os.path.join(folder, n), encoding="utf-8")), out)
                    texts.update(t for t in out if re.search(r"[*{}…]|\.\.\.", t))
                except yaml.YAMLError:
                    pass
    for t in sorted(texts)[:30]:
        put("inline", t.encode(), "text")
    for i, t in enumerate(["**đậm** và *nghiêng* và ***cả hai***", "\\*literal\\* {{braces}} }}", "{dang_bo} khóa {khoa}",
                           "{x}{x}**{empty}", "ngày … tháng .... năm 20…", "**unclosed", "*a **b***", "{", "}", "{}",
                           "{không có}", "****", "a\u0301 NFD ê\u0300", "\\", "{dots}..."]):
        put("inline", t.encode(), f"edge-{i}")


if __name__ == "__main__":
    main()
