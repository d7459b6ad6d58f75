#!/usr/bin/env bash
# Unit tests of the calendar period arithmetic (src/period.c), built with gcc
# outside the server, also under AddressSanitizer/UBSan.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -std=gnu99 -Wall -Werror -O2 -I"$root/src" -o "$tmp/t" \
	"$root/test/unit/period_test.c" "$root/src/period.c"
"$tmp/t"
if gcc -fsanitize=address,undefined -fno-sanitize-recover=all -I"$root/src" -o "$tmp/ts" \
	"$root/test/unit/period_test.c" "$root/src/period.c" 2>/dev/null; then
	"$tmp/ts"
fi
