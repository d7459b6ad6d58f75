-- terms: free-text term dictionaries (platforms, grooming, users' own) and the
-- functions that find their canonical terms in MO text.  C in src/terms_fmgr.c and
-- src/terms.c (the Aho-Corasick matcher); shipped dictionaries in src/terms_data.sql.
--
-- Matching rules (the same in every function):
--   * case-insensitive (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic);
--   * at word boundaries: a match is never preceded or followed by a word
--     character (letters and digits of any script and '_'); punctuation,
--     symbols, dashes, quotes, emoji and whitespace are not word characters,
--     so 'FB' does not match in 'FBI' nor 'insta' in 'instance';
--   * a space in an alias matches any run of whitespace (incl. newlines);
--   * an apostrophe in an alias matches ' and the typographic U+2019;
--   * an alias ending in a letter or digit also matches followed by s, 's or
--     U+2019 s (plurals and possessives: 'Snapchats', 'Facebook''s');
--   * the canonical term itself is always an alias of itself;
--   * overlaps are resolved leftmost-longest: of the matches starting first,
--     the longest wins and the scan resumes after it (the shipped alias
--     'kik messenger' of Kik makes 'Kik Messenger' Kik only, not Messenger;
--     'Facebook Messenger', with no such alias, is Facebook and Messenger);
--   * foistats.mentions returns each term once, in order of first occurrence;
--   * an exclusion row (exclude = true) is a phrase that vetoes the words it
--     covers when it wins the leftmost-longest choice ('dog grooming').

-- the version of foistats.term, which each backend's compiled dictionaries are tagged with
INSERT INTO @extschema@.cache_version (cache, version)
  VALUES ('terms', pg_catalog.nextval('@extschema@.cache_version_seq'::pg_catalog.regclass));

CREATE FUNCTION @extschema@.term_key(text) RETURNS text
  AS 'MODULE_PATHNAME', 'foistats_term_key'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.term_key(text) IS
  'an alias as the matcher sees it (case folded, U+2019 as '', whitespace collapsed and trimmed); aliases with equal keys are the same words';

CREATE TABLE @extschema@.term (
  dictionary text    NOT NULL CHECK (pg_catalog.btrim(dictionary) <> ''),
  term       text    NOT NULL CHECK (@extschema@.term_key(term) <> ''
                                     AND pg_catalog.octet_length(term) <= 1000),
  alias      text    CHECK (@extschema@.term_key(alias) <> ''
                            AND pg_catalog.octet_length(alias) <= 1000),
  exclude    boolean NOT NULL DEFAULT false,
  shipped    boolean NOT NULL DEFAULT false,
  note       text,
  CONSTRAINT term_exclusion_has_alias CHECK (NOT exclude OR alias IS NOT NULL)
);
CREATE UNIQUE INDEX term_alias_key
  ON @extschema@.term (dictionary, @extschema@.term_key(COALESCE(alias, term)));
COMMENT ON TABLE @extschema@.term IS
  'term dictionaries: each row maps an alias (a spelling people write) to a canonical term of a dictionary; alias NULL means the term itself; exclude marks a phrase that vetoes the words it covers. Insert, update or delete rows to change a dictionary: every session sees the change with its next statement. Rows with shipped = true come with the extension and are not dumped by pg_dump (they are re-created by CREATE EXTENSION); all other rows are.';
COMMENT ON COLUMN @extschema@.term.dictionary IS 'dictionary name, e.g. platforms, grooming';
COMMENT ON COLUMN @extschema@.term.term IS 'canonical term: the label reported by foistats.mentions, e.g. Facebook';
COMMENT ON COLUMN @extschema@.term.alias IS 'a spelling that means the term, e.g. face book (NULL: the term itself)';
COMMENT ON COLUMN @extschema@.term.exclude IS 'true: the alias is an exclusion phrase (e.g. dog grooming) that hides the words it covers';
COMMENT ON COLUMN @extschema@.term.shipped IS 'true for rows installed by the extension: pg_dump leaves them out and CREATE EXTENSION restores them as shipped, so an edit or deletion of a shipped row does not survive a dump and restore; leave false for your own rows';
COMMENT ON COLUMN @extschema@.term.note IS 'why the row exists (free text)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.term', 'WHERE NOT shipped');

