#!/usr/bin/env bash
# data/ho_outcome.sql and data/request_templates.sql are generated: re-run their
# generators and fail on any difference.  The outcome types come from the
# committed fixture test/fixtures/ho_outcomes (always present); the templates'
# texts are cut from the seed response, checked whenever ../shared/seed is
# present ($FOISTATS_SEED_DIR overrides).
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 test/data/make_outcomes.py "$tmp/ho_outcome.sql"
python3 test/data/make_template_records.py "$tmp/template_records.sql"
diff -u test/fixtures/template_records.sql "$tmp/template_records.sql" > /dev/null ||
	{ echo "test/fixtures/template_records.sql differs from make_template_records.py's output"; exit 1; }
diff -u data/ho_outcome.sql "$tmp/ho_outcome.sql" ||
	{ echo "data/ho_outcome.sql differs from make_outcomes.py's output: run python3 test/data/make_outcomes.py"; exit 1; }
echo "data/ho_outcome.sql matches its fixture ($(grep -c '^ (' data/ho_outcome.sql) outcome types)"
seed=${FOISTATS_SEED_DIR:-../shared/seed}
if ! ls "$seed"/*.txt >/dev/null 2>&1; then
	echo "seed not found at $seed: template regeneration check skipped"
	exit 0
fi
FOISTATS_SEED_DIR=$seed python3 test/data/make_templates.py "$tmp/request_templates.sql"
diff -u data/request_templates.sql "$tmp/request_templates.sql" ||
	{ echo "data/request_templates.sql differs from make_templates.py's output: run python3 test/data/make_templates.py"; exit 1; }
echo "data/request_templates.sql matches its sources"
