-- Scale benchmark (test/bench/scale.sh, not CI): records grow from 10M to
-- :top rows in 10M-row INSERT ... SELECT statements through the roll-up's
-- triggers; at 10M, 50M and :top rows it measures
--   * the xtab aggregate over the whole table (one process): time per row
--     (linear growth) and the size of its state, which is the cross-tab
--     itself (bounded by rows x columns, not by records);
--   * a ten-year question from its roll-up, from a scan (request_xtab with
--     the roll-up set aside) and by SQL GROUP BY, answers compared.
-- The table has no primary key (a 100M-row text index would make the load
-- a test of the disk); everything else is as in rollup.sql.
-- The records start at the first 10M (force.sql: force.crime,
-- pg_temp.records, the binding and the request 'bench'); the steps below
-- count in 10M, so :rows is set, not a default; no timing loop reads :reps.
\set rows 10000000
\set default_reps 1
\ir prelude.sql
\if :{?top}
\else
\set top 100000000
\endif
SELECT set_config('bench.top', :'top', false);
SET max_parallel_workers_per_gather = 0;

\ir force.sql
CREATE TABLE scale (records bigint, name text, ms float8, note text);
DO $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  PERFORM foistats.create_rollup('bench', '1', 'foi.records');
  INSERT INTO scale VALUES (10000000, 'create_rollup', extract(epoch FROM clock_timestamp() - t0) * 1000, NULL);
END $$;

CREATE PROCEDURE pg_temp.measure() LANGUAGE plpgsql AS $$
DECLARE
  n bigint := (SELECT count(*) FROM force.crime);
  t0 timestamptz;
  x foistats.xtab;
  rolled foistats.xtab;
  scanned foistats.xtab;
  ms float8[] := '{}';
  diff bigint;
BEGIN
  -- the aggregate over every record
  t0 := clock_timestamp();
  SELECT foistats.xtab(title, recorded) INTO x FROM force.crime;
  INSERT INTO scale VALUES (n, 'xtab_all_records', extract(epoch FROM clock_timestamp() - t0) * 1000,
    format('state: %s bytes, %s rows x %s columns', pg_column_size(x),
           cardinality(foistats.row_labels(x)), cardinality(foistats.col_labels(x))));
  -- the ten-year question: roll-up (median of 21), scan, GROUP BY
  PERFORM foistats.request_xtab('bench', '1', 'foi.records');
  FOR i IN 1 .. 21 LOOP
    t0 := clock_timestamp();
    rolled := foistats.request_xtab('bench', '1', 'foi.records');
    ms := ms || extract(epoch FROM clock_timestamp() - t0) * 1000;
  END LOOP;
  INSERT INTO scale VALUES (n, 'question_from_rollup',
    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY m) FROM unnest(ms) m),
    format('median of 21; best %s ms', round((SELECT min(m) FROM unnest(ms) m)::numeric, 2)));
  UPDATE foistats.rollup SET stale = 'set aside by the benchmark';
  t0 := clock_timestamp();
  scanned := foistats.request_xtab('bench', '1', 'foi.records');
  INSERT INTO scale VALUES (n, 'question_by_scan', extract(epoch FROM clock_timestamp() - t0) * 1000, NULL);
  UPDATE foistats.rollup SET stale = NULL;
  t0 := clock_timestamp();
  PERFORM count(*) FROM group_by;
  INSERT INTO scale VALUES (n, 'question_by_group_by', extract(epoch FROM clock_timestamp() - t0) * 1000, NULL);
  SELECT count(*) INTO diff FROM (
    (SELECT row_label, col_label, r.n FROM foistats.rows(rolled) r WHERE r.n <> 0
     EXCEPT ALL SELECT g.offence, g.year::text, g.n FROM group_by g)
    UNION ALL
    (SELECT g.offence, g.year::text, g.n FROM group_by g
     EXCEPT ALL SELECT row_label, col_label, r.n FROM foistats.rows(rolled) r WHERE r.n <> 0)) d;
  INSERT INTO scale VALUES (n, 'answers', NULL,
    format('roll-up %s scan; %s figures differ from GROUP BY; %s crimes counted',
           CASE WHEN rolled::text = scanned::text THEN '=' ELSE '<>' END, diff, foistats.grand_total(rolled)));