CREATE FUNCTION @extschema@.term_changed() RETURNS trigger
  AS 'MODULE_PATHNAME', 'foistats_term_changed'
  LANGUAGE C;
COMMENT ON FUNCTION @extschema@.term_changed() IS
  'statement trigger on foistats.term: refuses an alias shared by two terms, bumps the terms version in foistats.cache_version and invalidates every backend''s compiled dictionaries';

CREATE TRIGGER term_changed
  AFTER INSERT OR UPDATE OR DELETE ON @extschema@.term
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.term_changed();
CREATE TRIGGER term_truncated
  AFTER TRUNCATE ON @extschema@.term
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.term_changed();

COMMENT ON TRIGGER term_changed ON @extschema@.term IS
  'after each statement that writes foistats.term: check aliases, bump the terms version in foistats.cache_version, invalidate compiled dictionaries';
COMMENT ON TRIGGER term_truncated ON @extschema@.term IS
  'after TRUNCATE of foistats.term: bump the terms version in foistats.cache_version, invalidate compiled dictionaries';
COMMENT ON INDEX @extschema@.term_alias_key IS
  'one row per alias (as the matcher sees it, see foistats.term_key) per dictionary';

GRANT SELECT ON @extschema@.term TO PUBLIC;

CREATE FUNCTION @extschema@.mentions(text, dictionary text) RETURNS text[]
  AS 'MODULE_PATHNAME', 'foistats_mentions'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mentions(text, text) IS
  'distinct canonical terms of the dictionary mentioned in the text, in order of first occurrence (''{}'' when none); matches case-insensitively at word boundaries, plurals and possessives included, overlaps leftmost-longest';

CREATE FUNCTION @extschema@.mentions_any(text, dictionary text) RETURNS boolean
  AS 'MODULE_PATHNAME', 'foistats_mentions_any'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mentions_any(text, text) IS
  'true when the text mentions some term of the dictionary (same as cardinality(foistats.mentions(...)) > 0, but stops at the first certain match)';

CREATE FUNCTION @extschema@.explain_mentions(text, dictionary text,
    OUT term text, OUT alias text, OUT start_pos integer, OUT matched text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'foistats_explain_mentions'
  LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION @extschema@.explain_mentions(text, text) IS
  'every match of the dictionary in the text, in text order, for reviewers: canonical term (NULL for an exclusion phrase), the alias that matched, its start (characters, from 1) and the text it matched';

CREATE FUNCTION @extschema@.mentions_regex(dictionary text) RETURNS text
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  RETURN (
    WITH w(cls) AS (VALUES (
      -- word characters, as in terms.c's ac_is_word_cp
      '[0-9A-Za-z_\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff'
      '\u2070-\u209f\u20d0-\u218f\u2c00-\u2dff\u2e80-\u2fff\u3040-\ufdff'
      '\ufe20-\ufe2f\ufe70-\ufefe\uff10-\uff19\uff21-\uff3a\uff41-\uff5a'
      '\uff66-\uffef\U00010000-\U0001efff\U0001fb00-\U000dffff\U000e0080-\U0010ffff]')),
    a(key) AS (
      SELECT DISTINCT @extschema@.term_key(COALESCE(t.alias, t.term)) FROM @extschema@.term t
       WHERE t.dictionary = mentions_regex.dictionary
      UNION
      SELECT @extschema@.term_key(t.term) FROM @extschema@.term t
       WHERE t.dictionary = mentions_regex.dictionary),
    r(re) AS (
      SELECT replace(replace(regexp_replace(a.key, '([]^.[$*+?(){}|\\-])', '\\\1', 'g'),
                             ' ', '[ \t\n\r\f\v]+'), '''', '[''’]')
             || CASE WHEN a.key ~ ('(' || w.cls || ')$') THEN '(?:s|[''’]s)?' ELSE '' END
        FROM a, w)
    SELECT '(?<!' || w.cls || ')(?:' || string_agg(r.re, '|' ORDER BY r.re) || ')(?!' || w.cls || ')'
      FROM r, w GROUP BY w.cls);
COMMENT ON FUNCTION @extschema@.mentions_regex(text) IS
  'the dictionary as one PostgreSQL regular expression with the same word-boundary, whitespace, apostrophe and plural rules (use with ~* or regexp_matches(..., ''gi''); exclusion phrases are included as alternatives): a cross-check and a reference, much slower than foistats.mentions';
