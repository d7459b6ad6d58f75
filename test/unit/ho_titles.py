#!/usr/bin/env python3
"""Print 'code<TAB>class<TAB>family<TAB>title' for every offence of data/ho_offence.sql
whose family is not non_sexual (the titles the rule table must read back to their code)."""
import re
import sys

FAMILIES = ('rape|assault_by_penetration|sexual_assault|child_sexual_activity|'
            'sexual_activity_without_consent|familial|mental_disorder|sexual_exploitation|'
            'trafficking|abuse_of_trust|grooming|other_sexual|exposure_voyeurism|unnatural|'
            'prostitution|indecent_images|non_sexual')
ROW = re.compile(r"^\((\d+), '([^']*)', (NULL|'[^']*'), .*?'(" + FAMILIES +
                 r")', '((?:[^']|'')*)', ")
for line in open(sys.argv[1], encoding='utf-8'):
    m = ROW.match(line)
    if not m:
        continue
    _, code, cls, fam, title = m.groups()
    if fam == 'non_sexual':
        continue
    print('%s\t%s\t%s\t%s' % (code, cls.strip("'"), fam, title.replace("''", "'")))
