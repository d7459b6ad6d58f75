#!/usr/bin/env bash
# foistats on a Citus cluster: the xtab aggregates pushed down to the shards.
#
#   bash test/scale/citus.sh [rows] [reps]        (defaults 1000000 5)
#
# Builds Citus 13.2.2 once from /work/shared/vendor (FOISTATS_VENDOR) into a
# cache outside the tree (FOISTATS_CITUS_CACHE, default
# /var/tmp/foistats-citus-cache; 3-10 minutes on 2 cores, then reused),
# starts a coordinator and two workers on loopback ports as a non-root user
# (postgres when run as root), distributes a generated records table (32 shards by crime
# reference) and runs test/scale/citus.sql on the coordinator: EXPLAIN shows
# partial aggregates on the shards combined on the coordinator, and every
# distributed answer equals the single-node answer over the same rows.
# Prints timings against the single node.  Stops everything on exit.  Not
# part of .ci/run.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/citus_build.sh"
. "$(dirname "$0")/nodes.sh"
scale_begin "$@"
citus_ensure_built
foistats_build
scale_setup citus "$CITUS_STAGE"

# The version checks compare the loaded library with the versions that
# pg_available_extensions lists, which does not look in extension_destdir;
# the staged library and scripts are one build, so they are skipped.
citus_conf=("shared_preload_libraries = 'citus'"
	"citus.enable_statistics_collection = off"
	"citus.enable_version_checks = off"
	"columnar.enable_version_checks = off"
	"max_connections = 200")
say "starting a coordinator and two workers (loopback)"
for n in coordinator worker1 worker2; do
	scale_node "$n" "${citus_conf[@]}"
	q "$n" -c 'CREATE EXTENSION citus'
done
q coordinator -o /dev/null <<SQL
SELECT citus_set_coordinator_host('127.0.0.1', ${NODE_PORT[coordinator]});
SELECT 1 FROM citus_add_node('127.0.0.1', ${NODE_PORT[worker1]});
SELECT 1 FROM citus_add_node('127.0.0.1', ${NODE_PORT[worker2]});
-- Citus propagates the extension to the workers
CREATE EXTENSION foistats;
SQL
for n in worker1 worker2; do
	[ "$(q "$n" -At -c "SELECT count(*) FROM pg_extension WHERE extname = 'foistats'")" = 1 ] ||
		{ echo "citus.sh: foistats was not created on $n" >&2; exit 1; }
done
say "Citus $(q coordinator -At -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'"), foistats on all three nodes; $(($(date +%s) - started)) s so far"

scale_run citus
