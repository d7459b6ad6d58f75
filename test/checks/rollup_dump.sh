#!/usr/bin/env bash
# pg_dump / restore of a database with roll-ups: the roll-ups, their months,
# the bindings and the triggers on the source table come back.  The restored
# roll-ups are set aside at first (CREATE EXTENSION starts the versions of
# foistats.cache_version again, so they cannot vouch for the dictionaries
# they were built with); refresh_rollups() rebuilds them, after which they
# answer as before, equal to a scan, and keep up with new writes.
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_check_setup rollup-dump

cat > "$work/setup.sql" <<'SQL'
CREATE EXTENSION foistats;
CREATE SCHEMA force;
CREATE TABLE force.crime (ref text PRIMARY KEY, recorded date, title text, outcome text);
INSERT INTO force.crime
SELECT 'R/' || g, date '2020-04-01' + g * 3, (ARRAY['RAPE OF FEMALE 16 OR OVER', 'EXPOSURE'])[1 + g % 2],
       (ARRAY['1', '15', NULL])[1 + g % 3]
  FROM generate_series(1, 300) g;
SELECT foistats.bind_records('foi', 'force.crime', '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "is_crime": {"value": true}}');
SELECT foistats.define_request('mine', '{"title": "Offences by outcome", "records": "foi.records",
  "period": {"from": "2020/21", "to": "2022/23"}, "columns": "fy",
  "questions": [{"id": "1", "rows": "offence"}, {"id": "2", "rows": "outcome_type", "columns": "quarter"}]}');
SELECT foistats.create_rollup('mine', '1'), foistats.create_rollup('mine', '2');
INSERT INTO force.crime VALUES ('N/1', '2021-05-05', 'EXPOSURE', '1');
SQL
cat > "$work/show.sql" <<'SQL'
SELECT request, question, records, source, tables, months, stored_rows FROM foistats.rollups ORDER BY question;
SELECT records, source, columns FROM foistats.records_binding;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'force.crime'::regclass ORDER BY tgname;
SELECT question, md5(foistats.request_xtab('mine', question)::text) FROM unnest('{1,2}'::text[]) question;
SQL
cat > "$work/after.sql" <<'SQL'
SELECT DISTINCT problem IS NOT NULL AS set_aside_after_restore FROM foistats.rollups;
SELECT count(*) AS rebuilt FROM foistats.refresh_rollups();
INSERT INTO force.crime VALUES ('N/2', '2022-06-06', 'RAPE OF FEMALE 16 OR OVER', NULL);
DELETE FROM force.crime WHERE ref = 'N/2';
SELECT question, count(c.*) AS differences FROM unnest('{1,2}'::text[]) question
  LEFT JOIN LATERAL foistats.check_rollup('mine', question) c ON true GROUP BY question ORDER BY question;
SELECT DISTINCT problem FROM foistats.rollups;
SQL
cat > "$work/run.sh" <<'SH'
w=$1
. "$2/test/lib.sh"
foistats_dump_restore rollup_dump "$w"
foistats_q -d rollup_dump_a -f "$w/show.sql" > "$w/before.txt"
cat "$w/before.txt"
for db in rollup_dump_b rollup_dump_c; do
	foistats_q -d "$db" -f "$w/after.sql" > "$w/after_$db.txt"
	foistats_q -d "$db" -f "$w/show.sql" > "$w/show_$db.txt"
	cat "$w/after_$db.txt"
	diff <(printf 't\n2\n1|0\n2|0\n\n') "$w/after_$db.txt" || { echo "$db: roll-ups not set aside, rebuilt and in step after the restore"; exit 1; }
	diff "$w/before.txt" "$w/show_$db.txt" || { echo "$db: roll-ups, bindings, triggers or answers differ after the restore"; exit 1; }
	echo "$db: roll-ups, bindings, triggers and answers as before the dump; in step after refresh_rollups()"
done
SH
foistats_virtualenv bash "$work/run.sh" "$work" "$FOISTATS_ROOT"
