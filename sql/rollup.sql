-- Roll-ups: a question's counts kept month by month (foistats.create_rollup),
-- answered by merging months instead of scanning, kept in step by triggers
-- under every write to the records, checked against a scan (check_rollup),
-- rebuilt (refresh_rollup), and set aside when something they cannot see
-- changed.
\i sql/include/records_prelude.sql

\i sql/include/force_crime.sql
-- The binding is kept: the triggers evaluate it over the rows a statement writes.
SELECT records, source, columns, time_zone FROM foistats.records_binding;

-- Questions of every shape: columns by financial year, none, month, quarter
-- and a dimension; rows by outcome, terms (multi-label), victim sex with the
-- unrecorded left out (footnoted), a measure, a subset, protection.
SELECT foistats.define_request('rape_outcomes', $${
  "title": "Rape offences and their outcomes",
  "records": "foi.records",
  "period": {"from": "2019/20", "to": "2023/24"},
  "columns": "fy",
  "questions": [
    {"id": "1", "title": "Rapes (HO classes 19C-19K) by outcome type",
     "population": "foistats.ho_class(coalesce(ho_code, offence)) BETWEEN '19C' AND '19K'",
     "rows": {"dimension": "outcome_type", "name": "outcome"}},
    {"id": "1a", "subset_of": "1", "measure": {"count": "outcome IN ('1', '1A')", "name": "charged"}},
    {"id": "2", "title": "Rapes by outcome group", "subset_of": "1", "rows": "outcome_group", "columns": "none"},
    {"id": "3", "title": "Platforms mentioned", "rows": {"terms": "platforms"}, "columns": "quarter"},
    {"id": "4", "title": "Victims by sex", "rows": {"dimension": "victim_sex", "unknown": null}, "columns": "month",
     "zeros": {"rows": true}},
    {"id": "5", "title": "Offences by victim's sex", "rows": "offence",
     "columns": {"dimension": "victim_sex", "name": "sex"}, "protect": {"threshold": 3, "allow_totals": true}},
    {"id": "6", "answer": "Not held."}
  ]}$$);

-- What a scan answers, for the request's period and three others: whole
-- months, partial months at both ends (11 April 2019 to 21 March 2024),
-- and days inside one month.
CREATE TEMP TABLE period (p int, period_from date, period_to date);
INSERT INTO period VALUES (1, '2019-04-01', '2024-03-31'), (2, '2020-01-01', '2021-06-30'), (3, '2019-04-11', '2024-03-21'),
                          (4, '2020-02-03', '2020-02-27');
CREATE TEMP TABLE scanned AS
SELECT p.p, q.q, foistats.request_xtab('rape_outcomes', q.q, NULL, p.period_from, p.period_to)::text AS x
  FROM period p, unnest('{1,1a,2,3,4,5}'::text[]) q(q);

-- One roll-up per question: the months of its population, from 60 months of records.
SELECT q, foistats.create_rollup('rape_outcomes', q) AS months FROM unnest('{1,1a,2,3,4,5}'::text[]) q;
SELECT request, question, records, source, tables, months, stored_rows, problem FROM foistats.rollups ORDER BY question;
-- The triggers on the source table (statement-level, with transition tables).
SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'force.crime'::regclass ORDER BY tgname;
-- A question answered in words has no table to roll up.
SELECT foistats.create_rollup('rape_outcomes', '6');
SELECT foistats.create_rollup('rape_outcomes', '1');
SELECT foistats.create_rollup('rape_outcomes', '9');

-- The roll-ups answer exactly as the scan did, for every period: whole
-- months merged, partial months at the ends counted by the question's own
-- query over those days, a period inside one month scanned.
SELECT p.p, count(*) AS questions,
       count(*) FILTER (WHERE foistats.request_xtab('rape_outcomes', s.q, NULL, p.period_from, p.period_to)::text = s.x) AS equal
  FROM period p JOIN scanned s USING (p) GROUP BY p.p ORDER BY p.p;
SELECT row_label, cells, total FROM foistats.wide(foistats.request_xtab('rape_outcomes', '2'));
SELECT foistats.render(foistats.request_xtab('rape_outcomes', '4', period_from => '2023-11-05', period_to => '2024-02-29'), 'text');

