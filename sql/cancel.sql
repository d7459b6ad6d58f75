-- Cancellation is honoured inside every long loop: statement_timeout (and so
-- pg_cancel_backend, which raises the same interrupt) stops a long foistats
-- call while it runs, not after it has finished.
--
-- Each long operation runs under statement_timeout = 250ms in a PL/pgSQL
-- probe (pg_temp.cancel_probe) that tells these apart:
--   'cancelled inside'  the call was cancelled (SQLSTATE 57014) less than
--                       350 ms after the timeout fired;
--   'cancelled late'    it was cancelled, but only later: some loop went on
--                       for a while without CHECK_FOR_INTERRUPTS;
--   'ran to the end'    the call finished: the timeout was never honoured;
--   'cancelled before the call'  the timeout fired while the probe was still
--                       building the call's input (the test itself is wrong).
-- Every operation here runs for at least 0.65 s when not cancelled (measured
-- on the 2-core dev machine, PostgreSQL 15: the xtab aggregate over 1e8 rows
-- about a minute (1M rows take 0.4-0.8 s); parse_table of the 3M-cell csv
-- 1.7 s, of its tsv 1.8 s; mentions over 24 MB holding 8M hits 0.8-1.3 s,
-- its text built in 60 ms before the call; protect of the 3M-cell table
-- 2.5 s; audit of a protected 400 x 400 table 8.5 s; render html 1.8 s,
-- text 2.1 s; reconcile 1.2 s; and, under a 100 ms timeout, render
-- markdown and csv and protect round5 0.65-0.7 s), so it would still be
-- running 350 ms after the timeout: a missing cancel point shows as
-- 'cancelled late' or 'ran to the end'.  The
-- timeout is 250 ms rather than a few ms so that it fires inside the
-- operation, after its input has been read.  Found this way: protect's
-- search for complementary cells ticked only when a cell needed a flow
-- computation, so 900,000 primary cells that passed their first check took
-- 1.4-1.8 s without a cancel point (src/suppress.c now ticks once per primary
-- cell); controlled rounding (round5) had none in its loops over the cells
-- or between the paths of a flow phase, and an xtab was written and read
-- (flattened, expanded) with a cancel point only every 4,096 rows, however
-- wide (0.3-0.6 s for this table).  Not tested here: to_jsonb, whose last
-- step is PostgreSQL's own parse of the JSON text it built (jsonb_in has no
-- cancel point: about 0.4 s for this table).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

