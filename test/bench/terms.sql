-- Benchmark of foistats.mentions (see test/bench/terms.sh).  Prints times and
-- ratios from one run; never part of the test suite.
\set default_rows 1000000
\set default_reps 1
\ir prelude.sql
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;   -- one core: ratios, not throughput
SET jit = off;

-- A 1,000-term dictionary of made-up words and a 10-term one (10 of them),
-- planted in the texts like the platform names (each about once in 400
-- words), so that both dictionaries match at a realistic rate: the 1,000-term
-- one in every text a 10-term word is in, and as often again elsewhere.
INSERT INTO foistats.term (dictionary, term)
SELECT 'bench1000', w FROM (
  SELECT DISTINCT ON (w) w FROM (
    SELECT translate(substr(md5('t' || k), 1, 5 + k % 8), '0123456789', 'ghijklmnop') AS w
      FROM generate_series(1, 1100) k) s ORDER BY w) s2
 ORDER BY md5(w) LIMIT 1000;
INSERT INTO foistats.term (dictionary, term)
SELECT 'bench10', term FROM foistats.term WHERE dictionary = 'bench1000' ORDER BY md5(term) LIMIT 10;
CREATE TEMP TABLE dict_words AS
SELECT (SELECT array_agg(term ORDER BY term) FROM foistats.term WHERE dictionary = 'bench1000') AS d1000,
       (SELECT array_agg(term ORDER BY term) FROM foistats.term WHERE dictionary = 'bench10') AS d10;

-- 1M MO texts of 300-600 characters: windows into 2,000 generated paragraphs
-- (police-report vocabulary; a platform name, a bench1000 word and a bench10
-- word each about once in 400 words).
CREATE TEMP TABLE vocab AS SELECT ARRAY[
  'the', 'victim', 'suspect', 'offender', 'was', 'contacted', 'by', 'an', 'unknown', 'male',
  'who', 'sent', 'messages', 'and', 'images', 'to', 'her', 'his', 'phone', 'over', 'a', 'period',
  'of', 'several', 'weeks', 'before', 'arranging', 'meet', 'at', 'address', 'in', 'area', 'where',
  'sexual', 'activity', 'took', 'place', 'reported', 'police', 'mother', 'school', 'later', 'after',
  'online', 'account', 'profile', 'friend', 'request', 'accepted', 'asked', 'for', 'photographs',
  'threatened', 'share', 'them', 'with', 'family', 'unless', 'she', 'he', 'complied', 'no', 'further',
  'contact', 'has', 'been', 'made', 'enquiries', 'ongoing', 'arrested', 'interviewed', 'denied',
  'offence', 'released', 'under', 'investigation', 'insurance', 'instance', 'instant', 'FBI',
  'car', 'park', 'house', 'street', 'night', 'evening', 'morning', 'on', 'into', 'from', 'then'] AS w;
CREATE TEMP TABLE platform_words AS SELECT ARRAY[
  'Facebook', 'facebook', 'FB', 'Snapchat', 'snap chat', 'WhatsApp', 'whats app', 'Instagram',
  'insta', 'Twitter', 'Kik', 'Messenger', 'TikTok', 'YouTube', 'Skype', 'Omegle'] AS p;
CREATE TEMP TABLE paragraph AS
SELECT k, string_agg(CASE (hashint4(k * 1000 + j) & 2147483647) % 400
                          WHEN 0 THEN p[1 + (hashint4(k * 1000 + j + 7) & 2147483647) % cardinality(p)]
                          WHEN 1 THEN d1000[1 + (hashint4(k * 1000 + j + 11) & 2147483647) % cardinality(d1000)]
                          WHEN 2 THEN d10[1 + (hashint4(k * 1000 + j + 13) & 2147483647) % cardinality(d10)]
                          ELSE w[1 + (hashint4(-(k * 1000 + j)) & 2147483647) % cardinality(w)] END,
                     CASE WHEN (hashint4(k * 3000 + j) & 15) = 0 THEN '. ' ELSE ' ' END ORDER BY j) AS t
  FROM generate_series(0, 1999) k, generate_series(1, 220) j, vocab, platform_words, dict_words
 GROUP BY k;
ANALYZE paragraph;
CREATE TABLE bench_mo AS
SELECT i, substr(p.t, 1 + (hashint4(i) & 2147483647) % (length(p.t) - 600),
                 300 + (hashint4(-i) & 2147483647) % 301) AS mo
  FROM generate_series(1, :rows) i
  JOIN paragraph p ON p.k = (hashint4(i * 7 + 1) & 2147483647) % 2000;
VACUUM ANALYZE bench_mo;

-- The equivalent SQL alternatives, built from the same dictionaries.
CREATE FUNCTION pg_temp.alternation(d text) RETURNS text LANGUAGE sql AS $$
  SELECT '\m(' || string_agg(replace(regexp_replace(k, '([]^.[$*+?(){}|\\-])', '\\\1', 'g'), ' ', '\s+'), '|')
         || ')(s|''s)?\M'
    FROM (SELECT DISTINCT foistats.term_key(coalesce(alias, term)) k FROM foistats.term WHERE dictionary = d
          UNION SELECT foistats.term_key(term) FROM foistats.term WHERE dictionary = d) s $$;
