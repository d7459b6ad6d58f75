-- category: the category labels forces print in responses ('Other Sexual Offences',
-- 'Violence with Injury', 'MISC CRIMES AGAINST SOCIETY', a Home Office class title, an NFIB
-- code) -> their level (Home Office class, ONS subgroup, ONS group) and the set of Home
-- Office classes they cover.
--
-- Written in SQL, not C: a label is matched by looking its word set up in three small
-- tables (the ONS groups and subgroups, the Home Office class titles, user-extensible
-- aliases), so the work is a handful of index lookups per distinct label, and the
-- aliases are rows a user can add to, as with offence_override.  Only the normalisation
-- of the text is C (foistats.offence_key).  Rows of ons_category are generated
-- (data/ons_category.sql, by test/data/make_ons_category.py from the Home Office list's
-- own grouping).

CREATE TABLE @extschema@.ons_category (
  ho_class     text PRIMARY KEY,               -- '8N', '4/1', 'NFIB90'
  ons_group    text NOT NULL,                  -- 'Violence against the person'
  ons_subgroup text NOT NULL,                  -- 'Violence with injury' (the group again where it has none)
  group_no     integer NOT NULL,               -- order of the group in Crime in England and Wales
  subgroup_no  integer NOT NULL,
  class_no     integer NOT NULL UNIQUE
);
COMMENT ON TABLE @extschema@.ons_category IS
  'every Home Office class with its ONS offence group and subgroup as "Crime in England and Wales" counts them (burglary and vehicle offences are subgroups of Theft offences; Possession of weapons, Public order and Miscellaneous crimes against society have no subgroups: subgroup = group); generated from the Home Office list (April 2026)';

