-- Disclosure control of multi-label cross-tabs (platforms, any term
-- dictionary): a crime that mentions two platforms counts once under each,
-- so a response prints two totals per column, the MENTIONS (the column sum)
-- and the DISTINCT CRIMES (the units).  What a reader can work out from
-- both (src/suppress.h, "Multi-label tables"): the cells of a column add up
-- to its mentions and none exceeds its distinct crimes -- no platform is
-- mentioned by more crimes than the column has.  protect() publishes the
-- distinct crimes with each column total it publishes and protects the
-- cells against that cap; the exact audit takes it too.
\set schema protect_multilabel
\i sql/include/schema_prelude.sql

-- 2012-2014 crimes mentioning platforms; some mention two or three.
CREATE TABLE crime AS
SELECT g AS id, make_date(2012 + g % 3, 1 + g % 12, 1) AS recorded_on,
       CASE WHEN g % 10 < 6 THEN ARRAY['Facebook']
            WHEN g % 10 = 6 THEN ARRAY['Facebook', 'Snapchat']
            WHEN g % 10 = 7 THEN ARRAY['Snapchat']
            WHEN g % 10 = 8 AND g % 7 = 0 THEN ARRAY['Twitter', 'Facebook', 'WhatsApp']
            WHEN g % 10 = 8 THEN ARRAY['Instagram']
            ELSE ARRAY['WhatsApp'] END AS platforms
  FROM generate_series(1, 150) g
UNION ALL VALUES (151, date '2013-05-01', ARRAY['Tumblr']), (152, date '2014-02-01', ARRAY['Tumblr', 'Snapchat']);
CREATE TABLE t AS SELECT foistats.xtab(platforms, recorded_on) AS x FROM crime;
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(x, 'text') FROM t;
\pset format aligned
\pset tuples_only off

-- Protected: small counts withheld, the distinct crimes published with the
-- column totals.  With every total published, Tumblr (2 crimes in all) can
-- never be protected; with totals allowed its row total goes.
SELECT foistats.protect(x) FROM t;
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(foistats.protect(x, allow_totals => true), 'text') FROM t;
\pset format aligned
\pset tuples_only off
SELECT published_state, count(*) AS n, count(*) FILTER (WHERE meets_rule) AS meet,
       count(*) FILTER (WHERE NOT meets_rule) AS fail
  FROM t, foistats.disclosure_audit(foistats.protect(x, allow_totals => true)) GROUP BY 1 ORDER BY 1;
SELECT foistats.col_units(p) AS units, foistats.total_units(p) AS total_units,
       foistats.col_units(x) = foistats.col_units(p) AS units_as_counted
  FROM (SELECT x, foistats.protect(x, allow_totals => true) AS p FROM t) s;

-- The cap matters.  Two distinct crimes in 2013, mentioning A, B and C:
-- mentions 4 (A 2, B 1, C 1).  As a single-label table, withholding B and
-- C (1 and 1) and A (2) would leave each of them 0 to 4; but no cell can
-- exceed the 2 distinct crimes, so A is 0 to 2 and the 1s are 0 to 2:
-- nowhere near 1 + 5.  The audit says so, with the units printed ...
SELECT row_label, col_label, min, max, meets_rule
  FROM foistats.disclosure_audit('{cols: "2013", "2014"; rows: "A" 2s 40, "B" 1s 30, "C" 1s 20;
  units: 2 80; coltotals: 4 90; rowtotals: 42 31 21; grandtotal: 94}'::foistats.xtab);
-- ... and protect() does not publish a table the cap would expose: with
-- every total published it says which cell cannot be protected; with
-- totals allowed it withholds the 2013 column total and its distinct
-- crimes (printed as the marker) so the cap is gone.
SELECT foistats.protect('{cols: "2013", "2014"; rows: "A" 2 40, "B" 1 30, "C" 1 20; units: 2 80}'::foistats.xtab);
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(foistats.protect('{cols: "2013", "2014"; rows: "A" 2 40, "B" 1 30, "C" 1 20; units: 2 80}'::foistats.xtab,
                                        allow_totals => true), 'text');
\pset format aligned
\pset tuples_only off
SELECT row_label, col_label, published_state, min, max, meets_rule
  FROM foistats.disclosure_audit(foistats.protect('{cols: "2013", "2014"; rows: "A" 2 40, "B" 1 30, "C" 1 20; units: 2 80}'::foistats.xtab,
                                                  allow_totals => true));

-- Random multi-label tables: every protected one passes the exact audit,
-- and every small count is withheld and meets the rule.
SELECT setseed(0.77);
CREATE TABLE rcrime AS
  SELECT t, g, make_date(2011 + (random() * 3)::int, 1, 1) AS d,
         ARRAY(SELECT 'P' || k FROM generate_series(1, 5) k WHERE random() < CASE WHEN k = 1 THEN 0.6 ELSE 0.15 END) AS labels
    FROM generate_series(1, 30) t, generate_series(1, 8 + t) g;
CREATE TABLE rtab AS
  SELECT t, foistats.xtab(labels, d) AS x FROM rcrime WHERE cardinality(labels) > 0 GROUP BY t;
CREATE TABLE rprot AS SELECT t, x, foistats.protect(x, allow_totals => true) AS p FROM rtab;
SELECT count(*) AS tables, bool_and(foistats.is_multi_label(p)) AS multi_label,
       sum((SELECT count(*) FROM foistats.disclosure_audit(p) a WHERE a.meets_rule)) AS small_withheld_meeting_rule,
       sum((SELECT count(*) FROM foistats.disclosure_audit(p) a WHERE NOT a.meets_rule)) AS failing,
       sum((SELECT count(*) FROM foistats.rows(x) r WHERE r.n BETWEEN 1 AND 4)) AS small_counts
  FROM rprot;

SET client_min_messages = warning;
DROP SCHEMA protect_multilabel CASCADE;
RESET client_min_messages;
