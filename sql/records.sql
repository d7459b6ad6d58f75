-- foistats.bind_records: the record interface over a force's table with its own column names.
\i sql/include/records_prelude.sql

SELECT position, name, type, required FROM foistats.record_field ORDER BY position;

CREATE SCHEMA records_test;
-- A force's table: every column named its own way, ages stored as text.
CREATE TABLE records_test.force_crimes (
    "CrimeNo"      varchar(20) PRIMARY KEY,
    "DateRecorded" date,
    "OffenceDesc"  text,
    "VictimAge"    text,
    "SuspectAge"   smallint,
    "SIM"          text[],
    "MO_Text"      text,
    "Crime?"       boolean,
    unrelated      int
);
INSERT INTO records_test.force_crimes VALUES
 ('A/1', '2012-03-04', 'RAPE OF FEMALE CHILD UNDER 13 BY A MALE', '9', 34, '{INTERNET INVOLVED}', 'Met via Facebook', true, 1),
 ('A/2', '2013-07-01', 'EXPOSURE', NULL, 51, NULL, NULL, false, 2);

SELECT foistats.bind_records('bound_a', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": "DateRecorded", "offence": "OffenceDesc",
      "victim_age": {"expr": "\"VictimAge\"::integer"}, "offender_age": "SuspectAge", "markers": "SIM",
      "mo": "MO_Text", "is_crime": "Crime?"}');
-- Unmapped optional fields are NULL of the interface type; mapped ones are cast; the
-- table's other columns (unrelated) pass through.  Ages stored as text are bound
-- with an expression (a text column bound to an integer field is refused, below).
SELECT * FROM bound_a.records ORDER BY crime_ref;
SELECT attname, format_type(atttypid, atttypmod)
  FROM pg_attribute WHERE attrelid = 'bound_a.records'::regclass AND attnum > 0 ORDER BY attnum;

-- Re-binding replaces the view (same columns), e.g. after renaming a column.
ALTER TABLE records_test.force_crimes RENAME COLUMN "MO_Text" TO mo_text;
SELECT foistats.bind_records('bound_a', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": "DateRecorded", "offence": "OffenceDesc",
      "victim_age": {"expr": "\"VictimAge\"::integer"}, "offender_age": "SuspectAge", "markers": "SIM",
      "mo": "mo_text", "is_crime": "Crime?"}');
SELECT crime_ref, mo FROM bound_a.records ORDER BY crime_ref;
-- A new column of the table passes through once re-bound (the view is
-- re-created); while another view depends on the records view, that is an
-- error saying what to do.
ALTER TABLE records_test.force_crimes ADD COLUMN location_type text DEFAULT 'STREET';
CREATE VIEW records_test.dependent AS SELECT crime_ref FROM bound_a.records;
\set VERBOSITY default
SELECT foistats.bind_records('bound_a', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": "DateRecorded", "offence": "OffenceDesc",
      "victim_age": {"expr": "\"VictimAge\"::integer"}, "offender_age": "SuspectAge", "markers": "SIM",
      "mo": "mo_text", "is_crime": "Crime?"}');
\set VERBOSITY terse
DROP VIEW records_test.dependent;
SELECT foistats.bind_records('bound_a', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": "DateRecorded", "offence": "OffenceDesc",
      "victim_age": {"expr": "\"VictimAge\"::integer"}, "offender_age": "SuspectAge", "markers": "SIM",
      "mo": "mo_text", "is_crime": "Crime?"}');
SELECT crime_ref, location_type FROM bound_a.records ORDER BY crime_ref;

-- Bad bindings are refused with the reason.
\set VERBOSITY default
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes', '{"victim_dob": "x"}');
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes', '{"crime_ref": "CrimeNumber"}');
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes', '{"crime_ref": "CrimeNo"}');
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes', '["CrimeNo"]');
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes', '{"crime_ref": 1}');
SELECT foistats.bind_records('foistats', 'records_test.force_crimes', '{}');
SELECT foistats.bind_records('bound_b', 'records_test.no_such_table', '{}');
-- A value that does not fit the interface type fails when read, naming the value.
UPDATE records_test.force_crimes SET "VictimAge" = 'about ten' WHERE "CrimeNo" = 'A/1';
SELECT crime_ref, victim_age FROM bound_a.records;
\set VERBOSITY terse

