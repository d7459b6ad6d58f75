# test/lib.sh: shared by test/check.sh (the test suite) and test/demo.sh (the demo).
# Sourced, not run. Installs what is missing, builds, and runs commands against a
# throwaway PostgreSQL 15 cluster that is destroyed afterwards.

set -euo pipefail

FOISTATS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
export PG_CONFIG=$PG_BIN/pg_config

say() { printf '== %s\n' "$*" >&2; }

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Install PostgreSQL 15, its server headers, a C toolchain, python3 and glpsol
# (glpk-utils: the disclosure tests' independent attacker) from Debian's
# packages when any of them is missing.
foistats_ensure_deps() {
	local missing=0
	[ -x "$PG_CONFIG" ] || missing=1
	[ -x "$PG_BIN/postgres" ] || missing=1
	command -v pg_virtualenv >/dev/null 2>&1 || missing=1
	command -v make >/dev/null 2>&1 || missing=1
	command -v gcc >/dev/null 2>&1 || missing=1
	command -v python3 >/dev/null 2>&1 || missing=1
	command -v glpsol >/dev/null 2>&1 || missing=1	# the test-only attacker (protect_attacker.sh)
	if [ $missing -eq 0 ] && [ -f "$("$PG_CONFIG" --includedir-server)/postgres.h" ]; then
		return 0
	fi
	say "installing PostgreSQL $PG_MAJOR, its server headers and a C toolchain (apt-get)"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-common \
		make gcc libc6-dev python3 glpk-utils ca-certificates >/dev/null
}

# clang-14 with libFuzzer and its sanitizer runtimes (libclang-rt-14-dev), for
# the harnesses in test/fuzz/ only (test/fuzz/run.sh, test/checks/fuzz_smoke.sh):
# installed from Debian's packages when a probe build with
# -fsanitize=fuzzer,address,undefined fails.
foistats_ensure_fuzz_deps() {
	local probe
	probe=$(mktemp -d)
	if printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ (void) d; (void) n; return 0; }\n' \
		| clang-14 -x c -fsanitize=fuzzer,address,undefined -o "$probe/probe" - >/dev/null 2>&1; then
		rm -rf "$probe"
		return 0
	fi
	rm -rf "$probe"
	say "installing clang-14 and libclang-rt-14-dev (libFuzzer) (apt-get)"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		clang-14 libclang-rt-14-dev libc6-dev python3 >/dev/null
}

# Build warning-free (-Werror) and install into a private staging directory, so
# the throwaway cluster loads this tree's build and nothing system-wide changes.
foistats_build() {
	say "building foistats"
	make -C "$FOISTATS_ROOT" -s PG_CONFIG="$PG_CONFIG" COPT="-Wall -Werror" >&2
	FOISTATS_DEST=$(mktemp -d /tmp/foistats-install.XXXXXX)
	chmod 755 "$FOISTATS_DEST"
	make -C "$FOISTATS_ROOT" -s PG_CONFIG="$PG_CONFIG" install DESTDIR="$FOISTATS_DEST" >/dev/null
	trap 'rm -rf "$FOISTATS_DEST"' EXIT
	export FOISTATS_DEST
}

# For a benchmark script: install what is missing, build, and hold
# /tmp/foistats-bench.lock (fd 9) until the script exits, so that two
# benchmarks never run at once (the tests do not take it).
foistats_bench_setup() {
	foistats_ensure_deps
	foistats_build
	exec 9>/tmp/foistats-bench.lock
	say "waiting for the benchmark lock"
	flock 9
}

# foistats_bench_sql NAME [rows] [reps]: test/bench/NAME.sql on a fresh
# cluster after foistats_bench_setup, with :rows and :reps when given (the
# SQL file holds their defaults).
foistats_bench_sql() {
	local name=$1 vars=()
	[ -n "${2:-}" ] && vars+=(-v "rows=$2")
	[ -n "${3:-}" ] && vars+=(-v "reps=$3")
	foistats_bench_setup
	say "running the $name benchmark (rows: ${2:-default}, best of: ${3:-default})"
	foistats_virtualenv psql -X -q "${vars[@]}" -f "test/bench/$name.sql"
}

# Run "$@" with PG* variables pointing at a fresh cluster that loads the staged
# build (Debian's extension_destdir), then destroy the cluster.  -t puts the
# cluster in a private temporary directory even as root, so two runs never
# share /etc/postgresql.  A lock is held only while the cluster starts (the
# command releases it first), so concurrent runs in other worktrees cannot
# race for one port, yet a long benchmark does not block the tests.
foistats_virtualenv() {
	local libdir rc=0
	libdir=$("$PG_CONFIG" --pkglibdir)
	exec 8>/tmp/foistats-virtualenv.lock
	flock 8
	pg_virtualenv -t -v $PG_MAJOR \
		-o "extension_destdir=$FOISTATS_DEST" \
		-o "dynamic_library_path=$FOISTATS_DEST$libdir:$libdir" \
		-o "max_worker_processes=8" \
		sh -c 'flock -u 8; exec 8>&-; exec "$@"' foistats-virtualenv "$@" || rc=$?
	exec 8>&-
	return $rc
}

