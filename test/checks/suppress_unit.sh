#!/usr/bin/env bash
# Unit and property tests of the pure-C disclosure-control core
# (src/suppress.c, on the flow network of src/flow.c): hand-made tables,
# audit vs brute force, protect+audit of random tables, controlled rounding,
# linked tables (src/suppress_linked.c) when memory runs out.
# 3000 tables at -O2, then 300 once more under AddressSanitizer/UBSan when
# the toolchain has them (test/unit/build.sh).
. "$(dirname "$0")/../unit/build.sh"
src="$root/src/suppress.c $root/src/suppress_linked.c $root/src/flow.c $root/test/unit/suppress_test.c"
unit_build_fast "$tmp/suppress_test" $src
"$tmp/suppress_test" 3000
if [ "$unit_sanitized" = 1 ]; then
	unit_build "$tmp/suppress_test_san" $src
	"$tmp/suppress_test_san" 300
fi
