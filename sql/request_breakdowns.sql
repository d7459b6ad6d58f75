-- A request's two breakdowns of the same crimes (same_crimes_as): offence
-- x year and victim's age band x year of one population share their column
-- totals, so with allow_totals a total one table withholds the other may
-- print.  The request protects the pair together (protect_linked with
-- same_totals), whichever question is asked for.  The counts are those of
-- sql/protect_linked_breakdowns.sql, made as records.
\i sql/include/records_prelude.sql

-- 32 crimes: 2022 has 2 thefts and 10 assaults, 6 victims under 18 and 6
-- aged 18 or over; 2023 has 20 thefts, 9 victims under 18 and 11 older.
CREATE SCHEMA bdforce;
CREATE TABLE bdforce.crime (ref text PRIMARY KEY, recorded date NOT NULL, title text, vic_age int);
INSERT INTO bdforce.crime
SELECT format('B/2022/%s', g), date '2022-03-01' + g,
       CASE WHEN g <= 2 THEN 'THEFT FROM THE PERSON' ELSE 'ASSAULT - NO INJURY' END,
       CASE WHEN g <= 6 THEN 12 ELSE 30 END
  FROM generate_series(1, 12) g
UNION ALL
SELECT format('B/2023/%s', g), date '2023-03-01' + g, 'THEFT FROM THE PERSON',
       CASE WHEN g <= 9 THEN 12 ELSE 30 END
  FROM generate_series(1, 20) g;
SELECT foistats.bind_records('bdfoi', 'bdforce.crime',
  '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "victim_age": "vic_age",
    "is_crime": {"expr": "true"}}');

-- The same two questions, unlinked (bd_alone) and linked (bd_pair).
CREATE TABLE bdspec (name text, spec jsonb);
INSERT INTO bdspec VALUES ('bd_alone', $${
  "title": "Thefts and assaults, by offence and by victim's age",
  "records": "bdfoi.records",
  "period": {"from": "2022", "to": "2023"},
  "protect": {"allow_totals": true},
  "questions": [
    {"id": "1", "title": "By offence", "rows": "offence"},
    {"id": "2", "title": "By victim's age",
     "rows": {"dimension": "victim_age", "bands": ["under 18", "18 and over"]}}
  ]}$$);
INSERT INTO bdspec SELECT 'bd_pair', jsonb_set(spec, '{questions,1,same_crimes_as}', '"1"') FROM bdspec;
SELECT foistats.define_request(name, spec) FROM bdspec ORDER BY name;
-- A request's two tables audited side by side, linked by same_totals.
CREATE FUNCTION audit_questions(request text)
RETURNS TABLE (table_no integer, row_label text, col_label text, min bigint, max bigint, meets_rule boolean)
LANGUAGE sql AS $fn$
  SELECT table_no, row_label, col_label, min, max, meets_rule
    FROM foistats.disclosure_audit_linked(ARRAY[foistats.request_xtab(request, '1'),
                                                foistats.request_xtab(request, '2')], same_totals => '{2,NULL}')
$fn$;

-- Unlinked, each protected on its own: the offence table withholds Theft
-- 2022 (a 2), its complement Theft 2023 and both column totals; the age
-- table has no small count and prints everything, 2022's total (12) and
-- 2023's (20) among it.
\a \t
SELECT foistats.render(foistats.request_xtab('bd_alone', q), 'text') FROM unnest('{1,2}'::text[]) q;
\a \t
-- Each passes its own audit, but beside the other the column totals are
-- known: Theft 2022 = 12 - 10 = 2 and Theft 2023 = 20 (both exact), the
-- two totals 12 and 20.  The small count fails.
SELECT * FROM audit_questions('bd_alone') ORDER BY 1, 2, 3;
SELECT count(*) FILTER (WHERE NOT meets_rule) AS failing_alone FROM audit_questions('bd_alone');

