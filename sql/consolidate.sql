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
SELECT foistats.render(foistats.consolidate((SELECT s FROM src), 'ons_subgroup', periods => 'separate'), 'text');
SELECT foistats.render(foistats.consolidate((SELECT s[1:2] FROM src), 'ons_group'), 'text');
-- confidence below the minimum goes to Unmapped
SELECT force, source_category, status, reason
  FROM foistats.consolidate_provenance(ARRAY[ROW('F', foistats.parse_table(E'\t2019\nViolence\t3\nRobbery\t1'), 'year')::foistats.force_table],
                                       min_confidence => 'high')
 WHERE status <> 'printed_total' AND status <> 'no_printed_total';

-- a source whose rows do not add up to its printed total: an error, or a footnote
SELECT foistats.consolidate(ARRAY[ROW('Short force', foistats.parse_table(E'\t2019\nRobbery\t3\nArson\t1\nTotal\t5'), 'year')::foistats.force_table]);
SELECT foistats.render(foistats.consolidate(ARRAY[ROW('Short force', foistats.parse_table(E'\t2019\nRobbery\t3\nArson\t1\nTotal\t5'), 'year')::foistats.force_table],
                       on_mismatch => 'flag'), 'text');
-- a column that is not a period, a bad argument
SELECT foistats.consolidate(ARRAY[ROW('F', foistats.parse_table(E'\t2019\tNotes\nRobbery\t3\t1'), 'year')::foistats.force_table]);
SELECT foistats.consolidate(ARRAY[ROW('F', foistats.parse_table(E'\t2019\nRobbery\t3'), 'quarter')::foistats.force_table]);
SELECT foistats.consolidate(ARRAY[ROW('F', foistats.parse_table(E'\t2019\nRobbery\t3'), 'year')::foistats.force_table], level => 'family');
