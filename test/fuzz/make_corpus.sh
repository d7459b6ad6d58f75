#!/usr/bin/env bash
# test/fuzz/make_corpus.sh: (re)writes the seed corpora test/fuzz/corpus/<target>/
# from the fixtures (make_corpus.py), then the binary and flat xtab seeds: the
# xtab harness reads every text seed once and writes its binary and flat forms
# (FOISTATS_FUZZ_XTAB_EMIT).  Inputs named regress-* are kept.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/make_corpus.py"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
FOISTATS_FUZZ_BUILD=$bin bash "$here/run.sh" 0 xtab
FOISTATS_FUZZ_XTAB_EMIT=$here/corpus/xtab "$bin/fuzz_xtab" "$here"/corpus/xtab/text-* \
	> "$bin/emit.log" 2>&1 || { tail -20 "$bin/emit.log"; exit 1; }
echo "xtab         $(ls "$here/corpus/xtab" | wc -l) inputs (binary and flat forms added)"