-- Linked: the age table withholds the same two totals, and Under 18 in
-- both years (6 and 9) so that a crime moved through the totals has a way
-- back; the footnote says the table was protected with the other.
\a \t
SELECT foistats.render(foistats.request_xtab('bd_pair', q), 'text') FROM unnest('{1,2}'::text[]) q;
\a \t
-- Theft 2022 is anything from 0 to 11 now (as in protect_linked_breakdowns).
SELECT * FROM audit_questions('bd_pair') ORDER BY 1, 2, 3;
SELECT count(*) FILTER (WHERE meets_rule) AS small_meeting_rule, count(*) FILTER (WHERE NOT meets_rule) AS failing_linked
  FROM audit_questions('bd_pair');
-- Either question's table is its part of the one pattern protect_linked
-- chooses for the two tables as counted (request_answer unprotected), and
-- request_tables gives the same.
SELECT foistats.request_xtab('bd_pair', '1')::text = l[1]::text AS q1_from_the_pair,
       foistats.request_xtab('bd_pair', '2')::text = l[2]::text AS q2_from_the_pair,
       (SELECT array_agg(t.xtab::text ORDER BY t.question) FROM foistats.request_tables('bd_pair') t)
         = ARRAY[l[1]::text, l[2]::text] AS request_tables_same
  FROM (SELECT foistats.protect_linked(
                 ARRAY(SELECT foistats.request_answer('bd_pair', foistats.request_spec('bd_pair'), q, NULL,
                                                      '2022-01-01', '2022-12-31'::date + 365, false)
                         FROM unnest('{1,2}'::text[]) WITH ORDINALITY u(q, o) ORDER BY o),
                 same_totals => '{2,NULL}', allow_totals => true) AS l) z;

-- Without allow_totals every total is printed and the link gives a reader
-- nothing (these counts cannot be protected so: threshold 2 here, which
-- leaves nothing small).
SELECT foistats.define_request('bd_pair_totals', jsonb_set(spec, '{protect}', '{"threshold": 2}')) FROM bdspec WHERE name = 'bd_pair';
-- rerun with previous => a saved answer links each question with its own
-- table of that answer (same_as, given), which protect_linked does not
-- combine with a pair: with every total printed the pair needs no link
-- and each question is protected with last year's table; with allow_totals
-- rerun refuses rather than leave the pair unlinked.
SELECT foistats.save_answer('bd_pair_totals', '2023 response');
SELECT question, (SELECT l FROM regexp_split_to_table(foistats.render(xtab, 'text'), E'\n') WITH ORDINALITY s(l, o)
                   ORDER BY o DESC LIMIT 1) AS last_footnote
  FROM foistats.rerun('bd_pair_totals', '2022-01-01', '2023-12-31', previous => '2023 response');
SELECT foistats.save_answer('bd_pair', '2023 response');
SELECT question FROM foistats.rerun('bd_pair', '2022-01-01', '2023-12-31', previous => '2023 response');
-- Without previous, rerun protects the pair together for the new period.
SELECT question, xtab::text = foistats.request_xtab('bd_pair', question)::text AS as_request_xtab
  FROM foistats.rerun('bd_pair', '2022-01-01', '2023-12-31');
-- Every other reader publishes the pair's tables too: the request views
-- (each q<id>_xtab, the wide q2 with NULL where withheld), the saved
-- answer's published tables, and the spreadsheets (response_csv).
SELECT count(*) AS views FROM foistats.create_request_views('bdfoi', 'bd_pair', '2022-01-01', '2023-12-31');
SELECT (SELECT xtab::text FROM bdfoi.q1_xtab) = foistats.request_xtab('bd_pair', '1')::text AS q1_view,
       (SELECT xtab::text FROM bdfoi.q2_xtab) = foistats.request_xtab('bd_pair', '2')::text AS q2_view;
SELECT * FROM bdfoi.q2;
SELECT question, published::text = foistats.request_xtab('bd_pair', question)::text AS published_as_request_xtab
  FROM foistats.answer_table WHERE request = 'bd_pair' AND label = '2023 response' ORDER BY question;
