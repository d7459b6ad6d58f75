-- A protected cross-tab must not give away what it withholds through the
-- totals its readers show.  protect() keeps the true counts of withheld
-- cells inside the value (for the exact audit), so any reader that printed
-- totals computed from the cells would let a reader work a withheld cell
-- out as "printed total - visible cells".  The rule (src/xtab.h): a value
-- with any suppressed cell or any published total shows its PUBLISHED
-- totals only; a withheld total reads as NULL (render: blank).
\set schema protect_leak
\i sql/include/schema_prelude.sql

-- 15 rows by 5 years with small counts here and there.  R13 and R14 have a
-- single non-zero count, a small one: no complement in their row can hide
-- it, so protect(allow_totals => true) withholds their row totals -- rows
-- with exactly one withheld cell, whose computed total IS the withheld count.
CREATE TABLE counts AS
SELECT 'R' || lpad(r::text, 2, '0') AS r, 2010 + c AS y,
       (CASE WHEN (r * 7 + c * 5) % 9 = 0 THEN 1 + (r + c) % 4
             WHEN (r * 3 + c) % 11 = 0 THEN 0
             ELSE 5 + (r * 13 + c * 7) % 40 END)::bigint AS n
  FROM generate_series(1, 12) r, generate_series(1, 5) c
UNION ALL VALUES ('R13', 2011, 2), ('R13', 2015, 0), ('R14', 2013, 3), ('R15', 2012, 1), ('R15', 2014, 60);
CREATE TABLE src AS
SELECT (SELECT foistats.xtab(r, y, n) FROM counts) AS x,
       (SELECT foistats.xtab(r, y, n) FROM counts WHERE r <= 'R12') AS x12;

-- The values checked: (name, value, the true counts behind it).
CREATE TABLE cases (name text PRIMARY KEY, v foistats.xtab, truth foistats.xtab);
INSERT INTO cases
SELECT 'protect, every total published', foistats.protect(x12), x12 FROM src
UNION ALL
SELECT 'protect, totals withheld', foistats.protect(x, allow_totals => true), x FROM src
UNION ALL
SELECT 'publishable(protect, totals withheld)',
       foistats.publishable(foistats.protect(x, allow_totals => true)), x FROM src
UNION ALL
SELECT 'protected + protected', foistats.protect(x, allow_totals => true) OPERATOR(foistats.+)
       foistats.protect(x, allow_totals => true), x OPERATOR(foistats.+) x FROM src
UNION ALL
SELECT 'protect_linked, the superset', (foistats.protect_linked(ARRAY[x, x12], '{NULL,1}', allow_totals => true))[1], x FROM src
UNION ALL
SELECT 'protect_linked, the subset', (foistats.protect_linked(ARRAY[x, x12], '{NULL,1}', allow_totals => true))[2], x12 FROM src
UNION ALL
SELECT 'cellkey', foistats.protect(x, method => 'cellkey'), x FROM src
UNION ALL
-- made by hand: withheld cells and no published totals at all
SELECT 'withheld cells, no totals',
       '{cols: "2013", "2014", "2015"; rows: "R1" 3s 10 12, "R2" 12 2s 30, "R3" 7 8 9}',
       '{cols: "2013", "2014", "2015"; rows: "R1" 3 10 12, "R2" 12 2 30, "R3" 7 8 9}';

-- The fields of each line of a rendered table, for each format.
\i sql/include/text_fields.sql
CREATE FUNCTION fields(fmt text, out_text text, cols text[]) RETURNS SETOF text[]
LANGUAGE plpgsql AS $$
DECLARE
  line text;
  arr text[];