CREATE FUNCTION pg_temp.like_patterns(d text) RETURNS text[] LANGUAGE sql AS $$
  SELECT array_agg('%' || k || '%')
    FROM (SELECT DISTINCT foistats.term_key(coalesce(alias, term)) k FROM foistats.term WHERE dictionary = d
          UNION SELECT foistats.term_key(term) FROM foistats.term WHERE dictionary = d) s $$;

-- time a query: best of n runs, in ms, and its count
CREATE FUNCTION pg_temp.timed(q text, n int DEFAULT 2, OUT ms numeric, OUT result bigint)
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; r bigint; best numeric;
BEGIN
  FOR k IN 1..n LOOP
    t0 := clock_timestamp();
    EXECUTE q INTO r;
    best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
  END LOOP;
  ms := round(best); result := r;
END $$;

CREATE TEMP TABLE results (k int, what text, ms numeric, result bigint);
\set q_floor 'SELECT count(*) FROM bench_mo WHERE length(mo) > 0'
SELECT format('SELECT count(*) FROM bench_mo WHERE mo ~* %L', pg_temp.alternation('platforms')) AS q_regex,
       format('SELECT count(*) FROM bench_mo WHERE mo ILIKE ANY (%L::text[])', pg_temp.like_patterns('platforms')) AS q_ilike,
       format('SELECT count(*) FROM bench_mo WHERE mo ~* %L', pg_temp.alternation('bench1000')) AS q_regex1000,
       format('SELECT count(*) FROM bench_mo WHERE i <= %s AND mo ~* %L', :rows / 10, pg_temp.alternation('bench1000')) AS q_regex1000_100k
\gset
INSERT INTO results SELECT 1, 'floor: count(*) WHERE length(mo) > 0', * FROM pg_temp.timed(:'q_floor', 3);
INSERT INTO results SELECT 2, 'mentions(mo, ''platforms'') non-empty', *
  FROM pg_temp.timed('SELECT count(*) FROM bench_mo WHERE cardinality(foistats.mentions(mo, ''platforms'')) > 0', 3);
INSERT INTO results SELECT 3, 'mentions_any(mo, ''platforms'')', *
  FROM pg_temp.timed('SELECT count(*) FROM bench_mo WHERE foistats.mentions_any(mo, ''platforms'')', 3);
INSERT INTO results SELECT 4, 'sum(cardinality(mentions(...)))', *
  FROM pg_temp.timed('SELECT sum(cardinality(foistats.mentions(mo, ''platforms''))) FROM bench_mo', 2);
INSERT INTO results SELECT 5, '~* alternation (same aliases)', * FROM pg_temp.timed(:'q_regex', 1);
INSERT INTO results SELECT 6, 'ILIKE ANY (array[...]) (same aliases)', * FROM pg_temp.timed(:'q_ilike', 1);
INSERT INTO results SELECT 7, 'mentions(mo, ''bench10'') (10 terms)', *
  FROM pg_temp.timed('SELECT count(*) FROM bench_mo WHERE cardinality(foistats.mentions(mo, ''bench10'')) > 0', 3);
INSERT INTO results SELECT 8, 'mentions(mo, ''bench1000'') (1,000 terms)', *
  FROM pg_temp.timed('SELECT count(*) FROM bench_mo WHERE cardinality(foistats.mentions(mo, ''bench1000'')) > 0', 3);
INSERT INTO results SELECT 9, '~* alternation, 1,000 terms, first 10% of rows', * FROM pg_temp.timed(:'q_regex1000_100k', 1);

-- (ILIKE counts more rows: '%fb%' and '%insta%' also match inside FBI,
-- instance, instant; the others apply word boundaries)
SELECT k, what, ms, result AS rows_or_sum,
       round(ms / (SELECT ms FROM results WHERE k = 1), 2) AS x_floor
  FROM results ORDER BY k;

SELECT 'mentions vs floor (target <= 2)' AS ratio,
       round((SELECT ms FROM results WHERE k = 2) / (SELECT ms FROM results WHERE k = 1), 2) AS value
UNION ALL SELECT '~* alternation / mentions (target >= 3)',
       round((SELECT ms FROM results WHERE k = 5) / (SELECT ms FROM results WHERE k = 2), 1)
UNION ALL SELECT 'ILIKE ANY / mentions (target >= 10)',
       round((SELECT ms FROM results WHERE k = 6) / (SELECT ms FROM results WHERE k = 2), 1)
UNION ALL SELECT '1,000-term / 10-term mentions (target <= 1.5)',
       round((SELECT ms FROM results WHERE k = 8) / (SELECT ms FROM results WHERE k = 7), 2)
UNION ALL SELECT '~* 1,000 terms, est. ms for all rows (10% x 10)',
       (SELECT ms * 10 FROM results WHERE k = 9)
UNION ALL SELECT '~* 1,000 terms (est.) / mentions 1,000 terms',
       round((SELECT ms * 10 FROM results WHERE k = 9) / (SELECT ms FROM results WHERE k = 8), 1);

DELETE FROM foistats.term WHERE dictionary IN ('bench10', 'bench1000');
DROP TABLE bench_mo;
