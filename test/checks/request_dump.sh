#!/usr/bin/env bash
# pg_dump / restore keeps stored requests and saved answers: a user's request,
# a user's outcome type and a saved answer are dumped (plain and custom
# formats) and restored into new databases; the restored request is the same
# definition, the shipped templates are not duplicated, and check_answer on the
# restored database finds nothing changed.
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_check_setup request-dump

cat > "$work/setup.sql" <<'SQL'
CREATE EXTENSION foistats;
CREATE SCHEMA force;
CREATE TABLE force.crime (ref text, recorded date, title text, outcome text);
INSERT INTO force.crime
SELECT 'R/' || g, date '2020-04-01' + g * 3, (ARRAY['RAPE OF FEMALE 16 OR OVER', 'EXPOSURE'])[1 + g % 2],
       (ARRAY['1', '14', NULL])[1 + g % 3]
  FROM generate_series(1, 300) g;
-- the force's own outcome type, not shipped
INSERT INTO foistats.ho_outcome (type, label, group_label, source) VALUES ('14', 'Evidential difficulties (force label)', 'Evidential difficulties', 'force list');
SELECT foistats.bind_records('foi', 'force.crime', '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "is_crime": {"value": true}}');
SELECT foistats.define_request('mine', '{"title": "Offences by outcome", "records": "foi.records",
  "period": {"from": "2020/21", "to": "2021/22"}, "columns": "fy",
  "questions": [{"id": "1", "rows": "offence"}, {"id": "2", "rows": "outcome_type", "protect": {"threshold": 3}}]}');
SELECT foistats.save_answer('mine', 'first');
SQL
cat > "$work/show.sql" <<'SQL'
SELECT name, shipped, md5(spec::text) FROM foistats.request ORDER BY name;
SELECT type, label, shipped FROM foistats.ho_outcome WHERE NOT shipped;
SELECT count(*) FROM foistats.ho_outcome;
SELECT request, label, question, md5(published::text), md5(computed::text) FROM foistats.answer_table ORDER BY 1, 2, 3;
SELECT count(*) AS differences FROM foistats.check_answer('mine', 'first');
SQL
cat > "$work/run.sh" <<'SH'
w=$1
. "$2/test/lib.sh"
foistats_dump_restore request_dump "$w"
foistats_dump_show request_dump "$w" show.sql
cat "$w/before.txt"
grep -qx 'mine|f|.*' "$w/before.txt" || { echo "the request was not stored"; exit 1; }
grep -qx '0' "$w/before.txt" || { echo "check_answer found differences before the dump"; exit 1; }
diff "$w/before.txt" "$w/after_plain.txt" && echo "plain dump: requests, outcome types and answers identical"
diff "$w/before.txt" "$w/after_custom.txt" && echo "custom dump: requests, outcome types and answers identical"
SH
foistats_virtualenv bash "$work/run.sh" "$work" "$FOISTATS_ROOT"
