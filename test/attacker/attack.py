#!/usr/bin/env python3
"""An independent attacker of published tables: integer programs solved by glpsol.

Test-only (glpk-utils); shares no code with foistats.  It reads, as JSON on
stdin, what a reader of a response has:

  {"tables": [{"name", "rows": [...], "cols": [...],
               "cells": [[int or null, ...], ...],     null = withheld
               "row_totals": [int or null], "col_totals": [...], "grand": int or null,
               "units": [int or null] or null,          distinct crimes (multi-label)
               "labels_per_crime": true/false}],       a multi-label table
   "links": [[sub, sup], ...],                          table indexes: sub's records are sup's
   "same": [{"a": i, "b": j, "revisions": [[row, col, d], ...]}, ...],
                                                        i and j count the same crimes
                                                        (another period's table)
   "same_totals": [{"a": i, "b": j}, ...],              i and j count the same crimes
                                                        by two breakdowns
   "targets": [{"table": i, "row": r, "col": c} |
               {"diff": [sub, sup], "row": r, "col": c}]}

and prints, per target, the least and greatest value over every nonnegative
INTEGER completion of everything published:

  - each table's withheld cells and totals are unknowns; its rows and
    columns add up to its totals;
  - a multi-label table is modelled from the crimes up, not from foistats'
    projection: n[c][S] >= 0 crimes of column c carry exactly the label set S
    (every nonempty S); cell (r, c) = sum of n[c][S] over S holding r; its
    mentions total = sum of |S| n[c][S]; its distinct crimes = sum n[c][S];
  - a link (sub, sup) with the same rows and columns: every cell of sub is at
    most sup's (rows or columns a table does not list are zeros there);
  - a "same" pair: in every column both tables list, every row either
    lists (a table's unlisted row is 0 there), a's cell - b's cell = d, the
    revision (0 unless listed): the reader is taken to know the revisions,
    as foistats does;
  - a "same_totals" pair: in every column both tables list, a's cells add
    up to what b's add up to (the same crimes by other rows: one column
    total, published or not; the grand totals follow);
  - a difference target is sup - sub at a cell.

Output: JSON list of {"lo", "hi"} (hi null when unbounded), in target order.
"""
import concurrent.futures
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import threading

BIG = 10 ** 9


def var(t, r, c):
    return f"x_{t}_{r}_{c}"


def lin(*terms):
    """A linear form {var: coef} from (coef, var) pairs."""
    f = {}
    for k, v in terms:
        f[v] = f.get(v, 0) + k
    return f


def total(vs, rhs):
    return (lin(*((1, v) for v in vs)), "=", rhs)


def build(model):
    """Constraints (form, op, rhs), op one of '=', '>=', and the variables."""
    tabs = model["tables"]
    # one grid per linked family: labels matched by name
    cons = []
    bounds = []
    gens = []
    for t, tb in enumerate(tabs):
        nr, nc = len(tb["rows"]), len(tb["cols"])
        cells = tb["cells"]
        for r in range(nr):
            for c in range(nc):
                v = var(t, r, c)
                gens.append(v)
                if cells[r][c] is not None:
                    cons.append((lin((1, v)), "=", cells[r][c]))
        for r in range(nr):
            tot = tb["row_totals"][r]
            if tot is not None:
                cons.append(total([var(t, r, c) for c in range(nc)], tot))
        for c in range(nc):
            tot = tb["col_totals"][c]
            if tot is not None:
                cons.append(total([var(t, r, c) for r in range(nr)], tot))
        if tb["grand"] is not None:
            cons.append(total([var(t, r, c) for r in range(nr) for c in range(nc)], tb["grand"]))
        if tb.get("labels_per_crime"):
            subsets = [s for k in range(1, nr + 1) for s in itertools.combinations(range(nr), k)]
            for c in range(nc):
                ns = {s: f"n_{t}_{c}_{'_'.join(map(str, s))}" for s in subsets}
                gens.extend(ns.values())
                for r in range(nr):
                    cons.append((lin(*[(1, ns[s]) for s in subsets if r in s], (-1, var(t, r, c))), "=", 0))
                u = tb["units"][c] if tb.get("units") else None
                if u is not None:
                    cons.append(total(list(ns.values()), u))
    for sub, sup in model["links"]:
        a, b = tabs[sub], tabs[sup]
        for r, rl in enumerate(a["rows"]):
            for c, cl in enumerate(a["cols"]):
                if rl in b["rows"] and cl in b["cols"]:
                    cons.append((lin((1, var(sup, b["rows"].index(rl), b["cols"].index(cl))), (-1, var(sub, r, c))), ">=", 0))
                else:
                    cons.append((lin((1, var(sub, r, c))), "=", 0))
    for pair in model.get("same", []):
        a, b = pair["a"], pair["b"]
        ta, tb = tabs[a], tabs[b]
        rev = {(r, c): d for r, c, d in pair["revisions"]}
        rows = list(dict.fromkeys(ta["rows"] + tb["rows"]))
        for cl in ta["cols"]:
            if cl not in tb["cols"]:
                continue
            for rl in rows:
                va = var(a, ta["rows"].index(rl), ta["cols"].index(cl)) if rl in ta["rows"] else None
                vb = var(b, tb["rows"].index(rl), tb["cols"].index(cl)) if rl in tb["rows"] else None
                d = rev.get((rl, cl), 0)
                if va and vb:
                    cons.append((lin((1, va), (-1, vb)), "=", d))
                elif va:
                    cons.append((lin((1, va)), "=", d))
                elif vb:
                    cons.append((lin((1, vb)), "=", -d))
    for pair in model.get("same_totals", []):
        a, b = pair["a"], pair["b"]
        ta, tb = tabs[a], tabs[b]
        for cl in ta["cols"]:
            if cl not in tb["cols"]:
                continue
            ca, cb = ta["cols"].index(cl), tb["cols"].index(cl)
            cons.append((lin(*[(1, var(a, r, ca)) for r in range(len(ta["rows"]))],
                             *[(-1, var(b, r, cb)) for r in range(len(tb["rows"]))]), "=", 0))
    return cons, gens


