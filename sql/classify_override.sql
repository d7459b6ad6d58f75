-- The classifier's local overrides (foistats.offence_override), its memo cache
-- (foistats.classify_cache()) and foistats.age_conflicts().
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

-- A force code the classifier cannot read; then an override maps it (matched ignoring case,
-- punctuation and spacing) and wins over the rules, in this session at the next statement.
SELECT ho_code, ho_class, family, matched_by, unparsed, reason FROM foistats.classify('SX-19/A');
INSERT INTO foistats.offence_override (match, ho_code, note)
  VALUES ('sx 19 a', '019/08', 'force code for rape of a female 16+');
SELECT ho_code, ho_class, ons_group, family, victim_sex, victim_age, penetration,
       penetration_source, matched_by, reason FROM foistats.classify('SX-19/A');
-- An override beats an exact Home Office title and the rules.
INSERT INTO foistats.offence_override (match, family, note)
  VALUES ('Exposure', 'other_sexual', 'local policy');
SELECT ho_code, ho_class, family, matched_by FROM foistats.classify('EXPOSURE');
SELECT foistats.offence_family('exposure'), foistats.is_sexual_offence('exposure');
UPDATE foistats.offence_override SET family = 'non_sexual' WHERE match = 'Exposure';
SELECT foistats.offence_family('exposure'), foistats.is_sexual_offence('exposure');
DELETE FROM foistats.offence_override WHERE match = 'Exposure';
SELECT foistats.ho_code('EXPOSURE'), foistats.offence_family('EXPOSURE');
TRUNCATE foistats.offence_override;
SELECT ho_code, matched_by FROM foistats.classify('SX-19/A');

-- Bad overrides are refused with the reason.
INSERT INTO foistats.offence_override (match, ho_code) VALUES ('X1', '999/99');
INSERT INTO foistats.offence_override (match, ho_code) VALUES ('X1', '19/07');
INSERT INTO foistats.offence_override (match, family) VALUES ('X1', 'naughty');
INSERT INTO foistats.offence_override (match) VALUES ('X1');
INSERT INTO foistats.offence_override (match, family) VALUES ('--', 'rape');
INSERT INTO foistats.offence_override (match, family) VALUES ('X 1', 'rape'), ('x-1', 'rape');
SELECT count(*) FROM foistats.offence_override;

-- Memoization: the second pass over the same titles classifies nothing new.
CREATE TEMP TABLE memo_rows AS
  SELECT (ARRAY['RAPE OF FEMALE 16 OR OVER', 'EXPOSURE', 'VOYEURISM', 'Burglary'])[1 + i % 4] AS t
    FROM generate_series(1, 1000) i;
SELECT foistats.ho_class(t), count(*) FROM memo_rows GROUP BY 1 ORDER BY 1;
CREATE TEMP TABLE memo_before AS SELECT * FROM foistats.classify_cache();
SELECT foistats.ho_class(t), count(*) FROM memo_rows GROUP BY 1 ORDER BY 1;
SELECT c.lookups - b.lookups AS lookups, c.misses - b.misses AS misses, c.loads - b.loads AS loads
  FROM foistats.classify_cache() c, memo_before b;

-- Age conflicts: recorded ages against the ages the title states.
SELECT t, v, o, foistats.age_conflicts(t, v, o)
  FROM (VALUES ('SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER U18', 14, 34),
               ('SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER U18', 14, 17),
               ('SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER U18', 16, 18),
               ('RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 15, 40),
               ('RAPE OF FEMALE CHILD AGED 13-15', 12, NULL),
               ('RAPE OF FEMALE CHILD AGED 13-15', 15, NULL),
               ('ABUSE OF TRUST: SEXUAL ACTIVITY WITH FEMALE 13-17 OFFENDER 18+', 18, 17),
               ('EXPOSURE', 9, 70),
               ('flurble', 1, 2),
               (NULL, 1, 2)) v(t, v, o);
