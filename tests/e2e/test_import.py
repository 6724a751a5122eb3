"""`vanban import`: plain text and .docx files become content folders that build.

The political report's text is derived from the hand-made sample (content/bao-cao-chinh-tri):
its YAML, with each heading's number as the seed typed it (the `# seed l.N: "…"` comments,
so "3." after "4.", "1 -" before "III -" are in it), and its header lines. The derived
text is imported and built, and its PDF's words compared with the sample's.
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

import yaml

from common import ROOT, Failures, import_file, run

VANBAN = sys.argv[1]
DATA = os.path.join(ROOT, "tests", "import", "data")
SAMPLE = os.path.join(ROOT, "content", "bao-cao-chinh-tri")
ORDINALS = ["nhất", "hai", "ba", "tư", "năm"]


def roman(n):
    return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n]


def default_label(depth, n, parents):
    if depth == 1:
        return f"{roman(n)} -"
    if depth == 2:
        return f"{n} -"
    if depth == 3:
        return f"{parents[-1]}.{n} -"
    return "abcdđeghiklmnopqrstuvxy"[n - 1] + ")"


def typed_labels(path):
    """The labels the seed typed, from the sample's `# seed l.N: "X"` comments, in order."""
    labels = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r'\s*- title: .*# seed l\.\d+: "([^"]+)"', line)
        if m:
            labels.append(m.group(1))
        elif re.match(r"\s*- title: ", line):
            labels.append(None)
    return labels


def blocks_text(body, out):
    for b in body or []:
        if isinstance(b, str):
            out.append(b)
        elif "list" in b:
            marker = "·" if b.get("marker") == "•" else b.get("marker", "-")
            out.extend(f"{marker} {item}" for item in b["list"])
        elif "paragraph" in b:
            out.append(b["paragraph"])


def sections_text(sections, labels, out, depth=1, numbers=()):
    for n, s in enumerate(sections or [], 1):
        typed = labels.pop(0)
        label = typed or default_label(depth, n, numbers)
        title = s["title"].upper() if depth == 1 else s["title"]
        out.append(f"{label} {title}")
        blocks_text(s.get("body"), out)
        sections_text(s.get("sections"), labels, out, depth + 1, numbers + (n,))


def sample_as_text():
    """The sample as a plain-text report: header grid, title block, parts, typed numbers."""
    doc = yaml.safe_load(open(os.path.join(SAMPLE, "document.yaml"), encoding="utf-8"))
    h = doc["header"]
    out = [f"{h['parent']}\t\tĐẢNG CỘNG SẢN VIỆT NAM", h["issuer"], " *", "Số:       -" + h["code"],
           f"{h['place']}, ngày     tháng     năm 20…", "", doc["title"].upper()]
    out += doc["subtitle"] + [""]
    for k, part_file in enumerate(doc["parts"]):
        path = os.path.join(SAMPLE, part_file)
        part = yaml.safe_load(open(path, encoding="utf-8"))
        out += [f"Phần thứ {ORDINALS[k]}", part["title"].upper(), ""]
        blocks_text(part.get("body"), out)
        sections_text(part.get("sections"), typed_labels(path), out)
    return "\n\n".join(out) + "\n"


def pdf_words(pdf):
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout.decode("utf-8")
    return unicodedata.normalize("NFC", text).split()


def yaml_strings(folder):
    """Every string of the folder's YAML files (keys' values, list items), NFC."""
    found = []

    def walk(v):
        if isinstance(v, str):
            found.append(unicodedata.normalize("NFC", v))
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)

    for name in sorted(os.listdir(folder)):
        walk(yaml.safe_load(open(os.path.join(folder, name), encoding="utf-8")))
    return found


def test_political_report(f, tmp):
    src = os.path.join(tmp, "bao-cao-chinh-tri.txt")
    with open(src, "w", encoding="utf-8") as out:
        out.write(sample_as_text())
    folder = os.path.join(tmp, "imported")
    err = import_file(f, VANBAN, src, folder, "the report derived from the sample")
    if err is None:
        return
    f.check(sorted(os.listdir(folder)) == ["document.yaml", "phan-1.yaml", "phan-2.yaml"], "one file per part")
    # The numbering decisions a person would make, each printed with its source line.
    f.check(re.search(r":\d+:1: warning: typed `3\.` but it is heading 5 of its level under `III -`", err) is not None,
            "the second `3.` of part III is reported as heading 5")
    f.check(len(re.findall(r"warning: typed `[12] -` taken as a first-level heading", err)) == 2,
            "`1 -` and `2 -` before `III -` in part 2 are reported as first-level headings")
    f.check("  | 3. Lãnh đạo công tác xây dựng tổ chức Đảng và đảng viên." in err, "a warning quotes its source line")
    # Every non-empty source paragraph is in the YAML (its typed number or bullet aside).
    strings = yaml_strings(folder)
    joined = "\n".join(strings)
    lines = [l.strip() for l in open(src, encoding="utf-8") if l.strip()]
    missing = []
    for line in lines:
        text = re.sub(r"^([IVX]+ -|\d+(\.\d+)* ?[-.]|[a-zđ]\)-?|[-·•]) ", "", line)
        text = text.replace("\t\t", "\n").split("\n")[-1].strip()
        if text in ("*", "ĐẢNG CỘNG SẢN VIỆT NAM") or text.startswith(("Số:", "Phần thứ")) or ", ngày" in text:
            continue  # printed by the style (part labels too) / read into header fields, checked below
        if unicodedata.normalize("NFC", text) not in joined and unicodedata.normalize("NFC", text.upper()) not in joined.upper():
            missing.append(text[:60])
    f.check(not missing, f"every source paragraph is in the output ({len(lines)} lines; missing: {missing[:3]})")
    doc = yaml.safe_load(open(os.path.join(folder, "document.yaml"), encoding="utf-8"))
    f.check(doc["style"] == "dang" and doc["kind"] == "bao-cao", "regime and kind recognised")
    f.check(doc["header"].get("code") == "BC/ĐU" and doc["header"].get("issuer") == "ĐẢNG ỦY …."
            and doc["header"].get("parent") == "ĐẢNG BỘ ….", f"header grid read: {doc['header']}")
    # Built at once, and the same words as the hand-made sample.
    mine, theirs = os.path.join(tmp, "imported.pdf"), os.path.join(tmp, "sample.pdf")
    b = run(VANBAN, "build", folder, "-o", mine, check=False)
    f.check(b.returncode == 0, f"the imported folder builds ({b.stderr.decode('utf-8')[-500:]})")
    run(VANBAN, "build", SAMPLE, "-o", theirs)
    if b.returncode == 0:
        a, c = pdf_words(theirs), pdf_words(mine)
        ratio = difflib.SequenceMatcher(None, a, c, autojunk=False).ratio()
        f.check(ratio >= 0.99, f"words of the imported report vs the sample: {ratio:.4f} >= 0.99")
        da = [w for w in a if any(ord(ch) > 127 for ch in w)]
        dc = [w for w in c if any(ord(ch) > 127 for ch in w)]
        dratio = difflib.SequenceMatcher(None, da, dc, autojunk=False).ratio()
        f.check(dratio >= 0.999, f"diacritic words: {dratio:.4f} >= 0.999")
        print(f"words: {len(a)} sample, {len(c)} imported, ratio {ratio:.4f}; diacritic words ratio {dratio:.4f}")


