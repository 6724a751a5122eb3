"""Reads back what a page draws, from the PDF itself: text lines with their boxes
(pdftotext -bbox-layout), text runs with font and size, and filled rules (from the
content stream, via qpdf --json). Coordinates are points from the top-left corner."""
import base64
import json
import re
import xml.etree.ElementTree as ET

from common import run

NS = "{http://www.w3.org/1999/xhtml}"
MM = 72 / 25.4


class Page:
    def __init__(self, height):
        self.height = height
        self.lines = []   # (text, x0, y0, x1, y1)
        self.runs = []    # (font base name, size, x, baseline y, fill colour (r, g, b) 0-1)
        self.frames = []  # stroked rectangles: (x, y_top, width, height, stroke colour (r, g, b) 0-1)
        self.rules = []   # (x, y_top, width, height)
        self.images = []  # (x, y_top, width, height) of each image XObject drawn

    def line(self, text):
        """The line whose text is `text` (spaces collapsed), or None."""
        want = " ".join(text.split())
        for ln in self.lines:
            if ln[0] == want:
                return ln
        return None

    def lines_starting(self, text):
        return [ln for ln in self.lines if ln[0].startswith(text)]

    def run_at(self, x, y0, y1):
        """The text run that starts at x (within 0.6 pt) with its baseline inside [y0, y1]."""
        best = None
        for r in self.runs:
            if abs(r[2] - x) < 0.6 and y0 - 1 <= r[3] <= y1 + 1:
                best = r
        return best


def read(pdf):
    xml = run("pdftotext", "-bbox-layout", "-enc", "UTF-8", pdf, "-").stdout.decode()
    root = ET.fromstring(xml)
    js = json.loads(run("qpdf", "--json", "--json-stream-data=inline", pdf).stdout)
    objs = js["qpdf"][1]
    pages = []
    for pi, page in enumerate(root.iter(NS + "page")):
        p = Page(float(page.get("height")))
        for line in page.iter(NS + "line"):
            ws = list(line.iter(NS + "word"))
            p.lines.append((" ".join(w.text for w in ws), min(float(w.get("xMin")) for w in ws),
                            min(float(w.get("yMin")) for w in ws), max(float(w.get("xMax")) for w in ws),
                            max(float(w.get("yMax")) for w in ws)))
        info = js["pages"][pi]
        pobj = objs["obj:" + info["object"]]["value"]
        fonts = {}
        for name, ref in pobj["/Resources"].get("/Font", {}).items():
            fonts[name[1:]] = objs["obj:" + ref]["value"]["/BaseFont"][1:]
        data = b"".join(base64.b64decode(objs["obj:" + c]["stream"]["data"]) for c in info["contents"])
        font, size = None, 0.0
        for m in re.finditer(rb"q ([\d.]+) 0 0 ([\d.]+) ([\d.-]+) ([\d.-]+) cm /\w+ Do Q", data):
            w, h, x, y = (float(m.group(k)) for k in (1, 2, 3, 4))
            p.images.append((x, p.height - y - h, w, h))
        for m in re.finditer(rb"q ([\d.]+) ([\d.]+) ([\d.]+) RG\s+[\d.]+ w ([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re S Q", data):
            r, g, b, x, y, w, h = (float(m.group(k)) for k in range(1, 8))
            p.frames.append((x, p.height - y - h, w, h, (r, g, b)))
        fill = (0.0, 0.0, 0.0)
        for m in re.finditer(rb"/(\w+) ([\d.]+) Tf|1 0 0 1 ([\d.-]+) ([\d.-]+) Tm|([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re f"
                             rb"|([\d.]+) ([\d.]+) ([\d.]+) rg", data):
            if m.group(1):
                font, size = fonts.get(m.group(1).decode(), m.group(1).decode()), float(m.group(2))
            elif m.group(3):
                p.runs.append((font, size, float(m.group(3)), p.height - float(m.group(4)), fill))
            elif m.group(9):
                fill = tuple(float(m.group(k)) for k in (9, 10, 11))
            else:
                x, y, w, h = (float(m.group(k)) for k in (5, 6, 7, 8))
                p.rules.append((x, p.height - y - h, w, h))
        pages.append(p)
    return pages
