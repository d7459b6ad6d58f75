-- The same crimes by two breakdowns: offence x year and age band x year of
-- one population share their column totals and grand total.  With every
-- total published the link gives a reader nothing; with allow_totals a
-- table may withhold a total the other publishes, or both withhold it and
-- their figures together narrow it.  protect_linked(..., same_totals) and
-- disclosure_audit_linked(..., same_totals) take the link (src/suppress.h,
-- "The same crimes by two breakdowns").
-- test/checks/protect_attacker.sh attacks the pair with an integer program.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;
CREATE SCHEMA protect_breakdowns;
SET search_path = protect_breakdowns, public;

-- The breakdowns (n, x) of table t protected together as two breakdowns of
-- the same crimes, totals allowed, as (n, p); and the audit of the pair
-- (n, p) in table t.
CREATE FUNCTION protect_pair(t regclass) RETURNS TABLE (n bigint, p foistats.xtab)
LANGUAGE plpgsql AS $fn$
BEGIN
    RETURN QUERY EXECUTE format($q$SELECT ord, p FROM unnest(foistats.protect_linked(ARRAY(SELECT x FROM %s ORDER BY n),
        same_totals => '{2,NULL}', allow_totals => true)) WITH ORDINALITY AS u(p, ord)$q$, t);
END
$fn$;
CREATE FUNCTION audit_pair(t regclass)
RETURNS TABLE (table_no integer, row_label text, col_label text, published_state text, min bigint, max bigint,
               bound_min bigint, bound_max bigint, meets_rule boolean, exact boolean)
LANGUAGE plpgsql AS $fn$
BEGIN
    RETURN QUERY EXECUTE format($q$SELECT * FROM foistats.disclosure_audit_linked(ARRAY(SELECT p FROM %s ORDER BY n),
        same_totals => '{2,NULL}')$q$, t);
END
$fn$;

-- 32 crimes: by offence (table 1) and by age band (table 2).  Both add up
-- to 12 in 2022 and 20 in 2023.
CREATE TABLE bd (n int, x foistats.xtab);
INSERT INTO bd SELECT n, foistats.parse_table(tbl) FROM (VALUES
(1, E'\t2022\t2023\tGrand Total\nTheft\t2\t20\t22\nAssault\t10\t0\t10\nGrand Total\t12\t20\t32'),
(2, E'\t2022\t2023\tGrand Total\nUnder 18\t6\t9\t15\n18 and over\t6\t11\t17\nGrand Total\t12\t20\t32')) v(n, tbl);

