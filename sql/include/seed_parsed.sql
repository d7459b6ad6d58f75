-- Shared prelude, not a test: the seed tables parsed by foistats.parse_table
-- into the temporary table seed, keyed by question ('1', '1b', '1c', '3').
\i sql/include/seed_tables.sql
CREATE TEMP TABLE seed (q text PRIMARY KEY, x foistats.xtab);
INSERT INTO seed VALUES
  ('1',  foistats.parse_table(:'q1')),
  ('1b', foistats.parse_table(:'q1b')),
  ('1c', foistats.parse_table(:'q1c')),
  ('3',  foistats.parse_table(:'q3'));
