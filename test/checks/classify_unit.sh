#!/usr/bin/env bash
# Out-of-server checks of the pure-C offence classifier (src/classify.c, classify_lex.c and
# classify_rules.c):
#  1. builds it warning-free with a small driver (test/unit/classify_test.c), by
#     test/unit/build.sh (sanitizers when the toolchain has them);
#  2. every sexual-offence title of the Home Office list (data/ho_offence.sql) reads back,
#     by the rules alone, as its own code and family (class too, except the 19J/19K copies);
#     and so do they with their punctuation lost and in upper case (2a); the penetration-
#     and adult-titled code lists match the list (2b); title keys (2c);
#  3. fuzz smoke: random bytes, long lines, punctuation, digits never crash it;
#  4. fuzzer regressions; 5. ages ('<13', 'female 16', 'Child 13 17').
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

# 2a. the same titles as an export prints them with their punctuation lost ('Child 13 17',
# 'Offender aged 18 or over' -> the '+' of '18+' lost too), and in upper case
python3 - "$tmp/ho.tsv" > "$tmp/ho_bare.tsv" <<'PY'
import re, sys
for line in open(sys.argv[1], encoding='utf-8'):
    code, cls, fam, title = line.rstrip('\n').split('\t')[:4]
    bare = re.sub(r' +', ' ', re.sub(r'[^A-Za-z0-9 ]', ' ', title)).strip()
    for v in (bare, bare.upper()):
        print('%s\t%s' % (code, v))
PY
cut -f2 "$tmp/ho_bare.tsv" | "$tmp/classify_test" | grep -v $'^\t\treason' | cut -f2 > "$tmp/ho_bare.out"
bad=$(paste "$tmp/ho_bare.tsv" "$tmp/ho_bare.out" | awk -F'\t' '$1 != $3')
if [ -n "$bad" ]; then
	echo "Home Office titles without their punctuation not read back as their own code:"
	echo "$bad"
	exit 1
fi
echo "Home Office list: the same $n titles without punctuation, and in upper case, read back too"

# 2b. the codes whose Home Office title states penetration / an offender 18 or over
# (classify_rules.c) are exactly those of data/ho_offence.sql
awk -F'\t' '{ t = tolower($4) }
	t ~ /penetrat/ && t !~ /no penetrat|non[- ]penetrat|without penetrat/ { print "pen\t" $1 }
	t ~ /offender (aged )?(18 or over|over 18)/ { print "adult\t" $1 }' "$tmp/ho.tsv" |
	sort -u > "$tmp/lists.want"
"$tmp/classify_test" --lists | sort -u > "$tmp/lists.got"
if ! diff "$tmp/lists.want" "$tmp/lists.got"; then
	echo "classify_pen_titled / classify_adult_titled differ from data/ho_offence.sql (< list, > rules)"
	exit 1
fi
echo "penetration- and adult-offender-titled codes: $(grep -c '^pen' "$tmp/lists.got") and $(grep -c '^adult' "$tmp/lists.got"), as in the Home Office list"

# 2c. title keys (the words matched against Home Office titles when the title is not one)
printf '%s\n' 'Attempted - Theft from the person of another' \
	'Burglary - Business & Community - Theft Act 1968 Sec 9' \
	'Business and community burglary' \
	'Murder & Attempted Murder' \
	'Attempted murder - Common Law. Criminal Attempts Act 1981' \
	'Other criminal damage to a vehicle (Under £5,000)' \
	'Rape of a Male - Multiple Undefined Offenders' \
	'Assault with Injury on an Emergency Worker (other than a constable)' \
	'Assault with injury PC' \
	'Other criminal damage to a vehicle ( Under £5000.00 damage )' \
	'Other criminal damage, other (£5,000 and over)' \
	'Other criminal damage to a dwelling - Explosive Substance Act 1883 Sec 2,3. Criminal Damage Act 1971 Sec 1(1)' \
	'G01 Burglary house Theft Act 1968 Sec 9.1A or B' \
	'Crim dam to veh' \
	'8F Inflicting Grievous Bodily Harm without Intent' \
	'Cruelty to and neglect of children - Children and Young Persons Act 1933 Sec 1' \
	'vehicle theft' \
	'THEFT OF MOTOR VEHICLE' |
	"$tmp/classify_test" --key > "$tmp/keys.out"
