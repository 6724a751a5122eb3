#!/usr/bin/env python3
"""Issue 13's leftovers measured back from the PDF: box 13 (the contact footer at the foot
of page 1, under a rule across the text width, page 1's text above it), parts and
subsections of a decision (text order, sizes, weight, centring), "Kính trình:" of a Party
tờ trình, and its contact footer as the State's."""
import os
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run, write_file  # noqa: E402
from pdfgeom import MM, read  # noqa: E402

vanban = sys.argv[1]
t = Failures("geometry_forms")


def length(v):
    v = str(v)
    return float(v[:-2]) * MM if v.endswith("mm") else float(v[:-2]) if v.endswith("pt") else float(v)


def near(a, b, tol):
    return a is not None and b is not None and abs(a - b) <= tol


def style(name):
    return yaml.safe_load(open(os.path.join(ROOT, "styles", name + ".yaml"), encoding="utf-8"))


def build(tmp, name, text):
    folder = os.path.join(tmp, name)
    write_file(os.path.join(folder, "document.yaml"), text)
    pdf = os.path.join(tmp, name + ".pdf")
    p = run(vanban, "build", folder, "-o", pdf, check=False)
    return p, (read(pdf) if p.returncode == 0 else None)


def run_of(page, ln):
    """The first text run of the line `ln` (font, size, x, baseline)."""
    best = None
    for r in page.runs:
        if abs(r[2] - ln[1]) < 0.6 and ln[2] - 1 <= r[3] <= ln[4] + 1:
            best = r
    return best


STATE_HEAD = """style: nha-nuoc
kind: thong-bao
header:
  issuer: Ủy ban nhân dân xã An Bình
  code: TB-UBND
title: Lịch tiếp công dân
body:
"""
CONTACT = """contact:
  address: Số 1 đường Trần Phú, xã An Bình
  email: ubnd.anbinh@hatinh.gov.vn
  phone: 0239 3855 123
  fax: 0239 3855 124
"""
# One-line paragraphs: page 1 fills to within a line of its foot, so the footer's room shows.
BODY = "".join(f"  - Ủy ban nhân dân xã thông báo lịch tiếp công dân, đoạn {i}.\n" for i in range(1, 61))

st = style("nha-nuoc")
m = st["page"]["margins"]
left_edge, top_m, bottom_m = length(m["left"]), length(m["top"]), length(m["bottom"])
page_h = length(st["page"]["size"][1])
text_w = length(st["page"]["size"][0]) - left_edge - length(m["right"])
cs = st["contact"]

