-- Defects found in review (issue 14, items 7 and 8): each section proves one
-- fix.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

-- 1. Markers are indexed by cell.  A published table with 160,000 withheld
-- cells ('<5') is parsed, read, cast through text and back, stored and read
-- (expand), merged with itself, all within a 5 s timeout (with
-- a linear marker list expand alone took 7 s and ignored the timeout).
CREATE TEMP TABLE many AS
SELECT foistats.parse_table(E'\t2010\t2011\t2012\t2013\t2014\t2015\t2016\t2017\t2018\t2019\n' ||
       string_agg(format(E'OFFENCE %s\t<5\t<5\t<5\t<5\t<5\t<5\t<5\t<5\t<5\t[c]', i), E'\n' ORDER BY i)) AS x
  FROM generate_series(1, 16000) i;
SET statement_timeout = '5s';
SELECT length(x::text) > 0 AS has_text,
       (x::text)::foistats.xtab::text = x::text AS text_round_trip,
       foistats.grand_total(x) AS grand_total,
       array_length(foistats.row_labels(x), 1) AS nrows
  FROM many;
SELECT count(*) FILTER (WHERE m = '"<5"') AS lt5, count(*) FILTER (WHERE m = '"[c]"') AS c
  FROM many, LATERAL regexp_matches(x::text, '"<5"|"\[c\]"', 'g') AS r(a), LATERAL (SELECT a[1] m) s;
-- merged with itself: rows sorted by label, the same markers
SELECT m::text = (SELECT foistats.xtab_merge(x)::text FROM many) AS merged_same_markers,
       (SELECT count(*) FROM regexp_matches(m::text, '"<5"', 'g')) AS lt5
  FROM (SELECT foistats.xtab_merge(x) m FROM (SELECT x FROM many UNION ALL SELECT x FROM many) u) v;
-- publishable() drops the markers that are not withheld markers, keeps the rest
SELECT foistats.publishable(
  '{cols: "a", "b"; rows: "r1" 1s"-" 2s"<5", "r2" 3s"x" 4s"-", "r3" 5s"-" 6s"1-4"}'::foistats.xtab)::text;
-- and so for 20,000 markers, every other one dropped (deletions from the index)
SELECT (SELECT count(*) FROM regexp_matches(p::text, '"<5"', 'g')) AS kept,
       (SELECT count(*) FROM regexp_matches(p::text, '"-"', 'g')) AS dropped_left,
       foistats.publishable(p)::text = p::text AS stable
  FROM (SELECT foistats.publishable(('{cols: "a", "b"; rows: ' ||
          string_agg(format('"r%s" 1s"-" 2s"<5"', i), ', ') || '}')::foistats.xtab) p
          FROM generate_series(1, 10000) i) v;
RESET statement_timeout;

-- 3. One large text does not pin its hits for the session: after mentions,
-- mentions_any and explain_mentions of a text with a million hits the term
-- dictionary's memory is small again (the hit buffer kept ~54 MB).
SELECT foistats.mentions(repeat('fb ', 1000000), 'platforms') AS mentions,
       foistats.mentions_any(repeat('fb ', 1000000), 'platforms') AS any,
       (SELECT count(*) FROM foistats.explain_mentions(repeat('fb ', 1000000), 'platforms')) AS hits;
SELECT count(*) AS dictionaries, max(total_bytes) < 1024 * 1024 AS under_1mb
  FROM pg_backend_memory_contexts WHERE name = 'foistats term dictionary';

-- 4. Error messages and details cut long labels at a character: the row label
-- in the DETAIL ends in a whole '€' (it ended in half of one).
SELECT foistats.parse_table(E'\t2020\n' || 'A' || repeat('€', 100) || E'\t' || repeat('€', 100) || E'\n');
