-- Shared prelude, not a test: foistats and its sample records
-- (foistats_sample.crimes, the seed request's records), with the settings the
-- seed-request tests print under: errors without their context lines, ISO dates.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
CREATE EXTENSION IF NOT EXISTS foistats_sample;
RESET client_min_messages;
\set SHOW_CONTEXT never
SET datestyle = 'ISO, YMD';
