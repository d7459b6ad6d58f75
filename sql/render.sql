-- foistats.render(): cross-tabs in the layout FOI responses publish, and
-- foistats.create_wide_view() for BI tools.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

-- The seed response's tables, line for line as published (sliced from the
-- seed text by test/fixtures/seed_tables/slice.sh and checked against it by
-- test/checks/tables_seed_fixtures.sh); blank lines inside a table (page
-- breaks in the source) are skipped.
\i sql/include/seed_tables.sql
CREATE TEMP TABLE seed_line AS
SELECT t.question, (row_number() OVER (PARTITION BY t.question ORDER BY s.k))::int AS n, s.line
  FROM (VALUES ('1', :'q1'), ('1b', :'q1b'), ('1c', :'q1c'), ('3', :'q3')) t(question, txt),
       regexp_split_to_table(t.txt, E'\n') WITH ORDINALITY s(line, k)
 WHERE s.line <> '';
SELECT question, count(*) AS lines FROM seed_line GROUP BY 1 ORDER BY 1;

-- Their cells: every body line by every period column, '<b>' tags and the
-- 'Grand Total' row and column left out (render computes totals).
CREATE TEMP VIEW seed_cell AS
SELECT l.question, l.n, regexp_replace(l.f[1], '</?b>', '', 'g') AS row_label,
       h.f[i] AS col_label,
       nullif(regexp_replace(l.f[i], '</?b>', '', 'g'), '')::bigint AS n_published
  FROM (SELECT question, n, string_to_array(line, E'\t') AS f FROM seed_line) l
  JOIN (SELECT question, string_to_array(line, E'\t') AS f FROM seed_line WHERE n = 1) h
       USING (question)
  CROSS JOIN LATERAL generate_series(2, cardinality(h.f) - 1) i
 WHERE l.n > 1 AND l.f[1] !~ 'Grand Total';

-- Rebuild each table with the weighted aggregate (blank cells are NULL
-- weights, so they count nothing).
CREATE TEMP TABLE seed_xtab AS
SELECT question, foistats.xtab(row_label, col_label, n_published) AS x,
       array_agg(DISTINCT row_label) AS labels
  FROM seed_cell GROUP BY question;
-- The published row order, for tables whose ties are not in label order.
CREATE TEMP TABLE seed_order AS
SELECT question, array_agg(row_label ORDER BY n) AS row_order
  FROM (SELECT DISTINCT question, n, row_label FROM seed_cell) s GROUP BY question;

-- Question 1 (offence by year): rows by total descending; the published
-- ties are not in label order, so give the published order.  Every line,
-- including the computed Grand Total row and column, must be as published.
CREATE TEMP TABLE rendered AS
SELECT x.question, r.n::int AS n, r.line
  FROM seed_xtab x JOIN seed_order o USING (question),
       LATERAL regexp_split_to_table(
         CASE x.question
           WHEN '1'  THEN foistats.render(x.x, 'tsv', row_order => o.row_order)
           WHEN '1b' THEN foistats.render(x.x, 'tsv', sort => 'label', bold => '{total_row}')
           WHEN '1c' THEN foistats.render(x.x, 'tsv', row_order => o.row_order,
                                          bold => '{total_row}')
         END, E'\n') WITH ORDINALITY AS r(line, n)
 WHERE x.question IN ('1', '1b', '1c');
SELECT s.question, count(*) AS published_lines, count(r.line) AS rendered_lines,
       count(*) FILTER (WHERE r.line IS DISTINCT FROM s.line) AS lines_differing
  FROM seed_line s FULL JOIN rendered r USING (question, n)
 WHERE coalesce(s.question, r.question) IN ('1', '1b', '1c')
 GROUP BY 1 ORDER BY 1;
-- Question 1b was published in label order: sort => 'label' alone
-- reproduces it (above).  Question 1 with the default order (total
-- descending, ties by label) has the same lines, only ties reordered:
SELECT count(*) AS lines_in_a_different_place,
       (SELECT count(*) FROM (SELECT line FROM seed_line WHERE question = '1'
                              EXCEPT ALL
                              SELECT regexp_split_to_table(foistats.render(x), E'\n')
                                FROM seed_xtab WHERE question = '1') d) AS lines_missing
  FROM (SELECT n, line FROM seed_line WHERE question = '1') s
  JOIN (SELECT n, line FROM seed_xtab, regexp_split_to_table(foistats.render(x), E'\n')
                                       WITH ORDINALITY AS r(line, n)
         WHERE question = '1') r USING (n)
 WHERE r.line <> s.line;
