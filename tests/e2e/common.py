"""Shared helpers for the end-to-end tests: run vanban and the poppler/qpdf tools."""
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Failures:
    """Collects failed checks so a test reports all of them, then exits non-zero."""

    def __init__(self, name):
        self.name = name
        self.failed = []
        self.passed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed.append(what)
            print(f"FAIL: {what}", file=sys.stderr)

    def finish(self):
        print(f"{self.name}: {self.passed} passed, {len(self.failed)} failed")
        sys.exit(1 if self.failed else 0)


def run(*cmd, env=None, check=True, cwd=ROOT):
    e = dict(os.environ)
    if env:
        e.update(env)
    p = subprocess.run(cmd, capture_output=True, env=e, cwd=cwd)
    if check and p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr.decode('utf-8', 'replace')}")
    return p


# The head of a small valid Party document (`body:` or `parts:` follow).
HEAD = """style: dang
kind: bao-cao
header:
  issuer: ĐẢNG ỦY XÃ AN BÌNH
  code: BC/ĐU
title: Báo cáo thử
"""


def write_file(path, text):
    """Writes UTF-8 `text` to `path`, creating its folder."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def nfc_words(text):
    return unicodedata.normalize("NFC", text).split()


def import_file(f, vanban, src, out, what):
    """Runs `vanban import src -o out`; checks it exits 0; returns its stderr, or None when it failed."""
    p = run(vanban, "import", src, "-o", out, check=False)
    err = p.stderr.decode("utf-8")
    f.check(p.returncode == 0, f"{what} imports (exit {p.returncode}: {err[-1500:]})")
    return err if p.returncode == 0 else None
