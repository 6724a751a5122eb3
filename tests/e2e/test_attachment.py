#!/usr/bin/env python3
"""An attachment issued as a file of its own (`kind: phu-luc`; NĐ 30/2020, Phụ lục I, I.8.b
and III.1.d), built from the sample content/quyet-dinh-ubnd-xa-phu-luc and judged by
readers that are not our code (pdftotext -bbox, qpdf's QDF form, pdfsig):

- page 1 starts with the appendix heading ("Phụ lục", the title in capitals, "(Kèm theo
  Quyết định số 36/QĐ-UBND ngày … của …)") and has no header grid and no closing block;
- `--final` leaves one empty signature field, `attachment-1`, on page 1: its right edge at
  the right margin, wholly inside the top margin, over no word; its /TU is the number and
  symbol; a draft build has no field;
- `vanban sign --field attachment-1` (and `sign` with no --field) signs into it: pdfsig
  calls the signature valid and names the field, and the page then shows the number and
  symbol and a `+07:00` time inside the field, their ends at its right edge; --image is
  refused for such a field, with no file written; PDFBox Preflight accepts a PDF/A-1b
  build before and after signing;
- `build --unissued` is refused at `kind` (the number it prints is the main document's);
- `attached_to.appendix: 2` prints "Phụ lục II";
- a style whose field cannot fit in the top margin fails the layout check (no PDF)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run, write_file  # noqa: E402
from pki import PASSWORD, make_pki, pdfsig, signature_fields as fields  # noqa: E402
from preflight import preflight  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("attachment")
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}
SAMPLE = os.path.join(ROOT, "content", "quyet-dinh-ubnd-xa-phu-luc")
MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, RIGHT = 20 * MM, 15 * MM  # the nha-nuoc style's margins
ATTACHED = ("(Kèm theo Quyết định số 36/QĐ-UBND ngày 15 tháng 10 năm 2025 "
            "của Chủ tịch Ủy ban nhân dân xã Tân Hòa)")


def words(path, page=1):
    """[(word, xMin, yMin, xMax, yMax)] of a page, y from the top (pdftotext -bbox), NFC."""
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", path, "-"],
                         capture_output=True).stdout.decode()
    return [(unicodedata.normalize("NFC", m[5]), *(float(m[i]) for i in range(1, 5)))
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                                 out)]


def text(ws):
    return " ".join(w[0] for w in ws)


def inside(w, rect, slack=0.5):
    """The word's box (y from the top) lies inside the PDF rectangle (y from the bottom)."""
    x0, y0, x1, y1 = rect
    return (w[1] >= x0 - slack and w[3] <= x1 + slack and w[2] >= PAGE_H - y1 - slack
            and w[4] <= PAGE_H - y0 + slack)


def overlaps(w, rect):
    x0, y0, x1, y1 = rect
    return min(w[3], x1) - max(w[1], x0) > 0.5 and min(w[4], PAGE_H - y0) - max(w[2], PAGE_H - y1) > 0.5


def sign(tmp, src, dst, *extra):
    return run(vanban, "sign", src, "-o", dst, "--p12", os.path.join(tmp, "org.p12"), *extra, env=PASSWORD,
               check=False)


