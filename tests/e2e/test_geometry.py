#!/usr/bin/env python3
"""The first and last page of each sample, measured back from the PDF against the
numbers of its style file: margins, the centre of each header column, rules and
their lengths, font size and weight of each element, page numbers, the closing row."""
import os
import re
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run  # noqa: E402
from pdfgeom import MM, read  # noqa: E402

vanban = sys.argv[1]
t = Failures("geometry")


def length(v):
    v = str(v)
    if v.endswith("mm"):
        return float(v[:-2]) * MM
    if v.endswith("pt"):
        return float(v[:-2])
    return float(v)


def near(a, b, tol):
    return a is not None and b is not None and abs(a - b) <= tol


def check_run(page, text, size, weight, where, centre=None, left=None):
    """The line `text`: drawn at `size` in a font of `weight`, centred at `centre` or starting at `left`."""
    ln = page.line(text)
    t.check(ln is not None, f"{where}: `{text}` is on the page")
    if ln is None:
        return None
    r = page.run_at(ln[1], ln[2], ln[4])
    t.check(r is not None, f"{where}: a text run starts where `{text}` does")
    if r:
        t.check(abs(r[1] - size) < 0.01, f"{where}: `{text}` at {size} pt (got {r[1]})")
        bold, italic = "Bold" in r[0], "Italic" in r[0]
        want_bold, want_italic = "bold" in weight, "italic" in weight
        t.check((bold, italic) == (want_bold, want_italic), f"{where}: `{text}` is {weight or 'regular'} ({r[0]})")
    if centre is not None:
        t.check(near((ln[1] + ln[3]) / 2, centre, 1.0),
                f"{where}: `{text}` centred at {centre / MM:.1f} mm (got {(ln[1] + ln[3]) / 2 / MM:.1f})")
    if left is not None:
        t.check(near(ln[1], left, 0.5), f"{where}: `{text}` starts at {left / MM:.1f} mm (got {ln[1] / MM:.1f})")
    return ln


def weight(style):
    return ("bold " if style.get("bold") else "") + ("italic" if style.get("italic") else "")


def rule_under(page, ln, where, fraction=1.0):
    """A rule just below line `ln`, `fraction` of its width, centred under it."""
    cx = (ln[1] + ln[3]) / 2
    want = (ln[3] - ln[1]) * fraction
    for x, y, w, h in page.rules:
        if ln[4] - 2 <= y <= ln[4] + 12 and abs(x + w / 2 - cx) < 1.0:
            t.check(abs(w - want) < 1.5, f"{where}: rule is {fraction:.2f} of its text ({w:.1f} vs {want:.1f} pt)")
            return
    t.check(False, f"{where}: a rule under `{ln[0]}`")


