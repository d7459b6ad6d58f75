-- The roll-up trigger keeps plans per session, keyed by roll-up id and
-- version.  When the extension is dropped and created again in the same
-- session (here in a schema it does not own, so even the schema's OID
-- stays), ids and versions start again: the kept plans of the old roll-ups
-- must not be taken for the new ones (the trigger drops everything it kept
-- when foistats.rollup is a new table).
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS foistats CASCADE;
CREATE SCHEMA foistats;
CREATE EXTENSION foistats;
RESET client_min_messages;
SET datestyle = 'ISO, YMD';

CREATE SCHEMA rforce;
CREATE TABLE rforce.crime (ref text, recorded date, title text, vic_age int);
INSERT INTO rforce.crime SELECT 'R/' || g, date '2021-01-01' + g % 365, (ARRAY['EXPOSURE', 'RAPE OF FEMALE 16 OR OVER'])[1 + g % 2], g % 30
  FROM generate_series(1, 200) g;

CREATE FUNCTION pg_temp.setup(population text) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  PERFORM foistats.bind_records('rfoi', 'rforce.crime',
    '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "victim_age": "vic_age", "is_crime": {"value": true}}');
  PERFORM foistats.define_request('again', jsonb_build_object('title', 'Offences', 'records', 'rfoi.records',
    'period', jsonb_build_object('from', '2021', 'to', '2021'),
    'questions', jsonb_build_array(jsonb_build_object('id', '1', 'rows', 'offence', 'population', population))));
  RETURN foistats.create_rollup('again', '1');
END $$;

-- the first life: a roll-up of the children's offences, its plans kept by a write
SELECT pg_temp.setup('victim_age < 16') AS months;
SELECT id, version FROM foistats.rollup;
INSERT INTO rforce.crime VALUES ('N/1', '2021-05-05', 'EXPOSURE', 10);
SELECT count(*) AS differences FROM foistats.check_rollup('again', '1');

-- the second life, in the same session: the same id and version, another question
DROP EXTENSION foistats CASCADE;
CREATE EXTENSION foistats;
SELECT pg_temp.setup('victim_age >= 16') AS months;
SELECT id, version FROM foistats.rollup;
INSERT INTO rforce.crime VALUES ('N/2', '2021-06-06', 'EXPOSURE', 20), ('N/3', '2021-06-07', 'EXPOSURE', 5);
SELECT count(*) AS differences FROM foistats.check_rollup('again', '1');
SELECT row_label, cells FROM foistats.wide(foistats.request_xtab('again', '1'));

-- as the other tests expect: the extension in a schema of its own
SET client_min_messages = warning;
DROP EXTENSION foistats CASCADE;
DROP SCHEMA rfoi CASCADE;
DROP SCHEMA rforce CASCADE;
DROP SCHEMA foistats;
CREATE EXTENSION foistats;
RESET client_min_messages;
