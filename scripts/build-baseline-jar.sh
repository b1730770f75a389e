#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar of a git revision in a temporary worktree, for an A/B run
# (rnnbench ab, io.rnnbench.benchmarks.regression.AbCommand) that needs no stored baseline:
#
#   scripts/build-baseline-jar.sh "$(git merge-base HEAD origin/main)" /tmp/baseline.jar
#
# Usage: build-baseline-jar.sh <git-rev> [out.jar]   (default out: ./baseline-<short-rev>.jar)
# Exit: 0 built; 1 the revision does not resolve, has no benchmarks module, or does not build; 2 usage.
# The worktree (detached, under ${TMPDIR:-/tmp}) is removed on every exit. Maven runs offline when
# RNNBENCH_MVN_OFFLINE=1. The current checkout is not touched (no checkout, stash or reset).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || "$1" == -h || "$1" == --help ]]; then
  echo "usage: $0 <git-rev> [out.jar]" >&2
  exit 2
fi
rev_arg=$1
repo=$(git rev-parse --show-toplevel)
if ! rev=$(git -C "$repo" rev-parse --verify --quiet "${rev_arg}^{commit}"); then
  echo "build-baseline-jar: '${rev_arg}' is not a commit of $repo" >&2
  exit 1
fi
short=${rev:0:10}
out=${2:-$PWD/baseline-$short.jar}
case "$out" in /*) ;; *) out=$PWD/$out ;; esac

if ! git -C "$repo" cat-file -e "$rev:benchmarks/pom.xml" 2>/dev/null; then
  echo "build-baseline-jar: revision $short has no benchmarks module (benchmarks/pom.xml); it predates the harness" >&2
  exit 1
fi

worktree=$(mktemp -d "${TMPDIR:-/tmp}/rnnbench-baseline-$short.XXXXXX")
cleanup() {
  git -C "$repo" worktree remove --force "$worktree" >/dev/null 2>&1 || rm -rf "$worktree"
  git -C "$repo" worktree prune >/dev/null 2>&1 || true
}
trap cleanup EXIT
rmdir "$worktree" # git worktree add wants to create it
git -C "$repo" worktree add --quiet --detach "$worktree" "$rev"

echo "build-baseline-jar: building $short in $worktree" >&2
offline=()
[[ "${RNNBENCH_MVN_OFFLINE:-0}" == 1 ]] && offline=(-o)
# .mvn/maven.config adds -am: the backends and core of that revision are built too, nothing is installed.
# -Dmaven.test.skip=true, not -DskipTests: an old revision whose tests no longer compile still gives its jar.
if ! (cd "$worktree" && mvn -q -B "${offline[@]}" -pl benchmarks -am package -Dmaven.test.skip=true); then
  echo "build-baseline-jar: revision $short does not build" >&2
  exit 1
fi
jar="$worktree/benchmarks/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "build-baseline-jar: revision $short built no benchmarks/target/benchmarks.jar" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
cp "$jar" "$out.tmp" && mv "$out.tmp" "$out"
echo "$out"
