#!/usr/bin/env python3
"""Save -> new PDF with `vanban watch`, for the sample report (content/bao-cao-chinh-tri).

    python3 bench/watch_latency.py [path/to/vanban] [--runs N]

Copies the sample to a temporary folder, starts `vanban watch` on it (-o into the temporary
folder), waits for the first build, then N times: saves phan-2.yaml as editors do (the new
text written to a temporary file, renamed over the old one), and polls the PDF every 0.2 ms
until a new file is in place (a new inode: the build renames its PDF into place). Prints the
median, minimum and maximum of save -> new PDF, and the median of the build times `watch`
reports ("built in N ms"), so that the quiet period and the inotify path show as the
difference. The figures go to bench/NOTES.md (section `vanban watch`)."""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
vanban = os.path.abspath(args[0] if args else os.path.join(ROOT, "build", "release", "vanban"))
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 30

work = tempfile.mkdtemp(prefix="vanban-watch-bench-")
doc = os.path.join(work, "doc")
shutil.copytree(os.path.join(ROOT, "content", "bao-cao-chinh-tri"), doc)
pdf = os.path.join(work, "doc.pdf")
part = os.path.join(doc, "phan-2.yaml")
with open(part, encoding="utf-8") as f:
    original = f.read()

builds = []
p = subprocess.Popen([vanban, "watch", doc, "-o", pdf], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                     env=dict(os.environ, SOURCE_DATE_EPOCH="1764547200"))


def read_stderr():
    for line in p.stderr:
        m = re.search(rb"built in (\d+) ms", line)
        if m:
            builds.append(int(m.group(1)))


threading.Thread(target=read_stderr, daemon=True).start()


def inode():
    try:
        return os.stat(pdf).st_ino
    except FileNotFoundError:
        return None


def wait_new(old, bound=10.0):
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        if inode() not in (None, old):
            return time.monotonic()
        time.sleep(0.0002)
    raise SystemExit("no new PDF within 10 s")


wait_new(None)
while not builds:
    time.sleep(0.001)
done = len(builds)
latencies = []
try:
    for i in range(runs):
        time.sleep(0.2)  # let the machine settle between saves
        old = inode()
        text = original.replace("Đảng bộ", f"Đảng bộ{'' if i % 2 else ' '}", 1)
        tmp = part + ".tmp"
        start = time.monotonic()
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, part)
        end = wait_new(old)
        latencies.append((end - start) * 1000)
        while len(builds) <= done:  # the "built in" line of this save
            time.sleep(0.001)
        done = len(builds)
finally:
    p.terminate()
    p.wait()
    shutil.rmtree(work, ignore_errors=True)

print(f"vanban watch, {runs} saves of phan-2.yaml (sample report, 16 pages):")
print(f"  save -> new PDF: median {statistics.median(latencies):.1f} ms, "
      f"min {min(latencies):.1f} ms, max {max(latencies):.1f} ms")
print(f"  build (as watch reports it): median {statistics.median(builds[1:]):.0f} ms")
