-- Benchmark of a stored request against the hand-written cross-tab it
-- stands for.  Run by test/bench/request.sh; prints the ratio measured in
-- this run (best of :reps after a warm-up) and checks the answers agree.
\set default_rows 2000000
\set default_reps 5
\ir prelude.sql

-- A force's table: its own column names, offence titles, ages, outcomes.
CREATE SCHEMA force;
CREATE TABLE force.crime AS
SELECT 'C/' || g AS ref,
       date '2015-01-01' + (g::bigint * 7919 % 3650)::int AS recorded,
       (ARRAY['RAPE OF FEMALE 16 OR OVER', 'SEXUAL ASSAULT ON A FEMALE 13 OR OVER',
              'RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 'EXPOSURE', 'COMMON ASSAULT',
              'THEFT FROM THE PERSON', 'CRIMINAL DAMAGE TO A VEHICLE', 'SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER 18+ PENETRATION'])[1 + g % 8] AS title,
       (g * 31) % 90 AS vic_age, 18 + (g * 17) % 60 AS sus_age,
       (ARRAY['1', '15', '16', NULL, '21', '22'])[1 + g % 6] AS outcome,
       g % 29 <> 0 AS is_crime
  FROM generate_series(1, :rows) g;
VACUUM (FREEZE, ANALYZE) force.crime;
SELECT foistats.bind_records('foi', 'force.crime',
  '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "victim_age": "vic_age",
    "offender_age": "sus_age"}') \g /dev/null
SELECT foistats.define_request('bench', '{"title": "Sexual offences against children by offence and year",
  "period": {"from": "2015-01-01", "to": "2024-12-31"},
  "questions": [{"id": "1", "population": "victim_age < 18 AND offender_age >= 18 AND foistats.is_sexual_offence(offence)",
                 "rows": "offence"}]}') \g /dev/null
SELECT count(*) AS records, pg_size_pretty(pg_relation_size('force.crime')) AS table_size FROM force.crime;

CREATE TEMP TABLE contender (name text PRIMARY KEY, query text);
INSERT INTO contender VALUES
  ('hand_written', $q$SELECT foistats.xtab(coalesce(r.offence, 'Not recorded'), r.recorded_on)
                       FROM foi.records r
                      WHERE r.is_crime AND r.recorded_on BETWEEN '2015-01-01' AND '2024-12-31'
                        AND r.victim_age < 18 AND r.offender_age >= 18 AND foistats.is_sexual_offence(r.offence)$q$),
  ('request_xtab', $q$SELECT foistats.request_xtab('bench', '1', 'foi.records')$q$),
  ('request_view', $q$SELECT xtab FROM foi.q1_xtab$q$);
SELECT count(*) FROM foistats.create_request_views('foi', 'bench') \g /dev/null

CREATE TEMP TABLE timing (name text PRIMARY KEY, ms float8);
DO $$
DECLARE
  c record;
  t0 timestamptz;
  ms float8;
BEGIN
  FOR round IN 0 .. current_setting('bench.reps')::int LOOP
    FOR c IN SELECT * FROM contender ORDER BY name LOOP
      t0 := clock_timestamp();
      EXECUTE c.query;
      ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
      IF round > 0 THEN
        INSERT INTO timing VALUES (c.name, ms)
          ON CONFLICT (name) DO UPDATE SET ms = least(timing.ms, excluded.ms);
      END IF;
    END LOOP;
  END LOOP;
END $$;

-- the answers agree, cell for cell (the request adds only its title/footnotes)
SELECT count(*) AS differing_figures
  FROM foistats.reconcile((SELECT foistats.request_xtab('bench', '1', 'foi.records')),
                          (SELECT foistats.xtab(coalesce(r.offence, 'Not recorded'), r.recorded_on)
                             FROM foi.records r
                            WHERE r.is_crime AND r.recorded_on BETWEEN '2015-01-01' AND '2024-12-31'
                              AND r.victim_age < 18 AND r.offender_age >= 18 AND foistats.is_sexual_offence(r.offence))) x
 WHERE status <> 'match';

SELECT name, round(ms::numeric, 1) AS best_ms FROM timing ORDER BY ms;
\pset format unaligned
\pset tuples_only on
\pset fieldsep '\n'
SELECT format('ratio request_xtab / hand-written xtab query   %s  (target <= 1.1)',
              round((t.request_xtab / t.hand_written)::numeric, 3)),
       format('ratio request view (q1_xtab) / hand-written    %s',
              round((t.request_view / t.hand_written)::numeric, 3))
  FROM (SELECT max(ms) FILTER (WHERE name = 'hand_written') AS hand_written,
               max(ms) FILTER (WHERE name = 'request_xtab') AS request_xtab,
               max(ms) FILTER (WHERE name = 'request_view') AS request_view
          FROM timing) t;
