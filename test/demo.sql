-- foistats demo: the seed request (../shared/seed), re-run from crime records.
-- Run by test/demo.sh on a throwaway cluster.
\set ON_ERROR_STOP on
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION foistats;
CREATE EXTENSION foistats_sample;
RESET client_min_messages;

\echo '== Binding the sample crime records (3,970 records, table foistats_sample.crimes)'
\echo '   SELECT foistats.bind_records(''foi'', ''foistats_sample.crimes'');'
\echo '   SELECT foistats.create_request_views(''foi'', ''2010-01-01'', ''2014-05-31'');'
SELECT foistats.bind_records('foi', 'foistats_sample.crimes') \g /dev/null
SELECT foistats.create_request_views('foi', '2010-01-01', '2014-05-31') \g /dev/null

\pset format unaligned
\pset tuples_only on

\echo
\echo '1. How many reports of crime relating to any sexual offence by an adult towards a child'
\echo '   were recorded in the years 2010-2014? Please provide a breakdown by type.'
\echo '   (SELECT foistats.render(xtab, ''tsv'', ...) FROM foi.q1_xtab)'
\echo
SELECT foistats.render(xtab, 'tsv',
         title => '**Sexual offences committed by 18+ year olds on victims younger than 18 years**')
  FROM foi.q1_xtab;

\echo
\echo '1b. How many of these reports of crime included reference to use of internet and / or'
\echo '    mobile messaging services?   (foi.q1b_xtab: the INTERNET INVOLVED marker)'
\echo
SELECT foistats.render(xtab, 'tsv', sort => 'label', bold => '{total_row}',
         title => '**Sexual offences with Internet Involved Special Interest Marker**')
  FROM foi.q1b_xtab;

\echo
\echo '1c. How many of these crimes have included reference to grooming via the internet?'
\echo '    (foi.q1c_xtab: grooming found in the MO text by the ''grooming'' dictionary)'
\echo
SELECT foistats.render(xtab, 'tsv', bold => '{total_row}',
         title => '**Sexual offences with Grooming referenced in the MO**')
  FROM foi.q1c_xtab;

\echo
\echo '1d. How many of these reports which included reference to grooming via the internet'
\echo '    resulted in conviction?   (foi.q1d)'
\echo
SELECT format('%s of the %s reported crimes above (1c) have resulted in a conviction.',
              convictions, crimes) FROM foi.q1d;

\echo
\echo '3. How many crimes have been reported which in some way relate to Facebook, Twitter,'
\echo '   WhatsApp, Snapchat, Instagram, Tumblr?   (foi.q3_xtab: platform mentions in MO text,'
\echo '   crimes of any type; a crime naming two platforms counts under each)'
\echo
SELECT foistats.render(xtab, 'tsv', bold => '{row_labels,total_column,total_row}')
  FROM foi.q3_xtab;

\echo
\echo '== Disclosure control: question 1 protected at threshold 5 (counts 1-4 withheld, with'
\echo '   secondary suppression so that no published figure pins a withheld one down;'
\echo '   totals may be withheld where a row total alone would reveal its cells)'
\echo '   SELECT foistats.render(foistats.protect(xtab, 5, allow_totals => true), ''text'')'
\echo
SELECT foistats.render(foistats.protect(xtab, 5, allow_totals => true), 'text')
  FROM foi.q1_xtab;
\pset tuples_only off
\pset format aligned
\echo
\echo '   Its audit: every withheld cell''s interval of values consistent with what is published'
\echo '   (foistats.disclosure_audit), summarised:'
SELECT published_state, count(*) AS cells, count(*) FILTER (WHERE meets_rule) AS meet_the_rule,
       count(*) FILTER (WHERE NOT meets_rule) AS fail, min(max - min) AS narrowest_interval
  FROM foistats.disclosure_audit((SELECT foistats.protect(xtab, 5, allow_totals => true) FROM foi.q1_xtab))
 GROUP BY 1 ORDER BY 1;

\echo
\echo '== Scope conflicts: question-1 records whose recorded ages contradict their offence title'
\echo '   (foi.scope_conflicts; the published table is titled "18+ year olds")'
SELECT count(*) AS records, count(DISTINCT offence) AS titles FROM foi.scope_conflicts;
SELECT crime_ref, offence, victim_age, offender_age, conflicts
  FROM foi.scope_conflicts ORDER BY crime_ref LIMIT 12;

\pset tuples_only off
\pset format aligned
\echo
\echo '== Checking the published tables: the seed''s question-3 table, parsed from the response text'
\echo '   (foistats.audit(foistats.parse_table(text)))'
\set q3 `cat test/fixtures/seed_tables/q3.txt`
SELECT "check", row_label, col_label, published, computed
  FROM foistats.audit(foistats.parse_table(:'q3'));

\echo
\echo '== Published question 3 against the records (foistats.reconcile): differing cells'
SELECT row_label, col_label, published, recomputed, difference, status
  FROM foistats.reconcile(foistats.parse_table(:'q3'), (SELECT xtab FROM foi.q3_xtab))
 WHERE status <> 'match';

\echo
\echo '== A request is data: a shipped template of a real request, answered from its definition'
\echo '   (Northamptonshire Police FOI 10905-25, sexual communication with a child, 2024/25;'
\echo '   sample records made from the published table: test/fixtures/template_records.sql)'
SET client_min_messages = warning;
\i test/fixtures/template_records.sql
RESET client_min_messages;
SELECT foistats.bind_records('nh', 'template_records.northants') \g /dev/null
\echo '   SELECT foistats.request_spec(''northants_2025_scwc_age_sex'') -> ''questions'' -> 1;'
\pset tuples_only on
\pset format unaligned
SELECT jsonb_pretty(foistats.request_spec('northants_2025_scwc_age_sex') -> 'questions' -> 1);
\echo
\echo '   SELECT foistats.request_render(''northants_2025_scwc_age_sex'', ''2'', ''text'', ''nh.records'');'
SELECT foistats.request_render('northants_2025_scwc_age_sex', '2', 'text', 'nh.records');
\echo
\echo '== Your own request, defined once as JSON, protected as it says, saved as a regression test'
SELECT foistats.define_request('my_scwc', '{
  "title": "Sexual communication with a child by quarter",
  "period": {"from": "2024/25", "to": "2024/25"}, "columns": "quarter",
  "protect": {"threshold": 5, "allow_totals": true},
  "questions": [{"id": "1", "title": "Crimes by victim age",
                 "population": "foistats.ho_code(coalesce(ho_code, offence)) = ''071/17''",
                 "rows": {"dimension": "victim_age", "bands": ["11 and under", "12-15", "16 and over"]},
                 "zeros": {"rows": true}}]}') \g /dev/null
SELECT foistats.render(foistats.request_xtab('my_scwc', '1', 'nh.records'), 'text');
SELECT format('save_answer: %s table(s) saved; check_answer: %s figure(s) changed since',
              foistats.save_answer('my_scwc', 'published', 'nh.records'),
              (SELECT count(*) FROM foistats.check_answer('my_scwc', 'published')));
