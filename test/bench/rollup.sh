#!/usr/bin/env bash
# Benchmark: roll-ups.  A ten-year question over 10M records from its
# roll-up vs the scan vs SQL GROUP BY (answers compared), the roll-up's
# maintenance cost on a 100k-row INSERT ... SELECT and UPDATE, and on
# single-row INSERTs measured with pgbench (loopback, bounded runs), each
# against the same writes with the triggers off.  Prints ratios from one run.
#   bash test/bench/rollup.sh [rows] [reps] [pgbench_seconds]   (defaults 10000000 5 10)
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
rows=${1:-10000000}
reps=${2:-5}
secs=${3:-10}
foistats_bench_setup
say "running the roll-up benchmark ($rows rows, $reps rounds, pgbench ${secs}s a round)"
cp test/bench/rollup.sql test/bench/rollup_report.sql test/bench/prelude.sql test/bench/force.sql "$FOISTATS_DEST/"
cat > "$FOISTATS_DEST/rollup_run.sh" <<'SH'
set -euo pipefail
d=$1; rows=$2; reps=$3; secs=$4; bin=$5
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
createdb bench
q -d bench -v rows="$rows" -v reps="$reps" -f "$d/rollup.sql"
# 3. single-row INSERTs, one a transaction, pgbench over loopback: rounds
# alternate triggers off (session_replication_role = replica, its rows then
# deleted with triggers off too) and on.
q -d bench -c "CREATE SEQUENCE bench_seq"
for mode in plain rollup; do
	echo "INSERT INTO force.crime VALUES ('$mode/' || nextval('bench_seq'), date '2015-01-01' + (random() * 3652)::int, 'RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 10, 30, '1', true);" > "$d/insert_$mode.pgb"
done
for r in $(seq 1 "$reps"); do
	for mode in plain rollup; do
		opts=""; [ "$mode" = plain ] && opts="-c session_replication_role=replica"
		out=$(PGOPTIONS="$opts" "$bin/pgbench" -n -h localhost -T "$secs" -f "$d/insert_$mode.pgb" bench)
		lat=$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p')
		tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\) .*/\1/p')
		echo "pgbench round $r, $mode: latency $lat ms, $tps tps"
		q -d bench -c "INSERT INTO bench_timing VALUES ('pgbench_$mode', $r, $lat)"
	done
	# the rows written with triggers off go again with triggers off
	PGOPTIONS="-c session_replication_role=replica" q -d bench -c "DELETE FROM force.crime WHERE ref LIKE 'plain/%'"
done
q -d bench -f "$d/rollup_report.sql"
SH
foistats_virtualenv bash "$FOISTATS_DEST/rollup_run.sh" "$FOISTATS_DEST" "$rows" "$reps" "$secs" "$PG_BIN"
