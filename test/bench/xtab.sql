-- Benchmark of foistats.xtab against count(*), GROUP BY and tablefunc's
-- crosstab(), on 10M rows of ~45-byte offence titles (80 distinct) with a
-- date in 2010-2014.  Run by test/bench/xtab.sh; prints ratios measured in
-- this one run (best of :reps runs each, after a warm-up run).  Nine runs:
-- on the shared 2-core machine five were not enough for every contender to
-- get one run without load from elsewhere (xtab's best of five came out
-- above xtab_render's, which does xtab's work and more).
\set default_rows 10000000
\set default_reps 9
\ir prelude.sql
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS tablefunc;
RESET client_min_messages;

CREATE TABLE bench_offence AS
SELECT k, rpad(upper(substr(md5(k::text), 1, 6)) || ' OFFENCE AGAINST THE PERSON NO ' || k, 45, '.')
         AS title
  FROM generate_series(1, 80) k;
CREATE TABLE bench_crime AS
SELECT o.title AS offence, date '2010-01-01' + (random() * 1825)::int AS recorded_on
  FROM (SELECT (random() * 79)::int + 1 AS k FROM generate_series(1, :rows)) r
  JOIN bench_offence o USING (k);
VACUUM (FREEZE, ANALYZE) bench_crime;
-- exactly two workers whenever the plan is parallel
ALTER TABLE bench_crime SET (parallel_workers = 2);
SELECT count(*) AS rows, count(DISTINCT offence) AS offences,
       round(avg(octet_length(offence))) AS avg_title_bytes,
       min(recorded_on), max(recorded_on),
       pg_size_pretty(pg_relation_size('bench_crime')) AS table_size
  FROM bench_crime;

-- The contenders: name, settings, query.  Single-process runs have no
-- parallel workers; the 2-worker runs force a parallel plan.
CREATE TEMP TABLE contender (name text PRIMARY KEY, setup text, query text);
INSERT INTO contender VALUES
  ('count', 'SET max_parallel_workers_per_gather = 0',
   'SELECT count(*) FROM bench_crime'),
  ('xtab', 'SET max_parallel_workers_per_gather = 0',
   'SELECT foistats.xtab(offence, recorded_on) FROM bench_crime'),
  ('count_columns', 'SET max_parallel_workers_per_gather = 0',
   'SELECT count(offence), count(recorded_on) FROM bench_crime'),
  ('group_by', 'SET max_parallel_workers_per_gather = 0',
   'SELECT offence, extract(year FROM recorded_on), count(*) FROM bench_crime GROUP BY 1, 2'),
  ('crosstab', 'SET max_parallel_workers_per_gather = 0',
   $q$SELECT * FROM crosstab(
        'SELECT offence, extract(year FROM recorded_on)::int, count(*) FROM bench_crime
          GROUP BY 1, 2 ORDER BY 1, 2',
        'SELECT generate_series(2010, 2014)')
      AS ct(offence text, "2010" bigint, "2011" bigint, "2012" bigint,
            "2013" bigint, "2014" bigint)$q$),
  ('xtab_fy', 'SET max_parallel_workers_per_gather = 0',
   'SELECT foistats.xtab(offence, recorded_on, ''fy'') FROM bench_crime'),
  ('xtab_render', 'SET max_parallel_workers_per_gather = 0',
   'SELECT foistats.render(foistats.xtab(offence, recorded_on)) FROM bench_crime'),
  ('xtab_2_workers', 'SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET parallel_leader_participation = on',
   'SELECT foistats.xtab(offence, recorded_on) FROM bench_crime'),
  ('xtab_2_workers_no_leader', 'SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET parallel_leader_participation = off',
   'SELECT foistats.xtab(offence, recorded_on) FROM bench_crime'),
  ('count_2_workers', 'SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET parallel_leader_participation = on',
   'SELECT count(*) FROM bench_crime');

-- Best of :reps after a warm-up (best_of.sql).
\ir best_of.sql
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET parallel_leader_participation;

SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
EXPLAIN (COSTS OFF) SELECT foistats.xtab(offence, recorded_on) FROM bench_crime;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;

-- the answers agree (xtab vs GROUP BY)
SELECT (SELECT foistats.xtab(offence, recorded_on)::text FROM bench_crime) =
       (SELECT foistats.xtab(offence, y, n)::text
          FROM (SELECT offence, extract(year FROM recorded_on)::int::text AS y, count(*) AS n
                  FROM bench_crime GROUP BY 1, 2) s) AS xtab_equals_group_by;