with tempfile.TemporaryDirectory() as tmp:
    for name in ("bao-cao-chinh-tri", "bao-cao-ubnd-xa", "nghi-quyet-chi-bo"):
        folder = os.path.join(ROOT, "content", name)
        raw = open(os.path.join(folder, "document.yaml"), encoding="utf-8").read()
        for k, v in (yaml.safe_load(raw).get("variables") or {}).items():
            raw = raw.replace("{" + k + "}", str(v))
        doc = yaml.safe_load(raw)
        st = yaml.safe_load(open(os.path.join(ROOT, "styles", doc["style"] + ".yaml"), encoding="utf-8"))
        pdf = os.path.join(tmp, name + ".pdf")
        p = run(vanban, "build", folder, "-o", pdf, check=False)
        t.check(p.returncode == 0, f"{name}: builds ({p.stderr.decode()[:500]})")
        if p.returncode != 0:
            continue
        pages = read(pdf)
        first, last = pages[0], pages[-1]
        m = st["page"]["margins"]
        left_edge = length(m["left"])
        text_w = length(st["page"]["size"][0]) - left_edge - length(m["right"])
        hs = st["header"]
        lw = length(hs["left-width"])
        left_c, right_c = left_edge + lw / 2, left_edge + lw + (text_w - lw) / 2

        # Header grid: each element centred in its column, at its size and weight.
        nat = hs["national"]
        for i, line in enumerate(nat):
            ln = check_run(first, line["text"], length(line["style"]["size"]), weight(line["style"]),
                           f"{name} national line", centre=right_c)
            if ln and i == len(nat) - 1:
                rule_under(first, ln, f"{name} national rule")
        issuer = " ".join(doc["header"]["issuer"].split()).upper()
        # The issuer may wrap: its lines, in order, make up the name, each centred in the left column.
        parts = [ln for ln in first.lines if ln[0] in issuer and ln[3] < left_edge + lw and ln[4] < 80 * MM
                 and ln[0] != hs.get("issuer-mark")]
        t.check(" ".join(ln[0] for ln in parts) == issuer, f"{name}: the issuer's lines make `{issuer}` ({parts})")
        for ln in parts:
            check_run(first, ln[0], length(hs["issuer"]["size"]), weight(hs["issuer"]), f"{name} issuer", centre=left_c)
        if parts and hs.get("issuer-rule"):
            widest = max(ln[3] - ln[1] for ln in parts)
            rule_under(first, parts[-1], f"{name} issuer rule", float(hs["issuer-rule"]) * widest / (parts[-1][3] - parts[-1][1]))
        if hs.get("issuer-mark"):
            star = [ln for ln in first.lines if ln[0] == hs["issuer-mark"]]
            t.check(len(star) == 1 and near((star[0][1] + star[0][3]) / 2, left_c, 1.0), f"{name}: `*` centred under the issuer")
        num = doc["header"].get("number")
        if num:
            code = doc["header"]["code"]
            text = hs["number-format"].replace("{number}", f"{num:02d}").replace("{code}", code)
            nln = check_run(first, text, length(hs["number"]["size"]), weight(hs["number"]), f"{name} number",
                            centre=left_c)
        date = doc["header"].get("date")
        if date:
            d, mo = date.day, date.month
            text = (hs["date-format"].replace("{place}", doc["header"]["place"]).replace("{day}", f"{d:02d}" if d < 10 else str(d))
                    .replace("{month}", f"{mo:02d}" if mo < 3 else str(mo)).replace("{year}", str(date.year)))
            dln = check_run(first, text, length(hs["date"]["size"]), weight(hs["date"]), f"{name} date", centre=right_c)
            if num and dln and nln:
                t.check(abs(dln[4] - nln[4]) < 3.0, f"{name}: date on the number's line")
        for mk in doc["header"].get("marks", []):
            ms = st["marks"][mk]
            ln = check_run(first, ms["text"], length(ms["style"]["size"]), weight(ms["style"]), f"{name} mark {mk}")
            if ln and ms.get("frame"):
                boxed = [r for r in first.rules if r[2] > (ln[3] - ln[1]) and r[0] < ln[1] and r[0] + r[2] > ln[3]
                         and ln[2] - 12 < r[1] < ln[2]]
                t.check(bool(boxed), f"{name}: mark {mk} is framed")

        # Body text: justified lines end at the right margin, and the unindented ones start at the left.
        right_edge = left_edge + text_w
        full = [ln for pg in pages for ln in pg.lines if near(ln[3], right_edge, 0.3 * MM)]
        t.check(len(full) >= 3, f"{name}: justified lines end at the right margin ({len(full)})")
        t.check(full and near(min(ln[1] for ln in full), left_edge, 0.3 * MM), f"{name}: text starts at the left margin")

        # Page numbers: none on page 1; centred in the top margin at the style's size from page 2.
        pn = st["page-number"]
        top_margin = length(m["top"])
        t.check(not [ln for ln in first.lines if ln[4] < top_margin], f"{name}: no page number on page 1")
        for i, pg in enumerate(pages[1:], start=2):
            ln = check_run(pg, str(i), length(pn["size"]), "", f"{name} page {i} number", centre=left_edge + text_w / 2)
            if ln:
                r = pg.run_at(ln[1], ln[2], ln[4])
                t.check(r is not None and near(r[3], length(pn["baseline"]), 0.05), f"{name}: page {i} number baseline")

        # The closing row on the last page: "Nơi nhận:" at the left edge, on the authority's line.
        sig = doc.get("signature")
        if sig:
            ss = st["signature"]
            sig_c = left_edge + length(ss["left-width"]) + (text_w - length(ss["left-width"])) / 2
            a = check_run(last, sig["authority"].upper(), length(ss["authority"]["size"]), weight(ss["authority"]),
                          f"{name} authority", centre=sig_c)
            check_run(last, sig["title"].upper(), length(ss["title"]["size"]), weight(ss["title"]), f"{name} title",
                      centre=sig_c)
            nm = check_run(last, sig["name"], length(ss["name"]["size"]), weight(ss["name"]), f"{name} signer",
                           centre=sig_c)
            if a and nm:
                t.check(nm[2] - a[4] >= length(ss["space"]), f"{name}: room for the signature")
            if sig.get("image"):
                ims = last.images
                t.check(len(ims) == 1, f"{name}: the signature image is drawn once on the last page ({ims})")
                if ims and nm:
                    x, y, w, h = ims[0]
                    t.check(near(x + w / 2, sig_c, 1.0), f"{name}: signature image centred in the signature column")
                    t.check(a[4] <= y and y + h <= nm[2], f"{name}: signature image between the title and the name")
            rs = st["recipients"]
            lab = check_run(last, rs["label"], length(rs["label-style"]["size"]), weight(rs["label-style"]),
                            f"{name} recipients label", left=left_edge)
            if lab and a:
                t.check(abs(lab[2] - a[2]) < 3.0, f"{name}: `Nơi nhận:` on the authority's line")
            if lab and rs["label-style"].get("underline"):
                t.check(any(abs(r[0] - lab[1]) < 1 and lab[2] < r[1] < lab[4] + 3 for r in last.rules),
                        f"{name}: `Nơi nhận:` underlined")
            body_lines = [ln for ln in last.lines if ln[2] < (a[2] if a else 0) - 1 and ln[4] > top_margin]
            t.check(len(body_lines) >= 2, f"{name}: the closing row is not alone on its page")


