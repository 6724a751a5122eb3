#!/usr/bin/env python3
"""Every kind of each style's table of kinds builds from a minimal document and prints
what its form says: the type name in the title block (report, decision, minutes), or the
title after the letter's prefix under the number and no type name (letter). The enacting
word of a decision follows its căn cứ, which end with the style's punctuation. An unknown
kind is refused with "did you mean" (also in the bad-input catalogue: unknown-kind)."""
import os
import re
import sys
import tempfile
import unicodedata

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run, write_file  # noqa: E402

vanban = sys.argv[1]
t = Failures("kinds")

DOC = """style: {style}
kind: {kind}
header:
  issuer: Ủy ban nhân dân xã An Bình
  number: 7
  code: {code}
  place: An Bình
  date: 2025-03-05
title: thử nghiệm loại văn bản
authority: Chủ tịch Ủy ban nhân dân xã An Bình
can_cu:
  - Căn cứ Luật Tổ chức chính quyền địa phương
  - Căn cứ đề nghị của Văn phòng
body:
  - Một đoạn văn ngắn để thử.
signature:
  title: Chủ tịch
  name: Trần Văn Bình
recipients:
  - "Lưu: VT"
"""


# An attachment issued as a file of its own (form `attachment`) has no signature block,
# recipients or opening of its own: what it is attached to, its title, its body.
ATTACHMENT = """style: {style}
kind: {kind}
header:
  issuer: Ủy ban nhân dân xã An Bình
  number: 7
  code: QĐ-UBND
  date: 2025-03-05
attached_to:
  kind: quyet-dinh
title: thử nghiệm loại văn bản
body:
  - Một đoạn văn ngắn để thử.
"""


def text_of(pdf):
    out = run("pdftotext", "-layout", pdf, "-").stdout.decode()
    return unicodedata.normalize("NFC", " ".join(out.split()))


with tempfile.TemporaryDirectory() as tmp:
    for style in ("nha-nuoc", "dang"):
        with open(os.path.join(ROOT, "styles", style + ".yaml"), encoding="utf-8") as f:
            st = yaml.safe_load(f)
        kinds = st["kinds"]
        t.check(len(kinds) >= 18, f"{style}: the table lists the kinds of the rules ({len(kinds)})")
        for kind, spec in kinds.items():
            code = spec.get("code", "VP")
            code = code[0] if isinstance(code, list) else code
            symbol = f"{code}-UBND" if style == "nha-nuoc" else f"{code}/ĐU"
            folder = os.path.join(tmp, style, kind)
            form = spec.get("form", "report")
            source = ATTACHMENT if form == "attachment" else DOC
            write_file(os.path.join(folder, "document.yaml"), source.format(style=style, kind=kind, code=symbol))
            pdf = os.path.join(tmp, f"{style}-{kind}.pdf")
            p = run(vanban, "build", folder, "-o", pdf, check=False)
            t.check(p.returncode == 0, f"{style} {kind}: builds ({p.stderr.decode()[:400]})")
            if p.returncode != 0:
                continue
            words = text_of(pdf)
            if form == "attachment":
                t.check(words.startswith("Phụ lục THỬ NGHIỆM LOẠI VĂN BẢN (Kèm theo Quyết định số 07/QĐ-UBND"),
                        f"{style} {kind}: the appendix heading and the main document, no header grid ({words[:300]})")
                continue
            if form == "letter":
                prefix = st["forms"]["letter"]["summary-prefix"].strip()
                t.check(f"{prefix} thử nghiệm" in words, f"{style} {kind}: the summary after `{prefix}` ({words[:300]})")
                t.check(spec.get("name", "") not in words, f"{style} {kind}: no type name printed")
            else:
                t.check(spec["name"] in words, f"{style} {kind}: type name `{spec['name']}` printed ({words[:300]})")
            bases = st["forms"]["decision"]
            end, last = bases["basis-end"], bases["basis-last-end"]
            t.check(f"địa phương{end}" in words and f"Văn phòng{last}" in words,
                    f"{style} {kind}: căn cứ end with `{end}` and `{last}` ({words[:400]})")
            if form == "decision" and spec.get("enacting"):
                at = words.find(spec["enacting"])
                t.check(at > words.find(f"Văn phòng{last}") > 0, f"{style} {kind}: `{spec['enacting']}` after the căn cứ")

    # An unknown kind: the error names the nearest kind.
    folder = os.path.join(tmp, "unknown")
    write_file(os.path.join(folder, "document.yaml"), DOC.format(style="nha-nuoc", kind="cong-vn", code="UBND-VP"))
    p = run(vanban, "build", folder, "-o", os.path.join(tmp, "u.pdf"), check=False)
    err = p.stderr.decode()
    t.check(p.returncode == 1 and re.search(r"document.yaml:2:7: error: unknown kind `cong-vn`", err)
            and "did you mean `cong-van`?" in err, f"unknown kind: located error with did-you-mean ({err})")
    p = run(vanban, "check", folder, check=False)
    err = p.stderr.decode()
    t.check(p.returncode == 1 and "unknown kind `cong-vn`" in err, f"check reports the unknown kind ({err})")

t.finish()
