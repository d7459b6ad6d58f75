-- Shared prelude, not a test: foistats (extensions.sql) and the test's own
-- schema, named by the psql variable schema, first on the search path.
\i sql/include/extensions.sql
CREATE SCHEMA :"schema";
SET search_path = :"schema", public;
