-- Shared prelude, not a test: the seed response's four tables as published,
-- in the psql variables q1, q1b, q1c and q3 (sliced verbatim from the
-- response by test/fixtures/seed_tables/slice.sh: tab-separated, <b> tags,
-- blank cells, blank lines inside table 1, 'Grand Total' row and column).
\set q1 `cat test/fixtures/seed_tables/q1.txt`
\set q1b `cat test/fixtures/seed_tables/q1b.txt`
\set q1c `cat test/fixtures/seed_tables/q1c.txt`
\set q3 `cat test/fixtures/seed_tables/q3.txt`