# ---------------------------------------------------------------------------------------
# The forms of issue 13, on their samples: the letter's summary under the number and its
# Kính gửi, a decision's articles numbered on across chapters and its appendix page, the
# minutes' two signature blocks.
def build(tmp, name):
    folder = os.path.join(ROOT, "content", name)
    doc = yaml.safe_load(open(os.path.join(folder, "document.yaml"), encoding="utf-8"))
    st = yaml.safe_load(open(os.path.join(ROOT, "styles", doc["style"] + ".yaml"), encoding="utf-8"))
    pdf = os.path.join(tmp, name + ".pdf")
    p = run(vanban, "build", folder, "-o", pdf, check=False)
    t.check(p.returncode == 0, f"{name}: builds ({p.stderr.decode()[:500]})")
    return (doc, st, read(pdf)) if p.returncode == 0 else (doc, st, None)


def columns(st):
    m = st["page"]["margins"]
    left_edge = length(m["left"])
    text_w = length(st["page"]["size"][0]) - left_edge - length(m["right"])
    lw = length(st["header"]["left-width"])
    return left_edge, text_w, left_edge + lw / 2


def pitch(st, size):
    """The line box of text at `size`: the body's leading, scaled (docs/styles.md, body)."""
    return length(st["body"]["leading"]) * size / length(st["body"]["size"])


def baseline_in(box, size):
    return (box - size) / 2 + size * 0.8


def baseline(page, ln):
    r = page.run_at(ln[1], ln[2], ln[4])
    return r[3] if r else None


