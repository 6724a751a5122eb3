#!/usr/bin/env python3
"""`vanban sign --tsa URL`: an RFC 3161 timestamp over the signature value (PAdES B-T).

The timestamping authority is `openssl ts -reply` behind a tiny HTTP server started here, on
127.0.0.1 (no internet). Readers that are not our code judge the result: pdfsig calls the
signature valid, `openssl cms -cmsout -print` shows the id-smime-aa-timeStampToken attribute,
and `openssl ts -verify` accepts the token (cut out with `openssl asn1parse`) as a timestamp
of the signature value, under the test CA. A TSA out of order: exit 1, no file."""
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import HEAD, Failures, run, write_file  # noqa: E402
from pki import PASSWORD, make_pki, make_tsa, pdfsig, signatures  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("sign_tsa")

TS_CONFIG = """[tsa]
default_tsa = test
[test]
serial = tsaserial
crypto_device = builtin
signer_cert = tsa.pem
certs = ca.pem
signer_key = tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def start_tsa(folder):
    """An HTTP server on a free local port answering each POSTed query with `openssl ts -reply`."""
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path == "/broken":  # a server error, as a TSA out of order gives
                self.send_response(500)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            with lock:
                open(os.path.join(folder, "q.tsq"), "wb").write(query)
                p = subprocess.run(["openssl", "ts", "-reply", "-config", "ts.cnf", "-queryfile", "q.tsq",
                                    "-out", "r.tsr"], cwd=folder, capture_output=True)
                reply = open(os.path.join(folder, "r.tsr"), "rb").read() if p.returncode == 0 else b""
            self.send_response(200 if reply else 500)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def token_and_signature(tmp, der):
    """The timestamp token and the signature value it stamps, cut out of the CMS `der` with the
    offsets `openssl asn1parse` gives (the signature value: the last OCTET STRING before the
    unsigned attributes)."""
    open(os.path.join(tmp, "sig.der"), "wb").write(der)
    lines = subprocess.run(["openssl", "asn1parse", "-inform", "DER", "-in", "sig.der"], cwd=tmp,
                           capture_output=True).stdout.decode().splitlines()
    rows = []
    for line in lines:
        m = re.match(r"\s*(\d+):d=\s*(\d+)\s+hl=\s*(\d+)\s+l=\s*(\d+)\s+\w+:\s*(.*)", line)
        if m:
            rows.append((int(m[1]), int(m[3]), int(m[4]), m[5]))
    at = next(i for i, r in enumerate(rows) if "id-smime-aa-timeStampToken" in r[3])
    off, hl, length, _ = rows[at + 2]  # OBJECT, SET, then the token's SEQUENCE
    token = der[off:off + hl + length]
    sig = [r for r in rows[:at] if r[3].startswith("OCTET STRING")][-1]
    return token, der[sig[0] + sig[1]:sig[0] + sig[1] + sig[2]]


with tempfile.TemporaryDirectory(prefix="vanban-tsa-") as tmp:
    make_pki(tmp)
    make_tsa(tmp)
    write_file(os.path.join(tmp, "ts.cnf"), TS_CONFIG)
    write_file(os.path.join(tmp, "tsaserial"), "01\n")
    write_file(os.path.join(tmp, "doc", "document.yaml"), HEAD + "body:\n  - Một đoạn văn để ký có dấu thời gian.\n")
    unsigned = os.path.join(tmp, "in.pdf")
    run(vanban, "build", os.path.join(tmp, "doc"), "-o", unsigned)
    server = start_tsa(tmp)
    url = f"http://127.0.0.1:{server.server_address[1]}/tsa"

    stamped = os.path.join(tmp, "stamped.pdf")
    p = run(vanban, "sign", unsigned, "-o", stamped, "--p12", os.path.join(tmp, "signer.p12"), "--tsa", url,
            env=PASSWORD, check=False)
    t.check(p.returncode == 0, f"sign --tsa exits 0 ({p.stderr.decode()})")
    out = pdfsig(stamped)
    t.check("Signature is Valid" in out and "Total document signed" in out, f"pdfsig: valid, whole document ({out})")
    sigs = signatures(stamped)
    t.check(len(sigs) == 1, "one signature")
    if sigs:
        der = sigs[0][1]
        open(os.path.join(tmp, "sig.der"), "wb").write(der)
        dump = subprocess.run(["openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", "sig.der"],
                              capture_output=True, cwd=tmp).stdout.decode("utf-8", "replace")
        t.check("id-smime-aa-timeStampToken" in dump, "the CMS carries the timeStampToken attribute (openssl cms -print)")
        token, value = token_and_signature(tmp, der)
        open(os.path.join(tmp, "token.der"), "wb").write(token)
        open(os.path.join(tmp, "value.bin"), "wb").write(value)
        p = subprocess.run(["openssl", "ts", "-verify", "-token_in", "-in", "token.der", "-data", "value.bin",
                            "-CAfile", "ca.pem"], capture_output=True, cwd=tmp)
        t.check(p.returncode == 0, f"openssl ts -verify: the token stamps the signature value ({p.stderr.decode()[-300:]})")
        open(os.path.join(tmp, "other.bin"), "wb").write(value[:-1] + bytes([value[-1] ^ 1]))
        p = subprocess.run(["openssl", "ts", "-verify", "-token_in", "-in", "token.der", "-data", "other.bin",
                            "-CAfile", "ca.pem"], capture_output=True, cwd=tmp)
        t.check(p.returncode != 0, "openssl ts -verify refuses the token for other bytes (the check has teeth)")
    p = run(vanban, "verify", stamped, "--json", check=False)
    report = json.loads(p.stdout.decode())
    s = report["signatures"][0] if report["signatures"] else {}
    ts = s.get("timestamp") or {}
    t.check(p.returncode == 0 and s.get("level") == "PAdES B-T", f"verify: valid, PAdES B-T ({s})")
    t.check(ts.get("valid") is True and ts.get("tsa") == "vanban Test TSA"
            and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", ts.get("time", "")) is not None,
            f"verify: the timestamp's time and authority ({ts})")
    text = run(vanban, "verify", stamped, check=False).stdout.decode()
    t.check("timestamp:" in text and "by vanban Test TSA" in text, f"verify's text names the timestamp ({text})")

    # Without --tsa: B-B and no timestamp.
    plain = os.path.join(tmp, "plain.pdf")
    run(vanban, "sign", unsigned, "-o", plain, "--p12", os.path.join(tmp, "signer.p12"), env=PASSWORD)
    s = json.loads(run(vanban, "verify", plain, "--json", check=False).stdout.decode())["signatures"][0]
    t.check(s["level"] == "PAdES B-B" and s["timestamp"] is None, f"without --tsa: PAdES B-B, no timestamp ({s})")

    # A TSA out of order (HTTP 500), a URL that is not http: exit 1, no file. (Not a closed
    # port: OpenSSL's HTTP client retries the connection until its 30 s timeout.)
    broken = f"http://127.0.0.1:{server.server_address[1]}/broken"
    for what, bad_url, message in (("a TSA out of order", broken, "did not answer"),
                                   ("https", "https://127.0.0.1/tsa", "only http://")):
        dst = os.path.join(tmp, "failed", "out.pdf")
        p = run(vanban, "sign", unsigned, "-o", dst, "--p12", os.path.join(tmp, "signer.p12"), "--tsa", bad_url,
                env=PASSWORD, check=False)
        err = p.stderr.decode("utf-8", "replace")
        t.check(p.returncode == 1 and message in err, f"{what}: exit 1 and `{message}` ({err})")
        t.check(not os.path.exists(dst), f"{what}: no output file")
    server.shutdown()

t.finish()
