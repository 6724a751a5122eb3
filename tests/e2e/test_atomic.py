#!/usr/bin/env python3
"""Safe output: a build that fails, is interrupted or is killed (SIGKILL, at several moments)
never leaves a half-written PDF, never loses an earlier one, and leaves no temporary file
that the next build does not remove; the output folder is created when missing; an input
file of the document is never overwritten, however its path is spelt.

How temporaries work (pipeline/pdf/write.cpp, write_file_atomically): the PDF is written to
`.<name>.tmp-<k>` beside the output, held with flock(), and renamed over it. SIGINT,
SIGTERM, SIGHUP and SIGQUIT are held during that window. SIGKILL cannot be held, so a killed
run may leave its temporary: its lock died with it, so the next build of the same output
takes it over by name (and renames it away); a temporary a live build holds is not touched."""
import fcntl
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import HEAD, ROOT, Failures, run, write_file  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("atomic output")
sanitizers = bool(os.environ.get("VANBAN_SANITIZERS"))
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}

WORDS = ("Đảng bộ xác định giáo dục chính trị lãnh đạo tư tưởng là nhiệm vụ thường xuyên liên tục trong "
         "toàn bộ công tác xây dựng Đảng hàng năm có kế hoạch tổ chức học tập quán triệt").split()


def big_document(folder, paragraphs):
    body = []
    for i in range(paragraphs):
        words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(80)]
        body.append("  - " + " ".join(words) + ".\n")
    write_file(os.path.join(folder, "document.yaml"), HEAD + "body:\n" + "".join(body))


def temporaries(folder):
    return sorted(n for n in os.listdir(folder) if ".tmp-" in n)


