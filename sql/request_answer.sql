-- Answering a stored request over a force's own table: request_xtab,
-- request_tables, create_request_views (typed views for BI tools, a long
-- form with stable columns), protection, save_answer / check_answer (a saved
-- answer is a regression test) and rerun for a new period.
\i sql/include/records_prelude.sql

\i sql/include/force_crime.sql

SELECT foistats.define_request('rape_outcomes', $${
  "title": "Rape offences and their outcomes",
  "records": "foi.records",
  "period": {"from": "2019/20", "to": "2023/24"},
  "columns": "fy",
  "questions": [
    {"id": "1", "text": "How many rapes were recorded in each financial year, by outcome?",
     "title": "Rapes (HO classes 19C-19K) by outcome type",
     "population": "foistats.ho_class(coalesce(ho_code, offence)) BETWEEN '19C' AND '19K'",
     "rows": {"dimension": "outcome_type", "name": "outcome"}},
    {"id": "1a", "subset_of": "1", "text": "How many resulted in a charge?",
     "measure": {"count": "outcome IN ('1', '1A')", "name": "charged"},
     "answer": "{1a.charged:Words} of the {1a.crimes} rapes were charged."},
    {"id": "2", "title": "Rapes by outcome group", "subset_of": "1", "rows": "outcome_group", "columns": "none"}
  ]}$$);

-- One question now, rendered as published.
SELECT foistats.render(foistats.request_xtab('rape_outcomes', '1'), 'text');
SELECT foistats.render(foistats.request_xtab('rape_outcomes', '2'), 'text');
SELECT foistats.render(foistats.request_xtab('rape_outcomes', '1a'), 'text');
-- It equals the same cross-tab written by hand.
SELECT foistats.request_xtab('rape_outcomes', '1')::text =
       (SELECT foistats.annotate(foistats.xtab(coalesce(foistats.outcome_label(r.outcome, r.crime_ref), 'Open (no outcome yet)'),
                                 r.recorded_on, 'fy'), title => 'Rapes (HO classes 19C-19K) by outcome type')::text
          FROM foi.records r
         WHERE r.is_crime AND r.recorded_on BETWEEN '2019-04-01' AND '2024-03-31'
           AND foistats.ho_class(r.offence) BETWEEN '19C' AND '19K') AS equals_hand_written;
SELECT question, title, foistats.grand_total(xtab) FROM foistats.request_tables('rape_outcomes');

