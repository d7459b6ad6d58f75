#!/usr/bin/env python3
"""Robustness of foistats.classify to the ways forces retype the Home Office titles.

Takes every current sexual-offence title of foistats.ho_offence (the April 2026 list:
their codes are split by victim sex, victim age, offender age, penetration and attempt,
the facts the lexer must read) and writes variants of each in the styles forces use:
abbreviations ('Sex', 'penetn', 'Off', 'O', 'Att', 'chld', 'actvty'), ages retyped
('U13', 'u13', '<13', 'U/13', '16+', '16', '13  17yrs', '1317yrs', '13-17'), a lone F or
M for the victim's sex, articles dropped, dashes lost or made commas, ALL CAPS,
punctuation lost.  Each variant is classified through the SQL API (psql, the PG*
connection) and counted:

  code       the title's own code
  class      no code, the class of the title's code (a fact left unread)
  no class   no class (with a reason)
  wrong      another code, or a class the title's code is not in: a confident wrong
             answer (listed)

and then a grid of made-up titles stating the victim's sex and age and the offender's
age in the ways forces write them ('female1315yrs', 'Offunder18', 'OU18', '12 and
under', 'O 18+' ...), counted as all read, some unread, or wrong (a fact other than the
one stated: listed), and every current Home Office title followed by its own Act and
section as the list prints them (the form force exports copy), counted like the
variants (its wrong answers are listed but do not fail the run), and every current
Home Office title after its class title ('Violent Disorder - Riot'), with '(Indictable)'
after it and in capitals, counted the same way.

The variants are made with a fixed seed, so two runs give the same titles.  No title of
test/fixtures/titles is used: this measures the lexer on made-up titles only.
    PGHOST=/tmp PGPORT=5453 PGUSER=postgres PGDATABASE=acc python3 test/bench/classify_variants.py [N]
N variants per title (default 6); -v lists the titles given no code too.
"""
import csv
import io
import random
import re
import subprocess
import sys

SUBS = [
    (r'\bSexual\b', ['Sexual', 'Sex', 'SEXUAL', 'Sexl']), (r'\bsexual\b', ['sexual', 'sex']),
    (r'\b[Pp]enetration\b', ['penetration', 'penetn', 'pen', 'Penetration', 'penetrative']),
    (r'\b[Oo]ffender\b', ['offender', 'Off', 'Offender', 'O', 'Offr']),
    (r'\b[Aa]ttempted\b', ['Attempted', 'Att', 'Attempt']),
    (r'\bchild\b', ['child', 'chld', 'child']),
    (r'\bfemale\b', ['female', 'female', 'fem', 'F']), (r'\bmale\b', ['male', 'male', 'M']),
    (r'\bFemale\b', ['Female', 'Fem', 'F']), (r'\bMale\b', ['Male', 'M']),
    (r'\bCausing or inciting\b', ['Causing or inciting', 'Cause or incite',
                                  'Causing/inciting', 'Cause/incite', 'Caus or inc']),
    (r'\bactivity\b', ['activity', 'activity', 'act', 'actvty']),
    (r'\bunder (\d+)', [r'under \1', r'U\1', r'u\1', r'U/\1', r'<\1', r'U \1']),
    (r'aged (\d+) or over', [r'aged \1 or over', r'\1+', r'\1 and over', r'\1 plus', r'\1',
                             r'over \1']),
    (r'(\d+) or over', [r'\1 or over', r'\1+', r'\1 and over', r'\1']),
    (r'aged 13 - 17', ['aged 13 - 17', '13-17', '13  17yrs', '1317yrs', '13 to 17', '13-17yrs']),
    (r'13 to 17', ['13 to 17', '13-17', '13  17yrs', '1317yrs', '13 17']),
    (r'Child 13 - 17', ['Child 13 - 17', 'child 13-17', 'child 1317yrs']),
    (r' - ', [' - ', ' ', '  ', ' - ']),
    (r'\baged\b ?', ['aged ', '', 'aged ']),
    (r'\ba ', ['a ', '', 'a ']),
    (r'\bof a\b', ['of a', 'of', 'on', 'of a']),
    (r'\bon a\b', ['on a', 'on', 'of', 'on a']),
    (r'\byears\b', ['years', 'yrs', 'yr']),
]


def psql(sql):
    out = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1'], input=sql,
                         capture_output=True, text=True, encoding='utf-8')
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        sys.exit(2)
    return list(csv.reader(io.StringIO(out.stdout)))