SELECT question, l AS csv_line
  FROM foistats.response_csv('bd_pair'), regexp_split_to_table(csv, E'\r\n') WITH ORDINALITY s(l, o)
 WHERE l ~ '^(THEFT|under 18|Grand Total)' ORDER BY question, o;

-- define_request refuses links it cannot protect, naming the question.
\set VERBOSITY default
-- (the error as psql prints it, with its DETAIL and HINT)
CREATE FUNCTION pg_temp.bad(q jsonb) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
    d text;
    h text;
BEGIN
    PERFORM foistats.define_request('bd_bad', jsonb_set((SELECT spec FROM bdspec WHERE name = 'bd_alone'), '{questions}', q));
    RETURN 'accepted';
EXCEPTION WHEN invalid_parameter_value THEN
    GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
    RETURN concat_ws(E'\n', 'ERROR:  ' || SQLERRM, 'DETAIL:  ' || nullif(d, ''), 'HINT:  ' || nullif(h, ''));
END $f$;
\pset format unaligned
\pset tuples_only on
-- a later question, itself, and no question
SELECT pg_temp.bad('[{"id": "1", "rows": "offence", "same_crimes_as": "2"}, {"id": "2", "rows": "victim_sex"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence", "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "same_crimes_as": "9"}]');
-- not a string
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "same_crimes_as": 1}]');
-- a single count, and the same rows
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "measure": "crimes", "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "offence", "same_crimes_as": "1"}]');
-- a third breakdown: naming the second, or the first again
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "same_crimes_as": "1"},
                     {"id": "3", "rows": "ho_class", "same_crimes_as": "2"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "same_crimes_as": "1"},
                     {"id": "3", "rows": "ho_class", "same_crimes_as": "1"}]');
-- subset_of on either, or a subset of either
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "subset_of": "1", "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "same_crimes_as": "1"},
                     {"id": "2b", "rows": "victim_sex", "subset_of": "2", "population": "victim_age < 16"}]');
-- different crimes or columns, or protection
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "population": "victim_age < 16", "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "measure": {"count": "victim_age < 16"}, "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "columns": "fy", "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "zeros": {"periods": true}, "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "protect": {"threshold": 3}, "same_crimes_as": "1"}]');
-- multi-label rows, and rows that leave out crimes without a label
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "markers", "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": {"dimension": "victim_sex", "unknown": null}, "same_crimes_as": "1"}]');
-- the same population written by two questions alike is accepted
SELECT pg_temp.bad('[{"id": "1", "rows": "offence", "population": "victim_age < 16"},
                     {"id": "2", "rows": "victim_sex", "population": "victim_age < 16", "same_crimes_as": "1"}]');

-- Rows from the same field are linked row by row, not only by their totals:
-- one breakdown groups the other's rows (an offence family holds known
-- offences, a wide age band known narrow ones), which protect_linked's pair
-- does not model.  Offence x year and offence family x year, protected as a
-- pair, print the family table whole, and a reader who knows that theft and
-- shoplifting are the non-sexual offences works Theft 2022 (a 2) out as
-- non_sexual 2022 - Shoplifting 2022 = 12 - 10.
\pset format aligned
\pset tuples_only off
WITH p AS (SELECT foistats.protect_linked(ARRAY[
             '{cols: "2022", "2023"; rows: "THEFT FROM THE PERSON" 2 20, "SHOPLIFTING" 10 0, "RAPE" 6 7}'::foistats.xtab,
             '{cols: "2022", "2023"; rows: "non_sexual" 12 20, "rape" 6 7}'::foistats.xtab],
             same_totals => '{2,NULL}', allow_totals => true) AS l)
SELECT (SELECT f.n FROM foistats.figures(l[1]) f WHERE f.row_label = 'THEFT FROM THE PERSON' AND f.period = '2022') AS theft_2022_printed,
       (SELECT f.n FROM foistats.figures(l[2]) f WHERE f.row_label = 'non_sexual' AND f.period = '2022')
       - (SELECT f.n FROM foistats.figures(l[1]) f WHERE f.row_label = 'SHOPLIFTING' AND f.period = '2022') AS theft_2022_worked_out
  FROM p;