def letter(tmp, name):
    doc, st, pages = build(tmp, name)
    if not pages:
        return
    first = pages[0]
    left_edge, text_w, left_c = columns(st)
    ls, hs = st["forms"]["letter"], st["header"]
    number = [ln for ln in first.lines if ln[0].startswith("Số")]
    t.check(len(number) == 1, f"{name}: one number line ({number})")
    prefix = ls["summary-prefix"].strip()
    summary = first.lines_starting(prefix + " ")
    t.check(len(summary) == 1, f"{name}: the summary starts with `{prefix}` ({[ln[0] for ln in first.lines]})")
    if not number or not summary:
        return
    sz, nz = length(ls["summary"]["size"]), length(hs["number"]["size"])
    check_run(first, summary[0][0], sz, weight(ls["summary"]), f"{name} summary", centre=left_c)
    # NĐ 30 II.5.b: 6 pt below the number: between the number's line box and the summary's.
    nb, sb = baseline(first, number[0]), baseline(first, summary[0])
    want = pitch(st, nz) - baseline_in(pitch(st, nz), nz) + length(ls["summary-gap"]) + baseline_in(pitch(st, sz), sz)
    t.check(near(sb - nb if nb and sb else None, want, 0.3),
            f"{name}: summary {length(ls['summary-gap'])} pt under the number's line ({sb} - {nb} vs {want:.2f})")
    t.check(not first.line(st["kinds"][doc["kind"]].get("name", "CÔNG VĂN")), f"{name}: no type name printed")
    label = ls["kinh-gui"]
    kg = doc["kinh_gui"]
    if isinstance(kg, str):
        ln = first.line(f"{label} {kg}")
        t.check(ln is not None and near((ln[1] + ln[3]) / 2, left_edge + text_w / 2, 1.0),
                f"{name}: one addressee on the `{label}` line, centred ({ln})")
    else:
        lab = first.line(label)
        items = [first.line(ls["item-prefix"] + k + (ls["last-end"] if i == len(kg) - 1 else ls["item-end"]))
                 for i, k in enumerate(kg)]
        t.check(lab is not None and all(items), f"{name}: `{label}` and each addressee with its end ({items})")
        if lab and all(items):
            colon = lab[3] - 0.278 * length(ls["addressee"]["size"])  # the colon's advance in Times
            for it in items:
                t.check(near(it[1], colon, 0.6), f"{name}: `{it[0]}` aligned under the colon ({it[1]:.1f} vs {colon:.1f})")
        rec = pages[-1].line(st["recipients"]["prefix"] + ls["as-above"] + st["recipients"].get("item-end", ""))
        t.check(rec is not None, f"{name}: `{ls['as-above']}` first in Nơi nhận")


