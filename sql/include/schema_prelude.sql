-- Shared prelude, not a test: foistats (with with_sample set, its sample
-- records too), notices of an existing install silenced, and the test's own
-- schema, named by the psql variable schema, first on the search path.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
\if :{?with_sample}
CREATE EXTENSION IF NOT EXISTS foistats_sample;
\endif
RESET client_min_messages;
CREATE SCHEMA :"schema";
SET search_path = :"schema", public;
