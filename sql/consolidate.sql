-- Many forces' responses combined into one table (foistats.consolidate).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

-- periods: canonical labels by the source's period kind; a single year given as a
-- financial year, or a span given as a calendar year, is refused
SELECT l, foistats.period_label(l, 'fy') AS fy
  FROM unnest(ARRAY['2019/20', '2019-20', '2019/2020', 'FY2019-20', '2019 - 2020', 'Apr 2023 - Mar 2024']) l;
SELECT foistats.period_label('2019', 'year'), foistats.period_label('Year 2021', 'year');
SELECT foistats.period_label('2019', 'fy');
SELECT foistats.period_label('2019/20', 'year');
SELECT foistats.period_label('2019/21', 'fy');
SELECT foistats.period_label('Jan-Mar', 'year');

-- Three made-up sources, one trap each:
--  * "Nested force" prints a group and one of its members, and its rows add up to its Total
--    only if the group includes the member: the group counts only its remainder;
--  * "Disjoint force" prints a subgroup and one of its classes, and its rows add up to its
--    Grand Total as they are: both are counted as printed; a non-notifiable row is kept apart;
--  * "Calendar force" counts calendar years, prints no total, and has a label nobody knows.
CREATE TEMP TABLE src AS SELECT ARRAY[
  ROW('Nested force', foistats.parse_table(E'Offence\t2019/20\t2020/21\nViolence against the person\t10\t12\nStalking and harassment\t4\t5\nRobbery\t2\t1\nTotal\t12\t13'), 'fy')::foistats.force_table,
  ROW('Disjoint force', foistats.parse_table(E'Crime\t2019/2020\t2020/2021\nViolence with injury\t3\t4\nAssault with injury\t1\t1\nNON-NOTIFIABLE\t1\t0\nGrand Total\t5\t5'), 'fy')::foistats.force_table,
  ROW('Calendar force', foistats.parse_table(E'Offence\t2019\t2020\nTHEFT OR UNAUTH TAKING OF A MOTOR VEH\t3\t4\nBlah\t1\t1\nBurglary\t5\t6'), 'year')::foistats.force_table] AS s;
SELECT force, source_category, period, n, status, category, reason
  FROM foistats.consolidate_provenance((SELECT s FROM src), 'ons_subgroup', periods => 'separate');
SELECT * FROM foistats.consolidate_check((SELECT s FROM src), 'ons_subgroup', periods => 'separate');
-- calendar and financial years are never added: refused (the default), or separate columns
SELECT foistats.consolidate((SELECT s FROM src));
\a\t
SELECT foistats.render(foistats.consolidate((SELECT s FROM src), 'ons_subgroup', periods => 'separate'), 'text');
\a\t
\a\t
SELECT foistats.render(foistats.consolidate((SELECT s[1:2] FROM src), 'ons_group'), 'text');
\a\t
-- confidence below the minimum goes to Unmapped
SELECT force, source_category, status, reason
  FROM foistats.consolidate_provenance(ARRAY[ROW('F', foistats.parse_table(E'\t2019\nViolence\t3\nRobbery\t1'), 'year')::foistats.force_table],
                                       min_confidence => 'high')
 WHERE status <> 'printed_total' AND status <> 'no_printed_total';

-- a source whose rows do not add up to its printed total: an error, or a footnote
SELECT foistats.consolidate(ARRAY[ROW('Short force', foistats.parse_table(E'\t2019\nRobbery\t3\nArson\t1\nTotal\t5'), 'year')::foistats.force_table]);
\a\t
SELECT foistats.render(foistats.consolidate(ARRAY[ROW('Short force', foistats.parse_table(E'\t2019\nRobbery\t3\nArson\t1\nTotal\t5'), 'year')::foistats.force_table],
                       on_mismatch => 'flag'), 'text');
\a\t
-- a withheld figure: what the source contributed is not known, so the check fails
SELECT force, period, source_total, counted, withheld, ok
  FROM foistats.consolidate_check(ARRAY[ROW('F', foistats.parse_table(E'\t2019\t2020\nRobbery\t*\t4\nArson\t3\t1\nTotal\t5\t5'), 'year')::foistats.force_table]);
SELECT foistats.consolidate(ARRAY[ROW('F', foistats.parse_table(E'\t2019\t2020\nRobbery\t*\t4\nArson\t3\t1\nTotal\t5\t5'), 'year')::foistats.force_table]);
-- footnote markers glued to labels as extracted text prints them ('Burglary1', 'Vehicle crime2')
SELECT l, (foistats.classify_category(l)).ons_subgroup FROM unnest(ARRAY['Burglary1', 'Vehicle crime2', 'Offences against vehicles1']) l;
-- one table per force: a second table of one response (the same crimes by hospital) is refused
SELECT foistats.consolidate(ARRAY[ROW('F', foistats.parse_table(E'\t2019\nRobbery\t3'), 'year')::foistats.force_table,
                                  ROW('F', foistats.parse_table(E'\t2019\nGeneral Hospital\t3'), 'year')::foistats.force_table]);
-- a column that is not a period, a bad argument
SELECT foistats.consolidate(ARRAY[ROW('F', foistats.parse_table(E'\t2019\tNotes\nRobbery\t3\t1'), 'year')::foistats.force_table]);
SELECT foistats.consolidate(ARRAY[ROW('F', foistats.parse_table(E'\t2019\nRobbery\t3'), 'quarter')::foistats.force_table]);
SELECT foistats.consolidate(ARRAY[ROW('F', foistats.parse_table(E'\t2019\nRobbery\t3'), 'year')::foistats.force_table], level => 'family');

