#!/usr/bin/env bash
# Unit and property tests of the residual flow network (src/flow.c): every
# maximum-flow algorithm against the minimum cut of random networks, the
# undo log, allocation failure.  Built by test/unit/build.sh (-Werror,
# sanitizers when the toolchain has them).
. "$(dirname "$0")/../unit/build.sh"
unit_build "$tmp/flow_test" "$root/src/flow.c" "$root/test/unit/flow_test.c"
"$tmp/flow_test" 20000
