#!/usr/bin/env bash
# Mutation testing with mutmut: change the code one small way at a time (a flipped condition,
# an off-by-one, a dropped call) and check that some test fails for each change.
#
#   bash tests/scripts/mutation.sh [loader|site|matcher|all|MUTANT-GLOB]   (default: all)
#
# loader = generator/validation/loading.py, site = generator/site/builder.py, matcher =
# generator/text/matching.py. Prints mutmut's counts and the surviving mutants; `.venv/bin/mutmut
# show NAME` shows one. Exit 1 when a mutant survives. The browser, injection, fuzz, wheel and
# real-data tests are left out (see [tool.mutmut] in pyproject.toml); each mutant runs only
# the tests that reach the mutated function.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x .venv/bin/mutmut ] || .venv/bin/python -m pip install -q -e '.[test]'

case "${1:-all}" in
  loader) globs=("generator.validation.loading.*") ;;
  site) globs=("generator.site.builder.*") ;;
  matcher) globs=("generator.text.matching.*") ;;
  all) globs=("generator.validation.loading.*" "generator.site.builder.*" "generator.text.matching.*") ;;
  *) globs=("$1") ;;
esac

.venv/bin/mutmut run --max-children "${JOBS:-$(nproc)}" "${globs[@]}" | tail -n 3
pattern=$(printf '%s|' "${globs[@]}" | sed 's/\*/.*/g; s/|$//')
survivors=$(.venv/bin/mutmut results | grep -E "$pattern" | grep -v ": not checked" || true)
if [ -n "$survivors" ]; then
  echo "surviving mutants:"
  echo "$survivors"
  exit 1
fi
echo "no surviving mutant"
