#!/usr/bin/env bash
# Unit tests of the suppressed-cell interval inference (src/audit.c).
# Built by test/unit/build.sh (-Werror, sanitizers when the toolchain has
# them).
. "$(dirname "$0")/../unit/build.sh"
unit_build "$tmp/audit_test" "$root/src/audit.c" "$root/test/unit/audit_test.c"
"$tmp/audit_test"
