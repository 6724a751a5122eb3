#!/usr/bin/env python3
"""Booklets (docs/booklets.md): the sample content/tai-lieu-dai-hoi and a booklet whose
contents take two pages are built and read back from the PDF: every contents line's page
number is the page where that heading lands (pdftotext per page); every document starts on
a right-hand (odd) page; a page with nothing on it carries no number and no running head;
the page labels (qpdf --json) equal the printed numbers; the bookmarks nest booklet →
document → part → section; pages are A5; the same input gives the same bytes."""
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run, write_file  # noqa: E402
from pdfgeom import read  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("booklet")
MM = 72 / 25.4


def band(pdf, page, top_mm, bottom_mm):
    """The text of page `page` (1-based) between two heights, in mm from the top edge."""
    p = run("pdftotext", "-f", str(page), "-l", str(page), "-x", "0", "-y", str(int(top_mm * MM)), "-W", "1000",
            "-H", str(int((bottom_mm - top_mm) * MM)), "-layout", pdf, "-")
    return p.stdout.decode("utf-8").strip()


def flat(text):
    """Words only: the contents and the body break and punctuate headings differently."""
    return " ".join(re.sub(r"[.,:;]", " ", text).split())


def page_count(pdf):
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf).stdout.decode()).group(1))


def labels(pdf):
    """The label of every page, from /PageLabels (qpdf --json), as a viewer shows it."""
    data = json.loads(run("qpdf", "--json", "--json-key=pagelabels", pdf).stdout)
    ranges = [(r["index"], r["label"]) for r in data["pagelabels"]]
    out = []
    for i in range(page_count(pdf)):
        first, label = [r for r in ranges if r[0] <= i][-1]
        n = label.get("/St", 1) + i - first
        style = label.get("/S")
        out.append(str(n) if style == "/D" else roman(n) if style == "/r" else "")
    return out


def roman(n):
    digits = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    s = ""
    for v, r in digits:
        while n >= v:
            s, n = s + r, n - v
    return s


def outline(pdf):
    """The bookmarks as (depth, title, page from 1)."""
    data = json.loads(run("qpdf", "--json", "--json-key=outlines", pdf).stdout)
    out = []

    def walk(items, depth):
        for o in items:
            out.append((depth, o["title"], o["destpageposfrom1"]))
            walk(o["kids"], depth + 1)
    walk(data["outlines"], 0)
    return out


def verify(pdf, what, min_contents_pages=1):
    n = page_count(pdf)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", run("pdfinfo", pdf).stdout.decode())
    t.check(abs(float(size.group(1)) - 148 * MM) < 1 and abs(float(size.group(2)) - 210 * MM) < 1,
            f"{what}: pages are A5 ({size.group(0)})")
    pages = [run("pdftotext", "-f", str(i), "-l", str(i), "-layout", pdf, "-").stdout.decode() for i in range(1, n + 1)]
    feet = [band(pdf, i, 192, 210) for i in range(1, n + 1)]
    heads = [band(pdf, i, 0, 12) for i in range(1, n + 1)]
    bodies = [band(pdf, i, 12, 192) for i in range(1, n + 1)]
    # The printed numbers are the page labels; a page with nothing on it has neither number nor head.
    lab = labels(pdf)
    for i in range(n):
        if feet[i]:
            t.check(feet[i] == lab[i], f"{what}: page {i + 1} prints {feet[i]!r}, its label is {lab[i]!r}")
        if not bodies[i]:
            t.check(not feet[i] and not heads[i], f"{what}: blank page {i + 1} has no number and no head "
                                                  f"({feet[i]!r}, {heads[i]!r})")
    t.check(not bodies[1] and not feet[1], f"{what}: the back of the cover is blank")
    t.check(not feet[0], f"{what}: the cover carries no number")
    # Documents start on right-hand pages.
    marks = outline(pdf)
    docs = [m for m in marks if m[0] == 1 and m[1] != "MỤC LỤC"]
    t.check(len(docs) >= 1 and all(m[2] % 2 == 1 for m in docs), f"{what}: every document starts on an odd page: {docs}")
    t.check(all(not heads[m[2] - 1] and feet[m[2] - 1] for m in docs),
            f"{what}: a document's first page has its number but no running head")
    t.check(marks[0][0] == 0 and all(m[0] >= 1 for m in marks[1:]), f"{what}: one bookmark for the booklet holds the rest")
    t.check(any(m[0] == 2 for m in marks) and any(m[0] == 3 for m in marks),
            f"{what}: bookmarks nest booklet → document → part → section")
    # Each contents line's number is the page (by its printed number) where the heading lands.
    contents = [i for i in range(2, n) if lab[i] and not lab[i].isdigit() and bodies[i]]
    t.check(len(contents) >= min_contents_pages, f"{what}: the contents take {len(contents)} pages")
    by_number = {feet[i] or lab[i]: i for i in range(n) if lab[i].isdigit()}
    checked = 0
    for i in contents:
        for line in bodies[i].splitlines():
            m = re.match(r"^\s*(.*?)\s*(?:\.\s*){3,}(\d+)\s*$", line)
            if not m:
                continue
            tail = flat(m.group(1)).casefold()
            doc = [d for d in docs if tail and tail in flat(d[1]).casefold()]
            if doc:  # a document's line: the page its bookmark opens
                t.check(lab[doc[0][2] - 1] == m.group(2), f"{what}: contents line {line.strip()!r}: "
                                                           f"the document starts on page {lab[doc[0][2] - 1]}")
            else:
                target = by_number.get(m.group(2))
                ok = target is not None and tail in flat(bodies[target]).casefold()
                t.check(ok, f"{what}: contents line {line.strip()!r}: heading found on page {m.group(2)}")
            checked += 1
    t.check(checked >= len(docs) + 2, f"{what}: contents lines with page numbers were checked ({checked})")
    return pages


