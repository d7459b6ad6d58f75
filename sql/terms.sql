-- Free-text terms: dictionaries as data, foistats.mentions / mentions_any /
-- explain_mentions, and the matching rules (see src/terms.sql).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

-- The shipped dictionaries and their canonical terms.
SELECT dictionary, count(DISTINCT term) AS terms, count(*) FILTER (WHERE NOT exclude) AS aliases,
       count(*) FILTER (WHERE exclude) AS exclusions, bool_and(shipped) AS all_shipped
  FROM foistats.term WHERE dictionary IN ('platforms', 'grooming')
 GROUP BY dictionary ORDER BY dictionary;
SELECT string_agg(DISTINCT term, ', ' ORDER BY term) AS platform_terms
  FROM foistats.term WHERE dictionary = 'platforms';

-- Function labels: STABLE (they read foistats.term), STRICT, PARALLEL SAFE.
SELECT p.oid::regprocedure AS function, provolatile, proisstrict, proparallel,
       pg_get_function_result(p.oid) AS result
  FROM pg_proc p WHERE pronamespace = 'foistats'::regnamespace
   AND proname IN ('mentions', 'mentions_any', 'explain_mentions', 'mentions_regex', 'term_key')
 ORDER BY 1::text;

-- NULL, empty, no match.
SELECT foistats.mentions(NULL, 'platforms') AS null_text,
       foistats.mentions('', 'platforms') AS empty_text,
       foistats.mentions('nothing to see', 'platforms') AS no_match,
       foistats.mentions('Facebook', NULL) AS null_dictionary,
       foistats.mentions_any(NULL, 'platforms') AS any_null,
       foistats.mentions_any('', 'platforms') AS any_empty;
SELECT count(*) AS explain_rows_for_null FROM foistats.explain_mentions(NULL, 'platforms');

-- The platform rules, one text per line: boundaries, abbreviations, X,
-- plurals and possessives, apostrophes, whitespace, multibyte neighbours.
SELECT row_number() OVER () AS n, t AS text, foistats.mentions(t, 'platforms') AS mentions,
       foistats.mentions_any(t, 'platforms') AS any
  FROM (VALUES
    ('Facebook'),
    ('facebook at the start and at the end FACEBOOK'),
    ('(Facebook), "facebook"; face-book! fbook? f/book.'),
    ('face book / face   book / face' || E'\n\t' || 'book'),
    ('myfacebook facebooker Facebook_page facebook2'),
    ('FB'),
    ('the FBI and F.B.I. are not FB'),
    ('FBs and fb''s'),
    ('insta'),
    ('an instance, instant messages, instagrammer, Insta.'),
    ('X'),
    ('on X, x-ray, Xmas, X/12/2014, PERSON X, X''s phone'),
    ('X (Twitter) and X (formerly Twitter) and X/Twitter'),
    ('Twitter/X, x.com, tweets, tweeted, retweeted'),
    ('Facebook''s page and Facebook’s page'),
    ('Snapchats, SNAPCHAT''S, snap chat, snap-chat, snapchatted'),
    ('whats app, what''s app, What’s App, whatsapp, WhatsApps'),
    ('Facebook Messenger'),
    ('Kik Messenger'),
    ('youtube, you tube, YouTubers, tik tok, Tik-Tok, TikToks'),
    ('Telegram, Discord, Skype, skyped, Omegle, Bebo, Tumblr, Instagram'),
    ('café–Facebook—Instagram…Snapchat'),
    ('éFacebook Facebooké ßfb fbß'),
    ('😀Facebook😀 «Snapchat» “Twitter”'),
    ('Facebook' || chr(160) || 'Snapchat'),
    ('Snapchat then Facebook then Snapchat again')
  ) v(t);

-- explain_mentions: every hit with its position in characters (from 1).
SELECT * FROM foistats.explain_mentions(
  'Café – he used FB Messenger, then What’s App; the FBI saw X (Twitter).', 'platforms');
SELECT * FROM foistats.explain_mentions('ÉÉÉ Facebook ééé facebook', 'platforms');

-- Grooming: the word family and its exclusions.
SELECT row_number() OVER () AS n, t AS text, foistats.mentions(t, 'grooming') AS mentions
  FROM (VALUES
    ('groom'), ('grooms'), ('groomed'), ('grooming'), ('groomer'), ('groomers'),
    ('Grooming.'), ('GROOMED her online'),
    ('bridegroom'), ('groomsman'), ('ungroomed'),
    ('a dog grooming parlour'), ('the pet groomer'), ('bride and groom'),
    ('a well groomed man'), ('well-groomed'),
    ('a well groomed man groomed the victim'),
    ('the dog groomer groomed her')
  ) v(t);
SELECT * FROM foistats.explain_mentions('the dog groomer groomed her', 'grooming');

-- A 1 MB text: terms at the very start and end, one in the middle after
-- multibyte characters (start_pos counts characters, not bytes).
CREATE TEMP TABLE terms_big AS
SELECT 'Snapchat ' || repeat('lorem ipsum dolor – ', 26000) || 'Telegram ' ||
       repeat('sit amet consectetur ', 24000) || 'Omegle' AS t;
SELECT octet_length(t) AS bytes, length(t) AS chars,
       foistats.mentions(t, 'platforms') AS mentions FROM terms_big;
