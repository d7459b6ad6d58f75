-- Run by test/scale/fdw.sh on the coordinator, after test/scale/records.sql
-- (records_local: all the rows, the one-server answer) and common.sql.  Servers shard1 and
-- shard2 (postgres_fdw, extensions 'foistats') each hold the rows of one
-- half of the crime references in their table records; the coordinator sees
-- them as foreign tables records_1 and records_2.

CREATE FOREIGN TABLE records_1 (crime_ref text, offence text, recorded_on date, platforms text[])
  SERVER shard1 OPTIONS (table_name 'records');
CREATE FOREIGN TABLE records_2 (crime_ref text, offence text, recorded_on date, platforms text[])
  SERVER shard2 OPTIONS (table_name 'records');
ANALYZE records_local;
SELECT (SELECT count(*) FROM records_1) AS shard1_rows, (SELECT count(*) FROM records_2) AS shard2_rows,
       (SELECT count(*) FROM records_local) AS coordinator_rows;
SELECT (SELECT count(*) FROM records_1) + (SELECT count(*) FROM records_2) =
       (SELECT count(*) FROM records_local) AS shards_hold_every_row \gset
\if :shards_hold_every_row
\else
\echo 'FAILED: the shards do not hold the rows of records_local'
\quit 1
\endif

-- Each shard computes its own xtab (postgres_fdw ships the aggregate: the
-- plan shows a Foreign Scan per shard whose remote SQL is the aggregate);
-- the values come back in xtab's text form and xtab_merge adds them.
\echo
\echo '== EXPLAIN (VERBOSE): each shard aggregates its rows, the coordinator merges'
EXPLAIN (VERBOSE, COSTS OFF)
SELECT foistats.xtab_merge(x) FROM (
  SELECT foistats.xtab(offence, recorded_on) AS x FROM records_1
  UNION ALL
  SELECT foistats.xtab(offence, recorded_on) FROM records_2) s;

CREATE TEMP TABLE query (name text PRIMARY KEY, merged text, single text);
INSERT INTO query VALUES
  ('xtab(text, date)',
   $q$SELECT foistats.xtab_merge(x) FROM (
        SELECT foistats.xtab(offence, recorded_on) AS x FROM records_1 UNION ALL
        SELECT foistats.xtab(offence, recorded_on) FROM records_2) s$q$,
   'SELECT foistats.xtab(offence, recorded_on) FROM records_local'),
  ('xtab(text[], date, ''quarter'') multi-label',
   $q$SELECT foistats.xtab_merge(x) FROM (
        SELECT foistats.xtab(platforms, recorded_on, 'quarter') AS x FROM records_1 UNION ALL
        SELECT foistats.xtab(platforms, recorded_on, 'quarter') FROM records_2) s$q$,
   $q$SELECT foistats.xtab(platforms, recorded_on, 'quarter') FROM records_local$q$),
  ('xtab(text, date, ''month'') + operator',
   $q$SELECT (SELECT foistats.xtab(offence, recorded_on, 'month') FROM records_1) OPERATOR(foistats.+)
             (SELECT foistats.xtab(offence, recorded_on, 'month') FROM records_2)$q$,
   $q$SELECT foistats.xtab(offence, recorded_on, 'month') FROM records_local$q$);

CREATE TEMP TABLE answer AS
SELECT name,
       plan_of(merged) ~ 'Remote SQL: SELECT foistats\.xtab\(' AS aggregated_on_shards,
       NULL::text AS merged, NULL::text AS single
  FROM query;
DO $$
DECLARE
  q record;
  m text;
  s text;
BEGIN
  FOR q IN SELECT * FROM query LOOP
    EXECUTE q.merged INTO m;
    EXECUTE q.single INTO s;
    UPDATE answer SET merged = m, single = s WHERE name = q.name;
  END LOOP;
END $$;
SELECT name, aggregated_on_shards, merged = single AS equal, octet_length(merged) AS answer_bytes
  FROM answer ORDER BY name;
SELECT bool_and(aggregated_on_shards) AS all_remote, bool_and(merged = single) AS all_equal
  FROM answer \gset
\if :all_remote
\else
\echo 'FAILED: a shard did not compute its xtab remotely'
\quit 1
\endif
\if :all_equal
\else
\echo 'FAILED: a merged answer differs from the one-server answer'
\quit 1
\endif

-- Timings, best and worst of :reps after a warm-up.
CREATE TEMP TABLE contender (name text PRIMARY KEY, setup text DEFAULT '', sql text);
INSERT INTO contender (name, sql) VALUES
  ('one server: xtab', 'SELECT foistats.xtab(offence, recorded_on) FROM records_local'),
  ('two shards: xtab each, merged', (SELECT merged FROM query WHERE name = 'xtab(text, date)')),
  ('two shards: rows fetched, xtab on the coordinator',
   $q$SELECT foistats.xtab(offence, recorded_on) FROM (
        SELECT offence, recorded_on FROM records_1 UNION ALL
        SELECT offence, recorded_on FROM records_2) s$q$);
CALL time_contenders(:reps);
\echo
\echo '== timings (ms, best and worst of' :reps 'runs)'
SELECT name, round(best::numeric, 1) AS best_ms, round(worst::numeric, 1) AS worst_ms,
       round((best / (SELECT best FROM timing WHERE name = 'one server: xtab'))::numeric, 2)
         AS vs_one_server
  FROM timing ORDER BY name;
