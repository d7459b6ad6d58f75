#!/usr/bin/env bash
# Sweep of cancel points (not CI): runs each long operation of sql/cancel.sql
# under statement_timeouts spread over its whole run, not just once early as
# the test does, and lists every cancel that came more than LATE ms after
# its timeout (default 150): a loop somewhere in the middle or the end of an
# operation that has no CHECK_FOR_INTERRUPTS.  The inputs are those of
# sql/cancel.sql (its set-up, up to its first SET statement_timeout).
#   bash test/cancel_sweep.sh [step_ms] [late_ms]     (defaults 150 150; a few minutes)
. "$(dirname "$0")/lib.sh"
cd "$FOISTATS_ROOT"
step=${1:-150}
late=${2:-150}
foistats_ensure_deps
foistats_build
python3 - "$step" "$late" > "$FOISTATS_DEST/cancel_sweep.sql" <<'PY'
import sys
step, late = int(sys.argv[1]), int(sys.argv[2])
s = open('sql/cancel.sql').read()
setup = s[s.index('SET client_min_messages'):s.index("SET statement_timeout = '250ms';")]
# (name, query, how long it runs uncancelled on the dev machine, ms)
ops = [
    ('parse_table csv', "SELECT foistats.parse_table(csv, 'csv') FROM big", 1700),
    ('parse_table tsv', "SELECT foistats.parse_table(tsv, 'tsv') FROM big", 1800),
    ('protect', "SELECT foistats.protect(x) FROM big_x", 2500),
    ('protect round5', "SELECT foistats.protect(x, method => 'round5') FROM wide_x", 2000),
    ('protect cellkey', "SELECT foistats.protect(x, method => 'cellkey') FROM wide_x", 1000),
    ('audit', "SELECT count(*) FROM protected_x, foistats.audit(x)", 8500),
    ('reconcile', "SELECT count(*) FROM wide_x, foistats.reconcile(x, x)", 3000),
    ('mentions', "SELECT foistats.mentions(t, 'platforms') FROM mo", 2000),
    ('to_jsonb', "SELECT pg_column_size(foistats.to_jsonb(x)) FROM big_x", 1000),
] + [('render ' + f, "SELECT octet_length(foistats.render(x, '%s')) FROM wide_x" % f, 2500)
     for f in ('tsv', 'csv', 'markdown', 'html', 'text')]
out = [setup]
for name, q, d in ops:
    for t in range(100, d, step):
        out.append("SET statement_timeout = '%dms';\nSELECT pg_temp.cancel_probe('%s at %d ms', $q$%s$q$) \\g /dev/null\n" % (t, name, t, q))
out.append("RESET statement_timeout;\n")
out.append("SELECT count(*) AS probes, count(*) FILTER (WHERE outcome = 'ran to the end') AS ran_to_the_end, max(late) FILTER (WHERE outcome <> 'ran to the end') AS latest_cancel_ms FROM cancel_log;\n")
out.append("SELECT op, ms, late, outcome FROM cancel_log WHERE late > %d AND outcome <> 'ran to the end' ORDER BY late DESC;\n" % late)
print(''.join(out))
PY
foistats_virtualenv sh -c "createdb sweep && psql -X -q -v ON_ERROR_STOP=1 -d sweep -f '$FOISTATS_DEST/cancel_sweep.sql'"
