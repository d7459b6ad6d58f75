#!/usr/bin/env bash
# Unit tests of the cross-tab column-label kinds (src/xtab_label.c, with the
# period labels of src/period.c), built with gcc outside the server, also
# under AddressSanitizer/UBSan.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -std=gnu99 -Wall -Werror -O2 -I"$root/src" -o "$tmp/t" \
	"$root/test/unit/xtab_label_test.c" "$root/src/xtab_label.c" "$root/src/period.c"
"$tmp/t"
if gcc -fsanitize=address,undefined -fno-sanitize-recover=all -I"$root/src" -o "$tmp/ts" \
	"$root/test/unit/xtab_label_test.c" "$root/src/xtab_label.c" "$root/src/period.c" 2>/dev/null; then
	"$tmp/ts"
fi