BEGIN
  IF fmt = 'tsv' THEN
    RETURN QUERY SELECT string_to_array(l, E'\t') FROM regexp_split_to_table(out_text, E'\n') l;
  ELSIF fmt = 'csv' THEN
    RETURN QUERY SELECT string_to_array(l, ',') FROM regexp_split_to_table(out_text, E'\r\n') l;
  ELSIF fmt = 'markdown' THEN
    FOR line IN SELECT l FROM regexp_split_to_table(out_text, E'\n') l WHERE l LIKE '| %' LOOP
      arr := string_to_array(line, '|');
      RETURN NEXT ARRAY(SELECT btrim(arr[i]) FROM generate_series(2, cardinality(arr) - 1) i ORDER BY i);
    END LOOP;
  ELSIF fmt = 'html' THEN
    FOR line IN SELECT l FROM regexp_split_to_table(out_text, E'\n') l WHERE l LIKE '<tr>%' LOOP
      RETURN NEXT ARRAY(SELECT m[1] FROM regexp_matches(line, '<t[hd][^>]*>([^<]*)</t[hd]>', 'g') m);
    END LOOP;
  ELSIF fmt = 'text' THEN
    RETURN QUERY SELECT * FROM text_fields(out_text, cols || 'TOTAL'::text);
  END IF;
END $$;

-- A printed total as a reader reads it: the marker is withheld, a blank is 0
-- (zeros print as '0' here, so a blank would be a withheld total misread).
CREATE FUNCTION shown(f text) RETURNS bigint LANGUAGE sql AS $$
  SELECT CASE f WHEN '*' THEN NULL WHEN '' THEN 0 ELSE f::bigint END
$$;

-- Every total a reader shows: kind row (label = row), col (label = column)
-- or grand; printed NULL when withheld.
CREATE FUNCTION printed(v foistats.xtab, reader text)
  RETURNS TABLE (kind text, label text, printed bigint)
LANGUAGE plpgsql AS $$
DECLARE
  cols text[] := foistats.col_labels(v);
  n int := cardinality(foistats.col_labels(v));
  fmt text;
  out_text text;
  j jsonb;
BEGIN
  IF reader LIKE 'render %' THEN
    fmt := split_part(reader, ' ', 2);
    IF reader LIKE '% computed' THEN
      out_text := foistats.render(v, fmt, zero => '0', total_label => 'TOTAL', published_totals => false);
    ELSE
      out_text := foistats.render(v, fmt, zero => '0', total_label => 'TOTAL');
    END IF;
    RETURN QUERY
      SELECT 'row', f[1], shown(f[n + 2])
        FROM fields(fmt, out_text, cols) f WHERE f[1] ~ '^R[0-9]'
      UNION ALL
      SELECT 'col', cols[i], shown(f[i + 1])
        FROM fields(fmt, out_text, cols) f, generate_series(1, n) i WHERE f[1] = 'TOTAL'
      UNION ALL
      SELECT 'grand', NULL, shown(f[n + 2])
        FROM fields(fmt, out_text, cols) f WHERE f[1] = 'TOTAL';
  ELSIF reader = 'wide' THEN
    RETURN QUERY SELECT 'row', w.row_label, w.total FROM foistats.wide(v) w;
  ELSIF reader = 'to_jsonb' THEN
    j := foistats.to_jsonb(v);
    RETURN QUERY
      SELECT 'row', e->>'label', (e->>'total')::bigint FROM jsonb_array_elements(j->'rows') e
      UNION ALL
      SELECT 'col', cols[i::int], t::bigint
        FROM jsonb_array_elements_text(j->'col_totals') WITH ORDINALITY AS u(t, i)
      UNION ALL
      SELECT 'grand', NULL, (j->>'grand_total')::bigint;
  ELSIF reader = 'col_totals' THEN
    RETURN QUERY SELECT 'col', u.c, u.t FROM unnest(cols, foistats.col_totals(v)) u(c, t);
  ELSIF reader = 'col_units' THEN
    RETURN QUERY SELECT 'col', u.c, u.t FROM unnest(cols, foistats.col_units(v)) u(c, t);
  ELSIF reader = 'grand_total' THEN
    RETURN QUERY SELECT 'grand', NULL::text, foistats.grand_total(v);
  ELSIF reader = 'total_units' THEN
    RETURN QUERY SELECT 'grand', NULL::text, foistats.total_units(v);
  ELSE
    RAISE EXCEPTION 'unknown reader %', reader;
  END IF;
