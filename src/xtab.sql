-- xtab: the cross-tab type, its aggregates and the functions that read it.
-- (C: src/xtab.c type and formats, src/xtab_agg.c aggregates,
--  src/xtab_read.c reading functions.)

CREATE TYPE @extschema@.xtab;

CREATE FUNCTION @extschema@.xtab_in(cstring) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.xtab_out(@extschema@.xtab) RETURNS cstring
  AS 'MODULE_PATHNAME', 'xtab_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.xtab_recv(internal) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.xtab_send(@extschema@.xtab) RETURNS bytea
  AS 'MODULE_PATHNAME', 'xtab_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.xtab (
  INPUT = @extschema@.xtab_in,
  OUTPUT = @extschema@.xtab_out,
  RECEIVE = @extschema@.xtab_recv,
  SEND = @extschema@.xtab_send,
  INTERNALLENGTH = VARIABLE,
  STORAGE = extended
);
COMMENT ON TYPE @extschema@.xtab IS
  'cross-tab: row labels by ordered column labels (periods, numbers, text) with counts, cell flags, optional units, published totals, title and footnotes';
COMMENT ON FUNCTION @extschema@.xtab_in(cstring) IS 'text input of xtab: {cols: "2013", ...; rows: "label" n ..., ...}';
COMMENT ON FUNCTION @extschema@.xtab_out(@extschema@.xtab) IS 'text output of xtab (round-trips through xtab_in)';
COMMENT ON FUNCTION @extschema@.xtab_recv(internal) IS 'binary input of xtab (validated)';
COMMENT ON FUNCTION @extschema@.xtab_send(@extschema@.xtab) IS 'binary output of xtab';

-- Aggregate support functions (shared by every foistats.xtab(...) signature).
CREATE FUNCTION @extschema@.xtab_agg_final(internal) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.xtab_agg_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.xtab_agg_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'xtab_agg_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.xtab_agg_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_final(internal) IS 'final function of the xtab aggregates (rows sorted by label)';
COMMENT ON FUNCTION @extschema@.xtab_agg_combine(internal, internal) IS 'combine function of the xtab aggregates (parallel aggregation)';
COMMENT ON FUNCTION @extschema@.xtab_agg_serialize(internal) IS 'serialize function of the xtab aggregates';
COMMENT ON FUNCTION @extschema@.xtab_agg_deserialize(bytea, internal) IS 'deserialize function of the xtab aggregates';

