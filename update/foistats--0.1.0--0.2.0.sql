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

-- issue 16: response document

-- new keys of a definition: population_text and chart
INSERT INTO @extschema@.request_key VALUES
 ('question', 'population_text', 'the population in words, for the response''s footnote (e.g. ''sexual offences by an offender aged 18 or over against a victim under 18''); without it the footnote quotes the SQL'),
 ('question', 'chart',       'the response document''s chart of a table by period: {"type": "line" | "bar", "rows": N (top rows drawn, default 5)}, or false for none'),
 ('chart',    'type',        'line (default when the table has two or more periods) | bar'),
 ('chart',    'rows',        'how many of the table''s top rows are drawn besides the total (0 to 12, default 5)');

CREATE FUNCTION @extschema@.request_render_options(request text, spec jsonb, question text, x @extschema@.xtab,
    OUT zero text, OUT marker text, OUT row_order text[], OUT sort text, OUT bold text[], OUT total_label text)
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q    jsonb := @extschema@.request_question(request, spec, question);
    r    jsonb := coalesce(q -> 'render', '{}');
    prot jsonb := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
BEGIN
    IF jsonb_typeof(q -> 'sort') = 'object' THEN
        row_order := ARRAY(SELECT l FROM jsonb_array_elements_text(q -> 'sort' -> 'order') l
                            WHERE l = ANY (@extschema@.row_labels(x)));
    END IF;
    zero := coalesce(r ->> 'zero', '');
    marker := coalesce(CASE WHEN prot <> 'false'::jsonb THEN prot ->> 'marker' END, '*');
    sort := CASE WHEN jsonb_typeof(q -> 'sort') = 'string' THEN q ->> 'sort' END;
    bold := ARRAY(SELECT jsonb_array_elements_text(coalesce(r -> 'bold', '[]')));
    total_label := coalesce(r ->> 'total_label', 'Grand Total');
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_render_options(text, jsonb, text, @extschema@.xtab) IS
  'internal: render''s options for a question''s table as its definition says it is published (sort or fixed row order, bold, zero text, total label, protection marker)';

CREATE OR REPLACE FUNCTION @extschema@.request_render(request text, question text, format text DEFAULT 'tsv',
                                           records regclass DEFAULT NULL,
                                           period_from date DEFAULT NULL, period_to date DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    x    @extschema@.xtab := @extschema@.request_xtab(request, question, records, period_from, period_to);
    o    record;
BEGIN
    SELECT * INTO o FROM @extschema@.request_render_options(request, @extschema@.request_spec(request), question, x);
    RETURN @extschema@.render(x, format, zero => o.zero, marker => o.marker, row_order => o.row_order,
                              sort => o.sort, bold => o.bold, total_label => o.total_label);
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_render(text, text, text, regclass, date, date) IS
  'one question of a stored request rendered as the definition says it is published (its sort or fixed row order, bold, zero text, total label, protection marker): render(request_xtab(...), format, ...)';

-- the seed template: population_text for questions 1, 1b, 1c and 3
UPDATE @extschema@.request SET spec = '{
 "title": "Sexual offences against children, internet involvement, grooming and social media",
 "description": "Sexual offences by adults against children by type and year, with the internet marker, grooming in the MO, convictions, and crimes mentioning social media platforms",
 "source": "West Midlands Police, response to a Freedom of Information request (2014), ../shared/seed/000_286780e0c5970899.txt",
 "period": {
  "from": "2010-01-01",
  "to": "2014-05-31"
 },
 "columns": "year",
 "questions": [
  {
   "id": "1",
   "text": "How many reports of crime relating to any sexual offence by an adult towards a child under 16 were recorded in your area in the years 2010, 2011, 2012, 2013 and so far this year? Please also provide a breakdown of these crimes by type.",
   "title": "Sexual offences committed by 18+ year olds on victims younger than 18 years",
   "population": "victim_age < 18 AND offender_age >= 18 AND coalesce(foistats.is_sexual_offence(ho_code), foistats.is_sexual_offence(offence))",
   "population_text": "sexual offences (by Home Office code, or by offence title) against a victim under 18 by an offender aged 18 or over, ages as recorded",
   "rows": {
    "dimension": "offence"
   }
  },
  {
   "id": "1b",
   "subset_of": "1",
   "text": "How many of these reports of crime included reference to use of internet and / or mobile messaging services?",
   "title": "Sexual offences with Internet Involved Special Interest Marker",
   "population": "''INTERNET INVOLVED'' = ANY (markers)",
   "population_text": "those with the special-interest marker INTERNET INVOLVED",
   "rows": {
    "dimension": "offence"
   },
   "render": {
    "bold": [
     "total_row"
    ]
   }
  },
  {
   "id": "1c",
   "subset_of": "1",
   "text": "How many of these crimes have included reference to grooming via the internet?",
   "title": "Sexual offences with Grooming referenced in the MO",
   "population": "foistats.mentions_any(mo, ''grooming'')",
   "population_text": "those whose MO text mentions grooming",
   "rows": {
    "dimension": "offence"
   },
   "render": {
    "bold": [
     "total_row"
    ]
   }
  },
  {
   "id": "1d",
   "subset_of": "1c",
   "text": "How many of these reports which included reference to grooming via the internet resulted in conviction?",
   "measure": {
    "count": "convicted",
    "name": "convictions"
   },
   "answer": "{1d.convictions:Words} of the reported crimes above (1c) have resulted in a conviction."
  },
  {
   "id": "2",
   "text": "Do you receive any official guidance from any government body as to how you record crimes which involve grooming or sexual offences towards children via the internet or messaging services? For example, whether that crime was cyber enabled / facilitated by the internet.",
   "answer": "Under section 21 of the Act, we are not required to provide information in response to a request if it is already reasonably accessible to you. The information you requested is available on the following website.\n\nThe National Crime Recording Standard (NRCS) is published on the Government website, see below link:\n\n[https://www.gov.uk/government/uploads/system/uploads/attachment\\\\_data/file/116269/nrcs.pdf](https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/116269/nrcs.pdf)\n\nIn addition, the College of Policing publish the ACPO Reducing Bureaucracy Programme which focuses on Understanding Crime Recording, see below link:\n\n[http://www.college.police.uk/en/docs/Understanding\\\\_crime\\\\_recording.pdf](http://www.college.police.uk/en/docs/Understanding_crime_recording.pdf)"
  },
  {
   "id": "3",
   "text": "How many crimes have been reported which in some way relate to the following internet / messaging sites: Facebook; Twitter; Whatsapp; Snapchat; Instagram; Whatsapp; Tumblr",
   "population": "foistats.mentions_any(mo, ''platforms'')",
   "population_text": "crimes of any type whose MO text mentions a social media or messaging platform",
   "rows": {
    "terms": "platforms",
    "only": [
     "Facebook",
     "Twitter",
     "WhatsApp",
     "Snapchat",
     "Instagram",
     "Tumblr"
    ],
    "case": "upper",
    "name": "platform"
   },
   "render": {
    "bold": [
     "row_labels",
     "total_column",
     "total_row"
    ]
   }
  }
 ],
 "closing": [
  "In addition to the data provided above, West Midlands Police can neither confirm nor deny that it holds any other information with regard to an exempt body as the duty in Section 1(1)(a) of the Freedom of Information Act 2000 does not apply by virtue of the following exemption:",
  "- Section 23(5) Information Supplied by, or concerning, certain Security Bodies",
  "Section 23 is a class based absolute exemption and there is no requirement to consider the public interest in this case.",
  "Confirming or denying the existence of whether any other information is held would contravene the constrictions laid out with Section 23 of the Freedom of Information Act 2000 in that this stipulates a generic bar on disclosure of any information applied by, or concerning, certain Security Bodies."
 ]
}'::jsonb
 WHERE name = 'wmp_2014_child_sexual_offences' AND shipped;

