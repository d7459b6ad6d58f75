#!/usr/bin/env bash
# Accuracy of foistats.classify on the real offence titles of test/fixtures/titles/
# (tuning.tsv and heldout.tsv), through the SQL API: class, all stated attributes,
# wrong (not NULL), NULL with a reason; the misses of the tuning set only.  See
# classify_accuracy.py for how each figure is counted.
#   bash test/bench/classify_accuracy.sh            builds, runs on a throwaway cluster
#   PGHOST=/tmp PGPORT=5443 PGUSER=postgres PGDATABASE=acc \
#     bash test/bench/classify_accuracy.sh --here   uses that database (foistats installed)
# Not (yet) a check: the held-out figures are below issue 15's goals (class >= 98 %, all
# stated >= 97 %, wrong <= 0.5 %); pass --enforce to fail below them.  It does fail when
# a title's answer depends on the titles classified before it in the session.
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_py_bench classify-accuracy classify_accuracy.py "$@"
