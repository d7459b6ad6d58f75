#!/usr/bin/env bash
# The test suite: installs what is missing, builds with -Werror, runs the
# pg_regress suite and the out-of-server checks on a throwaway cluster, and
# ends with one line "N passed, N failed" counted from the real results.
. "$(dirname "$0")/lib.sh"
cd "$FOISTATS_ROOT"

foistats_ensure_deps
foistats_build

passed=0
failed=0
count() { # count NAME COMMAND...: one result per command
	local name=$1 t0=$SECONDS
	shift
	if "$@"; then passed=$((passed + 1)); echo "ok: $name ($((SECONDS - t0)) s)" >&2
	else failed=$((failed + 1)); echo "FAILED: $name ($((SECONDS - t0)) s)" >&2; fi
}

# Out-of-server checks: each script under test/checks/ is one result.
for t in test/checks/*.sh; do
	[ -e "$t" ] || continue
	count "$t" bash "$t"
done

say "running pg_regress on a throwaway cluster"
t0=$SECONDS
rm -rf results regression.diffs regression.out
set +e
foistats_virtualenv make -s PG_CONFIG="$PG_CONFIG" installcheck > test/.installcheck.log 2>&1
rc=$?
set -e
cat test/.installcheck.log
echo "pg_regress: $((SECONDS - t0)) s" >&2
if [ -f regression.diffs ]; then head -c 20000 regression.diffs; echo; fi
ok=$(grep -cE '\.\.\. ok|^ok [0-9]' test/.installcheck.log || true)
bad=$(grep -cE '\.\.\. FAILED|\.\.\. failed|^not ok' test/.installcheck.log || true)
passed=$((passed + ok))
failed=$((failed + bad))
if [ $rc -ne 0 ] && [ "$bad" -eq 0 ]; then
	echo "pg_regress exited $rc without a test result: counted as one failure" >&2
	failed=$((failed + 1))
fi

echo "suite: $SECONDS s" >&2
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
