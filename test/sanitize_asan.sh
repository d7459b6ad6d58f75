#!/usr/bin/env bash
# test/sanitize_asan.sh: the whole pg_regress suite (make installcheck: every
# sql/*.sql and every isolation spec) against a PostgreSQL 15 server that is
# itself built with AddressSanitizer + UndefinedBehaviorSanitizer and
# assertions, loading a foistats built the same way.  Exit 0 = every test
# passed and no sanitizer reported anything, in any process.
#
# Why a server of our own: Debian's postgres is not instrumented, and loading an
# ASan module into it needs the ASan runtime LD_PRELOADed, which hangs Debian
# 12's postgres at its first bindtextdomain() (google/sanitizers #1096; see
# test/sanitize.sh, which therefore runs UBSan only).  A server linked with
# -fsanitize=address has the runtime from its first instruction, so there is
# nothing to preload.  Building it also gives --enable-cassert: the server's
# and foistats' Assert()s are checked, and MEMORY_CONTEXT_CHECKING (a sentinel
# byte after every palloc'd chunk, checked at pfree and context reset: catches
# a write past the requested size, which ASan cannot see inside an AllocSet
# block) and CLOBBER_FREED_MEMORY (freed chunks are overwritten with 0x7F, so a
# use after pfree reads garbage and fails loudly) are on.
#
# Why ASan and not valgrind: the same suite under valgrind (memcheck with
# PostgreSQL's src/tools/valgrind.supp and a -DUSE_VALGRIND server, which marks
# palloc chunks exactly) runs some 20 to 50 times slower than natively,
# hours on this 2-core machine; ASan+UBSan costs about 2-3x.  What valgrind would see and
# this does not: a read (not a write) past a palloc'd chunk inside its
# AllocSet block, and reads of uninitialised palloc memory.
#
# Steps (all outside the tree; the tree's own build is left alone):
#  1. PostgreSQL's source: Debian's source package postgresql-15 (default
#     15.18-0+deb12u1, the newest whose source Debian still serves; set
#     FOISTATS_ASAN_PG_VERSION to another), fetched with
#     `apt-get source --download-only` (a deb-src entry is added to apt's
#     sources when there is none) into the cache directory
#     FOISTATS_ASAN_CACHE (default /var/tmp/foistats-asan-cache);
#  2. the server, built from the upstream tarball (Debian's patches are
#     packaging only and not needed) with clang-14, $SAN_CFLAGS below,
#     --enable-cassert --enable-debug, no NLS, readline, zlib, ICU or LLVM,
#     installed into the cache (once: rebuilt only when missing or when the
#     version or flags change; about 10 minutes on 2 cores);
#  3. foistats, in a copy of the tree, against that server's pg_config (so
#     with the same compiler and flags), plus -fno-wrapv: PostgreSQL builds
#     with -fwrapv, under which a signed overflow wraps silently and UBSan
#     does not check it; foistats must never rely on wrapping, so its code is
#     checked for every signed overflow;
#  4. a throwaway cluster run by the user postgres, with
#     ASAN_OPTIONS=detect_leaks=0 (PostgreSQL frees memory contexts en bloc
#     and keeps caches for the process's life, so LeakSanitizer would report
#     the server's design; leaks of the pure cores are checked by the unit
#     tests and the fuzzers, which do run LeakSanitizer) and log_path
#     directories, so the reports of every backend are collected;
#  5. make installcheck in two runs (REGRESS, then ISOLATION, so a failed
#     regression test does not skip the specs);
#  6. the report files and the server log are searched for any ASan or UBSan
#     report, assertion failure or backend killed by a signal.
# UBSan reports and continues (every report of a run, not just the first);
# ASan stops the backend at its first error (the test that caused it fails too).
#
#   bash test/sanitize_asan.sh                  the whole suite
#   bash test/sanitize_asan.sh xtab_fuzz audit  some regression tests (no specs)
#   bash test/sanitize_asan.sh --build-only     fetch and build the server only
# FOISTATS_SANITIZE_KEEP=1 keeps the work directory (logs, results) for reading.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$FOISTATS_ROOT"
start=$(date +%s)

