#!/usr/bin/env python3
"""What `-o` and the default output may be (issue 11, bugs 1 and 5): never an input of the
build wherever it lives (compared by device and inode: style files given by path, included
files, images, hard links), never a device, FIFO, socket or folder (refused, left as they
are); a symbolic link is written through to its target and stays a link; a path naming a
folder (`newdir/`, `x.pdf/.`, `""`) is a usage error before any folder is made. The default
name is the folder's real name (`doc/`, `.`), a 244-character name fits with its temporary,
and rebuilding never lists or walks folders: an unreadable sub-folder beside a one-file
document, or an unlistable output folder, changes nothing, and a temporary left by a killed
build is taken over by name. The file size limit (`ulimit -f`) is a message, not a kill."""
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import HEAD, ROOT, Failures, run, write_file  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("output paths")
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}
GOOD = HEAD + "body:\n  - Một đoạn văn ngắn để thử.\n"


def build(*args, env=ENV, cwd=ROOT, preexec=None):
    e = dict(os.environ, **env)
    return subprocess.run([vanban, "build", *args], capture_output=True, env=e, cwd=cwd, preexec_fn=preexec)


def as_nobody():
    """Runs the child as an unprivileged user, so that permissions hold even under root."""
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)


with tempfile.TemporaryDirectory(prefix="vanban-outpaths-") as tmp:
    os.chmod(tmp, 0o777)
    doc = os.path.join(tmp, "doc")
    style = os.path.join(tmp, "kieu-rieng.yaml")
    shutil.copy(os.path.join(ROOT, "styles", "dang.yaml"), style)
    write_file(os.path.join(doc, "document.yaml"),
               GOOD.replace("style: dang", f"style: {style}") + "  - include: them.yaml\n")
    write_file(os.path.join(doc, "them.yaml"), "body:\n  - Đoạn được đưa vào.\n")
    p = build(doc, "-o", os.path.join(tmp, "ok.pdf"))
    t.check(p.returncode == 0, f"the document builds ({p.stderr.decode()})")

    # Bug 1: inputs, wherever they live and however they are reached.
    hard = os.path.join(tmp, "hard-link.pdf")
    os.link(style, hard)
    link = os.path.join(tmp, "link-to-include.pdf")
    os.symlink(os.path.join(doc, "them.yaml"), link)
    for name, target in (("the style file outside the folder", style), ("a hard link to the style", hard),
                         ("an included file", os.path.join(doc, "them.yaml")), ("a link to an included file", link)):
        before = open(target, "rb").read()
        p = build(doc, "-o", target)
        t.check(p.returncode == 1 and b"refusing to overwrite an input file" in p.stderr and
                open(target, "rb").read() == before, f"-o {name}: refused, unchanged ({p.stderr.decode()})")
    t.check(os.path.islink(link), "the link to an input is still a link")

    # Not regular files: refused and left as they are (a device node made here, not /dev/null).
    fifo = os.path.join(tmp, "fifo.pdf")
    os.mkfifo(fifo)
    sock_path = os.path.join(tmp, "sock.pdf")
    import socket
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(sock_path)
    targets = [(fifo, stat.S_ISFIFO, b"FIFO"), (sock_path, stat.S_ISSOCK, b"socket")]
    if os.geteuid() == 0:
        dev = os.path.join(tmp, "null.pdf")
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        targets.append((dev, stat.S_ISCHR, b"device"))
    for target, kind, word in targets:
        p = build(doc, "-o", target)
        t.check(p.returncode == 1 and word in p.stderr and kind(os.lstat(target).st_mode),
                f"-o a {word.decode()}: refused, left as it is ({p.stderr.decode()})")
    sock.close()

    # A symbolic link is written through; the link stays.
    real = os.path.join(tmp, "real", "bao-cao.pdf")
    os.makedirs(os.path.dirname(real))
    write_file(real, "%PDF-1.7 old")
    out_link = os.path.join(tmp, "out-link.pdf")
    os.symlink(real, out_link)
    p = build(doc, "-o", out_link)
    t.check(p.returncode == 0 and os.path.islink(out_link) and open(real, "rb").read().startswith(b"%PDF-"),
            f"-o a symbolic link: its target gets the PDF, the link stays ({p.stderr.decode()})")

    # Paths naming a folder: usage errors, no folder made.
    for value in ("", os.path.join(tmp, "newdir") + "/", os.path.join(tmp, "x.pdf", ".")):
        p = build(doc, "-o", value)
        t.check(p.returncode == 2 and not os.path.exists(os.path.join(tmp, "newdir"))
                and not os.path.exists(os.path.join(tmp, "x.pdf")), f"-o {value!r}: a usage error, nothing made "
                f"({p.returncode}, {p.stderr.decode()})")

    # Bug 5: the default name is the folder's real name.
    work = os.path.join(tmp, "work")
    os.makedirs(work)
    shutil.copytree(doc, os.path.join(work, "bao-cao"))
    os.makedirs(os.path.join(work, "bao-cao", "con"))
    for args, cwd in ((["bao-cao/"], work), (["."], os.path.join(work, "bao-cao")),
                      ([".."], os.path.join(work, "bao-cao", "con"))):
        p = build(*args, cwd=cwd)
        out = os.path.join(cwd, "out", "bao-cao.pdf")
        t.check(p.returncode == 0 and os.path.isfile(out), f"build {args[0]} writes out/bao-cao.pdf "
                f"({p.stderr.decode()}; {os.listdir(os.path.join(cwd, 'out')) if os.path.isdir(os.path.join(cwd, 'out')) else '-'})")

    # A 244-character output name (and the longest, 255 bytes) fits with its temporary.
    for n in (244, 255):
        name = "b" * (n - 4) + ".pdf"
        p = build(doc, "-o", os.path.join(tmp, name))
        t.check(p.returncode == 0 and os.path.isfile(os.path.join(tmp, name)),
                f"a {n}-byte output name ({p.stderr.decode()})")

    # No walking: a one-file document beside an unreadable folder, an unlistable output
    # folder (write and search only), as an unprivileged user; a killed build's temporary
    # is taken over by name.
    lone = os.path.join(tmp, "lone")
    os.makedirs(os.path.join(lone, "khoa"))
    write_file(os.path.join(lone, "mot-tep.yaml"), GOOD)
    os.chmod(os.path.join(lone, "khoa"), 0)
    outdir = os.path.join(tmp, "unlistable")
    os.makedirs(outdir)
    write_file(os.path.join(outdir, ".mot-tep.pdf.tmp-0"), "%PDF half written by a killed build")
    os.chmod(lone, 0o777)
    for f in (outdir, os.path.join(outdir, ".mot-tep.pdf.tmp-0")):
        os.chown(f, 65534, 65534) if os.geteuid() == 0 else None
    for i in range(2):  # the first build and a rebuild
        p = build("mot-tep.yaml", cwd=lone, preexec=as_nobody)
        t.check(p.returncode == 0 and os.path.isfile(os.path.join(lone, "out", "mot-tep.pdf")),
                f"build {i + 1} of a one-file document beside an unreadable folder ({p.stderr.decode()})")
    os.chmod(outdir, 0o333)
    p = build(os.path.join(lone, "mot-tep.yaml"), "-o", os.path.join(outdir, "mot-tep.pdf"), preexec=as_nobody)
    os.chmod(outdir, 0o755)
    t.check(p.returncode == 0 and sorted(os.listdir(outdir)) == ["mot-tep.pdf"],
            f"into an unlistable folder: built, the killed build's temporary taken over ({p.stderr.decode()}, "
            f"{sorted(os.listdir(outdir))})")
    os.chmod(os.path.join(lone, "khoa"), 0o755)

    # ulimit -f: a message, exit 1, no temporary; the earlier file stays.
    small = os.path.join(tmp, "small")
    os.makedirs(small)
    write_file(os.path.join(small, "a.pdf"), "%PDF-1.7 earlier")

    def file_limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    p = build(doc, "-o", os.path.join(small, "a.pdf"), preexec=file_limit)
    t.check(p.returncode == 1 and b"file size limit" in p.stderr and os.listdir(small) == ["a.pdf"]
            and open(os.path.join(small, "a.pdf")).read() == "%PDF-1.7 earlier",
            f"ulimit -f: a message, no temporary ({p.returncode}, {p.stderr.decode()}, {os.listdir(small)})")

t.finish()
