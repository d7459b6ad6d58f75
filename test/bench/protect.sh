#!/usr/bin/env bash
# Benchmark: protect + exact audit of seed-shaped tables from 80 x 6 (the
# seed's size; target < 50 ms) to 2,000 x 20 (target < 5 s), with the growth
# over rows x columns; in SQL on a throwaway cluster (test/bench/protect.sql),
# and of the pure-C core alone (test/bench/protect_core.c).
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_bench_setup
say "pure C core (no server): protect, then audit"
tmp=$(mktemp -d)
gcc -std=gnu99 -O2 -Wall -Werror -Isrc src/suppress.c src/flow.c test/bench/protect_core.c -o "$tmp/protect_core"
"$tmp/protect_core" 80x6 100x6 200x10 500x20 1000x20 2000x20
rm -rf "$tmp"
say "in SQL: protect + audit, against render() and naive primary-only suppression"
foistats_virtualenv psql -X -q -f test/bench/protect.sql
