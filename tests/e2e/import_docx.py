"""The .docx half of test_import.py: Word files made here with zipfile and XML templates
(no binaries in the repository), imported, built, and compared with hand-written YAML."""
import os
import re
import subprocess
import unicodedata
import zipfile
from xml.sax.saxutils import escape

import yaml

from common import import_file, run

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
</w:styles>"""


def r(text, b=False, i=False, font=None):
    props = ("<w:b/>" if b else "") + ("<w:i/>" if i else "") + (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else "")
    return f'<w:r>{"<w:rPr>" + props + "</w:rPr>" if props else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(*runs, center=False, style=None, extra=""):
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + ('<w:jc w:val="center"/>' if center else "")
    body = "".join(x if x.startswith("<") else r(x) for x in runs)
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{body}{extra}</w:p>'


def table(rows, borders):
    b = ("<w:tblBorders>" + "".join(f'<w:{s} w:val="single" w:sz="4"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
         + "</w:tblBorders>") if borders else ("<w:tblBorders>" + "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "bottom")) + "</w:tblBorders>")
    out = f"<w:tbl><w:tblPr>{b}</w:tblPr>"
    for row in rows:
        out += "<w:tr>" + "".join("<w:tc>" + "".join(cell) + "</w:tc>" for cell in row) + "</w:tr>"
    return out + "</w:tbl>"


def docx(path, body, styles=True, document=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        if styles:
            z.writestr("word/styles.xml", STYLES)
        z.writestr("word/document.xml", document or f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   f'<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>')


IMAGE = '<w:r><w:drawing><wp:inline xmlns:wp="x"/></w:drawing></w:r>'
FOOTNOTE = '<w:r><w:footnoteReference w:id="1"/></w:r>'

PARTY = "".join([
    table([[[p("ĐẢNG BỘ HUYỆN THẠCH HÀ", center=True), p(r("ĐẢNG ỦY XÃ AN BÌNH", b=True), center=True), p("*", center=True),
             p("Số 12-BC/ĐU", center=True)],
            [p(r("ĐẢNG CỘNG SẢN VIỆT NAM", b=True), center=True), p(r("An Bình, ngày 05 tháng 3 năm 2025", i=True), center=True)]]],
          borders=False),
    p(r("BÁO CÁO", b=True), center=True),
    p(r("Kết quả lãnh đạo thực hiện nhiệm vụ quý I năm 2025", b=True), center=True),
    p(r("I- KẾT QUẢ ĐẠT ĐƯỢC", b=True)),
    p(r("1- Công tác chính trị, tư tưởng", b=True)),
    p("Đảng ủy đã ", r("tổ chức quán triệt", b=True), " các nghị quyết của cấp trên đến ", r("toàn thể", i=True),
      " đảng viên; kết quả có 98% đảng viên tham gia."),
    p("- Tổ chức 4 hội nghị học tập chuyên đề;"),
    p("- Biểu dương 12 đảng viên tiêu biểu."),
    p(r("2- Công tác xây dựng Đảng", b=True)),
    p("Kết quả kết nạp đảng viên mới trong quý:", extra=FOOTNOTE),
    table([[[p(r("Chi bộ", b=True))], [p(r("Chỉ tiêu", b=True))], [p(r("Kết nạp", b=True))]],
           [[p("Chi bộ thôn 1")], [p("2")], [p("2")]],
           [[p("Chi bộ thôn 2")], [p("1")], [p("……")]]], borders=True),
    p("Ảnh hội nghị:", extra=IMAGE),
    p(r("II- PHƯƠNG HƯỚNG QUÝ II", b=True)),
    p("Tiếp tục lãnh đạo thực hiện thắng lợi các chỉ tiêu nghị quyết năm 2025."),
    table([[[p(r("Nơi nhận:", i=True)), p("- Ban Thường vụ Huyện ủy,"), p("- Các chi bộ trực thuộc,"), p("- Lưu VP Đảng ủy.")],
            [p(r("T/M ĐẢNG ỦY", b=True), center=True), p("BÍ THƯ", center=True), p("(Đã ký)", center=True),
             p(r("Nguyễn Văn An", b=True), center=True)]]], borders=False),
])

# The same report written by hand: its PDF's first page must read the same.
PARTY_YAML = {
    "document.yaml": """style: dang
kind: bao-cao
header:
  parent: ĐẢNG BỘ HUYỆN THẠCH HÀ
  issuer: ĐẢNG ỦY XÃ AN BÌNH
  number: 12
  code: BC/ĐU
  place: An Bình
  date: 2025-03-05
