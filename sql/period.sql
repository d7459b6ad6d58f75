-- foistats.period(): the calendar period a date falls in, labelled as the
-- xtab aggregates label their columns.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;
SET DateStyle = 'ISO, YMD';

-- year '2013'; fy '2013/14' (UK financial year: 1 April to 31 March);
-- quarter '2013 Q1' (calendar, Q1 = January to March); month '2013-01'.
SELECT d, foistats.period(d, 'year') AS year, foistats.period(d, 'fy') AS fy,
       foistats.period(d, 'quarter') AS quarter, foistats.period(d, 'month') AS month
  FROM unnest(ARRAY[date '2013-01-01', '2013-03-31', '2013-04-01', '2013-06-30',
                    '2013-07-01', '2013-12-31', '2014-03-31', '2014-04-01',
                    '1999-04-01', '2000-02-29', '2099-12-31', '0800-05-01']) d;

-- Every day of 1999-2001 against SQL's own calendar functions.
SELECT count(*) AS days,
       count(*) FILTER (WHERE foistats.period(d, 'year') <> to_char(d, 'YYYY')) AS year_wrong,
       count(*) FILTER (WHERE foistats.period(d, 'month') <> to_char(d, 'YYYY-MM')) AS month_wrong,
       count(*) FILTER (WHERE foistats.period(d, 'quarter') <> to_char(d, 'YYYY "Q"Q')) AS quarter_wrong,
       count(*) FILTER (WHERE foistats.period(d, 'fy') <>
                        to_char(d - interval '3 months', 'YYYY') || '/' ||
                        to_char(d + interval '9 months', 'YY')) AS fy_wrong
  FROM generate_series(date '1999-01-01', date '2001-12-31', interval '1 day') g(d0),
       LATERAL (SELECT d0::date AS d) s;

-- timestamp: its calendar date; timestamptz: its date in the session TimeZone.
SELECT foistats.period(timestamp '2014-03-31 23:59:59', 'fy') AS ts_fy,
       foistats.period(timestamp '1999-12-31 23:59:59.999999', 'year') AS ts_year;
SET TimeZone = 'UTC';
SELECT foistats.period(timestamptz '2014-03-31 23:30:00-02', 'fy') AS utc;
SET TimeZone = 'America/New_York';
SELECT foistats.period(timestamptz '2014-03-31 23:30:00-02', 'fy') AS new_york;
RESET TimeZone;

-- NULL in, NULL out (STRICT).
SELECT foistats.period(NULL::date, 'year') IS NULL AS null_date,
       foistats.period(date '2013-01-01', NULL) IS NULL AS null_granularity;

-- Bad input.
SELECT foistats.period(date '2013-01-01', 'week');
SELECT foistats.period(date '2013-01-01', 'Year');
SELECT foistats.period(date 'infinity', 'year');
SELECT foistats.period(timestamp '-infinity', 'fy');