def fmt(form):
    out = []
    for v, k in form.items():
        out.append(("+ " if k >= 0 else "- ") + (f"{abs(k)} " if abs(k) != 1 else "") + v)
    return " ".join(out) if out else "0"


def reduce(cons):
    """Exact reduction: variables an equality fixes are substituted
    everywhere (repeatedly), and what is left is split into independent
    parts (variables linked by a constraint).  The model is the truth's, so
    feasible: a part's least and greatest value of an objective over its own
    constraints are those over the whole model."""
    fixed = {}
    cons = [(dict(f), op, rhs) for f, op, rhs in cons]
    changed = True
    while changed:
        changed = False
        left = []
        for f, op, rhs in cons:
            for v in [v for v in f if v in fixed]:
                rhs -= f.pop(v) * fixed[v]
            if not f:
                ok = rhs == 0 if op == "=" else rhs <= 0
                if not ok:
                    raise SystemExit("attack: the published figures admit no table")
                continue
            if op == "=" and len(f) == 1:
                (v, k), = f.items()
                if rhs % k or rhs // k < 0:
                    raise SystemExit("attack: the published figures admit no table")
                fixed[v] = rhs // k
                changed = True
                continue
            left.append((f, op, rhs))
        cons = left
    parent = {}

    def find(v):
        parent.setdefault(v, v)
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v
    for f, _, _ in cons:
        vs = list(f)
        for v in vs[1:]:
            ra, rb = find(vs[0]), find(v)
            if ra != rb:
                parent[ra] = rb
    parts = {}
    for c in cons:
        parts.setdefault(find(next(iter(c[0]))), []).append(c)
    return fixed, find, parts


def solve(obj, sense, cons, gens, tmp):
    path = os.path.join(tmp, "m.lp")
    with open(path, "w") as f:
        f.write(("Maximize" if sense == "max" else "Minimize") + "\n obj: " + fmt(obj) + "\nSubject To\n")
        for i, (form, op, rhs) in enumerate(cons):
            # glpk's LP reader wants constants on the right only
            f.write(f" c{i}: {fmt(form)} {op} {rhs}\n")
        f.write("Bounds\n")
        for g in gens:
            f.write(f" 0 <= {g} <= {BIG}\n")
        f.write("Generals\n")
        for g in gens:
            f.write(f" {g}\n")
        f.write("End\n")
    out = os.path.join(tmp, "m.out")
    p = subprocess.run(["glpsol", "--lp", path, "-o", out], capture_output=True, text=True)
    txt = open(out).read() if os.path.exists(out) else ""
    if "INTEGER OPTIMAL" not in txt and "OPTIMAL" not in txt:
        raise SystemExit("glpsol did not solve: " + p.stdout[-800:])
    v = int(round(float(re.search(r"Objective:\s+obj\s+=\s+(-?[0-9.e+]+)", txt).group(1))))
    return v


def interval(obj, fixed, find, parts, tmp):
    """Least and greatest value of the linear form obj (None: unbounded)."""
    const = sum(k * fixed[v] for v, k in obj.items() if v in fixed)
    free = {v: k for v, k in obj.items() if v not in fixed}
    if not free:
        return const, const
    roots = {find(v) for v in free}
    # glpk's LP reader wants one constraint at least: a redundant one
    cons = [c for r in roots for c in parts.get(r, [])] or [(lin((1, v)), ">=", 0) for v in free]
    gens = sorted(set(free) | {v for f, _, _ in cons for v in f})
    lo = solve(free, "min", cons, gens, tmp)
    hi = solve(free, "max", cons, gens, tmp)
    return const + lo, None if hi >= BIG // 2 else const + hi


def main():
    model = json.load(sys.stdin)
    cons, gens = build(model)
    fixed, find, parts = reduce(cons)
    objs = []
    for tg in model["targets"]:
        if "diff" in tg:
            sub, sup = tg["diff"]
            a, b = model["tables"][sub], model["tables"][sup]
            rl, cl = b["rows"][tg["row"]], b["cols"][tg["col"]]
            x_sup = var(sup, tg["row"], tg["col"])
            if rl in a["rows"] and cl in a["cols"]:
                objs.append(lin((1, x_sup), (-1, var(sub, a["rows"].index(rl), a["cols"].index(cl)))))
            else:
                objs.append(lin((1, x_sup)))
        else:
            objs.append(lin((1, var(tg["table"], tg["row"], tg["col"]))))
    # one glpsol at a time per core; each thread its own files
    local = threading.local()

    def one(obj):
        if not hasattr(local, "tmp"):
            local.tmp = tempfile.mkdtemp(dir=top)
        return interval(obj, fixed, find, parts, local.tmp)
    with tempfile.TemporaryDirectory() as top:
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            res = [{"lo": lo, "hi": hi} for lo, hi in pool.map(one, objs)]
    json.dump(res, sys.stdout)


if __name__ == "__main__":
    main()
