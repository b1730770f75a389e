#!/usr/bin/env bash
# Prints the commit a performance A/B of this checkout should compare against, and why:
#   "<sha> (BASELINE_REF=<ref>)"        when BASELINE_REF is set;
#   "<sha> (merge base with <main>)"    on any branch other than the main branch (a pull request of several
#                                        commits is compared with where it left main, not with its own HEAD~1);
#   "<sha> (HEAD~1 on main)"            on the main branch itself (or a detached HEAD that is main's tip).
# The main branch is $MAIN_BRANCH (default main), looked up as origin/<main> first, then <main>.
# Exit: 0 printed; 1 no such commit (BASELINE_REF does not resolve, no main branch to branch from, or no HEAD~1).
set -euo pipefail
short() { git rev-parse --short=10 "$1"; }

if [[ -n "${BASELINE_REF:-}" ]]; then
  if ! git rev-parse --verify --quiet "${BASELINE_REF}^{commit}" >/dev/null; then
    echo "baseline-ref: BASELINE_REF=${BASELINE_REF} is not a commit" >&2
    exit 1
  fi
  echo "$(short "${BASELINE_REF}^{commit}") (BASELINE_REF=${BASELINE_REF})"
  exit 0
fi

main_branch=${MAIN_BRANCH:-main}
main_ref=""
for candidate in "origin/$main_branch" "$main_branch"; do
  if git rev-parse --verify --quiet "$candidate^{commit}" >/dev/null; then
    main_ref=$candidate
    break
  fi
done
head=$(git rev-parse HEAD)
if [[ -n "$main_ref" && "$(git rev-parse "$main_ref")" != "$head" ]] \
    && [[ "$(git symbolic-ref --quiet --short HEAD || echo "")" != "$main_branch" ]]; then
  if base=$(git merge-base HEAD "$main_ref"); then
    echo "$(short "$base") (merge base with $main_ref)"
    exit 0
  fi
  echo "baseline-ref: HEAD and $main_ref have no common commit" >&2
  exit 1
fi
if ! git rev-parse --verify --quiet HEAD~1 >/dev/null; then
  echo "baseline-ref: HEAD has no parent" >&2
  exit 1
fi
echo "$(short HEAD~1) (HEAD~1 on $main_branch)"
