-- The extension installs into its own schema and reports its version.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS foistats;
RESET client_min_messages;
SELECT extname, extversion, extnamespace::regnamespace AS schema, extrelocatable
  FROM pg_extension WHERE extname = 'foistats';
SELECT foistats.version() = extversion AS library_matches_script
  FROM pg_extension WHERE extname = 'foistats';