-- Views for BI tools, typed and commented.
SELECT * FROM foistats.create_request_views('foi', 'rape_outcomes');
SELECT * FROM foi.request_period;
SELECT * FROM foi.q1;
SELECT * FROM foi.q1a;
SELECT * FROM foi.q2;
SELECT string_agg(format('%s %s', a.attname, format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum) AS q1_columns
  FROM pg_attribute a WHERE a.attrelid = 'foi.q1'::regclass AND a.attnum > 0;
SELECT obj_description('foi.q1'::regclass, 'pg_class');
SELECT question, count(*) AS figures, count(*) FILTER (WHERE is_total) AS totals,
       sum(n) FILTER (WHERE row_label = 'Grand Total' AND period = 'Grand Total') AS grand_total
  FROM foi.answers GROUP BY question ORDER BY question;
-- Every wide view agrees with itself: each row's cells add up to its Grand Total.
SELECT count(*) AS rows_checked,
       count(*) FILTER (WHERE "2019/20" + "2020/21" + "2021/22" + "2022/23" + "2023/24" = "Grand Total") AS add_up
  FROM foi.q1;

-- Save what was published, then records arrive late and one is re-classified:
-- check_answer lists every figure that changed since.
SELECT foistats.save_answer('rape_outcomes', '2024 response');
SELECT request, label, period_from, period_to, records FROM foistats.answer;
SELECT * FROM foistats.check_answer('rape_outcomes', '2024 response');
INSERT INTO force.crime VALUES ('F/LATE', '2021-06-01 10:00+01', 'RAPE OF FEMALE 16 OR OVER', 20, 'F', NULL, '1', 'CRIME', 'STREET');
UPDATE force.crime SET status = 'NO CRIME' WHERE ref = 'F/10';
SELECT * FROM foistats.check_answer('rape_outcomes', '2024 response');
SELECT foistats.save_answer('rape_outcomes', '2024 response');
-- Next year: the same request for a new period, in one call.
SELECT question, foistats.col_labels(xtab), foistats.grand_total(xtab)
  FROM foistats.rerun('rape_outcomes', '2020-04-01', '2024-11-30');
SELECT foistats.render(xtab, 'text') FROM foistats.rerun('rape_outcomes', '2020-04-01', '2024-11-30') WHERE question = '1';

-- A new period re-creates the wide views with its columns; the long form
-- keeps its columns.  A user's object on a wide view stops that with a
-- clear error instead.
CREATE VIEW force.dashboard AS SELECT * FROM foi.q1;
SELECT count(*) FROM foistats.create_request_views('foi', 'rape_outcomes', '2020-04-01', '2024-11-30');
DROP VIEW force.dashboard;
CREATE VIEW force.dashboard AS SELECT * FROM foi.answers;
SELECT count(*) FROM foistats.create_request_views('foi', 'rape_outcomes', '2020-04-01', '2024-11-30');
SELECT string_agg(a.attname, ', ' ORDER BY a.attnum) AS q1_columns
  FROM pg_attribute a WHERE a.attrelid = 'foi.q1'::regclass AND a.attnum > 0;
SELECT count(*) > 0 AS dashboard_reads FROM force.dashboard;

-- Protection from the definition; bands, sexes and platforms; empty periods
-- and listed rows shown as zero; a crime without MO text is not a platform.
SELECT foistats.define_request('scwc', $${
  "title": "Sexual communication with a child",
  "period": {"from": "2023-01-01", "to": "2023-12-31"},
  "columns": "quarter",
  "protect": {"threshold": 5, "allow_totals": true},
  "questions": [
    {"id": "1", "title": "By victim age",
     "population": "foistats.is_sexual_offence(offence) AND offence ~ 'COMMUNICATION'",
     "rows": {"dimension": "victim_age", "bands": ["11 and under", "12-15", "16 and over"]},
     "zeros": {"rows": true, "periods": true}},
    {"id": "2", "subset_of": "1", "title": "By victim sex", "rows": "victim_sex", "protect": false},
    {"id": "3", "subset_of": "1", "title": "By platform mentioned", "columns": "none",
     "rows": {"terms": "platforms", "name": "platform"}, "protect": false}
  ]}$$);
SELECT foistats.render(foistats.request_xtab('scwc', '1', 'foi.records'), 'text');
SELECT foistats.render(foistats.request_xtab('scwc', '1', 'foi.records'), 'text', published_totals => false) AS unprotected_for_checking;
SELECT * FROM foistats.disclosure_audit(foistats.request_xtab('scwc', '1', 'foi.records'), 5) WHERE NOT meets_rule;
SELECT foistats.render(foistats.request_xtab('scwc', '2', 'foi.records'), 'text');
SELECT foistats.render(foistats.request_xtab('scwc', '3', 'foi.records'), 'text');
SELECT * FROM foistats.audit_request('scwc', 'foi.records');

-- Protected by the cell key: each figure perturbed by the sum of its
-- records' keys (record_key of crime_ref with the database's secret,
-- foistats.cellkey_secret), so the same crimes get the same noise in every
-- question; a subset question is perturbed, not suppressed with its superset.
SET foistats.cellkey_secret = 'not the real one';
SELECT foistats.define_request('rape_ck', $${
  "title": "Rapes, perturbed", "records": "foi.records",
  "period": {"from": "2019/20", "to": "2023/24"}, "columns": "fy",
  "protect": {"method": "cellkey"},
  "questions": [
    {"id": "1", "title": "Rapes by offence",
     "population": "foistats.ho_class(coalesce(ho_code, offence)) BETWEEN '19C' AND '19K'",
     "rows": "offence"},
    {"id": "2", "subset_of": "1", "title": "Rapes of a child under 13 by outcome type",
     "population": "offence ~ 'UNDER 13'",
     "rows": {"dimension": "outcome_type", "name": "outcome"}}
  ]}$$);
SELECT foistats.render(foistats.request_xtab('rape_ck', '2', 'foi.records'), 'text');
-- equal to protect() with keys counted by hand over the same records
SELECT foistats.request_xtab('rape_ck', '2', 'foi.records')::text =
       (SELECT foistats.protect(
                 foistats.annotate(foistats.xtab(coalesce(foistats.outcome_label(r.outcome, r.crime_ref), 'Open (no outcome yet)'),
                                                 r.recorded_on, 'fy'),
                                   title => 'Rapes of a child under 13 by outcome type'),
                 method => 'cellkey',
                 keys => foistats.xtab(coalesce(foistats.outcome_label(r.outcome, r.crime_ref), 'Open (no outcome yet)'),
                                       r.recorded_on, 'fy', foistats.record_key(r.crime_ref, 'not the real one')))::text
          FROM foi.records r
         WHERE r.is_crime AND r.recorded_on BETWEEN '2019-04-01' AND '2024-03-31'
           AND foistats.ho_class(r.offence) BETWEEN '19C' AND '19K' AND r.offence ~ 'UNDER 13') AS equals_by_hand;
