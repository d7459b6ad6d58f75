#!/usr/bin/env bash
# The release version lives in ONE place: default_version in foistats.control (the
# Makefile reads it from there).  Everything else that states it must agree:
#   META.json         version and provides.foistats.version (and provides.foistats_sample
#                     against sample/foistats_sample.control), plus the PGXN keys it needs;
#   debian/changelog  the top entry's upstream version (an epoch or Debian revision aside);
#   CHANGELOG.md      a "## <version>" heading;
#   debian/control    what `pg_buildext updatecontrol` makes from debian/control.in (the
#                     package build stops when they differ).
# No server, no build: a second or so.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail=0
bad() { echo "version_consistency: $*"; fail=1; }

control_version() { sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$1"; }
version=$(control_version foistats.control)
sample_version=$(control_version sample/foistats_sample.control)
[ -n "$version" ] || { echo "version_consistency: no default_version in foistats.control"; exit 1; }
[ -n "$sample_version" ] || bad "no default_version in sample/foistats_sample.control"

# META.json (PGXN Meta Spec 1.0.0).
meta=$(python3 - "$version" "$sample_version" <<'EOF'
import json, os, sys
version, sample_version = sys.argv[1], sys.argv[2]
try:
    m = json.load(open("META.json", encoding="utf-8"))
except (OSError, ValueError) as e:
    print(f"META.json does not parse: {e}")
    sys.exit(0)
for key in ("name", "abstract", "version", "maintainer", "license", "provides", "meta-spec"):
    if key not in m:
        print(f"META.json has no {key!r} (required by the PGXN Meta Spec)")
if m.get("meta-spec", {}).get("version") != "1.0.0":
    print("META.json meta-spec.version is not 1.0.0")
if m.get("name") != "foistats":
    print(f"META.json name is {m.get('name')!r}, not 'foistats'")
if m.get("version") != version:
    print(f"META.json version is {m.get('version')!r}, foistats.control says {version!r}")
want = {"foistats": ("foistats.control", version),
        "foistats_sample": ("sample/foistats_sample.control", sample_version)}
provides = m.get("provides", {})
for ext, (control, v) in want.items():
    p = provides.get(ext)
    if p is None:
        print(f"META.json provides no {ext!r}")
        continue
    if p.get("version") != v:
        print(f"META.json provides.{ext}.version is {p.get('version')!r}, {control} says {v!r}")
    for k in ("file", "docfile"):
        if k in p and not os.path.isfile(p[k]):
            print(f"META.json provides.{ext}.{k} names {p[k]!r}, which does not exist")
for ext in provides:
    if ext not in want:
        print(f"META.json provides {ext!r}, which is not an extension of this tree")
EOF
)
[ -z "$meta" ] || while IFS= read -r line; do bad "$line"; done <<< "$meta"

# debian/changelog: "foistats (VERSION) distribution; urgency=..." on its first line.
first=$(head -n 1 debian/changelog)
deb_version=$(sed -n '1s/^foistats (\([^)]*\)) .*/\1/p' debian/changelog)
if [ -z "$deb_version" ]; then
	bad "debian/changelog's first line is not a foistats entry: $first"
else
	upstream=${deb_version#*:}	# epoch
	upstream=${upstream%-*}		# Debian revision
	[ "$upstream" = "$version" ] ||
		bad "debian/changelog says $deb_version (upstream $upstream), foistats.control says $version"
fi

grep -qE "^## ${version//./\\.}( |$)" CHANGELOG.md || bad "CHANGELOG.md has no '## $version' section"

# debian/control must be what pg_buildext makes from debian/control.in (for the
# PostgreSQL majors this system supports); checked in a copy, so nothing here changes.
if command -v pg_buildext > /dev/null 2>&1; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	mkdir "$tmp/debian"
	cp -r debian/control debian/control.in debian/pgversions debian/changelog "$tmp/debian/"
	if ! out=$(cd "$tmp" && pg_buildext checkcontrol 2>&1); then
		bad "debian/control is not what debian/control.in makes; run 'pg_buildext updatecontrol':"
		echo "$out" | head -20
	fi
else
	echo "pg_buildext not installed (postgresql-common): debian/control not compared with control.in"
fi

if [ $fail -ne 0 ]; then exit 1; fi
echo "version $version: foistats.control, META.json, debian/changelog and CHANGELOG.md agree" \
	"(foistats_sample $sample_version)"
