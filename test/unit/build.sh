# test/unit/build.sh: sourced by the test/checks/<core>_unit.sh scripts (it is
# not a check itself).  Sets $root (the tree) and $tmp (removed on exit), and
# defines
#	unit_build OUT FILE...		gcc -std=gnu99 -Wall -Wextra -Werror -I src, at
#								-O1 -g under AddressSanitizer and UBSan (leaks
#								included) when the toolchain has them, else -O2
#	unit_build_fast OUT FILE...	the same at -O2 without sanitizers, for long
#								property runs
#	unit_build_fuzz OUT FILE...	the same flags with clang-14 at -O1 -g under
#								libFuzzer, AddressSanitizer and UBSan, for the
#								harnesses in test/fuzz/ (FILE... may include a
#								harness and the cores it drives; no main;
#								$unit_fuzz_cc_extra: more flags)
# and $unit_sanitized (1 when unit_build uses the sanitizers).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unit_flags="-std=gnu99 -Wall -Wextra -Wno-unused-parameter -Werror -I$root/src -I$root/test/unit"
unit_san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
if echo 'int main(void){return 0;}' | gcc $unit_san -x c - -o "$tmp/probe" 2>/dev/null && "$tmp/probe"; then
	unit_sanitized=1
	export ASAN_OPTIONS=detect_leaks=1
else
	unit_sanitized=0
	echo "sanitizers unavailable: building without them" >&2
fi

unit_build() {
	local out=$1
	shift
	if [ "$unit_sanitized" = 1 ]; then
		gcc $unit_flags -O1 -g $unit_san -o "$out" "$@"
	else
		gcc $unit_flags -O2 -o "$out" "$@"
	fi
}

unit_build_fast() {
	local out=$1
	shift
	gcc $unit_flags -O2 -o "$out" "$@"
}

# libFuzzer builds (test/fuzz/run.sh): clang-14 and libclang-rt-14-dev, which
# test/lib.sh's foistats_ensure_fuzz_deps installs.  Leaks are reported
# (ASAN_OPTIONS is set by run.sh); any UB stops the run.
unit_fuzz_cc=${FOISTATS_FUZZ_CC:-clang-14}
unit_fuzz_san="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

unit_build_fuzz() {
	local out=$1
	shift
	$unit_fuzz_cc $unit_flags ${unit_fuzz_cc_extra:-} -O1 -g $unit_fuzz_san -o "$out" "$@"
}
