#!/usr/bin/env python3
"""Vendor the Vega runtime from the npm registry into overrides/assets/vendor/ (pinned).

usage: python tools/vendor_vega.py [--vega 6.4.0] [--interpreter 2.3.2]

Fetches the packages with `npm pack` (the registry's own tarballs, integrity-checked
by npm), copies the minified UMD build of Vega and turns vega-interpreter (an ES
module) into a classic script that registers `vega.expressionInterpreter`, so pages
can evaluate Vega expressions without `eval` under a strict Content Security Policy.
Versions and SHA-256 digests are written to overrides/assets/vendor/VERSIONS.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

DEST = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "vendor"


def npm_pack(name: str, version: str, workdir: Path) -> tuple[Path, dict]:
    out = subprocess.run(
        ["npm", "pack", "--json", f"{name}@{version}"], cwd=workdir, check=True, capture_output=True, text=True
    )
    info = json.loads(out.stdout)[0]
    folder = workdir / name
    with tarfile.open(workdir / info["filename"]) as tar:
        tar.extractall(folder, filter="data")
    return folder / "package", info


def classic_interpreter(module_source: str) -> str:
    """Rewrite vega-interpreter's ESM build into a script that uses the global `vega`."""
    imports = re.search(r"^import \{([^}]*)\} from 'vega-util';\s*$", module_source, re.M)
    exports = re.search(r"^export \{ (\w+) as expressionInterpreter \};\s*$", module_source, re.M)
    if not imports or not exports:
        raise SystemExit("vega-interpreter's build changed shape; update classic_interpreter()")
    body = module_source[: imports.start()] + module_source[imports.end() : exports.start()]
    names = imports.group(1).strip()
    return (
        "/* vega-interpreter, rewritten as a classic script by tools/vendor_vega.py */\n"
        f"(function (vega) {{\n'use strict';\nconst {{ {names} }} = vega;\n{body}\n"
        f"vega.expressionInterpreter = {exports.group(1)};\n}})(window.vega);\n"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vega", default="6.4.0")
    ap.add_argument("--interpreter", default="2.3.2")
    a = ap.parse_args()
    DEST.mkdir(parents=True, exist_ok=True)
    versions = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        vega, vinfo = npm_pack("vega", a.vega, work)
        interp, iinfo = npm_pack("vega-interpreter", a.interpreter, work)
        files = {
            "vega.min.js": (vega / "build" / "vega.min.js").read_text(encoding="utf-8"),
            "vega-interpreter.js": classic_interpreter(
                (interp / "build" / "vega-interpreter.js").read_text(encoding="utf-8")
            ),
            "LICENSE-vega.txt": (vega / "LICENSE").read_text(encoding="utf-8"),
        }
        for name, text in files.items():
            (DEST / name).write_text(text, encoding="utf-8")
        for pkg, info in (("vega", vinfo), ("vega-interpreter", iinfo)):
            versions[pkg] = {"version": info["version"], "integrity": info["integrity"]}
    versions["files"] = {name: hashlib.sha256((DEST / name).read_bytes()).hexdigest() for name in sorted(files)}
    (DEST / "VERSIONS.json").write_text(json.dumps(versions, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(versions, indent=2))


if __name__ == "__main__":
    main()
