-- A newcomer's own force table and requests (none of the shipped templates):
-- what went wrong when one was tried, each kept as a regression test.
\i sql/include/records_prelude.sql
CREATE SCHEMA newcomer;

-- 1. Home Office codes as forces export them, leading zeros dropped: '8/06'
-- and '8/6' are 008/06 (assault occasioning ABH), '5/1' is 005/01.  They
-- have the form of the classes '4/6', '4/10' and were read as an unknown
-- class, so every such crime fell out of a population by ONS subgroup.
-- A real class of that form stays a class; an unknown one is named as a code.
SELECT t, (c).ho_code, (c).ho_class, (c).ons_group, (c).matched_by, (c).reason
  FROM unnest(ARRAY['8/06', '8/6', '08/06', '008/06', '5/1', '8/65', '(8/6)', '4/6', '4/10', '37/1', '9/9']) t,
       LATERAL foistats.classify(t) c;
SELECT foistats.ho_code('8/6'), foistats.ho_class('8/65'), foistats.offence_family('5/1');

-- 2. A force table of its own: a timestamptz, victim date of birth, the
-- force's outcome codes, a weapon column passed through.  167 crimes by
-- weapon and quarter, counts chosen so that protect's complements are
-- narrowed (not revealed) by the published totals.
CREATE TABLE newcomer.crime_export (crime_no text, ho_code_text text, offence_desc text, weapon text,
                                    reported_at timestamptz, committed_from date, victim_dob date,
                                    outcome_code text, crime_status text);
INSERT INTO newcomer.crime_export
SELECT format('WX/%s/%s/%s', w, q, i), '8/6', 'ASSAULT OCCASIONING ABH - S47 OAPA 1861', w,
       make_timestamptz(2024, 3 * q - 1, 1 + i % 27, 12, 0, 0, 'Europe/London'),
       make_date(2024, 3 * q - 1, 1 + i % 27), date '2012-05-01', CASE WHEN i % 3 = 0 THEN '16' END, 'CONFIRMED'
  FROM (VALUES ('Bat', 1, 8), ('Bat', 2, 6), ('Bat', 3, 10), ('Bat', 4, 3),
               ('Bottle', 1, 10), ('Bottle', 2, 11), ('Bottle', 3, 10), ('Bottle', 4, 7),
               ('Brick', 1, 13), ('Brick', 2, 6), ('Brick', 3, 9), ('Brick', 4, 8),
               ('Knife', 1, 12), ('Knife', 2, 13), ('Knife', 3, 19), ('Knife', 4, 22)) v(w, q, n),
       generate_series(1, n) i;
SELECT foistats.bind_records('newcomer', 'newcomer.crime_export',
  '{"crime_ref": "crime_no", "recorded_on": "reported_at", "offence": "offence_desc", "ho_code": "ho_code_text",
    "victim_age": {"expr": "date_part(''year'', age(committed_from, victim_dob))::int"},
    "outcome": "outcome_code", "is_crime": {"expr": "crime_status = ''CONFIRMED''"}}');

SELECT foistats.define_request('newcomer_weapons', $${
  "title": "Violence with injury against children by weapon, 2024",
  "records": "newcomer.records",
  "period": {"from": "2024", "to": "2024"},
  "columns": "quarter",
  "fields": {"weapon": "text"},
  "protect": {"threshold": 5},
  "questions": [
    {"id": "1", "text": "Crimes of violence with injury against under-18s, by weapon used",
     "population": "(foistats.classify(coalesce(ho_code, offence))).ons_group = 'Violence with injury' AND victim_age < 18",
     "rows": {"expr": "weapon"}}
  ]}$$);
SELECT foistats.render(foistats.request_xtab('newcomer_weapons', '1'), 'tsv');
-- protect's exact audit: the one small count (Bat, Q4) is protected; the
-- complements are 6, 6 and 8
SELECT row_label, col_label, published_state, min, max, meets_rule
  FROM foistats.disclosure_audit(foistats.request_xtab('newcomer_weapons', '1'));
-- audit() of the table as printed reads each withheld cell as possibly small:
-- the totals prove two complements to be at least 3 and 2 ...
SELECT "check", row_label, col_label, detail
  FROM foistats.audit(foistats.parse_table(split_part(foistats.request_render('newcomer_weapons', '1', 'tsv'), E'\n\n', 1)));
