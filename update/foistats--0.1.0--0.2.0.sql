-- foistats 0.1.0 -> 0.2.0 (ALTER EXTENSION foistats UPDATE TO '0.2.0').
--
-- Every change to an installed object since 0.1.0 (update/foistats--0.1.0.sql,
-- frozen) is written here as well as in src/, one section per change, newest
-- last.  test/checks/upgrade.sh installs 0.1.0, runs this, and compares the
-- catalog with a fresh 0.2.0 install: a change made in src/ and not here fails.

\echo Use "ALTER EXTENSION foistats UPDATE TO '0.2.0'" to load this file. \quit
-- issue 12: the xtab aggregates' state is the xtab type (an expanded object),
-- so Citus pushes them down and parallel query needs no serialize functions.
-- Generated once by update/tools/agg_state_0.2.0.py.

CREATE FUNCTION @extschema@.xtab_agg_final(@extschema@.xtab) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_final(@extschema@.xtab) IS 'final function of the xtab aggregates (rows sorted by label)';
COMMENT ON FUNCTION @extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab) IS 'combine function of the xtab aggregates (parallel and distributed aggregation)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, date) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, date) IS 'transition function of foistats.xtab(text, date)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, date, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, date, bigint) IS 'transition function of foistats.xtab(text, date, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp) IS 'transition function of foistats.xtab(text, timestamp)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp, bigint) IS 'transition function of foistats.xtab(text, timestamp, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz) IS 'transition function of foistats.xtab(text, timestamptz)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz, bigint) IS 'transition function of foistats.xtab(text, timestamptz, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, date, text) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, date, text) IS 'transition function of foistats.xtab(text, date, text)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, date, text, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, date, text, bigint) IS 'transition function of foistats.xtab(text, date, text, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp, text) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp, text) IS 'transition function of foistats.xtab(text, timestamp, text)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp, text, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp, text, bigint) IS 'transition function of foistats.xtab(text, timestamp, text, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz, text) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz, text) IS 'transition function of foistats.xtab(text, timestamptz, text)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz, text, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz, text, bigint) IS 'transition function of foistats.xtab(text, timestamptz, text, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, integer) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, integer) IS 'transition function of foistats.xtab(text, integer)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, integer, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, integer, bigint) IS 'transition function of foistats.xtab(text, integer, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, text) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, text) IS 'transition function of foistats.xtab(text, text)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, text, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text, text, bigint) IS 'transition function of foistats.xtab(text, text, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], date) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], date) IS 'transition function of foistats.xtab(text[], date)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], date, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], date, bigint) IS 'transition function of foistats.xtab(text[], date, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp) IS 'transition function of foistats.xtab(text[], timestamp)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp, bigint) IS 'transition function of foistats.xtab(text[], timestamp, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz) IS 'transition function of foistats.xtab(text[], timestamptz)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz, bigint) IS 'transition function of foistats.xtab(text[], timestamptz, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], date, text) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], date, text) IS 'transition function of foistats.xtab(text[], date, text)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], date, text, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], date, text, bigint) IS 'transition function of foistats.xtab(text[], date, text, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp, text) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp, text) IS 'transition function of foistats.xtab(text[], timestamp, text)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp, text, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp, text, bigint) IS 'transition function of foistats.xtab(text[], timestamp, text, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz, text) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz, text) IS 'transition function of foistats.xtab(text[], timestamptz, text)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz, text, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz, text, bigint) IS 'transition function of foistats.xtab(text[], timestamptz, text, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], integer) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], integer) IS 'transition function of foistats.xtab(text[], integer)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], integer, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], integer, bigint) IS 'transition function of foistats.xtab(text[], integer, bigint)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], text) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], text) IS 'transition function of foistats.xtab(text[], text)';
CREATE FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], text, bigint) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(@extschema@.xtab, text[], text, bigint) IS 'transition function of foistats.xtab(text[], text, bigint)';
CREATE FUNCTION @extschema@.xtab_merge_trans(@extschema@.xtab, @extschema@.xtab) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_merge_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_merge_trans(@extschema@.xtab, @extschema@.xtab) IS 'transition function of xtab_merge';

UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, date)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, date)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, date, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, date, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, timestamp)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, timestamp, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, timestamptz)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, timestamptz, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, date, text)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, date, text)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, date, text, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, date, text, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp, text)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, timestamp, text)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamp, text, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, timestamp, text, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz, text)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, timestamptz, text)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, timestamptz, text, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, timestamptz, text, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, integer)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, integer)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, integer, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, integer, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, text)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, text)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text, text, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text, text, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], date)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], date)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], date, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], date, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], timestamp)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], timestamp, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], timestamptz)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], timestamptz, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], date, text)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], date, text)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], date, text, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], date, text, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp, text)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], timestamp, text)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamp, text, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], timestamp, text, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz, text)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], timestamptz, text)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], timestamptz, text, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], timestamptz, text, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], integer)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], integer)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], integer, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], integer, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], text)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], text)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_agg_trans(@extschema@.xtab, text[], text, bigint)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab(text[], text, bigint)'::pg_catalog.regprocedure;
UPDATE pg_catalog.pg_aggregate SET aggtransfn = '@extschema@.xtab_merge_trans(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggfinalfn = '@extschema@.xtab_agg_final(@extschema@.xtab)'::pg_catalog.regprocedure, aggcombinefn = '@extschema@.xtab_agg_combine(@extschema@.xtab, @extschema@.xtab)'::pg_catalog.regprocedure,
       aggserialfn = 0, aggdeserialfn = 0, aggtranstype = '@extschema@.xtab'::pg_catalog.regtype
 WHERE aggfnoid = '@extschema@.xtab_merge(@extschema@.xtab)'::pg_catalog.regprocedure;

-- the aggregates' dependencies follow their new support functions and state type
DELETE FROM pg_catalog.pg_depend d
 USING pg_catalog.pg_aggregate a
 WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = a.aggfnoid AND d.deptype = 'n'
   AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
   AND a.aggfnoid IN (SELECT p.oid FROM pg_catalog.pg_proc p
                       WHERE p.pronamespace = '@extschema@'::pg_catalog.regnamespace AND p.prokind = 'a');
INSERT INTO pg_catalog.pg_depend (classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype)
SELECT DISTINCT 'pg_catalog.pg_proc'::pg_catalog.regclass, a.aggfnoid, 0, r.cls, r.obj, 0, 'n'
  FROM pg_catalog.pg_aggregate a
  JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid AND p.pronamespace = '@extschema@'::pg_catalog.regnamespace,
       LATERAL (VALUES ('pg_catalog.pg_proc'::pg_catalog.regclass, a.aggtransfn::pg_catalog.oid),
                       ('pg_catalog.pg_proc'::pg_catalog.regclass, a.aggfinalfn::pg_catalog.oid),
                       ('pg_catalog.pg_proc'::pg_catalog.regclass, a.aggcombinefn::pg_catalog.oid),
                       ('pg_catalog.pg_type'::pg_catalog.regclass, a.aggtranstype::pg_catalog.oid)) r(cls, obj)
 WHERE r.obj <> 0
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                    WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND e.objid = a.aggfnoid
                      AND e.refclassid = r.cls AND e.refobjid = r.obj);

DROP FUNCTION @extschema@.xtab_agg_final(internal);
DROP FUNCTION @extschema@.xtab_agg_combine(internal, internal);
DROP FUNCTION @extschema@.xtab_agg_serialize(internal);
DROP FUNCTION @extschema@.xtab_agg_deserialize(bytea, internal);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, date);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, date, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, date, text);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, date, text, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp, text);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp, text, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz, text);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz, text, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, integer);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, integer, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, text);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text, text, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], date);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], date, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], date, text);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], date, text, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp, text);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp, text, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz, text);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz, text, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], integer);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], integer, bigint);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], text);
DROP FUNCTION @extschema@.xtab_agg_trans(internal, text[], text, bigint);
DROP FUNCTION @extschema@.xtab_merge_trans(internal, @extschema@.xtab);