-- Types are checked when binding: a text column cannot be a date or an age.
\set VERBOSITY default
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": "OffenceDesc", "is_crime": "Crime?"}');
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": "DateRecorded", "victim_age": "VictimAge", "is_crime": "Crime?"}');
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": "DateRecorded", "is_crime": {"expr": "\"Crime?\" OR"}}');
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": "DateRecorded", "is_crime": {"expr": "true); DROP TABLE records_test.force_crimes; SELECT (true"}}');
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": {"value": "yesterday-ish"}, "is_crime": {"value": true}}');
SELECT foistats.bind_records('bound_b', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": "DateRecorded", "is_crime": "Crime?"}', time_zone => 'Mars/Olympus');

-- Outcomes must be Home Office outcome types: 'OC15' is refused at bind time,
-- naming the value and a crime that has it; a mapping expression fixes it.
CREATE TABLE records_test.outcomes ("Ref" text, "Rec" timestamptz, "Out" text, location_type text);
INSERT INTO records_test.outcomes VALUES
  ('B/1', '2024-03-31 23:30:00+00', '1', 'HOSPITAL'),
  ('B/2', '2024-04-01 00:30:00+01', 'OC15', 'STREET'),
  ('B/3', '2024-06-30 23:30:00+00', ' 1a ', 'HOSPITAL'),
  ('B/4', '2024-07-01 12:00:00+00', NULL, NULL);
SELECT foistats.bind_records('bound_c', 'records_test.outcomes',
    '{"crime_ref": "Ref", "recorded_on": "Rec", "outcome": "Out", "is_crime": {"value": true}}');
\set VERBOSITY terse
SELECT foistats.bind_records('bound_c', 'records_test.outcomes',
    '{"crime_ref": "Ref", "recorded_on": "Rec", "is_crime": {"value": true},
      "outcome": {"expr": "CASE WHEN \"Out\" ~ ''^OC'' THEN substr(\"Out\", 3) ELSE \"Out\" END"}}');
-- A timestamptz recorded date is read in Europe/London whatever the session's
-- time zone: 23:30 UTC on 31 March is 00:30 on 1 April in London (BST), so
-- B/1 falls in 2024/25, the first day of the financial year.
SET TimeZone = 'UTC';
SELECT crime_ref, recorded_on, outcome, location_type, foistats.period(recorded_on, 'fy') AS fy
  FROM bound_c.records ORDER BY crime_ref;
SET TimeZone = 'Pacific/Auckland';
SELECT crime_ref, recorded_on, outcome, location_type, foistats.period(recorded_on, 'fy') AS fy
  FROM bound_c.records ORDER BY crime_ref;
RESET TimeZone;
-- Outcome labels and groups; an unknown type read through the view is an
-- error naming the crime; check_outcomes lists unknown codes.
SELECT crime_ref, foistats.outcome_label(outcome, crime_ref), foistats.outcome_group(outcome, crime_ref)
  FROM bound_c.records ORDER BY crime_ref;
SELECT foistats.bind_records('bound_c', 'records_test.outcomes',
    '{"crime_ref": "Ref", "recorded_on": "Rec", "outcome": "Out", "is_crime": {"value": true}}',
    check_values => false);
SELECT * FROM foistats.check_outcomes('bound_c.records');
SELECT crime_ref, foistats.outcome_label(outcome, crime_ref) FROM bound_c.records ORDER BY crime_ref;
-- The same binding in another time zone setting of the binding.
SELECT foistats.bind_records('bound_d', 'records_test.outcomes',
    '{"crime_ref": "Ref", "recorded_on": "Rec", "is_crime": {"value": true}}', time_zone => 'UTC');
SELECT crime_ref, recorded_on FROM bound_d.records ORDER BY crime_ref;
DROP SCHEMA bound_c CASCADE;
DROP SCHEMA bound_d CASCADE;

DROP SCHEMA bound_a CASCADE;
DROP SCHEMA records_test CASCADE;
