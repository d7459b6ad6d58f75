#!/usr/bin/env bash
# Benchmark: foistats.xtab(offence, recorded_on) on 10M rows against
# count(*), GROUP BY offence, extract(year ...), tablefunc crosstab(), and
# itself with 2 parallel workers.  Prints ratios from one run.
#   bash test/bench/xtab.sh [rows] [reps]     (defaults 10000000 5)
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_bench_sql xtab "$@"