-- ---------------------------------------------------------------------------
-- issue 13: disclosure control
-- ---------------------------------------------------------------------------
-- protect(): method 'cellkey' (comment); render(): withheld totals print the
-- marker, markers must mean withheld (comment); linked tables
-- (protect_linked, disclosure_audit_linked); a request protects its linked
-- questions together (request_family, request_answer).  The C behind
-- protect, disclosure_audit, publishable, render and the readers changed in
-- the library only.
COMMENT ON FUNCTION @extschema@.protect(@extschema@.xtab, integer, integer, text, boolean, boolean, jsonb, text) IS
  'disclosure control of a cross-tab. method ''suppress'': withholds counts 1..threshold-1 (zeros too if zeros => true) and further cells, chosen deterministically to keep the withheld total small, until every withheld small count v can be anything from max(0, v - protection) to v + protection given every published cell and total (protection defaults to threshold; checked by an exact network-flow audit); totals are never withheld unless allow_totals => true; groups => {"row label": "group", ...} combines rows that would be mostly withheld (or cannot be protected) into their group. method ''round5'': controlled rounding of every figure to an adjacent multiple of 5, keeping rows and columns additive. method ''cellkey'': every figure, totals included, perturbed by at most 2 from a key hashed from its labels and count (the same figure gets the same value in every table and run; 0 stays 0; no 1s or 2s); nothing withheld, rows need not add up. Adds a footnote stating the rule; marker is the symbol named in it (render''s marker, ''*'' by default). The result keeps the TRUE counts of withheld cells for the audit, and its text form shows them: publish it through render/rows/wide/to_jsonb (which show withheld cells as marker/NULL and only the published totals), never as ::text; publishable(x) zeroes the withheld counts';

COMMENT ON FUNCTION @extschema@.render(@extschema@.xtab, text, text, text, text, text, text[], text, text[], boolean, text) IS
  'cross-tab as a published table: format tsv|csv|markdown|html|text; header of periods, Grand Total column and row; rows by total descending, ties by label (sort => total|label|stored, row_order => labels first); zero cells blank (zero => ''0'' or ''-''); suppressed cells show their own withheld marker or marker (which must mean withheld, any count: ''*'', ''[c]'', ''x''), never a count or ''-'' they carried before; bold => {total_row,total_column,row_labels}; multi-label tables add a Grand Total (distinct crimes) row. Totals: published_totals => NULL (default) prints a protected or parsed value''s PUBLISHED totals only (any suppressed cell or published total; a withheld total prints the marker, never blank, which reads as 0) and other values'' totals computed from the cells; true/false force published/computed (false reveals withheld counts: for checking only). Default sort: total (published totals for a protected value), or label when some row total is withheld';

-- Linked tables (a table and its subsets): one consistent pattern.
CREATE FUNCTION @extschema@.protect_linked(
    tables @extschema@.xtab[],
    subset_of integer[] DEFAULT NULL,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    zeros boolean DEFAULT false,
    allow_totals boolean DEFAULT false,
    marker text DEFAULT '*')
  RETURNS @extschema@.xtab[]
  AS 'MODULE_PATHNAME', 'foistats_protect_linked' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protect_linked(@extschema@.xtab[], integer[], integer, integer, boolean, boolean, text) IS
  'cell suppression of a family of LINKED tables at once: subset_of[i] (1-based, NULL for none) names the table whose records table i counts a subset of (table 1''s crimes that involved the internet), rows and columns matched by label. Chooses one pattern so that no small count of any table, nor any small difference superset - subset, can be worked out to within protection, checked by moves of the family that keep every published figure and every subset relation (see disclosure_audit_linked); a superset withholds every cell its subsets withhold. Returns the tables protected, in order, as protect() would (true counts kept: publish through the readers)';

CREATE FUNCTION @extschema@.disclosure_audit_linked(
    tables @extschema@.xtab[],
    subset_of integer[] DEFAULT NULL,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    zeros boolean DEFAULT false,
    OUT table_no integer,
    OUT row_label text,
    OUT col_label text,
    OUT published_state text,
    OUT min bigint,
    OUT max bigint,
    OUT bound_min bigint,
    OUT bound_max bigint,
    OUT meets_rule boolean,
    OUT exact boolean)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'foistats_disclosure_audit_linked' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION @extschema@.disclosure_audit_linked(@extschema@.xtab[], integer[], integer, integer, boolean) IS
  'audit of a family of linked tables (as protect_linked takes them, with their true counts): for every withheld cell and total of every table, min..max = values the reader cannot rule out (tables that keep every published figure and every subset relation reach them), judged by the rule (meets_rule); bound_min..bound_max = the most the reader can prove (each table''s exact audit, narrowed by subset <= superset); exact when the two agree';

