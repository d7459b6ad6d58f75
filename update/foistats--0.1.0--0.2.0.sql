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