def decision(tmp, name):
    doc, st, pages = build(tmp, name)
    if not pages:
        return
    left_edge, text_w, _ = columns(st)
    ds = st["forms"]["decision"]
    order = [ln for pg in pages for ln in pg.lines if re.match(r"(Chương [IVX]+|Điều \d+\.)( |$)", ln[0])]
    articles = [int(re.match(r"Điều (\d+)", ln[0]).group(1)) for ln in order if ln[0].startswith("Điều")]
    chapters = [ln[0] for ln in order if ln[0].startswith("Chương")]
    t.check(chapters == ["Chương I", "Chương II"], f"{name}: chapters numbered in Roman ({chapters})")
    t.check(articles == list(range(1, len(articles) + 1)) and len(articles) >= 4,
            f"{name}: articles numbered on across chapters ({[ln[0][:12] for ln in order]})")
    first_article_of_ii = [ln[0] for ln in order][[ln[0] for ln in order].index("Chương II") + 1]
    t.check(not first_article_of_ii.startswith("Điều 1."), f"{name}: chapter II does not restart at Điều 1")
    for pg in pages:
        for ln in pg.lines:
            if re.match(r"Điều \d+\. ", ln[0]):
                check_run(pg, ln[0], length(st["body"]["size"]), "bold", f"{name} article",
                          left=left_edge + length(ds["article"]["indent"]))
                break
    first = pages[0]
    enact = first.line(st["kinds"][doc["kind"]]["enacting"])
    t.check(enact is not None and near((enact[1] + enact[3]) / 2, left_edge + text_w / 2, 1.0),
            f"{name}: the enacting word centred")
    bases = [first.lines_starting(c.split()[0] + " " + c.split()[1]) for c in doc["can_cu"]]
    t.check(all(bases), f"{name}: each căn cứ starts a line")
    if all(bases):
        for b in bases:
            check_run(first, b[0][0], length(ds["basis"]["size"]), weight(ds["basis"]), f"{name} căn cứ")
    # The appendix: its own page after the signature, its heading centred.
    ap = st["forms"]["appendix"]
    last = pages[-1]
    lab = last.line(ap["single"])
    t.check(lab is not None, f"{name}: the last page starts the appendix with `{ap['single']}`")
    if lab:
        check_run(last, ap["single"], length(ap["label"]["label-style"]["size"]), "bold", f"{name} appendix label",
                  centre=left_edge + text_w / 2)
        above = [ln for ln in last.lines if ln[4] < lab[2] and ln[2] > length(st["page"]["margins"]["top"])]
        t.check(not above, f"{name}: nothing above the appendix label on its page ({above})")
    attached = [ln for ln in last.lines if ln[0].startswith("(Kèm theo Quyết định số 36/QĐ-UBND ngày 15 tháng 10")]
    t.check(len(attached) == 1, f"{name}: `(Kèm theo Quyết định số 36/QĐ-UBND ngày 15 tháng 10 …` under the title")
    # NĐ 30 Phụ lục I, II.9.1.đ: an appendix's pages are numbered on their own: none on its first page.
    top = length(st["page"]["margins"]["top"])
    t.check(not [ln for ln in last.lines if ln[4] < top], f"{name}: no page number on the appendix's first page")
    t.check(len(pages) >= 3 and pages[-2].line(str(len(pages) - 1)) is not None,
            f"{name}: the pages before it keep their numbers")
    sig_page = [i for i, pg in enumerate(pages) if pg.line(doc["signature"]["name"])]
    t.check(sig_page and sig_page[-1] < len(pages) - 1, f"{name}: the appendix starts a page after the signature")


def minutes(tmp, name):
    doc, st, pages = build(tmp, name)
    if not pages:
        return
    left_edge, text_w, _ = columns(st)
    ss = st["signature"]
    lw = length(ss["left-width"])
    last = pages[-1]
    sec = last.line(doc["secretary"]["title"].upper())
    chair = last.line(doc["signature"]["title"].upper())
    t.check(sec is not None and near((sec[1] + sec[3]) / 2, left_edge + lw / 2, 1.0),
            f"{name}: the secretary's block centred in the left column ({sec})")
    t.check(chair is not None and near((chair[1] + chair[3]) / 2, left_edge + lw + (text_w - lw) / 2, 1.0),
            f"{name}: the chair's block centred in the right column ({chair})")
    if sec and chair:
        t.check(abs(sec[4] - chair[4]) < 0.5, f"{name}: both blocks on one line")
    names = [last.line(doc["secretary"]["name"]), last.line(doc["signature"]["name"])]
    t.check(all(names) and abs(names[0][4] - names[1][4]) < 0.5, f"{name}: both names on one line")


with tempfile.TemporaryDirectory() as tmp:
    letter(tmp, "cong-van-ubnd-xa")
    letter(tmp, "cong-van-dang-uy")
    decision(tmp, "quyet-dinh-ubnd-xa")
    minutes(tmp, "bien-ban-hop")
