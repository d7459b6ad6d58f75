#!/usr/bin/env bash
# pg_dump / restore keeps foistats.xtab values exactly: a table with an xtab
# column (aggregated, protected with withheld cells and totals, multi-label
# with units, parsed-style markers, title and footnotes, a NULL) is dumped in
# the plain format (psql restore) and the custom format (pg_restore), restored
# into new databases, and every value must have the same ::text and the same
# render.
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_check_setup xtab-dump

cat > "$work/setup.sql" <<'SQL'
CREATE EXTENSION foistats;
CREATE SCHEMA app;
CREATE TABLE app.answer (id int PRIMARY KEY, x foistats.xtab);
CREATE TABLE app.crime AS
  SELECT i, (ARRAY['RAPE', 'EXPOSURE', 'VOYEURISM "peeping"', 'Ünïcode, tab	here'])[1 + i % 4] AS offence,
         string_to_array((ARRAY['facebook,snapchat', 'snapchat,snapchat', 'x'])[1 + i % 3], ',') AS platforms,
         date '2012-01-01' + (i * 37) % 1500 AS recorded_on
  FROM generate_series(1, 400) i;
INSERT INTO app.answer
SELECT 1, foistats.xtab(offence, recorded_on) FROM app.crime
UNION ALL
SELECT 2, foistats.xtab(offence, recorded_on, 'fy') FROM app.crime
UNION ALL
SELECT 3, foistats.xtab(platforms, recorded_on, 'quarter') FROM app.crime
UNION ALL
SELECT 4, foistats.protect('{cols: "2012", "2013", "2014";
  rows: "A" 2 10 15, "B" 12 3 20, "C" 30 40 50, "D" 1 0 7}', allow_totals => true)
UNION ALL
SELECT 5, '{cols: "2013", "2014"; rows: "RAPE" 3s 0, "EXPOSURE, \"flashing\" <b>|&" 16 1,
  "VOYEURISM" 2 2s"<5"; coltotals: 21 3; grandtotal: 24; title: "Sexual offences";
  rowheader: "Offence"; footnote: "* and <5: fewer than 5 crimes, not shown"}'::foistats.xtab
UNION ALL
SELECT 6, NULL
UNION ALL
SELECT 7, foistats.xtab_merge(x) FROM (SELECT foistats.xtab(offence, recorded_on, 'month') x
                                         FROM app.crime GROUP BY i % 3) s;
SQL
cat > "$work/show.sql" <<'SQL'
SELECT id, coalesce(x::text, '<null>'), coalesce(md5(foistats.render(x, 'tsv')), '<null>')
  FROM app.answer ORDER BY id;
SQL
cat > "$work/run.sh" <<'SH'
w=$1
. "$2/test/lib.sh"
foistats_dump_restore xtab_dump "$w"
foistats_dump_show xtab_dump "$w" show.sql
n=$(wc -l < "$w/before.txt")
echo "values: $n"
if [ "$n" -ne 7 ]; then echo "expected 7 values"; exit 1; fi
diff "$w/before.txt" "$w/after_plain.txt" && echo "plain dump: identical ::text and render"
diff "$w/before.txt" "$w/after_custom.txt" && echo "custom dump: identical ::text and render"
SH
foistats_virtualenv bash "$work/run.sh" "$work" "$FOISTATS_ROOT"
