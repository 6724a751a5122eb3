#!/usr/bin/env python3
"""`vanban build --sign --p12 ...`: builds and signs in one command.

The result is the build with its signature fields, signed in the field `signer`: pdfsig
calls it valid and the whole document signed, and its first revision is byte for byte what
`build --final` writes. A wrong password or a missing --p12 leaves no file (exit 1 / 2);
signing options without --sign are usage errors. vanban-sign starts with the build (its
start-up runs beside the typesetting): when the build itself fails, it is stopped without a
word of its own and leaves no file and no process behind."""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run  # noqa: E402
from pki import PASSWORD, make_pki, pdfsig  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("build_sign")
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}
SAMPLE = os.path.join(ROOT, "content", "nghi-quyet-chi-bo")

with tempfile.TemporaryDirectory(prefix="vanban-build-sign-") as tmp:
    make_pki(tmp)
    final, signed = os.path.join(tmp, "final.pdf"), os.path.join(tmp, "signed.pdf")
    run(vanban, "build", SAMPLE, "-o", final, "--final", env=ENV)
    p = run(vanban, "build", SAMPLE, "-o", signed, "--sign", "--p12", os.path.join(tmp, "signer.p12"),
            "--reason", "Ký ban hành", env={**ENV, **PASSWORD}, check=False)
    t.check(p.returncode == 0, f"build --sign exits 0 ({p.stderr.decode()})")
    out = pdfsig(signed)
    t.check("Signature is Valid" in out and "Total document signed" in out, f"pdfsig: valid, whole document ({out})")
    t.check(re.findall(r"Signature Field Name: (\S+)", out) == ["signer", "organisation"]
            and out.count("Signature is Valid") == 1, f"signed in the field `signer`, `organisation` left ({out})")
    t.check(open(signed, "rb").read().startswith(open(final, "rb").read()),
            "its first revision is the bytes of build --final (an incremental update)")
    t.check(not [f for f in os.listdir(tmp) if f.startswith(".")], "no temporary left beside the output")

    bad = os.path.join(tmp, "bad", "out.pdf")
    p = run(vanban, "build", SAMPLE, "-o", bad, "--sign", "--p12", os.path.join(tmp, "signer.p12"),
            env={**ENV, "VANBAN_P12_PASSWORD": "sai"}, check=False)
    t.check(p.returncode == 1 and b"wrong password" in p.stderr, f"a wrong password: exit 1 ({p.stderr.decode()})")
    left = os.listdir(os.path.dirname(bad)) if os.path.isdir(os.path.dirname(bad)) else []
    t.check(left == [], f"a wrong password: nothing written ({left})")
    # A build that fails after vanban-sign has started: only the build's own error is printed.
    broken = os.path.join(tmp, "broken")
    os.makedirs(broken)
    with open(os.path.join(broken, "document.yaml"), "w") as f:
        f.write("style: dang\nkind: nghi-quyet\nheader: {issuer: Chi bộ}\ntitle: [x\n")
    p = run(vanban, "build", broken, "-o", bad, "--sign", "--p12", os.path.join(tmp, "signer.p12"),
            env={**ENV, **PASSWORD}, check=False)
    err = p.stderr.decode()
    t.check(p.returncode == 1 and "document.yaml:" in err, f"a failed build with --sign: exit 1, its error ({err})")
    t.check("vanban-sign" not in err and "not a PDF" not in err and "signed" not in err,
            f"a failed build with --sign: nothing from the stopped vanban-sign ({err})")
    t.check(not os.path.exists(bad), "a failed build with --sign: nothing written")
    ps = run("ps", "-eo", "pid,ppid,stat,args", check=False).stdout.decode()
    t.check(not [ln for ln in ps.splitlines() if "vanban-sign" in ln and "/dev/stdin" in ln and bad in ln],
            f"a failed build with --sign: no vanban-sign left running or unreaped ({ps})")
    for args, what in ((["--sign"], "--sign without --p12"), (["--p12", "k.p12"], "--p12 without --sign")):
        p = run(vanban, "build", SAMPLE, "-o", bad, *args, env=ENV, check=False)
        t.check(p.returncode == 2 and not os.path.exists(bad), f"{what}: usage error, exit 2 ({p.stderr.decode()})")

t.finish()
