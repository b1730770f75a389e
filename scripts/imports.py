#!/usr/bin/env python3
"""The house import order of every Java file in the tree, checked or applied.

Order: other imports (io.rnnbench, com, org, picocli, ...) sorted; a blank line; java.* and javax.* sorted; a blank
line; static imports sorted. No duplicates.

Usage: scripts/imports.py --check   lists the files out of order, exit 1 if any (run by .ci/run)
       scripts/imports.py --fix     rewrites them in place
"""
import pathlib
import re
import sys

IMPORT = re.compile(r"^import (static )?[\w.]+(\.\*)?;\s*$")


def ordered(block):
    imports = sorted({line.strip() for line in block if line.strip()})
    static = [i for i in imports if i.startswith("import static ")]
    plain = [i for i in imports if not i.startswith("import static ")]
    jdk = [i for i in plain if re.match(r"import javax?\.", i)]
    other = [i for i in plain if i not in jdk]
    groups = [g for g in (other, jdk, static) if g]
    out = []
    for g in groups:
        if out:
            out.append("")
        out.extend(g)
    return out


def fix(text):
    lines = text.split("\n")
    indexes = [n for n, line in enumerate(lines) if IMPORT.match(line)]
    if not indexes:
        return text
    first, last = indexes[0], indexes[-1]
    block = lines[first:last + 1]
    if any(line.strip() and not IMPORT.match(line) for line in block):
        return text  # a comment or code among the imports: leave the file to a person
    return "\n".join(lines[:first] + ordered(block) + lines[last + 1:])


def main(argv):
    if len(argv) != 2 or argv[1] not in ("--check", "--fix"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = pathlib.Path(__file__).resolve().parent.parent
    wrong = []
    for path in sorted(root.rglob("*.java")):
        if "target" in path.parts or ".git" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        fixed = fix(text)
        if fixed != text:
            wrong.append(path.relative_to(root))
            if argv[1] == "--fix":
                path.write_text(fixed, encoding="utf-8")
    if argv[1] == "--check" and wrong:
        print("imports out of the house order (scripts/imports.py --fix):", *wrong, sep="\n  ")
        return 1
    if argv[1] == "--fix":
        print(f"{len(wrong)} files reordered")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
