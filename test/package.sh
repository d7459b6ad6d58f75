#!/usr/bin/env bash
# test/package.sh: the Debian package, end to end (a slow check, not part of .ci/run).
#
#   1. installs the build-depends of debian/control (apt-get build-dep) when any is missing;
#   2. copies the source tree (git's tracked and untracked, not ignored, files) to a
#      temporary directory and runs `dpkg-buildpackage -us -uc` there; the build runs
#      the regression suite against the staged files (dh_pgxs_test);
#   3. installs the .deb it built (apt-get, which also pulls in its dependencies);
#   4. runs `pg_buildext installcheck` from the copy, against the installed package,
#      on a throwaway cluster (pg_virtualenv);
#   5. removes (purges) the package and the temporary directory, and prints what it did.
#
# Run as root or as a user with sudo.  It refuses to run if postgresql-15-foistats or a
# `make install` of foistats is already on the system, since step 5 would remove it.
# FOISTATS_PACKAGE_OUT=DIR keeps copies of the built .deb files in DIR.
. "$(dirname "$0")/lib.sh"
cd "$FOISTATS_ROOT"

PKG=postgresql-$PG_MAJOR-foistats
EXTDIR=/usr/share/postgresql/$PG_MAJOR/extension
start=$(date +%s)
step_start=$start
report=()
step() { # step TEXT: record TEXT with the seconds since the previous step
	local now
	now=$(date +%s)
	report+=("$(printf '%4ss  %s' $((now - step_start)) "$*")")
	step_start=$now
}

if dpkg-query -W -f '${db:Status-Status}' "$PKG" 2>/dev/null | grep -q installed; then
	echo "$PKG is installed already; this check would remove it at the end: stopping" >&2
	exit 1
fi
if [ -e "$EXTDIR/foistats.control" ]; then
	echo "$EXTDIR/foistats.control exists (a make install?); the package would replace it: stopping" >&2
	exit 1
fi

work=$(mktemp -d /tmp/foistats-package.XXXXXX)
installed=0
cleanup() {
	if [ "$installed" = 1 ]; then
		say "removing $PKG"
		as_root env DEBIAN_FRONTEND=noninteractive dpkg --purge "$PKG" >/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

# The copy: what git tracks plus untracked files that are not ignored, so that a
# change not yet committed is tested too.  Outside a git checkout, everything.
version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" foistats.control)
src="$work/foistats-$version"
mkdir -p "$src"
if git -C "$FOISTATS_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$FOISTATS_ROOT" && git ls-files -z -co --exclude-standard |
		while IFS= read -r -d '' f; do if [ -e "$f" ]; then printf '%s\0' "$f"; fi; done |
		tar -cf - --null --no-recursion -T -) | tar -xf - -C "$src"
else
	cp -a "$FOISTATS_ROOT/." "$src/"
fi
chmod -R a+rX "$work"
step "copied the source tree to $src ($(find "$src" -type f | wc -l) files)"

# 1. Build-depends.
cd "$src"
if command -v dpkg-checkbuilddeps >/dev/null 2>&1 && dpkg-checkbuilddeps >/dev/null 2>&1; then
	step "build-depends already installed"
else
	say "installing the build-depends of debian/control (apt-get build-dep)"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		dpkg-dev build-essential >/dev/null
	as_root env DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -qq --no-install-recommends \
		"$src" > "$work/build-dep.log" 2>&1 || { cat "$work/build-dep.log"; exit 1; }
	step "installed the build-depends: $(dpkg-checkbuilddeps 2>&1 && echo satisfied)"
fi

# A cluster port away from the 5432 upwards that concurrent test runs pick.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PGPORT=$((20000 + RANDOM % 20000))
while ! port_free "$PGPORT" || ! port_free $((PGPORT + 1)); do PGPORT=$((PGPORT + 2)); done
export PGPORT

# 2. Build.  As root, pg_buildext runs the tests in its own cluster as user postgres.
say "dpkg-buildpackage -us -uc in $src (log: build.log)"
if ! dpkg-buildpackage -us -uc > "$work/build.log" 2>&1; then
	tail -n 80 "$work/build.log"
	echo "dpkg-buildpackage failed" >&2
	exit 1
fi
build_tests=$(grep -E 'All [0-9]+ tests passed' "$work/build.log" | sed 's/^ *//; s/ *$//' | paste -sd ';' -)
step "dpkg-buildpackage -us -uc: built; tests during the build: ${build_tests:-none reported}"
deb=$(ls "$work"/"${PKG}"_"${version}"_*.deb)
deb_name=$(basename "$deb")
deb_size=$(stat -c %s "$deb")
for f in "$work"/*.deb; do
	report+=("        $(basename "$f"): $(stat -c %s "$f") bytes")
done
report+=("        $deb_name holds: $(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | grep -E '\.(so|control|sql)$' | paste -sd ' ' -)")
if [ -n "${FOISTATS_PACKAGE_OUT:-}" ]; then
	mkdir -p "$FOISTATS_PACKAGE_OUT"
	cp "$work"/*.deb "$work"/*.dsc "$work"/*.tar.* "$work"/*.changes "$work"/*.buildinfo "$FOISTATS_PACKAGE_OUT"/
	report+=("        copied to $FOISTATS_PACKAGE_OUT")
fi

# 3. Install.  Clean the copy first (debian/rules clean removes the build's staging
# directory debian/$PKG), so that the tests below can only find the installed files.
debian/rules clean >> "$work/build.log" 2>&1
[ ! -e "debian/$PKG" ] || { echo "debian/$PKG still exists after debian/rules clean" >&2; exit 1; }
say "installing $deb_name"
installed=1
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	"$deb" > "$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
dpkg-query -W -f '${Package} ${Version} ${db:Status-Status}\n' "$PKG" | grep -q ' installed$'
step "installed $deb_name ($(dpkg -L "$PKG" | grep -c '^/usr/.*\.\(so\|sql\|control\)$') extension files)"

# 4. The regression suite against the installed package.
say "pg_buildext installcheck against the installed package"
set +e
pg_buildext installcheck > "$work/installcheck.log" 2>&1
rc=$?
set -e
if [ $rc -ne 0 ]; then
	cat "$work/installcheck.log"
	echo "pg_buildext installcheck failed (exit $rc)" >&2
	exit 1
fi
ok=$(grep -cE '\.\.\. ok|^ok [0-9]' "$work/installcheck.log" || true)
summary=$(grep -E 'All [0-9]+ tests passed' "$work/installcheck.log" | sed 's/^ *//; s/ *$//' | paste -sd ';' -)
step "pg_buildext installcheck (installed package, throwaway cluster on port $PGPORT): $ok tests ok ($summary)"

# 5. Remove.
as_root env DEBIAN_FRONTEND=noninteractive dpkg --purge "$PKG" >/dev/null
installed=0
[ ! -e "$EXTDIR/foistats.control" ]
step "purged $PKG (nothing of it left in $EXTDIR)"

echo
echo "test/package.sh: what it did"
printf '%s\n' "${report[@]}"
echo "total: $(($(date +%s) - start)) s; package $deb_name, $deb_size bytes"
echo "package: $ok passed, 0 failed"
