-- Linked tables for two periods: last year's response published a table for
-- 2019-2023, this year's publishes the same table for 2020-2024.  The
-- columns 2020-2023 count the same crimes, and a reader holds both.
-- protect_linked(..., same_as, given) protects this year's table with last
-- year's as published (src/suppress.h, "The same crimes in two tables").
-- test/checks/protect_attacker.sh attacks the same with an integer program.
\set schema protect_periods
\set with_sample
\i sql/include/schema_prelude.sql

CREATE TABLE yr (n int, x foistats.xtab);
INSERT INTO yr SELECT n, foistats.parse_table(tbl) FROM (VALUES
(1, E'\t2019\t2020\t2021\t2022\t2023\tGrand Total\nA\t2\t30\t25\t28\t31\t116\nB\t20\t3\t22\t19\t24\t88\nC\t15\t14\t12\t4\t16\t61\nD\t11\t13\t10\t12\t1\t47\nGrand Total\t48\t60\t69\t63\t72\t312'),
(2, E'\t2020\t2021\t2022\t2023\t2024\tGrand Total\nA\t30\t25\t28\t31\t27\t141\nB\t3\t22\t19\t24\t21\t89\nC\t14\t12\t4\t16\t2\t48\nD\t13\t10\t12\t1\t15\t51\nGrand Total\t60\t69\t63\t72\t65\t329')) v(n, tbl);
-- Last year's table as it was published (protected on its own).
CREATE TABLE last AS SELECT foistats.protect(x) AS p FROM yr WHERE n = 1;
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(p, 'text') FROM last;
\pset format aligned
\pset tuples_only off

-- This year's protected on its own passes its own audit ...
CREATE TABLE alone AS SELECT foistats.protect(x) AS p FROM yr WHERE n = 2;
SELECT count(*) FILTER (WHERE NOT meets_rule) AS failing_alone FROM alone, foistats.disclosure_audit(p);
-- ... but not beside last year's (min..max: values the reader cannot rule
-- out; min = max: he works it out).  Row A: last year withheld 2019 and
-- 2023 (2019 + 2023 = 116 - 30 - 25 - 28 = 33), this year publishes 2023 =
-- 31: 2019 is 2.  Row C: last year withheld 2022 and 2023 (together 61 -
-- 15 - 14 - 12 = 20), this year withholds 2022, 2023 and 2024 (together 48 -
-- 14 - 12 = 22): 2024 is 22 - 20 = 2, and 2022 (a 4) is narrowed to 3..20 in
-- both tables.
SELECT table_no, row_label, col_label, min, max, bound_min, bound_max, meets_rule
  FROM foistats.disclosure_audit_linked(ARRAY[(SELECT p FROM last), (SELECT p FROM alone)], same_as => '{2,NULL}')
 WHERE NOT meets_rule ORDER BY 1, 2, 3;

-- Protected with last year's as given.  With every total published the
-- new year's small count in row C cannot be protected (2024 = the row's
-- total - last year's row total + last year's 2019): the row's total has to
-- go.
SELECT foistats.protect_linked(ARRAY[(SELECT p FROM last), (SELECT x FROM yr WHERE n = 2)],
                               same_as => '{2,NULL}', given => '{t,f}');
CREATE TABLE joint AS
  SELECT ord AS n, p FROM unnest(foistats.protect_linked(ARRAY[(SELECT p FROM last), (SELECT x FROM yr WHERE n = 2)],
                                                          same_as => '{2,NULL}', given => '{t,f}', allow_totals => true))
                          WITH ORDINALITY AS u(p, ord);
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(p, 'text') FROM joint WHERE n = 2;
\pset format aligned
\pset tuples_only off
-- Last year's comes back as it was published.
SELECT (SELECT p FROM joint WHERE n = 1)::text = (SELECT p FROM last)::text AS last_year_unchanged;
-- One pattern: a figure withheld last year is withheld this year, and no
-- figure published last year is withheld this year (it would hide nothing).
SELECT count(*) FILTER (WHERE a.n IS NULL AND b.n IS NOT NULL) AS withheld_last_year_published_now,
       count(*) FILTER (WHERE a.n IS NOT NULL AND b.n IS NULL) AS published_last_year_withheld_now
  FROM joint l, foistats.rows(l.p) a, joint t, foistats.rows(t.p) b
 WHERE l.n = 1 AND t.n = 2 AND a.row_label = b.row_label AND a.col_label = b.col_label;
