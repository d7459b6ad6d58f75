#!/usr/bin/env bash
# The install script is assembled from the SQL parts the Makefile names
# (SQL_ORDER, SQL_DATA_*): a missing part must stop the build, never be left
# out silently.  In a copy of the Makefile and the parts, with no server:
#   - everything present: the script builds; the generated part
#     (src/xtab_agg.sql) is made from its generator, the same bytes each time,
#     with its 32 foistats.xtab(...) aggregates and xtab_merge;
#   - each committed part removed in turn: make fails, names the part, and
#     leaves no script;
#   - every src/*.sql and data/*.sql file is a part the Makefile names (a file
#     it does not name would be left out without a word).
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"

work=$(mktemp -d /tmp/foistats-sql-parts.XXXXXX)
trap 'rm -rf "$work"' EXIT

mk() { make -s --no-print-directory PG_CONFIG="$PG_CONFIG" "$@"; }
# The value of a Makefile variable.
var() { mk -C "$1" --eval 'print-var-%: ; @echo $($*)' "print-var-$2"; }

script=$(mk --eval 'print-script: ; @echo $(DATA_built)' print-script)
parts=$(var . SQL_PARTS)
generated=$(var . SQL_GENERATED)
[ -n "$parts" ] && [ -n "$generated" ] || { echo "SQL_PARTS or SQL_GENERATED is empty"; exit 1; }

# A fresh copy: the Makefile, the control file, the committed parts and the
# generators (src/*.py); no build products.
copy() {
	rm -rf "$work/tree"
	mkdir -p "$work/tree/src"
	cp Makefile foistats.control "$work/tree/"
	cp src/*.py "$work/tree/src/"
	for f in $parts; do
		case " $generated " in *" $f "*) continue ;; esac
		mkdir -p "$work/tree/$(dirname "$f")"
		cp "$f" "$work/tree/$f"
	done
}

fail=0
copy
if ! mk -C "$work/tree" "$script" 2> "$work/err"; then
	echo "the script does not build from the complete parts:"; cat "$work/err"; exit 1
fi
for g in $generated; do
	[ -s "$work/tree/$g" ] || { echo "generated part $g was not made"; fail=1; }
done
cp "$work/tree/src/xtab_agg.sql" "$work/xtab_agg.first"
rm "$work/tree/src/xtab_agg.sql"
mk -C "$work/tree" src/xtab_agg.sql
cmp -s "$work/xtab_agg.first" "$work/tree/src/xtab_agg.sql" ||
	{ echo "src/xtab_agg.sql differs between two runs of its generator"; fail=1; }
n_xtab=$(grep -c '^CREATE AGGREGATE @extschema@\.xtab(' "$work/xtab_agg.first" || true)
n_merge=$(grep -c '^CREATE AGGREGATE @extschema@\.xtab_merge(' "$work/xtab_agg.first" || true)
if [ "$n_xtab" -ne 32 ] || [ "$n_merge" -ne 1 ]; then
	echo "src/xtab_agg.sql declares $n_xtab xtab and $n_merge xtab_merge aggregates (expected 32 and 1)"
	fail=1
fi
echo "complete parts: $script builds; src/xtab_agg.sql generated identically twice ($n_xtab xtab aggregates + xtab_merge)"

n=0
for f in $parts; do
	case " $generated " in *" $f "*) continue ;; esac
	copy
	rm "$work/tree/$f"
	if mk -C "$work/tree" "$script" > "$work/out" 2>&1; then
		echo "FAIL: the script built without $f"; fail=1
	elif ! grep -qF "$f" "$work/out"; then
		echo "FAIL: without $f make failed but did not name it:"; cat "$work/out"; fail=1
	elif [ -e "$work/tree/$script" ]; then
		echo "FAIL: without $f make failed but left $script behind"; fail=1
	fi
	n=$((n + 1))
done
echo "each of the $n committed parts missing: the build fails and names it"
sed -n 1p "$work/out"

for f in src/*.sql data/*.sql; do
	[ -e "$f" ] || continue
	case " $parts " in *" $f "*) ;; *) echo "FAIL: $f is not named in the Makefile's SQL parts"; fail=1 ;; esac
done
echo "every src/*.sql and data/*.sql file is a named part"
exit $fail
