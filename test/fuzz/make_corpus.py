#!/usr/bin/env python3
"""Write the fuzzers' seed corpora, test/fuzz/corpus/<target>/, from the project's
real fixtures (test/fixtures/: the seed tables, the published and request tables,
the offence titles; the shipped dictionaries of src/terms_data.sql; the synthetic
MO texts of sample/; the xtab values of the regression tests).  Deterministic;
run it again after a fixture changes, through

    bash test/fuzz/make_corpus.sh

which also writes the binary and flat xtab seeds (from the harness).

Each file is one input in its harness's format (see the comment at the top of
test/fuzz/fuzz_<target>.c).  Files named regress-* are inputs that once crashed a
harness (kept by hand, not written here; this script never deletes them).
"""
import csv
import glob
import hashlib
import html
import io
import os
import re
import struct

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
OUT = os.path.join(ROOT, 'test', 'fuzz', 'corpus')


def rel(*p):
    return os.path.join(ROOT, *p)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


class Corpus:
    def __init__(self, target):
        self.dir = os.path.join(OUT, target)
        os.makedirs(self.dir, exist_ok=True)
        for name in os.listdir(self.dir):
            if not name.startswith('regress-'):
                os.remove(os.path.join(self.dir, name))
        self.seen = set()

    def add(self, name, data):
        if isinstance(data, str):
            data = data.encode('utf-8')
        if data in self.seen:
            return
        self.seen.add(data)
        name = re.sub(r'[^A-Za-z0-9_.-]+', '_', name)[:60]
        digest = hashlib.sha1(data).hexdigest()[:8]
        with open(os.path.join(self.dir, '%s-%s' % (name, digest)), 'wb') as f:
            f.write(data)


# ---------------------------------------------------------------- the fixture tables

def fixture_tables():
    """(name, bytes) of every real published table the fixtures hold, as published."""
    out = []
    for p in sorted(glob.glob(rel('test/fixtures/seed_tables/q*.txt'))):
        out.append(('seed_' + os.path.basename(p), read(p)))
    for p in sorted(glob.glob(rel('test/fixtures/published/*.tsv')) +
                    glob.glob(rel('test/fixtures/published/*.md')) +
                    glob.glob(rel('test/fixtures/requests/*/*.tsv'))):
        out.append((os.path.basename(p), read(p)))
    return out


def tsv_rows(data):
    text = data.decode('utf-8', 'replace')
    return [line.split('\t') for line in text.split('\n') if line.strip()]


def as_csv(rows):
    f = io.StringIO()
    csv.writer(f, lineterminator='\n').writerows(rows)
    return f.getvalue()


def as_html(rows):
    body = ['<table>']
    for i, r in enumerate(rows):
        tag = 'th' if i == 0 else 'td'
        body.append('<tr>' + ''.join('<%s>%s</%s>' % (tag, html.escape(c), tag) for c in r) + '</tr>')
    body.append('</table>')
    return '\n'.join(body) + '\n'


def as_markdown(rows):
    n = max(len(r) for r in rows)
    rows = [r + [''] * (n - len(r)) for r in rows]
    lines = ['| ' + ' | '.join(rows[0]) + ' |', '|' + '---|' * n]
    lines += ['| ' + ' | '.join(r) + ' |' for r in rows[1:]]
    return '\n'.join(lines) + '\n'


def table_parse():
    c = Corpus('table_parse')
    # control byte: bits 0-2 format (0 auto, 1 TSV, 2 CSV, 3 Markdown, 4 HTML),
    # bit 3 find_tables, bit 4 extra total labels
    for name, data in fixture_tables():
        c.add(name + '.auto', b'\x00' + data)
        c.add(name + '.response', b'\x08' + data)
        if name.endswith('.md'):
            c.add(name + '.md', b'\x03' + data)
            continue
        rows = tsv_rows(data)
        if not rows:
            continue
        c.add(name + '.tsv', b'\x11' + data)
        c.add(name + '.csv', b'\x02' + as_csv(rows).encode())
        c.add(name + '.html', b'\x04' + as_html(rows).encode())
        c.add(name + '.mdconv', b'\x03' + as_markdown(rows).encode())
    # a whole response: prose, a bold title, two tables
    q = [read(rel('test/fixtures/seed_tables', n)) for n in ('q1.txt', 'q3.txt')]
    c.add('response_two_tables', b'\x08' + b'Dear requester,\n\n**Question 1**\n' + q[0] +
          b'\nProse between the tables.\n\n**Question 3**\n' + q[1] + b'\nYours sincerely\n')
    return c


# ---------------------------------------------------------------- cells

