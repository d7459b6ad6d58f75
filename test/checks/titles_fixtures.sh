#!/usr/bin/env bash
# The real offence titles (test/fixtures/titles/): well-formed, every class and code in
# the Home Office list (when the reference folder is present), every title found in its
# source's excerpt, and each title in the set the deterministic split puts it in.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export FOISTATS_REFERENCE_DIR=${FOISTATS_REFERENCE_DIR:-$ROOT/../shared/reference}
python3 "$ROOT/test/fixtures/titles/split.py" | sed 's/^/titles_fixtures: /'
