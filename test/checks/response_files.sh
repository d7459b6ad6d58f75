#!/usr/bin/env bash
# The response document's HTML page (the seed, and a protected copy of it)
# is valid and accessible, without a browser:
#   - tidy (Debian's package) finds no error and no warning, except that it
#     does not know the id attribute of SVG's <title> (valid SVG: the chart's
#     aria-labelledby points at it);
#   - html5lib (python3-html5lib) parses it in strict mode (any HTML5 parse
#     error fails);
#   - one self-contained file: no script, no <link>, <img>, <iframe>, src=,
#     url() or @import; the only absolute URLs are links (<a href>) and the
#     SVG namespace;
#   - accessibility: lang, a <caption> and th scope on every table, every
#     <svg> role="img" with aria-labelledby naming a non-empty <title> and
#     <desc>; every text colour has a contrast of at least 4.5:1 on every
#     background colour of the page, every chart line and mark at least 3:1
#     on white (WCAG 2.1, 1.4.3 and 1.4.11).
# The spreadsheet export: response.xlsx has one sheet per CSV file, and every
# cell equals the CSV's (counts as numbers, labels and period headers such as
# '2010' as text, blank cells empty).
# Installs tidy, python3-html5lib and python3-xlsxwriter when missing.
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
foistats_check_setup response-files
if ! command -v tidy >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import html5lib, xlsxwriter' 2>/dev/null; then
	say "installing tidy, python3-html5lib and python3-xlsxwriter (apt-get)"
	pkgs="tidy python3-html5lib python3-xlsxwriter"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $pkgs >/dev/null ||
		{ as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
		  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $pkgs >/dev/null; }
fi
bash test/response.sh "$work" > /dev/null

rc=0
for f in "$work/seed/response.html" "$work/protected/response.html"; do
	tidy -q -e "$f" > "$work/tidy.txt" 2>&1 || true
	if grep -v 'Warning: <title> proprietary attribute "id"' "$work/tidy.txt" | grep -q .; then
		echo "tidy: $f:"; cat "$work/tidy.txt"; rc=1
	fi
done
/usr/bin/python3 - "$work/seed/response.html" "$work/protected/response.html" <<'PY' || rc=1
import re, sys
import html5lib

def lum(c):
    c = c.lstrip('#')
    if len(c) == 3:
        c = ''.join(x * 2 for x in c)
    def f(v):
        v = int(v, 16) / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = f(c[0:2]), f(c[2:4]), f(c[4:6])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b