-- the response document (src/response.sql)
CREATE FUNCTION @extschema@.number_words(n bigint) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    ones   text[] := ARRAY['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
                           'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen',
                           'eighteen', 'nineteen'];
    tens   text[] := ARRAY['ten', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
    scales text[] := ARRAY['thousand', 'million', 'billion', 'trillion', 'quadrillion', 'quintillion'];
    m      numeric := abs(n::numeric);
    groups int[] := '{}';        -- groups of three digits, least significant first
    g      int;
    t      int;
    part   text;
    words  text := '';
BEGIN
    IF n = 0 THEN
        RETURN 'zero';
    END IF;
    WHILE m > 0 LOOP
        groups := groups || (m % 1000)::int;
        m := div(m, 1000);
    END LOOP;
    FOR i IN REVERSE cardinality(groups)..1 LOOP
        g := groups[i];
        CONTINUE WHEN g = 0;
        t := g % 100;
        part := CASE WHEN g >= 100 THEN ones[g / 100] || ' hundred' ELSE '' END;
        IF t > 0 THEN
            -- 'and' before the tens and units: 'one hundred and five', and
            -- after a larger group when no hundreds follow: 'one thousand and one'
            IF g >= 100 THEN
                part := part || ' and ';
            ELSIF i = 1 AND cardinality(groups) > 1 THEN
                part := 'and ';
            END IF;
            part := part || CASE WHEN t < 20 THEN ones[t]
                                 ELSE tens[t / 10] || CASE WHEN t % 10 > 0 THEN '-' || ones[t % 10] ELSE '' END END;
        END IF;
        IF i > 1 THEN
            part := part || ' ' || scales[i - 1];
        END IF;
        words := CASE WHEN words = '' THEN part ELSE words || ' ' || part END;
    END LOOP;
    RETURN CASE WHEN n < 0 THEN 'minus ' ELSE '' END || words;
END
$fn$;
COMMENT ON FUNCTION @extschema@.number_words(bigint) IS
  'a whole number in English words, British style: 6 -> six, 21 -> twenty-one, 105 -> one hundred and five, 1001 -> one thousand and one, 2500 -> two thousand five hundred; answers in words use it for placeholders {id.figure:words} and {id.figure:Words} (capitalised)';

CREATE FUNCTION @extschema@.html_escape(s text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN replace(replace(replace(replace(replace(s, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION @extschema@.html_escape(text) IS
  'text escaped for HTML and XML (& < > " and '' as entities), as render''s html format escapes it';

-- Plain text as Markdown that shows it literally (for footnotes and labels
-- that are not Markdown themselves).
CREATE FUNCTION @extschema@.markdown_escape(s text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN regexp_replace(s, '([\\`*_\[\]<>|~#])', '\\\1', 'g');
COMMENT ON FUNCTION @extschema@.markdown_escape(text) IS
  'plain text escaped for Markdown (backslash before \ ` * _ [ ] < > | ~ #), so that it shows as written';

-- One paragraph of the Markdown subset, as HTML or as plain text.
CREATE FUNCTION @extschema@.response_inline(s text, format text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    esc     constant text := chr(57344);    -- U+E000: the next character was escaped
    c_open  constant text := chr(57345);    -- U+E001 n U+E002: code span n
    c_close constant text := chr(57346);
    link    constant text := '\[([^]]*)\]\(([^()[:space:]]+)\)';
    codes   text[] := '{}';
    m       text[];
    p       int;
    whole   text;
    shown   text;
    url     text;
    done    text := '';
BEGIN
    IF format = 'markdown' THEN
        RETURN s;
    END IF;
    LOOP    -- code spans: their content is literal
        m := regexp_match(s, '`([^`]*)`');
        EXIT WHEN m IS NULL;
        codes := codes || m[1];
        p := strpos(s, '`' || m[1] || '`');
        s := left(s, p - 1) || c_open || cardinality(codes) || c_close || substr(s, p + length(m[1]) + 2);
    END LOOP;
    s := regexp_replace(s, '\\([!-/:-@[-`{-~])', esc || '\1', 'g');
    IF format = 'html' THEN
        s := @extschema@.html_escape(s);
    END IF;
    -- links; one whose text is its URL (backslash escapes aside) shows the URL
    LOOP
        p := regexp_instr(s, link);
        EXIT WHEN p = 0;
        whole := regexp_substr(s, link);
        m := regexp_match(whole, '^' || link || '$');
        url := replace(m[2], esc, '');
        shown := CASE WHEN replace(replace(m[1], esc, ''), '\', '') = replace(url, '\', '') THEN url ELSE m[1] END;
        done := done || left(s, p - 1) ||
                CASE WHEN format = 'html'
                     THEN format('<a href="%s"%s>%s</a>', url, CASE WHEN shown = url THEN '' ELSE ' class="ext"' END, shown)
                     WHEN shown = url THEN url
                     ELSE format('%s <%s>', shown, url) END;
        s := substr(s, p + length(whole));
    END LOOP;
    s := done || s;
    s := regexp_replace(s, '\*\*([^*]+)\*\*', CASE WHEN format = 'html' THEN '<b>\1</b>' ELSE '\1' END, 'g');
    s := replace(s, esc, '');
    FOR i IN 1..cardinality(codes) LOOP
        s := replace(s, c_open || i || c_close,
                     CASE WHEN format = 'html' THEN '<code>' || @extschema@.html_escape(codes[i]) || '</code>' ELSE codes[i] END);
    END LOOP;
    RETURN s;
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_inline(text, text) IS
  'internal: a paragraph of a definition''s text (the Markdown subset: links, **bold**, `code`, backslash escapes) as html, text or markdown (unchanged)';

-- Words wrapped to width: the first line starts with first, the others with rest.
CREATE FUNCTION @extschema@.response_wrap(s text, width int, first text DEFAULT '', rest text DEFAULT '') RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    w     text;
    line  text;
    lines text := '';
BEGIN
    FOR w IN SELECT x FROM regexp_split_to_table(btrim(s), '\s+') x WHERE x <> '' LOOP
        IF line IS NULL THEN
            line := first || w;
        ELSIF length(line) + 1 + length(w) <= width THEN
            line := line || ' ' || w;
        ELSE
            lines := lines || line || E'\n';
            line := rest || w;
        END IF;
    END LOOP;
    RETURN lines || coalesce(line, rtrim(first));
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_wrap(text, int, text, text) IS
  'internal: text wrapped at word boundaries to width characters (a longer word stands alone on its line), first line prefixed with first, the others with rest';

-- Text of a definition (Markdown subset) as blocks: paragraphs (blank-line
-- separated; a line ending in two spaces breaks the line) and "- " lists.
CREATE FUNCTION @extschema@.response_blocks(s text, format text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    br     constant text := chr(57347);     -- U+E003: a hard line break
    para   text;
    lines  text[];
    blocks text[] := '{}';
BEGIN
    IF format = 'markdown' THEN
        RETURN btrim(s, E'\n');
    END IF;
    FOR para IN SELECT x FROM regexp_split_to_table(btrim(s, E'\n'), '\n[ \t]*\n') x WHERE btrim(x) <> '' LOOP
        lines := string_to_array(para, E'\n');
        IF NOT EXISTS (SELECT 1 FROM unnest(lines) l WHERE l !~ '^[-*] ') THEN
            blocks := blocks || CASE WHEN format = 'html'
                THEN '<ul>' || (SELECT string_agg('<li>' || @extschema@.response_inline(substr(l, 3), format) || '</li>', '')
                                  FROM unnest(lines) l) || '</ul>'
                ELSE (SELECT string_agg(@extschema@.response_wrap(@extschema@.response_inline(substr(l, 3), format), 76, '- ', '  '), E'\n')
                        FROM unnest(lines) l) END;
        ELSIF format = 'html' THEN
            blocks := blocks || ('<p>' || replace(@extschema@.response_inline(regexp_replace(para, ' {2,}\n', br, 'g'), format),
                                                  br, E'<br>\n') || '</p>');
        ELSE
            blocks := blocks || (SELECT string_agg(@extschema@.response_wrap(l, 76), E'\n' ORDER BY o)
                                   FROM unnest(string_to_array(@extschema@.response_inline(
                                            regexp_replace(para, ' {2,}\n', br, 'g'), format), br))
                                        WITH ORDINALITY u(l, o));
        END IF;
    END LOOP;
    RETURN array_to_string(blocks, E'\n\n');
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_blocks(text, text) IS
  'internal: a definition''s text (paragraphs, "- " lists, the inline Markdown subset) as html blocks, text wrapped to 76 columns, or markdown (unchanged)';

-- ---------------------------------------------------------------------------
-- Footnotes made from the definition
-- ---------------------------------------------------------------------------

-- The terms (and exclusion phrases) of a dictionary a text search used;
-- rows_only: the terms the table has rows for, when it does not show all.
CREATE FUNCTION @extschema@.response_term_note(dictionary text, field text, rows_only text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  WITH t AS (
    SELECT t.term, array_agg('"' || t.alias || '"' ORDER BY t.alias) FILTER (WHERE NOT t.exclude AND t.alias IS NOT NULL) AS aliases
      FROM @extschema@.term t
     WHERE t.dictionary = response_term_note.dictionary
     GROUP BY t.term),
  x AS (
    SELECT string_agg('"' || t.alias || '"', ', ' ORDER BY t.alias) AS phrases
      FROM @extschema@.term t
     WHERE t.dictionary = response_term_note.dictionary AND t.exclude)
  SELECT format('Text search: the %s of each crime was searched for the terms of dictionary ''%s'' (foistats.term), ignoring case, as whole words, plurals and possessives included: %s.%s%s',
                CASE field WHEN 'mo' THEN 'MO (modus operandi) text' ELSE format('text of %s', field) END,
                @extschema@.markdown_escape(dictionary),
                string_agg(@extschema@.markdown_escape(t.term ||
                             CASE WHEN t.aliases IS NOT NULL THEN ', also written ' || array_to_string(t.aliases, ', ') ELSE '' END),
                           '; ' ORDER BY t.term),
                (SELECT ' Phrases that do not count: ' || @extschema@.markdown_escape(x.phrases) || '.' FROM x WHERE x.phrases IS NOT NULL),
                CASE WHEN rows_only IS NOT NULL
                     THEN ' The table counts mentions of ' || @extschema@.markdown_escape(array_to_string(rows_only, ', ')) || ' only (a term that no crime mentions has no row).' ELSE '' END)
    FROM t
$fn$;
COMMENT ON FUNCTION @extschema@.response_term_note(text, text, text[]) IS
  'internal: the footnote stating the terms, spellings and exclusion phrases of a dictionary that a question''s text search of field used (and, rows_only, the terms its table has rows for)';

-- One finding of the audit, in words.
CREATE FUNCTION @extschema@.response_finding(f jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN format('%s%s: %s', f ->> 'check',
              coalesce(' (' || nullif(concat_ws(', ', nullif(f ->> 'row_label', ''), nullif(f ->> 'col_label', '')), '') || ')', ''),
              coalesce(nullif(f ->> 'detail', ''),
                       format('printed %s, the cells give %s', coalesce(f ->> 'published', 'nothing'), coalesce(f ->> 'computed', 'nothing'))));
COMMENT ON FUNCTION @extschema@.response_finding(jsonb) IS 'internal: a finding of foistats.audit_request in words';

-- Placeholders {id.figure}, {id.figure:words}, {id.figure:Words} filled
-- from figures {"id": {"figure": n}} (null: withheld, printed as marker,
-- escaped: the texts are Markdown, where a line starting '* ' is a list).
CREATE FUNCTION @extschema@.response_fill(s text, figures jsonb, marker text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    ph   constant text := '\{([^{}.:]+)\.([^{}:]+)(:[^{}]*)?\}';
    p    int;
    m    text[];
    v    bigint;
    w    text;
    done text := '';
BEGIN
    IF s IS NULL THEN
        RETURN NULL;
    END IF;
    LOOP
        p := regexp_instr(s, ph);
        EXIT WHEN p = 0;
        m := regexp_match(substr(s, p), '^' || ph);
        IF NOT (figures -> m[1]) ? m[2] THEN
            RAISE EXCEPTION 'placeholder {%.%} names no figure', m[1], m[2] USING ERRCODE = 'invalid_parameter_value';
        END IF;
        v := (figures -> m[1] ->> m[2])::bigint;
        w := CASE WHEN v IS NULL THEN @extschema@.markdown_escape(marker)
                  WHEN m[3] IS NULL THEN v::text
                  ELSE @extschema@.number_words(v) END;
        IF m[3] = ':Words' THEN
            w := upper(left(w, 1)) || substr(w, 2);
        END IF;
        done := done || left(s, p - 1) || w;
        s := substr(s, p + length(m[1]) + length(m[2]) + coalesce(length(m[3]), 0) + 3);
    END LOOP;
    RETURN done || s;
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_fill(text, jsonb, text) IS
  'internal: a definition''s text with its placeholders {id.figure[:words|:Words]} replaced by the figures (a withheld figure by the marker)';

-- ---------------------------------------------------------------------------
-- Charts: inline SVG, made here, no script
-- ---------------------------------------------------------------------------

-- A question's table by period as an SVG line (or bar) chart of its top rows
-- and its total, in a <figure>; '' when the table has no period columns or
-- the definition says "chart": false.  The <svg> is role="img" with a
-- <title> and a <desc> that state every figure drawn; a withheld figure is
-- not drawn (the line breaks) and the text says "withheld".  Colours have a
-- contrast of at least 4.5:1 against white and the series also differ in
-- dash pattern, so colour is not needed to tell them apart.
CREATE FUNCTION @extschema@.response_chart(x @extschema@.xtab, qid text, heading text, granularity text,
                                           period_from date, period_to date, chart jsonb, total_label text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    colours  constant text[] := ARRAY['#0b5394', '#a33b00', '#00704a', '#8e2b6d', '#5a4a9a', '#6b5300'];
    dashes   constant text[] := ARRAY['', '7 3', '2 3', '9 3 2 3', '4 4', '12 4'];
    cols     text[] := @extschema@.col_labels(x);
    nc       int := cardinality(cols);
    ntop     int := coalesce((chart ->> 'rows')::int, 5);
    kind     text;
    labels   text[];
    vals     jsonb;
    ns       int;
    vmax     bigint;
    step     bigint := 1;
    ytop     bigint;
    w        constant int := 720;
    ml       constant int := 64;
    mr       constant int := 20;
    mt       constant int := 16;
    ph       constant int := 240;
    pw       int := 720 - 64 - 20;
    h        int;
    band     numeric;
    nth    int;
    id       text := 'chart-' || lower(qid);
    svg      text;
    descr    text;
    partial  text[];
    gname    text := CASE granularity WHEN 'year' THEN 'year' WHEN 'fy' THEN 'financial year'
                                      WHEN 'quarter' THEN 'quarter' WHEN 'month' THEN 'month' END;
    path     text;
    pen      boolean;
    cx       numeric;
    cy       numeric;
    v        bigint;
    colour   text;
    dash     text;
    total    boolean;
BEGIN
    IF chart = 'false'::jsonb OR gname IS NULL OR nc = 0 THEN
        RETURN '';
    END IF;
    kind := coalesce(chart ->> 'type', CASE WHEN nc >= 2 THEN 'line' ELSE 'bar' END);

    -- the series: the top rows by total (a protected table's published
    -- totals: rows whose total is withheld come last, by label), then the
    -- total row (distinct crimes for multi-label rows), unless one row is
    -- the whole table
    SELECT array_agg(s.row_label ORDER BY s.k, s.position), jsonb_agg(to_jsonb(s.cells) ORDER BY s.k, s.position)
      INTO labels, vals
      FROM ((SELECT 0 AS k, t.position, t.row_label, t.cells
               FROM @extschema@.table_rows(x, sort => 'total', total_label => total_label) t
              WHERE NOT t.is_total ORDER BY t.position LIMIT ntop)
            UNION ALL
            (SELECT 1, t.position, t.row_label, t.cells
               FROM @extschema@.table_rows(x, total_label => total_label) t
              WHERE t.is_total AND (SELECT count(*) FROM @extschema@.table_rows(x) b WHERE NOT b.is_total) > 1
              ORDER BY t.position DESC LIMIT 1)) s;
    ns := coalesce(cardinality(labels), 0);
    IF ns = 0 THEN
        RETURN '';
    END IF;

    -- the periods the request covers in part
    partial := ARRAY(SELECT c FROM unnest(cols) c
                      WHERE @extschema@.period_start(c, granularity) < period_from
                         OR @extschema@.period_end(c, granularity) > period_to);

    -- y axis: 0 to a multiple of a step of 1, 2 or 5 x 10^k, at most 6 steps
    SELECT coalesce(max(e::bigint), 0) INTO vmax
      FROM jsonb_array_elements(vals) r, jsonb_array_elements_text(r) e WHERE e IS NOT NULL;
    vmax := greatest(vmax, 1);
    WHILE vmax > 6 * step LOOP
        step := CASE left(step::text, 1) WHEN '2' THEN step / 2 * 5 ELSE step * 2 END;
    END LOOP;
    ytop := ((vmax + step - 1) / step) * step;
    band := pw::numeric / nc;
    nth := (nc + 11) / 12;        -- at most 12 period labels
    h := mt + ph + 56 + 20 * ns + 8;

    descr := format('Figures drawn, by %s of recording: ', gname) ||
             (SELECT string_agg(format('%s: %s', l,
                                       (SELECT string_agg(c || ' ' || coalesce(e, 'withheld'), ', ' ORDER BY o)
                                          FROM jsonb_array_elements_text(vals -> (i - 1)::int) WITH ORDINALITY z(e, o),
                                               LATERAL (SELECT cols[o] AS c) cc)), '; ' ORDER BY i)
                FROM unnest(labels) WITH ORDINALITY u(l, i)) || '.' ||
             coalesce(' ' || (SELECT string_agg(format('%s covers %s only.', c,
                                                       @extschema@.date_span_text(greatest(@extschema@.period_start(c, granularity), period_from),
                                                                                  least(@extschema@.period_end(c, granularity), period_to))), ' ')
                                FROM unnest(partial) c), '');

    svg := format('<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %1$s %2$s" width="%1$s" height="%2$s" role="img" aria-labelledby="%3$s-title %3$s-desc">',
                  w, h, id) || E'\n' ||
           format('<title id="%s-title">%s</title>', id, @extschema@.html_escape(CASE WHEN heading LIKE 'Question %' THEN 'Chart: ' || heading
                                                                           ELSE format('Chart of question %s: %s', qid, heading) END)) || E'\n' ||
           format('<desc id="%s-desc">%s</desc>', id, @extschema@.html_escape(descr)) || E'\n';

    -- a period the request covers in part is shaded; then grid, y ticks and axes
    FOR i IN 1..nc LOOP
        CONTINUE WHEN NOT cols[i] = ANY (partial);
        svg := svg || format('<rect x="%s" y="%s" width="%s" height="%s" fill="#efefef"/>',
                             round(ml + band * (i - 1), 1), mt, round(band, 1), ph) || E'\n';
    END LOOP;
    FOR i IN 0..(ytop / step) LOOP
        cy := mt + ph - (i * step)::numeric / ytop * ph;
        svg := svg || format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>',
                             ml, round(cy, 1), ml + pw, round(cy, 1), CASE WHEN i = 0 THEN '#1a1a1a' ELSE '#d9d9d9' END) ||
                      format('<text x="%s" y="%s" text-anchor="end" font-size="12" fill="#1a1a1a">%s</text>',
                             ml - 8, round(cy + 4, 1), i * step) || E'\n';
    END LOOP;
    svg := svg || format('<line x1="%1$s" y1="%2$s" x2="%1$s" y2="%3$s" stroke="#1a1a1a" stroke-width="1"/>', ml, mt, mt + ph) ||
           format('<text x="14" y="%s" text-anchor="middle" font-size="12" fill="#1a1a1a" transform="rotate(-90 14 %s)">Crimes</text>',
                  mt + ph / 2, mt + ph / 2) || E'\n';
    FOR i IN 1..nc LOOP
        CONTINUE WHEN (i - 1) % nth <> 0 AND i <> nc;
        svg := svg || format('<text x="%s" y="%s" text-anchor="middle" font-size="12" fill="#1a1a1a">%s</text>',
                             round(ml + band * (i - 0.5), 1), mt + ph + 18,
                             @extschema@.html_escape(cols[i] || CASE WHEN cols[i] = ANY (partial) THEN ' (part)' ELSE '' END)) || E'\n';
    END LOOP;
    svg := svg || format('<text x="%s" y="%s" text-anchor="middle" font-size="12" fill="#1a1a1a">%s recorded</text>',
                         ml + pw / 2, mt + ph + 38, initcap(left(gname, 1)) || substr(gname, 2)) || E'\n';

    -- the series and the legend
    FOR s IN 1..ns LOOP
        total := s = ns AND labels[s] LIKE total_label || '%';
        colour := CASE WHEN total THEN '#1a1a1a' ELSE colours[1 + (s - 1) % 6] END;
        dash := CASE WHEN total THEN '' ELSE dashes[1 + ((s - 1) / 6 + s - 1) % 6] END;
        svg := svg || format('<g class="series" data-label="%s">', @extschema@.html_escape(labels[s]));
        path := '';
        pen := false;
        FOR i IN 1..nc LOOP
            v := (vals -> (s - 1) ->> (i - 1))::bigint;
            IF v IS NULL THEN
                pen := false;
                CONTINUE;
            END IF;
            cy := mt + ph - v::numeric / ytop * ph;
            IF kind = 'line' THEN
                cx := ml + band * (i - 0.5);
                path := path || format('%s%s %s ', CASE WHEN pen THEN 'L' ELSE 'M' END, round(cx, 1), round(cy, 1));
                pen := true;
                svg := svg || CASE WHEN total
                    THEN format('<rect x="%s" y="%s" width="7" height="7" fill="%s"><title>%s</title></rect>',
                                round(cx - 3.5, 1), round(cy - 3.5, 1), colour, @extschema@.html_escape(format('%s, %s: %s', labels[s], cols[i], v)))
                    ELSE format('<circle cx="%s" cy="%s" r="3.5" fill="%s"><title>%s</title></circle>',
                                round(cx, 1), round(cy, 1), colour, @extschema@.html_escape(format('%s, %s: %s', labels[s], cols[i], v))) END;
            ELSE
                cx := ml + band * (i - 1) + band * 0.1 + band * 0.8 / ns * (s - 1);
                svg := svg || format('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s</title></rect>',
                                     round(cx, 1), round(cy, 1), round(band * 0.8 / ns, 1), round(mt + ph - cy, 1), colour,
                                     @extschema@.html_escape(format('%s, %s: %s', labels[s], cols[i], v)));
            END IF;
        END LOOP;
        IF path <> '' THEN
            svg := svg || format('<path d="%s" fill="none" stroke="%s" stroke-width="%s"%s/>', rtrim(path), colour,
                                 CASE WHEN total THEN 3 ELSE 2 END,
                                 CASE WHEN dash <> '' THEN format(' stroke-dasharray="%s"', dash) ELSE '' END);
        END IF;
        cy := mt + ph + 56 + 20 * (s - 1);
        svg := svg || CASE WHEN kind = 'line'
            THEN format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>', ml, cy, ml + 28, cy, colour,
                        CASE WHEN total THEN 3 ELSE 2 END, CASE WHEN dash <> '' THEN format(' stroke-dasharray="%s"', dash) ELSE '' END)
            ELSE format('<rect x="%s" y="%s" width="20" height="12" fill="%s"/>', ml + 4, cy - 6, colour) END ||
            format('<text x="%s" y="%s" font-size="12" fill="#1a1a1a">%s</text>', ml + 36, cy + 4, @extschema@.html_escape(labels[s])) ||
            E'</g>\n';
    END LOOP;
    svg := svg || '</svg>';

    RETURN format(E'<figure class="chart" id="%s">\n%s\n<figcaption>%s</figcaption>\n</figure>', id, svg,
                  @extschema@.html_escape(format('Chart: %s by %s, from the table above%s.',
                      CASE WHEN ns = 1 THEN labels[1]
                           WHEN labels[ns] LIKE total_label || '%' THEN format('the top %s %s and %s', ns - 1,
                                                                           CASE WHEN ns = 2 THEN 'row' ELSE 'rows' END, labels[ns])
                           ELSE format('the top %s rows', ns) END,
                      gname,
                      CASE WHEN cardinality(partial) > 0 THEN format('; %s covers part of the period only', array_to_string(partial, ', ')) ELSE '' END)));
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_chart(@extschema@.xtab, text, text, text, date, date, jsonb, text) IS
  'internal: a question''s table by period as an inline SVG chart (lines, or bars for a single period or "type": "bar") of its top rows and its total, with a <title> and a <desc> stating every figure drawn; withheld figures are not drawn';

-- ---------------------------------------------------------------------------
-- The document
-- ---------------------------------------------------------------------------

-- The HTML page around the document: one self-contained file, styles for
-- the screen and for A4 print, no script, nothing fetched.
CREATE FUNCTION @extschema@.response_html_page(title text, body text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT format($html$<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="foistats">
<title>%s</title>
<style>
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #1a1a1a; background: #fff; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5em; margin: 0 0 .25em; }
h2 { font-size: 1.15em; margin: 2.2em 0 .4em; padding-bottom: .15em; border-bottom: 1px solid #767676; }
h3 { font-size: 1em; margin: 1em 0 .3em; }
.period { margin: 0 0 1.5em; }
.asked { font-weight: bold; }
a { color: #0b4f9c; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .8em 0 .4em; font-size: .85em; }
caption { text-align: left; font-weight: bold; padding: .3em 0; }
th, td { border: 1px solid #767676; padding: .12em .45em; }
thead th { background: #ececec; text-align: right; }
thead th:first-child { text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; }
tbody th, tfoot th { text-align: left; font-weight: normal; }
tfoot th, tfoot td { border-top: 2px solid #1a1a1a; }
.table > p, .notes { font-size: .85em; }
.table > p { margin: .2em 0; }
.notes ul { margin: .2em 0; padding-left: 1.4em; }
.warning { border: 2px solid #8a1c1c; background: #fdf0f0; color: #5c0f0f; padding: .5em .7em; }
figure.chart { margin: 1em 0; }
figure.chart svg { max-width: 100%%; height: auto; font-family: inherit; }
figcaption { font-size: .85em; }
code { font-size: .95em; overflow-wrap: anywhere; }
.closing { margin-top: 2.5em; border-top: 1px solid #767676; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr, figure.chart, .notes li, .warning { break-inside: avoid; page-break-inside: avoid; }
  a.ext::after { content: " <" attr(href) ">"; }
}
</style>
</head>
<body>
%s
</body>
</html>
$html$, @extschema@.html_escape(title), body)
$fn$;
COMMENT ON FUNCTION @extschema@.response_html_page(text, text) IS
  'internal: the HTML page of a response document: UTF-8, lang en, one embedded stylesheet for screen and A4 print (totals rows print once, table headers repeat on each page), no script';

-- The period a response covers: the one given (both days or neither), or
-- the request's own, resolved now.
CREATE FUNCTION @extschema@.response_period(request text, spec jsonb, first_day date, last_day date,
                                            OUT period_from date, OUT period_to date)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF (first_day IS NULL) <> (last_day IS NULL) THEN
        RAISE EXCEPTION 'give both period_from and period_to, or neither' USING ERRCODE = 'invalid_parameter_value';
    ELSIF first_day > last_day THEN
        RAISE EXCEPTION 'period starts after it ends' USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('period_from is %s, period_to is %s.', first_day, last_day);
    ELSIF first_day IS NULL THEN
        SELECT * INTO period_from, period_to FROM @extschema@.resolve_period(request, spec -> 'period');
    ELSE
        period_from := first_day;
        period_to := last_day;
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_period(text, jsonb, date, date) IS
  'internal: the first and last day a response covers: those given, or the request''s period resolved now';

-- ---------------------------------------------------------------------------
-- issue 12: roll-ups
-- ---------------------------------------------------------------------------

-- The cross-tab arithmetic of roll-ups (src/render.sql, C: src/xtab_edit.c).
CREATE FUNCTION @extschema@.relabel_columns(x @extschema@.xtab, old_labels text[], new_labels text[])
  RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_sql_relabel_columns' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.relabel_columns(@extschema@.xtab, text[], text[]) IS
  'the cross-tab with column old_labels[i] called new_labels[i] (a label it lacks is ignored); columns that end up with the same label are added together';
CREATE FUNCTION @extschema@.xtab_minus(a @extschema@.xtab, b @extschema@.xtab)
  RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_sql_minus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_minus(@extschema@.xtab, @extschema@.xtab) IS
  'the counts of a less those of b, by row and column label (cells and units): rows and columns left with nothing are dropped, so a cross-tab less that of some of its records equals the cross-tab of the others; a count of b greater than a''s is an error; protected or parsed cross-tabs are refused';
CREATE FUNCTION @extschema@.xtab_minus(a @extschema@.xtab, b @extschema@.xtab, clip boolean)
  RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_sql_minus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_minus(@extschema@.xtab, @extschema@.xtab, boolean) IS
  'xtab_minus(a, b), with clip => true a count of b greater than a''s giving zero instead of an error';
CREATE OPERATOR @extschema@.- (
  LEFTARG = @extschema@.xtab, RIGHTARG = @extschema@.xtab,
  FUNCTION = @extschema@.xtab_minus);
COMMENT ON OPERATOR @extschema@.- (@extschema@.xtab, @extschema@.xtab) IS 'difference of two cross-tabs (see xtab_minus)';

-- What each records view was bound to (src/records.sql).
CREATE TABLE @extschema@.records_binding (
    records   regclass PRIMARY KEY,
    source    regclass NOT NULL,
    columns   jsonb NOT NULL,
    time_zone text NOT NULL,
    bound_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    bound_by  name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE @extschema@.records_binding IS
  'the records views made by foistats.bind_records: the source table each reads, the column mapping and the time zone it was bound with';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.records_binding', '');
-- (pg_dump's list of configuration tables in a fresh install's order: the
-- tables registered after records_binding there are registered again)
ALTER EXTENSION foistats DROP TABLE @extschema@.request;
ALTER EXTENSION foistats ADD TABLE @extschema@.request;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.request', 'WHERE NOT shipped');
ALTER EXTENSION foistats DROP TABLE @extschema@.answer;
ALTER EXTENSION foistats ADD TABLE @extschema@.answer;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.answer', '');
ALTER EXTENSION foistats DROP TABLE @extschema@.answer_table;
ALTER EXTENSION foistats ADD TABLE @extschema@.answer_table;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.answer_table', '');
COMMENT ON FUNCTION @extschema@.bind_records(name, regclass, jsonb, text, boolean) IS
  'creates (or replaces) view <target>.records over source with the record interface''s columns (foistats.record_field) and source''s other columns passed through. columns maps a field to a column name, {"expr": "SQL over source''s columns"} or {"value": constant}; types are checked at bind time. A timestamptz recorded date is read in time_zone (default Europe/London), never the session''s. check_values => true checks that every outcome is a Home Office outcome type (foistats.ho_outcome)';

-- Requests (src/request.sql): partial_periods looks at the first and last
-- period only; request_sql also returns the pieces of a question's query
-- (a new result type: dropped and created again); request_answer reads a
-- roll-up when there is one.
CREATE OR REPLACE FUNCTION @extschema@.partial_periods(period_from date, period_to date, granularity text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT coalesce(array_agg(format('%s: %s only', l,
                                   @extschema@.date_span_text(greatest(s, period_from), least(e, period_to)))
                            ORDER BY s), '{}')
    FROM (SELECT l, @extschema@.period_start(l, granularity) s, @extschema@.period_end(l, granularity) e
            FROM (SELECT DISTINCT unnest(ARRAY[@extschema@.period(period_from, granularity),
                                               @extschema@.period(period_to, granularity)]) AS l
                   WHERE period_from <= period_to) x) p
   WHERE s < period_from OR e > period_to
$fn$;
COMMENT ON FUNCTION @extschema@.partial_periods(date, date, text) IS
  'footnote text for each period that the request period covers only in part, e.g. ''2024/25: 1 April – 30 November 2024 only''';
DROP FUNCTION @extschema@.request_sql(text, jsonb, text, regclass);

-- Roll-ups (src/rollup.sql, C: src/rollup.c), all new.
-- ---------------------------------------------------------------------------
-- Roll-ups: a question's counts kept month by month, so that a request over
-- ten years merges 120 stored cross-tabs instead of scanning the records.
--
-- foistats.create_rollup(request, question [, records]) counts the question's
-- population (unprotected, as request_xtab counts it before protection) per
-- calendar month of recorded_on into foistats.rollup_month, and puts
-- statement-level triggers (with transition tables) on the records' source
-- table and on every partition of it.  From then on request_xtab, the
-- request views, save_answer and check_answer answer that question from the
-- roll-up whenever the question's definition and the binding are the ones
-- it was built with: the months wholly inside the period are merged, and
-- the days of a partial first or last month are counted by the question's
-- own query over those days only (an index on the source's recorded-date
-- column makes that cheap).  A period inside one month is simply scanned.
--
-- Maintenance.  After each INSERT, UPDATE or DELETE statement on the source
-- (or a partition written directly), the trigger (C: src/rollup.c) counts the
-- rows the statement added (new transition table) and removed (old
-- transition table) through the binding's own expressions, by month, and
-- folds the difference into the roll-up.  A re-classified record moves from
-- one row label to another, a record whose date changes moves between
-- months, a no-crimed record (is_crime false) leaves the population, all as
-- "removed the old version, added the new one".  TRUNCATE of the source
-- empties its roll-ups.  The cost is that of counting the written rows once
-- more (the population's and rows' expressions) plus one small write per
-- month touched (README: "Roll-ups" gives measured figures).
--
-- A month's counts are the sum of its rows in rollup_month, each holding
-- counts added and counts still to subtract (a cross-tab cannot hold
-- negative counts).  A writer folds its difference into the month's rows
-- that no other transaction holds (SELECT ... FOR UPDATE SKIP LOCKED), or
-- adds a row of its own when another writer holds them all; so concurrent
-- writers to the same month never wait for each other or deadlock, and a
-- month has about as many rows as writers that were concurrent.  Under
-- REPEATABLE READ or SERIALIZABLE a writer only adds rows (it never locks one
-- another transaction may have changed), and the next READ COMMITTED writer
-- or refresh_rollup folds them.  Every row is written by the transaction
-- that wrote the records it counts, so any snapshot sees the roll-up that a
-- scan of the records would give under that snapshot.
--
-- What a roll-up cannot see, it does not use (reads fall back to a scan;
-- foistats.rollups and check_rollup say why; refresh_rollup rebuilds):
--   * a change of the question's definition (define_request), of the
--     binding (bind_records, or the records view replaced by hand), or of
--     the source's partitions (attached, detached, dropped), or a roll-up
--     trigger dropped or disabled;
--   * an edit of a table the counts depend on: term dictionaries
--     (foistats.term), offence overrides and the Home Office list
--     (foistats.offence_override, foistats.ho_offence), outcome types
--     (foistats.ho_outcome).  A roll-up keeps the versions of
--     foistats.cache_version (src/cache.h: the per-backend caches' design;
--     outcome types get an "outcomes" row here) it was built with;
--   * TRUNCATE of one partition (no rows to subtract): marks it stale.
-- All are checked at every read.
-- Not detected (check_rollup finds them): writes made with triggers off
-- (session_replication_role = replica, ALTER TABLE ... DISABLE TRIGGER
-- while writing), and changes to anything else a population or row
-- expression reads (a user's own lookup table or function).
--
-- Privileges: the trigger runs as the role writing the records, so roles
-- that write the source need SELECT, INSERT and DELETE on
-- foistats.rollup_month and SELECT on foistats.rollup (granted by the
-- extension's owner); roll-ups hold exact counts, as sensitive as
-- foistats.answer_table.
-- ---------------------------------------------------------------------------

CREATE SEQUENCE @extschema@.rollup_version_seq;
COMMENT ON SEQUENCE @extschema@.rollup_version_seq IS
  'versions of foistats.rollup rows: each build of a roll-up gets a new one, so the triggers'' kept plans of its SQL are made again';

CREATE TABLE @extschema@.rollup (
    id           serial PRIMARY KEY,
    request      text NOT NULL,
    question     text NOT NULL,
    records      regclass NOT NULL,
    source       regclass NOT NULL,
    relations    regclass[] NOT NULL,
    columns      text NOT NULL,
    count_sql    text NOT NULL,
    left_out_sql text,
    binding      text NOT NULL,
    month_sql    text NOT NULL,
    insert_sql   text NOT NULL,   -- the triggers' SQL: (month, added, removed, left_out)
    update_sql   text NOT NULL,
    delete_sql   text NOT NULL,
    stale        text,
    cache_versions jsonb NOT NULL DEFAULT '{}',
    version      bigint NOT NULL DEFAULT pg_catalog.nextval('@extschema@.rollup_version_seq'::pg_catalog.regclass),
    built_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    built_by     name NOT NULL DEFAULT CURRENT_USER,
    UNIQUE (request, question, records)
);
COMMENT ON TABLE @extschema@.rollup IS
  'roll-ups of request questions (foistats.create_rollup): the question, its records view and source table (and the tables carrying its triggers), the SQL it was built from and that its triggers run, the versions of the tables its counts depend on, and whether a partition was truncated under it (foistats.rollups says whether it answers requests now)';
COMMENT ON COLUMN @extschema@.rollup.count_sql IS
  'request_sql''s count_sql of the question when the roll-up was built: a question is answered from the roll-up only while its SQL is this';
COMMENT ON COLUMN @extschema@.rollup.binding IS
  'the select list of the records view over its source, schema-qualified: the triggers evaluate it over the rows a statement wrote';
COMMENT ON COLUMN @extschema@.rollup.cache_versions IS
  'the versions of foistats.cache_version (term dictionaries, offence classification, outcome types) the roll-up was built with: it answers only while they are current';
COMMENT ON COLUMN @extschema@.rollup.stale IS
  'why the roll-up no longer answers requests when no check at read time can tell (a partition truncated alone): refresh_rollup rebuilds it; NULL otherwise';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rollup', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rollup_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rollup_version_seq', '');

CREATE TABLE @extschema@.rollup_month (
    rollup   integer NOT NULL,
    month    date NOT NULL,     -- the first day of the month
    added    @extschema@.xtab,
    removed  @extschema@.xtab,
    left_out bigint NOT NULL DEFAULT 0
) WITH (fillfactor = 50);
CREATE INDEX rollup_month_idx ON @extschema@.rollup_month (rollup, month);
COMMENT ON TABLE @extschema@.rollup_month IS
  'the counts of each roll-up by month (exact, unprotected): a month''s cross-tab is the sum of its rows'' added less the sum of their removed; left_out counts the population''s records the table leaves out (no row label). Several rows for a month are writes of concurrent transactions, folded by the next writer';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rollup_month', '');

-- The version of foistats.ho_outcome (outcome labels and groups), kept in
-- foistats.cache_version like those of the per-backend caches' sources
-- (src/cache.h): a roll-up answers only while the versions it was built
-- with are current.
INSERT INTO @extschema@.cache_version (cache, version)
  VALUES ('outcomes', pg_catalog.nextval('@extschema@.cache_version_seq'::pg_catalog.regclass));
CREATE FUNCTION @extschema@.outcome_changed() RETURNS trigger
  AS 'MODULE_PATHNAME', 'foistats_outcome_changed'
  LANGUAGE C;
COMMENT ON FUNCTION @extschema@.outcome_changed() IS
  'statement trigger on foistats.ho_outcome: bumps the outcomes version in foistats.cache_version, so roll-ups built before the change are set aside';
CREATE TRIGGER ho_outcome_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.ho_outcome
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.outcome_changed();

-- ---------------------------------------------------------------------------
-- Building blocks
-- ---------------------------------------------------------------------------

-- The source table and every table under it (partitions, inheritance
-- children): the tables a statement can write the records through.
CREATE FUNCTION @extschema@.rollup_relations(source regclass) RETURNS regclass[]
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
  WITH RECURSIVE t(r) AS (
    SELECT source::oid
    UNION
    SELECT i.inhrelid FROM pg_inherits i JOIN t ON i.inhparent = t.r)
  SELECT array_agg(t.r::regclass ORDER BY t.r) FROM t
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_relations(regclass) IS
  'internal: a source table and all its partitions (and inheritance children), in OID order: the tables that carry roll-up triggers';

-- The select list of a records view made by bind_records, deparsed with
-- every name schema-qualified; NULL if the view is not "SELECT ... FROM
-- source s" (replaced by hand).
CREATE FUNCTION @extschema@.rollup_binding(records regclass, source regclass) RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    d    text := btrim(pg_get_viewdef(records, false), E' \t\n');
    tail text := format('FROM %s s;', source);
    body text;
BEGIN
    IF left(d, 7) <> 'SELECT ' OR right(d, length(tail)) <> tail THEN
        RETURN NULL;
    END IF;
    body := substr(d, 8, length(d) - 7 - length(tail));
    IF body !~ '\s$' THEN
        RETURN NULL;
    END IF;
    RETURN btrim(body, E' \t\n');
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_binding(regclass, regclass) IS
  'internal: the select list of a records view bound by bind_records over source, with every name schema-qualified (NULL if the view is not a binding of source)';

-- The query that counts a question by month over rel (a relation, or a
-- subquery that yields records), from the pieces of request_sql.
CREATE FUNCTION @extschema@.rollup_month_sql(parts record, columns text, rel text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    period text := 'r.is_crime AND r.recorded_on BETWEEN $1 AND $2';
BEGIN
    IF left(parts.population, length(period)) <> period THEN
        RAISE EXCEPTION 'unexpected population SQL: %', parts.population;
    END IF;
    RETURN format('SELECT date_trunc(''month'', r.recorded_on::timestamp)::date AS month, '
                  '%s.xtab(%s, %s)%s AS x, %s AS left_out FROM %s r '
                  'WHERE r.is_crime AND r.recorded_on IS NOT NULL%s GROUP BY 1',
                  '@extschema@', parts.rowx,
                  CASE WHEN columns = 'none' THEN '''all''::text' ELSE parts.colx END,
                  CASE WHEN parts.filt IS NOT NULL THEN format(' FILTER (WHERE %s)', parts.filt) ELSE '' END,
                  CASE WHEN parts.left_out IS NOT NULL THEN format('count(*) FILTER (WHERE %s)', parts.left_out)
                       ELSE '0::bigint' END,
                  rel, substr(parts.population, length(period) + 1));
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_month_sql(record, text, text) IS
  'internal: the SQL that counts a question month by month over a relation (month, x, left_out), from the pieces of request_sql; columns none are counted under the label ''all''';

-- A difference folded as far as it goes: what a has beyond b, or NULL.
CREATE FUNCTION @extschema@.rollup_net(a @extschema@.xtab, b @extschema@.xtab) RETURNS @extschema@.xtab
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN y IS NULL OR (cardinality(@extschema@.row_labels(y)) = 0
                                 AND cardinality(@extschema@.col_labels(y)) = 0) THEN NULL ELSE y END
    FROM (SELECT CASE WHEN a IS NULL OR b IS NULL THEN a ELSE @extschema@.xtab_minus(a, b, true) END AS y) s
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_net(@extschema@.xtab, @extschema@.xtab) IS
  'internal: the counts of a beyond those of b (xtab_minus with clip), NULL when nothing is left';

CREATE FUNCTION @extschema@.rollup_trigger() RETURNS trigger
  AS 'MODULE_PATHNAME', 'foistats_rollup_trigger'
  LANGUAGE C
  SET search_path = pg_catalog, @extschema@, pg_temp;
COMMENT ON FUNCTION @extschema@.rollup_trigger() IS
  'statement trigger on a roll-up''s source table and its partitions: counts the rows each INSERT, UPDATE or DELETE wrote and replaced (transition tables foistats_new, foistats_old) by month and folds them into the roll-ups of that table; after TRUNCATE, empties them';

CREATE FUNCTION @extschema@.rollup_invalidate(relations regclass[]) RETURNS void
  AS 'MODULE_PATHNAME', 'foistats_rollup_invalidate'
  LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION @extschema@.rollup_invalidate(regclass[]) IS
  'internal: invalidates the relcache entries of these tables, so that every session lists their roll-ups again before it next writes to them (called whenever the roll-ups of a table or their SQL change)';

-- After TRUNCATE: the source's roll-ups are empty; a partition truncated on
-- its own took rows with it that cannot be subtracted.
CREATE FUNCTION @extschema@.rollup_truncated(rel regclass) RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM @extschema@.rollup u WHERE rel = ANY (u.relations) ORDER BY u.id LOOP
        IF rel = r.source THEN
            DELETE FROM @extschema@.rollup_month m WHERE m.rollup = r.id;
            UPDATE @extschema@.rollup u SET stale = NULL WHERE u.id = r.id AND u.stale IS NOT NULL;
        ELSIF EXISTS (SELECT 1 FROM @extschema@.rollup_month m WHERE m.rollup = r.id) THEN
            -- (a TRUNCATE of the whole source empties the roll-up first, and
            -- then truncating its partitions takes nothing from it)
            UPDATE @extschema@.rollup u SET stale = format('partition %s was truncated', rel)
             WHERE u.id = r.id AND u.stale IS NULL;
            PERFORM @extschema@.rollup_invalidate(r.relations);
        END IF;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_truncated(regclass) IS
  'internal (called by the roll-up trigger after TRUNCATE): empties the roll-ups of a truncated source; a partition truncated alone makes its roll-ups stale';

-- Put the roll-up triggers on each table that lacks them.
CREATE FUNCTION @extschema@.rollup_install_triggers(relations regclass[]) RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    rel regclass;
    ex  text := '@extschema@';
BEGIN
    FOREACH rel IN ARRAY relations LOOP
        IF (SELECT c.relkind FROM pg_class c WHERE c.oid = rel) NOT IN ('r', 'p') THEN
            RAISE EXCEPTION 'cannot roll up records of %: % is not a table', relations[1], rel
                USING ERRCODE = 'wrong_object_type',
                      DETAIL = 'Roll-ups are kept by triggers with transition tables, which foreign tables do not have.';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = rel AND t.tgname = 'foistats_rollup_insert') THEN
            EXECUTE format('CREATE TRIGGER foistats_rollup_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS foistats_new FOR EACH STATEMENT EXECUTE FUNCTION %s.rollup_trigger()', rel, ex);
            EXECUTE format('CREATE TRIGGER foistats_rollup_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS foistats_old NEW TABLE AS foistats_new FOR EACH STATEMENT EXECUTE FUNCTION %s.rollup_trigger()', rel, ex);
            EXECUTE format('CREATE TRIGGER foistats_rollup_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS foistats_old FOR EACH STATEMENT EXECUTE FUNCTION %s.rollup_trigger()', rel, ex);
            EXECUTE format('CREATE TRIGGER foistats_rollup_truncate AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION %s.rollup_trigger()', rel, ex);
        END IF;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_install_triggers(regclass[]) IS
  'internal: creates the four roll-up triggers (foistats_rollup_insert, _update, _delete, _truncate) on each table that lacks them';

CREATE FUNCTION @extschema@.rollup_drop_triggers(relations regclass[]) RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    rel regclass;
    t   text;
BEGIN
    FOREACH rel IN ARRAY relations LOOP
        CONTINUE WHEN EXISTS (SELECT 1 FROM @extschema@.rollup u WHERE rel = ANY (u.relations));
        FOREACH t IN ARRAY ARRAY['insert', 'update', 'delete', 'truncate'] LOOP
            EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', 'foistats_rollup_' || t, rel);
        END LOOP;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_drop_triggers(regclass[]) IS
  'internal: drops the roll-up triggers from each table no roll-up needs any more';

-- Why a roll-up cannot answer now (NULL: it can).  Checked at every read.
CREATE FUNCTION @extschema@.rollup_problem(id integer) RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    u       record;
    missing text[];
    changed text[];
BEGIN
    SELECT * INTO u FROM @extschema@.rollup r WHERE r.id = rollup_problem.id;
    IF NOT FOUND THEN
        RETURN 'no such roll-up';
    END IF;
    IF u.stale IS NOT NULL THEN
        RETURN u.stale;
    END IF;
    changed := ARRAY(SELECT CASE c.cache WHEN 'terms' THEN 'the term dictionaries (foistats.term)'
                                         WHEN 'classify' THEN 'the offence classification (foistats.offence_override, foistats.ho_offence)'
                                         WHEN 'outcomes' THEN 'the outcome types (foistats.ho_outcome)'
                                         ELSE c.cache END
                       FROM @extschema@.cache_version c
                      WHERE u.cache_versions -> c.cache IS DISTINCT FROM to_jsonb(c.version)
                      ORDER BY c.cache);
    IF cardinality(changed) > 0 THEN
        RETURN format('%s changed since it was built', array_to_string(changed, ' and '));
    END IF;
    IF @extschema@.rollup_relations(u.source) IS DISTINCT FROM u.relations THEN
        RETURN format('the partitions of %s changed', u.source);
    END IF;
    missing := ARRAY(SELECT format('%s on %s', t.name, r.rel)
                       FROM unnest(u.relations) r(rel),
                            unnest(ARRAY['foistats_rollup_insert', 'foistats_rollup_update',
                                         'foistats_rollup_delete', 'foistats_rollup_truncate']) t(name)
                      WHERE NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = r.rel AND g.tgname = t.name
                                           AND g.tgenabled IN ('O', 'A')));
    IF cardinality(missing) > 0 THEN
        RETURN format('trigger %s missing or disabled', array_to_string(missing, ', '));
    END IF;
    IF @extschema@.rollup_binding(u.records, u.source) IS DISTINCT FROM u.binding THEN
        RETURN format('the binding of %s changed', u.records);
    END IF;
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_problem(integer) IS
  'internal: why a roll-up cannot answer requests now (a partition truncated; dictionaries, classification or outcome types edited since it was built; partitions changed; a trigger missing or disabled; the binding changed), or NULL';

-- ---------------------------------------------------------------------------
-- Answering from a roll-up (called by request_answer)
-- ---------------------------------------------------------------------------

-- The counts of a question for a period from its roll-up: the months wholly
-- inside the period merged, the days of partial months at either end counted
-- by the question's own SQL.  No row when no roll-up in step answers it.
CREATE FUNCTION @extschema@.rollup_answer(records regclass, count_sql text, left_out_sql text,
                                          period_from date, period_to date, span text,
    OUT xtab @extschema@.xtab, OUT left_out bigint)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    u      record;
    first  date;    -- first month wholly inside the period
    last   date;    -- last month wholly inside the period
    a      @extschema@.xtab;
    b      @extschema@.xtab;
    e      @extschema@.xtab;
    n      bigint;
BEGIN
    SELECT r.id, r.columns INTO u FROM @extschema@.rollup r
     WHERE r.records = rollup_answer.records AND r.count_sql = rollup_answer.count_sql
       AND r.left_out_sql IS NOT DISTINCT FROM rollup_answer.left_out_sql AND r.stale IS NULL
     ORDER BY r.id LIMIT 1;
    IF NOT FOUND OR @extschema@.rollup_problem(u.id) IS NOT NULL THEN
        RETURN;
    END IF;
    first := date_trunc('month', period_from::timestamp)::date;
    IF first < period_from THEN
        first := (first + interval '1 month')::date;
    END IF;
    last := date_trunc('month', (period_to + 1)::timestamp)::date;  -- the month after the last whole one
    IF first >= last THEN
        RETURN;     -- no whole month: the scan counts just those days
    END IF;
    SELECT @extschema@.xtab_merge(m.added), @extschema@.xtab_merge(m.removed), coalesce(sum(m.left_out), 0)
      INTO a, b, n
      FROM @extschema@.rollup_month m
     WHERE m.rollup = u.id AND m.month >= first AND m.month < last;
    xtab := coalesce(a, '{}');
    IF b IS NOT NULL THEN
        xtab := @extschema@.xtab_minus(xtab, b);
    END IF;
    IF u.columns = 'none' THEN
        xtab := @extschema@.relabel_columns(xtab, '{all}', ARRAY[span]);
    END IF;
    left_out := n;
    -- the days before the first whole month and after the last one
    IF period_from < first THEN
        EXECUTE count_sql INTO e USING period_from, first - 1, span;
        xtab := (SELECT @extschema@.xtab_merge(v) FROM (VALUES (xtab), (e)) t(v));
        IF left_out_sql IS NOT NULL THEN
            EXECUTE left_out_sql INTO n USING period_from, first - 1;
            left_out := left_out + n;
        END IF;
    END IF;
    IF period_to >= last THEN
        EXECUTE count_sql INTO e USING last, period_to, span;
        xtab := (SELECT @extschema@.xtab_merge(v) FROM (VALUES (xtab), (e)) t(v));
        IF left_out_sql IS NOT NULL THEN
            EXECUTE left_out_sql INTO n USING last, period_to;
            left_out := left_out + n;
        END IF;
    END IF;
    RETURN NEXT;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_answer(regclass, text, text, date, date, text) IS
  'internal (called by request_answer): a question''s counts and left-out records for a period from a roll-up in step that was built with the same SQL, whole months merged and partial months at the ends counted by the question''s own SQL; no row when none answers it';

-- ---------------------------------------------------------------------------
-- Creating, refreshing, checking, dropping
-- ---------------------------------------------------------------------------

-- Which roll-up: by request, question and records view.
CREATE FUNCTION @extschema@.rollup_find(request text, question text, records regclass) RETURNS integer
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    found_id integer;
    n        integer;
BEGIN
    IF request IS NULL OR question IS NULL THEN
        RAISE EXCEPTION 'request and question must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT min(r.id), count(*) INTO found_id, n FROM @extschema@.rollup r
     WHERE r.request = rollup_find.request AND r.question = rollup_find.question
       AND (rollup_find.records IS NULL OR r.records = rollup_find.records);
    IF n = 0 THEN
        RAISE EXCEPTION 'question "%" of request "%" has no roll-up%', question, request,
                        CASE WHEN records IS NOT NULL THEN format(' over %s', records) ELSE '' END
            USING ERRCODE = 'undefined_object',
                  HINT = (SELECT 'Roll-ups: ' || coalesce(string_agg(format('%s %s over %s', r.request, r.question, r.records), ', ' ORDER BY r.id), 'none')
                                 || '. Make one with foistats.create_rollup(request, question).'
                            FROM @extschema@.rollup r);
    ELSIF n > 1 THEN
        RAISE EXCEPTION 'question "%" of request "%" has roll-ups over % records views', question, request, n
            USING ERRCODE = 'ambiguous_parameter', HINT = 'Name the records view.';
    END IF;
    RETURN found_id;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_find(text, text, regclass) IS
  'internal: the id of the roll-up of a question over a records view (any view when NULL and only one)';

-- The source table of a records view made by bind_records.
CREATE FUNCTION @extschema@.rollup_source(records regclass) RETURNS regclass
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    src regclass;
BEGIN
    SELECT b.source INTO src FROM @extschema@.records_binding b WHERE b.records = rollup_source.records;
    IF src IS NULL THEN
        RAISE EXCEPTION 'records view % was not made by foistats.bind_records', records
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Roll-ups evaluate the binding''s expressions over the rows each statement writes: bind the records with foistats.bind_records (views bound before version 0.2.0: bind them again).';
    END IF;
    RETURN src;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_source(regclass) IS
  'internal: the source table of a records view bound by bind_records (an error for any other view)';

CREATE FUNCTION @extschema@.create_rollup(request text, question text, records regclass DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec   jsonb;
    new_id integer;
BEGIN
    IF request IS NULL OR question IS NULL THEN
        RAISE EXCEPTION 'request and question must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    spec := @extschema@.request_spec(request);
    PERFORM @extschema@.request_question(request, spec, question);
    records := @extschema@.request_records(request, spec, records);
    PERFORM @extschema@.request_sql(request, spec, question, records);   -- a question with a table
    IF EXISTS (SELECT 1 FROM @extschema@.rollup r WHERE r.request = create_rollup.request
                  AND r.question = create_rollup.question AND r.records = create_rollup.records) THEN
        RAISE EXCEPTION 'question "%" of request "%" already has a roll-up over %', question, request, records
            USING ERRCODE = 'duplicate_object',
                  HINT = 'Rebuild it with foistats.refresh_rollup, or drop it with foistats.drop_rollup.';
    END IF;
    INSERT INTO @extschema@.rollup AS r (request, question, records, source, relations, columns, count_sql,
                                         binding, month_sql, insert_sql, update_sql, delete_sql)
    VALUES (request, question, records, @extschema@.rollup_source(records), '{}', '', '', '', '', '', '', '')
    RETURNING r.id INTO new_id;
    RETURN @extschema@.rollup_build(new_id);
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_rollup(text, text, regclass) IS
  'keeps the counts of one question of a stored request month by month (over records, default the request''s "records"), maintained by statement triggers on the records'' source table and its partitions; request_xtab, the request views and saved answers then answer the question from it, merging the months of the period. Returns the number of months stored';

CREATE FUNCTION @extschema@.refresh_rollup(request text, question text, records regclass DEFAULT NULL)
RETURNS integer
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT @extschema@.rollup_build(@extschema@.rollup_find(request, question, records))
$fn$;
COMMENT ON FUNCTION @extschema@.refresh_rollup(text, text, regclass) IS
  'rebuilds a roll-up from a scan of its records, with the question''s definition and the binding as they are now (after a dictionary or definition edit, a partition attached, ...); writers to the source wait meanwhile. Returns the number of months stored';

CREATE FUNCTION @extschema@.refresh_rollups(only_out_of_step boolean DEFAULT true,
    OUT request text, OUT question text, OUT records regclass, OUT problem text, OUT months integer)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT u.id, u.request, u.question, u.records, @extschema@.rollup_problem(u.id) AS problem
               FROM @extschema@.rollup u ORDER BY u.id LOOP
        CONTINUE WHEN only_out_of_step AND r.problem IS NULL;
        request := r.request;
        question := r.question;
        records := r.records;
        problem := r.problem;
        months := @extschema@.rollup_build(r.id);
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.refresh_rollups(boolean) IS
  'rebuilds every roll-up that cannot answer now (dictionaries, classification or outcome types edited, definition, binding or partitions changed, a trigger missing, a partition truncated), or every roll-up with only_out_of_step => false; returns what it rebuilt and why';

CREATE FUNCTION @extschema@.drop_rollup(request text, question text, records regclass DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    u record;
BEGIN
    SELECT * INTO u FROM @extschema@.rollup r
     WHERE r.id = @extschema@.rollup_find(drop_rollup.request, drop_rollup.question, drop_rollup.records);
    -- writers finish first (and list the source's roll-ups again after)
    IF to_regclass(u.source::text) IS NOT NULL THEN
        EXECUTE format('LOCK TABLE %s IN SHARE MODE', u.source);
    END IF;
    DELETE FROM @extschema@.rollup r WHERE r.id = u.id;
    DELETE FROM @extschema@.rollup_month m WHERE m.rollup = u.id;
    PERFORM @extschema@.rollup_invalidate(u.relations);
    PERFORM @extschema@.rollup_drop_triggers(u.relations);
END
$fn$;
COMMENT ON FUNCTION @extschema@.drop_rollup(text, text, regclass) IS
  'drops a roll-up (requests are answered by a scan again) and the triggers no other roll-up needs';

-- A roll-up's months as a scan counts them now, beside what it holds.
CREATE FUNCTION @extschema@.check_rollup(request text, question text, records regclass DEFAULT NULL,
    OUT month date, OUT row_label text, OUT col_label text,
    OUT rollup bigint, OUT scan bigint, OUT problem text)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    u     record;
    why   text;
    spec  jsonb;
    p     record;
BEGIN
    SELECT * INTO u FROM @extschema@.rollup r
     WHERE r.id = @extschema@.rollup_find(check_rollup.request, check_rollup.question, check_rollup.records);
    why := @extschema@.rollup_problem(u.id);
    IF why IS NOT NULL THEN
        problem := 'not used: ' || why;
        RETURN NEXT;
        problem := NULL;
    END IF;
    spec := @extschema@.request_spec(u.request);
    SELECT * INTO p FROM @extschema@.request_sql(u.request, spec, u.question, u.records);
    IF p.count_sql IS DISTINCT FROM u.count_sql OR p.left_out_sql IS DISTINCT FROM u.left_out_sql THEN
        problem := 'not used: the question''s definition changed since the roll-up was built';
        RETURN NEXT;
        problem := NULL;
    END IF;
    -- every month: the scan, as the roll-up was built to count it, against
    -- the roll-up's rows
    RETURN QUERY EXECUTE format($q$
        WITH s AS (%s),
        r AS (SELECT m.month, @extschema@.xtab_merge(m.added) AS added, @extschema@.xtab_merge(m.removed) AS removed,
                     sum(m.left_out)::bigint AS left_out
                FROM @extschema@.rollup_month m WHERE m.rollup = $1 GROUP BY m.month),
        both_ AS (SELECT coalesce(s.month, r.month) AS month, coalesce(s.x, '{}') AS sx,
                         coalesce(@extschema@.rollup_net(r.added, r.removed), '{}') AS rx,
                         @extschema@.rollup_net(r.removed, r.added) AS over,
                         coalesce(s.left_out, 0) AS sl, coalesce(r.left_out, 0) AS rl
                    FROM s FULL JOIN r ON r.month = s.month)
        SELECT b.month, d.row_label, d.col_label, d.rollup, d.scan, d.problem
          FROM both_ b,
               LATERAL (
                 SELECT coalesce(x.row_label, y.row_label) AS row_label, coalesce(x.col_label, y.col_label) AS col_label,
                        coalesce(y.n, 0) AS rollup, coalesce(x.n, 0) AS scan, 'cell differs'::text AS problem, 1 AS k
                   FROM @extschema@.rows(b.sx) x FULL JOIN @extschema@.rows(b.rx) y
                        ON y.row_label = x.row_label AND y.col_label = x.col_label
                  WHERE coalesce(x.n, 0) <> coalesce(y.n, 0)
                 UNION ALL
                 SELECT NULL, coalesce(x.l, y.l), coalesce(y.u, 0), coalesce(x.u, 0), 'distinct crimes differ', 2
                   FROM unnest(@extschema@.col_labels(b.sx), @extschema@.col_units(b.sx)) x(l, u)
                        FULL JOIN unnest(@extschema@.col_labels(b.rx), @extschema@.col_units(b.rx)) y(l, u) ON y.l = x.l
                  WHERE (@extschema@.is_multi_label(b.sx) OR @extschema@.is_multi_label(b.rx))
                    AND coalesce(x.u, 0) <> coalesce(y.u, 0)
                 UNION ALL
                 SELECT NULL, NULL, b.rl, b.sl, 'records left out of the table differ', 3 WHERE b.rl <> b.sl
                 UNION ALL
                 SELECT NULL, NULL, NULL, NULL, 'the roll-up subtracts more than it adds: ' || b.over::text, 4
                  WHERE b.over IS NOT NULL) d
         ORDER BY b.month, d.k, d.row_label, d.col_label$q$, u.month_sql)
      USING u.id;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_rollup(text, text, regclass) IS
  'compares a roll-up with a scan of its records month by month and returns every difference (month, row_label, col_label, the roll-up''s count, the scan''s, what differs), and first why the roll-up is not used if it is not; no rows means it answers exactly as a scan would';

CREATE VIEW @extschema@.rollups AS
SELECT r.request, r.question, r.records, r.source,
       cardinality(r.relations) AS tables,
       (SELECT count(DISTINCT m.month) FROM @extschema@.rollup_month m WHERE m.rollup = r.id) AS months,
       (SELECT count(*) FROM @extschema@.rollup_month m WHERE m.rollup = r.id) AS stored_rows,
       (SELECT coalesce(sum(pg_column_size(m.added)) + sum(coalesce(pg_column_size(m.removed), 0)), 0)
          FROM @extschema@.rollup_month m WHERE m.rollup = r.id) AS bytes,
       @extschema@.rollup_problem(r.id) AS problem,
       r.built_at, r.built_by
  FROM @extschema@.rollup r;
COMMENT ON VIEW @extschema@.rollups IS
  'the roll-ups (foistats.create_rollup): question, records view and source, tables with triggers, months and rows stored, size, and why it cannot answer now (problem NULL: requests use it)';

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

-- issue 14: a NULL cross-tab is an error for the checking functions (no rows would read as a clean check)
ALTER FUNCTION @extschema@.audit(@extschema@.xtab) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.audit_subset(@extschema@.xtab, @extschema@.xtab) CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.reconcile(@extschema@.xtab, @extschema@.xtab) CALLED ON NULL INPUT;
COMMENT ON FUNCTION @extschema@.audit(@extschema@.xtab) IS
  'one row per finding in a cross-tab as published: row_total (a published row total the cells cannot add up to; col_label NULL), column_total (row_label NULL), grand_total_rows / grand_total_columns (the grand total against the published row / column totals) or grand_total_cells (when neither set of totals is complete), disclosure_revealed (a suppressed cell whose value the published totals determine exactly; computed = that value) and disclosure_narrowed (a suppressed cell the totals prove to be at least some positive count, or confine within a bounded marker such as ''<5''), found by interval propagation over every published total: sound, not always as tight as linear programming; no rows means the table adds up and gives nothing away (a NULL cross-tab is an error, not a clean audit)';

-- issue 13: the cell key from record keys (protect(keys => ...), record_key); a request protected by cellkey or round5 protects each question alone (suppression alone links questions)
DROP FUNCTION @extschema@.protect(@extschema@.xtab, integer, integer, text, boolean, boolean, jsonb, text);
CREATE FUNCTION @extschema@.protect(
    x @extschema@.xtab,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    method text DEFAULT 'suppress',
    zeros boolean DEFAULT false,
    allow_totals boolean DEFAULT false,
    groups jsonb DEFAULT NULL,
    marker text DEFAULT '*',
    keys @extschema@.xtab DEFAULT NULL)
  RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'foistats_protect' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protect(@extschema@.xtab, integer, integer, text, boolean, boolean, jsonb, text, @extschema@.xtab) IS
  'disclosure control of a cross-tab. method ''suppress'': withholds counts 1..threshold-1 (zeros too if zeros => true) and further cells, chosen deterministically to keep the withheld total small, until every withheld small count v can be anything from max(0, v - protection) to v + protection given every published cell and total (protection defaults to threshold; checked by an exact network-flow audit); totals are never withheld unless allow_totals => true; groups => {"row label": "group", ...} combines rows that would be mostly withheld (or cannot be protected) into their group. method ''round5'': controlled rounding of every figure to an adjacent multiple of 5, keeping rows and columns additive. method ''cellkey'': every figure, totals included, perturbed by at most 2 from its cell key (0 stays 0; no 1s or 2s; nothing withheld, rows need not add up): with keys => the same cross-tab counted with each record weighted by its record_key (xtab(row, col, record_key(crime_ref, secret))), a cell''s key is the sum of its records'' keys, so the same records get the same noise in every table, run and breakdown (the ONS method); without keys, a hash of the figure''s labels and count (the same figure gets the same value in every run). Adds a footnote stating the rule; marker is the symbol named in it (render''s marker, ''*'' by default). The result keeps the TRUE counts of withheld cells for the audit, and its text form shows them: publish it through render/rows/wide/to_jsonb (which show withheld cells as marker/NULL and only the published totals), never as ::text; publishable(x) zeroes the withheld counts';
CREATE FUNCTION @extschema@.record_key(ref text, secret text DEFAULT '')
  RETURNS integer
  AS 'MODULE_PATHNAME', 'foistats_record_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.record_key(text, text) IS
  'a record''s key for protect(method => ''cellkey'', keys => ...): uniform in 0..999, a hash of the crime reference seeded by secret; keep the secret out of what you publish (with none, anyone who knows the references can compute the noise)';
CREATE OR REPLACE FUNCTION @extschema@.request_check_protect(request text, question text, p jsonb)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF p = 'false'::jsonb THEN
        RETURN;
    END IF;
    PERFORM @extschema@.request_check_keys(request, question, 'protect', p, 'protect');
    IF p ? 'method' AND NOT (p ->> 'method') = ANY (ARRAY['suppress', 'round5', 'cellkey']) THEN
        PERFORM @extschema@.request_error(request, question, 'protect.method',
            format('must be suppress, round5 or cellkey, not %s', p -> 'method'));
    END IF;
    IF p ? 'threshold' AND ((p ->> 'threshold') !~ '^[0-9]+$' OR (p ->> 'threshold')::numeric NOT BETWEEN 1 AND 1000) THEN
        PERFORM @extschema@.request_error(request, question, 'protect.threshold',
            format('must be a whole number from 1 to 1000, not %s', p -> 'threshold'));
    END IF;
    IF p ? 'protection' AND ((p ->> 'protection') !~ '^[0-9]+$' OR (p ->> 'protection')::numeric > 1000) THEN
        PERFORM @extschema@.request_error(request, question, 'protect.protection',
            format('must be a whole number from 0 to 1000, not %s', p -> 'protection'));
    END IF;
END
$fn$;
-- issue 14: defects
-- parse_table reads the title and footnotes around a table (as render writes them).
COMMENT ON FUNCTION @extschema@.parse_table(text, text, text[]) IS
  'parse a published table (tab-separated as pasted from a response, CSV, Markdown pipe table or HTML <table>; format auto-detected unless given) into an xtab: the first row is the header, a row or column labelled Total, Grand Total, Totals or All (or any label in total_labels, e.g. ''England and Wales'') becomes the published totals (kept apart from the cells, even when they disagree), blank and ''-'' are zero, ''*'', ''<5'', ''less than 5'', ''1-4'' are suppressed cells keeping their marker; lines of text before the header (HTML: the caption) become the title and lines after the last row (HTML: <p> after the table) the footnotes, as render writes them; any ambiguity (ragged row, missing header, duplicate label, junk in a number cell) is an error naming the line and cell';
-- issue 15: category mapping and consolidate

-- category: the category labels forces print in responses ('Other Sexual Offences',
-- 'Violence with Injury', 'MISC CRIMES AGAINST SOCIETY', a Home Office class title, an NFIB
-- code) -> their level (Home Office class, ONS subgroup, ONS group) and the set of Home
-- Office classes they cover.
--
-- Written in SQL, not C: a label is matched by looking its word set up in three small
-- tables (the ONS groups and subgroups, the Home Office class titles, user-extensible
-- aliases), so the work is a handful of index lookups per distinct label, and the
-- aliases are rows a user can add to, as with offence_override.  Only the normalisation
-- of the text is C (foistats.offence_key).  Rows of ons_category are generated
-- (data/ons_category.sql, by test/data/make_ons_category.py from the Home Office list's
-- own grouping).

CREATE TABLE @extschema@.ons_category (
  ho_class     text PRIMARY KEY,               -- '8N', '4/1', 'NFIB90'
  ons_group    text NOT NULL,                  -- 'Violence against the person'
  ons_subgroup text NOT NULL,                  -- 'Violence with injury' (the group again where it has none)
  group_no     integer NOT NULL,               -- order of the group in Crime in England and Wales
  subgroup_no  integer NOT NULL,
  class_no     integer NOT NULL UNIQUE
);
COMMENT ON TABLE @extschema@.ons_category IS
  'every Home Office class with its ONS offence group and subgroup as "Crime in England and Wales" counts them (burglary and vehicle offences are subgroups of Theft offences; Possession of weapons, Public order and Miscellaneous crimes against society have no subgroups: subgroup = group); generated from the Home Office list (April 2026)';

-- the word set of a label: upper-case words (foistats.offence_key), footnote markers glued
-- to a word dropped ('Vehicle crime2'), abbreviations expanded, statute references ('Theft Act 1968 Sec 8.') and period qualifiers ('to
-- 2012/13') dropped, filler words (of, and, offences, crimes, all, ...) dropped, plurals and
-- '-ly' adverbs reduced, then sorted and deduplicated: 'Arson & Criminal Damage' and
-- 'CRIMINAL DAMAGE AND ARSON OFFENCES' have the same key.
CREATE FUNCTION @extschema@.category_key(label text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN (
  WITH t(s) AS (
    SELECT pg_catalog.regexp_replace(pg_catalog.regexp_replace(label,
             '\m[A-Za-z][A-Za-z ()]* Act \d{4}(\s+(Sec|Section|s)\.?\s*\d+[A-Za-z]*(\(\d+\))*)?\.?', ' ', 'gi'),
             '\m(to|from|since|until|before|after)\s+\d{4}(/\d{2,4})?\M', ' ', 'gi')),
  w(word, ord) AS (
    SELECT x.word, x.ord
      FROM t, LATERAL pg_catalog.regexp_split_to_table(@extschema@.offence_key(t.s), ' ')
                      WITH ORDINALITY AS x(word, ord)
     WHERE x.word <> ''),
  e(word) AS (
    SELECT CASE w.word
             WHEN 'MISC' THEN 'MISCELLANEOUS' WHEN 'UNAUTH' THEN 'UNAUTHORISED'
             WHEN 'UNAUTHORIZED' THEN 'UNAUTHORISED' WHEN 'VEH' THEN 'VEHICLE'
             WHEN 'VEHS' THEN 'VEHICLE' WHEN 'AGG' THEN 'AGGRAVATED' WHEN 'AGGR' THEN 'AGGRAVATED'
             WHEN 'RACE' THEN 'RACIAL' WHEN 'RACIALLY' THEN 'RACIAL' WHEN 'RELIG' THEN 'RELIGIOUS'
             WHEN 'RELIGIOUSLY' THEN 'RELIGIOUS' WHEN 'POSS' THEN 'POSSESSION' WHEN 'DMG' THEN 'DAMAGE'
             WHEN 'CRIM' THEN 'CRIMINAL' WHEN 'OFF' THEN 'OFFENCE' WHEN 'OFFS' THEN 'OFFENCE'
             WHEN 'SEX' THEN 'SEXUAL' WHEN 'VAP' THEN 'VIOLENCE AGAINST PERSON'
             WHEN 'DRUGS' THEN 'DRUG' WHEN 'SOCIETY' THEN 'SOCIETY'
             ELSE CASE WHEN w.word ~ '^[A-Z]{4,}[0-9]{1,2}$'       -- a footnote marker glued on: 'Burglary1'
                       THEN pg_catalog.regexp_replace(pg_catalog.regexp_replace(w.word, '[0-9]+$', ''), '^([A-Z]{3,}[^SUI])S$', '\1')
                       WHEN w.word ~ '^[A-Z]{3,}[^SUI]S$' THEN pg_catalog.left(w.word, -1)
                       ELSE w.word END
           END
      FROM w),
  f(word) AS (
    SELECT DISTINCT x.word
      FROM e, LATERAL pg_catalog.regexp_split_to_table(e.word, ' ') AS x(word)
     WHERE x.word NOT IN ('OF', 'THE', 'AND', 'OR', 'A', 'AN', 'TO', 'ON', 'IN', 'FOR', 'BY', 'ETC',
                          'OFFENCE', 'CRIME', 'ALL', 'TYPE'))
  SELECT COALESCE(pg_catalog.string_agg(f.word, ' ' ORDER BY f.word COLLATE "C"), '') FROM f
);
COMMENT ON FUNCTION @extschema@.category_key(text) IS
  'the word set a category label is matched by: upper-case words, abbreviations expanded (MISC, UNAUTH, VEH, AGG, RACE, ...), statute references and ''to 2012/13'' dropped, filler words (of, and, or, offences, crimes, all) dropped, plurals reduced, sorted: ''Arson & Criminal Damage'' and ''CRIMINAL DAMAGE AND ARSON OFFENCES'' have the same key';

CREATE TABLE @extschema@.category_alias (
  label         text PRIMARY KEY CHECK (@extschema@.category_key(label) <> ''),
  level         text NOT NULL CHECK (level IN ('ho_class', 'ons_subgroup', 'ons_group', 'other', 'total')),
  ons_group     text,
  ons_subgroups text[],
  ho_class      text,
  confidence    text NOT NULL DEFAULT 'high' CHECK (confidence IN ('high', 'medium', 'low')),
  note          text,
  CHECK (CASE level WHEN 'ho_class' THEN ho_class IS NOT NULL
                    WHEN 'ons_subgroup' THEN ons_subgroups IS NOT NULL AND ons_group IS NOT NULL
                    WHEN 'ons_group' THEN ons_group IS NOT NULL
                    ELSE ho_class IS NULL AND ons_group IS NULL AND ons_subgroups IS NULL END)
);
CREATE UNIQUE INDEX category_alias_key_idx ON @extschema@.category_alias (@extschema@.category_key(label));
COMMENT ON TABLE @extschema@.category_alias IS
  'category labels that are not spelt as the ONS or the Home Office list spells them, with what they name: matched by foistats.category_key (so case, punctuation, word order, plurals and filler words do not matter); add your own rows';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.category_alias', 'WHERE note IS DISTINCT FROM ''shipped''');

-- shipped aliases (note 'shipped'): older Home Office / ONS names and common force
-- spellings.  'Burglary' is the ONS's line above its two burglary subgroups.  The burglary
-- names before April 2017 (in a dwelling / other) are medium: sheds and garages within a
-- home's boundary moved from 'other' to 'residential' then.
INSERT INTO @extschema@.category_alias (label, level, ons_group, ons_subgroups, ho_class, confidence, note) VALUES
  ('Burglary', 'ons_subgroup', 'Theft offences', '{Residential burglary,Non-residential burglary}', NULL, 'high', 'shipped'),
  ('Domestic burglary', 'ons_subgroup', 'Theft offences', '{Residential burglary}', NULL, 'medium', 'shipped'),
  ('Burglary in a dwelling', 'ons_subgroup', 'Theft offences', '{Residential burglary}', NULL, 'medium', 'shipped'),
  ('Burglary other than in a dwelling', 'ons_subgroup', 'Theft offences', '{Non-residential burglary}', NULL, 'medium', 'shipped'),
  ('Other burglary', 'ons_subgroup', 'Theft offences', '{Non-residential burglary}', NULL, 'medium', 'shipped'),
  ('Non-domestic burglary', 'ons_subgroup', 'Theft offences', '{Non-residential burglary}', NULL, 'medium', 'shipped'),
  ('Theft and handling stolen goods', 'ons_group', 'Theft offences', NULL, NULL, 'medium', 'shipped'),
  ('Other theft and handling', 'ons_group', 'Theft offences', NULL, NULL, 'medium', 'shipped'),
  ('Miscellaneous', 'ons_group', 'Miscellaneous crimes against society', NULL, NULL, 'high', 'shipped'),
  ('Other crimes against society', 'ons_group', 'Miscellaneous crimes against society', NULL, NULL, 'high', 'shipped'),
  ('Public disorder', 'ons_group', 'Public order offences', NULL, NULL, 'high', 'shipped'),
  ('Weapons possession', 'ons_group', 'Possession of weapons offences', NULL, NULL, 'high', 'shipped'),
  ('Violent crime', 'ons_group', 'Violence against the person', NULL, NULL, 'medium', 'shipped'),
  ('Violence', 'ons_group', 'Violence against the person', NULL, NULL, 'medium', 'shipped'),
  ('Damage', 'ons_group', 'Criminal damage and arson', NULL, NULL, 'medium', 'shipped'),
  ('Criminal damage excluding arson', 'ons_subgroup', 'Criminal damage and arson', '{Criminal damage}', NULL, 'high', 'shipped'),
  ('Other criminal damage', 'ons_subgroup', 'Criminal damage and arson', '{Criminal damage}', NULL, 'high', 'shipped'),
  ('Other damage', 'ons_subgroup', 'Criminal damage and arson', '{Criminal damage}', NULL, 'medium', 'shipped'),
  ('Drug possession and use', 'ons_subgroup', 'Drug offences', '{Possession of drugs}', NULL, 'high', 'shipped'),
  ('Possession of controlled drugs', 'ons_subgroup', 'Drug offences', '{Possession of drugs}', NULL, 'high', 'shipped'),
  ('Drug trafficking', 'ons_subgroup', 'Drug offences', '{Trafficking of drugs}', NULL, 'high', 'shipped'),
  ('Trafficking in controlled drugs', 'ho_class', NULL, NULL, '92A', 'high', 'shipped'),
  ('Vehicle crime', 'ons_subgroup', 'Theft offences', '{Vehicle offences}', NULL, 'high', 'shipped'),
  ('Vehicle theft', 'ons_subgroup', 'Theft offences', '{Vehicle offences}', NULL, 'medium', 'shipped'),
  ('Offences against vehicles', 'ons_subgroup', 'Theft offences', '{Vehicle offences}', NULL, 'high', 'shipped'),
  ('Other violence with injury', 'ons_subgroup', 'Violence against the person', '{Violence with injury}', NULL, 'high', 'shipped'),
  ('Other violence without injury', 'ons_subgroup', 'Violence against the person', '{Violence without injury}', NULL, 'high', 'shipped'),
  ('Harassment', 'ons_subgroup', 'Violence against the person', '{Stalking and harassment}', NULL, 'medium', 'shipped'),
  ('Death or serious injury caused by illegal driving', 'ons_subgroup', 'Violence against the person', '{Death or serious injury caused by unlawful driving}', NULL, 'high', 'shipped'),
  ('Robbery of personal property', 'ons_subgroup', 'Robbery', '{Robbery of personal property}', NULL, 'high', 'shipped'),
  ('Cheque, Plastic Card and Online Bank Accounts (not PSP)', 'ons_group', 'Fraud offences', NULL, NULL, 'medium', 'shipped'),
  ('Fraud and forgery', 'ons_group', 'Fraud offences', NULL, NULL, 'low', 'shipped'),
  ('Non-notifiable', 'other', NULL, NULL, NULL, 'high', 'shipped'),
  ('Non crime', 'other', NULL, NULL, NULL, 'high', 'shipped'),
  ('Non-crime incident', 'other', NULL, NULL, NULL, 'high', 'shipped'),
  ('Action Fraud', 'other', NULL, NULL, NULL, 'medium', 'shipped'),
  ('Total', 'total', NULL, NULL, NULL, 'high', 'shipped'),
  ('Grand Total', 'total', NULL, NULL, NULL, 'high', 'shipped'),
  ('Overall total', 'total', NULL, NULL, NULL, 'high', 'shipped'),
  ('Total recorded crime', 'total', NULL, NULL, NULL, 'high', 'shipped'),
  ('Sum', 'total', NULL, NULL, NULL, 'high', 'shipped');

CREATE TYPE @extschema@.category AS (
  level        text,     -- ho_class | ons_subgroup | ons_group | family | other | total | NULL (unknown, ambiguous)
  ons_group    text,     -- the ONS group the label lies in (NULL: unknown, or several)
  ons_subgroup text,     -- its ONS subgroup(s), ' + ' between several ('Residential burglary + Non-residential burglary')
  ho_classes   text[],   -- the Home Office classes it covers, ONS order; '{}' for other and total
  confidence   text,     -- high | medium | low | NULL
  matched_by   text,     -- total | ons_name | alias | class_title | class_words | nfib | classify | family
  reason       text      -- why NULL, or what was assumed
);
COMMENT ON TYPE @extschema@.category IS
  'what a category label printed in a response names: its level, ONS group and subgroup, the Home Office classes it covers, with a confidence and how it was matched; level NULL with a reason when unknown or ambiguous';

-- the names a label can match exactly by its key: ONS groups, ONS subgroups, aliases,
-- Home Office class titles.  One row per (key, target); a key with two targets is ambiguous.
CREATE FUNCTION @extschema@.category_names(
  OUT key text, OUT name text, OUT level text, OUT ons_group text, OUT ons_subgroups text[],
  OUT ho_classes text[], OUT confidence text, OUT matched_by text)
RETURNS SETOF record
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
  SELECT @extschema@.category_key(g.ons_group), g.ons_group, 'ons_group', g.ons_group, NULL::text[],
         pg_catalog.array_agg(g.ho_class ORDER BY g.class_no), 'high', 'ons_name'
    FROM @extschema@.ons_category g GROUP BY g.ons_group
  UNION ALL
  SELECT @extschema@.category_key(s.ons_subgroup), s.ons_subgroup, 'ons_subgroup', s.ons_group,
         ARRAY[s.ons_subgroup], pg_catalog.array_agg(s.ho_class ORDER BY s.class_no), 'high', 'ons_name'
    FROM @extschema@.ons_category s
   WHERE s.ons_subgroup <> s.ons_group
   GROUP BY s.ons_group, s.ons_subgroup
  UNION ALL
  SELECT @extschema@.category_key(a.label), a.label, a.level,
         COALESCE(a.ons_group, (SELECT c.ons_group FROM @extschema@.ons_category c WHERE c.ho_class = a.ho_class)),
         a.ons_subgroups,
         CASE WHEN a.level IN ('other', 'total') THEN '{}'::text[]
              ELSE (SELECT pg_catalog.array_agg(c.ho_class ORDER BY c.class_no) FROM @extschema@.ons_category c
                     WHERE c.ho_class = a.ho_class
                        OR (a.ho_class IS NULL AND a.ons_subgroups IS NOT NULL AND c.ons_group = a.ons_group
                            AND c.ons_subgroup = ANY (a.ons_subgroups))
                        OR (a.ho_class IS NULL AND a.ons_subgroups IS NULL AND c.ons_group = a.ons_group)) END,
         a.confidence, 'alias'
    FROM @extschema@.category_alias a
  UNION ALL
  SELECT @extschema@.category_key(t.class_title), t.class_title, 'ho_class', c.ons_group, ARRAY[c.ons_subgroup],
         ARRAY[t.ho_class], 'high', 'class_title'
    FROM (SELECT DISTINCT o.ho_class, o.class_title FROM @extschema@.ho_offence o
           WHERE o.ho_class IS NOT NULL AND o.class_title IS NOT NULL) t
    JOIN @extschema@.ons_category c ON c.ho_class = t.ho_class;
END;
COMMENT ON FUNCTION @extschema@.category_names() IS
  'every name a category label is matched against, with its key (foistats.category_key): the ONS groups and subgroups, foistats.category_alias and the Home Office class titles, each with its level and Home Office classes';

CREATE FUNCTION @extschema@.classify_category(label text) RETURNS @extschema@.category
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  k     text := @extschema@.category_key(label);
  r     record;
  n     integer;
  names text;
  code  text;
  o     @extschema@.offence;
  res   @extschema@.category;
BEGIN
  IF k = '' THEN
    RETURN ROW(NULL, NULL, NULL, NULL, NULL, NULL, 'empty label')::@extschema@.category;
  END IF;
  IF label ~* '^\s*(grand\s+)?totals?\M' OR label ~* '\mtotals?\s*$' THEN
    RETURN ROW('total', NULL, NULL, '{}'::text[], 'high', 'total', 'a total, not a category')::@extschema@.category;
  END IF;

  -- NFIB fraud codes: a class of the list, or else a fraud code the list does not have
  code := pg_catalog.upper((pg_catalog.regexp_match(label, '^\s*NFIB\s*([0-9]+[A-Za-z]?)', 'i'))[1]);
  IF code IS NOT NULL THEN
    SELECT * INTO r FROM @extschema@.ons_category c WHERE c.ho_class = 'NFIB' || code;
    IF FOUND THEN
      RETURN ROW('ho_class', r.ons_group, r.ons_subgroup, ARRAY[r.ho_class], 'high', 'nfib', NULL)::@extschema@.category;
    END IF;
    SELECT pg_catalog.array_agg(c.ho_class ORDER BY c.class_no) INTO res.ho_classes
      FROM @extschema@.ons_category c WHERE c.ons_group = 'Fraud offences';
    RETURN ROW('ons_group', 'Fraud offences', NULL, res.ho_classes, 'medium', 'nfib',
               format('NFIB%s is not a class of the Home Office list: counted as fraud', code))::@extschema@.category;
  END IF;

  -- exact word set.  Precedence: an alias (someone said what the label means), then an ONS
  -- group or subgroup name, then a Home Office class title ('Other theft' is the ONS
  -- subgroup before it is class 49's title: a response's categories are more often groups);
  -- two different answers of the same precedence are ambiguous.
  WITH c AS MATERIALIZED (
    SELECT m.*, CASE m.matched_by WHEN 'alias' THEN 1 WHEN 'ons_name' THEN 2 ELSE 3 END AS prec
      FROM @extschema@.category_names() m WHERE m.key = k),
  top AS (SELECT c.* FROM c WHERE c.prec = (SELECT pg_catalog.min(c0.prec) FROM c c0))
  SELECT t.name, t.level, t.ons_group, t.ons_subgroups, t.ho_classes, t.confidence, t.matched_by,
         (SELECT pg_catalog.count(DISTINCT (t2.level, t2.ho_classes)) FROM top t2) AS ntop,
         (SELECT pg_catalog.string_agg(DISTINCT t2.name, ' / ') FROM top t2) AS topnames,
         (SELECT pg_catalog.string_agg(DISTINCT format('%s (%s)', c2.name, c2.level), ' / ') FROM c c2
           WHERE (c2.level, c2.ho_classes) IS DISTINCT FROM (t.level, t.ho_classes)) AS others
    INTO r
    FROM top t ORDER BY t.name COLLATE "C" LIMIT 1;
  IF FOUND THEN
    IF r.ntop > 1 THEN
      RETURN ROW(NULL, NULL, NULL, NULL, NULL, 'ambiguous', format('ambiguous: names %s', r.topnames))::@extschema@.category;
    END IF;
    names := r.others;
    RETURN ROW(r.level,
               CASE WHEN r.level IN ('other', 'total') THEN NULL ELSE r.ons_group END,
               CASE WHEN r.level = 'ons_group' THEN NULL ELSE pg_catalog.array_to_string(r.ons_subgroups, ' + ') END,
               r.ho_classes,
               CASE WHEN names IS NOT NULL AND r.confidence = 'high' THEN 'medium' ELSE r.confidence END,
               r.matched_by,
               NULLIF(concat_ws('; ', CASE WHEN r.level = 'other' THEN 'not a notifiable offence' END,
                         CASE WHEN names IS NOT NULL THEN format('taken as %s %s, not %s', r.level, r.name, names) END), ''))::@extschema@.category;
  END IF;

  -- the classifier: an exact Home Office title or code, or a sexual offence it reads
  o := @extschema@.classify(label);
  IF o.ho_class IS NOT NULL THEN
    SELECT * INTO r FROM @extschema@.ons_category c WHERE c.ho_class = o.ho_class;
    IF FOUND THEN
      RETURN ROW('ho_class', r.ons_group, r.ons_subgroup, ARRAY[r.ho_class],
                 CASE WHEN o.matched_by IN ('code', 'class', 'title', 'override') THEN 'high' ELSE 'medium' END,
                 'classify', format('foistats.classify: %s (matched by %s)', o.ho_class, o.matched_by))::@extschema@.category;
    END IF;
  END IF;

  -- every word of the label in exactly one name (>= 2 words): 'RACE OR RELIGIOUS AGG
  -- PUBLIC FEAR' in 'Racially or religiously aggravated public fear, alarm or distress'
  IF k ~ ' ' THEN
    WITH c AS MATERIALIZED (
      SELECT m.* FROM @extschema@.category_names() m
       WHERE m.level NOT IN ('total', 'other')
         AND pg_catalog.string_to_array(k, ' ') <@ pg_catalog.string_to_array(m.key, ' '))
    SELECT t.name, t.level, t.ons_group, t.ons_subgroups, t.ho_classes,
           (SELECT pg_catalog.count(DISTINCT (c2.level, c2.ho_classes)) FROM c c2) AS n,
           (SELECT pg_catalog.string_agg(DISTINCT c2.name, ' / ') FROM c c2) AS names
      INTO r
      FROM c t ORDER BY t.matched_by = 'ons_name' DESC, t.name COLLATE "C" LIMIT 1;
    IF FOUND AND r.n = 1 THEN
      RETURN ROW(r.level, r.ons_group,
                 CASE WHEN r.level = 'ons_group' THEN NULL ELSE pg_catalog.array_to_string(r.ons_subgroups, ' + ') END,
                 r.ho_classes, 'medium', 'class_words',
                 format('its words are all in "%s" and in no other name', r.name))::@extschema@.category;
    ELSIF FOUND AND r.n <= 4 THEN
      RETURN ROW(NULL, NULL, NULL, NULL, NULL, 'ambiguous',
                 format('ambiguous: its words are in %s', r.names))::@extschema@.category;
    END IF;
  ELSE
    -- one word is never enough to pick a name it is part of ('Assault')
    SELECT pg_catalog.count(DISTINCT (m.level, m.ho_classes)) INTO n
      FROM @extschema@.category_names() m
     WHERE m.level NOT IN ('total', 'other') AND k = ANY (pg_catalog.string_to_array(m.key, ' '));
    IF n > 1 THEN
      RETURN ROW(NULL, NULL, NULL, NULL, NULL, 'ambiguous',
                 format('ambiguous: the one word %s is in %s names', k, n))::@extschema@.category;
    END IF;
  END IF;

  -- a sexual offence family the classifier reads, over several classes
  IF o.family IS NOT NULL AND o.family <> 'non_sexual' THEN
    SELECT pg_catalog.array_agg(DISTINCT c.ho_class ORDER BY c.ho_class) INTO res.ho_classes
      FROM @extschema@.ho_offence h JOIN @extschema@.ons_category c ON c.ho_class = h.ho_class
     WHERE h.family = o.family AND h.current;
    SELECT pg_catalog.array_agg(c.ho_class ORDER BY c.class_no),
           CASE WHEN pg_catalog.count(DISTINCT c.ons_group) = 1 THEN pg_catalog.min(c.ons_group) END,
           CASE WHEN pg_catalog.count(DISTINCT c.ons_subgroup) = 1 THEN pg_catalog.min(c.ons_subgroup) END
      INTO res.ho_classes, res.ons_group, res.ons_subgroup
      FROM @extschema@.ons_category c WHERE c.ho_class = ANY (res.ho_classes);
    IF res.ho_classes IS NOT NULL THEN
      RETURN ROW('family', res.ons_group, res.ons_subgroup, res.ho_classes, 'medium', 'family',
                 format('offence family %s (foistats.classify), over %s classes', o.family,
                        pg_catalog.cardinality(res.ho_classes)))::@extschema@.category;
    END IF;
  END IF;

  RETURN ROW(NULL, NULL, NULL, NULL, NULL, NULL,
             format('not recognised: no ONS group or subgroup, alias or Home Office class title has the words "%s"', k))::@extschema@.category;
END
$fn$;
COMMENT ON FUNCTION @extschema@.classify_category(text) IS
  'what a category label printed in a response names (''Other Sexual Offences'', ''Violence with Injury'', ''MISC CRIMES AGAINST SOCIETY'', a Home Office class title, an NFIB code, ''Grand Total''): level ho_class|ons_subgroup|ons_group|family|other|total, ONS group and subgroup, the Home Office classes covered, confidence high|medium|low and how it was matched; level NULL with a reason when unknown or ambiguous';
-- GENERATED by test/data/make_ons_category.py from test/fixtures/ons_groups/ons_groups.tsv; do not edit.
-- One row per Home Office class: its ONS offence group and subgroup (Crime in England and Wales).

INSERT INTO @extschema@.ons_category (ho_class, ons_group, ons_subgroup, group_no, subgroup_no, class_no) VALUES
('1', 'Violence against the person', 'Homicide', 1, 1, 1),
('4/1', 'Violence against the person', 'Homicide', 1, 1, 2),
('4/2', 'Violence against the person', 'Homicide', 1, 1, 3),
('4/10', 'Violence against the person', 'Homicide', 1, 1, 4),
('2', 'Violence against the person', 'Violence with injury', 1, 2, 5),
('4/3', 'Violence against the person', 'Violence with injury', 1, 2, 6),
('4/7', 'Violence against the person', 'Violence with injury', 1, 2, 7),
('5D', 'Violence against the person', 'Violence with injury', 1, 2, 8),
('8S', 'Violence against the person', 'Violence with injury', 1, 2, 9),
('8T', 'Violence against the person', 'Violence with injury', 1, 2, 10),
('5E', 'Violence against the person', 'Violence with injury', 1, 2, 11),
('8N', 'Violence against the person', 'Violence with injury', 1, 2, 12),
('8P', 'Violence against the person', 'Violence with injury', 1, 2, 13),
('3B', 'Violence against the person', 'Violence without injury', 1, 3, 14),
('3A', 'Violence against the person', 'Violence without injury', 1, 3, 15),
('105A', 'Violence against the person', 'Violence without injury', 1, 3, 16),
('105B', 'Violence against the person', 'Violence without injury', 1, 3, 17),
('104', 'Violence against the person', 'Violence without injury', 1, 3, 18),
('11A', 'Violence against the person', 'Violence without injury', 1, 3, 19),
('13', 'Violence against the person', 'Violence without injury', 1, 3, 20),
('14', 'Violence against the person', 'Violence without injury', 1, 3, 21),
('36', 'Violence against the person', 'Violence without injury', 1, 3, 22),
('106', 'Violence against the person', 'Violence without injury', 1, 3, 23),
('4/4', 'Violence against the person', 'Death or serious injury caused by unlawful driving', 1, 4, 24),
('4/6', 'Violence against the person', 'Death or serious injury caused by unlawful driving', 1, 4, 25),
('4/8', 'Violence against the person', 'Death or serious injury caused by unlawful driving', 1, 4, 26),
('4/9', 'Violence against the person', 'Death or serious injury caused by unlawful driving', 1, 4, 27),
('37/1', 'Violence against the person', 'Death or serious injury caused by unlawful driving', 1, 4, 28),
('8R', 'Violence against the person', 'Stalking and harassment', 1, 5, 29),
('8L', 'Violence against the person', 'Stalking and harassment', 1, 5, 30),
('8M', 'Violence against the person', 'Stalking and harassment', 1, 5, 31),
('8Q', 'Violence against the person', 'Stalking and harassment', 1, 5, 32),
('8U', 'Violence against the person', 'Stalking and harassment', 1, 5, 33),
('17A', 'Sexual offences', 'Other sexual offences', 2, 9, 34),
('17B', 'Sexual offences', 'Other sexual offences', 2, 9, 35),
('20A', 'Sexual offences', 'Other sexual offences', 2, 9, 36),
('20B', 'Sexual offences', 'Other sexual offences', 2, 9, 37),
('21', 'Sexual offences', 'Other sexual offences', 2, 9, 38),
('22A', 'Sexual offences', 'Other sexual offences', 2, 9, 39),
('22B', 'Sexual offences', 'Other sexual offences', 2, 9, 40),
('23', 'Sexual offences', 'Other sexual offences', 2, 9, 41),
('70', 'Sexual offences', 'Other sexual offences', 2, 9, 42),
('71', 'Sexual offences', 'Other sexual offences', 2, 9, 43),
('88A', 'Sexual offences', 'Other sexual offences', 2, 9, 44),
('73', 'Sexual offences', 'Other sexual offences', 2, 9, 45),
('88D', 'Sexual offences', 'Other sexual offences', 2, 9, 46),
('88C', 'Sexual offences', 'Other sexual offences', 2, 9, 47),
('88E', 'Sexual offences', 'Other sexual offences', 2, 9, 48),
('19D', 'Sexual offences', 'Rape', 2, 10, 49),
('19J', 'Sexual offences', 'Rape', 2, 10, 50),
('19C', 'Sexual offences', 'Rape', 2, 10, 51),
('19G', 'Sexual offences', 'Rape', 2, 10, 52),
('19K', 'Sexual offences', 'Rape', 2, 10, 53),
('19F', 'Sexual offences', 'Rape', 2, 10, 54),
('19E', 'Sexual offences', 'Rape', 2, 10, 55),
('19H', 'Sexual offences', 'Rape', 2, 10, 56),
('34B', 'Robbery', 'Robbery of personal property', 3, 13, 57),
('34A', 'Robbery', 'Robbery of business property', 3, 14, 58),
('28I', 'Theft offences', 'Residential burglary', 4, 11, 59),
('28J', 'Theft offences', 'Residential burglary', 4, 11, 60),
('28K', 'Theft offences', 'Residential burglary', 4, 11, 61),
('28L', 'Theft offences', 'Residential burglary', 4, 11, 62),
('29B', 'Theft offences', 'Residential burglary', 4, 11, 63),
('28M', 'Theft offences', 'Residential burglary', 4, 11, 64),
('28N', 'Theft offences', 'Residential burglary', 4, 11, 65),
('28O', 'Theft offences', 'Residential burglary', 4, 11, 66),
('28P', 'Theft offences', 'Residential burglary', 4, 11, 67),
('29C', 'Theft offences', 'Residential burglary', 4, 11, 68),
('30C', 'Theft offences', 'Non-residential burglary', 4, 12, 69),
('30D', 'Theft offences', 'Non-residential burglary', 4, 12, 70),
('31A', 'Theft offences', 'Non-residential burglary', 4, 12, 71),
('35', 'Theft offences', 'All other theft offences', 4, 15, 72),
('40', 'Theft offences', 'All other theft offences', 4, 15, 73),
('41', 'Theft offences', 'All other theft offences', 4, 15, 74),
('42', 'Theft offences', 'All other theft offences', 4, 15, 75),
('43', 'Theft offences', 'All other theft offences', 4, 15, 76),
('49', 'Theft offences', 'All other theft offences', 4, 15, 77),
('47', 'Theft offences', 'All other theft offences', 4, 15, 78),
('49A', 'Theft offences', 'All other theft offences', 4, 15, 79),
('37/2', 'Theft offences', 'Vehicle offences', 4, 16, 80),
('45', 'Theft offences', 'Vehicle offences', 4, 16, 81),
('48', 'Theft offences', 'Vehicle offences', 4, 16, 82),
('126', 'Theft offences', 'Vehicle offences', 4, 16, 83),
('39', 'Theft offences', 'Theft from the person', 4, 17, 84),
('44', 'Theft offences', 'Bicycle theft', 4, 18, 85),
('46', 'Theft offences', 'Shoplifting', 4, 19, 86),
('56A', 'Criminal damage and arson', 'Arson', 5, 21, 87),
('56B', 'Criminal damage and arson', 'Arson', 5, 21, 88),
('58A', 'Criminal damage and arson', 'Criminal damage', 5, 22, 89),
('58B', 'Criminal damage and arson', 'Criminal damage', 5, 22, 90),
('58C', 'Criminal damage and arson', 'Criminal damage', 5, 22, 91),
('58D', 'Criminal damage and arson', 'Criminal damage', 5, 22, 92),
('58J', 'Criminal damage and arson', 'Criminal damage', 5, 22, 93),
('92A', 'Drug offences', 'Trafficking of drugs', 6, 23, 94),
('92D', 'Drug offences', 'Possession of drugs', 6, 24, 95),
('92E', 'Drug offences', 'Possession of drugs', 6, 24, 96),
('92C', 'Drug offences', 'Possession of drugs', 6, 24, 97),
('10A', 'Possession of weapons offences', 'Possession of weapons offences', 7, 6, 98),
('10C', 'Possession of weapons offences', 'Possession of weapons offences', 7, 6, 99),
('10D', 'Possession of weapons offences', 'Possession of weapons offences', 7, 6, 100),
('10B', 'Possession of weapons offences', 'Possession of weapons offences', 7, 6, 101),
('81', 'Possession of weapons offences', 'Possession of weapons offences', 7, 6, 102),
('9B', 'Public order offences', 'Public order offences', 8, 7, 103),
('66', 'Public order offences', 'Public order offences', 8, 7, 104),
('62A', 'Public order offences', 'Public order offences', 8, 7, 105),
('9A', 'Public order offences', 'Public order offences', 8, 7, 106),
('15', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 107),
('24', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 108),
('26', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 109),
('33', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 110),
('38', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 111),
('33A', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 112),
('54', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 113),
('59', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 114),
('60', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 115),
('61', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 116),
('61A', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 117),
('67', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 118),
('69', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 119),
('99', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 120),
('76', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 121),
('79', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 122),
('80', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 123),
('83', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 124),
('86', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 125),
('95', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 126),
('96', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 127),
('27', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 128),
('802', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 129),
('814', 'Miscellaneous crimes against society', 'Miscellaneous crimes against society', 9, 8, 130),
('NFIB9', 'Fraud offences', 'Fraud offences', 10, 20, 131),
('NFIB10', 'Fraud offences', 'Fraud offences', 10, 20, 132),
('NFIB90', 'Fraud offences', 'Fraud offences', 10, 20, 133),
('NFIB17', 'Fraud offences', 'Fraud offences', 10, 20, 134),
('NFIB5E', 'Fraud offences', 'Fraud offences', 10, 20, 135),
('NFIB13', 'Fraud offences', 'Fraud offences', 10, 20, 136),
('NFIB50', 'Fraud offences', 'Fraud offences', 10, 20, 137),
('NFIB18', 'Fraud offences', 'Fraud offences', 10, 20, 138),
('NFIB19', 'Fraud offences', 'Fraud offences', 10, 20, 139),
('NFIB15', 'Fraud offences', 'Fraud offences', 10, 20, 140),
('NFIB11', 'Fraud offences', 'Fraud offences', 10, 20, 141);
-- consolidate: many forces' responses (each a parsed table of its own categories x its own
-- periods) -> one table at a chosen level (ONS group, ONS subgroup or Home Office class) x
-- period, with provenance, the categories that could not be placed, and a check that every
-- source's total is what it contributed.
--
-- Rules (README "Combining many forces' responses"):
--  * a source row is mapped by foistats.classify_category; total rows ('Grand Total') are
--    never counted; unknown, ambiguous or too-low-confidence labels go to 'Unmapped or
--    ambiguous', non-notifiable ones to 'Not notifiable': nothing is dropped;
--  * a row coarser than the level asked for (a group when subgroups are asked) is not split
--    by guesswork: it is counted in '<its group> (subgroup not given)';
--  * a row whose classes contain another row's (a group and one of its members) is read by
--    the source's printed total: if the rows add up to it as they are, the coarse row is the
--    rest of its group ('disjoint'); if they add up to it only when the members are taken
--    out of it, the coarse row includes them and counts only its remainder ('nested').  With
--    no printed total, 'nested' is assumed when every coarse row is at least the sum of its
--    members, and the row says so;
--  * periods are normalised by the source's period kind: 'year' (calendar: '2019') or 'fy'
--    (April-March: '2019/20', from '2019/20', '2019-20', '2019/2020', 'FY2019-20'); a calendar
--    year and a financial year overlap by nine months and cannot be added: sources of both
--    kinds are refused (periods => 'refuse', the default), or kept as separate columns
--    (periods => 'separate', with a footnote that a total across the kinds counts months twice).
--
-- The work tables are temporary tables of the session (dropped at commit), hence VOLATILE
-- and PARALLEL UNSAFE; a consolidation is of tens of rows, not of records.  jit is off for
-- them: the planner knows nothing of a new temporary table's size, and compiling its
-- queries cost 0.7 s a source.

CREATE TYPE @extschema@.force_table AS (
  force       text,               -- who published it: 'Cumbria Constabulary'
  x           @extschema@.xtab,   -- its table as parsed (foistats.parse_table): categories x periods
  period_kind text                -- 'year' (calendar years) | 'fy' (financial years April-March)
);
COMMENT ON TYPE @extschema@.force_table IS
  'one force''s response for foistats.consolidate: the force, its table as parsed (rows = its categories, columns = its periods) and whether its periods are calendar years (''year'') or financial years (''fy'')';

-- a column label as a canonical period of its kind: 'year' -> '2019', 'fy' -> '2019/20'
CREATE FUNCTION @extschema@.period_label(label text, kind text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  m text[];
  y integer;
BEGIN
  m := pg_catalog.regexp_match(label, '^\D*?(\d{4})\s*[-/–]\s*(\d{2}|\d{4})\D*$');
  IF m IS NULL THEN
    -- 'Apr 2023 - Mar 2024', 'April 2023 to March 2024'
    m := pg_catalog.regexp_match(label, '^\s*Apr(?:il)?\s+(\d{4})\s*(?:-|–|to)\s*Mar(?:ch)?\s+(\d{4})\s*$', 'i');
  END IF;
  IF kind = 'fy' THEN
    IF m IS NOT NULL THEN
      y := m[1]::integer;
      IF pg_catalog.right(m[2], 2)::integer <> (y + 1) % 100 OR (pg_catalog.length(m[2]) = 4 AND m[2]::integer <> y + 1) THEN
        RAISE EXCEPTION 'column "%" is not a financial year: % is not followed by %', label, y, y + 1;
      END IF;
      RETURN format('%s/%s', y, pg_catalog.lpad(((y + 1) % 100)::text, 2, '0'));
    END IF;
    IF label ~ '^\D*\d{4}\D*$' THEN
      RAISE EXCEPTION 'column "%" is one year, but its source''s periods are financial years', label
        USING HINT = 'Relabel the column as the financial year it is (e.g. 2019/20), or give the source period kind ''year'' if it counts calendar years.';
    END IF;
  ELSIF kind = 'year' THEN
    IF m IS NOT NULL THEN
      RAISE EXCEPTION 'column "%" is a span of years, but its source''s periods are calendar years', label
        USING HINT = 'Give the source period kind ''fy'' if it counts financial years.';
    END IF;
    m := pg_catalog.regexp_match(label, '^\D*(\d{4})\D*$');
    IF m IS NOT NULL THEN
      RETURN m[1];
    END IF;
  ELSE
    RAISE EXCEPTION 'period kind "%" is not year or fy', kind;
  END IF;
  RAISE EXCEPTION 'column "%" is not a period', label
    USING HINT = 'Columns must be years (2019) or financial years (2019/20); drop or relabel other columns (foistats.with_columns, relabel_columns).';
END
$fn$;
COMMENT ON FUNCTION @extschema@.period_label(text, text) IS
  'a column label as a canonical period: kind year -> ''2019''; kind fy -> ''2019/20'' (from 2019/20, 2019-20, 2019/2020, FY2019-20); an error for a label that is not a period of that kind (a single year given as a financial year is ambiguous)';

CREATE FUNCTION @extschema@.consolidate_provenance(sources @extschema@.force_table[],
    level text DEFAULT 'ons_group', min_confidence text DEFAULT 'low',
    periods text DEFAULT 'refuse',
    OUT source_no integer, OUT force text, OUT source_category text, OUT period text, OUT n bigint,
    OUT status text, OUT category text, OUT mapped_level text, OUT matched_by text,
    OUT confidence text, OUT reason text)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET client_min_messages = warning
SET jit = off
AS $fn$
DECLARE
  s        @extschema@.force_table;
  i        integer := 0;
  j        jsonb;
  kinds    text[] := '{}';
  want     integer;
  printed  bigint[];
  nper     integer;
  mode     text;
  rowsum   bigint[];
  topsum   bigint[];
  okd      boolean;
  okn      boolean;
  p        integer;
  r        record;
  lvl      text := level;
  msg      text;
  hint     text;
BEGIN
  IF lvl NOT IN ('ons_group', 'ons_subgroup', 'ho_class') THEN
    RAISE EXCEPTION 'level "%" is not ons_group, ons_subgroup or ho_class', level;
  END IF;
  IF periods NOT IN ('separate', 'refuse') THEN
    RAISE EXCEPTION 'periods "%" is not separate or refuse', periods;
  END IF;
  want := CASE min_confidence WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 END;
  IF want IS NULL THEN
    RAISE EXCEPTION 'min_confidence "%" is not low, medium or high', min_confidence;
  END IF;
  -- one table per force and kind of period: a response's second table of the same crimes
  -- (by hospital, by outcome) would count them twice
  SELECT u.force INTO r FROM unnest(sources) u GROUP BY u.force, u.period_kind HAVING count(*) > 1 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'force "%" is given twice', r.force
      USING DETAIL = 'Two tables of one response often count the same crimes twice (by category and by hospital or outcome).',
            HINT = 'Pass one table per force; if its tables count different crimes, name them apart (e.g. "Force (sexual offences)").';
  END IF;
  IF periods = 'refuse' AND (SELECT count(DISTINCT (u).period_kind) FROM unnest(sources) u) > 1 THEN
    RAISE EXCEPTION 'the sources mix calendar years and financial years'
      USING DETAIL = 'A calendar year and a financial year overlap by nine months and cannot be added.',
            HINT = 'Consolidate each kind apart, or pass periods => ''separate'' to keep them as separate columns.';
  END IF;

  FOREACH s IN ARRAY sources LOOP
    i := i + 1;
    IF s.force IS NULL OR s.x IS NULL OR s.period_kind IS NULL THEN
      RAISE EXCEPTION 'source % has no force, table or period kind', i;
    END IF;
    IF s.period_kind NOT IN ('year', 'fy') THEN
      RAISE EXCEPTION 'source % (%): period kind "%" is not year or fy', i, s.force, s.period_kind;
    END IF;
    kinds := kinds || s.period_kind;
    j := @extschema@.to_jsonb(s.x);

    DROP TABLE IF EXISTS pg_temp.consolidate_src;
    CREATE TEMP TABLE consolidate_src ON COMMIT DROP AS
    SELECT rw.ord::integer AS ord, rw.v ->> 'label' AS label,
           ARRAY(SELECT CASE WHEN jsonb_typeof(c.v) = 'null' THEN NULL ELSE (c.v)::text::bigint END
                   FROM jsonb_array_elements(rw.v -> 'cells') c(v)) AS ncells,
           cc.level AS c_level, cc.ho_classes AS c_classes, cc.ons_subgroup AS c_subgroup, cc.confidence AS c_confidence,
           cc.matched_by AS c_matched_by, cc.reason AS c_reason
      FROM jsonb_array_elements(j -> 'rows') WITH ORDINALITY rw(v, ord),
           LATERAL @extschema@.classify_category(rw.v ->> 'label') cc;
    ALTER TABLE pg_temp.consolidate_src ADD COLUMN use text, ADD COLUMN why text, ADD COLUMN inside integer[];

    -- periods of this source, canonical
    DROP TABLE IF EXISTS pg_temp.consolidate_cols;
    BEGIN
      CREATE TEMP TABLE consolidate_cols ON COMMIT DROP AS
      SELECT c.ord::integer AS ord, c.v AS label, @extschema@.period_label(c.v, s.period_kind) AS period
        FROM jsonb_array_elements_text(j -> 'cols') WITH ORDINALITY c(v, ord);
    EXCEPTION WHEN raise_exception THEN
      GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
      RAISE EXCEPTION 'source % (%): %', i, s.force, msg USING HINT = hint;
    END;
    SELECT count(*) INTO nper FROM pg_temp.consolidate_cols;
    IF (SELECT count(DISTINCT c.period) FROM pg_temp.consolidate_cols c) <> nper THEN
      RAISE EXCEPTION 'source % (%): two columns are the same period', i, s.force;
    END IF;

    -- what each row is
    UPDATE pg_temp.consolidate_src t SET use =
      CASE WHEN t.c_level = 'total' THEN 'total'
           WHEN t.c_level IS NULL THEN 'unmapped'
           WHEN t.c_level = 'other' THEN 'not_notifiable'
           WHEN CASE t.c_confidence WHEN 'low' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END < want THEN 'unmapped'
           ELSE 'mapped' END,
      why = CASE WHEN t.c_level IS NOT NULL AND t.c_level NOT IN ('total', 'other')
                  AND CASE t.c_confidence WHEN 'low' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END < want
                 THEN format('confidence %s is below %s', t.c_confidence, min_confidence) ELSE t.c_reason END;

    -- containment: the mapped rows whose classes lie inside another mapped row's
    UPDATE pg_temp.consolidate_src t SET inside = ARRAY(
      SELECT o.ord FROM pg_temp.consolidate_src o
       WHERE o.use = 'mapped' AND o.ord <> t.ord AND t.c_classes <@ o.c_classes
         AND NOT (o.c_classes <@ t.c_classes)
       ORDER BY o.ord)
     WHERE t.use = 'mapped';

    -- the printed total: the parsed table's total row, else a row that is a total
    printed := CASE WHEN jsonb_typeof(j -> 'published' -> 'col_totals') = 'array'
                     AND jsonb_array_length(j -> 'published' -> 'col_totals') = nper
                    THEN ARRAY(SELECT CASE WHEN jsonb_typeof(c.v) = 'null' THEN NULL ELSE (c.v)::text::bigint END
                                 FROM jsonb_array_elements(j -> 'published' -> 'col_totals') c(v)) END;
    IF printed IS NULL OR pg_catalog.array_position(printed, NULL) IS NOT NULL THEN
      SELECT t.ncells INTO printed FROM pg_temp.consolidate_src t WHERE t.use = 'total' ORDER BY t.ord LIMIT 1;
    END IF;

    mode := 'flat';
    IF EXISTS (SELECT FROM pg_temp.consolidate_src t WHERE cardinality(t.inside) > 0) THEN
      -- sums per period: every row as printed, and only rows inside no other
      SELECT array_agg(q.a ORDER BY q.p), array_agg(q.b ORDER BY q.p) INTO rowsum, topsum
        FROM (SELECT g.p, sum(t.ncells[g.p]) FILTER (WHERE t.use <> 'total') AS a,
                     sum(t.ncells[g.p]) FILTER (WHERE t.use <> 'total' AND (t.inside IS NULL OR cardinality(t.inside) = 0)) AS b
                FROM pg_temp.consolidate_src t, generate_series(1, nper) g(p) GROUP BY g.p) q;
      IF printed IS NOT NULL THEN
        okd := rowsum = printed;
        okn := topsum = printed;
        mode := CASE WHEN okd THEN 'disjoint' WHEN okn THEN 'nested' ELSE 'disjoint?' END;
      ELSE
        -- no total: nested when every coarse row is at least its members' sum
        mode := CASE WHEN NOT EXISTS (
                   SELECT FROM pg_temp.consolidate_src o, generate_series(1, nper) g(p)
                    WHERE o.use = 'mapped'
                      AND EXISTS (SELECT FROM pg_temp.consolidate_src m WHERE o.ord = ANY (m.inside))
                      AND o.ncells[g.p] < (SELECT sum(m.ncells[g.p]) FROM pg_temp.consolidate_src m
                                            WHERE o.ord = ANY (m.inside)
                                              AND NOT EXISTS (SELECT FROM pg_temp.consolidate_src m2
                                                               WHERE m2.ord = ANY (m.inside) AND o.ord = ANY (m2.inside))))
                     THEN 'nested (assumed)' ELSE 'disjoint (assumed)' END;
      END IF;
    END IF;

    FOR r IN
      SELECT t.*, c.period AS cperiod, c.ord AS cord,
             -- the row's count: its cell, less its direct members' cells when nested
             CASE WHEN mode LIKE 'nested%' AND EXISTS (SELECT FROM pg_temp.consolidate_src m WHERE t.ord = ANY (m.inside))
                  THEN t.ncells[c.ord] - (SELECT sum(m.ncells[c.ord]) FROM pg_temp.consolidate_src m
                                           WHERE t.ord = ANY (m.inside)
                                             AND NOT EXISTS (SELECT FROM pg_temp.consolidate_src m2
                                                              WHERE m2.ord = ANY (m.inside) AND t.ord = ANY (m2.inside)))
                  ELSE t.ncells[c.ord] END AS cnt,
             EXISTS (SELECT FROM pg_temp.consolidate_src m WHERE t.ord = ANY (m.inside)) AS is_container,
             (SELECT array_agg(DISTINCT CASE lvl WHEN 'ons_group' THEN g.ons_group
                                                   WHEN 'ons_subgroup' THEN g.ons_subgroup
                                                   ELSE g.ho_class END)
                FROM @extschema@.ons_category g WHERE g.ho_class = ANY (t.c_classes)) AS units,
             (SELECT array_agg(DISTINCT g.ons_group) FROM @extschema@.ons_category g WHERE g.ho_class = ANY (t.c_classes)) AS groups,
             (SELECT array_agg(DISTINCT g.ons_subgroup) FROM @extschema@.ons_category g WHERE g.ho_class = ANY (t.c_classes)) AS subgroups
        FROM pg_temp.consolidate_src t, pg_temp.consolidate_cols c
       ORDER BY t.ord, c.ord
    LOOP
      source_no := i; force := s.force; source_category := r.label; period := r.cperiod;
      n := r.cnt; mapped_level := r.c_level; matched_by := r.c_matched_by; confidence := r.c_confidence;
      reason := r.why; category := NULL;
      IF r.use = 'total' THEN
        status := 'total';
      ELSIF r.use = 'unmapped' THEN
        status := 'unmapped'; category := 'Unmapped or ambiguous';
      ELSIF r.use = 'not_notifiable' THEN
        status := 'not_notifiable'; category := 'Not notifiable';
      ELSE
        IF cardinality(r.units) = 1 THEN
          status := 'counted'; category := r.units[1];
        ELSE
          status := 'coarser';
          category := CASE WHEN lvl = 'ons_subgroup' AND r.c_subgroup LIKE '% + %'
                             THEN r.c_subgroup || ' (not split)'
                           WHEN lvl = 'ho_class' AND cardinality(r.subgroups) = 1 AND r.subgroups[1] <> r.groups[1]
                             THEN r.subgroups[1] || ' (class not given)'
                           WHEN cardinality(r.groups) = 1
                             THEN r.groups[1] || CASE lvl WHEN 'ho_class' THEN ' (class not given)' ELSE ' (subgroup not given)' END
                           ELSE 'Not placed at this level' END;
          reason := concat_ws('; ', reason, format('covers %s %ss', cardinality(r.units), pg_catalog.replace(lvl, 'ons_', '')));
        END IF;
        IF r.is_container THEN
          reason := concat_ws('; ', reason,
            CASE WHEN mode LIKE 'nested%' THEN format('includes rows %s listed apart: only its remainder is counted (%s)',
                                                      (SELECT string_agg(format('"%s"', m.label), ', ' ORDER BY m.ord)
                                                         FROM pg_temp.consolidate_src m WHERE r.ord = ANY (m.inside)), mode)
                 ELSE format('its members %s are listed apart and not in it (%s)',
                             (SELECT string_agg(format('"%s"', m.label), ', ' ORDER BY m.ord)
                                FROM pg_temp.consolidate_src m WHERE r.ord = ANY (m.inside)), mode) END);
          IF mode LIKE 'nested%' THEN status := status || '_remainder'; END IF;
        END IF;
      END IF;
      RETURN NEXT;
    END LOOP;

    -- the source's printed total (or the sum of its rows when it prints none), one row per period
    FOR p IN 1 .. nper LOOP
      source_no := i; force := s.force; source_category := NULL;
      SELECT c.period INTO period FROM pg_temp.consolidate_cols c WHERE c.ord = p;
      n := printed[p]; status := CASE WHEN printed IS NULL THEN 'no_printed_total' ELSE 'printed_total' END;
      category := NULL; mapped_level := NULL; matched_by := NULL; confidence := NULL;
      reason := CASE WHEN printed IS NULL THEN 'the source prints no total: nothing to check against' END;
      RETURN NEXT;
    END LOOP;
  END LOOP;

END
$fn$;
COMMENT ON FUNCTION @extschema@.consolidate_provenance(@extschema@.force_table[], text, text, text) IS
  'every figure of every source as consolidate counts it: force, source category, period (canonical: 2019 or 2019/20), n, status (counted | coarser: counted in "<group> (subgroup not given)" | counted_remainder / coarser_remainder: a coarse row less the members listed apart | unmapped | not_notifiable | total: a total row, not counted | printed_total / no_printed_total: the source''s total for the check), the category it is counted in at this level, how its label was mapped (level, matched_by, confidence) and why';

CREATE FUNCTION @extschema@.consolidate_check(sources @extschema@.force_table[],
    level text DEFAULT 'ons_group', min_confidence text DEFAULT 'low', periods text DEFAULT 'refuse',
    OUT force text, OUT period text, OUT source_total bigint, OUT total_printed boolean,
    OUT counted bigint, OUT not_notifiable bigint, OUT unmapped bigint, OUT difference bigint,
    OUT withheld integer, OUT ok boolean)
RETURNS SETOF record
LANGUAGE sql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
BEGIN ATOMIC
  WITH p AS (SELECT * FROM @extschema@.consolidate_provenance(sources, level, min_confidence, periods)),
  g AS (
    SELECT p.source_no, p.force, p.period,
           max(p.n) FILTER (WHERE p.status = 'printed_total') AS printed,
           COALESCE(sum(p.n) FILTER (WHERE p.status IN ('counted', 'coarser', 'counted_remainder', 'coarser_remainder')), 0) AS counted,
           COALESCE(sum(p.n) FILTER (WHERE p.status = 'not_notifiable'), 0) AS not_notifiable,
           COALESCE(sum(p.n) FILTER (WHERE p.status = 'unmapped'), 0) AS unmapped,
           count(*) FILTER (WHERE p.n IS NULL AND p.status NOT IN ('total', 'printed_total', 'no_printed_total'))::integer AS withheld,
           bool_or(p.status = 'printed_total') AS has_printed
      FROM p GROUP BY p.source_no, p.force, p.period)
  SELECT g.force, g.period,
         CASE WHEN g.has_printed THEN g.printed ELSE g.counted + g.not_notifiable + g.unmapped END,
         g.has_printed, g.counted, g.not_notifiable, g.unmapped,
         CASE WHEN g.has_printed THEN g.printed - (g.counted + g.not_notifiable + g.unmapped) END,
         g.withheld,
         CASE WHEN g.has_printed THEN g.printed = g.counted + g.not_notifiable + g.unmapped AND g.withheld = 0
              ELSE g.withheld = 0 END
    FROM g ORDER BY g.source_no, g.period;
END;
COMMENT ON FUNCTION @extschema@.consolidate_check(@extschema@.force_table[], text, text, text) IS
  'that nothing was lost, per source and period: the source''s printed total (or, when it prints none, the sum of its rows: total_printed false) against what it contributed (counted, incl. coarse rows and remainders) plus what went to Not notifiable and to Unmapped; difference = source_total - all three; ok false for a difference or a withheld (NULL) figure';

-- issue 12: bind_records and check_outcomes count outcomes before looking them up (a distributed table cannot be joined directly with ho_outcome)
CREATE OR REPLACE FUNCTION @extschema@.check_outcomes(records regclass,
    OUT outcome text, OUT records_with_it bigint, OUT example_crime_ref text)
RETURNS SETOF record
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    RETURN QUERY EXECUTE format(
        'SELECT d.code, d.n, d.example
           FROM (SELECT r.outcome::text AS code, count(*) AS n, min(r.crime_ref::text) AS example
                   FROM %s r WHERE r.outcome IS NOT NULL GROUP BY r.outcome) d
          WHERE NOT EXISTS (SELECT 1 FROM @extschema@.ho_outcome o WHERE o.type = d.code)
          ORDER BY d.code', records);
END
$fn$;

-- issue 10: the period an answer covers has one home, request_answer_period
-- (request.sql; response_period before), used by request_xtab, response and
-- response_csv; request_xtab no longer repeats it inline
CREATE OR REPLACE FUNCTION @extschema@.request_answer_period(request text, spec jsonb, first_day date, last_day date,
                                                  OUT period_from date, OUT period_to date)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF (first_day IS NULL) <> (last_day IS NULL) THEN
        RAISE EXCEPTION 'give both period_from and period_to, or neither' USING ERRCODE = 'invalid_parameter_value';
    ELSIF first_day > last_day THEN
        RAISE EXCEPTION 'period starts after it ends' USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('period_from is %s, period_to is %s.', first_day, last_day);
    ELSIF first_day IS NULL THEN
        SELECT * INTO period_from, period_to FROM @extschema@.resolve_period(request, spec -> 'period');
    ELSE
        period_from := first_day;
        period_to := last_day;
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_answer_period(text, jsonb, date, date) IS
  'internal: the first and last day an answer covers: those given (both or neither), or the request''s period resolved now';

CREATE OR REPLACE FUNCTION @extschema@.request_xtab(request text, question text, records regclass DEFAULT NULL,
                                         period_from date DEFAULT NULL, period_to date DEFAULT NULL)
RETURNS @extschema@.xtab
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec jsonb;
BEGIN
    IF request IS NULL OR question IS NULL THEN
        RAISE EXCEPTION 'request and question must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    spec := @extschema@.request_spec(request);
    SELECT * INTO period_from, period_to FROM @extschema@.request_answer_period(request, spec, period_from, period_to);
    RETURN @extschema@.request_answer(request, spec, question, records, period_from, period_to, true);
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_xtab(text, text, regclass, date, date) IS
  'one question of a stored request as a cross-tab, now: over records (default: the request''s "records"), for the request''s period (or the one given), protected as the definition says';

CREATE OR REPLACE FUNCTION @extschema@.response_csv(request text, records regclass DEFAULT NULL,
                                         period_from date DEFAULT NULL, period_to date DEFAULT NULL)
RETURNS TABLE (question text, filename text, csv text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec jsonb := @extschema@.request_spec(request);
    t    record;
    o    record;
    q    jsonb;
BEGIN
    SELECT * INTO period_from, period_to FROM @extschema@.request_answer_period(request, spec, period_from, period_to);
    FOR t IN SELECT * FROM @extschema@.request_tables(request, records, period_from, period_to) LOOP
        q := @extschema@.request_question(request, spec, t.question);
        SELECT * INTO o FROM @extschema@.request_render_options(request, spec, t.question, t.xtab);
        question := t.question;
        filename := format('%s_q%s.csv', request, lower(t.question));
        csv := @extschema@.render(
                   @extschema@.annotate(t.xtab, footnotes => ARRAY(
                       SELECT @extschema@.response_inline(n, 'text')
                         FROM unnest(@extschema@.response_notes(request, spec, q, t.xtab, true, o.total_label,
                                                                period_from, period_to, '[]')) n
                        WHERE n NOT LIKE 'Checked (%')),
                   'csv', zero => o.zero, marker => o.marker, row_order => o.row_order, sort => o.sort,
                   total_label => o.total_label);
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_csv(text, regclass, date, date) IS
  'every table of a stored request as CSV (RFC 4180, as render''s csv: title, header, rows, Grand Totals, then the table''s footnotes and those the response document gives it, one per record; no bold markup), with a file name <request>_q<id>.csv';
DROP FUNCTION @extschema@.response_period(text, jsonb, date, date);

-- issue 11: a newcomer's request: audit_request does not check the arithmetic of a
-- cell-key table (so response() prints it) nor count a withheld complement the
-- totals only narrow; the response's note for a cell-key table; request_key names cellkey
CREATE OR REPLACE FUNCTION @extschema@.audit_request(request text, records regclass DEFAULT NULL,
                                          period_from date DEFAULT NULL, period_to date DEFAULT NULL,
    OUT question text, OUT "check" text, OUT row_label text, OUT col_label text,
    OUT published bigint, OUT computed bigint, OUT detail text)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec jsonb := @extschema@.request_spec(request);
    t    record;
    sup  @extschema@.xtab;
BEGIN
    IF to_regclass('pg_temp.foistats_audit_tables') IS NULL THEN    -- (no NOTICE on a second call in a transaction)
        CREATE TEMP TABLE foistats_audit_tables (question text, xtab @extschema@.xtab) ON COMMIT DROP;
    END IF;
    DELETE FROM foistats_audit_tables;
    INSERT INTO foistats_audit_tables
    SELECT r.question, r.xtab FROM @extschema@.request_tables(request, records, period_from, period_to) r;
    -- a subset is audited against its superset cell by cell when both have
    -- the same rows and columns (labels then mean the same thing)
    -- (c: the question, p: its superset; both aliases name their column,
    -- so that neither reference can resolve to the other's)
    FOR t IN SELECT a.question AS qid, a.xtab,
                    CASE WHEN p.q -> 'rows' = c.q -> 'rows'
                          AND coalesce(p.q ->> 'columns', spec ->> 'columns', 'year')
                              = coalesce(c.q ->> 'columns', spec ->> 'columns', 'year')
                         THEN c.q ->> 'subset_of' END AS parent,
                    -- the cell key perturbs every figure: rows need not add up
                    coalesce(c.q -> 'protect', spec -> 'protect') ->> 'method' IS NOT DISTINCT FROM 'cellkey'
                    OR (p.q IS NOT NULL AND coalesce(p.q -> 'protect', spec -> 'protect') ->> 'method'
                                             IS NOT DISTINCT FROM 'cellkey') AS cellkey
               FROM foistats_audit_tables a
               JOIN jsonb_array_elements(spec -> 'questions') c(q) ON c.q ->> 'id' = a.question
               LEFT JOIN jsonb_array_elements(spec -> 'questions') p(q) ON p.q ->> 'id' = c.q ->> 'subset_of'
              ORDER BY a.ctid LOOP
        question := t.qid;
        -- audit() reads every withheld cell as possibly small; a complement
        -- (or total) that the published figures merely prove positive gives
        -- no small count away, as protect's exact audit knows (issue 11)
        FOR "check", row_label, col_label, published, computed, detail IN
            SELECT a.* FROM @extschema@.audit(t.xtab) a
             WHERE NOT (t.cellkey AND a."check" IN ('row_total', 'column_total', 'grand_total_rows',
                                                    'grand_total_columns', 'grand_total_cells'))
               AND (a."check" <> 'disclosure_narrowed'
                OR NOT EXISTS (SELECT FROM @extschema@.disclosure_audit(t.xtab) d
                                WHERE d.row_label IS NOT DISTINCT FROM a.row_label
                                  AND d.col_label IS NOT DISTINCT FROM a.col_label
                                  AND d.published_state IN ('secondary', 'total')
                                  AND d.meets_rule IS NULL)) LOOP
            RETURN NEXT;
        END LOOP;
        IF t.parent IS NOT NULL AND NOT t.cellkey THEN
            SELECT a.xtab INTO sup FROM foistats_audit_tables a WHERE a.question = t.parent;
            FOR "check", row_label, col_label, published, computed, detail IN
                SELECT * FROM @extschema@.audit_subset(t.xtab, sup) LOOP
                RETURN NEXT;
            END LOOP;
        END IF;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.audit_request(text, regclass, date, date) IS
  'audits every table of a request as it would be published: its arithmetic (foistats.audit) and, for a question that is a subset_of another with the same rows and columns, that it stays within it cell by cell (foistats.audit_subset); no rows means every table adds up. A table protected by the cell key is not checked for arithmetic or against its superset (its figures are perturbed), and a withheld complement or total that the published figures only narrow, protect''s exact audit having found its count not small, is no finding';
CREATE OR REPLACE FUNCTION @extschema@.response_notes(request text, spec jsonb, q jsonb, x @extschema@.xtab, shown boolean,
                                           total_label text, period_from date, period_to date, findings jsonb)
RETURNS text[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    notes  text[] := '{}';
    what   text;
    m      text[];
    dicts  jsonb := '{}';
    d      record;
    parent jsonb;
    mname  text := CASE WHEN jsonb_typeof(q -> 'measure') = 'object' THEN coalesce(q -> 'measure' ->> 'name', 'count') END;
    withheld boolean := EXISTS (SELECT 1 FROM @extschema@.rows(x) r WHERE r.n IS NULL);
BEGIN
    -- the crimes counted
    what := coalesce(@extschema@.markdown_escape(q ->> 'population_text'),
                     CASE WHEN q ? 'population' THEN format('those for which `%s`', q ->> 'population') END);
    IF q ? 'subset_of' THEN
        notes := notes || CASE WHEN what IS NULL THEN format('Crimes counted: those counted in question %s.', q ->> 'subset_of')
                               ELSE format('Crimes counted: of the crimes counted in question %s, %s.', q ->> 'subset_of', what) END;
    ELSE
        notes := notes || format('Crimes counted: %s; recorded %s (by the date recorded; records that are not crimes are left out).',
                                 coalesce(what, 'every crime'), @extschema@.date_span_text(period_from, period_to));
    END IF;
    IF mname IS NOT NULL THEN
        notes := notes || format('%s: the crimes for which `%s` is true.', @extschema@.markdown_escape(mname), q -> 'measure' ->> 'count');
    END IF;

    -- what the Grand Totals count
    IF shown AND @extschema@.is_multi_label(x) THEN
        notes := notes || format('%1$s (mentions) adds up the rows, so a crime that mentions two of them counts twice%2$s; %1$s (distinct crimes) counts each crime once%3$s.',
                                 @extschema@.markdown_escape(total_label),
                                 coalesce(format(' (%s mentions)', @extschema@.grand_total(x)), ''),
                                 coalesce(format(' (%s crimes)', @extschema@.total_units(x)), ''));
    ELSIF shown THEN
        notes := notes || format('%s counts %s: each crime once, in one row and one column%s.',
                                 @extschema@.markdown_escape(total_label),
                                 coalesce(@extschema@.markdown_escape(mname), 'crimes'),
                                 coalesce(format(' (%s in all)', @extschema@.grand_total(x)), ''));
    END IF;

    -- text searches: the dictionary of multi-label rows, and any a population searches
    IF q -> 'rows' ? 'terms' THEN
        dicts := jsonb_build_object(q -> 'rows' ->> 'terms', jsonb_build_object('field', 'mo', 'only', q -> 'rows' -> 'only'));
    END IF;
    FOR m IN SELECT regexp_matches(coalesce(q ->> 'population', ''),
                                   'mentions(?:_any)?\s*\(\s*(?:[a-z_]+\.)?([a-z_][a-z0-9_]*)\s*,\s*''([^'']+)''\s*\)', 'gi') LOOP
        dicts := dicts || jsonb_build_object(m[2], coalesce(dicts -> m[2], '{}') || jsonb_build_object('field', m[1]));
    END LOOP;
    FOR d IN SELECT key, value FROM jsonb_each(dicts) ORDER BY key LOOP
        notes := notes || @extschema@.response_term_note(d.key, d.value ->> 'field',
                              CASE WHEN jsonb_typeof(d.value -> 'only') = 'array'
                                   THEN ARRAY(SELECT jsonb_array_elements_text(d.value -> 'only')) END);
    END LOOP;

    notes := notes || ARRAY(SELECT @extschema@.markdown_escape(f) FROM jsonb_array_elements_text(coalesce(q -> 'footnotes', '[]')) f);

    -- the audit's verdict
    IF jsonb_array_length(findings) = 0 AND shown
       AND coalesce(q -> 'protect', spec -> 'protect') ->> 'method' IS NOT DISTINCT FROM 'cellkey' THEN
        notes := notes || 'Checked (foistats.audit_request): nothing withheld; every figure is perturbed (cell key), so its rows and columns need not add up.'::text;
    ELSIF jsonb_array_length(findings) = 0 AND shown THEN
        SELECT e INTO parent FROM jsonb_array_elements(spec -> 'questions') e
         WHERE e ->> 'id' = q ->> 'subset_of' AND e -> 'rows' = q -> 'rows'
           AND coalesce(e ->> 'columns', spec ->> 'columns', 'year') = coalesce(q ->> 'columns', spec ->> 'columns', 'year');
        notes := notes || format('Checked (foistats.audit_request): every row, column and %s of this table adds up%s%s.',
                                 @extschema@.markdown_escape(total_label),
                                 CASE WHEN withheld THEN '; no withheld figure can be worked out from the published totals' ELSE '' END,
                                 CASE WHEN parent IS NOT NULL THEN format('; no figure exceeds its counterpart in question %s', parent ->> 'id') ELSE '' END);
    END IF;
    RETURN notes;
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_notes(text, jsonb, jsonb, @extschema@.xtab, boolean, text, date, date, jsonb) IS
  'internal: the footnotes a question''s definition gives it in the response (Markdown subset): its crimes (population_text, or the population''s SQL), its measure, what each Grand Total counts, the terms and exclusions of every text search, its own footnotes, the audit''s verdict';
UPDATE @extschema@.request_key
   SET description = 'suppress (default) | round5 | cellkey (perturbs every figure by its crimes'' record keys; secret: setting foistats.cellkey_secret)'
 WHERE context = 'protect' AND key = 'method';

-- issue 11: bind_records' error for an unknown outcome code: check_outcomes needs the view, so bind with check_values => false first
CREATE OR REPLACE FUNCTION @extschema@.bind_records(target name, source regclass,
                                         columns jsonb DEFAULT '{}',
                                         time_zone text DEFAULT 'Europe/London',
                                         check_values boolean DEFAULT true)
RETURNS regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    f          record;
    spec       jsonb;
    src_expr   text;
    src_desc   text;
    src_type   regtype;
    items      text[] := '{}';
    names      text[] := '{}';    -- the view's column names, in order
    key        text;
    avail      text;
    ex_schema  text := '@extschema@';
    caller_path text := current_setting('search_path');
    bad        record;
    view_sql   text;
BEGIN
    IF target IS NULL OR source IS NULL OR columns IS NULL OR time_zone IS NULL OR check_values IS NULL THEN
        RAISE EXCEPTION 'bind_records arguments must not be null'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF jsonb_typeof(columns) <> 'object' THEN
        RAISE EXCEPTION 'column mapping must be a JSON object'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Got a JSON %s.', jsonb_typeof(columns)),
                  HINT = 'Map interface fields to your columns, e.g. {"recorded_on": "date_recorded"}.';
    END IF;
    IF target = ex_schema THEN
        RAISE EXCEPTION 'cannot bind records into the extension''s own schema "%"', target
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Choose a schema of your own, e.g. ''foi''.';
    END IF;
    BEGIN
        PERFORM now() AT TIME ZONE time_zone;
    EXCEPTION WHEN invalid_parameter_value THEN
        RAISE EXCEPTION 'time zone "%" is not recognized', time_zone
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use a name from pg_timezone_names, e.g. ''Europe/London''.';
    END;

    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO avail
      FROM pg_attribute WHERE attrelid = source AND attnum > 0 AND NOT attisdropped;

    -- every key must name an interface field; every value a column, an
    -- expression or a constant
    FOR key IN SELECT jsonb_object_keys(columns) LOOP
        IF NOT EXISTS (SELECT 1 FROM @extschema@.record_field rf WHERE rf.name = key) THEN
            RAISE EXCEPTION '"%" is not a field of the record interface', key
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = (SELECT 'Fields are: ' || string_agg(name, ', ' ORDER BY position) ||
                                     '. Other columns of your table pass through under their own names.'
                                FROM @extschema@.record_field);
        END IF;
        spec := columns -> key;
        IF NOT (jsonb_typeof(spec) = 'string'
                OR (jsonb_typeof(spec) = 'object' AND (SELECT count(*) FROM jsonb_object_keys(spec)) = 1
                    AND (spec ? 'expr' AND jsonb_typeof(spec -> 'expr') = 'string' OR spec ? 'value'))) THEN
            RAISE EXCEPTION 'the binding of field "%" must be a column name, {"expr": "..."} or {"value": ...}', key
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('Got %s.', spec);
        END IF;
    END LOOP;

    FOR f IN SELECT * FROM @extschema@.record_field ORDER BY position LOOP
        spec := columns -> f.name;
        IF spec IS NULL AND NOT EXISTS (SELECT 1 FROM pg_attribute
                                         WHERE attrelid = source AND attname = f.name
                                           AND attnum > 0 AND NOT attisdropped) THEN
            IF f.required THEN
                RAISE EXCEPTION 'column "%" of % does not exist (record field "%")', f.name, source, f.name
                    USING ERRCODE = 'undefined_column',
                          DETAIL = format('Columns of %s: %s.', source, avail),
                          HINT = format('Field "%s" is required: map it with {"%s": "your_column"}, an expression or a constant.',
                                        f.name, f.name);
            END IF;
            items := items || format('NULL::%s AS %I', f.type, f.name);
            names := names || f.name;
            CONTINUE;
        END IF;
        IF spec IS NULL OR jsonb_typeof(spec) = 'string' THEN
            src_expr := format('s.%I', coalesce(spec #>> '{}', f.name));
            src_desc := format('column %I', coalesce(spec #>> '{}', f.name));
            SELECT atttypid::regtype INTO src_type FROM pg_attribute
             WHERE attrelid = source AND attname = coalesce(spec #>> '{}', f.name)
               AND attnum > 0 AND NOT attisdropped;
            IF src_type IS NULL THEN
                RAISE EXCEPTION 'column "%" of % does not exist (record field "%")',
                                spec #>> '{}', source, f.name
                    USING ERRCODE = 'undefined_column',
                          DETAIL = format('Columns of %s: %s.', source, avail),
                          HINT = 'Check the column mapping.';
            END IF;
        ELSIF spec ? 'expr' THEN
            src_expr := format('(%s)', spec ->> 'expr');
            src_desc := format('expression %s', spec ->> 'expr');
            PERFORM @extschema@.check_expression(spec ->> 'expr', format('the binding of field "%s"', f.name));
            BEGIN
                PERFORM set_config('search_path', caller_path, true);
                EXECUTE format('SELECT pg_catalog.pg_typeof(t.x) FROM (SELECT %s AS x FROM %s s WHERE false) t RIGHT JOIN (VALUES (1)) v(one) ON true',
                               src_expr, source) INTO src_type;
                PERFORM set_config('search_path', 'pg_catalog, pg_temp', true);
            EXCEPTION WHEN OTHERS THEN
                PERFORM set_config('search_path', 'pg_catalog, pg_temp', true);
                RAISE EXCEPTION 'the expression bound to field "%" is not valid over %: %', f.name, source, SQLERRM
                    USING ERRCODE = 'invalid_parameter_value',
                          DETAIL = format('Expression: %s', spec ->> 'expr'),
                          HINT = format('Write it over the columns of %s: %s.', source, avail);
            END;
        ELSE
            IF spec -> 'value' = 'null'::jsonb THEN
                src_expr := format('NULL::%s', f.type);
            ELSIF jsonb_typeof(spec -> 'value') IN ('string', 'number', 'boolean') THEN
                src_expr := format('%L::%s', spec ->> 'value', f.type);
            ELSE
                RAISE EXCEPTION 'the constant bound to field "%" must be a JSON string, number, boolean or null', f.name
                    USING ERRCODE = 'invalid_parameter_value', DETAIL = format('Got %s.', spec -> 'value');
            END IF;
            src_desc := format('constant %s', spec -> 'value');
            BEGIN
                EXECUTE format('SELECT %s', src_expr);
            EXCEPTION WHEN data_exception THEN
                RAISE EXCEPTION 'the constant % cannot be bound to field "%" (%)', spec -> 'value', f.name, f.type
                    USING ERRCODE = 'datatype_mismatch', DETAIL = SQLERRM;
            END;
            src_type := f.type::regtype;
        END IF;

        IF NOT @extschema@.record_type_fits(f.type, src_type) THEN
            RAISE EXCEPTION 'record field "%" (%) cannot be bound to % of %, of type %',
                            f.name, f.type, src_desc, source, src_type
                USING ERRCODE = 'datatype_mismatch',
                      HINT = @extschema@.record_type_hint(f.type);
        END IF;
        IF f.type = 'date' AND src_type = 'timestamp with time zone'::regtype THEN
            -- read the instant in the binding's time zone, never the session's
            src_expr := format('(%s AT TIME ZONE %L)::date', src_expr, time_zone);
        ELSIF f.name = 'outcome' THEN
            src_expr := format('NULLIF(upper(btrim(%s::text)), '''')', src_expr);
        ELSIF src_type IS DISTINCT FROM f.type::regtype THEN
            src_expr := format('%s::%s', src_expr, f.type);
        END IF;
        items := items || format('%s AS %I', src_expr, f.name);
        names := names || f.name;
    END LOOP;

    -- the table's other columns pass through under their own names
    -- (columns bound to a field, and names of fields, are left out)
    SELECT items || array_agg(format('s.%I', p.attname) ORDER BY p.attnum), names || array_agg(p.attname::text ORDER BY p.attnum)
      INTO items, names
      FROM (SELECT a.attname, a.attnum
          FROM pg_attribute a
         WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped
           AND a.attname NOT IN (SELECT rf.name FROM @extschema@.record_field rf)
           AND NOT EXISTS (SELECT 1 FROM jsonb_each(columns) m
                            WHERE jsonb_typeof(m.value) = 'string' AND m.value #>> '{}' = a.attname)
         ) p;

    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = target) THEN
        EXECUTE format('CREATE SCHEMA %I', target);
    END IF;
    view_sql := format('VIEW %I.records AS SELECT %s FROM %s s', target, array_to_string(items, ', '), source);
    -- expressions are the user's: resolve them in the caller's search_path,
    -- as CREATE VIEW would; the view stores what they resolved to
    -- the columns change when a pass-through column is added or renamed:
    -- re-create the view then; a dependent object makes that an error
    PERFORM @extschema@.drop_changed_view(to_regclass(format('%I.records', target)),
        names,
        'Drop the dependent views first (request views are re-created by foistats.create_request_views).');
    PERFORM set_config('search_path', caller_path, true);
    EXECUTE 'CREATE OR REPLACE ' || view_sql;
    PERFORM set_config('search_path', 'pg_catalog, pg_temp', true);
    DELETE FROM @extschema@.records_binding b
     WHERE NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = b.records);
    INSERT INTO @extschema@.records_binding AS b (records, source, columns, time_zone)
    VALUES (format('%I.records', target)::regclass, source, columns, time_zone)
    ON CONFLICT ON CONSTRAINT records_binding_pkey
    DO UPDATE SET source = excluded.source, columns = excluded.columns, time_zone = excluded.time_zone,
                  bound_at = pg_catalog.now(), bound_by = CURRENT_USER;
    EXECUTE format('COMMENT ON VIEW %I.records IS %L', target,
                   format('crime records of %s bound to the foistats record interface (foistats.record_field); recorded_on in time zone %s; binding %s',
                          source, time_zone, columns));

    IF check_values THEN
        FOR bad IN EXECUTE format(
            -- outcomes counted first, then looked up: a distributed table
            -- (Citus) cannot be joined directly with foistats.ho_outcome
            'SELECT d.code, d.n, d.example
               FROM (SELECT r.outcome AS code, count(*) AS n, min(r.crime_ref) AS example
                       FROM %I.records r WHERE r.outcome IS NOT NULL GROUP BY r.outcome) d
              WHERE NOT EXISTS (SELECT 1 FROM %s.ho_outcome o WHERE o.type = d.code)
              ORDER BY d.n DESC, d.code LIMIT 1', target, ex_schema)
        LOOP
            RAISE EXCEPTION 'record field "outcome" bound to % of % holds "%", which is not a Home Office outcome type',
                            coalesce((SELECT d FROM (SELECT CASE WHEN jsonb_typeof(columns -> 'outcome') = 'string'
                                                                 THEN format('column %I', columns ->> 'outcome')
                                                                 WHEN columns ? 'outcome' THEN format('%s', columns -> 'outcome')
                                                                 ELSE 'column outcome' END AS d) x), 'column outcome'),
                            source, bad.code
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('%s %s it, e.g. crime %s. Outcome types are listed in foistats.ho_outcome; NULL means open. Once bound with check_values => false, foistats.check_outcomes(''%I.records'') lists every unknown code.',
                                      bad.n, CASE WHEN bad.n = 1 THEN 'record has' ELSE 'records have' END, bad.example, target),
                      HINT = 'Map the force''s own codes to Home Office types with an expression, e.g. {"outcome": {"expr": "CASE \"Outcome\" WHEN ''OC15'' THEN ''15'' ... END"}}; add a Home Office type foistats does not ship to foistats.ho_outcome; or bind with check_values => false to check later.';
        END LOOP;
    END IF;
    RETURN format('%I.records', target)::regclass;
END
$fn$;

-- issue 11: parse_table reads a multi-label table's 'Grand Total (mentions)' as its total row and 'Grand Total (distinct crimes)' as its units (they were read as two data rows, so audit checked no column)
COMMENT ON FUNCTION @extschema@.table_cells(text, text, text[]) IS
  'the parse of a published table cell by cell, to check it before trusting it: role (cell, row_total, column_total, grand_total; column_units and total_units for the distinct-crimes row of a multi-label table, ''Grand Total (distinct crimes)''), labels as read (totals under their printed labels), kind (count; blank for empty, ''-'', n/a; suppressed for ''*'', ''<5'', ''1-4'' ...), value (NULL when suppressed), the text as published, and its line and cell position in the input';

-- ---------------------------------------------------------------------------
-- issue 13: linked tables for two periods (same_as)
-- ---------------------------------------------------------------------------
-- protect_linked and disclosure_audit_linked take same_as (the same table for
-- other periods: two years' responses) and keep a table already protected as
-- given.  New signatures: the old functions are dropped (nothing installed
-- depends on them; request_answer calls protect_linked by name at run time).
DROP FUNCTION @extschema@.protect_linked(@extschema@.xtab[], integer[], integer, integer, boolean, boolean, text);
DROP FUNCTION @extschema@.disclosure_audit_linked(@extschema@.xtab[], integer[], integer, integer, boolean);
CREATE FUNCTION @extschema@.protect_linked(
    tables @extschema@.xtab[],
    subset_of integer[] DEFAULT NULL,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    zeros boolean DEFAULT false,
    allow_totals boolean DEFAULT false,
    marker text DEFAULT '*',
    same_as integer[] DEFAULT NULL,
    given boolean[] DEFAULT NULL)
  RETURNS @extschema@.xtab[]
  AS 'MODULE_PATHNAME', 'foistats_protect_linked' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protect_linked(@extschema@.xtab[], integer[], integer, integer, boolean, boolean, text, integer[], boolean[]) IS
  'cell suppression of a family of LINKED tables at once: subset_of[i] (1-based, NULL for none) names the table whose records table i counts a subset of (table 1''s crimes that involved the internet), rows and columns matched by label; same_as[i] names the table that counts the same crimes as table i, by the same rows, in the columns both list (the same table for other periods: last year''s response for 2019-2023, this year''s for 2020-2024), up to revisions the reader is taken to know; given[i] true: table i is published already (last year''s table as protect or protect_linked returned it, true counts kept): its pattern is kept and the others are protected around it. Chooses one pattern so that no small count of any table, nor any small difference superset - subset, can be worked out to within protection, checked by moves of the family that keep every published figure, every subset relation and every same-crimes figure (see disclosure_audit_linked); a superset withholds every cell its subsets withhold, and a figure withheld for one period is withheld for the other. Returns the tables protected, in order, as protect() would (true counts kept: publish through the readers)';

CREATE FUNCTION @extschema@.disclosure_audit_linked(
    tables @extschema@.xtab[],
    subset_of integer[] DEFAULT NULL,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    zeros boolean DEFAULT false,
    same_as integer[] DEFAULT NULL,
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
COMMENT ON FUNCTION @extschema@.disclosure_audit_linked(@extschema@.xtab[], integer[], integer, integer, boolean, integer[]) IS
  'audit of a family of linked tables (as protect_linked takes them, with their true counts; same_as as there): for every withheld cell and total of every table, min..max = values the reader cannot rule out (tables that keep every published figure, every subset relation and every same-crimes figure reach them), judged by the rule (meets_rule); bound_min..bound_max = the most the reader can prove (each table''s exact audit, narrowed by subset <= superset and by the same crimes'' bounds in the other period''s table); exact when the two agree';

-- ---------------------------------------------------------------------------
-- issue 13: rerun protects with a saved answer (previous)
-- ---------------------------------------------------------------------------
DROP FUNCTION @extschema@.rerun(text, date, date, regclass);

-- issue 10: consolidate's footnotes for the unmapped, coarser and remainder
-- categories come from one query over a list of (note, status) instead of
-- three copies of it (the same footnotes, in the same order)
CREATE OR REPLACE FUNCTION @extschema@.consolidate(sources @extschema@.force_table[],
    level text DEFAULT 'ons_group', min_confidence text DEFAULT 'low', periods text DEFAULT 'refuse',
    on_mismatch text DEFAULT 'error')
RETURNS @extschema@.xtab
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET client_min_messages = warning
SET jit = off
AS $fn$
DECLARE
  x      @extschema@.xtab;
  notes  text[] := '{}';
  bad    record;
  kinds  text[];
BEGIN
  IF on_mismatch NOT IN ('error', 'flag') THEN
    RAISE EXCEPTION 'on_mismatch "%" is not error or flag', on_mismatch;
  END IF;
  DROP TABLE IF EXISTS pg_temp.consolidate_prov;
  CREATE TEMP TABLE consolidate_prov ON COMMIT DROP AS
    SELECT * FROM @extschema@.consolidate_provenance(sources, level, min_confidence, periods);

  FOR bad IN SELECT * FROM @extschema@.consolidate_check(sources, level, min_confidence, periods) c WHERE NOT c.ok LOOP
    IF on_mismatch = 'error' AND bad.withheld > 0 THEN
      RAISE EXCEPTION '% %: % figure(s) withheld, so what the source contributed cannot be checked against its total %',
        bad.force, bad.period, bad.withheld, bad.source_total
        USING DETAIL = format('counted %s without them, not notifiable %s, unmapped %s', bad.counted, bad.not_notifiable, bad.unmapped),
              HINT = 'on_mismatch => ''flag'' builds the table without the withheld figures, with a footnote.';
    ELSIF on_mismatch = 'error' THEN
      RAISE EXCEPTION '% %: the source''s total is % but % is accounted for', bad.force, bad.period,
        bad.source_total, bad.counted + bad.not_notifiable + bad.unmapped
        USING DETAIL = format('counted %s, not notifiable %s, unmapped %s, withheld figures %s',
                              bad.counted, bad.not_notifiable, bad.unmapped, bad.withheld),
              HINT = 'See foistats.consolidate_provenance for each of its rows; on_mismatch => ''flag'' builds the table with a footnote instead.';
    END IF;
    notes := notes || format('%s %s: printed total %s, accounted for %s (difference %s, withheld figures %s)',
                             bad.force, bad.period, bad.source_total, bad.counted + bad.not_notifiable + bad.unmapped,
                             bad.difference, bad.withheld);
  END LOOP;

  SELECT @extschema@.xtab(p.category, p.period, p.n)
    INTO x
    FROM pg_temp.consolidate_prov p
   WHERE p.status NOT IN ('total', 'printed_total', 'no_printed_total') AND p.n IS NOT NULL;
  IF x IS NULL THEN
    RAISE EXCEPTION 'the sources have no figures';
  END IF;

  kinds := ARRAY(SELECT DISTINCT sources[k].period_kind FROM generate_subscripts(sources, 1) k ORDER BY 1);
  IF cardinality(kinds) > 1 THEN
    notes := notes || 'calendar years (2019) and financial years (2019/20) are separate columns: they overlap by nine months, so a total across both kinds (a Grand Total column) counts some months twice: read each kind apart'::text;
  END IF;
  notes := notes || CASE WHEN cardinality(sources) > 6 THEN
      format('%s sources (%s in financial years, %s in calendar years): foistats.consolidate_provenance names each',
             cardinality(sources),
             (SELECT count(*) FROM unnest(sources) u WHERE (u).period_kind = 'fy'),
             (SELECT count(*) FROM unnest(sources) u WHERE (u).period_kind = 'year'))
    ELSE format('%s: %s', CASE WHEN cardinality(sources) = 1 THEN 'source' ELSE cardinality(sources) || ' sources' END,
                           (SELECT string_agg(format('%s (%s)', sources[k].force,
                                                     CASE sources[k].period_kind WHEN 'fy' THEN 'financial years' ELSE 'calendar years' END), '; ' ORDER BY k)
                              FROM generate_subscripts(sources, 1) k)) END;
  -- the categories unmapped, coarser than the level, counted as a remainder
  notes := notes || ARRAY(
    SELECT format('%s: %s', v.note, string_agg(DISTINCT format('%s "%s"', p.force, p.source_category), ', '))
      FROM (VALUES (1, 'Unmapped or ambiguous', 'unmapped'),
                   (2, 'not given at this level (counted in "... not given")', 'coarser%'),
                   (3, 'counted less the members listed apart', '%remainder')) AS v(k, note, status)
      JOIN pg_temp.consolidate_prov p ON p.status LIKE v.status
     GROUP BY v.k, v.note
     ORDER BY v.k);
  RETURN @extschema@.annotate(x,
    title => format('Crimes by %s, %s combined',
                    CASE level WHEN 'ons_group' THEN 'ONS offence group' WHEN 'ons_subgroup' THEN 'ONS offence subgroup'
                               ELSE 'Home Office class' END,
                    CASE WHEN cardinality(sources) = 1 THEN 'one source' ELSE cardinality(sources) || ' sources' END),
    row_header => CASE level WHEN 'ons_group' THEN 'ONS offence group' WHEN 'ons_subgroup' THEN 'ONS offence subgroup'
                             ELSE 'Home Office class' END,
    footnotes => notes);
END
$fn$;
COMMENT ON FUNCTION @extschema@.consolidate(@extschema@.force_table[], text, text, text, text) IS
  'many forces'' responses as one cross-tab: rows = the ONS groups (level ons_group), subgroups (ons_subgroup) or Home Office classes (ho_class) the sources'' categories map to (foistats.classify_category), plus "<group> (subgroup not given)" for coarser rows, "Not notifiable" and "Unmapped or ambiguous"; columns = canonical periods (calendar and financial years apart); a coarse row that includes members listed apart counts only its remainder; an error (on_mismatch => ''flag'': a footnote) when a source''s printed total is not exactly what it contributed; footnotes name the sources and every unmapped and coarser category.  Provenance: foistats.consolidate_provenance; the check: foistats.consolidate_check';

-- issue 13: check_answer also compares a multi-label table's distinct crimes
-- per column and in all (item 1: both totals a response prints), which its
-- mentions do not determine.
CREATE OR REPLACE FUNCTION @extschema@.check_answer(request text, label text, records regclass DEFAULT NULL,
    OUT question text, OUT row_label text, OUT col_label text,
    OUT published bigint, OUT recomputed bigint, OUT difference bigint, OUT status text)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    a     record;
    t     record;
    fresh @extschema@.xtab;
BEGIN
    SELECT * INTO a FROM @extschema@.answer x WHERE x.request = check_answer.request AND x.label = check_answer.label;
    IF a IS NULL THEN
        RAISE EXCEPTION 'request "%" has no saved answer labelled "%"', request, label
            USING ERRCODE = 'undefined_object',
                  HINT = (SELECT 'Saved answers: ' || coalesce(string_agg(format('%L', x.label), ', ' ORDER BY x.saved_at), 'none') || '.'
                            FROM @extschema@.answer x WHERE x.request = check_answer.request);
    END IF;
    records := coalesce(records, to_regclass(a.records));
    FOR t IN SELECT * FROM @extschema@.answer_table x
              WHERE x.request = a.request AND x.label = a.label ORDER BY x.question LOOP
        question := t.question;
        fresh := @extschema@.request_answer(a.request, a.spec, t.question, records,
                                            a.period_from, a.period_to, false);
        FOR row_label, col_label, published, recomputed, difference, status IN
            SELECT r.row_label, r.col_label, r.published, r.recomputed, r.difference, r.status
              FROM @extschema@.reconcile(t.computed, fresh) r
             WHERE r.status <> 'match'
        LOOP
            RETURN NEXT;
        END LOOP;
        -- A multi-label table also prints its distinct crimes per column and
        -- in all, which its mentions do not determine (a crime that gains a
        -- label while another with that label is no-crimed leaves every
        -- mention as it was): compared under the row the table prints them
        -- in.
        CONTINUE WHEN NOT (@extschema@.is_multi_label(t.computed) OR @extschema@.is_multi_label(fresh));
        FOR row_label, col_label, published, recomputed, difference, status IN
            WITH p AS (SELECT l, u, i FROM unnest(@extschema@.col_labels(t.computed), @extschema@.col_units(t.computed))
                                            WITH ORDINALITY AS z(l, u, i)),
                 f AS (SELECT l, u, i FROM unnest(@extschema@.col_labels(fresh), @extschema@.col_units(fresh))
                                            WITH ORDINALITY AS z(l, u, i)),
                 u AS (SELECT coalesce(p.l, f.l) AS l, p.u AS pu, f.u AS fu, p.l IS NOT NULL AS in_p, f.l IS NOT NULL AS in_f,
                              coalesce(p.i, 0) AS pi, f.i AS fi
                         FROM p FULL JOIN f ON f.l = p.l
                       UNION ALL
                       SELECT NULL, @extschema@.total_units(t.computed), @extschema@.total_units(fresh), true, true,
                              2147483647, 2147483647)
            SELECT 'Grand Total (distinct crimes)', u.l, u.pu, u.fu, u.fu - u.pu,
                   CASE WHEN NOT u.in_p THEN 'recomputed_only' WHEN NOT u.in_f THEN 'published_only'
                        WHEN u.pu = u.fu THEN 'match' ELSE 'differs' END
              FROM u
             WHERE NOT (u.in_p AND u.in_f AND u.pu IS NOT DISTINCT FROM u.fu)
             ORDER BY u.pi, u.fi
        LOOP
            RETURN NEXT;
        END LOOP;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_answer(text, text, regclass) IS
  'recomputes a saved answer with the definition and period it was saved with, and returns every figure that differs from the saved exact counts (reconcile: cells, row totals, column totals, grand total, and for a multi-label table its distinct crimes per column and in all, under row_label ''Grand Total (distinct crimes)''); no rows means the answer still holds. Differences are late-recorded, re-classified or no-crimed records, which a later response must explain';

-- ---------------------------------------------------------------------------
-- issue 13: the same crimes by two breakdowns (same_totals)
-- ---------------------------------------------------------------------------
-- protect_linked and disclosure_audit_linked take same_totals (two
-- breakdowns of the same crimes, offence x year and age band x year: equal
-- column totals and grand total).  New signatures: the same_as ones are
-- dropped (nothing installed depends on them; request_answer and rerun call
-- protect_linked by name at run time).
DROP FUNCTION @extschema@.protect_linked(@extschema@.xtab[], integer[], integer, integer, boolean, boolean, text, integer[], boolean[]);
DROP FUNCTION @extschema@.disclosure_audit_linked(@extschema@.xtab[], integer[], integer, integer, boolean, integer[]);
CREATE FUNCTION @extschema@.protect_linked(
    tables @extschema@.xtab[],
    subset_of integer[] DEFAULT NULL,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    zeros boolean DEFAULT false,
    allow_totals boolean DEFAULT false,
    marker text DEFAULT '*',
    same_as integer[] DEFAULT NULL,
    given boolean[] DEFAULT NULL,
    same_totals integer[] DEFAULT NULL)
  RETURNS @extschema@.xtab[]
  AS 'MODULE_PATHNAME', 'foistats_protect_linked' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protect_linked(@extschema@.xtab[], integer[], integer, integer, boolean, boolean, text, integer[], boolean[], integer[]) IS
  'cell suppression of a family of LINKED tables at once: subset_of[i] (1-based, NULL for none) names the table whose records table i counts a subset of (table 1''s crimes that involved the internet), rows and columns matched by label; same_as[i] names the table that counts the same crimes as table i, by the same rows, in the columns both list (the same table for other periods: last year''s response for 2019-2023, this year''s for 2020-2024), up to revisions the reader is taken to know; given[i] true: table i is published already (last year''s table as protect or protect_linked returned it, true counts kept): its pattern is kept and the others are protected around it; same_totals[i] names the table that counts the same crimes as table i by another breakdown over the same columns (offence x year and age band x year), so that their column totals and grand totals are one figure (single-label tables with rows of their own and no other link; a total withheld in one is withheld in the other). Chooses one pattern so that no small count of any table, nor any small difference superset - subset, can be worked out to within protection, checked by moves of the family that keep every published figure, every subset relation, every same-crimes figure and every shared total (see disclosure_audit_linked); a superset withholds every cell its subsets withhold, and a figure withheld for one period is withheld for the other. Returns the tables protected, in order, as protect() would (true counts kept: publish through the readers)';

CREATE FUNCTION @extschema@.disclosure_audit_linked(
    tables @extschema@.xtab[],
    subset_of integer[] DEFAULT NULL,
    threshold integer DEFAULT 5,
    protection integer DEFAULT NULL,
    zeros boolean DEFAULT false,
    same_as integer[] DEFAULT NULL,
    same_totals integer[] DEFAULT NULL,
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
COMMENT ON FUNCTION @extschema@.disclosure_audit_linked(@extschema@.xtab[], integer[], integer, integer, boolean, integer[], integer[]) IS
  'audit of a family of linked tables (as protect_linked takes them, with their true counts; same_as and same_totals as there): for every withheld cell and total of every table, min..max = values the reader cannot rule out (tables that keep every published figure, every subset relation and every same-crimes figure reach them), judged by the rule (meets_rule); bound_min..bound_max = the most the reader can prove (each table''s exact audit, narrowed by subset <= superset and by the same crimes'' bounds in the other period''s table; a pair of breakdowns by the pair''s own exact audit, one network through their shared column totals); exact when the two agree';

-- issue 13: a request protects two breakdowns of the same crimes together
-- ---------------------------------------------------------------------------
-- The question key same_crimes_as names an earlier question that counts the
-- same crimes by other single-label rows (offence x year, age band x year);
-- define_request checks the link (request_check_same_crimes), request_answer
-- protects the pair with protect_linked(..., same_totals), and rerun with
-- previous refuses such a pair when totals may be withheld.
INSERT INTO @extschema@.request_key VALUES
('question', 'same_crimes_as', 'id of an earlier question that counts the same crimes (same population, measure, columns and protect) by other single-label rows, e.g. age band x year beside offence x year: the two are protected together (protect_linked same_totals), since they share their column totals');

CREATE FUNCTION @extschema@.request_pair(request text, spec jsonb, question text)
RETURNS text[]
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT ARRAY[x ->> 'same_crimes_as', x ->> 'id']
    FROM jsonb_array_elements(spec -> 'questions') x
   WHERE x ? 'same_crimes_as' AND question IN (x ->> 'id', x ->> 'same_crimes_as')
   LIMIT 1
$fn$;
COMMENT ON FUNCTION @extschema@.request_pair(text, jsonb, text) IS
  'internal: the two questions linked by same_crimes_as that a question is one of (the named one first), or NULL';

CREATE OR REPLACE FUNCTION @extschema@.request_validate(request text, spec jsonb)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q        jsonb;
    qid      text;
    ids      text[] := '{}';
    kinds    jsonb := '{}';
    template text;
    p        record;
    t        text;
    ph       text[];
    k        text;
BEGIN
    PERFORM @extschema@.request_check_keys(request, NULL, 'request', spec, NULL);
    IF jsonb_typeof(spec -> 'title') IS DISTINCT FROM 'string' OR btrim(spec ->> 'title') = '' THEN
        PERFORM @extschema@.request_error(request, NULL, 'title', 'is required (a non-empty string)');
    END IF;
    SELECT * INTO p FROM @extschema@.resolve_period(request, spec -> 'period');
    IF spec ? 'fields' THEN
        IF jsonb_typeof(spec -> 'fields') <> 'object' THEN
            PERFORM @extschema@.request_error(request, NULL, 'fields', 'must be an object {"column": "type"}');
        END IF;
        FOR k, t IN SELECT key, value #>> '{}' FROM jsonb_each(spec -> 'fields') LOOP
            IF EXISTS (SELECT 1 FROM @extschema@.record_field rf WHERE rf.name = k) OR k !~ '^[a-z_][a-z0-9_]*$' THEN
                PERFORM @extschema@.request_error(request, NULL, 'fields.' || k,
                    'must be a lower-case column name that is not a field of the record interface');
            END IF;
            IF to_regtype(t) IS NULL THEN
                PERFORM @extschema@.request_error(request, NULL, 'fields.' || k, format('"%s" is not a type', t));
            END IF;
        END LOOP;
    END IF;
    IF spec ? 'columns' AND NOT (spec ->> 'columns') = ANY (ARRAY['year', 'fy', 'quarter', 'month', 'none']) THEN
        PERFORM @extschema@.request_error(request, NULL, 'columns',
            format('must be year, fy, quarter, month or none, not %s', spec -> 'columns'));
    END IF;
    IF spec ? 'protect' THEN
        PERFORM @extschema@.request_check_protect(request, NULL, spec -> 'protect');
    END IF;
    IF spec ? 'closing' AND (jsonb_typeof(spec -> 'closing') <> 'array'
        OR EXISTS (SELECT 1 FROM jsonb_array_elements(spec -> 'closing') e WHERE jsonb_typeof(e) <> 'string')) THEN
        PERFORM @extschema@.request_error(request, NULL, 'closing', 'must be an array of paragraphs (strings)');
    END IF;
    IF spec ? 'records' AND to_regclass(spec ->> 'records') IS NULL THEN
        PERFORM @extschema@.request_error(request, NULL, 'records',
            format('names no relation: "%s"', spec ->> 'records'), NULL, 'Bind records first (foistats.bind_records), or leave "records" out and pass the view to each call.');
    END IF;
    IF jsonb_typeof(spec -> 'questions') IS DISTINCT FROM 'array' OR jsonb_array_length(spec -> 'questions') = 0 THEN
        PERFORM @extschema@.request_error(request, NULL, 'questions', 'must be a non-empty array');
    END IF;

    template := @extschema@.request_template(spec);
    FOR q IN SELECT jsonb_array_elements(spec -> 'questions') LOOP
        IF jsonb_typeof(q) <> 'object' OR jsonb_typeof(q -> 'id') IS DISTINCT FROM 'string' THEN
            PERFORM @extschema@.request_error(request, NULL, 'questions',
                'every question must be an object with an "id" string', format('Got %s.', q));
        END IF;
        qid := q ->> 'id';
        IF qid !~ '^[A-Za-z0-9_]{1,20}$' THEN
            PERFORM @extschema@.request_error(request, qid, 'id', 'must be 1 to 20 letters, digits or _');
        END IF;
        IF lower(qid) = ANY (SELECT lower(i) FROM unnest(ids) i) THEN
            PERFORM @extschema@.request_error(request, qid, 'id', 'is used by two questions');
        END IF;
        PERFORM @extschema@.request_check_keys(request, qid, 'question', q, NULL);
        kinds := kinds || jsonb_build_object(qid, @extschema@.request_check_question(request, spec, q, ids, template, kinds));
        ids := ids || qid;
    END LOOP;
    PERFORM @extschema@.request_check_same_crimes(request, spec, template);

    -- placeholders {id.figure} in answers name figures that exist
    FOR t IN SELECT x FROM (SELECT q2 ->> 'answer' AS x FROM jsonb_array_elements(spec -> 'questions') q2
                            UNION ALL SELECT spec ->> 'intro'
                            UNION ALL SELECT jsonb_array_elements_text(coalesce(spec -> 'closing', '[]'))) s
              WHERE x IS NOT NULL LOOP
        FOR ph IN SELECT regexp_matches(t, '\{([^{}.:]+)\.([^{}:]+)(:[^{}]*)?\}', 'g') LOOP
            IF NOT kinds ? ph[1] THEN
                PERFORM @extschema@.request_error(request, NULL, 'answer',
                    format('placeholder {%s.%s} names no question "%s"', ph[1], ph[2], ph[1]));
            END IF;
            IF NOT (kinds -> ph[1] -> 'figures') ? ph[2] THEN
                PERFORM @extschema@.request_error(request, ph[1], 'answer',
                    format('placeholder {%s.%s} names no figure of question "%s"', ph[1], ph[2], ph[1]),
                    format('Figures of question "%s": %s.', ph[1],
                           (SELECT string_agg(f, ', ') FROM jsonb_array_elements_text(kinds -> ph[1] -> 'figures') f)));
            END IF;
            IF ph[3] IS NOT NULL AND ph[3] NOT IN (':words', ':Words') THEN
                PERFORM @extschema@.request_error(request, ph[1], 'answer',
                    format('placeholder {%s.%s%s}: unknown format', ph[1], ph[2], ph[3]), NULL,
                    'Formats: :words (six) and :Words (Six).');
            END IF;
        END LOOP;
    END LOOP;
END
$fn$;

-- ---------------------------------------------------------------------------
-- issue 10: what a question asks for (request_question_kind) and the columns
-- of its table (request_columns) have one home each, instead of the same
-- expressions written in every function that needs them
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.request_question_kind(q jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN q ? 'rows' THEN 'table'
              WHEN q ? 'population' OR q ? 'measure' OR q ? 'subset_of' THEN 'count'
              ELSE 'text' END
$fn$;
COMMENT ON FUNCTION @extschema@.request_question_kind(jsonb) IS
  'internal: what a question of a definition asks for: table (it has rows), count (a population, a measure or subset_of, no rows) or text (an answer in words)';

CREATE FUNCTION @extschema@.request_columns(spec jsonb, q jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN jsonb_typeof(q -> 'columns') = 'object' THEN 'dimension'
              ELSE coalesce(q ->> 'columns', spec ->> 'columns', 'year') END
$fn$;
COMMENT ON FUNCTION @extschema@.request_columns(jsonb, jsonb) IS
  'internal: the columns of a question''s table: its own columns, else the request''s, else year; dimension for columns defined as a dimension';

CREATE OR REPLACE FUNCTION @extschema@.request_check_question(request text, spec jsonb, q jsonb, earlier text[],
                                                   template text, kinds jsonb)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    qid   text := q ->> 'id';
    kind  text;
    r     record;
    figs  text[] := '{}';
    cols  text := @extschema@.request_columns(spec, q);
BEGIN
    kind := @extschema@.request_question_kind(q);
    IF kind = 'text' AND NOT q ? 'answer' THEN
        PERFORM @extschema@.request_error(request, qid, NULL,
            'has neither rows, a population, a measure nor an answer', NULL,
            'A question is a table ("rows"), a single count ("population" or "measure", no "rows") or an answer in words ("answer").');
    END IF;
    FOR r IN SELECT key, value FROM jsonb_each(q) LOOP
        IF r.key IN ('id', 'text', 'title', 'answer', 'row_header', 'subset_of', 'same_crimes_as', 'population', 'population_text')
           AND jsonb_typeof(r.value) <> 'string' THEN
            PERFORM @extschema@.request_error(request, qid, r.key, format('must be a string, not %s', jsonb_typeof(r.value)));
        END IF;
    END LOOP;
    IF q ? 'subset_of' AND NOT (q ->> 'subset_of') = ANY (earlier) THEN
        PERFORM @extschema@.request_error(request, qid, 'subset_of',
            format('names no earlier question: "%s"', q ->> 'subset_of'), NULL,
            'A question can narrow only a question defined before it.');
    END IF;
    IF q ? 'subset_of' AND kinds -> (q ->> 'subset_of') ->> 'kind' = 'text' THEN
        PERFORM @extschema@.request_error(request, qid, 'subset_of',
            format('names question "%s", which is answered in words and has no population', q ->> 'subset_of'));
    END IF;
    IF kind <> 'text' AND NOT cols = ANY (ARRAY['year', 'fy', 'quarter', 'month', 'none', 'dimension']) THEN
        PERFORM @extschema@.request_error(request, qid, 'columns',
            format('must be year, fy, quarter, month, none or a dimension {"dimension": ...}, not %s', to_jsonb(cols)));
    END IF;
    IF cols = 'dimension' AND (@extschema@.request_rows_sql(request, qid, q -> 'columns', template, 'columns')).multi THEN
        PERFORM @extschema@.request_error(request, qid, 'columns',
            'must be a single-label dimension (one column per crime)', NULL,
            'Put terms, markers and text[] expressions in "rows".');
    END IF;
    IF q ? 'population' THEN
        PERFORM @extschema@.request_check_sql(request, qid, 'population', q ->> 'population', template, 'boolean');
    END IF;
    IF kind = 'text' THEN
        IF q ? 'columns' OR q ? 'sort' OR q ? 'zeros' OR q ? 'protect' OR q ? 'render' OR q ? 'chart' THEN
            PERFORM @extschema@.request_error(request, qid, NULL,
                'is answered in words only, so it has no columns, sort, zeros, protect, render or chart');
        END IF;
        RETURN jsonb_build_object('kind', kind, 'figures', '[]'::jsonb);
    END IF;
    IF q ? 'measure' AND q -> 'measure' <> '"crimes"'::jsonb THEN
        PERFORM @extschema@.request_check_keys(request, qid, 'measure', q -> 'measure', 'measure');
        PERFORM @extschema@.request_check_sql(request, qid, 'measure.count', q -> 'measure' ->> 'count', template, 'boolean');
        IF coalesce(q -> 'measure' ->> 'name', 'count') !~ '^[a-z][a-z0-9_]{0,40}$'
           OR coalesce(q -> 'measure' ->> 'name', 'count') IN ('total', 'crimes') THEN
            PERFORM @extschema@.request_error(request, qid, 'measure.name',
                'must be a lower-case name (letters, digits, _) other than total and crimes');
        END IF;
        figs := figs || coalesce(q -> 'measure' ->> 'name', 'count');
    END IF;
    IF kind = 'table' THEN
        IF (@extschema@.request_rows_sql(request, qid, q -> 'rows', template)).multi
           AND coalesce(q -> 'protect', spec -> 'protect') ->> 'method' IS NOT DISTINCT FROM 'round5' THEN
            PERFORM @extschema@.request_error(request, qid, 'protect.method',
                'round5 cannot protect multi-label rows (terms, markers, text[] expressions): rounding cells and mentions would leave the distinct-crime totals exact beside them', NULL,
                'Use "suppress" (the default), which models the distinct-crime totals, or "cellkey"; or give this question its own "protect".');
        END IF;
    END IF;
    IF q ? 'sort' AND NOT (q -> 'sort' IN ('"total"', '"label"')
                           OR (jsonb_typeof(q -> 'sort') = 'object' AND jsonb_typeof(q -> 'sort' -> 'order') = 'array'
                               AND (SELECT count(*) FROM jsonb_object_keys(q -> 'sort')) = 1)) THEN
        PERFORM @extschema@.request_error(request, qid, 'sort',
            format('must be "total", "label" or {"order": [labels]}, not %s', q -> 'sort'));
    END IF;
    IF q ? 'zeros' THEN
        PERFORM @extschema@.request_check_keys(request, qid, 'zeros', q -> 'zeros', 'zeros');
    END IF;
    IF q ? 'protect' THEN
        PERFORM @extschema@.request_check_protect(request, qid, q -> 'protect');
    END IF;
    IF q ? 'render' THEN
        PERFORM @extschema@.request_check_keys(request, qid, 'render', q -> 'render', 'render');
    END IF;
    IF q ? 'chart' AND q -> 'chart' <> 'false'::jsonb THEN
        PERFORM @extschema@.request_check_keys(request, qid, 'chart', q -> 'chart', 'chart');
        IF q -> 'chart' ? 'type' AND NOT (q -> 'chart' ->> 'type') = ANY (ARRAY['line', 'bar']) THEN
            PERFORM @extschema@.request_error(request, qid, 'chart.type', format('must be line or bar, not %s', q -> 'chart' -> 'type'));
        END IF;
        IF q -> 'chart' ? 'rows' AND (jsonb_typeof(q -> 'chart' -> 'rows') <> 'number'
                                      OR (q -> 'chart' ->> 'rows') !~ '^[0-9]+$' OR (q -> 'chart' ->> 'rows')::int > 12) THEN
            PERFORM @extschema@.request_error(request, qid, 'chart.rows', format('must be a whole number from 0 to 12, not %s', q -> 'chart' -> 'rows'));
        END IF;
    END IF;
    IF q ? 'footnotes' AND (jsonb_typeof(q -> 'footnotes') <> 'array'
        OR EXISTS (SELECT 1 FROM jsonb_array_elements(q -> 'footnotes') e WHERE jsonb_typeof(e) <> 'string')) THEN
        PERFORM @extschema@.request_error(request, qid, 'footnotes', 'must be an array of strings');
    END IF;
    RETURN jsonb_build_object('kind', kind, 'figures', to_jsonb(figs || ARRAY['total', 'crimes']));
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_check_question(text, jsonb, jsonb, text[], text, jsonb) IS
  'internal: checks one question of a definition; returns its kind and the figures placeholders may name';

CREATE OR REPLACE FUNCTION @extschema@.request_sql(request text, spec jsonb, question text, records regclass,
    OUT count_sql text, OUT left_out_sql text,
    OUT rowx text, OUT colx text, OUT filt text, OUT population text, OUT left_out text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q      jsonb := @extschema@.request_question(request, spec, question);
    cols   text := @extschema@.request_columns(spec, q);
    rs     record;
    f      text := '';
BEGIN
    IF @extschema@.request_question_kind(q) = 'text' THEN
        RAISE EXCEPTION 'question "%" of request "%" is answered in words and has no table', question, request
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF q ? 'rows' THEN
        rs := @extschema@.request_rows_sql(request, question, q -> 'rows', @extschema@.request_template(spec));
        rowx := rs.expr;
        IF rs.multi THEN
            f := format(' AND cardinality(%s) > 0', rowx);
            left_out := format('cardinality(%s) = 0', rowx);
        ELSIF rs.leave_out THEN
            f := format(' AND %s IS NOT NULL', rowx);
            left_out := format('%s IS NULL', rowx);
        END IF;
    ELSE
        rowx := quote_literal(coalesce(q -> 'measure' ->> 'name', 'crimes'));
    END IF;
    colx := CASE cols WHEN 'year' THEN 'r.recorded_on'
                      WHEN 'none' THEN '$3::text'
                      WHEN 'dimension' THEN (@extschema@.request_rows_sql(request, question, q -> 'columns',
                                                                          @extschema@.request_template(spec), 'columns')).expr
                      ELSE format('r.recorded_on, %L', cols) END;
    IF q ? 'measure' AND q -> 'measure' <> '"crimes"'::jsonb THEN
        f := f || format(' AND (%s) IS TRUE', q -> 'measure' ->> 'count');
    END IF;
    filt := CASE WHEN f <> '' THEN substr(f, 6) END;
    population := @extschema@.request_population_sql(request, spec, question);
    count_sql := format('SELECT %s.xtab(%s, %s)%s FROM %s r WHERE %s', '@extschema@', rowx, colx,
                        CASE WHEN filt IS NOT NULL THEN format(' FILTER (WHERE %s)', filt) ELSE '' END,
                        records, population);
    IF left_out IS NOT NULL THEN
        left_out_sql := format('SELECT count(*) FROM %s r WHERE %s AND %s', records, population, left_out);
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_sql(text, jsonb, text, regclass) IS
  'internal: the SQL that counts a question over records (count_sql: $1, $2 the period, $3 the column label of columns none), the SQL that counts the records its table leaves out (left_out_sql, NULL if none), and their pieces over records r (xtab row and column expressions, its FILTER, the WHERE clause, the left-out condition)';

CREATE OR REPLACE FUNCTION @extschema@.request_tables(request text, records regclass DEFAULT NULL,
                                           period_from date DEFAULT NULL, period_to date DEFAULT NULL)
RETURNS TABLE (question text, title text, xtab @extschema@.xtab)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q jsonb;
BEGIN
    FOR q IN SELECT e FROM jsonb_array_elements(@extschema@.request_spec(request) -> 'questions') e LOOP
        CONTINUE WHEN @extschema@.request_question_kind(q) = 'text';
        question := q ->> 'id';
        title := q ->> 'title';
        xtab := @extschema@.request_xtab(request, question, records, period_from, period_to);
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_tables(text, regclass, date, date) IS
  'every question of a stored request that has a table or a count, in order, with its title and cross-tab (as request_xtab)';

CREATE OR REPLACE FUNCTION @extschema@.rerun(request text, period_from date, period_to date, records regclass DEFAULT NULL,
                                  previous text DEFAULT NULL)
RETURNS TABLE (question text, title text, xtab @extschema@.xtab)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec  jsonb;
    q     jsonb;
    prot  jsonb;
    fam   record;
    k     int;
    res   @extschema@.xtab[];
BEGIN
    IF previous IS NULL THEN
        RETURN QUERY SELECT * FROM @extschema@.request_tables(request, records, period_from, period_to);
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM @extschema@.answer a WHERE a.request = rerun.request AND a.label = previous) THEN
        RAISE EXCEPTION 'request "%" has no saved answer labelled "%"', request, previous
            USING ERRCODE = 'undefined_object',
                  HINT = (SELECT 'Saved answers: ' || coalesce(string_agg(format('%L', x.label), ', ' ORDER BY x.saved_at), 'none') || '.'
                            FROM @extschema@.answer x WHERE x.request = rerun.request);
    END IF;
    IF period_from IS NULL OR period_to IS NULL OR period_from > period_to THEN
        RAISE EXCEPTION 'give the period to answer for: period_from and period_to, in order' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    spec := @extschema@.request_spec(request);
    FOR q IN SELECT e FROM jsonb_array_elements(spec -> 'questions') e LOOP
        CONTINUE WHEN @extschema@.request_question_kind(q) = 'text';
        question := q ->> 'id';
        title := q ->> 'title';
        prot := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
        fam := NULL;
        IF prot <> 'false'::jsonb AND coalesce(prot ->> 'method', 'suppress') = 'suppress' THEN
            SELECT f.ids, f.subset_of INTO fam FROM @extschema@.request_family(request, spec, question) f;
        END IF;
        IF fam IS NOT NULL AND @extschema@.request_pair(request, spec, question) IS NOT NULL
           AND coalesce((prot ->> 'allow_totals')::boolean, false)
           AND EXISTS (SELECT 1 FROM @extschema@.answer_table t
                        WHERE t.request = rerun.request AND t.label = previous AND t.question = rerun.question) THEN
            -- protect_linked does not link a pair of breakdowns (same_totals)
            -- with last year's tables (same_as); with every total published
            -- the pair's link gives a reader nothing, so only allow_totals
            -- is refused
            RAISE EXCEPTION 'rerun cannot protect question "%" of request "%" with previous => %: it is one of two breakdowns of the same crimes (same_crimes_as) and totals may be withheld (allow_totals)',
                            question, request, quote_literal(previous)
                USING ERRCODE = 'feature_not_supported',
                      DETAIL = 'protect_linked does not model a pair of breakdowns (same_totals) linked to an earlier period''s tables (same_as).',
                      HINT = 'Rerun without previous (the pair is protected together, for the new period alone), or protect with every total published (no allow_totals).';
        END IF;
        IF fam IS NULL OR EXISTS (SELECT 1 FROM unnest(fam.ids) i
                                   WHERE NOT EXISTS (SELECT 1 FROM @extschema@.answer_table t
                                                      WHERE t.request = rerun.request AND t.label = previous AND t.question = i)) THEN
            -- not suppressed, or the previous answer lacks one of its tables
            xtab := @extschema@.request_xtab(request, question, records, period_from, period_to);
        ELSE
            -- the family with the previous answer's tables as published
            -- (given), each linked to its own question's table (same_as)
            k := cardinality(fam.ids);
            res := @extschema@.protect_linked(
                     ARRAY(SELECT t.published FROM unnest(fam.ids) WITH ORDINALITY AS u(i, o)
                             JOIN @extschema@.answer_table t ON t.request = rerun.request AND t.label = previous AND t.question = u.i
                            ORDER BY u.o) ||
                     ARRAY(SELECT @extschema@.request_answer(request, spec, u.i, records, period_from, period_to, false)
                             FROM unnest(fam.ids) WITH ORDINALITY AS u(i, o) ORDER BY u.o),
                     ARRAY(SELECT s FROM unnest(fam.subset_of) WITH ORDINALITY AS u(s, o) ORDER BY u.o) ||
                     ARRAY(SELECT s + k FROM unnest(fam.subset_of) WITH ORDINALITY AS u(s, o) ORDER BY u.o),
                     threshold => coalesce((prot ->> 'threshold')::int, 5),
                     protection => (prot ->> 'protection')::int,
                     zeros => coalesce((prot ->> 'zeros')::boolean, false),
                     allow_totals => coalesce((prot ->> 'allow_totals')::boolean, false),
                     marker => coalesce(prot ->> 'marker', '*'),
                     same_as => ARRAY(SELECT o + k FROM generate_series(1, k) o) || array_fill(NULL::int, ARRAY[k]),
                     given => array_fill(true, ARRAY[k]) || array_fill(false, ARRAY[k]));
            xtab := res[k + array_position(fam.ids, question)];
        END IF;
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rerun(text, date, date, regclass, text) IS
  'the same request answered for another period (e.g. next year''s); compare it with the last saved answer with foistats.check_answer, which lists the figures for earlier periods that changed since they were published. previous => a saved answer''s label: each question protected by suppression is protected together with that answer''s published tables of its family (protect_linked with same_as and given: a figure withheld then stays withheld, and nothing published then gives a withheld figure away now); a question the saved answer lacks is protected as request_xtab does. Two breakdowns of the same crimes (same_crimes_as) are not linked to the saved answer as a pair: with every total published each is protected with its own saved table (the pair''s link gives a reader nothing then); with allow_totals rerun refuses them';

CREATE OR REPLACE FUNCTION @extschema@.save_answer(request text, label text, records regclass DEFAULT NULL,
                                        period_from date DEFAULT NULL, period_to date DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec jsonb;
    q    jsonb;
    n    int := 0;
BEGIN
    IF request IS NULL OR label IS NULL THEN
        RAISE EXCEPTION 'request and label must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    spec := @extschema@.request_spec(request);
    records := @extschema@.request_records(request, spec, records);
    SELECT * INTO period_from, period_to FROM @extschema@.request_answer_period(request, spec, period_from, period_to);
    IF EXISTS (SELECT 1 FROM @extschema@.answer a WHERE a.request = save_answer.request AND a.label = save_answer.label) THEN
        RAISE EXCEPTION 'request "%" already has an answer labelled "%"', request, label
            USING ERRCODE = 'unique_violation',
                  HINT = 'A saved answer is a record of what was published: choose a new label, or delete the old one from foistats.answer and foistats.answer_table.';
    END IF;
    INSERT INTO @extschema@.answer (request, label, period_from, period_to, spec, records)
    VALUES (request, label, period_from, period_to, spec, records::text);
    FOR q IN SELECT e FROM jsonb_array_elements(spec -> 'questions') e LOOP
        CONTINUE WHEN @extschema@.request_question_kind(q) = 'text';
        INSERT INTO @extschema@.answer_table (request, label, question, title, published, computed)
        VALUES (request, label, q ->> 'id', q ->> 'title',
                @extschema@.request_answer(request, spec, q ->> 'id', records, period_from, period_to, true),
                @extschema@.request_answer(request, spec, q ->> 'id', records, period_from, period_to, false));
        n := n + 1;
    END LOOP;
    RETURN n;
END
$fn$;
COMMENT ON FUNCTION @extschema@.save_answer(text, text, regclass, date, date) IS
  'saves every table of a request as published (after protection) and as computed, with the period, the definition used and the time, under a label (e.g. ''2024 response''); returns the number of tables saved';

CREATE OR REPLACE FUNCTION @extschema@.create_request_views(target name, request text,
                                                 period_from date, period_to date)
RETURNS SETOF regclass
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    ex       text := '@extschema@';
    s        text := quote_ident(target);
    spec     jsonb;
    q        jsonb;
    qid      text;
    v        text;
    cols     text;
    labels   text[];
    rs       record;
    made     text[] := '{}';
    longs    text[] := '{}';
    pops     text[] := '{}';
    mname    text;
    qtitle   text;
    other    text;
BEGIN
    IF target IS NULL OR request IS NULL OR period_from IS NULL OR period_to IS NULL THEN
        RAISE EXCEPTION 'create_request_views arguments must not be null'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF period_from > period_to THEN
        RAISE EXCEPTION 'request period starts after it ends'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('period_from is %s, period_to is %s.', period_from, period_to);
    END IF;
    IF to_regclass(format('%s.records', s)) IS NULL THEN
        RAISE EXCEPTION 'no records view in schema "%"', target
            USING ERRCODE = 'undefined_table',
                  HINT = format('Bind your crime records first: SELECT foistats.bind_records(%L, ''your_table'', ''{...}'').', target);
    END IF;
    spec := @extschema@.request_spec(request);
    PERFORM @extschema@.request_records(request, spec, format('%s.records', s)::regclass);

    -- One request's views a schema: another's q<id> views would be replaced
    -- in part, and those left would read this request's period
    IF EXISTS (SELECT 1 FROM pg_attribute a
                WHERE a.attrelid = to_regclass(format('%s.request_period', s))
                  AND a.attname = 'request' AND NOT a.attisdropped) THEN
        EXECUTE format('SELECT request FROM %s.request_period', s) INTO other;
        IF other IS DISTINCT FROM request THEN
            RAISE EXCEPTION 'schema "%" holds the views of request "%"', target, other
                USING ERRCODE = 'duplicate_object',
                      DETAIL = format('The views of request "%s" would replace some of them (q1, q1_xtab, ..., answers, request_period), and those left would read the period of "%s".', request, request),
                      HINT = format('Give each request a schema of its own: bind the same table there (SELECT foistats.bind_records(''other_schema'', ...)) and create the views there; or drop the views of "%s" first (DROP VIEW %s.request_period CASCADE drops them all and keeps %s.records).', other, s, s);
        END IF;
    END IF;

    -- The period, defined once; every view below reads it.
    PERFORM @extschema@.drop_changed_view(to_regclass(format('%s.request_period', s)),
                                          ARRAY['request', 'period_from', 'period_to', 'description']);
    EXECUTE format($v$CREATE OR REPLACE VIEW %s.request_period AS
        SELECT %L::text AS request, %L::date AS period_from, %L::date AS period_to, %L::text AS description$v$,
        s, request, period_from, period_to, @extschema@.date_span_text(period_from, period_to));
    EXECUTE format('COMMENT ON VIEW %s.request_period IS %L', s,
        format('the period of request %s (inclusive): every question view counts crimes recorded in it', request));
    made := made || 'request_period'::text;

    FOR q IN SELECT e FROM jsonb_array_elements(spec -> 'questions') e LOOP
        CONTINUE WHEN @extschema@.request_question_kind(q) = 'text';
        qid := q ->> 'id';
        v := 'q' || lower(qid);
        qtitle := coalesce(q ->> 'title', q ->> 'text', 'question ' || qid);
        cols := @extschema@.request_columns(spec, q);

        -- the records the question counts
        EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.%2$I AS
            SELECT r.* FROM %1$s.records r, %1$s.request_period p WHERE %3$s$v$,
            s, v || '_records',
            replace(@extschema@.request_population_sql(request, spec, qid), 'BETWEEN $1 AND $2',
                    'BETWEEN p.period_from AND p.period_to'));
        EXECUTE format('COMMENT ON VIEW %s.%I IS %L', s, v || '_records',
            format('question %s of request %s: the crimes it counts (%s)', qid, request,
                   coalesce(q ->> 'population', 'every crime recorded in the period')));
        pops := pops || format('SELECT %L::text AS question, r.* FROM %s.%I r', qid, s, v || '_records');
        made := made || (v || '_records');

        -- the cross-tab, as request_xtab gives it (protected as defined)
        EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.%2$I AS
            SELECT %3$s.request_xtab(%4$L, %5$L, %6$L::regclass, p.period_from, p.period_to) AS xtab
              FROM %1$s.request_period p$v$, s, v || '_xtab', ex, request, qid, format('%s.records', s));
        EXECUTE format('COMMENT ON VIEW %s.%I IS %L', s, v || '_xtab',
            format('question %s of request %s as a cross-tab: %s', qid, request, qtitle));
        made := made || (v || '_xtab');
        longs := longs || format($v$SELECT %L::text AS question, t.row_label, t.period, t.n, t.is_total
              FROM %s.%I x, LATERAL %s.figures(x.xtab) t$v$, qid, s, v || '_xtab', ex);

        IF q ? 'rows' THEN
            rs := @extschema@.request_rows_sql(request, qid, q -> 'rows', @extschema@.request_template(spec));
            labels := CASE WHEN cols = 'none' THEN ARRAY[@extschema@.date_span_text(period_from, period_to)]
                           WHEN cols = 'dimension' THEN @extschema@.col_labels(@extschema@.with_columns(
                               @extschema@.request_xtab(request, qid, format('%s.records', s)::regclass, period_from, period_to),
                               (@extschema@.request_rows_sql(request, qid, q -> 'columns', @extschema@.request_template(spec), 'columns')).listed
                               || @extschema@.col_labels(@extschema@.request_xtab(request, qid, format('%s.records', s)::regclass,
                                                                                  period_from, period_to))))
                           ELSE @extschema@.period_labels(period_from, period_to, cols) END;
            PERFORM @extschema@.drop_changed_view(to_regclass(format('%s.%I', s, v)),
                                                  rs.name || labels || 'Grand Total'::text);
            PERFORM @extschema@.create_wide_view_in_path(format('%s.%I', s, v),
                format('SELECT xtab FROM %s.%I', s, v || '_xtab'), rs.name,
                'pg_catalog, pg_temp', labels, true,
                format('question %s of request %s: %s; %s x %s with Grand Totals', qid, request, qtitle,
                       rs.name, CASE cols WHEN 'fy' THEN 'financial year' WHEN 'none' THEN 'the whole period'
                                          WHEN 'dimension' THEN coalesce(q -> 'columns' ->> 'name', q -> 'columns' ->> 'dimension', 'column')
                                          ELSE cols END)
                || CASE WHEN rs.multi THEN '; a crime can be under several rows, so the columns count mentions, and the last row counts distinct crimes'
                        ELSE '; each crime is counted once' END, true);
        ELSE
            mname := coalesce(q -> 'measure' ->> 'name', 'crimes');
            PERFORM @extschema@.drop_changed_view(to_regclass(format('%s.%I', s, v)),
                CASE WHEN mname = 'crimes' THEN ARRAY['crimes'] ELSE ARRAY[mname, 'crimes'] END);
            EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.%2$I AS
                SELECT %3$s count(*) AS crimes FROM %1$s.%4$I q$v$, s, v,
                CASE WHEN mname = 'crimes' THEN ''
                     ELSE format('count(*) FILTER (WHERE (%s) IS TRUE) AS %I,', q -> 'measure' ->> 'count', mname) END,
                v || '_records');
            EXECUTE format('COMMENT ON VIEW %s.%I IS %L', s, v,
                format('question %s of request %s: %s (unprotected counts: publish through %s_xtab)', qid, request, qtitle, v));
        END IF;
        made := made || v;
    END LOOP;

    -- long form: one row per figure, the same columns for every request
    PERFORM @extschema@.drop_changed_view(to_regclass(format('%s.answers', s)),
                                          ARRAY['question', 'row_label', 'period', 'n', 'is_total']);
    EXECUTE format('CREATE OR REPLACE VIEW %s.answers AS %s', s, array_to_string(longs, ' UNION ALL '));
    EXECUTE format('COMMENT ON VIEW %s.answers IS %L', s,
        format('every figure of request %s in long form (question, row_label, period, n, is_total): cells and the totals as published (n NULL where withheld); its columns stay the same when the request or its period changes', request));
    -- described column by column, as BI tools show them
    EXECUTE format('COMMENT ON COLUMN %s.answers.question IS %L', s, 'the question''s id as asked (''1'', ''1b'')');
    EXECUTE format('COMMENT ON COLUMN %s.answers.row_label IS %L', s,
        'the row as printed; Grand Total for the total row (Grand Total (mentions) and Grand Total (distinct crimes) for multi-label rows)');
    EXECUTE format('COMMENT ON COLUMN %s.answers.period IS %L', s,
        'the column as printed: a period (''2024'', ''2024/25'', ''2024 Q1'', ''2024-01''), a column dimension''s label, or Grand Total');
    EXECUTE format('COMMENT ON COLUMN %s.answers.n IS %L', s, 'the figure as published: NULL where withheld (a perturbed or rounded figure as printed)');
    EXECUTE format('COMMENT ON COLUMN %s.answers.is_total IS %L', s, 'true for a figure of a Grand Total row or column');
    made := made || 'answers'::text;

    -- records whose recorded ages contradict their offence title
    PERFORM @extschema@.drop_changed_view(to_regclass(format('%s.scope_conflicts', s)),
        ARRAY['crime_ref', 'recorded_on', 'offence', 'victim_age', 'offender_age', 'conflicts', 'questions']);
    EXECUTE format($v$CREATE OR REPLACE VIEW %1$s.scope_conflicts AS
        SELECT q.crime_ref, q.recorded_on, q.offence, q.victim_age, q.offender_age, c.conflicts,
               array_agg(q.question ORDER BY q.question) AS questions
          FROM (%2$s) q,
               LATERAL (SELECT %3$s.age_conflicts(q.offence, q.victim_age, q.offender_age) AS conflicts) c
         WHERE cardinality(c.conflicts) > 0
         GROUP BY q.crime_ref, q.recorded_on, q.offence, q.victim_age, q.offender_age, c.conflicts
         ORDER BY q.crime_ref$v$, s, array_to_string(pops, ' UNION ALL '), ex);
    EXECUTE format('COMMENT ON VIEW %s.scope_conflicts IS %L', s,
        format('records counted by a question of request %s whose recorded victim or offender age contradicts the age stated in their offence title (foistats.age_conflicts), with the questions counting them', request));
    made := made || 'scope_conflicts'::text;

    RETURN QUERY SELECT format('%s.%I', s, m)::regclass FROM unnest(made) m ORDER BY m;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_request_views(name, text, date, date) IS
  'creates (or replaces) plain views of a stored request in target, over target.records, for the period given: request_period; per question q<id>_records (its crimes), q<id>_xtab (its cross-tab, protected as defined) and q<id> (typed wide view: one bigint column per period of the request and Grand Total, with the Grand Total row; or the count for a question without rows); answers (long form with stable columns); scope_conflicts';

CREATE OR REPLACE FUNCTION @extschema@.response_question(request text, spec jsonb, q jsonb, format text, x @extschema@.xtab,
                                              figures jsonb, findings jsonb, period_from date, period_to date,
                                              charts boolean)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    qid    text := q ->> 'id';
    hid    text := 'q-' || lower(qid);
    kind   text := @extschema@.request_question_kind(q);
    shown  boolean;
    cols   text := @extschema@.request_columns(spec, q);
    o      record;
    marker text := coalesce(coalesce(q -> 'protect', spec -> 'protect') ->> 'marker', '*');
    heading text;
    answer text;
    tbl    text;
    chart  text := '';
    notes  text[];
    warn   text;
    parts  text[] := '{}';
BEGIN
    shown := kind = 'table' OR (kind = 'count' AND NOT q ? 'answer');
    IF q ? 'answer' THEN
        answer := @extschema@.response_blocks(@extschema@.response_fill(q ->> 'answer', figures, marker), format);
    END IF;
    IF x IS NOT NULL THEN
        SELECT * INTO o FROM @extschema@.request_render_options(request, spec, qid, x);
        notes := @extschema@.response_notes(request, spec, q, x, shown, o.total_label, period_from, period_to, findings);
        heading := coalesce(q ->> 'title', format('Question %s: crimes%s%s', qid,
            CASE WHEN q ? 'rows' THEN ' by ' || replace(coalesce(q -> 'rows' ->> 'name', q -> 'rows' ->> 'dimension', q ->> 'rows',
                                                                 CASE WHEN q -> 'rows' ? 'terms' THEN 'term' ELSE 'row' END), '_', ' ')
                 ELSE '' END,
            CASE cols WHEN 'none' THEN '' WHEN 'dimension' THEN ' and ' || replace(coalesce(q -> 'columns' ->> 'name', q -> 'columns' ->> 'dimension'), '_', ' ')
                      WHEN 'fy' THEN ' and financial year' ELSE ' and ' || cols END));
        IF shown THEN
            -- an HTML table always has a caption
            tbl := @extschema@.render(CASE WHEN format = 'html' AND NOT q ? 'title' THEN @extschema@.annotate(x, title => heading) ELSE x END,
                                      format, zero => o.zero, marker => o.marker, row_order => o.row_order,
                                      sort => o.sort, bold => o.bold, total_label => o.total_label);
            IF format = 'html' AND charts THEN
                chart := @extschema@.response_chart(x, qid, heading, cols, period_from, period_to,
                                                    coalesce(q -> 'chart', '{}'), o.total_label);
            END IF;
        END IF;
    END IF;
    IF NOT shown AND x IS NOT NULL AND strpos(coalesce(answer, ''), marker) > 0 THEN
        -- a figure of the answer is withheld: say by which rule
        notes := notes || ARRAY(SELECT @extschema@.markdown_escape(f) FROM jsonb_array_elements_text(@extschema@.to_jsonb(x) -> 'footnotes') f
                                 WHERE left(f, length(marker) + 1) = marker || ' ');
    END IF;
    IF jsonb_array_length(findings) > 0 THEN
        warn := format('Warning: this table does not add up (foistats.audit_request). %s.',
                       (SELECT string_agg(@extschema@.response_finding(f), '; ') FROM jsonb_array_elements(findings) f));
    END IF;

    IF format = 'html' THEN
        parts := parts || format('<section class="question" id="%s" aria-labelledby="%s-h">', hid, hid)
                       || format('<h2 id="%s-h">Question %s</h2>', hid, @extschema@.html_escape(qid));
        IF q ? 'text' THEN
            parts := parts || ('<p class="asked">' || @extschema@.html_escape(q ->> 'text') || '</p>');
        END IF;
        IF warn IS NOT NULL THEN
            parts := parts || ('<p class="warning" role="note"><strong>' || @extschema@.html_escape(warn) || '</strong></p>');
        END IF;
        parts := parts || ('<div class="answer">' || answer || '</div>') || ('<div class="table">' || tbl || '</div>');
        IF chart <> '' THEN
            parts := parts || chart;
        END IF;
        IF cardinality(notes) > 0 THEN
            parts := parts || (format('<div class="notes"><h3>Notes to question %s</h3>', @extschema@.html_escape(qid)) || E'\n<ul>\n'
                               || (SELECT string_agg('<li>' || @extschema@.response_inline(n, 'html') || '</li>', E'\n' ORDER BY i)
                                     FROM unnest(notes) WITH ORDINALITY u(n, i)) || E'\n</ul></div>');
        END IF;
        parts := parts || '</section>'::text;
        RETURN array_to_string(parts, E'\n');
    ELSIF format = 'markdown' THEN
        parts := parts || format('**%s.%s**', qid, CASE WHEN q ? 'text' THEN ' ' || @extschema@.markdown_escape(q ->> 'text') ELSE '' END);
        IF warn IS NOT NULL THEN
            parts := parts || ('> **' || @extschema@.markdown_escape(warn) || '**');
        END IF;
        parts := parts || answer || tbl;
        IF cardinality(notes) > 0 THEN
            parts := parts || format('Notes to question %s:', qid)
                           || (SELECT string_agg('- ' || n, E'\n' ORDER BY i) FROM unnest(notes) WITH ORDINALITY u(n, i));
        END IF;
    ELSE
        parts := parts || @extschema@.response_wrap(coalesce(q ->> 'text', ''), 76, rpad(qid || '.', greatest(length(qid) + 2, 4)),
                                                    repeat(' ', greatest(length(qid) + 2, 4)));
        IF warn IS NOT NULL THEN
            parts := parts || @extschema@.response_wrap(upper(left(warn, 7)) || substr(warn, 8), 76, '!! ', '   ');
        END IF;
        parts := parts || answer || tbl;
        IF cardinality(notes) > 0 THEN
            parts := parts || (format('Notes to question %s:', qid) || E'\n'
                               || (SELECT string_agg(@extschema@.response_wrap(@extschema@.response_inline(n, 'text'), 76, '- ', '  '), E'\n' ORDER BY i)
                                     FROM unnest(notes) WITH ORDINALITY u(n, i)));
        END IF;
    END IF;
    RETURN array_to_string(parts, E'\n\n');
END
$fn$;
COMMENT ON FUNCTION @extschema@.response_question(text, jsonb, jsonb, text, @extschema@.xtab, jsonb, jsonb, date, date, boolean) IS
  'internal: one question of the response document in a format (html, markdown, text)';

CREATE OR REPLACE FUNCTION @extschema@.rollup_build(id integer) RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    u      record;
    src    regclass;
    spec   jsonb;
    p      record;
    cols   text;
    q      jsonb;
    rels   regclass[];
    bind   text;
    ins    text;
    del    text;
    upd    text;
    months integer;
    versions jsonb;
BEGIN
    SELECT * INTO u FROM @extschema@.rollup r WHERE r.id = rollup_build.id FOR UPDATE;
    src := @extschema@.rollup_source(u.records);
    EXECUTE format('LOCK TABLE %s IN SHARE MODE', src);
    -- the versions the counts depend on, read before the scan: a change
    -- committed meanwhile leaves the roll-up set aside, never wrong
    versions := (SELECT jsonb_object_agg(c.cache, c.version) FROM @extschema@.cache_version c);
    spec := @extschema@.request_spec(u.request);
    q := @extschema@.request_question(u.request, spec, u.question);
    cols := @extschema@.request_columns(spec, q);
    PERFORM @extschema@.request_records(u.request, spec, u.records);
    SELECT * INTO p FROM @extschema@.request_sql(u.request, spec, u.question, u.records);
    rels := @extschema@.rollup_relations(src);
    bind := @extschema@.rollup_binding(u.records, src);
    IF bind IS NULL THEN
        RAISE EXCEPTION 'records view % is no longer the binding of %', u.records, src
            USING ERRCODE = 'wrong_object_type',
                  DETAIL = 'It was replaced by something other than SELECT ... FROM the source.',
                  HINT = 'Bind the records again with foistats.bind_records.';
    END IF;
    -- what each statement wrote, by month: (month, added, removed, left_out)
    ins := format('SELECT d.month, d.x, NULL::%s.xtab, d.left_out FROM (%s) d ORDER BY d.month',
                  '@extschema@', @extschema@.rollup_month_sql(p, cols, format('(SELECT %s FROM foistats_new s)', bind)));
    del := format('SELECT d.month, NULL::%s.xtab, d.x, -d.left_out FROM (%s) d ORDER BY d.month',
                  '@extschema@', @extschema@.rollup_month_sql(p, cols, format('(SELECT %s FROM foistats_old s)', bind)));
    upd := format('SELECT coalesce(n.month, o.month), n.x, o.x, coalesce(n.left_out, 0) - coalesce(o.left_out, 0) '
                  'FROM (%s) n FULL JOIN (%s) o ON o.month = n.month ORDER BY 1',
                  @extschema@.rollup_month_sql(p, cols, format('(SELECT %s FROM foistats_new s)', bind)),
                  @extschema@.rollup_month_sql(p, cols, format('(SELECT %s FROM foistats_old s)', bind)));
    UPDATE @extschema@.rollup r
       SET source = src, relations = rels, columns = cols, count_sql = p.count_sql,
           left_out_sql = p.left_out_sql, binding = bind,
           month_sql = @extschema@.rollup_month_sql(p, cols, u.records::text),
           insert_sql = ins, update_sql = upd, delete_sql = del, stale = NULL, cache_versions = versions,
           version = nextval('@extschema@.rollup_version_seq'),
           built_at = now(), built_by = CURRENT_USER
     WHERE r.id = rollup_build.id;
    PERFORM @extschema@.rollup_install_triggers(rels);
    PERFORM @extschema@.rollup_invalidate(rels || u.relations);
    -- no other roll-up needs the triggers of tables no longer under the source
    PERFORM @extschema@.rollup_drop_triggers(ARRAY(SELECT x FROM unnest(u.relations) x WHERE x <> ALL (rels)));
    DELETE FROM @extschema@.rollup_month m WHERE m.rollup = rollup_build.id;
    EXECUTE format('INSERT INTO %s.rollup_month (rollup, month, added, left_out) '
                   'SELECT $1, c.month, c.x, c.left_out FROM (%s) c WHERE c.x IS NOT NULL OR c.left_out <> 0',
                   '@extschema@', @extschema@.rollup_month_sql(p, cols, u.records::text))
      USING rollup_build.id;
    GET DIAGNOSTICS months = ROW_COUNT;
    RETURN months;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_build(integer) IS
  'internal: (re)builds a roll-up from a scan of its records, with its question''s definition and the binding as they are now, the source locked in SHARE mode meanwhile; returns the number of months stored';

-- ---------------------------------------------------------------------------
-- issue 13 (review and after): same_crimes_as refuses two breakdowns whose
-- rows read the same field (one groups the other's rows, which the pair's
-- protection by column totals does not model) and, with allow_totals, an
-- unlinked question of the pair's crimes, its errors carrying DETAIL and
-- HINT; a cell-key question is refused while foistats.cellkey_secret is
-- empty or not set (its keys would be a public function of the crime
-- references); protected questions print no small count in words: the
-- crimes a table leaves out ('fewer than 5'), {id.crimes} when the table
-- withholds its Grand Total, rounded beside a rounded table, the perturbed
-- Grand Total beside a perturbed one
-- ---------------------------------------------------------------------------
UPDATE @extschema@.request_key
   SET description = 'id of an earlier question that counts the same crimes (same population, measure, columns and protect) by single-label rows that read another field, e.g. age band x year beside offence x year (not offence family beside offence, nor two sets of age bands: one would group the other''s rows): the two are protected together (protect_linked same_totals), since they share their column totals'
 WHERE context = 'question' AND key = 'same_crimes_as';

CREATE OR REPLACE FUNCTION @extschema@.request_check_same_crimes(request text, spec jsonb, template text)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    q     jsonb;
    o     jsonb;
    qid   text;
    oid_  text;
    earlier text[] := '{}';
    e     record;
    what  text;
BEGIN
    FOR q IN SELECT jsonb_array_elements(spec -> 'questions') LOOP
        qid := q ->> 'id';
        IF q ? 'same_crimes_as' THEN
            oid_ := q ->> 'same_crimes_as';
            IF oid_ = qid THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    'names the question itself', NULL,
                    'Name the earlier question whose crimes this one breaks down another way.');
            ELSIF NOT oid_ = ANY (earlier) THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(spec -> 'questions') x WHERE x ->> 'id' = oid_)
                         THEN format('names question "%s", which comes after it', oid_)
                         ELSE format('names no question: "%s"', oid_) END,
                    format('Questions: %s.', (SELECT string_agg(x ->> 'id', ', ') FROM jsonb_array_elements(spec -> 'questions') x)),
                    'Name the first of the two breakdowns in the second.');
            END IF;
            o := (SELECT x FROM jsonb_array_elements(spec -> 'questions') x WHERE x ->> 'id' = oid_);
            IF NOT (q ? 'rows' AND o ? 'rows') THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('links question "%s", but both must be tables with rows', oid_),
                    format('Question "%s" is %s.', CASE WHEN q ? 'rows' THEN oid_ ELSE qid END,
                           CASE WHEN (CASE WHEN q ? 'rows' THEN o ELSE q END) ?| ARRAY['population', 'measure', 'subset_of']
                                THEN 'a single count' ELSE 'an answer in words' END),
                    'A single count has no rows to break its crimes down by; link two tables ("rows").');
            END IF;
            IF o ? 'same_crimes_as' THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('names question "%s", which is itself linked to question "%s"', oid_, o ->> 'same_crimes_as'), NULL,
                    'Two breakdowns of the same crimes are protected as a pair; a third is not modelled.');
            END IF;
            SELECT x ->> 'id' AS id INTO e FROM jsonb_array_elements(spec -> 'questions') x
             WHERE x ->> 'same_crimes_as' = oid_ AND (x ->> 'id') = ANY (earlier) LIMIT 1;
            IF FOUND THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('names question "%s", which question "%s" names too', oid_, e.id), NULL,
                    'Two breakdowns of the same crimes are protected as a pair; a third is not modelled.');
            END IF;
            IF q ? 'subset_of' OR o ? 'subset_of' THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('cannot link a question that is a subset_of another (question "%s")',
                           CASE WHEN q ? 'subset_of' THEN qid ELSE oid_ END), NULL,
                    'protect_linked does not model a breakdown that is also a subset; give the question its own population.');
            END IF;
            SELECT x ->> 'id' AS id, x ->> 'subset_of' AS sup INTO e FROM jsonb_array_elements(spec -> 'questions') x
             WHERE x ->> 'subset_of' IN (qid, oid_) LIMIT 1;
            IF FOUND THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('cannot link question "%s", which question "%s" is a subset_of', e.sup, e.id), NULL,
                    'protect_linked does not model a breakdown that has subsets.');
            END IF;
            what := CASE WHEN q -> 'population' IS DISTINCT FROM o -> 'population' THEN 'population'
                         WHEN coalesce(q -> 'measure', '"crimes"') <> coalesce(o -> 'measure', '"crimes"') THEN 'measure'
                         WHEN coalesce(q -> 'columns', spec -> 'columns', '"year"') <> coalesce(o -> 'columns', spec -> 'columns', '"year"') THEN 'columns'
                         WHEN coalesce(q -> 'zeros' -> 'periods', 'false') <> coalesce(o -> 'zeros' -> 'periods', 'false') THEN 'zeros.periods'
                         WHEN coalesce(q -> 'protect', spec -> 'protect', 'false') <> coalesce(o -> 'protect', spec -> 'protect', 'false') THEN 'protect'
                         WHEN q -> 'rows' = o -> 'rows' THEN 'rows' END;
            IF what = 'rows' THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('links question "%s", which has the same rows: two breakdowns have different rows', oid_), NULL,
                    'The same table twice needs no link; link breakdowns by different fields, such as offence beside the victim''s age.');
            ELSIF what IS NOT NULL THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('links question "%s", which differs in %s', oid_, what),
                    format('Question "%s": %s; question "%s": %s.', qid,
                           coalesce(CASE what WHEN 'population' THEN q -> 'population'
                                              WHEN 'measure' THEN coalesce(q -> 'measure', '"crimes"')
                                              WHEN 'columns' THEN coalesce(q -> 'columns', spec -> 'columns', '"year"')
                                              WHEN 'zeros.periods' THEN coalesce(q -> 'zeros' -> 'periods', 'false')
                                              ELSE coalesce(q -> 'protect', spec -> 'protect', 'false') END::text, 'none'),
                           oid_,
                           coalesce(CASE what WHEN 'population' THEN o -> 'population'
                                              WHEN 'measure' THEN coalesce(o -> 'measure', '"crimes"')
                                              WHEN 'columns' THEN coalesce(o -> 'columns', spec -> 'columns', '"year"')
                                              WHEN 'zeros.periods' THEN coalesce(o -> 'zeros' -> 'periods', 'false')
                                              ELSE coalesce(o -> 'protect', spec -> 'protect', 'false') END::text, 'none')),
                    'Two breakdowns of the same crimes have the same population, measure, columns, zeros.periods and protect.');
            END IF;
            FOREACH oid_ IN ARRAY ARRAY[qid, o ->> 'id'] LOOP
                SELECT r.multi, r.leave_out INTO e
                  FROM @extschema@.request_rows_sql(request, oid_,
                         (SELECT x -> 'rows' FROM jsonb_array_elements(spec -> 'questions') x WHERE x ->> 'id' = oid_), template) r;
                IF e.multi THEN
                    PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                        format('question "%s" has multi-label rows (terms, markers, text[] expressions)', oid_), NULL,
                        'protect_linked does not model a multi-label breakdown of the same crimes.');
                END IF;
                IF e.leave_out THEN
                    PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                        format('question "%s" leaves out crimes without a row label ("unknown": null), so its totals are not the other''s', oid_), NULL,
                        'Give the rows an "unknown" label.');
                END IF;
            END LOOP;
            -- rows that read the same field are linked row by row, not only
            -- by their totals: one breakdown groups the other's rows (an
            -- offence family holds known offences, a wide age band known
            -- narrow ones), and a reader works withheld cells out from them
            WITH d AS (SELECT v.side, CASE WHEN jsonb_typeof(v.r) = 'string' THEN jsonb_build_object('dimension', v.r) ELSE v.r END AS r
                         FROM (VALUES (1, q -> 'rows'), (2, o -> 'rows')) v(side, r)),
                 f AS (SELECT d.side, unnest(CASE
                           WHEN d.r ? 'expr' THEN
                               ARRAY(SELECT k.n FROM (SELECT rf.name FROM @extschema@.record_field rf
                                                      UNION SELECT jsonb_object_keys(coalesce(spec -> 'fields', '{}'))) k(n)
                                      WHERE d.r ->> 'expr' ~* ('\m' || regexp_replace(k.n, '([^[:alnum:]_])', '\\\1', 'g') || '\M'))
                           WHEN d.r ? 'terms' THEN ARRAY['mo']
                           WHEN d.r ->> 'dimension' IN ('offence', 'ho_code', 'ho_class', 'ons_group', 'offence_family') THEN ARRAY['offence']
                           WHEN d.r ->> 'dimension' IN ('outcome_type', 'outcome_group') THEN ARRAY['outcome']
                           WHEN d.r ->> 'dimension' IN ('year', 'fy', 'quarter', 'month') THEN ARRAY['recorded_on']
                           ELSE ARRAY[d.r ->> 'dimension'] END) AS n
                         FROM d),
                 -- the offence's dimensions read the offence and the code
                 g AS (SELECT f.side, CASE WHEN f.n = 'ho_code' THEN 'offence' ELSE f.n END AS n FROM f)
            SELECT string_agg(DISTINCT g.n, ', ') INTO what
              FROM g WHERE g.side = 1 AND g.n IN (SELECT g2.n FROM g g2 WHERE g2.side = 2);
            IF what IS NOT NULL THEN
                PERFORM @extschema@.request_error(request, qid, 'same_crimes_as',
                    format('links question "%s", whose rows read the same field (%s): one breakdown can group the other''s rows', o ->> 'id',
                           CASE WHEN what = 'offence' THEN 'the offence' ELSE what END),
                    'protect_linked links two breakdowns by their column totals only; rows that read one field are linked row by row too '
                    || '(a family holds known offences, a band known ages), and a reader works withheld cells out from them. '
                    || 'offence, ho_code, ho_class, ons_group and offence_family all read the offence; an expression reads the fields it names.',
                    'Link breakdowns that read different fields, such as offence beside the victim''s age; of two breakdowns of one field, publish one.');
            END IF;
            -- a third question of the same crimes is protected on its own:
            -- its figures add up to the pair's column totals and Grand
            -- Total, which the pair may withhold (allow_totals)
            IF coalesce(q -> 'protect', spec -> 'protect', 'false') <> 'false'
               AND coalesce((coalesce(q -> 'protect', spec -> 'protect') ->> 'allow_totals')::boolean, false)
               AND coalesce(coalesce(q -> 'protect', spec -> 'protect') ->> 'method', 'suppress') = 'suppress' THEN
                SELECT x ->> 'id' AS id INTO e FROM jsonb_array_elements(spec -> 'questions') x
                 WHERE NOT (x ->> 'id') IN (qid, o ->> 'id')
                   AND (x ? 'rows' OR x ? 'population' OR x ? 'measure') AND NOT x ? 'subset_of'
                   AND x -> 'population' IS NOT DISTINCT FROM q -> 'population'
                   AND coalesce(x -> 'measure', '"crimes"') = coalesce(q -> 'measure', '"crimes"')
                 LIMIT 1;
                IF FOUND THEN
                    PERFORM @extschema@.request_error(request, e.id, NULL,
                        format('counts the same crimes as questions "%s" and "%s" (same_crimes_as), but is not protected with them',
                               o ->> 'id', qid),
                        'Its figures add up to the pair''s column totals and Grand Total, which the pair may withhold (allow_totals); '
                        || 'protected on its own, it would print them. A third breakdown of the same crimes is not modelled.',
                        'Leave the question out (the pair''s tables print every total they can), narrow its population, or protect without allow_totals.');
                END IF;
            END IF;
        END IF;
        earlier := earlier || qid;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_check_same_crimes(text, jsonb, text) IS
  'internal: checks the same_crimes_as links of a definition (an earlier question, both tables with single-label rows that count every crime, neither linked otherwise, the same population, measure, columns and protect, rows that read different fields; with allow_totals, no other question of the same population and measure)';

CREATE OR REPLACE FUNCTION @extschema@.request_answer(request text, spec jsonb, question text, records regclass,
                                           period_from date, period_to date, protected boolean)
RETURNS @extschema@.xtab
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
DECLARE
    ex     text := '@extschema@';
    q      jsonb := @extschema@.request_question(request, spec, question);
    cols   text := @extschema@.request_columns(spec, q);
    sql    text;
    left_sql text;
    x      @extschema@.xtab;
    rs     record;
    notes  text[] := '{}';
    prot   jsonb := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
    span   text := @extschema@.date_span_text(period_from, period_to);
    n      bigint;
    labels text[];
    fam_ids text[] := ARRAY[question];
    fam_sub integer[];
    pair   text[];
    tabs   @extschema@.xtab[];
    p_rowx text;
    p_colx text;
    p_filt text;
    p_population text;
    keys   @extschema@.xtab;
    few    boolean;
BEGIN
    records := @extschema@.request_records(request, spec, records);
    -- suppression protects linked questions together; rounding and the
    -- cell key protect each figure alone
    IF protected AND prot <> 'false'::jsonb AND coalesce(prot ->> 'method', 'suppress') = 'suppress' THEN
        SELECT f.ids, f.subset_of INTO fam_ids, fam_sub FROM @extschema@.request_family(request, spec, question) f;
        pair := @extschema@.request_pair(request, spec, question);
    END IF;
    SELECT p.count_sql, p.left_out_sql, p.rowx, p.colx, p.filt, p.population
      INTO sql, left_sql, p_rowx, p_colx, p_filt, p_population
      FROM @extschema@.request_sql(request, spec, question, records) p;
    -- a roll-up of the question (foistats.create_rollup) answers it without a scan
    SELECT a.xtab, a.left_out INTO x, n
      FROM @extschema@.rollup_answer(records, sql, left_sql, period_from, period_to, span) a;
    IF NOT FOUND THEN
        EXECUTE sql INTO x USING period_from, period_to, span;
        IF left_sql IS NOT NULL THEN
            EXECUTE left_sql INTO n USING period_from, period_to;
        END IF;
    END IF;
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
            IF n > 0 THEN
                -- a protected question's small count is not printed in words
                -- either: 'fewer than 5'
                few := prot <> 'false'::jsonb AND n < coalesce((prot ->> 'threshold')::int, 5);
                notes := notes || format('%s %s of the question''s population %s no %s and %s not counted in the table.',
                                         CASE WHEN few THEN format('Fewer than %s', coalesce((prot ->> 'threshold')::int, 5)) ELSE n::text END,
                                         CASE WHEN n = 1 AND NOT few THEN 'crime' ELSE 'crimes' END,
                                         CASE WHEN n = 1 AND NOT few THEN 'has' ELSE 'have' END,
                                         CASE WHEN rs.multi AND q -> 'rows' ? 'terms'
                                              THEN format('mention of a counted term (dictionary ''%s'') in their MO text, or no MO text,', q -> 'rows' ->> 'terms')
                                              ELSE 'recorded ' || replace(rs.name, '_', ' ') END,
                                         CASE WHEN n = 1 AND NOT few THEN 'is' ELSE 'are' END);
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

    IF protected AND prot <> 'false'::jsonb AND pair IS NOT NULL THEN
        -- two breakdowns of the same crimes (same_crimes_as): the pair is
        -- protected together, always in definition order, so that either
        -- question's table comes from the same pattern
        tabs := ARRAY(SELECT CASE WHEN f.id = question THEN x
                                  ELSE @extschema@.request_answer(request, spec, f.id, records, period_from, period_to, false) END
                        FROM unnest(pair) WITH ORDINALITY AS f(id, i) ORDER BY f.i);
        BEGIN
            x := (@extschema@.protect_linked(tabs,
                    same_totals => '{2,NULL}',
                    threshold => coalesce((prot ->> 'threshold')::int, 5),
                    protection => (prot ->> 'protection')::int,
                    zeros => coalesce((prot ->> 'zeros')::boolean, false),
                    allow_totals => coalesce((prot ->> 'allow_totals')::boolean, false),
                    marker => coalesce(prot ->> 'marker', '*')))[array_position(pair, question)];
        EXCEPTION WHEN invalid_parameter_value OR feature_not_supported THEN
            -- a refusal that depends on the counts (a row label in both
            -- tables, unequal totals): name the questions
            DECLARE
                m text; d text; h text;
            BEGIN
                GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
                RAISE EXCEPTION 'request "%": questions "%" and "%" (same_crimes_as) cannot be protected together: %',
                                request, pair[1], pair[2], m
                    USING ERRCODE = 'invalid_parameter_value', DETAIL = d,
                          HINT = CASE WHEN m LIKE '%both have a row%'
                                      THEN 'Label the rows of one of them apart ("rows": {"unknown": "..."} for crimes without a value, {"labels": {...}} for others).' ELSE h END;
            END;
        END;
    ELSIF protected AND prot <> 'false'::jsonb AND cardinality(fam_ids) > 1 THEN
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
        IF prot ->> 'method' = 'cellkey' THEN
            -- the cell key of a figure is the sum of its records' keys
            -- (record_key of crime_ref, seeded by the database's secret),
            -- counted by the question's own query with each record weighted.
            -- Without a secret the keys are a public function of the crime
            -- references, and anyone who knows them can take the noise off.
            IF coalesce(current_setting('foistats.cellkey_secret', true), '') = '' THEN
                RAISE EXCEPTION 'request "%": question "%" is protected by the cell key, and foistats.cellkey_secret is empty or not set',
                                request, question
                    USING ERRCODE = 'object_not_in_prerequisite_state',
                          DETAIL = 'The cell key perturbs each figure by the sum of its records'' keys, record_key(crime_ref, secret); without a secret anyone who knows the crime references can compute the noise and take it off.',
                          HINT = 'Set a secret for the database and keep it from year to year: ALTER DATABASE ... SET foistats.cellkey_secret = ''...'' (or SET foistats.cellkey_secret in this session).';
            END IF;
            EXECUTE format('SELECT %s.xtab(%s, %s, %s.record_key(r.crime_ref::text, %L))%s FROM %s r WHERE %s',
                           ex, p_rowx, p_colx, ex, current_setting('foistats.cellkey_secret'),
                           CASE WHEN p_filt IS NOT NULL THEN format(' FILTER (WHERE %s)', p_filt) ELSE '' END,
                           records, p_population)
               INTO keys USING period_from, period_to, span;
            keys := coalesce(keys, '{}'::@extschema@.xtab);
        END IF;
        x := @extschema@.protect(x,
                threshold => coalesce((prot ->> 'threshold')::int, 5),
                protection => (prot ->> 'protection')::int,
                method => coalesce(prot ->> 'method', 'suppress'),
                zeros => coalesce((prot ->> 'zeros')::boolean, false),
                allow_totals => coalesce((prot ->> 'allow_totals')::boolean, false),
                marker => coalesce(prot ->> 'marker', '*'),
                keys => keys);
    END IF;
    RETURN x;
END
$fn$;
COMMENT ON FUNCTION @extschema@.request_answer(text, jsonb, text, regclass, date, date, boolean) IS
  'internal: one question of a definition answered over records for a period, with its zeros, footnotes and (if protected) protection';

CREATE OR REPLACE FUNCTION @extschema@.response(request text, format text DEFAULT 'html', records regclass DEFAULT NULL,
                                     period_from date DEFAULT NULL, period_to date DEFAULT NULL,
                                     audit_warnings boolean DEFAULT false, charts boolean DEFAULT true)
RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    spec     jsonb;
    q        jsonb;
    qid      text;
    qids     text[] := '{}';
    xs       @extschema@.xtab[] := '{}';
    x        @extschema@.xtab;
    figures  jsonb := '{}';
    fig      jsonb;
    findings jsonb;
    texts    text;
    prot     jsonb;
    n        bigint;
    mname    text;
    body     text[] := '{}';
    span     text;
    title    text;
BEGIN
    IF request IS NULL OR format IS NULL OR audit_warnings IS NULL OR charts IS NULL THEN
        RAISE EXCEPTION 'request, format, audit_warnings and charts must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF NOT format = ANY (ARRAY['html', 'markdown', 'text']) THEN
        RAISE EXCEPTION 'unknown response format "%"', format
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Use ''html'', ''markdown'' or ''text''; foistats.response_csv gives each table as CSV.';
    END IF;
    spec := @extschema@.request_spec(request);
    records := @extschema@.request_records(request, spec, records);
    SELECT * INTO period_from, period_to FROM @extschema@.request_answer_period(request, spec, period_from, period_to);
    span := @extschema@.date_span_text(period_from, period_to);

    -- the audit's verdict first: a table that does not add up is an error
    -- unless the caller asked for visible warnings
    SELECT coalesce(jsonb_object_agg(a.question, a.f), '{}') INTO findings
      FROM (SELECT a.question, jsonb_agg(to_jsonb(a) - 'question') AS f
              FROM @extschema@.audit_request(request, records, period_from, period_to) a GROUP BY a.question) a;
    IF findings <> '{}' AND NOT audit_warnings THEN
        RAISE EXCEPTION 'request "%": the tables of question(s) % do not add up', request,
                        (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(findings) k)
            USING ERRCODE = 'data_exception',
                  DETAIL = (SELECT string_agg(format('question %s: %s', e.key, @extschema@.response_finding(f)), E'\n')
                              FROM jsonb_each(findings) e, jsonb_array_elements(e.value) f),
                  HINT = 'See foistats.audit_request; fix the definition, or pass audit_warnings => true to print the response with a visible warning at each such table.';
    END IF;

    -- every question's table and figures (placeholders may name any question)
    texts := concat_ws(' ', spec ->> 'intro', (SELECT string_agg(e ->> 'answer', ' ') FROM jsonb_array_elements(spec -> 'questions') e),
                       (SELECT string_agg(c, ' ') FROM jsonb_array_elements_text(coalesce(spec -> 'closing', '[]')) c));
    FOR q IN SELECT e FROM jsonb_array_elements(spec -> 'questions') e LOOP
        qid := q ->> 'id';
        x := NULL;
        IF @extschema@.request_question_kind(q) <> 'text' THEN
            x := @extschema@.request_xtab(request, qid, records, period_from, period_to);
            mname := CASE WHEN jsonb_typeof(q -> 'measure') = 'object' THEN coalesce(q -> 'measure' ->> 'name', 'count') END;
            fig := jsonb_build_object('total', @extschema@.grand_total(x));
            IF mname IS NOT NULL THEN
                fig := fig || jsonb_build_object(mname, @extschema@.grand_total(x));
            END IF;
            IF strpos(texts, '{' || qid || '.crimes') > 0 THEN
                EXECUTE format('SELECT count(*) FROM %s r WHERE %s', records,
                               @extschema@.request_population_sql(request, spec, qid))
                   INTO n USING period_from, period_to;
                prot := coalesce(q -> 'protect', spec -> 'protect', 'false'::jsonb);
                IF prot <> 'false'::jsonb AND n > 0 AND n < coalesce((prot ->> 'threshold')::int, 5) THEN
                    n := NULL;      -- a small count is withheld in words too
                ELSIF prot <> 'false'::jsonb
                      AND (@extschema@.grand_total(x) IS NULL
                           OR (@extschema@.is_multi_label(x) AND @extschema@.total_units(x) IS NULL)) THEN
                    -- the table withholds its Grand Total (with allow_totals,
                    -- or as one of two breakdowns of the same crimes): the
                    -- crimes counted are that figure (with the crimes left
                    -- out, which a footnote prints), so withheld in words too
                    n := NULL;
                ELSIF prot ->> 'method' = 'round5' THEN
                    n := round(n / 5.0) * 5;    -- rounded as the table's figures are
                ELSIF prot ->> 'method' = 'cellkey' THEN
                    -- beside perturbed figures an exact count would give their
                    -- noise away: the table's perturbed Grand Total when it
                    -- counts every crime of the population once, else withheld
                    n := CASE WHEN NOT @extschema@.is_multi_label(x)
                                   AND n = @extschema@.grand_total(@extschema@.request_answer(request, spec, qid, records,
                                                                                              period_from, period_to, false))
                              THEN @extschema@.grand_total(x) END;
                END IF;
                fig := fig || jsonb_build_object('crimes', n);
            ELSE
                fig := fig || jsonb_build_object('crimes', NULL);
            END IF;
            figures := figures || jsonb_build_object(qid, fig);
        END IF;
        qids := qids || qid;
        xs := xs || x;
    END LOOP;

    title := spec ->> 'title';
    IF format = 'html' THEN
        body := body || ('<header>' || E'\n<h1>' || @extschema@.html_escape(title) || E'</h1>\n'
                         || format('<p class="period">Period: %s (crimes by the date recorded)</p>', @extschema@.html_escape(span))
                         || E'\n</header>\n<main>');
    ELSIF format = 'markdown' THEN
        body := body || ('# ' || @extschema@.markdown_escape(title)) || format('Period: %s (crimes by the date recorded)', span);
    ELSE
        body := body || (@extschema@.response_wrap(title, 76) || E'\n'
                         || repeat('=', (SELECT max(length(l)) FROM regexp_split_to_table(@extschema@.response_wrap(title, 76), E'\n') l)))
                     || format('Period: %s (crimes by the date recorded)', span);
    END IF;
    IF findings <> '{}' THEN
        body := body || CASE format
            WHEN 'html' THEN format('<p class="warning" role="note"><strong>Warning: the tables of question(s) %s do not add up; see the warning at each.</strong></p>',
                                    (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(findings) k))
            WHEN 'markdown' THEN format('> **Warning: the tables of question(s) %s do not add up; see the warning at each.**',
                                        (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(findings) k))
            ELSE format('!! WARNING: the tables of question(s) %s do not add up; see the warning at each.',
                        (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(findings) k)) END;
    END IF;
    IF spec ? 'intro' THEN
        body := body || @extschema@.response_blocks(@extschema@.response_fill(spec ->> 'intro', figures, '*'), format);
    END IF;
    FOR i IN 1..cardinality(qids) LOOP
        q := @extschema@.request_question(request, spec, qids[i]);
        body := body || @extschema@.response_question(request, spec, q, format, xs[i], figures,
                                                      coalesce(findings -> qids[i], '[]'), period_from, period_to, charts);
    END LOOP;
    IF spec ? 'closing' THEN
        body := body || CASE WHEN format = 'html' THEN '<section class="closing" aria-label="Closing">' ELSE NULL END
                     || @extschema@.response_blocks(@extschema@.response_fill(
                            (SELECT string_agg(c, E'\n\n' ORDER BY o) FROM jsonb_array_elements_text(spec -> 'closing') WITH ORDINALITY u(c, o)),
                            figures, '*'), format)
                     || CASE WHEN format = 'html' THEN '</section>' ELSE NULL END;
    END IF;
    IF format = 'html' THEN
        RETURN @extschema@.response_html_page(title, array_to_string(body || '</main>'::text, E'\n'));
    END IF;
    RETURN array_to_string(body, E'\n\n') || E'\n';
END
$fn$;
COMMENT ON FUNCTION @extschema@.response(text, text, regclass, date, date, boolean, boolean) IS
  'the response document of a stored request (format html | markdown | text): its title and period; per question the text as asked, the table exactly as render prints it with the definition''s options (HTML: with an inline SVG chart by period), or the answer in words with {id.figure[:words|:Words]} filled; footnotes made from the definition (the crimes counted, the measure, what each Grand Total counts, the terms and exclusions of text searches, the audit''s verdict; render adds partial periods and the protection rule); the closing paragraphs. A table that does not add up (foistats.audit_request) is an error unless audit_warnings => true, which prints a visible warning at it. HTML is one self-contained page (no script, nothing fetched) with an A4 print stylesheet';

-- ---------------------------------------------------------------------------
-- issue 12: a roll-up goes with the table or view it reads (an event trigger
-- on sql_drop): a stale one made refresh_rollups fail ('LOCK TABLE 17249')
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.rollup_dropped() RETURNS event_trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    u    record;
    kept regclass[];
BEGIN
    FOR u IN SELECT r.* FROM @extschema@.rollup r
              WHERE EXISTS (SELECT FROM pg_event_trigger_dropped_objects() d
                             WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
                               AND (d.objid = r.records::oid OR d.objid = r.source::oid
                                    OR d.objid = ANY (r.relations::oid[])))
              ORDER BY r.id LOOP
        DELETE FROM @extschema@.rollup r WHERE r.id = u.id;
        DELETE FROM @extschema@.rollup_month m WHERE m.rollup = u.id;
        kept := ARRAY(SELECT rel FROM unnest(u.relations) rel WHERE EXISTS (SELECT FROM pg_class c WHERE c.oid = rel));
        IF kept <> '{}' THEN
            PERFORM @extschema@.rollup_invalidate(kept);
            PERFORM @extschema@.rollup_drop_triggers(kept);
        END IF;
        RAISE NOTICE 'roll-up of question "%" of request "%" dropped with the table or view it reads', u.question, u.request;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.rollup_dropped() IS
  'internal: the event trigger foistats_rollup_dropped (sql_drop): drops the roll-ups whose records view, source table or any table carrying their triggers was dropped, and the triggers no other roll-up needs';
CREATE EVENT TRIGGER foistats_rollup_dropped ON sql_drop EXECUTE FUNCTION @extschema@.rollup_dropped();
