-- Run by test/scale/citus.sh on the coordinator of a Citus cluster with two
-- workers and foistats on every node, after test/scale/records.sql (which
-- made records_local, the single-node table) and common.sql.  Distributes a
-- copy by crime reference over 32 shards, then checks that the xtab
-- aggregates are pushed down and give exactly the single-node answers, and
-- times both.

-- The distributed copy: 32 shards by crime reference.
CREATE TABLE records (LIKE records_local);
SELECT create_distributed_table('records', 'crime_ref', shard_count => 32) \gset
INSERT INTO records SELECT * FROM records_local;
VACUUM ANALYZE records_local;
VACUUM ANALYZE records;
SELECT (SELECT count(*) FROM records) AS rows,
       (SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'records'::regclass) AS shards,
       (SELECT count(DISTINCT nodeport) FROM pg_dist_shard_placement p
          JOIN pg_dist_shard s USING (shardid) WHERE s.logicalrelid = 'records'::regclass)
         AS workers,
       pg_size_pretty(citus_table_size('records')) AS size;

-- Pushed down: the workers run worker_partial_agg (the transition function
-- on each shard, the partial state sent back as an xtab value) and the
-- coordinator coord_combine_agg (combine function, then final function).
CREATE TEMP TABLE query (name text PRIMARY KEY, sql text, local_sql text);
INSERT INTO query VALUES
  ('xtab(text, date)',
   'SELECT foistats.xtab(offence, recorded_on) FROM records',
   'SELECT foistats.xtab(offence, recorded_on) FROM records_local'),
  ('xtab(text[], date, ''quarter'') multi-label',
   'SELECT foistats.xtab(platforms, recorded_on, ''quarter'') FROM records',
   'SELECT foistats.xtab(platforms, recorded_on, ''quarter'') FROM records_local'),
  ('xtab(text, date, ''fy'') GROUP BY year (not the distribution column)',
   'SELECT extract(year FROM recorded_on) y, foistats.xtab(offence, recorded_on, ''fy'') FROM records GROUP BY 1',
   'SELECT extract(year FROM recorded_on) y, foistats.xtab(offence, recorded_on, ''fy'') FROM records_local GROUP BY 1');

\echo
\echo '== EXPLAIN (VERBOSE): the distributed plan of SELECT foistats.xtab(offence, recorded_on) FROM records'
SELECT plan_of('SELECT foistats.xtab(offence, recorded_on) FROM records') AS plan \gset
\echo :plan

SELECT name,
       plan_of(sql) LIKE '%coord_combine_agg(%' AS combined_on_coordinator,
       plan_of(sql) LIKE '%worker_partial_agg(%' AS partial_on_shards,
       plan_of(sql) NOT LIKE '%read_intermediate_result%' AS no_rows_shipped
  FROM query ORDER BY name;

-- Equal answers: every distributed answer is the single-node answer.
CREATE TEMP TABLE answer AS SELECT name, NULL::text AS distributed, NULL::text AS single FROM query;
DO $$
DECLARE
  q record;
  d text;
  s text;
BEGIN
  FOR q IN SELECT * FROM query LOOP
    -- all rows of the answer as one text, in a fixed order
    EXECUTE format('SELECT string_agg(a::text, E''\n'' ORDER BY a::text) FROM (%s) a', q.sql) INTO d;
    EXECUTE format('SELECT string_agg(a::text, E''\n'' ORDER BY a::text) FROM (%s) a', q.local_sql)
      INTO s;
    UPDATE answer SET distributed = d, single = s WHERE name = q.name;
  END LOOP;
END $$;
SELECT name, distributed = single AS equal, octet_length(distributed) AS answer_bytes FROM answer ORDER BY name;
SELECT bool_and(distributed = single) AS all_equal FROM answer \gset
\if :all_equal
\else
\echo 'FAILED: a distributed answer differs from the single-node answer'
\quit 1
\endif

-- xtab_merge over per-shard values.  (1) One xtab per shard, computed on
-- the workers by run_command_on_shards (the native aggregate, no Citus
-- wrapper per row), sent as text and merged on the coordinator.  (2) A
-- distributed table of stored monthly xtabs (what a roll-up keeps): the
-- xtab_merge aggregate is pushed down to its shards like xtab.
\echo
\echo '== xtab_merge of per-shard and per-month values'
CREATE TABLE monthly AS
SELECT date_trunc('month', recorded_on)::date AS month,
       foistats.xtab(offence, recorded_on) AS x
  FROM records GROUP BY 1;
