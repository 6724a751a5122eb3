"""A small PKI for the signing tests, made with the `openssl` command at test time (nothing
is committed), readers of signed PDFs that are not our code (regular expressions, pdfsig), and
a later revision written by hand, as another tool would append it."""
import json
import os
import re
import subprocess

from common import run, write_file

PASSWORD = {"VANBAN_P12_PASSWORD": "mật khẩu thử"}

CA_CONFIG = """[ca]
default_ca = test
[test]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
x509_extensions = leaf
[any]
commonName = supplied
[leaf]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
[tsa]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
"""


def openssl(*args, cwd):
    p = subprocess.run(["openssl", *args], capture_output=True, cwd=cwd)
    if p.returncode != 0:
        raise SystemExit(f"openssl {' '.join(args)} failed:\n{p.stderr.decode()}")
    return p.stdout


def make_pki(d):
    """ca.pem; signer.p12, org.p12, expired.p12 (all under the CA), nokey.p12 (certificate only)."""
    write_file(os.path.join(d, "ca.cnf"), CA_CONFIG)
    write_file(os.path.join(d, "index.txt"), "")
    write_file(os.path.join(d, "serial"), "1000\n")
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30",
            "-subj", "/CN=vanban Test CA/C=VN", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=d)
    people = {"signer": ("/CN=Nguyễn Văn An/O=Đảng ủy xã An Bình/C=VN", None),
              "org": ("/CN=Đảng ủy xã An Bình/O=Đảng ủy xã An Bình/C=VN", None),
              "expired": ("/CN=Trần Văn Cũ/C=VN", ("20200101000000Z", "20210101000000Z"))}
    for name, (subject, dates) in people.items():
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
                "-subj", subject, "-utf8", cwd=d)
        when = ["-startdate", dates[0], "-enddate", dates[1]] if dates else ["-days", "10"]
        openssl("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-in", f"{name}.csr",
                "-out", f"{name}.pem", "-notext", "-utf8", *when, cwd=d)
        openssl("pkcs12", "-export", "-inkey", f"{name}.key", "-in", f"{name}.pem", "-certfile", "ca.pem",
                "-out", f"{name}.p12", "-passout", "pass:" + PASSWORD["VANBAN_P12_PASSWORD"], cwd=d)
    openssl("pkcs12", "-export", "-nokeys", "-in", "signer.pem", "-out", "nokey.p12",
            "-passout", "pass:" + PASSWORD["VANBAN_P12_PASSWORD"], cwd=d)


def make_tsa(d):
    """tsa.key and tsa.pem: a timestamping authority under the CA of make_pki (extended key
    usage timeStamping, critical, as RFC 3161 wants)."""
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr",
            "-subj", "/CN=vanban Test TSA/C=VN", cwd=d)
    openssl("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-in", "tsa.csr",
            "-out", "tsa.pem", "-notext", "-extensions", "tsa", "-days", "10", cwd=d)


def der_prefix(padded):
    """The DER value at the start of `padded` (a /Contents string padded with zeros), cut by
    its own length: stripping the zeros would also cut a signature that ends in a 0x00 byte."""
    if padded[1] < 0x80:
        return padded[:2 + padded[1]]
    n = padded[1] & 0x7F
    return padded[:2 + n + int.from_bytes(padded[2:2 + n], "big")]


def signatures(path):
    """(signed bytes, DER) for each /ByteRange of the file, read with regular expressions only."""
    data = open(path, "rb").read()
    out = []
    for m in re.finditer(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data):
        a, b, c, d = (int(x) for x in m.groups())
        padded = bytes.fromhex(data[a + b + 1:c - 1].decode())
        out.append((data[a:a + b] + data[c:c + d], der_prefix(padded)))
    return out


def pdfsig(path):
    return run("pdfsig", path, check=False).stdout.decode("utf-8", "replace")


def update(src, dst, number, body, root=None):
    """`src` with an incremental update (written here) that sets object `number` to `body`,
    and the trailer's /Root to `root` when given."""
    data = open(src, "rb").read()
    size = max(int(re.findall(rb"/Size (\d+)", data)[-1]), number + 1)
    root = root or re.findall(rb"/Root (\d+ \d+ R)", data)[-1]
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    obj = b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = b"xref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        number, len(data), size, root, prev, len(data) + len(obj))
    open(dst, "wb").write(data + obj + xref)


def objects(path):
    """{"obj:N 0 R": value} of the file's last revision, streams in their stored bytes (qpdf --json)."""
    out = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=none", path],
                         capture_output=True).stdout
    return {k: v for k, v in json.loads(out)["qpdf"][1].items() if k.startswith("obj:")}
def pdf_string(raw):
    """A PDF string as qpdf's QDF form writes it: <FEFF…> hex (UTF-16BE) or (literal)."""
    if raw.startswith("<"):
        data = bytes.fromhex(raw[1:-1])
        return data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1")
    return raw[1:-1]


def signature_fields(path):
    """{name: (page number, [x0, y0, x1, y1], /TU or None, signed)} of the signature fields,
    read from qpdf's QDF form."""
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, "-"], capture_output=True).stdout
    qdf = qdf.decode("latin-1")
    pages = re.findall(r"%% Page (\d+)\n%% Original object ID: \d+ 0\n(\d+) 0 obj", qdf)
    page_of = {obj: int(n) for n, obj in pages}
    found = {}
    for body in re.findall(r"\d+ 0 obj\n<<(.*?)\n>>\nendobj", qdf, re.S):
        if "/FT /Sig" not in body:
            continue
        name = re.search(r"/T \((.*?)\)", body)[1]
        rect = [float(v) for v in re.search(r"/Rect \[\s*([-\d.\s]+)\]", body)[1].split()]
        tu = re.search(r"/TU (<[0-9a-fA-F]*>|\(.*?\))", body)
        page = re.search(r"/P (\d+) 0 R", body)[1]
        found[name] = (page_of.get(page), rect, pdf_string(tu[1]) if tu else None, "/V " in body)
    return found
