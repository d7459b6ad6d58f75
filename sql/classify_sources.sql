-- foistats.classify() on offence titles and codes from sources other than the seed
-- response, each with where it came from, then code spellings and bad input.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

CREATE TEMP TABLE src_title (n serial, source text NOT NULL, title text NOT NULL);
INSERT INTO src_title (source, title) VALUES
  -- West Midlands Police FOI 1168/19 (foi.west-midlands.police.uk/sexual-offences-1168-19):
  -- the request lists Home Office codes with titles as typed, misspellings included
  ('WMP 1168/19', '86/2 Take/make/distribute indecent photogrtaphs or (S) pseudo-photographs of childern'),
  ('WMP 1168/19', '86/10 Possession of an indecent or pseudo-photograph (S) of a child'),
  ('WMP 1168/19', '86/11 Possession of extreme pornographic images (S) an act which threatens a person''s life'),
  ('WMP 1168/19', '86/12 Possession of extreme pornographic images – an (S) act which results, or is likely to result, in serious injury to a person''s anus, breats or genitals'),
  ('WMP 1168/19', '86/13 Possession of extreme pornographic images – an (S) act which involves sexual interference with a human corpse (necrophilia)'),
  ('WMP 1168/19', '86/14 Possession of extreme pornographic images – (S) person performing an act of intercourse or oral sex with an animal (dead or alive)'),
  ('WMP 1168/19', '86/15 Possession prohibited images of children'),
  ('WMP 1168/19', '86/16 Possess an extreme pornograhphic image portraying (S) rape'),
  ('WMP 1168/19', '86/17 Possess an extreme pornograhpic images (S) portraying assault by penetration'),
  -- Metropolitan Police FOI 01.FOI.23.029876 (rape and sexual assault outcomes): class labels
  ('Met 01.FOI.23.029876', '19C'), ('Met 01.FOI.23.029876', '19D'), ('Met 01.FOI.23.029876', '19E'),
  ('Met 01.FOI.23.029876', '19F'), ('Met 01.FOI.23.029876', '19G'), ('Met 01.FOI.23.029876', '19H'),
  ('Met 01.FOI.23.029876', '19J'), ('Met 01.FOI.23.029876', '19K'), ('Met 01.FOI.23.029876', '17A'),
  ('Met 01.FOI.23.029876', '17B'), ('Met 01.FOI.23.029876', '20A'), ('Met 01.FOI.23.029876', '20B'),
  -- Home Office written answer, 31 October 2014 (parallelparliament.co.uk question 211000):
  -- offences whose statute fixes the victim's age
  ('HO answer 2014', 'Rape of a female child under 16'),
  ('HO answer 2014', 'Rape of a female child under 13'),
  ('HO answer 2014', 'Rape of a male child under 16'),
  ('HO answer 2014', 'Rape of a male child under 13'),
  ('HO answer 2014', 'Sexual assault on a female child under 13'),
  ('HO answer 2014', 'Sexual assault on a male child under 13'),
  ('HO answer 2014', 'Sexual activity involving a child under 13'),
  ('HO answer 2014', 'Sexual activity involving child under 16'),
  ('HO answer 2014', 'Sexual grooming'),
  -- Warwickshire Police FOI 581-2025 / Northamptonshire Police FOI 10905-25 (s15A)
  ('Warwickshire 581-2025', 'Home Office recording code 71/17'),
  ('Warwickshire 581-2025', 'sexual communication with a child'),
  ('Northants 10905-25', 'Home Office code 71/17'),
  -- Cleveland Police FOI 432-25 (s61): the code written two ways
  ('Cleveland 432-25', 'HO code 08805'),
  ('Cleveland 432-25', '088/05'),
  -- Cheshire Constabulary FOI 2953 (2011): arrest categories
  ('Cheshire 2953', 'Rape'),
  ('Cheshire 2953', 'Indecent assault'),
  ('Cheshire 2953', 'Sexual assault'),
  ('Cheshire 2953', 'Child sex offences'),
  ('Cheshire 2953', 'Indecent photos of children'),
  ('Cheshire 2953', 'Total sexual offences'),
  -- foistats issue 6 (titles collected from forces' responses)
  ('issue 6', 'Causing or inciting a female child under 16 to engage in sexual activity, no penetration, offender aged under 18'),
  ('issue 6', '(20A) Sexual assault on a female aged 13 and over'),
  ('issue 6', 'Attempted rape of a female aged 16 or over - Sexual Offences Act 2003 Sec 1'),
  ('issue 6', 'Sexual activity with a female child under 16 - Sexual Offences Act 2003 Sec 9'),
  ('issue 6', 'Exposure (S66, SOA 2003)'),
  ('issue 6', 'Single Offender: Rape of a female aged 16 or over'),
  ('issue 6', 'Attempted - Rape of a male aged under 16'),
  ('issue 6', 'Multiple Undefined Offenders - Rape of a female aged under 16'),
  ('issue 6', 'Sexual Assualt on a female aged 13 and over'),
  -- Home Office list, April 2026: class titles ("Offence category")
  ('HO list class', 'Sexual Assault on a Male aged 13 and over'),
  ('HO list class', 'Rape of a Female aged 16 and over'),
  ('HO list class', 'Rape of a Male Child under 16'),
  ('HO list class', 'Rape of a female - multiple undefined offenders'),
  ('HO list class', 'Rape of a male - multiple undefined offenders'),
  ('HO list class', 'Sexual Activity involving a Child under 13'),
  ('HO list class', 'Causing Sexual Activity without Consent'),
  ('HO list class', 'Incest or Familial Sexual Offences'),
  ('HO list class', 'Exploitation of Prostitution'),
  ('HO list class', 'Abuse of Children through Sexual Exploitation'),
  ('HO list class', 'Abuse of Position of Trust of a Sexual Nature'),
  ('HO list class', 'Obscene Publications etc'),
  ('HO list class', 'Other Miscellaneous Sexual Offences'),
  ('HO list class', 'Unnatural Sexual Offences'),
  ('HO list class', 'Exposure and Voyeurism'),
  ('HO list class', 'Theft from the Person'),
  ('HO list class', 'Harassment'),
  -- Home Office list, April 2026: offence titles
  ('HO list', 'Murder of persons aged 1 yr or over'),
  ('HO list', 'Assault on a female by penetration'),
  ('HO list', 'Sexual activity with a child under 13 - Male child - no penetration - Offender under 18'),
  ('HO list', 'Causing or inciting a child under 16 to engage in sexual activity - Male child -no penetration'),
  ('HO list', 'Sexual activity with a child family member - no penetration - offender under 18 - victim male 13 to 17'),
  ('HO list', 'Sex with an adult relative - consenting to penetration - offender aged 16 or over relative aged 18 or over'),
  ('HO list', 'Care workers : Causing or inciting sexual activity (person with mental disorder) - No penetration'),
  ('HO list', 'Causing a person with a mental disorder to engage in sexual activity by inducement, threat or deception - penetration'),
  ('HO list', 'Paying for the sexual services of a child - Female child under 16 - no penetration'),
  ('HO list', 'Abuse of position of trust: causing a child to watch a sexual activity. Offender 18 or over - Child under 13'),
  ('HO list', 'Meeting a male child following sexual grooming etc (Offender aged over 18 & victim aged under 16)'),
  ('HO list', 'Intercourse with an animal by a female'),
  ('HO list', 'Voyeurism additional offences (upskirting)'),
  ('HO list', 'Sending photograph etc or film of genitals'),
  ('HO list', 'Share photograph or film of person in intimate state without consent'),
  ('HO list', 'Keeping a brothel used for prostitution'),
  ('HO list', 'Breach of a Sexual Harm Prevention Order'),
  ('HO list', 'Send indecent or grossly offensive communication to cause distress or anxiety'),
  ('HO list', 'Hold person in slavery or servitude'),
  -- force-style spellings of Home Office titles (abbreviations, glued tokens, dashes)
  ('spelling', 'SEX ASSLT ON FEM 13+'),
  ('spelling', 'RAPE F U16'),
  ('spelling', 'ATT RAPE OF MALE U/13'),
  ('spelling', 'SEXUAL ACTIVITY WITH MALE CHILD U16 — NO PENETN — OFF 18+'),
  ('spelling', 'POSN OF INDECENT PHOTOS OF A CHILD'),
  ('spelling', 'sexualassault on a female child under 13'),
  ('spelling', 'CAUSE/INCITE FEMALE CHILD UNDER13 SEXUAL ACTIVITY NON-PENETRATIVE'),
  ('spelling', 'RAPE OF A FEMALE AGED 13+'),
  -- constructed near-misses: the classifier must not guess
  ('constructed', 'SEXUAL ASSAULT ON A FEMALE CHILD'),
  ('constructed', 'SEXUAL ACTIVITY WITH FEMALE AGED 14'),
  ('constructed', 'RAPE OF A MAN'),
  ('constructed', 'ASSAULT OCCASIONING ACTUAL BODILY HARM'),
  ('constructed', 'NON-CONSENSUAL SEXUAL ACTIVITY'),
  ('constructed', 'CAUSE CHILD TO WATCH SEXUAL ACT');

-- Classification with the source of every title.
SELECT s.n, s.source, s.title, c.ho_code, c.ho_class, c.family, c.victim_sex AS sex,
       c.victim_age AS vage, c.offender_age AS oage, c.penetration AS pen,
       c.penetration_source AS pen_src, c.attempt AS att, c.multiple_offenders AS multi,
       c.matched_by, c.unparsed, c.reason
  FROM src_title s, LATERAL foistats.classify(s.title) c
 ORDER BY s.n;

SELECT count(*) AS titles, count(*) FILTER (WHERE source NOT IN ('spelling', 'constructed')) AS real_world,
       count(foistats.ho_code(title)) AS with_code, count(foistats.ho_class(title)) AS with_class,
       count(foistats.offence_family(title)) AS with_family
  FROM src_title;

-- Every title of the Home Office list reads back as its own code (exact title or rules);
-- titles that the list gives two codes get none.
SELECT count(*) AS offences,
       count(*) FILTER (WHERE c.ho_code = h.ho_code) AS own_code,
       count(*) FILTER (WHERE c.ho_code IS NULL) AS no_code,
       count(*) FILTER (WHERE c.ho_code <> h.ho_code) AS other_code,
       count(*) FILTER (WHERE c.ho_code = h.ho_code AND c.family IS DISTINCT FROM h.family) AS other_family
  FROM foistats.ho_offence h, LATERAL foistats.classify(h.title) c;
SELECT h.title, string_agg(DISTINCT h.ho_code, ', ') AS codes
  FROM foistats.ho_offence h
 WHERE foistats.ho_code(h.title) IS NULL
 GROUP BY h.title ORDER BY h.title;

-- Every code of the list, written as a code, gives its own code, class and family.
SELECT count(*) AS codes,
       count(*) FILTER (WHERE foistats.ho_code(k.ho_code) = k.ho_code
                          AND foistats.offence_family(k.ho_code) = k.family) AS own
  FROM (SELECT DISTINCT ON (ho_code) ho_code, family FROM foistats.ho_offence ORDER BY ho_code) k;

-- Code spellings.
SELECT t, foistats.ho_code(t) AS ho_code, foistats.ho_class(t) AS ho_class,
       (foistats.classify(t)).matched_by
  FROM (VALUES ('019/07'), ('19/07'), ('01907'), ('19.07'), ('19/7'), ('HO code 19/07'),
               ('19D'), ('(19D)'), ('[20A]'), ('(21)'), ('21'), ('CLASS 88E'),
               ('86/15 Possession of prohibited images'), ('(19J) Rape of a female aged under 16'),
               ('019/07 Rape of a male aged 16 or over')) v(t);

-- Bad input: NULL, empty, punctuation only, invalid codes, a 1 MB string, a word salad.
SELECT t IS NULL AS is_null, left(t, 30) AS input, length(t) AS len, c.ho_code, c.ho_class,
       c.family, c.unparsed, c.reason
  FROM (VALUES (NULL::text), (''), ('   '), ('!!!--//()'), ('999/99'), ('19Z'), ('(99Z)'),
               ('000/00'), (repeat('RAPE ', 200000)), (repeat('x', 1048576)),
               ('flurble wibble 42')) v(t)
  LEFT JOIN LATERAL foistats.classify(t) c ON true;
SELECT foistats.ho_class(NULL), foistats.offence_family(NULL), foistats.is_sexual_offence(NULL),
       foistats.is_sexual_offence('flurble'), foistats.is_sexual_offence('Burglary'),
       foistats.is_sexual_offence('EXPOSURE'), foistats.is_sexual_offence('20A') AS "20A",
       foistats.is_sexual_offence('Obscene Publications etc') AS obscene;

-- Without a code or class, the ONS group still follows from the family when every code of
-- the family is in one group (trafficking has no code in the list, so no group).
SELECT t, c.family, c.ons_group
  FROM (VALUES ('Rape'), ('Sexual assault'), ('Indecent photos of children'), ('GROOMING'),
               ('TRAFFICKING INTO THE UK FOR SEXUAL EXPLOITATION'), ('COMMON ASSAULT')) v(t),
       LATERAL foistats.classify(t) c;