with tempfile.TemporaryDirectory() as tmp:
    # --- Box 13 ------------------------------------------------------------------------
    p, with_c = build(tmp, "contact", STATE_HEAD + BODY + CONTACT)
    t.check(p.returncode == 0, f"a State document with `contact:` builds ({p.stderr.decode()[:400]})")
    p, without = build(tmp, "plain", STATE_HEAD + BODY)
    t.check(p.returncode == 0, "the same document without `contact:` builds")
    if with_c and without:
        first = with_c[0]
        addr = first.line("Địa chỉ: Số 1 đường Trần Phú, xã An Bình")
        rest = first.line("E-mail: ubnd.anbinh@hatinh.gov.vn; Điện thoại: 0239 3855 123; Fax: 0239 3855 124")
        t.check(addr is not None and rest is not None, f"page 1: the address line, then the other fields ({addr}, {rest})")
        full = [r for r in first.rules if near(r[2], text_w, 0.5) and near(r[0], left_edge, 0.5)]
        t.check(len(full) == 1, f"page 1: one rule across the whole text width ({[r[:3] for r in first.rules]})")
        if addr and rest and full:
            rule = full[0]
            t.check(near(rule[3], length(cs["rule"]), 0.05), f"the rule is {cs['rule']} thick ({rule[3]:.2f})")
            t.check(rule[1] < addr[2] < rest[2], "the rule above the address, the address above the other fields")
            t.check(rest[4] <= page_h - bottom_m + 0.5 and rest[4] > page_h - bottom_m - 12,
                    f"the footer ends at the foot of the text area ({rest[4]:.1f} vs {page_h - bottom_m:.1f})")
            for ln in (addr, rest):
                r = run_of(first, ln)
                t.check(r is not None and near(r[1], length(cs["text"]["size"]), 0.05)
                        and "Bold" not in r[0] and "Italic" not in r[0],
                        f"`{ln[0][:20]}` is {cs['text']['size']} upright ({r})")
                t.check(near((ln[1] + ln[3]) / 2, left_edge + text_w / 2, 1.0), f"`{ln[0][:20]}` centred")
            body = [ln for ln in first.lines if ln[0].startswith("Ủy ban nhân dân xã thông báo")]
            lowest = max(ln[4] for ln in first.lines if ln[2] < rule[1])
            t.check(all(ln[4] < rule[1] for ln in body) and rule[1] - lowest >= length(cs["space-before"]) - 0.5,
                    f"page 1's text ends above the rule, at least {cs['space-before']} clear ({lowest:.1f} vs {rule[1]:.1f})")
            # The text area of page 1 shrank: fewer body lines than without the footer.
            n_with = len([ln for ln in first.lines if ln[2] < rule[1]])
            n_without = len(without[0].lines)
            t.check(n_with < n_without, f"page 1 holds fewer lines with the footer ({n_with} < {n_without})")
        t.check(all(not pg.lines_starting("Địa chỉ:") for pg in with_c[1:]), "the footer is on the first page only")
        t.check(len(with_c) >= 2 and all(len(pg.rules) == 0 or not any(near(r[2], text_w, 0.5) for r in pg.rules)
                                         for pg in with_c[1:]), "no full-width rule after page 1")
        if len(with_c) >= 2 and len(without) >= 2:
            n1, n2 = with_c[1].line("2"), without[1].line("2")
            t.check(n1 is not None and n2 is not None and near(n1[2], n2[2], 0.01) and near(n1[1], n2[1], 0.01),
                    f"page 2's number keeps its place ({n1}, {n2})")
            t.check(not with_c[0].line("1") and not without[0].line("1"), "page 1 still has no number")

    # A footer too long for one line breaks at its separators, never inside a label or a
    # phone number ("Điện / thoại:", "0239 / 3855 123").
    long_contact = """contact:
  address: Số 1 đường Trần Phú, xã An Bình
  email: van.phong.ubnd.xa.an.binh@hatinh.gov.vn
  website: https://anbinh.huyenthachha.hatinh.gov.vn
  phone: 0239 3855 123
  fax: 0239 3855 124
"""
    p, long_c = build(tmp, "contact-long", STATE_HEAD + "  - Một đoạn.\n" + long_contact)
    t.check(p.returncode == 0, f"a long footer builds ({p.stderr.decode()[:400]})")
    if long_c:
        lines = [ln[0] for ln in long_c[0].lines]
        start = next((i for i, x in enumerate(lines) if x.startswith("E-mail:")), None)
        footer = lines[start:] if start is not None else []
        t.check(len(footer) >= 2, f"the fields take more than one line ({footer})")
        for field in ("E-mail: van.phong.ubnd.xa.an.binh@hatinh.gov.vn", "Website: https://anbinh.huyenthachha.hatinh.gov.vn",
                      "Điện thoại: 0239 3855 123", "Fax: 0239 3855 124"):
            t.check(any(field in x for x in footer), f"`{field}` whole on one line ({footer})")

    # --- Parts and subsections of a decision ------------------------------------------
    head = """style: nha-nuoc
kind: quyet-dinh
header:
  issuer: Ủy ban nhân dân xã An Bình
  code: QĐ-UBND
title: Ban hành Quy chế làm việc
authority: Chủ tịch Ủy ban nhân dân xã An Bình
can_cu: Căn cứ Luật Tổ chức chính quyền địa phương
parts: [phan-1.yaml, phan-2.yaml]
"""
    folder = os.path.join(tmp, "decision")
    write_file(os.path.join(folder, "phan-1.yaml"), """title: Những quy định chung
sections:
  - title: Phạm vi và đối tượng
    sections:
      - title: Cán bộ, công chức
        sections:
          - title: Cán bộ
            sections:
              - {title: Phạm vi điều chỉnh, body: [Quy chế này quy định.]}
          - title: Công chức
            sections:
              - {title: Đối tượng áp dụng, body: [Công chức của xã.]}
""")
    write_file(os.path.join(folder, "phan-2.yaml"), """title: Tổ chức thực hiện
sections:
  - title: Điều khoản thi hành
    sections:
      - {title: Hiệu lực thi hành, body: [Quyết định có hiệu lực kể từ ngày ký.]}
""")
    p, pages = build(tmp, "decision", head)
    t.check(p.returncode == 0, f"a decision of two part files with subsections builds ({p.stderr.decode()[:400]})")
    if pages:
        want = ["Phần I", "NHỮNG QUY ĐỊNH CHUNG", "Chương I", "PHẠM VI VÀ ĐỐI TƯỢNG", "Mục 1", "CÁN BỘ, CÔNG CHỨC",
                "Tiểu mục 1", "CÁN BỘ", "Điều 1. Phạm vi điều chỉnh", "Tiểu mục 2", "CÔNG CHỨC",
                "Điều 2. Đối tượng áp dụng", "Phần II", "TỔ CHỨC THỰC HIỆN", "Chương II", "ĐIỀU KHOẢN THI HÀNH",
                "Điều 3. Hiệu lực thi hành"]
        got = [ln[0] for pg in pages for ln in pg.lines if ln[0] in want]
        t.check(got == want, f"parts, chapters, sections, subsections and articles in order, numbered per II.6.đ ({got})")
        ds = st["forms"]["decision"]
        body_size = length(st["body"]["size"])
        for text, key in (("Phần I", "part"), ("Tiểu mục 1", "subsection"), ("NHỮNG QUY ĐỊNH CHUNG", "part")):
            ln = next((ln for pg in pages for ln in pg.lines if ln[0] == text), None)
            pg = next((pg for pg in pages if ln in pg.lines), None)
            r = run_of(pg, ln) if ln else None
            t.check(r is not None and "Bold" in r[0] and near(r[1], body_size, 0.05)
                    and near((ln[1] + ln[3]) / 2, left_edge + text_w / 2, 1.0),
                    f"`{text}` ({key}) bold, {body_size:g} pt, centred on its own line ({r})")

    # --- Kính trình, and the Party's refusal of box 13 --------------------------------
    party = """style: dang
kind: to-trinh
header:
  parent: Đảng bộ huyện Thạch Hà
  issuer: Đảng ủy xã An Bình
  code: TTr/ĐU
title: Về việc đề nghị khen thưởng
kinh_gui: Ban Thường vụ Huyện ủy
body:
  - Đảng ủy xã kính trình Ban Thường vụ Huyện ủy xem xét.
"""
    p, pages = build(tmp, "to-trinh", party)
    t.check(p.returncode == 0, f"a Party tờ trình with `kinh_gui` builds ({p.stderr.decode()[:300]})")
    if pages:
        t.check(pages[0].line("Kính trình: Ban Thường vụ Huyện ủy") is not None and not pages[0].lines_starting("Kính gửi"),
                "a Party tờ trình prints `Kính trình:`, not `Kính gửi:`")
    # HD 36's contact details: the Party style draws them as the State's box 13.
    p, pages = build(tmp, "party-contact", party + "contact:\n  phone: 0239 3855 123\n")
    t.check(p.returncode == 0, f"a Party document with `contact:` builds ({p.stderr.decode()[:300]})")
    if pages:
        dst = style("dang")
        dm = dst["page"]["margins"]
        ln = pages[0].line("Điện thoại: 0239 3855 123")
        dw = length(dst["page"]["size"][0]) - length(dm["left"]) - length(dm["right"])
        rules = [r for r in pages[0].rules if near(r[2], dw, 0.5)]
        t.check(ln is not None and len(rules) == 1 and rules[0][1] < ln[2]
                and ln[4] <= length(dst["page"]["size"][1]) - length(dm["bottom"]) + 0.5,
                f"the Party footer: under a full-width rule at the foot of page 1 ({ln}, {rules})")

t.finish()
