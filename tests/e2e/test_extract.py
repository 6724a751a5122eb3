#!/usr/bin/env python3
"""PDF/A-3b keeps the files a document was made from: `build --pdfa 3b` embeds document.yaml,
its parts and its images as associated files (/AF, /AFRelationship /Source, a MIME type in
/Subtype), `vanban extract` writes them back, and that folder builds the same bytes again.
Read also with qpdf (not our code): `qpdf --list-attachments` names each file. Other levels
embed nothing; extract refuses a PDF without sources (exit 1, nothing written)."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("extract")
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}

with tempfile.TemporaryDirectory(prefix="vanban-extract-") as tmp:
    for sample in ("bao-cao-ubnd-xa", "bao-cao-chinh-tri"):
        src = os.path.join(ROOT, "content", sample)
        first, again = os.path.join(tmp, sample + ".pdf"), os.path.join(tmp, sample + "-again.pdf")
        run(vanban, "build", src, "--pdfa", "3b", "-o", first, env=ENV)
        data = open(first, "rb").read()
        t.check(b"/AFRelationship /Source" in data and b"/AF [" in data and b"/EmbeddedFiles" in data,
                f"{sample}: /AF, /AFRelationship /Source and the EmbeddedFiles name tree")
        listed = subprocess.run(["qpdf", "--list-attachments", first], capture_output=True).stdout.decode()
        t.check("document.yaml" in listed, f"{sample}: qpdf lists document.yaml among the attachments ({listed})")
        folder = os.path.join(tmp, "out", sample)
        p = run(vanban, "extract", first, "-o", folder, check=False)
        t.check(p.returncode == 0, f"{sample}: extract exits 0 ({p.stderr.decode()})")
        with open(os.path.join(src, "document.yaml"), "rb") as f:
            t.check(os.path.exists(os.path.join(folder, "document.yaml"))
                    and open(os.path.join(folder, "document.yaml"), "rb").read() == f.read(),
                    f"{sample}: document.yaml comes back byte for byte")
        run(vanban, "build", folder, "--pdfa", "3b", "-o", again, env=ENV)
        t.check(open(again, "rb").read() == data, f"{sample}: the extracted folder builds the same bytes")
    images = os.path.join(tmp, "out", "bao-cao-ubnd-xa", "chu-ky.png")
    t.check(os.path.exists(images), "the scanned signature image is embedded and extracted too")

    plain = os.path.join(tmp, "2b.pdf")
    run(vanban, "build", os.path.join(ROOT, "content", "bao-cao-ubnd-xa"), "--pdfa", "2b", "-o", plain, env=ENV)
    t.check(b"/EmbeddedFiles" not in open(plain, "rb").read(), "--pdfa 2b embeds no source files")
    p = run(vanban, "extract", plain, "-o", os.path.join(tmp, "none"), check=False)
    t.check(p.returncode == 1 and b"no embedded source files" in p.stderr and not os.path.exists(os.path.join(tmp, "none")),
            f"extract of a PDF without sources: exit 1, nothing written ({p.stderr.decode()})")

t.finish()
