#!/usr/bin/env python3
"""The Debian package: `cpack -G DEB` in the build folder makes vanban_<version>_<arch>.deb;
its Depends name the Debian package of every shared library the binary links (found with
readelf and `dpkg -S`) and the fonts, each installed here at a version it accepts (so
`dpkg -i` would succeed on this machine); it holds the binary, styles, templates, docs and
bash completion in the FHS places. It is installed with dpkg into a scratch root (its own
dpkg database), the installed binary builds a sample and a new document from another folder
using its own share/vanban (a template only the installation has is found), and `dpkg -r`
leaves no file behind.

With VANBAN_TEST_SYSTEM_INSTALL=1, as root (CI on a fresh Debian 12), the package is also
installed for real with `dpkg -i`, used from PATH, and removed with `dpkg -r` even when a
check fails; skipped when a vanban package is installed already.

Skipped (exit 0, with the reason) only when dpkg-deb is absent: not a Debian system."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, Failures  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
build_dir = os.path.dirname(vanban)  # the binary is written to the top of the build folder
if not shutil.which("dpkg-deb"):
    print("test_package: skipped: dpkg-deb is absent (not a Debian system); the .deb cannot be built")
    sys.exit(0)
t = Failures("package")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1764547200")


def run(*cmd, cwd=None, check=True):
    p = subprocess.run(cmd, capture_output=True, cwd=cwd, env=ENV)
    if check and p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stdout.decode()}\n{p.stderr.decode()}")
    return p


def out(*cmd, **kw):
    return run(*cmd, **kw).stdout.decode("utf-8", "replace")


def make_deb(work):
    run("cpack", "-G", "DEB", "-B", os.path.join(work, "pkg"), "--config", os.path.join(build_dir, "CPackConfig.cmake"),
        cwd=build_dir)
    debs = glob.glob(os.path.join(work, "pkg", "vanban_*.deb"))
    t.check(len(debs) == 1, f"cpack makes one vanban_*.deb ({debs})")
    return debs[0]


def linked_packages():
    """The Debian packages holding the shared libraries that vanban and vanban-sign name (DT_NEEDED)."""
    packages = set()
    for program in (vanban, os.path.join(os.path.dirname(vanban), "vanban-sign")):
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out("readelf", "-d", program))
        paths = dict(re.findall(r"^\s*(\S+) => (\S+)", out("ldd", program), re.M))
        for lib in needed:
            path = os.path.realpath(paths.get(lib, ""))
            owner = run("dpkg", "-S", path, check=False).stdout.decode() or run("dpkg", "-S", paths.get(lib, lib), check=False).stdout.decode()
            t.check(bool(owner), f"{lib} ({path}) belongs to a Debian package")
            if owner:
                packages.add(owner.split(":")[0].strip())
    return packages


def check_depends(deb):
    depends = out("dpkg-deb", "-f", deb, "Depends").strip()
    deps = {}
    for item in depends.split(","):
        m = re.match(r"\s*([a-z0-9.+-]+)(?:\s*\((\S+)\s+(\S+)\))?", item)
        deps[m.group(1)] = (m.group(2), m.group(3))
    for package in sorted(linked_packages() | {"fonts-liberation2"}):
        t.check(package in deps, f"Depends names {package} (Depends: {depends})")
    for package, (op, version) in deps.items():
        installed = run("dpkg-query", "-W", "-f", "${Version}", package, check=False).stdout.decode()
        t.check(bool(installed), f"{package} (a dependency) is installed here")
        if installed and op:
            ok = run("dpkg", "--compare-versions", installed, {">=": "ge", "<=": "le", "=": "eq", ">>": "gt", "<<": "lt"}[op],
                     version, check=False).returncode == 0
            t.check(ok, f"installed {package} {installed} satisfies ({op} {version})")


def check_contents(deb):
    files = set(line.split()[-1].lstrip(".") for line in out("dpkg-deb", "-c", deb).splitlines())
    wanted = ["/usr/bin/vanban", "/usr/bin/vanban-sign", "/usr/share/vanban/styles/dang.yaml", "/usr/share/vanban/styles/nha-nuoc.yaml",
              "/usr/share/vanban/templates/nha-nuoc/bao-cao/document.yaml", "/usr/share/vanban/fonts/README.md",
              "/usr/share/vanban/schema/document.schema.json", "/usr/share/vanban/schema/part.schema.json",
              "/usr/share/bash-completion/completions/vanban", "/usr/share/doc/vanban/README.md",
              "/usr/share/doc/vanban/examples/bao-cao-chinh-tri/document.yaml",
              "/usr/share/locale/vi/LC_MESSAGES/vanban.mo", "/usr/share/man/vi/man1/vanban.1"]
    if os.path.exists(os.path.join(ROOT, "man", "vanban.1")):
        wanted.append("/usr/share/man/man1/vanban.1")
    for f in wanted:
        t.check(f in files, f"the package holds {f}")


def use_installed(program, work, data):
    """Builds a sample and a new document with an installed vanban, from a folder of its own."""
    elsewhere = tempfile.mkdtemp(dir=work)
    p = run(program, "build", os.path.join(data, "..", "doc", "vanban", "examples", "nghi-quyet-chi-bo"),
            "-o", "nq.pdf", cwd=elsewhere, check=False)
    t.check(p.returncode == 0, f"the installed vanban builds a sample from another folder ({p.stderr.decode()})")
    text = out("pdftotext", os.path.join(elsewhere, "nq.pdf"), "-") if p.returncode == 0 else ""
    t.check("NGHỊ QUYẾT" in text, "the sample's PDF has its text")
    if p.returncode == 0:  # vanban-sign is installed beside it: verify runs it and reads the PDF
        p = run(program, "verify", "nq.pdf", cwd=elsewhere, check=False)
        t.check(p.returncode == 1 and b"no signatures" in p.stdout + p.stderr,
                f"the installed vanban verifies with its vanban-sign ({(p.stdout + p.stderr).decode()})")
    p = run(program, "new", "bao-cao", "moi", "--style", "nha-nuoc", cwd=elsewhere, check=False)
    t.check(p.returncode == 0, f"the installed vanban writes a new document ({p.stderr.decode()})")
    with open(os.path.join(elsewhere, "moi", "document.yaml"), encoding="utf-8") as f:
        first = f.readline()
    t.check(first.strip() == "# yaml-language-server: $schema=" + os.path.normpath(os.path.join(data, "schema", "document.schema.json"))
            and os.path.isfile(first.partition("$schema=")[2].strip()),
            f"a new document names the installed schema ({first.strip()})")
    p = run(program, "build", "moi", cwd=elsewhere, check=False)
    t.check(p.returncode == 0 and os.path.exists(os.path.join(elsewhere, "out", "moi.pdf")),
            f"and builds it ({p.stderr.decode()})")
    # Its messages in Vietnamese, from the catalogue in its own share/locale.
    p = run("env", "-i", "LANG=vi_VN.UTF-8", program, "khong-co-lenh", cwd=elsewhere, check=False)
    t.check(p.returncode == 2 and "không có lệnh `khong-co-lenh`" in p.stderr.decode(),
            f"the installed vanban speaks Vietnamese under LANG=vi_VN.UTF-8 ({p.stderr.decode()})")


def scratch_install(deb, work):
    root = os.path.join(work, "root")
    for d in ("info", "updates", "triggers"):
        os.makedirs(os.path.join(root, "var", "lib", "dpkg", d))
    for f in ("status", "available"):
        open(os.path.join(root, "var", "lib", "dpkg", f), "w").close()
    dpkg = ["dpkg", "--root=" + root, "--log=/dev/null", "--force-not-root", "--force-script-chrootless"]
    # The scratch database knows no other package: the dependencies were checked above.
    run(*dpkg, "--force-depends", "-i", deb)
    t.check("install ok installed" in out("dpkg-query", "--admindir=" + os.path.join(root, "var", "lib", "dpkg"),
                                          "-W", "-f", "${Status}", "vanban"), "dpkg records the package installed")
    program = os.path.join(root, "usr", "bin", "vanban")
    data = os.path.join(root, "usr", "share", "vanban")
    use_installed(program, work, data)
    # A template only the installation has: the binary reads its own share/vanban, not the source tree.
    mine = os.path.join(data, "templates", "dang", "thu-nghiem")
    shutil.copytree(os.path.join(data, "templates", "dang", "thong-bao"), mine)
    p = run(program, "new", "thu-nghiem", os.path.join(work, "tn"), check=False)
    t.check(p.returncode == 0, f"the installed binary finds its data beside it ({p.stderr.decode()})")
    shutil.rmtree(mine)
    run(*dpkg, "-r", "vanban")
    left = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(root, "usr")) for f in fs]
    t.check(not left, f"dpkg -r leaves no file behind ({left[:5]})")


def system_install(deb, work):
    if run("dpkg-query", "-W", "vanban", check=False).returncode == 0:
        print("test_package: system install skipped: a vanban package is installed already")
        return
    run("dpkg", "-i", deb)
    try:
        program = shutil.which("vanban") or "/usr/bin/vanban"
        t.check(program == "/usr/bin/vanban", f"vanban is on PATH at /usr/bin ({program})")
        use_installed(program, work, "/usr/share/vanban")
    finally:
        run("dpkg", "-r", "vanban", check=False)
    t.check(not os.path.exists("/usr/bin/vanban") and not os.path.exists("/usr/share/vanban"),
            "dpkg -r removes vanban from the system")


work = tempfile.mkdtemp(prefix="vanban-package-")
try:
    deb = make_deb(work)
    check_depends(deb)
    check_contents(deb)
    scratch_install(deb, work)
    if os.environ.get("VANBAN_TEST_SYSTEM_INSTALL") == "1" and os.geteuid() == 0:
        system_install(deb, work)
finally:
    shutil.rmtree(work, ignore_errors=True)
t.finish()
