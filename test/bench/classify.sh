#!/usr/bin/env bash
# Benchmark foistats.ho_class over 10M rows on a throwaway cluster (see classify.sql).
# Holds /tmp/foistats-bench.lock so benchmarks do not overlap.
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_bench_setup
foistats_virtualenv psql -X -q -v ON_ERROR_STOP=1 -f test/bench/classify.sql
