-- The cell-key method (method => 'cellkey'): every figure, totals included,
-- gets a small bounded noise from its key, so the same figure always gets
-- the same noise -- in every table and every run -- and no 1 or 2 is ever
-- published (src/suppress.h).  With keys => (the same cross-tab counted with
-- each record weighted by its record_key) a figure's key is the sum of its
-- records' keys, as in ONS's method: the same records get the same noise in
-- any table.  Without keys, the key is a hash of the figure's row label,
-- column label and true count.
\set schema protect_cellkey
\i sql/include/schema_prelude.sql

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


-- Record keys.  3,000 crimes with references; table a counts them by
-- offence, table b by offence group, where 'group A' is 'offence 1' alone
-- (the same records under another label) and the other groups are several
-- offences.
CREATE TABLE crimes AS
  SELECT 'R/' || g AS ref, 'offence ' || (1 + (hashint4(g) & 2147483647) % 12) AS offence,
         make_date(2010 + (hashint4(-g) & 2147483647) % 5, 1, 1) AS recorded_on
    FROM generate_series(1, 3000) g;
ALTER TABLE crimes ADD COLUMN grp text;
UPDATE crimes SET grp = CASE WHEN offence = 'offence 1' THEN 'group A'
                             WHEN offence IN ('offence 2', 'offence 3', 'offence 4', 'offence 5', 'offence 6') THEN 'group B'
                             ELSE 'group C' END;
SELECT min(foistats.record_key(ref, 's3cret')) AS min_key, max(foistats.record_key(ref, 's3cret')) AS max_key,
       count(DISTINCT foistats.record_key(ref, 's3cret')) AS distinct_keys,
       round(avg(foistats.record_key(ref, 's3cret'))) AS mean_key
  FROM crimes;
CREATE TABLE keyed AS
  SELECT foistats.protect(foistats.xtab(offence, recorded_on), method => 'cellkey',
                          keys => foistats.xtab(offence, recorded_on, foistats.record_key(ref, 's3cret'))) AS a,
         foistats.protect(foistats.xtab(grp, recorded_on), method => 'cellkey',
                          keys => foistats.xtab(grp, recorded_on, foistats.record_key(ref, 's3cret'))) AS b,
         foistats.xtab(offence, recorded_on) AS a_true
    FROM crimes;
-- The same records, the same value: offence 1 in a is group A in b, cell
-- by cell and in its row total.
SELECT count(*) AS cells, count(*) FILTER (WHERE x.n = y.n) AS same_value,
       count(*) FILTER (WHERE x.n <> t.n) AS perturbed
  FROM keyed, foistats.rows(keyed.a) x
  JOIN foistats.rows(keyed.b) y ON y.row_label = 'group A' AND y.col_label = x.col_label
  JOIN foistats.rows(keyed.a_true) t ON t.row_label = x.row_label AND t.col_label = x.col_label
 WHERE x.row_label = 'offence 1';
SELECT (SELECT total FROM foistats.wide(a) WHERE row_label = 'offence 1') AS offence_1_total,
       (SELECT total FROM foistats.wide(b) WHERE row_label = 'group A') AS group_a_total
  FROM keyed;
-- The properties hold with record keys too, and every run gives the same.
SELECT count(*) AS cells,
       count(*) FILTER (WHERE abs(p.n - t.n) <= 2) AS noise_within_2,
       count(*) FILTER (WHERE p.n IN (1, 2) OR p.n < 0) AS ones_twos_negatives,
       count(*) FILTER (WHERE p.n <> t.n) AS perturbed
  FROM keyed, foistats.rows(keyed.a) p JOIN foistats.rows(keyed.a_true) t USING (row_label, col_label);
SELECT foistats.protect(foistats.xtab(offence, recorded_on), method => 'cellkey',
                        keys => foistats.xtab(offence, recorded_on, foistats.record_key(ref, 's3cret')))::text
       = (SELECT a::text FROM keyed) AS same_every_run
  FROM crimes;
-- Another secret, other noise (the secret is what keeps the noise unknown).
SELECT count(*) FILTER (WHERE p.n <> q.n) > 0 AS other_secret_other_noise
  FROM keyed, foistats.rows(keyed.a) p
  JOIN foistats.rows((SELECT foistats.protect(foistats.xtab(offence, recorded_on), method => 'cellkey',
                                              keys => foistats.xtab(offence, recorded_on, foistats.record_key(ref, 'other')))
                        FROM crimes)) q USING (row_label, col_label);
-- A multi-label table (each crime under its offence and its group): its
-- distinct-crime totals are keyed by their crimes' keys too, and group A's
-- cells equal offence 1's (the same crimes).
SELECT count(*) AS cells, count(*) FILTER (WHERE o.n = g.n) AS same_value
  FROM (SELECT foistats.protect(foistats.xtab(ARRAY[offence, grp], recorded_on), method => 'cellkey',
                                keys => foistats.xtab(ARRAY[offence, grp], recorded_on, foistats.record_key(ref, 's3cret'))) AS m
          FROM crimes) s,
       foistats.rows(s.m) o JOIN foistats.rows(s.m) g ON g.row_label = 'group A' AND g.col_label = o.col_label
 WHERE o.row_label = 'offence 1';
SELECT foistats.col_units(m) AS published_distinct_crimes, foistats.col_units(t) AS true_distinct_crimes
  FROM (SELECT foistats.protect(foistats.xtab(ARRAY[offence, grp], recorded_on), method => 'cellkey',
                                keys => foistats.xtab(ARRAY[offence, grp], recorded_on, foistats.record_key(ref, 's3cret'))) AS m,
               foistats.xtab(ARRAY[offence, grp], recorded_on) AS t
          FROM crimes) s;
-- Keys that do not belong to the table, and keys with another method.
SELECT foistats.protect(foistats.xtab(offence, recorded_on), method => 'cellkey',
                        keys => foistats.xtab(offence, recorded_on, foistats.record_key(ref)) FILTER (WHERE offence <> 'offence 7'))
  FROM crimes;
SELECT foistats.protect(foistats.xtab(offence, recorded_on), keys => foistats.xtab(offence, recorded_on, foistats.record_key(ref)))
  FROM crimes;
SELECT foistats.protect(foistats.xtab(ARRAY[offence], recorded_on), method => 'cellkey',
                        keys => foistats.xtab(offence, recorded_on, foistats.record_key(ref)))
  FROM crimes;
SELECT foistats.record_key(NULL) IS NULL AS null_key;
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
