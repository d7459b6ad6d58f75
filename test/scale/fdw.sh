#!/usr/bin/env bash
# foistats over postgres_fdw: two "shard" servers each hold half of the
# records and compute their partial xtab; a coordinator merges them.
#
#   bash test/scale/fdw.sh [rows] [reps]          (defaults 1000000 5)
#
# Starts three servers on loopback ports (as postgres when run as root):
# shard1 and shard2 (the records split by a hash of the crime reference) and
# a coordinator with a foreign table per shard (postgres_fdw, built into
# PostgreSQL; the server option extensions 'foistats' lets it ship
# foistats.xtab(...) to the shard).  Checks that EXPLAIN shows each shard's
# aggregate running remotely, that the merged answer equals one server's
# answer over all the rows (held by the coordinator in a local table), and
# times both.  Stops everything on exit.  Not part of .ci/run.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/nodes.sh"
scale_begin "$@"
foistats_build
scale_setup fdw

say "starting two shard servers and a coordinator (loopback)"
for n in shard1 shard2 coordinator; do
	scale_node "$n"
	q "$n" -c 'CREATE EXTENSION foistats'
done
q coordinator -c 'CREATE EXTENSION postgres_fdw'
for n in shard1 shard2; do
	q coordinator <<SQL
CREATE SERVER $n FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '127.0.0.1', port '${NODE_PORT[$n]}', dbname 'postgres',
           extensions 'foistats', async_capable 'true', fetch_size '10000');
CREATE USER MAPPING FOR CURRENT_USER SERVER $n OPTIONS (user 'postgres');
SQL
done

say "generating $rows records: each shard keeps its half, the coordinator all of them"
part=0
for n in shard1 shard2; do
	{
		cat test/scale/records.sql
		echo "CREATE TABLE records AS SELECT * FROM records_local
		        WHERE (hashtext(crime_ref) & 1) = $part;
		      DROP TABLE records_local;
		      VACUUM ANALYZE records;"
	} | q "$n" -v rows="$rows"
	part=$((part + 1))
done
scale_run fdw