def contrast(a, b):
    la, lb = sorted([lum(a), lum(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)

SVG = '{http://www.w3.org/2000/svg}'
HTML = '{http://www.w3.org/1999/xhtml}'
bad = 0
for path in sys.argv[1:]:
    src = open(path, encoding='utf-8').read()
    problems = []
    try:
        doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(src)
    except Exception as e:
        problems.append('html5lib (strict): %s' % e)
        doc = html5lib.parse(src)
    if re.search(r'<script|<link|<img|<iframe|\bsrc=|url\(|@import', src, re.I):
        problems.append('fetches or scripts')
    for url in re.findall(r'(\w+)="(https?://[^"]*)"', src):
        if url[0] not in ('href', 'xmlns') or (url[0] == 'xmlns' and url[1] != 'http://www.w3.org/2000/svg'):
            problems.append('absolute URL outside a link: %s=%s' % url)
    if doc.get('lang') != 'en':
        problems.append('no lang on <html>')
    tables = doc.findall('.//%stable' % HTML)
    for i, t in enumerate(tables, 1):
        if t.find('%scaption' % HTML) is None or not ''.join(t.find('%scaption' % HTML).itertext()).strip():
            problems.append('table %d has no caption' % i)
        for th in t.iter('%sth' % HTML):
            if th.get('scope') not in ('col', 'row'):
                problems.append('table %d: <th> without scope' % i)
    ids = {e.get('id'): e for e in doc.iter() if e.get('id')}
    svgs = doc.findall('.//%ssvg' % SVG)
    for s in svgs:
        refs = (s.get('aria-labelledby') or '').split()
        if s.get('role') != 'img' or len(refs) != 2:
            problems.append('svg without role=img and aria-labelledby title desc')
            continue
        for ref, tag in zip(refs, ('title', 'desc')):
            e = ids.get(ref)
            if e is None or e.tag != SVG + tag or not ''.join(e.itertext()).strip():
                problems.append('svg: %s does not name a non-empty <%s>' % (ref, tag))
    # colours: text on every background; chart marks on white
    texts = set(re.findall(r'(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})', src))
    texts |= {e.get('fill') for e in doc.iter(SVG + 'text') if e.get('fill')}
    backs = set(re.findall(r'background:\s*(#[0-9a-fA-F]{3,6})', src)) | {'#ffffff'}
    for t in texts:
        for b in backs:
            if contrast(t, b) < 4.5:
                problems.append('text colour %s on %s: contrast %.2f < 4.5' % (t, b, contrast(t, b)))
    marks = {e.get('stroke') for e in doc.iter(SVG + 'path')} | \
            {e.get('fill') for tag in ('circle', 'rect') for e in doc.iter(SVG + tag) if e.find(SVG + 'title') is not None}
    for m in marks - {None}:
        if contrast(m, '#ffffff') < 3:
            problems.append('chart colour %s: contrast %.2f < 3 on white' % (m, contrast(m, '#ffffff')))
    print('%s: %d tables, %d charts, %d text colours, %d chart colours: %s'
          % (path, len(tables), len(svgs), len(texts), len(marks - {None}), 'ok' if not problems else 'FAILED'))
    for p in problems:
        print('  ' + p)
    bad += len(problems)
sys.exit(1 if bad else 0)
PY
/usr/bin/python3 - "$work/seed" <<'PY' || rc=1
import csv, glob, os, re, sys, zipfile
d = sys.argv[1]
z = zipfile.ZipFile(os.path.join(d, 'response.xlsx'))
strings = [re.sub(r'<[^>]+>', '', s) for s in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S)]
unesc = lambda s: s.replace('&lt;', '<').replace('&gt;', '>').replace('&quot;', '"').replace('&apos;', "'").replace('&amp;', '&')
names = re.findall(r'<sheet name="([^"]+)"', z.read('xl/workbook.xml').decode())
files = sorted(glob.glob(os.path.join(d, 'csv', '*.csv')))
bad = 0
if len(names) != len(files):
    print('xlsx: %d sheets for %d CSV files' % (len(names), len(files))); bad += 1
col = lambda ref: sum((ord(c) - 64) * 26 ** i for i, c in enumerate(reversed(re.match('[A-Z]+', ref).group())))
for k, path in enumerate(files, 1):
    sheet = z.read('xl/worksheets/sheet%d.xml' % k).decode()
    cells = {}
    for ref, attrs, v in re.findall(r'<c r="([A-Z]+[0-9]+)"([^>]*)><v>([^<]*)</v></c>', sheet):
        row = int(re.search('[0-9]+', ref).group()) - 1
        cells[(row, col(ref) - 1)] = unesc(strings[int(v)]) if 't="s"' in attrs else ('number', v)
    rows = list(csv.reader(open(path, newline='', encoding='utf-8')))
    width = max(len(r) for r in rows)
    want = {}
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            if c != '':
                want[(i, j)] = ('number', c) if i > 0 and j > 0 and len(r) == width and re.fullmatch('[0-9]+', c) else c
    if cells != want:
        print('xlsx sheet %s differs from %s' % (names[k - 1], os.path.basename(path))); bad += 1
print('xlsx: %d sheets, every cell as in its CSV' % len(names) if not bad else 'xlsx: FAILED')
sys.exit(1 if bad else 0)
PY
[ $rc -eq 0 ] && echo "response files: HTML valid (tidy, html5lib strict), self-contained and accessible; XLSX as the CSVs"
exit $rc
