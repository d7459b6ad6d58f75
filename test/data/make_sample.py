#!/usr/bin/env python3
"""Generate the foistats_sample extension script from the seed fixture.

    python3 test/data/make_sample.py [OUTPUT]      (default sample/foistats_sample--0.1.0.sql)

Reads ONLY test/fixtures/seed_cells.tsv (the published figures) and writes,
deterministically (fixed seed, Python's random module), the script of the
separate extension foistats_sample: table foistats_sample.crimes in the shape
of the foistats record interface, filled with synthetic crime records whose
counts reproduce every published cell of questions 1, 1b, 1c, 1d and 3, plus
decoy records that every request view must exclude.  Nothing here is real:
offences, dates, ages and MO texts are invented; MO texts name roles, never
people.

Before writing, the generator recounts everything from the records it made
(with the same rules the regression test sql/sample.sql uses) and stops with
an error if any published cell is not reproduced exactly.
"""
import datetime as dt
import os
import random
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FIXTURE = os.path.join(ROOT, "test", "fixtures", "seed_cells.tsv")
OUTPUT = os.path.join(ROOT, "sample", "foistats_sample--0.1.0.sql")

SEED = 20140531
# The request period.  The seed's response date is not printed; 2014 is "so far
# this year", and we ASSUME the records were extracted on 31 May 2014.
PERIOD_START = dt.date(2010, 1, 1)
PERIOD_END = dt.date(2014, 5, 31)
YEARS = [2010, 2011, 2012, 2013, 2014]
GT = "Grand Total"
INTERNET = "INTERNET INVOLVED"
OTHER_MARKERS = ["DOMESTIC", "ALCOHOL", "DRUGS", "HATE CRIME", "MENTAL HEALTH",
                 "CHILD SEXUAL EXPLOITATION", "MISSING PERSON", "REPEAT VICTIM"]

# Word-level rules, the same as sql/sample.sql (PostgreSQL \m...\M = \b...\b here).
PLATFORM_RE = {
    "FACEBOOK": re.compile(r"\b(face ?book|fb)\b", re.I),
    "TWITTER": re.compile(r"\btwitter\b", re.I),
    "WHATSAPP": re.compile(r"\bwhats ?app\b", re.I),
    "SNAPCHAT": re.compile(r"\bsnap ?chat\b", re.I),
    "INSTAGRAM": re.compile(r"\binsta(gram)?\b", re.I),
    "TUMBLR": re.compile(r"\btumblr\b", re.I),
}
GROOM_RE = re.compile(r"\bgroom", re.I)

SPELLINGS = {
    "FACEBOOK": ["Facebook", "Facebook", "Facebook", "facebook", "FACEBOOK", "face book",
                 "FB", "Facebook's"],
    "TWITTER": ["Twitter"],
    "WHATSAPP": ["WhatsApp", "whats app", "Whatsapp"],
    "SNAPCHAT": ["Snapchat", "snap chat"],
    "INSTAGRAM": ["Instagram", "insta"],
}

# Home Office codes for a few titles (most records leave ho_code NULL).
HO_CODES = {
    "RAPE OF FEMALE 16 OR OVER": "019/08",
    "ATTEMPT RAPE OF FEMALE 16 OR OVER": "019/12",
    "RAPE OF FEMALE CHILD AGED 13-15": "019/07",
    "RAPE OF MALE CHILD AGED 13-15": "019/09",
    "RAPE OF MALE 16 OR OVER": "019/10",
    "RAPE OF FEMALE CHILD UNDER 13 BY A MALE": "019/16",
    "RAPE OF MALE CHILD UNDER 13 BY A MALE": "019/17",
    "ATTEMPT RAPE OF FEMALE CHILD UNDER 13 BY A MALE": "019/18",
    "ATTEMPT RAPE OF MALE CHILD UNDER 13 BY A MALE": "019/19",
    "ASSAULT ON FEMALE CHILD UNDER 13 BY PENETRATION": "020/04",
    "SEXUAL ASSAULT ON FEMALE CHILD UNDER 13": "020/06",
    "ASSAULT ON A FEMALE 13+ BY PENETRATION": "020/03",
    "SEXUAL ASSAULT ON A FEMALE 13 OR OVER": "020/05",
    "ASSAULT ON A MALE CHILD U13 BY PENETRATION": "017/14",
    "SEXUAL ASSAULT ON A MALE CHILD U13": "017/16",
    "EXPOSURE": "088/09",
    "VOYEURISM": "088/10",
    "MEETING A FEMALE U16 FOLLOWING SEXUAL GROOMING, OFFENDER 18+": "088/01",
    "MEETING A MALE U16 FOLLOWING SEXUAL GROOMING, OFFENDER 18+": "088/02",
    "THEFT FROM THE PERSON": "039/00",
    "COMMON ASSAULT": "105/01",
    "HARASSMENT": "195/94",
    "MALICIOUS COMMUNICATIONS": "008/72",
    "FRAUD BY FALSE REPRESENTATION": "053/40",
}

NON_SEXUAL_CHILD = ["THEFT FROM THE PERSON", "COMMON ASSAULT", "HARASSMENT",
                    "MALICIOUS COMMUNICATIONS", "ROBBERY OF PERSONAL PROPERTY",
                    "ASSAULT OCCASIONING ACTUAL BODILY HARM", "CRUELTY TO AND NEGLECT OF CHILDREN",
                    "THREATS TO KILL"]
