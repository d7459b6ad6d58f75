#!/usr/bin/env bash
# Loss of protect()'s heuristic against the exact optimum: 200 random tables
# up to 12 x 6, withheld cells and withheld count heuristic / optimum (a 0/1
# program over the protection constraints solved by constraint generation
# with glpsol, test-only; see test/bench/protect_optimum.py), median, mean
# and worst, on two sets of tables; then the time of 80 x 6, 1,000 x 20 and
# 2,000 x 20 tables in the C core.
#	bash test/bench/protect_optimum.sh [N]        the bench (N tables, 200)
#	bash test/bench/protect_optimum.sh --verify   the solver against brute force
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_ensure_deps
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -std=gnu99 -O2 -Wall -Werror -Isrc src/suppress.c src/flow.c test/bench/protect_optimum.c -o "$tmp/protect_optimum"
if [ "${1:-}" = --verify ]; then
	python3 test/bench/protect_optimum.py "$tmp/protect_optimum" --verify "${2:-40}"
	exit
fi
python3 test/bench/protect_optimum.py "$tmp/protect_optimum" "${1:-200}"
gcc -std=gnu99 -O2 -Wall -Werror -Isrc src/suppress.c src/flow.c test/bench/protect_core.c -o "$tmp/protect_core"
echo "== the C core alone: protect (four passes up to 20,000 cells, one beyond) and exact audit of seed-shaped tables, totals allowed (test/bench/protect_core.c)"
"$tmp/protect_core" 80x6 1000x20 2000x20
