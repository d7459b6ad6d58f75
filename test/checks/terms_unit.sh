#!/usr/bin/env bash
# Unit tests of the pure-C Aho-Corasick matcher (src/terms.c), outside
# the server: fixed cases, a randomised comparison with a brute-force matcher,
# and a 4 MB text.  Built with -Wall -Werror, and once more under
# AddressSanitizer/UBSan when the compiler supports it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -std=c99 -Wall -Wextra -Werror -O2 -I"$root/src" \
	"$root/test/unit/terms_test.c" "$root/src/terms.c" -o "$tmp/t"
"$tmp/t"
if gcc -fsanitize=address,undefined -x c -o "$tmp/probe" - <<<'int main(void){return 0;}' 2>/dev/null \
	&& "$tmp/probe" 2>/dev/null; then
	gcc -std=c99 -Wall -Werror -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
		-I"$root/src" "$root/test/unit/terms_test.c" "$root/src/terms.c" -o "$tmp/ts"
	"$tmp/ts"
fi