CACHE=${FOISTATS_ASAN_CACHE:-/var/tmp/foistats-asan-cache}
PG_DEB_VERSION=${FOISTATS_ASAN_PG_VERSION:-15.18-0+deb12u1}
PG_UPSTREAM=${PG_DEB_VERSION%%-*}
SAN_CC=clang-14
SAN_CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer"
SAN_CONFIGURE="--enable-cassert --enable-debug --disable-nls --without-readline --without-zlib --without-icu --without-llvm"
key=$(printf '%s\n' "$PG_DEB_VERSION" "$SAN_CC" "$SAN_CFLAGS" "$SAN_CONFIGURE" | sha1sum | cut -c1-10)
PGDIR=$CACHE/pg-$PG_UPSTREAM-$key
SAN_PG_CONFIG=$PGDIR/install/bin/pg_config
SAN_BIN=$PGDIR/install/bin
PORT=${FOISTATS_SANITIZE_PORT:-5498}

build_only=0
if [ "${1:-}" = --build-only ]; then build_only=1; shift; fi

ensure_tools() {
	local missing=0
	command -v "$SAN_CC" >/dev/null 2>&1 || missing=1
	[ -e "$("$SAN_CC" -print-resource-dir 2>/dev/null)/lib/linux/libclang_rt.asan-x86_64.a" ] || missing=1
	command -v make >/dev/null 2>&1 || missing=1
	command -v perl >/dev/null 2>&1 || missing=1
	command -v python3 >/dev/null 2>&1 || missing=1
	if [ $missing -eq 1 ]; then
		say "installing clang-14, its sanitizer runtimes, make and perl (apt-get)"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			clang-14 libclang-rt-14-dev libc6-dev make perl python3 bzip2 ca-certificates >/dev/null
	fi
	# the cluster runs as postgres, the way Debian's packages create it
	id postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql postgres
}

# The upstream tarball, from Debian's source package (apt verifies it against
# the signed Release file).  apt-get source needs a deb-src entry: when apt
# has none, one is written next to the deb entries, with the same URIs,
# suites and keyring.
fetch_source() {
	local orig=$CACHE/postgresql-15_$PG_UPSTREAM.orig.tar.bz2
	[ -s "$orig" ] && return 0
	mkdir -p "$CACHE"
	if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
		local deb=/etc/apt/sources.list.d/debian.sources
		[ -f "$deb" ] || { echo "no deb-src entry and no $deb to copy one from" >&2; exit 1; }
		say "adding a deb-src entry to apt's sources (/etc/apt/sources.list.d/debian-src.sources)"
		sed 's/^Types: *deb$/Types: deb-src/' "$deb" | as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	fi
	say "fetching Debian's source of postgresql-15 $PG_DEB_VERSION into $CACHE"
	if ! (cd "$CACHE" && apt-get source -qq --download-only "postgresql-15=$PG_DEB_VERSION" >&2); then
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		(cd "$CACHE" && apt-get source -qq --download-only "postgresql-15=$PG_DEB_VERSION" >&2) || {
			echo "apt-get source postgresql-15=$PG_DEB_VERSION failed (apt-cache showsrc postgresql-15 lists what is served; FOISTATS_ASAN_PG_VERSION picks one)" >&2
			exit 1
		}
	fi
	[ -s "$orig" ] || { echo "no $orig after apt-get source" >&2; exit 1; }
}

