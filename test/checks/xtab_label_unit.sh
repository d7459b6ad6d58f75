#!/usr/bin/env bash
# Unit tests of the cross-tab column-label kinds (src/xtab_label.c, with the
# period labels of src/period.c), outside the server.  Built by
# test/unit/build.sh (-Werror, sanitizers when the toolchain has them).
. "$(dirname "$0")/../unit/build.sh"
unit_build "$tmp/xtab_label_test" "$root/test/unit/xtab_label_test.c" \
	"$root/src/xtab_label.c" "$root/src/period.c"
"$tmp/xtab_label_test"
