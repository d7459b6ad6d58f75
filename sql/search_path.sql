-- Safe against search_path attacks: with a hostile schema ahead of
-- pg_catalog in the caller's search_path, the extension's functions and the
-- views it creates still call the built-ins, never the impostors.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
CREATE EXTENSION IF NOT EXISTS foistats_sample;
RESET client_min_messages;
\set SHOW_CONTEXT never

CREATE SCHEMA evil;
CREATE TABLE evil.calls (fn text);
-- Impostors of built-ins the extension's SQL uses: each records the call.
CREATE FUNCTION evil.upper(text) RETURNS text LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('upper') RETURNING 'PWNED' $$;
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('lower') RETURNING 'pwned' $$;
CREATE FUNCTION evil.quote_ident(text) RETURNS text LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('quote_ident') RETURNING 'pwned' $$;
CREATE FUNCTION evil.jsonb_typeof(jsonb) RETURNS text LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('jsonb_typeof') RETURNING 'object' $$;
CREATE FUNCTION evil.cardinality(anyarray) RETURNS int LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('cardinality') RETURNING 1 $$;
CREATE FUNCTION evil.text_eq(text, text) RETURNS boolean LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('=') RETURNING true $$;
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_eq);
-- ... and of built-ins the SQL of roll-ups, caches and requests uses.
CREATE FUNCTION evil.date_trunc(text, timestamp) RETURNS timestamp LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('date_trunc') RETURNING pg_catalog.date_trunc($1, $2) $$;
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('btrim') RETURNING 'pwned' $$;
CREATE FUNCTION evil.nextval(regclass) RETURNS bigint LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('nextval') RETURNING 1::bigint $$;
CREATE FUNCTION evil.length(text) RETURNS int LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('length') RETURNING 1 $$;
CREATE FUNCTION evil.agg_step(text, text, text) RETURNS text LANGUAGE sql AS
  $$ INSERT INTO evil.calls VALUES ('string_agg') RETURNING 'pwned' $$;
CREATE AGGREGATE evil.string_agg(text, text) (SFUNC = evil.agg_step, STYPE = text);
GRANT USAGE ON SCHEMA evil TO PUBLIC;

-- Everything under the hostile path runs in one transaction, with function
-- calls counted (pg_stat_xact_user_functions), and is rolled back at the end
-- (it edits the dictionaries, overrides, outcome types and sample records).
BEGIN;
SET LOCAL track_functions = 'all';
SET search_path = evil, pg_catalog, public;

SELECT foistats.bind_records('sp_test', 'foistats_sample.crimes');
SELECT count(*) AS views FROM foistats.create_request_views('sp_test', '2010-01-01', '2014-05-31');
SELECT * FROM sp_test.q3;
SELECT convictions, crimes FROM sp_test.q1d;
SELECT count(*) AS conflicts FROM sp_test.scope_conflicts;
SELECT foistats.grand_total(xtab) AS q1_grand_total FROM sp_test.q1_xtab;
SELECT foistats.mentions('Met on face book, then whats app', 'platforms');
SELECT (foistats.classify('RAPE OF FEMALE CHILD UNDER 13 BY A MALE')).ho_code;
SELECT foistats.render(foistats.xtab(t, 2013), 'csv')
  FROM (VALUES ('rape'), ('rape'), ('exposure')) v(t);
SELECT foistats.create_wide_view('sp_test.wide', 'SELECT foistats.xtab(offence, recorded_on) FROM sp_test.q1_records');
-- An unqualified view name and query resolve in the caller's search_path, as
-- with CREATE VIEW (here: sp_test first).
SET search_path = sp_test, foistats, evil, pg_catalog, public;
SELECT foistats.create_wide_view('wide_here', 'SELECT xtab(offence, recorded_on) FROM q1_records');
SET search_path = evil, pg_catalog, public;
SELECT pg_catalog.count(*) AS wide_here_rows FROM sp_test.wide_here;