-- The first lines of question 1 as rendered (tabs shown as |).
SELECT replace(line, E'\t', ' | ') AS line FROM rendered WHERE question = '1' AND n <= 4
UNION ALL SELECT '...'
UNION ALL SELECT replace(line, E'\t', ' | ') FROM rendered
           WHERE question = '1' AND n = (SELECT max(n) FROM rendered WHERE question = '1');

-- Question 3 (platform mentions) was published with totals that disagree
-- with its cells (FACEBOOK's cells add up to 89, not 87; the Grand Total
-- row is not the column sums).  A value can carry published totals (here
-- built with the text format); published_totals => true renders them, and
-- with bold row labels and totals the table comes out as published.
CREATE TEMP TABLE seed3 AS
SELECT ('{cols: ' || (SELECT string_agg(format('"%s"', c), ', ' ORDER BY c)
                        FROM (SELECT DISTINCT col_label c FROM seed_cell WHERE question = '3') s)
        || '; rows: ' ||
        (SELECT string_agg(format('"%s" %s', row_label, cells), ', ' ORDER BY n)
           FROM (SELECT n, row_label, string_agg(coalesce(n_published, 0)::text, ' '
                                                 ORDER BY col_label) AS cells
                   FROM seed_cell WHERE question = '3' GROUP BY n, row_label) r)
        || '; coltotals: ' ||
        (SELECT array_to_string(f[2:cardinality(f) - 1], ' ')
           FROM (SELECT string_to_array(regexp_replace(line, '</?b>', '', 'g'), E'\t') f
                   FROM seed_line WHERE question = '3' AND line ~ '^<b>Grand Total') g)
        || '; rowtotals: ' ||
        (SELECT string_agg(regexp_replace(f[cardinality(f)], '</?b>', '', 'g'), ' ' ORDER BY n)
           FROM (SELECT n, string_to_array(line, E'\t') f FROM seed_line
                  WHERE question = '3' AND n > 1 AND line !~ 'Grand Total') r)
        || '; grandtotal: ' ||
        (SELECT regexp_replace(split_part(line, E'\t', 7), '</?b>', '', 'g')
           FROM seed_line WHERE question = '3' AND line ~ '^<b>Grand Total')
        || '}')::foistats.xtab AS x;
SELECT x FROM seed3;
SELECT count(*) AS lines, count(*) FILTER (WHERE r.line IS DISTINCT FROM s.line) AS lines_differing
  FROM (SELECT n, line FROM seed_line WHERE question = '3') s
  FULL JOIN (SELECT n, line FROM seed3,
                    regexp_split_to_table(foistats.render(x, sort => 'stored',
                                                          published_totals => true,
                                                          bold => '{total_row,total_column,row_labels}'),
                                          E'\n') WITH ORDINALITY AS r(line, n)) r USING (n);
-- The default for a value with published totals is to print them (as
-- above); published_totals => false prints what the cells add up to.
SELECT foistats.render(x, 'text', sort => 'stored') = foistats.render(x, 'text', sort => 'stored', published_totals => true) AS default_is_published FROM seed3;
SELECT foistats.render(x, 'text', sort => 'stored', published_totals => false) FROM seed3;

-- A small cross-tab to show each format: a suppressed cell, a published
-- marker, a label with characters each format must escape, title, footnote,
-- published totals.  It has suppressed cells, so only its published totals
-- print (the EXPOSURE row's and the grand total; the others are withheld
-- and blank: the RAPE row's would give its 3 away), and rows sort by label
-- (some row totals are withheld).
CREATE TEMP TABLE small AS SELECT '{cols: "2013", "2014";
  rows: "RAPE" 3s 0, "EXPOSURE, \"flashing\" <b>|&" 16 1, "VOYEURISM" 2 2s"<5";
  rowtotals: - 17 -; grandtotal: 24;
  title: "Sexual offences"; rowheader: "Offence";
  footnote: "* and <5: fewer than 5 crimes, not shown"}'::foistats.xtab AS x;
