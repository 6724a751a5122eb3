#!/usr/bin/env python3
"""End to end on the sample political report: text, fonts, structure, geometry,
page numbers and reproducibility, all measured from the PDF."""
import difflib
import os
import re
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, nfc_words, run  # noqa: E402

import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location("seed_words", os.path.join(ROOT, "scripts", "seed-words.py"))
seed_words = importlib.util.module_from_spec(spec)
spec.loader.exec_module(seed_words)

vanban = sys.argv[1]
doc = os.path.join(ROOT, "content", "bao-cao-chinh-tri")
t = Failures("sample")
MM = 72 / 25.4

with tempfile.TemporaryDirectory() as tmp:
    a, b = os.path.join(tmp, "a.pdf"), os.path.join(tmp, "b.pdf")
    env = {"SOURCE_DATE_EPOCH": "1764547200"}
    run(vanban, "build", doc, "-o", a, env=env)
    run(vanban, "build", doc, "-o", b, env=env)
    t.check(open(a, "rb").read() == open(b, "rb").read(), "two builds of the same input are byte-identical")
    t.check(not [f for f in os.listdir(tmp) if f not in ("a.pdf", "b.pdf")], "no temporary files left behind")

    # Every source word, in order (case-insensitive: the style upper-cases titles).
    # A spaced "-" at the end of a line is read by pdftotext as a hyphenation mark and dropped
    # (the glyph is in the PDF, as --dump=pages shows), so lone dashes are left out on both sides.
    dash = {"-", "–"}
    src = [w.casefold() for w in seed_words.tokens(seed_words.document_chunks(doc)[1])[0] if w not in dash]
    got = [w.casefold() for w in nfc_words(run("pdftotext", "-enc", "UTF-8", a, "-").stdout.decode()) if w not in dash]
    sm = difflib.SequenceMatcher(None, src, got, autojunk=False)
    matched = sum(bl.size for bl in sm.get_matching_blocks())
    missing = [(src[i1:i2], got[j1:j2]) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag in ("replace", "delete")]
    t.check(matched == len(src), f"pdftotext gives back every source word in order ({matched}/{len(src)}); "
            f"first differences: {missing[:5]}")
    text = run("pdftotext", "-enc", "UTF-8", a, "-").stdout.decode()
    t.check(unicodedata.is_normalized("NFC", text), "extracted text is NFC")
    t.check("…" in text and "...." in text, "placeholders are kept")

    # Fonts: embedded, subset, with ToUnicode.
    rows = run("pdffonts", a).stdout.decode().splitlines()[2:]
    t.check(len(rows) >= 3, f"at least regular, bold and italic fonts ({len(rows)})")
    for r in rows:
        t.check(re.search(r"CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", r) is not None,
                f"font embedded, subset, with ToUnicode: {r}")
        t.check(re.match(r"^[A-Z]{6}\+", r) is not None, f"subset tag on {r.split()[0]}")

    # Structure.
    q = run("qpdf", "--check", a, check=False)
    t.check(q.returncode == 0 and b"No syntax or stream encoding errors" in q.stdout, "qpdf --check is clean")

    # Geometry, measured from the PDF.
    xml = run("pdftotext", "-bbox-layout", "-enc", "UTF-8", a, "-").stdout.decode()
    ns = "{http://www.w3.org/1999/xhtml}"
    root = ET.fromstring(xml)
    lefts, rights = {}, {}
    pages = list(root.iter(ns + "page"))
    t.check(len(pages) >= 10, f"the report runs to many pages ({len(pages)})")
    for pi, page in enumerate(pages):
        words_top = []
        for line in page.iter(ns + "line"):
            ws = list(line.iter(ns + "word"))
            x0 = min(float(w.get("xMin")) for w in ws)
            x1 = max(float(w.get("xMax")) for w in ws)
            lefts[round(x0, 1)] = lefts.get(round(x0, 1), 0) + 1
            rights[round(x1, 1)] = rights.get(round(x1, 1), 0) + 1
        for w in page.iter(ns + "word"):
            if float(w.get("yMax")) < 20 * MM:
                words_top.append((w.text, (float(w.get("xMin")) + float(w.get("xMax"))) / 2))
        if pi == 0:
            t.check(not words_top, f"no page number on page 1 ({words_top})")
        else:
            ok = len(words_top) == 1 and words_top[0][0] == str(pi + 1)
            t.check(ok, f"page {pi + 1}: its number alone in the top margin ({words_top})")
            if ok:
                centre = (30 + (210 - 15)) / 2 * MM
                t.check(abs(words_top[0][1] - centre) < 1.0, f"page {pi + 1}: number centred over the text")
    left = max(lefts.items(), key=lambda kv: kv[1])[0]
    right = max(rights.items(), key=lambda kv: kv[1])[0]
    t.check(abs(left - 30 * MM) <= 0.3 * MM, f"body text starts at 30 mm ({left / MM:.2f} mm)")
    t.check(abs(right - 195 * MM) <= 0.3 * MM, f"justified lines end at 195 mm ({right / MM:.2f} mm)")

    # Info and language.
    info = run("pdfinfo", a).stdout.decode()
    t.check(re.search(r"Title:\s+Báo cáo chính trị", info) is not None, "Info title")
    t.check("Author:" in info, "Info author")
    cat = run("qpdf", "--show-object=trailer", a).stdout.decode()
    t.check("/Root" in cat, "trailer has a root")
    js = run("qpdf", "--json", a).stdout.decode()
    t.check('"/Lang": "u:vi-VN"' in js or '"/Lang": "vi-VN"' in js, "catalog /Lang is vi-VN")
    t.check('"/Outlines"' in js, "document outline present")

t.finish()
