-- Least privilege: a BI role that reads a request's answers and rendered
-- tables, and cannot read the records, their MO text, or foistats' tables.
--
-- The live request views (q<id>, q<id>_xtab, answers) cannot give that: they
-- call foistats.request_xtab, which is SECURITY INVOKER and runs the
-- request's SQL over the records with the privileges of whoever reads the
-- view.  The pattern (README, "Installing on a production server"): an
-- analyst role holding the grants a request needs publishes materialized
-- views of the request views into a schema of its own; the BI role gets
-- USAGE on that schema and SELECT on its views, nothing else.  REFRESH
-- MATERIALIZED VIEW runs as the view's owner, so the analyst refreshes and
-- the BI role only reads.
\set with_sample
\i sql/include/records_prelude.sql

-- Runs q as the current role: 'ok', or the error's SQLSTATE and message.
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- The force's records (a copy of the sample, so that the test can add rows),
-- bound and given the seed request's views, by the database owner.
CREATE SCHEMA roles_src;
CREATE TABLE roles_src.crimes AS SELECT * FROM foistats_sample.crimes;
SELECT foistats.bind_records('roles_foi', 'roles_src.crimes');
SELECT count(*) AS views
  FROM foistats.create_request_views('roles_foi', 'wmp_2014_child_sexual_offences', '2010-01-01', '2014-05-31');
-- Question 1 is answered from a roll-up (so reading it reads foistats.rollup
-- and rollup_month, and the new records below go through its triggers).
SELECT foistats.create_rollup('wmp_2014_child_sexual_offences', '1', 'roles_foi.records') AS months;

CREATE ROLE regress_foistats_analyst;
CREATE ROLE regress_foistats_bi;

-- The analyst: what running a request needs (USAGE on schema foistats,
-- SELECT on the catalog tables a request reads, the roll-ups included, and
-- on the records view; foistats.term and cache_version are readable by
-- PUBLIC already).  Without rollup_month, reading question 1 fails:
-- permission denied for table rollup_month.
GRANT USAGE ON SCHEMA foistats, roles_foi TO regress_foistats_analyst;
GRANT SELECT ON foistats.request, foistats.request_key, foistats.record_field,
                foistats.ho_offence, foistats.offence_override, foistats.ho_outcome,
                foistats.rollup, foistats.rollup_month
  TO regress_foistats_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA roles_foi TO regress_foistats_analyst;

-- The analyst publishes: the wide tables and the long form as they are
-- published (withheld cells NULL), and the rendered tables.
CREATE SCHEMA roles_pub AUTHORIZATION regress_foistats_analyst;
SET ROLE regress_foistats_analyst;
CREATE MATERIALIZED VIEW roles_pub.q1 AS SELECT * FROM roles_foi.q1;
CREATE MATERIALIZED VIEW roles_pub.q3 AS SELECT * FROM roles_foi.q3;
CREATE MATERIALIZED VIEW roles_pub.answers AS SELECT * FROM roles_foi.answers;
CREATE MATERIALIZED VIEW roles_pub.rendered AS
  SELECT q.question, f.format,
         foistats.request_render('wmp_2014_child_sexual_offences', q.question, f.format,
                                 'roles_foi.records', p.period_from, p.period_to) AS body
    FROM roles_foi.request_period p,
         (VALUES ('1'), ('3')) q(question), (VALUES ('html'), ('tsv')) f(format);
GRANT USAGE ON SCHEMA roles_pub TO regress_foistats_bi;
GRANT SELECT ON ALL TABLES IN SCHEMA roles_pub TO regress_foistats_bi;
RESET ROLE;

-- The BI role reads what was published ...
SET ROLE regress_foistats_bi;
SELECT * FROM roles_pub.q3 ORDER BY 1;
SELECT "Grand Total" FROM roles_pub.q1 WHERE offence = 'Grand Total';
SELECT question, count(*) AS figures, count(*) FILTER (WHERE n IS NULL) AS withheld
  FROM roles_pub.answers GROUP BY question ORDER BY question;
SELECT question, format, left(split_part(body, E'\n', 1), 50) AS first_line, length(body) AS length
  FROM roles_pub.rendered ORDER BY 1, 2;
-- ... and nothing else: not the records (nor their MO text), not the live
-- request views, not foistats' tables or functions, and it cannot refresh.
SELECT q, pg_temp.try(q) AS result FROM (VALUES
  ('SELECT mo FROM roles_src.crimes'),
  ('SELECT mo FROM roles_foi.records'),
  ('SELECT * FROM roles_foi.q1'),
  ('SELECT * FROM roles_foi.answers'),
  ('SELECT * FROM foistats.ho_offence'),
  ('SELECT * FROM foistats.offence_override'),
  ('SELECT * FROM foistats.term'),
  ('SELECT * FROM foistats.request'),
  ('SELECT * FROM foistats.answer_table'),
  ('SELECT foistats.classify(''RAPE'')'),
  ('REFRESH MATERIALIZED VIEW roles_pub.q1')) v(q);
RESET ROLE;

-- Why the live views are no use to it: even with USAGE on both schemas and
-- SELECT on the views, reading one runs request_xtab as the BI role, which
-- then needs the request tables and the records.
GRANT USAGE ON SCHEMA foistats, roles_foi TO regress_foistats_bi;
GRANT SELECT ON roles_foi.q1, roles_foi.q3_xtab, roles_foi.answers TO regress_foistats_bi;
SET ROLE regress_foistats_bi;
SELECT q, pg_temp.try(q) AS result FROM (VALUES
  ('SELECT * FROM roles_foi.q1'),
  ('SELECT * FROM roles_foi.q3_xtab'),
  ('SELECT * FROM roles_foi.answers'),
  ('SELECT mo FROM roles_foi.records'),
  ('SELECT * FROM foistats.ho_offence'),
  ('SELECT foistats.classify(''RAPE'')')) v(q);
