#!/usr/bin/env bash
# test/sanitize.sh: the whole pg_regress suite (make installcheck: sql/*.sql and
# the isolation specs) against a server that loads an AddressSanitizer +
# UndefinedBehaviorSanitizer build of the module.  Exit 0 = the suite passed
# and no sanitizer reported anything.
#
# How (Debian's postgres is not built with sanitizers, and loads the module
# with dlopen):
#  - the module is built with gcc -fsanitize=address,undefined -O1 -g
#    -fno-omit-frame-pointer, in a copy of the tree (the tree's own build is
#    left alone), and staged like test/lib.sh's foistats_build;
#  - gcc's libasan is LD_PRELOADed into the postmaster (an instrumented
#    library needs the ASan runtime loaded first), so every backend has it
#    (where postgres cannot start that way: UBSan alone, below);
#  - ASAN_OPTIONS=detect_leaks=0: PostgreSQL frees memory contexts en bloc and
#    keeps caches for the process's life, so LeakSanitizer would report the
#    server, not us (leaks of the pure cores are checked by the unit tests and
#    the fuzzers, which do run LeakSanitizer);
#  - UBSan reports and continues (-fsanitize-recover: every report of a run,
#    not just the first), ASan stops the backend at its first error (the
#    test then fails too);
#  - reports go to files (log_path) and the server log; both are searched.
# What it cannot see: an overrun inside a palloc'd chunk that stays inside its
# AllocSet block (the server's allocator is not instrumented); chunks above
# 8 kB have blocks of their own, which ASan does guard, as it guards the
# module's stack and globals.  UBSan sees all of the module's code.
#
#   bash test/sanitize.sh                 the whole suite
#   bash test/sanitize.sh xtab_fuzz audit some tests (ISOLATION too: none)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$FOISTATS_ROOT"
foistats_ensure_deps
start=$(date +%s)

