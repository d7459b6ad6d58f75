-- Records in a partitioned table (native partitioning, a partition a year):
-- the xtab aggregate over the parent is aggregated partition by partition
-- where the planner allows it (enable_partitionwise_aggregate: xtab has a
-- combine function), with the same answer; roll-ups keep their triggers on
-- the parent and on every partition, so writes through either are counted,
-- and notice partitions attached, detached or truncated.
\i sql/include/records_prelude.sql

CREATE SCHEMA pforce;
CREATE TABLE pforce.crime (ref text, recorded date NOT NULL, title text, vic_age int, status text)
  PARTITION BY RANGE (recorded);
CREATE TABLE pforce.crime_2019 PARTITION OF pforce.crime FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');
CREATE TABLE pforce.crime_2020 PARTITION OF pforce.crime FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE pforce.crime_2021 PARTITION OF pforce.crime FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
INSERT INTO pforce.crime
SELECT 'P/' || g, date '2019-01-01' + g % 1095,
       (ARRAY['RAPE OF FEMALE 16 OR OVER', 'EXPOSURE', 'THEFT FROM THE PERSON', 'SEXUAL ASSAULT ON A FEMALE 13 OR OVER'])[1 + g % 4],
       g % 40, CASE WHEN g % 17 = 0 THEN 'NO CRIME' ELSE 'CRIME' END
  FROM generate_series(1, 60000) g;
ANALYZE pforce.crime;
SELECT foistats.bind_records('pfoi', 'pforce.crime',
  '{"crime_ref": "ref", "recorded_on": "recorded", "offence": "title", "victim_age": "vic_age",
    "is_crime": {"expr": "status = ''CRIME''"}}');

-- Partition-wise: a partial xtab per partition, combined at the top.
SET max_parallel_workers_per_gather = 0;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF) SELECT foistats.xtab(r.offence, r.recorded_on) FROM pfoi.records r WHERE r.is_crime;
CREATE TEMP TABLE answer AS SELECT foistats.xtab(r.offence, r.recorded_on)::text AS x FROM pfoi.records r WHERE r.is_crime;
-- ... grouped by something else than the partition key, too
EXPLAIN (COSTS OFF) SELECT r.victim_age < 16, foistats.xtab(r.offence, r.recorded_on, 'quarter') FROM pfoi.records r GROUP BY 1;
CREATE TEMP TABLE answer_by_age AS
SELECT r.victim_age < 16 AS child, foistats.xtab(r.offence, r.recorded_on, 'quarter')::text AS x FROM pfoi.records r GROUP BY 1;
SET enable_partitionwise_aggregate = off;
EXPLAIN (COSTS OFF) SELECT foistats.xtab(r.offence, r.recorded_on) FROM pfoi.records r WHERE r.is_crime;
-- the same answers either way
SELECT (SELECT foistats.xtab(r.offence, r.recorded_on)::text FROM pfoi.records r WHERE r.is_crime) = x AS same_answer FROM answer;
SELECT a.child, foistats.xtab(r.offence, r.recorded_on, 'quarter')::text = a.x AS same_answer
  FROM pfoi.records r JOIN answer_by_age a ON a.child = (r.victim_age < 16) GROUP BY a.child, a.x ORDER BY 1;
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;

-- A roll-up of a partitioned source: triggers on the parent and each partition.
SELECT foistats.define_request('part', '{"title": "Offences", "records": "pfoi.records",
  "period": {"from": "2019", "to": "2021"},
  "questions": [{"id": "1", "rows": "offence"}, {"id": "2", "rows": "ho_class", "columns": "quarter",
                 "population": "victim_age < 16"}]}');
SELECT foistats.create_rollup('part', '1') AS months_1, foistats.create_rollup('part', '2') AS months_2;
SELECT question, source, tables, months, problem FROM foistats.rollups ORDER BY question;
SELECT tgrelid::regclass AS tab, count(*) AS triggers FROM pg_trigger WHERE tgname LIKE 'foistats_rollup_%'
 GROUP BY 1 ORDER BY tgrelid::regclass::text;