-- Every small count of both years meets the rule beside the other year.
SELECT table_no, published_state, count(*) AS n, count(*) FILTER (WHERE meets_rule) AS meet,
       count(*) FILTER (WHERE NOT meets_rule) AS fail, count(*) FILTER (WHERE exact) AS exact
  FROM foistats.disclosure_audit_linked(ARRAY(SELECT p FROM joint ORDER BY n), same_as => '{2,NULL}')
 GROUP BY 1, 2 ORDER BY 1, 2;
-- Last year's row A 2019 again: this year's withheld 2024 moves with it.
SELECT table_no, row_label, col_label, published_state, min, max, bound_min, bound_max, meets_rule
  FROM foistats.disclosure_audit_linked(ARRAY(SELECT p FROM joint ORDER BY n), same_as => '{2,NULL}')
 WHERE row_label = 'A' AND col_label IN ('2019', '2023', '2024') ORDER BY 1, 3;

-- Revisions.  This year's D 2022 counts one crime more than last year's
-- (late recorded) and A 2021 one fewer (no-crimed).  The reader is taken to
-- know every revision (a later response explains what changed): a cell
-- withheld last year stays withheld, its interval shifted by the revision.
CREATE TABLE rev AS SELECT foistats.parse_table(
  E'\t2020\t2021\t2022\t2023\t2024\tGrand Total\nA\t30\t24\t28\t31\t27\t140\nB\t3\t22\t19\t24\t21\t89\nC\t14\t12\t4\t16\t2\t48\nD\t13\t10\t13\t1\t15\t52\nGrand Total\t60\t68\t64\t72\t65\t329') AS x;
CREATE TABLE revj AS
  SELECT ord AS n, p FROM unnest(foistats.protect_linked(ARRAY[(SELECT p FROM last), (SELECT x FROM rev)],
                                                          same_as => '{2,NULL}', given => '{t,f}', allow_totals => true))
                          WITH ORDINALITY AS u(p, ord);
SELECT table_no, row_label, col_label, published_state, min, max, bound_min, bound_max
  FROM foistats.disclosure_audit_linked(ARRAY(SELECT p FROM revj ORDER BY n), same_as => '{2,NULL}')
 WHERE row_label = 'D' AND col_label = '2022' ORDER BY 1;
SELECT count(*) FILTER (WHERE NOT meets_rule) AS failing
  FROM foistats.disclosure_audit_linked(ARRAY(SELECT p FROM revj ORDER BY n), same_as => '{2,NULL}');
-- A count published last year that is small now (5 then, 4 after a
-- no-crime) is given away by last year's figure and the revision: refused.
SELECT foistats.protect_linked(ARRAY[foistats.protect('{cols: "2019", "2020"; rows: "A" 10 5, "B" 10 10}'::foistats.xtab),
                                     '{cols: "2020", "2021"; rows: "A" 4 10, "B" 10 10}'::foistats.xtab],
                               same_as => '{2,NULL}', given => '{t,f}', allow_totals => true);

-- Neither given (two periods in one response): one pattern for both.
SELECT count(*) FILTER (WHERE meets_rule) AS small_meeting_rule, count(*) FILTER (WHERE NOT meets_rule) AS failing,
       count(*) FILTER (WHERE table_no = 1) AS withheld_1, count(*) FILTER (WHERE table_no = 2) AS withheld_2
  FROM foistats.disclosure_audit_linked(
         foistats.protect_linked(
           ARRAY['{cols: "2019", "2020", "2021"; rows: "A" 3 9 20, "B" 12 10 11, "C" 30 2 16}'::foistats.xtab,
                 '{cols: "2020", "2021", "2022"; rows: "A" 9 20 7, "B" 10 11 1, "C" 2 16 25}'::foistats.xtab],
           same_as => '{2,NULL}', allow_totals => true),
         same_as => '{2,NULL}');

