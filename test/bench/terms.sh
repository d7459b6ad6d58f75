#!/usr/bin/env bash
# Benchmark of foistats.mentions on 1M MO texts of 300-600 characters, against
# count(*) (the floor), a ~* alternation, ILIKE ANY, and a 1,000-term
# dictionary.  Runs on its own throwaway cluster (port 5499) while holding
# /tmp/foistats-bench.lock, so it does not hold up test runs:
#   bash test/bench/terms.sh            # 1M rows
#   ROWS=20000 bash test/bench/terms.sh # a quick smoke run
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_bench_setup
say "running test/bench/terms.sql with ${ROWS:-1000000} rows"
libdir=$("$PG_CONFIG" --pkglibdir)
pg_virtualenv -t -v $PG_MAJOR -c '-p 5499' \
	-o "extension_destdir=$FOISTATS_DEST" \
	-o "dynamic_library_path=$FOISTATS_DEST$libdir:$libdir" \
	-o "shared_buffers=1GB" \
	psql -X -q -v rows="${ROWS:-1000000}" -f test/bench/terms.sql
