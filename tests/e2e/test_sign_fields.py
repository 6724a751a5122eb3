#!/usr/bin/env python3
"""`vanban build --final` leaves empty signature fields where the rules put the signatures,
in a PDF/A-2b file (--final implies --pdfa 2b when no level is named).

NĐ 30/2020 (Phụ lục I, part II): the signer's signature between the title and the name of
the signature block, the organisation's seal over it. The build writes the field `signer`
(exactly the room between the title's last line and the name, read back with pdftotext
-bbox, not our code) and `organisation` (the same place, at least 36 mm tall, and reaching left far enough for a
36 mm seal over the left third of a signature as wide as the signer's field), both on the
page of the signature block. A build without --final has no form at all, and its bytes do
not depend on the fields' code. `vanban sign` fills `signer` first, then `organisation`:
pdfsig names them and calls both valid. PDF/A-1b Preflight accepts the fields before and
after signing."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run  # noqa: E402
from pki import PASSWORD, make_pki, pdfsig, signature_fields  # noqa: E402
from preflight import preflight  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("sign_fields")
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}
SAMPLE = os.path.join(ROOT, "content", "nghi-quyet-chi-bo")  # its signature block has no scanned image


def widgets(path):
    """{field name: (page number, [x0, y0, x1, y1])} of the signature widgets."""
    return {name: found[:2] for name, found in signature_fields(path).items()}


def words(path, page):
    """[(word, yMin, yMax)] of one page, y from the top (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", path, "-"],
                         capture_output=True).stdout.decode()
    return [(m[3], float(m[1]), float(m[2]))
            for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', out)]


with tempfile.TemporaryDirectory(prefix="vanban-fields-") as tmp:
    plain, final = os.path.join(tmp, "plain.pdf"), os.path.join(tmp, "final.pdf")
    run(vanban, "build", SAMPLE, "-o", plain, env=ENV)
    run(vanban, "build", SAMPLE, "-o", final, "--final", env=ENV)
    t.check(b"/AcroForm" not in open(plain, "rb").read() and b"/FT /Sig" not in open(plain, "rb").read(),
            "a build without --final has no form and no signature field")
    fields = widgets(final)
    t.check(sorted(fields) == ["organisation", "signer"], f"--final: the fields signer and organisation ({fields})")
    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", final).stdout.decode())[1])
    if "signer" in fields and "organisation" in fields:
        page, (x0, y0, x1, y1) = fields["signer"]
        t.check(page == pages, f"the signer's field is on the signature block's page, the last ({page} of {pages})")
        height = 841.89
        top, bottom = height - y1, height - y0  # from the top, as pdftotext gives
        ws = words(final, page)
        title = [w for w in ws if w[0] == "THƯ"]
        name = [w for w in ws if w[0] == "Hoa"]
        t.check(title and name and title[-1][2] <= top + 1 and bottom <= name[0][1] + 1,
                f"the signer's field lies between the title and the name ({top:.1f}-{bottom:.1f}; {title} {name})")
        t.check(bottom - top > 30 and 250 < x0 < x1 <= 595, f"the field is the room of the right column ({x0}, {x1})")
        opage, (ox0, oy0, ox1, oy1) = fields["organisation"]
        seal = 36 * 72 / 25.4
        t.check(opage == page and ox1 == x1 and oy1 - oy0 >= seal - 0.01 and abs((oy0 + oy1) - (y0 + y1)) < 0.01,
                f"the organisation's field: the same column, centred on it, at least 36 mm tall ({fields['organisation']})")
        t.check(abs(ox0 - (x0 - max(0, seal - (x1 - x0) / 3))) < 0.01,
                f"the organisation's field reaches left for a seal over the left third of a signature as wide as "
                f"the signer's field ({ox0} vs {x0})")
    meta = subprocess.run(["pdfinfo", "-meta", final], capture_output=True).stdout.decode()
    t.check(re.search(r"pdfaid:part[^0-9]*2", meta) is not None, "--final implies --pdfa 2b (pdfaid:part 2 in the XMP)")
    t.check(b"pdfaid:" not in open(plain, "rb").read(), "a build without --final is no PDF/A")
    qpdf = subprocess.run(["qpdf", "--check", final], capture_output=True)
    t.check(qpdf.returncode == 0, f"qpdf --check accepts the fields ({qpdf.stdout.decode()[-300:]})")
    again = os.path.join(tmp, "again.pdf")
    run(vanban, "build", SAMPLE, "-o", again, "--final", env=ENV)
    t.check(open(again, "rb").read() == open(final, "rb").read(), "--final: the same bytes on every run")

    # Signing fills signer, then organisation; both keep their place, pdfsig calls both valid.
    make_pki(tmp)
    a1b = os.path.join(tmp, "final-1b.pdf")
    run(vanban, "build", SAMPLE, "-o", a1b, "--final", "--pdfa", "1b", env=ENV)
    one, two = os.path.join(tmp, "one.pdf"), os.path.join(tmp, "two.pdf")
    for src, dst, key in ((a1b, one, "signer.p12"), (one, two, "org.p12")):
        p = run(vanban, "sign", src, "-o", dst, "--p12", os.path.join(tmp, key), env=PASSWORD, check=False)
        t.check(p.returncode == 0, f"sign {os.path.basename(dst)} ({p.stderr.decode()})")
    out = pdfsig(two)
    names = re.findall(r"Signature Field Name: (\S+)", out)
    t.check(names == ["signer", "organisation"] and out.count("Signature is Valid") == 2,
            f"pdfsig: signer then organisation, both valid ({out})")
    t.check(widgets(two).get("signer", (0, []))[1] == widgets(a1b).get("signer", (0, None))[1],
            "the signed field keeps the rectangle the build gave it")
    results = preflight([a1b, two], tmp)
    for path in (a1b, two):
        ok, errors = results.get(os.path.basename(path), (False, ["not in Preflight's report"]))
        t.check(ok, f"Preflight calls {os.path.basename(path)} valid PDF/A-1b ({errors})")

t.finish()
