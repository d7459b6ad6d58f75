#!/usr/bin/env bash
# Unit tests of the suppressed-cell interval inference (src/audit.c).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags="-std=gnu99 -O1 -g -Wall -Wextra -Werror"
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
if echo 'int main(void){return 0;}' | gcc $san -x c - -o "$tmp/probe" 2>/dev/null && "$tmp/probe"; then
	flags="$flags $san"
fi
gcc $flags -o "$tmp/t" "$root/src/audit.c" "$root/test/unit/audit_test.c"
"$tmp/t"
