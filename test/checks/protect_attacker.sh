#!/usr/bin/env bash
# An independent attacker (integer programs, glpsol; test/attacker/attack.py)
# of what protected tables publish, using every link: the seed request's
# questions 1, 1b and 1c protected together (1b and 1c are subsets of 1),
# the platform table 3 and other multi-label tables (the attacker models the
# crimes and their label sets, not foistats' cap), a hand-made family of
# two overlapping subsets, and two years' responses (the same table for
# 2009-2013 and 2010-2014, same_as: equal cells in the shared years, up to
# revisions the attacker knows), with a hand-made pair whose shared figures
# were revised.  The same two years protected each on their own must be
# broken (expect_narrowed): the attacker uses the link.  For every withheld small count and every small
# difference superset - subset, the attacker's exact integer interval must
# meet the rule (nothing below max(0, v - 5) to v + 5 can be ruled out), and
# contain foistats' inner interval and lie within its outer bounds.
. "$(dirname "$0")/../lib.sh"
cd "$FOISTATS_ROOT"
if ! command -v glpsol >/dev/null 2>&1; then
	echo "protect_attacker: glpsol (glpk-utils) missing" >&2
	exit 1
fi
foistats_check_setup protect-attacker
cp test/attacker/cases.sql "$work/cases.sql"
chmod 644 "$work/cases.sql"
# FOISTATS_ATTACK_PERIODS / FOISTATS_ATTACK_SEED: how many random pairs of
# periods (default 12) from which seed (default 0.29), e.g. 80 and 0.71
foistats_virtualenv sh -c "createdb att && psql -X -q -v ON_ERROR_STOP=1 -v pp_cases=${FOISTATS_ATTACK_PERIODS:-12} -v pp_seed=${FOISTATS_ATTACK_SEED:-0.29} -d att -f '$work/cases.sql' > '$work/cases.jsonl'"
python3 - "$work/cases.jsonl" <<'PY'
import json, subprocess, sys
p = 5
bad = 0
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith("protect_attacker:"):
        print(line)
    if not line.startswith("{"):
        continue
    case = json.loads(line)
    res = json.loads(subprocess.run([sys.executable, "test/attacker/attack.py"], input=json.dumps(case),
                                    capture_output=True, text=True, check=True).stdout)
    fails = inner_bad = outer_bad = exact = 0
    for tg, v, iv, r in zip(case["targets"], case["truth"], case["foistats"], res):
        ok = r["lo"] <= max(0, v - p) and (r["hi"] is None or r["hi"] >= v + p)
        if not ok:
            fails += 1
            print("  expected: narrowed" if case.get("expect_narrowed") else "  NOT PROTECTED",
                  case["case"], tg, "true", v, "attacker", r)
        if "diff" not in tg and iv["min"] is not None:
            if not (r["lo"] <= iv["min"] and (r["hi"] is None or (iv["max"] is not None and r["hi"] >= iv["max"]))):
                inner_bad += 1
                print("  inner interval not within the attacker's", case["case"], tg, iv, r)
            if not (iv["bound_min"] <= r["lo"] and (iv["bound_max"] is None or (r["hi"] is not None and r["hi"] <= iv["bound_max"]))):
                outer_bad += 1
                print("  attacker beyond the outer bounds", case["case"], tg, iv, r)
            exact += iv["min"] == r["lo"] and iv["max"] == r["hi"]
    cells = sum(1 for t in case["targets"] if "diff" not in t)
    print(f"protect_attacker: {case['case']}: {cells} withheld small counts and "
          f"{len(case['targets']) - cells} small differences attacked: {fails} narrowed below the rule; "
          f"foistats' inner interval equals the attacker's for {exact} of {cells}, "
          f"{inner_bad} inner and {outer_bad} outer intervals wrong")
    if case.get("expect_narrowed"):
        # protected without the link: the attacker must find what it leaves
        if fails == 0:
            print("  expected the attacker to narrow some count of", case["case"])
            bad += 1
        fails = 0
    bad += fails + inner_bad + outer_bad
sys.exit(1 if bad else 0)
PY
