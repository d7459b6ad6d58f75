-- The seed response's questions 1c (grooming referenced in the MO) and 3
-- (crimes relating to Facebook, Twitter, WhatsApp, Snapchat, Instagram,
-- Tumblr) answered from MO free text with the shipped dictionaries.
--
-- The crimes are generated here from the published cells: each counted crime
-- gets an MO text that mentions its terms in one of the spellings people
-- write (FB, face book, Facebook's, F/Book, whats app, Insta, GROOMED, ...),
-- and every year also gets crimes whose MO holds only near misses (FBI,
-- instant, on X/12/2013, dog grooming, bridegroom, well groomed, ...).  The
-- queries must recover exactly the published cells and nothing else.
-- (Multi-label counting: one 2013 crime mentions Facebook and Twitter, one
-- 2014 crime mentions Instagram, WhatsApp and Snapchat; each counts once under
-- each platform and once in the distinct-crime total.)
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;
CREATE SCHEMA terms_seed;

CREATE TABLE terms_seed.published_1c (offence text, year int, n int);
INSERT INTO terms_seed.published_1c VALUES
  ('CAUSE FEMALE U13 ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION', 2013, 4),
  ('SEXUAL ASSAULT ON A FEMALE 13 OR OVER', 2012, 2),
  ('SEXUAL ASSAULT ON A FEMALE 13 OR OVER', 2014, 1),
  ('RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 2011, 1),
  ('RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 2012, 1),
  ('RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 2013, 1),
  ('RAPE OF FEMALE CHILD AGED 13-15', 2010, 2),
  ('RAPE OF FEMALE CHILD AGED 13-15', 2013, 1),
  ('MEETING A MALE U16 FOLLOWING SEXUAL GROOMING, OFFENDER 18+', 2011, 3),
  ('CAUSE/INCITE CHILD PROSTITUTION OR PORNOGRAPHY 13-17', 2013, 2),
  ('SEXUAL ASSAULT ON A MALE 13+', 2010, 1),
  ('SEXUAL ASSAULT ON A MALE 13+', 2012, 1),
  ('CAUSE FEMALE U16 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION - OFFENDER 18+', 2010, 1),
  ('CAUSE FEMALE U16 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION - OFFENDER 18+', 2012, 1),
  ('CONTROL CHILD 13-17 PROSTITUTE OR INVOLVED IN PORNOGRAPHY', 2010, 1),
  ('SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER 18+ PENETRATION', 2011, 1),
  ('ABUSE OF TRUST: SEXUAL ACTIVITY WITH FEMALE 13-17 OFFENDER 18+', 2012, 1),
  ('ARRANGING OR FACILITATING THE COMMISSION OF A CHILD SEX OFFENCE', 2010, 1),
  ('CAUSE MALE CHILD U16 SEX. ACTIVITY-NO PENETRATION-OFFENDER U18', 2010, 1),
  ('SEXUAL ASSAULT ON FEMALE CHILD UNDER 13', 2012, 1),
  ('SEXUAL ASSAULT ON A MALE CHILD U13', 2011, 1),
  ('CAUSE MALE U16 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION - OFFENDER 18+', 2012, 1),
  ('SEXUAL ACTIVITY WITH FEMALE CHILD U16 - NO PENETRATION - OFFENDER 18 OR OVER', 2013, 1),
  ('RAPE OF MALE CHILD AGED 13-15', 2013, 1);

-- question 3 as published, cell by cell (the published row total for
-- Facebook, 87, and the Grand Total row, 4 22 43 61 46 / 101, do not add up
-- from these cells; reconciling them is the audit's job, not this test's)
CREATE TABLE terms_seed.published_3 (platform text, year int, n int);
INSERT INTO terms_seed.published_3 VALUES
  ('FACEBOOK', 2010, 4), ('FACEBOOK', 2011, 18), ('FACEBOOK', 2012, 25),
  ('FACEBOOK', 2013, 35), ('FACEBOOK', 2014, 7), ('TWITTER', 2013, 1),
  ('WHATSAPP', 2014, 1), ('INSTAGRAM', 2014, 1), ('SNAPCHAT', 2014, 1);

CREATE TABLE terms_seed.crime (id serial PRIMARY KEY, offence text, year int, mo text);

-- grooming crimes, one per published 1c count
INSERT INTO terms_seed.crime (offence, year, mo)
SELECT p.offence, p.year,
       (ARRAY['The offender groomed the victim online over several months before meeting her.',
              'Suspect befriended the victim on a gaming site; a grooming case.',
              'Victim was GROOMED with gifts and text messages, told to keep it secret.',
              'Offender, a known groomer, arranged to meet the victim at the park.',
              'Grooming: gifts, secrecy and isolation of the victim from her family.',
              'He grooms children he meets online and then asks for images.',
              'The groomer''s messages were found on the victim''s phone.',
              'Sexual grooming by an adult posing as a 15 year old boy.'])[1 + (row_number() OVER () % 8)]
  FROM terms_seed.published_1c p, generate_series(1, p.n);

-- platform crimes, one per published 3 count (Facebook cells), with the
-- multi-platform crimes described above
INSERT INTO terms_seed.crime (offence, year, mo)
SELECT 'VARIOUS', p.year,
       format((ARRAY['Suspect contacted the victim on %s and arranged to meet.',
                     'Victim received indecent images via %s.',
                     'Offender used a fake %s profile to befriend the victim.',
                     'Threats were made over %s (screenshots seized).',
                     '%s messages sent to the victim late at night.'])[1 + g % 5],
              (ARRAY['Facebook', 'facebook', 'FB', 'face book', 'Facebook''s chat', 'F/Book',
                     'FACEBOOK', 'Facebook’s messaging', 'fb', 'Face-Book'])[1 + g % 10])
       || CASE WHEN p.year = 2013 AND g = 1 THEN ' He also tweeted about her.' ELSE '' END
  FROM terms_seed.published_3 p, generate_series(1, p.n) g
 WHERE p.platform = 'FACEBOOK';
INSERT INTO terms_seed.crime (offence, year, mo) VALUES
  ('VARIOUS', 2014, 'Contact began on Insta, moved to whats app and then to snap chat.');

-- crimes whose MO holds only near misses: counted in neither question
INSERT INTO terms_seed.crime (offence, year, mo)
SELECT 'VARIOUS', y,
       (ARRAY['The FBI were informed by the reporting officer.',
              'Instant messages were sent; in this instance no platform is known.',
              'On X/12/2013 PERSON X met the victim face to face.',
              'X marks the location on the map; the suspect took a snap decision.',
              'The tumbler was broken during the assault; victim reading a book.',
              'Victim met the offender at a dog grooming parlour.',
              'Offender was the bridegroom at the wedding; the groomsmen intervened.',
              'The suspect, well groomed and about 30, approached her in the street.',
              'The assault happened after the bride and groom had left.',
              'Suspect works as a pet groomer near the victim''s home.'])[1 + g % 10]
  FROM generate_series(2010, 2014) y, generate_series(1, 20) g;

SELECT count(*) AS crimes, count(DISTINCT mo) AS distinct_texts FROM terms_seed.crime;

-- How many cells of the published table (label, year, n) the hits (one row
-- a hit, its label in column label) count otherwise, either way.
CREATE FUNCTION terms_seed.cells_differing(hits regclass, label text, published regclass)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  EXECUTE format('SELECT count(*) FROM ((SELECT %1$I, year, count(*)::int FROM %2$s GROUP BY 1, 2
                                         EXCEPT SELECT * FROM %3$s)
                                        UNION ALL
                                        (SELECT * FROM %3$s
                                         EXCEPT SELECT %1$I, year, count(*)::int FROM %2$s GROUP BY 1, 2)) d',
                 label, hits, published) INTO n;
  RETURN n;
END $$;

-- 1c: sexual offences with grooming referenced in the MO
CREATE TABLE terms_seed.hits_1c AS
SELECT offence, year FROM terms_seed.crime WHERE foistats.mentions_any(mo, 'grooming');
SELECT offence,
       count(*) FILTER (WHERE year = 2010) AS "2010", count(*) FILTER (WHERE year = 2011) AS "2011",
       count(*) FILTER (WHERE year = 2012) AS "2012", count(*) FILTER (WHERE year = 2013) AS "2013",
       count(*) FILTER (WHERE year = 2014) AS "2014", count(*) AS "Grand Total"
  FROM terms_seed.hits_1c
 GROUP BY ROLLUP (offence)
 ORDER BY offence IS NULL, count(*) DESC, offence;
SELECT terms_seed.cells_differing('terms_seed.hits_1c', 'offence', 'terms_seed.published_1c')
       AS cells_differing_from_published_1c;

-- 3: crimes relating to each platform (a crime counts once under each
-- platform it mentions), then the distinct crimes mentioning any of them
CREATE TABLE terms_seed.hits_3 AS
SELECT c.id, c.year, upper(t.term) AS platform
  FROM terms_seed.crime c, unnest(foistats.mentions(c.mo, 'platforms')) t(term);
SELECT platform,
       count(*) FILTER (WHERE year = 2010) AS "2010", count(*) FILTER (WHERE year = 2011) AS "2011",
       count(*) FILTER (WHERE year = 2012) AS "2012", count(*) FILTER (WHERE year = 2013) AS "2013",
       count(*) FILTER (WHERE year = 2014) AS "2014", count(*) AS "Grand Total"
  FROM terms_seed.hits_3 GROUP BY platform
UNION ALL
SELECT 'distinct crimes (not the sum of the rows)',
       count(DISTINCT id) FILTER (WHERE year = 2010), count(DISTINCT id) FILTER (WHERE year = 2011),
       count(DISTINCT id) FILTER (WHERE year = 2012), count(DISTINCT id) FILTER (WHERE year = 2013),
       count(DISTINCT id) FILTER (WHERE year = 2014), count(DISTINCT id)
  FROM terms_seed.hits_3
 ORDER BY 7 DESC, 1;
SELECT terms_seed.cells_differing('terms_seed.hits_3', 'platform', 'terms_seed.published_3')
       AS cells_differing_from_published_3;

-- for reviewers: the hits behind the two multi-platform crimes
SELECT c.id, c.year, e.*
  FROM terms_seed.crime c, foistats.explain_mentions(c.mo, 'platforms') e
 WHERE c.id IN (SELECT id FROM terms_seed.hits_3 GROUP BY id HAVING count(*) > 1)
 ORDER BY c.id, e.start_pos;

-- Parallel query: the functions are PARALLEL SAFE and give the same answer in
-- workers (each worker compiles the dictionary once).
CREATE TABLE terms_seed.many AS
SELECT i, mo FROM terms_seed.crime, generate_series(1, 200) i;
ANALYZE terms_seed.many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT count(*) FROM terms_seed.many WHERE foistats.mentions_any(mo, 'platforms');
SELECT count(*) FILTER (WHERE foistats.mentions_any(mo, 'platforms')) AS with_platform,
       sum(cardinality(foistats.mentions(mo, 'platforms'))) AS platform_mentions,
       count(*) FILTER (WHERE foistats.mentions_any(mo, 'grooming')) AS with_grooming
  FROM terms_seed.many;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

SET client_min_messages = warning;
DROP SCHEMA terms_seed CASCADE;
RESET client_min_messages;
