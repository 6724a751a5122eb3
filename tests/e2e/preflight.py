"""Apache PDFBox Preflight (Debian libpdfbox2-java; not our code): the PDF/A-1b validator."""
import os
import subprocess
import xml.etree.ElementTree as ET

JARS = ["commons-logging", "fontbox2", "javax.activation", "jaxb-api", "pdfbox2", "preflight", "xmpbox"]


def preflight(paths, folder):
    """{file name: (valid, first errors)} from PDFBox Preflight's PDF/A-1b validator, one Java run
    for all of them (its "group" mode: a list file in, one XML report out)."""
    listing = os.path.join(folder, "preflight-list.txt")
    open(listing, "w").write("".join(p + "\n" for p in paths))
    cp = ":".join(f"/usr/share/java/{j}.jar" for j in JARS)
    p = subprocess.run(["java", "-cp", cp, "org.apache.pdfbox.preflight.Validator_A1b", "xml", "group", listing],
                       capture_output=True, cwd=folder)
    report = listing + ".preflight.xml"
    if not os.path.exists(report):
        raise SystemExit(f"Preflight wrote no report: {(p.stdout + p.stderr).decode()[-1000:]}")
    results = {}
    for node in ET.parse(report).getroot().iter("preflight"):
        errors = [e.findtext("details") or "" for e in node.iter("error")][:5]
        results[os.path.basename(node.get("name"))] = (node.findtext("isValid") == "true", errors)
    return results
