#!/usr/bin/env python3
"""Extract the published figures of the seed FOI response into a fixture.

Reads the one *.txt file in the seed folder ($FOISTATS_SEED_DIR, default
<repo>/../shared/seed) and writes, to test/fixtures/seed_cells.tsv (or to the
path given as the first argument, "-" for stdout), one line per printed number:

    question  row_label  col_label  value

question is one of 1, 1b, 1c, 1d, 3; row_label is the offence or platform
label exactly as printed with <b> tags stripped (or 'Grand Total'); col_label
is the year or 'Grand Total'.  Blank cells are not written (they mean zero).
1d is a sentence ("Six of the reported crimes above (1c) have resulted in a
conviction"), written as one line: 1d  Convictions  Grand Total  6.

Strict: any surprise (a missing question or table, a row with the wrong
number of fields, a non-numeric cell, a table without its Grand Total row, a
duplicate label, an unparseable 1d sentence) stops with a message naming the
line and a non-zero exit status.
"""
import glob
import os
import re
import sys

QUESTIONS_WITH_TABLES = ["1", "1b", "1c", "3"]
QUESTIONS = ["1", "1b", "1c", "1d", "3"]

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve "
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
    .split())}

# A question heading: "1. How many", "**1b. How many", "**1c How many".
HEADING = re.compile(r"^(?:\*\*)?(\d+[a-z]?)(?:\.|\s)\s*\S")
TAG = re.compile(r"</?[A-Za-z][^>]*>")


class SeedError(Exception):
    pass


def fail(path, lineno, msg):
    raise SeedError("%s:%d: %s" % (path, lineno, msg))


def clean(cell):
    return TAG.sub("", cell).strip()


def find_seed():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", ".."))
    seed_dir = os.environ.get("FOISTATS_SEED_DIR",
                              os.path.join(repo, "..", "shared", "seed"))
    files = sorted(glob.glob(os.path.join(seed_dir, "*.txt")))
    if len(files) != 1:
        raise SeedError("%s: expected exactly one *.txt seed file, found %d"
                        % (seed_dir, len(files)))
    return files[0]


def split_sections(path, lines):
    """Map question id -> list of (lineno, line) after its heading."""
    sections = {}
    current = None
    for n, line in enumerate(lines, 1):
        m = HEADING.match(line)
        if m:
            current = m.group(1)
            if current in sections:
                fail(path, n, "question %s appears twice" % current)
            sections[current] = []
            continue
        if current is not None:
            sections[current].append((n, line))
    return sections


def parse_table(path, q, body):
    """Parse the tab-separated table of one question; return cell tuples."""
    rows = iter(body)
    header = None
    for n, line in rows:
        if line.startswith("\t"):
            header = (n, line)
            break
    if header is None:
        fail(path, body[-1][0] if body else 0,
             "question %s: no table (no header line starting with a tab)" % q)
    hn, hline = header
    cols = [clean(c) for c in hline.split("\t")[1:]]
    if len(cols) < 2 or cols[-1] != "Grand Total":
        fail(path, hn, "question %s: table header must end with 'Grand Total', got %r"
             % (q, cols))
    for c in cols[:-1]:
        if not re.fullmatch(r"\d{4}", c):
            fail(path, hn, "question %s: column %r is not a year" % (q, c))
    if [int(c) for c in cols[:-1]] != sorted(set(int(c) for c in cols[:-1])):
        fail(path, hn, "question %s: years not strictly ascending: %r" % (q, cols))
    nfields = len(cols) + 1
    cells = []
    labels = set()
    for n, line in rows:
        if line.strip() == "":
            continue                    # blank lines occur inside table 1
        if line.startswith("**") or HEADING.match(line):
            fail(path, n, "question %s: table ends without a Grand Total row" % q)
        fields = line.split("\t")
        if len(fields) != nfields:
            fail(path, n, "question %s: row has %d fields, the header has %d"
                 % (q, len(fields), nfields))
        label = clean(fields[0])
        if label == "":
            fail(path, n, "question %s: row without a label" % q)
        if label in labels:
            fail(path, n, "question %s: duplicate row label %r" % (q, label))
        labels.add(label)
        if label != "Grand Total" and label.lower() == "grand total":
            fail(path, n, "question %s: odd Grand Total label %r" % (q, label))
        for col, raw in zip(cols, fields[1:]):
            v = clean(raw)
            if v == "":
                continue                # blank cell: zero, not written
            if not re.fullmatch(r"\d+", v):
                fail(path, n, "question %s: cell %r of row %r, column %s is not a number"
                     % (q, raw, label, col))
            cells.append((q, label, col, int(v)))
        if label == "Grand Total":
            return cells
    fail(path, body[-1][0] if body else 0,
         "question %s: table ends without a Grand Total row" % q)


def parse_sentence(path, q, body):
    for n, line in body:
        s = clean(line)
        if s == "" or s.startswith("**"):
            continue
        m = re.match(r"^([A-Za-z]+|\d+)\b", s)
        if not m or "conviction" not in s.lower():
            fail(path, n, "question %s: expected a sentence starting with a number "
                 "and mentioning a conviction, got %r" % (q, s))
        w = m.group(1)
        if w.isdigit():
            v = int(w)
        elif w.lower() in NUMBER_WORDS:
            v = NUMBER_WORDS[w.lower()]
        else:
            fail(path, n, "question %s: %r is not a number (one..twenty or digits)" % (q, w))
        return [(q, "Convictions", "Grand Total", v)]
    fail(path, body[-1][0] if body else 0, "question %s: no sentence found" % q)


def extract(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    lines = [l.rstrip("\r") for l in lines]
    sections = split_sections(path, lines)
    out = []
    for q in QUESTIONS:
        if q not in sections:
            raise SeedError("%s: question %s not found" % (path, q))
        if q in QUESTIONS_WITH_TABLES:
            out.extend(parse_table(path, q, sections[q]))
        else:
            out.extend(parse_sentence(path, q, sections[q]))
    return out


def main(argv):
    repo = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    target = argv[1] if len(argv) > 1 else os.path.join(repo, "test", "fixtures", "seed_cells.tsv")
    try:
        path = find_seed()
        cells = extract(path)
    except SeedError as e:
        sys.stderr.write("extract_seed: %s\n" % e)
        return 1
    text = "question\trow_label\tcol_label\tvalue\n" + "".join(
        "%s\t%s\t%s\t%d\n" % c for c in cells)
    if target == "-":
        sys.stdout.write(text)
    else:
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
