#!/usr/bin/env python3
"""The organisation's seal covers the left third of the leader's signature image (NĐ 30/2020,
Phụ lục I, II.8.a: "trùm lên khoảng 1/3 hình ảnh chữ ký số của người có thẩm quyền về bên
trái") also when the leader signed first and the clerk issues later: `vanban issue --seal`
finds where the leader's signature drew its image and puts the seal's right edge at a third
of it, for a wide and a narrow signature alike. The positions are read from the signed file
with qpdf's QDF form and regular expressions over the appearance streams (the `cm` before
each image's `Do`), not with our code. The organisation's text stays inside its field."""
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run  # noqa: E402
from pki import PASSWORD, make_pki, pdfsig  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("seal_cover")
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}
SAMPLE = os.path.join(ROOT, "content", "nghi-quyet-chi-bo")


def write_png(path, w, h, pixel):
    """An RGBA PNG of w × h whose pixel (x, y) is pixel(x, y) (4 bytes)."""
    raw = b"".join(b"\0" + b"".join(pixel(x, y) for x in range(w)) for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def drawn(path):
    """{field: (rect, [(x, width) of each image drawn, in the field's space])} from qpdf's QDF."""
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, "-"], capture_output=True).stdout
    qdf = qdf.decode("latin-1")
    objects = {int(n): body for n, body in re.findall(r"\n(\d+) 0 obj\n(.*?)\nendobj", qdf, re.S)}
    found = {}
    for body in objects.values():
        if "/FT /Sig" not in body or "/AP" not in body:
            continue
        name = re.search(r"/T \((.*?)\)", body)[1]
        rect = [float(v) for v in re.search(r"/Rect \[\s*([-\d.\s]+)\]", body)[1].split()]
        ap = objects[int(re.search(r"/N (\d+) 0 R", body)[1])]
        images = [(float(m[3]), float(m[1]))
                  for m in re.finditer(r"([-\d.]+) 0 0 ([-\d.]+) ([-\d.]+) ([-\d.]+) cm\s*/\S+ Do", ap)]
        found[name] = (rect, images)
    return found


with tempfile.TemporaryDirectory(prefix="vanban-seal-") as tmp:
    make_pki(tmp)
    seal = os.path.join(tmp, "seal.png")
    write_png(seal, 64, 64, lambda x, y: b"\xdc\0\0\xff" if (x - 31.5) ** 2 + (y - 31.5) ** 2 < 961 else bytes(4))
    narrow = os.path.join(tmp, "narrow.png")  # a signature 1:10, far narrower than the field
    write_png(narrow, 12, 120, lambda x, y: b"\0\0\xc8\xff" if abs(x - 6) < 3 else bytes(4))
    wide = os.path.join(ROOT, "content", "bao-cao-ubnd-xa", "chu-ky.png")
    unissued = os.path.join(tmp, "unissued.pdf")
    run(vanban, "build", SAMPLE, "--unissued", "--final", "-o", unissued, env=ENV)
    spans = []
    for label, image in (("narrow", narrow), ("wide", wide)):
        leader, issued = os.path.join(tmp, f"{label}-leader.pdf"), os.path.join(tmp, f"{label}-issued.pdf")
        p = run(vanban, "sign", unissued, "-o", leader, "--p12", os.path.join(tmp, "signer.p12"), "--field", "signer",
                "--image", image, env=PASSWORD, check=False)
        t.check(p.returncode == 0, f"{label}: the leader signs ({p.stderr.decode()})")
        p = run(vanban, "issue", leader, "-o", issued, "--number", "15", "--date", "2026-12-02", "--p12",
                os.path.join(tmp, "org.p12"), "--seal", seal, env=PASSWORD, check=False)
        t.check(p.returncode == 0, f"{label}: the clerk issues with the seal ({p.stderr.decode()})")
        if p.returncode != 0:
            continue
        t.check(pdfsig(issued).count("Signature is Valid") == 2, f"{label}: pdfsig calls both signatures valid")
        fields = drawn(issued)
        (srect, simages), (orect, oimages) = fields.get("signer", ([], [])), fields.get("organisation", ([], []))
        t.check(len(simages) == 1 and len(oimages) == 1, f"{label}: one image in each appearance ({fields})")
        if len(simages) != 1 or len(oimages) != 1:
            continue
        image_left, image_width = srect[0] + simages[0][0], simages[0][1]
        seal_left, seal_width = orect[0] + oimages[0][0], oimages[0][1]
        spans.append(image_width)
        t.check(abs(seal_left + seal_width - (image_left + image_width / 3)) < 0.5,
                f"{label}: the seal's right edge ({seal_left + seal_width:.1f}) at the left third of the signature "
                f"({image_left:.1f} + {image_width:.1f} / 3)")
        t.check(abs(seal_width - 36 * 72 / 25.4) < 0.5, f"{label}: the seal at its real size, 36 mm ({seal_width:.1f} pt)")
        text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-bbox", issued, "-"], capture_output=True).stdout.decode()
        times = [float(m[1]) for m in re.finditer(r'xMax="([\d.]+)"[^>]*>2026-\d\d-\d\dT[\d:]+\+07:00<', text)]
        t.check(times and times[0] <= orect[2] + 0.5,
                f"{label}: the signing time ends inside the organisation's field ({times}, field right {orect[2]})")
    t.check(len(spans) == 2 and spans[1] > 3 * spans[0], f"the two signatures differ in width, so the test means something ({spans})")
t.finish()
