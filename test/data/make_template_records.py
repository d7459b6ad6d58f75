#!/usr/bin/env python3
"""Write sample crime records for the shipped request templates.

    python3 test/data/make_template_records.py [OUTPUT]   (default test/fixtures/template_records.sql)

Reads ONLY the published tables of test/fixtures/requests/*/ (themselves cut
from stored sources by test/fixtures/requests/extract.py) and writes,
deterministically (fixed seed), one table per template in schema
template_records, in the shape of the record interface: synthetic records
whose counts reproduce every published cell through the template's
definition, plus decoys each definition must leave out (other offences or
outcomes, days outside the period, cancelled records).  Nothing here is
real: references, dates and ages are invented.

Where a published cell is withheld ('*'), the sample must put some count
there; it says which, and why (see WITHHELD).  test/checks/request_data.sh
regenerates the file and compares.
"""
import csv
import datetime as dt
import os
import random
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FIX = os.path.join(ROOT, "test", "fixtures", "requests")
OUTPUT = os.path.join(ROOT, "test", "fixtures", "template_records.sql")
SEED = 20261202

# Northants 10905-25 withholds three cells; its Question 1 total (52) minus
# the disclosed cells (46) leaves 6 for them, each 1-4 (the '*' rule is not
# stated; an even split is ASSUMED).
WITHHELD = {("Male", "11 and under"): 2, ("Male", "12-15"): 2, ("Unknown", "12-15"): 2}
NORTHANTS_TOTAL = 52


def table(name, fname=None):
    path = os.path.join(FIX, name, (fname or name) + ".tsv")
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def day_in(rng, first, last):
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def cells(rows, skip_rows=(), skip_cols=()):
    """(row label, col label, text) of the body of a published table."""
    header = rows[0]
    for r in rows[1:]:
        if r[0] in skip_rows:
            continue
        for c, v in zip(header[1:], r[1:]):
            if c not in skip_cols:
                yield r[0], c, v


class Out:
    def __init__(self):
        self.lines = []
        self.n = 0

    def table(self, name, comment):
        self.lines.append("")
        self.lines.append("-- " + comment)
        self.lines.append("CREATE TABLE template_records.%s (crime_ref text PRIMARY KEY, recorded_on date, offence text, "
                          "ho_code text, victim_age int, victim_sex text, outcome text, is_crime boolean);" % name)
        self.lines.append("INSERT INTO template_records.%s VALUES" % name)
        self.rows = []
        self.name = name

    def add(self, prefix, day, offence, code, age, sex, outcome, is_crime=True):
        self.n += 1
        vals = [prefix + "/%06d" % self.n, day.isoformat(), offence, code,
                None if age is None else str(age), sex, outcome, "true" if is_crime else "false"]
        self.rows.append("(" + ", ".join("NULL" if v is None else
                                          (v if v in ("true", "false") or (v.isdigit() and i == 4) else
                                           "'" + v.replace("'", "''") + "'")
                                          for i, v in enumerate(vals)) + ")")

    def end(self):
        self.lines.append(",\n".join(self.rows) + ";")


def northants(out, rng):
    rows = table("northants_2025_scwc_age_sex")
    ages = {"11 and under": (8, 11), "12-15": (12, 15), "16 and over": (16, 17), "Unknown Age": None}
    sexes = {"Female": "F", "Male": "M", "Unknown": None}
    first, last = dt.date(2024, 4, 1), dt.date(2025, 3, 31)
    out.table("northants", "Northamptonshire FOI 10905-25: sexual communication with a child (71/17), 2024/25, victim sex x age")
    total = 0
    for sex, age, v in cells(rows, skip_rows=("Sum:",)):
        n = WITHHELD[(sex, age)] if v == "*" else int(v or 0)
        total += n
        for _ in range(n):
            a = ages[age]
            out.add("NH", day_in(rng, first, last), "Sexual communication with a child", "071/17",
                    None if a is None else rng.randint(*a), sexes[sex], None)
    if total != NORTHANTS_TOTAL:
        sys.exit("make_template_records.py: northants cells give %d, Question 1 says %d" % (total, NORTHANTS_TOTAL))
    # decoys: the same offence outside the financial year, another offence, a cancelled record
    out.add("NH", dt.date(2024, 3, 31), "Sexual communication with a child", "071/17", 13, "F", None)
    out.add("NH", dt.date(2025, 4, 1), "Sexual communication with a child", "071/17", 13, "F", None)
    out.add("NH", dt.date(2024, 9, 1), "Meeting a child following sexual grooming", "071/12", 14, "F", None)
    out.add("NH", dt.date(2024, 9, 2), "Sexual communication with a child", "071/17", 14, "M", None, is_crime=False)
    out.end()


