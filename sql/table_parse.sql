-- foistats.parse_table: tables as published, into xtab values with their
-- published totals kept beside the cells.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

\i sql/include/seed_parsed.sql

-- shape: rows (the total row is not a row), columns in year order, totals
-- (grand_total() of a parsed table is its published grand total, NULL if it
-- has none: a published value shows what was published; sum the cells with
-- rows())
SELECT q, cardinality(foistats.row_labels(x)) AS nrows,
       foistats.col_labels(x) AS columns,
       (SELECT sum(n) FROM foistats.rows(x)) AS cells_sum
  FROM seed ORDER BY q;

-- every figure of table 3 as parsed (reconcile of a table with itself lists
-- them all; a row's total follows its cells, column totals and the grand
-- total come last): the printed totals are kept as printed, 87 and 101
-- included, even though the cells add up to 89 and 93
SELECT r.row_label, r.col_label, r.published, r.status
  FROM seed, foistats.reconcile(x, x) r
 WHERE q = '3'
 ORDER BY r.row_label NULLS LAST, r.col_label NULLS LAST;

-- first and last rows of table 1 in published order, and the row after the
-- blank line inside the table
SELECT (foistats.row_labels(x))[1] AS first, (foistats.row_labels(x))[27] AS after_blank,
       (foistats.row_labels(x))[79] AS last
  FROM seed WHERE q = '1';

-- blank cells are zero, marked blank
SELECT r.col_label, r.published
  FROM seed, foistats.reconcile(x, x) r
 WHERE q = '1' AND r.row_label = 'CAUSE/INCITE CHILD PROSTITUTION OR PORNOGRAPHY 13-17'
 ORDER BY r.col_label NULLS LAST;

-- a total row or column under another name
SELECT foistats.row_labels(x), foistats.grand_total(x), (SELECT sum(n) FROM foistats.rows(x)) AS cells_sum
  FROM foistats.parse_table(E'\t2006\t2007\nKent\t3\t1\nSurrey\t2\t2\nEngland and Wales\t5\t3\n',
                            total_labels => '{england and wales}') x;
SELECT foistats.row_labels(foistats.parse_table(E'\t2006\t2007\nKent\t3\t1\nSurrey\t2\t2\nEngland and Wales\t5\t3\n'));

-- Round trip: parsed and rendered again in the published layout (stored row
-- order, printed totals, bold where the response had <b>), each table comes
-- back byte for byte, except the two blank lines inside table 1.
SELECT foistats.render(foistats.parse_table(:'q1'), 'tsv', sort => 'stored', published_totals => true)
         = regexp_replace(:'q1', E'\n\n', E'\n', 'g') AS q1_round_trip,
       foistats.render(foistats.parse_table(:'q1b'), 'tsv', sort => 'stored', published_totals => true,
                       bold => '{total_row}') = :'q1b' AS q1b_round_trip,
       foistats.render(foistats.parse_table(:'q1c'), 'tsv', sort => 'stored', published_totals => true,
                       bold => '{total_row}') = :'q1c' AS q1c_round_trip,
       foistats.render(foistats.parse_table(:'q3'), 'tsv', sort => 'stored', published_totals => true,
                       bold => '{total_row,total_column,row_labels}') = :'q3' AS q3_round_trip;

-- A whole response: every table found among the prose, titled by the bold
-- line before it, with its lines in the response.
\set response `sh test/fixtures/seed_tables/response.sh`
SELECT t.table_no, t.title, t.first_line, t.last_line, t.format,
       cardinality(foistats.row_labels(t.x)) AS nrows, (SELECT sum(n) FROM foistats.rows(t.x)) AS cells_sum,
       (SELECT count(*) FROM foistats.audit(t.x)) AS findings
  FROM foistats.parse_tables(:'response') t;
-- a table that does not parse is an error naming it and the response's line
SELECT count(*) FROM foistats.parse_tables(E'Intro\n\n**T**\n\n\tA\tB\nx\t1\t2\ny\t1\n');
SELECT count(*) AS tables FROM foistats.parse_tables('no tables in this text at all');

