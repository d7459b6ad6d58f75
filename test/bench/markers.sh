#!/usr/bin/env bash
# Benchmark: operations on tables with 10,000 and 80,000 cell markers
# (issue 14, defect 1); prints the 80k/10k time ratio (linear: about 8).
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_build
flock /tmp/foistats-bench.lock bash -c '. test/lib.sh; foistats_virtualenv psql -X -v ON_ERROR_STOP=1 -f test/bench/markers.sql'