END $$;

-- grow to size, 10M records a statement (each through the roll-up's triggers)
CREATE PROCEDURE pg_temp.grow(size bigint) LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
  t0 timestamptz;
BEGIN
  LOOP
    n := (SELECT count(*) FROM force.crime);
    EXIT WHEN n >= size;
    t0 := clock_timestamp();
    INSERT INTO force.crime SELECT * FROM pg_temp.records(n + 1, n + 10000000);
    INSERT INTO scale VALUES (n + 10000000, 'insert_10M_with_rollup', extract(epoch FROM clock_timestamp() - t0) * 1000, NULL);
    COMMIT;
  END LOOP;
END $$;

-- the same 10M-row statement into a twin table without triggers, once
DO $$
DECLARE t0 timestamptz;
BEGIN
  CREATE TABLE force.twin (LIKE force.crime);
  t0 := clock_timestamp();
  INSERT INTO force.twin SELECT * FROM pg_temp.records(10000001, 20000000);
  INSERT INTO scale VALUES (10000000, 'insert_10M_without', extract(epoch FROM clock_timestamp() - t0) * 1000,
                            'into a twin table without triggers');
  DROP TABLE force.twin;
END $$;

CALL pg_temp.measure();
CALL pg_temp.grow(50000000);
VACUUM (ANALYZE) force.crime;
CALL pg_temp.measure();
CALL pg_temp.grow(current_setting('bench.top')::bigint);
VACUUM (ANALYZE) force.crime;
CALL pg_temp.measure();

SELECT count(*) AS rollup_differences_from_a_scan FROM foistats.check_rollup('bench', '1');
SELECT months, stored_rows, pg_size_pretty(bytes) AS rollup_size FROM foistats.rollups;
SELECT pg_size_pretty(pg_total_relation_size('force.crime')) AS table_size;
SELECT records, name, round(ms::numeric, 2) AS ms,
       -- an insert is of 10M records; the rest read every record
       round((ms * 1e6 / CASE WHEN name LIKE 'insert%' THEN 10000000 ELSE records END)::numeric, 1) AS ns_per_record, note
  FROM scale ORDER BY records, name;
\pset format unaligned
\pset tuples_only on
\pset fieldsep '\n'
WITH s AS (SELECT records, name, ms FROM scale)
SELECT format('%s records: question from roll-up %s ms (target < 5 ms at 100M); %sx faster than the scan, %sx faster than GROUP BY',
              r.records, round(r.ms::numeric, 2),
              round((sc.ms / r.ms)::numeric, 0), round((g.ms / r.ms)::numeric, 0))
  FROM s r JOIN s sc ON sc.records = r.records AND sc.name = 'question_by_scan'
           JOIN s g ON g.records = r.records AND g.name = 'question_by_group_by'
 WHERE r.name = 'question_from_rollup'
UNION ALL
SELECT format('xtab over all records: %s ns a record at %s, %s at %s (linear: the same)',
              round((a.ms * 1e6 / a.records)::numeric, 1), a.records, round((b.ms * 1e6 / b.records)::numeric, 1), b.records)
  FROM s a, s b
 WHERE a.name = 'xtab_all_records' AND b.name = 'xtab_all_records'
   AND a.records = (SELECT min(records) FROM s) AND b.records = (SELECT max(records) FROM s)
UNION ALL
SELECT format('10M-row INSERT with roll-up triggers %s s (median of %s) vs %s s into a twin table without: ratio %s',
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY w.ms) / 1000)::numeric, 1), count(*),
              round(((SELECT ms FROM s WHERE name = 'insert_10M_without') / 1000)::numeric, 1),
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY w.ms) / (SELECT ms FROM s WHERE name = 'insert_10M_without'))::numeric, 2))
  FROM s w WHERE w.name = 'insert_10M_with_rollup';
