-- Linked tables: a table and its subsets (the crimes of table 1 that
-- involved the internet, that mention grooming) protected with one pattern,
-- so that no small count of any table, and no small difference superset -
-- subset (the crimes of table 1 that did NOT involve the internet), can be
-- worked out from everything published (src/suppress.h, "Linked tables").
-- test/checks/protect_attacker.sh attacks the same tables with an integer
-- program that uses the links.
\set schema protect_linked
\set with_sample
\i sql/include/schema_prelude.sql

-- Table 1 and two subsets of its crimes, 2 and 3, which overlap in ways the
-- tables do not say.
CREATE TABLE fam (n int, x foistats.xtab);
INSERT INTO fam SELECT n, foistats.parse_table(tbl) FROM (VALUES
(1, E'\t2012\t2013\t2014\tGrand Total\nA\t40\t35\t3\t78\nB\t22\t25\t30\t77\nC\t19\t18\t30\t67\nD\t2\t15\t12\t29\nGrand Total\t83\t93\t75\t251'),
(2, E'\t2012\t2013\t2014\tGrand Total\nA\t8\t2\t3\t13\nB\t2\t12\t10\t24\nGrand Total\t10\t14\t13\t37'),
(3, E'\t2012\t2013\t2014\tGrand Total\nA\t1\t8\t0\t9\nC\t5\t6\t20\t31\nD\t0\t1\t3\t4\nGrand Total\t6\t15\t23\t44')) v(n, tbl);
-- Protected one at a time, table 1 publishes B 2013 = 25 and table 2 B 2013
-- = 12 ... and A 2012: 40 - 8 = 32 is fine, but D 2012 = 2 in table 1 and 0
-- in table 3: what protect() alone leaves can be differenced.  The family:
CREATE TABLE prot AS
  SELECT ord AS n, p FROM unnest(foistats.protect_linked(ARRAY(SELECT x FROM fam ORDER BY n), '{NULL,1,1}',
                                                          allow_totals => true)) WITH ORDINALITY AS u(p, ord);
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(p, 'text') FROM prot ORDER BY n;
\pset format aligned
\pset tuples_only off
-- Every small cell and every small difference meets the rule on the inner
-- intervals (values the reader cannot rule out).
SELECT table_no, published_state, count(*) AS n, count(*) FILTER (WHERE meets_rule) AS meet,
       count(*) FILTER (WHERE NOT meets_rule) AS fail, count(*) FILTER (WHERE exact) AS exact
  FROM foistats.disclosure_audit_linked(ARRAY(SELECT p FROM prot ORDER BY n), '{NULL,1,1}')
 GROUP BY 1, 2 ORDER BY 1, 2;
-- A superset withholds every cell its subsets withhold.
SELECT count(*) AS subset_withheld_superset_published
  FROM prot s, foistats.rows(s.p) sr, prot a, foistats.rows(a.p) ar
 WHERE s.n IN (2, 3) AND a.n = 1 AND sr.row_label = ar.row_label AND sr.col_label = ar.col_label
   AND sr.n IS NULL AND ar.n IS NOT NULL;
-- Refusals: a "subset" larger than its superset, a cycle, a bad index.
SELECT foistats.protect_linked(ARRAY(SELECT x FROM fam ORDER BY n DESC), '{NULL,1,1}');
SELECT foistats.protect_linked(ARRAY(SELECT x FROM fam ORDER BY n), '{2,1,NULL}');
SELECT foistats.protect_linked(ARRAY(SELECT x FROM fam ORDER BY n), '{NULL,4,1}');
SELECT foistats.protect_linked(ARRAY(SELECT x FROM fam ORDER BY n), '{NULL,1}');

-- The seed request, protected as a definition says by default: questions
-- 1, 1b and 1c (1b and 1c are subsets of 1 by offence and year) together,
-- the platform table 3 (a multi-label table) on its own.
SELECT foistats.bind_records('tr_seed', 'foistats_sample.crimes');
SELECT foistats.define_request('seed_protected',
  foistats.request_spec('wmp_2014_child_sexual_offences') || '{"protect": {"threshold": 5, "allow_totals": true}}');
SELECT q, f.* FROM unnest(ARRAY['1', '1b', '1c', '3']) q,
       LATERAL foistats.request_family('seed_protected', foistats.request_spec('seed_protected'), q) f;
CREATE TABLE seed AS SELECT * FROM foistats.request_tables('seed_protected', 'tr_seed.records');
SELECT question, (SELECT count(*) FROM foistats.rows(xtab) WHERE n IS NULL) AS withheld,
       (SELECT count(*) FROM foistats.rows(xtab)) AS cells,
       foistats.is_multi_label(xtab) AS multi_label
  FROM seed ORDER BY question;
-- request_xtab of one question of the family gives the same table.
SELECT question, foistats.request_xtab('seed_protected', question, 'tr_seed.records')::text = xtab::text AS same
  FROM seed WHERE question IN ('1', '1b', '1c') ORDER BY question;
-- The family's audit: every small count and difference meets the rule.
SELECT table_no, count(*) FILTER (WHERE meets_rule) AS small_meeting_rule,
       count(*) FILTER (WHERE NOT meets_rule) AS failing, count(*) AS withheld_figures
  FROM foistats.disclosure_audit_linked(ARRAY(SELECT xtab FROM seed WHERE question IN ('1', '1b', '1c') ORDER BY question),
                                        '{NULL,1,1}')
 GROUP BY 1 ORDER BY 1;
-- The platform table on its own (its population is not a subset of 1's).
SELECT count(*) FILTER (WHERE meets_rule) AS small_meeting_rule, count(*) FILTER (WHERE NOT meets_rule) AS failing
  FROM seed, foistats.disclosure_audit(xtab) WHERE question = '3';
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(xtab, 'text') FROM seed WHERE question = '1b';
\pset format aligned
\pset tuples_only off

SET client_min_messages = warning;
SELECT foistats.drop_request('seed_protected');
DROP SCHEMA protect_linked, tr_seed CASCADE;
RESET client_min_messages;