SELECT foistats.render(x) FROM small;
-- published_totals => false forces totals computed from the cells: they
-- include the true counts of suppressed cells (RAPE's total 3 is its
-- withheld 3; the 2014 column's 3 minus the visible 1 is VOYEURISM's
-- withheld 2), so this is for checking only, never for publishing.
SELECT foistats.render(x, published_totals => false) FROM small;
SELECT foistats.render(x, 'csv') FROM small;
SELECT foistats.render(x, 'markdown') FROM small;
SELECT foistats.render(x, 'html') FROM small;
SELECT foistats.render(x, 'text') FROM small;
-- Zero cells: blank by default, or '0' or '-'; title and row header from
-- arguments override the value's; another marker; rows by label.
SELECT foistats.render(x, 'text', title => 'Other title', row_header => 'Crime', zero => '-',
                       marker => '[x]', sort => 'label') FROM small;
SELECT foistats.render(x, 'tsv', zero => '0', row_order => '{VOYEURISM}') FROM small;

-- A multi-label cross-tab: a crime can be under several rows, so the
-- column sums count mentions; the last row counts distinct crimes (units)
-- and a footnote says so.  Here 3 crimes, one mentioning both platforms.
SELECT foistats.render(foistats.xtab(p, d), 'text')
  FROM (VALUES (ARRAY['Facebook', 'Twitter'], date '2013-02-01'),
               (ARRAY['Facebook'], date '2013-03-01'),
               (ARRAY['Twitter'], date '2014-03-01')) v(p, d);

-- An empty cross-tab still renders its header and totals.
SELECT foistats.render('{}', 'text');
SELECT foistats.render(NULL) IS NULL AS null_in_null_out;

-- Bad options.
SELECT foistats.render(x, 'pdf') FROM small;
SELECT foistats.render(x, NULL) FROM small;
SELECT foistats.render(x, sort => 'size') FROM small;
SELECT foistats.render(x, bold => '{everything}') FROM small;
SELECT foistats.render(x, row_order => '{NOSUCH}') FROM small;
SELECT foistats.render(x, row_order => '{RAPE,RAPE}') FROM small;
SELECT foistats.render(x, row_order => ARRAY[NULL]) FROM small;

-- Wide views for BI tools: one bigint column per period plus Grand Total,
-- with comments; the view re-runs the query, so it stays current.
CREATE SCHEMA xtab_render_test;
CREATE TABLE xtab_render_test.crime (offence text, recorded_on date);
INSERT INTO xtab_render_test.crime VALUES
  ('EXPOSURE', '2013-05-01'), ('EXPOSURE', '2014-05-01'), ('VOYEURISM', '2013-06-01');
SELECT foistats.create_wide_view('xtab_render_test.by_year',
  'SELECT foistats.xtab(offence, recorded_on) FROM xtab_render_test.crime', 'Offence');
SELECT * FROM xtab_render_test.by_year;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type,
       col_description(a.attrelid, a.attnum) AS comment
  FROM pg_attribute a WHERE a.attrelid = 'xtab_render_test.by_year'::regclass AND a.attnum > 0
 ORDER BY a.attnum;
SELECT obj_description('xtab_render_test.by_year'::regclass, 'pg_class') AS view_comment;
-- New data shows up; a period first seen later (2015) has no column of its
-- own (create the view again for that) and is not in Grand Total either: the
-- columns and the total always agree.
INSERT INTO xtab_render_test.crime VALUES ('VOYEURISM', '2014-01-01'), ('VOYEURISM', '2015-01-01');
SELECT * FROM xtab_render_test.by_year;
-- Errors.
SELECT foistats.create_wide_view('xtab_render_test.v2', 'SELECT 1');
SELECT foistats.create_wide_view('xtab_render_test.v2',
  'SELECT foistats.xtab(offence, recorded_on) FROM xtab_render_test.crime GROUP BY offence');
SELECT foistats.create_wide_view('xtab_render_test.v2',
  'SELECT foistats.xtab(offence, recorded_on) FROM xtab_render_test.crime WHERE false GROUP BY offence');
SELECT foistats.create_wide_view('xtab_render_test.v2',
  'SELECT foistats.xtab(offence, recorded_on), 1 FROM xtab_render_test.crime');
SELECT foistats.create_wide_view('xtab_render_test.v2', 'SELECT NULL::foistats.xtab');
SELECT foistats.create_wide_view('a.b.c.d', 'SELECT ''{}''::foistats.xtab');
SELECT foistats.create_wide_view('xtab_render_test.v2', 'SELECT ''{cols: "2013"}''::foistats.xtab', '2013');
SELECT foistats.create_wide_view('xtab_render_test.v2', 'SELEC nonsense');
SELECT foistats.create_wide_view(NULL, 'SELECT 1');
DROP SCHEMA xtab_render_test CASCADE;
