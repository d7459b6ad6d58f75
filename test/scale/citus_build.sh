# test/scale/citus_build.sh: sourced by test/scale/citus.sh (after test/lib.sh).
# Builds Citus from /work/shared/vendor (or $FOISTATS_VENDOR) once into a cache
# directory outside the tree ($FOISTATS_CITUS_CACHE, default
# /var/tmp/foistats-citus-cache) and stages its install there (DESTDIR), so
# nothing system-wide changes and no Citus file enters the repository.

CITUS_VERSION=13.2.2
FOISTATS_VENDOR=${FOISTATS_VENDOR:-/work/shared/vendor}
FOISTATS_CITUS_CACHE=${FOISTATS_CITUS_CACHE:-/var/tmp/foistats-citus-cache}
CITUS_STAGE=$FOISTATS_CITUS_CACHE/stage-$CITUS_VERSION-pg$PG_MAJOR

# Debian packages Citus's configure needs.
CITUS_BUILD_DEPS="libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libssl-dev
	libselinux1-dev libxslt1-dev libpam0g-dev libreadline-dev zlib1g-dev"

citus_ensure_build_deps() {
	local p missing=
	for p in $CITUS_BUILD_DEPS; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	say "installing Citus build dependencies:$missing (apt-get)"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		$missing >/dev/null
}

# Build and stage Citus unless the cache already holds it (stamp file).
citus_ensure_built() {
	local tarball=$FOISTATS_VENDOR/citus-$CITUS_VERSION.tar.gz
	local patch=$FOISTATS_VENDOR/citus-$CITUS_VERSION-pg15.20.patch
	local src=$FOISTATS_CITUS_CACHE/src-$CITUS_VERSION
	mkdir -p "$FOISTATS_CITUS_CACHE"
	# one build at a time (a second run waits, then finds it built)
	exec 7>"$FOISTATS_CITUS_CACHE/.lock"
	flock 7
	if [ -f "$CITUS_STAGE/.built" ]; then
		exec 7>&-
		say "Citus $CITUS_VERSION: using the build in $CITUS_STAGE"
		return 0
	fi
	[ -f "$tarball" ] || { echo "citus.sh: $tarball not found (set FOISTATS_VENDOR)" >&2; exit 1; }
	(cd "$FOISTATS_VENDOR" && sha256sum --quiet -c SHA256SUMS) ||
		{ echo "citus.sh: vendored files do not match $FOISTATS_VENDOR/SHA256SUMS" >&2; exit 1; }
	citus_ensure_build_deps
	rm -rf "$src" "$CITUS_STAGE"
	say "building Citus $CITUS_VERSION in $src (once; 3-10 minutes on 2 cores)"
	tar -C "$FOISTATS_CITUS_CACHE" -xzf "$tarball"
	mv "$FOISTATS_CITUS_CACHE/citus-$CITUS_VERSION" "$src"
	# the patch is for headers that declare have_createdb_privilege (15.20)
	if grep -q have_createdb_privilege "$("$PG_CONFIG" --includedir-server)/commands/dbcommands.h"; then
		say "applying $(basename "$patch")"
		(cd "$src" && patch -s -p1 <"$patch")
	fi
	(
		cd "$src"
		./configure PG_CONFIG="$PG_CONFIG" >"$FOISTATS_CITUS_CACHE/configure.log" 2>&1 ||
			{ tail -20 "$FOISTATS_CITUS_CACHE/configure.log" >&2; exit 1; }
		make -j"$(nproc)" >"$FOISTATS_CITUS_CACHE/make.log" 2>&1 ||
			{ tail -30 "$FOISTATS_CITUS_CACHE/make.log" >&2; exit 1; }
		make install DESTDIR="$CITUS_STAGE" >"$FOISTATS_CITUS_CACHE/install.log" 2>&1 ||
			{ tail -20 "$FOISTATS_CITUS_CACHE/install.log" >&2; exit 1; }
	)
	touch "$CITUS_STAGE/.built"
	rm -rf "$src"				# the staged install is all a run needs
	exec 7>&-
	say "Citus $CITUS_VERSION staged in $CITUS_STAGE"
}