\pset format unaligned
\pset tuples_only on
-- So define_request refuses two breakdowns whose rows read the same field:
-- the offence's (offence, ho_code, ho_class, ons_group, offence_family), an
-- age, the outcome, the date, or an expression over one of them.
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "offence_family", "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "ho_class"}, {"id": "2", "rows": "ons_group", "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": {"dimension": "offence", "case": "lower"}, "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": {"dimension": "victim_age", "bands": ["under 13", "13 and over"]}},
                     {"id": "2", "rows": {"dimension": "victim_age", "bands": ["under 18", "18 and over"]}, "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "outcome_type"}, {"id": "2", "rows": "outcome_group", "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": {"expr": "CASE WHEN ho_code LIKE ''019%'' THEN ''Rape'' END"}, "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": {"expr": "CASE WHEN victim_age < 18 THEN ''Child'' END"}},
                     {"id": "2", "rows": {"dimension": "victim_age", "bands": ["under 13", "13 and over"]}, "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "quarter"}, {"id": "2", "rows": "month", "same_crimes_as": "1"}]');
-- fields apart are accepted: the victim's age beside the offender's, an
-- expression over the victim's sex beside the offence
SELECT pg_temp.bad('[{"id": "1", "rows": {"dimension": "victim_age", "bands": ["under 18", "18 and over"]}},
                     {"id": "2", "rows": {"dimension": "offender_age", "bands": ["under 16", "16 and over"]}, "same_crimes_as": "1"}]');
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": {"expr": "coalesce(victim_sex, ''unknown'')"}, "same_crimes_as": "1"}]');
-- A third question of the same crimes beside the pair, unlinked, is
-- protected on its own and prints what the pair withholds: a single count
-- of bd_pair's crimes by year is 12 and 20, the two totals both tables
-- withhold (and with them Theft 2022 = 12 - 10).
\pset format aligned
\pset tuples_only off
SELECT foistats.define_request('bd_count', jsonb_set((SELECT spec FROM bdspec WHERE name = 'bd_alone'), '{questions}',
                                                     '[{"id": "3", "measure": "crimes"}]'));
SELECT row_label, period, n FROM foistats.figures(foistats.request_xtab('bd_count', '3'));
\pset format unaligned
\pset tuples_only on
-- So with allow_totals a question of the same population and measure as a
-- pair is refused: a table, a single count, the first named or a later one.
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "same_crimes_as": "1"},
                     {"id": "3", "measure": "crimes"}]');
