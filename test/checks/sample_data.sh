#!/usr/bin/env bash
# The committed sample (sample/foistats_sample--0.1.0.sql) is exactly what
# test/data/make_sample.py generates from test/fixtures/seed_cells.tsv: the
# generator is deterministic and nobody edited its output by hand.  The
# generator itself refuses to write a sample that does not reproduce every
# published cell, so a pass here also means the sample matches the fixture.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$ROOT/test/data/make_sample.py" "$tmp/a.sql"
python3 "$ROOT/test/data/make_sample.py" "$tmp/b.sql"
if ! cmp -s "$tmp/a.sql" "$tmp/b.sql"; then
	echo "sample_data: two runs of make_sample.py differ: the generator is not deterministic" >&2
	exit 1
fi
if ! diff -q "$ROOT/sample/foistats_sample--0.1.0.sql" "$tmp/a.sql" >/dev/null; then
	diff -u "$ROOT/sample/foistats_sample--0.1.0.sql" "$tmp/a.sql" | head -40 >&2
	echo "sample_data: sample/foistats_sample--0.1.0.sql is not what make_sample.py generates; run python3 test/data/make_sample.py" >&2
	exit 1
fi
echo "sample_data: sample regenerates identically ($(grep -c "^('WM/" "$tmp/a.sql") records)"