SELECT create_distributed_table('monthly', 'month', shard_count => 32) \gset
SELECT (SELECT count(*) FROM monthly) AS monthly_values,
       plan_of('SELECT foistats.xtab_merge(x) FROM monthly') LIKE '%worker_partial_agg(%'
         AND plan_of('SELECT foistats.xtab_merge(x) FROM monthly') LIKE '%coord_combine_agg(%'
         AS merge_pushed_down,
       (SELECT foistats.xtab_merge(x)::text FROM monthly) =
         (SELECT foistats.xtab(offence, recorded_on)::text FROM records_local) AS merge_monthly_equal,
       (SELECT foistats.xtab_merge(result::foistats.xtab)::text
          FROM run_command_on_shards('records',
                 $q$SELECT foistats.xtab(offence, recorded_on) FROM %s$q$)) =
         (SELECT foistats.xtab(offence, recorded_on)::text FROM records_local) AS merge_per_shard_equal,
       (SELECT foistats.xtab_merge(result::foistats.xtab)::text
          FROM run_command_on_shards('records',
                 $q$SELECT foistats.xtab(platforms, recorded_on, 'quarter') FROM %s$q$)) =
         (SELECT foistats.xtab(platforms, recorded_on, 'quarter')::text FROM records_local)
         AS merge_multi_equal
\gset
\echo monthly values :monthly_values, xtab_merge pushed down: :merge_pushed_down
\echo equal to the single-node answer: monthly :merge_monthly_equal, per shard :merge_per_shard_equal, multi-label per shard :merge_multi_equal
\if :merge_pushed_down
\else
\echo 'FAILED: xtab_merge is not pushed down'
\quit 1
\endif
SELECT :'merge_monthly_equal'::bool AND :'merge_per_shard_equal'::bool
       AND :'merge_multi_equal'::bool AS merges_equal \gset
\if :merges_equal
\else
\echo 'FAILED: a merged answer differs from the single-node answer'
\quit 1
\endif
SELECT bool_and(plan_of(sql) LIKE '%coord_combine_agg(%' AND plan_of(sql) LIKE '%worker_partial_agg(%')
         AS all_pushed_down FROM query \gset
\if :all_pushed_down
\else
\echo 'FAILED: an xtab aggregate is not pushed down'
\quit 1
\endif

-- How xtab ran on Citus while its state was internal: the same C functions
-- declared with an internal state, which Citus does not push down, so the
-- shards send their rows to the coordinator and it aggregates them.
CREATE FUNCTION xtab_internal_trans(internal, text, date) RETURNS internal
  AS 'foistats', 'xtab_agg_trans' LANGUAGE C IMMUTABLE;
CREATE FUNCTION xtab_internal_final(internal) RETURNS foistats.xtab
  AS 'foistats', 'xtab_agg_final' LANGUAGE C IMMUTABLE;
CREATE AGGREGATE xtab_internal(text, date) (
  SFUNC = xtab_internal_trans, STYPE = internal, FINALFUNC = xtab_internal_final);
\echo
\echo '== EXPLAIN (VERBOSE) of the same aggregate with an internal state: not pushed down'
SELECT plan_of('SELECT xtab_internal(offence, recorded_on) FROM records') AS plan \gset
\echo :plan
SELECT plan_of('SELECT xtab_internal(offence, recorded_on) FROM records') NOT LIKE '%worker_partial_agg(%'
         AS internal_state_not_pushed_down,
       (SELECT xtab_internal(offence, recorded_on)::text FROM records) =
         (SELECT foistats.xtab(offence, recorded_on)::text FROM records_local) AS internal_state_equal;

-- The request functions over distributed records: the distributed table and
-- the single-node one bound as records views, one stored request of two
-- questions (offences by year; platforms mentioned by quarter, multi-label),
-- answered over each.  The question's query (request_sql) is pushed down to
-- the shards like the bare aggregate, and request_xtab gives the single-node
-- answer exactly.
\echo
\echo '== request functions over the distributed records'
SET client_min_messages = warning;
SELECT foistats.bind_records('dist', 'records', '{"is_crime": {"value": true}}') IS NOT NULL AS bound_distributed,
       foistats.bind_records('single', 'records_local', '{"is_crime": {"value": true}}') IS NOT NULL AS bound_single;
SELECT foistats.define_request('scale', $${
  "title": "Offences recorded, 2010-2014", "period": {"from": "2010-01-01", "to": "2014-12-31"},
  "columns": "year", "fields": {"platforms": "text[]"},
  "questions": [
    {"id": "1", "title": "Offences by year", "rows": "offence"},
    {"id": "2", "title": "Platforms mentioned by quarter", "rows": {"expr": "platforms"}, "columns": "quarter"}
  ]}$$) IS NOT NULL AS defined;
