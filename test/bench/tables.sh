#!/usr/bin/env bash
# Benchmark: parse_table / audit / reconcile on a 100,000-row table, against
# splitting the same text into lines with regexp_split_to_table (the least
# any SQL-level parser would do), measured in the same run.
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_bench_setup
foistats_virtualenv psql -X -v ON_ERROR_STOP=1 -f test/bench/tables.sql
