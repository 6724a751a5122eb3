#!/usr/bin/env python3
"""Balanced header lines (issue 13 item 7): the issuer, the authority line, the title and the
summary, when they need two lines or more, break into lines of nearly equal length, only
between syllables, never inside a two-syllable word of a body's or place's name, and never
between a level word (xã, thị trấn, huyện, tỉnh) and its name; a typed newline still wins.
Read from `--dump=lines` (the lines as set) and the PDF (pdftotext)."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Failures, run, write_file  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("balance")


def document(style, issuer, title="Báo cáo thử", parent=None, authority=None, kind="bao-cao"):
    code = "BC/ĐU" if style == "dang" else ("QĐ-UBND" if kind == "quyet-dinh" else "BC-UBND")
    if kind == "cong-van":
        code = "CV/ĐU" if style == "dang" else "UBND-VP"
    y = [f"style: {style}", f"kind: {kind}", "header:", f'  issuer: "{issuer}"', "  number: 15", f"  code: {code}",
         "  place: An Bình", "  date: 2025-01-08"]
    if parent:
        y.append(f'  parent: "{parent}"')
    y += [f'title: "{title}"']
    if authority:
        y += [f'authority: "{authority}"']
    y += ["body:", "  - Một đoạn văn ngắn để thử.", "signature:",
          '  authority: "T/M Đảng ủy"' if style == "dang" else '  authority: "TM. Ủy ban nhân dân"',
          "  title: Bí thư" if style == "dang" else "  title: Chủ tịch", '  name: "Trần Văn Bình"']
    return "\n".join(y) + "\n"


def lines_of(tmp, name, text):
    """The dumped lines (text and natural width for set lines, text alone for fixed runs)."""
    doc = os.path.join(tmp, name)
    write_file(os.path.join(doc, "document.yaml"), text)
    p = run(vanban, "build", doc, "--dump=lines", check=False)
    t.check(p.returncode == 0, f"{name}: builds: {p.stderr.decode()[:300]}")
    out = []
    for ln in p.stdout.decode().splitlines():
        if " | " in ln:
            left, txt = ln.split(" | ", 1)
            width = float(left.split()[1]) if not left.strip().startswith("@") else None
            out.append((txt, width))
    return out


def texts(lines):
    return [x for x, _ in lines]


with tempfile.TemporaryDirectory(prefix="vanban-balance-") as tmp:
    # The rules' example: the body's name over its level and place.
    got = texts(lines_of(tmp, "thi-tran", document("nha-nuoc", "Ủy ban nhân dân thị trấn Phong Điền")))
    t.check("ỦY BAN NHÂN DÂN" in got and "THỊ TRẤN PHONG ĐIỀN" in got, f"issuer over two lines as the rules: {got[:4]}")
    got = texts(lines_of(tmp, "xa", document("nha-nuoc", "Ủy ban nhân dân xã An Bình")))
    t.check("ỦY BAN NHÂN DÂN" in got and "XÃ AN BÌNH" in got, f"issuer: ỦY BAN NHÂN DÂN / XÃ AN BÌNH: {got[:4]}")
    # A two-syllable word is not split ("SƯ / PHẠM", issue 13).
    got = texts(lines_of(tmp, "su-pham", document("dang", "Đảng ủy Trường Đại học Sư phạm Huế",
                                                     parent="Đảng bộ tỉnh Thừa Thiên Huế")))
    t.check(not any(x.endswith(" SƯ") or x.startswith("PHẠM") or x.endswith(" ĐẠI") for x in got),
            f"no break inside SƯ PHẠM or ĐẠI HỌC: {got[:5]}")
    # One line more rather than a word split, up to three lines: "QUỸ ĐẤT" kept whole.
    got = texts(lines_of(tmp, "quy-dat", document("nha-nuoc", "Trung tâm Phát triển quỹ đất và Kỹ thuật địa chính")))
    t.check("TRUNG TÂM PHÁT TRIỂN" in got and not any(x.endswith(" QUỸ") for x in got), f"QUỸ ĐẤT whole: {got[:4]}")
    # The summary's lower-case words too: "thủ tục", "hội nghị" are not split.
    got = texts(lines_of(tmp, "summary", document(
        "nha-nuoc", "Ủy ban nhân dân xã Tân Hòa", kind="quyet-dinh",
        title="Quy định tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa xã Tân Hòa")))
    t.check(not any(x.endswith(" thủ") or x.startswith("tục") for x in got), f"no break inside thủ tục: {got[:12]}")
    got = texts(lines_of(tmp, "cong-van", document("dang", "Đảng ủy xã Tân Hòa", kind="cong-van",
                                                   title="Về việc chuẩn bị nội dung hội nghị sơ kết 9 tháng năm 2025")))
    t.check(not any(x.endswith(" hội") or x.startswith("nghị") for x in got), f"no break inside hội nghị: {got[:12]}")
    # A typed newline still wins.
    got = texts(lines_of(tmp, "typed", document("nha-nuoc", "Ủy ban nhân dân thị trấn\\nPhong Điền")))
    t.check("ỦY BAN NHÂN DÂN THỊ TRẤN" in got and "PHONG ĐIỀN" in got, f"a typed newline breaks there: {got[:4]}")
    # The authority line of a decision: the office over the body's level and place.
    got = texts(lines_of(tmp, "authority", document("nha-nuoc", "Ủy ban nhân dân xã An Bình", kind="quyet-dinh",
                                                       title="Về việc thử",
                                                       authority="Chủ tịch Ủy ban nhân dân thị trấn Phong Điền tỉnh Thừa Thiên Huế")))
    t.check("CHỦ TỊCH ỦY BAN NHÂN DÂN" in got and "THỊ TRẤN PHONG ĐIỀN TỈNH THỪA THIÊN HUẾ" in got, f"authority line: {got[8:14]}")
    # A long title in three lines: nearly equal, no short last line.
    title = ("Tổng kết công tác xây dựng Đảng, chính quyền và các đoàn thể chính trị - xã hội của "
             "Đảng bộ xã An Bình trong nhiệm kỳ 2020 - 2025, phương hướng và nhiệm vụ cho nhiệm kỳ tiếp theo")
    got = lines_of(tmp, "title", document("dang", "Đảng ủy xã An Bình", title=title, parent="Đảng bộ huyện Phong Điền"))
    body = [w for x, w in got if w and x and x[0].islower() or (w and x.startswith("Tổng"))]
    widths = [w for x, w in got if w and (x.startswith("Tổng") or x in title and len(x) > 15)]
    t.check(len(widths) >= 2, f"the title takes several lines: {got}")
    if len(widths) >= 2:
        t.check(min(widths) >= 0.75 * max(widths), f"title lines nearly equal: {widths} {got[8:12]}")

    # A name needing more lines than the rules' examples (3): `check` and `build` warn, naming
    # the field at its place, with the hint; an ordinary name, or one typed in 3 lines, does not.
    long_name = "Ủy ban nhân dân thị trấn Phong Điền huyện Phong Điền tỉnh Thừa Thiên Huế nước Việt Nam"
    for name, field, want in ((long_name, "issuer", True), ("Ủy ban nhân dân xã An Bình", "issuer", False),
                              ("Ủy ban nhân dân\\nthị trấn\\nPhong Điền", "issuer", False),
                              ("A\\nB\\nC\\nD", "issuer", True), (long_name, "parent", True)):
        doc = os.path.join(tmp, f"warn-{field}-{len(name)}")
        issuer = name if field == "issuer" else "Đảng ủy xã An Bình"
        text = document("dang" if field == "parent" else "nha-nuoc", issuer,
                        parent=name if field == "parent" else None)
        write_file(os.path.join(doc, "document.yaml"), text)
        for cmd in (["check", doc], ["build", doc, "-o", doc + ".pdf"]):
            p = run(vanban, *cmd, check=False)
            err = p.stderr.decode()
            warned = f"warning: `header.{field}` takes" in err
            t.check(p.returncode == 0 and warned == want, f"{cmd[0]} {name[:30]!r}: warned {warned}, want {want}: {err[:300]}")
            if want and warned:
                line = [ln for ln in err.splitlines() if "header." + field in ln][0]
                at = ":4:12:" if field == "issuer" else ":9:12:"  # the text of `issuer:` / `parent:` in document()
                t.check(at in line, f"{cmd[0]}: located at the field's text ({at}): {line}")
                t.check("block scalar" in err and "abbreviate" in err, f"{cmd[0]}: the hint")
t.finish()
