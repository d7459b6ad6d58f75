#!/usr/bin/env bash
# Unit tests and a fuzz smoke run of the pure C table parser (src/table_parse.c,
# reading cells with src/marker.c), outside the server.  Built by
# test/unit/build.sh (-Werror, sanitizers when the toolchain has them).
. "$(dirname "$0")/../unit/build.sh"
unit_build "$tmp/table_parse_test" "$root/src/table_parse.c" "$root/src/marker.c" \
	"$root/test/unit/table_parse_test.c"
"$tmp/table_parse_test" "$root/test/fixtures/seed_tables"
"$tmp/table_parse_test" --fuzz 20000 "$root/test/fixtures/seed_tables"
# parse_table is IMMUTABLE: its cores use ascii.h, never <ctype.h> (LC_CTYPE)
if grep -n '<ctype.h>' "$root/src/table_parse.c" "$root/src/marker.c"; then
	echo "table_parse.c / marker.c must not use <ctype.h> (locale-dependent): use ascii.h" >&2
	exit 1
fi
