#!/usr/bin/env bash
# The published tables of real requests (test/fixtures/requests/<name>/) and the
# Home Office outcome types (test/fixtures/ho_outcomes/) against their stored sources.
#  1. Re-run every extractor from the stored source excerpts into a temporary
#     folder and diff with the committed .tsv files (same files, same bytes).
#  2. Feed the readers damaged copies of the sources and make sure each one is
#     refused loudly, naming the file and the problem.
#  3. From the committed fixtures alone: the tables that add up do; the ones that
#     do not, fail in exactly the published ways (so nobody "fixes" them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REQ=$ROOT/test/fixtures/requests
HO=$ROOT/test/fixtures/ho_outcomes
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. regenerate and diff
n=0
for name in $(python3 "$REQ/extract.py" --list); do
	mkdir -p "$tmp/$name"
	python3 "$REQ/extract.py" "$name" "$tmp/$name"
	if ! diff -u <(cd "$REQ/$name" && ls ./*.tsv) <(cd "$tmp/$name" && ls ./*.tsv); then
		echo "request_fixtures: $name: the extractor writes other files than those committed" >&2
		exit 1
	fi
	for f in "$tmp/$name"/*.tsv; do
		if ! diff -u "$REQ/$name/$(basename "$f")" "$f"; then
			echo "request_fixtures: $REQ/$name/$(basename "$f") differs from its source" >&2
			exit 1
		fi
		n=$((n + 1))
	done
done
mkdir -p "$tmp/ho"
python3 "$HO/extract.py" "$tmp/ho"
for f in ho_outcomes.tsv ho_outcomes_sources.tsv ho_outcome_groups.tsv; do
	if ! diff -u "$HO/$f" "$tmp/ho/$f"; then
		echo "request_fixtures: $HO/$f differs from its sources" >&2
		exit 1
	fi
	n=$((n + 1))
done
echo "request_fixtures: $n fixture tables match their stored sources"

# 2. damaged sources must be refused
bad() { # bad NAME SED-SCRIPT EXPECTED-MESSAGE-REGEX
	local d=$tmp/bad_$1_$RANDOM
	mkdir -p "$d/$1" "$d/out"
	sed "$2" "$REQ/$1/source.txt" > "$d/$1/source.txt"
	if cmp -s "$REQ/$1/source.txt" "$d/$1/source.txt"; then
		echo "request_fixtures: damage script for $1 changed nothing: $2" >&2; exit 1
	fi
	if FOISTATS_REQUEST_SOURCES=$d python3 "$REQ/extract.py" "$1" "$d/out" 2> "$d/err"; then
		echo "request_fixtures: reader accepted a damaged $1 ($2)" >&2; exit 1
	fi
	if ! grep -Eq "$3" "$d/err"; then
		echo "request_fixtures: unexpected message for damaged $1: $(cat "$d/err")" >&2; exit 1
	fi
}
bad northants_2025_scwc_age_sex       's/^|---|---|---|---|---|$/|---|---|---|---|/'  'source.txt:[0-9]+: header: .*tokens do not make rows of 4'
bad northants_2025_scwc_age_sex       's/^Male |$/Male | extra |/'                      'source.txt:[0-9]+: body: .*do not make rows of 5'
bad northants_2025_scwc_age_sex       's/Total Count 52/Total Count fifty-two/'        "'Total Count 52'"
bad cleveland_2024_restraining_orders '/^308 |$/d'                                     'source.txt:[0-9]+: .*cells do not fill rows of 8'
bad cleveland_2024_restraining_orders 's/^Grand Total |$/Total |/'                     "header cell 'Grand Total' not found|header has"
bad dorset_2022_rape_outcomes         's/^816$/eight hundred/'                          'question 1 answer'
bad wmp_2023_cautions_outcome         's/^2022 239 1301 1540$/2022 239 13O1 1540/'     'source.txt:[0-9]+: row .* does not end with 3 numbers'
bad wmp_2023_cautions_outcome         's/^Female Male Unknown\/Other Female Male Unknown\/Other$/Female Male Female Male/'  'source.txt:[0-9]+: header'
bad psni_2025_hospital_sexual_offences 's/4363407185/436340718/'                        'cannot be split evenly over 5 years'
bad psni_2025_hospital_sexual_offences 's/each year 2020 to 2024/each year from 2020/'  'period sentence'
bad belfasttelegraph_2023_psni_scwc_by_fy 's/^In total, the PSNI received/Overall, the PSNI received/' 'total sentence not found'
bad belfasttelegraph_2023_psni_scwc_by_fy 's/197 in 2021\/22/197 in 2022\/23/'        '2022/23 given as'
bad bournemouthecho_dorset_2019_20_rape_outcomes 's/In eight cases, the offender died/In eight cases, the suspect died/' 'phrase .*the offender died.* found 0 times'
bad bournemouthecho_dorset_2019_20_rape_outcomes 's/Of those 782/Of those 728/' "'Of those 728' does not repeat the 782 reports"
bad bournemouthecho_dorset_2019_20_rape_outcomes 's/^In three cases, /In three cases, the offender died. In three cases, /' 'phrase .*the offender died.* found 2 times'
echo "request_fixtures: the readers refuse 15 kinds of damaged source"

# The outcome-type facts must each match once in their source.
cp -r "$ROOT/test/fixtures" "$tmp/fx"
sed -i 's/^5: Offender has died |$/5: Offender died |/' "$tmp/fx/requests/cleveland_2024_restraining_orders/source.txt"
if python3 "$tmp/fx/ho_outcomes/extract.py" "$tmp/fx/ho_outcomes" 2> "$tmp/ho_err"; then
	echo "request_fixtures: ho_outcomes accepted a source without its fact" >&2; exit 1
fi
grep -q 'pattern matches 0 times' "$tmp/ho_err" || { echo "request_fixtures: unexpected: $(cat "$tmp/ho_err")" >&2; exit 1; }
echo "request_fixtures: ho_outcomes refuses a fact missing from its source"

# 3. arithmetic of the committed fixtures
python3 - "$REQ" <<'PY'
import os, sys
req = sys.argv[1]
errors = []
def check(cond, msg):
    if not cond:
        errors.append(msg)
def load(name, table=None):
    with open(os.path.join(req, name, (table or name) + ".tsv"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f]
    return rows[0], rows[1:]
def num(c):
    return 0 if c == "" else int(c)

def adds_up(name, table=None, total_row=None, total_col=-1):
    """Every row's cells sum to its last column; every column of the body sums to the total row."""
    head, rows = load(name, table)
    body = [r for r in rows if r[0] != total_row] if total_row else rows
    for r in body:
        check(sum(num(c) for c in r[1:total_col]) == num(r[total_col]),
              "%s: row %r does not add up" % (table or name, r[0]))
    if total_row:
        tot = [r for r in rows if r[0] == total_row]
        check(len(tot) == 1, "%s: no single %r row" % (table or name, total_row))
        for j in range(1, len(head)):
            check(sum(num(r[j]) for r in body) == num(tot[0][j]),
                  "%s: column %r does not add up" % (table or name, head[j]))
    return head, rows

adds_up("cleveland_2024_restraining_orders", total_row="Grand Total")
adds_up("cleveland_2024_restraining_orders", "cleveland_2024_restraining_orders_outcomes_partial")
adds_up("wmp_2023_cautions_outcome", total_row="Grand Total")
adds_up("wmp_2023_cautions_outcome", "wmp_2023_cautions_outcome_victim_sex", total_row="Total")
adds_up("wmp_2023_cautions_outcome", "wmp_2023_cautions_outcome_suspect_sex", total_row="Total")
head, rows = adds_up("belfasttelegraph_2023_psni_scwc_by_fy")
check(rows[0][-1] == "983", "belfasttelegraph: total is not 983")

# Northants: the 'Sum:' row counts the disclosed cells only ('*' as 0), and the
# disclosed cells (46) fall 6 short of question 1's total of 52: the three '*'
# cells hold 6 crimes between them.
head, rows = load("northants_2025_scwc_age_sex")
body = [r for r in rows if r[0] != "Sum:"]
summ = [r for r in rows if r[0] == "Sum:"][0]
stars = [(r[0], head[j]) for r in body for j in range(1, len(head)) if r[j] == "*"]
check(stars == [("Male", "11 and under"), ("Male", "12-15"), ("Unknown", "12-15")],
      "northants: the suppressed cells moved: %r" % stars)
for j in range(1, len(head)):
    check(sum(0 if r[j] in ("", "*") else int(r[j]) for r in body) == int(summ[j]),
          "northants: 'Sum:' of %r no longer counts the disclosed cells only" % head[j])
disclosed = sum(int(c) for r in body for c in r[1:] if c not in ("", "*"))
check(disclosed == 46 and 52 - disclosed == 6, "northants: disclosed cells no longer 46 of 52")

# Dorset: the stored copy is cut after 9 outcome rows; they hold 270 of the 816 rapes.
head, rows = load("dorset_2022_rape_outcomes", "dorset_2022_rape_outcomes_partial")
check(len(rows) == 9 and sum(int(r[1]) for r in rows) == 270, "dorset: the 9 stored rows no longer sum to 270")

# Bournemouth Echo (Dorset, 12 months to March 2020): the 18 outcomes, open investigations
# included, sum to the 782 reports; the charges, summonses (postal requisitions) and the youth
# conditional caution to the "28 people ... prosecuted in some way".
name = "bournemouthecho_dorset_2019_20_rape_outcomes"
head, rows = load(name)
check(len(rows) == 19 and rows[-1] == ["reports of rape and attempted rape", "782"],
      "bournemouthecho: last row is not the 782 reports")
check(sum(int(r[1]) for r in rows[:-1]) == 782, "bournemouthecho: the 18 outcomes no longer sum to 782")
byname = {r[0]: int(r[1]) for r in rows}
charged = ["charged with rape", "given a postal requisition", "charged with an alternate offence",
           "given a postal requisition for an alternate offence", "given a youth condition caution"]
h2, r2 = load(name, name + "_arrests_prosecuted")
check(r2 == [["arrests were made", "168"], ["people were prosecuted in some way", "28"]],
      "bournemouthecho: the headline counts moved")
check(sum(byname[c] for c in charged) == 28, "bournemouthecho: the five prosecution outcomes no longer sum to 28")

# PSNI: five two-digit cells (the split is an assumption; see its .cite).
head, rows = load("psni_2025_hospital_sexual_offences")
check(head[1:] == ["2020", "2021", "2022", "2023", "2024"] and [len(c) for c in rows[0][1:]] == [2] * 5,
      "psni: not five two-digit cells")

if errors:
    for e in errors:
        print("request_fixtures: " + e, file=sys.stderr)
    sys.exit(1)
print("request_fixtures: Cleveland, West Midlands (3 tables), Belfast Telegraph, Bournemouth Echo add up; "
      "Northants 46 of 52 disclosed, Dorset 270 of 816 stored, as published")
PY