RESET client_min_messages;
SELECT q, plan_of(replace(replace(replace(p.count_sql, '$1', quote_literal('2010-01-01') || '::date'),
                                  '$2', quote_literal('2014-12-31') || '::date'), '$3', quote_literal('2010-2014')))
          LIKE '%worker_partial_agg(%' AS request_query_pushed_down,
       foistats.request_xtab('scale', q, 'dist.records')::text
         = foistats.request_xtab('scale', q, 'single.records')::text AS request_xtab_equal,
       foistats.grand_total(foistats.request_xtab('scale', q, 'dist.records')) AS grand_total
  FROM unnest(ARRAY['1', '2']) q,
       LATERAL foistats.request_sql('scale', foistats.request_spec('scale'), q, 'dist.records') p
 ORDER BY q;
SELECT bool_and(foistats.request_xtab('scale', q, 'dist.records')::text
                = foistats.request_xtab('scale', q, 'single.records')::text) AS requests_equal,
       bool_and(plan_of(replace(replace(replace(p.count_sql, '$1', quote_literal('2010-01-01') || '::date'),
                                        '$2', quote_literal('2014-12-31') || '::date'), '$3', quote_literal('2010-2014')))
                LIKE '%worker_partial_agg(%') AS requests_pushed_down
  FROM unnest(ARRAY['1', '2']) q,
       LATERAL foistats.request_sql('scale', foistats.request_spec('scale'), q, 'dist.records') p \gset
\echo request_xtab over distributed records equal to single node: :requests_equal, pushed down: :requests_pushed_down
\if :requests_equal
\else
\echo 'FAILED: a request answered over distributed records differs from the single-node answer'
\quit 1
\endif
\if :requests_pushed_down
\else
\echo 'FAILED: a request question is not pushed down'
\quit 1
\endif

-- Timings, best of :reps after a warm-up, the contenders in turn each round.
-- "rows shipped" is xtab_internal above: how xtab ran before it was pushed
-- down.  run_command_on_shards opens a connection per shard.
CREATE TEMP TABLE contender (name text PRIMARY KEY, setup text, sql text);
INSERT INTO contender VALUES
  ('single node: count(*)', 'SET max_parallel_workers_per_gather = 0',
   'SELECT count(*) FROM records_local'),
  ('single node: xtab', 'SET max_parallel_workers_per_gather = 0',
   'SELECT foistats.xtab(offence, recorded_on) FROM records_local'),
  ('single node: xtab, 2 parallel workers',
   'SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0',
   'SELECT foistats.xtab(offence, recorded_on) FROM records_local'),
  ('single node: xtab multi-label', 'SET max_parallel_workers_per_gather = 0',
   'SELECT foistats.xtab(platforms, recorded_on, ''quarter'') FROM records_local'),
  ('citus: count(*)', 'SET max_parallel_workers_per_gather = 0',
   'SELECT count(*) FROM records'),
  ('citus: xtab pushed down', 'SET max_parallel_workers_per_gather = 0',
   'SELECT foistats.xtab(offence, recorded_on) FROM records'),
  ('citus: xtab multi-label pushed down', 'SET max_parallel_workers_per_gather = 0',
   'SELECT foistats.xtab(platforms, recorded_on, ''quarter'') FROM records'),
  ('citus: xtab, rows shipped to the coordinator', 'SET max_parallel_workers_per_gather = 0',
   'SELECT xtab_internal(offence, recorded_on) FROM records'),
  ('citus: xtab_merge of per-shard xtabs', 'SET max_parallel_workers_per_gather = 0',
   $q$SELECT foistats.xtab_merge(result::foistats.xtab) FROM run_command_on_shards('records', 'SELECT foistats.xtab(offence, recorded_on) FROM %s')$q$),
  ('citus: xtab_merge of monthly xtabs', 'SET max_parallel_workers_per_gather = 0',
   'SELECT foistats.xtab_merge(x) FROM monthly'),
  ('citus: request_xtab (question 1)', 'SET max_parallel_workers_per_gather = 0',
   $q$SELECT foistats.request_xtab('scale', '1', 'dist.records')$q$),
  ('single node: request_xtab (question 1)', 'SET max_parallel_workers_per_gather = 0',
   $q$SELECT foistats.request_xtab('scale', '1', 'single.records')$q$);
CALL time_contenders(:reps);
\echo
\echo '== timings (ms, best and worst of' :reps 'runs;' :rows 'rows)'
SELECT name, round(best::numeric, 1) AS best_ms, round(worst::numeric, 1) AS worst_ms,
       round((best / (SELECT best FROM timing WHERE name = 'single node: xtab'))::numeric, 2)
         AS vs_single_node_xtab
  FROM timing ORDER BY name;