# For a test/checks script that runs its own cluster: build unless run from
# test/check.sh (which exports FOISTATS_DEST), make a work directory the
# server (user postgres) can read, and remove both on exit.  Sets $work.
foistats_check_setup() {
	FOISTATS_OWN_BUILD=0
	if [ -z "${FOISTATS_DEST:-}" ]; then	# run alone, not from test/check.sh
		foistats_ensure_deps
		foistats_build
		FOISTATS_OWN_BUILD=1
	fi
	work=$(mktemp -d "/tmp/foistats-$1.XXXXXX")
	chmod 777 "$work"
	trap 'rm -rf "$work"; if [ "$FOISTATS_OWN_BUILD" = 1 ]; then rm -rf "$FOISTATS_DEST"; fi' EXIT
}

# foistats_py_bench NAME SCRIPT [ARGS...]: a Python bench over the SQL API (SCRIPT,
# under test/bench/): with --here first in ARGS, on the database the PG* variables
# name (foistats installed); else built, on a throwaway cluster's database NAME.
foistats_py_bench() {
	local name=$1 script=$2
	shift 2
	if [ "${1:-}" = --here ]; then
		shift
		exec python3 "test/bench/$script" "$@"
	fi
	foistats_check_setup "$name"
	foistats_virtualenv sh -c "createdb acc && psql -X -q -d acc -c 'CREATE EXTENSION foistats' &&
		PGDATABASE=acc python3 test/bench/$script $*"
}

# For the dump checks (test/checks/*_dump.sh), inside foistats_virtualenv:
# psql that stops at the first error, quiet and unaligned.
foistats_q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# foistats_dump_restore PREFIX WORK: database PREFIX_a made by WORK/setup.sql,
# dumped in the plain (WORK/dump.sql) and the custom format (WORK/dump.custom),
# restored into PREFIX_b (psql) and PREFIX_c (pg_restore --exit-on-error).
foistats_dump_restore() {
	local p=$1 w=$2
	createdb "${p}_a"
	foistats_q -d "${p}_a" -f "$w/setup.sql" > /dev/null
	pg_dump "${p}_a" > "$w/dump.sql"
	pg_dump -Fc "${p}_a" > "$w/dump.custom"
	createdb "${p}_b"
	foistats_q -d "${p}_b" -f "$w/dump.sql" > /dev/null
	createdb "${p}_c"
	pg_restore --exit-on-error -d "${p}_c" "$w/dump.custom"
}

# foistats_dump_show PREFIX WORK SQL: what WORK/SQL shows in the dumped
# database and in the two restored ones: WORK/before.txt, after_plain.txt and
# after_custom.txt.
foistats_dump_show() {
	local p=$1 w=$2 sql=$3
	foistats_q -d "${p}_a" -f "$w/$sql" > "$w/before.txt"
	foistats_q -d "${p}_b" -f "$w/$sql" > "$w/after_plain.txt"
	foistats_q -d "${p}_c" -f "$w/$sql" > "$w/after_custom.txt"
}

# foistats_run_suite WORK [TEST...]: the pg_regress suite in the copy
# WORK/tree through the caller's run_part, which runs make installcheck with
# its own server and environment, passes its arguments to make as variable
# assignments and sets rc=1 when make fails.  With TESTs: those regression
# tests alone; else the regression tests and the isolation specs as two runs,
# so that a failed regression test does not skip the specs (make stops at the
# first failing command).  Sets rc (0: both passed), then prints
# WORK/installcheck.log and the diffs.
foistats_run_suite() {
	local work=$1 d
	shift
	rc=0
	if [ $# -gt 0 ]; then
		run_part REGRESS="$*" ISOLATION=
	else
		run_part ISOLATION=
		[ -f "$work/tree/regression.diffs" ] && cp "$work/tree/regression.diffs" "$work/regress.diffs"
		run_part REGRESS=
	fi
	cat "$work/installcheck.log"
	for d in "$work/regress.diffs" "$work/tree/regression.diffs" "$work/tree/output_iso/regression.diffs"; do
		[ -f "$d" ] && head -c 20000 "$d"
	done
	return 0
}

# foistats_suite_tally WORK: "N tests passed, M failed", counted in
# WORK/installcheck.log (pg_regress's and the isolation tester's lines).
foistats_suite_tally() {
	local ok bad
	ok=$(grep -cE '\.\.\. ok|^ok [0-9]' "$1/installcheck.log" || true)
	bad=$(grep -cE '\.\.\. FAILED|\.\.\. failed|^not ok' "$1/installcheck.log" || true)
	echo "$ok tests passed, $bad failed"
}
