-- foistats.protect() and foistats.disclosure_audit(): disclosure control of
-- cross-tabs with an exact audit.  Rule (see src/suppress.h): counts 1 to
-- threshold-1 are withheld, and further cells are withheld until every
-- withheld small count v could be anything from max(0, v - protection) to
-- v + protection given every published figure (protection defaults to the
-- threshold).
\set schema protect_test
\i sql/include/schema_prelude.sql

-- 1. A small table.  The 2 and the 3 are primary; the cheapest complements
-- (fewest withheld crimes, then fewest cells) are chosen by the audit.
CREATE TABLE small AS SELECT '{cols: "2012", "2013", "2014";
  rows: "A" 2 10 15, "B" 12 3 20, "C" 30 40 50}'::foistats.xtab AS x;
SELECT foistats.protect(x)::text FROM small;
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(foistats.protect(x), 'text', published_totals => true) FROM small;
\pset format aligned
\pset tuples_only off
SELECT * FROM foistats.disclosure_audit((SELECT foistats.protect(x) FROM small));
-- the same input gives the same output
SELECT foistats.protect(x)::text = foistats.protect(x)::text AS deterministic FROM small;

-- Parameters: a lower protection level needs fewer complements; zeros
-- can be made sensitive too; threshold 3 withholds only 1s and 2s.
SELECT foistats.protect(x, protection => 2)::text FROM small;
SELECT row_label, col_label, published_state, min, max, meets_rule
FROM foistats.disclosure_audit((SELECT foistats.protect(x, protection => 2) FROM small), protection => 2);
SELECT foistats.protect('{cols: "2013", "2014"; rows: "A" 0 9, "B" 30 40, "C" 20 20}', zeros => true)::text;
SELECT foistats.protect(x, threshold => 3)::text FROM small;

-- 2. What naive rules miss.  (a) Every row and column with a withheld cell
-- has two, yet the 1 can only be 0 to 3: its partners 2 and 2 limit it.
SELECT row_label, col_label, published_state, min, max, meets_rule
FROM foistats.disclosure_audit('{cols: "2012", "2013", "2014";
  rows: "A" 1s 2sc 9, "B" 2sc 50sc 9, "C" 9 9 9;
  coltotals: 12 61 27; rowtotals: 12 61 27; grandtotal: 100}');
-- (b) Two blocks joined by one withheld cell: every row and column has two
-- or more withheld cells, but the joining cell lies on no cycle, so the
-- totals give it away exactly.
SELECT row_label, col_label, published_state, min, max, meets_rule
FROM foistats.disclosure_audit('{cols: "1", "2", "3", "4";
  rows: "A" 7sc 8sc 2s 10, "B" 9sc 6sc 10 10, "C" 10 10 6sc 9sc, "D" 10 10 8sc 7sc;
  coltotals: 36 34 26 36; rowtotals: 27 35 35 35; grandtotal: 132}')
