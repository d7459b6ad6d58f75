#!/usr/bin/env bash
# Unit tests and a fuzz smoke run of what a published cell's text means
# (src/marker.c: counts, blanks, suppression markers and their bounds).
# Built by test/unit/build.sh (-Werror, sanitizers when the toolchain has
# them).
. "$(dirname "$0")/../unit/build.sh"
unit_build "$tmp/marker_test" "$root/src/marker.c" "$root/test/unit/marker_test.c"
"$tmp/marker_test" 200000
