-- foistats.classify() and its fast accessors (ho_class, ho_code, offence_family,
-- is_sexual_offence) on real titles: the 79 offence titles of the seed response's question-1
-- table (a West Midlands Police FOI response, offences 2010-2014), each with its full
-- classification and, in the comment beside it, why that answer is right (SOA 2003 section
-- and Home Office code of the April 2026 list).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

CREATE TEMP TABLE seed_title (n serial, title text NOT NULL);
INSERT INTO seed_title (title) VALUES
  ('SEXUAL ASSAULT ON A FEMALE 13 OR OVER'),  -- s3 on a female 13+: 020/05 (20A); touching, so no penetration fact
  ('RAPE OF FEMALE CHILD AGED 13-15'),  -- s1, female 13-15 lies inside 019/07 'aged under 16' (19D); u13 would be s5 019/16; rape is penetrative by definition (implied)
  ('SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER 18+ PENETRATION'),  -- s9 female, adult offender, penetration stated: 022/06
  ('SEXUAL ASSAULT ON FEMALE CHILD UNDER 13'),  -- s7 female u13: 020/06 (20B)
  ('RAPE OF FEMALE 16 OR OVER'),  -- s1 female 16+: 019/08 (19C)
  ('RAPE OF FEMALE CHILD UNDER 13 BY A MALE'),  -- s5 female u13; 'BY A MALE' is the offender, not the victim: 019/16 (19E)
  ('SEXUAL ASSAULT ON A MALE 13+'),  -- s3 male 13+: 017/15 (17A)
  ('ASSAULT ON A FEMALE 13+ BY PENETRATION'),  -- s2 female 13+: 020/03, penetration stated
  ('EXPOSURE'),  -- s66: 088/09 (88E)
  ('CAUSE FEMALE U16 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION - OFFENDER 18+'),  -- s10 female, no penetration, adult: 022/20
  ('CAUSE SEXUAL ACTIVITY FEMALE U16 - OFFENDER 18+'),  -- s10 female adult; the force has a separate NO PENETRATION title, so this is the penetration code 022/08 (implied)
  ('SEXUAL ASSAULT ON A MALE CHILD U13'),  -- s7 male u13: 017/16 (17B)
  ('ASSAULT ON FEMALE CHILD UNDER 13 BY PENETRATION'),  -- s6 female u13: 020/04
  ('RAPE OF MALE CHILD AGED 13-15'),  -- s1 male 13-15 inside 'under 16': 019/09 (19G)
  ('CAUSE FEMALE U13 ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION'),  -- s8 female u13 no penetration, offender age not stated = the HO base code 021/03 (the U18 variant says so)
  ('CAUSE/INCITE CHILD PROSTITUTION OR PORNOGRAPHY 13-17'),  -- s48 (renamed 'sexual exploitation of a child' in 2015), child 13-17: 071/08
  ('RAPE OF MALE CHILD UNDER 13 BY A MALE'),  -- s5 male u13: 019/17 (19H)
  ('SEXUAL ACTIVITY WITH FEMALE CHILD U16 - NO PENETRATION - OFFENDER 18 OR OVER'),  -- s9 female no penetration adult: 022/18
  ('MEETING A FEMALE U16 FOLLOWING SEXUAL GROOMING, OFFENDER 18+'),  -- s15 female: 088/01 (88A)
  ('SEXUAL ACTIVITY WITH MALE U16 - OFFENDER 18+'),  -- s9 male adult, no 'no penetration': penetration code 022/07 (implied)
  ('ATTEMPT RAPE OF FEMALE CHILD AGED 13-15'),  -- attempted s1 female under 16: 019/11; no penetration fact for an attempt
  ('SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER U18'),  -- s13 (via s9) female, offender under 18, penetration variant 022/12 (implied); a real conflict in a table titled 18+ offenders
  ('CAUSE MALE U16 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION - OFFENDER 18+'),  -- s10 male no penetration adult: 022/21
  ('ENGAGE IN SEXUAL ACTIVITY IN PRESENCE OF CHILD U13 - OFFENDER 18+'),  -- s11 u13 adult: 021/10; sex not needed (code is sex-neutral)
  ('VOYEURISM'),  -- s67: 088/10
  ('CAUSE FEMALE CHILD U13 TO ENGAGE IN SEXUAL ACTIVITY'),  -- s8 female u13, penetration code 021/02 (sibling 021/03 says no penetration)
  ('ENGAGE IN SEXUAL ACTIVITY IN PRESENCE OF CHILD 13-15 - OFFENDER 18+'),  -- s11 13-15 inside under 16: 022/10
  ('CAUSE CHILD U16 TO WATCH SEXUAL ACT - OFFENDER 18+'),  -- s12 under 16 adult: 022/11
  ('CAUSE MALE U13 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION'),  -- s8 male u13 no penetration: 021/05
  ('ABUSE OF TRUST: SEXUAL ACTIVITY WITH FEMALE 13-17 OFFENDER 18+'),  -- s16 female 13-17: 073/07
  ('ATTEMPT RAPE OF FEMALE 16 OR OVER'),  -- attempted s1 female 16+: 019/12 (19C)
  ('CAUSE CHILD U13 TO WATCH SEXUAL ACT - OFFENDER 18+'),  -- s12 u13 adult: 021/11
  ('SEXUAL ACTIVITY WITH MALE CHILD U16 - NO PENETRATION - OFFENDER 18 OR OVER'),  -- s9 male no penetration adult: 022/19
  ('CAUSE SEXUAL ACTIVITY MALE U16 - OFFENDER 18+'),  -- s10 male adult: 022/09 'Male child' (its sibling 022/21 says no penetration), implied
  ('MEETING A MALE U16 FOLLOWING SEXUAL GROOMING, OFFENDER 18+'),  -- s15 male: 088/02
  ('ATTEMPT RAPE OF FEMALE CHILD UNDER 13 BY A MALE'),  -- attempted s5 female u13: 019/18 (19E)
  ('TRAFFICKING WITHIN UK FOR SEXUAL EXPLOITATION'),  -- SOA 2003 s58, repealed by the Modern Slavery Act 2015; not in the 2026 list: family only, no code
  ('SEXUAL ACTIVITY WITH FEMALE U13 - OFFENDER 18+'),  -- s9 covers every child under 16 (s9(1)(c)(ii) names under-13s); the 2026 list's only adult code is 022/06; victim age kept as stated
  ('SEXUAL ACTIVITY WITH FEMALE FAMILY MEMBER 13-17, OFFENDER 18+'),  -- s25 female 13-17 adult, penetration variant 023/04 (sibling 023/22 says no penetration)
  ('RAPE OF MALE 16 OR OVER'),  -- s1 male 16+: 019/10 (19F)
  ('ABUSE OF TRUST: CAUSE FEMALE 13-17 TO ENGAGE IN SEXUAL ACTIVITY OFFENDER 18+'),  -- s17 female 13-17: 073/09
  ('SEXUAL ACTIVITY WITH FEMALE FAMILY MEMBER 13-17, OFF 18+, NO PENETRATION'),  -- s25 female 13-17 adult no penetration: 023/22 ('OFF' = offender)
  ('ASSAULT ON A MALE 13+ BY PENETRATION'),  -- s2 male 13+: 017/13 (17A)
  ('SEXUAL ACTIVITY WITH MALE U13 - OFFENDER 18+'),  -- as the female u13 title: s9, 022/07
  ('ARRANGE/FACILITATE CHILD 13-17 PROSTITUTION OR PORNOGRAPHY'),  -- s50 child 13-17: 071/10
  ('CAUSE FEMALE 16+ TO ENGAGE IN SEXUAL ACTIVITY W/O CONSENT'),  -- s4 female ('W/O' = without), penetration variant 022/02
  ('CAUSE MALE U13 ENGAGE IN SEXUAL ACTIVITY'),  -- s8 male u13 penetration variant 021/04
  ('SEXUAL ACTIVITY WITH FEMALE CHILD U13 - NO PENETRATION - OFFENDER U18'),  -- s13 u13 female no penetration: 021/22
  ('CONTROL CHILD 13-17 PROSTITUTE OR INVOLVED IN PORNOGRAPHY'),  -- s49 child 13-17: 071/09
  ('CAUSE MALE CHILD U16 SEX. ACTIVITY-NO PENETRATION-OFFENDER U18'),  -- s13 (via s10) male no penetration offender u18: 022/25 (glued dashes, 'SEX.')
  ('ARRANGING OR FACILITATING THE COMMISSION OF A CHILD SEX OFFENCE'),  -- s14: 071/01, the code of the original wording (the 2026 list added ' - sexual assault')
  ('ABUSE OF TRUST: SEXUAL ACTIVITY WITH MALE 13-17 OFFENDER 18+'),  -- s16 male 13-17: 073/08
  ('SEXUAL ACTIVITY WITH FEMALE FAMILY MEMBER U13 - OFFENDER 18+'),  -- s25 female u13 adult penetration variant: 023/14
  ('CAUSE CHILD U16 TO WATCH SEXUAL ACT - OFFENDER U18'),  -- s12 by an offender under 18: 022/17
  ('ATTEMPT RAPE OF MALE AGED 13-15'),  -- attempted s1 male under 16: 019/13
  ('CAUSE FEMALE CHILD U13 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION - OFF. 18+'),  -- s8 female u13 no penetration adult: 021/03 ('OFF.' = offender)
  ('ATTEMPT RAPE OF MALE CHILD UNDER 13 BY A MALE'),  -- attempted s5 male u13: 019/19
  ('INCITE FEMALE FAMILY 13-17 SEXUAL ACTIVITY, OFFENDER 18+, NO PENETRATION'),  -- s26 female 13-17 adult no penetration: 023/26
  ('CAUSE SEXUAL ACTIVITY FEMALE U16 - OFFENDER U18'),  -- s13 (via s10) female offender u18 penetration variant: 022/14
  ('CAUSE MALE 16+ TO ENGAGE IN SEXUAL ACTIVITY W/O CONSENT'),  -- s4 male penetration variant: 022/03
  ('SOLICITING ANOTHER PURPOSE OF OBTAIN SEX AS A PROSTITUTE IN PUBLIC PLACE'),  -- s51A: 167/01 (class 27)
  ('ADMINISTERING A SUBSTANCE WITH INTENT'),  -- s61: 088/05 (88C)
  ('ENGAGE IN SEXUAL ACTIVITY IN PRESENCE OF CHILD U16 - OFFENDER U18'),  -- s11 by an offender under 18: 022/16 (the list's title says 'offender under 16')
  ('SEXUAL ACTIVITY WITH FEMALE FAMILY MEMBER U13, OFF 18+ NO PENETRATION'),  -- s25 female u13 adult no penetration: 023/24
  ('INCITE FEMALE FAMILY MEMBER 13-17 ENGAGE IN SEXUAL ACTIVITY, OFFENDER 18+'),  -- s26 female 13-17 adult penetration variant: 023/08
  ('CAUSE MALE 16+ TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION'),  -- consent not stated, but causing a person 16+ to engage is only an offence under s4: 022/05, and the reason says so
  ('ASSAULT ON A MALE CHILD U13 BY PENETRATION'),  -- s6 male u13: 017/14 (17B)
  ('CAUSE MALE CHILD U13 TO ENGAGE IN SEXUAL ACTIVITY - OFFENDER 18+ NO PENETRATION'),  -- s8 male u13 no penetration: 021/05
  ('ENGAGE IN SEXUAL ACTIVITY IN THE PRESENCE OF CHILD U13 - OFFENDER U18'),  -- s13 (via s11) u13: 021/16
  ('ABUSE OF TRUST: CAUSE CHILD 13-17 TO WATCH A SEXUAL ACTIVITY - OFFENDER 18+'),  -- s19 13-17: 073/12
  ('CAUSING OR INCITING CHILD PROSTITUTION OR PORNOGRAPHY U13'),  -- s48 child u13: 071/11
  ('ABUSE OF TRUST: CAUSE MALE 13-17 TO ENGAGE IN SEXUAL ACTIVITY - OFFENDER 18+'),  -- s17 male 13-17: 073/10
  ('INCITE SEXUAL ACTIVITY FEMALE FAMILY MEMBER 13-17, OFFENDER U18'),  -- s26 female 13-17 offender u18, penetration variant 023/36 (the no-penetration one is 023/10)
  ('ATTEMPT RAPE MALE 16 OR OVER'),  -- attempted s1 male 16+: 019/14
  ('TRAFFICKING INTO THE UK FOR SEXUAL EXPLOITATION'),  -- SOA 2003 s57, repealed 2015; no code in the 2026 list
  ('SEXUAL ACTIVITY WITH MALE FAMILY MEMBER U13, OFFENDER 18+'),  -- s25 male u13 adult penetration variant: 023/15
  ('SEXUAL ACTIVITY WITH MALE FAMILY U13, OFFENDER 18+, NO PENETRATION'),  -- s25 male u13 adult no penetration: 023/25 ('FAMILY' without 'MEMBER')
  ('SEXUAL ACTIVITY WITH FEMALE U13 - OFFENDER UNDER18'),  -- s13 female u13 offender u18 ('UNDER18' glued), penetration variant 021/12
  ('CONTROLLING PROSTITUTION FOR GAIN');  -- s53: 024/18

-- Full classification, one row per title (expanded narrow so the expected file reads as a table).
SELECT s.n, s.title, c.ho_code, c.ho_class, c.ons_group, c.family, c.victim_sex AS sex,
       c.victim_age AS vage, c.offender_age AS oage, c.penetration AS pen,
       c.penetration_source AS pen_src, c.attempt AS att, c.matched_by, c.unparsed, c.reason
  FROM seed_title s, LATERAL foistats.classify(s.title) c
 ORDER BY s.n;

-- The fast accessors agree with classify() on every title.
SELECT count(*) AS titles,
       count(*) FILTER (WHERE foistats.ho_class(title) IS NOT DISTINCT FROM (foistats.classify(title)).ho_class
                          AND foistats.ho_code(title) IS NOT DISTINCT FROM (foistats.classify(title)).ho_code
                          AND foistats.offence_family(title) IS NOT DISTINCT FROM (foistats.classify(title)).family) AS accessors_agree,
       count(*) FILTER (WHERE foistats.is_sexual_offence(title)) AS sexual,
       count(foistats.ho_code(title)) AS with_code
  FROM seed_title;

-- The table is titled '18+ year olds': titles that say the offender was under 18 contradict it.
SELECT title, (foistats.classify(title)).offender_age
  FROM seed_title
 WHERE upper((foistats.classify(title)).offender_age) <= 18
 ORDER BY n;
