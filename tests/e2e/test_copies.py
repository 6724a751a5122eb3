#!/usr/bin/env python3
"""Numbered copies (`vanban build --copies N`, `--copies-from FILE`), end to end: 300
copies of the sample report (a draft: every page stamped) in one PDF, each page's stamp
read back with pdftotext from the top margin, correct and unique; the file at most the
plain PDF's size plus 2 KB a copy; qpdf --check. A final document is stamped on each
copy's first page only. --copies-from stamps the names, in the document's font subset
(pdffonts: no font but the document's); its mistakes are located errors (exit 1); wrong
options are usage errors (exit 2)."""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run, write_file  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("copies")
DRAFT = os.path.join(ROOT, "content", "bao-cao-chinh-tri")
FINAL = os.path.join(ROOT, "content", "bao-cao-ubnd-xa")


def pages(path):
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", path).stdout.decode()).group(1))


def top_margin_lines(path):
    """The text of each page's top 32 pt (the stamp's band: its baseline is at 10 mm, the
    page numbers' at 14 mm), one entry per page."""
    out = run("pdftotext", "-q", "-x", "0", "-y", "0", "-W", "600", "-H", "32", path, "-").stdout.decode("utf-8")
    return [" ".join(p.split()) for p in out.split("\f")][:-1]


with tempfile.TemporaryDirectory() as tmp:
    plain = os.path.join(tmp, "plain.pdf")
    run(vanban, "build", DRAFT, "-o", plain)
    n = pages(plain)

    out = os.path.join(tmp, "draft.pdf")
    p = run(vanban, "build", DRAFT, "-o", out, "--copies", "300")
    copies = os.path.join(tmp, "draft.copies.pdf")
    t.check(f"wrote {copies}" in p.stderr.decode(), f"names the copies file ({p.stderr.decode()})")
    t.check(pages(copies) == 300 * n, f"300 copies of {n} pages (got {pages(copies)})")
    stamps = top_margin_lines(copies)
    want = [f"Bản số {c:03d}/300" for c in range(1, 301) for _ in range(n)]
    t.check(stamps == want, "every page of every copy of a draft carries its copy's stamp: "
            + "; ".join(f"page {i + 1}: {g!r} for {w!r}" for i, (g, w) in enumerate(zip(stamps, want)) if g != w)[:500])
    t.check(len({s for s in stamps[::n]}) == 300, "the 300 stamps differ")
    size, base = os.path.getsize(copies), os.path.getsize(plain)
    t.check(size <= base + 2048 * 300, f"300 copies: {size} bytes <= {base} + 300 x 2 KB")
    print(f"copies: plain {base} bytes, 300 copies {size} bytes ({(size - base) / 300:.0f} bytes a copy)")
    q = run("qpdf", "--check", copies, check=False)
    t.check(q.returncode == 0, f"qpdf --check ({q.stdout.decode()[-300:]})")
    first = open(copies, "rb").read()
    run(vanban, "build", DRAFT, "-o", out, "--copies=300")
    t.check(open(copies, "rb").read() == first, "same bytes on a second run")

    # A final document: the stamp on each copy's first page only.
    out = os.path.join(tmp, "final.pdf")
    run(vanban, "build", FINAL, "-o", out, "--copies", "3")
    m = pages(out)
    stamps = top_margin_lines(os.path.join(tmp, "final.copies.pdf"))
    want = [f"Bản số {c}/3" if k == 0 else "" for c in range(1, 4) for k in range(m)]
    t.check(stamps == want, f"final: first pages stamped only ({stamps[:6]} for {want[:6]})")

    # Names: the stamp from the style's `delegate` wording, glyphs in the document's subset.
    names = os.path.join(tmp, "dai-bieu.yaml")
    write_file(names, "- Nguyễn Văn An\n- Trần Thị Bình\n- Ông Ích Khiêm\n")
    out = os.path.join(tmp, "names.pdf")
    run(vanban, "build", FINAL, "-o", out, "--copies-from", names)
    named = os.path.join(tmp, "names.copies.pdf")
    stamps = top_margin_lines(named)[::m]
    t.check(stamps == ["Đại biểu: Nguyễn Văn An", "Đại biểu: Trần Thị Bình", "Đại biểu: Ông Ích Khiêm"],
            f"--copies-from stamps the names ({stamps})")
    fonts = run("pdffonts", named).stdout.decode().splitlines()[2:]
    t.check(fonts and all(re.match(r"[A-Z]{6}\+", f) and " yes " in f for f in fonts),
            "the stamp's font is an embedded subset:\n" + "\n".join(fonts))

    for text, message in (("a: b\n", "must be a list of names"), ("- An\n- {x: 1}\n", "a name, not"),
                          ("- An\n- ''\n", "an empty name"), ("[]\n", "the delegates list is empty"),
                          ("- [unclosed\n", "error")):
        write_file(names, text)
        p = run(vanban, "build", FINAL, "-o", os.path.join(tmp, "bad.pdf"), "--copies-from", names, check=False)
        err = p.stderr.decode()
        t.check(p.returncode == 1 and message in err and re.search(re.escape(names) + r":\d+:\d+: error:", err),
                f"{text!r}: located error with {message!r} (exit {p.returncode}: {err[:300]})")
        t.check(not os.path.exists(os.path.join(tmp, "bad.pdf")), f"{text!r}: nothing written")
    p = run(vanban, "build", FINAL, "-o", os.path.join(tmp, "bad.pdf"), "--copies-from", os.path.join(tmp, "none.yaml"),
            check=False)
    t.check(p.returncode == 1 and "cannot read" in p.stderr.decode(), f"a missing list: exit 1 ({p.stderr.decode()[:200]})")

    for bad in (["--copies", "0"], ["--copies", "x"], ["--copies", "10000"], ["--copies", "2", "--copies-from", names],
                ["--copies"], ["--copies", "3", "--dump=pages"]):
        p = run(vanban, "build", FINAL, "-o", os.path.join(tmp, "bad.pdf"), *bad, check=False)
        t.check(p.returncode == 2, f"{' '.join(bad)}: usage error (exit {p.returncode}: {p.stderr.decode()[:200]})")

t.finish()