-- ... and they are what answers: a month's stored counts tampered with change
-- the answer (check_rollup says exactly where), refresh_rollup repairs them.
UPDATE foistats.rollup_month m
   SET added = m.added OPERATOR(foistats.+) '{cols: "2019/20"; rows: "Type 1 - Charged; Summonsed/postal requisition" 100}'::foistats.xtab
  FROM foistats.rollup r WHERE r.id = m.rollup AND r.question = '1' AND m.month = '2019-06-01';
SELECT row_label, cells, total FROM foistats.wide(foistats.request_xtab('rape_outcomes', '1')) WHERE row_label LIKE 'Type 1 %';
SELECT * FROM foistats.check_rollup('rape_outcomes', '1');
SELECT foistats.refresh_rollup('rape_outcomes', '1');
SELECT * FROM foistats.check_rollup('rape_outcomes', '1');
SELECT foistats.request_xtab('rape_outcomes', '1')::text = x AS repaired FROM scanned WHERE p = 1 AND q = '1';

-- After each write below, every roll-up still equals a scan: check_rollup
-- finds nothing and request_xtab answers what a scan answers (computed here
-- with the roll-ups set aside in a subtransaction that is rolled back).
CREATE FUNCTION pg_temp.in_step() RETURNS TABLE (question text, differences bigint, equal_to_scan boolean)
LANGUAGE plpgsql AS $$
DECLARE
    q text;
    rolled text;
    scan text;
BEGIN
    FOREACH q IN ARRAY '{1,1a,2,3,4,5}'::text[] LOOP
        rolled := foistats.request_xtab('rape_outcomes', q, NULL, '2019-04-11', '2024-03-21')::text;
        BEGIN
            UPDATE foistats.rollup SET stale = 'set aside by the test';
            scan := foistats.request_xtab('rape_outcomes', q, NULL, '2019-04-11', '2024-03-21')::text;
            RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = scan;
        EXCEPTION WHEN raise_exception THEN
            scan := SQLERRM;
        END;
        question := q;
        differences := (SELECT count(*) FROM foistats.check_rollup('rape_outcomes', q));
        equal_to_scan := rolled = scan;
        RETURN NEXT;
    END LOOP;
END $$;
SELECT * FROM pg_temp.in_step();

-- INSERT: one row, several rows, INSERT ... SELECT, COPY.
INSERT INTO force.crime VALUES ('N/1', '2020-05-03 10:00+01', 'RAPE OF FEMALE 16 OR OVER', 20, 'F', 'on Snapchat', '1', 'CRIME', 'HOSPITAL');
INSERT INTO force.crime VALUES ('N/2', '2020-05-04 10:00+01', 'RAPE OF FEMALE 16 OR OVER', 17, NULL, 'Kik', '15', 'CRIME', 'HOME'),
                               ('N/3', '2024-03-31 23:30+01', 'RAPE OF FEMALE 16 OR OVER', 17, 'M', NULL, NULL, 'CRIME', 'HOME');
INSERT INTO force.crime SELECT 'S/' || ref, recorded + interval '3 days', title, vic_age, vic_sex, mo_text, outcome, status, location
  FROM force.crime WHERE ref LIKE 'F/1%';
