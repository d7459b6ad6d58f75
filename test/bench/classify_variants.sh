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
foistats_py_bench classify-variants classify_variants.py "$@"
