#!/usr/bin/env bash
# The demo: installs what is missing, builds, and on a throwaway cluster loads
# the shipped sample data and prints every table of the seed request (questions
# 1, 1b, 1c, 1d and 3) in the published layout, then the disclosure-controlled
# question-1 table and the records whose ages contradict their offence title,
# and writes the seed's whole response document (response.html, .md, .txt and
# a CSV per table) to $FOISTATS_OUT (default /tmp/foistats-response).
. "$(dirname "$0")/lib.sh"
cd "$FOISTATS_ROOT"

out=${FOISTATS_OUT:-/tmp/foistats-response}
mkdir -p "$out"
chmod 777 "$out"
out=$(cd "$out" && pwd)
foistats_ensure_deps
foistats_build
say "running the demo on a throwaway cluster"
foistats_virtualenv sh -c 'psql -X -q -v ON_ERROR_STOP=1 -f test/demo.sql &&
	echo && echo "== The response document, written by bin/foistats-response:" &&
	bin/foistats-response -R foi.records -o "$1" | sed "s/^/   /"' foistats-demo "$out"