-- (classify answered from this session's classifier cache, loaded earlier
-- by the superuser: SET ROLE does not empty it.  In a session of its own the
-- BI role gets 42501, permission denied for table ho_offence.)
RESET ROLE;
REVOKE SELECT ON roles_foi.q1, roles_foi.q3_xtab, roles_foi.answers FROM regress_foistats_bi;
REVOKE USAGE ON SCHEMA foistats, roles_foi FROM regress_foistats_bi;

-- What the BI role can read, derived from the catalog: every relation of
-- the schemas involved on which it has SELECT and whose schema it may use.
SELECT n.nspname, c.relname, c.relkind
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('foistats', 'foistats_sample', 'roles_src', 'roles_foi', 'roles_pub')
   AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
   AND has_schema_privilege('regress_foistats_bi', n.oid, 'USAGE')
   AND has_table_privilege('regress_foistats_bi', c.oid, 'SELECT')
 ORDER BY 1, 2;

-- New records: the published views keep what was published until the
-- analyst refreshes them (REFRESH runs as the owner, with its grants).
INSERT INTO roles_src.crimes (crime_ref, recorded_on, offence, victim_age, offender_age, mo, is_crime)
SELECT 'ROLES' || i, date '2013-06-01', 'RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 9, 30,
       'met on facebook', true
  FROM generate_series(1, 7) i;
SET ROLE regress_foistats_bi;
SELECT "2013", "Grand Total" FROM roles_pub.q1 WHERE offence = 'Grand Total';
RESET ROLE;
SET ROLE regress_foistats_analyst;
REFRESH MATERIALIZED VIEW roles_pub.q1;
REFRESH MATERIALIZED VIEW roles_pub.answers;
RESET ROLE;
SET ROLE regress_foistats_bi;
SELECT "2013", "Grand Total" FROM roles_pub.q1 WHERE offence = 'Grand Total';
RESET ROLE;
-- ... equal to the live view, read by a role that may.
SELECT "2013", "Grand Total" FROM roles_foi.q1 WHERE offence = 'Grand Total';
SELECT question, problem FROM foistats.rollups WHERE records = 'roles_foi.records'::regclass;

-- No function of the extension is SECURITY DEFINER, except those allowed
-- here with their reason.  (The other change of identity is in C:
-- src/cache.c bumps foistats.cache_version as its owner, so that editing
-- term or offence_override needs no privilege on cache_version.)
CREATE TEMP TABLE definer_allowed (fn text, reason text);
INSERT INTO definer_allowed VALUES
  ('foistats.rollup_dropped()', 'the sql_drop event trigger: runs at every DROP by anyone, and removes the roll-ups of what was dropped, which the one dropping may not read or write');
-- (every function in schema foistats, and every member of either extension)
SELECT p.oid::regprocedure AS security_definer
  FROM pg_proc p
 WHERE (p.pronamespace = 'foistats'::regnamespace
        OR EXISTS (SELECT 1 FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
                    WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                      AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
                      AND e.extname IN ('foistats', 'foistats_sample')))
   AND p.prosecdef
   AND p.oid::regprocedure::text NOT IN (SELECT fn FROM definer_allowed)
 ORDER BY 1;
-- (the allowed ones exist and are indeed SECURITY DEFINER)
SELECT a.fn, p.prosecdef AS security_definer FROM definer_allowed a LEFT JOIN pg_proc p ON p.oid = to_regprocedure(a.fn);
SELECT count(*) AS extension_functions,
       count(*) FILTER (WHERE NOT p.prosecdef) AS security_invoker
  FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                  AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid
 WHERE e.extname = 'foistats';

-- Every SQL and PL/pgSQL function pins search_path, pg_catalog first and
-- pg_temp last, except the documented exceptions (which resolve the
-- caller's names on purpose).
CREATE TEMP TABLE path_exceptions (fn text, reason text);
INSERT INTO path_exceptions VALUES
  ('foistats.create_wide_view(text,text,text,text[],boolean)',
   'resolves the caller''s view name and query in the caller''s search_path, as CREATE VIEW does; its own SQL is schema-qualified (sql/search_path.sql)');
SELECT p.oid::regprocedure AS fn, l.lanname, p.proconfig
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'foistats'::regnamespace
   AND l.lanname IN ('sql', 'plpgsql')
   AND p.oid::regprocedure::text NOT IN (SELECT fn FROM path_exceptions)
   AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c
                    WHERE c ~ '^search_path=pg_catalog(, [a-z_]+)*, pg_temp$')
 ORDER BY 1;
-- (the exceptions exist and are indeed unpinned)
SELECT e.fn, p.proconfig IS NULL AS unpinned
  FROM path_exceptions e LEFT JOIN pg_proc p ON p.oid::regprocedure::text = e.fn ORDER BY 1;
SELECT l.lanname, count(*) AS functions,
       count(*) FILTER (WHERE p.proconfig IS NOT NULL) AS pinned
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'foistats'::regnamespace AND l.lanname IN ('sql', 'plpgsql')
 GROUP BY 1 ORDER BY 1;

SELECT foistats.drop_rollup('wmp_2014_child_sexual_offences', '1', 'roles_foi.records');
SET client_min_messages = warning;
DROP SCHEMA roles_pub CASCADE;
DROP SCHEMA roles_foi CASCADE;
DROP SCHEMA roles_src CASCADE;
-- (their grants on foistats' objects)
DROP OWNED BY regress_foistats_analyst, regress_foistats_bi;
DROP ROLE regress_foistats_analyst;
DROP ROLE regress_foistats_bi;
DROP EXTENSION foistats_sample;
