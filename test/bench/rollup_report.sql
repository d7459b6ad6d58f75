-- The figures of test/bench/rollup.sh, from its table bench_timing: best
-- and median of each contender, and the ratios of the same run.
\set ON_ERROR_STOP on
-- every write above went through the triggers or was rolled back (or undone
-- with triggers off): the roll-up still equals a scan
SELECT count(*) AS rollup_differences_from_a_scan FROM foistats.check_rollup('bench', '1');
SELECT name, count(*) AS runs, round(min(ms)::numeric, 3) AS best_ms,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ms))::numeric, 3) AS median_ms,
       round(max(ms)::numeric, 3) AS worst_ms
  FROM bench_timing GROUP BY name ORDER BY name;
\pset format unaligned
\pset tuples_only on
\pset fieldsep '\n'
WITH t AS (SELECT name, min(ms) AS best, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS med
             FROM bench_timing GROUP BY name),
     b AS (SELECT (SELECT best FROM t WHERE name = n) AS best, (SELECT med FROM t WHERE name = n) AS med, n
             FROM unnest('{read_rollup,read_scan,read_group_by,insert_100k_plain,insert_100k_rollup,update_100k_plain,update_100k_rollup,pgbench_plain,pgbench_rollup}'::text[]) n)
SELECT format('speedup ten-year question, roll-up vs scan (request_xtab)  %s best, %s median  (target >= 300)',
              round(((SELECT best FROM b WHERE n = 'read_scan') / (SELECT best FROM b WHERE n = 'read_rollup'))::numeric, 0),
              round(((SELECT med FROM b WHERE n = 'read_scan') / (SELECT med FROM b WHERE n = 'read_rollup'))::numeric, 0)),
       format('speedup ten-year question, roll-up vs SQL GROUP BY         %s best, %s median',
              round(((SELECT best FROM b WHERE n = 'read_group_by') / (SELECT best FROM b WHERE n = 'read_rollup'))::numeric, 0),
              round(((SELECT med FROM b WHERE n = 'read_group_by') / (SELECT med FROM b WHERE n = 'read_rollup'))::numeric, 0)),
       format('ratio 100k-row INSERT ... SELECT with roll-up / without    %s best, %s median  (target <= 1.5)',
              round(((SELECT best FROM b WHERE n = 'insert_100k_rollup') / (SELECT best FROM b WHERE n = 'insert_100k_plain'))::numeric, 2),
              round(((SELECT med FROM b WHERE n = 'insert_100k_rollup') / (SELECT med FROM b WHERE n = 'insert_100k_plain'))::numeric, 2)),
       format('  roll-up cost per inserted row                           %s us (best)',
              round((((SELECT best FROM b WHERE n = 'insert_100k_rollup') - (SELECT best FROM b WHERE n = 'insert_100k_plain')) * 1000 / 100000)::numeric, 2)),
       format('ratio 100k-row UPDATE with roll-up / without               %s best, %s median',
              round(((SELECT best FROM b WHERE n = 'update_100k_rollup') / (SELECT best FROM b WHERE n = 'update_100k_plain'))::numeric, 2),
              round(((SELECT med FROM b WHERE n = 'update_100k_rollup') / (SELECT med FROM b WHERE n = 'update_100k_plain'))::numeric, 2)),
       format('  roll-up cost per updated row                            %s us (best)',
              round((((SELECT best FROM b WHERE n = 'update_100k_rollup') - (SELECT best FROM b WHERE n = 'update_100k_plain')) * 1000 / 100000)::numeric, 2)),
       format('ratio single-row INSERT (pgbench latency) with / without   %s best, %s median  (target <= 2)',
              round(((SELECT best FROM b WHERE n = 'pgbench_rollup') / (SELECT best FROM b WHERE n = 'pgbench_plain'))::numeric, 2),
              round(((SELECT med FROM b WHERE n = 'pgbench_rollup') / (SELECT med FROM b WHERE n = 'pgbench_plain'))::numeric, 2)),
       format('  per round (each roll-up run against the plain run before it)  %s',
              (SELECT string_agg(round((r.ms / p.ms)::numeric, 2)::text, ', ' ORDER BY r.round)
                 FROM bench_timing r JOIN bench_timing p ON p.round = r.round AND p.name = 'pgbench_plain'
                WHERE r.name = 'pgbench_rollup')),
       format('  roll-up cost per single-row INSERT transaction          %s us (best)',
              round((((SELECT best FROM b WHERE n = 'pgbench_rollup') - (SELECT best FROM b WHERE n = 'pgbench_plain')) * 1000)::numeric, 1));
