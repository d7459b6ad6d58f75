-- Benchmark: classifying 10M offence rows (~100 distinct titles) with foistats.ho_class
-- against grouping by the raw title, an SQL CASE ... ~ regex classification and a join to a
-- mapping table of titles.  Run by test/bench/classify.sh; prints times and ratios from one run.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;
SET max_parallel_workers_per_gather = 0;   -- one worker: compare like with like
SET work_mem = '64MB';

-- ~100 distinct titles: the seed response's 79 titles and Home Office list titles
CREATE TABLE bench_title AS
SELECT DISTINCT title FROM (
  SELECT unnest(ARRAY[
    'SEXUAL ASSAULT ON A FEMALE 13 OR OVER', 'RAPE OF FEMALE CHILD AGED 13-15',
    'SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER 18+ PENETRATION', 'SEXUAL ASSAULT ON FEMALE CHILD UNDER 13',
    'RAPE OF FEMALE 16 OR OVER', 'RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 'SEXUAL ASSAULT ON A MALE 13+',
    'ASSAULT ON A FEMALE 13+ BY PENETRATION', 'EXPOSURE',
    'CAUSE FEMALE U16 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION - OFFENDER 18+',
    'CAUSE SEXUAL ACTIVITY FEMALE U16 - OFFENDER 18+', 'SEXUAL ASSAULT ON A MALE CHILD U13',
    'ASSAULT ON FEMALE CHILD UNDER 13 BY PENETRATION', 'RAPE OF MALE CHILD AGED 13-15',
    'CAUSE FEMALE U13 ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION',
    'CAUSE/INCITE CHILD PROSTITUTION OR PORNOGRAPHY 13-17', 'RAPE OF MALE CHILD UNDER 13 BY A MALE',
    'SEXUAL ACTIVITY WITH FEMALE CHILD U16 - NO PENETRATION - OFFENDER 18 OR OVER',
    'MEETING A FEMALE U16 FOLLOWING SEXUAL GROOMING, OFFENDER 18+', 'SEXUAL ACTIVITY WITH MALE U16 - OFFENDER 18+',
    'ATTEMPT RAPE OF FEMALE CHILD AGED 13-15', 'SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER U18',
    'CAUSE MALE U16 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION - OFFENDER 18+',
    'ENGAGE IN SEXUAL ACTIVITY IN PRESENCE OF CHILD U13 - OFFENDER 18+', 'VOYEURISM',
    'CAUSE FEMALE CHILD U13 TO ENGAGE IN SEXUAL ACTIVITY',
    'ENGAGE IN SEXUAL ACTIVITY IN PRESENCE OF CHILD 13-15 - OFFENDER 18+',
    'CAUSE CHILD U16 TO WATCH SEXUAL ACT - OFFENDER 18+', 'CAUSE MALE U13 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION',
    'ABUSE OF TRUST: SEXUAL ACTIVITY WITH FEMALE 13-17 OFFENDER 18+', 'ATTEMPT RAPE OF FEMALE 16 OR OVER',
    'CAUSE CHILD U13 TO WATCH SEXUAL ACT - OFFENDER 18+',
    'SEXUAL ACTIVITY WITH MALE CHILD U16 - NO PENETRATION - OFFENDER 18 OR OVER',
    'CAUSE SEXUAL ACTIVITY MALE U16 - OFFENDER 18+', 'MEETING A MALE U16 FOLLOWING SEXUAL GROOMING, OFFENDER 18+',
    'ATTEMPT RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 'TRAFFICKING WITHIN UK FOR SEXUAL EXPLOITATION',
    'SEXUAL ACTIVITY WITH FEMALE U13 - OFFENDER 18+', 'SEXUAL ACTIVITY WITH FEMALE FAMILY MEMBER 13-17, OFFENDER 18+',
    'RAPE OF MALE 16 OR OVER', 'ABUSE OF TRUST: CAUSE FEMALE 13-17 TO ENGAGE IN SEXUAL ACTIVITY OFFENDER 18+',
    'SEXUAL ACTIVITY WITH FEMALE FAMILY MEMBER 13-17, OFF 18+, NO PENETRATION', 'ASSAULT ON A MALE 13+ BY PENETRATION',
    'SEXUAL ACTIVITY WITH MALE U13 - OFFENDER 18+', 'ARRANGE/FACILITATE CHILD 13-17 PROSTITUTION OR PORNOGRAPHY',
    'CAUSE FEMALE 16+ TO ENGAGE IN SEXUAL ACTIVITY W/O CONSENT', 'CAUSE MALE U13 ENGAGE IN SEXUAL ACTIVITY',
    'SEXUAL ACTIVITY WITH FEMALE CHILD U13 - NO PENETRATION - OFFENDER U18',
    'CONTROL CHILD 13-17 PROSTITUTE OR INVOLVED IN PORNOGRAPHY',
    'CAUSE MALE CHILD U16 SEX. ACTIVITY-NO PENETRATION-OFFENDER U18',
    'ARRANGING OR FACILITATING THE COMMISSION OF A CHILD SEX OFFENCE',
    'ABUSE OF TRUST: SEXUAL ACTIVITY WITH MALE 13-17 OFFENDER 18+',
    'SEXUAL ACTIVITY WITH FEMALE FAMILY MEMBER U13 - OFFENDER 18+', 'CAUSE CHILD U16 TO WATCH SEXUAL ACT - OFFENDER U18',
    'ATTEMPT RAPE OF MALE AGED 13-15',
    'CAUSE FEMALE CHILD U13 TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION - OFF. 18+',
    'ATTEMPT RAPE OF MALE CHILD UNDER 13 BY A MALE',
    'INCITE FEMALE FAMILY 13-17 SEXUAL ACTIVITY, OFFENDER 18+, NO PENETRATION',
    'CAUSE SEXUAL ACTIVITY FEMALE U16 - OFFENDER U18', 'CAUSE MALE 16+ TO ENGAGE IN SEXUAL ACTIVITY W/O CONSENT',
    'SOLICITING ANOTHER PURPOSE OF OBTAIN SEX AS A PROSTITUTE IN PUBLIC PLACE', 'ADMINISTERING A SUBSTANCE WITH INTENT',
    'ENGAGE IN SEXUAL ACTIVITY IN PRESENCE OF CHILD U16 - OFFENDER U18',
    'SEXUAL ACTIVITY WITH FEMALE FAMILY MEMBER U13, OFF 18+ NO PENETRATION',
    'INCITE FEMALE FAMILY MEMBER 13-17 ENGAGE IN SEXUAL ACTIVITY, OFFENDER 18+',
    'CAUSE MALE 16+ TO ENGAGE IN SEXUAL ACTIVITY - NO PENETRATION', 'ASSAULT ON A MALE CHILD U13 BY PENETRATION',
    'CAUSE MALE CHILD U13 TO ENGAGE IN SEXUAL ACTIVITY - OFFENDER 18+ NO PENETRATION',
    'ENGAGE IN SEXUAL ACTIVITY IN THE PRESENCE OF CHILD U13 - OFFENDER U18',
    'ABUSE OF TRUST: CAUSE CHILD 13-17 TO WATCH A SEXUAL ACTIVITY - OFFENDER 18+',
    'CAUSING OR INCITING CHILD PROSTITUTION OR PORNOGRAPHY U13',
    'ABUSE OF TRUST: CAUSE MALE 13-17 TO ENGAGE IN SEXUAL ACTIVITY - OFFENDER 18+',
    'INCITE SEXUAL ACTIVITY FEMALE FAMILY MEMBER 13-17, OFFENDER U18', 'ATTEMPT RAPE MALE 16 OR OVER',
    'TRAFFICKING INTO THE UK FOR SEXUAL EXPLOITATION', 'SEXUAL ACTIVITY WITH MALE FAMILY MEMBER U13, OFFENDER 18+',
    'SEXUAL ACTIVITY WITH MALE FAMILY U13, OFFENDER 18+, NO PENETRATION',
    'SEXUAL ACTIVITY WITH FEMALE U13 - OFFENDER UNDER18', 'CONTROLLING PROSTITUTION FOR GAIN']) AS title
  UNION ALL
  SELECT title FROM (SELECT DISTINCT title FROM foistats.ho_offence
                      WHERE family NOT IN ('non_sexual') ORDER BY title LIMIT 21) h) t;
