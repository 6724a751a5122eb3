#!/usr/bin/env python3
"""Imposition (`vanban build --imposition saddle-stitch`), end to end on the sample report:
the plain PDF is the same bytes as without the option; the imposed PDF beside it has a
front and a back per sheet, on sheets twice as wide, and each half-sheet carries the text
of the page the saddle-stitch order puts there (pdftotext cropped to the half); it passes
qpdf --check, is about the plain PDF's size (pages stored once), and is the same bytes on
every run. Wrong combinations of the options are usage errors."""
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, nfc_words, run  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("imposition")
SAMPLE = os.path.join(ROOT, "content", "bao-cao-chinh-tri")


def pdf_pages(path):
    """(page count, width, height of page 1 in pt) from pdfinfo."""
    info = run("pdfinfo", path).stdout.decode()
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    return count, w, h


def text(path, page, crop=None):
    """The words of one page (from 1), or of the rectangle crop = (x, y, w, h) in pt."""
    args = ["pdftotext", "-q", "-f", str(page), "-l", str(page)]
    if crop:
        args += ["-x", str(int(crop[0])), "-y", str(int(crop[1])), "-W", str(int(crop[2])), "-H", str(int(crop[3]))]
    return nfc_words(run(*args, path, "-").stdout.decode("utf-8"))


def sheet_order(n, signature):
    """The expected [(front_left, front_right), (back_left, back_right)] per sheet, pages from 1,
    None for a blank: the rule of docs/imposition.md, written again here from the docs."""
    per = signature or n
    sheets = []
    for first in range(0, n, per):
        count = min(per, n - first)
        m = (count + 3) // 4 * 4
        at = lambda k: first + k if k <= count else None  # noqa: E731
        for i in range(1, m // 4 + 1):
            sheets.append(((at(m - 2 * i + 2), at(2 * i - 1)), (at(2 * i), at(m - 2 * i + 1))))
    return sheets


def check_imposed(plain, imposed, signature, what):
    n, w, h = pdf_pages(plain)
    sheets = sheet_order(n, signature)
    count, sw, sh = pdf_pages(imposed)
    t.check(count == 2 * len(sheets), f"{what}: {2 * len(sheets)} sides for {n} pages (got {count})")
    t.check(abs(sw - 2 * w) < 0.1 and abs(sh - h) < 0.1, f"{what}: sheet {2 * w:.1f} x {h:.1f} pt (got {sw} x {sh})")
    q = run("qpdf", "--check", imposed, check=False)
    t.check(q.returncode == 0, f"{what}: qpdf --check ({q.stdout.decode()[-300:]})")
    originals = {k: text(plain, k) for k in range(1, n + 1)}
    for s, (front, back) in enumerate(sheets):
        for side, halves in enumerate((front, back)):
            page = 2 * s + side + 1
            for half, k in enumerate(halves):
                got = text(imposed, page, (half * w + 1, 0, w - 2, h))
                want = originals[k] if k else []
                t.check(got == want, f"{what}: side {page} {'right' if half else 'left'} half is "
                        f"{'page ' + str(k) if k else 'blank'} ({' '.join(got[:6])} …)")
    t.check(os.path.getsize(imposed) < 1.1 * os.path.getsize(plain) + 4096,
            f"{what}: imposed {os.path.getsize(imposed)} bytes, plain {os.path.getsize(plain)}")


with tempfile.TemporaryDirectory() as tmp:
    plain = os.path.join(tmp, "plain.pdf")
    run(vanban, "build", SAMPLE, "-o", plain)
    for signature in (0, 8):
        out = os.path.join(tmp, f"s{signature}.pdf")
        args = [vanban, "build", SAMPLE, "-o", out, "--imposition", "saddle-stitch", "--creep=0.2"]
        if signature:
            args += ["--signature", str(signature)]
        p = run(*args)
        imposed = os.path.join(tmp, f"s{signature}.imposed.pdf")
        t.check(f"wrote {imposed}" in p.stderr.decode(), f"names the imposed file ({p.stderr.decode()})")
        t.check(open(out, "rb").read() == open(plain, "rb").read(), f"signature {signature}: the plain PDF unchanged")
        check_imposed(plain, imposed, signature, f"signature {signature}")
        first = open(imposed, "rb").read()
        run(*args)
        t.check(open(imposed, "rb").read() == first, f"signature {signature}: same bytes on a second run")

    # Crop marks: the sheet grows by bleed + 10 mm each side; TrimBox/BleedBox are set.
    out = os.path.join(tmp, "marks.pdf")
    run(vanban, "build", SAMPLE, "-o", out, "--imposition=saddle-stitch", "--crop-marks", "--bleed", "3")
    boxes = run("pdfinfo", "-box", os.path.join(tmp, "marks.imposed.pdf")).stdout.decode()
    t.check(re.search(r"TrimBox:\s+36\.85", boxes) is not None, f"TrimBox starts 13 mm in ({boxes})")
    t.check(re.search(r"BleedBox:\s+28\.35", boxes) is not None, f"BleedBox starts 10 mm in ({boxes})")

    # Without a .pdf extension the suffix is added; --imposition none writes nothing more.
    out = os.path.join(tmp, "noext")
    run(vanban, "build", SAMPLE, "-o", out, "--imposition", "saddle-stitch")
    t.check(os.path.exists(out + ".imposed.pdf"), "noext → noext.imposed.pdf")
    out = os.path.join(tmp, "none.pdf")
    run(vanban, "build", SAMPLE, "-o", out, "--imposition", "none")
    t.check(not os.path.exists(os.path.join(tmp, "none.imposed.pdf")), "--imposition none writes no imposed PDF")

    for bad in (["--creep", "0.3"], ["--imposition", "perfect"], ["--imposition", "saddle-stitch", "--signature", "12"],
                ["--imposition", "saddle-stitch", "--bleed", "3"], ["--imposition", "saddle-stitch", "--creep", "9"],
                ["--imposition", "saddle-stitch", "--creep", "x"], ["--imposition", "saddle-stitch", "--dump=pages"],
                ["--imposition"]):
        p = run(vanban, "build", SAMPLE, "-o", os.path.join(tmp, "bad.pdf"), *bad, check=False)
        t.check(p.returncode == 2, f"{' '.join(bad)}: usage error (exit {p.returncode}: {p.stderr.decode()[:200]})")
    p = run(vanban, "check", SAMPLE, "--imposition", "saddle-stitch", check=False)
    t.check(p.returncode == 2, f"check --imposition: usage error (exit {p.returncode})")

t.finish()