-- foistats.xtab(row_label | row_labels, col [, granularity] [, n])
CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, date) IS 'transition function of foistats.xtab(text, date)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col date) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, date) IS
  'cross-tab of row_label by calendar periods of the date by calendar year; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, date, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, date, bigint) IS 'transition function of foistats.xtab(text, date, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col date, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, date, bigint) IS
  'cross-tab of row_label by calendar periods of the date by calendar year; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp) IS 'transition function of foistats.xtab(text, timestamp)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col timestamp) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, timestamp) IS
  'cross-tab of row_label by calendar periods of the timestamp by calendar year; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp, bigint) IS 'transition function of foistats.xtab(text, timestamp, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col timestamp, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, timestamp, bigint) IS
  'cross-tab of row_label by calendar periods of the timestamp by calendar year; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz) IS 'transition function of foistats.xtab(text, timestamptz)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col timestamptz) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, timestamptz) IS
  'cross-tab of row_label by calendar periods of the timestamp in the session TimeZone by calendar year; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz, bigint) IS 'transition function of foistats.xtab(text, timestamptz, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col timestamptz, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, timestamptz, bigint) IS
  'cross-tab of row_label by calendar periods of the timestamp in the session TimeZone by calendar year; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, date, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, date, text) IS 'transition function of foistats.xtab(text, date, text)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col date, granularity text) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, date, text) IS
  'cross-tab of row_label by calendar periods of the date at granularity year|fy|quarter|month; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, date, text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, date, text, bigint) IS 'transition function of foistats.xtab(text, date, text, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col date, granularity text, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, date, text, bigint) IS
  'cross-tab of row_label by calendar periods of the date at granularity year|fy|quarter|month; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp, text) IS 'transition function of foistats.xtab(text, timestamp, text)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col timestamp, granularity text) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, timestamp, text) IS
  'cross-tab of row_label by calendar periods of the timestamp at granularity year|fy|quarter|month; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp, text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamp, text, bigint) IS 'transition function of foistats.xtab(text, timestamp, text, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col timestamp, granularity text, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, timestamp, text, bigint) IS
  'cross-tab of row_label by calendar periods of the timestamp at granularity year|fy|quarter|month; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz, text) IS 'transition function of foistats.xtab(text, timestamptz, text)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col timestamptz, granularity text) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, timestamptz, text) IS
  'cross-tab of row_label by calendar periods of the timestamp in the session TimeZone at granularity year|fy|quarter|month; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz, text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, timestamptz, text, bigint) IS 'transition function of foistats.xtab(text, timestamptz, text, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col timestamptz, granularity text, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, timestamptz, text, bigint) IS
  'cross-tab of row_label by calendar periods of the timestamp in the session TimeZone at granularity year|fy|quarter|month; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, integer) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, integer) IS 'transition function of foistats.xtab(text, integer)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col integer) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, integer) IS
  'cross-tab of row_label by integer columns; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, integer, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, integer, bigint) IS 'transition function of foistats.xtab(text, integer, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col integer, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, integer, bigint) IS
  'cross-tab of row_label by integer columns; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, text) IS 'transition function of foistats.xtab(text, text)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col text) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, text) IS
  'cross-tab of row_label by text columns (periods such as 2013/14 recognised); one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text, text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text, text, bigint) IS 'transition function of foistats.xtab(text, text, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_label text, col text, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text, text, bigint) IS
  'cross-tab of row_label by text columns (periods such as 2013/14 recognised); adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], date) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], date) IS 'transition function of foistats.xtab(text[], date)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col date) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], date) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the date by calendar year; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], date, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], date, bigint) IS 'transition function of foistats.xtab(text[], date, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col date, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], date, bigint) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the date by calendar year; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp) IS 'transition function of foistats.xtab(text[], timestamp)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col timestamp) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], timestamp) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the timestamp by calendar year; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp, bigint) IS 'transition function of foistats.xtab(text[], timestamp, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col timestamp, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], timestamp, bigint) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the timestamp by calendar year; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz) IS 'transition function of foistats.xtab(text[], timestamptz)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col timestamptz) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], timestamptz) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the timestamp in the session TimeZone by calendar year; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz, bigint) IS 'transition function of foistats.xtab(text[], timestamptz, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col timestamptz, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], timestamptz, bigint) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the timestamp in the session TimeZone by calendar year; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], date, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], date, text) IS 'transition function of foistats.xtab(text[], date, text)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col date, granularity text) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], date, text) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the date at granularity year|fy|quarter|month; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], date, text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], date, text, bigint) IS 'transition function of foistats.xtab(text[], date, text, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col date, granularity text, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], date, text, bigint) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the date at granularity year|fy|quarter|month; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp, text) IS 'transition function of foistats.xtab(text[], timestamp, text)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col timestamp, granularity text) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], timestamp, text) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the timestamp at granularity year|fy|quarter|month; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp, text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamp, text, bigint) IS 'transition function of foistats.xtab(text[], timestamp, text, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col timestamp, granularity text, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], timestamp, text, bigint) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the timestamp at granularity year|fy|quarter|month; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz, text) IS 'transition function of foistats.xtab(text[], timestamptz, text)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col timestamptz, granularity text) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], timestamptz, text) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the timestamp in the session TimeZone at granularity year|fy|quarter|month; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz, text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], timestamptz, text, bigint) IS 'transition function of foistats.xtab(text[], timestamptz, text, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col timestamptz, granularity text, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], timestamptz, text, bigint) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by calendar periods of the timestamp in the session TimeZone at granularity year|fy|quarter|month; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], integer) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], integer) IS 'transition function of foistats.xtab(text[], integer)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col integer) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], integer) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by integer columns; one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], integer, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], integer, bigint) IS 'transition function of foistats.xtab(text[], integer, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col integer, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], integer, bigint) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by integer columns; adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], text) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], text) IS 'transition function of foistats.xtab(text[], text)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col text) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], text) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by text columns (periods such as 2013/14 recognised); one count per input row';

