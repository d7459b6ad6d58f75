#!/usr/bin/env bash
# test/fixtures/ons_groups/: ons_groups.tsv is make_ons_groups.py's output for the Home
# Office list (checked when the reference folder is present), labels.tsv is
# make_labels.py's output for the annotated titles.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
D=$ROOT/test/fixtures/ons_groups
dir=${FOISTATS_REFERENCE_DIR:-$ROOT/../shared/reference}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -f "$dir/ho-notifiable-offences-2026-04.csv" ]; then
	python3 "$D/make_ons_groups.py" "$dir/ho-notifiable-offences-2026-04.csv" > "$tmp/ons_groups.tsv" 2> "$tmp/err"
	diff -u "$D/ons_groups.tsv" "$tmp/ons_groups.tsv"
	[ "$(wc -l < "$tmp/err")" -eq 3 ] || { echo "ons_groups: expected 3 misplaced-class notes:"; cat "$tmp/err"; exit 1; }
	echo "ons_groups_fixtures: ons_groups.tsv matches the Home Office list ($(($(wc -l < "$D/ons_groups.tsv") - 1)) subgroups)"
else
	echo "ons_groups_fixtures: reference CSV not found in $dir: ons_groups.tsv not regenerated"
fi
python3 "$D/make_labels.py" > "$tmp/labels.tsv"
diff -u "$D/labels.tsv" "$tmp/labels.tsv"
echo "ons_groups_fixtures: labels.tsv matches the titles ($(($(wc -l < "$D/labels.tsv") - 1)) labels)"
python3 "$D/../../data/make_ons_category.py" --check
echo "ons_groups_fixtures: data/ons_category.sql matches ons_groups.tsv"
