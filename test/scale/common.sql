-- Helpers of the test/scale scripts' SQL (run on the coordinator after
-- records.sql, which set ON_ERROR_STOP and client_min_messages, before the
-- script's own SQL): settings, EXPLAIN as text, and the timing loop.  :reps
-- is the number of timed rounds.
\if :{?reps}
\else
\set reps 5
\endif
\pset footer off

-- EXPLAIN (VERBOSE) of a query, as text.
CREATE FUNCTION plan_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  line text;
  plan text := '';
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || query LOOP
    plan := plan || line || E'\n';
  END LOOP;
  RETURN plan;
END $$;

-- Time the queries of the temp table contender (name, setup, sql): a
-- warm-up round, then reps rounds of all of them in turn (so a burst of load
-- from elsewhere hits them alike), each after its setup (SET commands, reset
-- afterwards).  The best and worst times go into the temp table timing.
CREATE PROCEDURE time_contenders(reps int) LANGUAGE plpgsql AS $$
DECLARE
  c record;
  t0 timestamptz;
  ms float8;
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS timing (name text PRIMARY KEY, best float8, worst float8);
  FOR round IN 0 .. reps LOOP
    FOR c IN SELECT * FROM contender ORDER BY name LOOP
      IF c.setup <> '' THEN
        EXECUTE c.setup;
      END IF;
      t0 := clock_timestamp();
      EXECUTE c.sql;
      ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
      RESET max_parallel_workers_per_gather;
      RESET parallel_setup_cost;
      RESET parallel_tuple_cost;
      IF round > 0 THEN
        INSERT INTO timing VALUES (c.name, ms, ms)
          ON CONFLICT (name) DO UPDATE SET best = least(timing.best, excluded.best),
                                           worst = greatest(timing.worst, excluded.worst);
      END IF;
    END LOOP;
  END LOOP;
END $$;