-- ... and crosstab()'s table is the same, row by row (an offence with no
-- crime in a year is NULL there, 0 in xtab)
SELECT (SELECT string_agg(concat_ws(' ', offence, coalesce("2010", 0), coalesce("2011", 0), coalesce("2012", 0),
                                    coalesce("2013", 0), coalesce("2014", 0)), E'\n' ORDER BY offence)
          FROM crosstab('SELECT offence, extract(year FROM recorded_on)::int, count(*) FROM bench_crime
                          GROUP BY 1, 2 ORDER BY 1, 2', 'SELECT generate_series(2010, 2014)')
               AS ct(offence text, "2010" bigint, "2011" bigint, "2012" bigint, "2013" bigint, "2014" bigint)) =
       (SELECT string_agg(concat_ws(' ', w.row_label, array_to_string(w.cells, ' ')), E'\n' ORDER BY w.row_label)
          FROM (SELECT foistats.xtab(offence, recorded_on) AS x FROM bench_crime) b,
               foistats.table_rows(b.x, sort => 'label') w
         WHERE NOT w.is_total) AS xtab_equals_crosstab;

\set best_digits 0
\ir best_times.sql
SELECT format('ratio xtab / count(*)                  %s  (target <= 1.5)',
              round((t.xtab / t.count)::numeric, 2)),
       format('speedup xtab vs GROUP BY extract(year)  %s  (target >= 1.5)',
              round((t.group_by / t.xtab)::numeric, 2)),
       format('speedup xtab vs tablefunc crosstab()    %s  (target >= 1.5)',
              round((t.crosstab / t.xtab)::numeric, 2)),
       format('speedup xtab 2 workers vs none          %s  (target >= 1.6)',
              round((t.xtab / t.xtab_2_workers)::numeric, 2)),
       format('speedup xtab 2 workers, no leader       %s',
              round((t.xtab / t.xtab_2_workers_no_leader)::numeric, 2)),
       format('speedup count(*) 2 workers vs none      %s  (the machine''s parallel headroom)',
              round((t.count / t.count_2_workers)::numeric, 2)),
       format('ratio count(offence), count(recorded_on) / count(*)  %s  (reading the two columns: the floor for any aggregate of them)',
              round((t.count_columns / t.count)::numeric, 2)),
       format('ratio xtab / count(offence), count(recorded_on)      %s',
              round((t.xtab / t.count_columns)::numeric, 2)),
       format('ratio xtab fy / xtab year               %s',
              round((t.xtab_fy / t.xtab)::numeric, 2))
  FROM (SELECT max(ms) FILTER (WHERE name = 'count') AS count,
               max(ms) FILTER (WHERE name = 'xtab') AS xtab,
               max(ms) FILTER (WHERE name = 'count_columns') AS count_columns,
               max(ms) FILTER (WHERE name = 'group_by') AS group_by,
               max(ms) FILTER (WHERE name = 'crosstab') AS crosstab,
               max(ms) FILTER (WHERE name = 'xtab_fy') AS xtab_fy,
               max(ms) FILTER (WHERE name = 'xtab_2_workers') AS xtab_2_workers,
               max(ms) FILTER (WHERE name = 'xtab_2_workers_no_leader') AS xtab_2_workers_no_leader,
               max(ms) FILTER (WHERE name = 'count_2_workers') AS count_2_workers
          FROM timing) t;
-- The same two ratios taken within each round (xtab's, count(*)'s and the
-- 2-worker run's times of one round), so a burst of load from elsewhere
-- shows as the spread rather than hiding in a best-of.
SELECT format('ratio xtab / count(*), within each round   median %s, %s to %s over %s rounds',
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY xc)::numeric, 2),
              round(min(xc)::numeric, 2), round(max(xc)::numeric, 2), count(*)),
       format('speedup xtab 2 workers, within each round  median %s, %s to %s',
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY xw)::numeric, 2),
              round(min(xw)::numeric, 2), round(max(xw)::numeric, 2))
  FROM (SELECT x.ms / c.ms AS xc, x.ms / w.ms AS xw
          FROM runs x
          JOIN runs c ON c.round = x.round AND c.name = 'count'
          JOIN runs w ON w.round = x.round AND w.name = 'xtab_2_workers'
         WHERE x.name = 'xtab') r;
