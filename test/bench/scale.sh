#!/usr/bin/env bash
# Scale benchmark (not CI; about half an hour and ~10 GB of disk at 100M):
# records grow from 10M to 100M through a roll-up's triggers; xtab time per
# record (linear), its state size (bounded), and a ten-year question from the
# roll-up vs a scan vs SQL GROUP BY at 10M, 50M and 100M, answers compared.
#   bash test/bench/scale.sh [top]     (default 100000000)
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
top=${1:-100000000}
need_gb=$(( top / 10000000 + 4 ))
free_gb=$(df -Pk /tmp | awk 'NR == 2 {print int($4 / 1048576)}')
if [ "$free_gb" -lt "$need_gb" ]; then
	echo "scale.sh: $free_gb GB free in /tmp, $need_gb GB needed for $top records" >&2
	exit 1
fi
foistats_bench_setup
say "running the scale benchmark (10M to $top records; $free_gb GB free)"
foistats_virtualenv psql -X -q -v top="$top" -f test/bench/scale.sql
