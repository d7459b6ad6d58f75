#!/usr/bin/env bash
# Benchmark: foistats.xtab(offence, recorded_on) on 10M rows against
# count(*), GROUP BY offence, extract(year ...), tablefunc crosstab(), and
# itself with 2 parallel workers.  Prints ratios from one run, and the
# machine's load average before and after it (the times are wall clock).
#   bash test/bench/xtab.sh [rows] [reps]     (defaults 10000000 9)
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
foistats_bench_sql xtab "$@"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
