#!/usr/bin/env python3
"""PDF/A (`vanban build --pdfa 1b|2b|3b`).

The PDF/A-1b build of every sample must pass Apache PDFBox Preflight (Debian's
libpdfbox2-java; not our code), before and after `vanban sign`. PDFBox has no -2b/-3b
validator, so those builds are checked part by part, each check failing when its part is
missing: qpdf --check, the XMP identification, XMP = Info (title, author, dates, producer),
the sRGB output intent with an ICC profile, same bytes on every run. PDF/A-1 forbids
transparency: an image with an alpha channel is refused for 1b and kept for 2b."""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run  # noqa: E402
from preflight import preflight  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("pdfa")
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}  # 2025-12-01T00:00:00Z
SAMPLES = ["bao-cao-chinh-tri", "bao-cao-ubnd-xa", "nghi-quyet-chi-bo"]
def build(doc, out, *extra, env=ENV, check=True):
    return run(vanban, "build", doc, "-o", out, *extra, env=env, check=check)


def xmp_of(path):
    return run("pdfinfo", "-meta", path).stdout.decode("utf-8")


def info_of(path):
    lines = run("pdfinfo", "-isodates", path).stdout.decode("utf-8").splitlines()
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in lines if ":" in line)}


def xmp_value(xmp, tag):
    m = re.search(rf"<{tag}>(?:<rdf:(?:Alt|Seq|Bag)><rdf:li[^>]*>)?([^<]*)<", xmp)
    return m.group(1) if m else None


def rgba_png(path, width=4, height=4):
    """A tiny PNG with an alpha channel (colour type 6), written by hand."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\x20\x40\xc0\x80" * width for _ in range(height))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    open(path, "wb").write(png)


with tempfile.TemporaryDirectory(prefix="vanban-pdfa-") as tmp:
    # PDF/A-1b: every sample passes Preflight, also once signed; a plain build does not (the
    # check has teeth).
    checked = []
    for name in SAMPLES:
        checked.append(os.path.join(tmp, f"{name}-1b.pdf"))
        build(os.path.join(ROOT, "content", name), checked[-1], "--pdfa", "1b")
    plain = os.path.join(tmp, "plain.pdf")
    build(os.path.join(ROOT, "content", SAMPLES[0]), plain)
    t.check("/Metadata" not in open(plain, "rb").read().decode("latin-1"), "a build without --pdfa has no XMP")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem",
                    "-days", "2", "-subj", "/CN=PDFA signer"], cwd=tmp, capture_output=True, check=True)
    subprocess.run(["openssl", "pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-out", "k.p12", "-passout",
                    "pass:pw"], cwd=tmp, capture_output=True, check=True)
    signed = os.path.join(tmp, "signed-1b.pdf")
    p = run(vanban, "sign", checked[0], "-o", signed, "--p12", os.path.join(tmp, "k.p12"),
            env={"VANBAN_P12_PASSWORD": "pw"}, check=False)
    t.check(p.returncode == 0, f"the PDF/A-1b file is signed ({p.stderr.decode()})")
    t.check(info_of(signed).get("ModDate") == info_of(checked[0]).get("ModDate"),
            "signing keeps Info's ModDate (so it still agrees with the XMP)")
    results = preflight(checked + [signed, plain], tmp)
    for path in checked + [signed]:
        ok, errors = results.get(os.path.basename(path), (False, ["not in Preflight's report"]))
        t.check(ok, f"Preflight calls {os.path.basename(path)} valid PDF/A-1b ({errors})")
    t.check(results.get(os.path.basename(plain), (True,))[0] is False, "Preflight calls a build without --pdfa not PDF/A-1b")

    # PDF/A-2b and -3b: the parts that apply, each on its own.
    for part in ("2", "3"):
        doc = os.path.join(ROOT, "content", SAMPLES[1])
        out, again = os.path.join(tmp, f"{part}b.pdf"), os.path.join(tmp, f"{part}b-again.pdf")
        build(doc, out, "--pdfa", f"{part}b")
        build(doc, again, "--pdfa", f"{part}B")
        data = open(out, "rb").read()
        t.check(data == open(again, "rb").read(), f"{part}b: the same bytes on every run (deterministic IDs)")
        qpdf = subprocess.run(["qpdf", "--check", out], capture_output=True)
        t.check(qpdf.returncode == 0, f"{part}b: qpdf --check is clean ({qpdf.stdout.decode()[-300:]})")
        xmp, info = xmp_of(out), info_of(out)
        t.check(xmp_value(xmp, "pdfaid:part") == part and xmp_value(xmp, "pdfaid:conformance") == "B",
                f"{part}b: XMP names PDF/A-{part}B")
        t.check(xmp_value(xmp, "dc:title") == info.get("Title") and info.get("Title"), f"{part}b: XMP title = Info title")
        t.check(xmp_value(xmp, "dc:creator") == info.get("Author") and info.get("Author"), f"{part}b: XMP creator = Info author")
        t.check(xmp_value(xmp, "pdf:Producer") == info.get("Producer") == "vanban", f"{part}b: XMP producer = Info producer")
        for x, i in (("xmp:CreateDate", "CreationDate"), ("xmp:ModifyDate", "ModDate")):
            t.check((xmp_value(xmp, x) or "").replace("+00:00", "Z") == info.get(i) and info.get(i),
                    f"{part}b: {x} = Info {i} ({xmp_value(xmp, x)}, {info.get(i)})")
        t.check(xmp_value(xmp, "dc:language") == "vi-VN", f"{part}b: XMP language vi-VN")
        t.check(re.search(rb"/S /GTS_PDFA1 .*/DestOutputProfile \d+ 0 R", data) is not None and b"/OutputIntents [" in data,
                f"{part}b: an sRGB output intent with its profile")
        t.check(b"/CIDSet" not in data, f"{part}b: no CIDSet (PDF/A-1 only)")

    # Transparency: refused for PDF/A-1, kept for PDF/A-2.
    folder = os.path.join(tmp, "alpha")
    shutil.copytree(os.path.join(ROOT, "content", SAMPLES[1]), folder)
    rgba_png(os.path.join(folder, "chu-ky.png"))
    p = build(folder, os.path.join(tmp, "alpha-1b.pdf"), "--pdfa", "1b", check=False)
    t.check(p.returncode == 1 and b"PDF/A-1 forbids transparency" in p.stderr and not os.path.exists(os.path.join(tmp, "alpha-1b.pdf")),
            f"1b with an alpha image: exit 1, no file ({p.stderr.decode()})")
    p = build(folder, os.path.join(tmp, "alpha-2b.pdf"), "--pdfa", "2b", check=False)
    t.check(p.returncode == 0, f"2b with an alpha image: built ({p.stderr.decode()})")

    # Usage and a missing profile.
    t.check(build(plain, os.path.join(tmp, "x.pdf"), "--pdfa", "4u", check=False).returncode == 2, "--pdfa 4u: usage error")
    p = build(os.path.join(ROOT, "content", SAMPLES[0]), os.path.join(tmp, "noicc.pdf"), "--pdfa", "2b",
              env=dict(ENV, VANBAN_SRGB_PROFILE=os.path.join(tmp, "none.icc")), check=False)
    t.check(p.returncode == 1 and b"icc-profiles-free" in p.stderr, f"a missing sRGB profile: exit 1 with a hint ({p.stderr.decode()})")

t.finish()