MARKERS = ['', '-', '\u2013', '\u2014', 'n/a', 'na', '[z]', '*', '**', '***', 'x', '[x]', 'c',
           '[c]', '..', '~', 's', '[s]', 'suppressed', 'redacted', 'withheld', 'not disclosed',
           '[low]', '<5', '< 5', 'less than 5', 'fewer than 5', 'under 5', 'below 5', '<=5',
           '\u22645', 'less than or equal to 5', '1-4', '1 - 4', '1\u20134', '1 to 4', '1,234',
           '0', '9223372036854775807', '9,223,372,036,854,775,807', '<10', '5-9']


def marker():
    c = Corpus('marker')
    for m in MARKERS:
        c.add('doc_' + (m or 'empty'), m)
    for name, data in fixture_tables():
        for row in tsv_rows(data):
            for cell in row[1:]:
                cell = re.sub(r'</?b>', '', cell).strip()
                if len(cell) <= 40:
                    c.add('cell_' + cell, cell)
    return c


# ---------------------------------------------------------------- titles, MO text

def titles():
    out = []
    for p in ('tuning.tsv', 'heldout.tsv'):
        with open(rel('test/fixtures/titles', p), encoding='utf-8') as f:
            rd = csv.reader(f, delimiter='\t')
            next(rd)
            out += [r[0] for r in rd if r and r[0]]
    return out


def sample_mo_texts():
    sql = read(rel('sample/foistats_sample--0.1.0.sql')).decode('utf-8')
    # the mo column: the 8th value of each record line, a quoted SQL string
    texts = []
    for line in sql.split('\n'):
        if not line.startswith("('"):
            continue
        vals = re.findall(r"'((?:[^']|'')*)'", line)
        long_ = [v.replace("''", "'") for v in vals if len(v) > 40 and '. ' in v]
        texts += long_
    return texts


def classify():
    c = Corpus('classify')
    for t in titles():
        c.add('title', t)
    return c


def shipped_dictionaries():
    """{dictionary: [(alias, exclude)]} from src/terms_data.sql (NULL alias: the term)."""
    sql = read(rel('src/terms_data.sql')).decode('utf-8')
    d = {}
    for m in re.finditer(r"\('([^']*)',\s*'((?:[^']|'')*)',\s*(NULL|'((?:[^']|'')*)'),\s*(true|false)",
                         sql):
        dic, term, alias, exclude = m.group(1), m.group(2), m.group(4), m.group(5) == 'true'
        d.setdefault(dic, []).append(((alias if alias is not None else term).replace("''", "'"),
                                      exclude))
    return d


def terms():
    c = Corpus('terms')
    # control byte: bit 0 also AC_SCAN_ANY, bits 1-7 allocation failure after N
    # calls (0: none); aliases one a line ('!' exclusion), NUL, the text
    mo = sample_mo_texts()
    for dic, aliases in sorted(shipped_dictionaries().items()):
        body = '\n'.join(('!' if ex else '') + a for a, ex in aliases).encode()
        for i, text in enumerate(mo[:40]):
            c.add('%s_mo%d' % (dic, i), b'\x01' + body + b'\x00' + text.encode())
        c.add(dic + '_nomem', b'\x15' + body + b'\x00' + mo[0].encode())
    return c



# ---------------------------------------------------------------- tables of counts

def count_tables():
    """(name, rows of ints) of every fixture table: the seed's questions from
    seed_cells.tsv (blank = 0), the published and request tables (a marker or a
    blank cell read as 0..4 and 0), totals dropped."""
    out = []
    cells = {}
    with open(rel('test/fixtures/seed_cells.tsv'), encoding='utf-8') as f:
        rd = csv.reader(f, delimiter='\t')
        next(rd)
        for q, r, c, v in rd:
            if 'Total' in r or 'Total' in c:
                continue
            cells.setdefault(q, {}).setdefault(r, {})[c] = int(v)
    for q, rows in sorted(cells.items()):
        cols = sorted({c for r in rows.values() for c in r})
        out.append(('seed_q' + q, [[rows[r].get(c, 0) for c in cols] for r in rows]))
    for name, data in fixture_tables():
        if name.endswith('.md') or name.startswith('seed_'):
            continue
        rows = []
        for r in tsv_rows(data)[1:]:
            if re.search(r'total', r[0], re.I):
                continue
            vals = []
            for c in r[1:]:
                c = re.sub(r'</?b>', '', c).strip().replace(',', '')
                vals.append(int(c) if c.isdigit() else (3 if c not in ('', '-') else 0))
            if vals:
                rows.append(vals)
        if rows:
            n = min(len(r) for r in rows)
            out.append((name, [r[:n] for r in rows]))
    return out