-- the word set of a label: upper-case words (foistats.offence_key), footnote markers glued
-- to a word dropped ('Vehicle crime2'), abbreviations expanded, statute references ('Theft Act 1968 Sec 8.') and period qualifiers ('to
-- 2012/13') dropped, filler words (of, and, offences, crimes, all, ...) dropped, plurals and
-- '-ly' adverbs reduced, then sorted and deduplicated: 'Arson & Criminal Damage' and
-- 'CRIMINAL DAMAGE AND ARSON OFFENCES' have the same key.
CREATE FUNCTION @extschema@.category_key(label text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN (
  WITH t(s) AS (
    SELECT pg_catalog.regexp_replace(pg_catalog.regexp_replace(label,
             '\m[A-Za-z][A-Za-z ()]* Act \d{4}(\s+(Sec|Section|s)\.?\s*\d+[A-Za-z]*(\(\d+\))*)?\.?', ' ', 'gi'),
             '\m(to|from|since|until|before|after)\s+\d{4}(/\d{2,4})?\M', ' ', 'gi')),
  w(word, ord) AS (
    SELECT x.word, x.ord
      FROM t, LATERAL pg_catalog.regexp_split_to_table(@extschema@.offence_key(t.s), ' ')
                      WITH ORDINALITY AS x(word, ord)
     WHERE x.word <> ''),
  e(word) AS (
    SELECT CASE w.word
             WHEN 'MISC' THEN 'MISCELLANEOUS' WHEN 'UNAUTH' THEN 'UNAUTHORISED'
             WHEN 'UNAUTHORIZED' THEN 'UNAUTHORISED' WHEN 'VEH' THEN 'VEHICLE'
             WHEN 'VEHS' THEN 'VEHICLE' WHEN 'AGG' THEN 'AGGRAVATED' WHEN 'AGGR' THEN 'AGGRAVATED'
             WHEN 'RACE' THEN 'RACIAL' WHEN 'RACIALLY' THEN 'RACIAL' WHEN 'RELIG' THEN 'RELIGIOUS'
             WHEN 'RELIGIOUSLY' THEN 'RELIGIOUS' WHEN 'POSS' THEN 'POSSESSION' WHEN 'DMG' THEN 'DAMAGE'
             WHEN 'CRIM' THEN 'CRIMINAL' WHEN 'OFF' THEN 'OFFENCE' WHEN 'OFFS' THEN 'OFFENCE'
             WHEN 'SEX' THEN 'SEXUAL' WHEN 'VAP' THEN 'VIOLENCE AGAINST PERSON'
             WHEN 'DRUGS' THEN 'DRUG' WHEN 'SOCIETY' THEN 'SOCIETY'
             ELSE CASE WHEN w.word ~ '^[A-Z]{4,}[0-9]{1,2}$'       -- a footnote marker glued on: 'Burglary1'
                       THEN pg_catalog.regexp_replace(pg_catalog.regexp_replace(w.word, '[0-9]+$', ''), '^([A-Z]{3,}[^SUI])S$', '\1')
                       WHEN w.word ~ '^[A-Z]{3,}[^SUI]S$' THEN pg_catalog.left(w.word, -1)
                       ELSE w.word END
           END
      FROM w),
  f(word) AS (
    SELECT DISTINCT x.word
      FROM e, LATERAL pg_catalog.regexp_split_to_table(e.word, ' ') AS x(word)
     WHERE x.word NOT IN ('OF', 'THE', 'AND', 'OR', 'A', 'AN', 'TO', 'ON', 'IN', 'FOR', 'BY', 'ETC',
                          'OFFENCE', 'CRIME', 'ALL', 'TYPE'))
  SELECT COALESCE(pg_catalog.string_agg(f.word, ' ' ORDER BY f.word COLLATE "C"), '') FROM f
);
COMMENT ON FUNCTION @extschema@.category_key(text) IS
  'the word set a category label is matched by: upper-case words, abbreviations expanded (MISC, UNAUTH, VEH, AGG, RACE, ...), statute references and ''to 2012/13'' dropped, filler words (of, and, or, offences, crimes, all) dropped, plurals reduced, sorted: ''Arson & Criminal Damage'' and ''CRIMINAL DAMAGE AND ARSON OFFENCES'' have the same key';

CREATE TABLE @extschema@.category_alias (
  label         text PRIMARY KEY CHECK (@extschema@.category_key(label) <> ''),
  level         text NOT NULL CHECK (level IN ('ho_class', 'ons_subgroup', 'ons_group', 'other', 'total')),
  ons_group     text,
  ons_subgroups text[],
  ho_class      text,
  confidence    text NOT NULL DEFAULT 'high' CHECK (confidence IN ('high', 'medium', 'low')),
  note          text,
  CHECK (CASE level WHEN 'ho_class' THEN ho_class IS NOT NULL
                    WHEN 'ons_subgroup' THEN ons_subgroups IS NOT NULL AND ons_group IS NOT NULL
                    WHEN 'ons_group' THEN ons_group IS NOT NULL
                    ELSE ho_class IS NULL AND ons_group IS NULL AND ons_subgroups IS NULL END)
);
CREATE UNIQUE INDEX category_alias_key_idx ON @extschema@.category_alias (@extschema@.category_key(label));
COMMENT ON TABLE @extschema@.category_alias IS
  'category labels that are not spelt as the ONS or the Home Office list spells them, with what they name: matched by foistats.category_key (so case, punctuation, word order, plurals and filler words do not matter); add your own rows';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.category_alias', 'WHERE note IS DISTINCT FROM ''shipped''');

-- shipped aliases (note 'shipped'): older Home Office / ONS names and common force
-- spellings.  'Burglary' is the ONS's line above its two burglary subgroups.  The burglary
-- names before April 2017 (in a dwelling / other) are medium: sheds and garages within a
-- home's boundary moved from 'other' to 'residential' then.
INSERT INTO @extschema@.category_alias (label, level, ons_group, ons_subgroups, ho_class, confidence, note) VALUES
  ('Burglary', 'ons_subgroup', 'Theft offences', '{Residential burglary,Non-residential burglary}', NULL, 'high', 'shipped'),
  ('Domestic burglary', 'ons_subgroup', 'Theft offences', '{Residential burglary}', NULL, 'medium', 'shipped'),
  ('Burglary in a dwelling', 'ons_subgroup', 'Theft offences', '{Residential burglary}', NULL, 'medium', 'shipped'),
  ('Burglary other than in a dwelling', 'ons_subgroup', 'Theft offences', '{Non-residential burglary}', NULL, 'medium', 'shipped'),
  ('Other burglary', 'ons_subgroup', 'Theft offences', '{Non-residential burglary}', NULL, 'medium', 'shipped'),
  ('Non-domestic burglary', 'ons_subgroup', 'Theft offences', '{Non-residential burglary}', NULL, 'medium', 'shipped'),
  ('Theft and handling stolen goods', 'ons_group', 'Theft offences', NULL, NULL, 'medium', 'shipped'),
  ('Other theft and handling', 'ons_group', 'Theft offences', NULL, NULL, 'medium', 'shipped'),
  ('Miscellaneous', 'ons_group', 'Miscellaneous crimes against society', NULL, NULL, 'high', 'shipped'),
  ('Other crimes against society', 'ons_group', 'Miscellaneous crimes against society', NULL, NULL, 'high', 'shipped'),
  ('Public disorder', 'ons_group', 'Public order offences', NULL, NULL, 'high', 'shipped'),
  ('Weapons possession', 'ons_group', 'Possession of weapons offences', NULL, NULL, 'high', 'shipped'),
  ('Violent crime', 'ons_group', 'Violence against the person', NULL, NULL, 'medium', 'shipped'),
  ('Violence', 'ons_group', 'Violence against the person', NULL, NULL, 'medium', 'shipped'),
  ('Damage', 'ons_group', 'Criminal damage and arson', NULL, NULL, 'medium', 'shipped'),
  ('Criminal damage excluding arson', 'ons_subgroup', 'Criminal damage and arson', '{Criminal damage}', NULL, 'high', 'shipped'),
  ('Other criminal damage', 'ons_subgroup', 'Criminal damage and arson', '{Criminal damage}', NULL, 'high', 'shipped'),
  ('Other damage', 'ons_subgroup', 'Criminal damage and arson', '{Criminal damage}', NULL, 'medium', 'shipped'),
  ('Drug possession and use', 'ons_subgroup', 'Drug offences', '{Possession of drugs}', NULL, 'high', 'shipped'),
  ('Possession of controlled drugs', 'ons_subgroup', 'Drug offences', '{Possession of drugs}', NULL, 'high', 'shipped'),
  ('Drug trafficking', 'ons_subgroup', 'Drug offences', '{Trafficking of drugs}', NULL, 'high', 'shipped'),
  ('Trafficking in controlled drugs', 'ho_class', NULL, NULL, '92A', 'high', 'shipped'),
  ('Vehicle crime', 'ons_subgroup', 'Theft offences', '{Vehicle offences}', NULL, 'high', 'shipped'),
  ('Vehicle theft', 'ons_subgroup', 'Theft offences', '{Vehicle offences}', NULL, 'medium', 'shipped'),
  ('Offences against vehicles', 'ons_subgroup', 'Theft offences', '{Vehicle offences}', NULL, 'high', 'shipped'),
  ('Other violence with injury', 'ons_subgroup', 'Violence against the person', '{Violence with injury}', NULL, 'high', 'shipped'),
  ('Other violence without injury', 'ons_subgroup', 'Violence against the person', '{Violence without injury}', NULL, 'high', 'shipped'),
  ('Harassment', 'ons_subgroup', 'Violence against the person', '{Stalking and harassment}', NULL, 'medium', 'shipped'),
  ('Death or serious injury caused by illegal driving', 'ons_subgroup', 'Violence against the person', '{Death or serious injury caused by unlawful driving}', NULL, 'high', 'shipped'),
  ('Robbery of personal property', 'ons_subgroup', 'Robbery', '{Robbery of personal property}', NULL, 'high', 'shipped'),
  ('Cheque, Plastic Card and Online Bank Accounts (not PSP)', 'ons_group', 'Fraud offences', NULL, NULL, 'medium', 'shipped'),
  ('Fraud and forgery', 'ons_group', 'Fraud offences', NULL, NULL, 'low', 'shipped'),
  ('Non-notifiable', 'other', NULL, NULL, NULL, 'high', 'shipped'),
  ('Non crime', 'other', NULL, NULL, NULL, 'high', 'shipped'),
  ('Non-crime incident', 'other', NULL, NULL, NULL, 'high', 'shipped'),
  ('Action Fraud', 'other', NULL, NULL, NULL, 'medium', 'shipped'),
  ('Total', 'total', NULL, NULL, NULL, 'high', 'shipped'),
  ('Grand Total', 'total', NULL, NULL, NULL, 'high', 'shipped'),
  ('Overall total', 'total', NULL, NULL, NULL, 'high', 'shipped'),
  ('Total recorded crime', 'total', NULL, NULL, NULL, 'high', 'shipped'),
  ('Sum', 'total', NULL, NULL, NULL, 'high', 'shipped');

CREATE TYPE @extschema@.category AS (
  level        text,     -- ho_class | ons_subgroup | ons_group | family | other | total | NULL (unknown, ambiguous)
  ons_group    text,     -- the ONS group the label lies in (NULL: unknown, or several)
  ons_subgroup text,     -- its ONS subgroup(s), ' + ' between several ('Residential burglary + Non-residential burglary')
  ho_classes   text[],   -- the Home Office classes it covers, ONS order; '{}' for other and total
  confidence   text,     -- high | medium | low | NULL
  matched_by   text,     -- total | ons_name | alias | class_title | class_words | nfib | classify | family
  reason       text      -- why NULL, or what was assumed
);
COMMENT ON TYPE @extschema@.category IS
  'what a category label printed in a response names: its level, ONS group and subgroup, the Home Office classes it covers, with a confidence and how it was matched; level NULL with a reason when unknown or ambiguous';

-- the names a label can match exactly by its key: ONS groups, ONS subgroups, aliases,
-- Home Office class titles.  One row per (key, target); a key with two targets is ambiguous.
CREATE FUNCTION @extschema@.category_names(
  OUT key text, OUT name text, OUT level text, OUT ons_group text, OUT ons_subgroups text[],
  OUT ho_classes text[], OUT confidence text, OUT matched_by text)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
  SELECT @extschema@.category_key(g.ons_group), g.ons_group, 'ons_group', g.ons_group, NULL::text[],
         pg_catalog.array_agg(g.ho_class ORDER BY g.class_no), 'high', 'ons_name'
    FROM @extschema@.ons_category g GROUP BY g.ons_group
  UNION ALL
  SELECT @extschema@.category_key(s.ons_subgroup), s.ons_subgroup, 'ons_subgroup', s.ons_group,
         ARRAY[s.ons_subgroup], pg_catalog.array_agg(s.ho_class ORDER BY s.class_no), 'high', 'ons_name'
    FROM @extschema@.ons_category s
   WHERE s.ons_subgroup <> s.ons_group
   GROUP BY s.ons_group, s.ons_subgroup
  UNION ALL
  SELECT @extschema@.category_key(a.label), a.label, a.level,
         COALESCE(a.ons_group, (SELECT c.ons_group FROM @extschema@.ons_category c WHERE c.ho_class = a.ho_class)),
         a.ons_subgroups,
         CASE WHEN a.level IN ('other', 'total') THEN '{}'::text[]
              ELSE (SELECT pg_catalog.array_agg(c.ho_class ORDER BY c.class_no) FROM @extschema@.ons_category c
                     WHERE c.ho_class = a.ho_class
                        OR (a.ho_class IS NULL AND a.ons_subgroups IS NOT NULL AND c.ons_group = a.ons_group
                            AND c.ons_subgroup = ANY (a.ons_subgroups))
                        OR (a.ho_class IS NULL AND a.ons_subgroups IS NULL AND c.ons_group = a.ons_group)) END,
         a.confidence, 'alias'
    FROM @extschema@.category_alias a
  UNION ALL
  SELECT @extschema@.category_key(t.class_title), t.class_title, 'ho_class', c.ons_group, ARRAY[c.ons_subgroup],
         ARRAY[t.ho_class], 'high', 'class_title'
    FROM (SELECT DISTINCT o.ho_class, o.class_title FROM @extschema@.ho_offence o
           WHERE o.ho_class IS NOT NULL AND o.class_title IS NOT NULL) t
    JOIN @extschema@.ons_category c ON c.ho_class = t.ho_class;
END;
COMMENT ON FUNCTION @extschema@.category_names() IS
  'every name a category label is matched against, with its key (foistats.category_key): the ONS groups and subgroups, foistats.category_alias and the Home Office class titles, each with its level and Home Office classes';

CREATE FUNCTION @extschema@.classify_category(label text) RETURNS @extschema@.category
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  k     text := @extschema@.category_key(label);
  r     record;
  n     integer;
  names text;
  code  text;
  o     @extschema@.offence;
  res   @extschema@.category;
BEGIN
  IF k = '' THEN
    RETURN ROW(NULL, NULL, NULL, NULL, NULL, NULL, 'empty label')::@extschema@.category;
  END IF;
  IF label ~* '^\s*(grand\s+)?totals?\M' OR label ~* '\mtotals?\s*$' THEN
    RETURN ROW('total', NULL, NULL, '{}'::text[], 'high', 'total', 'a total, not a category')::@extschema@.category;
  END IF;

  -- NFIB fraud codes: a class of the list, or else a fraud code the list does not have
  code := pg_catalog.upper((pg_catalog.regexp_match(label, '^\s*NFIB\s*([0-9]+[A-Za-z]?)', 'i'))[1]);
  IF code IS NOT NULL THEN
    SELECT * INTO r FROM @extschema@.ons_category c WHERE c.ho_class = 'NFIB' || code;
    IF FOUND THEN
      RETURN ROW('ho_class', r.ons_group, r.ons_subgroup, ARRAY[r.ho_class], 'high', 'nfib', NULL)::@extschema@.category;
    END IF;
    SELECT pg_catalog.array_agg(c.ho_class ORDER BY c.class_no) INTO res.ho_classes
      FROM @extschema@.ons_category c WHERE c.ons_group = 'Fraud offences';
    RETURN ROW('ons_group', 'Fraud offences', NULL, res.ho_classes, 'medium', 'nfib',
               format('NFIB%s is not a class of the Home Office list: counted as fraud', code))::@extschema@.category;
  END IF;

  -- exact word set.  Precedence: an alias (someone said what the label means), then an ONS
  -- group or subgroup name, then a Home Office class title ('Other theft' is the ONS
  -- subgroup before it is class 49's title: a response's categories are more often groups);
  -- two different answers of the same precedence are ambiguous.
  WITH c AS MATERIALIZED (
    SELECT m.*, CASE m.matched_by WHEN 'alias' THEN 1 WHEN 'ons_name' THEN 2 ELSE 3 END AS prec
      FROM @extschema@.category_names() m WHERE m.key = k),
  top AS (SELECT c.* FROM c WHERE c.prec = (SELECT pg_catalog.min(c0.prec) FROM c c0))
  SELECT t.name, t.level, t.ons_group, t.ons_subgroups, t.ho_classes, t.confidence, t.matched_by,
         (SELECT pg_catalog.count(DISTINCT (t2.level, t2.ho_classes)) FROM top t2) AS ntop,
         (SELECT pg_catalog.string_agg(DISTINCT t2.name, ' / ') FROM top t2) AS topnames,
         (SELECT pg_catalog.string_agg(DISTINCT format('%s (%s)', c2.name, c2.level), ' / ') FROM c c2
           WHERE (c2.level, c2.ho_classes) IS DISTINCT FROM (t.level, t.ho_classes)) AS others
    INTO r
    FROM top t ORDER BY t.name COLLATE "C" LIMIT 1;
  IF FOUND THEN
    IF r.ntop > 1 THEN
      RETURN ROW(NULL, NULL, NULL, NULL, NULL, 'ambiguous', format('ambiguous: names %s', r.topnames))::@extschema@.category;
    END IF;
    names := r.others;
    RETURN ROW(r.level,
               CASE WHEN r.level IN ('other', 'total') THEN NULL ELSE r.ons_group END,
               CASE WHEN r.level = 'ons_group' THEN NULL ELSE pg_catalog.array_to_string(r.ons_subgroups, ' + ') END,
               r.ho_classes,
               CASE WHEN names IS NOT NULL AND r.confidence = 'high' THEN 'medium' ELSE r.confidence END,
               r.matched_by,
               NULLIF(concat_ws('; ', CASE WHEN r.level = 'other' THEN 'not a notifiable offence' END,
                         CASE WHEN names IS NOT NULL THEN format('taken as %s %s, not %s', r.level, r.name, names) END), ''))::@extschema@.category;
  END IF;

  -- the classifier: an exact Home Office title or code, or a sexual offence it reads
  o := @extschema@.classify(label);
  IF o.ho_class IS NOT NULL THEN
    SELECT * INTO r FROM @extschema@.ons_category c WHERE c.ho_class = o.ho_class;
    IF FOUND THEN
      RETURN ROW('ho_class', r.ons_group, r.ons_subgroup, ARRAY[r.ho_class],
                 CASE WHEN o.matched_by IN ('code', 'class', 'title', 'override') THEN 'high' ELSE 'medium' END,
                 'classify', format('foistats.classify: %s (matched by %s)', o.ho_class, o.matched_by))::@extschema@.category;
    END IF;
  END IF;

  -- every word of the label in exactly one name (>= 2 words): 'RACE OR RELIGIOUS AGG
  -- PUBLIC FEAR' in 'Racially or religiously aggravated public fear, alarm or distress'
  IF k ~ ' ' THEN
    WITH c AS MATERIALIZED (
      SELECT m.* FROM @extschema@.category_names() m
       WHERE m.level NOT IN ('total', 'other')
         AND pg_catalog.string_to_array(k, ' ') <@ pg_catalog.string_to_array(m.key, ' '))
    SELECT t.name, t.level, t.ons_group, t.ons_subgroups, t.ho_classes,
           (SELECT pg_catalog.count(DISTINCT (c2.level, c2.ho_classes)) FROM c c2) AS n,
           (SELECT pg_catalog.string_agg(DISTINCT c2.name, ' / ') FROM c c2) AS names
      INTO r
      FROM c t ORDER BY t.matched_by = 'ons_name' DESC, t.name COLLATE "C" LIMIT 1;
    IF FOUND AND r.n = 1 THEN
      RETURN ROW(r.level, r.ons_group,
                 CASE WHEN r.level = 'ons_group' THEN NULL ELSE pg_catalog.array_to_string(r.ons_subgroups, ' + ') END,
                 r.ho_classes, 'medium', 'class_words',
                 format('its words are all in "%s" and in no other name', r.name))::@extschema@.category;
    ELSIF FOUND AND r.n <= 4 THEN
      RETURN ROW(NULL, NULL, NULL, NULL, NULL, 'ambiguous',
                 format('ambiguous: its words are in %s', r.names))::@extschema@.category;
    END IF;
  ELSE
    -- one word is never enough to pick a name it is part of ('Assault')
    SELECT pg_catalog.count(DISTINCT (m.level, m.ho_classes)) INTO n
      FROM @extschema@.category_names() m
     WHERE m.level NOT IN ('total', 'other') AND k = ANY (pg_catalog.string_to_array(m.key, ' '));
    IF n > 1 THEN
      RETURN ROW(NULL, NULL, NULL, NULL, NULL, 'ambiguous',
                 format('ambiguous: the one word %s is in %s names', k, n))::@extschema@.category;
    END IF;
  END IF;

  -- a sexual offence family the classifier reads, over several classes
  IF o.family IS NOT NULL AND o.family <> 'non_sexual' THEN
    SELECT pg_catalog.array_agg(DISTINCT c.ho_class ORDER BY c.ho_class) INTO res.ho_classes
      FROM @extschema@.ho_offence h JOIN @extschema@.ons_category c ON c.ho_class = h.ho_class
     WHERE h.family = o.family AND h.current;
    SELECT pg_catalog.array_agg(c.ho_class ORDER BY c.class_no),
           CASE WHEN pg_catalog.count(DISTINCT c.ons_group) = 1 THEN pg_catalog.min(c.ons_group) END,
           CASE WHEN pg_catalog.count(DISTINCT c.ons_subgroup) = 1 THEN pg_catalog.min(c.ons_subgroup) END
      INTO res.ho_classes, res.ons_group, res.ons_subgroup
      FROM @extschema@.ons_category c WHERE c.ho_class = ANY (res.ho_classes);
    IF res.ho_classes IS NOT NULL THEN
      RETURN ROW('family', res.ons_group, res.ons_subgroup, res.ho_classes, 'medium', 'family',
                 format('offence family %s (foistats.classify), over %s classes', o.family,
                        pg_catalog.cardinality(res.ho_classes)))::@extschema@.category;
    END IF;
  END IF;

  RETURN ROW(NULL, NULL, NULL, NULL, NULL, NULL,
             format('not recognised: no ONS group or subgroup, alias or Home Office class title has the words "%s"', k))::@extschema@.category;
END
$fn$;
COMMENT ON FUNCTION @extschema@.classify_category(text) IS
  'what a category label printed in a response names (''Other Sexual Offences'', ''Violence with Injury'', ''MISC CRIMES AGAINST SOCIETY'', a Home Office class title, an NFIB code, ''Grand Total''): level ho_class|ons_subgroup|ons_group|family|other|total, ONS group and subgroup, the Home Office classes covered, confidence high|medium|low and how it was matched; level NULL with a reason when unknown or ambiguous';