-- The questions protected together with one question: the tree of
-- subset_of links between questions with the same rows and columns (so that
-- a difference of two of their tables is a count of crimes) and the same
-- protection, found from its root.  ids in definition order; subset_of[i] =
-- the position of ids[i]'s superset, or NULL.  A question outside any such
-- link is a family of one.
CREATE FUNCTION @extschema@.request_family(request text, spec jsonb, question text,
    OUT ids text[], OUT subset_of integer[])
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q     jsonb := @extschema@.request_question(request, spec, question);
    root  jsonb := q;
    par   jsonb;
    more  text[];
    prot  jsonb := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
BEGIN
    -- linked: same rows, same columns, same protection, both tables
    LOOP
        EXIT WHEN NOT root ? 'subset_of';
        par := @extschema@.request_question(request, spec, root ->> 'subset_of');
        EXIT WHEN NOT (par ? 'rows' AND root ? 'rows' AND par -> 'rows' = root -> 'rows'
                       AND coalesce(par -> 'columns', spec -> 'columns', '"year"') = coalesce(root -> 'columns', spec -> 'columns', '"year"')
                       AND coalesce(par -> 'protect', spec -> 'protect', 'false'::jsonb) = prot);
        root := par;
    END LOOP;
    ids := ARRAY[root ->> 'id'];
    LOOP
        -- add the questions linked below one already in (definition order)
        SELECT array_agg(e ->> 'id' ORDER BY o) INTO more
          FROM jsonb_array_elements(spec -> 'questions') WITH ORDINALITY AS x(e, o),
               LATERAL (SELECT p FROM jsonb_array_elements(spec -> 'questions') p
                         WHERE p ->> 'id' = e ->> 'subset_of') sup
         WHERE e ->> 'subset_of' = ANY (ids) AND NOT (e ->> 'id') = ANY (ids)
           AND e ? 'rows' AND e -> 'rows' = sup.p -> 'rows'
           AND coalesce(e -> 'columns', spec -> 'columns', '"year"') = coalesce(sup.p -> 'columns', spec -> 'columns', '"year"')
           AND coalesce(e -> 'protect', spec -> 'protect', 'false'::jsonb) = prot;
        EXIT WHEN more IS NULL;
        ids := ids || more;
    END LOOP;
    subset_of := ARRAY(SELECT array_position(ids, (SELECT e ->> 'subset_of' FROM jsonb_array_elements(spec -> 'questions') e WHERE e ->> 'id' = i))
                         FROM unnest(ids) WITH ORDINALITY AS u(i, o) ORDER BY o);
    subset_of[1] := NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_family(text, jsonb, text) IS
  'internal: the questions protected together with a question (subset_of links with the same rows, columns and protection), in definition order, with each one''s superset''s position';

CREATE OR REPLACE FUNCTION @extschema@.request_answer(request text, spec jsonb, question text, records regclass,
                                           period_from date, period_to date, protected boolean)
RETURNS @extschema@.xtab
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    ex     text := '@extschema@';
    q      jsonb := @extschema@.request_question(request, spec, question);
    cols   text := CASE WHEN jsonb_typeof(q -> 'columns') = 'object' THEN 'dimension' ELSE coalesce(q ->> 'columns', spec ->> 'columns', 'year') END;
    sql    text;
    x      @extschema@.xtab;
    rs     record;
    notes  text[] := '{}';
    prot   jsonb := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
    span   text := @extschema@.date_span_text(period_from, period_to);
    n      bigint;
    labels text[];
    fam_ids text[] := ARRAY[question];
    fam_sub integer[];