-- ms: from the start of the call to its end or its cancel; late: from the
-- moment the timeout fired to the cancel
CREATE TEMP TABLE cancel_log (op text, ms numeric, late numeric, outcome text);
CREATE FUNCTION pg_temp.cancel_probe(op text, q text, arg text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    fires  timestamptz := statement_timestamp() + current_setting('statement_timeout')::interval;
    t_call timestamptz;
    v      text;
    ms     numeric;
    late   numeric;
    res    text;
BEGIN
    BEGIN
        -- the input ($1 of q), when it is built here rather than read
        IF arg IS NOT NULL THEN
            EXECUTE 'SELECT ' || arg INTO v;
        END IF;
        t_call := clock_timestamp();
        EXECUTE q USING v;
        res := 'ran to the end';
    EXCEPTION WHEN query_canceled THEN
        res := 'cancelled';
    END;
    -- (PL/pgSQL variables keep their values across the aborted block)
    ms := round(extract(epoch FROM clock_timestamp() - t_call) * 1000, 1);
    late := round(extract(epoch FROM clock_timestamp() - fires) * 1000, 1);
    IF res = 'cancelled' THEN
        res := CASE WHEN t_call IS NULL THEN 'cancelled before the call'
                    WHEN late < 350 THEN 'cancelled inside' ELSE 'cancelled late' END;
    END IF;
    INSERT INTO cancel_log VALUES (op, ms, late, res);
    RETURN res;
END
$$;

-- Inputs, built before any timeout: a csv of 3,000 rows x 1,000 columns
-- (3M cells, 7 MB), its tsv, the table parsed from it, and a protected
-- 400 x 400 table for the audit.
CREATE TEMP TABLE big AS
  WITH tail AS (SELECT string_agg(((j * 7919) % 13 + 1)::text, ',' ORDER BY j) AS t
                  FROM generate_series(1, 1000) j)
  SELECT 'row,' || (SELECT string_agg('c' || j, ',' ORDER BY j) FROM generate_series(1, 1000) j)
         || E'\n' || string_agg('r' || i || ',' || tail.t, E'\n' ORDER BY i) AS csv
    FROM generate_series(1, 3000) i, tail GROUP BY tail.t;
ALTER TABLE big ADD COLUMN tsv text;
UPDATE big SET tsv = replace(csv, ',', E'\t');
CREATE TEMP TABLE big_x AS SELECT foistats.parse_table(csv, 'csv') AS x FROM big;
SELECT cardinality(foistats.col_labels(x)) AS cols, cardinality(foistats.row_labels(x)) AS rows FROM big_x;
CREATE TEMP TABLE protected_x AS
  SELECT foistats.protect(foistats.xtab('r' || (i % 400), 'c' || (i / 400 % 400),
                                        (1 + (i * 7919) % 13)::bigint)) AS x
    FROM generate_series(0, 159999) i;
SELECT cardinality(foistats.col_labels(x)) AS cols, cardinality(foistats.row_labels(x)) AS rows,
       (SELECT count(*) FROM foistats.rows(x) r WHERE r.n IS NULL) AS withheld_cells
  FROM protected_x;

SET statement_timeout = '250ms';
SELECT pg_temp.cancel_probe('xtab aggregate, 1e8 rows',
  $q$SELECT foistats.xtab('r' || (i % 50), date '2000-01-01' + (i % 5000)::int) FROM generate_series(1, 100000000) i$q$);
SELECT pg_temp.cancel_probe('parse_table csv, 3M cells',
  $q$SELECT foistats.parse_table(csv, 'csv') FROM big$q$);
SELECT pg_temp.cancel_probe('parse_table tsv, 3M cells',
  $q$SELECT foistats.parse_table(tsv, 'tsv') FROM big$q$);
SELECT pg_temp.cancel_probe('mentions, 24 MB, 8M hits',
  $q$SELECT foistats.mentions($1, 'platforms')$q$,
  $a$repeat(repeat('fb ', 1000), 8000)$a$);
SELECT pg_temp.cancel_probe('protect, 3M cells',
  $q$SELECT foistats.protect(x) FROM big_x$q$);
SELECT pg_temp.cancel_probe('audit, protected 400 x 400',
  $q$SELECT count(*) FROM protected_x, foistats.audit(x)$q$);
SELECT pg_temp.cancel_probe('render html, 3M cells',
  $q$SELECT length(foistats.render(x, 'html')) FROM big_x$q$);
SELECT pg_temp.cancel_probe('render text, 3M cells',
  $q$SELECT length(foistats.render(x, 'text')) FROM big_x$q$);
SELECT pg_temp.cancel_probe('reconcile, 3M cells',
  $q$SELECT count(*) FROM big_x, foistats.reconcile(x, x)$q$);
-- These take 0.65-0.7 s: a 100 ms timeout, so that one without a cancel
-- point would still be running 350 ms after it.
SET statement_timeout = '100ms';
SELECT pg_temp.cancel_probe('render markdown, 3M cells',
  $q$SELECT length(foistats.render(x, 'markdown')) FROM big_x$q$);
SELECT pg_temp.cancel_probe('render csv, 3M cells',
  $q$SELECT length(foistats.render(x, 'csv')) FROM big_x$q$);
SELECT pg_temp.cancel_probe('protect round5, 3M cells',
  $q$SELECT foistats.protect(x, method => 'round5') FROM big_x$q$);
RESET statement_timeout;

-- Every one was cancelled while it ran (the times are in cancel_log, not
-- printed: they vary).
SELECT count(*) FILTER (WHERE outcome = 'cancelled inside') AS cancelled_inside,
       count(*) AS probes FROM cancel_log;
