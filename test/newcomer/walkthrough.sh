#!/usr/bin/env bash
# The newcomer walk-through (not CI): a synthetic force export of 20,000
# deterministic records (make_force.py, seed 20261203; invented force, its own
# column names, HO codes as forces spell them, outcome codes, a timestamptz),
# bound and asked two requests of its own (setup.sql).  Runs against the
# database psql connects to (PG* variables); it DROPs and re-creates the
# extension foistats there, so use a throwaway database.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$here/make_force.py" 20000 > "$tmp/force.csv"
chmod -R a+rX "$tmp"
psql -X -q -f "$here/setup.sql" < "$tmp/force.csv"   # \copy reads psql's stdin
for r in wx_2025_vwi_children wx_2025_stalking; do
  psql -X -At -c "SELECT foistats.response('$r', 'text')"
done
