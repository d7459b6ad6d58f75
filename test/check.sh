#!/usr/bin/env bash
# The test suite: installs what is missing, builds with -Werror, runs the
# pg_regress suite and the out-of-server checks on throwaway clusters, and
# ends with one line "N passed, N failed" counted from the real results.
#
# The parts run FOISTATS_JOBS at a time (default: one per core), longest
# first; each has its own cluster (pg_virtualenv, or its own port) and its
# own work directory, and its output is printed whole when it ends.
. "$(dirname "$0")/lib.sh"
cd "$FOISTATS_ROOT"

foistats_ensure_deps
foistats_build

jobs_max=${FOISTATS_JOBS:-$(nproc)}
logs=$(mktemp -d /tmp/foistats-check.XXXXXX)
trap 'rm -rf "$logs"' EXIT

# The main pg_regress run (in start_part's subshell, errexit off); its result is the number of tests that passed
# and failed, written to $logs/regress.count.
regress_main() {
	local rc ok bad
	rm -rf results regression.diffs regression.out output_iso
	foistats_virtualenv make -s PG_CONFIG="$PG_CONFIG" installcheck > test/.installcheck.log 2>&1
	rc=$?
	cat test/.installcheck.log
	if [ -f regression.diffs ]; then head -c 20000 regression.diffs; echo; fi
	ok=$(grep -cE '\.\.\. ok|^ok [0-9]' test/.installcheck.log || true)
	bad=$(grep -cE '\.\.\. FAILED|\.\.\. failed|^not ok' test/.installcheck.log || true)
	if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
		echo "pg_regress exited $rc without a test result: counted as one failure"
		bad=1
	fi
	echo "$ok $bad" > "$logs/regress.count"
	[ "$bad" -eq 0 ]
}

# The parts, longest first: the sanitized suite, the suite, then each script
# under test/checks/ (one result each).
# (seconds measured on the 2-core machine, loaded: sanitize 548, pg_regress
# 301, suppress_unit 129, fuzz_smoke 128, protect_attacker 82; the rest
# under 60 each).
long=(test/checks/sanitize.sh pg_regress test/checks/suppress_unit.sh test/checks/fuzz_smoke.sh
	test/checks/protect_attacker.sh)
names=("${long[@]}")
for t in test/checks/*.sh; do
	[ -e "$t" ] || continue
	case " ${long[*]} " in *" $t "*) continue ;; esac
	names+=("$t")
done

passed=0
failed=0
declare -A job_of=()	# pid -> index into names
running=0
finish() { # finish PID: print the part's output and count its result
	local i=${job_of[$1]} name secs res
	name=${names[$i]}
	secs=$(cat "$logs/$i.sec" 2>/dev/null || echo '?')
	res=$(cat "$logs/$i.res" 2>/dev/null || echo FAILED)
	say "$name"
	cat "$logs/$i.log"
	if [ "$name" = pg_regress ]; then
		local ok=0 bad=1
		[ -f "$logs/regress.count" ] && read -r ok bad < "$logs/regress.count"
		passed=$((passed + ok))
		failed=$((failed + bad))
		echo "$res: pg_regress, $ok passed, $bad failed ($secs s)" >&2
	elif [ "$res" = ok ]; then
		passed=$((passed + 1)); echo "ok: $name ($secs s)" >&2
	else
		failed=$((failed + 1)); echo "FAILED: $name ($secs s)" >&2
	fi
	unset "job_of[$1]"
	running=$((running - 1))
}
start_part() { # start_part INDEX
	local i=$1 name=${names[$1]}
	(
		set +e
		t0=$SECONDS
		if [ "$name" = pg_regress ]; then regress_main; else bash "$name"; fi > "$logs/$i.log" 2>&1 < /dev/null
		rc=$?
		echo $((SECONDS - t0)) > "$logs/$i.sec"
		if [ $rc -eq 0 ]; then echo ok; else echo FAILED; fi > "$logs/$i.res"
	) &
	job_of[$!]=$i
	running=$((running + 1))
}
say "running ${#names[@]} parts, $jobs_max at a time"
for i in "${!names[@]}"; do
	while [ "$running" -ge "$jobs_max" ]; do
		wait -n -p done_pid || true
		finish "$done_pid"
	done
	start_part "$i"
done
while [ "$running" -gt 0 ]; do
	wait -n -p done_pid || true
	finish "$done_pid"
done

echo "suite: $SECONDS s" >&2
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
