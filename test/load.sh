#!/usr/bin/env bash
# Load run (not CI): concurrent readers of a request's views, writers of its
# records (two questions rolled up, so every write goes through the roll-up
# triggers) and, in a second phase, editors of the offence overrides and the
# term dictionary (each edit sets the roll-ups aside; the editor refreshes
# them), on a throwaway cluster over loopback, bounded by time.  Asserts:
#   - pgbench: no failed transaction (deadlocks and serialization failures
#     are counted as failed) and no aborted client (any other error);
#   - the server log of the run: no ERROR, no "deadlock detected";
#   - every reader transaction (REPEATABLE READ) found the request's answers
#     equal to the same questions by plain SQL (load_check() raises if not);
#   - at the end, from a fresh session: check_rollup finds no difference
#     between either roll-up and a scan, and the answers equal plain SQL.
# Prints tps, latency and transaction counts per role and phase.
#   bash test/load.sh [rows] [seconds_per_phase] [readers] [writers]
#   (defaults 100000 25 2 2: about a minute and a half with the build)
. "$(dirname "$0")/lib.sh"
cd "$FOISTATS_ROOT"
rows=${1:-100000}
secs=${2:-25}
readers=${3:-2}
writers=${4:-2}
foistats_ensure_deps
foistats_build
say "load run: $rows records, ${secs}s a phase, $readers readers, $writers writers, 1 editor in phase 2"
cp test/load.sql "$FOISTATS_DEST/"
cat > "$FOISTATS_DEST/load_run.sh" <<'SH'
set -euo pipefail
d=$1; rows=$2; secs=$3; readers=$4; writers=$5; bin=$6
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
log="$(dirname "$PG_CLUSTER_CONF_ROOT")/log/postgresql-15-regress.log"
[ -f "$log" ] || { echo "load.sh: server log not found at $log" >&2; exit 1; }
createdb load
t0=$(date +%s.%N)
q -d load -v rows="$rows" -f "$d/load.sql"
echo "set-up: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
q -d load -c "ALTER SYSTEM SET log_lock_waits = on" -c "SELECT pg_reload_conf()" >/dev/null

# The scripts.  Readers: one in four transactions is the REPEATABLE READ check
# (the answers against plain SQL, in one snapshot), the others read the views
# a dashboard reads.  Writers: single-row INSERT (every one), UPDATE of a
# record's title and date, DELETE (one in six).  Editor: an override or a
# term added or removed, then the roll-ups refreshed.
cat > "$d/check.pgb" <<'EOF'
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT load_check();
COMMIT;
EOF
cat > "$d/views.pgb" <<'EOF'
SELECT count(*) FROM foi.q1;
SELECT count(*) FROM foi.q2;
SELECT count(*) FROM foi.answers WHERE n IS NOT NULL;
EOF
cat > "$d/write.pgb" <<'EOF'
\set id random(1, :rows)
\set day random(0, 3652)
\set k random(0, 5)
INSERT INTO force.crime VALUES ('W/' || nextval('force.ref_seq'), date '2015-01-01' + :day,
  (ARRAY['RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 'SEXUAL ASSAULT ON A FEMALE 13 OR OVER', 'EXPOSURE',
         'LOAD OFFENCE', 'COMMON ASSAULT', 'SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER 18+ PENETRATION'])[1 + :k],
  3 * :k, 18 + 7 * :k, (ARRAY['met on facebook', 'met on loadchat', NULL, 'snapchat'])[1 + :k % 4], true);
UPDATE force.crime SET recorded_on = date '2015-01-01' + :day,
       offence = (ARRAY['EXPOSURE', 'LOAD OFFENCE', 'RAPE OF FEMALE CHILD UNDER 13 BY A MALE'])[1 + :k % 3]
 WHERE crime_ref = 'C/' || :id;
\if :k = 0
DELETE FROM force.crime WHERE crime_ref = 'C/' || (:rows + 1 - :id);
\endif
EOF
cat > "$d/edit.pgb" <<'EOF'
\set op random(0, 3)
\if :op = 0
INSERT INTO foistats.offence_override (match, ho_code, note) VALUES ('LOAD OFFENCE', '019/16', 'load run') ON CONFLICT DO NOTHING;
\elif :op = 1
DELETE FROM foistats.offence_override WHERE match = 'LOAD OFFENCE';
\elif :op = 2
INSERT INTO foistats.term (dictionary, term, note) VALUES ('platforms', 'Loadchat', 'load run') ON CONFLICT DO NOTHING;
\else
DELETE FROM foistats.term WHERE dictionary = 'platforms' AND term = 'Loadchat';
\endif
SELECT count(*) FROM foistats.refresh_rollups();
\sleep 200 ms
EOF

