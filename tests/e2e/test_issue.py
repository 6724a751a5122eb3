#!/usr/bin/env python3
"""The clerk's step: `vanban build --unissued` leaves the number and the date's day, month and
year blank, the leader signs (`sign --field signer`, which certifies with DocMDP P=2), and
`vanban issue` fills the blanks and signs as the organisation, in one incremental update.

Checked with tools that are not our code: pdfsig calls both signatures valid; pdftotext -bbox
finds the number and date on page 1 exactly where a build with the same number and date puts
them; qpdf shows the leader's DocMDP certification. `vanban verify` passes the issue (only the
form fill and the signature follow the leader's), and fails, naming the change, on a file
whose page content was changed in a later revision, which pdfsig still calls valid. Each
refusal exits non-zero and leaves no output. PDFBox Preflight calls each step PDF/A-1b."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run  # noqa: E402
from pki import PASSWORD, make_pki, objects, pdfsig, update  # noqa: E402
from preflight import preflight  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("issue")
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}
SAMPLE = os.path.join(ROOT, "content", "nghi-quyet-chi-bo")


def words(path):
    """{word: (xMin, yMin, xMax, yMax)} of page 1 (pdftotext -bbox), the first of each word."""
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-"], capture_output=True).stdout.decode()
    found = {}
    for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out):
        found.setdefault(m[5], tuple(float(v) for v in m.groups()[:4]))
    return found


def tamper(src, dst):
    """`src` with an incremental update that replaces page 1's content stream (the object
    number read with qpdf)."""
    pages = subprocess.run(["qpdf", "--show-pages", src], capture_output=True, text=True).stdout
    content = int(re.search(r"content:\s*\n\s*(\d+) 0 R", pages)[1])
    body = zlib.compress(b"BT 100 500 Td ET\n")
    update(src, dst, content, b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream")


def replace_catalog(src, dst):
    """`src` with a new catalog (a copy of the old one, read with qpdf) as the trailer's /Root."""
    root = int(re.findall(rb"/Root (\d+) 0 R", open(src, "rb").read())[-1])
    old = subprocess.run(["qpdf", f"--show-object={root}", src], capture_output=True).stdout.strip()
    size = int(re.findall(rb"/Size (\d+)", open(src, "rb").read())[-1])
    update(src, dst, size, old, b"%d 0 R" % size)


def vb(*args):
    return run(vanban, *args, env={**ENV, **PASSWORD}, check=False)


