-- foistats.audit / foistats.audit_subset: the arithmetic of published tables,
-- and what their totals give away about suppressed cells.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

\i sql/include/seed_parsed.sql

-- Tables 1, 1b and 1c add up: no findings at all.
SELECT q, count(a."check") AS findings
  FROM seed LEFT JOIN LATERAL foistats.audit(x) a ON true
 GROUP BY q ORDER BY q;

-- Table 3 does not: FACEBOOK 4+18+25+35+7 = 89 printed 87; the 2011..2014
-- printed column totals 22, 43, 61, 46 against cells 18, 25, 36, 10; the
-- grand total 101 against row totals adding up to 91 and column totals to 176.
SELECT a.* FROM seed, foistats.audit(x) a WHERE q = '3';

-- 1b and 1c count a subset of table 1's crimes: every cell, row total,
-- column total and the grand total within table 1's.
SELECT s.q, count(a."check") AS findings
  FROM seed s CROSS JOIN seed sup LEFT JOIN LATERAL foistats.audit_subset(s.x, sup.x) a ON true
 WHERE sup.q = '1' AND s.q IN ('1b', '1c')
 GROUP BY s.q ORDER BY s.q;
-- ... while table 1 is of course not a subset of 1c: how many of its figures
-- exceed 1c's, and the totals among them
SELECT count(*) AS exceeding FROM seed s, seed sup, foistats.audit_subset(s.x, sup.x) a
 WHERE s.q = '1' AND sup.q = '1c' AND a."check" = 'subset_exceeds';
SELECT a.* FROM seed s, seed sup, foistats.audit_subset(s.x, sup.x) a
 WHERE s.q = '1' AND sup.q = '1c' AND a.row_label IS NULL;
-- table 3 against table 1: no platform row is an offence row
SELECT a."check", count(*) FROM seed s, seed sup, foistats.audit_subset(s.x, sup.x) a
 WHERE s.q = '3' AND sup.q = '1' GROUP BY 1 ORDER BY 1;

-- Disclosure: one suppressed cell in a row with a published total is
-- revealed by subtraction (Burglary 2022 = 10 - 7 - 0 = 3), and the column
-- total then reveals the other 2022 cell (9 - 3 - 5 = 1).
SELECT a.* FROM foistats.audit(foistats.parse_table(E'Offence,2021,2022,2023,Total\n'
                                                    'Burglary,7,*,-,10\n'
                                                    'Robbery,4,<5,2,7\n'
                                                    'Theft,1,5,6,12\n'
                                                    'Total,12,9,8,29\n')) a;
-- Two '<5' cells in one row with a total of 7: each is at least 3 (narrowed,
-- not revealed); no column totals, so nothing more is known.
SELECT a.* FROM foistats.audit(foistats.parse_table(E'\t2022\t2023\tTotal\nArson\t<5\t<5\t7\nFraud\t9\t2\t11\n')) a;
-- A 2x2 block of suppressed cells with all totals published (rows need 3
-- and 5, columns 4 and 4): no cell is determined (a b / c d may be 0 3 / 4 1
-- or 3 0 / 1 4 or anything between), so nothing is revealed, but the totals
-- prove c and d (row y) are at least 1.  That a and b are at most 3 is not
-- reported: any published total caps a '*' cell.
SELECT a.* FROM foistats.audit(foistats.parse_table(E'\tA\tB\tC\tTotal\n'
                                                    'x\t*\t*\t10\t13\n'
                                                    'y\t*\t*\t20\t25\n'
                                                    'z\t6\t6\t6\t18\n'
                                                    'Total\t10\t10\t36\t56\n')) a;
-- Where local reasoning is not enough: interval propagation over rows and
-- columns alone confines r2/A to 1..4, but no table with these totals has
-- r2/A = 1 (the exact network-flow audit of protect's core, intersected
-- with the propagation, gives 2..4).
SELECT a.* FROM foistats.audit(foistats.parse_table(E'\tA\tB\tC\tD\tTotal\n'
                                                    'r0\t*\t*\t1\t*\t4\n'
                                                    'r1\t*\t2\t0\t*\t4\n'
                                                    'r2\t*\t*\t*\t0\t5\n'
                                                    'r3\t2\t*\t*\t0\t4\n'
                                                    'Total\t8\t4\t4\t1\t17\n')) a
 WHERE a.row_label = 'r2' AND a.col_label = 'A';
-- A suppressed cell whose row total cannot be met: the row check says so and
-- the interval inference is not attempted on contradictory totals.
SELECT a.* FROM foistats.audit(foistats.parse_table(E'\tA\tB\tTotal\nx\t<5\t1\t9\n')) a;
-- Suppressed totals are not published figures: nothing to check them against.
SELECT a.* FROM foistats.audit(foistats.parse_table(E'\tA\tB\tTotal\nx\t3\t1\t*\ny\t2\t2\t4\nTotal\t*\t3\t*\n')) a;
-- A table without a total column: the grand total against the cells.
SELECT a.* FROM foistats.audit(foistats.parse_table(E'\tA\tB\nx\t3\t1\ny\t2\t2\nTotal\t5\t3\n')) a;

