#!/usr/bin/env python3
"""Signing and verifying (`vanban sign`, `vanban verify`, run by vanban-sign).

A small PKI is made here with the `openssl` command (a CA, a signer, an organisation, an
expired signer, a PKCS#12 without a key; nothing is committed). Readers that are not our
code judge the result: poppler's `pdfsig` must call every signature valid, and
`openssl cms -verify` must accept each signature's CMS over the bytes of its /ByteRange,
with the PAdES B-B attributes. One flipped byte must make both pdfsig and `vanban verify`
fail. Bad keys and bad PDFs give a clear error, exit 1 and no output file."""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import HEAD, Failures, run, write_file  # noqa: E402
from pki import PASSWORD, make_pki, pdfsig, signatures  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("sign")
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}


def sign(tmp, src, dst, key, *extra, env=PASSWORD):
    return run(vanban, "sign", src, "-o", dst, "--p12", os.path.join(tmp, key), *extra, env=env, check=False)


def verify(*args):
    return run(vanban, "verify", *args, check=False)


def check_openssl_cms(tmp, path, count):
    """OpenSSL, not our code, verifies each CMS over its /ByteRange and shows PAdES B-B's attributes."""
    sigs = signatures(path)
    t.check(len(sigs) == count, f"{path}: {count} /ByteRange entries (found {len(sigs)})")
    for i, (content, der) in enumerate(sigs):
        open(os.path.join(tmp, "content.bin"), "wb").write(content)
        open(os.path.join(tmp, "sig.der"), "wb").write(der)
        p = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der",
                            "-content", "content.bin", "-CAfile", "ca.pem", "-purpose", "any", "-out", os.devnull],
                           capture_output=True, cwd=tmp)
        t.check(p.returncode == 0, f"openssl cms -verify accepts signature {i + 1} of {path} ({p.stderr.decode()[-300:]})")
        dump = subprocess.run(["openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", "sig.der"],
                              capture_output=True, cwd=tmp).stdout.decode("utf-8", "replace")
        for attribute in ("contentType", "messageDigest", "signingTime", "id-smime-aa-signingCertificateV2", "sha256"):
            t.check(attribute in dump, f"signature {i + 1} of {path} has {attribute} (openssl cms -cmsout -print)")


def flipped(src, dst, offset):
    data = bytearray(open(src, "rb").read())
    data[offset] ^= 0x01
    open(dst, "wb").write(data)


