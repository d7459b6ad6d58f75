-- foistats.bind_records: the record interface over a force's table with its own column names.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;
SET datestyle = 'ISO, YMD';
\set SHOW_CONTEXT never

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
      "victim_age": "VictimAge", "offender_age": "SuspectAge", "markers": "SIM",
      "mo": "MO_Text", "is_crime": "Crime?"}');
-- Unmapped optional fields are NULL of the interface type; mapped ones are cast.
SELECT * FROM bound_a.records ORDER BY crime_ref;
SELECT attname, format_type(atttypid, atttypmod)
  FROM pg_attribute WHERE attrelid = 'bound_a.records'::regclass AND attnum > 0 ORDER BY attnum;

-- Re-binding replaces the view (same columns), e.g. after renaming a column.
ALTER TABLE records_test.force_crimes RENAME COLUMN "MO_Text" TO mo_text;
SELECT foistats.bind_records('bound_a', 'records_test.force_crimes',
    '{"crime_ref": "CrimeNo", "recorded_on": "DateRecorded", "offence": "OffenceDesc",
      "victim_age": "VictimAge", "offender_age": "SuspectAge", "markers": "SIM",
      "mo": "mo_text", "is_crime": "Crime?"}');
SELECT crime_ref, mo FROM bound_a.records ORDER BY crime_ref;

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

DROP SCHEMA bound_a CASCADE;
DROP SCHEMA records_test CASCADE;
