-- Shared prelude, not a test: foistats (extensions.sql) and the settings the
-- tests of records and requests print under: errors without their context
-- lines, ISO dates.
\i sql/include/extensions.sql
\set SHOW_CONTEXT never
SET datestyle = 'ISO, YMD';
