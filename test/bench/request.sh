#!/usr/bin/env bash
# Benchmark: answering a stored request (foistats.request_xtab, through a bound
# records view) against the same cross-tab query written by hand over the same
# table, on 2M records.  Prints the ratio from one run (best of reps).
#   bash test/bench/request.sh [rows] [reps]     (defaults 2000000 5)
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_bench_sql request "$@"