SELECT count(*) AS distinct_titles FROM bench_title;

CREATE TABLE bench_offence AS
SELECT t.title AS offence, date '2010-01-01' + (i % 1800) AS committed
  FROM generate_series(0, 9999999) i
  JOIN (SELECT title, row_number() OVER (ORDER BY title) - 1 AS k FROM bench_title) t
    ON t.k = (hashint4(i) & 2147483647) % (SELECT count(*) FROM bench_title);
VACUUM ANALYZE bench_offence;
SELECT count(*) AS rows, round(avg(octet_length(offence)), 1) AS avg_bytes FROM bench_offence;

-- the mapping-table alternative: the same classes, precomputed per title
CREATE TABLE bench_map AS SELECT title, foistats.ho_class(title) AS ho_class FROM bench_title;
ALTER TABLE bench_map ADD PRIMARY KEY (title);
ANALYZE bench_map;

CREATE TABLE bench_result (n int, what text, seconds float8, groups bigint);
-- Runs q `reps` times and keeps the best time; every output column is consumed (hashed),
-- so the planner cannot drop the work of an unused column.
CREATE FUNCTION bench(n int, what text, q text, reps int DEFAULT 3) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; g bigint; best float8; d float8;
BEGIN
  FOR r IN 1 .. reps LOOP
    t0 := clock_timestamp();
    EXECUTE 'SELECT count(*) + sum(hashtext(s::text)) * 0 FROM (' || q || ') s' INTO g;
    d := extract(epoch FROM clock_timestamp() - t0);
    best := least(best, d);
  END LOOP;
  INSERT INTO bench_result VALUES (n, what, best, g);
END $$;

