#!/usr/bin/env bash
# Robustness of foistats.classify to retyped Home Office sexual-offence titles
# (abbreviations, ages retyped, sex letters, ALL CAPS, punctuation lost): variants made
# with a fixed seed, counted as code / class only / no class / wrong; fails on a wrong
# answer.  Made-up titles only (see classify_variants.py).
#   bash test/bench/classify_variants.sh            builds, runs on a throwaway cluster
#   PGHOST=/tmp PGPORT=5443 PGUSER=postgres PGDATABASE=acc \
#     bash test/bench/classify_variants.sh --here   uses that database (foistats installed)
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
if [ "${1:-}" = --here ]; then
	shift
	exec python3 test/bench/classify_variants.py "$@"
fi
foistats_check_setup classify-variants
foistats_virtualenv sh -c "createdb acc && psql -X -q -d acc -c 'CREATE EXTENSION foistats' &&
	PGDATABASE=acc python3 test/bench/classify_variants.py $*"
