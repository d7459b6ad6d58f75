-- Set-up of the load run (test/load.sh): a force's records with two rolled-up
-- questions, and the check a reader runs in every transaction.
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 100000
\endif
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;

-- Ten years of records.  'LOAD OFFENCE' is a title the Home Office list does
-- not know: it counts as a sexual offence only while an override says so
-- (the editors add and remove it); 'loadchat' in the MO text is a platform
-- only while the platforms dictionary has it (likewise).
CREATE SCHEMA force;
CREATE TABLE force.crime (
    crime_ref    text PRIMARY KEY,
    recorded_on  date NOT NULL,
    offence      text,
    victim_age   int,
    offender_age int,
    mo           text,
    is_crime     boolean NOT NULL DEFAULT true
);
CREATE INDEX ON force.crime (recorded_on);
INSERT INTO force.crime
SELECT 'C/' || g,
       date '2015-01-01' + (g::bigint * 7919 % 3653)::int,
       (ARRAY['RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 'SEXUAL ASSAULT ON A FEMALE 13 OR OVER',
              'SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER 18+ PENETRATION', 'EXPOSURE',
              'COMMON ASSAULT', 'LOAD OFFENCE'])[1 + g % 6],
       (g * 31) % 30, 18 + (g * 17) % 60,
       (ARRAY['met on facebook', 'snapchat then whatsapp', 'no internet', 'met on loadchat', NULL])[1 + g % 5],
       g % 29 <> 0
  FROM generate_series(1, :rows) g;
VACUUM ANALYZE force.crime;
CREATE SEQUENCE force.ref_seq;

SELECT foistats.bind_records('foi', 'force.crime') \g /dev/null
SELECT foistats.define_request('load', '{"title": "Load run",
  "period": {"from": "2015-01-01", "to": "2024-12-31"},
  "protect": false,
  "questions": [
    {"id": "1", "population": "victim_age < 18 AND offender_age >= 18 AND foistats.is_sexual_offence(offence)",
     "rows": "offence"},
    {"id": "2", "population": "victim_age < 18 AND foistats.is_sexual_offence(offence)",
     "rows": {"terms": "platforms"}}]}') \g /dev/null
SELECT q, foistats.create_rollup('load', q, 'foi.records') AS months FROM unnest('{1,2}'::text[]) q;
SELECT count(*) AS views FROM foistats.create_request_views('foi', 'load');

-- The same questions by plain SQL (GROUP BY, the dictionary applied by
-- foistats.mentions): (question, row_label, year, n), zero cells left out.
CREATE VIEW direct AS
SELECT '1' AS question, coalesce(r.offence, 'Not recorded') AS row_label,
       extract(year FROM r.recorded_on)::int::text AS col_label, count(*) AS n
  FROM foi.records r
 WHERE r.is_crime AND r.recorded_on BETWEEN '2015-01-01' AND '2024-12-31'
   AND r.victim_age < 18 AND r.offender_age >= 18 AND foistats.is_sexual_offence(r.offence)
 GROUP BY 1, 2, 3
UNION ALL
SELECT '2', t.term, extract(year FROM r.recorded_on)::int::text, count(*)
  FROM foi.records r, unnest(foistats.mentions(r.mo, 'platforms')) t(term)
 WHERE r.is_crime AND r.recorded_on BETWEEN '2015-01-01' AND '2024-12-31'
   AND r.victim_age < 18 AND foistats.is_sexual_offence(r.offence)
 GROUP BY 1, 2, 3;

-- The request's answers (from the roll-ups while they are current), in the
-- same shape.
CREATE VIEW answered AS
SELECT q AS question, c.row_label, c.col_label, c.n
  FROM unnest('{1,2}'::text[]) q,
       LATERAL foistats.rows(foistats.request_xtab('load', q, 'foi.records')) c
 WHERE c.n <> 0;

-- What a reader checks in each of its transactions (REPEATABLE READ: one
-- snapshot): the answers equal the plain SQL, or an error (which pgbench
-- counts and test/load.sh reports).
CREATE FUNCTION load_check() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    bad bigint;
    total bigint;
BEGIN
    SELECT count(*) INTO bad FROM
      ((SELECT * FROM answered EXCEPT ALL SELECT * FROM direct)
       UNION ALL (SELECT * FROM direct EXCEPT ALL SELECT * FROM answered)) d;
    IF bad > 0 THEN
        RAISE EXCEPTION 'load_check: % cells of the answers differ from the plain SQL', bad;
    END IF;
    SELECT sum(n) INTO total FROM answered;
    RETURN total;
END
$$;
SELECT load_check() AS figures_sum;
