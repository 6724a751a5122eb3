#!/usr/bin/env python3
"""Apache PDFBox, a reader that shares no code with ours, reads every signature field and its
revision: a small Java program (tests/e2e/java/SignatureFields.java) compiled at test time
by Java's source launcher against Debian's libpdfbox2-java. After `build --final` and two
`vanban sign`s, it must see `signer` signed over revision 2, `organisation` over revision 3
(the whole file), both ETSI.CAdES.detached with a CMS in /Contents; before signing, both
fields empty. After `build --unissued`, the leader's `sign` and `vanban issue`, it reads the
number and date fields' values and both signatures, the organisation's over the whole file."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run  # noqa: E402
from pki import PASSWORD, make_pki  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("pdfbox_signatures")
SAMPLE = os.path.join(ROOT, "content", "nghi-quyet-chi-bo")
PROGRAM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "java", "SignatureFields.java")
CLASSPATH = ":".join(f"/usr/share/java/{j}.jar" for j in ("pdfbox2", "fontbox2", "commons-logging"))


def fields(path):
    """{field: {key: value}} as PDFBox reads them."""
    p = subprocess.run(["java", "-cp", CLASSPATH, PROGRAM, path], capture_output=True)
    if p.returncode != 0:
        raise SystemExit(f"the PDFBox reader failed: {p.stderr.decode()[-1000:]}")
    out = {}
    for line in p.stdout.decode().splitlines():
        values = dict(item.split("=", 1) for item in line.split())
        out[values["field"]] = values
    return out


with tempfile.TemporaryDirectory(prefix="vanban-pdfbox-") as tmp:
    make_pki(tmp)
    final, one, two = (os.path.join(tmp, n) for n in ("final.pdf", "one.pdf", "two.pdf"))
    run(vanban, "build", SAMPLE, "-o", final, "--final")
    run(vanban, "sign", final, "-o", one, "--p12", os.path.join(tmp, "signer.p12"), "--reason", "Ký thay", env=PASSWORD)
    run(vanban, "sign", one, "-o", two, "--p12", os.path.join(tmp, "org.p12"), env=PASSWORD)

    before = fields(final)
    t.check(sorted(before) == ["organisation", "signer"] and all(f["signed"] == "false" for f in before.values()),
            f"PDFBox: the built file has the two fields, empty ({before})")
    after = fields(two)
    signer, org = after.get("signer", {}), after.get("organisation", {})
    t.check(signer.get("signed") == "true" and signer.get("revision") == "2" and signer.get("whole") == "false",
            f"PDFBox: signer signed over revision 2, not the whole file ({signer})")
    t.check(org.get("signed") == "true" and org.get("revision") == "3" and org.get("whole") == "true",
            f"PDFBox: organisation signed over revision 3, the whole file ({org})")
    t.check(all(f.get("subfilter") == "ETSI.CAdES.detached" and int(f.get("contents", "0")) > 1000
                for f in (signer, org)), "PDFBox: both ETSI.CAdES.detached, with a CMS in /Contents")
    t.check(signer.get("reason") == "Ký_thay", f"PDFBox reads the signer's reason ({signer.get('reason')})")

    unissued, leader, issued = (os.path.join(tmp, n) for n in ("unissued.pdf", "leader.pdf", "issued.pdf"))
    run(vanban, "build", SAMPLE, "-o", unissued, "--unissued")
    run(vanban, "sign", unissued, "-o", leader, "--p12", os.path.join(tmp, "signer.p12"), "--field", "signer", env=PASSWORD)
    run(vanban, "issue", leader, "-o", issued, "--number", "15", "--date", "2026-12-02", "--p12",
        os.path.join(tmp, "org.p12"), env=PASSWORD)
    blank, done = fields(unissued), fields(issued)
    t.check({k: blank.get(k, {}).get("value") for k in ("number", "day", "month", "year")} ==
            {"number": "", "day": "", "month": "", "year": ""}, f"PDFBox: the unissued build's four blanks, empty ({blank})")
    t.check({k: done.get(k, {}).get("value") for k in ("number", "day", "month", "year")} ==
            {"number": "15", "day": "02", "month": "12", "year": "2026"}, f"PDFBox: the issued values ({done})")
    t.check(done.get("signer", {}).get("revision") == "2" and done.get("organisation", {}).get("revision") == "3" and
            done.get("organisation", {}).get("whole") == "true", "PDFBox: the leader over revision 2, the organisation over 3, the whole file")

t.finish()
