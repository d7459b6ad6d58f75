-- foistats extension script: module-wide objects.
-- The full script is assembled by the Makefile from src/*.sql in a fixed order.

\echo Use "CREATE EXTENSION foistats" to load this file. \quit

COMMENT ON SCHEMA @extschema@ IS
  'foistats: Freedom of Information statistics (classify, cross-tabulate, protect, audit, render)';

CREATE FUNCTION @extschema@.version() RETURNS text
  AS 'MODULE_PATHNAME', 'foistats_version'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.version() IS
  'version of the loaded foistats shared library';
