-- Shared prelude, not a test: foistats installed (with with_sample set, its
-- sample records too: foistats_sample.crimes, the seed request's records),
-- the notices of an install that is there already silenced.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
\if :{?with_sample}
CREATE EXTENSION IF NOT EXISTS foistats_sample;
\endif
RESET client_min_messages;
