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
GRANT USAGE ON SCHEMA evil TO PUBLIC;

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

-- Not one impostor was called (the checks below run with the normal path).
RESET search_path;
SELECT "Grand Total" FROM sp_test.wide WHERE row_label = 'EXPOSURE';
SELECT count(*) AS impostor_calls FROM evil.calls;

SET client_min_messages = warning;
DROP SCHEMA sp_test CASCADE;
DROP SCHEMA evil CASCADE;
DROP EXTENSION foistats_sample;
