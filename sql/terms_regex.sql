-- foistats.mentions and explain_mentions agree with a reference regular
-- expression (PostgreSQL's regex engine, foistats.mentions_regex: the same
-- rules written as lookbehind/lookahead word boundaries and alternatives) on a
-- deterministic generated corpus of 20,000 texts mixing aliases, near misses,
-- punctuation, multibyte characters and whitespace.  The regex's matches are
-- mapped back to terms through foistats.term with SQL (plurals included), so
-- the check covers word boundaries, leftmost-longest choice, exclusions,
-- ordering and positions.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

-- a user dictionary with overlapping aliases, for the leftmost-longest choice
INSERT INTO foistats.term (dictionary, term, alias, exclude) VALUES
  ('terms_ref_overlap', 'New York', 'new york city', false),
  ('terms_ref_overlap', 'New York', NULL, false),
  ('terms_ref_overlap', 'York', NULL, false),
  ('terms_ref_overlap', 'Minster', 'york minster', false),
  ('terms_ref_overlap', 'City', NULL, false),
  ('terms_ref_overlap', 'City', 'city of york', true);

CREATE TEMP TABLE ref_corpus AS
WITH v AS (
  SELECT ARRAY[
    'Facebook', 'facebook', 'FACEBOOK', 'face book', 'face', 'book', 'face-book', 'fb', 'FB', 'FBI',
    'fbook', 'f/book', 'Messenger', 'messenger', 'Twitter', 'twitter', 'X', 'x', '(Twitter)', 'X (Twitter)',
    'X/Twitter', 'x.com', 'tweet', 'tweets', 'tweeted', 'WhatsApp', 'whats', 'app', 'what''s', 'what’s',
    'whatsapp', 'Snapchat', 'snap', 'chat', 'snapchats', 'Snapchat''s', 'Instagram', 'insta', 'instance',
    'instant', 'Tumblr', 'Kik', 'kik', 'TikTok', 'tik', 'tok', 'Telegram', 'Discord', 'Skype', 'skyped',
    'Omegle', 'Bebo', 'YouTube', 'you', 'tube', 'groom', 'grooms', 'groomed', 'grooming', 'Grooming',
    'groomer', 'groomers', 'dog', 'pet', 'bride', 'and', 'well', 'bridegroom', 'new', 'New', 'york', 'York',
    'city', 'City', 'minster', 'of', 'the', 'victim', 'suspect', 'café', 'Éric', 'naïve', 'Straße', 's',
    '''s', 'es', '2014', '_', 'ΣΠΑΡΤΗ', '😀', 'formerly'] AS w,
  ARRAY[' ', ' ', ' ', ' ', '', ', ', '. ', E'\n', '  ', E' \t', '–', ' – ', '(', ')', '/', '''', '’',
        '-', '_', '😀', '"', chr(160), '…', '!'] AS sep)
SELECT i, string_agg(
         v.w[1 + (hashint4(i * 64 + j) & 2147483647) % cardinality(v.w)] ||
         v.sep[1 + (hashint4(-(i * 64 + j) - 7) & 2147483647) % cardinality(v.sep)], '' ORDER BY j) AS t
  FROM generate_series(1, 20000) i, generate_series(1, 4 + i % 13) j, v
 GROUP BY i;

