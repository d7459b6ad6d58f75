-- foistats.xtab(...) aggregates: counting rows into a cross-tab in one pass.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

-- A plain (not temporary) table, so that it can be scanned in parallel; it
-- lives in this test's own schema, dropped at the end.
CREATE SCHEMA xtab_agg_test;
CREATE TABLE xtab_agg_test.crime (id int, offence text, recorded_on date, platforms text[]);
SET search_path = xtab_agg_test, public;
-- 1200 crimes: offences A (every 2nd), B (every 3rd), C (the rest); dates
-- stepping 2 days from 2012-12-01, so they cross years, financial years,
-- quarters and months; every 5th has Facebook, every 7th Twitter.
INSERT INTO crime
SELECT i,
       CASE WHEN i % 2 = 0 THEN 'A' WHEN i % 3 = 0 THEN 'B' ELSE 'C' END,
       date '2012-12-01' + 2 * i,
       array_remove(ARRAY[CASE WHEN i % 5 = 0 THEN 'Facebook' END,
                          CASE WHEN i % 7 = 0 THEN 'Twitter' END], NULL)
  FROM generate_series(1, 1200) i;

-- By calendar year, bucketed in C; rows sorted by label, columns in order.
SELECT foistats.xtab(offence, recorded_on) FROM crime;
-- The same counts as GROUP BY.
SELECT offence, extract(year FROM recorded_on) AS year, count(*)
  FROM crime GROUP BY 1, 2 ORDER BY 1, 2;
SELECT (SELECT foistats.xtab(offence, recorded_on) FROM crime)::text =
       (SELECT foistats.xtab(offence, foistats.period(recorded_on, 'year')) FROM crime)::text
       AS same_as_period_text;

-- Other granularities: every bucket must agree with foistats.period().
SELECT g, (SELECT foistats.xtab(offence, recorded_on, g) FROM crime)::text =
          (SELECT foistats.xtab(offence, foistats.period(recorded_on, g)) FROM crime)::text
          AS agrees_with_period
  FROM unnest(ARRAY['year', 'fy', 'quarter', 'month']) g;
SELECT foistats.col_labels(foistats.xtab(offence, recorded_on, 'fy')) FROM crime;
SELECT foistats.col_labels(foistats.xtab(offence, recorded_on, 'quarter')) FROM crime;
SELECT foistats.xtab(offence, recorded_on, 'fy') FROM crime WHERE offence = 'B';

-- timestamp and timestamptz: the calendar date (of the session TimeZone).
SELECT foistats.xtab(offence, recorded_on::timestamp + interval '23 hours', 'month')::text =
       foistats.xtab(offence, recorded_on, 'month')::text AS timestamp_same
  FROM crime;
SET TimeZone = 'Europe/London';
SELECT foistats.xtab(o, ts) FROM (VALUES ('x', timestamptz '2013-12-31 23:30+00'),
                                         ('x', timestamptz '2013-12-31 23:30-01')) v(o, ts);
SET TimeZone = 'Asia/Tokyo';
SELECT foistats.xtab(o, ts) FROM (VALUES ('x', timestamptz '2013-12-31 23:30+00'),
                                         ('x', timestamptz '2013-12-31 23:30-01')) v(o, ts);
RESET TimeZone;

-- Integer and text columns.  Text columns that look like periods sort as
-- periods; other text by label; integers numerically.
SELECT foistats.xtab(offence, (id % 3) * 5) FROM crime;
SELECT foistats.xtab(k, c) FROM (VALUES ('r', '2014/15'), ('r', 'zebra'), ('r', '2013/14'),
                                        ('r', 'Apple'), ('r', '2014/15')) v(k, c);

-- Weighted: re-aggregating pre-counted data gives the same cross-tab.
SELECT (SELECT foistats.xtab(offence, recorded_on) FROM crime)::text =
       (SELECT foistats.xtab(offence, y, n)
          FROM (SELECT offence, recorded_on AS y, count(*) AS n FROM crime GROUP BY 1, 2) s)::text
       AS weighted_same;
SELECT foistats.xtab(k, d, 'fy', n)
  FROM (VALUES ('r', date '2014-03-31', 10::bigint), ('r', date '2014-04-01', 5),
               ('r', date '2014-04-02', NULL)) v(k, d, n);
SELECT foistats.xtab(k, d, n) FROM (VALUES ('r', date '2014-03-31', -1::bigint)) v(k, d, n);

-- NULLs: a NULL row label counts under '(blank)', a NULL column under the
-- column '(blank)', which sorts after the periods; a NULL weight skips the row.
SELECT foistats.xtab(k, d)
  FROM (VALUES ('r', date '2014-01-01'), (NULL, date '2014-01-01'), ('r', NULL),
               (NULL, NULL)) v(k, d);
