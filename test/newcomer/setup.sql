\set ON_ERROR_STOP 1
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS foi CASCADE; DROP SCHEMA IF EXISTS published CASCADE;
DROP EXTENSION IF EXISTS foistats CASCADE;
CREATE EXTENSION foistats;
CREATE SCHEMA IF NOT EXISTS force;
CREATE TABLE IF NOT EXISTS force.crime_export (
  crime_no text PRIMARY KEY, ho_code_text text, offence_desc text, reported_at timestamptz, committed_from date,
  victim_dob date, victim_gender text, suspect_age int, outcome_code text, outcome_date date, mo_text text,
  location_type text, crime_status text, flags text, division text);
SELECT count(*) = 0 AS empty FROM force.crime_export \gset
\if :empty
\copy force.crime_export FROM pstdin (FORMAT csv, HEADER)
\endif
INSERT INTO foistats.ho_outcome (type, label, group_label, source) VALUES
 ('12', 'Named suspect too ill to prosecute', 'Prosecution prevented or not in the public interest', 'force codebook'),
 ('14', 'Evidential difficulties: suspect not identified; victim does not support further action', 'Evidential difficulties (victim does not support action)', 'force codebook'),
 ('18', 'Investigation complete - no suspect identified', 'Investigation complete - no suspect identified', 'force codebook'),
 ('20', 'Action undertaken by another body/agency', 'Action undertaken by another body/agency', 'force codebook');
UPDATE foistats.ho_outcome SET label = 'Evidential difficulties: suspect identified; victim supports action', group_label = 'Evidential difficulties (suspect identified; victim supports action)' WHERE type = '15';
UPDATE foistats.ho_outcome SET label = 'Evidential difficulties: suspect identified; victim does not support action', group_label = 'Evidential difficulties (victim does not support action)' WHERE type = '16';
CREATE SCHEMA foi;
SELECT foistats.bind_records('foi', 'force.crime_export',
  '{"crime_ref": "crime_no", "recorded_on": "reported_at", "offence": "offence_desc", "ho_code": "ho_code_text",
    "victim_age": {"expr": "date_part(''year'', age(committed_from, victim_dob))::int"},
    "offender_age": "suspect_age", "victim_sex": "victim_gender",
    "markers": {"expr": "string_to_array(nullif(flags, ''''), '';'')"},
    "mo": "mo_text", "outcome": "outcome_code",
    "is_crime": {"expr": "crime_status = ''CONFIRMED''"}}');
INSERT INTO foistats.term (dictionary, term, alias) VALUES
 ('weapons', 'Knife', NULL), ('weapons', 'Knife', 'kitchen knife'), ('weapons', 'Knife', 'blade'),
 ('weapons', 'Bottle/glass', NULL), ('weapons', 'Bottle/glass', 'glass bottle'), ('weapons', 'Bottle/glass', 'glass'), ('weapons', 'Bottle/glass', 'bottle'),
 ('weapons', 'Bat', NULL), ('weapons', 'Bat', 'baseball bat'),
 ('weapons', 'Brick/stone', 'brick'), ('weapons', 'Brick/stone', 'stone');
INSERT INTO foistats.term (dictionary, term, alias, exclude) VALUES ('weapons', 'Bat', 'bat mitzvah', true);
SELECT foistats.define_request('wx_2025_vwi_children', $${
  "title": "Violence with injury against children in 2024",
  "source": "Wessex FOI 0417-25 (invented)",
  "records": "foi.records",
  "period": {"from": "2024-01", "to": "2024-12"},
  "columns": "month",
  "fields": {"location_type": "text"},
  "protect": {"threshold": 5, "allow_totals": true},
  "questions": [
    {"id": "1", "text": "How many crimes of violence with injury against a victim under 18 were recorded in each month of 2024, by the victim's age (0-10, 11-15, 16-17)?",
     "title": "Violence with injury, victims under 18, by age of victim",
     "population": "(foistats.classify(coalesce(ho_code, offence))).ons_group = 'Violence with injury' AND victim_age < 18",
     "population_text": "violence with injury (ONS subgroup) against a victim under 18, age at the offence",
     "rows": {"dimension": "victim_age", "bands": ["0-10", "11-15", "16-17"]},
     "row_header": "Age of victim"},
    {"id": "2", "subset_of": "1", "text": "Of these, how many took place at a school or college?",
     "population": "location_type = 'SCHOOL/COLLEGE'",
     "rows": {"dimension": "victim_age", "bands": ["0-10", "11-15", "16-17"]}},
    {"id": "3", "subset_of": "1", "text": "How many were flagged as domestic abuse?",
     "measure": {"count": "'DA' = ANY(markers)", "name": "domestic"},
     "answer": "{3.domestic:Words} of the {3.crimes} crimes were flagged as domestic abuse."},
    {"id": "4", "subset_of": "1", "text": "What weapons were mentioned?", "rows": {"terms": "weapons"}, "columns": "quarter"}
  ]}$$);
SELECT foistats.define_request('wx_2025_stalking', $${
  "title": "Stalking and harassment, and their outcomes",
  "records": "foi.records",
  "period": {"from": "2020/21", "to": "2024/25"},
  "columns": "fy",
  "questions": [
    {"id": "1", "text": "How many stalking and harassment crimes were recorded in each financial year from 2020/21 to 2024/25, by outcome?",
     "title": "Stalking and harassment by outcome group",
     "population": "(foistats.classify(coalesce(ho_code, offence))).ons_group = 'Stalking and Harassment'",
     "population_text": "stalking and harassment (ONS subgroup: harassment, stalking, malicious communications, controlling or coercive behaviour)",
     "rows": {"dimension": "outcome_group", "unknown": "Open (no outcome yet)"}},
    {"id": "2", "subset_of": "1", "text": "Of these, which platforms were mentioned?",
     "rows": {"terms": "platforms"}},
    {"id": "3", "text": "By type of offence", "population": "(foistats.classify(coalesce(ho_code, offence))).ons_group = 'Stalking and Harassment'",
     "rows": "ho_class"}
  ]}$$);
