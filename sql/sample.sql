-- The sample data (extension foistats_sample) reproduces the seed response.
--
-- Plain SQL only: this test does not use foistats' views (they are tested
-- elsewhere against the same figures); it shows that the records are right,
-- so that a view that gets a table wrong is the view's fault.  The published
-- figures come from test/fixtures/seed_cells.tsv (see test/fixtures/README.md).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
CREATE EXTENSION IF NOT EXISTS foistats_sample;
RESET client_min_messages;

-- A separate extension, in its own schema, depending on nothing.
SELECT e.extname, e.extversion, e.extnamespace::regnamespace AS schema, e.extrelocatable,
       (SELECT count(*) FROM pg_depend d
         WHERE d.classid = 'pg_extension'::regclass AND d.objid = e.oid
           AND d.refclassid = 'pg_extension'::regclass) AS requires_extensions
  FROM pg_extension e WHERE e.extname = 'foistats_sample';
SET datestyle = ISO;

-- The record interface: exact column names and types, every one commented.
SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
       col_description(a.attrelid, a.attnum) IS NOT NULL AS commented
  FROM pg_attribute a
 WHERE a.attrelid = 'foistats_sample.crimes'::regclass AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY a.attnum;
SELECT obj_description('foistats_sample.crimes'::regclass, 'pg_class') IS NOT NULL AS table_commented;

-- What is in it.
SELECT count(*) AS records,
       count(*) FILTER (WHERE is_crime) AS crimes,
       count(*) FILTER (WHERE NOT is_crime) AS non_crimes,
       min(recorded_on) AS first_recorded, max(recorded_on) AS last_recorded,
       count(*) FILTER (WHERE ho_code IS NOT NULL) AS with_ho_code,
       count(*) FILTER (WHERE outcome IS NULL) AS open_or_no_outcome
  FROM foistats_sample.crimes;
-- References look like WM/2012/004711, with the year the crime was recorded.
SELECT count(*) AS bad_references
  FROM foistats_sample.crimes
 WHERE crime_ref !~ '^WM/[0-9]{4}/[0-9]{6}$'
    OR substr(crime_ref, 4, 4)::int <> extract(year FROM recorded_on);
SELECT count(*) FILTER (WHERE outcome NOT BETWEEN 1 AND 22) AS outcome_out_of_range,
       count(*) FILTER (WHERE convicted AND outcome IS DISTINCT FROM 1 AND is_crime) AS convicted_not_charged
  FROM foistats_sample.crimes;

-- The published figures.
CREATE TEMP TABLE published (question text, row_label text, col_label text, value int);
\copy published FROM 'test/fixtures/seed_cells.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true)
SELECT question, count(*) AS published_cells,
       sum(value) FILTER (WHERE row_label IN ('Grand Total', 'Convictions') AND col_label = 'Grand Total') AS grand_total
  FROM published GROUP BY question ORDER BY question;

