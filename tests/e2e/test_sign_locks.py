#!/usr/bin/env python3
"""Field locks end to end: the leader's signature field of an unissued build gets a /Lock (written
here, in a revision the leader's signature covers, as an e-office's signing tool would write
it), the leader signs, and `vanban issue` fills the number and date and signs as the
organisation. A lock that names the number: pdfsig still calls both signatures valid (it does
not judge later changes), `vanban verify` names the locked field and fails. A lock that leaves
the clerk's blanks open (/Exclude them): verify passes, and reports the lock."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures, run  # noqa: E402
from pki import PASSWORD, make_pki, objects, pdfsig, update  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("sign_locks")
ENV = {"SOURCE_DATE_EPOCH": "1764547200"}
SAMPLE = os.path.join(ROOT, "content", "nghi-quyet-chi-bo")
BLANKS = ["number", "day", "month", "year"]


def vb(*args):
    return run(vanban, *args, env={**ENV, **PASSWORD}, check=False)


def lock_signer_field(src, dst, lock):
    """`src` with a later revision that adds `/Lock lock` to the `signer` field (found with qpdf)."""
    number = next(int(key.split(":")[1].split()[0]) for key, o in objects(src).items()
                  if isinstance(o.get("value"), dict) and o["value"].get("/T") == "u:signer")
    body = subprocess.run(["qpdf", f"--show-object={number}", src], capture_output=True).stdout.strip()
    t.check(body.endswith(b">>"), f"qpdf shows the signer field's dictionary ({body[:80]})")
    update(src, dst, number, body[:-2] + b" /Lock " + lock + b" >>")


with tempfile.TemporaryDirectory(prefix="vanban-locks-") as tmp:
    make_pki(tmp)
    unissued = os.path.join(tmp, "unissued.pdf")
    run(vanban, "build", SAMPLE, "-o", unissued, "--unissued", env=ENV)
    cases = (("include", b"<< /Type /SigFieldLock /Action /Include /Fields [(number)] >>", False),
             ("exclude", b"<< /Type /SigFieldLock /Action /Exclude /Fields [" +
              b" ".join(b"(%s)" % n.encode() for n in BLANKS) + b"] >>", True))
    for name, lock, permitted in cases:
        locked, leader, issued = (os.path.join(tmp, f"{name}-{step}.pdf") for step in ("locked", "leader", "issued"))
        lock_signer_field(unissued, locked, lock)
        p = vb("sign", locked, "-o", leader, "--p12", os.path.join(tmp, "signer.p12"), "--field", "signer")
        t.check(p.returncode == 0, f"{name}: the leader signs the locked field ({p.stderr.decode()})")
        p = vb("issue", leader, "--number", "15", "--date", "2026-12-02", "--p12", os.path.join(tmp, "org.p12"),
               "-o", issued)
        t.check(p.returncode == 0, f"{name}: the clerk issues it ({p.stderr.decode()})")
        out = pdfsig(issued)
        t.check(out.count("Signature is Valid") == 2, f"{name}: pdfsig calls both signatures valid ({out})")
        p = vb("verify", issued, "--json")
        report = json.loads(p.stdout.decode() or "{}")
        leader_sig = (report.get("signatures") or [{}])[0]
        t.check(leader_sig.get("field") == "signer" and leader_sig.get("locks", {}).get("from") == "Lock",
                f"{name}: verify reads the leader's lock from its field ({leader_sig.get('locks')})")
        if permitted:
            t.check(p.returncode == 0 and report["valid"] and leader_sig["unpermitted_changes"] == [] and
                    leader_sig["locks"] == {"action": "Exclude", "fields": BLANKS, "from": "Lock", "p": 0},
                    f"the blanks left open: verify passes ({p.stdout.decode()})")
        else:
            t.check(p.returncode == 1 and not report["valid"] and leader_sig["unpermitted_changes"] ==
                    ["the field `number` that signature `signer` locked was changed"],
                    f"the number locked: verify fails, naming it ({p.stdout.decode()})")
            p = vb("verify", issued)
            t.check(p.returncode == 1 and b"locks:        the field number (/Lock)" in p.stdout and
                    b"not permitted: the field `number`" in p.stdout and b"NOT VALID" in p.stdout,
                    f"the text report names the lock and the change ({p.stdout.decode()})")

t.finish()