def wmp(out, rng):
    rows = table("wmp_2023_cautions_outcome")
    out.table("wmp", "West Midlands FOI 1887A/23: crimes with outcome 2 or 3 by year, 2021 to 12 December 2023")
    for year, col, v in cells(rows, skip_rows=("Grand Total",), skip_cols=("Grand Total",)):
        y = int(year)
        first, last = dt.date(y, 1, 1), dt.date(y, 12, 12) if y == 2023 else dt.date(y, 12, 31)
        outcome = col.split()[-1]
        for _ in range(int(v)):
            out.add("WM", day_in(rng, first, last), rng.choice(["Theft from shop", "Common assault", "Criminal damage"]),
                    None, None, None, outcome)
    # decoys: other outcomes, a caution after 12 December 2023 and in 2020, a cancelled record
    for outcome in ["1", "8", "22", None]:
        out.add("WM", dt.date(2022, 6, 1), "Common assault", None, None, None, outcome)
    out.add("WM", dt.date(2023, 12, 20), "Theft from shop", None, None, None, "2")
    out.add("WM", dt.date(2020, 12, 31), "Theft from shop", None, None, None, "3")
    out.add("WM", dt.date(2022, 6, 2), "Theft from shop", None, None, None, "3", is_crime=False)
    out.end()


def cleveland(out, rng):
    rows = table("cleveland_2024_restraining_orders")
    out.table("cleveland", "Cleveland FOI 242-24: breach of restraining order (008/31, 066/38) by year, 2018-2023")
    for label, year, v in cells(rows, skip_rows=("Grand Total",), skip_cols=("Grand Total",)):
        code, title = label.split(" - ", 1)
        y = int(year)
        for _ in range(int(v or 0)):
            out.add("CL", day_in(rng, dt.date(y, 1, 1), dt.date(y, 12, 31)), title, code, None, None,
                    rng.choice(["1", "1", "1A", "9", None]))
    out.add("CL", dt.date(2017, 12, 31), "Breach of restraining order", "008/31", None, None, "1")
    out.add("CL", dt.date(2024, 1, 1), "Breach of restraining order", "008/31", None, None, "1")
    out.add("CL", dt.date(2020, 5, 5), "Breach of non-molestation order", "008/67", None, None, "1")
    out.add("CL", dt.date(2020, 5, 6), "Breach of restraining order", "008/31", None, None, None, is_crime=False)
    out.end()


def psni(out, rng):
    rows = table("belfasttelegraph_2023_psni_scwc_by_fy")
    out.table("psni", "PSNI (Belfast Telegraph, 15 August 2023): sexual communication with a child by financial year 2017/18-2022/23")
    for _, fy, v in cells(rows, skip_cols=("Total",)):
        y = int(fy[:4])
        for _ in range(int(v)):
            out.add("PS", day_in(rng, dt.date(y, 4, 1), dt.date(y + 1, 3, 31)), "Sexual communication with a child",
                    None, rng.randint(10, 17), rng.choice(["F", "F", "M"]), None)
    out.add("PS", dt.date(2017, 3, 31), "Sexual communication with a child", None, 14, "F", None)
    out.add("PS", dt.date(2023, 4, 1), "Sexual communication with a child", None, 14, "F", None)
    out.add("PS", dt.date(2020, 6, 1), "Sexual assault on a female", None, 14, "F", None)
    out.end()


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else OUTPUT
    rng = random.Random(SEED)
    out = Out()
    out.lines += ["-- GENERATED by test/data/make_template_records.py from test/fixtures/requests; do not edit.",
                  "-- Synthetic crime records that reproduce the published tables of the shipped request",
                  "-- templates through their definitions (see data/request_templates.sql).",
                  "CREATE SCHEMA template_records;"]
    for make in (northants, wmp, cleveland, psni):
        make(out, rng)
    data = "\n".join(out.lines) + "\n"
    if path == "-":
        sys.stdout.write(data)
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(data)


if __name__ == "__main__":
    main()