END $$;

CREATE TABLE readers (reader text PRIMARY KEY, ord int);
INSERT INTO readers VALUES ('render tsv', 1), ('render csv', 2), ('render markdown', 3),
  ('render html', 4), ('render text', 5), ('wide', 6), ('to_jsonb', 7), ('col_totals', 8),
  ('grand_total', 9), ('col_units', 10), ('total_units', 11),
  ('render tsv computed', 12);

-- For each line (row, column, table) of each value: its withheld cells (as
-- rows() shows them), the sum of its visible cells, and, when exactly one
-- cell is withheld, its true count.
CREATE VIEW lines AS
WITH cell AS (
  SELECT c.name, r.row_label, r.col_label, r.n, t.n AS true_n
    FROM cases c, foistats.rows(c.v) r
    JOIN foistats.rows(c.truth) t USING (row_label, col_label))
SELECT name, 'row' AS kind, row_label AS label, count(*) FILTER (WHERE n IS NULL) AS withheld,
       coalesce(sum(n), 0) AS visible_sum, max(true_n) FILTER (WHERE n IS NULL) AS withheld_true
  FROM cell GROUP BY name, row_label
UNION ALL
SELECT name, 'col', col_label, count(*) FILTER (WHERE n IS NULL), coalesce(sum(n), 0),
       max(true_n) FILTER (WHERE n IS NULL)
  FROM cell GROUP BY name, col_label
UNION ALL
SELECT name, 'grand', NULL, count(*) FILTER (WHERE n IS NULL), coalesce(sum(n), 0),
       max(true_n) FILTER (WHERE n IS NULL)
  FROM cell GROUP BY name;

-- The published totals of each value (what protect published).
CREATE VIEW published AS
SELECT c.name, 'row' AS kind, l.label, (foistats.to_jsonb(c.v)->'published'->'row_totals'->>(l.i::int - 1))::bigint AS pub
  FROM cases c, unnest(foistats.row_labels(c.v)) WITH ORDINALITY AS l(label, i)
UNION ALL
SELECT c.name, 'col', l.label, (foistats.to_jsonb(c.v)->'published'->'col_totals'->>(l.i::int - 1))::bigint
  FROM cases c, unnest(foistats.col_labels(c.v)) WITH ORDINALITY AS l(label, i)
UNION ALL
SELECT c.name, 'grand', NULL, (foistats.to_jsonb(c.v)->'published'->>'grand_total')::bigint FROM cases c;

-- For every value and reader: how many totals it shows, how many lines have
-- exactly one withheld cell, how many of those it prints a total for, how
-- many withheld cells that total recovers (printed - visible = the true
-- count), and how many printed totals are not the published ones.  Every
-- reader must show 0 recovered and 0 unpublished; the last reader, 'render
-- tsv computed' (render with published_totals => false, the old default),
-- shows that the check finds the leak when there is one.
CREATE TABLE result AS
SELECT c.name, rd.reader, rd.ord,
       count(*) AS totals,
       count(p.printed) AS shown,
       count(*) FILTER (WHERE l.withheld = 1) AS one_withheld,
       count(p.printed) FILTER (WHERE l.withheld = 1) AS printed_one_withheld,
       count(*) FILTER (WHERE l.withheld = 1 AND p.printed - l.visible_sum = l.withheld_true) AS recovered,
       count(*) FILTER (WHERE p.printed IS NOT NULL AND p.printed IS DISTINCT FROM pb.pub) AS unpublished
  FROM cases c CROSS JOIN readers rd
  CROSS JOIN LATERAL printed(c.v, rd.reader) p
  JOIN lines l ON l.name = c.name AND l.kind = p.kind AND l.label IS NOT DISTINCT FROM p.label
  JOIN published pb ON pb.name = c.name AND pb.kind = p.kind AND pb.label IS NOT DISTINCT FROM p.label
 GROUP BY c.name, rd.reader, rd.ord;
