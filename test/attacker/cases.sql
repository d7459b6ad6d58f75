-- The cases test/checks/protect_attacker.sh attacks: what each protected
-- family publishes (to_jsonb: withheld cells and totals null), the targets
-- (every withheld cell holding a small count, every small difference
-- superset - subset) with their true values, and foistats' own intervals.
SET client_min_messages = warning;
CREATE EXTENSION foistats;
CREATE EXTENSION foistats_sample;
RESET client_min_messages;
CREATE SCHEMA att;
SET search_path = att, public;
SELECT foistats.bind_records('tr_seed', 'foistats_sample.crimes');
SELECT foistats.define_request('seed_protected',
  foistats.request_spec('wmp_2014_child_sexual_offences') || '{"protect": {"threshold": 5, "allow_totals": true}}');

-- case, table number, published value, true counts, superset (table
-- number), the table counting the same crimes for other periods (number),
-- the table counting the same crimes by another breakdown (number)
CREATE TABLE fam (k text, n int, p foistats.xtab, truth foistats.xtab, sup int, same int, tot int);
INSERT INTO fam
SELECT 'seed 1, 1b, 1c', o, foistats.request_xtab('seed_protected', q, 'tr_seed.records'),
       foistats.request_answer('seed_protected', foistats.request_spec('seed_protected'), q, 'tr_seed.records'::regclass,
                               (foistats.request_period('seed_protected')).period_from,
                               (foistats.request_period('seed_protected')).period_to, false),
       CASE WHEN o > 1 THEN 1 END
  FROM unnest(ARRAY['1', '1b', '1c']) WITH ORDINALITY AS u(q, o);
INSERT INTO fam
SELECT 'seed 3 (platforms, multi-label)', 1, foistats.request_xtab('seed_protected', '3', 'tr_seed.records'),
       foistats.request_answer('seed_protected', foistats.request_spec('seed_protected'), '3', 'tr_seed.records'::regclass,
                               (foistats.request_period('seed_protected')).period_from,
                               (foistats.request_period('seed_protected')).period_to, false), NULL;
CREATE TABLE hand (n int, x foistats.xtab);
INSERT INTO hand SELECT n, foistats.parse_table(tbl) FROM (VALUES
(1, E'\t2012\t2013\t2014\tGrand Total\nA\t40\t35\t3\t78\nB\t22\t25\t30\t77\nC\t19\t18\t30\t67\nD\t2\t15\t12\t29\nGrand Total\t83\t93\t75\t251'),
(2, E'\t2012\t2013\t2014\tGrand Total\nA\t8\t2\t3\t13\nB\t2\t12\t10\t24\nGrand Total\t10\t14\t13\t37'),
(3, E'\t2012\t2013\t2014\tGrand Total\nA\t1\t8\t0\t9\nC\t5\t6\t20\t31\nD\t0\t1\t3\t4\nGrand Total\t6\t15\t23\t44')) v(n, tbl);
INSERT INTO fam
SELECT 'hand family (two overlapping subsets)', u.o, u.p, h.x, CASE WHEN u.o > 1 THEN 1 END
  FROM unnest(foistats.protect_linked(ARRAY(SELECT x FROM hand ORDER BY n), '{NULL,1,1}', allow_totals => true))
       WITH ORDINALITY AS u(p, o) JOIN hand h ON h.n = u.o;
INSERT INTO fam
SELECT 'multi-label, small units', 1, foistats.protect(x, allow_totals => true), x, NULL
  FROM (SELECT '{cols: "2013", "2014"; rows: "A" 2 40, "B" 1 30, "C" 1 20; units: 2 80}'::foistats.xtab AS x) s;
INSERT INTO fam
SELECT 'multi-label, platforms', 1, foistats.protect(x, allow_totals => true), x, NULL
  FROM (SELECT foistats.xtab(CASE WHEN g % 10 < 6 THEN ARRAY['Facebook'] WHEN g % 10 = 6 THEN ARRAY['Facebook', 'Snapchat']
                                  WHEN g % 10 = 7 THEN ARRAY['Snapchat'] WHEN g % 7 = 0 THEN ARRAY['Twitter', 'Facebook', 'WhatsApp']
                                  ELSE ARRAY['WhatsApp'] END, make_date(2012 + g % 3, 1, 1)) AS x
          FROM generate_series(1, 90) g) s;


