#!/usr/bin/env python3
"""Loss of protect()'s heuristic against the optimum (test/bench/protect_optimum.sh).

200 random tables up to 12 x 6 with many small counts (seeded).  For each the
heuristic (the C core, every total published, threshold 5, protection 5)
and the exact optimum: the fewest withheld cells such that every small count
v can move up by 5 and down by min(5, v) while every published figure holds,
an integer program with one 0/1 variable per cell and, per small count and
direction, a deviation table that is zero on published cells (Fischetti and
Salazar's model; the network structure makes the deviations integral),
solved by glpsol.  Prints withheld cells heuristic / optimum: median and worst.
"""
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile

heur_bin = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200
rng = random.Random(2026)
P = 5


def table():
    nr, nc = rng.randint(2, 12), rng.randint(2, 6)
    v = []
    for _ in range(nr * nc):
        u = rng.random()
        v.append(0 if u < 0.3 else rng.randint(1, 4) if u < 0.6 else rng.randint(5, 20) if u < 0.85
                 else rng.randint(20, 120))
    return nr, nc, v


def optimum(nr, nc, v, tmp):
    prim = [i for i, x in enumerate(v) if 1 <= x <= 4]
    big = sum(v) + P
    lines = ["Minimize", " obj: " + " + ".join(f"y{i}" for i in range(nr * nc)), "Subject To"]
    k = 0
    for i in prim:
        lines.append(f" c{k}: y{i} = 1"); k += 1
        for d, need in (("u", P), ("d", -min(P, v[i]))):
            z = lambda e: f"z{i}{d}_{e}"
            for r in range(nr):
                lines.append(f" c{k}: " + " + ".join(z(r * nc + c) for c in range(nc)) + " = 0"); k += 1
            for c in range(nc):
                lines.append(f" c{k}: " + " + ".join(z(r * nc + c) for r in range(nr)) + " = 0"); k += 1
            lines.append(f" c{k}: {z(i)} = {need}"); k += 1
            for e in range(nr * nc):
                if e == i:
                    continue
                lines.append(f" c{k}: {z(e)} - {big} y{e} <= 0"); k += 1
                lines.append(f" c{k}: {z(e)} + {v[e]} y{e} >= 0"); k += 1
    lines.append("Bounds")
    for i in prim:
        for d in "ud":
            for e in range(nr * nc):
                lines.append(f" -{big} <= z{i}{d}_{e} <= {big}")
    lines.append("Binaries")
    lines += [f" y{i}" for i in range(nr * nc)]
    lines.append("End")
    path = os.path.join(tmp, "o.lp")
    open(path, "w").write("\n".join(lines) + "\n")
    out = os.path.join(tmp, "o.out")
    subprocess.run(["glpsol", "--lp", path, "-o", out, "--tmlim", "60"], capture_output=True)
    txt = open(out).read()
    if "INTEGER OPTIMAL" not in txt:
        return None
    return int(round(float(re.search(r"Objective:\s+obj\s+=\s+(-?[0-9.e+]+)", txt).group(1))))


tabs = [table() for _ in range(N)]
inp = "".join(f"{nr} {nc} " + " ".join(map(str, v)) + "\n" for nr, nc, v in tabs)
heur = subprocess.run([heur_bin], input=inp, capture_output=True, text=True, check=True).stdout.split("\n")
ratios = []
skipped = 0
with tempfile.TemporaryDirectory() as tmp:
    for (nr, nc, v), h in zip(tabs, heur):
        st, n, ms = h.split()
        if st != "ok" or not any(1 <= x <= 4 for x in v):
            skipped += 1
            continue
        o = optimum(nr, nc, v, tmp)
        if o is None:
            skipped += 1
            continue
        ratios.append((int(n) / o, int(n), o, nr, nc))
r = [x[0] for x in ratios]
print(f"tables: {N} generated, {len(r)} compared (the others have no small count, cannot be "
      f"protected with every total published, or the solver gave up)")
print(f"withheld cells, heuristic / optimum: median {statistics.median(r):.3f}, mean {statistics.mean(r):.3f}, "
      f"worst {max(r):.3f}; heuristic optimal on {sum(1 for x in r if x == 1.0)} of {len(r)}")
print(f"withheld in all: heuristic {sum(x[1] for x in ratios)}, optimum {sum(x[2] for x in ratios)}")
w = max(ratios)
print(f"worst: {w[3]}x{w[4]} table, heuristic {w[1]} cells, optimum {w[2]}")
