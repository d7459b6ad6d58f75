-- The cell-key method (method => 'cellkey'): every figure, totals included,
-- gets a small bounded noise from its key, so the same figure always gets
-- the same noise -- in every table and every run -- and no 1 or 2 is ever
-- published (src/suppress.h).  The key of a figure is a hash of its row
-- label, column label and true count: the aggregate path keeps no
-- per-record keys (see README, "Protecting what you publish").
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;
CREATE SCHEMA protect_cellkey;
SET search_path = protect_cellkey, public;

SELECT setseed(0.31);
CREATE TABLE cells AS
  SELECT 'offence ' || r AS row_label, 2010 + c AS year,
         (CASE WHEN u < 0.3 THEN 0 WHEN u < 0.6 THEN 1 + floor(random() * 4) ELSE floor(random() * 60) END)::bigint AS n
    FROM generate_series(1, 40) r, generate_series(1, 5) c, LATERAL (SELECT random() + 0 * r * c AS u) w;
CREATE TABLE t AS
  SELECT foistats.xtab(row_label, make_date(year, 1, 1), n) AS x,
         foistats.xtab(row_label, make_date(year, 1, 1), n) FILTER (WHERE row_label < 'offence 3') AS part
    FROM cells;
CREATE TABLE ck AS SELECT foistats.protect(x, method => 'cellkey') AS p, foistats.protect(part, method => 'cellkey') AS q FROM t;
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(foistats.protect(foistats.xtab(row_label, make_date(year, 1, 1), n), method => 'cellkey'), 'text')
  FROM cells WHERE row_label IN ('offence 1', 'offence 2', 'offence 3', 'offence 4');
\pset format aligned
\pset tuples_only off
-- Properties, over every cell: bounded noise, no negatives, zeros stay
-- zero, no 1 or 2 published, 3 and more stay 3 or more.
SELECT count(*) AS cells,
       count(*) FILTER (WHERE abs(p.n - c.n) <= 2) AS noise_within_2,
       count(*) FILTER (WHERE p.n < 0) AS negative,
       count(*) FILTER (WHERE c.n = 0 AND p.n <> 0) AS zero_moved,
       count(*) FILTER (WHERE p.n IN (1, 2)) AS ones_and_twos,
       count(*) FILTER (WHERE c.n >= 3 AND p.n < 3) AS three_below_three,
       count(*) FILTER (WHERE p.n <> c.n) AS perturbed
  FROM ck, foistats.rows(ck.p) p JOIN cells c ON c.row_label = p.row_label AND c.year::text = p.col_label;
-- Same cell, same value: in another table (a subset of the rows) and in
-- another run (a new session would give the same: nothing random).
SELECT count(*) AS shared_cells, count(*) FILTER (WHERE a.n = b.n) AS same_value
  FROM ck, foistats.rows(ck.p) a JOIN foistats.rows(ck.q) b USING (row_label, col_label);
SELECT foistats.protect(x, method => 'cellkey')::text = p::text AS same_every_run FROM t, ck;
-- Totals are perturbed by their own keys; the readers show them (published).
SELECT foistats.grand_total(x) AS true_total, foistats.grand_total(p) AS published_total,
       abs(foistats.grand_total(x) - foistats.grand_total(p)) <= 2 AS within_2
  FROM t, ck;
SELECT count(*) AS rows, count(*) FILTER (WHERE abs(w.total - (SELECT sum(n) FROM cells c WHERE c.row_label = w.row_label)) <= 2) AS row_totals_within_2
  FROM ck, foistats.wide(ck.p) w;
SELECT foistats.protect(x, method => 'cellkey', groups => '{}') FROM t;

-- Counts at the top of bigint (regression, found by test/fuzz/fuzz_suppress.c):
-- a figure within 2 of 9223372036854775807 whose key says "up" goes down
-- instead; it used to wrap round to a negative count.
SELECT count(*) AS cells,
       count(*) FILTER (WHERE n BETWEEN 9223372036854775805 AND 9223372036854775807) AS within_2_below_max
  FROM generate_series(1, 30) i,
       foistats.rows(foistats.protect(format('{cols: "2010"; rows: "offence %s" 9223372036854775807}', i)::foistats.xtab,
                                      method => 'cellkey'));

SET client_min_messages = warning;
DROP SCHEMA protect_cellkey CASCADE;
RESET client_min_messages;