build_server() {
	[ -x "$SAN_BIN/postgres" ] && [ -f "$PGDIR/.built" ] && return 0
	fetch_source
	say "building PostgreSQL $PG_UPSTREAM with $SAN_CC $SAN_CFLAGS $SAN_CONFIGURE into $PGDIR (once; about 10 minutes)"
	rm -rf "$PGDIR"
	mkdir -p "$PGDIR"
	tar -C "$PGDIR" -xjf "$CACHE/postgresql-15_$PG_UPSTREAM.orig.tar.bz2"
	mv "$PGDIR/postgresql-$PG_UPSTREAM" "$PGDIR/src"
	(
		cd "$PGDIR/src"
		# ASan's runtime must not be asked to find leaks in configure's test
		# programs, nor to stop them: configure only compiles and runs probes
		export ASAN_OPTIONS=detect_leaks=0
		./configure -q --prefix="$PGDIR/install" CC="$SAN_CC" CFLAGS="$SAN_CFLAGS" \
			LDFLAGS="-fsanitize=address,undefined" $SAN_CONFIGURE > "$PGDIR/configure.log" 2>&1 ||
			{ tail -50 "$PGDIR/configure.log" config.log >&2; exit 1; }
		make -s -j"$(nproc)" > "$PGDIR/build.log" 2>&1 || { tail -50 "$PGDIR/build.log" >&2; exit 1; }
		make -s install > "$PGDIR/install.log" 2>&1 || { tail -50 "$PGDIR/install.log" >&2; exit 1; }
		# the isolation tester is not installed by make install; PGXS's
		# installcheck runs it from the build tree (pg_isolation_regress),
		# and pg_regress from lib/pgxs
		make -s -C src/test/isolation > "$PGDIR/isolation.log" 2>&1 && make -s -C src/test/isolation install >> "$PGDIR/isolation.log" 2>&1 || { tail -50 "$PGDIR/isolation.log" >&2; exit 1; }
	) || exit 1
	touch "$PGDIR/.built"
}

ensure_tools
build_server
[ $build_only -eq 1 ] && { say "server ready: $SAN_BIN ($(( $(date +%s) - start ))s)"; exit 0; }

