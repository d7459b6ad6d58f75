-- The timing loop of the request and xtab benchmarks (\ir best_of.sql after
-- filling the temp table contender (name, setup, query)): every contender
-- once to warm up, then bench.reps rounds of all of them in turn (so a burst
-- of load from elsewhere hits them alike), each run after its setup (NULL:
-- none); timing (name, ms) keeps each one's best time, runs (round, name,
-- ms) every timed run (for ratios taken within one round).
CREATE TEMP TABLE timing (name text PRIMARY KEY, ms float8);
CREATE TEMP TABLE runs (round int, name text, ms float8, PRIMARY KEY (round, name));
DO $$
DECLARE
  c record;
  t0 timestamptz;
  ms float8;
BEGIN
  FOR round IN 0 .. current_setting('bench.reps')::int LOOP
    FOR c IN SELECT * FROM contender ORDER BY name LOOP
      IF c.setup IS NOT NULL THEN
        EXECUTE c.setup;
      END IF;
      t0 := clock_timestamp();
      EXECUTE c.query;
      ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
      IF round > 0 THEN
        INSERT INTO runs VALUES (round, c.name, ms);
        INSERT INTO timing VALUES (c.name, ms)
          ON CONFLICT (name) DO UPDATE SET ms = least(timing.ms, excluded.ms);
      END IF;
    END LOOP;
  END LOOP;
END $$;