COPY force.crime FROM stdin;
C/1	2021-07-07 12:00:00+01	RAPE OF FEMALE CHILD UNDER 13 BY A MALE	9	F	WhatsApp	16	CRIME	SCHOOL
C/2	2021-07-08 12:00:00+01	EXPOSURE	30	M	\N	\N	CRIME	STREET
\.
SELECT * FROM pg_temp.in_step();
-- UPDATE: re-classified, moved to another month and year, no-crimed and
-- back, outcome given, MO text edited, victim's sex removed; and a column no
-- question reads (the months' stored rows are not even rewritten).
UPDATE force.crime SET title = 'THEFT FROM THE PERSON' WHERE ref IN ('F/11', 'F/12', 'N/2');
UPDATE force.crime SET recorded = recorded + interval '40 days' WHERE ref IN ('F/1', 'F/2', 'F/3', 'F/4', 'F/5');
UPDATE force.crime SET recorded = recorded - interval '400 days' WHERE ref = 'F/21';
UPDATE force.crime SET status = 'NO CRIME' WHERE ref IN ('F/6', 'F/7', 'N/1');
UPDATE force.crime SET status = 'CRIME' WHERE ref = 'F/23';
UPDATE force.crime SET outcome = '1A' WHERE ref IN ('F/16', 'F/17', 'N/3');
UPDATE force.crime SET mo_text = 'on facebook and snapchat' WHERE ref IN ('F/31', 'F/32', 'F/33');
UPDATE force.crime SET vic_sex = NULL WHERE ref IN ('F/41', 'F/42');
SELECT * FROM pg_temp.in_step();
CREATE TEMP TABLE before AS SELECT ctid AS t, * FROM foistats.rollup_month;
UPDATE force.crime SET status = status;
SELECT count(*) AS rows_rewritten FROM foistats.rollup_month m WHERE NOT EXISTS (SELECT 1 FROM before b WHERE b.t = m.ctid);
-- DELETE, MERGE, and a write that fails (nothing of it stays).
DELETE FROM force.crime WHERE ref IN ('F/51', 'F/52', 'F/53', 'C/1');
MERGE INTO force.crime c
USING (VALUES ('F/61', 'EXPOSURE'), ('F/62', NULL), ('M/1', 'RAPE OF FEMALE 16 OR OVER')) v(ref, title) ON c.ref = v.ref
WHEN MATCHED AND v.title IS NULL THEN DELETE
WHEN MATCHED THEN UPDATE SET title = v.title
WHEN NOT MATCHED THEN INSERT (ref, recorded, title, status) VALUES (v.ref, '2022-02-02 12:00+00', v.title, 'CRIME');
INSERT INTO force.crime VALUES ('N/9', '2021-01-01', 'RAPE OF FEMALE 16 OR OVER', 1, 'F', NULL, NULL, 'CRIME', 'X'), ('N/1', '2021-01-01', 'X', 1, 'F', NULL, NULL, 'CRIME', 'X');
SELECT * FROM pg_temp.in_step();
-- In one transaction, a write and then a read of it; a rolled-back one.
BEGIN;
INSERT INTO force.crime VALUES ('T/1', '2020-06-06 12:00+01', 'RAPE OF FEMALE 16 OR OVER', 20, 'F', NULL, '1', 'CRIME', 'X');
SELECT foistats.grand_total(foistats.request_xtab('rape_outcomes', '1a')) AS charged_in_transaction;
ROLLBACK;
SELECT foistats.grand_total(foistats.request_xtab('rape_outcomes', '1a')) AS charged_after_rollback;
SELECT * FROM pg_temp.in_step();

-- A month never holds more than the writers that were at it at once: one
-- row a month here (concurrent writers: specs/rollup.spec).
SELECT max(n) AS most_rows_a_month FROM (SELECT count(*) AS n FROM foistats.rollup_month GROUP BY rollup, month) s;

-- What makes a roll-up stale.  An edit of a term dictionary (or of the
-- offence overrides, the Home Office list, the outcome types) changes what
-- populations and labels mean: a roll-up keeps the versions of those tables
-- it was built with (foistats.cache_version), so after an edit every one is
-- set aside, requests are scanned, and refresh_rollups() rebuilds them.
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('platforms', 'Kik', 'kik messenger app');
SELECT question, problem FROM foistats.rollups ORDER BY question;
SELECT request, question, problem, months FROM foistats.refresh_rollups() ORDER BY question;
DELETE FROM foistats.term WHERE dictionary = 'platforms' AND alias = 'kik messenger app';
UPDATE foistats.ho_outcome SET label = label WHERE type = '1';
SELECT DISTINCT problem FROM foistats.rollups;
SELECT count(*) FROM foistats.refresh_rollups();
-- A changed definition: the roll-up no longer matches the question, so it is
-- not used (check_rollup says so) until refreshed with the new definition.
SELECT foistats.define_request('rape_outcomes', jsonb_set(foistats.request_spec('rape_outcomes'),
         '{questions,0,population}', '"foistats.ho_class(coalesce(ho_code, offence)) BETWEEN ''19C'' AND ''19H''"'));
SELECT problem FROM foistats.check_rollup('rape_outcomes', '1') WHERE month IS NULL;
SELECT foistats.refresh_rollup('rape_outcomes', '1');
SELECT * FROM foistats.check_rollup('rape_outcomes', '1');
-- A changed binding (bound again, or the view replaced by hand), a trigger
-- disabled or dropped: found at every read.
SELECT foistats.bind_records('foi', 'force.crime',
  '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "victim_age": "vic_age",
    "victim_sex": "vic_sex", "mo": "mo_text", "is_crime": {"expr": "status IN (''CRIME'', ''RECLASSIFIED'')"}}');
SELECT DISTINCT problem FROM foistats.rollups;
SELECT count(*) FROM foistats.refresh_rollups();
ALTER TABLE force.crime DISABLE TRIGGER foistats_rollup_update;
SELECT DISTINCT problem FROM foistats.rollups;
ALTER TABLE force.crime ENABLE TRIGGER foistats_rollup_update;
SELECT DISTINCT problem FROM foistats.rollups;
-- What no trigger sees (writes with triggers off) check_rollup finds.
SET session_replication_role = replica;
UPDATE force.crime SET outcome = '1' WHERE ref = 'F/100';
RESET session_replication_role;
SELECT * FROM foistats.check_rollup('rape_outcomes', '1');
SELECT q AS question, (SELECT count(*) FROM foistats.check_rollup('rape_outcomes', q)) AS differences
  FROM unnest('{1,1a,2,3,4,5}'::text[]) q;
SELECT count(*) AS rebuilt FROM foistats.refresh_rollups(only_out_of_step => false);
SELECT * FROM pg_temp.in_step();

-- TRUNCATE empties them.
TRUNCATE force.crime;
SELECT question, months, stored_rows, problem FROM foistats.rollups ORDER BY question;
INSERT INTO force.crime VALUES ('Z/1', '2023-03-03 12:00+00', 'RAPE OF FEMALE 16 OR OVER', 30, 'F', 'Snapchat', '1', 'CRIME', 'X');
SELECT * FROM pg_temp.in_step();

-- Dropping: the last roll-up of a table takes the triggers with it.
SELECT foistats.drop_rollup('rape_outcomes', q) FROM unnest('{1,1a,2,3,4}'::text[]) q;
SELECT count(*) AS triggers FROM pg_trigger WHERE tgrelid = 'force.crime'::regclass;
SELECT foistats.drop_rollup('rape_outcomes', '5');
SELECT count(*) AS triggers FROM pg_trigger WHERE tgrelid = 'force.crime'::regclass;
SELECT count(*) AS months_left FROM foistats.rollup_month;
SELECT foistats.drop_rollup('rape_outcomes', '5');
SELECT * FROM foistats.check_rollup('rape_outcomes', '1');
-- Only records bound with bind_records can be rolled up.
CREATE VIEW force.own_records AS SELECT * FROM foi.records;
SELECT foistats.create_rollup('rape_outcomes', '1', 'force.own_records');
-- The trigger function is only a trigger.
SELECT foistats.rollup_trigger();

-- A roll-up goes with what it reads: the records view dropped (here with
-- its schema), its roll-ups, their months and the triggers on the source
-- go too, and refresh_rollups has nothing left to trip on.  Dropped by a
-- role that owns the table but may not write foistats' catalog.
SELECT foistats.create_rollup('rape_outcomes', q) AS months FROM unnest('{1,5}'::text[]) q;
SELECT count(*) AS triggers FROM pg_trigger WHERE tgrelid = 'force.crime'::regclass;
CREATE ROLE rollup_dropper;
CREATE SCHEMA mine AUTHORIZATION rollup_dropper;
CREATE TABLE mine.crime AS SELECT * FROM force.crime;
ALTER TABLE mine.crime OWNER TO rollup_dropper;
SELECT foistats.bind_records('mine_foi', 'mine.crime',
  '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "victim_age": "vic_age",
    "victim_sex": "vic_sex", "mo": "mo_text", "is_crime": {"expr": "status = ''CRIME''"}}') IS NOT NULL AS bound;
SELECT foistats.create_rollup('rape_outcomes', '1', 'mine_foi.records') AS months;
SET ROLE rollup_dropper;
DROP TABLE mine.crime CASCADE;
RESET ROLE;
DROP SCHEMA foi CASCADE;
SELECT count(*) AS rollups FROM foistats.rollups;
SELECT count(*) AS months_left FROM foistats.rollup_month;
SELECT count(*) AS triggers FROM pg_trigger WHERE tgrelid = 'force.crime'::regclass;
SELECT count(*) AS refreshed FROM foistats.refresh_rollups(only_out_of_step => false);
DROP SCHEMA mine, mine_foi CASCADE;
DROP ROLE rollup_dropper;
DROP SCHEMA force CASCADE;
SELECT foistats.drop_request('rape_outcomes');