-- ---------------------------------------------------------------------------
-- The rules, written once.  pop(variant) is question 1's population; variant
-- 'none' applies every filter, any other name drops or mistypes one filter, to
-- show below that the sample catches it.  A title is sexual when it matches
-- the pattern below (foistats' views decide this with its offence taxonomy).
CREATE FUNCTION pg_temp.is_sexual(offence text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT offence ~ 'SEX|RAPE|PENETRATION|EXPOSURE|VOYEURISM|PROSTITUT|PORNOGRAPH|SUBSTANCE WITH INTENT'
$$;
CREATE FUNCTION pg_temp.in_period(variant text, d date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE variant
           WHEN 'forget the period' THEN true
           WHEN 'period from 2009-12-31' THEN d BETWEEN '2009-12-31' AND '2014-05-31'
           WHEN 'period after 2010-01-01' THEN d > '2010-01-01' AND d <= '2014-05-31'
           WHEN 'period before 2014-05-31' THEN d >= '2010-01-01' AND d < '2014-05-31'
           WHEN 'period to 2014-06-01' THEN d BETWEEN '2010-01-01' AND '2014-06-01'
           ELSE d BETWEEN '2010-01-01' AND '2014-05-31' END
$$;
CREATE FUNCTION pg_temp.pop(variant text)
RETURNS TABLE (crime_ref text, recorded_on date, offence text, markers text[], mo text, convicted boolean)
LANGUAGE sql STABLE AS $$
  SELECT c.crime_ref, c.recorded_on, c.offence, c.markers, c.mo, c.convicted
    FROM foistats_sample.crimes c
   WHERE (variant = 'forget is_crime' OR c.is_crime)
     AND pg_temp.in_period(variant, c.recorded_on)
     AND CASE variant
           WHEN 'forget victim_age' THEN true
           WHEN 'victim_age <= 18' THEN c.victim_age <= 18
           WHEN 'NULL victim_age as a child' THEN coalesce(c.victim_age, 0) < 18
           ELSE c.victim_age < 18 END
     AND CASE variant
           WHEN 'forget offender_age' THEN true
           WHEN 'offender_age >= 17' THEN c.offender_age >= 17
           WHEN 'offender_age > 18' THEN c.offender_age > 18
           WHEN 'NULL offender_age as an adult' THEN coalesce(c.offender_age, 99) >= 18
           ELSE c.offender_age >= 18 END
     AND (variant = 'forget sexual offence'
          OR pg_temp.is_sexual(c.offence))
$$;

-- Every published title of question 1 is sexual by that rule, no other sexual
-- title occurs in the sample, and these are the sample's other offences:
SELECT count(*) AS published_titles,
       count(*) FILTER (WHERE pg_temp.is_sexual(row_label)) AS sexual
  FROM published WHERE question = '1' AND row_label <> 'Grand Total' AND col_label = 'Grand Total';
SELECT count(DISTINCT offence) AS sexual_titles_not_published
  FROM foistats_sample.crimes
 WHERE pg_temp.is_sexual(offence)
   AND offence NOT IN (SELECT row_label FROM published WHERE question = '1');
SELECT offence AS not_sexual, count(*) AS records
  FROM foistats_sample.crimes WHERE NOT pg_temp.is_sexual(offence)
 GROUP BY offence ORDER BY offence;
-- Question 3's platforms: word rules over the spellings the sample uses.
CREATE TEMP TABLE platform (platform text, pattern text);
INSERT INTO platform VALUES
  ('FACEBOOK',  '\m(face ?book|fb)\M'),
  ('TWITTER',   '\mtwitter\M'),
  ('WHATSAPP',  '\mwhats ?app\M'),
  ('SNAPCHAT',  '\msnap ?chat\M'),
  ('INSTAGRAM', '\minsta(gram)?\M'),
  ('TUMBLR',    '\mtumblr\M');

-- Every cell the sample gives, in the fixture's shape.  1b: 'INTERNET
-- INVOLVED' among the markers; 1c: a word starting "groom" in the MO; 1d: of
-- those, convicted.  3: crimes of ANY type in the period whose MO mentions the
-- platform; 'Mentions' and 'Distinct crimes' are the two possible Grand Total
-- rows (a crime naming two platforms is one crime, two mentions).
CREATE FUNCTION pg_temp.cells(variant text)
RETURNS TABLE (question text, row_label text, col_label text, value bigint)
LANGUAGE sql STABLE AS $$
  WITH p AS (
    SELECT offence, extract(year FROM recorded_on)::int::text AS yr,
           'INTERNET INVOLVED' = ANY (markers) AS internet,
           mo ~* '\mgroom' AS groom, convicted
      FROM pg_temp.pop(variant)),
  q1 AS (
    SELECT '1' AS q, offence, yr FROM p
    UNION ALL SELECT '1b', offence, yr FROM p WHERE internet
    UNION ALL SELECT '1c', offence, yr FROM p WHERE groom),
  q3crimes AS (
    SELECT c.crime_ref, extract(year FROM c.recorded_on)::int::text AS yr, c.mo
      FROM pg_temp.pop(variant) AS p1
     RIGHT JOIN foistats_sample.crimes c ON c.crime_ref = p1.crime_ref
     WHERE (variant = 'forget is_crime' OR c.is_crime)
       AND pg_temp.in_period(variant, c.recorded_on)
       AND (variant <> 'question 1 filters on question 3' OR p1.crime_ref IS NOT NULL)),
  q3 AS (
    SELECT pl.platform, c.yr, c.crime_ref
      FROM q3crimes c JOIN platform pl ON c.mo ~* pl.pattern)
  SELECT q, CASE WHEN grouping(offence) = 1 THEN 'Grand Total' ELSE offence END,
            CASE WHEN grouping(yr) = 1 THEN 'Grand Total' ELSE yr END, count(*)
    FROM q1 GROUP BY q, GROUPING SETS ((offence, yr), (offence), (yr), ())
  UNION ALL
  SELECT '1d', 'Convictions', 'Grand Total', count(*) FROM p WHERE groom AND convicted
  UNION ALL
  SELECT '3', platform, CASE WHEN grouping(yr) = 1 THEN 'Grand Total' ELSE yr END, count(*)
    FROM q3 GROUP BY platform, ROLLUP (yr)
  UNION ALL
  SELECT '3', 'Mentions', CASE WHEN grouping(yr) = 1 THEN 'Grand Total' ELSE yr END, count(*)
    FROM q3 GROUP BY ROLLUP (yr)
  UNION ALL
  SELECT '3', 'Distinct crimes', CASE WHEN grouping(yr) = 1 THEN 'Grand Total' ELSE yr END,
         count(DISTINCT crime_ref)
    FROM q3 GROUP BY ROLLUP (yr)
$$;

-- ---------------------------------------------------------------------------
-- 1, 1b, 1c, 1d: every published cell (blank = 0) against the sample, and
-- every cell the sample has against the publication.  Question 3: the
-- platform x year cells (its printed totals do not add up; see further down).
CREATE TEMP VIEW comparison AS
SELECT question, row_label, col_label, p.value AS published, s.value AS sample
  FROM (SELECT * FROM published
         WHERE NOT (question = '3' AND 'Grand Total' IN (row_label, col_label))) p
  FULL JOIN (SELECT * FROM pg_temp.cells('none')
              WHERE NOT (question = '3' AND ('Grand Total' IN (row_label, col_label)
                                              OR row_label IN ('Mentions', 'Distinct crimes')))) s
 USING (question, row_label, col_label);

SELECT question, count(*) AS cells_compared,
       count(*) FILTER (WHERE coalesce(published, 0) <> coalesce(sample, 0)) AS mismatches
  FROM comparison GROUP BY question ORDER BY question;
-- The mismatches (none):
SELECT * FROM comparison WHERE coalesce(published, 0) <> coalesce(sample, 0)
 ORDER BY question, row_label, col_label;

-- 1d as the response writes it.
SELECT format('%s of the reported crimes above (1c) have resulted in a conviction (of %s).',
              (SELECT value FROM pg_temp.cells('none') WHERE question = '1d'),
              (SELECT value FROM pg_temp.cells('none')
                WHERE question = '1c' AND row_label = 'Grand Total' AND col_label = 'Grand Total'))
       AS answer_1d;

-- Question 3's totals: the sample's tables add up; the published ones do not.
-- Per platform, crimes mentioning it (published row total, then the sample's):
SELECT s.row_label AS platform, p.value AS published_total, s.value AS sample_total
  FROM pg_temp.cells('none') s
  LEFT JOIN published p ON p.question = '3' AND p.row_label = s.row_label AND p.col_label = 'Grand Total'
 WHERE s.question = '3' AND s.col_label = 'Grand Total' AND s.row_label NOT IN ('Mentions', 'Distinct crimes')
 ORDER BY s.value DESC, s.row_label;
-- Per year, the published Grand Total row against mentions and distinct crimes:
SELECT p.col_label AS year, p.value AS published_grand_total,
       m.value AS sample_mentions, d.value AS sample_distinct_crimes
  FROM published p
  JOIN pg_temp.cells('none') m ON m.question = '3' AND m.row_label = 'Mentions' AND m.col_label = p.col_label
  JOIN pg_temp.cells('none') d ON d.question = '3' AND d.row_label = 'Distinct crimes' AND d.col_label = p.col_label
 WHERE p.question = '3' AND p.row_label = 'Grand Total'
 ORDER BY p.col_label;
-- The crimes that name more than one platform (counted once under each):
SELECT c.crime_ref, c.recorded_on, c.offence, string_agg(pl.platform, ' + ' ORDER BY pl.platform) AS platforms
  FROM foistats_sample.crimes c JOIN platform pl ON c.mo ~* pl.pattern
 WHERE c.is_crime AND c.recorded_on BETWEEN '2010-01-01' AND '2014-05-31'
 GROUP BY c.crime_ref, c.recorded_on, c.offence HAVING count(*) > 1
 ORDER BY c.crime_ref;
-- Platform crimes are of every kind, not only question 1's:
SELECT count(*) AS platform_crimes,
       count(*) FILTER (WHERE c.crime_ref IN (SELECT crime_ref FROM pg_temp.pop('none'))) AS in_question_1,
       count(DISTINCT c.offence) AS offence_titles
  FROM foistats_sample.crimes c
 WHERE c.is_crime AND c.recorded_on BETWEEN '2010-01-01' AND '2014-05-31'
   AND EXISTS (SELECT FROM platform pl WHERE c.mo ~* pl.pattern);
-- Spellings, as written (case kept), of the platform mentions counted:
SELECT pl.platform, string_agg(DISTINCT m[1], ', ') AS spellings
  FROM foistats_sample.crimes c JOIN platform pl ON c.mo ~* pl.pattern,
       regexp_matches(c.mo, '(' || pl.pattern || '(''s)?)', 'gi') AS m
 WHERE c.is_crime AND c.recorded_on BETWEEN '2010-01-01' AND '2014-05-31'
 GROUP BY pl.platform ORDER BY pl.platform;
-- Decoy words that are not platforms, in texts that mention none; a rule
-- matching substrings instead of words would count them.
SELECT d.word, count(*) AS records_without_a_platform
  FROM (VALUES (1, 'FBI', '\mfbi\M'), (2, 'instance', '\minstance\M'), (3, 'instantly', '\minstantly\M'),
               (4, 'snap', '\msnap\M'), (5, 'chat', '\mchat\M'), (6, 'face', '\mface\M'),
               (7, 'book', '\mbook\M')) AS d(n, word, pattern)
  JOIN foistats_sample.crimes c ON c.mo ~* d.pattern
 WHERE NOT EXISTS (SELECT FROM platform pl WHERE c.mo ~* pl.pattern)
 GROUP BY d.n, d.word ORDER BY d.n;
SELECT count(*) FILTER (WHERE mo ~* 'fb|insta') AS naive_substring_fb_or_insta,
       count(*) FILTER (WHERE mo ~* '\m(fb|insta)\M') AS word_fb_or_insta
  FROM foistats_sample.crimes
 WHERE is_crime AND recorded_on BETWEEN '2010-01-01' AND '2014-05-31';
-- Words the sample never uses (the dictionary must not need them).
SELECT count(*) FILTER (WHERE mo ~* '\mx\M') AS letter_x,
       count(*) FILTER (WHERE mo ~* 'messenger') AS messenger,
       count(*) FILTER (WHERE mo ~* 'tweet') AS tweet,
       count(*) FILTER (WHERE mo ~* 'tumblr') AS tumblr
  FROM foistats_sample.crimes;

-- ---------------------------------------------------------------------------
-- Grooming (1c) is found in the MO text, in varied wording; no other record of
-- question 1's population has a word starting "groom" (not even as a substring).
SELECT lower(m[1]) AS word, count(*) AS occurrences
  FROM pg_temp.pop('none') p, regexp_matches(p.mo, '\m(groom[a-z]*)', 'gi') AS m
 GROUP BY 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE mo ~* 'groom') AS any_groom_substring,
       count(*) FILTER (WHERE mo ~* '\mgroom') AS groom_words,
       count(*) FILTER (WHERE mo ~ 'GROOM') AS in_capitals
  FROM pg_temp.pop('none');
-- Convictions outside 1c exist (they must not leak into 1d):
SELECT count(*) FILTER (WHERE convicted) AS convicted,
       count(*) FILTER (WHERE NOT convicted) AS not_convicted,
       count(*) FILTER (WHERE convicted IS NULL) AS unknown
  FROM pg_temp.pop('none') WHERE mo !~* '\mgroom';

-- ---------------------------------------------------------------------------
-- Ages in question 1's population, and the conflicts a demo can list: victim
-- ages that contradict the age stated in the title, and titles that say the
-- offender was under 18 although the recorded offender age is 18 or over.
SELECT min(c.victim_age) AS min_victim, max(c.victim_age) AS max_victim,
       min(c.offender_age) AS min_offender, max(c.offender_age) AS max_offender,
       count(*) FILTER (WHERE c.offender_age = 18) AS offenders_aged_18
  FROM foistats_sample.crimes c WHERE c.crime_ref IN (SELECT crime_ref FROM pg_temp.pop('none'));
SELECT c.crime_ref, c.offence, c.victim_age
  FROM foistats_sample.crimes c
 WHERE c.crime_ref IN (SELECT crime_ref FROM pg_temp.pop('none'))
   AND NOT c.victim_age BETWEEN
       CASE WHEN c.offence ~ '\m(U|UNDER )13\M' THEN 0  WHEN c.offence ~ '\m13-15\M' THEN 13
            WHEN c.offence ~ '\m(U|UNDER )16\M' THEN 0  WHEN c.offence ~ '\m13-17\M' THEN 13
            WHEN c.offence ~ '\m16( OR OVER|\+)' THEN 16 WHEN c.offence ~ '\m13( OR OVER|\+)' THEN 13
            ELSE 0 END
   AND CASE WHEN c.offence ~ '\m(U|UNDER )13\M' THEN 12 WHEN c.offence ~ '\m13-15\M' THEN 15
            WHEN c.offence ~ '\m(U|UNDER )16\M' THEN 15 ELSE 17 END
 ORDER BY c.crime_ref;
SELECT count(*) AS offender_u18_titles, min(c.offender_age) AS youngest_recorded_offender
  FROM foistats_sample.crimes c
 WHERE c.crime_ref IN (SELECT crime_ref FROM pg_temp.pop('none'))
   AND c.offence ~ 'OFFENDER (U|UNDER ?)18';

-- ---------------------------------------------------------------------------
-- Records every view must exclude.  Each record is classed by the filters of
-- question 1 it fails; a decoy fails exactly one.  Decoys carry the internet
-- marker, grooming words, convictions and platform mentions too.
SELECT coalesce(nullif(array_to_string(ARRAY[
         CASE WHEN NOT is_crime THEN 'non-crime' END,
         CASE WHEN recorded_on NOT BETWEEN '2010-01-01' AND '2014-05-31' THEN 'outside the period' END,
         CASE WHEN victim_age IS NULL THEN 'NULL victim age' WHEN victim_age >= 18 THEN 'adult victim' END,
         CASE WHEN offender_age IS NULL THEN 'NULL offender age' WHEN offender_age < 18 THEN 'offender under 18' END,
         CASE WHEN NOT pg_temp.is_sexual(offence) THEN 'not sexual' END], ' + '), ''), '(question 1)') AS fails,
       count(*) AS records,
       count(*) FILTER (WHERE 'INTERNET INVOLVED' = ANY (markers)) AS internet,
       count(*) FILTER (WHERE mo ~* '\mgroom') AS grooming,
       count(*) FILTER (WHERE mo ~* '\mgroom' AND convicted) AS groom_convicted,
       count(*) FILTER (WHERE EXISTS (SELECT FROM platform pl WHERE mo ~* pl.pattern)) AS platform
  FROM foistats_sample.crimes
 GROUP BY 1 ORDER BY count(*) DESC, 1;
-- The boundaries are populated on both sides.
SELECT count(*) FILTER (WHERE victim_age = 18) AS victims_aged_18,
       count(*) FILTER (WHERE offender_age = 17) AS offenders_aged_17,
       count(*) FILTER (WHERE recorded_on = '2009-12-31') AS on_2009_12_31,
       count(*) FILTER (WHERE recorded_on = '2010-01-01') AS on_2010_01_01,
       count(*) FILTER (WHERE recorded_on = '2014-05-31') AS on_2014_05_31,
       count(*) FILTER (WHERE recorded_on = '2014-06-01') AS on_2014_06_01
  FROM foistats_sample.crimes;

-- Drop or mistype one filter and the answers change: each line is a view
-- with one mistake; 'changes' lists which of the published answers it breaks
-- (grand totals of 1, 1b, 1c; the 1d figure; question 3's mentions).
WITH variants(variant, n) AS (
  SELECT * FROM unnest(ARRAY[
    'none', 'forget is_crime', 'forget the period', 'period from 2009-12-31', 'period after 2010-01-01',
    'period before 2014-05-31', 'period to 2014-06-01', 'forget victim_age', 'victim_age <= 18',
    'NULL victim_age as a child', 'forget offender_age', 'offender_age >= 17', 'offender_age > 18',
    'NULL offender_age as an adult', 'forget sexual offence', 'question 1 filters on question 3'])
    WITH ORDINALITY AS u(variant, n)),
results AS (
  SELECT v.n, v.variant,
         max(c.value) FILTER (WHERE c.question = '1' AND c.row_label = 'Grand Total' AND c.col_label = 'Grand Total') AS q1,
         max(c.value) FILTER (WHERE c.question = '1b' AND c.row_label = 'Grand Total' AND c.col_label = 'Grand Total') AS q1b,
         max(c.value) FILTER (WHERE c.question = '1c' AND c.row_label = 'Grand Total' AND c.col_label = 'Grand Total') AS q1c,
         max(c.value) FILTER (WHERE c.question = '1d') AS q1d,
         max(c.value) FILTER (WHERE c.question = '3' AND c.row_label = 'Mentions' AND c.col_label = 'Grand Total') AS q3
    FROM variants v, pg_temp.cells(v.variant) c
   GROUP BY v.n, v.variant)
SELECT r.variant AS mistake, r.q1 AS "1", r.q1b AS "1b", r.q1c AS "1c", r.q1d AS "1d", r.q3 AS "3",
       concat_ws(' ', CASE WHEN r.q1 <> b.q1 THEN '1' END, CASE WHEN r.q1b <> b.q1b THEN '1b' END,
                      CASE WHEN r.q1c <> b.q1c THEN '1c' END, CASE WHEN r.q1d <> b.q1d THEN '1d' END,
                      CASE WHEN r.q3 <> b.q3 THEN '3' END) AS changes
  FROM results r, results b WHERE b.variant = 'none'
 ORDER BY r.n;

DROP VIEW comparison;
DROP FUNCTION pg_temp.cells(text), pg_temp.pop(text), pg_temp.in_period(text, date),
              pg_temp.is_sexual(text);
DROP EXTENSION foistats_sample;
RESET datestyle;