def classify_all(titles, columns):
    """foistats.classify of each title, in order: the given columns of its answer."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n')
    for i, t in enumerate(titles):
        w.writerow([i, t])
    rows = psql("SET client_encoding = 'UTF8';\n"
                "CREATE TEMP TABLE t (n int, title text);\n"
                "COPY t FROM STDIN (FORMAT csv);\n" + buf.getvalue() + "\\.\n"
                "COPY (SELECT t.n, %s FROM t, LATERAL foistats.classify(t.title) c "
                "ORDER BY t.n) TO STDOUT (FORMAT csv);\n" % ', '.join('c.' + c for c in columns))
    return [r[1:] for r in rows]


def variant(rnd, t):
    for pat, opts in SUBS:
        t = re.sub(pat, lambda m: m.expand(rnd.choice(opts)), t)
    if rnd.random() < 0.3:
        t = t.upper()
    if rnd.random() < 0.3:
        t = re.sub(r'[-:.()/,]', ' ', t)
    return t


# the facts grid: victim sex, victim age and offender age written in the ways forces
# write them (glued, clipped, ranges run together), each combination once
SEXES = [('female', 'female'), ('male', 'male'), ('FEMALE', 'female')]
VAGES = [('under 13', '[0,13)'), ('U13', '[0,13)'), ('u13', '[0,13)'), ('<13', '[0,13)'),
         ('12 and under', '[0,13)'), ('13 15yrs', '[13,16)'), ('1315yrs', '[13,16)'),
         ('13  15yrs', '[13,16)'), ('13-15', '[13,16)'), ('13 to 15', '[13,16)'),
         ('16', '[16,)'), ('16+', '[16,)'), ('16 and over', '[16,)'), ('16plus', '[16,)'),
         ('under 16', '[0,16)'), ('U16', '[0,16)'), ('13 17yrs', '[13,18)'),
         ('1317yrs', '[13,18)'), ('13+', '[13,)'), ('13 and over', '[13,)'),
         ('aged 13 - 17', '[13,18)'), ('under16yrs', '[0,16)')]
OAGES = [('', ''), ('Off 18', '[18,)'), ('Offender 18', '[18,)'), ('Off18', '[18,)'),
         ('Off under 18', '[0,18)'), ('Offunder18', '[0,18)'), ('Off U18', '[0,18)'),
         ('OffU18', '[0,18)'), ('O U18', '[0,18)'), ('OU18', '[0,18)'), ('O 18+', '[18,)'),
         ('offender aged 18 or over', '[18,)'), ('- Off 18', '[18,)'),
         ('offender under 18', '[0,18)'), ('Off 18 plus', '[18,)')]
STEMS = ['Sexual activity with', 'Sexual assault on', 'Rape of', 'Causing or inciting']


def facts_grid():
    cases = []
    for st in STEMS:
        for sw, sv in SEXES:
            for aw, av in VAGES:
                for ow, ov in OAGES:
                    for glue in ('', ' '):
                        if glue == '' and not aw[0].isdigit() and aw[0] not in 'Uu<':
                            continue
                        t = ('%s %s%s%s %s' % (st, sw, glue, aw, ow)).strip()
                        cases.append((t, sv, av, ov))
    return cases


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('-')]
    per = int(args[0]) if args else 6
    rnd = random.Random(15)
    ref = psql("COPY (SELECT DISTINCT ho_code, title FROM foistats.ho_offence "
               "WHERE family <> 'non_sexual' AND current ORDER BY 1, 2) TO STDOUT (FORMAT csv);")
    classes = {}
    for code, cls in psql("COPY (SELECT DISTINCT ho_code, ho_class FROM foistats.ho_offence "
                          "WHERE ho_class <> '') TO STDOUT (FORMAT csv);"):
        classes.setdefault(code, set()).add(cls)
    cases = []
    for code, title in ref:
        seen = set()
        for _ in range(per):
            v = variant(rnd, title)
            if v not in seen:
                seen.add(v)
                cases.append((code, v))
    got = classify_all([v for _, v in cases], ['ho_code', 'ho_class', 'reason'])
    n = {'code': 0, 'class': 0, 'no class': 0, 'wrong': 0}
    for (code, v), (gcode, gcls, reason) in zip(cases, got):
        if gcode == code:
            n['code'] += 1
        elif gcode or (gcls and gcls not in classes.get(code, ())):
            n['wrong'] += 1
            print('WRONG  %s -> %s %s  %s' % (code, gcode or '-', gcls or '-', v))
        elif gcls:
            n['class'] += 1
            if '-v' in sys.argv:
                print('class  %s  %s  (%s)' % (code, v, reason))
        else:
            n['no class'] += 1
            if '-v' in sys.argv:
                print('none   %s  %s  (%s)' % (code, v, reason))
    print('%d variants of %d Home Office sexual-offence titles: code %d, class only %d, '
          'no class %d, wrong %d' % (len(cases), len(ref), n['code'], n['class'],
                                     n['no class'], n['wrong']))
    grid = facts_grid()
    got = classify_all([c[0] for c in grid], ['victim_sex', 'victim_age::text', 'offender_age::text'])
    fw = fm = 0
    for (t, sv, av, ov), (gs, ga, go) in zip(grid, got):
        pairs = ((sv, gs), (av, ga), (ov, go))
        if any(g and g != want for want, g in pairs):
            fw += 1
            print('WRONG facts  %s  -> %s %s %s' % (t, gs or '-', ga or '-', go or '-'))
        elif any(want and not g for want, g in pairs):
            fm += 1
            if '-v' in sys.argv:
                print('unread       %s  -> %s %s %s' % (t, gs or '-', ga or '-', go or '-'))
    print('%d titles of the facts grid (victim sex, victim age, offender age as forces '
          'write them): all read %d, some unread %d, wrong %d' %
          (len(grid), len(grid) - fw - fm, fm, fw))
    # every current Home Office title with its own statute suffix, as the list's rows
    # print it ('Theft from a motor vehicle - Theft Act 1968 Sec 1'): the form many force
    # exports copy
    rows = psql("COPY (SELECT ho_code, string_agg(DISTINCT ho_class, ','), title, "
                "min(act), min(section) FROM foistats.ho_offence WHERE current AND "
                "ho_class <> '' AND act IS NOT NULL GROUP BY ho_code, title ORDER BY 1, 3) "
                "TO STDOUT (FORMAT csv);")
    st = [(code, set(cls.split(',')), '%s - %s%s' % (title, act, ' ' + sec if sec else ''))
          for code, cls, title, act, sec in rows]
    got = classify_all([c[2] for c in st], ['ho_code', 'ho_class'])
    sn = {'code': 0, 'class': 0, 'no class': 0, 'wrong': 0}
    for (code, cls, t), (gcode, gcls) in zip(st, got):
        if gcode == code:
            sn['code'] += 1
        elif gcode or (gcls and gcls not in cls):
            sn['wrong'] += 1
            print('WRONG statute  %s -> %s %s  %s' % (code, gcode or '-', gcls or '-', t))
        elif gcls:
            sn['class'] += 1
        else:
            sn['no class'] += 1
    print('%d Home Office titles with their statute suffix: code %d, class only %d, '
          'no class %d, wrong %d (not counted in the exit status: the list gives some '
          'titles two codes)' % (len(st), sn['code'], sn['class'], sn['no class'],
                                 sn['wrong']))
    # every current Home Office title after its class title ('Violent Disorder - Riot'),
    # with '(Indictable)' after it, and in capitals: the forms of the forces' category
    # exports
    rows = psql("COPY (SELECT ho_code, string_agg(DISTINCT ho_class, ','), title, "
                "min(class_title) FROM foistats.ho_offence WHERE current AND ho_class <> '' "
                "GROUP BY ho_code, title ORDER BY 1, 3) TO STDOUT (FORMAT csv);")
    forms = []
    for code, cls, title, ct in rows:
        for kind, t in (('class title -', '%s - %s' % (ct, title)),
                        ('(Indictable)', '%s (Indictable)' % title),
                        ('capitals', title.upper())):
            forms.append((code, set(cls.split(',')), kind, t))
    got = classify_all([c[3] for c in forms], ['ho_code', 'ho_class'])
    fn = {}
    for (code, cls, kind, t), (gcode, gcls) in zip(forms, got):
        k = fn.setdefault(kind, {'code': 0, 'class': 0, 'no class': 0, 'wrong': 0})
        if gcode == code:
            k['code'] += 1
        elif gcode or (gcls and gcls not in cls):
            k['wrong'] += 1
            print('WRONG %-13s %s -> %s %s  %s' % (kind, code, gcode or '-', gcls or '-', t))
        elif gcls:
            k['class'] += 1
        else:
            k['no class'] += 1
    for kind in ('class title -', '(Indictable)', 'capitals'):
        k = fn[kind]
        print('%d Home Office titles, %s: code %d, class only %d, no class %d, wrong %d '
              '(not in the exit status)' % (sum(k.values()), kind, k['code'], k['class'],
                                             k['no class'], k['wrong']))
    sys.exit(1 if n['wrong'] or fw else 0)


if __name__ == '__main__':
    main()
