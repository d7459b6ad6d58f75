#!/usr/bin/env bash
# CI smoke run of the libFuzzer harnesses (test/fuzz/): every target, one
# after the other, from its seed corpus, 60 s of fuzzing in all (60 / number
# of targets each; building them comes on top).  Installs clang-14 and
# libclang-rt-14-dev when missing (test/lib.sh, foistats_ensure_fuzz_deps).
# Fails on any crash, leak, undefined behaviour, timeout or failed property;
# the input is then kept under /tmp/foistats-fuzz-artifacts/.  The long runs:
# test/fuzz/run.sh 600.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
n=$(sed -n 's/^all_targets="\(.*\)"$/\1/p' "$here/../fuzz/run.sh" | wc -w)
[ "$n" -ge 1 ] || { echo "fuzz_smoke: no targets found in test/fuzz/run.sh"; exit 1; }
FOISTATS_FUZZ_JOBS=1 bash "$here/../fuzz/run.sh" $((60 / n))
