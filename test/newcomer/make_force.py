#!/usr/bin/env python3
"""A synthetic force export (Wessex Constabulary, invented), deterministic: seed 20261203.
Writes CSV on stdout for COPY force.crime_export FROM STDIN (FORMAT csv, HEADER)."""
import csv, random, sys, datetime as dt
R = random.Random(20261203)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
# (HO code spellings the force uses, force wording, weight)
OFF = [
 (['008/06', '8/06', '08/06', '8/6'], 'ASSAULT OCCASIONING ABH - S47 OAPA 1861', 14),
 (['008/01', '8/01'], 'WOUNDING / INFLICT GBH WITHOUT INTENT - S20', 4),
 (['005/01', '5/01', '5/1'], 'WOUNDING/GBH WITH INTENT - S18', 2),
 (['008/77'], 'NON-FATAL STRANGULATION/SUFFOCATION', 2),
 (['008/60'], 'RACIALLY/RELIGIOUSLY AGG ABH', 1),
 (['105/01', '105/1'], 'COMMON ASSAULT & BATTERY', 12),
 (['008/65', '8/65'], 'STALKING - FEAR OF VIOLENCE/SERIOUS ALARM - S4A PHA 1997', 1),
 (['195/12'], 'STALKING - S2A PHA 1997', 2),
 (['195/94', '195/94'], 'HARASSMENT - S2 PHA 1997', 5),
 (['008/30', '8/30'], 'HARASSMENT - PUT PEOPLE IN FEAR OF VIOLENCE S4 PHA', 2),
 (['008/72'], 'MALICIOUS COMMUNICATIONS ACT 1988 S1', 5),
 (['008/67'], 'CONTROLLING/COERCIVE BEHAVIOUR IN INTIMATE/FAMILY RELATIONSHIP', 2),
 (['008/31'], 'BREACH OF RESTRAINING ORDER', 1),
 (['049/04', '49/4'], 'THEFT FROM SHOP/STALL', 10),
 (['058/01'], 'CRIMINAL DAMAGE TO DWELLING - UNDER 5000', 6),
 (['028/01'], 'BURGLARY - RESIDENTIAL - HOME', 4),
 (['034/01'], 'ROBBERY OF PERSONAL PROPERTY', 1),
 ([None], 'PUBLIC ORDER S4A - INTENTIONAL HARASSMENT ALARM DISTRESS', 3),
 ([None], 'ASSAULT WITH INJURY', 2),
]
W = [o[2] for o in OFF]
OUT = ['1', '1A', '2', '3', '8', '9', '10', '12', '14', '15', '16', '18', '20', '21', '22']
OW = [10, 1, 1, 3, 6, 1, 1, 1, 8, 12, 25, 6, 2, 3, 1]
LOC = ['DWELLING', 'STREET/ROAD', 'SCHOOL/COLLEGE', 'LICENSED PREMISES', 'SHOP/RETAIL', 'ONLINE/CYBER', 'PARK/OPEN SPACE', None]
LW = [30, 20, 6, 6, 10, 8, 5, 2]
WEAP = ['struck with a glass bottle', 'used a kitchen knife', 'hit with a baseball bat', 'kicked and punched',
        'threw a brick', 'used a blade', 'bit the IP', 'head-butted the IP', 'pushed IP to the floor']
PLAT = ['messages on Snapchat', 'abusive posts on FB', 'texts and WhatsApp voice notes', 'DMs on insta',
        'repeated calls and texts', 'followed IP home from work', 'turned up at IP address', 'TikTok comments']
start = dt.datetime(2019, 4, 1, tzinfo=dt.timezone.utc)
span = (dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc) - start).total_seconds()
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['crime_no', 'ho_code_text', 'offence_desc', 'reported_at', 'committed_from', 'victim_dob',
            'victim_gender', 'suspect_age', 'outcome_code', 'outcome_date', 'mo_text', 'location_type',
            'crime_status', 'flags', 'division'])
for i in range(N):
    codes, desc, _ = R.choices(OFF, weights=W)[0]
    code = R.choice(codes)
    rep = start + dt.timedelta(seconds=R.random() * span)
    if i % 97 == 0:   # reports in the last hour of a day (UTC), a boundary for Europe/London
        rep = rep.replace(hour=23, minute=R.randint(0, 59))
    comm = (rep - dt.timedelta(days=R.choice([0, 0, 0, 1, 2, 7, 30, 200]))).date()
    u = R.random()
    if u < 0.25:
        age = R.randint(2, 17)
    elif u < 0.9:
        age = R.randint(18, 80)
    else:
        age = None
    dob = None
    if age is not None:
        dob = comm - dt.timedelta(days=int(age * 365.25) + R.randint(0, 364))
    gender = R.choices(['Female', 'Male', 'Unknown', None, 'F', 'M'], weights=[45, 40, 3, 2, 5, 5])[0]
    sus = R.choice([None, None] + list(range(12, 70)))
    days_open = (dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc) - rep).days
    if R.random() < min(0.95, days_open / 200):
        oc = R.choices(OUT, weights=OW)[0]
        od = (rep + dt.timedelta(days=R.randint(1, max(1, days_open)))).date()
    else:
        oc, od = None, None
    st = R.choices(['CONFIRMED', 'CANCELLED', 'TRANSFERRED', 'N100 - NOT CONFIRMED'], weights=[94, 3, 1, 2])[0]
    loc = R.choices(LOC, weights=LW)[0]
    if 'STALK' in desc or 'HARASS' in desc or 'MALICIOUS' in desc or 'COERCIVE' in desc:
        mo = 'Suspect (ex-partner) ' + R.choice(PLAT) + ('; also ' + R.choice(PLAT) if R.random() < 0.3 else '')
    elif 'ASSAULT' in desc or 'GBH' in desc or 'WOUND' in desc or 'ABH' in desc or 'STRANG' in desc:
        mo = 'Offender ' + R.choice(WEAP) + (' and ' + R.choice(WEAP) if R.random() < 0.25 else '') + ' causing injury'
    else:
        mo = R.choice(['Unknown offender', 'Entry via rear door', 'Concealed items and left without paying', 'Damage to window'])
    fl = ';'.join(f for f, p in [('DA', 0.2), ('HATE', 0.03), ('ONLINE', 0.1), ('ASB', 0.05)] if R.random() < p)
    w.writerow([f'WX/{i + 10000:06d}/{rep.year % 100:02d}', code or '', desc, rep.isoformat(), comm.isoformat(),
                dob.isoformat() if dob else '', gender or '', '' if sus is None else sus, oc or '',
                od.isoformat() if od else '', mo, loc or '', st, fl, R.choice(['NORTH', 'SOUTH', 'EAST', 'WEST'])])
