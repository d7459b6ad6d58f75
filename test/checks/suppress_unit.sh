#!/usr/bin/env bash
# Unit and property tests of the pure-C disclosure-control core
# (src/suppress.c, on the flow network of src/flow.c): hand-made tables,
# audit vs brute force, protect+audit of random tables, controlled rounding,
# linked tables (src/suppress_linked.c) when memory runs out, two breakdowns
# of the same crimes (same_totals) audited against brute force.
# 3000 tables at -O2, then 300 once more under AddressSanitizer/UBSan when
# the toolchain has them (test/unit/build.sh).
. "$(dirname "$0")/../unit/build.sh"
src="$root/src/suppress.c $root/src/suppress_linked.c $root/src/flow.c $root/test/unit/suppress_test.c"
unit_build_fast "$tmp/suppress_test" $src
"$tmp/suppress_test" 3000 | tee "$tmp/int128.out"
# the same tables with 128-bit costs as two 64-bit halves (the fallback for
# compilers without __int128): the same cells chosen, digest for digest
unit_build_fast "$tmp/suppress_test_noint128" -DSDC_NO_INT128 $src
"$tmp/suppress_test_noint128" 3000 | tee "$tmp/halves.out"
if ! cmp -s <(grep 'pattern digest' "$tmp/int128.out") <(grep 'pattern digest' "$tmp/halves.out"); then
	echo "suppress: the SDC_NO_INT128 fallback chose different cells" >&2
	exit 1
fi
if [ "$unit_sanitized" = 1 ]; then
	unit_build "$tmp/suppress_test_san" $src
	"$tmp/suppress_test_san" 300
fi