-- Two years' responses (same_as): last year's 1, 1b, 1c for 2009-2013 as
-- published then (given), this year's for 2010-2014 protected with them;
-- and the same two years protected each on its own, which the attacker
-- must break (expect_narrowed): the link is what protects.
CREATE FUNCTION seed_year(q text, f date, t date, protected boolean) RETURNS foistats.xtab
  LANGUAGE sql AS $$
  SELECT foistats.request_answer('seed_protected', foistats.request_spec('seed_protected'), q, 'tr_seed.records'::regclass,
                                 f, t, protected) $$;
CREATE TABLE years AS
SELECT o, q, seed_year(q, '2009-01-01', '2013-12-31', true) AS last_p, seed_year(q, '2009-01-01', '2013-12-31', false) AS last_t,
       seed_year(q, '2010-01-01', '2014-12-31', true) AS this_alone, seed_year(q, '2010-01-01', '2014-12-31', false) AS this_t
  FROM unnest(ARRAY['1', '1b', '1c']) WITH ORDINALITY AS u(q, o);
INSERT INTO fam
SELECT 'seed 1, 1b, 1c: 2009-2013 published, 2010-2014 protected with it', u.o, u.p,
       CASE WHEN u.o <= 3 THEN y.last_t ELSE y.this_t END,
       CASE WHEN u.o IN (2, 3) THEN 1 WHEN u.o IN (5, 6) THEN 4 END, CASE WHEN u.o <= 3 THEN u.o + 3 END
  FROM unnest(foistats.protect_linked(ARRAY(SELECT last_p FROM years ORDER BY o) || ARRAY(SELECT this_t FROM years ORDER BY o),
                                      '{NULL,1,1,NULL,4,4}', allow_totals => true,
                                      same_as => '{4,5,6,NULL,NULL,NULL}', given => '{t,t,t,f,f,f}'))
       WITH ORDINALITY AS u(p, o)
  JOIN years y ON y.o = (u.o - 1) % 3 + 1;
INSERT INTO fam
SELECT 'seed 1, 1b, 1c: 2009-2013 and 2010-2014 protected each on its own', u.o, u.p, u.t,
       CASE WHEN u.o IN (2, 3) THEN 1 WHEN u.o IN (5, 6) THEN 4 END, CASE WHEN u.o <= 3 THEN u.o + 3 END
  FROM (SELECT o, last_p AS p, last_t AS t FROM years UNION ALL SELECT o + 3, this_alone, this_t FROM years) u(o, p, t);
-- a hand-made pair with revisions: this year's D 2022 (withheld last
-- year) counts one crime more, A 2021 (published) one fewer
CREATE TABLE two (n int, x foistats.xtab);
INSERT INTO two SELECT n, foistats.parse_table(tbl) FROM (VALUES
(1, E'\t2019\t2020\t2021\t2022\t2023\tGrand Total\nA\t2\t30\t25\t28\t31\t116\nB\t20\t3\t22\t19\t24\t88\nC\t15\t14\t12\t4\t16\t61\nD\t11\t13\t10\t12\t1\t47\nGrand Total\t48\t60\t69\t63\t72\t312'),
(2, E'\t2020\t2021\t2022\t2023\t2024\tGrand Total\nA\t30\t24\t28\t31\t27\t140\nB\t3\t22\t19\t24\t21\t89\nC\t14\t12\t4\t16\t2\t48\nD\t13\t10\t13\t1\t15\t52\nGrand Total\t60\t68\t64\t72\t65\t329')) v(n, tbl);
INSERT INTO fam
SELECT 'hand pair of periods with revisions', u.o, u.p, t.x, NULL, CASE WHEN u.o = 1 THEN 2 END
  FROM unnest(foistats.protect_linked(ARRAY[(SELECT foistats.protect(x) FROM two WHERE n = 1), (SELECT x FROM two WHERE n = 2)],
                                      allow_totals => true, same_as => '{2,NULL}', given => '{t,f}'))
       WITH ORDINALITY AS u(p, o)
  JOIN two t ON t.n = u.o;