failed=0
# run_role NAME CLIENTS SCRIPTS...: one pgbench over loopback for $secs
run_role() {
	local name=$1 clients=$2 rc=0; shift 2
	"$bin/pgbench" -n -h localhost -T "$secs" -c "$clients" -j "$clients" -D rows="$rows" \
		--failures-detailed "$@" load > "$d/$name.out" 2>&1 || rc=$?
	echo $rc > "$d/$name.rc"
}
report() {
	local name=$1 out=$d/$1.out rc
	rc=$(cat "$d/$1.rc")
	local tps n nfail lat
	tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out")
	n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out")
	nfail=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
	lat=$(sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p' "$out")
	printf '  %-18s %8s transactions, %9s tps, latency %9s ms, failed %s, exit %s\n' \
		"$name" "${n:-?}" "${tps:-?}" "${lat:-?}" "${nfail:-?}" "$rc"
	if [ "$rc" != 0 ] || [ "${nfail:-1}" != 0 ] || grep -q 'aborted' "$out"; then
		echo "load.sh: $name had errors:" >&2; grep -i 'error\|abort\|fail' "$out" | head -20 >&2
		failed=1
	fi
}
for phase in 1 2; do
	logpos=$(stat -c %s "$log")
	echo "phase $phase: $([ $phase = 1 ] && echo "readers and writers" || echo "readers, writers and an editor") for ${secs}s"
	run_role "p$phase-readers" "$readers" -f "$d/check.pgb@1" -f "$d/views.pgb@3" &
	run_role "p$phase-writers" "$writers" -f "$d/write.pgb" &
	if [ $phase = 2 ]; then run_role "p$phase-editor" 1 -f "$d/edit.pgb" & fi
	wait
	for r in readers writers $([ $phase = 2 ] && echo editor); do report "p$phase-$r"; done
	tail -c +"$((logpos + 1))" "$log" > "$d/p$phase.log"
	printf '  server log: %s ERROR, %s deadlock detected, %s lock waits over deadlock_timeout\n' \
		"$(grep -c 'ERROR:' "$d/p$phase.log" || true)" "$(grep -c 'deadlock detected' "$d/p$phase.log" || true)" \
		"$(grep -c 'still waiting for' "$d/p$phase.log" || true)"
	if grep -q 'ERROR:\|deadlock detected' "$d/p$phase.log"; then
		grep -A3 'ERROR:\|deadlock detected' "$d/p$phase.log" | head -30 >&2; failed=1
	fi
	# the end of the phase, from a fresh session
	q -d load -At -F ' ' -c "SELECT 'roll-up of question ' || question || ': ' || coalesce('set aside (' || problem || ')', 'current') FROM foistats.rollups ORDER BY question" | sed 's/^/  /'
	q -d load -c "SELECT count(*) FROM foistats.refresh_rollups()" >/dev/null	# (only those set aside)
	diffs=$(q -d load -At -c "SELECT count(*) FROM unnest('{1,2}'::text[]) qu, foistats.check_rollup('load', qu, 'foi.records')")
	total=$(q -d load -At -c "SELECT load_check()")
	records=$(q -d load -At -c "SELECT count(*) FROM force.crime")
	echo "  check_rollup: $diffs differences; answers equal to plain SQL (sum of figures $total); $records records"
	[ "$diffs" = 0 ] || { q -d load -c "SELECT qu, c.* FROM unnest('{1,2}'::text[]) qu, foistats.check_rollup('load', qu, 'foi.records') c LIMIT 20" >&2; failed=1; }
done
if [ $failed = 0 ]; then echo "load run: passed"; else echo "load run: FAILED" >&2; exit 1; fi
SH
start=$(date +%s)
foistats_virtualenv bash "$FOISTATS_DEST/load_run.sh" "$FOISTATS_DEST" "$rows" "$secs" "$readers" "$writers" "$PG_BIN"
echo "load run took $(( $(date +%s) - start )) s (cluster start and set-up included)"