CREATE TEMP TABLE scan AS SELECT q, foistats.request_xtab('part', q)::text AS x FROM unnest('{1,2}'::text[]) q;

-- Writes through the parent and straight into partitions: an update that
-- moves rows to another partition (another year), re-classifies, deletes.
INSERT INTO pforce.crime VALUES ('N/1', '2020-03-03', 'EXPOSURE', 10, 'CRIME');
INSERT INTO pforce.crime_2021 VALUES ('N/2', '2021-03-03', 'RAPE OF FEMALE 16 OR OVER', 12, 'CRIME');
UPDATE pforce.crime SET recorded = recorded + 300 WHERE ref IN ('P/1', 'P/2', 'P/400');
UPDATE pforce.crime_2020 SET title = 'RAPE OF FEMALE 16 OR OVER' WHERE ref IN ('P/500', 'P/501');
UPDATE pforce.crime_2019 SET status = 'NO CRIME' WHERE ref = 'P/100';
DELETE FROM pforce.crime_2019 WHERE ref IN ('P/10', 'P/11');
DELETE FROM pforce.crime WHERE ref IN ('P/700', 'P/701');
SELECT q, count(c.*) AS differences FROM unnest('{1,2}'::text[]) q LEFT JOIN LATERAL foistats.check_rollup('part', q) c ON true GROUP BY q ORDER BY q;
SELECT q, foistats.grand_total(foistats.request_xtab('part', q)) - foistats.grand_total(s.x::foistats.xtab) AS change
  FROM unnest('{1,2}'::text[]) q JOIN scan s USING (q) ORDER BY q;

-- A partition truncated alone takes records with it that no trigger can
-- subtract: the roll-ups are set aside (requests scan) until refreshed.
TRUNCATE pforce.crime_2019;
SELECT question, months, problem FROM foistats.rollups ORDER BY question;
SELECT question, problem, months FROM foistats.refresh_rollups() ORDER BY question;
-- A partition attached (or detached, or dropped) fires no trigger: found at
-- every read; refreshing puts the triggers on it.
CREATE TABLE pforce.crime_2022 PARTITION OF pforce.crime FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
SELECT question, tables, problem FROM foistats.rollups ORDER BY question;
SELECT question, problem, months FROM foistats.refresh_rollups() ORDER BY question;
INSERT INTO pforce.crime_2022 VALUES ('N/3', '2022-03-03', 'EXPOSURE', 10, 'CRIME');
ALTER TABLE pforce.crime DETACH PARTITION pforce.crime_2020;
SELECT question, tables, problem FROM foistats.rollups ORDER BY question;
SELECT question, problem, months FROM foistats.refresh_rollups() ORDER BY question;
-- the detached table no longer carries the triggers
SELECT tgrelid::regclass AS tab, count(*) AS triggers FROM pg_trigger WHERE tgname LIKE 'foistats_rollup_%'
 GROUP BY 1 ORDER BY tgrelid::regclass::text;
SELECT q, count(c.*) AS differences FROM unnest('{1,2}'::text[]) q LEFT JOIN LATERAL foistats.check_rollup('part', q) c ON true GROUP BY q ORDER BY q;
-- TRUNCATE of the parent empties the roll-ups (its partitions' own TRUNCATE
-- triggers then take nothing more), and they stay in step.
TRUNCATE pforce.crime;
SELECT question, months, problem FROM foistats.rollups ORDER BY question;

SELECT foistats.drop_rollup('part', q) FROM unnest('{1,2}'::text[]) q;
SELECT count(*) AS triggers_left FROM pg_trigger WHERE tgname LIKE 'foistats_rollup_%';
SELECT foistats.drop_request('part');
DROP SCHEMA pfoi CASCADE;
DROP SCHEMA pforce CASCADE;
