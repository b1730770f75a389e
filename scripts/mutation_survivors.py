#!/usr/bin/env python3
"""verification/MUTATION-SURVIVORS.md from PIT's mutations.xml and the reasons kept in verification/mutation-reasons.tsv.

Every mutant PIT did not detect (status SURVIVED or NO_COVERAGE) is listed with its class, line, method, mutator and
PIT's description, and the reason it is left: why it cannot change a result (equivalent), or "gap" and the check that
would kill it. Reasons are keyed by class, method and mutator (and, where one method has several mutants of one
mutator with different reasons, a fragment of PIT's description), so they survive line shifts. A survivor without a
reason is listed as "no reason recorded" and makes the script exit 1.

Reasons file: tab-separated, '#' starts a comment line; columns
    class (without io.rnnbench.)  method  mutator (short name)  description fragment (or -)  kind  reason
kind is one of: equivalent, redundant, gap. The most specific matching line wins (one with a description fragment
over one without).

Usage: scripts/mutation_survivors.py [--xml verification/target/pit-reports/mutations.xml] [--commit SHA]
                                     [--out verification/MUTATION-SURVIVORS.md]
Also prints the score table by package (Markdown) for verification/README.md.
"""
import argparse
import collections
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

ROOT = pathlib.Path(__file__).resolve().parent.parent
PREFIX = "io.rnnbench."
UNDETECTED = ("SURVIVED", "NO_COVERAGE")
KINDS = ("equivalent", "redundant", "gap")


def read_mutants(path):
    mutants = []
    for m in ElementTree.parse(path).getroot().iter("mutation"):
        text = {child.tag: (child.text or "") for child in m}
        mutants.append({
            "status": m.get("status"),
            "detected": m.get("detected") == "true",
            "class": text["mutatedClass"].removeprefix(PREFIX),
            "method": text["mutatedMethod"],
            "line": int(text["lineNumber"]),
            "mutator": text["mutator"].rsplit(".", 1)[-1],
            "description": text.get("description", ""),
        })
    return mutants


def read_reasons(path):
    reasons = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 6 or fields[4] not in KINDS:
            sys.exit(f"{path}:{number}: expected 6 tab-separated fields with kind in {KINDS}, got {fields}")
        cls, method, mutator, fragment, kind, reason = fields
        reasons.append((cls, method, mutator, "" if fragment == "-" else fragment, kind, reason))
    return reasons


def reason_for(mutant, reasons):
    matches = [r for r in reasons if (r[0], r[1], r[2]) == (mutant["class"], mutant["method"], mutant["mutator"])
               and r[3] in mutant["description"]]
    matches.sort(key=lambda r: -len(r[3]))
    return matches[0] if matches else None


def package(cls):
    return ".".join(cls.split(".")[:2])


def score_table(mutants):
    rows = collections.OrderedDict()
    for m in sorted(mutants, key=lambda m: package(m["class"])):
        counts = rows.setdefault(package(m["class"]), collections.Counter())
        counts["mutants"] += 1
        counts["killed"] += m["detected"]
        counts["survived"] += m["status"] == "SURVIVED"
        counts["no coverage"] += m["status"] == "NO_COVERAGE"
    total = sum(rows.values(), collections.Counter())
    lines = ["| package | mutants | killed | survived | no coverage | killed of covered |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, c in list(rows.items()) + [("**all**", total)]:
        covered = c["mutants"] - c["no coverage"]
        label = name if name.startswith("**") else f"`{name}`"
        lines.append(f"| {label} | {c['mutants']:,} | {c['killed']:,} ({100 * c['killed'] / c['mutants']:.1f} %) | "
                     f"{c['survived']} | {c['no coverage']} | {100 * c['killed'] / covered:.1f} % |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--xml", default=ROOT / "verification/target/pit-reports/mutations.xml", type=pathlib.Path)
    parser.add_argument("--reasons", default=ROOT / "verification/mutation-reasons.tsv", type=pathlib.Path)
    parser.add_argument("--out", default=ROOT / "verification/MUTATION-SURVIVORS.md", type=pathlib.Path)
    parser.add_argument("--commit", help="the commit PIT ran on (default: HEAD)")
    args = parser.parse_args()
    commit = args.commit or subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                           text=True, check=True).stdout.strip()
    mutants = read_mutants(args.xml)
    reasons = read_reasons(args.reasons)
    undetected = sorted((m for m in mutants if m["status"] in UNDETECTED),
                        key=lambda m: (m["class"], m["line"], m["mutator"], m["description"]))
    by_kind = collections.Counter()
    unexplained = 0
    out = [
        "# Surviving mutants",
        "",
        f"Generated by `scripts/mutation_survivors.py` from PIT's `mutations.xml` of the run of {commit} "
        "(`mvn -Pmutation -pl verification verify`) and the reasons in `verification/mutation-reasons.tsv`; "
        "do not edit by hand. The score and the test set: `verification/README.md`, \"Mutation score\".",
        "",
        score_table(mutants),
        "",
        "Every mutant not detected, with why it is left: **equivalent** (no input can change a result), "
        "**redundant** (a check whose removal leaves another check, or the JVM, to reject the same input), "
        "**gap** (a result could change; the check that would kill it is named).",
        "",
        "| class | line | method | mutator | PIT's description | status | kind | why |",
        "|---|---:|---|---|---|---|---|---|",
    ]
    for m in undetected:
        r = reason_for(m, reasons)
        if r is None:
            unexplained += 1
            kind, why = "gap", "no reason recorded"
        else:
            kind, why = r[4], r[5]
        by_kind[kind] += 1
        description = m["description"].replace("|", "\\|").replace("io/rnnbench/", "")
        out.append(f"| `{m['class']}` | {m['line']} | `{m['method']}` | {m['mutator']} | {description} | "
                   f"{m['status'].lower().replace('_', ' ')} | {kind} | {why} |")
    out += ["", "By kind: " + ", ".join(f"{k} {by_kind[k]}" for k in KINDS) + "."]
    args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(score_table(mutants))
    print(f"\n{len(undetected)} undetected: " + ", ".join(f"{k} {by_kind[k]}" for k in KINDS)
          + f"; written to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    if unexplained:
        print(f"{unexplained} without a reason in {args.reasons}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