-- (a) Each protected on its own, totals allowed.  Table 1's Theft 2022 (a
-- 2) cannot be protected with every total published: to lower it, Assault
-- 2022 would rise and Assault 2023, a 0, fall.  protect withholds both column totals (Theft 2022 - d, 2022's
-- total - d, 2023's total + d, Theft 2023 + d keeps every published
-- figure).  Table 2 has no small count and publishes everything.
CREATE TABLE alone AS SELECT n, foistats.protect(x, allow_totals => true) AS p FROM bd;
\a \t
SELECT foistats.render(p, 'text') FROM alone ORDER BY n;
\a \t
-- Table 1 alone: Theft 2022 is anything from 0 to 22 (Theft's total).
SELECT row_label, col_label, published_state, min, max, meets_rule
  FROM alone, foistats.disclosure_audit(p) WHERE n = 1 ORDER BY 1, 2;
-- Beside table 2: 2022's total is table 2's 12, so Theft 2022 is 12 - 10
-- (Assault) = 2, and Theft 2023 is 20.  Without the link the audit sees
-- nothing wrong.
SELECT * FROM audit_pair('alone') ORDER BY 1, 2, 3;
SELECT count(*) FILTER (WHERE NOT meets_rule) AS failing_without_the_link
  FROM foistats.disclosure_audit_linked(ARRAY(SELECT p FROM alone ORDER BY n));

-- (b) Protected together: table 2 withholds the totals table 1 withholds
-- (the same figures), and one of its rows in both years, so that the
-- crimes moved through the totals have a way back: Theft 2022 + d, the
-- 2022 total + d, Under 18 2022 + d, Under 18 2023 - d, the 2023 total - d,
-- Theft 2023 - d keeps every published figure of both tables.  Under 18
-- (6 and 9, least figure 6 >= 5, 15 in all) is chosen over 18 and over
-- (6 and 11).
CREATE TABLE joint AS SELECT * FROM protect_pair('bd');
\a \t
SELECT foistats.render(p, 'text') FROM joint ORDER BY n;
\a \t
-- Theft 2022 = 2022's total - 10 = Under 18 2022 + 6 - 10; Under 18 2022 =
-- 15 - Under 18 2023, at most 15: Theft 2022 runs from 0 to 11 (Under 18
-- 2023 at 0), Theft 2023 = 22 - Theft 2022 from 11 to 22, 2022's total =
-- 10 + Theft 2022 from 10 to 21, 2023's = Theft 2023; Under 18 2022 =
-- 2022's total - 6 from 4 to 15, Under 18 2023 = 15 - that.  Exact: the
-- pair's audit is one network, its maximum flows exact bounds.
SELECT * FROM audit_pair('joint') ORDER BY 1, 2, 3;
-- same_totals => '{NULL,1}' and '{2,1}' say the same.
SELECT (SELECT array_agg(p::text) FROM unnest(foistats.protect_linked(ARRAY(SELECT x FROM bd ORDER BY n),
                                               same_totals => '{NULL,1}', allow_totals => true)) p) =
       (SELECT array_agg(p::text ORDER BY n) FROM joint) AS reversed_same,
       (SELECT array_agg(p::text) FROM unnest(foistats.protect_linked(ARRAY(SELECT x FROM bd ORDER BY n),
                                               same_totals => '{2,1}', allow_totals => true)) p) =
       (SELECT array_agg(p::text ORDER BY n) FROM joint) AS both_ways_same;

-- given: a breakdown published already keeps its pattern.  Table 1 as
-- protected on its own (returned as it came), table 2 protected around it:
-- table 2 as protected together above.
SELECT bool_and(CASE o WHEN 1 THEN p::text = (SELECT p::text FROM alone WHERE n = 1)
                       ELSE p::text = (SELECT p::text FROM joint WHERE n = 2) END) AS given_kept_other_as_together
  FROM unnest(foistats.protect_linked(ARRAY[(SELECT p FROM alone WHERE n = 1), (SELECT x FROM bd WHERE n = 2)],
                                      same_totals => '{2,NULL}', given => '{t,f}', allow_totals => true))
       WITH ORDINALITY AS u(p, o);
-- Table 2 published already with every total: table 1 cannot hide behind
-- its column totals (table 2 prints them), so it withholds Assault 2022
-- and both row totals instead (Theft 2022 - d, Assault 2022 + d, Assault's
-- total + d, Theft's total - d): Theft 2022 is anything from 0 to 12.
CREATE TABLE given2 AS
  SELECT ord AS n, p FROM unnest(foistats.protect_linked(ARRAY[(SELECT x FROM bd WHERE n = 1), (SELECT p FROM alone WHERE n = 2)],
                                                          same_totals => '{2,NULL}', given => '{f,t}', allow_totals => true))
                          WITH ORDINALITY AS u(p, ord);
\a \t
SELECT foistats.render(p, 'text') FROM given2 WHERE n = 1;
\a \t
SELECT * FROM audit_pair('given2') ORDER BY 1, 2, 3;

-- (c) Both withhold a total, and their figures together narrow it.  Table
-- 1 publishes only Theft 2021 (8) and the grand total (16): the other
-- three cells add up to 8, so 2022's total is at most 8.  Table 2 alone
-- allows 2022's total up to 11 (16 - 5 published), but with table 1's
-- bound its 18-24 2022 (a 4) is at most 8, never 9 = 4 + 5.
CREATE TABLE bd2 (n int, x foistats.xtab);
INSERT INTO bd2 SELECT n, foistats.parse_table(tbl) FROM (VALUES
(1, E'\t2021\t2022\tGrand Total\nTheft\t8\t3\t11\nAssault\t3\t2\t5\nGrand Total\t11\t5\t16'),
(2, E'\t2021\t2022\tGrand Total\nUnder 18\t4\t1\t5\n18-24\t5\t4\t9\n25 and over\t2\t0\t2\nGrand Total\t11\t5\t16')) v(n, tbl);
CREATE TABLE alone2 AS SELECT n, foistats.protect(x, allow_totals => true) AS p FROM bd2;
\a \t
SELECT foistats.render(p, 'text') FROM alone2 ORDER BY n;
\a \t
SELECT table_no, row_label, col_label, published_state, min, max, bound_min, bound_max, meets_rule
  FROM audit_pair('alone2') WHERE NOT meets_rule OR row_label IS NULL ORDER BY 1, 2, 3;
-- Protected together, every small count of both meets the rule.
CREATE TABLE joint2 AS SELECT * FROM protect_pair('bd2');
\a \t
SELECT foistats.render(p, 'text') FROM joint2 ORDER BY n;
\a \t
SELECT * FROM audit_pair('joint2') ORDER BY 1, 2, 3;

-- (d) 200 random pairs from one set of crimes each (2..5 offences, 2..4
-- age bands, 2..4 years, 5..54 crimes, skewed to small counts): each
-- protected on its own, the link gives small counts away in many; protected
-- together, none, every interval exact, and every total one withholds the
-- other withholds too.
\i sql/include/random_breakdowns.sql
SELECT setseed(0.13);
CREATE TABLE crimes AS SELECT * FROM random_breakdowns(200);
CREATE TABLE pairs AS
  SELECT t, foistats.xtab(offence, day) AS a, foistats.xtab(age, day) AS b FROM crimes GROUP BY t;
CREATE TABLE rand_alone AS
  SELECT t, foistats.protect(a, allow_totals => true) AS pa, foistats.protect(b, allow_totals => true) AS pb FROM pairs;
SELECT count(*) AS pairs, count(*) FILTER (WHERE f > 0) AS pairs_giving_counts_away, sum(f) AS small_counts_failing
  FROM (SELECT (SELECT count(*) FILTER (WHERE NOT meets_rule)
                  FROM foistats.disclosure_audit_linked(ARRAY[pa, pb], same_totals => '{2,NULL}')) AS f
          FROM rand_alone) s;
CREATE TABLE rand_joint AS
  SELECT t, foistats.protect_linked(ARRAY[a, b], same_totals => '{2,NULL}', allow_totals => true) AS p FROM pairs;
CREATE TABLE rand_aud AS
  SELECT t, d.* FROM rand_joint, foistats.disclosure_audit_linked(p, same_totals => '{2,NULL}') d;
SELECT count(DISTINCT t) AS pairs_withholding,
       count(*) FILTER (WHERE published_state = 'primary') AS primary_cells,
       count(*) FILTER (WHERE meets_rule) AS meet_rule,
       count(*) FILTER (WHERE NOT meets_rule) AS fail_rule,
       count(*) FILTER (WHERE NOT exact) AS not_exact
  FROM rand_aud;
-- every small count withheld as primary
SELECT count(*) AS small_counts, count(*) FILTER (WHERE a.row_label IS NULL) AS published
  FROM (SELECT t, 1 AS k, r.* FROM pairs, foistats.rows(pairs.a) r UNION ALL
        SELECT t, 2, r.* FROM pairs, foistats.rows(pairs.b) r) c
  LEFT JOIN rand_aud a ON a.t = c.t AND a.table_no = c.k AND a.row_label = c.row_label
                      AND a.col_label = c.col_label AND a.published_state = 'primary'
 WHERE c.n BETWEEN 1 AND 4;
-- the price: figures withheld (cells and totals), each on its own and together
SELECT (SELECT count(*) FROM rand_alone, foistats.disclosure_audit_linked(ARRAY[pa, pb])) AS withheld_alone,
       (SELECT count(*) FROM rand_aud) AS withheld_together;
SELECT count(*) AS totals_withheld_in_one_only
  FROM rand_aud x
 WHERE x.row_label IS NULL
   AND NOT EXISTS (SELECT 1 FROM rand_aud y WHERE y.t = x.t AND y.table_no = 3 - x.table_no AND y.row_label IS NULL
                                             AND y.col_label IS NOT DISTINCT FROM x.col_label);

-- Bad input.
CREATE TABLE a AS SELECT x FROM bd WHERE n = 1;
CREATE TABLE b AS SELECT x FROM bd WHERE n = 2;
-- not another table
SELECT foistats.protect_linked(ARRAY[(SELECT x FROM a), (SELECT x FROM b)], same_totals => '{1,NULL}');
SELECT foistats.protect_linked(ARRAY[(SELECT x FROM a), (SELECT x FROM b)], same_totals => '{3,NULL}');
SELECT foistats.protect_linked(ARRAY[(SELECT x FROM a), (SELECT x FROM b)], same_totals => '{2}');
-- three breakdowns (a cycle, or two links to one table) are not modelled
SELECT foistats.protect_linked(ARRAY[(SELECT x FROM a), (SELECT x FROM b), (SELECT x FROM b)], same_totals => '{2,3,1}');
SELECT foistats.protect_linked(ARRAY[(SELECT x FROM a), (SELECT x FROM b), (SELECT x FROM b)], same_totals => '{2,1,1}');
-- other columns
SELECT foistats.protect_linked(ARRAY[(SELECT x FROM a), foistats.parse_table(
  E'\t2022\t2024\tGrand Total\nUnder 18\t6\t9\t15\n18 and over\t6\t11\t17\nGrand Total\t12\t20\t32')], same_totals => '{2,NULL}');
-- not the same crimes
SELECT foistats.disclosure_audit_linked(ARRAY[(SELECT x FROM a), foistats.parse_table(
  E'\t2022\t2023\tGrand Total\nUnder 18\t6\t9\t15\n18 and over\t7\t11\t18\nGrand Total\t13\t20\t33')], same_totals => '{2,NULL}');
-- a row label both list
SELECT foistats.protect_linked(ARRAY[(SELECT x FROM a), foistats.parse_table(
  E'\t2022\t2023\tGrand Total\nTheft\t6\t9\t15\n18 and over\t6\t11\t17\nGrand Total\t12\t20\t32')], same_totals => '{2,NULL}');
-- with another link
SELECT foistats.protect_linked(ARRAY[(SELECT x FROM a), (SELECT x FROM b), (SELECT x FROM a)],
                               subset_of => '{NULL,NULL,1}', same_totals => '{2,NULL,NULL}');
-- a breakdown published already (under threshold 2: no count of 1) that
-- prints the total of a column whose only crimes are a small count
SELECT foistats.protect_linked(ARRAY[foistats.parse_table(E'\t2022\t2023\tGrand Total\nTheft\t2\t20\t22\nAssault\t0\t10\t10\nGrand Total\t2\t30\t32'),
                                     foistats.protect(foistats.parse_table(E'\t2022\t2023\tGrand Total\nUnder 18\t2\t13\t15\n18 and over\t0\t17\t17\nGrand Total\t2\t30\t32'), threshold => 2)],
                               same_totals => '{2,NULL}', given => '{f,t}', allow_totals => true);
-- a multi-label table (mentions and distinct crimes)
SELECT foistats.protect_linked(ARRAY['{cols: "2022", "2023"; rows: "A" 7 12, "B" 6 9; units: 12 20}'::foistats.xtab,
                                     (SELECT x FROM b)], same_totals => '{2,NULL}');

-- Found in review: a table of the family outside the pair, listed first,
-- whose column the pair lacks.  The pair's row totals are the pair's
-- whatever the order of the tables: the same audit (off2's 1 can be 0 to 20:
-- its row total, off0's and the column total of 26 leave it open), the same
-- protection (the pair of above with an unrelated table first or last).
CREATE TABLE ord (k text, x foistats.xtab);
INSERT INTO ord VALUES
  ('a', '{cols: "2020"; rows: "off0" 19s, "off1" 6, "off2" 1s; coltotals: 26; rowtotals: - - -}'),
  ('b', '{cols: "2020"; rows: "age0" 22, "age1" 4; coltotals: 26; rowtotals: - 4; grandtotal: 26}'),
  ('c', '{cols: "1999", "2020"; rows: "other" 1 2}'),
  ('other', '{cols: "2000"; rows: "Other" 50}');
SELECT 'pair alone' AS family, table_no - 1 AS pair_table, row_label, col_label, min, max, meets_rule, exact
  FROM foistats.disclosure_audit_linked(ARRAY[(SELECT x FROM ord WHERE k = 'a'), (SELECT x FROM ord WHERE k = 'b')],
                                        same_totals => '{2,1}')
 WHERE row_label = 'off2'
UNION ALL
SELECT 'another table first', table_no - 2, row_label, col_label, min, max, meets_rule, exact
  FROM foistats.disclosure_audit_linked(ARRAY[(SELECT x FROM ord WHERE k = 'c'), (SELECT x FROM ord WHERE k = 'a'),
                                              (SELECT x FROM ord WHERE k = 'b')], same_totals => '{NULL,3,2}')
 WHERE row_label = 'off2';
SELECT (SELECT array_agg(p::text ORDER BY o) FROM unnest(foistats.protect_linked(ARRAY[(SELECT x FROM a), (SELECT x FROM b), (SELECT x FROM ord WHERE k = 'other')],
                                      same_totals => '{2,1,NULL}', allow_totals => true)) WITH ORDINALITY AS u(p, o) WHERE o <= 2) =
       (SELECT array_agg(p::text ORDER BY o) FROM unnest(foistats.protect_linked(ARRAY[(SELECT x FROM ord WHERE k = 'other'), (SELECT x FROM a), (SELECT x FROM b)],
                                      same_totals => '{NULL,3,2}', allow_totals => true)) WITH ORDINALITY AS u(p, o) WHERE o >= 2)
       AS same_pattern_either_order;