SELECT name, reader, totals, shown, one_withheld, printed_one_withheld, recovered, unpublished
  FROM result ORDER BY name, ord;
-- Summary: no reader of any value recovers a withheld cell or prints an
-- unpublished total, and every render format and reader was checked on
-- every value (lines found: the parsers did find each table).
SELECT reader = 'render tsv computed' AS forced_computed,
       count(*) AS checks, sum(recovered) AS recovered, sum(unpublished) AS unpublished,
       min(totals) AS fewest_totals_read
  FROM result GROUP BY 1 ORDER BY 1;

-- What the default render of the value with withheld totals looks like:
-- withheld totals (R03, R13, R14) print the marker, never blank (which reads as 0); rows by label (some row totals are
-- withheld, so an order by total would place them by their true totals).
\pset format unaligned
\pset tuples_only on
SELECT foistats.render(v, 'text') FROM cases WHERE name = 'protect, totals withheld';
\pset format aligned
\pset tuples_only off
-- A multi-label value (units: distinct crimes) with a withheld cell: a
-- column's units are shown with its published total only (protect() and the
-- audit model them: no cell exceeds its column's distinct crimes), so 2013
-- shows its 12 distinct crimes, 2014 (total withheld) and the overall
-- distinct crimes (their sum) show the marker; the mentions row shows the
-- published column totals only.
\pset format unaligned
\pset tuples_only on
SELECT foistats.render('{cols: "2013", "2014"; rows: "A" 3s 10, "B" 2s 7, "C" 9 9;
  units: 12 24; coltotals: 14 -}'::foistats.xtab, 'text');
\pset format aligned
\pset tuples_only off
SELECT foistats.col_units(x), foistats.total_units(x), foistats.col_totals(x)
  FROM (SELECT '{cols: "2013", "2014"; rows: "A" 3s 10, "B" 2s 7, "C" 9 9;
  units: 12 24; coltotals: 14 -}'::foistats.xtab AS x) s;
-- With every row total published, the default order is by those totals.
SELECT foistats.render(v) = foistats.render(v, sort => 'total')
       AND foistats.render(v) <> foistats.render(v, sort => 'label') AS by_published_total,
       (SELECT array_agg(f[1] ORDER BY i)
          FROM regexp_split_to_table(foistats.render(v), E'\n') WITH ORDINALITY AS l(line, i),
               string_to_array(line, E'\t') f WHERE f[1] ~ '^R') =
       (SELECT array_agg(label ORDER BY pub DESC, label COLLATE "C")
          FROM published WHERE name = c.name AND kind = 'row') AS order_matches_published
  FROM cases c WHERE name = 'protect, every total published';
-- sort => 'total' on a value with withheld row totals: by published totals,
-- then the rows whose total is withheld, by label.
SELECT array_agg(f[1] ORDER BY i) AS rows_by_published_total
  FROM cases c, regexp_split_to_table(foistats.render(c.v, sort => 'total'), E'\n') WITH ORDINALITY AS l(line, i),
       string_to_array(line, E'\t') f
 WHERE c.name = 'protect, totals withheld' AND f[1] ~ '^R';

-- publishable(): the value itself is safe to hand out.  Its text form has
-- no withheld count other than 0 and no complement or rounding flags, its
-- readers show exactly what the protected value's show.  Its audit works
-- from the published figures alone: each withheld figure gets the same
-- interval as in the exact audit of the protected value (the intervals
-- depend on published figures only), but with the true counts unknown the
-- rule is judged for the worst small count each cell could hold: two
-- complements whose true counts are not small fail that judgement (the
-- printed figures confine them to ranges such as 2 to 12, which do not
-- reach 0: a small count there would be pinned too closely).  The exact audit
-- needs the protected value; hand out the publishable one.
SELECT (SELECT v::text FROM cases WHERE name = 'protect, totals withheld') ~ '[1-9][0-9]*s' AS protected_text_shows_counts,
       v::text ~ '[1-9][0-9]*s' AS publishable_text_shows_counts,
       v::text ~ '[0-9]+s?[cr]' AS publishable_has_c_or_r_flags,
       foistats.to_jsonb(v) = (SELECT foistats.to_jsonb(v) FROM cases WHERE name = 'protect, totals withheld') AS same_jsonb,
       foistats.render(v, 'html') = (SELECT foistats.render(v, 'html') FROM cases WHERE name = 'protect, totals withheld') AS same_render
  FROM cases WHERE name = 'publishable(protect, totals withheld)';
