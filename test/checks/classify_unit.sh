#!/usr/bin/env bash
# Out-of-server checks of the pure-C offence classifier (src/classify.c, classify_lex.c and
# classify_rules.c):
#  1. builds it warning-free with a small driver (test/unit/classify_test.c), by
#     test/unit/build.sh (sanitizers when the toolchain has them);
#  2. every sexual-offence title of the Home Office list (data/ho_offence.sql) reads back,
#     by the rules alone, as its own code and family (class too, except the 19J/19K copies);
#  3. fuzz smoke: random bytes, long lines, punctuation, digits never crash it.
. "$(dirname "$0")/../unit/build.sh"
cd "$root"
unit_build "$tmp/classify_test" test/unit/classify_test.c src/classify.c src/classify_lex.c \
	src/classify_rules.c

# 2. Home Office titles -> own code
python3 test/unit/ho_titles.py data/ho_offence.sql > "$tmp/ho.tsv"
n=$(wc -l < "$tmp/ho.tsv")
[ "$n" -ge 190 ] || { echo "only $n sexual-offence titles found in data/ho_offence.sql"; exit 1; }
cut -f4 "$tmp/ho.tsv" | "$tmp/classify_test" | grep -v $'^\t\treason' > "$tmp/ho.out"
[ "$(wc -l < "$tmp/ho.out")" -eq "$n" ] || { echo "driver output misaligned"; exit 1; }
bad=$(paste "$tmp/ho.tsv" "$tmp/ho.out" | awk -F'\t' '
	{ code=$1; cls=$2; fam=$3; got_code=$6; got_cls=$7; got_fam=$8 }
	code != got_code || fam != got_fam || (cls != got_cls && cls != "19J" && cls != "19K") { print }')
if [ -n "$bad" ]; then
	echo "Home Office titles not read back as their own code:"
	echo "$bad"
	exit 1
fi
echo "Home Office list: $n sexual-offence titles read back as their own code and family"

# 3. fuzz smoke
python3 - > "$tmp/fuzz.txt" <<'PY'
import random
random.seed(6)
alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz0123456789+-/().:&,\'\u2013\u2014\u00e9\u0000'
words = ['RAPE', 'U13', 'U16', 'OFF', '18+', '13-15', 'NO', 'PENETRATION', 'SEX.', 'W/O', 'CHILD',
         'FEMALE', 'MALE', 'CAUSE/INCITE', '019/07', '19D', '(20A)', 'UNDER18', 'FAMILY', 'TRUST',
         'ATTEMPT', 'BY', 'A', 'OFFENDER', 'SOA', '2003', 'S', '9', '-', '–', 'MULTIPLE']
for i in range(3000):
    if i % 3 == 0:
        s = ''.join(random.choice(alphabet) for _ in range(random.randint(0, 300)))
    else:
        s = ' '.join(random.choice(words) for _ in range(random.randint(0, 60)))
    print(s.replace('\n', ' ').replace('\x00', ' '))
print('9' * 5000)
print('(' * 3000)
print('U' * 100 + '13' * 100)
print(' '.join(['RAPE'] * 400))
PY
"$tmp/classify_test" < "$tmp/fuzz.txt" > /dev/null
echo "fuzz smoke: $(wc -l < "$tmp/fuzz.txt") inputs, no crash$([ "$unit_sanitized" = 1 ] && echo " (sanitizers on)")"

# 4. regressions found by the fuzzer (test/fuzz/fuzz_classify.c, corpus/classify/regress-*):
# 'under 0' / 'U0' is no age.  It was read as the empty range [0,0), which the
# rules took for "under 13": 'Rape of a female under 0' came out 019/16.
printf 'Rape of a female under 0\nRape of a female U0\n' | "$tmp/classify_test" > "$tmp/regress.out"
bad=$(grep -v $'^\t\treason' "$tmp/regress.out" | awk -F'\t' '$2 != "-" || $6 != "-"' || true)
if [ -n "$bad" ]; then
	echo "'under 0' read as a victim age:"
	echo "$bad"
	exit 1
fi
echo "regressions: 'under 0' is not an age"
