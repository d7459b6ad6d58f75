-- Property test: what a protected table PRINTS gives nothing away.  For
-- every protected table and every render format: render -> parse_table ->
-- audit() finds no withheld cell revealed, and the intervals the printed
-- figures allow (disclosure_audit of the parsed table) meet the rule for the
-- true count of every small cell -- they are the intervals of the exact
-- audit of the protected value itself.  ('text' has no parser: its columns
-- are cut at the header's column ends, numbers being right-aligned.)
\set schema protect_roundtrip
\i sql/include/schema_prelude.sql

-- The leak this guards against: a table parsed from a response that prints
-- zeros as '-' keeps '-' as those cells' text; protect() withheld some of
-- those zeros (the cheapest complements) and render printed '-' again, so a
-- reader knew they were 0, and parsing the render back, audit() found a
-- withheld 1 revealed.  Now a withheld cell shows only the marker.
CREATE TABLE parsed AS SELECT foistats.parse_table(
E'\t2012\t2013\t2014\tGrand Total\n'
 'A\t1\t-\t30\t31\n'
 'B\t-\t12\t-\t12\n'
 'C\t10\t10\t-\t20\n'
 'D\t20\t-\t10\t30\n'
 'Grand Total\t31\t22\t40\t93', 'tsv') AS x;
SELECT foistats.render(foistats.protect(x), 'tsv') FROM parsed;
SELECT "check", row_label, col_label, computed
  FROM parsed, foistats.audit(foistats.parse_table(split_part(foistats.render(foistats.protect(x), 'tsv'), E'\n\n', 1), 'tsv'));
-- publishable() drops such markers too, and protect's marker must mean "withheld"
SELECT foistats.render(foistats.publishable(
  '{cols: "2013", "2014"; rows: "A" 3s"-" 10, "B" 2s"0" 7; coltotals: 5 17}'::foistats.xtab), 'tsv');
SELECT foistats.protect(x, marker => '-') FROM parsed;
SELECT foistats.protect(x, marker => '<5') FROM parsed;
SELECT foistats.render(x, marker => '') FROM parsed;
SELECT foistats.render(foistats.protect(x, marker => '[c]'), 'tsv') FROM parsed;

-- Random tables, many small counts (seeded), plus the parsed one.
\i sql/include/random_cells.sql
SELECT setseed(0.413);
CREATE TABLE cells AS SELECT * FROM random_cells(40, 7, 4, 0.30, 0.60, 0.85, 100);
CREATE TABLE cases (name text PRIMARY KEY, truth foistats.xtab, v foistats.xtab);
INSERT INTO cases
SELECT 'random ' || t, x, foistats.protect(x, allow_totals => true)
  FROM (SELECT t, foistats.xtab(row_label, make_date(year, 1, 1), n) AS x FROM cells GROUP BY t) s
UNION ALL
SELECT 'parsed, zeros as -', x, foistats.protect(x) FROM parsed;

-- 'text' as tab-separated fields: cut each line at the header's column ends.
\i sql/include/text_fields.sql
CREATE FUNCTION text_to_tsv(t text, cols text[]) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(array_to_string(f, E'\t'), E'\n' ORDER BY i)
    FROM text_fields(t, cols || 'Grand Total'::text) WITH ORDINALITY AS x(f, i)
$$;

-- The table as printed, its footnotes (text under it, not figures) cut off.
CREATE FUNCTION table_part(t text, fmt text) RETURNS text LANGUAGE sql AS $$
  SELECT CASE fmt WHEN 'html' THEN split_part(t, '</table>', 1) || '</table>'
                  WHEN 'csv' THEN (SELECT string_agg(l, E'\r\n' ORDER BY i) || E'\r\n'
                                     FROM regexp_split_to_table(t, E'\r\n') WITH ORDINALITY AS x(l, i)
                                    WHERE l LIKE '%,%' AND l !~ '^"([^"]|"")*"$')
                  ELSE split_part(t, E'\n\n', 1) END
$$;
CREATE TABLE printed AS
SELECT c.name, fmt,
       foistats.parse_table(CASE fmt WHEN 'text' THEN text_to_tsv(table_part(foistats.render(c.v, 'text'), fmt), foistats.col_labels(c.v))
                                      ELSE table_part(foistats.render(c.v, fmt), fmt) END,
                            CASE fmt WHEN 'text' THEN 'tsv' ELSE fmt END) AS p
  FROM cases c, unnest(ARRAY['tsv', 'csv', 'markdown', 'html', 'text']) fmt
 WHERE EXISTS (SELECT 1 FROM foistats.rows(c.v) WHERE n IS NULL);

-- audit() of what was printed: never a withheld cell revealed.
SELECT fmt, count(DISTINCT name) AS tables,
       count(*) FILTER (WHERE a."check" = 'disclosure_revealed') AS revealed,
       count(*) FILTER (WHERE a."check" IN ('row_total', 'column_total', 'grand_total_rows',
                                           'grand_total_columns', 'grand_total_cells')) AS arithmetic
  FROM printed LEFT JOIN LATERAL foistats.audit(p) a ON true
 GROUP BY fmt ORDER BY fmt;

-- The intervals the printed figures allow, against the true counts: every
-- small count meets the rule, and every interval is that of the exact audit
-- of the protected value (nothing printed says more than protect checked).
SELECT pr.fmt, count(*) AS withheld_cells,
       count(*) FILTER (WHERE t.n BETWEEN 1 AND 4) AS small,
       count(*) FILTER (WHERE t.n BETWEEN 1 AND 4
                          AND a.min <= greatest(0, t.n - 5) AND (a.max IS NULL OR a.max >= t.n + 5)) AS small_meeting_rule,
       count(*) FILTER (WHERE a.min = k.min AND a.max IS NOT DISTINCT FROM k.max) AS same_as_exact_audit
  FROM printed pr JOIN cases c USING (name)
  CROSS JOIN LATERAL foistats.disclosure_audit(pr.p) a
  JOIN foistats.rows(c.truth) t ON t.row_label = a.row_label AND t.col_label = a.col_label
  JOIN foistats.disclosure_audit(c.v) k ON k.row_label = a.row_label AND k.col_label = a.col_label
 GROUP BY pr.fmt ORDER BY pr.fmt;

SET client_min_messages = warning;
DROP SCHEMA protect_roundtrip CASCADE;
RESET client_min_messages;