NON_SEXUAL_ADULT = ["HARASSMENT", "MALICIOUS COMMUNICATIONS", "FRAUD BY FALSE REPRESENTATION",
                    "THEFT FROM THE PERSON", "COMMON ASSAULT", "BLACKMAIL",
                    "CRIMINAL DAMAGE TO A DWELLING", "ASSAULT OCCASIONING ACTUAL BODILY HARM",
                    "BURGLARY IN A DWELLING", "THREATS TO KILL"]
ADULT_SEXUAL = ["RAPE OF FEMALE 16 OR OVER", "SEXUAL ASSAULT ON A FEMALE 13 OR OVER",
                "ASSAULT ON A FEMALE 13+ BY PENETRATION", "SEXUAL ASSAULT ON A MALE 13+",
                "EXPOSURE", "VOYEURISM", "RAPE OF MALE 16 OR OVER",
                "ATTEMPT RAPE OF FEMALE 16 OR OVER", "ADMINISTERING A SUBSTANCE WITH INTENT",
                "CAUSE FEMALE 16+ TO ENGAGE IN SEXUAL ACTIVITY W/O CONSENT",
                "CONTROLLING PROSTITUTION FOR GAIN",
                "TRAFFICKING WITHIN UK FOR SEXUAL EXPLOITATION"]


