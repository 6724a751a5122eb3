#!/usr/bin/env python3
"""The JSON Schemas of docs/schema/ agree with the loader: every sample, golden document
and shipped style validates; every catalogue case of a wrong type or an unknown key or
value (tests/bad/type-*, unknown-key*, unknown-mark, two style cases) is rejected by the
schema as by vanban; forms the loader accepts (yes/no flags, quoted numbers, a one-line
subtitle, empty optional fields) validate too. `vanban schema X` prints the file exactly,
and the samples carry the yaml-language-server line that names the right schema.
Needs python3-jsonschema and python3-yaml (Debian)."""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import HEAD, ROOT, Failures, run, write_file  # noqa: E402

vanban = os.path.abspath(sys.argv[1])
t = Failures("schema")
SCHEMA_DIR = os.path.join(ROOT, "docs", "schema")
NAMES = ("document", "part", "style", "booklet", "booklet-style")


class Loader(yaml.SafeLoader):
    """YAML as the editors' language server reads it: `2025-03-05` stays text (PyYAML's
    YAML 1.1 would make it a date, which no JSON Schema type matches)."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# `format: date` is checked (2025-02-29 is refused): the checker's name moved between
# python3-jsonschema 4.10 (Debian 12) and later versions.
FORMATS = getattr(jsonschema.Draft7Validator, "FORMAT_CHECKER", None) or jsonschema.draft7_format_checker
validators = {}
for name in NAMES:
    with open(os.path.join(SCHEMA_DIR, f"{name}.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
        t.check(True, f"{name}.schema.json is a valid draft-07 schema")
    except jsonschema.SchemaError as e:
        t.check(False, f"{name}.schema.json is a valid draft-07 schema: {e.message}")
    validators[name] = jsonschema.Draft7Validator(schema, format_checker=FORMATS)


def problems(name, path=None, text=None):
    """The schema's complaints about a YAML file (or text), as short strings."""
    if text is None:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    data = yaml.load(text, Loader=Loader)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:120]}" for e in validators[name].iter_errors(data)]


def kind_of(path):
    """Which schema a file of a document folder answers to."""
    name = os.path.basename(path)
    return "document" if name == "document.yaml" else "booklet" if name == "booklet.yaml" else "part"


# `vanban schema` prints the files byte for byte.
for name in NAMES:
    with open(os.path.join(SCHEMA_DIR, f"{name}.schema.json"), "rb") as f:
        want = f.read()
    p = run(vanban, "schema", name, check=False)
    t.check(p.returncode == 0 and p.stdout == want, f"`vanban schema {name}` prints docs/schema/{name}.schema.json")
p = run(vanban, "schema", check=False)
t.check(p.stdout == run(vanban, "schema", "document").stdout, "`vanban schema` alone prints the document schema")
p = run(vanban, "schema", "booklets", check=False)
t.check(p.returncode == 2 and b"unknown schema" in p.stderr, "`vanban schema booklets`: usage error, exit 2")

