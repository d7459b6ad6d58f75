-- period: calendar periods of dates ('2013', '2013/14', '2013 Q1', '2013-01').
-- (C: src/period_fmgr.c, arithmetic in src/period.c.)

CREATE FUNCTION @extschema@.period(d date, granularity text) RETURNS text
  AS 'MODULE_PATHNAME', 'period_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period(ts timestamp, granularity text) RETURNS text
  AS 'MODULE_PATHNAME', 'period_timestamp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period(ts timestamptz, granularity text) RETURNS text
  AS 'MODULE_PATHNAME', 'period_timestamptz' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period(date, text) IS
  'period label of a date: year ''2013'', fy ''2013/14'' (UK financial year April-March), quarter ''2013 Q1'', month ''2013-01''';
COMMENT ON FUNCTION @extschema@.period(timestamp, text) IS
  'period label of a timestamp (its calendar date): year, fy, quarter or month';
COMMENT ON FUNCTION @extschema@.period(timestamptz, text) IS
  'period label of a timestamptz on its calendar date in the session TimeZone (hence STABLE): year, fy, quarter or month';