-- Refusals.
SELECT foistats.protect_linked(ARRAY(SELECT x FROM yr ORDER BY n), same_as => '{2}');
SELECT foistats.protect_linked(ARRAY(SELECT x FROM yr ORDER BY n), same_as => '{1,NULL}');
SELECT foistats.protect_linked(ARRAY['{cols: "2019", "2020"; rows: "A" 10 5}'::foistats.xtab,
                                     '{cols: "2020", "2021"; rows: "A" 5 10}'::foistats.xtab],
                               same_as => '{2,NULL}', given => '{t,f}');
-- A table published in full is given as it is (a parsed one: its totals
-- are published), and then this year's B 2020 = 3 is last year's figure.
SELECT foistats.protect_linked(ARRAY(SELECT x FROM yr ORDER BY n), same_as => '{2,NULL}', given => '{t,f}',
                               allow_totals => true);
SELECT foistats.protect_linked(ARRAY(SELECT x FROM yr ORDER BY n), '{NULL,1}', same_as => '{2,NULL}');

-- The seed request answered in two years' responses: last year's for
-- 2009-2013 (questions 1, 1b, 1c protected together, as published), this
-- year's for 2010-2014.  Protected each on its own, the two years' tables
-- leave small counts the moves of the six tables cannot certify (the
-- attacker finds 8 of this year's table 1 narrowed below the rule);
-- protected with last year's given, none.
SELECT foistats.bind_records('tr_seed', 'foistats_sample.crimes');
SELECT foistats.define_request('seed_protected',
  foistats.request_spec('wmp_2014_child_sexual_offences') || '{"protect": {"threshold": 5, "allow_totals": true}}');
CREATE TABLE ly AS
  SELECT question, xtab FROM foistats.rerun('seed_protected', '2009-01-01', '2013-12-31', 'tr_seed.records')
   WHERE question IN ('1', '1b', '1c');
CREATE TABLE ty AS
  SELECT question, xtab FROM foistats.rerun('seed_protected', '2010-01-01', '2014-12-31', 'tr_seed.records')
   WHERE question IN ('1', '1b', '1c');
CREATE TABLE ty_true AS
  SELECT q AS question, foistats.request_answer('seed_protected', foistats.request_spec('seed_protected'), q, 'tr_seed.records'::regclass,
                                                 '2010-01-01', '2014-12-31', false) AS xtab
    FROM unnest(ARRAY['1', '1b', '1c']) q;
SELECT table_no, count(*) FILTER (WHERE meets_rule) AS small_meeting_rule,
       count(*) FILTER (WHERE NOT meets_rule) AS failing, count(*) AS withheld_figures
  FROM foistats.disclosure_audit_linked(ARRAY(SELECT xtab FROM ly ORDER BY question) || ARRAY(SELECT xtab FROM ty ORDER BY question),
                                        '{NULL,1,1,NULL,4,4}', same_as => '{4,5,6,NULL,NULL,NULL}')
 GROUP BY 1 ORDER BY 1;
CREATE TABLE both_years AS
  SELECT ord AS n, p FROM unnest(foistats.protect_linked(
           ARRAY(SELECT xtab FROM ly ORDER BY question) || ARRAY(SELECT xtab FROM ty_true ORDER BY question),
           '{NULL,1,1,NULL,4,4}', allow_totals => true,
           same_as => '{4,5,6,NULL,NULL,NULL}', given => '{t,t,t,f,f,f}')) WITH ORDINALITY AS u(p, ord);
SELECT table_no, count(*) FILTER (WHERE meets_rule) AS small_meeting_rule,
       count(*) FILTER (WHERE NOT meets_rule) AS failing, count(*) AS withheld_figures
  FROM foistats.disclosure_audit_linked(ARRAY(SELECT p FROM both_years ORDER BY n),
                                        '{NULL,1,1,NULL,4,4}', same_as => '{4,5,6,NULL,NULL,NULL}')
 GROUP BY 1 ORDER BY 1;

-- The same through the request: last year's answer saved, this year's
-- rerun with previous => its label protects each family with it.
SELECT foistats.save_answer('seed_protected', '2013 response', 'tr_seed.records', '2009-01-01', '2013-12-31');
CREATE TABLE rr AS
  SELECT question, xtab FROM foistats.rerun('seed_protected', '2010-01-01', '2014-12-31', 'tr_seed.records',
                                            previous => '2013 response');
SELECT r.question, r.xtab::text = b.p::text AS same_as_protect_linked
  FROM rr r JOIN both_years b ON b.n = 3 + array_position(ARRAY['1', '1b', '1c'], r.question)
 ORDER BY 1;
-- 3 (the platform table, a family of its own) and 1d (a count) are each
-- protected with the saved answer's own 3 and 1d: 1d withholds the same
-- cells as without previous, 3 one cell more (all 7 it withholds without
-- previous are among the 8).
SELECT r.question, count(*) FILTER (WHERE a.n IS NULL) AS withheld,
       count(*) FILTER (WHERE b.n IS NULL) AS withheld_without_previous,
       count(*) FILTER (WHERE (a.n IS NULL) <> (b.n IS NULL)) AS withheld_otherwise
  FROM rr r JOIN foistats.rerun('seed_protected', '2010-01-01', '2014-12-31', 'tr_seed.records') t USING (question),
       foistats.rows(r.xtab) a JOIN foistats.rows(t.xtab) b USING (row_label, col_label)
 WHERE r.question NOT IN ('1', '1b', '1c') GROUP BY 1 ORDER BY 1;
-- ... and every small count of both years' platform tables meets the rule.
SELECT count(*) FILTER (WHERE meets_rule) AS small_meeting_rule, count(*) FILTER (WHERE NOT meets_rule) AS failing
  FROM foistats.disclosure_audit_linked(ARRAY[(SELECT published FROM foistats.answer_table
                                                WHERE request = 'seed_protected' AND label = '2013 response' AND question = '3'),
                                              (SELECT xtab FROM rr WHERE question = '3')],
                                        same_as => '{2,NULL}');
SELECT count(*) FROM foistats.rerun('seed_protected', '2010-01-01', '2014-12-31', 'tr_seed.records', previous => '2012 response');

-- This year's table lists fewer years than last year's (2020-2022 against
-- 2019-2022): nothing of this year's sits beside last year's 2019.  This
-- year's row totals count the rest of each row (A 2019 = 32 - 30 = 2, as
-- last year's published row total is 32), so they are withheld; then a move
-- of both tables carries what would go to this year's missing 2019 cell into
-- its withheld row total instead (src/suppress_linked.c, absent_col), and
-- the withheld 2019 cells stay as uncertain as last year's table alone left
-- them.  (Refused before, as 158 of 195 random tables of this shape were.)
CREATE TABLE short AS SELECT n, foistats.parse_table(tbl) AS x FROM (VALUES
(1, E'\t2019\t2020\t2021\t2022\tGrand Total\nA\t2\t25\t1\t4\t32\nB\t1\t15\t15\t15\t46\nC\t12\t3\t1\t15\t31\nGrand Total\t15\t43\t17\t34\t109'),
(2, E'\t2020\t2021\t2022\tGrand Total\nA\t25\t1\t4\t30\nB\t15\t15\t15\t45\nC\t3\t1\t15\t19\nGrand Total\t43\t17\t34\t94')) v(n, tbl);
CREATE TABLE short_last AS SELECT foistats.protect(x) AS p FROM short WHERE n = 1;
CREATE TABLE short_joint AS
  SELECT ord AS n, p FROM unnest(foistats.protect_linked(ARRAY[(SELECT p FROM short_last), (SELECT x FROM short WHERE n = 2)],
                                                          same_as => '{2,NULL}', given => '{t,f}', allow_totals => true))
                          WITH ORDINALITY AS u(p, ord);
-- last year's as published, then this year's
\a \t
SELECT foistats.render(p, 'text') FROM short_last;
SELECT foistats.render(p, 'text') FROM short_joint WHERE n = 2;
\a \t
SELECT table_no, published_state, count(*) AS n, count(*) FILTER (WHERE meets_rule) AS meet,
       count(*) FILTER (WHERE NOT meets_rule) AS fail
  FROM foistats.disclosure_audit_linked(ARRAY(SELECT p FROM short_joint ORDER BY n), same_as => '{2,NULL}')
 GROUP BY 1, 2 ORDER BY 1, 2;
-- Sparse pairs (last year's protected with its totals allowed): a cell of
-- last year's 2019 rises only with its row total in both tables, this
-- year's share of the two cancelling, and in the second this year's table
-- lists no "offence 4" at all (moves checked afterwards, absent_holds);
-- both were refused before.
CREATE TABLE sparse_in (k int, last_t foistats.xtab, this_t foistats.xtab);
INSERT INTO sparse_in SELECT k, foistats.parse_table(a), foistats.parse_table(b) FROM (VALUES
(1, E'\t2019\t2020\t2021\t2022\tGrand Total\noffence 1\t4\t7\t4\t6\t21\noffence 2\t1\t4\t3\t4\t12\noffence 3\t2\t3\t\t1\t6\noffence 4\t1\t\t\t1\t2\nGrand Total\t8\t14\t7\t12\t41',
    E'\t2020\t2021\t2022\tGrand Total\noffence 1\t7\t4\t6\t17\noffence 2\t4\t3\t4\t11\noffence 3\t3\t\t1\t4\noffence 4\t\t\t1\t1\nGrand Total\t14\t7\t12\t33'),
(2, E'\t2019\t2020\t2021\t2022\tGrand Total\noffence 1\t6\t12\t7\t3\t28\noffence 2\t2\t1\t\t3\t6\noffence 3\t\t4\t1\t1\t6\noffence 4\t2\t\t\t\t2\nGrand Total\t10\t17\t8\t7\t42',
    E'\t2020\t2021\t2022\tGrand Total\noffence 1\t12\t7\t3\t22\noffence 3\t4\t1\t1\t6\noffence 2\t1\t\t3\t4\nGrand Total\t17\t8\t7\t32')) v(k, a, b);
CREATE TABLE sparse AS
  SELECT k, ord AS n, p FROM sparse_in,
         unnest(foistats.protect_linked(ARRAY[foistats.protect(last_t, allow_totals => true), this_t],
                                        same_as => '{2,NULL}', given => '{t,f}', allow_totals => true)) WITH ORDINALITY AS u(p, ord);
\a \t
SELECT foistats.render(p, 'text') FROM sparse WHERE n = 2 ORDER BY k;
\a \t
SELECT k, table_no, published_state, count(*) AS n, count(*) FILTER (WHERE meets_rule) AS meet,
       count(*) FILTER (WHERE NOT meets_rule) AS fail
  FROM (SELECT k, array_agg(p ORDER BY n) AS ps FROM sparse GROUP BY k) s,
       foistats.disclosure_audit_linked(s.ps, same_as => '{2,NULL}')
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
-- A pair it still refuses (last year's 2018-2022, this year's 2021-2023,
-- most counts small): the error says so without asking for totals that are
-- allowed already.
\set VERBOSITY default
SELECT foistats.protect_linked(ARRAY[foistats.protect(foistats.parse_table(
    E'\t2018\t2019\t2020\t2021\t2022\tGrand Total\noffence 1\t6\t3\t5\t2\t3\t19\noffence 2\t\t3\t2\t3\t2\t10\noffence 3\t\t2\t1\t\t\t3\noffence 4\t1\t1\t\t\t\t2\nGrand Total\t7\t9\t8\t5\t5\t34'),
    allow_totals => true), foistats.parse_table(
    E'\t2021\t2022\t2023\tGrand Total\noffence 1\t2\t3\t4\t9\noffence 2\t3\t2\t1\t6\noffence 3\t\t\t1\t1\nGrand Total\t5\t5\t6\t16')],
  same_as => '{2,NULL}', given => '{t,f}', allow_totals => true);
\set VERBOSITY terse

SET client_min_messages = warning;
DELETE FROM foistats.answer_table WHERE request = 'seed_protected';
DELETE FROM foistats.answer WHERE request = 'seed_protected';
SELECT foistats.drop_request('seed_protected');
DROP SCHEMA protect_periods, tr_seed CASCADE;
RESET client_min_messages;
