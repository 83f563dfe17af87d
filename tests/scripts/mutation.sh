#!/usr/bin/env bash
# Mutation testing with mutmut: change the code one small way at a time (a flipped condition,
# an off-by-one, a dropped call) and check that some test fails for each change.
#
#   bash tests/scripts/mutation.sh [all]                 every target; what is known is kept
#   bash tests/scripts/mutation.sh loader|site|matcher   one target, every mutant tested again
#   bash tests/scripts/mutation.sh MUTANT-NAME-OR-GLOB...   those mutants tested again
#
# loader = generator/validation/loading.py, site = generator/site/builder.py, matcher =
# generator/text/matching.py. Results are kept in mutants/ (delete it to start over): `all`
# tests the mutants never tested and those of functions that changed since, then tests again
# the ones that survived (a new test may kill them). It prints for each target the number of
# mutants, how many were killed and how long the run took, then every mutant no test kills
# (`.venv/bin/mutmut show NAME` shows it): exit 1 when one survives, 0 with "no surviving
# mutant" otherwise, 2 when mutmut itself fails (its output is in mutants/mutmut.log).
#
# Which tests run: [tool.mutmut] in pyproject.toml names the pool (all but the browser,
# injection, serve, fuzz, wheel and real-data tests). mutmut runs the pool once to learn which
# tests reach which function; a mutant then runs only the tests that reach its function, of its
# target's subset below (tests/conftest.py deselects the others, and in the first run without
# a mutant, which checks that the tests pass), stopping at the first failure.
# It runs under `nice`, with JOBS workers (default: the number of cores).
#
# Equivalent mutants (they change no behaviour) carry `# pragma: no mutate` on their line:
#   loading.py, load_bytes: `at = found.start() if found else 0`: libyaml's reader refuses
#     exactly the characters _DISALLOWED finds, so one is always found.
# Others were removed by writing the code without them: `raw.decode()` (the codec's name in
# any case), positions from the text before them (a search from 0 or None), syntax-error hints
# only for libyaml's wording (PyYAML's pure-Python messages never reach them), a mistake's
# arguments passed as they are, `serve_site` without defaults the CLI always overrides.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x .venv/bin/mutmut ] || .venv/bin/python -m pip install -q -e '.[test]'

declare -A globs=(
  [loader]="generator.validation.loading.*"
  [site]="generator.site.builder.*"
  [matcher]="generator.text.matching.*"
)
# Each target's fast subset: the tests written for that code, without the slow ones that
# faster tests match ("-" leaves them out: the alias bomb takes seconds to reach its limit,
# tests/test_loading.py lowers the limit). The site build has no faster tests than its own,
# so it keeps every test that reaches it.
declare -A subsets=(
  [loader]="tests/test_loading*.py tests/test_mutants.py tests/test_validation.py
    tests/test_mistakes.py tests/test_folder.py -tests/test_validation.py::*alias-bomb*"
  [matcher]="tests/test_matching*.py tests/test_terms.py tests/test_mutants.py
    tests/test_conformance.py tests/test_kinds.py tests/test_situations.py tests/test_checking.py
    tests/test_lexicons.py tests/test_rules_file.py tests/test_fixes.py"
)
PLAYBOOK_MUTATION_TESTS=""
for target in "${!subsets[@]}"; do
  PLAYBOOK_MUTATION_TESTS+="${globs[$target]%.\*}=$(tr -s ' \n' ' ' <<<"${subsets[$target]}");"
done
export PLAYBOOK_MUTATION_TESTS
mkdir -p mutants

mutmut_run() {
  if ! nice .venv/bin/mutmut run --max-children "${JOBS:-$(nproc)}" "$@" \
    >mutants/mutmut.log 2>&1; then
    tr '\r' '\n' <mutants/mutmut.log | tail -n 20
    echo "mutmut failed (see mutants/mutmut.log)"
    exit 2
  fi
}

# "name: status" of each mutant whose name matches the glob.
statuses() {
  local pattern
  pattern="^ *$(printf '%s' "$1" | sed 's/\./\\./g; s/\*/.*/g'):"
  .venv/bin/mutmut results --all true | grep -E "$pattern" | sed 's/^ *//' || true
}
# Those no test killed. A timeout is one of them: mutmut's limit is the clock's, which a loaded
# machine reaches with no test failing (a mutant that loops fails its test after 30 s of CPU).
alive() { grep -vE ": killed$" | grep . || true; }

# Report the targets of "$@" (each "name seconds"), then exit 0 or 1.
report() {
  local survivors="" target seconds found lost
  while [ $# -gt 0 ]; do
    target=$1 seconds=$2 && shift 2
    found=$(statuses "${globs[$target]}")
    lost=$(alive <<<"$found")
    printf '%s: %d mutants, %d killed, %d surviving%s\n' "$target" \
      "$(grep -c . <<<"$found" || true)" "$(grep -c ": killed$" <<<"$found" || true)" \
      "$(grep -c . <<<"$lost" || true)" \
      "${seconds:+, in $((seconds / 60))m$(printf %02d $((seconds % 60)))s}"
    survivors+=${lost:+$lost$'\n'}
  done
  if [ -n "$survivors" ]; then
    echo "surviving mutants:"
    printf '%s' "$survivors"
    exit 1
  fi
  echo "no surviving mutant"
  exit 0
}

start=$(date +%s)
case "${1:-all}" in
  all)
    mutmut_run
    again=$(for glob in "${globs[@]}"; do statuses "$glob"; done | alive | cut -d: -f1)
    if [ -n "$again" ]; then
      # shellcheck disable=SC2086 # one name a word
      mutmut_run $again
    fi
    echo "all: $(($(date +%s) - start)) s"
    report loader "" site "" matcher ""
    ;;
  loader | site | matcher)
    PLAYBOOK_MUTATION_TARGET=${globs[$1]%\*} mutmut_run "${globs[$1]}"
    report "$1" $(($(date +%s) - start))
    ;;
  *)
    PLAYBOOK_MUTATION_TARGET=$(sed 's/\.x[_ǁ].*/./' <<<"$1") mutmut_run "$@"
    named=$(printf '%s\n' "$@" | sed 's/\./\\./g; s/\*/.*/g; s/^/^ */; s/$/:/')
    lost=$(.venv/bin/mutmut results --all true | grep -Ef <(printf '%s\n' "$named") | sed 's/^ *//' |
      alive)
    echo "$# named: $(grep -c . <<<"$lost" || true) surviving, in $(($(date +%s) - start)) s"
    if [ -n "$lost" ]; then
      echo "surviving mutants:"
      echo "$lost"
      exit 1
    fi
    echo "no surviving mutant"
    ;;
esac
