-- The opening of the benchmark SQL files (\ir prelude.sql, after setting
-- :default_rows and :default_reps): errors stop the run; :rows and :reps
-- take their defaults unless psql -v set them; the timing loops read the
-- number of rounds from the setting bench.reps; the extension.
\set ON_ERROR_STOP on
\if :{?rows}
\else
\set rows :default_rows
\endif
\if :{?reps}
\else
\set reps :default_reps
\endif
SELECT set_config('bench.reps', :'reps', false);
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;
