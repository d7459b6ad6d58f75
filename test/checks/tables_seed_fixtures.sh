#!/usr/bin/env bash
# The seed-table fixtures are verbatim slices of the seed response: re-slice
# the seed (../shared/seed relative to the repository root, or
# $FOISTATS_SEED_DIR) and compare byte for byte.  Without the seed the
# fixtures are still checked to be non-empty and tab-separated.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
fx=$root/test/fixtures/seed_tables
seed_dir=${FOISTATS_SEED_DIR:-$root/../shared/seed}
for q in q1 q1b q1c q3; do
	[ -s "$fx/$q.txt" ] || { echo "missing fixture $fx/$q.txt" >&2; exit 1; }
	grep -q "	" "$fx/$q.txt" || { echo "$q.txt is not tab-separated" >&2; exit 1; }
done
if [ ! -d "$seed_dir" ]; then
	echo "seed directory $seed_dir not found: verbatim comparison skipped" >&2
	exit 0
fi
seed=$(grep -l 'Grand Total' "$seed_dir"/*.txt | head -n 1)
[ -n "$seed" ] || { echo "no seed file with a Grand Total in $seed_dir" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash "$fx/slice.sh" "$seed" "$tmp"
for q in q1 q1b q1c q3; do
	cmp "$tmp/$q.txt" "$fx/$q.txt" || { echo "$q.txt differs from the seed's table" >&2; exit 1; }
done
echo "seed fixtures match $seed" >&2