# Stamps (NĐ 30 Phụ lục I, III.2.b: KHẨN 20×8 mm, HỎA TỐC 30×8, THƯỢNG KHẨN 40×8, single
# frame, bright red; secrecy stamps likewise, red): sizes and colour read from the content
# stream, stacked in the style's order (MẬT above KHẨN above the circulation note) whatever
# the document's order, each text inside its frame.
STAMPED = """style: {style}
kind: bao-cao
header:
  issuer: Ủy ban nhân dân xã An Bình
  number: 3
  code: {code}
  place: An Bình
  date: 2025-01-08
  marks: [{marks}]
title: Tình hình năm 2024
body:
  - Một đoạn văn.
"""
RED = (1.0, 0.0, 0.0)
with tempfile.TemporaryDirectory() as tmp:
    for style, code, marks, want in (
        ("nha-nuoc", "BC-UBND", "luu-hanh-noi-bo, khan, mat",
         [("MẬT", 20, RED), ("KHẨN", 20, RED), ("LƯU HÀNH NỘI BỘ", None, (0.0, 0.0, 0.0))]),
        ("nha-nuoc", "BC-UBND", "hoa-toc, tuyet-mat", [("TUYỆT MẬT", 40, RED), ("HỎA TỐC", 30, RED)]),
        ("dang", "BC/ĐU", "thuong-khan, toi-mat", [("TỐI MẬT", 30, RED), ("THƯỢNG KHẨN", 40, RED)]),
    ):
        where = f"stamps {style} [{marks}]"
        src = os.path.join(tmp, "stamped.yaml")
        with open(src, "w", encoding="utf-8") as f:
            f.write(STAMPED.format(style=style, code=code, marks=marks))
        pdf = os.path.join(tmp, "stamped.pdf")
        p = run(vanban, "build", src, "-o", pdf, check=False)
        t.check(p.returncode == 0, f"{where}: builds ({p.stderr.decode()[:300]})")
        if p.returncode != 0:
            continue
        page = read(pdf)[0]
        tops = []
        for text, width_mm, colour in want:
            ln = page.line(text)
            t.check(ln is not None, f"{where}: `{text}` printed")
            if ln is None:
                continue
            tops.append(ln[2])
            run_ = page.run_at(ln[1], ln[2], ln[4])
            t.check(run_ is not None and run_[4] == colour, f"{where}: `{text}` in {colour} ({run_ and run_[4]})")
            if width_mm is None:
                continue
            frame = [fr for fr in page.frames if fr[0] <= ln[1] and ln[3] <= fr[0] + fr[2] and fr[1] <= ln[2] and ln[4] <= fr[1] + fr[3]]
            t.check(len(frame) == 1, f"{where}: `{text}` inside one stamp frame ({page.frames})")
            if frame:
                x, y, w, h, stroke = frame[0]
                t.check(abs(w - width_mm * MM) < 0.3 and abs(h - 8 * MM) < 0.3,
                        f"{where}: `{text}` stamp {width_mm}×8 mm (got {w / MM:.1f}×{h / MM:.1f})")
                t.check(stroke == colour, f"{where}: `{text}` frame in {colour} ({stroke})")
                t.check(abs((ln[1] + ln[3]) / 2 - (x + w / 2)) < 1.0, f"{where}: `{text}` centred in its frame")
        t.check(tops == sorted(tops), f"{where}: stacked in the rules' order ({tops})")

    # Dự thảo lần n, and contradictory or repeated marks refused by check (and so by build).
    src = os.path.join(tmp, "draft.yaml")
    with open(src, "w", encoding="utf-8") as f:
        f.write(STAMPED.format(style="dang", code="BC/ĐU", marks="du-thao-lan-3"))
    p = run(vanban, "build", src, "-o", os.path.join(tmp, "draft.pdf"), check=False)
    t.check(p.returncode == 0, f"du-thao-lan-3 builds ({p.stderr.decode()[:300]})")
    if p.returncode == 0:
        t.check(read(os.path.join(tmp, "draft.pdf"))[0].line("Dự thảo lần 3") is not None, "`Dự thảo lần 3` printed")
    for marks, message in (("mat, toi-mat", "marks `mat` and `toi-mat` contradict each other"),
                           ("khan, hoa-toc", "marks `khan` and `hoa-toc` contradict each other"),
                           ("du-thao, du-thao", "mark `du-thao` is given twice"),
                           ("du-thao, du-thao-lan-2", "marks `du-thao` and `du-thao-lan-2` contradict each other")):
        with open(src, "w", encoding="utf-8") as f:
            f.write(STAMPED.format(style="nha-nuoc", code="BC-UBND", marks=marks))
        p = run(vanban, "check", src, check=False)
        err = p.stderr.decode()
        t.check(p.returncode == 1 and message in err and "ô 10a, 10b, 11" in err,
                f"check [{marks}]: an error naming the rule ({err[-400:]})")