SELECT count(*) AS withheld, count(*) FILTER (WHERE p.min = k.min AND p.max IS NOT DISTINCT FROM k.max) AS same_interval,
       count(*) FILTER (WHERE k.meets_rule) AS exact_meets, count(*) FILTER (WHERE k.meets_rule = false) AS exact_fails,
       count(*) FILTER (WHERE p.meets_rule) AS worst_case_meets, count(*) FILTER (WHERE p.meets_rule = false) AS worst_case_fails
  FROM foistats.disclosure_audit((SELECT v FROM cases WHERE name = 'publishable(protect, totals withheld)')) p
  JOIN foistats.disclosure_audit((SELECT v FROM cases WHERE name = 'protect, totals withheld')) k
       USING (row_label, col_label);
SELECT foistats.publishable(x) FROM src;
SELECT foistats.publishable(foistats.protect(x, method => 'round5'))::text ~ '[0-9]r' AS rounding_flags_left FROM src;

-- Merging.  protected + protected keeps every withheld cell withheld and
-- publishes a total only where both do (summed); the aggregate agrees with
-- the operator, and merging one protected value gives it back.
SELECT foistats.grand_total(v) AS merged_grand_total,
       2 * foistats.grand_total((SELECT v FROM cases WHERE name = 'protect, totals withheld')) AS twice_published,
       (SELECT count(*) FROM foistats.rows(v) WHERE n IS NULL) AS merged_withheld,
       (SELECT count(*) FROM foistats.rows((SELECT v FROM cases WHERE name = 'protect, totals withheld')) WHERE n IS NULL) AS withheld_each
  FROM cases WHERE name = 'protected + protected';
SELECT foistats.render(foistats.xtab_merge(v)) = (SELECT foistats.render(v) FROM cases WHERE name = 'protected + protected')
       AS aggregate_matches_operator
  FROM (SELECT v FROM cases WHERE name = 'protect, totals withheld'
        UNION ALL SELECT v FROM cases WHERE name = 'protect, totals withheld') s;
SELECT foistats.xtab_merge(v)::text = (SELECT v::text FROM cases WHERE name = 'protect, totals withheld')
       AS merge_of_one_is_identity
  FROM (SELECT v FROM cases WHERE name = 'protect, totals withheld' UNION ALL SELECT NULL) s;
-- An empty cross-tab (an aggregate over no rows) adds nothing, either way round.
SELECT (c.v OPERATOR(foistats.+) e.x)::text = c.v::text AS plus_empty,
       (e.x OPERATOR(foistats.+) c.v)::text = c.v::text AS empty_plus
  FROM cases c, (SELECT foistats.xtab(r, y) AS x FROM counts WHERE false) e
 WHERE c.name = 'protect, totals withheld';
-- A protected value does not add to an unprotected one, either way round.
SELECT c.v OPERATOR(foistats.+) s.x FROM cases c, src s WHERE c.name = 'protect, totals withheld';
SELECT s.x OPERATOR(foistats.+) c.v FROM cases c, src s WHERE c.name = 'protect, totals withheld';
SELECT foistats.xtab_merge(v) FROM (SELECT x FROM src UNION ALL
  SELECT v FROM cases WHERE name = 'protect, totals withheld') s(v);

SET client_min_messages = warning;
DROP SCHEMA protect_leak CASCADE;
RESET client_min_messages;