title: Kết quả lãnh đạo thực hiện nhiệm vụ quý I năm 2025
parts: [noi-dung.yaml]
signature: {authority: T/M ĐẢNG ỦY, title: BÍ THƯ, name: Nguyễn Văn An}
recipients: [Ban Thường vụ Huyện ủy, Các chi bộ trực thuộc, Lưu VP Đảng ủy]
""",
    "noi-dung.yaml": """sections:
  - title: KẾT QUẢ ĐẠT ĐƯỢC
    sections:
      - title: Công tác chính trị, tư tưởng
        body:
          - Đảng ủy đã **tổ chức quán triệt** các nghị quyết của cấp trên đến *toàn thể* đảng viên; kết quả có 98% đảng viên tham gia.
          - list: [Tổ chức 4 hội nghị học tập chuyên đề;, Biểu dương 12 đảng viên tiêu biểu.]
      - title: Công tác xây dựng Đảng
        body:
          - "Kết quả kết nạp đảng viên mới trong quý:"
          - table:
              columns: [Chi bộ, Chỉ tiêu, Kết nạp]
              rows: [[Chi bộ thôn 1, "2", "2"], [Chi bộ thôn 2, "1", "……"]]
          - "Ảnh hội nghị:"
  - title: PHƯƠNG HƯỚNG QUÝ II
    body:
      - Tiếp tục lãnh đạo thực hiện thắng lợi các chỉ tiêu nghị quyết năm 2025.