-- the format can be given; a wrong one is an error, not a guess
SELECT foistats.col_labels(foistats.parse_table(:'q3', 'tsv'));
SELECT foistats.parse_table(:'q3', 'csv');
SELECT foistats.parse_table(:'q3', 'excel');

-- CSV (RFC 4180): quoted labels with commas and quotes, thousands
-- separators, '-' and '<5', '*' in a total
SELECT r.*
  FROM foistats.reconcile(
         foistats.parse_table(E'Offence,2022/23,2021/22,Total\n'
                              '"Theft, other","1,234",5,"1,239"\n'
                              '"Said ""no""",-,<5,*\n'
                              'Total,"1,234",*,"1,243"\n'),
         foistats.parse_table(E'Offence,2022/23,2021/22,Total\n'
                              '"Theft, other","1,234",5,"1,239"\n'
                              '"Said ""no""",-,<5,*\n'
                              'Total,"1,234",*,"1,243"\n')) r;

-- Markdown pipe table with an alignment row and bold totals
SELECT foistats.row_labels(x), foistats.col_labels(x), foistats.grand_total(x),
       (SELECT sum(n) FROM foistats.rows(x)) AS cells_sum
  FROM foistats.parse_table(E'| Platform | 2023 | 2024 | Total |\n'
                            '|:---|---:|---:|---:|\n'
                            '| Facebook | 10 | 12 | 22 |\n'
                            '| Snapchat \\| Instagram | 3 | - | 3 |\n'
                            '| **Total** | **13** | **12** | **25** |\n') x;

-- HTML <table>: th/td, entities, tags inside cells, caption and comments
SELECT foistats.row_labels(x), foistats.col_labels(x), foistats.grand_total(x),
       (SELECT sum(n) FROM foistats.rows(x)) AS cells_sum
  FROM foistats.parse_table(E'<table>\n<caption>Offences</caption>\n'
                            '<tr><th></th><th>2019</th><th>2020</th><th>Grand Total</th></tr>\n'
                            '<tr><td>Theft &amp; handling</td><td>1,200</td><td>&lt;5</td><td>1,203</td></tr>\n'
                            '<!-- <tr><td>draft</td></tr> -->\n'
                            '<tr><td><b>Fraud</b><br>online</td><td><span>7</span></td><td>&nbsp;</td><td>7</td></tr>\n'
                            '</table>') x;

-- The parse cell by cell, with what each cell was taken for and where it is
SELECT * FROM foistats.table_cells(:'q3') WHERE row_label IN ('FACEBOOK', 'Grand Total');
SELECT role, row_label, col_label, kind, value, text, line, cell
  FROM foistats.table_cells(E'Offence,2022/23,Total\n"Theft, other","1,234",-\nArson,<5,1-4\nFraud,n/a,*\n');

-- Malformed tables: an error naming the line (and cell), never a wrong parse.
-- ragged row
SELECT foistats.parse_table(E'\t2013\t2014\tGrand Total\nA\t1\t2\t3\nB\t1\t2\n');
-- missing header
SELECT foistats.parse_table(E'A\t1\t2\nB\t3\t4\n');
-- duplicate row label
SELECT foistats.parse_table(E'\t2013\t2014\nA\t1\t2\nB\t1\t2\nA\t3\t4\n');
-- duplicate column label
SELECT foistats.parse_table(E'\t2013\t2013\nA\t1\t2\n');
-- junk in a number cell
SELECT foistats.parse_table(E'\t2013\t2014\nA\t1\t2\nB\t1\t2O\n');
SELECT foistats.parse_table(E'k,2013\nA,12%\n');
SELECT foistats.parse_table(E'k,2013\nA,1.5\n');
-- row without a label, two total rows, unterminated quote, colspan
SELECT foistats.parse_table(E'\t2013\n\t1\n');
SELECT foistats.parse_table(E'\t2013\nTotal\t1\nA\t1\nGrand Total\t1\n');
SELECT foistats.parse_table(E'k,2013\n"A,1\n');
SELECT foistats.parse_table('<table><tr><td></td><td colspan="2">2013</td></tr></table>');
-- nothing recognisable
SELECT foistats.parse_table('no table here');
SELECT foistats.parse_table('');
