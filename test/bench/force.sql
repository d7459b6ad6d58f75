-- The force's table of the request, roll-up and scale benchmarks (\ir
-- force.sql after prelude.sql, with :rows set): force.crime, with the
-- force's own column names; pg_temp.records(lo, hi), rows lo..hi of the
-- records one formula makes (dates over the ten years 2015-2024, eight
-- offence titles, ages, outcomes, one in 29 not a crime); the first :rows of
-- them loaded; the table bound as foi.records; the request 'bench', the
-- ten-year question the benchmarks time; and the view group_by, the same
-- question in plain SQL (GROUP BY offence and year).
CREATE SCHEMA force;
CREATE TABLE force.crime (ref text, recorded date, title text, vic_age int, sus_age int, outcome text, is_crime boolean);
CREATE FUNCTION pg_temp.records(lo bigint, hi bigint) RETURNS SETOF force.crime LANGUAGE sql AS $$
  SELECT 'C/' || g, date '2015-01-01' + (g * 7919 % 3653)::int,
         (ARRAY['RAPE OF FEMALE 16 OR OVER', 'SEXUAL ASSAULT ON A FEMALE 13 OR OVER',
                'RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 'EXPOSURE', 'COMMON ASSAULT',
                'THEFT FROM THE PERSON', 'CRIMINAL DAMAGE TO A VEHICLE',
                'SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER 18+ PENETRATION'])[1 + g % 8],
         ((g * 31) % 90)::int, (18 + (g * 17) % 60)::int,
         (ARRAY['1', '15', '16', NULL, '21', '22'])[1 + g % 6], g % 29 <> 0
    FROM generate_series(lo, hi) g $$;
INSERT INTO force.crime SELECT * FROM pg_temp.records(1, :rows);
VACUUM (FREEZE, ANALYZE) force.crime;
SELECT foistats.bind_records('foi', 'force.crime',
  '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "victim_age": "vic_age",
    "offender_age": "sus_age"}') \g /dev/null
SELECT foistats.define_request('bench', '{"title": "Sexual offences against children by offence and year",
  "period": {"from": "2015-01-01", "to": "2024-12-31"},
  "questions": [{"id": "1", "population": "victim_age < 18 AND offender_age >= 18 AND foistats.is_sexual_offence(offence)",
                 "rows": "offence"}]}') \g /dev/null
CREATE VIEW group_by AS
SELECT r.offence, extract(year FROM r.recorded_on)::int AS year, count(*) AS n
  FROM foi.records r
 WHERE r.is_crime AND r.recorded_on BETWEEN '2015-01-01' AND '2024-12-31'
   AND r.victim_age < 18 AND r.offender_age >= 18 AND foistats.is_sexual_offence(r.offence)
 GROUP BY 1, 2;
