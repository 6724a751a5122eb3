#!/usr/bin/env python3
"""`vanban watch`: the PDF is built at once, then again after a save of the document, of an
included file, of an image and of the style file, each time with "built in N ms"; a broken
save prints its diagnostic and "failed", and leaves the last good PDF byte for byte; an
editor's hidden temporary does not start a build; SIGINT and SIGTERM end it with exit 0.
Every wait is bounded (the build takes milliseconds; the bound is for loaded machines)."""
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("watch")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1764547200")
BOUND = 30.0  # seconds: far above a build, for machines under load and the sanitizers


class Watch:
    """A running `vanban watch`, its stderr read line by line on a thread."""

    def __init__(self, *args):
        self.p = subprocess.Popen([vanban, "watch", *args], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=ENV)
        self.lines = queue.Queue()
        self.seen = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.p.stderr:
            self.lines.put(raw.decode("utf-8", "replace").rstrip("\n"))

    def wait_for(self, *words):
        """The lines up to the first one holding one of `words`, or None after BOUND seconds."""
        deadline = time.monotonic() + BOUND
        got = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            got.append(line)
            self.seen.append(line)
            if any(w in line for w in words):
                return got
        return None

    def quiet_for(self, seconds):
        """True when nothing is printed for `seconds`."""
        try:
            line = self.lines.get(timeout=seconds)
            self.seen.append(line)
            return False
        except queue.Empty:
            return True

    def stop(self, sig):
        self.p.send_signal(sig)
        try:
            return self.p.wait(timeout=BOUND)
        except subprocess.TimeoutExpired:
            self.p.kill()
            return None


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], capture_output=True).stdout.decode("utf-8", "replace")


def built(w, what):
    lines = w.wait_for("built in", "failed in")
    t.check(lines is not None and "built in" in lines[-1], f"{what}: rebuilt ({lines})")
    return lines


def test_rebuilds(work):
    doc = os.path.join(work, "doc")
    shutil.copytree(os.path.join(ROOT, "content", "nghi-quyet-chi-bo"), doc)
    os.makedirs(os.path.join(doc, "anh"))  # an image in a subfolder: subfolders are watched too
    shutil.copy(os.path.join(ROOT, "content", "bao-cao-ubnd-xa", "chu-ky.png"), os.path.join(doc, "anh"))
    edit(os.path.join(doc, "document.yaml"), "  name: Nguyễn Thị Hoa\n",
         "  name: Nguyễn Thị Hoa\n  image: anh/chu-ky.png\n")
    styles = os.path.join(work, "styles")
    shutil.copytree(os.path.join(ROOT, "styles"), styles)
    pdf = os.path.join(work, "out", "doc.pdf")
    w = Watch(doc, "-o", pdf, "--styles", styles)
    try:
        built(w, "first build")
        t.check(os.path.exists(pdf), "the first build writes the PDF")

        edit(os.path.join(doc, "quyet-nghi.yaml"), "kết nạp", "kết nạp Kiểmtra")  # the included file
        built(w, "included file saved")
        t.check("Kiểmtra" in pdf_text(pdf), "the new PDF has the included file's new word")
        good = read(pdf)

        edit(os.path.join(doc, "document.yaml"), "title: Về", "title: [Về")  # a broken save
        lines = w.wait_for("built in", "failed in")
        t.check(lines is not None and "failed in" in lines[-1], f"a broken save fails ({lines})")
        t.check(lines is not None and any("document.yaml:" in l and "error:" in l for l in lines),
                f"its diagnostic names the file and place ({lines})")
        t.check(read(pdf) == good, "the last good PDF is kept byte for byte")

        edit(os.path.join(doc, "document.yaml"), "title: [Về", "title: Về")
        built(w, "document.yaml repaired")

        before = read(pdf)
        shutil.copy(os.path.join(ROOT, "content", "bao-cao-ubnd-xa", "chu-ky.png"), os.path.join(doc, "anh", "chu-ky.png"))
        built(w, "image saved")

        style = os.path.join(styles, "dang.yaml")
        with open(style, encoding="utf-8") as f:
            text = f.read()
        with open(style, "w", encoding="utf-8") as f:  # the body text one point smaller
            f.write(re.sub(r"(\nbody:\n  size: )(\d+)pt", lambda m: f"{m.group(1)}{int(m.group(2)) - 1}pt", text, count=1))
        built(w, "style file saved")
        t.check(read(pdf) != before, "the style's change shows in the PDF")

        with open(os.path.join(doc, ".document.yaml.swp"), "w") as f:
            f.write("editor state")
        t.check(w.quiet_for(0.5), f"a hidden temporary starts no build ({w.seen[-1:]})")
    finally:
        rc = w.stop(signal.SIGINT)
    t.check(rc == 0, f"SIGINT ends watch with exit 0 ({rc})")


def test_sigterm_and_usage(work):
    doc = os.path.join(work, "doc2")
    shutil.copytree(os.path.join(ROOT, "content", "bao-cao-ubnd-xa"), doc)
    w = Watch(doc + "/", "-o", os.path.join(work, "doc2.pdf"))
    built(w, "a folder given with a trailing slash")
    rc = w.stop(signal.SIGTERM)
    t.check(rc == 0, f"SIGTERM ends watch with exit 0 ({rc})")
    t.check(w.wait_for("stopped watching") is not None, "it says it stopped")

    p = subprocess.run([vanban, "watch", "--help"], capture_output=True)
    t.check(p.returncode == 0 and b"Usage: vanban watch" in p.stdout, f"watch --help ({p.returncode})")
    p = subprocess.run([vanban, "watch"], capture_output=True)
    t.check(p.returncode == 2, f"no document is a usage error ({p.returncode})")
    p = subprocess.run([vanban, "watch", os.path.join(work, "nothing-here")], capture_output=True)
    t.check(p.returncode == 1 and b"no such folder" in p.stderr, f"a missing folder is an error ({p.returncode})")
    p = subprocess.run([vanban, "watch", doc, "-o", os.path.join(doc, "x.pdf")], capture_output=True)
    t.check(p.returncode == 2 and b"inside the document folder" in p.stderr,
            f"a PDF inside the document folder is refused at once ({p.returncode}: {p.stderr[:200]})")


work = tempfile.mkdtemp(prefix="vanban-watch-")
try:
    test_rebuilds(work)
    test_sigterm_and_usage(work)
finally:
    shutil.rmtree(work, ignore_errors=True)
t.finish()