def test_state_letter(f, tmp):
    folder = os.path.join(tmp, "to-trinh")
    err = import_file(f, VANBAN, os.path.join(DATA, "to-trinh-ubnd.txt"), folder, "the State submission")
    if err is None:
        return
    doc = yaml.safe_load(open(os.path.join(folder, "document.yaml"), encoding="utf-8"))
    f.check(doc["style"] == "nha-nuoc" and doc["kind"] == "to-trinh", f"State regime and kind: {doc['style']}, {doc['kind']}")
    h = doc["header"]
    f.check((h.get("parent"), h.get("issuer"), h.get("number"), h.get("code"), h.get("place"), str(h.get("date"))) ==
            ("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", 27, "TTr-UBND", "An Bình", "2025-03-12") or
            (h.get("issuer"), h.get("number"), h.get("code")) == ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", 27, "TTr-UBND"),
            f"header fields: {h}")
    f.check(doc["title"].startswith("Về việc đề nghị phê duyệt"), f"summary as title: {doc['title']}")
    f.check(doc.get("signature") == {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Trần Văn Bình"},
            f"signature: {doc.get('signature')}")
    f.check(doc.get("recipients") == ["Như trên", "Thường trực Đảng ủy xã", "Lưu: VT"], f"recipients: {doc.get('recipients')}")
    part = yaml.safe_load(open(os.path.join(folder, "noi-dung.yaml"), encoding="utf-8"))
    f.check(part["body"][0] == {"paragraph": "Kính gửi: Ủy ban nhân dân huyện Thạch Hà.", "align": "center", "indent": False},
            f"Kính gửi kept centred: {part['body'][0]}")
    f.check(re.search(r"to-trinh-ubnd\.txt:\d+:1: warning: typed `4\.` but it is heading 3", err) is not None,
            "`4.` after `2.` is reported")
    b = run(VANBAN, "build", folder, "-o", os.path.join(tmp, "to-trinh.pdf"), check=False)
    f.check(b.returncode == 0, f"the State submission builds ({b.stderr.decode('utf-8')[-500:]})")


def test_refusals(f, tmp):
    empty = os.path.join(tmp, "empty.txt")
    open(empty, "w").close()
    out = os.path.join(tmp, "from-empty")
    p = run(VANBAN, "import", empty, "-o", out, check=False)
    f.check(p.returncode == 1 and b"error: the file is empty" in p.stderr and not os.path.exists(out),
            f"an empty file: exit 1, a clear error, no folder ({p.stderr!r})")
    busy = os.path.join(tmp, "busy")
    os.makedirs(busy)
    open(os.path.join(busy, "keep.txt"), "w").close()
    p = run(VANBAN, "import", os.path.join(DATA, "to-trinh-ubnd.txt"), "-o", busy, check=False)
    f.check(p.returncode == 1 and os.listdir(busy) == ["keep.txt"], "a non-empty output folder is refused and untouched")
    p = run(VANBAN, "import", os.path.join(DATA, "to-trinh-ubnd.txt"), check=False)
    f.check(p.returncode == 2, "no -o: a usage error (exit 2)")
    left = [n for n in os.listdir(tmp) if ".import-" in n]
    f.check(not left, f"no temporary folder left: {left}")


def main():
    f = Failures("import")
    tmp = tempfile.mkdtemp(prefix="vanban-import-")
    try:
        test_political_report(f, tmp)
        test_state_letter(f, tmp)
        test_refusals(f, tmp)
        docx_tests = os.path.join(os.path.dirname(os.path.abspath(__file__)), "import_docx.py")
        if os.path.exists(docx_tests):
            sys.path.insert(0, os.path.dirname(docx_tests))
            import import_docx
            import_docx.run_all(f, VANBAN, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    f.finish()


main()
