#!/usr/bin/env bash
# Unit tests of the calendar period arithmetic (src/period.c), outside the
# server.  Built by test/unit/build.sh (-Werror, sanitizers when the toolchain
# has them).
. "$(dirname "$0")/../unit/build.sh"
unit_build "$tmp/period_test" "$root/test/unit/period_test.c" "$root/src/period.c"
"$tmp/period_test"
