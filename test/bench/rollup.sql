-- Benchmark of roll-ups (foistats.create_rollup), run by test/bench/rollup.sh:
--   1. a ten-year question over :rows records answered from its roll-up,
--      against the same request answered by a scan (request_xtab with the
--      roll-up set aside) and against the plain SQL GROUP BY of the same
--      population; the three answers compared figure by figure;
--   2. the cost of keeping the roll-up: a 100,000-row INSERT ... SELECT and
--      UPDATE with the roll-up's triggers, against the same statement with
--      triggers off (session_replication_role = replica), both rolled back.
-- Rounds alternate the contenders, so a burst of load from elsewhere hits
-- them alike; best and median are printed.  Part 3 (pgbench) is in the shell
-- script; rollup_report.sql prints the ratios.
\set default_rows 10000000
\set default_reps 5
\ir prelude.sql

-- A force's table over ten years, with its own column names, bound as
-- foi.records, and the request 'bench'; a primary key for the UPDATE of part 2.
\ir force.sql
ALTER TABLE force.crime ADD PRIMARY KEY (ref);
SELECT count(*) AS records, min(recorded), max(recorded),
       pg_size_pretty(pg_total_relation_size('force.crime')) AS table_size FROM force.crime;

-- The roll-up: built once by a scan.
CREATE TABLE bench_timing (name text, round int, ms float8);
DO $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  PERFORM foistats.create_rollup('bench', '1', 'foi.records');
  INSERT INTO bench_timing VALUES ('create_rollup', 0, extract(epoch FROM clock_timestamp() - t0) * 1000);
END $$;
SELECT months, stored_rows, pg_size_pretty(bytes) AS size, problem FROM foistats.rollups;

-- 1. Reading.  The roll-up is set aside for the scan by marking it stale
-- (request_answer then scans), and put back.
CREATE FUNCTION pg_temp.read_rollup() RETURNS foistats.xtab LANGUAGE sql
  AS $$ SELECT foistats.request_xtab('bench', '1', 'foi.records') $$;
CREATE FUNCTION pg_temp.read_scan() RETURNS foistats.xtab LANGUAGE plpgsql AS $$
DECLARE x foistats.xtab;
BEGIN
  UPDATE foistats.rollup SET stale = 'set aside by the benchmark';
  x := foistats.request_xtab('bench', '1', 'foi.records');
  UPDATE foistats.rollup SET stale = NULL;
  RETURN x;
END $$;

DO $$
DECLARE
  t0 timestamptz;
  x foistats.xtab;
BEGIN
  PERFORM pg_temp.read_rollup();    -- warm-up
  PERFORM pg_temp.read_scan();
  PERFORM count(*) FROM group_by;
  FOR round IN 1 .. current_setting('bench.reps')::int LOOP
    FOR i IN 1 .. 20 LOOP
      t0 := clock_timestamp();
      x := pg_temp.read_rollup();
      INSERT INTO bench_timing VALUES ('read_rollup', round, extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
    t0 := clock_timestamp();
    x := pg_temp.read_scan();
    INSERT INTO bench_timing VALUES ('read_scan', round, extract(epoch FROM clock_timestamp() - t0) * 1000);
    t0 := clock_timestamp();
    PERFORM count(*) FROM group_by;
    INSERT INTO bench_timing VALUES ('read_group_by', round, extract(epoch FROM clock_timestamp() - t0) * 1000);
  END LOOP;
END $$;

-- The three answers, figure by figure (the request's answer carries a title
-- and footnotes besides; zero cells are not rows of the GROUP BY).
CREATE TABLE bench_answer AS
SELECT (SELECT pg_temp.read_rollup()) AS rolled, (SELECT pg_temp.read_scan()) AS scanned;
SELECT (rolled::text = scanned::text) AS rollup_equals_scan,
       (SELECT count(*) FROM (
          (SELECT row_label, col_label, n FROM foistats.rows(rolled) WHERE n <> 0
           EXCEPT ALL SELECT offence, year::text, n FROM group_by)
          UNION ALL
          (SELECT offence, year::text, n FROM group_by
           EXCEPT ALL SELECT row_label, col_label, n FROM foistats.rows(rolled) WHERE n <> 0)) d) AS figures_differing_from_group_by,
       foistats.grand_total(rolled) AS crimes_counted
  FROM bench_answer;

-- 2. Keeping it: 100,000 records (over all 120 months) inserted, then
-- updated (no-crimed), each statement rolled back; with the triggers off
-- for the baseline.
CREATE TABLE force.batch AS
SELECT 'B/' || ref AS ref, recorded, title, vic_age, sus_age, outcome, is_crime
  FROM force.crime ORDER BY ref LIMIT 100000;
SELECT count(DISTINCT date_trunc('month', recorded)) AS months_in_batch FROM force.batch;
CREATE FUNCTION pg_temp.write(what text, triggers boolean) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; ms float8;
BEGIN
  BEGIN
    PERFORM set_config('session_replication_role', CASE WHEN triggers THEN 'origin' ELSE 'replica' END, true);
    IF what = 'update' THEN
      -- the rows to update, in place first, without timing
      INSERT INTO force.crime SELECT * FROM force.batch;
    END IF;
    t0 := clock_timestamp();
    IF what = 'insert' THEN
      INSERT INTO force.crime SELECT * FROM force.batch;
    ELSE
      UPDATE force.crime c SET is_crime = NOT c.is_crime FROM force.batch b WHERE c.ref = b.ref;
    END IF;
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = ms::text;
  EXCEPTION WHEN raise_exception THEN
    RETURN SQLERRM::float8;
  END;
END $$;
DO $$
BEGIN
  PERFORM pg_temp.write('insert', true);   -- warm-up
  PERFORM pg_temp.write('insert', false);
  FOR round IN 1 .. current_setting('bench.reps')::int LOOP
    INSERT INTO bench_timing VALUES ('insert_100k_plain', round, pg_temp.write('insert', false));
    INSERT INTO bench_timing VALUES ('insert_100k_rollup', round, pg_temp.write('insert', true));
    INSERT INTO bench_timing VALUES ('update_100k_plain', round, pg_temp.write('update', false));
    INSERT INTO bench_timing VALUES ('update_100k_rollup', round, pg_temp.write('update', true));
  END LOOP;
END $$;
SELECT count(*) AS rows_left_by_the_rolled_back_writes FROM force.crime WHERE ref LIKE 'B/%';