-- every alias spelling (and its plural/possessive forms) -> term
CREATE TEMP TABLE ref_keys AS
SELECT DISTINCT ON (dictionary, key) dictionary, key, term, exclude
  FROM (SELECT dictionary, foistats.term_key(COALESCE(alias, term)) AS base, term, exclude FROM foistats.term
        UNION SELECT dictionary, foistats.term_key(term), term, false FROM foistats.term) a,
       LATERAL (VALUES (base, 1), (base || 's', 2), (base || '''s', 2)) k(key, prio)
 WHERE prio = 1 OR base ~ '[[:alnum:]]$'
 ORDER BY dictionary, key, prio;

CREATE TEMP TABLE ref_result AS
SELECT d, i, t,
       ARRAY(SELECT m[1] FROM regexp_matches(t, '(' || re || ')', 'gi') m) AS regex_matches,
       re,
       ARRAY(SELECT e.matched FROM foistats.explain_mentions(t, d) e) AS matches,
       ARRAY(SELECT e.start_pos FROM foistats.explain_mentions(t, d) e) AS starts,
       foistats.mentions(t, d) AS mentions,
       foistats.mentions_any(t, d) AS any_mention
  FROM ref_corpus,
       (SELECT d, foistats.mentions_regex(d) AS re
          FROM unnest(ARRAY['platforms', 'grooming', 'terms_ref_overlap']) d) r;

-- the terms the regex's matches stand for, in order of first occurrence
CREATE TEMP TABLE ref_expected AS
SELECT r.d, r.i,
       ARRAY(SELECT k.term
               FROM unnest(r.regex_matches) WITH ORDINALITY u(m, ord)
               JOIN ref_keys k ON k.dictionary = r.d AND k.key = foistats.term_key(u.m)
              WHERE NOT k.exclude
              GROUP BY k.term ORDER BY min(u.ord)) AS want,
       (SELECT count(*) FROM unnest(r.regex_matches) u(m)
         WHERE NOT EXISTS (SELECT FROM ref_keys k
                            WHERE k.dictionary = r.d AND k.key = foistats.term_key(u.m))) AS unmapped,
       ARRAY(SELECT regexp_instr(r.t, r.re, 1, n, 0, 'i')
               FROM generate_series(1, cardinality(r.regex_matches)) n) AS regex_starts
  FROM ref_result r;

-- The corpus is not trivial: how many texts mention something, and how many
-- near misses it holds.
SELECT d, count(*) AS texts, count(*) FILTER (WHERE any_mention) AS with_mentions,
       sum(cardinality(matches)) AS matches,
       count(*) FILTER (WHERE cardinality(mentions) >= 2) AS multi_term,
       count(*) FILTER (WHERE cardinality(matches) > 0 AND NOT any_mention) AS only_exclusions
  FROM ref_result GROUP BY d ORDER BY d;
SELECT count(*) FILTER (WHERE t ~ '\mFBI\M') AS with_fbi,
       count(*) FILTER (WHERE t ~* '\minstan') AS with_instance_or_instant,
       count(*) FILTER (WHERE t ~ '(^|[^[:alnum:]_])[Xx]([^[:alnum:]_]|$)') AS with_letter_x,
       count(*) FILTER (WHERE t ~ 'bridegroom') AS with_bridegroom,
       count(*) FILTER (WHERE t ~ '[^\x01-\x7f]') AS with_multibyte
  FROM ref_corpus;

-- Disagreements (each must be 0).
SELECT r.d,
       count(*) FILTER (WHERE r.matches IS DISTINCT FROM r.regex_matches) AS matched_text_differs,
       count(*) FILTER (WHERE r.mentions IS DISTINCT FROM x.want) AS mentions_differ,
       count(*) FILTER (WHERE r.any_mention IS DISTINCT FROM (cardinality(x.want) > 0)) AS any_differs,
       sum(x.unmapped) AS regex_matches_without_alias
  FROM ref_result r JOIN ref_expected x USING (d, i)
 GROUP BY r.d ORDER BY r.d;

-- Positions: explain_mentions' start_pos (characters, from 1) is where the
-- regex finds each match (regexp_instr, n-th occurrence).
SELECT count(*) FILTER (WHERE r.starts IS DISTINCT FROM x.regex_starts) AS start_pos_differs,
       sum(cardinality(r.starts)) AS positions_compared
  FROM ref_result r JOIN ref_expected x USING (d, i);

-- A few sample rows.
SELECT d, i, t, mentions, matches, starts
  FROM (SELECT r.*, row_number() OVER (PARTITION BY d ORDER BY i) AS k
          FROM ref_result r WHERE cardinality(matches) >= 2) s
 WHERE k <= 2 ORDER BY d, i;

DELETE FROM foistats.term WHERE dictionary = 'terms_ref_overlap';
