#!/usr/bin/env bash
# test/fuzz/run.sh SECONDS [TARGET...]
#
# Builds the libFuzzer harnesses of test/fuzz/ (test/unit/build.sh's
# unit_build_fuzz: clang-14, -fsanitize=fuzzer,address,undefined, outside the
# server, against the pure-C cores of src/) and runs each TARGET (default:
# all) for SECONDS, starting from its seed corpus test/fuzz/corpus/<target>/
# (read only: new inputs go to a scratch corpus).  Prints per target the
# executions, the coverage libFuzzer reached (cov: edges, ft: features) and
# whether it crashed (crash, leak, UB, timeout, out of memory, a failed
# property); exits non-zero when any did.  A crashing input is kept in
# $FOISTATS_FUZZ_ARTIFACTS (default /tmp/foistats-fuzz-artifacts/<target>/)
# with the run's log.
#
#	FOISTATS_FUZZ_JOBS=N	targets run N at a time (default 1; the machine
#							is shared: at most 2)
#	FOISTATS_FUZZ_KEEP=DIR	keep the scratch corpora (new inputs) in DIR
#	FOISTATS_FUZZ_BUILD=DIR	only build, into DIR/fuzz_<target> (make_corpus.sh)
#
# Targets (test/fuzz/fuzz_<target>.c):
#	table_parse	tp_parse_ext / tp_find_tables + tp_parse_at, every format
#	marker		marker_read, marker_bounds, marker_shown, ...
#	classify	classify_lex, offence_parse, offence_normalise
#	terms		ac_builder_* (dictionary compile) and ac_scan
#	suppress	sdc_protect, sdc_audit, sdc_round_controlled, the linked
#				family (suppress.c, suppress_linked.c, flow.c) on decoded tables
#	audit		ab_propagate (audit.c) on decoded constraint systems
#	xtab		xtab text input, binary recv and the flat form (xtab_text.c,
#				xtab.c) through a shim of the server functions they call
#				(test/fuzz/pg_shim.c)
set -euo pipefail
seconds=${1:?usage: test/fuzz/run.sh SECONDS [TARGET...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
foistats_ensure_fuzz_deps
. "$here/../unit/build.sh"		# sets $root, $tmp (removed on exit), unit_build_fuzz
cd "$root"

all_targets="table_parse marker classify terms suppress audit xtab"
targets=${*:-$all_targets}
jobs=${FOISTATS_FUZZ_JOBS:-1}
artifacts=${FOISTATS_FUZZ_ARTIFACTS:-/tmp/foistats-fuzz-artifacts}

pg_inc=$("$PG_CONFIG" --includedir-server)
pg_lib=$("$PG_CONFIG" --pkglibdir)	# libpgcommon.a, libpgport.a (Debian)

build_target() {
	local t=$1 out=$tmp/fuzz_$1
	case $t in
		table_parse) unit_build_fuzz "$out" -I test/fuzz test/fuzz/fuzz_table_parse.c \
			src/table_parse.c src/marker.c ;;
		marker) unit_build_fuzz "$out" -I test/fuzz test/fuzz/fuzz_marker.c src/marker.c ;;
		classify) unit_build_fuzz "$out" -I test/fuzz test/fuzz/fuzz_classify.c \
			src/classify.c src/classify_lex.c src/classify_rules.c ;;
		terms) unit_build_fuzz "$out" -I test/fuzz test/fuzz/fuzz_terms.c src/terms.c ;;
		suppress) unit_build_fuzz "$out" -I test/fuzz test/fuzz/fuzz_suppress.c \
			src/suppress.c src/suppress_linked.c src/flow.c ;;
		audit) unit_build_fuzz "$out" -I test/fuzz test/fuzz/fuzz_audit.c src/audit.c ;;
		xtab)
			# the server's headers; libpgcommon/libpgport (frontend builds) for
			# StringInfo, psprintf, qsort_arg and UTF-8 verification; the rest
			# of what xtab.c needs from the server is test/fuzz/pg_shim.c
			unit_fuzz_cc_extra="-I$pg_inc -Wno-ignored-attributes -Wno-missing-field-initializers -Wno-sign-compare" \
				unit_build_fuzz "$out" -I test/fuzz test/fuzz/fuzz_xtab.c test/fuzz/pg_shim.c \
				src/xtab.c src/xtab_text.c src/xtab_label.c src/period.c \
				"$pg_lib/libpgcommon.a" "$pg_lib/libpgport.a" ;;
		*) echo "unknown fuzz target: $t (targets: $all_targets)" >&2; return 2 ;;
	esac
}

# Run one target; its summary line goes to $tmp/<target>.result.
run_target() {
	local t=$1 log=$tmp/$1.log scratch=$tmp/corpus_$1 rc=0 execs cov ft corp status
	mkdir -p "$scratch" "$artifacts/$t"
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$tmp/fuzz_$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=20 \
		-rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$artifacts/$t/" \
		"$scratch" "test/fuzz/corpus/$t" > "$log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$( (grep -o 'cov: [0-9]*' "$log" || true) | tail -1 | cut -d' ' -f2)
	ft=$( (grep -o 'ft: [0-9]*' "$log" || true) | tail -1 | cut -d' ' -f2)
	corp=$( (grep -o 'corp: [0-9]*' "$log" || true) | tail -1 | cut -d' ' -f2)
	if [ "$rc" -eq 0 ] && ! grep -q 'Test unit written to\|ERROR: libFuzzer\|ERROR: AddressSanitizer\|runtime error:' "$log"; then
		status=ok
	else
		status="CRASH (rc $rc): $(grep -m1 -o 'Test unit written to .*' "$log" || echo 'see log')"
		cp "$log" "$artifacts/$t/run.log"
	fi
	if [ -n "${FOISTATS_FUZZ_KEEP:-}" ]; then
		mkdir -p "$FOISTATS_FUZZ_KEEP/$t"
		cp -r "$scratch/." "$FOISTATS_FUZZ_KEEP/$t/"
	fi
	printf '%-12s %12s %7s %7s %7s  %s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" \
		"${corp:-?}" "$status" > "$tmp/$t.result"
}

for t in $targets; do
	say "building fuzz_$t"
	build_target "$t"
done
if [ -n "${FOISTATS_FUZZ_BUILD:-}" ]; then
	for t in $targets; do cp "$tmp/fuzz_$t" "$FOISTATS_FUZZ_BUILD/"; done
	exit 0
fi
say "running $(echo $targets | wc -w) targets for ${seconds}s each, $jobs at a time"
running=0
for t in $targets; do
	run_target "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait -n || true
		running=$((running - 1))
	fi
done
wait || true

printf '%-12s %12s %7s %7s %7s  %s\n' target executions cov ft corpus result
fail=0
for t in $targets; do
	cat "$tmp/$t.result"
	grep -q ' ok$' "$tmp/$t.result" || fail=1
done
exit $fail