def enc_count(v):
    """fuzz.h's fuzz_count: a byte < 200 is v % 12; 200..239 then 8 bytes: their
    value % 100000; 240.. then 8 bytes: their value >> 1."""
    if v < 12:
        return bytes([v])
    if v < 100000:
        return bytes([200]) + struct.pack('>Q', v)
    return bytes([240]) + struct.pack('>Q', v << 1)


def crops(rows, size=8):
    """size x size windows of a table (the harness's largest table)."""
    for r0 in range(0, max(1, len(rows) - size + 1), size):
        for c0 in range(0, max(1, len(rows[0]) - size + 1), size):
            yield [r[c0:c0 + size] for r in rows[r0:r0 + size]]


def suppress():
    c = Corpus('suppress')
    # mode byte (fuzz_suppress.c), rows-1, cols-1, threshold-1, protection,
    # allocation calls, cells; family mode: one subset table after
    for name, rows in count_tables():
        for i, t in enumerate(crops(rows)):
            nr, nc = len(t), len(t[0])
            flat = b''.join(enc_count(v) for r in t for v in r)
            head = bytes([nr - 1, nc - 1, 9, 10, 0])
            c.add('%s_%d_protect' % (name, i), bytes([0]) + head + flat)
            c.add('%s_%d_caps' % (name, i), bytes([64]) + head + flat)
            c.add('%s_%d_totals' % (name, i), bytes([8 | 32]) + head + flat)
            states = bytes([1 if v < 10 and v > 0 else 0 for r in t for v in r] + [0] * (nr + nc + 1))
            c.add('%s_%d_audit' % (name, i), bytes([1]) + head + flat + states)
            c.add('%s_%d_round' % (name, i), bytes([2]) + head + flat + bytes([4]))
            sub = b''.join(enc_count(v // 2) for r in t for v in r)
            c.add('%s_%d_family' % (name, i), bytes([3]) + head + flat + bytes([0]) + sub)
            c.add('%s_%d_nomem' % (name, i), bytes([128 | 3]) + head[:4] + bytes([40]) + flat +
                  bytes([0]) + sub)
    return c


def audit():
    c = Corpus('audit')
    # fuzz_audit.c: mode 0, cells-1, constraints, per cell lo (count), a hi byte
    # (< 64: unbounded; else a count to add), the hidden value (byte < 128, then
    # a byte: lo + byte % (span + 1)); per constraint a 16-bit mask
    for name, rows in count_tables():
        for i, t in enumerate(crops(rows, 4)):
            unknown = [(r, k) for r in range(len(t)) for k in range(len(t[0]))
                       if 0 < t[r][k] < 10][:16]
            if not unknown:
                continue
            body = b''
            for (r, k) in unknown:
                body += enc_count(0) + bytes([200]) + enc_count(9) + bytes([0, t[r][k]])
            masks = []
            for r in range(len(t)):
                masks.append(sum(1 << j for j, (rr, _) in enumerate(unknown) if rr == r))
            for k in range(len(t[0])):
                masks.append(sum(1 << j for j, (_, kk) in enumerate(unknown) if kk == k))
            masks = [m for m in masks if m][:12]
            data = bytes([0, len(unknown) - 1, len(masks)]) + body + \
                b''.join(bytes([m & 255, m >> 8]) for m in masks)
            c.add('%s_%d' % (name, i), data)
            # the same with the stars' interval: '*' (unbounded)
            c.add('%s_%d_star' % (name, i), data.replace(bytes([200]), bytes([0])))
    return c

# ---------------------------------------------------------------- xtab values

def xtab():
    """Text forms of xtab values as the regression tests write and print them
    (sql/*.sql literals, expected/*.out results), mode byte 0.  The binary and
    flat forms (modes 1 and 2) are made from these by make_corpus.sh, which
    runs the harness with FOISTATS_FUZZ_XTAB_EMIT (it needs the C code)."""
    c = Corpus('xtab')
    vals = set()
    for p in sorted(glob.glob(rel('sql/*.sql'))):
        for m in re.finditer(r"'(\{(?:[^']|'')*\})'", read(p).decode('utf-8')):
            vals.add(m.group(1).replace("''", "'"))
    for p in sorted(glob.glob(rel('expected/*.out'))):
        for line in read(p).decode('utf-8').split('\n'):
            line = line.strip()
            if line.startswith('{cols:') and line.endswith('}'):
                vals.add(line)
    for v in sorted(vals):
        if len(v) <= 4000:
            c.add('text', b'\x00' + v.encode('utf-8'))
    return c

# ---------------------------------------------------------------- main

def main():
    for make in (table_parse, marker, classify, terms, suppress, audit, xtab):
        c = make()
        print('%-12s %4d inputs  %s' % (os.path.basename(c.dir), len(os.listdir(c.dir)),
                                        os.path.relpath(c.dir, ROOT)))


if __name__ == '__main__':
    main()
