#!/usr/bin/env bash
# Mutation testing with mutmut: change the code one small way at a time (a flipped condition,
# an off-by-one, a dropped call) and check that some test fails for each change.
#
#   bash tests/scripts/mutation.sh [loader|site|matcher|all|MUTANT-GLOB]   (default: all)
#
# loader = generator/validation/loading.py, site = generator/site/builder.py, matcher =
# generator/text/matching.py. For each target it prints mutmut's counts and how long the target
# took, then the mutants that no test kills (`.venv/bin/mutmut show NAME` shows one): exit 1
# when one survives, exit 0 and "no surviving mutant" otherwise. Results are kept in mutants/:
# a second run tests again only the mutants of functions that changed (delete mutants/ to
# start over).
#
# The tests that may kill mutants are listed in [tool.mutmut] in pyproject.toml: no browser,
# serve, fuzz, wheel or real-data tests. mutmut first runs them once to learn which tests reach
# which function, then runs for each mutant only the tests that reach the mutated function,
# stopping at the first failure. It runs under `nice`, with JOBS workers (default: the number
# of cores).
#
# Equivalent mutants (they change no behaviour) carry `# pragma: no mutate` on their line:
#   (none yet)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x .venv/bin/mutmut ] || .venv/bin/python -m pip install -q -e '.[test]'

declare -A targets=(
  [loader]="generator.validation.loading.*"
  [site]="generator.site.builder.*"
  [matcher]="generator.text.matching.*"
)
case "${1:-all}" in
  loader | site | matcher) order=("$1") ;;
  all) order=(loader site matcher) ;;
  *) order=("$1") && targets[$1]="$1" ;;
esac

# The status of each mutant whose name matches the glob, one "name: status" a line.
statuses() {
  local pattern
  pattern="^ *$(printf '%s' "$1" | sed 's/\./\\./g; s/\*/.*/g'):"
  .venv/bin/mutmut results --all true | grep -E "$pattern" | sed 's/^ *//' || true
}

survivors=""
for target in "${order[@]}"; do
  glob=${targets[$target]}
  start=$(date +%s)
  nice -n 19 .venv/bin/mutmut run --max-children "${JOBS:-$(nproc)}" "$glob" | tail -n 1 | tr '\r' '\n' \
    | tail -n 1
  seconds=$(($(date +%s) - start))
  found=$(statuses "$glob")
  count() { grep -c ": $1\$" <<<"$found" || true; }
  lost=$(grep -vE ": (killed|timeout|not checked)$" <<<"$found" | grep . || true)
  printf '%s: %d mutants, %d killed, %d timed out (killed), %d surviving, %dm%02ds\n' \
    "$target" "$(grep -c . <<<"$found" || true)" "$(count killed)" "$(count timeout)" \
    "$(grep -c . <<<"$lost" || true)" $((seconds / 60)) $((seconds % 60))
  survivors+=${lost:+$lost$'\n'}
done

if [ -n "$survivors" ]; then
  echo "surviving mutants:"
  printf '%s' "$survivors"
  exit 1
fi
echo "no surviving mutant"
