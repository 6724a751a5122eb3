#!/usr/bin/env python3
"""The closing row across pages (issue 11 bug 2, issue 13): a long `Nơi nhận` list goes on
at the top of the next page(s), at the left margin, at the list's size, while the signature
block stays whole on the page where the closing row starts. Measured from the PDF
(pdftotext's boxes, the content stream's runs): every recipient once and in order, nothing
off the page, no page that could have held more of the list, page numbers on every page
from the second. Box 12 ("PL.(300)") under the last recipient, at the left, in the list's size."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdfgeom  # noqa: E402
from common import Failures, run, write_file  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("closing")
MM = 72 / 25.4


def document(style, recipients, paragraphs=1):
    code = "BC/ĐU" if style == "dang" else "BC-UBND"
    y = [f"style: {style}", "kind: bao-cao", "header:",
         '  issuer: "Đảng ủy xã An Bình"' if style == "dang" else '  issuer: "Ủy ban nhân dân xã An Bình"',
         "  number: 15", f"  code: {code}", "  place: An Bình", "  date: 2025-01-08"]
    if style == "dang":
        y.append('  parent: "Đảng bộ huyện Phong Điền"')
    y += ["title: Báo cáo thử", "body:"]
    y += [f"  - Đoạn văn số {i + 1} của báo cáo, một dòng." for i in range(paragraphs)]
    y += ["signature:", '  authority: "T/M Đảng ủy"' if style == "dang" else '  authority: "TM. Ủy ban nhân dân"',
          "  title: Bí thư" if style == "dang" else "  title: Chủ tịch", '  name: "Trần Văn Bình"', "recipients:"]
    y += [f'  - "Ban Thường vụ số {i + 1}"' for i in range(recipients)]
    return "\n".join(y) + "\n"


def build(tmp, style, recipients, paragraphs=1, extra=""):
    doc = os.path.join(tmp, f"{style}-{recipients}-{paragraphs}{'-x' if extra else ''}")
    write_file(os.path.join(doc, "document.yaml"), document(style, recipients, paragraphs) + extra)
    out = doc + ".pdf"
    p = run(vanban, "build", doc, "-o", out, check=False)
    return p, out


def recipients_by_page(pages):
    """[(page index, number, line)] of the recipient lines, in reading order."""
    out = []
    for pi, page in enumerate(pages):
        for ln in sorted(page.lines, key=lambda ln: ln[2]):
            if ln[0].startswith("- Ban Thường vụ số"):
                out.append((pi, int(ln[0].split("số")[1].strip(" ;.")), ln))
    return out


with tempfile.TemporaryDirectory(prefix="vanban-closing-") as tmp:
    for style in ("nha-nuoc", "dang"):
        for count in (60, 150):
            p, out = build(tmp, style, count)
            err = p.stderr.decode("utf-8", "replace")
            t.check(p.returncode == 0, f"{style} {count} recipients build: {err[:300]}")
            if p.returncode != 0:
                continue
            pages = pdfgeom.read(out)
            found = recipients_by_page(pages)
            t.check([n for _, n, _ in found] == list(range(1, count + 1)),
                    f"{style} {count}: every recipient once, in order ({len(found)} read back)")
            # The signature block whole on the page where the closing row starts.
            sig_pages = {pi for pi, page in enumerate(pages) for ln in page.lines
                         if ln[0] in ("Trần Văn Bình", "TM. ỦY BAN NHÂN DÂN", "T/M ĐẢNG ỦY", "CHỦ TỊCH", "BÍ THƯ")}
            t.check(len(sig_pages) == 1 and found and min(sig_pages) == found[0][0],
                    f"{style} {count}: the signature block on one page, the list's first ({sig_pages})")
            # Continued lines: at the left margin, the first at the top of its page, the list's size.
            left = min(ln[1] for _, _, ln in found)
            t.check(all(abs(ln[1] - left) < 0.6 for _, _, ln in found), f"{style} {count}: every line at the left")
            heights = {round(ln[4] - ln[2], 1) for _, _, ln in found}
            t.check(len(heights) == 1, f"{style} {count}: one size on every page ({heights})")
            first_pages = sorted({pi for pi, _, _ in found})
            t.check(len(first_pages) >= 2, f"{style} {count}: the list continues on another page")
            for pi in first_pages[1:]:
                top = min(ln[2] for q, _, ln in found if q == pi)
                t.check(top < 20 * MM + 10, f"{style} {count}: page {pi + 1}'s list starts at the top ({top:.1f} pt)")
            # Page count right: each page before the last is full (its lowest recipient within
            # two lines of the bottom margin), and no page is empty.
            for pi in first_pages[:-1]:
                bottom = max(ln[4] for q, _, ln in found if q == pi)
                t.check(bottom > pages[pi].height - 20 * MM - 2 * 18,
                        f"{style} {count}: page {pi + 1} full before the list goes on ({bottom:.1f} pt)")
            t.check(first_pages[-1] == len(pages) - 1, f"{style} {count}: the list ends on the last page")
            # Nothing off the page (the layout invariant also refuses it at build time).
            for pi, page in enumerate(pages):
                t.check(all(ln[2] >= 0 and ln[4] <= page.height for ln in page.lines),
                        f"{style} {count}: page {pi + 1} inside the page box")
            # Page numbers go on: "2", "3", ... at the top of every page after the first.
            text = run("pdftotext", "-enc", "UTF-8", out, "-").stdout.decode().split("\f")
            for pi in range(1, len(pages)):
                t.check(text[pi].split() and text[pi].split()[0] == str(pi + 1), f"{style} {count}: page {pi + 1} numbered")

    # The closing row falling at the last lines of a page: find a body length that puts the
    # signature on page 2 with the body's last lines (keep-with-previous), and the list goes on.
    style = "nha-nuoc"
    seen_split = False
    for paragraphs in range(18, 40, 2):
        p, out = build(tmp, style, 24, paragraphs)
        t.check(p.returncode == 0, f"{paragraphs} paragraphs: build {p.stderr.decode()[:200]}")
        if p.returncode != 0:
            break
        pages = pdfgeom.read(out)
        found = recipients_by_page(pages)
        t.check([n for _, n, _ in found] == list(range(1, 25)), f"{paragraphs} paragraphs: 24 recipients in order")
        sig = [pi for pi, page in enumerate(pages) for ln in page.lines if ln[0] == "Trần Văn Bình"]
        t.check(len(sig) == 1, f"{paragraphs} paragraphs: the signer's name once")
        if sig and len({pi for pi, _, _ in found}) > 1:
            seen_split = True
            t.check(found[0][0] == sig[0], f"{paragraphs} paragraphs: the list starts beside the signature")
            title = [pi for pi, page in enumerate(pages) for ln in page.lines if ln[0] == "CHỦ TỊCH"]
            t.check(title == sig, f"{paragraphs} paragraphs: the signature block whole on one page")
    t.check(seen_split, "some body length puts the closing row at a page foot and continues the list")

    # Box 12 (NĐ 30 Phụ lục I, mục III.3): "PL.(300)" at the left under the last recipient, at
    # the list's pitch, in the recipients' size (11 pt State, 12 pt Party), upright; after a
    # list that continues, on the last page.
    for style, count, size in (("nha-nuoc", 4, 11.0), ("dang", 4, 12.0), ("nha-nuoc", 150, 11.0)):
        p, out = build(tmp, style, count, extra="drafter:\n  initials: PL\n  copies: 300\n")
        t.check(p.returncode == 0, f"box 12 {style} {count}: builds {p.stderr.decode()[:300]}")
        if p.returncode != 0:
            continue
        pages = pdfgeom.read(out)
        found = recipients_by_page(pages)
        box = [(pi, ln) for pi, page in enumerate(pages) for ln in page.lines if ln[0] == "PL.(300)"]
        t.check(len(box) == 1, f"box 12 {style} {count}: PL.(300) printed once ({box})")
        if len(box) != 1 or not found:
            continue
        pi, ln = box[0]
        last_pi, _, last = found[-1]
        t.check(pi == last_pi == len(pages) - 1, f"box 12 {style} {count}: on the last recipient's page, the last")
        t.check(abs(ln[1] - last[1]) < 0.6, f"box 12 {style} {count}: at the left, as the list ({ln[1]:.1f}, {last[1]:.1f})")
        pitch = found[-1][2][2] - found[-2][2][2]
        t.check(abs((ln[2] - last[2]) - pitch) < 0.6, f"box 12 {style} {count}: one line under the last recipient")
        run_ = pages[pi].run_at(ln[1], ln[2], ln[4])
        t.check(run_ is not None and abs(run_[1] - size) < 0.01 and "Bold" not in run_[0] and "Italic" not in run_[0],
                f"box 12 {style} {count}: {size} pt upright ({run_})")
t.finish()
