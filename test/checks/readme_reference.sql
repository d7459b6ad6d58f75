-- The README's function reference, made from the installed catalog: every
-- public function, aggregate and table of schema foistats with its signature
-- and the first clause of its COMMENT.  Internal objects (comment starting
-- 'internal:'), type I/O and aggregate support functions are left out; the
-- 32 xtab aggregates are one line.  Used by test/checks/readme_reference.sh.
\pset format unaligned
\pset tuples_only on
SET client_min_messages = warning;
CREATE EXTENSION foistats;
-- A comment's first clause: up to the first ';' or sentence end ('e.g.' and
-- 'i.e.' are not ends).
CREATE FUNCTION pg_temp.first_clause(c text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT replace(replace(regexp_replace(replace(replace(coalesce(c, '(no comment)'), 'e.g.', 'e#g#'), 'i.e.', 'i#e#'),
                                        '(;|\. ).*$', ''), 'e#g#', 'e.g.'), 'i#e#', 'i.e.')
$$;
WITH f AS (
  SELECT p.proname, p.prokind,
         format('%s(%s)', p.proname, pg_get_function_arguments(p.oid)) AS sig,
         pg_get_function_result(p.oid) AS res,
         obj_description(p.oid, 'pg_proc') AS c
    FROM pg_proc p
   WHERE p.pronamespace = 'foistats'::regnamespace
     AND p.prorettype NOT IN ('trigger'::regtype, 'internal'::regtype, 'cstring'::regtype)
     AND NOT (p.proname IN ('xtab_recv', 'xtab_send', 'xtab_merge_trans') OR p.proname LIKE 'xtab\_agg\_%')
     AND coalesce(obj_description(p.oid, 'pg_proc'), '') !~ '^internal'
), one AS (
  SELECT CASE WHEN prokind = 'a' AND proname = 'xtab'
              THEN 'xtab(row_label text | row_labels text[], col date | timestamp | timestamptz | integer | text [, granularity text] [, n bigint])'
              ELSE sig END AS sig,
         CASE WHEN prokind = 'a' THEN 'aggregate' ELSE res END AS res,
         CASE WHEN prokind = 'a' AND proname = 'xtab'
              THEN 'the cross-tab aggregate: counts input rows by row label (text, or text[] for a multi-label table whose units count each row once) and column (a date bucketed into year, fy, quarter or month, or an integer or text column), optionally weighted by n; parallel and mergeable'
              ELSE c END AS c
    FROM f
), grouped AS (
  SELECT sig, res, min(c) AS c FROM one GROUP BY sig, res
)
SELECT format('- `foistats.%s` → %s: %s',
              regexp_replace(sig, '(DEFAULT (NULL|''[^'']*''|[0-9]+))::[a-z_. ]+?(\[\])?(,|\)$)', '\1\4', 'g'),
              res, pg_temp.first_clause(c))
  FROM grouped ORDER BY split_part(sig, '(', 1), sig;
SELECT format('- table `foistats.%s`: %s', c.relname, pg_temp.first_clause(obj_description(c.oid, 'pg_class')))
  FROM pg_class c
 WHERE c.relnamespace = 'foistats'::regnamespace AND c.relkind IN ('r', 'v')
 ORDER BY c.relname;
