#!/usr/bin/env bash
# Unit and property tests of the pure-C disclosure-control core
# (src/suppress.c, on the flow network of src/flow.c): hand-made tables,
# audit vs brute force, protect+audit of random tables, controlled rounding.
# Built with -Wall -Werror, and run once more under AddressSanitizer/UBSan
# when the compiler supports them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -std=gnu99 -Wall -Werror -O2 -I"$root/src" "$root/src/suppress.c" "$root/src/flow.c" \
	"$root/test/unit/suppress_test.c" -o "$tmp/suppress_test"
"$tmp/suppress_test" 3000
if echo 'int main(void){return 0;}' | gcc -fsanitize=address,undefined -x c - -o "$tmp/san" 2>/dev/null \
	&& "$tmp/san" 2>/dev/null; then
	gcc -std=gnu99 -Wall -Werror -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
		-I"$root/src" "$root/src/suppress.c" "$root/src/flow.c" "$root/test/unit/suppress_test.c" -o "$tmp/suppress_test_san"
	"$tmp/suppress_test_san" 300
fi
