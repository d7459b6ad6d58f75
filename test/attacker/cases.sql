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

-- case, table number, published value, true counts, superset (table number)
CREATE TABLE fam (k text, n int, p foistats.xtab, truth foistats.xtab, sup int);
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

-- One JSON document per case.
CREATE VIEW tabjson AS
SELECT k, n, sup, j, t
  FROM fam, LATERAL (SELECT foistats.to_jsonb(p) AS j, foistats.to_jsonb(truth) AS t) x;
CREATE VIEW targets AS
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
CREATE VIEW inner_iv AS
SELECT f.k, a.table_no, a.row_label, a.col_label, a.min, a.max, a.bound_min, a.bound_max
  FROM (SELECT k, array_agg(p ORDER BY n) AS ps, array_agg(sup ORDER BY n) AS sups FROM fam GROUP BY k) f,
       LATERAL foistats.disclosure_audit_linked(f.ps, f.sups) a;
\pset format unaligned
\pset tuples_only on
SELECT jsonb_build_object('case', k,
  'tables', (SELECT jsonb_agg(jsonb_build_object(
       'name', n, 'rows', (SELECT jsonb_agg(e -> 'label') FROM jsonb_array_elements(j -> 'rows') e),
       'cols', j -> 'cols',
       'cells', (SELECT jsonb_agg(e -> 'cells') FROM jsonb_array_elements(j -> 'rows') e),
       'row_totals', (SELECT jsonb_agg(e -> 'total') FROM jsonb_array_elements(j -> 'rows') e),
       'col_totals', j -> 'col_totals', 'grand', j -> 'grand_total',
       'units', j -> 'units', 'labels_per_crime', j ? 'units') ORDER BY n) FROM tabjson x WHERE x.k = c.k),
  'links', coalesce((SELECT jsonb_agg(jsonb_build_array(n - 1, sup - 1)) FROM fam x WHERE x.k = c.k AND sup IS NOT NULL), '[]'),
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