SELECT e.term, e.start_pos, e.start_pos = strpos(b.t, 'Telegram') OR e.term <> 'Telegram' AS position_ok,
       e.matched
  FROM terms_big b, foistats.explain_mentions(b.t, 'platforms') e;

-- Users' dictionaries: rows are data; changes are seen at once.
INSERT INTO foistats.term (dictionary, term, alias) VALUES
  ('terms_test_places', 'New York', 'new york city'),
  ('terms_test_places', 'New York', 'nyc'),
  ('terms_test_places', 'York', NULL),
  ('terms_test_places', 'Café Rouge', 'CAFÉ ROUGE'),
  ('terms_test_places', 'Σπάρτη', 'ΣΠΑΡΤΗ');
SELECT dictionary, term, alias, exclude, shipped FROM foistats.term
 WHERE dictionary = 'terms_test_places' ORDER BY term, alias;
-- leftmost-longest: 'New York City' is one match of New York, not York
SELECT t, foistats.mentions(t, 'terms_test_places')
  FROM (VALUES ('New York City'), ('new york'), ('York'), ('NYC, York and New York'),
               ('york new york'), ('café rouge'), ('CAFÉ ROUGE'), ('σπαρτη ΣΠΑΡΤΗ')) v(t);
SELECT * FROM foistats.explain_mentions('from New York City to York', 'terms_test_places');
-- a new alias is used by the next statement
SELECT foistats.mentions('Eboracum', 'terms_test_places') AS before_insert;
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('terms_test_places', 'York', 'Eboracum');
SELECT foistats.mentions('Eboracum', 'terms_test_places') AS after_insert;
UPDATE foistats.term SET term = 'Big Apple' WHERE dictionary = 'terms_test_places' AND alias = 'nyc';
SELECT foistats.mentions('nyc', 'terms_test_places') AS after_update;
-- a change rolled back is never seen, and the version it used is not reused
BEGIN;
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('terms_test_places', 'York', 'Jorvik');
SELECT foistats.mentions('Jorvik', 'terms_test_places') AS inside_transaction;
ROLLBACK;
SELECT foistats.mentions('Jorvik', 'terms_test_places') AS after_rollback;
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('terms_test_places', 'Leeds', NULL);
SELECT foistats.mentions('Jorvik leeds', 'terms_test_places') AS after_next_change;
-- the same call site (a PL/pgSQL expression keeps its state for the whole
-- transaction) sees a change made between two of its calls
DO $$
DECLARE
  r text[];
BEGIN
  FOR i IN 1..2 LOOP
    r := foistats.mentions('Jorvik', 'terms_test_places');
    RAISE NOTICE 'call %: %', i, r;
    IF i = 1 THEN
      INSERT INTO foistats.term (dictionary, term, alias) VALUES ('terms_test_places', 'York', 'Jorvik');
    END IF;
  END LOOP;
END $$;
-- an alias may not name a second term, even one's canonical name
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('terms_test_places', 'York', 'NEW  YORK');
INSERT INTO foistats.term (dictionary, term, alias, exclude) VALUES ('terms_test_places', 'York', 'big  apple', true);
-- deleting a dictionary's rows removes the dictionary
DELETE FROM foistats.term WHERE dictionary = 'terms_test_places';
SELECT foistats.mentions('York', 'terms_test_places');

-- Bad input: clear errors.
SELECT foistats.mentions('x', 'no such dictionary');
SELECT foistats.mentions_any('x', '');
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('terms_test_bad', 'A', 'same'), ('terms_test_bad', 'B', 'SAME');
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('terms_test_bad', 'A', 'b'), ('terms_test_bad', 'B', NULL);
INSERT INTO foistats.term (dictionary, term, alias, exclude) VALUES ('terms_test_bad', 'A', 'a b', false), ('terms_test_bad', 'A', 'A  B', true);
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('terms_test_bad', 'A', ' ' || E'\t');
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('terms_test_bad', '  ', 'x');
INSERT INTO foistats.term (dictionary, term, alias, exclude) VALUES ('terms_test_bad', 'A', NULL, true);
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('', 'A', NULL);
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('terms_test_bad', 'A', repeat('a', 1001));
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('platforms', 'Twitter', 'facebook');
SELECT count(*) AS bad_rows_left FROM foistats.term WHERE dictionary LIKE 'terms_test%';

-- term_key: how aliases are compared.
SELECT foistats.term_key(E'  Face \n BOOK ') AS k1, foistats.term_key('What’s App') AS k2,
       foistats.term_key('ÉCOLE Σ') AS k3, foistats.term_key('') AS k4;

-- pg_dump keeps users' rows only (shipped rows come back with CREATE EXTENSION).
SELECT c.relname, x.cond
  FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond)
  JOIN pg_class c ON c.oid = x.oid
 WHERE e.extname = 'foistats' AND c.relname = 'term';

-- mentions_regex: the same dictionary as a PostgreSQL regular expression.
SELECT t, ARRAY(SELECT m[1] FROM regexp_matches(t, '(' || foistats.mentions_regex('platforms') || ')', 'gi') m) AS regex,
       ARRAY(SELECT matched FROM foistats.explain_mentions(t, 'platforms')) AS automaton
  FROM (VALUES ('FB FBI fb''s face  book X (Twitter) x insta instance'),
               ('Facebook Messenger, Kik Messenger, what’s app')) v(t);