CREATE FUNCTION @extschema@.xtab_agg_trans(internal, text[], text, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_agg_trans(internal, text[], text, bigint) IS 'transition function of foistats.xtab(text[], text, bigint)';
CREATE AGGREGATE @extschema@.xtab(row_labels text[], col text, n bigint) (
  SFUNC = @extschema@.xtab_agg_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab(text[], text, bigint) IS
  'cross-tab of each distinct label of row_labels (units count the input row once) by text columns (periods such as 2013/14 recognised); adds n per input row (re-aggregating pre-counted data; NULL n skips the row)';

-- Merging cross-tabs computed elsewhere.
CREATE FUNCTION @extschema@.xtab_merge_trans(internal, @extschema@.xtab) RETURNS internal
  AS 'MODULE_PATHNAME', 'xtab_merge_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_merge_trans(internal, @extschema@.xtab) IS 'transition function of xtab_merge';
CREATE AGGREGATE @extschema@.xtab_merge(@extschema@.xtab) (
  SFUNC = @extschema@.xtab_merge_trans, STYPE = internal,
  FINALFUNC = @extschema@.xtab_agg_final,
  COMBINEFUNC = @extschema@.xtab_agg_combine,
  SERIALFUNC = @extschema@.xtab_agg_serialize,
  DESERIALFUNC = @extschema@.xtab_agg_deserialize,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.xtab_merge(@extschema@.xtab) IS
  'sum of cross-tabs (cells and units added by row and column label; NULLs skipped; rows sorted by label). A cross-tab with suppressed cells adds only to protected or parsed ones (any suppressed cell or published total): suppression flags are kept, a published total only where every input has it (summed); adding it to an unprotected cross-tab is an error';

CREATE FUNCTION @extschema@.xtab_plus(@extschema@.xtab, @extschema@.xtab) RETURNS @extschema@.xtab
  AS 'MODULE_PATHNAME', 'xtab_plus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xtab_plus(@extschema@.xtab, @extschema@.xtab) IS
  'sum of two cross-tabs (rows of the first in order, then new rows of the second); a cross-tab with suppressed cells adds only to protected or parsed ones (see xtab_merge)';
CREATE OPERATOR @extschema@.+ (
  LEFTARG = @extschema@.xtab, RIGHTARG = @extschema@.xtab,
  FUNCTION = @extschema@.xtab_plus);
COMMENT ON OPERATOR @extschema@.+ (@extschema@.xtab, @extschema@.xtab) IS 'sum of two cross-tabs';

-- Reading a cross-tab.
CREATE FUNCTION @extschema@.rows(x @extschema@.xtab,
    OUT row_label text, OUT col_label text, OUT n bigint) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'xtab_sql_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rows(@extschema@.xtab) IS
  'long form: one row per cell (rows in stored order, columns in natural order, zeros included); n is NULL for a suppressed cell';

CREATE FUNCTION @extschema@.wide(x @extschema@.xtab,
    OUT row_label text, OUT cells bigint[], OUT total bigint) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'xtab_sql_wide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wide(@extschema@.xtab) IS
  'wide form: one row per row label with its cells in column order (see col_labels; NULL for a suppressed cell) and its total: of all cells, or for a protected or parsed cross-tab (any suppressed cell or published total) its published total, NULL if withheld';

CREATE FUNCTION @extschema@.col_labels(x @extschema@.xtab) RETURNS text[]
  AS 'MODULE_PATHNAME', 'xtab_sql_col_labels' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.col_labels(@extschema@.xtab) IS 'column labels in natural order';
CREATE FUNCTION @extschema@.row_labels(x @extschema@.xtab) RETURNS text[]
  AS 'MODULE_PATHNAME', 'xtab_sql_row_labels' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.row_labels(@extschema@.xtab) IS 'row labels in stored order';
CREATE FUNCTION @extschema@.col_totals(x @extschema@.xtab) RETURNS bigint[]
  AS 'MODULE_PATHNAME', 'xtab_sql_col_totals' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.col_totals(@extschema@.xtab) IS
  'column sums of the cells ("mentions" for a multi-label cross-tab), in column order; for a protected or parsed cross-tab (any suppressed cell or published total) its published column totals, NULL where withheld';
CREATE FUNCTION @extschema@.col_units(x @extschema@.xtab) RETURNS bigint[]
  AS 'MODULE_PATHNAME', 'xtab_sql_col_units' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.col_units(@extschema@.xtab) IS
  'input rows (distinct crimes) per column: the units of a multi-label cross-tab, else the column sums (as col_totals); NULL where withheld in a protected cross-tab (units of a multi-label one with suppressed cells are withheld)';
CREATE FUNCTION @extschema@.grand_total(x @extschema@.xtab) RETURNS bigint
  AS 'MODULE_PATHNAME', 'xtab_sql_grand_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.grand_total(@extschema@.xtab) IS 'sum of all cells (mentions for a multi-label cross-tab); for a protected or parsed cross-tab (any suppressed cell or published total) its published grand total, NULL if withheld';
CREATE FUNCTION @extschema@.total_units(x @extschema@.xtab) RETURNS bigint
  AS 'MODULE_PATHNAME', 'xtab_sql_total_units' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_units(@extschema@.xtab) IS 'input rows (distinct crimes) counted: sum of col_units (NULL where col_units withholds)';
CREATE FUNCTION @extschema@.is_multi_label(x @extschema@.xtab) RETURNS boolean
  AS 'MODULE_PATHNAME', 'xtab_sql_is_multi_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_multi_label(@extschema@.xtab) IS
  'true if the cross-tab carries units (built from text[] row labels), so cells count mentions';

CREATE FUNCTION @extschema@.to_jsonb(x @extschema@.xtab) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'xtab_sql_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_jsonb(@extschema@.xtab) IS
  'cross-tab as JSON: {"cols", "rows": [{"label", "cells", "total"}], "col_totals", "grand_total", ...}; suppressed cells are null; totals as wide/col_totals/grand_total (a protected cross-tab shows its published totals only, null where withheld)';
CREATE CAST (@extschema@.xtab AS jsonb) WITH FUNCTION @extschema@.to_jsonb(@extschema@.xtab);
COMMENT ON CAST (@extschema@.xtab AS jsonb) IS 'explicit cast: the same as foistats.to_jsonb(xtab)';
