-- Benchmark of a stored request against the hand-written cross-tab it
-- stands for.  Run by test/bench/request.sh; prints the ratio measured in
-- this run (best of :reps after a warm-up) and checks the answers agree.
\set default_rows 2000000
\set default_reps 5
\ir prelude.sql

-- A force's table over ten years, with its own column names, bound as
-- foi.records, and the request 'bench'.
\ir force.sql
SELECT count(*) AS records, pg_size_pretty(pg_relation_size('force.crime')) AS table_size FROM force.crime;

CREATE TEMP TABLE contender (name text PRIMARY KEY, setup text, query text);
INSERT INTO contender (name, query) VALUES
  ('hand_written', $q$SELECT foistats.xtab(coalesce(r.offence, 'Not recorded'), r.recorded_on)
                       FROM foi.records r
                      WHERE r.is_crime AND r.recorded_on BETWEEN '2015-01-01' AND '2024-12-31'
                        AND r.victim_age < 18 AND r.offender_age >= 18 AND foistats.is_sexual_offence(r.offence)$q$),
  ('request_xtab', $q$SELECT foistats.request_xtab('bench', '1', 'foi.records')$q$),
  ('request_view', $q$SELECT xtab FROM foi.q1_xtab$q$);
SELECT count(*) FROM foistats.create_request_views('foi', 'bench') \g /dev/null

\ir best_of.sql

-- the answers agree, cell for cell (the request adds only its title/footnotes)
SELECT count(*) AS differing_figures
  FROM foistats.reconcile((SELECT foistats.request_xtab('bench', '1', 'foi.records')),
                          (SELECT foistats.xtab(coalesce(r.offence, 'Not recorded'), r.recorded_on)
                             FROM foi.records r
                            WHERE r.is_crime AND r.recorded_on BETWEEN '2015-01-01' AND '2024-12-31'
                              AND r.victim_age < 18 AND r.offender_age >= 18 AND foistats.is_sexual_offence(r.offence))) x
 WHERE status <> 'match';

\set best_digits 1
\ir best_times.sql
SELECT format('ratio request_xtab / hand-written xtab query   %s  (target <= 1.1)',
              round((t.request_xtab / t.hand_written)::numeric, 3)),
       format('ratio request view (q1_xtab) / hand-written    %s',
              round((t.request_view / t.hand_written)::numeric, 3))
  FROM (SELECT max(ms) FILTER (WHERE name = 'hand_written') AS hand_written,
               max(ms) FILTER (WHERE name = 'request_xtab') AS request_xtab,
               max(ms) FILTER (WHERE name = 'request_view') AS request_view
          FROM timing) t;
