#!/usr/bin/env bash
# The published figures (test/fixtures/seed_cells.tsv) against the seed response.
#  1. When the seed folder exists: regenerate the fixture from it and diff with
#     the committed one; feed the parser damaged copies of the seed and make sure
#     it refuses each of them loudly.  When the folder is absent: say so, skip.
#  2. Always, from the fixture alone: tables 1, 1b and 1c add up (row sums equal
#     the Grand Total column, column sums equal the Grand Total row), 1b and 1c
#     are within table 1 and 1d within 1c; table 3 does NOT add up, exactly in the
#     published ways the project relies on (FACEBOOK row 89 vs 87 printed; the row
#     totals sum to 91 vs 101 printed).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FIXTURE=$ROOT/test/fixtures/seed_cells.tsv
SEED_DIR=${FOISTATS_SEED_DIR:-$ROOT/../shared/seed}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -d "$SEED_DIR" ]; then
	FOISTATS_SEED_DIR=$SEED_DIR python3 "$ROOT/test/data/extract_seed.py" "$tmp/cells.tsv"
	if ! diff -u "$FIXTURE" "$tmp/cells.tsv"; then
		echo "seed_fixtures: $FIXTURE differs from the seed in $SEED_DIR" >&2
		exit 1
	fi
	echo "seed_fixtures: fixture matches the seed ($(($(wc -l < "$FIXTURE") - 1)) cells)"

	# The parser must refuse damaged seeds, naming the line.
	seed=$(ls "$SEED_DIR"/*.txt)
	bad() { # bad NAME SED-SCRIPT EXPECTED-MESSAGE-REGEX
		mkdir -p "$tmp/$1"
		sed "$2" "$seed" > "$tmp/$1/seed.txt"
		if FOISTATS_SEED_DIR=$tmp/$1 python3 "$ROOT/test/data/extract_seed.py" "$tmp/$1/out.tsv" 2> "$tmp/$1/err"; then
			echo "seed_fixtures: parser accepted a damaged seed ($1)" >&2; exit 1
		fi
		if ! grep -Eq "$3" "$tmp/$1/err"; then
			echo "seed_fixtures: unexpected message for $1: $(cat "$tmp/$1/err")" >&2; exit 1
		fi
	}
	bad extra_field   's/^EXPOSURE\t14/EXPOSURE\t9\t14/'            'seed.txt:[0-9]+: question 1: row has 8 fields'
	bad non_numeric   's/^VOYEURISM\t1\t/VOYEURISM\tl\t/'           'seed.txt:[0-9]+: question 1: cell .* not a number'
	bad no_total      '/^<b>Grand Total<\/b>\t<b>7<\/b>/d'          'seed.txt:[0-9]+: question 1c: table ends without a Grand Total row'
	bad no_table_3    '/^- g\. Tumblr/,/^<b>Grand Total<\/b>\t<b>4<\/b>/d'    'seed.txt:[0-9]+: question 3: no table'
	bad no_1d         's/^Six of the reported/Some of the reported/'  'seed.txt:[0-9]+: question 1d: .*not a number'
	bad no_question   '/^\*\*1b\./d'                                  'question 1b not found'
	echo "seed_fixtures: the parser refuses 6 kinds of damaged seed"
else
	echo "seed_fixtures: SKIP regeneration: no seed folder at $SEED_DIR (checking the fixture alone)"
fi

python3 - "$FIXTURE" <<'PY'
import sys
from collections import defaultdict
cells = defaultdict(dict)          # question -> {(row, col): value}
with open(sys.argv[1], encoding="utf-8") as f:
    header = f.readline().rstrip("\n").split("\t")
    assert header == ["question", "row_label", "col_label", "value"], header
    for line in f:
        q, r, c, v = line.rstrip("\n").split("\t")
        cells[q][(r, c)] = int(v)
errors = []
def check(cond, msg):
    if not cond:
        errors.append(msg)
GT = "Grand Total"
def sums(q):
    t = cells[q]
    rows = [r for r, c in t if r != GT]
    rows = list(dict.fromkeys(rows))
    cols = sorted({c for r, c in t if c != GT})
    rowsum = {r: sum(t.get((r, c), 0) for c in cols) for r in rows}
    colsum = {c: sum(t.get((r, c), 0) for r in rows) for c in cols}
    return t, rows, cols, rowsum, colsum
for q in ["1", "1b", "1c"]:
    t, rows, cols, rowsum, colsum = sums(q)
    for r in rows:
        check(rowsum[r] == t.get((r, GT)), "%s: row %r sums to %d, printed %s" % (q, r, rowsum[r], t.get((r, GT))))
    for c in cols:
        check(colsum[c] == t.get((GT, c)), "%s: column %s sums to %d, printed %s" % (q, c, colsum[c], t.get((GT, c))))
    check(sum(rowsum.values()) == t.get((GT, GT)), "%s: grand total" % q)
    print("%s: %d rows x %d years add up, grand total %d" % (q, len(rows), len(cols), t[(GT, GT)]))
check(cells["1"][(GT, GT)] == 2500, "1: grand total is not 2,500")
check(len([r for r, c in cells["1"] if c == GT and r != GT]) == 79, "1: not 79 offence rows")
# 1b and 1c are subsets of 1: each of their cells is within table 1's cell.
for q in ["1b", "1c"]:
    for (r, c), v in cells[q].items():
        if r != GT:
            check((r, c) in cells["1"] and cells["1"][(r, c)] >= v,
                  "%s: cell %r/%s = %d exceeds table 1 (%s)" % (q, r, c, v, cells["1"].get((r, c))))
check(cells["1d"] == {("Convictions", GT): 6}, "1d: expected six convictions")
check(cells["1d"][("Convictions", GT)] <= cells["1c"][(GT, GT)], "1d exceeds 1c")
# Table 3 does not add up, in these published ways.
t, rows, cols, rowsum, colsum = sums("3")
check(rowsum["FACEBOOK"] == 89 and t[("FACEBOOK", GT)] == 87, "3: FACEBOOK row no longer 89 vs 87 printed")
for r in rows:
    if r != "FACEBOOK":
        check(rowsum[r] == t[(r, GT)], "3: row %r does not add up" % r)
rt = sum(t[(r, GT)] for r in rows)
check(rt == 91 and t[(GT, GT)] == 101, "3: row totals no longer 91 vs 101 printed")
print("3: FACEBOOK row sums to %d (printed %d); row totals sum to %d (printed %d)"
      % (rowsum["FACEBOOK"], t[("FACEBOOK", GT)], rt, t[(GT, GT)]))
print("3: column sums %s vs printed %s" % ([colsum[c] for c in cols], [t[(GT, c)] for c in cols]))
if errors:
    for e in errors:
        print("seed_fixtures: " + e, file=sys.stderr)
    sys.exit(1)
PY
