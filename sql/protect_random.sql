-- Property test of foistats.protect() in SQL: random tables (2..11 rows by
-- 2..6 years, many small counts, seeded), protected, then audited by
-- foistats.disclosure_audit().  Every withheld small count must meet the
-- rule, every small count must be withheld, the output must not depend on
-- anything but the input.  (The C property test, test/checks/protect_core.sh,
-- runs thousands of tables up to 200 x 20.)
\set schema protect_random
\i sql/include/schema_prelude.sql

\i sql/include/random_cells.sql
SELECT setseed(0.2026);
CREATE TABLE cells AS SELECT * FROM random_cells(300, 10, 5, 0.35, 0.70, 0.90, 200);
CREATE TABLE tabs AS
  SELECT t, foistats.xtab(row_label, make_date(year, 1, 1), n) AS x FROM cells GROUP BY t;
SELECT count(*) AS tables, min(foistats.grand_total(x)) >= 0 AS ok FROM tabs;

-- With totals allowed to be withheld, every table can be protected.
CREATE TABLE prot AS SELECT t, foistats.protect(x, allow_totals => true) AS p FROM tabs;
CREATE TABLE aud AS
  SELECT t, a.* FROM prot, LATERAL foistats.disclosure_audit(p) a;
SELECT count(DISTINCT t) AS tables_with_withheld_figures,
       count(*) FILTER (WHERE published_state = 'primary') AS primary_cells,
       count(*) FILTER (WHERE published_state = 'secondary') AS secondary_cells,
       count(*) FILTER (WHERE published_state = 'total') AS withheld_totals,
       count(*) FILTER (WHERE meets_rule) AS meet_rule,
       count(*) FILTER (WHERE NOT meets_rule) AS fail_rule
FROM aud;
-- every small count is withheld as primary, nothing else is primary
SELECT count(*) AS small_counts,
       count(*) FILTER (WHERE a.published_state = 'primary') AS withheld_as_primary
FROM cells c LEFT JOIN aud a
  ON a.t = c.t AND a.row_label = c.row_label AND a.col_label = c.year::text
WHERE c.n BETWEEN 1 AND 4;
SELECT count(*) AS primary_not_small
FROM aud a JOIN cells c
  ON a.t = c.t AND a.row_label = c.row_label AND a.col_label = c.year::text
WHERE a.published_state = 'primary' AND NOT c.n BETWEEN 1 AND 4;
-- deterministic
SELECT bool_and(foistats.protect(x, allow_totals => true)::text = p::text) AS deterministic
FROM tabs JOIN prot USING (t);

-- With every total published: each table is either protected (and passes
-- the audit) or refused with an error naming a cell that no cell
-- suppression can protect.
CREATE FUNCTION try_protect(x foistats.xtab) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT bool_and(coalesce(meets_rule, true)) FROM foistats.disclosure_audit(foistats.protect(x)))
     IS DISTINCT FROM false THEN
    RETURN 'protected, audit passed';
  END IF;
  RETURN 'protected, AUDIT FAILED';
EXCEPTION WHEN data_exception THEN
  RETURN CASE WHEN SQLERRM LIKE 'cannot protect row % while every total is published'
              THEN 'refused: a cell no cell suppression can protect'
              ELSE 'refused: ' || SQLERRM END;
END $$;
SELECT try_protect(x) AS outcome, count(*) FROM tabs GROUP BY 1 ORDER BY 1;

-- Controlled rounding: cells are multiples of 5, and every total (row,
-- column, grand) of the rounded cells is within 5 of the true total, i.e.
-- the rounded table adds up to rounded totals.
CREATE TABLE rnd AS SELECT t, foistats.protect(x, method => 'round5') AS r FROM tabs;
SELECT bool_and(abs(rr.total - tr.total) < 5) AS row_totals_adjacent,
       bool_and(rr.cells::text ~ '^\{[0-9]*[05](,[0-9]*[05])*\}$') AS cells_multiple_of_5,
       count(*) AS rows
FROM tabs JOIN rnd USING (t),
     LATERAL foistats.wide(x) tr, LATERAL foistats.wide(r) rr
WHERE tr.row_label = rr.row_label;
SELECT bool_and(abs(rc - tc) < 5) AS col_totals_adjacent,
       bool_and(abs(foistats.grand_total(r) - foistats.grand_total(x)) < 5) AS grand_adjacent
FROM tabs JOIN rnd USING (t),
     LATERAL unnest(foistats.col_totals(x), foistats.col_totals(r)) u(tc, rc);

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA protect_random CASCADE;
RESET client_min_messages;