with tempfile.TemporaryDirectory(prefix="vanban-atomic-") as tmp:
    small = os.path.join(tmp, "small")
    write_file(os.path.join(small, "document.yaml"), HEAD + "body:\n  - Một đoạn văn ngắn để thử.\n")
    write_file(os.path.join(small, "phan-phu.yaml"), "title: Không dùng\n")

    # The output folder is created, however deep.
    out = os.path.join(tmp, "moi", "tao", "ra.pdf")
    p = run(vanban, "build", small, "-o", out, env=ENV, check=False)
    t.check(p.returncode == 0 and os.path.isfile(out), f"missing output folders are created ({p.stderr.decode()})")

    # Input files are never overwritten, whatever the spelling of the path.
    for target in ("document.yaml", "./document.yaml", "../small/document.yaml"):
        path = os.path.join(small, target)
        before = open(path, "rb").read()
        p = run(vanban, "build", small, "-o", path, env=ENV, check=False)
        t.check(p.returncode == 1 and b"refusing to overwrite an input file" in p.stderr
                and open(path, "rb").read() == before, f"-o {target}: refused, file unchanged ({p.stderr.decode()})")
    # A file of the folder that this build does not read: not a PDF, so not replaced either.
    path = os.path.join(small, "phan-phu.yaml")
    before = open(path, "rb").read()
    p = run(vanban, "build", small, "-o", path, env=ENV, check=False)
    t.check(p.returncode == 1 and b"not a PDF" in p.stderr and open(path, "rb").read() == before,
            f"-o phan-phu.yaml (not read by the build): refused, file unchanged ({p.stderr.decode()})")
    link = os.path.join(tmp, "lien-ket.pdf")
    os.symlink(os.path.join(small, "document.yaml"), link)
    before = open(link, "rb").read()
    p = run(vanban, "build", small, "-o", link, env=ENV, check=False)
    t.check(p.returncode == 1 and open(link, "rb").read() == before and os.path.islink(link),
            f"-o a symlink to document.yaml: refused ({p.stderr.decode()})")
    one = os.path.join(tmp, "mot-tep.yaml")
    write_file(one, HEAD + "body:\n  - Một đoạn.\n")
    before = open(one, "rb").read()
    p = run(vanban, "build", one, "-o", one, env=ENV, check=False)
    t.check(p.returncode == 1 and open(one, "rb").read() == before, "a one-file document is not its own output")

    # Output paths that cannot be written: a message, exit 1, nothing touched.
    folder = os.path.join(tmp, "la-thu-muc.pdf")
    os.makedirs(folder)
    p = run(vanban, "build", small, "-o", folder, env=ENV, check=False)
    t.check(p.returncode == 1 and b"folder" in p.stderr and os.listdir(folder) == [],
            f"-o an existing folder: refused ({p.stderr.decode()})")
    blocker = os.path.join(tmp, "tep-thuong")
    write_file(blocker, "không phải thư mục")
    p = run(vanban, "build", small, "-o", os.path.join(blocker, "ra.pdf"), env=ENV, check=False)
    t.check(p.returncode == 1 and b"cannot write" in p.stderr and open(blocker, encoding="utf-8").read() ==
            "không phải thư mục", f"-o under a regular file: a message, the file untouched ({p.stderr.decode()})")

    # A bad build leaves the earlier PDF and nothing else.
    outdir = os.path.join(tmp, "out")
    out = os.path.join(outdir, "bao-cao.pdf")
    run(vanban, "build", small, "-o", out, env=ENV)
    earlier = open(out, "rb").read()
    bad = os.path.join(tmp, "bad")
    write_file(os.path.join(bad, "document.yaml"), HEAD + "body:\n  - Một đoạn.\n  - include: khong-co.yaml\n")
    p = run(vanban, "build", bad, "-o", out, env=ENV, check=False)
    t.check(p.returncode == 1 and open(out, "rb").read() == earlier and os.listdir(outdir) == ["bao-cao.pdf"],
            "a failed build leaves the earlier PDF byte-identical and nothing beside it")

    # Stale temporaries: one left by a killed build goes, one a live build holds (its lock)
    # and those of other outputs stay.
    gone = os.path.join(outdir, ".bao-cao.pdf.tmp-0")
    alive = os.path.join(outdir, ".bao-cao.pdf.tmp-1")
    other = os.path.join(outdir, ".khac.pdf.tmp-0")
    for f in (gone, alive, other):
        write_file(f, "%PDF-1.7 half written")
    holder = open(alive, "rb+")
    fcntl.flock(holder, fcntl.LOCK_EX)
    run(vanban, "build", small, "-o", out, env=ENV)
    holder.close()
    t.check(not os.path.exists(gone), "a temporary left by a killed build is taken over by the next build")
    t.check(os.path.exists(alive) and open(alive).read() == "%PDF-1.7 half written",
            "a temporary a running build holds is left alone")
    t.check(os.path.exists(other), "a temporary of another output is left alone")
    for f in (alive, other):
        os.remove(f)

    # Kill a long build at several moments, with SIGKILL (no cleanup possible) and SIGTERM
    # (held while the PDF is written and renamed). Afterwards the output is the earlier PDF
    # or the complete new one, never anything else.
    big = os.path.join(tmp, "big")
    big_document(big, 300 if sanitizers else 2000)
    reference = os.path.join(tmp, "reference.pdf")
    start = time.monotonic()
    run(vanban, "build", big, "-o", reference, env=ENV)
    took = time.monotonic() - start
    new = open(reference, "rb").read()
    t.check(new != earlier, "the long document's PDF differs from the earlier one")
    moments = 5 if sanitizers else 12
    outcomes = {"earlier": 0, "new": 0}
    for sig in (signal.SIGKILL, signal.SIGTERM):
        for i in range(moments):
            # From just after the start to twice the build's time (a loaded machine is slower):
            # the first ones land in loading and layout, the middle ones about the writing,
            # the last ones after the end.
            delay = took * (0.05 + 2.0 * i / (moments - 1))
            e = dict(os.environ, **ENV)
            p = subprocess.Popen([vanban, "build", big, "-o", out], env=e, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            try:
                p.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                p.send_signal(sig)
                p.wait()
            data = open(out, "rb").read()
            what = "new" if data == new else "earlier" if data == earlier else "other"
            if what in outcomes:
                outcomes[what] += 1
            t.check(what != "other", f"{sig.name} after {delay:.2f} s: the output is the earlier PDF or the "
                    f"complete new one ({len(data)} bytes)")
            left = temporaries(outdir)
            if sig == signal.SIGTERM:
                t.check(not left, f"SIGTERM after {delay:.2f} s: no temporary left ({left})")
            # Back to the earlier PDF for the next round, through a build (which also
            # removes what a killed run left).
            run(vanban, "build", small, "-o", out, env=ENV)
            t.check(not temporaries(outdir), f"{sig.name} after {delay:.2f} s: the next build removed the "
                    f"temporaries ({temporaries(outdir)})")
    print(f"kills: the earlier PDF stayed {outcomes['earlier']} times, the new one was complete "
          f"{outcomes['new']} times (build: {took:.2f} s)")
    t.check(sorted(os.listdir(outdir)) == ["bao-cao.pdf"], f"nothing else in the output folder: {os.listdir(outdir)}")

t.finish()
