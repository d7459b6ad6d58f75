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

-- 5. Binary input rejects what text input rejects, and text input rejects a
-- marker on a counted cell and flag c without flag s.  Each binary case is
-- the binary form of a valid value with one field changed (found by its
-- value, 1234567..), loaded through COPY BINARY (xtab_recv).
CREATE TEMP TABLE recv_in (x foistats.xtab);
CREATE FUNCTION pg_temp.recv(b bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text;
BEGIN
  EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', b, '/tmp/foistats_defects_recv.bin');
  DELETE FROM recv_in;
  COPY recv_in FROM '/tmp/foistats_defects_recv.bin' (FORMAT binary);
  RETURN (SELECT x::text FROM recv_in);
EXCEPTION WHEN invalid_binary_representation THEN
  GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
  RETURN 'rejected: ' || d;
END $$;
-- the binary form of v with the int64 (or, with width 1, the byte after it)
-- holding old replaced by new
CREATE FUNCTION pg_temp.patch(v text, old bigint, new bigint, width int DEFAULT 8) RETURNS bytea
LANGUAGE sql AS $$
  SELECT CASE WHEN width = 8
    THEN overlay(b PLACING int8send(new) FROM position(int8send(old) IN b))
    ELSE set_byte(b, position(int8send(old) IN b) + 7, new::int) END
  FROM foistats.xtab_send(v::foistats.xtab) b
$$;
\set v '{cols: "a"; rows: "A" 1234567s"<5"; units: 1234568; coltotals: 1234569; rowtotals: 1234570; grandtotal: 1234571}'
SELECT pg_temp.recv(foistats.xtab_send(:'v'::foistats.xtab)) AS unchanged;
SELECT what, pg_temp.recv(pg_temp.patch(:'v', old, new, width)) AS recv
  FROM (VALUES ('negative units', 1234568, -1, 8),
               ('negative column total', 1234569, -1, 8),
               ('negative row total', 1234570, -2, 8),
               ('negative grand total', 1234571, -3, 8),
               ('flag c without s', 1234567, 4, 1),
               ('marker on a counted cell', 1234567, 0, 1),
               ('marker on a blank cell', 1234567, 2, 1),
               ('flags s and c', 1234567, 5, 1)) t(what, old, new, width);
-- the same in text input
SELECT '{cols: "a"; rows: "A" 1c}'::foistats.xtab;
SELECT '{cols: "a"; rows: "A" 1"<5"}'::foistats.xtab;
SELECT '{cols: "a"; rows: "A" 1sc, "B" 0b"-", "C" 2s"<5"}'::foistats.xtab;
-- text-input errors echo the first 100 characters of the input, not all of it
SELECT ('{cols: "a"; rows: ' || string_agg(format('"R%s" %s', i, i), ', ') || ', "bad" x}')::foistats.xtab
  FROM generate_series(1, 5000) i;
SELECT ('{cols: "' || repeat('é', 200) || '"; oops}')::foistats.xtab;

-- 7. HTML: text between cells is an error (it was dropped: "7" vanished and
-- the row read 1 2); a newline written as an entity is a space in a label.
SELECT foistats.parse_table('<table><tr><td></td><td>2020</td><td>2021</td></tr><tr><td>A</td><td>1</td>7<td>2</td></tr></table>');
SELECT foistats.parse_table('<table><tr><td></td><td>2020</td></tr> &nbsp; <tr><td>A&#10;B</td><td>1</td></tr></table>')::text;
SELECT foistats.parse_table(E'\t2020\nA&#13;&#10;B\t1\n')::text;

-- 10. parse_table reads render's own output in every format it reads, with a
-- title and footnotes (they failed: "header on line 1 has fewer than two
-- cells", "line 1 is not a Markdown table row"; HTML dropped them): the
-- parsed value keeps the title and footnotes, and renders the same text.
-- Titles and notes with '|', ',', '\', '<' and quotes; a protected value.
-- (Inline tags such as <b> are markup in every format, so text holding one
-- does not round-trip outside HTML.)
CREATE TEMP TABLE rt (what text, x foistats.xtab);
INSERT INTO rt VALUES
  ('title and notes', '{cols: "2013", "2014"; rows: "EXPOSURE \\ x" 16 1, "VOYEURISM" 6 3s"<5"; title: "Crimes, by year | all \\ <5"; footnote: "* fewer than 5, | withheld"; footnote: "Source: \"police\""}'),
  ('title only', '{cols: "2013", "2014"; rows: "A" 1 2, "B" 3 4; title: "T"}'),
  ('notes only', '{cols: "2013", "2014"; rows: "A" 1 2, "B" 3 4; footnote: "n1"; footnote: "n2"}'),
  ('neither', '{cols: "2013", "2014"; rows: "A" 1 2, "B" 3 4}');
INSERT INTO rt SELECT 'protected', foistats.protect(('{cols: "2013", "2014", "2015"; rows: ' ||
  string_agg(format('"R%s" %s %s %s', i, i % 7, (i * 3) % 11, 20 + i), ', ') || '; title: "Protected"}')::foistats.xtab)
  FROM generate_series(1, 8) i;
SELECT what, f,
       foistats.render(p, f) = foistats.render(x, f) AS same_text,
       substring(p::text FROM '(; (title|footnote): .*)}$') IS NOT DISTINCT FROM
         substring(x::text FROM '(; (title|footnote): .*)}$') AS same_title_and_notes
  FROM rt, unnest('{tsv,csv,markdown,html}'::text[]) f,
       LATERAL (SELECT foistats.parse_table(foistats.render(x, f), f) p) q
 ORDER BY 1, 2;
-- a line of text between rows is still an error
SELECT foistats.parse_table(E'\t2013\nA\t1\nnot a row\nB\t2\n');
SELECT foistats.parse_table(E'| | 2013 |\n| --- | ---: |\n| A | 1 |\nnot a row\n| B | 2 |\n');
SELECT foistats.parse_table('just a line');

-- 5 (cont.). protect() keeps a parsed '-' on a cell it publishes; output
-- writes only markers of withheld or blank cells, so such a value still reads
-- back (as a value stored by 0.1.0 does).
SELECT m, substring(x::text FROM 'rows: [^;]*') AS rows, x::text::foistats.xtab::text = x::text AS round_trip
  FROM (SELECT m, foistats.protect(foistats.parse_table(E'\t2013\t2014\nA\t-\t12\nB\t7\t9\n'), method => m) x
          FROM unnest('{suppress,round5,cellkey}'::text[]) m) s;
SELECT substring(pg_temp.recv(foistats.xtab_send(foistats.protect(foistats.parse_table(E'\t2013\t2014\nA\t-\t12\nB\t7\t9\n'), method => 'round5'))) FROM 'rows: [^;]*') AS binary_round_trip;