work=$(mktemp -d /tmp/foistats-sanitize.XXXXXX)
chmod 755 "$work"
cleanup() {
	if [ -f "$work/data/postmaster.pid" ]; then
		su postgres -c "$PG_BIN/pg_ctl -D '$work/data' -m immediate -w stop" >/dev/null 2>&1 || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

# ASan needs its runtime preloaded into the postmaster.  On Debian 12 (glibc
# 2.36, gcc 12 or clang 14 runtimes) that postmaster hangs at once: its first
# bindtextdomain() waits forever on glibc's _nl_state_lock, whose reader count
# the preloaded runtime has driven below zero (seen with gdb; postgres -V
# hangs the same way; the same hang in other programs: google/sanitizers
# issues 1096 and 1270, llvm-project issue 49223).  So: try it, and when postgres cannot even print its
# version under the preloaded runtime, build with UBSan alone (its runtime
# is an ordinary shared library the module pulls in; no preload) and say so.
# FOISTATS_SANITIZE=ubsan skips the probe.
libasan=$(gcc -print-file-name=libasan.so)
mode=${FOISTATS_SANITIZE:-asan}
if [ "$mode" = asan ]; then
	if [ ! -e "$libasan" ] || ! timeout 20 env LD_PRELOAD="$libasan" ASAN_OPTIONS=detect_leaks=0 \
		"$PG_BIN/postgres" -V >/dev/null 2>&1; then
		say "postgres does not start with $libasan preloaded (hangs in bindtextdomain): UBSan only"
		mode=ubsan
	fi
fi
# -fno-wrapv: PostgreSQL builds with -fwrapv, under which a signed overflow
# wraps silently and UBSan does not check it; foistats' code must never rely
# on wrapping (a wrapped count is a wrong, often negative, count), so the
# sanitized build turns wrapping off and UBSan reports every overflow.
if [ "$mode" = asan ]; then
	san="-fsanitize=address,undefined -fno-wrapv -fno-omit-frame-pointer -O1 -g"
	preload="LD_PRELOAD='$libasan'"
else
	san="-fsanitize=undefined -fno-wrapv -fno-omit-frame-pointer -O1 -g"
	preload=""
fi

say "building the module with $san (in a copy of the tree)"
mkdir "$work/tree"
tar -C "$FOISTATS_ROOT" --exclude=.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
	--exclude=results -cf - . | tar -C "$work/tree" -xf -
make -C "$work/tree" -s PG_CONFIG="$PG_CONFIG" COPT="-Wall -Werror $san" >&2
mkdir "$work/dest"
make -C "$work/tree" -s PG_CONFIG="$PG_CONFIG" install DESTDIR="$work/dest" >/dev/null
nm -D "$work/dest$("$PG_CONFIG" --pkglibdir)/foistats.so" > "$work/nm.txt"
grep -q "__asan_report\|__ubsan_handle" "$work/nm.txt" ||
	{ echo "the staged foistats.so is not instrumented" >&2; exit 1; }

say "starting a throwaway cluster (user postgres)${preload:+ with $libasan preloaded}"
mkdir "$work/data" "$work/san" "$work/sock"
chown postgres "$work/data" "$work/san" "$work/sock"
su postgres -c "$PG_BIN/initdb -D '$work/data' -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
libdir=$("$PG_CONFIG" --pkglibdir)
cat >> "$work/data/postgresql.conf" <<CONF
port = 5499
unix_socket_directories = '$work/sock'
listen_addresses = ''
fsync = off
max_worker_processes = 8
extension_destdir = '$work/dest'
dynamic_library_path = '$work/dest$libdir:$libdir'
CONF
asan_opts="detect_leaks=0:abort_on_error=0:log_path=$work/san/asan:print_summary=1"
ubsan_opts="print_stacktrace=1:log_path=$work/san/ubsan"
# the postmaster itself, not pg_ctl (which would pass the preload to every
# program it runs)
su postgres -c "env $preload ASAN_OPTIONS='$asan_opts' UBSAN_OPTIONS='$ubsan_opts' \
	$PG_BIN/postgres -D '$work/data' > '$work/data/log' 2>&1 < /dev/null &"
for i in $(seq 1 120); do
	"$PG_BIN/pg_isready" -q -h "$work/sock" -p 5499 && break
	sleep 1
done
"$PG_BIN/pg_isready" -q -h "$work/sock" -p 5499 || { cat "$work/data/log"; echo "server did not start" >&2; exit 1; }

say "running the pg_regress suite"
rm -rf "$work/tree/results"
run_part() {
	make -C "$work/tree" -s PG_CONFIG="$PG_CONFIG" installcheck PGHOST="$work/sock" PGPORT=5499 \
		PGUSER=postgres "$@" >> "$work/installcheck.log" 2>&1 || rc=1
}
foistats_run_suite "$work" "$@"

su postgres -c "$PG_BIN/pg_ctl -D '$work/data' -w stop" >/dev/null 2>&1 || true
reports=$(cat "$work"/san/* 2>/dev/null | grep -cE 'runtime error:|ERROR: AddressSanitizer' || true)
inlog=$(grep -cE 'runtime error:|ERROR: AddressSanitizer|terminated by signal' "$work/data/log" || true)
if [ "$reports" -gt 0 ] || [ "$inlog" -gt 0 ]; then
	echo "== sanitizer reports ($reports in report files, $inlog lines in the server log):"
	for f in "$work"/san/*; do [ -e "$f" ] && { echo "-- $f"; head -c 30000 "$f"; }; done
	grep -E -A30 'runtime error:|ERROR: AddressSanitizer|terminated by signal' "$work/data/log" | head -200
fi
elapsed=$(( $(date +%s) - start ))
echo "sanitize ($mode): $(foistats_suite_tally "$work"), $reports sanitizer reports, $inlog server-log lines; ${elapsed}s"
[ "$rc" -eq 0 ] && [ "$reports" -eq 0 ] && [ "$inlog" -eq 0 ]