with tempfile.TemporaryDirectory(prefix="vanban-attachment-") as tmp:
    make_pki(tmp)
    draft, final = os.path.join(tmp, "draft.pdf"), os.path.join(tmp, "final.pdf")
    run(vanban, "build", SAMPLE, "-o", draft, env=ENV)
    run(vanban, "build", SAMPLE, "-o", final, "--final", env=ENV)

    # The first page: the heading, no header grid, no closing.
    page1 = words(final)
    all_text = text(page1)
    t.check(all_text.startswith("Phụ lục QUY TRÌNH TIẾP NHẬN HỒ SƠ, TRẢ KẾT QUẢ TẠI BỘ PHẬN MỘT CỬA " + ATTACHED),
            f"page 1 starts with the heading, the title and the (Kèm theo …) line ({all_text[:300]})")
    for absent in ("CỘNG HÒA", "Độc lập", "Số:", "ỦY BAN NHÂN DÂN", "Nơi nhận", "CHỦ TỊCH"):
        t.check(absent not in all_text, f"no header grid or closing block: `{absent}` is not printed")
    t.check(page1 and min(w[2] for w in page1) >= TOP - 1, "the text starts below the top margin")

    # The field: one, on page 1, top right, in the top margin, over no word; /TU = number and symbol.
    t.check(fields(draft) == {}, "a draft build has no signature field")
    found = fields(final)
    t.check(list(found) == ["attachment-1"], f"--final leaves one signature field, attachment-1 ({found})")
    if "attachment-1" in found:
        page, rect, tu, signed = found["attachment-1"]
        x0, y0, x1, y1 = rect
        t.check(page == 1 and not signed, f"the field is on page 1 and empty (page {page})")
        t.check(abs(x1 - (PAGE_W - RIGHT)) < 0.1, f"its right edge is at the right margin ({x1:.2f} vs {PAGE_W - RIGHT:.2f})")
        t.check(y1 <= PAGE_H and y0 >= PAGE_H - TOP, f"it lies within the top margin (y {y0:.2f}..{y1:.2f})")
        t.check(x0 > PAGE_W / 2, f"it is on the right half of the page (x0 {x0:.2f})")
        t.check(abs((x1 - x0) - 60 * MM) < 0.1 and abs((y1 - y0) - 10 * MM) < 0.1,
                f"it is 60 × 10 mm ({(x1 - x0) / MM:.1f} × {(y1 - y0) / MM:.1f} mm)")
        t.check(not [w for w in page1 if overlaps(w, rect)], "no word of the page lies under the field")
        t.check(tu == "36/QĐ-UBND", f"its /TU is the number and symbol ({tu!r})")

        # Signing into it: valid, named, the number and the time drawn inside, right-aligned.
        signed_pdf = os.path.join(tmp, "signed.pdf")
        p = sign(tmp, final, signed_pdf, "--field", "attachment-1")
        t.check(p.returncode == 0, f"sign --field attachment-1 succeeds ({p.stderr.decode()[-300:]})")
        out = pdfsig(signed_pdf)
        t.check("Signature Field Name: attachment-1" in out and "Signature is Valid" in out,
                f"pdfsig: the signature in attachment-1 is valid ({out})")
        ws = [w for w in words(signed_pdf) if w not in page1]
        number = [w for w in ws if w[0] == "36/QĐ-UBND"]
        time = [w for w in ws if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", w[0])]
        t.check(len(number) == 1 and len(time) == 1, f"the page shows the number and a +07:00 time ({ws})")
        if number and time:
            t.check(inside(number[0], rect) and inside(time[0], rect), f"both inside the field ({number}, {time})")
            t.check(number[0][2] < time[0][2], "the number and symbol above the time")
            t.check(abs(number[0][3] - x1) < 1.5 and abs(time[0][3] - x1) < 1.5,
                    f"both end at the field's right edge ({number[0][3]:.2f}, {time[0][3]:.2f}, {x1:.2f})")
            height = time[0][4] - time[0][2]
            t.check(8 < height < 13, f"set in 10 pt (word box {height:.1f} pt high)")
        t.check(fields(signed_pdf)["attachment-1"][3], "the field holds the signature")

        # No --field: the only empty field is the attachment's.
        p = sign(tmp, final, os.path.join(tmp, "signed2.pdf"))
        out = pdfsig(os.path.join(tmp, "signed2.pdf"))
        t.check(p.returncode == 0 and "Signature Field Name: attachment-1" in out and "Signature is Valid" in out,
                f"sign without --field signs into attachment-1 ({out})")

        # An image is refused: the rule shows none.
        png = os.path.join(ROOT, "content", "bao-cao-ubnd-xa", "chu-ky.png")
        refused = os.path.join(tmp, "refused.pdf")
        p = sign(tmp, final, refused, "--field", "attachment-1", "--image", png)
        t.check(p.returncode == 1 and b"shows no image" in p.stderr and not os.path.exists(refused),
                f"--image into attachment-1: refused, exit 1, no file ({p.returncode}, {p.stderr.decode()[-300:]})")

    # PDF/A-1b, before and after the signature (its appearance embeds its own font subset).
    a1b, a1b_signed = os.path.join(tmp, "a1b.pdf"), os.path.join(tmp, "a1b-signed.pdf")
    run(vanban, "build", SAMPLE, "-o", a1b, "--final", "--pdfa", "1b", env=ENV)
    sign(tmp, a1b, a1b_signed)
    for name, (valid, errors) in sorted(preflight([a1b, a1b_signed], tmp).items()):
        t.check(valid, f"PDFBox Preflight: {name} is PDF/A-1b ({errors})")

    # --unissued: the number it prints is the main document's, none of its own to leave blank.
    unissued = os.path.join(tmp, "unissued.pdf")
    p = run(vanban, "build", SAMPLE, "-o", unissued, "--unissued", check=False, env=ENV)
    err = p.stderr.decode()
    t.check(p.returncode == 1 and "document.yaml:11:7: error: an attachment issued as its own file cannot be built "
            "--unissued" in err and not os.path.exists(unissued), f"--unissued is refused at `kind` ({p.returncode}: {err})")

    # The attachment's number among the main document's appendices.
    folder = os.path.join(tmp, "second")
    shutil.copytree(SAMPLE, folder)
    doc = os.path.join(folder, "document.yaml")
    source = open(doc, encoding="utf-8").read()
    write_file(doc, source.replace("  kind: quyet-dinh\n", "  kind: quyet-dinh\n  appendix: 2\n"))
    second = os.path.join(tmp, "second.pdf")
    run(vanban, "build", folder, "-o", second, env=ENV)
    t.check(text(words(second)).startswith("Phụ lục II QUY TRÌNH"), "`appendix: 2` prints `Phụ lục II`")

    # A field that cannot fit in the top margin: the layout check refuses it.
    style = open(os.path.join(ROOT, "styles", "nha-nuoc.yaml"), encoding="utf-8").read()
    t.check("    field-height: 10mm\n" in style, "the State style gives the field's height")
    write_file(os.path.join(folder, "tall.yaml"), style.replace("    field-height: 10mm\n", "    field-height: 30mm\n"))
    write_file(doc, source.replace("style: nha-nuoc\n", "style: tall.yaml\n"))
    tall = os.path.join(tmp, "tall.pdf")
    p = run(vanban, "build", folder, "-o", tall, check=False, env=ENV)
    err = p.stderr.decode()
    t.check(p.returncode == 1 and "signature field attachment-1" in err and not os.path.exists(tall),
            f"a field taller than the top margin: error, no PDF ({p.returncode}: {err[-400:]})")

t.finish()
