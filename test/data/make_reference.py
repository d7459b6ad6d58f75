#!/usr/bin/env python3
"""Generate data/ho_offence.sql, the rows of foistats.ho_offence, from the Home Office list of
notifiable offences.

    python3 test/data/make_reference.py [CSV] > data/ho_offence.sql

CSV defaults to $FOISTATS_REFERENCE_DIR/ho-notifiable-offences-2026-04.csv, else
../shared/reference/ relative to the repository root.  The output is deterministic
(rows in file order, numbered), so test/checks/reference.sh can regenerate and diff.

Source: Home Office, "Notifiable offences and notifiable reported incidents", April 2026,
Crown copyright, Open Government Licence v3.0 (see test/data/CREDITS.md).

Besides copying the columns (trimmed), the script derives:
  ho_class      the class label that starts "Offence category" ('19D', '8N', '4/1', 'NFIB10')
  class_title   the rest of "Offence category"
  ons_group     "Sub class" when present, else "Class" (e.g. 'Rape', 'Other sexual offences',
                'Miscellaneous crimes against society'), case and spaces tidied
  family        foistats' offence family (see FAMILY_BY_CLASS below); every offence gets one,
                'non_sexual' for all classes outside the sexual offences
  commenced     "Commencement date" parsed to a date when it is in one of the list's formats
"""
import csv
import datetime
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NAME = 'ho-notifiable-offences-2026-04.csv'

# Offence family by class label; codes listed in FAMILY_BY_CODE take precedence.
FAMILY_BY_CLASS = {
    '19C': 'rape', '19D': 'rape', '19E': 'rape', '19F': 'rape', '19G': 'rape',
    '19H': 'rape', '19J': 'rape', '19K': 'rape',
    '17A': 'sexual_assault', '17B': 'sexual_assault',
    '20A': 'sexual_assault', '20B': 'sexual_assault',
    '21': 'child_sexual_activity', '22B': 'child_sexual_activity',
    '22A': 'sexual_activity_without_consent',
    '23': 'familial',
    '70': 'mental_disorder',
    '71': 'sexual_exploitation',
    '73': 'abuse_of_trust',
    '88A': 'grooming',
    '88C': 'other_sexual',
    '88D': 'unnatural',
    '88E': 'exposure_voyeurism',
    '24': 'prostitution', '27': 'prostitution',
}
FAMILY_BY_CODE = {
    # assault by penetration (SOA 2003 s2, s6) sits in the sexual assault classes
    '017/13': 'assault_by_penetration', '017/14': 'assault_by_penetration',
    '020/03': 'assault_by_penetration', '020/04': 'assault_by_penetration',
    # indecent photographs of children, prohibited images, extreme pornography (class 86);
    # the rest of class 86 (obscene publications, video recordings, protected material)
    # is not a sexual offence
    '086/02': 'indecent_images', '086/10': 'indecent_images', '086/11': 'indecent_images',
    '086/12': 'indecent_images', '086/13': 'indecent_images', '086/14': 'indecent_images',
    '086/15': 'indecent_images', '086/16': 'indecent_images', '086/17': 'indecent_images',
}

MONTHS = {m: i + 1 for i, m in enumerate(
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}


def tidy(s):
    return re.sub(r'\s+', ' ', (s or '').replace('\u00a0', ' ')).strip()


def parse_date(s):
    s = tidy(s)
    if not s or s.upper() == 'TBC':      # 'TBC': commencement not yet known
        return None
    m = re.fullmatch(r'(\d{1,2})-([A-Za-z]{3})-(\d{2})', s)          # 28-Jun-22
    if m:
        return datetime.date(2000 + int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.fullmatch(r'(?:[A-Za-z]+, )?([A-Za-z]+) (\d{1,2}), (\d{4})', s)  # Sunday, May 03, 2015
    if m:
        return datetime.date(int(m.group(3)), MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{4})', s)               # 14/11/2016 (UK order)
    if m:
        return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r'(\d{1,2}) ([A-Za-z]+) (\d{4})', s)             # 13 April 2015
    if m:
        return datetime.date(int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
    raise SystemExit('make_reference.py: unrecognised date %r' % s)


def canonical_case(values):
    """The list spells some groups in two cases ('Miscellaneous crimes against society' /
    'Miscellaneous Crimes Against Society'); use the most frequent spelling of each."""
    seen = {}
    for v in values:
        v = tidy(v)
        seen.setdefault(v.lower(), {}).setdefault(v, 0)
        seen[v.lower()][v] += 1
    return {k: max(sorted(c), key=lambda v: c[v]) for k, c in seen.items()}


def q(v):
    if v is None or v == '':
        return 'NULL'
    return "'" + str(v).replace("'", "''") + "'"


def main():
    if len(sys.argv) > 1:
        path = sys.argv[1]
    else:
        d = os.environ.get('FOISTATS_REFERENCE_DIR') or os.path.join(ROOT, '..', 'shared', 'reference')
        path = os.path.join(d, NAME)
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.DictReader(f))
    case = canonical_case([r['Class'] for r in rows] + [r['Sub class'] for r in rows])
    ons_case = lambda v: case[tidy(v).lower()]
    out = sys.stdout
    out.write('-- GENERATED by test/data/make_reference.py from %s; do not edit.\n' % NAME)
    out.write('-- Home Office, Notifiable offences and notifiable reported incidents, April 2026.\n')
    out.write('-- Crown copyright, Open Government Licence v3.0.\n\n')
    out.write('INSERT INTO @extschema@.ho_offence (id, ho_code, ho_class, class_title, ons_class,\n'
              '  ons_subclass, ons_group, family, title, act, section, mode, max_sentence,\n'
              '  victim_or_state, current, changed, commenced, ceased, remark) VALUES\n')
    vals = []
    for i, r in enumerate(rows, 1):
        code = tidy(r['Home Office code'])
        if not re.fullmatch(r'\d{3}/\d{2}', code):
            raise SystemExit('make_reference.py: row %d: bad code %r' % (i, code))
        cat = tidy(r['Offence category'])
        m = re.match(r'(NFIB ?\d+[A-Z]?|\d+/\d+|\d+[A-Z]?)\b\s*(.*)', cat)
        if m:
            cls, ctitle = m.group(1).replace(' ', ''), m.group(2)
        else:
            cls, ctitle = None, cat
        family = FAMILY_BY_CODE.get(code) or FAMILY_BY_CLASS.get(cls or '', 'non_sexual')
        ons_class = ons_case(r['Class'])
        ons_sub = ons_case(r['Sub class'])
        cur = tidy(r['Current']).upper()
        vals.append('(%d, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)' % (
            i, q(code), q(cls), q(ctitle), q(ons_class), q(ons_sub), q(ons_sub or ons_class),
            q(family), q(tidy(r['Offence'])), q(tidy(r['Act'])), q(tidy(r['Section'])),
            q(tidy(r['Mode']).upper()), q(tidy(r['Max Sentence'])),
            q(tidy(r['Victim or State Based']).upper()),
            'true' if cur == 'Y' else 'false', q(tidy(r['Year added/amended/deleted'])),
            q(parse_date(r['Commencement date'])), q(parse_date(r['Cessation date'])),
            q(tidy(r['Comment']))))
    out.write(',\n'.join(vals) + ';\n')


if __name__ == '__main__':
    main()