cat > "$tmp/keys.want" <<'KEYS'
Attempted - Theft from the person of another	attempt: ANOTHER FROM PERSON THEFT
Burglary - Business & Community - Theft Act 1968 Sec 9	BURGLARY BUSINESS COMMUNITY
Business and community burglary	BURGLARY BUSINESS COMMUNITY
Murder & Attempted Murder	ATTEMPT MURDER
Attempted murder - Common Law. Criminal Attempts Act 1981	attempt: MURDER
Other criminal damage to a vehicle (Under £5,000)	CRIMINAL DAMAGE MOTOR OTHER UNDER5000 VEHICLE
Rape of a Male - Multiple Undefined Offenders	MALE MULTIPLE RAPE
Assault with Injury on an Emergency Worker (other than a constable)	emergency worker: ASSAULT INJURY WITH
Assault with injury PC	constable: ASSAULT INJURY WITH
Other criminal damage to a vehicle ( Under £5000.00 damage )	CRIMINAL DAMAGE MOTOR OTHER UNDER5000 VEHICLE
Other criminal damage, other (£5,000 and over)	CRIMINAL DAMAGE OTHER
Other criminal damage to a dwelling - Explosive Substance Act 1883 Sec 2,3. Criminal Damage Act 1971 Sec 1(1)	CRIMINAL DAMAGE OTHER RESIDENTIAL
G01 Burglary house Theft Act 1968 Sec 9.1A or B	BURGLARY HOME RESIDENTIAL
Crim dam to veh	CRIMINAL DAMAGE MOTOR VEHICLE
8F Inflicting Grievous Bodily Harm without Intent	BODILY GRIEVOUS HARM INFLICTING
Cruelty to and neglect of children - Children and Young Persons Act 1933 Sec 1	CHILD CRUELTY NEGLECT
vehicle theft	MOTOR THEFT VEHICLE
THEFT OF MOTOR VEHICLE	MOTOR THEFT THEFT-OF VEHICLE
KEYS
diff "$tmp/keys.want" "$tmp/keys.out" || { echo "title keys differ (< wanted, > got)"; exit 1; }
echo "title keys: $(wc -l < "$tmp/keys.out") titles as expected"

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

# 5. ages: '<' and '>' are under and over (they were dropped: 'female <13' lost its
# 'under'); a band's lower bound alone after the victim ('aged 16', 'female 16',
# 'female16') is that band, 16 and over, its '+' lost; another age alone is one year;
# a range typed apart after the victim ('Child 13 17', the Home Office's 'Child 13-17'
# with its punctuation lost); a girl or a boy is a child: no age, no default code
printf '%s\n' 'Sexual assault on a female <13' 'Sexual assault on a male > 13' \
	'Rape female 16' 'Rape of a female aged 16' 'Rape of female16' 'Sexual assault on female 13' \
	'Sexual assault on a female aged 14' 'Sexual assault on a female 13 or above' \
	'Cause or incite the sexual exploitation of a child Child 13 17' 'Sexual assault on a girl' \
	'Rape of a boy under 13' |
	"$tmp/classify_test" | grep -v $'^\t\treason' | cut -f1,2,6 > "$tmp/ages.out"
cat > "$tmp/ages.want" <<'AGES'
Sexual assault on a female <13	020/06	[0,13)
Sexual assault on a male > 13	017/15	[13,)
Rape female 16	019/08	[16,)
Rape of a female aged 16	019/08	[16,)
Rape of female16	019/08	[16,)
Sexual assault on female 13	020/05	[13,)
Sexual assault on a female aged 14	020/05	[14,15)
Sexual assault on a female 13 or above	020/05	[13,)
Cause or incite the sexual exploitation of a child Child 13 17	071/08	[13,18)
Sexual assault on a girl	-	-
Rape of a boy under 13	019/17	[0,13)
AGES
diff "$tmp/ages.want" "$tmp/ages.out" || { echo "ages differ (< wanted, > got)"; exit 1; }
echo "ages: $(wc -l < "$tmp/ages.out") titles as expected"

# 6. the offender's age where the title does not put it after 'offender': after 'by a
# person' / 'by a male' / 'by an adult' (it was read as the victim's: 'Sexual activity
# with a female by a person aged 18 or over' gave the victim 18 and over), before
# 'offender' ('under 18 offender') unless an age follows it ('child under 13 Offender
# under 18' is the victim's 13), 'adult' / 'juvenile offender', and 'OU18' (O glued to
# U18); arranging a child sex offence with penetration is not 071/01 (no penetration)
printf '%s\n' 'Sexual activity with a female by a person aged 18 or over' \
	'Sexual activity with a female child under 16 by a person under 18' \
	'Sexual activity with a female child under 16 by an adult' \
	'Rape of a female aged 16 or over by a male aged 18 or over' \
	'Under 18 offender sexual activity with female 13-15' \
	'Sexual activity with female 13-15 adult offender' \
	'Sexual activity with female 13-15 juvenile offender' \
	'Sexual activity with female 13-15 OU18' \
	'Engaging in sexual activity in the presence of a child under 13 Offender under 18' \
	'Sexual assault by penetration of a female 16+' \
	'Arranging or facilitating child sex offence female under 13 penetn Off 18' |
	"$tmp/classify_test" | grep -v $'^\t\treason' | cut -f1,2,6,7 > "$tmp/oages.out"