WHERE row_label = 'A';
-- protect repairs both
SELECT bool_and(meets_rule) AS all_protected, count(*) AS withheld
FROM foistats.disclosure_audit(foistats.protect('{cols: "2012", "2013", "2014";
  rows: "A" 1 2 9, "B" 2 50 9, "C" 9 9 9}'));

-- 3. A table parsed from a published response: withheld counts unknown (0),
-- published totals present.  The audit works from the published figures.
SELECT row_label, col_label, published_state, min, max, meets_rule, detail
FROM foistats.disclosure_audit('{cols: "2013", "2014";
  rows: "A" 0s"*" 0s"*", "B" 0s"*" 0s"*", "C" 20 30;
  coltotals: 24 38; rowtotals: 5 7 50; grandtotal: 62}');
-- the same with a leak: B's 2014 published, so everything is pinned
SELECT row_label, col_label, min, max, meets_rule
FROM foistats.disclosure_audit('{cols: "2013", "2014";
  rows: "A" 0s 0s, "B" 0s 4, "C" 20 30;
  coltotals: 24 38; rowtotals: 5 7 50; grandtotal: 62}');

-- 4. The seed's question-1 table (offences by year), from the fixture.
CREATE TABLE seed_q1 (question text, row_label text, col_label text, value bigint);
\copy seed_q1 FROM 'test/fixtures/seed_cells.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true)
DELETE FROM seed_q1 WHERE question <> '1' OR row_label = 'Grand Total' OR col_label = 'Grand Total';
CREATE TABLE q1 AS
  SELECT foistats.xtab(row_label, make_date(col_label::int, 1, 1), value) AS x FROM seed_q1;
SELECT count(*) AS cells, count(*) FILTER (WHERE value BETWEEN 1 AND 4) AS small_counts FROM seed_q1;
-- With every total published it cannot be done: some offences have a total
-- below 5, so their row total gives their small counts away.
SELECT foistats.protect(x) FROM q1;
-- Allowing totals to be withheld:
CREATE TABLE q1p AS SELECT foistats.protect(x, allow_totals => true) AS x FROM q1;
SELECT published_state, count(*) AS n, count(*) FILTER (WHERE meets_rule) AS meets,
       count(*) FILTER (WHERE NOT meets_rule) AS fails
FROM foistats.disclosure_audit((SELECT x FROM q1p)) GROUP BY 1 ORDER BY 1;
-- (sort => 'label': ordering rows by their true totals would hint at withheld totals)
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(x, 'text', published_totals => true, sort => 'label') FROM q1p;
\pset format aligned
\pset tuples_only off
-- Combining small offences into groups instead (here simply by the first
-- word of the title; a real response would use the Home Office class):
CREATE TABLE q1_groups AS
  SELECT jsonb_object_agg(row_label, initcap(split_part(row_label, ' ', 1)) || ' (other offences)') AS g
  FROM (SELECT DISTINCT row_label FROM seed_q1) s;
CREATE TABLE q1g AS
  SELECT foistats.protect(x, groups => g, allow_totals => true) AS x FROM q1, q1_groups;
SELECT published_state, count(*) AS n, count(*) FILTER (WHERE meets_rule) AS meets,
       count(*) FILTER (WHERE NOT meets_rule) AS fails
FROM foistats.disclosure_audit((SELECT x FROM q1g)) GROUP BY 1 ORDER BY 1;
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(x, 'text', published_totals => true, sort => 'label') FROM q1g;
\pset format aligned
\pset tuples_only off
-- Groups alone, every total published: rows that cannot be protected are
-- combined where they have company in their group; what is left cannot.
SELECT foistats.protect(x, groups => g) IS NOT NULL FROM q1, q1_groups;
-- Protection changes what is shown, never the counts behind it.
SELECT foistats.grand_total(x) AS grand_total, (SELECT sum(value) FROM seed_q1) AS seed_sum FROM q1g;

-- 5. Controlled rounding to base 5: every figure moves to an adjacent
-- multiple of 5, and rows and columns still add up.
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(foistats.protect(x, method => 'round5'), 'text', published_totals => true)
FROM small;
\pset format aligned
\pset tuples_only off
CREATE TABLE q1r AS SELECT foistats.protect(x, method => 'round5') AS x FROM q1;
WITH cells AS (
  SELECT r.row_label, r.col_label, r.n AS rounded, s.value AS orig
  FROM foistats.rows((SELECT x FROM q1r)) r
  LEFT JOIN seed_q1 s USING (row_label, col_label))
SELECT count(*) AS cells,
       bool_and(rounded % 5 = 0) AS multiples_of_5,
       bool_and(abs(rounded - coalesce(orig, 0)) < 5) AS adjacent,
       bool_and(coalesce(orig, 0) % 5 <> 0 OR rounded = coalesce(orig, 0)) AS multiples_kept
FROM cells;

-- 6. Bad input.
SELECT foistats.protect(x, threshold => 0) FROM small;
SELECT foistats.protect(x, protection => -1) FROM small;
SELECT foistats.protect(x, method => 'blur') FROM small;
SELECT foistats.protect('{}');
SELECT foistats.protect(x, groups => '["A"]') FROM small;
-- (an xtab cannot hold a negative count: the aggregate refuses it first)
SELECT foistats.protect(x) FROM (SELECT foistats.xtab(r, d, n) AS x
  FROM (VALUES ('A', date '2013-01-01', 3::bigint), ('B', date '2013-01-01', -2::bigint)) v(r, d, n)) s;
SELECT * FROM foistats.disclosure_audit('{cols: "2013", "2014"; rows: "A" 1s 2s, "B" 3s 4s}');
SELECT foistats.protect('{cols: "2013"; rows: "A" 3, "B" 7; rowtotals: 3 8}');
SELECT * FROM foistats.disclosure_audit('{cols: "2013", "2014"; rows: "A" 0s 0s, "B" 20 30;
  coltotals: 24 38; rowtotals: 5 40; grandtotal: 62}');
SELECT * FROM foistats.disclosure_audit('{cols: "2013"; rows: "A" 3}', threshold => 0);
SELECT * FROM foistats.disclosure_audit('{cols: "2013"; rows: "A" 3}', totals => 'some');
-- A one-cell table: only withholding every total protects it, and then the
-- value has no published total left, so the audit must be told.
SELECT foistats.protect('{cols: "2013"; rows: "A" 3}', allow_totals => true)::text;
SELECT * FROM foistats.disclosure_audit(foistats.protect('{cols: "2013"; rows: "A" 3}', allow_totals => true));
SELECT row_label, col_label, published_state, min, max, meets_rule
FROM foistats.disclosure_audit(foistats.protect('{cols: "2013"; rows: "A" 3}', allow_totals => true),
                               totals => 'published');
-- A lone withheld cell whose row and column totals are printed from the
-- cells is given away by them.
SELECT row_label, col_label, min, max, meets_rule
FROM foistats.disclosure_audit('{cols: "2013", "2014"; rows: "A" 3s 40, "B" 50 60}', totals => 'computed');
SELECT foistats.protect(NULL::foistats.xtab) IS NULL AS null_in_null_out;

RESET search_path;
DROP SCHEMA protect_test CASCADE;
