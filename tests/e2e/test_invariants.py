#!/usr/bin/env python3
"""Bug 2's invariant (pipeline/layout/invariants.cpp): a build never exits 0 with text off
the page or on top of other text. Documents with header and signature fields of 1-400
characters and 0-200 recipients, in both styles, are built; each must either give a PDF
that is clean when read back independently (pdftotext's word boxes: inside the page, no
two overlapping), or fail with the invariant's error naming the page and the text. The
table of which fields violate at which length is printed: the header fields and the
signature wrap (the place and date line too, between words, when a long place makes it
wider than its column); recipients that do not fit on the page continue on the next page
(tests/e2e/test_closing.py measures how), so every recipients case must build."""
import os
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Failures, run, write_file  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("invariants")
NS = "{http://www.w3.org/1999/xhtml}"
WORDS = "Thị trấn Phong Điền huyện Phong Điền tỉnh Thừa Thiên Huế xã An Bình Đảng bộ".split()


def text_of(n):
    """About n characters of Vietnamese words (at least one character)."""
    out, i = "", 0
    while len(out) < n:
        out += ("" if not out else " ") + WORDS[i % len(WORDS)]
        i += 1
    return out[:n].strip() or "A"


def document(style, fields, recipients):
    f = dict(issuer="Đảng ủy xã An Bình" if style == "dang" else "Ủy ban nhân dân xã An Bình", place="An Bình",
             parent="Đảng bộ huyện Phong Điền", authority="T/M Đảng ủy" if style == "dang" else "TM. Ủy ban nhân dân",
             name="Trần Văn Bình")
    f.update(fields)
    if "authority" in fields:  # the form of the authority is checked: keep its lead
        f["authority"] = ("T/M " if style == "dang" else "TM. ") + fields["authority"]
    code = "BC/ĐU" if style == "dang" else "BC-UBND"
    y = [f"style: {style}", "kind: bao-cao", "header:", f'  issuer: "{f["issuer"]}"', "  number: 15", f"  code: {code}",
         f'  place: "{f["place"]}"', "  date: 2025-01-08"]
    if style == "dang":
        y.append(f'  parent: "{f["parent"]}"')
    y += ["title: Báo cáo thử", "body:", "  - Một đoạn văn ngắn để thử.", "signature:",
          f'  authority: "{f["authority"]}"', "  title: Bí thư" if style == "dang" else "  title: Chủ tịch",
          f'  name: "{f["name"]}"']
    if recipients:
        y.append("recipients:")
        y += [f'  - "Ban Thường vụ số {i + 1}"' for i in range(recipients)]
    return "\n".join(y) + "\n"


def clean(pdf):
    """What an independent reader finds wrong: words off the page, or overlapping (boxes
    shrunk to their middle band, as pdftotext's boxes include the font's whole ascent and
    descent, which overlap between tight lines)."""
    xml = run("pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-").stdout.decode()
    problems = []
    for pi, page in enumerate(ET.fromstring(xml).iter(NS + "page")):
        w, h = float(page.get("width")), float(page.get("height"))
        boxes = []
        for word in page.iter(NS + "word"):
            x0, y0, x1, y1 = (float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            if x0 < -0.5 or y0 < -0.5 or x1 > w + 0.5 or y1 > h + 0.5:
                problems.append(f"page {pi + 1}: {word.text!r} off the page")
            band = (y1 - y0) * 0.3
            boxes.append((y0 + band, y1 - band, x0, x1, word.text))
        boxes.sort()
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if b[0] >= a[1]:
                    break
                if min(a[3], b[3]) - max(a[2], b[2]) > 0.5:
                    problems.append(f"page {pi + 1}: {b[4]!r} on {a[4]!r}")
    return problems


LENGTHS = (1, 20, 40, 60, 80, 120, 200, 400)
cases = []
for style in ("dang", "nha-nuoc"):
    for field in ("issuer", "place", "parent", "authority", "name"):
        if field == "parent" and style != "dang":
            continue
        for n in LENGTHS:
            cases.append((style, f"{field}={n}", {field: text_of(n)}, 4))
    for r in (0, 1, 20, 60, 100, 150, 200):
        cases.append((style, f"recipients={r}", {}, r))

table = {}
with tempfile.TemporaryDirectory(prefix="vanban-invariants-") as tmp:
    for style, label, fields, recipients in cases:
        doc = os.path.join(tmp, "doc")
        write_file(os.path.join(doc, "document.yaml"), document(style, fields, recipients))
        out = os.path.join(tmp, "out.pdf")
        if os.path.exists(out):
            os.remove(out)
        p = run(vanban, "build", doc, "-o", out, check=False)
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode == 0:
            problems = clean(out)
            # pdftotext drops text outside the page: every recipient must be read back.
            found = run("pdftotext", "-enc", "UTF-8", out, "-").stdout.decode().count("Thường vụ số")
            if found != recipients:
                problems.append(f"{recipients} recipients, {found} read back")
            t.check(not problems, f"{style} {label}: exit 0, so the PDF must be clean: {problems[:3]}")
            verdict = "ok"
        elif "error: page " in err and ("past the" in err or "on top of" in err):
            t.check(not os.path.exists(out), f"{style} {label}: no PDF when the invariant fails")
            # Located at the field that holds the text, and naming it (issue 11, bug 2).
            want = "recipients" if label.startswith("recipients") else "signature" if label.split("=")[0] in (
                "authority", "name") else "header." + label.split("=")[0]
            t.check(f"(`{want}`)" in err and "document.yaml:0:" not in err,
                    f"{style} {label}: the error names `{want}` at its place: {err[:300]}")
            t.check(not label.startswith("recipients"), f"{style} {label}: a long list continues on the next page")
            verdict = "violates"
        else:
            verdict = "other: " + err.split("\n")[0][:100]  # another error (a check, a length)
            t.check(p.returncode == 1, f"{style} {label}: exit {p.returncode}: {err[:300]}")
        table.setdefault(f"{style} {label.split('=')[0]}", []).append(f"{label.split('=')[1]}:{verdict}")
for row, cells in table.items():
    print(f"{row:24} " + "  ".join(cells))
t.finish()
