-- foistats.response(): the seed request's whole response document, answered
-- from the sample records by the shipped template, in Markdown (printed
-- whole: it is README's example), text and HTML.  Its tables are read back
-- from the document (parse_tables / table_cells) and compared cell for cell
-- with the published figures (test/fixtures/seed_cells.tsv, extracted from
-- the seed by test/data/extract_seed.py); question 3 prints foistats'
-- totals, labelled as what they count, and none of the published errors.
\set with_sample
\i sql/include/records_prelude.sql

SELECT foistats.bind_records('seed', 'foistats_sample.crimes');
CREATE TEMP TABLE published (question text, row_label text, col_label text, value bigint);
\copy published FROM 'test/fixtures/seed_cells.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true)
\i sql/include/seed_tables.sql

CREATE TEMP TABLE doc AS
SELECT f AS format, foistats.response('wmp_2014_child_sexual_offences', f, 'seed.records') AS text
  FROM unnest(ARRAY['markdown', 'text', 'html']) f;

-- The document in Markdown, as it pastes into a GitHub issue or a reply on
-- WhatDoTheyKnow.
\pset format unaligned
\pset tuples_only on
SELECT text FROM doc WHERE format = 'markdown';
\pset tuples_only off
\pset format aligned

-- Its tables, read back from the Markdown and from the HTML: four, in the
-- order asked, and each is exactly the table request_render prints.
SELECT d.format, t.table_no, t.format AS read_as, t.first_line, t.last_line,
       cardinality(foistats.row_labels(t.x)) AS rows_read
  FROM doc d, foistats.parse_tables(d.text) t
 WHERE d.format IN ('markdown', 'html') ORDER BY 1, 2;
SELECT q, strpos((SELECT text FROM doc WHERE format = 'markdown'),
                 foistats.request_render('wmp_2014_child_sexual_offences', q, 'markdown', 'seed.records')) > 0 AS markdown_as_rendered,
          strpos((SELECT text FROM doc WHERE format = 'text'),
                 foistats.request_render('wmp_2014_child_sexual_offences', q, 'text', 'seed.records')) > 0 AS text_as_rendered
  FROM unnest(ARRAY['1', '1b', '1c', '3']) q;

-- Every cell of every table as the document prints it (table_cells of the
-- Markdown table's lines), beside every published figure.
CREATE TEMP TABLE printed AS
SELECT (ARRAY['1', '1b', '1c', '3'])[t.table_no] AS question, c.role, c.row_label, c.col_label, c.value, c.text
  FROM doc d, foistats.parse_tables(d.text) t,
       LATERAL foistats.table_cells(array_to_string((string_to_array(d.text, E'\n'))[t.first_line:t.last_line], E'\n'),
                                    'markdown', '{Grand Total (mentions)}') c
 WHERE d.format = 'markdown';
CREATE TEMP VIEW comparison AS
SELECT question, row_label, col_label, p.value AS published, r.value AS printed
  FROM published p
  FULL JOIN (SELECT question, row_label, col_label, value FROM printed WHERE value <> 0) r
 USING (question, row_label, col_label)
 WHERE question <> '1d';
-- Questions 1, 1b and 1c: every published figure (cells and Grand Totals) is
-- printed, and nothing else.
SELECT question, count(*) AS figures, count(*) FILTER (WHERE published = printed) AS equal,
       count(*) FILTER (WHERE published IS DISTINCT FROM printed) AS different
  FROM comparison GROUP BY question ORDER BY question;
-- Question 3: its 25 platform x year cells are as published (9 counts, 16
-- blank); what differs is the totals.  The published FACEBOOK total (87)
-- is not the sum of its cells (89); its 'Grand Total' row (4, 22, 43, 61,
-- 46, 101) is neither the sum of the rows (mentions) nor the crimes counted
-- (distinct crimes).  The document prints both of those, labelled, and none
-- of the published totals.
SELECT count(*) AS q3_cells, count(*) FILTER (WHERE p.value = coalesce(pub.value, 0)) AS as_published,
       count(*) FILTER (WHERE p.value <> 0) AS counts
  FROM printed p
  LEFT JOIN published pub ON pub.question = '3' AND pub.row_label = p.row_label AND pub.col_label = p.col_label
 WHERE p.question = '3' AND p.role = 'cell' AND p.row_label NOT LIKE 'Grand Total%';
SELECT row_label, col_label, published, printed FROM comparison
 WHERE question = '3' AND published IS DISTINCT FROM printed
 ORDER BY row_label LIKE 'Grand Total%', row_label, col_label;
-- The printed totals of question 3 add up: each row's Grand Total is the sum
-- of its cells, 'Grand Total (mentions)' the sum of the rows, and 'Grand
-- Total (distinct crimes)' the crimes counted (col_units: each crime once).
SELECT (SELECT count(*) FROM printed p WHERE p.question = '3' AND p.role = 'row_total'
           AND p.row_label NOT LIKE 'Grand Total%'
           AND p.value = (SELECT sum(c.value) FROM printed c WHERE c.question = '3' AND c.role = 'cell'
                             AND c.row_label = p.row_label)) AS row_totals_that_add_up,
       (SELECT count(*) FROM printed p WHERE p.question = '3' AND p.role = 'column_total'
           AND p.value = (SELECT sum(c.value) FROM printed c WHERE c.question = '3' AND c.role = 'cell'
                             AND c.row_label NOT LIKE 'Grand Total%' AND c.col_label = p.col_label)) AS mention_totals_that_add_up,
       (SELECT array_agg(value ORDER BY col_label) FROM printed WHERE question = '3' AND role IN ('column_units', 'total_units')
           AND row_label = 'Grand Total (distinct crimes)') AS distinct_crimes_printed,
       (SELECT foistats.col_units(foistats.request_xtab('wmp_2014_child_sexual_offences', '3', 'seed.records'))
               || foistats.total_units(foistats.request_xtab('wmp_2014_child_sexual_offences', '3', 'seed.records'))) AS distinct_crimes_counted;
-- ... and none of the figures the published table got wrong is printed.
SELECT a."check", a.row_label, a.col_label, a.published AS published_figure,
       EXISTS (SELECT 1 FROM printed p WHERE p.question = '3' AND p.value = a.published
                  AND p.col_label = coalesce(a.col_label, 'Grand Total')
                  AND (a.row_label IS NULL OR p.row_label = a.row_label)) AS printed_in_the_response
  FROM foistats.audit(foistats.parse_table(:'q3')) a ORDER BY 1, 2, 3;

-- Question 1d is answered in words, its figure in words: 'Six' is the
-- published 6.
SELECT (regexp_match(text, '\*\*1d\.[^\n]*\*\*\n\n([^\n]*)'))[1] AS printed_answer,
       (SELECT value FROM published WHERE question = '1d') AS published_figure,
       foistats.number_words((SELECT value FROM published WHERE question = '1d')) AS in_words
  FROM doc WHERE format = 'markdown';

-- The text document (for e-mail): questions 1d to the end; tables aligned
-- as render's text format, prose wrapped at 76 columns.
\pset format unaligned
\pset tuples_only on
SELECT substr(text, strpos(text, E'\n1d. ')) FROM doc WHERE format = 'text';
\pset tuples_only off
\pset format aligned
WITH prose AS (
  SELECT replace(replace(replace(replace(text,
           foistats.request_render('wmp_2014_child_sexual_offences', '1', 'text', 'seed.records'), ''),
           foistats.request_render('wmp_2014_child_sexual_offences', '1b', 'text', 'seed.records'), ''),
           foistats.request_render('wmp_2014_child_sexual_offences', '1c', 'text', 'seed.records'), ''),
           foistats.request_render('wmp_2014_child_sexual_offences', '3', 'text', 'seed.records'), '') AS text
    FROM doc WHERE format = 'text')
SELECT count(*) AS prose_lines, max(length(l)) FILTER (WHERE l ~ ' ') AS longest_with_a_space,
       array_agg(l) FILTER (WHERE length(l) > 76 AND l !~ '^https?://[^ ]+$') AS too_long
  FROM prose, regexp_split_to_table(text, E'\n') l
 WHERE l !~ '^=+$';

-- The HTML page: one file, nothing fetched, no script; every table with a
-- caption and scoped headers; one chart per table by period, each an <svg
-- role="img"> whose <title> and <desc> (its text alternative) are linked.
SELECT (regexp_match(text, '^<!DOCTYPE html>\n<html lang="en">'))[1] IS NULL AS doctype_missing,
       (SELECT count(*) FROM regexp_matches(text, '<table>', 'g')) AS tables,
       (SELECT count(*) FROM regexp_matches(text, '<caption>', 'g')) AS captions,
       (SELECT count(*) FROM regexp_matches(text, '<th scope="(col|row)">', 'g')) AS scoped_headers,
       (SELECT count(*) FROM regexp_matches(text, '<th>', 'g')) AS unscoped_headers,
       (SELECT count(*) FROM regexp_matches(text, '<svg [^>]*role="img" aria-labelledby="(chart-[a-z0-9_]+)-title \1-desc"', 'g')) AS charts,
       (SELECT count(*) FROM regexp_matches(text, '<desc id="chart-[a-z0-9_]+-desc">[^<]+</desc>', 'g')) AS chart_descriptions,
       text ~* '<script|<link|<img|<iframe|url\(|@import|src=' AS fetches_or_scripts,
       (SELECT array_agg(DISTINCT m[1]) FROM regexp_matches(text, '(?:href|xmlns)="([a-z]+://[^/"]+)', 'g') m) AS external_names,
       text ~ '@page \{ size: A4' AS a4_print_style
  FROM doc WHERE format = 'html';
-- A chart's text alternative states the figures drawn: question 3's (its
-- five platforms and the distinct crimes), with the partial year.
SELECT (regexp_match(text, '<title id="chart-3-title">([^<]*)</title>'))[1] AS title,
       (regexp_match(text, '<desc id="chart-3-desc">([^<]*)</desc>'))[1] AS descr
  FROM doc WHERE format = 'html';
-- Every figure a chart's text names is the figure its table prints.
WITH d AS (SELECT (regexp_matches(text, '<desc id="chart-([a-z0-9_]+)-desc">Figures drawn, by [a-z ]+ of recording: ([^<]*)</desc>', 'g')) AS m
             FROM doc WHERE format = 'html'),
     series AS (SELECT d.m[1] AS question, regexp_match(s, '^(.*): ([^:]*)$') AS lf
                  FROM d, regexp_split_to_table(regexp_replace(d.m[2], '\.( [^;]* covers .*)?$', ''), '; ') s),
     said AS (SELECT question, lf[1] AS row_label, split_part(f, ' ', 1) AS col_label,
                     nullif(split_part(f, ' ', 2), 'withheld')::bigint AS value
                FROM series, regexp_split_to_table(lf[2], ', ') f)
SELECT s.question, count(*) AS figures_in_text,
       count(*) FILTER (WHERE coalesce(p.value, 0) = s.value) AS as_in_the_table
  FROM said s
  LEFT JOIN printed p ON p.question = s.question AND p.row_label = s.row_label AND p.col_label = s.col_label
 GROUP BY 1 ORDER BY 1;

SET client_min_messages = warning;
DROP SCHEMA seed CASCADE;
DROP EXTENSION foistats_sample;
