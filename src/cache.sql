-- cache: the versions of the per-backend caches' sources (C: src/cache.c; the design is
-- described in src/cache.h).  Each cache adds its row in its own part.

CREATE SEQUENCE @extschema@.cache_version_seq;
COMMENT ON SEQUENCE @extschema@.cache_version_seq IS
  'source of foistats.cache_version.version values (never reused, even after a rollback)';

CREATE TABLE @extschema@.cache_version (
  cache   text PRIMARY KEY,
  version bigint NOT NULL
);
COMMENT ON TABLE @extschema@.cache_version IS
  'one row per per-backend cache (classify, terms): the version of the tables it is built from, set by their statement triggers; each backend tags what it built with the version it read';
GRANT SELECT ON @extschema@.cache_version TO PUBLIC;