BEGIN
    records := @extschema@.request_records(request, spec, records);
    IF protected AND prot <> 'false'::jsonb THEN
        SELECT f.ids, f.subset_of INTO fam_ids, fam_sub FROM @extschema@.request_family(request, spec, question) f;
    END IF;
    sql := @extschema@.request_sql(request, spec, question, records);
    EXECUTE sql INTO x USING period_from, period_to, span;
    x := coalesce(x, '{}'::@extschema@.xtab);

    -- zeros: every period, every listed row
    IF cols = 'none' THEN
        x := @extschema@.with_columns(x, ARRAY[span]);
    ELSIF cols = 'dimension' AND coalesce((q -> 'zeros' ->> 'periods')::boolean, false) THEN
        x := @extschema@.with_columns(x, ARRAY(SELECT DISTINCT l FROM unnest(@extschema@.col_labels(x) ||
                 (@extschema@.request_rows_sql(request, question, q -> 'columns', @extschema@.request_template(spec), 'columns')).listed) l));
    ELSIF coalesce((q -> 'zeros' ->> 'periods')::boolean, false) THEN
        x := @extschema@.with_columns(x, @extschema@.period_labels(period_from, period_to, cols));
    END IF;
    IF q ? 'rows' THEN
        rs := @extschema@.request_rows_sql(request, question, q -> 'rows', @extschema@.request_template(spec));
        IF coalesce((q -> 'zeros' ->> 'rows')::boolean, false) THEN
            x := @extschema@.with_rows(x, rs.listed);
        END IF;
        IF rs.leave_out THEN
            EXECUTE format('SELECT count(*) FROM %s r WHERE %s AND %s', records,
                           @extschema@.request_population_sql(request, spec, question),
                           CASE WHEN rs.multi THEN format('cardinality(%s) = 0', rs.expr)
                                ELSE format('%s IS NULL', rs.expr) END)
              INTO n USING period_from, period_to;
            IF n > 0 THEN
                notes := notes || format('%s %s of the question''s population %s no %s and %s not counted in the table.',
                                         n, CASE WHEN n = 1 THEN 'crime' ELSE 'crimes' END,
                                         CASE WHEN n = 1 THEN 'has' ELSE 'have' END,
                                         CASE WHEN rs.multi AND q -> 'rows' ? 'terms'
                                              THEN format('mention of a counted term (dictionary ''%s'') in their MO text, or no MO text,', q -> 'rows' ->> 'terms')
                                              ELSE 'recorded ' || replace(rs.name, '_', ' ') END,
                                         CASE WHEN n = 1 THEN 'is' ELSE 'are' END);
            END IF;
        END IF;
    ELSE
        x := @extschema@.with_rows(x, ARRAY[coalesce(q -> 'measure' ->> 'name', 'crimes')]);
    END IF;
    IF cols = 'dimension' THEN
        notes := notes || format('Crimes recorded %s.', span);
    ELSIF cols <> 'none' THEN
        notes := notes || @extschema@.partial_periods(period_from, period_to, cols);
    END IF;
    notes := notes || ARRAY(SELECT jsonb_array_elements_text(coalesce(q -> 'footnotes', '[]')));
    x := @extschema@.annotate(x, title => q ->> 'title', row_header => q ->> 'row_header', footnotes => notes);

    IF protected AND prot <> 'false'::jsonb AND cardinality(fam_ids) > 1 THEN
        -- a question linked to others (a subset_of with the same rows and
        -- columns): the family is protected together (protect_linked)
        x := (@extschema@.protect_linked(
                ARRAY(SELECT CASE WHEN f.id = question THEN x
                                  ELSE @extschema@.request_answer(request, spec, f.id, records, period_from, period_to, false) END
                        FROM unnest(fam_ids) WITH ORDINALITY AS f(id, i) ORDER BY f.i),
                fam_sub,
                threshold => coalesce((prot ->> 'threshold')::int, 5),
                protection => (prot ->> 'protection')::int,
                zeros => coalesce((prot ->> 'zeros')::boolean, false),
                allow_totals => coalesce((prot ->> 'allow_totals')::boolean, false),
                marker => coalesce(prot ->> 'marker', '*')))[array_position(fam_ids, question)];
    ELSIF protected AND prot <> 'false'::jsonb THEN
        x := @extschema@.protect(x,
                threshold => coalesce((prot ->> 'threshold')::int, 5),
                protection => (prot ->> 'protection')::int,
                method => coalesce(prot ->> 'method', 'suppress'),
                zeros => coalesce((prot ->> 'zeros')::boolean, false),
                allow_totals => coalesce((prot ->> 'allow_totals')::boolean, false),
                marker => coalesce(prot ->> 'marker', '*'));
    END IF;
    RETURN x;
END
$fn$;