# ---------------------------------------------------------------- fixture
def load_fixture(path):
    cells = defaultdict(dict)
    order = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != ["question", "row_label", "col_label", "value"]:
            sys.exit("make_sample: %s: unexpected header %r" % (path, header))
        for n, line in enumerate(f, 2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or not parts[3].isdigit():
                sys.exit("make_sample: %s:%d: malformed line" % (path, n))
            q, r, c, v = parts
            cells[q][(r, c)] = int(v)
            if r not in order[q]:
                order[q].append(r)
    return cells, order


# ---------------------------------------------------------------- ages
AGE_RULES = [  # (regex on the title, victim age range it states)
    (re.compile(r"\b(U|UNDER )13\b"), (0, 12)),
    (re.compile(r"\b13-15\b"), (13, 15)),
    (re.compile(r"\b(U|UNDER )16\b"), (0, 15)),
    (re.compile(r"\b13-17\b"), (13, 17)),
    (re.compile(r"\b16( OR OVER|\+)"), (16, 17)),
    (re.compile(r"\b13( OR OVER|\+)"), (13, 17)),
]


def stated_range(title):
    hits = [rng_ for rx, rng_ in AGE_RULES if rx.search(title)]
    if len(hits) > 1:
        sys.exit("make_sample: title %r states two victim ages" % title)
    return hits[0] if hits else None


def child_age(rng, title):
    lo, hi = stated_range(title) or (8, 17)
    lo = max(lo, 5)             # no infants in the sample
    if hi - lo > 6 and rng.random() < 0.7:
        lo = hi - 4             # most victims of the wider bands are teenagers
    return rng.randint(lo, hi)


def adult_offender_age(rng):
    band = rng.random()
    if band < 0.08:
        return 18
    if band < 0.40:
        return rng.randint(19, 25)
    if band < 0.75:
        return rng.randint(26, 45)
    return rng.randint(46, 70)


def gender_of(rng, title):
    if "FEMALE" in title:
        return "F"
    if re.search(r"\bMALE\b", title):
        return "M"
    return "F" if rng.random() < 0.7 else "M"


# ---------------------------------------------------------------- dates
def random_date(rng, year, lo=None, hi=None):
    lo = lo or dt.date(year, 1, 1)
    hi = hi or (PERIOD_END if year == 2014 else dt.date(year, 12, 31))
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


# ---------------------------------------------------------------- MO text
PLACES = [
    "at the home address", "at the victim's home address", "at the suspect's flat in Dudley",
    "in a park in Handsworth", "at a house party in Erdington", "in the stairwell of a block of flats in Walsall",
    "at a bus stop on the Hagley Road", "in a car parked near Wolverhampton train station",
    "at an address in Coventry", "in a hotel room in Birmingham city centre",
    "in an alleyway off the High Street, West Bromwich", "at a takeaway in Sutton Coldfield",
    "in woodland near Sandwell Valley", "at a relative's address in Solihull",
    "in the changing rooms of a leisure centre in Smethwick", "at a caravan in Tipton",
    "outside a corner shop in Aston", "on a canal towpath in Oldbury", "at a flat in Bloxwich",
    "in a bedsit in Bilston", "on a number 50 bus in Kings Heath", "at a fast food restaurant in Halesowen",
]
TIMES = [
    "Between 2100 and 2330 hrs", "At approx 1530 hrs", "Over a period of several months",
    "On an unknown date", "During the evening", "Sometime over the weekend",
    "In the early hours", "At about 1900hrs", "Between 1600 and 1700 hours",
    "Shortly after midnight", "Over the Christmas period",
]
ROLES = [
    "the suspect", "a family friend", "the victim's stepfather", "a neighbour", "the victim's uncle",
    "an unknown male", "a man known to the victim", "the victim's mother's partner",
    "a taxi driver", "a lodger at the address", "a sports coach", "an older male",
    "a friend of the victim's brother", "a male in his twenties", "the victim's cousin",
]
AFTER = [
    "Suspect made off on foot.", "Suspect arrested at scene.",
    "No further details at this time.", "Suspect later identified by the victim.",
    "Victim reluctant to support a prosecution.", "Suspect interviewed and denies the offence.",
    "CCTV enquiries ongoing.", "Reported some weeks after the event.",
    "Victim later told a friend who informed police.",
]
CHILD_AFTER = [
    "Victim disclosed to a teacher the next day.", "Reported by the victim's mother.",
    "Matter came to light when the school raised concerns.", "Social services informed.",
    "ABE interview to be arranged.", "Strategy meeting held with children's services.",
]
SEXUAL_AFTER = ["Victim attended the SARC.", "Forensic medical examination arranged."]
CHILD_TIMES = ["After school", "On several occasions over the summer holidays"]
# offences whose action says where it happened, or that happen at a distance
NO_PLACE = {"CRIMINAL DAMAGE TO A DWELLING", "BURGLARY IN A DWELLING", "HARASSMENT",
            "MALICIOUS COMMUNICATIONS", "FRAUD BY FALSE REPRESENTATION", "BLACKMAIL",
            "CRUELTY TO AND NEGLECT OF CHILDREN", "THREATS TO KILL"}
DECOY_PHRASES = [  # words that must NOT count as platforms (or as anything else)
    "Suspect claimed to work for the FBI.", "Suspect was wearing an FBI t-shirt.",
    "In the first instance the victim did not report it.", "On one instance the suspect returned.",
    "Victim instantly recognised the suspect.", "Witness heard a snap and turned round.",
    "Suspect made a snap decision to leave.", "Suspect began to chat with the victim at the bus stop.",
    "The two had a brief chat outside the shop.", "Victim was punched in the face.",
    "Suspect covered his face with a scarf.", "Suspect offered to lend the victim a book.",
    "Victim was reading a book when approached.", "Victim was struck to the face. Book bag taken.",
]
INTERNET_PHRASES = [
    "Contact was made online.", "The suspect sent the victim messages on {pos} mobile phone.",
    "Indecent images were exchanged by phone.", "suspect contacted the victim through an online gaming site.",
    "Messages were exchanged via a website for teenagers.", "Images were sent to the suspect from the victim's phone.",
    "The suspect befriended the victim in a chat room.", "Conversation took place by text and online.",
]
GROOM_PHRASES = [  # {obj}: her/him; {plat}: a platform spelling, when the record has one
    "The suspect had been grooming {obj} online for several months.",
    "Victim was groomed over a period of weeks.", "GROOMING BY THE SUSPECT SUSPECTED.",
    "Suspect groomed {obj} via text messages.", "Evidence of grooming found on the victim's phone.",
    "Concerns of grooming raised by the school.", "suspect had been grooming the victim with gifts and money.",
    "It is believed the victim was groomed by a group of older males.",
]
GROOM_PLATFORM_PHRASES = [
    "Suspect groomed {obj} via {plat}.", "The suspect had been grooming {obj} on {plat} for some weeks.",
    "Victim was groomed through {plat} before the meeting.",
]
PLATFORM_PHRASES = [
    "The two had been in contact on {plat} for some weeks.", "Suspect first contacted the victim through {plat}.",
    "Messages were later found on the victim's {plat} account.", "The victim's sister saw the messages on {plat}.",
    "Photos were then shared on {plat}.", "Suspect added the victim as a friend on {plat}.",
    "victim blocked the suspect on {plat} but he set up another account.",
    "Screenshots from {plat} provided by the victim's mother.",
]
POSSESSIVE_PHRASES = [
    "Suspect used {plat} chat function to contact the victim.",
    "The profile has been reported to {plat} safety team.",
    "Suspect's images were removed under {plat} reporting process.",
]
PLATFORM2_PHRASES = [
    "Contact started on {plat} and moved to {plat2}.",
    "Suspect posted comments about the victim on {plat} and {plat2}.",
]

SEXUAL_ACTIONS = [  # (regex on the title, actions); {obj} her/him, {pos} her/his
    (r"ATTEMPT RAPE", ["has attempted to rape the victim", "has tried to force the victim to have sex"]),
    (r"RAPE", ["has raped the victim", "has had sex with the victim without consent",
               "has forced the victim to have sexual intercourse"]),
    (r"BY PENETRATION", ["has sexually assaulted the victim by penetration",
                         "has digitally penetrated the victim"]),
    (r"SEXUAL ASSAULT", ["has touched the victim sexually over {pos} clothing",
                         "has touched the victim inappropriately", "has groped the victim",
                         "has kissed and touched the victim against {pos} will"]),
    (r"EXPOSURE", ["has exposed himself to the victim", "has exposed his genitals to the victim"]),
    (r"VOYEURISM", ["has filmed the victim getting changed without consent",
                    "has watched the victim through a gap in the bathroom door"]),
    (r"WATCH", ["has made the victim watch a sexual act", "has shown the victim indecent images"]),
    (r"PRESENCE OF", ["has engaged in sexual activity in the presence of the victim",
                      "has performed a sexual act in front of the victim"]),
    (r"MEETING", ["has arranged to meet the victim after weeks of messages and travelled to meet {obj}",
                  "has met the victim intending to commit a sexual offence"]),
    (r"PROSTITUT|PORNOGRAPH|TRAFFICKING|CONTROL|SOLICIT",
     ["has arranged for the victim to meet men for sex in exchange for money",
      "has taken indecent photographs of the victim and offered them for sale",
      "has moved the victim between addresses for the purpose of sexual exploitation",
      "has approached women in the street offering money for sex"]),
    (r"ARRANG", ["has arranged for another male to meet the victim for sexual activity"]),
    (r"ADMINISTERING", ["has given the victim a drink laced with an unknown substance intending to assault {obj}"]),
    (r"CAUSE|INCITE", ["has incited the victim to engage in sexual activity",
                       "has asked the victim to send indecent images of {obj}self",
                       "has caused the victim to perform a sexual act"]),
    (r"SEXUAL ACTIVITY", ["has engaged in sexual activity with the victim",
                          "has had sexual contact with the victim", "has had sex with the victim"]),
]
OTHER_ACTIONS = {
    "THEFT FROM THE PERSON": ["has snatched the victim's mobile phone from {pos} hand",
                              "has taken the victim's purse from {pos} bag"],
    "COMMON ASSAULT": ["has pushed the victim to the floor", "has slapped the victim"],
    "HARASSMENT": ["has repeatedly sent the victim unwanted messages",
                   "has followed the victim home on several occasions",
                   "has posted abusive comments about the victim"],
    "MALICIOUS COMMUNICATIONS": ["has sent the victim threatening messages",
                                 "has posted offensive comments about the victim"],
    "ROBBERY OF PERSONAL PROPERTY": ["has threatened the victim and taken {pos} phone"],
    "ASSAULT OCCASIONING ACTUAL BODILY HARM": ["has punched the victim causing a cut lip",
                                              "has kicked the victim causing bruising"],
    "CRUELTY TO AND NEGLECT OF CHILDREN": ["has left the victim alone at the address for two days"],
    "THREATS TO KILL": ["has threatened to kill the victim"],
    "FRAUD BY FALSE REPRESENTATION": ["has sold the victim a phone that never arrived",
                                      "has taken payment for concert tickets that did not exist"],
    "BLACKMAIL": ["has demanded money from the victim, threatening to share private images"],
    "CRIMINAL DAMAGE TO A DWELLING": ["has smashed the front window of the victim's house"],
    "BURGLARY IN A DWELLING": ["has entered the victim's house and stolen a laptop"],
}
NON_CRIME_NOTES = [
    "Crime cancelled: additional verifiable information shows no offence took place.",
    "NO CRIME - victim has confirmed the report was made up following an argument.",
    "Incident only: no notifiable offence disclosed on enquiry.",
    "Transferred to another force, no crime recorded here.",
]


def sexual_action(rng, title):
    for rx, acts in SEXUAL_ACTIONS:
        if re.search(rx, title):
            return rng.choice(acts)
    sys.exit("make_sample: no MO action for title %r" % title)


def make_mo(rng, rec):
    """Build an MO text for a record, from its offence, its flags and luck."""
    obj, pos = ("her", "her") if rec["gender"] == "F" else ("him", "his")
    title = rec["offence"]
    if title in OTHER_ACTIONS:
        action = rng.choice(OTHER_ACTIONS[title])
    else:
        action = sexual_action(rng, title)
    action = action.format(obj=obj, pos=pos)
    child = rec["victim_age"] is not None and rec["victim_age"] < 18
    role = rng.choice(ROLES)
    place = "" if title in NO_PLACE else " " + rng.choice(PLACES)
    when = rng.choice(TIMES + (CHILD_TIMES if child else []))
    style = rng.randrange(5)
    if style == 0:
        main = "%s%s %s %s." % (when, place, role, action)
    elif style == 1:
        main = "%s %s%s, %s." % (role[0].upper() + role[1:], action, place, when[0].lower() + when[1:])
    elif style == 2:
        main = "Victim states that %s %s%s." % (role, action, place)
    elif style == 3:
        main = "%s,%s, %s %s." % (when, place, role, action) if place else "%s, %s %s." % (when, role, action)
    else:
        main = "Offender (%s) %s%s." % (role, action, place)
    parts = [main]
    extras = []
    plats = rec["platforms"]
    spelled = [rng.choice(SPELLINGS[p]) for p in plats]
    if rec["groom"]:
        if plats and rng.random() < 0.6:
            extras.append(rng.choice(GROOM_PLATFORM_PHRASES).format(obj=obj, plat=spelled[0]))
            spelled = spelled[1:]
        else:
            extras.append(rng.choice(GROOM_PHRASES).format(obj=obj))
    if len(spelled) >= 2:
        extras.append(rng.choice(PLATFORM2_PHRASES).format(plat=spelled[0], plat2=spelled[1]))
        spelled = spelled[2:]
    for s in spelled:
        if s.endswith("'s"):
            extras.append(rng.choice(POSSESSIVE_PHRASES).format(plat=s))
        else:
            extras.append(rng.choice(PLATFORM_PHRASES).format(plat=s))
    if plats and "FACEBOOK" in plats and rng.random() < 0.2:
        # a second mention of the same platform: still one crime for that platform
        extras.append("Suspect's FB profile has since been deleted.")
    if rec["internet"] and not plats and rng.random() < 0.8:
        extras.append(rng.choice(INTERNET_PHRASES).format(pos=pos))
    if rng.random() < 0.15:
        extras.append(rng.choice(DECOY_PHRASES))
    rng.shuffle(extras)
    parts.extend(extras)
    if not rec["is_crime"] and rec["convicted"]:
        parts.append("Duplicate of a crime recorded under another reference: no-crimed.")
    elif not rec["is_crime"]:
        parts.append(rng.choice(NON_CRIME_NOTES))
    else:
        parts.append(rng.choice(AFTER + (CHILD_AFTER if child else [])
                                + (SEXUAL_AFTER if title not in OTHER_ACTIONS else [])))
    text = " ".join(parts)
    case = rng.random()
    if case < 0.18:
        text = text.upper()
    elif case < 0.24:
        text = text.lower()
    return text


# ---------------------------------------------------------------- records
class Builder:
    def __init__(self, rng, cells, order):
        self.rng = rng
        self.cells = cells
        self.order = order
        self.records = []
        self.titles = [t for t in order["1"] if t != GT]

    def add(self, **kw):
        rec = dict(offence=None, ho_code=None, victim_age=None, offender_age=None,
                   markers=[], internet=False, groom=False, platforms=[], outcome=None,
                   convicted=None, is_crime=True, kind=None, recorded_on=None, gender=None)
        rec.update(kw)
        if rec["gender"] is None:
            rec["gender"] = gender_of(self.rng, rec["offence"])
        self.records.append(rec)
        return rec

    # ---- question 1 population
    def q1(self):
        rng, cells = self.rng, self.cells
        for title in self.titles:
            for year in YEARS:
                n = cells["1"].get((title, str(year)), 0)
                if n == 0:
                    continue
                recs = [self.add(kind="q1", offence=title, recorded_on=random_date(rng, year),
                                 victim_age=child_age(rng, title), offender_age=adult_offender_age(rng))
                        for _ in range(n)]
                nb = cells["1b"].get((title, str(year)), 0)
                nc = cells["1c"].get((title, str(year)), 0)
                for r in rng.sample(recs, nb):
                    r["internet"] = True
                for r in rng.sample(recs, nc):
                    r["groom"] = True
        q1 = [r for r in self.records if r["kind"] == "q1"]
        # boundary dates inside the period
        # boundary dates inside the period, on plain, internet-marked and
        # groomed records, so that an off-by-one date filter changes 1, 1b, 1c
        first = [r for r in q1 if r["recorded_on"].year == 2010]
        first_groomed = [r for r in first if r["groom"]][0]
        for r in (first[0], first_groomed):
            r["recorded_on"] = PERIOD_START
        last = [r for r in q1 if r["recorded_on"].year == 2014]
        for r in (last[0], [r for r in last if r["internet"]][0], [r for r in last if r["groom"]][0]):
            r["recorded_on"] = PERIOD_END
        # deliberate scope conflicts: victim age contradicts the age in the title
        conflicts = [("SEXUAL ASSAULT ON FEMALE CHILD UNDER 13", 15),
                     ("RAPE OF FEMALE CHILD AGED 13-15", 16),
                     ("RAPE OF FEMALE 16 OR OVER", 15),
                     ("SEXUAL ACTIVITY WITH FEMALE U16 - OFFENDER 18+ PENETRATION", 17),
                     ("SEXUAL ASSAULT ON A MALE CHILD U13", 14)]
        for title, age in conflicts:
            cands = [r for r in q1 if r["offence"] == title]
            rng.choice(cands)["victim_age"] = age
        # 1d: six of the grooming crimes resulted in a conviction
        # (one of them on the first day of the period, one with an offender of
        # exactly 18, so that off-by-one filters change 1d too)
        groomed = [r for r in q1 if r["groom"]]
        rest = [r for r in groomed if r is not first_groomed]
        convicted = [first_groomed] + rng.sample(rest, cells["1d"][("Convictions", GT)] - 1)
        convicted[1]["offender_age"] = 18
        for r in groomed:
            r["convicted"] = False if rng.random() < 0.6 else None
        for r in convicted:
            r["convicted"] = True

    # ---- decoys: each fails exactly one filter of question 1
    def decoy(self, kind, n, make):
        rng = self.rng
        out = []
        for i in range(n):
            kw = dict(kind=kind, is_crime=True)
            kw.update(make(i))
            if "recorded_on" not in kw:
                kw["recorded_on"] = random_date(rng, rng.choice(YEARS))
            if "offence" not in kw:
                kw["offence"] = rng.choice(self.titles)
            if "victim_age" not in kw:
                kw["victim_age"] = child_age(rng, kw["offence"])
            if "offender_age" not in kw:
                kw["offender_age"] = adult_offender_age(rng)
            out.append(self.add(**kw))
        # the internet marker, grooming words and convictions on decoys too,
        # dated 2012-2014 where the marker is concerned (1b's published years)
        for i, r in enumerate(out):
            if i % 5 == 0:
                r["internet"] = True
                if PERIOD_START <= r["recorded_on"] <= PERIOD_END and r["recorded_on"].year < 2012:
                    r["recorded_on"] = random_date(rng, rng.choice([2012, 2013, 2014]))
            if i % 4 == 1:
                r["groom"] = True
                r["convicted"] = True if i % 8 == 1 else False
        return out

    def decoys(self):
        rng = self.rng
        adult_ages = [18] * 6 + list(range(19, 61))
        self.decoy("adult_victim", 220, lambda i: dict(
            offence=rng.choice(ADULT_SEXUAL), victim_age=18 if i % 4 == 0 else rng.choice(adult_ages)))
        young = [17] * 5 + [13, 14, 15, 16, 16]
        u18_titles = [t for t in self.titles if "U18" in t or "UNDER18" in t]
        self.decoy("offender_u18", 160, lambda i: dict(
            offence=rng.choice(u18_titles) if i % 2 else rng.choice(self.titles),
            offender_age=17 if i % 3 == 0 else rng.choice(young)))
        self.decoy("non_sexual", 200, lambda i: dict(offence=rng.choice(NON_SEXUAL_CHILD),
                                                     victim_age=rng.randint(6, 17)))
        self.decoy("non_crime", 110, lambda i: dict(is_crime=False))
        outside = [dt.date(2009, 12, 31), dt.date(2014, 6, 1)]

        def out_of_period(i):
            if i < 8:
                d = outside[i % 2]
            elif i % 2:
                d = random_date(rng, 2009, dt.date(2008, 1, 1), dt.date(2009, 12, 31))
            else:
                d = random_date(rng, 2014, dt.date(2014, 6, 1), dt.date(2014, 12, 31))
            return dict(recorded_on=d)
        outs = self.decoy("out_of_period", 130, out_of_period)
        # the records just outside carry every flag: internet marker, grooming
        # words, a conviction, a platform mention
        for i, r in enumerate(outs[:8]):
            r["internet"] = i < 4
            r["groom"] = i in (0, 1, 4, 5)
            r["convicted"] = True if i in (0, 1) else False if r["groom"] else None
            if i in (0, 1):
                r["platforms"] = ["FACEBOOK"]
        self.decoy("null_victim_age", 70, lambda i: dict(victim_age=None))
        self.decoy("null_offender_age", 110, lambda i: dict(offender_age=None))

    # ---- other crimes: adults, non-sexual (where most platform mentions live)
    def others(self):
        rng = self.rng
        for year, n in zip(YEARS, [90, 100, 110, 120, 50]):
            for _ in range(n):
                self.add(kind="other", offence=rng.choice(NON_SEXUAL_ADULT),
                         recorded_on=random_date(rng, year), victim_age=rng.randint(18, 80),
                         offender_age=rng.choice([None, rng.randint(16, 65), rng.randint(18, 65)]))

    # ---- question 3: platform mentions
    def platforms(self):
        rng, cells = self.rng, self.cells
        in_period = lambda r: r["is_crime"] and PERIOD_START <= r["recorded_on"] <= PERIOD_END
        budget = {(r, int(c)): v for (r, c), v in cells["3"].items() if r != GT and c != GT}
        taken = set()

        def pick(year, pool_kind, n):
            if pool_kind == "q1":
                pool = [r for r in self.records if r["kind"] == "q1" and in_period(r)
                        and r["recorded_on"].year == year]
                # online crimes first: the internet-marked and the groomed
                pool.sort(key=lambda r: not (r["internet"] or r["groom"]))
                pool = pool[:max(n * 3, 1)]
            else:
                pool = [r for r in self.records if r["kind"] != "q1" and in_period(r)
                        and r["recorded_on"].year == year]
                pool.sort(key=lambda r: r["offence"] not in (
                    "HARASSMENT", "MALICIOUS COMMUNICATIONS", "FRAUD BY FALSE REPRESENTATION", "BLACKMAIL"))
                pool = pool[:max(n * 4, 1)]
            pool = [r for r in pool if id(r) not in taken]
            chosen = rng.sample(pool, n)
            for r in chosen:
                taken.add(id(r))
            return chosen

        for (plat, year), n in sorted(budget.items()):
            if plat != "FACEBOOK":
                continue
            nq1 = round(n * 0.4)
            for r in pick(year, "q1", nq1) + pick(year, "other", n - nq1):
                r["platforms"].append("FACEBOOK")
        # the single mentions of the other platforms; one 2013 crime mentions
        # Facebook and Twitter, one 2014 crime WhatsApp and Snapchat
        for (plat, year), n in sorted(budget.items()):
            if plat == "FACEBOOK":
                continue
            if n != 1:
                sys.exit("make_sample: expected single mentions besides Facebook, got %s %d: %d"
                         % (plat, year, n))
        fb2013 = [r for r in self.records if "FACEBOOK" in r["platforms"] and r["recorded_on"].year == 2013
                  and r["kind"] != "q1"]
        fb2013[0]["platforms"].append("TWITTER")
        pair = pick(2014, "other", 2)
        pair[0]["platforms"] += ["WHATSAPP", "SNAPCHAT"]
        pair[1]["platforms"] += ["INSTAGRAM"]
        pair[1]["recorded_on"] = PERIOD_END         # platform crimes on both boundaries
        fb2010 = [r for r in self.records if "FACEBOOK" in r["platforms"] and r["recorded_on"].year == 2010
                  and r["kind"] != "q1"]
        fb2010[0]["recorded_on"] = PERIOD_START
        # decoy records outside the question: mentions that must not be counted
        for r in self.records:
            share = 0.35 if r["is_crime"] else 0.3
            if not in_period(r) and not r["platforms"] and rng.random() < share:
                # (no platform before it existed: Instagram and Snapchat from 2011)
                r["platforms"].append(rng.choice(["FACEBOOK", "FACEBOOK", "FACEBOOK", "TWITTER", "WHATSAPP"]
                                                 + (["SNAPCHAT", "INSTAGRAM"] if r["recorded_on"].year >= 2011 else [])))

    # ---- everything else: markers, outcomes, convictions, codes, MO text
    def finish(self):
        rng = self.rng
        for r in self.records:
            m = []
            if r["internet"]:
                m.append(INTERNET)
            if rng.random() < 0.25:
                m += rng.sample(OTHER_MARKERS, rng.choice([1, 1, 2]))
            rng.shuffle(m)
            r["markers"] = None if (not m and rng.random() < 0.1) else m
            if r["offence"] in HO_CODES and rng.random() < 0.35:
                r["ho_code"] = HO_CODES[r["offence"]]
            if not r["is_crime"]:
                # no outcome; a conviction only where the record was cancelled as a
                # duplicate of a convicted crime (the court result matches both)
                r["outcome"] = None
            elif r["convicted"] is None and not r["groom"]:
                x = rng.random()
                r["convicted"] = True if x < 0.12 else False if x < 0.55 else None
            if r["is_crime"]:
                if r["convicted"] is True:
                    r["outcome"] = 1
                elif r["convicted"] is False:
                    r["outcome"] = rng.choice([1, 1, 9, 15, 16, 16, 22, 21, 10, 3])
                else:   # unknown: open (NULL) or awaiting court, or another outcome
                    r["outcome"] = rng.choice([None, None, None, 1, 15, 16, 2, 5, 22, 8])
            r["mo"] = make_mo(rng, r)

    def number(self):
        """Stable references: WM/<year>/<6 digits>, in recording order."""
        rng = self.rng
        self.records.sort(key=lambda r: r["recorded_on"])
        seq = {}
        for r in self.records:
            y = r["recorded_on"].year
            seq[y] = seq.get(y, rng.randint(100, 900)) + rng.randint(1, 37)
            r["crime_ref"] = "WM/%d/%06d" % (y, seq[y])


# ---------------------------------------------------------------- self-check
def recount(records, cells, order):
    titles = set(t for t in order["1"] if t != GT)
    errors = []

    def in_period(r):
        return r["is_crime"] and PERIOD_START <= r["recorded_on"] <= PERIOD_END

    q1 = [r for r in records if in_period(r) and r["victim_age"] is not None and r["victim_age"] < 18
          and r["offender_age"] is not None and r["offender_age"] >= 18 and r["offence"] in titles]
    got = defaultdict(Counter)
    for r in q1:
        y = str(r["recorded_on"].year)
        keys = [(r["offence"], y), (r["offence"], GT), (GT, y), (GT, GT)]
        for k in keys:
            got["1"][k] += 1
            if INTERNET in (r["markers"] or []):
                got["1b"][k] += 1
            if GROOM_RE.search(r["mo"]):
                got["1c"][k] += 1
    got["1d"][("Convictions", GT)] = sum(1 for r in q1 if GROOM_RE.search(r["mo"]) and r["convicted"])
    for r in records:
        if not in_period(r):
            continue
        for p, rx in PLATFORM_RE.items():
            if rx.search(r["mo"]):
                got["3"][(p, str(r["recorded_on"].year))] += 1
    for q in ["1", "1b", "1c", "1d"]:
        for k in set(got[q]) | set(cells[q]):
            if got[q][k] != cells[q].get(k, 0):
                errors.append("%s %r: sample %d, published %d" % (q, k, got[q][k], cells[q].get(k, 0)))
    pub3 = {k: v for k, v in cells["3"].items() if GT not in k}
    for k in set(got["3"]) | set(pub3):
        if got["3"][k] != pub3.get(k, 0):
            errors.append("3 %r: sample %d, published %d" % (k, got["3"][k], pub3.get(k, 0)))
    for r in records:
        found = set(p for p, rx in PLATFORM_RE.items() if rx.search(r["mo"]))
        if found != set(r["platforms"]):
            errors.append("platforms %s planned, %s found in %s: %s"
                          % (sorted(r["platforms"]), sorted(found), r["crime_ref"], r["mo"]))
        if re.search(r"\bx\b|messenger|tweet|tumblr", r["mo"], re.I):
            errors.append("forbidden word in %s: %s" % (r["crime_ref"], r["mo"]))
        if not r["groom"] and GROOM_RE.search(r["mo"]):
            errors.append("unplanned grooming word in %s: %s" % (r["crime_ref"], r["mo"]))
    refs = [r["crime_ref"] for r in records]
    if len(set(refs)) != len(refs):
        errors.append("duplicate crime_ref")
    if errors:
        sys.exit("make_sample: the sample does not reproduce the fixture:\n  " + "\n  ".join(errors[:40]))


# ---------------------------------------------------------------- SQL
def lit(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dt.date):
        return "'%s'" % v.isoformat()
    if isinstance(v, list):
        return "'{%s}'" % ",".join('"%s"' % e for e in v)
    return "'%s'" % str(v).replace("'", "''")


HEADER = """\
-- foistats_sample 0.1.0: synthetic crime records for foistats' demo and tests.
--
-- GENERATED by test/data/make_sample.py from test/fixtures/seed_cells.tsv (the
-- figures published in the seed FOI response).  Do not edit by hand: change the
-- generator and run it again (test/checks/sample_data.sh checks they agree).
--
-- Nothing here is real.  Records are invented so that, counted the way the
-- request asks, they reproduce every published cell of questions 1, 1b, 1c, 1d
-- and the platform cells of question 3; MO texts name roles, never people.
--
-- The request period is 1 January 2010 to 31 May 2014.  The response's date is
-- not printed ("so far this year"): 31 May 2014 is an ASSUMPTION, and 2014's
-- records stop there.
--
-- Question 1's population: is_crime, recorded_on in the period, victim_age < 18,
-- offender_age >= 18, and a sexual offence.  1b: those with 'INTERNET INVOLVED'
-- in markers.  1c: those whose MO mentions grooming (a word starting "groom").
-- 1d: those of 1c with convicted = true.  Question 3: crimes of any type in the
-- period whose MO mentions a platform.
--
-- Records every view must exclude (each would be counted if one filter were
-- forgotten, and several carry the internet marker, grooming words, a
-- conviction or a platform mention): adult victims (including exactly 18),
-- offenders under 18 (including exactly 17), non-sexual crimes against
-- children, non-crimes (is_crime = false), dates outside the period (including
-- 2009-12-31 and 2014-06-01), NULL victim ages, NULL offender ages.
-- A handful of question-1 records have a victim age that contradicts the age in
-- their offence title, and titles saying "OFFENDER U18" carry offender ages of
-- 18 or over: conflicts as found in real data, which a demo can list.
--
-- Counts: %(counts)s

\\echo Use "CREATE EXTENSION foistats_sample" to load this file. \\quit

CREATE TABLE @extschema@.crimes (
    crime_ref    text PRIMARY KEY,
    recorded_on  date,
    offence      text,
    ho_code      text,
    victim_age   int,
    offender_age int,
    markers      text[],
    mo           text,
    outcome      int,
    convicted    boolean,
    is_crime     boolean
);

COMMENT ON TABLE @extschema@.crimes IS
  'Synthetic crime records in the shape of the foistats record interface; they reproduce the published tables of the seed FOI request (generated by test/data/make_sample.py)';
COMMENT ON COLUMN @extschema@.crimes.crime_ref IS 'crime reference, e.g. WM/2012/004711 (force/year recorded/number)';
COMMENT ON COLUMN @extschema@.crimes.recorded_on IS 'date the crime was recorded';
COMMENT ON COLUMN @extschema@.crimes.offence IS 'the force''s offence description, as printed in its published tables';
COMMENT ON COLUMN @extschema@.crimes.ho_code IS 'Home Office offence code (e.g. 019/08); NULL when the force did not record one';
COMMENT ON COLUMN @extschema@.crimes.victim_age IS 'age of the victim at the time of the offence, in years; NULL when unknown';
COMMENT ON COLUMN @extschema@.crimes.offender_age IS 'age of the (suspected) offender at the time of the offence, in years; NULL when unknown';
COMMENT ON COLUMN @extschema@.crimes.markers IS 'special-interest markers, e.g. {INTERNET INVOLVED}; empty or NULL when none';
COMMENT ON COLUMN @extschema@.crimes.mo IS 'modus operandi: free text written by the recording officer';
COMMENT ON COLUMN @extschema@.crimes.outcome IS 'Home Office outcome type (1-22); NULL while the investigation is open';
COMMENT ON COLUMN @extschema@.crimes.convicted IS 'whether a conviction resulted (sourced separately); NULL when unknown';
COMMENT ON COLUMN @extschema@.crimes.is_crime IS 'false for non-crime incidents and no-crimed (cancelled) records';
"""

COLUMNS = ["crime_ref", "recorded_on", "offence", "ho_code", "victim_age", "offender_age",
           "markers", "mo", "outcome", "convicted", "is_crime"]


def write_sql(records, path):
    kinds = Counter(r["kind"] for r in records)
    counts = "%d records: %s" % (len(records), ", ".join(
        "%s %d" % (k, kinds[k]) for k in ["q1", "other", "adult_victim", "offender_u18", "non_sexual",
                                          "non_crime", "out_of_period", "null_victim_age",
                                          "null_offender_age"]))
    out = [HEADER % {"counts": counts}]
    records = sorted(records, key=lambda r: r["crime_ref"])
    for i in range(0, len(records), 500):
        chunk = records[i:i + 500]
        out.append("\nINSERT INTO @extschema@.crimes (%s) VALUES\n" % ", ".join(COLUMNS))
        out.append(",\n".join("(" + ", ".join(lit(r[c]) for c in COLUMNS) + ")" for r in chunk))
        out.append(";\n")
    text = "".join(out)
    if path == "-":
        sys.stdout.write(text)
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def main(argv):
    target = argv[1] if len(argv) > 1 else OUTPUT
    cells, order = load_fixture(FIXTURE)
    for q in ["1", "1b", "1c", "1d", "3"]:
        if q not in cells:
            sys.exit("make_sample: question %s missing from %s" % (q, FIXTURE))
    rng = random.Random(SEED)
    b = Builder(rng, cells, order)
    b.q1()
    b.decoys()
    b.others()
    b.platforms()
    b.finish()
    b.number()
    recount(b.records, cells, order)
    write_sql(b.records, target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
