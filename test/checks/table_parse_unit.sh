#!/usr/bin/env bash
# Unit tests and a fuzz smoke run of the pure C table parser (src/table_parse.c),
# outside the server: gcc -Wall -Werror, with AddressSanitizer and UBSan when
# the toolchain has them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src="$root/src/table_parse.c $root/src/marker.c $root/test/unit/table_parse_test.c"
flags="-std=gnu99 -O1 -g -Wall -Wextra -Wno-unused-parameter -Werror"
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
if echo 'int main(void){return 0;}' | gcc $san -x c - -o "$tmp/probe" 2>/dev/null && "$tmp/probe"; then
	flags="$flags $san"
else
	echo "sanitizers unavailable: building without them" >&2
fi
gcc $flags -o "$tmp/table_parse_test" $src
export ASAN_OPTIONS=detect_leaks=1
"$tmp/table_parse_test" "$root/test/fixtures/seed_tables"
"$tmp/table_parse_test" --fuzz 20000 "$root/test/fixtures/seed_tables"