cat > "$tmp/oages.want" <<'OAGES'
Sexual activity with a female by a person aged 18 or over	-	-	[18,)
Sexual activity with a female child under 16 by a person under 18	-	[0,16)	[0,18)
Sexual activity with a female child under 16 by an adult	-	[0,16)	[18,)
Rape of a female aged 16 or over by a male aged 18 or over	019/08	[16,)	[18,)
Under 18 offender sexual activity with female 13-15	-	[13,16)	[0,18)
Sexual activity with female 13-15 adult offender	-	[13,16)	[18,)
Sexual activity with female 13-15 juvenile offender	-	[13,16)	[0,18)
Sexual activity with female 13-15 OU18	-	[13,16)	[0,18)
Engaging in sexual activity in the presence of a child under 13 Offender under 18	021/16	[0,13)	[0,18)
Sexual assault by penetration of a female 16+	020/03	[16,)	-
Arranging or facilitating child sex offence female under 13 penetn Off 18	-	[0,13)	[18,)
OAGES
diff "$tmp/oages.want" "$tmp/oages.out" || { echo "offender ages differ (< wanted, > got)"; exit 1; }
echo "offender ages: $(wc -l < "$tmp/oages.out") titles as expected"

# 7. a victim's age as 'N year(s) old' ('a 14 year old girl'); a lone F or M where a sex
# stands (before an age, or alone between brackets or dashes), not a class letter or M/F;
# 'under 100' without 'years' is no age (a quantity)
printf '%s\n' 'Rape of a 14 year old girl' 'Sexual assault on 15 yr old female' \
	'Rape F16+' 'Rape M U13' 'Rape (F) 16+' 'Rape - F - U16' 'Rape of M/F child under 13' \
	'19F Rape of a male aged 16 and over' 'Theft of goods under 100' \
	'Murder of a person under 1 year of age' |
	"$tmp/classify_test" | grep -v $'^\t\treason' | cut -f1,2,5,6 > "$tmp/ages2.out"
cat > "$tmp/ages2.want" <<'AGES2'
Rape of a 14 year old girl	019/07	F	[14,15)
Sexual assault on 15 yr old female	020/05	F	[15,16)
Rape F16+	019/08	F	[16,)
Rape M U13	019/17	M	[0,13)
Rape (F) 16+	019/08	F	[16,)
Rape - F - U16	019/07	F	[0,16)
Rape of M/F child under 13	-	-	[0,13)
19F Rape of a male aged 16 and over	019/10	M	[16,)
Theft of goods under 100	-	-	-
Murder of a person under 1 year of age	-	-	[0,1)
AGES2
diff "$tmp/ages2.want" "$tmp/ages2.out" || { echo "ages and sex letters differ (< wanted, > got)"; exit 1; }
echo "ages and sex letters: $(wc -l < "$tmp/ages2.out") titles as expected"

# 8. a label joining two offences is neither: two different victim ages, rape beside an
# assault, two sexual assaults; 'X and attempted X' fits the offence's code and its
# attempt's (class only when they share it); two non-sexual assaults are left to the
# words (test sql/classify_titles)
printf '%s\n' 'Rape of a female aged 16 and over / Rape of a female child under 16' \
	'Sexual assault on a female aged 13 and over / sexual assault on a female child under 13' \
	'Rape and sexual assault of a female 16+' 'Rape or assault by penetration of a female aged 16 or over' \
	'Sexual assault and assault by penetration female 13+' \
	'Rape and attempted rape of a female 16+' 'Sexual assault by penetration of a female 16+' |
	"$tmp/classify_test" | grep -v $'^\t\treason' | cut -f1,2,3,6 > "$tmp/joined.out"
cat > "$tmp/joined.want" <<'JOINED'
Rape of a female aged 16 and over / Rape of a female child under 16	-	-	-
Sexual assault on a female aged 13 and over / sexual assault on a female child under 13	-	-	-
Rape and sexual assault of a female 16+	-	-	[16,)
Rape or assault by penetration of a female aged 16 or over	-	-	[16,)
Sexual assault and assault by penetration female 13+	-	-	[13,)
Rape and attempted rape of a female 16+	-	19C	[16,)
Sexual assault by penetration of a female 16+	020/03	20A	[16,)
JOINED
diff "$tmp/joined.want" "$tmp/joined.out" || { echo "joined offences differ (< wanted, > got)"; exit 1; }
echo "joined offences: $(wc -l < "$tmp/joined.out") titles as expected"
