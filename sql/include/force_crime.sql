-- Shared prelude, not a test: a force's table with its own names (a
-- timestamptz recorded date, read in Europe/London; outcome codes as the
-- force writes them; MO text; a status that no-crimes a record; a location)
-- holding 900 records made by a formula (deterministic, not typed), bound as
-- the records view foi.records.
CREATE SCHEMA force;
CREATE TABLE force.crime (
    ref      text PRIMARY KEY,
    recorded timestamptz NOT NULL,
    title    text,
    vic_age  int,
    vic_sex  text,
    mo_text  text,
    outcome  text,
    status   text,
    location text
);
CREATE INDEX ON force.crime (recorded);
INSERT INTO force.crime
SELECT format('F/%s', g),
       timestamptz '2019-04-01 00:30:00+01' + (g * 13 % 1826) * interval '1 day',
       (ARRAY['RAPE OF FEMALE 16 OR OVER', 'RAPE OF FEMALE CHILD UNDER 13 BY A MALE',
              'SEXUAL COMMUNICATION WITH A CHILD', 'ASSAULT - NO INJURY', 'THEFT FROM THE PERSON'])[1 + g % 5],
       (g * 7) % 19,
       (ARRAY['F', 'M', 'Female', NULL])[1 + g % 4],
       (ARRAY['met on Snapchat', 'messages on WhatsApp and Instagram', NULL, 'no online contact'])[1 + g % 4],
       (ARRAY['1', '1A', '16', '15', NULL, '21', '1', '22'])[1 + g % 8],
       CASE WHEN g % 23 = 0 THEN 'NO CRIME' ELSE 'CRIME' END,
       CASE WHEN g % 3 = 0 THEN 'HOSPITAL' ELSE 'STREET' END
  FROM generate_series(1, 900) g;
SELECT foistats.bind_records('foi', 'force.crime',
  '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "victim_age": "vic_age",
    "victim_sex": "vic_sex", "mo": "mo_text", "is_crime": {"expr": "status = ''CRIME''"}}');