-- ... and random pairs of periods whose tables list different numbers of
-- years (last year's 2019-2022 against this year's 2020-2022; last year's
-- 2018-2022 against this year's 2021-2023): a year only one table lists,
-- with no year of the other beside it, moves with that other table's row
-- total (src/suppress_linked.c, absent_share); one set of crimes each,
-- skewed to small counts, last year's protected alone and given.
-- (:pp_cases pairs, default 12, from seed :pp_seed, default 0.29:
-- protect_attacker.sh passes FOISTATS_ATTACK_PERIODS and _SEED)
\if :{?pp_cases}
\else
\set pp_cases 12
\endif
\if :{?pp_seed}
\else
\set pp_seed 0.29
\endif
SELECT setseed(:pp_seed);
CREATE TABLE pp_crimes AS
  SELECT t, 'offence ' || (1 + floor(random() * random() * 4))::int AS offence,
         make_date(2018 + floor(random() * 6)::int, 1, 1) AS day
    FROM generate_series(1, :pp_cases) t, generate_series(1, 40 + (t % 3) * 20) k;
CREATE TABLE pp AS
  SELECT t, foistats.protect(foistats.xtab(offence, day) FILTER (WHERE day BETWEEN lf AND lt), allow_totals => true) AS last_p,
         foistats.xtab(offence, day) FILTER (WHERE day BETWEEN lf AND lt) AS last_t,
         foistats.xtab(offence, day) FILTER (WHERE day BETWEEN tf AND tt) AS this_t
    FROM pp_crimes,
         LATERAL (SELECT CASE WHEN t % 2 = 1 THEN date '2019-01-01' ELSE date '2018-01-01' END AS lf, date '2022-12-31' AS lt,
                         CASE WHEN t % 2 = 1 THEN date '2020-01-01' ELSE date '2021-01-01' END AS tf,
                         CASE WHEN t % 2 = 1 THEN date '2022-12-31' ELSE date '2023-12-31' END AS tt) r
   GROUP BY t;
-- (a pair protect_linked refuses is left out, and counted: a refusal is
-- safe, a false one costs the analyst a table)
CREATE FUNCTION pp_protect(last_p foistats.xtab, this_t foistats.xtab) RETURNS foistats.xtab[]
LANGUAGE plpgsql AS $$
BEGIN
  RETURN foistats.protect_linked(ARRAY[last_p, this_t], allow_totals => true, same_as => '{2,NULL}', given => '{t,f}');
EXCEPTION WHEN data_exception THEN
  RETURN NULL;
END $$;
CREATE TABLE pp_prot AS SELECT t, pp_protect(last_p, this_t) AS ps FROM pp;
INSERT INTO fam
SELECT 'random periods ' || lpad(t::text, 2, '0') || ' (' || CASE WHEN t % 2 = 1 THEN '2019-2022, 2020-2022' ELSE '2018-2022, 2021-2023' END || ')',
       u.o, u.p, CASE WHEN u.o = 1 THEN last_t ELSE this_t END, NULL, CASE WHEN u.o = 1 THEN 2 END
  FROM pp JOIN pp_prot USING (t), LATERAL unnest(ps) WITH ORDINALITY AS u(p, o)
 WHERE ps IS NOT NULL;

-- Two breakdowns of the same crimes (same_totals: equal column totals),
-- the pairs of sql/protect_linked_breakdowns.sql, protected together and
-- each on its own (which the attacker must break through the totals).
CREATE TABLE bd (c int, n int, x foistats.xtab);
INSERT INTO bd SELECT c, n, foistats.parse_table(tbl) FROM (VALUES
(1, 1, E'\t2022\t2023\tGrand Total\nTheft\t2\t20\t22\nAssault\t10\t0\t10\nGrand Total\t12\t20\t32'),
(1, 2, E'\t2022\t2023\tGrand Total\nUnder 18\t6\t9\t15\n18 and over\t6\t11\t17\nGrand Total\t12\t20\t32'),
(2, 1, E'\t2021\t2022\tGrand Total\nTheft\t8\t3\t11\nAssault\t3\t2\t5\nGrand Total\t11\t5\t16'),
(2, 2, E'\t2021\t2022\tGrand Total\nUnder 18\t4\t1\t5\n18-24\t5\t4\t9\n25 and over\t2\t0\t2\nGrand Total\t11\t5\t16')) v(c, n, tbl);
INSERT INTO fam
SELECT 'hand breakdowns ' || b.c || ' (offence, age band) protected together', u.o, u.p, b.x, NULL, NULL,
       CASE WHEN u.o = 1 THEN 2 END
  FROM generate_series(1, 2) g(c)
       CROSS JOIN LATERAL unnest(foistats.protect_linked(ARRAY(SELECT x FROM bd WHERE bd.c = g.c ORDER BY n),
                                                         same_totals => '{2,NULL}', allow_totals => true))
                          WITH ORDINALITY AS u(p, o)
       JOIN bd b ON b.c = g.c AND b.n = u.o;
INSERT INTO fam
SELECT 'hand breakdowns ' || c || ' (offence, age band) protected each on its own', n,
       foistats.protect(x, allow_totals => true), x, NULL, NULL, CASE WHEN n = 1 THEN 2 END
  FROM bd;
-- ... and ten random pairs of sql/protect_linked_breakdowns.sql (one set
-- of crimes each, skewed to small counts), protected together
\i sql/include/random_breakdowns.sql
SELECT setseed(0.13);
CREATE TABLE bd_crimes AS SELECT * FROM random_breakdowns(200);
DELETE FROM bd_crimes WHERE t > 10;
INSERT INTO fam
SELECT 'random breakdowns ' || lpad(t::text, 2, '0') || ' protected together', u.o, u.p,
       CASE WHEN u.o = 1 THEN a ELSE b END, NULL, NULL, CASE WHEN u.o = 1 THEN 2 END
  FROM (SELECT t, foistats.xtab(offence, day) AS a, foistats.xtab(age, day) AS b FROM bd_crimes GROUP BY t) x,
       LATERAL unnest(foistats.protect_linked(ARRAY[a, b], same_totals => '{2,NULL}', allow_totals => true))
               WITH ORDINALITY AS u(p, o);

-- One JSON document per case (targets, intervals and revisions are
-- tables: each is read once per case).
CREATE TABLE tabjson AS
SELECT k, n, sup, j, t
  FROM fam, LATERAL (SELECT foistats.to_jsonb(p) AS j, foistats.to_jsonb(truth) AS t) x;
CREATE TABLE targets AS
SELECT k, n, NULL::int AS sub, r - 1 AS row, c - 1 AS col, (t -> 'rows' -> (r - 1) -> 'cells' ->> (c - 1))::bigint AS v
  FROM tabjson, generate_series(1, jsonb_array_length(j -> 'rows')) r, generate_series(1, jsonb_array_length(j -> 'cols')) c
 WHERE j -> 'rows' -> (r - 1) -> 'cells' -> (c - 1) = 'null'::jsonb
   AND (t -> 'rows' -> (r - 1) -> 'cells' ->> (c - 1))::bigint BETWEEN 1 AND 4
UNION ALL
-- differences superset - subset, on the superset's grid
SELECT a.k, a.n, b.n, r - 1, c - 1,
       (a.t -> 'rows' -> (r - 1) -> 'cells' ->> (c - 1))::bigint -
       coalesce((SELECT (e -> 'cells' ->> (ci.i - 1)::int)::bigint
                   FROM jsonb_array_elements(b.t -> 'rows') e,
                        LATERAL (SELECT i FROM jsonb_array_elements_text(b.t -> 'cols') WITH ORDINALITY AS z(l, i)
                                  WHERE l = a.t -> 'cols' ->> (c - 1)) ci
                  WHERE e ->> 'label' = a.t -> 'rows' -> (r - 1) ->> 'label'), 0)
  FROM tabjson a JOIN tabjson b ON b.k = a.k AND b.sup = a.n,
       generate_series(1, jsonb_array_length(a.j -> 'rows')) r, generate_series(1, jsonb_array_length(a.j -> 'cols')) c;
-- the tables protected each on its own: this year's table 1 is enough to
-- show what the link gives away (and keeps the run short)
DELETE FROM targets WHERE k LIKE 'seed%each on its own' AND NOT (n = 4 AND sub IS NULL);
CREATE TABLE inner_iv AS
SELECT f.k, a.table_no, a.row_label, a.col_label, a.min, a.max, a.bound_min, a.bound_max
  FROM (SELECT k, array_agg(p ORDER BY n) AS ps, array_agg(sup ORDER BY n) AS sups,
               CASE WHEN bool_or(same IS NOT NULL) THEN array_agg(same ORDER BY n) END AS sames,
               CASE WHEN bool_or(tot IS NOT NULL) THEN array_agg(tot ORDER BY n) END AS tots
          FROM fam GROUP BY k) f,
       LATERAL foistats.disclosure_audit_linked(f.ps, f.sups, same_as => f.sames, same_totals => f.tots) a;
-- revisions between tables of the same crimes: every shared column, every
-- row either lists (an unlisted row is 0)
CREATE TABLE revisions AS
SELECT a.k, a.n AS an, b.n AS bn, coalesce(ra.row_label, rb.row_label) AS row_label, coalesce(ra.col_label, rb.col_label) AS col_label,
       coalesce(ra.n, 0) - coalesce(rb.n, 0) AS d
  FROM fam a JOIN fam b ON b.k = a.k AND b.n = a.same,
       LATERAL (SELECT r.* FROM foistats.rows(a.truth) r WHERE r.col_label = ANY (foistats.col_labels(b.truth))) ra
       FULL JOIN LATERAL (SELECT r.* FROM foistats.rows(b.truth) r WHERE r.col_label = ANY (foistats.col_labels(a.truth))) rb
         ON rb.row_label = ra.row_label AND rb.col_label = ra.col_label;
\pset format unaligned
\pset tuples_only on
SELECT format('protect_attacker: random periods: protect_linked protected %s of %s pairs, refused %s',
              count(ps), count(*), count(*) - count(ps)) FROM pp_prot;
SELECT jsonb_build_object('case', k,
  'tables', (SELECT jsonb_agg(jsonb_build_object(
       'name', n, 'rows', (SELECT jsonb_agg(e -> 'label') FROM jsonb_array_elements(j -> 'rows') e),
       'cols', j -> 'cols',
       'cells', (SELECT jsonb_agg(e -> 'cells') FROM jsonb_array_elements(j -> 'rows') e),
       'row_totals', (SELECT jsonb_agg(e -> 'total') FROM jsonb_array_elements(j -> 'rows') e),
       'col_totals', j -> 'col_totals', 'grand', j -> 'grand_total',
       'units', j -> 'units', 'labels_per_crime', j ? 'units') ORDER BY n) FROM tabjson x WHERE x.k = c.k),
  'links', coalesce((SELECT jsonb_agg(jsonb_build_array(n - 1, sup - 1)) FROM fam x WHERE x.k = c.k AND sup IS NOT NULL), '[]'),
  'same', coalesce((SELECT jsonb_agg(jsonb_build_object('a', n - 1, 'b', same - 1,
                       'revisions', coalesce((SELECT jsonb_agg(jsonb_build_array(v.row_label, v.col_label, v.d))
                                                FROM revisions v WHERE v.k = x.k AND v.an = x.n AND v.d <> 0), '[]')))
                      FROM fam x WHERE x.k = c.k AND same IS NOT NULL), '[]'),
  'same_totals', coalesce((SELECT jsonb_agg(jsonb_build_object('a', n - 1, 'b', tot - 1))
                             FROM fam x WHERE x.k = c.k AND tot IS NOT NULL), '[]'),
  'expect_narrowed', c.k LIKE '%each on its own',
  'targets', coalesce((SELECT jsonb_agg(CASE WHEN sub IS NULL THEN jsonb_build_object('table', n - 1, 'row', row, 'col', col)
                                             ELSE jsonb_build_object('diff', jsonb_build_array(sub - 1, n - 1), 'row', row, 'col', col) END
                                        ORDER BY n, sub NULLS FIRST, row, col)
                         FROM targets t WHERE t.k = c.k AND t.v BETWEEN 1 AND 4), '[]'),
  'truth', coalesce((SELECT jsonb_agg(v ORDER BY n, sub NULLS FIRST, row, col) FROM targets t WHERE t.k = c.k AND t.v BETWEEN 1 AND 4), '[]'),
  'foistats', coalesce((SELECT jsonb_agg(jsonb_build_object('min', i.min, 'max', i.max, 'bound_min', i.bound_min, 'bound_max', i.bound_max)
                                         ORDER BY t.n, t.sub NULLS FIRST, t.row, t.col)
                          FROM targets t
                          LEFT JOIN tabjson x ON x.k = t.k AND x.n = t.n
                          LEFT JOIN inner_iv i ON i.k = t.k AND i.table_no = t.n AND t.sub IS NULL
                               AND i.row_label = x.j -> 'rows' -> t.row ->> 'label' AND i.col_label = x.j -> 'cols' ->> t.col
                         WHERE t.k = c.k AND t.v BETWEEN 1 AND 4), '[]'))
  FROM (SELECT DISTINCT k FROM fam) c ORDER BY k;
