#!/usr/bin/env python3
"""Rewrites the output of every `$ gpai ...` console block in the given Markdown files from
the release binary, so documentation examples stay what the tests check (tests/readme.rs).

    scripts/refresh_examples.py README.md docs/*.md

Timings (`12.3 ms`) change from run to run and are compared masked by the tests; the rewritten
blocks carry whatever this run measured.
"""
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "gpai"


def words(line: str) -> list[str]:
    # The same splitting as tests/readme.rs: spaces, double quotes group.
    return shlex.split(line, posix=True)


def refresh(path: Path) -> int:
    lines = path.read_text().split("\n")
    out, changed, i = [], 0, 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line.strip() != "```console":
            continue
        block = []
        while i < len(lines) and lines[i].strip() != "```":
            block.append(lines[i])
            i += 1
        if block and block[0].startswith("$ gpai "):
            command = block[0][len("$ gpai "):]
            run = subprocess.run(
                [str(BINARY), *words(command)], cwd=ROOT, capture_output=True, text=True
            )
            printed = (run.stdout + run.stderr).rstrip("\n").split("\n")
            new = [block[0], *printed]
            if new != block:
                changed += 1
            out.extend(new)
        else:
            out.extend(block)
    path.write_text("\n".join(out))
    return changed


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {refresh(Path(name))} blocks rewritten")