-- ... which gives no small count away: audit_request (the response's verdict)
-- found them, and response() refused to print the table protect had made,
-- saying that it did not add up.  Now no finding, and the response prints.
SELECT * FROM foistats.audit_request('newcomer_weapons');
SELECT line FROM regexp_split_to_table(foistats.response('newcomer_weapons', 'markdown'), E'\n') line
 WHERE line ~ '^\| (Bat|Grand Total)|^- Checked';

-- 3. A request protected by the cell key: its rows need not add up (every
-- figure, totals included, is perturbed).  audit_request listed every row and
-- column total as a finding, so response() refused every such request.
SET foistats.cellkey_secret = 'newcomer test secret';
SELECT foistats.define_request('newcomer_weapons_ck', foistats.request_spec('newcomer_weapons')
       || '{"protect": {"method": "cellkey"}}');
SELECT count(*) > 0 AS rows_do_not_add_up
  FROM foistats.audit(foistats.request_xtab('newcomer_weapons_ck', '1'));
SELECT * FROM foistats.audit_request('newcomer_weapons_ck');
SELECT line FROM regexp_split_to_table(foistats.response('newcomer_weapons_ck', 'text'), E'\n') line
 WHERE line ~ '^- Checked|^  perturbed';
RESET foistats.cellkey_secret;

-- 4. Two requests' views in one schema: the views of the second replaced the
-- first's q1..q3 and answers, and left its q4 reading the second's period
-- (a 2024 weapons table recomputed over 2020-2025 under 2024's columns).
SELECT foistats.define_request('newcomer_two', $${
  "title": "Assaults by weapon, five years", "records": "newcomer.records", "fields": {"weapon": "text"},
  "period": {"from": "2020", "to": "2024"},
  "questions": [{"id": "1", "text": "by weapon", "rows": {"expr": "weapon"}}]}$$);
SELECT count(*) FROM foistats.create_request_views('newcomer', 'newcomer_weapons');
SELECT count(*) FROM foistats.create_request_views('newcomer', 'newcomer_two');
SELECT request FROM newcomer.request_period;
-- answers, the view dashboards read, describes its columns
SELECT a.attname, col_description(a.attrelid, a.attnum)
  FROM pg_attribute a WHERE a.attrelid = 'newcomer.answers'::regclass AND a.attnum > 0 ORDER BY a.attnum;
-- the same request again (a new period) is fine; in a schema of its own too
SELECT count(*) FROM foistats.create_request_views('newcomer', 'newcomer_weapons', '2024-04-01', '2024-12-31');
CREATE SCHEMA newcomer_two;
SELECT foistats.bind_records('newcomer_two', 'newcomer.crime_export',
  (SELECT columns FROM foistats.records_binding WHERE records = 'newcomer.records'::regclass));
SELECT count(*) FROM foistats.create_request_views('newcomer_two', 'newcomer_two');
SELECT * FROM newcomer_two.q1;
-- or drop the first request's views, keeping the records
SET client_min_messages = warning;
DROP VIEW newcomer.request_period CASCADE;
RESET client_min_messages;
SELECT count(*) FROM foistats.create_request_views('newcomer', 'newcomer_two');

-- 5. round5 cannot protect multi-label rows: define_request accepted it and
-- request_xtab failed later; now the definition is refused at once
SELECT foistats.define_request('newcomer_r5', foistats.request_spec('newcomer_weapons')
       || $${"protect": {"method": "round5"}, "questions": [
             {"id": "1", "text": "platforms", "rows": {"terms": "platforms"}}]}$$);
SELECT foistats.define_request('newcomer_r5', foistats.request_spec('newcomer_weapons')
       || $${"protect": {"method": "round5"}, "questions": [
             {"id": "1", "text": "platforms", "rows": {"terms": "platforms"}, "protect": {"threshold": 5}},
             {"id": "2", "text": "weapons", "rows": {"expr": "weapon"}}]}$$);
SELECT foistats.drop_request('newcomer_r5');

-- 6. A multi-label table as foistats prints it, read back: 'Grand Total
-- (mentions)' is its total row and 'Grand Total (distinct crimes)' its units;
-- both were read as two more data rows, so audit() checked no column of it
-- (and the second's figures were taken for counts of a label).
CREATE TEMP TABLE ml AS SELECT E'\t2023\t2024\tGrand Total\n'
  'Facebook\t5\t6\t11\nSnapchat\t7\t8\t15\n'
  'Grand Total (mentions)\t12\t15\t27\nGrand Total (distinct crimes)\t10\t13\t23' AS tbl;
SELECT foistats.parse_table(tbl)::text, foistats.is_multi_label(foistats.parse_table(tbl)) FROM ml;
SELECT role, row_label, col_label, value FROM ml, foistats.table_cells(tbl) WHERE role NOT IN ('cell', 'row_total');
-- a wrong printed mentions total is found
SELECT "check", col_label, published, computed
  FROM ml, foistats.audit(foistats.parse_table(replace(tbl, E'\t15\t27', E'\t16\t28')));
-- the round trip of a protected multi-label table: rows, units and totals
SELECT foistats.parse_table(split_part(foistats.render(foistats.protect(
         '{cols: "2023", "2024"; rows: "A" 30 20, "B" 3 12, "C" 9 8; units: 40 38}'::foistats.xtab), 'markdown'), E'\n\n', 1))::text;
SELECT foistats.parse_table(E'\t2023\t2024\nA\t5\t6\nGrand Total (distinct crimes)\t5\t6');

-- 7. request_key names every protection method define_request accepts
SELECT description FROM foistats.request_key WHERE context = 'protect' AND key = 'method';

SET client_min_messages = warning;
DROP SCHEMA newcomer, newcomer_two CASCADE;
SELECT foistats.drop_request(r) FROM unnest(ARRAY['newcomer_weapons', 'newcomer_weapons_ck', 'newcomer_two']) r;