-- Real published tables (test/fixtures/published/*.cite for the sources).
\set kerb `cat test/fixtures/published/hansard_2008_kerb_crawling.tsv`
\set kent `cat test/fixtures/published/kent_2022_stop_search_ethnicity.md`
\set norfolk `cat test/fixtures/published/norfolk_2017_arrests_gender.tsv`
\set cambs `cat test/fixtures/published/cambs_2020_stop_search_type.md`
\set kerb6069 `cat test/fixtures/published/hansard_2008_kerb_crawling_60_69.tsv`
\set nmcnur `cat test/fixtures/published/nmcwatch_2019_2023_nurses.tsv`
\set nmcmid `cat test/fixtures/published/nmcwatch_2019_2023_midwives.tsv`
CREATE TEMP TABLE published (name text PRIMARY KEY, x foistats.xtab);
INSERT INTO published VALUES
  ('hansard 2008 kerb crawling', foistats.parse_table(:'kerb', total_labels => '{England and Wales}')),
  ('kent 2022/23 stop and search', foistats.parse_table(:'kent')),
  ('norfolk 2017 arrests by gender', foistats.parse_table(:'norfolk')),
  ('cambs 2020 stop and search by type', foistats.parse_table(:'cambs', total_labels => '{Number of stop searches}')),
  ('hansard 2008 kerb crawling, 60-69', foistats.parse_table(:'kerb6069')),
  ('nmcwatch 2019-2023 nurses', foistats.parse_table(:'nmcnur', total_labels => '{Nurses total}')),
  ('nmcwatch 2019-2023 midwives', foistats.parse_table(:'nmcmid', total_labels => '{Midwives total}'));
SELECT name, cardinality(foistats.row_labels(x)) AS nrows, foistats.col_labels(x) AS columns,
       (SELECT sum(n) FROM foistats.rows(x)) AS cells_sum,
       (SELECT count(*) FROM foistats.audit(x)) AS findings
  FROM published ORDER BY name;
-- without naming its total row, 'England and Wales' is just another row
SELECT cardinality(foistats.row_labels(foistats.parse_table(:'kerb'))) AS nrows;

-- The NMC-referrals tables print '<5' (0 to 4 here) and every trust's total
-- beside it.  Nurses: Portsmouth 41 - (14+7+7+11) = 2, Lothian
-- 45 - (8+11+12+11) = 3 and Highland 46 - (8+13+14+8) = 3 are given away;
-- Epsom's three '<5' share 34 - (10+13) = 11, so each is at least 11 - 8 = 3;
-- Torbay's two share 29 - (7+8+9) = 5, so neither is 0.
SELECT a.* FROM published p, foistats.audit(p.x) a
 WHERE p.name = 'nmcwatch 2019-2023 nurses' ORDER BY a.row_label, a.col_label;
-- Midwives: the totals leave every '<5' free within 0..4 (Portsmouth's three
-- share 5, Epsom's four 8, Highland's four 6, St Georges' three 7, North
-- Lincolnshire's five 4; Lothian's and Torbay's totals are '<5' too)
SELECT (SELECT count(*) FROM foistats.table_cells(:'nmcmid', total_labels => '{Midwives total}')
          WHERE kind = 'suppressed' AND role = 'cell') AS suppressed_cells,
       (SELECT count(*) FROM foistats.table_cells(:'nmcmid', total_labels => '{Midwives total}')
          WHERE kind = 'suppressed' AND role = 'row_total') AS suppressed_totals,
       (SELECT count(*) FROM published p, foistats.audit(p.x) a
         WHERE p.name = 'nmcwatch 2019-2023 midwives') AS findings;

-- What if Kent had printed '*' for its smallest group and kept the Total?
-- (A modification of the published table, for illustration: the Total gives
-- the cell away.)
SELECT a.* FROM foistats.audit(foistats.parse_table(replace(:'kent', '| 93 |', '| * |'))) a;
-- ... with two groups withheld the Total reveals neither (it caps each at
-- their sum, 118 + 93 = 211, which any total does): no finding
SELECT a.* FROM foistats.audit(foistats.parse_table(replace(replace(:'kent', '| 93 |', '| * |'),
                                                            '| 118 |', '| * |'))) a;


-- A NULL cross-tab is no table: the checking functions refuse it rather than
-- answer with no rows, which would read as "adds up" / "within" / "matches".
SELECT * FROM foistats.audit(NULL);
SELECT * FROM foistats.audit_subset(NULL, '{cols: "2013"; rows: "A" 1}');
SELECT * FROM foistats.reconcile('{cols: "2013"; rows: "A" 1}', NULL);
-- an empty table is a table: nothing to find
SELECT count(*) FROM foistats.audit('{}');