with tempfile.TemporaryDirectory() as tmp:
    # The sample.
    pdf = os.path.join(tmp, "sample.pdf")
    p = run(vanban, "build", "content/tai-lieu-dai-hoi", "-o", pdf, check=False)
    err = p.stderr.decode("utf-8")
    t.check(p.returncode == 0, f"the sample booklet builds: {err[-2000:]}")
    if p.returncode == 0:
        pages = verify(pdf, "sample")
        cover = flat(pages[0])
        for words in ["ĐẢNG BỘ XÃ AN BÌNH", "VĂN KIỆN", "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ XÃ AN BÌNH LẦN THỨ I",
                      "NHIỆM KỲ 2025 – 2030", "An Bình tháng 6 năm 2025"]:
            t.check(words in cover, f"the cover says {words!r}: {cover!r}")
        t.check("MỤC LỤC" in pages[2], "the contents start on page iii under MỤC LỤC")
        t.check(any("DỰ THẢO" in pg for pg in pages), "the draft resolution keeps DỰ THẢO")
        again = os.path.join(tmp, "again.pdf")
        run(vanban, "build", "content/tai-lieu-dai-hoi", "-o", again)
        with open(pdf, "rb") as a, open(again, "rb") as b:
            t.check(a.read() == b.read(), "the same booklet gives the same bytes")
        heads = {band(pdf, i, 0, 12) for i in range(1, page_count(pdf) + 1)}
        t.check("Báo cáo kiểm điểm của Ban Chấp hành" in heads, f"running heads carry the short titles: {heads}")

    # Contents over two pages: every heading listed (depth 4), from a copy beside the booklet.
    shutil.copytree(os.path.join(ROOT, "content", "bao-cao-chinh-tri"), os.path.join(tmp, "bao-cao-chinh-tri"))
    shutil.copytree(os.path.join(ROOT, "content", "nghi-quyet-chi-bo"), os.path.join(tmp, "nghi-quyet-chi-bo"))
    with open(os.path.join(ROOT, "styles", "so-tay-a5.yaml"), encoding="utf-8") as f:
        style = f.read().replace("depth: 1 ", "depth: 4 ").replace("place: outer", "place: center")
    t.check("depth: 4" in style, "the two-page contents' style asks for depth 4")
    write_file(os.path.join(tmp, "tap", "sach.yaml"), style)
    write_file(os.path.join(tmp, "tap", "booklet.yaml"),
               "style: sach.yaml\nissuer: ĐẢNG BỘ XÃ AN BÌNH\ntitle: TÀI LIỆU\n"
               "documents: [../nghi-quyet-chi-bo, ../bao-cao-chinh-tri]\n")
    pdf = os.path.join(tmp, "tap.pdf")
    p = run(vanban, "build", os.path.join(tmp, "tap"), "-o", pdf, check=False)
    t.check(p.returncode == 0, f"a booklet with long contents builds: {p.stderr.decode('utf-8')[-2000:]}")
    if p.returncode == 0:
        verify(pdf, "two-page contents", min_contents_pages=2)

    # `toc: false`: no contents, the first document on page iii's place (page 3, labelled 1);
    # a cover image is drawn on the cover and nowhere else.
    shutil.copy(os.path.join(ROOT, "content", "bao-cao-ubnd-xa", "chu-ky.png"), os.path.join(tmp, "tap", "logo.png"))
    write_file(os.path.join(tmp, "tap", "booklet.yaml"),
               "style: sach.yaml\nissuer: ĐẢNG BỘ XÃ AN BÌNH\ntitle: TÀI LIỆU\ntoc: false\ncover-image: logo.png\n"
               "documents: [../nghi-quyet-chi-bo]\n")
    p = run(vanban, "build", os.path.join(tmp, "tap"), "-o", pdf, check=False)
    t.check(p.returncode == 0 and labels(pdf)[2] == "1", "without contents the first document is page 3, labelled 1")
    images = run("pdfimages", "-list", pdf).stdout.decode().splitlines()[2:]
    t.check([line.split()[0] for line in images] == ["1"], f"the cover image is on the cover only: {images}")

    # booklet.yaml's `imposition:` and `copies:` write the printer's files beside the booklet,
    # as --imposition and --copies do: the sample's 30 pages padded to 32, in sections of 16
    # (8 sheets, 16 sides); 3 numbered copies of a one-document booklet, stamped on the cover.
    imposed = os.path.join(tmp, "sample.imposed.pdf")
    t.check(os.path.exists(imposed) and page_count(imposed) == 16,
            f"the sample's imposition key writes its sheets ({os.path.exists(imposed) and page_count(imposed)} sides)")
    write_file(os.path.join(tmp, "tap", "booklet.yaml"),
               "style: sach.yaml\nissuer: ĐẢNG BỘ XÃ AN BÌNH\ntitle: TÀI LIỆU\ncopies: 3\n"
               "documents: [../nghi-quyet-chi-bo]\n")
    p = run(vanban, "build", os.path.join(tmp, "tap"), "-o", pdf, check=False)
    copies = os.path.join(tmp, "tap.copies.pdf")
    t.check(p.returncode == 0 and os.path.exists(copies) and page_count(copies) == 3 * page_count(pdf),
            f"copies: 3 writes three copies of the booklet ({p.stderr.decode('utf-8')[-300:]})")
    if os.path.exists(copies):
        stamps = [flat(run("pdftotext", "-f", str(1 + k * page_count(pdf)), "-l", str(1 + k * page_count(pdf)), copies,
                           "-").stdout.decode("utf-8")) for k in range(3)]
        t.check(all(f"Bản số {k + 1}/3" in stamps[k] for k in range(3)), f"each copy's cover carries its number: {stamps}")

    # A decision in a booklet: its forms' lines (căn cứ, the enacting word, chapters,
    # articles) shrink with the page in the proportion they have to the body on A4.
    shutil.copytree(os.path.join(ROOT, "content", "quyet-dinh-ubnd-xa"), os.path.join(tmp, "quyet-dinh"))
    write_file(os.path.join(tmp, "so-tay-qd", "booklet.yaml"),
               "style: so-tay-a5\nissuer: ỦY BAN NHÂN DÂN XÃ TÂN HÒA\ntitle: TÀI LIỆU\ntoc: false\n"
               "documents: [../quyet-dinh]\n")
    a5, a4 = os.path.join(tmp, "so-tay-qd.pdf"), os.path.join(tmp, "quyet-dinh.pdf")
    p = run(vanban, "build", os.path.join(tmp, "so-tay-qd"), "-o", a5, check=False)
    q = run(vanban, "build", os.path.join(tmp, "quyet-dinh"), "-o", a4, check=False)
    t.check(p.returncode == 0 and q.returncode == 0, f"a booklet of a decision builds ({p.stderr.decode()[-300:]})")
    if p.returncode == 0 and q.returncode == 0:
        def sizes(pdf):
            """{line start: font size} of the forms' lines, and the most common size (the body's on A4)."""
            found, count = {}, {}
            for pg in read(pdf):
                for r in pg.runs:
                    count[round(r[1], 2)] = count.get(round(r[1], 2), 0) + 1
                for ln in pg.lines:
                    for start in ("Căn cứ Luật", "QUYẾT ĐỊNH:", "Chương I", "Điều 1."):
                        runs = [r for r in pg.runs if abs(r[2] - ln[1]) < 0.6 and ln[2] - 1 <= r[3] <= ln[4] + 1]
                        if ln[0].startswith(start) and runs and start not in found:
                            found[start] = runs[0][1]
            return found, max(count, key=count.get)
        (book, _), (page, page_body) = sizes(a5), sizes(a4)
        book_body = float(re.search(r"^body-size: ([\d.]+)pt", open(os.path.join(ROOT, "styles", "so-tay-a5.yaml"),
                                                                    encoding="utf-8").read(), re.M)[1])
        t.check(len(book) == 4 and set(book) == set(page), f"the forms' lines are found in both ({book}, {page})")
        for start, size in book.items():
            want = page[start] * book_body / page_body
            t.check(abs(size - want) < 0.1, f"`{start}` at {size} pt in the booklet, {want:.2f} expected "
                                            f"({page[start]} pt on A4 with a {page_body} pt body, {book_body} pt here)")

    # `vanban check` on a booklet checks each of its documents.
    p = run(vanban, "check", "content/tai-lieu-dai-hoi", check=False)
    t.check(p.returncode == 0 and b"check: 0 errors" in p.stderr, f"check of the sample booklet: {p.stderr[-500:]}")

t.finish()
