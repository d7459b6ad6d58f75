#!/usr/bin/env bash
# Unit and property tests of the residual flow network (src/flow.c): every
# maximum-flow algorithm against the minimum cut of random networks, the
# undo log, allocation failure.  Built with -Wall -Werror, with
# AddressSanitizer/UBSan (leaks included) when the compiler supports them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags="-std=gnu99 -O1 -g -Wall -Wextra -Werror"
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
if echo 'int main(void){return 0;}' | gcc $san -x c - -o "$tmp/probe" 2>/dev/null && "$tmp/probe"; then
	flags="$flags $san"
	export ASAN_OPTIONS=detect_leaks=1
fi
gcc $flags -I"$root/src" -o "$tmp/flow_test" "$root/src/flow.c" "$root/test/unit/flow_test.c"
"$tmp/flow_test" 20000