-- Every C function that runs SQL (through SPI: the classifier's and the
-- dictionaries' loads, the cache-version bumps of the edit triggers, the
-- roll-up trigger), and the request, response and roll-up functions.  (The
-- test's own SQL qualifies what the impostors shadow: length, =.)
SELECT foistats.ho_class('RAPE OF FEMALE CHILD UNDER 13 BY A MALE') AS ho_class,
       foistats.ho_code('Exposure') AS ho_code,
       foistats.offence_family('Sexual grooming') AS family,
       foistats.is_sexual_offence('Rape of a female aged 16 or over') AS sexual,
       foistats.age_conflicts('RAPE OF FEMALE CHILD UNDER 13 BY A MALE', 14, 30) AS conflicts;
SELECT foistats.mentions_any('on snap chat', 'platforms') AS any,
       (SELECT count(*) FROM foistats.explain_mentions('on snap chat and fb', 'platforms')) AS explained;
SELECT count(*) AS rows FROM foistats.request_tables('wmp_2014_child_sexual_offences', 'sp_test.records', '2010-01-01', '2014-05-31');
SELECT pg_catalog.length(foistats.request_render('wmp_2014_child_sexual_offences', '3', 'markdown', 'sp_test.records', '2010-01-01', '2014-05-31')) > 0 AS rendered;
SELECT foistats.save_answer('wmp_2014_child_sexual_offences', 'sp', 'sp_test.records', '2010-01-01', '2014-05-31') AS saved;
SELECT count(*) AS differences FROM foistats.check_answer('wmp_2014_child_sexual_offences', 'sp', 'sp_test.records');
SELECT count(*) AS audit_findings FROM foistats.audit_request('wmp_2014_child_sexual_offences', 'sp_test.records', '2010-01-01', '2014-05-31');
SELECT pg_catalog.length(foistats.response('wmp_2014_child_sexual_offences', 'html', 'sp_test.records', '2010-01-01', '2014-05-31')) > 0 AS html,
       pg_catalog.length(foistats.response('wmp_2014_child_sexual_offences', 'text', 'sp_test.records', '2010-01-01', '2014-05-31')) > 0 AS text,
       pg_catalog.length(foistats.response('wmp_2014_child_sexual_offences', 'markdown', 'sp_test.records', '2010-01-01', '2014-05-31')) > 0 AS markdown;
SELECT count(*) AS csv_files FROM foistats.response_csv('wmp_2014_child_sexual_offences', 'sp_test.records', '2010-01-01', '2014-05-31');
SELECT count(*) AS unknown_outcomes FROM foistats.check_outcomes('sp_test.records');
SELECT foistats.define_request('sp_copy', foistats.request_spec('wmp_2014_child_sexual_offences')) AS defined;
SELECT count(*) AS rows FROM foistats.rerun('sp_copy', '2013-01-01', '2013-12-31', 'sp_test.records');
SELECT foistats.drop_request('sp_copy') AS dropped;
SELECT foistats.bind_records('sp_test2', 'foistats_sample.crimes') AS bound;
SELECT pg_catalog.count(*) AS views FROM foistats.create_request_views('sp_test2', 'wmp_2014_child_sexual_offences');
SELECT pg_catalog.count(*) AS figures FROM sp_test.answers;
SELECT pg_catalog.length(foistats.mentions_regex('platforms')) > 0 AS regex,
       foistats.age_band_range('11 and under') AS band,
       foistats.outcome_label('1') AS outcome_label, foistats.outcome_group('1') AS outcome_group;
SELECT * FROM foistats.request_period('wmp_2014_child_sexual_offences');
-- a roll-up, and writes to its source through its triggers
SELECT foistats.create_rollup('wmp_2014_child_sexual_offences', '3', 'sp_test.records') > 0 AS rolled_up;
INSERT INTO foistats_sample.crimes (crime_ref, recorded_on, offence, victim_age, offender_age, mo, outcome, is_crime)
VALUES ('SP1', '2013-03-04', 'SEXUAL GROOMING', 14, 30, 'met on facebook', '  1 ', true);
UPDATE foistats_sample.crimes SET mo = 'met on snapchat' WHERE crime_ref OPERATOR(pg_catalog.=) 'SP1';
DELETE FROM foistats_sample.crimes WHERE ctid IN (SELECT ctid FROM foistats_sample.crimes ORDER BY crime_ref LIMIT 3);
SELECT pg_catalog.count(*) AS crimes FROM foistats_sample.crimes;
SELECT count(*) AS rollup_differences FROM foistats.check_rollup('wmp_2014_child_sexual_offences', '3', 'sp_test.records');
SELECT foistats.refresh_rollup('wmp_2014_child_sexual_offences', '3', 'sp_test.records') > 0 AS refreshed;
-- edits of the classifier's and the dictionaries' sources (their triggers
-- bump the caches' versions), then the caches reloaded
INSERT INTO foistats.offence_override (match, ho_code, note) VALUES ('SP TEST OFFENCE', '019/16', 'search_path test');
INSERT INTO foistats.term (dictionary, term, alias) VALUES ('platforms', 'Spchat', 'sp chat');
UPDATE foistats.ho_outcome SET label = label WHERE type OPERATOR(pg_catalog.=) '1';
SELECT foistats.ho_code('sp test offence') AS overridden, foistats.mentions('on sp chat', 'platforms') AS added_term;
SELECT pg_catalog.count(*) AS refreshed FROM foistats.refresh_rollups(false);
-- a roll-up of a table that is then truncated
CREATE TABLE public.sp_copy AS SELECT * FROM foistats_sample.crimes;
SELECT foistats.bind_records('sp_test3', 'public.sp_copy') AS bound;
SELECT foistats.create_rollup('wmp_2014_child_sexual_offences', '1', 'sp_test3.records') > 0 AS rolled_up;
TRUNCATE public.sp_copy;
SELECT count(*) AS rollup_differences FROM foistats.check_rollup('wmp_2014_child_sexual_offences', '1', 'sp_test3.records');
-- a protected request (its validation and linked protection)
SELECT foistats.define_request('sp_prot', pg_catalog.jsonb_set(foistats.request_spec('wmp_2014_child_sexual_offences'),
                                                     '{protect}', '{"threshold": 5, "allow_totals": true}')) AS defined;
SELECT count(*) AS tables FROM foistats.request_tables('sp_prot', 'sp_test.records', '2010-01-01', '2014-05-31');
-- two breakdowns of the same crimes (same_crimes_as): the link's checks
-- (the fields an expression reads) and the pair protected together
SELECT foistats.define_request('sp_pair', '{"title": "pair", "period": {"from": "2010", "to": "2013"},
  "protect": {"threshold": 5, "allow_totals": true},
  "questions": [{"id": "1", "rows": "offence"},
                {"id": "2", "rows": {"expr": "CASE WHEN victim_age < 13 THEN ''Under 13'' ELSE ''Other'' END"}, "same_crimes_as": "1"}]}') AS defined;
SELECT count(*) AS tables,
       count(*) FILTER (WHERE pg_catalog.strpos(foistats.render(xtab), 'Protected together with the same crimes''') > 0) AS as_a_pair
  FROM foistats.request_tables('sp_pair', 'sp_test.records');
-- category mapping and consolidation
SELECT (foistats.classify_category('Other Sexual Offences')).level AS category_level,
       (SELECT count(*) FROM foistats.category_names()) > 0 AS has_category_names;
CREATE TEMP TABLE sp_sources AS
SELECT ARRAY[ROW('A force', foistats.parse_table(E'\t2019/20\t2020/21\nBurglary\t5\t6\nRobbery\t1\t2\nTotal\t6\t8\n'),
                 'fy')::foistats.force_table] AS s;
SELECT foistats.grand_total(foistats.consolidate(s)) AS consolidated,
       (SELECT count(*) FROM foistats.consolidate_provenance(s)) AS provenance_rows,
       (SELECT bool_and(ok) FROM foistats.consolidate_check(s)) AS totals_kept
  FROM sp_sources;
-- the functions that run on errors
SAVEPOINT s;
SELECT foistats.define_request('sp_bad', '{"title": "x", "period": {"from": "2010", "to": "2011"}, "questions": [{"id": "1", "bogus": 1}]}');
ROLLBACK TO SAVEPOINT s;
SELECT foistats.bind_records('sp_bad', 'foistats_sample.crimes', '{"victim_age": "offence"}');
ROLLBACK TO SAVEPOINT s;
SELECT foistats.outcome_label('99Z');
ROLLBACK TO SAVEPOINT s;
SELECT foistats.drop_rollup('wmp_2014_child_sexual_offences', '3', 'sp_test.records') AS dropped_rollup;

-- Not one impostor was called (the checks below run with the normal path).
RESET search_path;
SELECT "Grand Total" FROM sp_test.wide WHERE row_label = 'EXPOSURE';
SELECT count(*) AS impostor_calls FROM evil.calls;

-- Which functions that run SQL ran under the hostile path, from the catalog:
-- every SQL and PL/pgSQL function of the extension, and the C functions that
-- run SQL (listed by their C symbol: the callers of SPI in src/classify_fmgr.c,
-- src/terms_fmgr.c and src/rollup.c; every such call goes through
-- foistats_spi_connect, which pins search_path, or the function's own SET
-- search_path).  A SQL function that the planner inlines is not counted as
-- called even when it ran.  Every SQL and PL/pgSQL function pins its
-- search_path (sql/roles.sql checks that from the catalog), so those not
-- counted here are protected by the same setting: request_error and
-- unknown_outcome raised the errors above (a call that ends in an error is
-- not counted), create_wide_view was called above (a SQL function without
-- SET, inlined), and response_finding words an audit finding, which the
-- sample request has none of.
CREATE TEMP TABLE c_runs_sql (symbol text);
INSERT INTO c_runs_sql VALUES ('foistats_classify'), ('foistats_ho_class'), ('foistats_ho_code'),
  ('foistats_offence_family'), ('foistats_is_sexual_offence'), ('foistats_age_conflicts'),
  ('foistats_offence_override_trigger'), ('foistats_mentions'), ('foistats_mentions_any'),
  ('foistats_explain_mentions'), ('foistats_term_changed'), ('foistats_outcome_changed'),
  ('foistats_rollup_trigger');
CREATE TEMP TABLE runs_sql AS
SELECT p.oid::regprocedure::text AS fn,
       CASE WHEN l.lanname = 'c' THEN 'C (SPI)' ELSE l.lanname END AS kind,
       coalesce((SELECT s.calls > 0 FROM pg_stat_xact_user_functions s WHERE s.funcid = p.oid), false) AS called
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'foistats'::regnamespace
   AND (l.lanname IN ('sql', 'plpgsql') OR (l.lanname = 'c' AND p.prosrc IN (SELECT symbol FROM c_runs_sql)));
SELECT (SELECT count(*) FROM c_runs_sql) = (SELECT count(*) FROM runs_sql WHERE kind = 'C (SPI)') AS every_symbol_found;
SELECT kind, count(*) AS functions, count(*) FILTER (WHERE called) AS called
  FROM runs_sql GROUP BY kind ORDER BY kind;
SELECT kind, fn AS not_called FROM runs_sql WHERE NOT called ORDER BY kind, fn;
ROLLBACK;

SET client_min_messages = warning;
DROP SCHEMA evil CASCADE;
DROP EXTENSION foistats_sample;
