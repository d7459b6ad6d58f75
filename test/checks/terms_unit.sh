#!/usr/bin/env bash
# Unit tests of the pure-C Aho-Corasick matcher (src/terms.c), outside
# the server: fixed cases, a randomised comparison with a brute-force matcher,
# and a 4 MB text.  Built by test/unit/build.sh: once at -O2, once under
# AddressSanitizer/UBSan when the toolchain has them.
. "$(dirname "$0")/../unit/build.sh"
unit_build_fast "$tmp/terms_test" "$root/test/unit/terms_test.c" "$root/src/terms.c"
"$tmp/terms_test"
if [ "$unit_sanitized" = 1 ]; then
	unit_build "$tmp/terms_test_san" "$root/test/unit/terms_test.c" "$root/src/terms.c"
	"$tmp/terms_test_san"
fi
