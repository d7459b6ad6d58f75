-- The report's opening in the request and xtab benchmarks (\ir best_times.sql
-- after best_of.sql, with :best_digits set): each contender's best time in
-- ms, rounded to best_digits places, fastest first; then one field a line,
-- no headers, for the ratio lines the benchmark prints from timing.
SELECT name, round(ms::numeric, :best_digits) AS best_ms FROM timing ORDER BY ms;
\pset format unaligned
\pset tuples_only on
\pset fieldsep '\n'