SELECT bench(0, 'warm-up scan', 'SELECT count(*) FROM bench_offence', 1);
SELECT bench(1, 'count(*) (scan floor)', 'SELECT count(*) FROM bench_offence');
SELECT bench(2, 'GROUP BY raw offence', 'SELECT offence, count(*) FROM bench_offence GROUP BY 1');
SELECT bench(3, 'GROUP BY foistats.ho_class(offence)',
             'SELECT foistats.ho_class(offence), count(*) FROM bench_offence GROUP BY 1');
SELECT bench(4, 'GROUP BY foistats.offence_family(offence)',
             'SELECT foistats.offence_family(offence), count(*) FROM bench_offence GROUP BY 1');
SELECT bench(5, 'join to mapping table of titles',
             'SELECT m.ho_class, count(*) FROM bench_offence o JOIN bench_map m ON m.title = o.offence GROUP BY 1');
SELECT bench(6, 'SQL CASE ... ~ regex',
$q$SELECT CASE
  WHEN offence ~* 'TRAFFICK' THEN NULL
  WHEN offence ~* 'ATTEMPT' AND offence ~* 'RAPE' AND offence ~* '\mMALE' AND offence ~* '(UNDER ?13|U13)' THEN '19H'
  WHEN offence ~* 'RAPE' AND offence ~* 'FEMALE' AND offence ~* '(UNDER ?13|U13)' THEN '19E'
  WHEN offence ~* 'RAPE' AND offence ~* 'FEMALE' AND offence ~* '(13-15|UNDER ?16|U16)' THEN '19D'
  WHEN offence ~* 'RAPE' AND offence ~* 'FEMALE' AND offence ~* '(16 OR OVER|16\+)' THEN '19C'
  WHEN offence ~* 'RAPE' AND offence ~* '(UNDER ?13|U13)' THEN '19H'
  WHEN offence ~* 'RAPE' AND offence ~* '(13-15|UNDER ?16|U16)' THEN '19G'
  WHEN offence ~* 'RAPE' THEN '19F'
  WHEN offence ~* 'ASSAULT' AND offence ~* 'FEMALE' AND offence ~* '(UNDER ?13|U13)' THEN '20B'
  WHEN offence ~* 'ASSAULT' AND offence ~* 'FEMALE' THEN '20A'
  WHEN offence ~* 'ASSAULT' AND offence ~* '(UNDER ?13|U13)' THEN '17B'
  WHEN offence ~* 'ASSAULT' THEN '17A'
  WHEN offence ~* 'TRUST' THEN '73'
  WHEN offence ~* 'FAMILY|RELATIVE' THEN '23'
  WHEN offence ~* 'GROOMING' THEN '88A'
  WHEN offence ~* 'PROSTITUT|PORNOGRAPH|EXPLOITATION' AND offence ~* 'CHILD' THEN '71'
  WHEN offence ~* 'PROSTITUT|BROTHEL' THEN '24'
  WHEN offence ~* 'W/O CONSENT|WITHOUT CONSENT|16\+' THEN '22A'
  WHEN offence ~* 'MENTAL' THEN '70'
  WHEN offence ~* 'SEXUAL' AND offence ~* '(UNDER ?13|U13)' AND offence ~* '(U18|UNDER ?18)' THEN '21'
  WHEN offence ~* 'CAUSE|INCITE|PRESENCE|WATCH' AND offence ~* '(UNDER ?13|U13)' THEN '21'
  WHEN offence ~* 'SEXUAL' AND offence ~* '(U16|UNDER ?16|13-15|U13)' THEN '22B'
  WHEN offence ~* 'EXPOSURE|VOYEUR' THEN '88E'
  WHEN offence ~* 'SUBSTANCE|INTENT' THEN '88C'
  WHEN offence ~* 'ANIMAL|CORPSE' THEN '88D'
  WHEN offence ~* 'INDECENT|IMAGE|PHOTO' THEN '86'
END AS ho_class, count(*) FROM bench_offence GROUP BY 1$q$, 1);

SELECT n, what, round(seconds::numeric, 2) AS seconds, groups,
       round((seconds / (SELECT seconds FROM bench_result WHERE n = 1))::numeric, 2) AS x_count,
       round((seconds / (SELECT seconds FROM bench_result WHERE n = 2))::numeric, 2) AS x_raw_group_by
  FROM bench_result WHERE n > 0 ORDER BY n;

SELECT round(((SELECT seconds FROM bench_result WHERE n = 3) /
             (SELECT seconds FROM bench_result WHERE n = 2))::numeric, 2) AS ho_class_vs_raw_group_by_target_le_1_3,
       round(((SELECT seconds FROM bench_result WHERE n = 6) /
              (SELECT seconds FROM bench_result WHERE n = 3))::numeric, 1) AS regex_vs_ho_class_target_ge_20,
       round(((SELECT seconds FROM bench_result WHERE n = 5) /
              (SELECT seconds FROM bench_result WHERE n = 3))::numeric, 2) AS join_vs_ho_class_target_ge_1_3;
SELECT * FROM foistats.classify_cache();