# Table columns: a column given narrower than its widest word ("STT" in 4 mm) is widened to
# hold it, whole; `align:` sets each column of the body rows.
TABLE = """style: nha-nuoc
kind: bao-cao
header:
  issuer: Ủy ban nhân dân xã An Bình
  code: BC-UBND
title: Bảng
body:
  - table:
      columns: [STT, Chỉ tiêu, Kế hoạch]
      widths: [4mm, 5, 2]
      align: [center, left, right]
      rows:
        - ["1", Tổng sản phẩm, "1.234,5"]
        - ["12", Thu ngân sách, "12,0"]
"""
with tempfile.TemporaryDirectory() as tmp:
    src, pdf = os.path.join(tmp, "table.yaml"), os.path.join(tmp, "table.pdf")
    with open(src, "w", encoding="utf-8") as f:
        f.write(TABLE)
    p = run(vanban, "build", src, "-o", pdf, check=False)
    t.check(p.returncode == 0, f"table: builds ({p.stderr.decode()[:300]})")
    if p.returncode == 0:
        page = read(pdf)[0]
        stt = page.line("STT")
        t.check(stt is not None, "table: `STT` whole on one line (the column widened, not the word broken)")
        # The column rules: vertical rules of the header row, left to right.
        xs = sorted({round(x + w / 2, 1) for x, y, w, h in page.rules if h > w and stt and y <= stt[2] <= y + h})
        t.check(len(xs) == 4, f"table: 4 column rules ({xs})")
        if stt and len(xs) == 4:
            t.check(xs[0] < stt[1] and stt[3] < xs[1], f"table: `STT` inside its column ({stt[1]:.1f}-{stt[3]:.1f} in {xs[:2]})")
            one, twelve = page.line("1"), page.line("12")
            if one and twelve:
                t.check(abs((one[1] + one[3]) / 2 - (xs[0] + xs[1]) / 2) < 1.0, "table: column 1 centred")
            for text in ("1.234,5", "12,0"):
                ln = page.line(text)
                t.check(ln is not None and abs(ln[3] - xs[3]) < 6.0 and ln[3] < xs[3],
                        f"table: `{text}` right-aligned in the last column ({ln and ln[3]:.1f} vs {xs[3]})")
            ln = page.line("Tổng sản phẩm")
            t.check(ln is not None and ln[1] - xs[1] < 6.0, "table: column 2 left-aligned")

# A line break typed in the YAML (a block scalar) is where the issuer's name breaks.
with tempfile.TemporaryDirectory() as tmp:
    src, pdf = os.path.join(tmp, "issuer.yaml"), os.path.join(tmp, "issuer.pdf")
    with open(src, "w", encoding="utf-8") as f:
        f.write("style: dang\nkind: bao-cao\nheader:\n  issuer: |-\n    Đảng ủy trường đại học\n    sư phạm Huế\n"
                "  code: BC/ĐU\ntitle: Báo cáo\nbody:\n  - Một đoạn văn.\n")
    p = run(vanban, "build", src, "-o", pdf, check=False)
    t.check(p.returncode == 0, f"issuer with a typed line break: builds ({p.stderr.decode()[:300]})")
    if p.returncode == 0:
        page = read(pdf)[0]
        a, b = page.line("ĐẢNG ỦY TRƯỜNG ĐẠI HỌC"), page.line("SƯ PHẠM HUẾ")
        t.check(a is not None and b is not None and a[2] < b[2],
                f"issuer broken where the YAML breaks it: {[ln[0] for ln in page.lines[:4]]}")

t.finish()
