#!/usr/bin/env bash
# Unit tests and a fuzz smoke run of what a published cell's text means
# (src/marker.c: counts, blanks, suppression markers and their bounds),
# outside the server: gcc -Wall -Werror, with AddressSanitizer and UBSan when
# the toolchain has them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags="-std=gnu99 -O1 -g -Wall -Wextra -Werror"
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
if echo 'int main(void){return 0;}' | gcc $san -x c - -o "$tmp/probe" 2>/dev/null && "$tmp/probe"; then
	flags="$flags $san"
fi
gcc $flags -I"$root/src" -o "$tmp/marker_test" "$root/src/marker.c" "$root/test/unit/marker_test.c"
"$tmp/marker_test" 200000
