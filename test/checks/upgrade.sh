#!/usr/bin/env bash
# ALTER EXTENSION foistats UPDATE from every frozen version to the current one:
#  1. a database with 0.1.0 (update/foistats--0.1.0.sql) and a user's data in it --
#     xtab columns (aggregated, protected, parsed), a stored request and its saved
#     answer, a user dictionary, an offence override, a user outcome type -- is
#     updated; the data must read back the same (::text, render, mentions,
#     classify, check_answer finding nothing changed);
#  2. a bare 0.1.0 install, updated, must have the same catalog as a fresh install
#     of the current version (test/checks/upgrade_catalog.sql: every object's
#     definition, comment and shipped rows, without OIDs), and the same \dx+.
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_check_setup upgrade
current=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" foistats.control)
cp test/checks/upgrade_catalog.sql "$work/catalog.sql"

cat > "$work/data.sql" <<'SQL'
CREATE SCHEMA app;
CREATE TABLE app.crime AS
  SELECT 'C/' || i AS ref, (ARRAY['RAPE OF FEMALE 16 OR OVER', 'EXPOSURE', 'SEXUAL COMMUNICATION WITH A CHILD'])[1 + i % 3] AS offence,
         date '2020-04-01' + (i * 37) % 1400 AS recorded, (ARRAY['met on Snapchat', 'tiktok chat', NULL])[1 + i % 3] AS mo,
         (ARRAY['1', '14', NULL])[1 + i % 3] AS outcome
  FROM generate_series(1, 500) i;
CREATE TABLE app.answer (id int PRIMARY KEY, x foistats.xtab);
INSERT INTO app.answer
SELECT 1, foistats.xtab(offence, recorded) FROM app.crime
UNION ALL SELECT 2, foistats.xtab(foistats.mentions(mo, 'platforms'), recorded, 'fy') FROM app.crime
UNION ALL SELECT 3, foistats.protect('{cols: "2012", "2013"; rows: "A" 2 10, "B" 12 3, "C" 30 40}', allow_totals => true)
UNION ALL SELECT 4, foistats.parse_table(E'\t2013\t2014\tGrand Total\nRAPE\t*\t3\t5\nGrand Total\t2\t3\t5')
-- a parsed '-' kept by protect on a cell it publishes (a marker input no longer accepts there)
UNION ALL SELECT 5, foistats.protect(foistats.parse_table(E'\t2013\t2014\nA\t-\t12\nB\t7\t9\n'), method => 'round5');
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('apps', 'TikTok', 'tiktok'), ('apps', 'TikTok', 'tik tok');
INSERT INTO foistats.offence_override (match, ho_code, note) VALUES ('LOCAL CODE 77', '019/07', 'force code');
INSERT INTO foistats.ho_outcome (type, label, group_label, source) VALUES ('14', 'Evidential difficulties (force label)', 'Evidential difficulties', 'force list');
SELECT foistats.bind_records('foi', 'app.crime', '{"crime_ref": "ref", "recorded_on": "recorded", "is_crime": {"value": true}}');
SELECT foistats.define_request('mine', '{"title": "Offences", "records": "foi.records",
  "period": {"from": "2020/21", "to": "2022/23"}, "columns": "fy",
  "questions": [{"id": "1", "rows": "offence"}, {"id": "2", "rows": "outcome_type", "protect": {"threshold": 3}},
                {"id": "3", "rows": {"terms": "apps"}, "population": "foistats.mentions_any(mo, ''apps'')"}]}');
SELECT foistats.save_answer('mine', 'first');
-- a view of the user's that calls the aggregate (an update must not need it dropped)
CREATE VIEW app.by_year AS SELECT foistats.xtab(offence, recorded) AS x FROM app.crime;
SQL
cat > "$work/show.sql" <<'SQL'
SELECT id, x::text, md5(foistats.render(x)) FROM app.answer ORDER BY id;
-- every stored value's text reads back (as pg_dump and restore need)
DO $$ BEGIN
  IF EXISTS (SELECT FROM app.answer WHERE x::text::foistats.xtab::text IS DISTINCT FROM x::text) THEN
    RAISE EXCEPTION 'a stored xtab does not read back from its text';
  END IF;
END $$;
SELECT foistats.mentions('found on tik tok and Snapchat', 'apps'), foistats.mentions('found on tik tok and Snapchat', 'platforms');
SELECT foistats.ho_code('local code 77'), (foistats.classify('LOCAL CODE 77')).matched_by;
SELECT type, label FROM foistats.ho_outcome WHERE NOT shipped;
SELECT name, md5(spec::text) FROM foistats.request WHERE NOT shipped;
SELECT question, md5(published::text), md5(computed::text) FROM foistats.answer_table ORDER BY question;
SELECT count(*) AS changed FROM foistats.check_answer('mine', 'first');
SELECT md5(foistats.render(foistats.request_xtab('mine', '3')));
SELECT md5(x::text) FROM app.by_year;
-- the aggregate in a parallel plan (partial states between processes)
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET force_parallel_mode = on;
SELECT md5(foistats.xtab(offence, recorded, 'quarter')::text), md5(foistats.xtab(foistats.mentions(mo, 'platforms'), recorded)::text) FROM app.crime;
SQL
cat > "$work/run.sh" <<'SH'
set -euo pipefail
w=$1; current=$2
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
for v in $(ls "$FOISTATS_DEST"/usr/share/postgresql/15/extension/foistats--*.sql | sed -n 's/.*foistats--\([0-9.]*\)\.sql$/\1/p' | grep -vx "$current"); do
	echo "== from $v"
	createdb up_data
	q -d up_data -c "CREATE EXTENSION foistats VERSION '$v'"
	q -d up_data -f "$w/data.sql" > /dev/null
	q -d up_data -f "$w/show.sql" > "$w/before.txt"
	q -d up_data -c "ALTER EXTENSION foistats UPDATE"
	q -d up_data -f "$w/show.sql" > "$w/after.txt"
	test "$(q -d up_data -c "SELECT extversion FROM pg_extension WHERE extname = 'foistats'")" = "$current"
	diff "$w/before.txt" "$w/after.txt" || { echo "user data reads differently after the update from $v"; exit 1; }
	echo "user data reads back the same after the update ($(wc -l < "$w/before.txt") lines)"
	createdb up_bare
	q -d up_bare -c "CREATE EXTENSION foistats VERSION '$v'"
	q -d up_bare -c "ALTER EXTENSION foistats UPDATE"
	createdb fresh
	q -d fresh -c "CREATE EXTENSION foistats"
	q -d up_bare -f "$w/catalog.sql" > "$w/upgraded.txt" 2>&1
	q -d fresh -f "$w/catalog.sql" > "$w/fresh.txt" 2>&1
	psql -X -d up_bare -c '\dx+ foistats' | sed 1,3d > "$w/dx_upgraded.txt"
	psql -X -d fresh -c '\dx+ foistats' | sed 1,3d > "$w/dx_fresh.txt"
	diff "$w/fresh.txt" "$w/upgraded.txt" || { echo "the catalog of $v updated differs from a fresh $current install (the upgrade script misses a change)"; exit 1; }
	echo "catalog of the updated install equals a fresh $current install ($(wc -l < "$w/fresh.txt") lines)"
	diff "$w/dx_fresh.txt" "$w/dx_upgraded.txt" || { echo "\\dx+ foistats differs after the update from $v"; exit 1; }
	echo "\\dx+ foistats equal ($(wc -l < "$w/dx_fresh.txt") objects)"
	dropdb up_data; dropdb up_bare; dropdb fresh
done
SH
foistats_virtualenv bash "$work/run.sh" "$work" "$current"
