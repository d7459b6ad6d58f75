#!/usr/bin/env bash
# Loss of protect()'s heuristic against the exact optimum: 200 random tables
# up to 12 x 6, withheld cells heuristic / optimum (an integer program solved
# by glpsol, test-only; see test/bench/protect_optimum.py), median and worst.
# Takes a few minutes (the integer programs).
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_ensure_deps
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -std=gnu99 -O2 -Wall -Werror -Isrc src/suppress.c src/flow.c test/bench/protect_optimum.c -o "$tmp/protect_optimum"
python3 test/bench/protect_optimum.py "$tmp/protect_optimum" "${1:-200}"
