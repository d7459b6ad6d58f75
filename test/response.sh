#!/usr/bin/env bash
# Writes the seed request's response document, answered from the sample
# records on a throwaway cluster, as files:
#
#   bash test/response.sh [DIR]       (default /tmp/foistats-response)
#
#   DIR/seed/response.html, .md, .txt, csv/*.csv    the seed, as published
#                            (and response.xlsx if python3-xlsxwriter is there)
#   DIR/protected/...        the same with disclosure control (threshold 5,
#                            totals may be withheld; question 3, multi-label,
#                            protected as such), for the checks
#   DIR/seed/tables.tsv, DIR/protected/tables.tsv
#                            question, body rows, total rows of each table
#   DIR/protected/withheld.tsv
#                            question, row, column of every withheld figure
#
# Builds first unless run from test/check.sh (FOISTATS_DEST set).  Used by the
# demo, by test/checks/response_html.sh and by test/browser_check.sh.
. "$(dirname "$0")/lib.sh"
cd "$FOISTATS_ROOT"
out=${1:-/tmp/foistats-response}
if [ -z "${FOISTATS_DEST:-}" ]; then
	foistats_ensure_deps
	foistats_build
fi
mkdir -p "$out/seed" "$out/protected"
chmod 777 "$out" "$out/seed" "$out/protected"
out=$(cd "$out" && pwd)

cat > "$out/.setup.sql" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
CREATE EXTENSION IF NOT EXISTS foistats_sample;
SELECT foistats.bind_records('foi', 'foistats_sample.crimes');
SELECT foistats.define_request('seed_protected',
         foistats.request_spec('wmp_2014_child_sexual_offences') || '{"protect": {"threshold": 5, "allow_totals": true}}');
SQL
cat > "$out/.run.sh" <<'SH'
set -euo pipefail
out=$1
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
q -f "$out/.setup.sql" > /dev/null
# response.xlsx too where python3-xlsxwriter is installed
x=$(/usr/bin/python3 -c 'import xlsxwriter' 2>/dev/null && echo -x || true)
bin/foistats-response -r wmp_2014_child_sexual_offences -R foi.records -o "$out/seed" $x > /dev/null
bin/foistats-response -r seed_protected -R foi.records -o "$out/protected" > /dev/null
for r in wmp_2014_child_sexual_offences:seed seed_protected:protected; do
	q -F $'\t' -c "SELECT t.question, count(*) FILTER (WHERE NOT w.is_total), count(*) FILTER (WHERE w.is_total)
	                 FROM foistats.request_tables('${r%%:*}', 'foi.records') t, foistats.table_rows(t.xtab) w
	                WHERE t.question <> '1d' GROUP BY 1 ORDER BY 1" > "$out/${r##*:}/tables.tsv"
done
q -F $'\t' -c "SELECT t.question, c.row_label, c.period
                 FROM foistats.request_tables('seed_protected', 'foi.records') t,
                      foistats.figures(t.xtab) c
                WHERE c.n IS NULL AND t.question <> '1d' ORDER BY 1, 2, 3" > "$out/protected/withheld.tsv"
SH
foistats_virtualenv bash "$out/.run.sh" "$out"
rm -f "$out/.setup.sql" "$out/.run.sh"
echo "$out/seed/response.html"
echo "$out/seed/response.md"
echo "$out/seed/response.txt"
