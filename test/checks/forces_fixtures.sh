#!/usr/bin/env bash
# Several forces' answers to one request (crimes in or on hospital grounds, 2019/20-2023/24).
# The responses are not kept in this repository (see test/fixtures/forces/README.md): they
# are read from $FOISTATS_FORCES_DIR (default ../shared/forces relative to the repository
# root), one folder <force>_hospital/ with source.txt, <force>_hospital.tsv and .cite.
# For each folder present: re-run the extractor on source.txt, diff with the table, and
# assert what the published tables add up to.  Without the folder: say so and skip.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${FOISTATS_FORCES_DIR:-$ROOT/../shared/forces}
X=$ROOT/test/fixtures/forces/extract_hospital.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the tables kept here (Hansard text, see README.md): rerun, compare, add up; a damaged
# copy must be refused
python3 "$ROOT/test/fixtures/forces/extract_tables.py" --check
mkdir -p "$tmp/damaged/hansard_2008_tamworth"
sed 's/2,214 965/2,214/' "$ROOT/test/fixtures/forces/hansard_2008_tamworth/source.txt" > "$tmp/damaged/hansard_2008_tamworth/source.txt"
if FOISTATS_FORCES_TABLES="$tmp/damaged" python3 "$ROOT/test/fixtures/forces/extract_tables.py" hansard_2008_tamworth "$tmp" 2> "$tmp/err"; then
	echo "forces_fixtures: a damaged Tamworth copy was not refused"; exit 1
fi
echo "forces_fixtures: a damaged copy is refused: $(cat "$tmp/err")"
found=0
for f in cumbria durham humberside hertfordshire; do
	d=$DIR/${f}_hospital
	[ -d "$d" ] || continue
	found=$((found + 1))
	for x in source.txt "${f}_hospital.tsv" .cite; do
		[ -f "$d/$x" ] || { echo "forces_fixtures: $d/$x missing"; exit 1; }
	done
	python3 "$X" "$f" "$d/source.txt" > "$tmp/$f.tsv"
	diff -u "$d/${f}_hospital.tsv" "$tmp/$f.tsv"
	python3 "$X" --check "$f" "$d/${f}_hospital.tsv" > /dev/null
done
if [ "$found" -eq 0 ]; then
	echo "forces_fixtures: no force responses in $DIR: skipped"
else
	echo "forces_fixtures: $found forces' hospital-crime tables match their responses and add up as published"
fi
