-- The aggregate state of foistats.xtab(...) and xtab_merge is the xtab type
-- itself, held while aggregating as an expanded object that the transition
-- function changes in place (src/xtab_agg.c).  These are the ways the
-- executor hands such a state around: each must give the plain answer.
\set schema xtab_state_test
\i sql/include/schema_prelude.sql
CREATE TABLE crime (id int, offence text, recorded_on date);
INSERT INTO crime
SELECT i, (ARRAY['ASSAULT OCCASIONING ACTUAL BODILY HARM', 'THEFT FROM THE PERSON OF ANOTHER',
                 'ARSON', 'CRIMINAL DAMAGE TO A DWELLING'])[1 + i % 4],
       date '2012-03-01' + (i * 37) % 1500
  FROM generate_series(1, 2000) i;
ANALYZE crime;
CREATE TEMP TABLE expected AS
SELECT foistats.xtab(offence, recorded_on)::text AS x FROM crime;

-- Two aggregates with the same arguments share one state; the final
-- function leaves it as it was.
SELECT foistats.xtab(offence, recorded_on)::text = foistats.xtab(offence, recorded_on, 'year')::text
         AS same_twice,
       foistats.grand_total(foistats.xtab(offence, recorded_on)) AS grand_total
  FROM crime;

-- A window: the final function reads the state after every row, and the
-- state keeps growing.
SELECT id, foistats.grand_total(foistats.xtab(offence, recorded_on) OVER (ORDER BY id))
  FROM crime WHERE id <= 5 ORDER BY id;

-- An aggregate without a final function returns the state itself: each
-- row's value is flattened on its way out while the state goes on changing.
CREATE AGGREGATE xtab_state(text, date) (
  SFUNC = foistats.xtab_agg_trans, STYPE = foistats.xtab);
SELECT id, foistats.grand_total(s), foistats.row_labels(s)
  FROM (SELECT id, xtab_state(offence, recorded_on) OVER (ORDER BY id) s FROM crime) w
 WHERE id <= 5 ORDER BY id;

-- An initial value: the first row starts from a flat xtab.
CREATE AGGREGATE xtab_from_five(text, date) (
  SFUNC = foistats.xtab_agg_trans, STYPE = foistats.xtab,
  FINALFUNC = foistats.xtab_agg_final, INITCOND = '{cols: "2013"; rows: "ARSON" 5}');
SELECT foistats.grand_total(xtab_from_five(offence, recorded_on)) AS with_five,
       foistats.grand_total(foistats.xtab(offence, recorded_on)) + 5 AS expected
  FROM crime;

-- Many groups, hashed with a tiny work_mem (the hash table spills to disk
-- and is rebuilt), against sorted grouping.
SET work_mem = '64kB';
SET enable_sort = off;
CREATE TEMP TABLE hashed AS
SELECT id % 300 AS g, foistats.xtab(offence, recorded_on)::text AS x FROM crime GROUP BY 1;
RESET enable_sort;
SET enable_hashagg = off;
SELECT count(*) AS groups, bool_and(h.x = s.x) AS hashed_equals_sorted
  FROM hashed h
  JOIN (SELECT id % 300 AS g, foistats.xtab(offence, recorded_on)::text AS x
          FROM crime GROUP BY 1) s USING (g);
RESET enable_hashagg;
RESET work_mem;

-- Grouping sets: one state per set, all reset between passes.
SELECT offence, count(*) AS rows,
       foistats.grand_total(foistats.xtab(offence, recorded_on)) AS grand_total
  FROM crime GROUP BY ROLLUP (offence) ORDER BY offence NULLS LAST;

-- Ordered input, FILTER, and xtab_merge over values computed per group.
SELECT (SELECT foistats.xtab(offence, recorded_on ORDER BY id DESC)::text FROM crime) =
         (SELECT x FROM expected) AS ordered_same,
       (SELECT foistats.grand_total(foistats.xtab(offence, recorded_on) FILTER (WHERE id % 2 = 0))
          FROM crime) AS even_rows,
       (SELECT foistats.xtab_merge(x)::text
          FROM (SELECT foistats.xtab(offence, recorded_on) x FROM crime GROUP BY id % 7) s) =
         (SELECT x FROM expected) AS merged_same;

-- Partition-wise aggregation: each partition's Partial Aggregate hands its
-- state straight to the Finalize Aggregate's combine function (no Gather).
CREATE TABLE crime_p (id int, offence text, recorded_on date) PARTITION BY RANGE (id);
CREATE TABLE crime_p1 PARTITION OF crime_p FOR VALUES FROM (MINVALUE) TO (1000);
CREATE TABLE crime_p2 PARTITION OF crime_p FOR VALUES FROM (1000) TO (MAXVALUE);
INSERT INTO crime_p SELECT * FROM crime;
ANALYZE crime_p;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT foistats.xtab(offence, recorded_on) FROM crime_p;
SELECT (SELECT foistats.xtab(offence, recorded_on)::text FROM crime_p) = (SELECT x FROM expected)
         AS partitionwise_same,
       (SELECT foistats.xtab_merge(x)::text
          FROM (SELECT foistats.xtab(offence, recorded_on) x FROM crime_p GROUP BY id % 5) s) =
         (SELECT x FROM expected) AS merged_same;
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;

-- Parallel, the leader taking part: the Finalize Aggregate combines the
-- workers' flattened states and the leader's own expanded one.
CREATE TABLE crime_big AS SELECT * FROM crime, generate_series(1, 20) k;
ANALYZE crime_big;
\set leader on
\i sql/include/parallel_plans.sql
EXPLAIN (COSTS OFF) SELECT foistats.xtab(offence, recorded_on) FROM crime_big;
SELECT foistats.xtab(offence, recorded_on)::text AS x FROM crime_big \gset par_
\i sql/include/serial_plans.sql
SELECT :'par_x' = (SELECT foistats.xtab(offence, recorded_on, 'year')::text FROM crime_big)
         AS parallel_same;

-- The support functions are callable from SQL but work only inside an
-- aggregate.
SELECT foistats.xtab_agg_trans(NULL, 'ARSON', date '2013-01-01');
SELECT foistats.xtab_agg_combine('{}', '{}');
SELECT foistats.xtab_agg_final('{}');

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA xtab_state_test CASCADE;
RESET client_min_messages;