SELECT pg_temp.bad('[{"id": "0", "rows": "ho_class", "columns": "none"},
                     {"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "same_crimes_as": "1"}]');
-- another population is accepted, and so are the same crimes when every
-- total is published (no allow_totals)
SELECT pg_temp.bad('[{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "same_crimes_as": "1"},
                     {"id": "3", "rows": "offence", "population": "victim_age < 16"}]');
SELECT CASE WHEN foistats.define_request('bd_bad', '{"title": "t", "records": "bdfoi.records", "period": {"from": "2022", "to": "2023"},
         "protect": {"threshold": 2},
         "questions": [{"id": "1", "rows": "offence"}, {"id": "2", "rows": "victim_sex", "same_crimes_as": "1"},
                       {"id": "3", "measure": "crimes"}]}') = 'bd_bad' THEN 'accepted' END;
\pset format aligned
\pset tuples_only off

-- A row label both tables have is known only from the counts: answering
-- names the two questions.  Age bands with the adults' ages not recorded,
-- and the victims' sex, never recorded here: both have "Not recorded".
SELECT foistats.define_request('bd_labels', $${
  "title": "Labels in both", "records": "bdfoi.records", "period": {"from": "2022", "to": "2023"},
  "protect": {"allow_totals": true},
  "questions": [
    {"id": "1", "rows": {"expr": "CASE WHEN victim_age < 18 THEN 'Under 18' END"}},
    {"id": "2", "rows": "victim_sex", "same_crimes_as": "1"}]}$$);
SELECT foistats.request_xtab('bd_labels', '2');
-- As the hint says: relabelled, the pair is protected together.
SELECT foistats.define_request('bd_labels', jsonb_set(foistats.request_spec('bd_labels'), '{questions,0,rows,unknown}',
                                                      '"Age not recorded"'));
SELECT foistats.row_labels(foistats.request_xtab('bd_labels', q)) FROM unnest('{1,2}'::text[]) q;

-- The response document's figures in words: {id.crimes} counts the crimes
-- of a question, which for a table of single-label rows is its Grand Total.
-- 15 crimes: 2022 has 5 A, 3 B (8), 2023 has 2 A, 1 B, 4 C (7); by age x 3
-- and 3, y 5 and 4.  The pair withholds both tables' Grand Total and 2023's
-- total, so the words must not print 15 (nor 7 = 15 - 8).
CREATE SCHEMA bdwforce;
CREATE TABLE bdwforce.crime (ref text PRIMARY KEY, recorded date NOT NULL, title text, vic_age int);
INSERT INTO bdwforce.crime
SELECT format('W/%s/%s', y, row_number() OVER ()), make_date(y, 3, 1) + (row_number() OVER ())::int, t, a
  FROM (VALUES (2022, 'A', 12, 3), (2022, 'A', 30, 2), (2022, 'B', 30, 3),
               (2023, 'A', 12, 2), (2023, 'B', 12, 1), (2023, 'C', 30, 4)) v(y, t, a, n),
       LATERAL generate_series(1, n);
SELECT foistats.bind_records('bdwfoi', 'bdwforce.crime',
  '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "victim_age": "vic_age",
    "is_crime": {"expr": "true"}}');
SELECT foistats.define_request('bd_words', $${
  "title": "In words", "records": "bdwfoi.records", "period": {"from": "2022", "to": "2023"},
  "protect": {"allow_totals": true},
  "intro": "We counted {1.crimes} crimes ({1.total:words}); by age, {2.crimes:words}.",
  "questions": [
    {"id": "1", "title": "By offence", "rows": "offence"},
    {"id": "2", "title": "By age", "same_crimes_as": "1",
     "rows": {"expr": "CASE WHEN victim_age < 18 THEN 'x' ELSE 'y' END"}}]}$$);
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(foistats.request_xtab('bd_words', q), 'text') FROM unnest('{1,2}'::text[]) q;
SELECT l FROM regexp_split_to_table(foistats.response('bd_words', 'text'), E'\n') l WHERE l LIKE 'We counted%';
\pset format aligned
\pset tuples_only off
-- Why: with the Grand Total of 15 known, 2023's total is 15 - 8 = 7, and
-- C 2023 (a 4) and x 2023 and y 2023 (3 and 4) cannot be more than 7.
SELECT table_no, row_label, col_label, min, max
  FROM foistats.disclosure_audit_linked(
         ARRAY(SELECT replace(foistats.request_xtab('bd_words', q)::text, '; title:', '; grandtotal: 15; title:')::foistats.xtab
                 FROM unnest('{1,2}'::text[]) WITH ORDINALITY u(q, o) ORDER BY o),
         same_totals => '{2,NULL}')
 WHERE NOT meets_rule ORDER BY 1, 2, 3;
-- The tables in the document are request_xtab's, rendered as defined.
SELECT q, strpos(foistats.response('bd_words', 'text'), foistats.request_render('bd_words', q, 'text')) > 0 AS in_document
  FROM unnest('{1,2}'::text[]) q;

\set VERBOSITY terse
SET client_min_messages = warning;
SELECT count(foistats.drop_request(name)) AS dropped
  FROM unnest('{bd_alone,bd_pair,bd_pair_totals,bd_labels,bd_bad,bd_words,bd_count}'::text[]) name;
DROP SCHEMA bdfoi CASCADE;
DROP SCHEMA bdforce CASCADE;
DROP SCHEMA bdwfoi CASCADE;
DROP SCHEMA bdwforce CASCADE;
DROP TABLE bdspec;
DROP FUNCTION audit_questions(text);
