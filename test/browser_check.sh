#!/usr/bin/env bash
# The response document in a real browser: headless Chromium (Debian's
# package, installed when missing) renders the seed request's HTML, and a
# protected copy of it, to a PNG and an A4 PDF, and the DOM it built is
# checked:
#   - each question's table is there, in its section, with the number of
#     body and total rows foistats.table_rows gives;
#   - every chart is an <svg role="img"> whose aria-labelledby names a
#     non-empty <title> and <desc>, and there is one per table;
#   - no withheld figure is visible: in the protected copy each withheld cell
#     shows the marker or nothing, no chart point is drawn for it (its
#     tooltip title would name it) and the chart's text says "withheld";
#     the 1d sentence says '*', not 'Six';
#   - the PDF is A4 and has pages.
#
#   bash test/browser_check.sh [ARTIFACT_DIR]   (default /tmp/foistats-browser)
#
# Keeps response.png / response.pdf (seed) and protected.png / protected.pdf
# in ARTIFACT_DIR and prints their paths.  Not part of test/check.sh: it
# installs a browser (see README, "The response document").
. "$(dirname "$0")/lib.sh"
cd "$FOISTATS_ROOT"
art=${1:-/tmp/foistats-browser}
mkdir -p "$art"
art=$(cd "$art" && pwd)
start=$(date +%s)
if ! command -v chromium >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import html5lib' 2>/dev/null; then
	say "installing chromium and python3-html5lib (apt-get)"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium python3-html5lib >/dev/null
fi
foistats_check_setup browser
bash test/response.sh "$work" > /dev/null

# Chromium with no network, no first-run work, a new empty profile each time.
browse() {
	local prof
	prof=$(mktemp -d "$work/profile.XXXXXX")
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$prof" "$@" 2> "$prof.log" || { cat "$prof.log" >&2; return 1; }
}
for d in seed protected; do
	name=$([ $d = seed ] && echo response || echo protected)
	url="file://$work/$d/response.html"
	browse --dump-dom "$url" > "$work/$d/dom.html"
	browse --window-size=1200,2600 --screenshot="$art/$name.png" "$url" > /dev/null
	browse --no-pdf-header-footer --print-to-pdf="$art/$name.pdf" "$url" > /dev/null
done

rc=0
/usr/bin/python3 - "$work" "$art" <<'PY' || rc=$?
import csv, os, re, sys
import html5lib

work, art = sys.argv[1], sys.argv[2]
H, S = '{http://www.w3.org/1999/xhtml}', '{http://www.w3.org/2000/svg}'
text = lambda e: ''.join(e.itertext()).strip() if e is not None else ''
fails = []

def check(doc, kind):
    dom = html5lib.parse(open(os.path.join(work, kind, 'dom.html'), encoding='utf-8').read())
    ids = {e.get('id'): e for e in dom.iter() if e.get('id')}
    tables = list(csv.reader(open(os.path.join(work, kind, 'tables.tsv')), delimiter='\t'))
    for q, body, totals in tables:
        sec = ids.get('q-' + q.lower())
        t = sec.find('.//%stable' % H) if sec is not None else None
        if t is None:
            fails.append('%s: question %s has no table' % (kind, q)); continue
        nb = len(t.findall('%stbody/%str' % (H, H))); nt = len(t.findall('%stfoot/%str' % (H, H)))
        if (nb, nt) != (int(body), int(totals)):
            fails.append('%s: question %s table has %d body and %d total rows, not %s and %s' % (kind, q, nb, nt, body, totals))
        svg = sec.find('.//%ssvg' % S)
        if svg is None:
            fails.append('%s: question %s has no chart' % (kind, q)); continue
        refs = (svg.get('aria-labelledby') or '').split()
        if svg.get('role') != 'img' or len(refs) != 2 or any(not text(ids.get(r)) for r in refs) \
           or [ids[r].tag for r in refs] != [S + 'title', S + 'desc']:
            fails.append('%s: question %s chart has no text alternative' % (kind, q))
    nsvg = len(dom.findall('.//%ssvg' % S))
    if nsvg != len(tables):
        fails.append('%s: %d charts for %d tables' % (kind, nsvg, len(tables)))
    return dom, ids

seed, _ = check('seed', 'seed')
prot, ids = check('protected', 'protected')
withheld = list(csv.reader(open(os.path.join(work, 'protected', 'withheld.tsv')), delimiter='\t'))
shown = 0
for q, row, col in withheld:
    sec = ids['q-' + q.lower()]
    t = sec.find('.//%stable' % H)
    head = [text(th) for th in t.find('%sthead/%str' % (H, H))]
    ci = head.index(col)
    for tr in t.iter(H + 'tr'):
        cells = list(tr)
        if cells and text(cells[0]) == row:
            v = text(cells[ci])
            if v not in ('*', ''):
                fails.append('protected: question %s, %s, %s is withheld but shows %r' % (q, row, col, v))
            shown += 1
    for tt in sec.iter(S + 'title'):
        if text(tt).startswith('%s, %s:' % (row, col)):
            fails.append('protected: question %s chart draws withheld %s, %s: %s' % (q, row, col, text(tt)))
    d = text(ids.get('chart-%s-desc' % q.lower()))
    m = re.search(r'(?:^|: |; )%s: ([^;]*)' % re.escape(row), d)
    if m and re.search(r'(?:^|, )%s (\d+)' % re.escape(col), m.group(1)):
        fails.append('protected: question %s chart text gives withheld %s, %s' % (q, row, col))
page = lambda dom: text(dom.find('.//%sbody' % H))
if 'Six of the reported crimes' not in page(seed):
    fails.append('seed: the 1d answer is missing')
if 'Six of the reported crimes' in page(prot) or '* of the reported crimes' not in page(prot):
    fails.append('protected: the 1d figure is not withheld in words')
for name in ('response', 'protected'):
    pdf = open(os.path.join(art, name + '.pdf'), 'rb').read()
    pages = len(re.findall(rb'/Type\s*/Page[^s]', pdf))
    boxes = set(re.findall(rb'/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]', pdf))
    if not pdf.startswith(b'%PDF') or pages < 2 or any(abs(float(w) - 595.3) > 2 or abs(float(h) - 841.9) > 2 for w, h in boxes) or not boxes:
        fails.append('%s.pdf: %d pages, media boxes %s (want A4, 595 x 842 pt)' % (name, pages, boxes))
    png = open(os.path.join(art, name + '.png'), 'rb').read(8)
    if png != b'\x89PNG\r\n\x1a\n':
        fails.append('%s.png is not a PNG' % name)
print('withheld figures checked: %d (%d table cells found)' % (len(withheld), shown))
for f in fails:
    print('FAILED: ' + f)
sys.exit(1 if fails else 0)
PY
echo "$art/response.png"
echo "$art/response.pdf"
echo "$art/protected.png"
echo "browser check: $([ $rc -eq 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - start )) s"
exit $rc