# The samples name their schema; samples, goldens and styles validate.
MODELINE = re.compile(r"^# yaml-language-server: \$schema=\.\./\.\./docs/schema/([\w-]+)\.schema\.json$")
samples = sorted(glob.glob(os.path.join(ROOT, "content", "*", "*.yaml")))
t.check(len(samples) >= 7, f"the samples are found ({len(samples)})")
for path in samples:
    rel = os.path.relpath(path, ROOT)
    with open(path, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    m = MODELINE.match(first)
    t.check(m is not None and m.group(1) == kind_of(path), f"{rel} starts with the modeline for {kind_of(path)}")
    t.check(os.path.isfile(os.path.join(os.path.dirname(path), "../../docs/schema", f"{kind_of(path)}.schema.json")),
            f"{rel}: the modeline's path resolves")
for path in samples + sorted(glob.glob(os.path.join(ROOT, "tests", "golden", "*", "*.yaml"))):
    errs = problems(kind_of(path), path)
    t.check(not errs, f"{os.path.relpath(path, ROOT)} validates: {errs}")
for path in sorted(glob.glob(os.path.join(ROOT, "styles", "*.yaml"))):
    with open(path, encoding="utf-8") as f:
        which = "booklet-style" if re.search(r"^kind: booklet$", f.read(), re.M) else "style"
    errs = problems(which, path)
    t.check(not errs, f"{os.path.relpath(path, ROOT)} validates against {which}.schema.json: {errs}")

# Booklet cases of a wrong key or value are refused by the booklet schema too.
for case in sorted(c for c in os.listdir(os.path.join(ROOT, "tests", "bad")) if c.startswith("booklet-")):
    path = os.path.join(ROOT, "tests", "bad", case, "booklet.yaml")
    t.check(bool(problems("booklet", path)) or case in ("booklet-document-missing", "booklet-not-a-document", "booklet-style-not-booklet"),
            f"tests/bad/{case}: the booklet schema rejects it")

# Catalogue cases of a wrong type, an unknown key or an unknown value: vanban refuses them
# (e2e.test_bad checks its message); one of the case's files must fail the schema too.
bad = os.path.join(ROOT, "tests", "bad")
cases = sorted(c for c in os.listdir(bad) if re.match(r"(type-|unknown-key|unknown-mark$)", c))
t.check(len(cases) >= 12, f"the catalogue's type and unknown-key cases are found ({len(cases)})")
for case in cases:
    files = sorted(glob.glob(os.path.join(bad, case, "*.yaml")))
    rejected = [os.path.basename(f) for f in files if problems(kind_of(f), f)]
    t.check(bool(rejected), f"tests/bad/{case}: the schema rejects one of {[os.path.basename(f) for f in files]}")

# Style cases made by a generate.py (from styles/dang.yaml): a length that is not a number,
# an alignment that does not exist.
for case, style_file in [("style-length-nan", "nan.yaml"), ("style-unknown-alignment", "am.yaml")]:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, VANBAN_ROOT=ROOT)
        subprocess.run([sys.executable, os.path.join(bad, case, "generate.py")], cwd=tmp, env=env, check=True)
        t.check(bool(problems("style", os.path.join(tmp, style_file))), f"tests/bad/{case}: the style schema rejects it")

# Forms the loader accepts must validate (the schema is no stricter than vanban), and a
# few it refuses must not (nor looser): each is built with vanban, then validated.
ACCEPTED = [
    ("flags written yes/no", HEAD + "body:\n  - paragraph: Một đoạn.\n    indent: no\n    align: center\n"),
    ("a quoted number", HEAD.replace("  code: BC/ĐU\n", "  code: BC/ĐU\n  number: \"07\"\n") + "body:\n  - Một.\n"),
    ("empty optional fields", HEAD.replace("  code: BC/ĐU\n", "  code:\n  parent:\n  date:\n  marks:\n")
     + "status:\nsubtitle:\nsignature:\nrecipients:\nvariables:\nbody:\n  - Một.\n"),
    ("a one-line subtitle and a number as text", HEAD + "subtitle: nhiệm kỳ 2025 - 2030\nvariables:\n  nam: 2025\n"
     "body:\n  - \"Năm {nam}.\"\n  - 2025\n"),
    ("a table with weights, lengths and an empty cell", HEAD + "body:\n  - table:\n      widths: [1, 30mm, 2.5]\n"
     "      rows:\n        - [a, null, \"\"]\n"),
    ("a list with a nested list and block", HEAD + "body:\n  - list:\n      - Một\n      - - Hai\n      - quote: Ba\n"
     "    marker: a)\n  - page-break: false\n"),
]
REFUSED = [
    ("parts and body together", HEAD + "parts: [a.yaml]\nbody:\n  - Một.\n"),
    ("a number below 1", HEAD.replace("  code: BC/ĐU\n", "  code: BC/ĐU\n  number: 0\n") + "body:\n  - Một.\n"),
    ("an unknown list marker", HEAD + "body:\n  - list: [Một]\n    marker: \"*\"\n"),
    ("an unknown status", HEAD + "status: xong\nbody:\n  - Một.\n"),
    ("an empty paragraph", HEAD + "body:\n  -\n"),
    ("a table row that is text", HEAD + "body:\n  - table:\n      rows:\n        - a, b\n"),
    ("a variable value with a brace", HEAD + "variables:\n  a: \"{b}\"\nbody:\n  - Một.\n"),
]
with tempfile.TemporaryDirectory() as tmp:
    for i, (what, text) in enumerate(ACCEPTED + REFUSED):
        folder = os.path.join(tmp, f"d{i}")
        write_file(os.path.join(folder, "document.yaml"), text)
        built = run(vanban, "build", folder, "-o", os.path.join(tmp, f"d{i}.pdf"), check=False).returncode == 0
        errs = problems("document", text=text)
        if i < len(ACCEPTED):
            t.check(built and not errs, f"{what}: vanban builds it ({built}) and the schema accepts it ({errs})")
        else:
            t.check(not built and errs, f"{what}: vanban refuses it ({not built}) and so does the schema")

t.finish()
