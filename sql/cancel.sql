-- Cancellation is honoured inside every long loop: statement_timeout (and so
-- pg_cancel_backend, which raises the same interrupt) stops a long foistats
-- call while it runs, not after it has finished.
--
-- (test/cancel_sweep.sh, not CI, cancels the same operations at moments
-- spread over their whole run.)
--
-- Each long operation runs under a statement_timeout of 100 to 500 ms (past
-- the reading of its input) in a PL/pgSQL probe (pg_temp.cancel_probe) that
-- tells these apart:
--   'cancelled inside'  the call was cancelled (SQLSTATE 57014) less than
--                       1500 ms after the timeout fired (the allowance covers
--                       a loaded machine, and detoasting the input, which
--                       PostgreSQL does without a cancel point; cancels land
--                       0-480 ms late here, but once, on a clean-clone CI
--                       run, the xtab aggregate's came over 800 ms late, a
--                       stall not reproduced in eight runs here);
--   'cancelled late'    it was cancelled, but only later: some loop went on
--                       for a while without CHECK_FOR_INTERRUPTS;
--   'ran to the end'    the call finished: the timeout was never honoured;
--   'cancelled before the call'  the timeout fired while the probe was still
--                       building the call's input (the test itself is wrong).
-- Every operation here runs, uncancelled, for longer than its timeout plus
-- 1500 ms or ends before that and shows as 'ran to the end' (measured on
-- the 2-core dev machine, PostgreSQL 15): under 250 ms,
-- the xtab aggregate over 1e8 rows (about a minute), parse_table of a
-- 3M-cell csv (1.7 s) and its tsv (1.8 s), protect of that table (2.5 s),
-- audit of a protected 400 x 400 table (8.5 s), render html (1.8 s) and
-- text (2.1 s); under 100 ms, mentions over 48 MB holding 16M hits (1.4-2.5
-- s); under 500 ms (an 8M-cell table takes 0.15-0.4 s to read), render
-- markdown (1.9 s) and csv (2.3 s), protect round5 (2 s) and reconcile
-- (3 s) of 8M cells.  So a missing cancel point shows as 'cancelled late' or 'ran to
-- the end'.  Found this way (and fixed): protect's search for complementary
-- cells ticked only when a cell needed a flow computation (1.4-1.8 s without
-- a cancel point on the 3M-cell table), and its clean-up pass not at all
-- while it checked the primary cells (about a second); controlled rounding
-- (round5) had none in its loops over the cells, between the paths of a
-- flow phase, inside a breadth-first search of the flow network (up to 0.6 s
-- for 8M cells: a node has thousands of arcs, scattered in memory) or while
-- zeroing its arrays; render wrote the table out without one (up to 0.55 s
-- for 3M cells); mentions none while it sifted 16M hits; parse_table none
-- while it zeroed its cell array (0.2-0.3 s for 3M cells); an xtab was written and read (flattened, expanded) with a
-- cancel point only every 4,096 rows, however wide (0.3-0.6 s for the
-- 3M-cell table); to_jsonb wrote JSON text (a cancel point a row) and then
-- had PostgreSQL's jsonb_in parse it, with none (cancels up to 1.3 s late for
-- the 3M-cell table, in test/cancel_sweep.sh: a fixed timeout here lands in
-- the first part), and now builds the jsonb value directly.
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
                    WHEN late < 1500 THEN 'cancelled inside' ELSE 'cancelled late' END;
    END IF;
    INSERT INTO cancel_log VALUES (op, ms, late, res);
    RETURN res;
END
$$;

-- Inputs, built before any timeout: a csv of 3,000 rows x 1,000 columns
-- (3M cells, 7 MB), its tsv, the table parsed from it, that table twice as
-- wide, MO text, and a protected 400 x 400 table for the audit.
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
-- the same table side by side with a copy of itself: 3,000 x 2,000
CREATE TEMP TABLE wide_x AS
  SELECT x OPERATOR(foistats.+) foistats.relabel_columns(x, l.old, l.new) AS x
    FROM big_x, (SELECT array_agg('c' || j ORDER BY j) AS old, array_agg('d' || j ORDER BY j) AS new
                   FROM generate_series(1, 1000) j) l;
SELECT cardinality(foistats.col_labels(x)) AS cols, cardinality(foistats.row_labels(x)) AS rows FROM wide_x;
-- 48 MB of MO text, 16M mentions of Facebook
CREATE TEMP TABLE mo AS SELECT repeat(repeat('fb ', 1000), 16000) AS t;
CREATE TEMP TABLE protected_x AS
  SELECT foistats.protect(foistats.xtab('r' || (i % 400), 'c' || (i / 400 % 400),
                                        (1 + (i * 7919) % 13)::bigint)) AS x
    FROM generate_series(0, 159999) i;
SELECT cardinality(foistats.col_labels(x)) AS cols, cardinality(foistats.row_labels(x)) AS rows,
       (SELECT count(*) FROM foistats.rows(x) r WHERE r.n IS NULL) AS withheld_cells
  FROM protected_x;

SET statement_timeout = '250ms';
SELECT pg_temp.cancel_probe('xtab aggregate, 1e8 rows',
  $q$SELECT foistats.xtab('r' || (i % 50), date '2000-01-01' + (i % 5000)) FROM (SELECT generate_series(1, 100000000) AS i) s$q$);
SELECT pg_temp.cancel_probe('parse_table csv, 3M cells',
  $q$SELECT foistats.parse_table(csv, 'csv') FROM big$q$);
SELECT pg_temp.cancel_probe('parse_table tsv, 3M cells',
  $q$SELECT foistats.parse_table(tsv, 'tsv') FROM big$q$);
SELECT pg_temp.cancel_probe('protect, 3M cells',
  $q$SELECT foistats.protect(x) FROM big_x$q$);
SELECT pg_temp.cancel_probe('audit, protected 400 x 400',
  $q$SELECT count(*) FROM protected_x, foistats.audit(x)$q$);
SELECT pg_temp.cancel_probe('render html, 3M cells',
  $q$SELECT octet_length(foistats.render(x, 'html')) FROM big_x$q$);
SELECT pg_temp.cancel_probe('render text, 3M cells',
  $q$SELECT octet_length(foistats.render(x, 'text')) FROM big_x$q$);
SET statement_timeout = '100ms';
SELECT pg_temp.cancel_probe('mentions, 48 MB, 16M hits',
  $q$SELECT foistats.mentions(t, 'platforms') FROM mo$q$);
SET statement_timeout = '500ms';
SELECT pg_temp.cancel_probe('render markdown, 8M cells',
  $q$SELECT octet_length(foistats.render(x, 'markdown')) FROM wide_x$q$);
SELECT pg_temp.cancel_probe('render csv, 8M cells',
  $q$SELECT octet_length(foistats.render(x, 'csv')) FROM wide_x$q$);
SELECT pg_temp.cancel_probe('protect round5, 8M cells',
  $q$SELECT foistats.protect(x, method => 'round5') FROM wide_x$q$);
SELECT pg_temp.cancel_probe('reconcile, 8M cells',
  $q$SELECT count(*) FROM wide_x, foistats.reconcile(x, x)$q$);
RESET statement_timeout;

-- Every one was cancelled while it ran (the times are in cancel_log, not
-- printed: they vary).
SELECT count(*) FILTER (WHERE outcome = 'cancelled inside') AS cancelled_inside,
       count(*) AS probes FROM cancel_log;