with tempfile.TemporaryDirectory(prefix="vanban-sign-") as tmp:
    make_pki(tmp)
    write_file(os.path.join(tmp, "doc", "document.yaml"), HEAD + "body:\n  - Một đoạn văn để ký thử.\n")
    unsigned = os.path.join(tmp, "in.pdf")
    run(vanban, "build", os.path.join(tmp, "doc"), "-o", unsigned, env=ENV)
    original = open(unsigned, "rb").read()

    # One signature: valid for pdfsig, OpenSSL and vanban verify; an incremental update.
    one = os.path.join(tmp, "one.pdf")
    p = sign(tmp, unsigned, one, "signer.p12", "--reason", "Ký ban hành", "--location", "An Bình")
    t.check(p.returncode == 0, f"sign exits 0 ({p.stderr.decode()})")
    t.check(open(one, "rb").read().startswith(original), "the signed file starts with the input's bytes (incremental update)")
    out = pdfsig(one)
    t.check("Signature is Valid" in out and "Total document signed" in out, f"pdfsig: valid, whole document ({out})")
    t.check("ETSI.CAdES.detached" in out and "SHA-256" in out, "pdfsig: ETSI.CAdES.detached, SHA-256")
    check_openssl_cms(tmp, one, 1)
    p = verify(one, "--json")
    report = json.loads(p.stdout.decode())
    t.check(p.returncode == 0 and report["valid"], "vanban verify: exit 0 and valid")
    s = report["signatures"][0] if report["signatures"] else {}
    t.check(s.get("signer") == "Nguyễn Văn An" and s.get("level") == "PAdES B-B" and s.get("whole_file"),
            f"verify --json: signer, PAdES B-B, whole file ({s})")
    t.check(s.get("reason") == "Ký ban hành" and s.get("location") == "An Bình", "verify --json: reason and location")
    t.check(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", s.get("signing_time", "")) is not None,
            f"signing time in ISO 8601 at +07:00 ({s.get('signing_time')})")
    t.check(verify(one, "--ca", os.path.join(tmp, "ca.pem")).returncode == 0, "verify --ca with the test CA: exit 0")
    t.check(verify(one, "--ca", os.path.join(tmp, "signer.pem")).returncode == 1, "verify --ca with another trust list: exit 1")
    t.check(verify(unsigned).returncode == 1, "verify of an unsigned file: exit 1")

    # A second signature keeps the first valid; the first covers revision 2 of 3.
    two = os.path.join(tmp, "two.pdf")
    p = sign(tmp, one, two, "org.p12")
    t.check(p.returncode == 0, f"signing a signed file exits 0 ({p.stderr.decode()})")
    out = pdfsig(two)
    t.check(out.count("Signature is Valid") == 2 and out.count("Total document signed") == 1,
            f"pdfsig: both signatures valid, the last covers everything ({out})")
    check_openssl_cms(tmp, two, 2)
    p = verify(two, "--json")
    report = json.loads(p.stdout.decode())
    t.check(p.returncode == 0 and [s["revision"] for s in report["signatures"]] == [2, 3] and report["revisions"] == 3,
            f"verify: two signatures, revisions 2 and 3 of 3 ({p.stdout.decode()})")

    # One flipped byte inside a signed range: pdfsig and vanban verify both fail. (In the first
    # revision: the middle of the document; in the last update: a digit of the second /M.)
    signed_two = open(two, "rb").read()
    in_update = signed_two.index(b"/M (D:", len(open(one, "rb").read())) + 8
    for offset, what in ((len(original) // 2, "the first revision"), (in_update, "the last update")):
        bad = os.path.join(tmp, "bad.pdf")
        flipped(two, bad, offset)
        out = pdfsig(bad)
        t.check("Digest Mismatch" in out, f"pdfsig reports a digest mismatch after a byte flipped in {what} ({out})")
        t.check(verify(bad).returncode == 1, f"vanban verify fails after a byte flipped in {what}")
    # Bytes appended after the last signature are an unsigned change.
    appended = os.path.join(tmp, "appended.pdf")
    open(appended, "wb").write(open(two, "rb").read() + b"% unsigned\n%%EOF\n")
    t.check(verify(appended).returncode == 1, "verify fails when an unsigned revision follows the last signature")

    # Bad keys, bad PDFs: a clear error, exit 1, no output and no temporary left.
    broken = os.path.join(tmp, "broken.pdf")
    open(broken, "wb").write(original[: len(original) // 2])
    cases = [("wrong password", unsigned, "signer.p12", {"VANBAN_P12_PASSWORD": "sai"}, "wrong password"),
             ("no private key", unsigned, "nokey.p12", PASSWORD, "no private key"),
             ("expired certificate", unsigned, "expired.p12", PASSWORD, "expired on 2021-01-01"),
             ("corrupt PDF", broken, "signer.p12", PASSWORD, "cannot read the PDF"),
             ("not a PDF", os.path.join(tmp, "ca.pem"), "signer.p12", PASSWORD, "not a PDF")]
    for what, src, key, env, message in cases:
        dst = os.path.join(tmp, "failed", "out.pdf")
        p = sign(tmp, src, dst, key, env=env)
        err = p.stderr.decode("utf-8", "replace")
        t.check(p.returncode == 1 and message in err and "error:" in err, f"{what}: exit 1 and `{message}` ({err})")
        left = os.listdir(os.path.dirname(dst)) if os.path.isdir(os.path.dirname(dst)) else []
        t.check(left == [], f"{what}: nothing written ({left})")

    p = sign(tmp, unsigned, os.path.join(tmp, "nofield.pdf"), "signer.p12", "--field", "vanban.seal")
    t.check(p.returncode == 1 and b"no empty signature field named vanban.seal" in p.stderr
            and not os.path.exists(os.path.join(tmp, "nofield.pdf")), f"--field naming no field: exit 1 ({p.stderr.decode()})")

    # The password: from a file works; on the command line it is refused (exit 2).
    write_file(os.path.join(tmp, "pw"), PASSWORD["VANBAN_P12_PASSWORD"] + "\n")
    p = sign(tmp, unsigned, os.path.join(tmp, "pw.pdf"), "signer.p12", "--password-file", os.path.join(tmp, "pw"), env={})
    t.check(p.returncode == 0, f"--password-file: signed ({p.stderr.decode()})")
    p = sign(tmp, unsigned, os.path.join(tmp, "argv.pdf"), "signer.p12", "--password", "x", env={})
    t.check(p.returncode == 2 and not os.path.exists(os.path.join(tmp, "argv.pdf")), "--password on the command line: exit 2")

t.finish()