-- No rows: an empty cross-tab, as count() gives 0.
SELECT foistats.xtab(offence, recorded_on) FROM crime WHERE false;

-- Multi-label: a crime with several labels counts once under each, and once
-- in its column's units (distinct crimes).  Duplicate labels in one array
-- count once; an empty array counts nowhere; NULL counts under '(blank)'.
SELECT foistats.xtab(platforms, recorded_on) FROM crime;
SELECT extract(year FROM recorded_on) AS year, count(*) AS crimes_with_a_platform,
       count(*) FILTER (WHERE 'Facebook' = ANY (platforms)) AS facebook,
       count(*) FILTER (WHERE 'Twitter' = ANY (platforms)) AS twitter
  FROM crime WHERE cardinality(platforms) > 0 GROUP BY 1 ORDER BY 1;
SELECT foistats.xtab(p, d, 'year')
  FROM (VALUES (ARRAY['a', 'a', 'b'], date '2013-05-01'), (ARRAY[]::text[], date '2013-05-01'),
               (NULL, date '2013-05-01'), (ARRAY['a', NULL], date '2013-05-01')) v(p, d);

-- Bad arguments.
SELECT foistats.xtab(offence, recorded_on, 'week') FROM crime;
SELECT foistats.xtab(offence, recorded_on, NULL::text) FROM crime;
SELECT foistats.xtab('x', date 'infinity');
SELECT foistats.xtab('x', 'not a period but ' || repeat('x', 10001));

-- Parallel: with parallel costs zeroed the planner runs the aggregate in
-- workers (Partial Aggregate) and combines the states (Finalize Aggregate).
\set leader off
\i sql/include/parallel_plans.sql
EXPLAIN (COSTS OFF) SELECT foistats.xtab(offence, recorded_on) FROM crime;
EXPLAIN (COSTS OFF) SELECT foistats.xtab(platforms, recorded_on, 'fy') FROM crime;
-- ... and gets the same answers as a serial plan.
-- (the leader does not participate, so partial states from the workers are
-- serialized, deserialized and combined)
SELECT foistats.xtab(offence, recorded_on)::text AS single,
       foistats.xtab(platforms, recorded_on, 'quarter')::text AS multi
  FROM crime \gset par_
\i sql/include/serial_plans.sql
SET max_parallel_workers_per_gather = 0;
SELECT :'par_single' = (SELECT foistats.xtab(offence, recorded_on)::text FROM crime)
         AS single_same,
       :'par_multi' = (SELECT foistats.xtab(platforms, recorded_on, 'quarter')::text FROM crime)
         AS multi_same;
RESET max_parallel_workers_per_gather;

-- Merging stored cross-tabs: per-offence pieces add up to the whole, with
-- xtab_merge or +; units add too.
SELECT foistats.xtab_merge(x)::text = (SELECT foistats.xtab(offence, recorded_on) FROM crime)::text
       AS merge_same
  FROM (SELECT foistats.xtab(offence, recorded_on) x FROM crime GROUP BY offence) s;
SELECT (SELECT foistats.xtab(offence, recorded_on) FROM crime WHERE id <= 600)
       OPERATOR(foistats.+)
       (SELECT foistats.xtab(offence, recorded_on) FROM crime WHERE id > 600);
SELECT foistats.xtab_merge(x)::text = (SELECT foistats.xtab(platforms, recorded_on) FROM crime)::text
       AS multi_merge_same
  FROM (SELECT foistats.xtab(platforms, recorded_on) x FROM crime GROUP BY id % 4) s;
SELECT foistats.xtab_merge(x) FROM (VALUES (NULL::foistats.xtab)) v(x);
SELECT '{cols: "2013"; rows: "a" 1; grandtotal: 1}'::foistats.xtab
       OPERATOR(foistats.+) '{cols: "2014"; rows: "b" 2; title: "t"}'::foistats.xtab;
SELECT '{cols: "2013"; rows: "a" 9223372036854775807}'::foistats.xtab
       OPERATOR(foistats.+) '{cols: "2013"; rows: "a" 1}'::foistats.xtab;

-- Limits: 1,000,000 distinct rows work (about 110 MB of aggregate state
-- for short labels and one column, about 150 MB for 45-byte labels by 5
-- years; the backend peaks at about 260 MB / 400 MB with the result value and
-- its reading here); past 2,000,000 distinct row labels the aggregate stops
-- with a clear error.
SELECT foistats.grand_total(x), array_length(foistats.row_labels(x), 1) AS nrows
  FROM (SELECT foistats.xtab('r' || i, date '2013-01-01') AS x
          FROM generate_series(1, 1000000) i) s;