""",
}

STATE = "".join([
    table([[[p("ỦY BAN NHÂN DÂN", center=True), p(r("XÃ AN BÌNH", b=True), center=True), p("Số: 27/TTr-UBND", center=True)],
            [p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True), center=True), p(r("Độc lập - Tự do - Hạnh phúc", b=True), center=True),
             p(r("An Bình, ngày 12 tháng 3 năm 2025", i=True), center=True)]]], borders=False),
    p(r("TỜ TRÌNH", b=True), center=True),
    p(r("Về việc sửa chữa trường mầm non xã", b=True), center=True),
    p("Kính gửi: Ủy ban nhân dân huyện Thạch Hà.", center=True),
    p("Ủy ban nhân dân xã kính trình Ủy ban nhân dân huyện xem xét, phê duyệt kinh phí sửa chữa trường mầm non xã."),
    p("Sự cần thiết", style="Heading1"),
    p("Trường được xây dựng năm 2005, nhiều hạng mục đã xuống cấp."),
    p("Kinh phí", style="Heading1"),
    p("Sơ đồ:", extra='<w:r><w:drawing><wps:txbx xmlns:wps="x"><w:txbxContent><w:p><w:r><w:t>Khu A: 4 phòng</w:t></w:r></w:p>'
                      '</w:txbxContent></wps:txbx></w:drawing></w:r>'),
    p("Tổng kinh phí dự kiến ….. triệu đồng."),
    table([[[p(r("Nơi nhận:", b=True, i=True)), p("- Như trên;"), p("- Lưu: VT.")],
            [p(r("TM. ỦY BAN NHÂN DÂN", b=True), center=True), p(r("CHỦ TỊCH", b=True), center=True), p(r("Trần Văn Bình", b=True), center=True)]]],
          borders=False),
])

# "Báo cáo tình hình" in TCVN3 bytes as Word stores them (each byte as its Windows-1252 character).
TCVN3_RUN = bytes([0x42, 0xB8, 0x6F, 0x20, 0x63, 0xB8, 0x6F, 0x20, 0x74, 0xD7, 0x6E, 0x68, 0x20, 0x68, 0xD7, 0x6E, 0x68]).decode("cp1252")
# "Đảng ủy" in VNI bytes: Ñ a û n g, u û y
VNI_RUN = bytes([0xD1, 0x61, 0xFB, 0x6E, 0x67, 0x20, 0x75, 0xFB, 0x79]).decode("cp1252")


def words_page1(pdf):
    t = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, check=True).stdout.decode("utf-8")
    return unicodedata.normalize("NFC", t).split()


def docx_imported(f, vanban, tmp, name, body, folder, what):
    """Writes `body` as tmp/<name>, imports it into tmp/<folder>: (output folder, stderr or None)."""
    src = os.path.join(tmp, name)
    docx(src, body)
    out = os.path.join(tmp, folder)
    return out, import_file(f, vanban, src, out, what)


def test_party(f, vanban, tmp):
    out, err = docx_imported(f, vanban, tmp, "bao-cao-dang.docx", PARTY, "dang", "the Party .docx")
    if err is None:
        return
    doc = yaml.safe_load(open(os.path.join(out, "document.yaml"), encoding="utf-8"))
    h = doc["header"]
    f.check((doc["style"], doc["kind"], h.get("parent"), h.get("issuer"), h.get("number"), h.get("code"), h.get("place"), str(h.get("date")))
            == ("dang", "bao-cao", "ĐẢNG BỘ HUYỆN THẠCH HÀ", "ĐẢNG ỦY XÃ AN BÌNH", 12, "BC/ĐU", "An Bình", "2025-03-05"),
            f"header table read: {doc['style']} {doc['kind']} {h}")
    f.check(doc.get("signature") == {"authority": "T/M ĐẢNG ỦY", "title": "BÍ THƯ", "name": "Nguyễn Văn An"}, f"signature table: {doc.get('signature')}")
    f.check(doc.get("recipients") == ["Ban Thường vụ Huyện ủy", "Các chi bộ trực thuộc", "Lưu VP Đảng ủy"], f"Nơi nhận: {doc.get('recipients')}")
    text = open(os.path.join(out, "noi-dung.yaml"), encoding="utf-8").read()
    f.check("**tổ chức quán triệt**" in text and "*toàn thể*" in text, "bold and italic runs become inline markup")
    part = yaml.safe_load(text)
    table = part["sections"][0]["sections"][1]["body"][1]["table"]
    f.check(table.get("columns") == ["Chi bộ", "Chỉ tiêu", "Kết nạp"] and table["rows"][1] == ["Chi bộ thôn 2", "1", "……"],
            f"the bordered table, its bold first row as the header: {table}")
    f.check(re.search(r"bao-cao-dang\.docx:\d+:1: warning: an image or drawing: not imported", err) is not None and "# not imported: an image" in text,
            "the image is reported with its place and kept as a comment")
    f.check("a footnote" in err and "# not imported: a footnote" in text, "the footnote is reported and kept as a comment")
    mine, hand = os.path.join(tmp, "dang.pdf"), os.path.join(tmp, "dang-hand.pdf")
    b = run(vanban, "build", out, "-o", mine, check=False)
    f.check(b.returncode == 0, f"the imported Party report builds ({b.stderr.decode('utf-8')[-400:]})")
    hand_dir = os.path.join(tmp, "dang-hand")
    os.makedirs(hand_dir)
    for name, body in PARTY_YAML.items():
        open(os.path.join(hand_dir, name), "w", encoding="utf-8").write(body)
    run(vanban, "build", hand_dir, "-o", hand)
    if b.returncode == 0:
        a, c = words_page1(hand), words_page1(mine)
        f.check(a == c, f"page 1 reads as the hand-written equivalent's ({len(a)} vs {len(c)} words; "
                        f"first difference at {next((k for k, (x, y) in enumerate(zip(a, c)) if x != y), min(len(a), len(c)))})")
    # Never loses a paragraph: every non-empty w:p's text is somewhere in the output.
    paragraphs = [unicodedata.normalize("NFC", re.sub(r"<[^>]+>", "", m)) for m in re.findall(r"<w:p>(.*?)</w:p>", PARTY)]
    paragraphs = [x.strip() for x in paragraphs if x.strip()]
    everything = open(os.path.join(out, "document.yaml"), encoding="utf-8").read() + text
    flat = re.sub(r"\s+", " ", everything.replace("**", "").replace("*", ""))
    styled = {"ĐẢNG CỘNG SẢN VIỆT NAM", "*", "Nơi nhận:", "(Đã ký)", "BÁO CÁO", "Số 12-BC/ĐU", "An Bình, ngày 05 tháng 3 năm 2025"}
    missing = [x for x in paragraphs if x not in styled and re.sub(r"^(I+- |\d- |- )", "", x).rstrip(",.") not in flat]
    f.check(not missing, f"all {len(paragraphs)} paragraphs of the .docx are in the output (missing: {missing})")
    m = re.search(r"(\d+) paragraphs: (\d+) headings, (\d+) text, (\d+) header/signature fields, (\d+) printed by the style, (\d+) kept", err)
    f.check(m is not None and int(m.group(1)) == len(paragraphs) == sum(int(m.group(k)) for k in range(2, 7)),
            f"the summary counts every paragraph once ({m.group(0) if m else err[-300:]}; {len(paragraphs)} in the file)")


def test_state(f, vanban, tmp):
    out, err = docx_imported(f, vanban, tmp, "to-trinh.docx", STATE, "to-trinh-docx", "the State .docx")
    if err is None:
        return
    f.check(re.search(r"to-trinh\.docx:\d+:1: warning: a text box", err) is not None, "the text box is reported with its place")
    doc = yaml.safe_load(open(os.path.join(out, "document.yaml"), encoding="utf-8"))
    f.check((doc["style"], doc["kind"], doc["title"], doc["header"].get("number"), doc["header"].get("code")) ==
            ("nha-nuoc", "to-trinh", "Về việc sửa chữa trường mầm non xã", 27, "TTr-UBND"), f"State letter: {doc}")
    part = yaml.safe_load(open(os.path.join(out, "noi-dung.yaml"), encoding="utf-8"))
    f.check(part["body"][0].get("paragraph", "").startswith("Kính gửi:"), f"Kính gửi kept: {part['body'][0]}")
    f.check([s["title"] for s in part.get("sections", [])] == ["Sự cần thiết", "Kinh phí"], "Word heading styles become sections")
    text = open(os.path.join(out, "noi-dung.yaml"), encoding="utf-8").read()
    f.check("# not imported: a text box (its text: Khu A: 4 phòng)" in text, "a text box is kept as a comment with its text")
    b = run(vanban, "build", out, "-o", os.path.join(tmp, "to-trinh-docx.pdf"), check=False)
    f.check(b.returncode == 0, f"the imported State letter builds ({b.stderr.decode('utf-8')[-400:]})")


def test_legacy_runs(f, vanban, tmp):
    body = STATE.replace(p("Trường được xây dựng năm 2005, nhiều hạng mục đã xuống cấp."),
                         p(r(TCVN3_RUN, font=".VnTime"), " của xã; ", r(VNI_RUN, font="VNI-Times"), " đã họp."))
    out, err = docx_imported(f, vanban, tmp, "legacy.docx", body, "legacy", "the mixed .VnTime/VNI/Unicode .docx")
    if err is not None:
        text = unicodedata.normalize("NFC", open(os.path.join(out, "noi-dung.yaml"), encoding="utf-8").read())
        f.check("Báo cáo tình hình của xã; Đảng ủy đã họp." in text, "TCVN3 and VNI runs decoded beside Unicode ones")
        f.check("TCVN3 (ABC) font .VnTime converted" in err and "VNI font VNI-Times converted" in err, f"conversions summarised: {err[-400:]}")


def test_bad(f, vanban, tmp):
    cases = {}
    path = os.path.join(tmp, "not-zip.docx")
    open(path, "w").write("just some text\n")
    cases["not a ZIP"] = (path, "not a ZIP package")
    path = os.path.join(tmp, "empty.docx")
    open(path, "w").close()
    cases["empty"] = (path, "the file is empty")
    path = os.path.join(tmp, "bomb.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", b'<?xml version="1.0"?><w:document ' + W.encode() + b"><!--" + b" " * (80 << 20) + b"--></w:document>")
    cases["ZIP bomb"] = (path, "refused as a possible ZIP bomb")
    path = os.path.join(tmp, "liar.docx")  # an entry that unpacks to more than its headers declare
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b'<?xml version="1.0"?><w:document ' + W.encode() + b"><!--" + b"x" * 100000 + b"--></w:document>")
    data = bytearray(open(path, "rb").read())
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # uncompressed size in the local and central headers
        at = data.find(sig)
        size = int.from_bytes(data[at + offset:at + offset + 4], "little")
        data[at + offset:at + offset + 4] = (size // 100).to_bytes(4, "little")
    open(path, "wb").write(bytes(data))
    cases["ZIP entry larger than declared"] = (path, "unpacks to more than it declares")
    path = os.path.join(tmp, "entities.docx")
    lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">' for k in range(1, 10)) + "]>"
    docx(path, "", document=lol + f"<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    cases["entity bomb"] = (path, "declares a DTD")
    path = os.path.join(tmp, "locked.docx")
    with open(path, "wb") as out:  # an OLE compound file holding Word's EncryptedPackage stream
        out.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1024)
    cases["password-protected"] = (path, "password-protected")
    path = os.path.join(tmp, "old.doc")
    open(path, "wb").write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 1024)
    cases[".doc without LibreOffice"] = (path, "soffice --headless --convert-to docx")
    for name, (path, message) in cases.items():
        out = os.path.join(tmp, "bad-" + re.sub(r"\W", "-", name))
        pr = run(vanban, "import", path, "-o", out, check=False)
        err = pr.stderr.decode("utf-8")
        f.check(pr.returncode == 1 and message in err and re.match(r"\S+: error: ", err) and not os.path.exists(out),
                f"{name}: exit 1 with `{message}`, no output folder (exit {pr.returncode}: {err.strip()[:300]})")


def run_all(f, vanban, tmp):
    test_party(f, vanban, tmp)
    test_state(f, vanban, tmp)
    test_legacy_runs(f, vanban, tmp)
    test_bad(f, vanban, tmp)
