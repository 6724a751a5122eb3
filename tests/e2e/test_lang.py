#!/usr/bin/env python3
"""Choosing the language of messages (--lang, the environment), on a machine with no vi_VN
locale generated (glibc's gettext would translate nothing there without vanban's own
set-up, pipeline/core/i18n.cpp): each way of asking for Vietnamese gives Vietnamese, each
other way English; --help reads in both; and the PDF is byte-identical in both languages.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("languages")
BAD = os.path.join(ROOT, "tests", "bad")
EN = "yaml-tab-indent/document.yaml:4:1: error: tab character used for indentation"
VI = "yaml-tab-indent/document.yaml:4:1: lỗi: ký tự tab được dùng để thụt lề"

locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
no_vi_locale = not any(l.lower().startswith("vi") for l in locales)


def first_line(args, env):
    with tempfile.TemporaryDirectory() as tmp:
        p = subprocess.run(["env", "-i", *[f"{k}={v}" for k, v in env.items()], vanban, *args, "build",
                            "yaml-tab-indent", "-o", os.path.join(tmp, "x.pdf")], cwd=BAD, capture_output=True)
        t.check(p.returncode == 1, f"{args} {env}: exit 1 (got {p.returncode})")
        return p.stderr.decode("utf-8", "replace").split("\n")[0]


cases = [
    ([], {}, EN),
    ([], {"LANG": "vi_VN.UTF-8"}, VI),
    ([], {"LANG": "vi_VN"}, VI),
    ([], {"LC_MESSAGES": "vi_VN.UTF-8", "LANG": "C"}, VI),
    ([], {"LC_ALL": "C", "LANG": "vi_VN.UTF-8"}, EN),       # LC_ALL wins, as in gettext
    ([], {"LANG": "C", "LANGUAGE": "vi"}, EN),              # gettext ignores LANGUAGE in the C locale
    ([], {"LANG": "en_US.UTF-8", "LANGUAGE": "vi:en"}, VI),
    ([], {"LANG": "vi_VN.UTF-8", "LANGUAGE": "en"}, EN),
    ([], {"LANG": "de_DE.UTF-8", "LANGUAGE": "fr:vi"}, VI),  # no catalogue for fr: the next one
    (["--lang", "vi"], {"LANG": "C"}, VI),
    (["--lang=vi"], {}, VI),
    (["--lang", "en"], {"LANG": "vi_VN.UTF-8"}, EN),
]
for args, env, want in cases:
    got = first_line(args, env)
    t.check(got == want, f"vanban {' '.join(args)} with {env or 'no environment'}"
            f"{' (no vi locale on this machine)' if no_vi_locale else ''}: {want!r}, got {got!r}")

# --lang after the command, and a wrong --lang: a usage error, exit 2.
with tempfile.TemporaryDirectory() as tmp:
    p = subprocess.run([vanban, "build", "yaml-tab-indent", "--lang", "vi", "-o", os.path.join(tmp, "x.pdf")],
                       cwd=BAD, capture_output=True, text=True)
    t.check(p.stderr.startswith(VI), f"--lang vi after the command: {p.stderr[:200]!r}")
for bad in (["--lang", "fr"], ["--lang"], ["--lang", "vi", "--lang", "en"]):
    p = subprocess.run([vanban, *bad, "--help"], capture_output=True, text=True)
    t.check(p.returncode == 2 and "--lang" in p.stderr, f"{bad}: exit 2 naming --lang ({p.returncode}, {p.stderr!r})")

# --help in both languages: the same options, Vietnamese words in the Vietnamese one.
en = subprocess.run([vanban, "--lang", "en", "--help"], capture_output=True, text=True).stdout
vi = subprocess.run(["env", "-i", "LANG=vi_VN.UTF-8", vanban, "--help"], capture_output=True, text=True).stdout
t.check(en != vi and "văn bản" in vi and "Usage:" in en, "--help reads in Vietnamese under LANG=vi_VN.UTF-8")
for option in ("--output", "--final", "--pdfa", "--sign", "--dump=styled", "--imposition", "--copies", "--styles",
               "--lang", "--version"):
    t.check(option in vi, f"the Vietnamese --help names {option}")

# The same bytes in both languages: messages change, the PDF does not.
with tempfile.TemporaryDirectory() as tmp:
    outs = []
    for lang in ("en", "vi"):
        out = os.path.join(tmp, f"{lang}.pdf")
        p = subprocess.run([vanban, "--lang", lang, "build", "content/bao-cao-chinh-tri", "-o", out], cwd=ROOT,
                           capture_output=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
        t.check(p.returncode == 0, f"the sample builds with --lang {lang}: {p.stderr[:300]!r}")
        outs.append(open(out, "rb").read() if os.path.exists(out) else b"")
    t.check(outs[0] == outs[1] and outs[0].startswith(b"%PDF"), "the sample's PDF is byte-identical in both languages")
t.finish()