SELECT foistats.grand_total(foistats.xtab('r' || i, 2013))
  FROM generate_series(1, 2000001) i;
-- Cancellation is honoured while aggregating (statement_timeout fires).
SET statement_timeout = '50ms';
SELECT foistats.grand_total(foistats.xtab('r' || i, 2013)) FROM generate_series(1, 3000000) i;
RESET statement_timeout;

-- The fast path's label memo keys on a label's length and first and last 8
-- bytes; labels alike in all three (one memo slot) must still count apart,
-- in any interleaving, and equal the plain GROUP BY.
CREATE TEMP TABLE memo_clash AS
SELECT 'SEXUAL ACT ' || (ARRAY['A', 'B', 'C', 'D'])[1 + i % 4] || ' OFFENDER 18+' AS offence,
       date '2012-01-01' + (i * 97) % 1000 AS recorded_on
  FROM generate_series(1, 4000) i;
SELECT count(DISTINCT length(offence)) AS lengths, count(DISTINCT left(offence, 8)) AS prefixes,
       count(DISTINCT right(offence, 8)) AS suffixes, count(DISTINCT offence) AS labels
  FROM memo_clash;
SELECT r.row_label, r.col_label, r.n, g.n AS group_by
  FROM (SELECT foistats.xtab(offence, recorded_on) AS x FROM memo_clash) s,
       foistats.rows(s.x) r
  FULL JOIN (SELECT offence, extract(year FROM recorded_on)::text AS yr, count(*) AS n
               FROM memo_clash GROUP BY 1, 2) g ON g.offence = r.row_label AND g.yr = r.col_label
 WHERE r.n IS DISTINCT FROM g.n OR r.row_label LIKE '%A OFFENDER%'
 ORDER BY 1, 2;

-- The fast path compares a label of 8 to 48 bytes with a copy of the row's
-- label laid out in three 16-byte blocks (src/xtab_agg.c, IMAGE_MAX), and
-- its memo points at each row's cells.  Labels of every length from 1 to
-- 60, three of each length differing only in their middle character (alike
-- in length and first and last 8 bytes from 17 bytes on), a new label
-- every 150 rows and a new year every 1,000 (3 days a year, so days repeat
-- and the fast path runs between): the matrix grows wider (8 -> 16 -> 32
-- columns) and longer (64 -> 128 -> 256 rows) while the memo points into
-- it, and every cell must still equal the plain GROUP BY (zero where
-- GROUP BY has no row).
CREATE TEMP TABLE memo_lengths AS
SELECT overlay(repeat('m', len) placing v::text from (len + 1) / 2 for 1) AS offence,
       make_date(1990 + (i * 7) % (1 + i / 1000), 1 + i % 3, 1) AS recorded_on
  FROM generate_series(1, 30000) i,
       LATERAL (SELECT i % (1 + least(179, i / 150)) AS k) k,
       LATERAL (SELECT 1 + k % 60 AS len, (k / 60) % 3 AS v) l;
SELECT count(DISTINCT offence) AS labels, min(length(offence)) AS shortest,
       max(length(offence)) AS longest, count(DISTINCT extract(year FROM recorded_on)) AS years
  FROM memo_lengths;
SELECT count(*) AS cells, count(*) FILTER (WHERE r.n IS DISTINCT FROM coalesce(g.n, 0)) AS differing,
       count(*) FILTER (WHERE g.n > 0) AS nonzero, sum(r.n) AS counted
  FROM (SELECT foistats.xtab(offence, recorded_on) AS x FROM memo_lengths) s,
       foistats.rows(s.x) r
  FULL JOIN (SELECT offence, extract(year FROM recorded_on)::text AS yr, count(*) AS n
               FROM memo_lengths GROUP BY 1, 2) g ON g.offence = r.row_label AND g.yr = r.col_label;

-- A label stored out of line (TOAST) is read as its text, not as the
-- pointer to it (3,200 characters, kept out of line uncompressed).
CREATE TEMP TABLE long_label (offence text, recorded_on date);
ALTER TABLE long_label ALTER COLUMN offence SET STORAGE EXTERNAL;
INSERT INTO long_label
SELECT string_agg(md5(k::text), '' ORDER BY k), date '2013-05-01'
  FROM generate_series(1, 100) k, generate_series(1, 3) copy GROUP BY copy;
SELECT pg_column_size(offence) > 2000 AS stored_long, count(*) FROM long_label GROUP BY 1;
SELECT length(r.row_label) AS label_length, r.row_label = (SELECT min(offence) FROM long_label) AS same_text,
       r.col_label, r.n
  FROM (SELECT foistats.xtab(offence, recorded_on) AS x FROM long_label) s, foistats.rows(s.x) r;

RESET search_path;
DROP SCHEMA xtab_agg_test CASCADE;
