# test/scale/nodes.sh: sourced by the test/scale scripts (after test/lib.sh).
# Starts throwaway PostgreSQL servers ("nodes") on loopback ports as a
# non-root user (postgres when run as root), each loading the staged builds
# in $SCALE_DEST (Debian's extension_destdir), and stops and removes them
# all on exit.
#
#   scale_begin [rows] [reps] $rows, $reps, $started; the packages needed
#   scale_setup NAME          work directory $SCALE_RUN, EXIT trap
#   scale_node NAME [conf...] initdb + start a node; sets NODE_PORT[NAME]
#   q NAME [psql args...]     psql on a node (ON_ERROR_STOP)
#   scale_run NAME            records.sql, common.sql and NAME.sql on the
#                             coordinator; the time taken

declare -A NODE_PORT=()
SCALE_NODES=()

# Run a command as the servers' user: postgres when we are root (a server
# refuses to run as root), else ourselves.
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Stop every node started here (by its data directory), remove the work
# directory and the staged build.  Runs on exit, error or interrupt.
scale_cleanup() {
	local n
	for n in "${SCALE_NODES[@]}"; do
		as_pg "$PG_BIN/pg_ctl" -D "$SCALE_RUN/$n" -m immediate -w stop \
			>/dev/null 2>&1 || true
	done
	rm -rf "${SCALE_RUN:-/nonexistent}" "${FOISTATS_DEST:-/nonexistent}"
}

# scale_begin [rows] [reps]: from the repository's root, with the script's
# arguments in $rows and $reps (defaults 1000000 and 5), its start time in
# $started, and the packages installed that it needs.
scale_begin() {
	cd "$FOISTATS_ROOT"
	rows=${1:-1000000}
	reps=${2:-5}
	started=$(date +%s)
	foistats_ensure_deps
}

# A work directory the postgres user can use, with the merged install tree
# $SCALE_DEST (foistats' staged build plus whatever "$@" names, e.g. Citus's
# staged install: hard links, nothing copied into the repository).
scale_setup() {
	local name=$1 tree
	shift
	if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
		echo "$0: run as root, it needs the postgres user to run the servers" >&2
		exit 1
	fi
	SCALE_RUN=$(mktemp -d "/tmp/foistats-$name.XXXXXX")
	trap scale_cleanup EXIT
	trap 'exit 130' INT TERM
	SCALE_DEST=$SCALE_RUN/dest
	mkdir -p "$SCALE_DEST" "$SCALE_RUN/sock"
	for tree in "$@"; do
		cp -al "$tree/." "$SCALE_DEST/" 2>/dev/null || cp -a "$tree/." "$SCALE_DEST/"
	done
	cp -a "$FOISTATS_DEST/." "$SCALE_DEST/"
	# the servers write their data directories and sockets here; the install
	# tree stays root's (its files may be hard links into the Citus cache)
	chmod 755 "$SCALE_RUN" "$SCALE_DEST"
	if [ "$(id -u)" -eq 0 ]; then chown postgres "$SCALE_RUN" "$SCALE_RUN/sock"; fi
}

# A free TCP port on 127.0.0.1.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# scale_node NAME [postgresql.conf line ...]: create and start a node.
scale_node() {
	local name=$1 port libdir
	shift
	port=$(free_port)
	libdir=$("$PG_CONFIG" --pkglibdir)
	as_pg "$PG_BIN/initdb" -D "$SCALE_RUN/$name" -A trust -E UTF8 \
		--locale=C.UTF-8 >/dev/null
	SCALE_NODES+=("$name")
	{
		echo "port = $port"
		echo "listen_addresses = '127.0.0.1'"
		echo "unix_socket_directories = '$SCALE_RUN/sock'"
		echo "extension_destdir = '$SCALE_DEST'"
		echo "dynamic_library_path = '$SCALE_DEST$libdir:$libdir'"
		echo "fsync = off"
		echo "synchronous_commit = off"
		echo "full_page_writes = off"
		echo "shared_buffers = 256MB"
		echo "max_worker_processes = 16"
		echo "max_parallel_workers_per_gather = 0"
		echo "jit = off"
		printf '%s\n' "$@"
	} >>"$SCALE_RUN/$name/postgresql.conf"
	as_pg "$PG_BIN/pg_ctl" -D "$SCALE_RUN/$name" -l "$SCALE_RUN/$name.log" \
		-w start >/dev/null ||
		{ tail -20 "$SCALE_RUN/$name.log" >&2; exit 1; }
	NODE_PORT[$name]=$port
}

# q NAME [psql args...]: psql on node NAME, database postgres.
q() {
	local name=$1
	shift
	as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 \
		-p "${NODE_PORT[$name]}" -d postgres "$@"
}

# scale_run NAME: the generated records (test/scale/records.sql), the checks
# both set-ups share (common.sql) and NAME.sql on the coordinator, with :rows
# and :reps; then how long the script took.
scale_run() {
	cat test/scale/records.sql test/scale/common.sql "test/scale/$1.sql" |
		q coordinator -v rows="$rows" -v reps="$reps"
	say "test/scale/$1.sh passed in $(($(date +%s) - started)) s"
}