-- Real published tables (test/fixtures/forces/*/ and ../requests/*/: each with a .cite; the
-- tables are made from the stored text by extract_tables.py and requests/extract.py).
--
-- 1. The Home Office's answer of 14 June 2007: sexual offences recorded by each of the 43
--    forces, 2002-03 to 2005-06, and a Total row.  Each force is one source of one category
--    (the table's subject, 'Sexual offences'); the consolidated table must equal the printed
--    Total, which consolidate never sees.
CREATE TEMP TABLE so (force text, y1 text, y2 text, y3 text, y4 text);
\copy so FROM 'test/fixtures/forces/hansard_2007_sexual_offences_by_force/hansard_2007_sexual_offences_by_force.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\x01')
CREATE TEMP TABLE so_sources AS
SELECT array_agg(ROW(force, foistats.parse_table(format(E'Offence\t2002-03\t2003-04\t2004-05\t2005-06\nSexual offences\t%s\t%s\t%s\t%s', y1, y2, y3, y4)), 'fy')::foistats.force_table ORDER BY force) AS s
  FROM so WHERE force <> 'Total';
SELECT cardinality(s) AS forces FROM so_sources;
\a\t
SELECT foistats.render(foistats.consolidate((SELECT s FROM so_sources)), 'text');
\a\t
-- the consolidated row is the Home Office's printed Total, year by year
SELECT r.col_label AS period, r.n AS consolidated, t.printed, r.n = t.printed AS same
  FROM foistats.rows(foistats.consolidate((SELECT s FROM so_sources))) r
  JOIN (SELECT unnest(ARRAY['2002/03', '2003/04', '2004/05', '2005/06']) AS period,
               unnest(ARRAY[y1, y2, y3, y4])::bigint AS printed FROM so WHERE force = 'Total') t ON t.period = r.col_label
 ORDER BY 1;
SELECT count(*) AS checks, count(*) FILTER (WHERE ok) AS ok FROM foistats.consolidate_check((SELECT s FROM so_sources));

-- 2. Forces' tables of several categories.  Financial years: Staffordshire Police (Tamworth,
--    Hansard 2008), Hertfordshire Constabulary (Dacorum, Hansard 2009), West Midlands Police
--    (Birmingham, Hansard 2010: two burglary rows and their 'Total burglary'), PSNI (sexual
--    communication with a child, as the Belfast Telegraph printed PSNI's answer).
\set tamworth `cat test/fixtures/forces/hansard_2008_tamworth/hansard_2008_tamworth.tsv`
\set dacorum `cat test/fixtures/forces/hansard_2009_dacorum/hansard_2009_dacorum.tsv`
\set birmingham `cat test/fixtures/forces/hansard_2010_birmingham/hansard_2010_birmingham.tsv`
\set psni_scwc `cat test/fixtures/requests/belfasttelegraph_2023_psni_scwc_by_fy/belfasttelegraph_2023_psni_scwc_by_fy.tsv`
--    Calendar years: Cleveland Police (FOI 242-24, two Home Office codes), PSNI (FOI/14316,
--    sexual offences at hospitals: the cell split of the stored copy is ASSUMED, see its .cite).
\set cleveland `cat test/fixtures/requests/cleveland_2024_restraining_orders/cleveland_2024_restraining_orders.tsv`
\set psni_hosp `cat test/fixtures/requests/psni_2025_hospital_sexual_offences/psni_2025_hospital_sexual_offences.tsv`
CREATE TEMP TABLE real AS SELECT
  ARRAY[ROW('Staffordshire Police (Tamworth CDRP)', foistats.parse_table(:'tamworth'), 'fy')::foistats.force_table,
        ROW('Hertfordshire Constabulary (Dacorum CDRP)', foistats.parse_table(:'dacorum'), 'fy')::foistats.force_table,
        ROW('West Midlands Police (Birmingham CDRP)', foistats.parse_table(:'birmingham'), 'fy')::foistats.force_table,
        ROW('Police Service of Northern Ireland', foistats.parse_table(:'psni_scwc'), 'fy')::foistats.force_table] AS fy,
  ARRAY[ROW('Cleveland Police', foistats.parse_table(:'cleveland'), 'year')::foistats.force_table,
        ROW('Police Service of Northern Ireland', foistats.parse_table(:'psni_hosp'), 'year')::foistats.force_table] AS cal;

-- categories mapped: each source row, how, with what confidence, where it is counted
SELECT DISTINCT force, source_category, mapped_level, matched_by, confidence, status, category
  FROM foistats.consolidate_provenance((SELECT fy || cal FROM real), 'ons_subgroup', periods => 'separate')
 WHERE source_category IS NOT NULL
 ORDER BY force, source_category;
-- totals preserved, source by source and period by period
SELECT * FROM foistats.consolidate_check((SELECT fy || cal FROM real), 'ons_subgroup', periods => 'separate');
-- the two kinds of year are not added
SELECT foistats.consolidate((SELECT fy || cal FROM real));
\a\t
SELECT foistats.render(foistats.consolidate(sources, level), 'text')
  FROM (VALUES (1, (SELECT fy FROM real), 'ons_group'), (2, (SELECT fy FROM real), 'ons_subgroup'),
               (3, (SELECT cal FROM real), 'ons_subgroup'), (4, (SELECT cal FROM real), 'ho_class'))
       AS v(i, sources, level)
 ORDER BY i;
\a\t
-- PSNI's hospital label is not a category name: unmapped until someone says what it is
INSERT INTO foistats.category_alias (label, level, ons_group, note)
  VALUES ('Number of sexual offences recorded MO location subtype ''hospital''', 'ons_group', 'Sexual offences', 'local');
\a\t
SELECT foistats.render(foistats.consolidate((SELECT cal FROM real), 'ons_group'), 'text');
\a\t
DELETE FROM foistats.category_alias WHERE note = 'local';
