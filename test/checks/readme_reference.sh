#!/usr/bin/env bash
# README.md ends with a reference of every public function and table, made from
# the installed catalog by readme_reference.sql: this check regenerates it and
# fails if README's copy (between the reference markers) differs.
#   bash test/checks/readme_reference.sh --write   rewrites README's copy
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_check_setup readme-reference
cp test/checks/readme_reference.sql "$work/"
foistats_virtualenv sh -c "cd '$work' && createdb ref && psql -X -q -v ON_ERROR_STOP=1 -d ref -f readme_reference.sql > reference.md"
begin='<!-- reference: made by test/checks/readme_reference.sh; do not edit by hand -->'
end='<!-- end of reference -->'
grep -qxF "$begin" README.md && grep -qxF "$end" README.md || { echo "README.md lacks the reference markers"; exit 1; }
python3 - "$work/reference.md" "$begin" "$end" "${1:-}" <<'PY'
import sys
ref, begin, end, mode = open(sys.argv[1]).read().strip("\n"), sys.argv[2], sys.argv[3], sys.argv[4]
s = open("README.md").read()
a = s.index(begin) + len(begin)
b = s.index(end)
new = s[:a] + "\n" + ref + "\n" + s[b:]
if mode == "--write":
    open("README.md", "w").write(new)
    print("README.md: reference rewritten (%d lines)" % len(ref.splitlines()))
elif new != s:
    print("README.md's reference differs from the catalog: run bash test/checks/readme_reference.sh --write")
    sys.exit(1)
else:
    print("README.md's reference matches the catalog (%d lines)" % len(ref.splitlines()))
PY
