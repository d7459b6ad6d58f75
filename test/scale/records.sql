-- The generated records of the test/scale scripts: :rows rows in
-- records_local (crime_ref, offence, recorded_on, platforms) with 80 offence
-- titles of ~45 bytes, dates in 2010-2014 and platforms for multi-label
-- cross-tabs (an empty array, one or two labels, or NULL), every value
-- derived from the row number by hashing, so every run and every server
-- makes the same rows.
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows 1000000
\endif
SET client_min_messages = warning;
CREATE TABLE offence_title AS
SELECT k, rpad(upper(substr(md5(k::text), 1, 6)) || ' OFFENCE AGAINST THE PERSON NO ' || k,
               45, '.') AS title
  FROM generate_series(0, 79) k;
CREATE TABLE records_local AS
SELECT format('%s/%s', 2010 + h % 5, i) AS crime_ref,
       o.title AS offence,
       date '2010-01-01' + h % 1826 AS recorded_on,
       CASE h % 4
         WHEN 0 THEN ARRAY[]::text[]
         WHEN 1 THEN ARRAY[(ARRAY['Facebook', 'Instagram', 'Snapchat', 'WhatsApp'])[1 + h % 7 % 4]]
         WHEN 2 THEN ARRAY['Snapchat', (ARRAY['Facebook', 'Instagram', 'WhatsApp'])[1 + h % 3]]
       END AS platforms
  FROM (SELECT i, hashint4(i) & 2147483647 AS h FROM generate_series(1, :rows) i) r
  JOIN offence_title o ON o.k = (h / 7) % 80;
DROP TABLE offence_title;
