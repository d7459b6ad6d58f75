-- Benchmark of foistats.protect() + foistats.disclosure_audit() (run by
-- test/bench/protect.sh on a throwaway cluster).  Tables are seed-shaped:
-- rows fall off from about 100 per cell to well below 1 (a long tail of 1s
-- and 2s), deterministic (setseed).  For each size we time, best of N runs:
--   protect+audit  SELECT count(*) FROM disclosure_audit(protect(x, allow_totals => true))
--   render         render(x)  (what is done with every table anyway)
--   naive          CASE WHEN n BETWEEN 1 AND 4 over rows(x): primary
--                  suppression only, no protection from the totals
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

CREATE FUNCTION pg_temp.bench_table(nr int, nc int) RETURNS foistats.xtab
LANGUAGE sql AS $$
  SELECT foistats.xtab('offence ' || lpad(r::text, 5, '0'), make_date(2000 + c, 1, 1),
                       floor(100.0 / (1 + r * 60.0 / nr) * 2 * u * u)::bigint)
  FROM generate_series(1, nr) r, generate_series(1, nc) c,
       LATERAL (SELECT random() + 0 * r * c AS u) w
$$;

CREATE FUNCTION pg_temp.best_ms(q text, reps int) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best numeric := NULL; ms numeric;
BEGIN
  FOR i IN 1 .. reps LOOP
    t0 := clock_timestamp();
    EXECUTE q;
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    IF best IS NULL OR ms < best THEN best := ms; END IF;
  END LOOP;
  RETURN round(best, 2);
END $$;

SELECT setseed(0.5);
CREATE TEMP TABLE sizes AS
  SELECT * FROM (VALUES (80, 6, 9), (100, 6, 9), (200, 10, 5), (500, 20, 3),
                        (1000, 20, 3), (2000, 20, 3)) v(nr, nc, reps);
CREATE TEMP TABLE tabs AS SELECT nr, nc, reps, pg_temp.bench_table(nr, nc) AS x FROM sizes;

\pset footer off
SELECT nr || 'x' || nc AS size, nr * nc AS cells,
       (SELECT count(*) FROM foistats.rows(x) WHERE n BETWEEN 1 AND 4) AS small,
       w.withheld,
       pa.ms AS protect_audit_ms,
       rd.ms AS render_ms,
       nv.ms AS naive_ms,
       round(pa.ms / nullif(rd.ms, 0), 1) AS x_render,
       round(pa.ms / nullif(nv.ms, 0), 1) AS x_naive,
       round(pa.ms * 1000 / (nr * nc), 2) AS us_per_cell
FROM tabs,
     LATERAL (SELECT count(*) AS withheld
              FROM foistats.disclosure_audit(foistats.protect(x, allow_totals => true))) w,
     LATERAL (SELECT pg_temp.best_ms(format(
        'SELECT count(*) FROM foistats.disclosure_audit(foistats.protect(%L::foistats.xtab, allow_totals => true))', x), reps) AS ms) pa,
     LATERAL (SELECT pg_temp.best_ms(format('SELECT foistats.render(%L::foistats.xtab)', x), reps) AS ms) rd,
     LATERAL (SELECT pg_temp.best_ms(format(
        'SELECT count(CASE WHEN n BETWEEN 1 AND 4 THEN NULL ELSE n END) FROM foistats.rows(%L::foistats.xtab)', x), reps) AS ms) nv
ORDER BY nr * nc;
