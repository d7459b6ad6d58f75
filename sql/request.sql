-- foistats.create_request_views(): the seed request, reproduced from the shipped
-- sample records through the request views, and compared cell by cell with the
-- published figures (test/fixtures/seed_cells.tsv, extracted from the seed by
-- test/data/extract_seed.py and checked against it by test/checks/seed_fixtures.sh).
\set with_sample
\i sql/include/records_prelude.sql

-- Bind the sample table (it already uses the interface's column names) and
-- create the question views for the request period, defined once.
SELECT foistats.bind_records('seed', 'foistats_sample.crimes');
SELECT foistats.create_request_views('seed', '2010-01-01', '2014-05-31');
SELECT * FROM seed.request_period;

CREATE TEMP TABLE published (question text, row_label text, col_label text, value bigint);
\copy published FROM 'test/fixtures/seed_cells.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true)

-- Every cell of a wide view, in the fixture's shape (zero cells omitted,
-- as the publication leaves them blank).
CREATE FUNCTION pg_temp.cells(q text, v regclass)
RETURNS TABLE (question text, row_label text, col_label text, value bigint)
LANGUAGE plpgsql AS $$
DECLARE
  label_col text := (SELECT attname FROM pg_attribute WHERE attrelid = v AND attnum = 1);
BEGIN
  RETURN QUERY EXECUTE format(
    'SELECT %L::text, t.%I::text, e.key, e.value::bigint
       FROM %s t, jsonb_each_text(to_jsonb(t) - %L) e
      WHERE e.value::bigint <> 0', q, label_col, v, label_col);
END $$;

-- Question 1, 1b, 1c: every published cell (incl. Grand Totals) against the
-- view, and every non-zero cell of the view against the publication.
CREATE TEMP VIEW comparison AS
SELECT question, row_label, col_label, p.value AS published, v.value AS view
  FROM (SELECT * FROM published WHERE question IN ('1', '1b', '1c')) p
  FULL JOIN (SELECT * FROM pg_temp.cells('1', 'seed.q1')
             UNION ALL SELECT * FROM pg_temp.cells('1b', 'seed.q1b')
             UNION ALL SELECT * FROM pg_temp.cells('1c', 'seed.q1c')) v
 USING (question, row_label, col_label);
SELECT question, count(*) AS cells_compared,
       count(*) FILTER (WHERE published IS NOT DISTINCT FROM view) AS equal,
       count(*) FILTER (WHERE published IS DISTINCT FROM view) AS different
  FROM comparison GROUP BY question ORDER BY question;
SELECT * FROM comparison WHERE published IS DISTINCT FROM view ORDER BY 1, 2, 3;

-- 1d: a number.
SELECT q.convictions, q.crimes AS of_1c_crimes, p.value AS published,
       q.convictions = p.value AS equal
  FROM seed.q1d q, published p WHERE p.question = '1d';

-- Question 3: the platform x year cells equal the published ones; the views'
-- totals add up, the published ones do not.  The differences, recorded
-- (the view's 'Grand Total (distinct crimes)' row against the published
-- 'Grand Total' row):
SELECT question, row_label, col_label, p.value AS published, v.value AS view,
       v.value - p.value AS view_minus_published
  FROM (SELECT * FROM published WHERE question = '3') p
  FULL JOIN (SELECT c.question, replace(c.row_label, ' (distinct crimes)', '') AS row_label,
                    c.col_label, c.value
               FROM pg_temp.cells('3', 'seed.q3') c
              WHERE c.row_label <> 'Grand Total (mentions)') v USING (question, row_label, col_label)
 WHERE p.value IS DISTINCT FROM v.value
 ORDER BY row_label = 'Grand Total', row_label, col_label;
SELECT * FROM seed.q3;

-- Records whose recorded ages contradict their offence title (question 1's
-- table is titled '18+ year olds', yet holds 'OFFENDER U18' titles).
SELECT count(*) AS conflicting_records,
       count(*) FILTER (WHERE offence ~ 'U18|UNDER ?18') AS offender_u18_titles
  FROM seed.scope_conflicts;
SELECT crime_ref, offence, victim_age, offender_age, conflicts
  FROM seed.scope_conflicts WHERE offence !~ 'U18|UNDER ?18' ORDER BY crime_ref;

-- Row order: Grand Total descending, ties by label (C collation), the total
-- row last.  Published rows with distinct totals come in the same order.
SELECT count(*) AS rows_checked,
       count(*) FILTER (WHERE ok) AS in_order
  FROM (SELECT "Grand Total" <= lag("Grand Total") OVER () OR lag("Grand Total") OVER () IS NULL
               OR offence = 'Grand Total' AS ok
          FROM seed.q1) o;
WITH v AS (SELECT offence, row_number() OVER () AS pos FROM seed.q1),
     p AS (SELECT row_label, value FROM published
            WHERE question = '1' AND col_label = 'Grand Total' AND row_label <> 'Grand Total')
SELECT count(*) AS pairs_with_different_totals,
       count(*) FILTER (WHERE (p1.value > p2.value) = (v1.pos < v2.pos)) AS same_order
  FROM p p1 JOIN p p2 ON p1.value <> p2.value AND p1.row_label < p2.row_label
  JOIN v v1 ON v1.offence = p1.row_label JOIN v v2 ON v2.offence = p2.row_label;

-- The views are plain views with typed columns (BI tools read them).
SELECT c.relname, c.relkind, count(*) AS columns,
       count(*) FILTER (WHERE a.attname ~ '^[0-9]{4}$' AND a.atttypid = 'bigint'::regtype) AS year_columns,
       obj_description(c.oid, 'pg_class') IS NOT NULL AS commented
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = 'seed'::regnamespace
 GROUP BY c.oid, c.relname, c.relkind ORDER BY c.relname;
SELECT string_agg(format('%s %s', a.attname, format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum) AS q1_columns
  FROM pg_attribute a WHERE a.attrelid = 'seed.q1'::regclass AND a.attnum > 0;

-- The same answers from a table with the force's own column names.
CREATE SCHEMA force_data;
CREATE TABLE force_data.crimes AS
SELECT crime_ref AS "CrimeNumber", recorded_on AS "Recorded", offence AS "OffenceTitle",
       ho_code AS "HOCode", victim_age::text AS "VicAge", offender_age::smallint AS "SusAge",
       markers AS "SIMs", mo AS "MOText", outcome AS "OutcomeType", convicted AS "Convicted",
       is_crime AS "IsCrime"
  FROM foistats_sample.crimes;
SELECT foistats.bind_records('seed_renamed', 'force_data.crimes',
  '{"crime_ref": "CrimeNumber", "recorded_on": "Recorded", "offence": "OffenceTitle",
    "ho_code": "HOCode", "victim_age": {"expr": "\"VicAge\"::integer"}, "offender_age": "SusAge", "markers": "SIMs",
    "mo": "MOText", "outcome": "OutcomeType", "convicted": "Convicted", "is_crime": "IsCrime"}');
SELECT count(*) AS views FROM foistats.create_request_views('seed_renamed', '2010-01-01', '2014-05-31');
SELECT u.v AS view,
       (SELECT count(*) FROM (
          (SELECT * FROM pg_temp.cells(v, format('seed.%I', v)::regclass)
           EXCEPT ALL SELECT * FROM pg_temp.cells(v, format('seed_renamed.%I', v)::regclass))
          UNION ALL
          (SELECT * FROM pg_temp.cells(v, format('seed_renamed.%I', v)::regclass)
           EXCEPT ALL SELECT * FROM pg_temp.cells(v, format('seed.%I', v)::regclass))) d) AS differing_cells,
       (SELECT count(*) FROM pg_temp.cells(v, format('seed.%I', v)::regclass)) AS cells
  FROM unnest(ARRAY['q1', 'q1b', 'q1c', 'q3']) u(v);
SELECT (SELECT row(q.*)::text FROM seed.q1d q) = (SELECT row(q.*)::text FROM seed_renamed.q1d q) AS q1d_equal;

-- A new period re-creates the views; the wide views get its years.
SELECT count(*) AS views FROM foistats.create_request_views('seed_renamed', '2012-01-01', '2013-12-31');
SELECT * FROM seed_renamed.request_period;
SELECT * FROM seed_renamed.q3;
SELECT (SELECT "Grand Total" FROM seed_renamed.q1 WHERE offence = 'Grand Total') AS q1_2012_2013,
       (SELECT "2012" + "2013" FROM seed.q1 WHERE offence = 'Grand Total') AS same_years_of_full_period;

-- Bad calls.
SELECT foistats.create_request_views('no_such_schema', '2010-01-01', '2014-05-31');
SELECT foistats.create_request_views('seed', '2014-05-31', '2010-01-01');
SELECT foistats.create_request_views('seed', NULL, '2010-01-01');

SET client_min_messages = warning;
DROP SCHEMA seed_renamed CASCADE;
DROP SCHEMA seed CASCADE;
DROP SCHEMA force_data CASCADE;
DROP EXTENSION foistats_sample;