work=$(mktemp -d /tmp/foistats-sanitize-asan.XXXXXX)
chmod 755 "$work"
san_env() {
	printf 'ASAN_OPTIONS=%s UBSAN_OPTIONS=%s' \
		"detect_leaks=0:abort_on_error=0:print_summary=1:log_path=$work/san/asan" \
		"print_stacktrace=1:log_path=$work/san/ubsan"
}
cleanup() {
	if [ -f "$work/data/postmaster.pid" ]; then
		su postgres -c "env $(san_env) $work/pg/bin/pg_ctl -D '$work/data' -m immediate -w stop" >/dev/null 2>&1 || true
	fi
	if [ "${FOISTATS_SANITIZE_KEEP:-0}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
mkdir "$work/san"
chmod 1777 "$work/san"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=0:print_summary=1:log_path=$work/san/asan"
export UBSAN_OPTIONS="print_stacktrace=1:log_path=$work/san/ubsan"

# A copy of the server installation for this run (PostgreSQL's installations
# are relocatable: pg_config and the server find their directories from where
# their binaries are), so foistats is installed into it without touching the
# cache, and two runs cannot disturb each other.
cp -a "$PGDIR/install" "$work/pg"
PGC=$work/pg/bin/pg_config

say "building foistats against the sanitized server's pg_config (same flags, plus -fno-wrapv), in a copy of the tree"
mkdir "$work/tree"
tar -C "$FOISTATS_ROOT" --exclude=.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
	--exclude=results --exclude=regression.diffs --exclude=regression.out --exclude=output_iso \
	-cf - . | tar -C "$work/tree" -xf -
# sql/defects.sql bounds its 160,000-marker section by a 5 s timeout (a
# quadratic marker list took 7 s natively); the instrumented server with
# assertions runs it several times slower, so in the copy that bound is 60 s
# (still far below the quadratic time at this speed; the expected output,
# which echoes the statement, likewise).  The timeouts that test
# cancellation (sql/cancel.sql, sql/xtab_agg.sql) are left as they are.
grep -q "^SET statement_timeout = '5s';$" "$work/tree/sql/defects.sql" ||
	{ echo "sql/defects.sql no longer has its 5 s timeout: update $0" >&2; exit 1; }
sed -i "s/^SET statement_timeout = '5s';$/SET statement_timeout = '60s';/" \
	"$work/tree/sql/defects.sql" "$work/tree/expected/defects.out"
make -C "$work/tree" -s PG_CONFIG="$PGC" COPT="-Wall -Werror -fno-wrapv" >&2
make -C "$work/tree" -s PG_CONFIG="$PGC" install >/dev/null
so="$("$PGC" --pkglibdir)/foistats.so"
nm "$so" > "$work/nm.txt"
grep -q "__asan_report" "$work/nm.txt" && grep -q "__ubsan_handle" "$work/nm.txt" ||
	{ echo "$so is not instrumented" >&2; exit 1; }
grep -q 'define USE_ASSERT_CHECKING 1' "$("$PGC" --includedir-server)/pg_config.h" ||
	{ echo "the sanitized server was not built with --enable-cassert" >&2; exit 1; }

say "starting a throwaway cluster (user postgres, port $PORT)"
mkdir "$work/data" "$work/sock" "$work/log"
chown postgres "$work/data" "$work/sock" "$work/san" "$work/log"
chown -R postgres "$work/tree"
su postgres -c "env $(san_env) $work/pg/bin/initdb -D '$work/data' -A trust -E UTF8 --locale=C.UTF-8" > "$work/initdb.log" 2>&1 ||
	{ cat "$work/initdb.log"; echo "initdb failed" >&2; exit 1; }
cat >> "$work/data/postgresql.conf" <<CONF
port = $PORT
unix_socket_directories = '$work/sock'
listen_addresses = ''
fsync = off
max_worker_processes = 8
log_min_messages = warning
CONF
su postgres -c "env $(san_env) $work/pg/bin/pg_ctl -D '$work/data' -l '$work/log/server.log' -w -t 120 start" >/dev/null ||
	{ cat "$work/log/server.log"; echo "server did not start" >&2; exit 1; }

say "running the pg_regress suite (regression tests, then the isolation specs)"
run_part() {
	su postgres -c "env $(san_env) make -C '$work/tree' -s PG_CONFIG='$PGC' installcheck \
		PGHOST='$work/sock' PGPORT=$PORT PGUSER=postgres $(printf '%q ' "$@")" >> "$work/installcheck.log" 2>&1 || rc=1
}
foistats_run_suite "$work" "$@"
su postgres -c "env $(san_env) $work/pg/bin/pg_ctl -D '$work/data' -w stop" >/dev/null 2>&1 || true

# Any report fails the run: ASan and UBSan (report files of every process),
# and in the server log a failed assertion, a backend killed by a signal, a
# write past a chunk's end or another memory-context complaint
# (MEMORY_CONTEXT_CHECKING: "problem in alloc set ...", "detected write past
# chunk end ..."), and the resource owners' leak warnings at commit (buffer,
# relcache, catcache, TupleDesc, snapshot, temporary file ... leaks; "...
# still active"; "... not closed").
san_pat='runtime error:|ERROR: AddressSanitizer|SUMMARY: (Address|UndefinedBehavior)Sanitizer'
log_pat="$san_pat|TRAP: |terminated by signal|was terminated by|WARNING: +(problem in|detected write past)|WARNING: +.*(leak|still active|not closed)"
reports=$(cat "$work"/san/* 2>/dev/null | grep -cE "$san_pat" || true)
inlog=$(grep -cE "$log_pat" "$work/log/server.log" || true)
if [ "$reports" -gt 0 ] || [ "$inlog" -gt 0 ]; then
	echo "== sanitizer and server reports ($reports in report files, $inlog lines in the server log):"
	for f in "$work"/san/*; do [ -e "$f" ] && { echo "-- $f"; head -c 30000 "$f"; }; done
	grep -E -B2 -A20 "$log_pat" "$work/log/server.log" | head -300
fi
elapsed=$(( $(date +%s) - start ))
echo "sanitize_asan (PostgreSQL $PG_UPSTREAM, ASan+UBSan+cassert): $(foistats_suite_tally "$work"), $reports sanitizer reports, $inlog server-log lines; ${elapsed}s"
[ "$rc" -eq 0 ] && [ "$reports" -eq 0 ] && [ "$inlog" -eq 0 ]