with tempfile.TemporaryDirectory(prefix="vanban-issue-") as tmp:
    make_pki(tmp)
    p12 = {k: os.path.join(tmp, k + ".p12") for k in ("signer", "org")}
    unissued, leader, issued = (os.path.join(tmp, n + ".pdf") for n in ("unissued", "leader", "issued"))
    run(vanban, "build", SAMPLE, "-o", unissued, "--unissued", env=ENV)
    text = subprocess.run(["pdftotext", "-l", "1", unissued, "-"], capture_output=True).stdout.decode()
    t.check("03-NQ/CB" not in text and "-NQ/CB" in text and "20" not in text.split("NGHỊ QUYẾT")[0],
            "an unissued build has no number and no day, month or year on page 1 (the document's 03 and 2025-02-20)")
    t.check(b"/VanbanIssue" in open(unissued, "rb").read(), "an unissued build records its blanks (/VanbanIssue)")

    for args in (("check", SAMPLE, "--unissued"), ("build", SAMPLE, "--unissued", "--copies", "2", "-o", unissued)):
        p = run(vanban, *args, env=ENV, check=False)
        t.check(p.returncode == 2 and b"--unissued" in p.stderr, f"`{' '.join(args[:1] + args[2:])}`: usage error")

    # Refused before the leader has signed.
    refused = os.path.join(tmp, "refused.pdf")
    p = vb("issue", unissued, "--number", "15", "--date", "2026-12-02", "--p12", p12["org"], "-o", refused)
    t.check(p.returncode == 1 and b"not signed yet" in p.stderr and not os.path.exists(refused),
            f"issue of an unsigned file: exit 1, says so, no output ({p.stderr.decode()})")

    p = vb("sign", unissued, "-o", leader, "--p12", p12["signer"], "--field", "signer")
    t.check(p.returncode == 0, f"the leader signs ({p.stderr.decode()})")
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", leader, "-"], capture_output=True).stdout
    t.check(b"/DocMDP" in qdf and re.search(rb"/TransformMethod /DocMDP\s+/TransformParams <<\s+/P 2", qdf) is not None,
            "the leader's signature certifies the unissued PDF with DocMDP P=2 (qpdf)")

    p = vb("issue", leader, "--number", "15", "--date", "2026-12-02", "--p12", p12["org"], "-o", issued)
    t.check(p.returncode == 0, f"issue exits 0 ({p.stderr.decode()})")
    t.check(open(issued, "rb").read().startswith(open(leader, "rb").read()), "issue is an incremental update")
    out = pdfsig(issued)
    t.check(out.count("Signature is Valid") == 2 and out.count("Total document signed") == 1 and
            "Signature Field Name: organisation" in out, f"pdfsig: the leader's and the organisation's signatures valid ({out})")
    p = vb("verify", issued, "--json")
    report = json.loads(p.stdout.decode())
    sigs = report["signatures"]
    t.check(p.returncode == 0 and report["valid"] and [s["field"] for s in sigs] == ["signer", "organisation"],
            f"vanban verify: exit 0, signer then organisation ({p.stdout.decode()})")
    t.check(sigs and sigs[0]["docmdp"] == 2 and sigs[0]["changes_permitted"] and not sigs[0]["whole_file"],
            "verify: the leader's certification permits what the issue changed")
    # What the issue changed, read by qpdf: only the five fields' widgets (the four blanks and
    # the organisation's signature), and in them only value, appearance and appearance
    # characteristics; the page content streams and every other earlier object are the same bytes.
    before, after = objects(leader), objects(issued)
    changed = {k for k in before if before[k] != after.get(k)}
    names = sorted(after[k]["value"].get("/T", "") for k in changed)
    t.check(names == ["u:day", "u:month", "u:number", "u:organisation", "u:year"], f"issue changed only the fields' widgets ({names})")
    keys = set()
    for k in changed:
        old, new = before[k]["value"], after[k]["value"]
        keys |= {key for key in set(old) | set(new) if old.get(key) != new.get(key)}
    t.check(keys <= {"/V", "/AP", "/MK"}, f"in them only /V, /AP, /MK ({sorted(keys)})")
    text = subprocess.run(["pdftotext", "-l", "1", issued, "-"], capture_output=True).stdout.decode()
    t.check("15-NQ/CB" in text.replace(" ", "").replace("\u2007", ""), f"page 1 reads the number 15 ({text[:200]})")
    t.check(re.search(r"ngày 02\s+tháng 12\s+năm 2026", text) is not None, "page 1 reads ngày 02 tháng 12 năm 2026")

    # Where a build with the same number and date puts them (4 digits and a 2-digit month:
    # every blank filled, so the line is the same to the point).
    doc = os.path.join(tmp, "doc")
    shutil.copytree(SAMPLE, doc)
    yaml = open(os.path.join(doc, "document.yaml"), encoding="utf-8").read()
    yaml = yaml.replace("number: 3\n", "number: 1234\n").replace("date: 2025-02-20", "date: 2026-12-02")
    open(os.path.join(doc, "document.yaml"), "w", encoding="utf-8").write(yaml)
    built, issued4 = os.path.join(tmp, "built.pdf"), os.path.join(tmp, "issued4.pdf")
    run(vanban, "build", doc, "-o", built, "--final", env=ENV)
    p = vb("issue", leader, "--number", "1234", "--date", "2026-12-02", "--p12", p12["org"], "-o", issued4)
    t.check(p.returncode == 0, "issue with a 4-digit number")
    a, b = words(built), words(issued4)
    for word in ("02", "12", "2026", "ngày", "tháng", "năm", "Số"):
        same = word in a and word in b and all(abs(x - y) < 0.05 for x, y in zip(a[word], b[word]))
        t.check(same, f"`{word}` where a built one is ({a.get(word)} vs {b.get(word)})")
    start = a.get("1234-NQ/CB", (None,))[0]
    t.check(start is not None and "1234" in b and abs(b["1234"][0] - start) < 0.05,
            f"the number starts where a built one does ({start} vs {b.get('1234')})")

    # A final whose number and date are not known yet: its checks ask for them in a plain
    # build, not with --unissued (issue gives them).
    final_doc = os.path.join(tmp, "final-doc")
    shutil.copytree(SAMPLE, final_doc)
    yaml = open(os.path.join(final_doc, "document.yaml"), encoding="utf-8").read()
    for old, new in (("  number: 3\n", ""), ("  date: 2025-02-20\n", ""), ("status: draft", "status: final"), ("  marks: [du-thao]\n", "")):
        t.check(old in yaml, f"the sample has `{old.strip()}`")
        yaml = yaml.replace(old, new)
    open(os.path.join(final_doc, "document.yaml"), "w", encoding="utf-8").write(yaml)
    p = run(vanban, "build", final_doc, "-o", refused, env=ENV, check=False)
    t.check(p.returncode == 1 and b"missing `header.number`" in p.stderr, "a final without its number: a plain build is refused")
    p = run(vanban, "build", final_doc, "-o", os.path.join(tmp, "final-unissued.pdf"), "--unissued", env=ENV, check=False)
    t.check(p.returncode == 0, f"the same with --unissued builds ({p.stderr.decode()})")

    # Refusals: already issued; numbers and dates in a wrong form; not built with --unissued;
    # no empty organisation field.
    p = vb("issue", issued, "--number", "16", "--date", "2026-12-03", "--p12", p12["org"], "-o", refused)
    t.check(p.returncode == 1 and b"already issued" in p.stderr and not os.path.exists(refused),
            f"issue of an issued file: exit 1, says so ({p.stderr.decode()})")
    for number, date in (("0", "2026-12-02"), ("12a", "2026-12-02"), ("12345", "2026-12-02"),
                         ("15", "2026-13-01"), ("15", "02/12/2026"), ("15", "2026-02-30")):
        p = vb("issue", leader, "--number", number, "--date", date, "--p12", p12["org"], "-o", refused)
        t.check(p.returncode == 2 and (b"--number" in p.stderr or b"--date" in p.stderr) and not os.path.exists(refused),
                f"issue --number {number} --date {date}: usage error naming the option ({p.stderr.decode()})")
    final, final_signed = os.path.join(tmp, "final.pdf"), os.path.join(tmp, "final-signed.pdf")
    run(vanban, "build", SAMPLE, "-o", final, "--final", env=ENV)
    vb("sign", final, "-o", final_signed, "--p12", p12["signer"], "--field", "signer")
    p = vb("issue", final_signed, "--number", "15", "--date", "2026-12-02", "--p12", p12["org"], "-o", refused)
    t.check(p.returncode == 1 and b"--unissued" in p.stderr and not os.path.exists(refused),
            f"issue of a PDF built without --unissued: exit 1, names --unissued ({p.stderr.decode()})")
    both = os.path.join(tmp, "both.pdf")
    vb("sign", leader, "-o", both, "--p12", p12["org"], "--field", "organisation")
    p = vb("issue", both, "--number", "15", "--date", "2026-12-02", "--p12", p12["org"], "-o", refused)
    t.check(p.returncode == 1 and b"organisation" in p.stderr and not os.path.exists(refused),
            f"issue without an empty organisation field: exit 1 ({p.stderr.decode()})")

    # A later change to page 1's content: pdfsig still calls the signatures valid (it does not
    # judge changes), vanban verify names it and fails.
    tampered = os.path.join(tmp, "tampered.pdf")
    tamper(issued, tampered)
    out = pdfsig(tampered)
    t.check(out.count("Signature is Valid") == 2, f"pdfsig still calls the tampered file's signatures valid ({out})")
    p = vb("verify", tampered)
    t.check(p.returncode == 1 and b"page 1's content stream" in p.stdout and b"NOT PERMITTED" in p.stdout,
            f"vanban verify fails and names the changed content stream ({p.stdout.decode()})")
    # A new catalog in place of the signed one (the old one left as it was).
    swapped = os.path.join(tmp, "swapped.pdf")
    replace_catalog(issued, swapped)
    p = vb("verify", swapped)
    t.check(p.returncode == 1 and b"catalog was replaced" in p.stdout, f"verify names a replaced catalog ({p.stdout.decode()})")
    # The same change to a signed file whose signatures certify nothing is not permitted either.
    plain = os.path.join(tmp, "plain-signed.pdf")
    tamper(final_signed, plain)
    p = vb("verify", plain)
    t.check(p.returncode == 1 and b"page 1's content stream" in p.stdout, "a content change after an approval signature fails too")

    # PDF/A-1b before and after each step (the text fields and their appearances included).
    steps = [os.path.join(tmp, n) for n in ("a1.pdf", "a1-leader.pdf", "a1-issued.pdf")]
    run(vanban, "build", SAMPLE, "-o", steps[0], "--unissued", "--pdfa", "1b", env=ENV)
    vb("sign", steps[0], "-o", steps[1], "--p12", p12["signer"], "--field", "signer")
    vb("issue", steps[1], "--number", "15", "--date", "2026-12-02", "--p12", p12["org"], "-o", steps[2])
    for name, (valid, errors) in sorted(preflight(steps, tmp).items()):
        t.check(valid, f"PDFBox Preflight: {name} is PDF/A-1b ({errors})")

t.finish()
