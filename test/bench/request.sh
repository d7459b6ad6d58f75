#!/usr/bin/env bash
# Benchmark: answering a stored request (foistats.request_xtab, through a bound
# records view) against the same cross-tab query written by hand over the same
# table, on 2M records.  Prints the ratio from one run (best of reps).
#   bash test/bench/request.sh [rows] [reps]     (defaults 2000000 5)
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
rows=${1:-2000000}
reps=${2:-5}
foistats_bench_setup
say "running the request benchmark ($rows rows, best of $reps)"
foistats_virtualenv psql -X -q -v rows="$rows" -v reps="$reps" -f test/bench/request.sql