-- Question 2's crimes are question 1's row of rapes of a child under 13:
-- each year's total of question 2 is the same crimes as that row's cell of
-- the year in question 1, so both publish the same (perturbed) figure.
SELECT count(*) AS years, count(*) FILTER (WHERE a.n = b.n) AS same_figure,
       count(*) FILTER (WHERE a.n <> t.n) AS perturbed
  FROM foistats.rows(foistats.request_xtab('rape_ck', '1', 'foi.records')) a
  JOIN unnest(foistats.col_labels(foistats.request_xtab('rape_ck', '2', 'foi.records')),
              foistats.col_totals(foistats.request_xtab('rape_ck', '2', 'foi.records'))) b(col_label, n) USING (col_label)
  JOIN (SELECT foistats.period(r.recorded_on, 'fy') AS col_label, count(*) AS n
          FROM foi.records r
         WHERE r.is_crime AND r.offence = 'RAPE OF FEMALE CHILD UNDER 13 BY A MALE'
           AND r.recorded_on BETWEEN '2019-04-01' AND '2024-03-31' GROUP BY 1) t USING (col_label)
 WHERE a.row_label = 'RAPE OF FEMALE CHILD UNDER 13 BY A MALE';
RESET foistats.cellkey_secret;
-- Without a secret (unset, or set empty) the keys would be a public function
-- of the crime references: a cell-key question is refused, not perturbed by
-- noise anybody could take off.
\set VERBOSITY default
SELECT foistats.request_xtab('rape_ck', '2', 'foi.records');
SET foistats.cellkey_secret = '';
SELECT foistats.request_xtab('rape_ck', '1', 'foi.records');
RESET foistats.cellkey_secret;
\set VERBOSITY terse

-- A multi-label table (platforms mentioned in the MO) prints its distinct
-- crimes beside its mentions, and a saved answer keeps both.  Three changes
-- in 2021/22: F/764 (Snapchat) gains WhatsApp, F/624 (Snapchat) gains
-- Instagram, F/61 (WhatsApp and Instagram) is no-crimed.  Every mention
-- stays as it was (WhatsApp +1 -1, Instagram +1 -1); one crime fewer
-- mentions a platform, in 2021/22 and in all.
SELECT foistats.define_request('platforms', $${
  "title": "Crimes mentioning a platform", "records": "foi.records",
  "period": {"from": "2019/20", "to": "2023/24"}, "columns": "fy",
  "questions": [{"id": "1", "title": "Crimes by platform mentioned",
                 "population": "foistats.mentions_any(mo, 'platforms')",
                 "rows": {"terms": "platforms", "name": "platform"}}]}$$);
SELECT foistats.save_answer('platforms', 'before');
SELECT foistats.is_multi_label(computed), foistats.col_units(computed) FROM foistats.answer_table WHERE request = 'platforms';
UPDATE force.crime SET mo_text = 'met on Snapchat, then WhatsApp' WHERE ref = 'F/764';
UPDATE force.crime SET mo_text = 'met on Snapchat and Instagram' WHERE ref = 'F/624';
UPDATE force.crime SET status = 'NO CRIME' WHERE ref = 'F/61';
SELECT * FROM foistats.check_answer('platforms', 'before');
SELECT foistats.drop_request('platforms');

-- Bad calls.
\set VERBOSITY default
SELECT foistats.request_xtab('scwc', '9', 'foi.records');
SELECT foistats.request_xtab('scwc', '1');
SELECT foistats.request_xtab('scwc', '1', 'force.crime');
SELECT foistats.request_xtab('scwc', '1', 'foi.records', '2024-01-01', '2023-01-01');
SELECT foistats.check_answer('scwc', 'never saved');
SELECT foistats.save_answer('scwc', 'half a period', 'foi.records', period_from => '2020-01-01');
SELECT foistats.save_answer('scwc', 'backwards', 'foi.records', '2024-01-01', '2023-01-01');
SELECT foistats.create_request_views('no_such_schema', 'scwc');
\set VERBOSITY terse

SET client_min_messages = warning;
SELECT foistats.drop_request('rape_outcomes');
SELECT count(*) AS answers_left FROM foistats.answer_table;
SELECT foistats.drop_request('scwc');
SELECT foistats.drop_request('rape_ck');
DROP SCHEMA foi CASCADE;
DROP SCHEMA force CASCADE;
