#!/usr/bin/env python3
"""Loss of protect()'s heuristic against the exact optimum (test/bench/protect_optimum.sh).

    protect_optimum.py CORE [N]      the bench: two sets of N (200) random tables up to 12 x 6
    protect_optimum.py CORE --verify [N]
                                     the exact solver against brute force over
                                     every pattern of N (40) tiny tables

CORE is the C harness (test/bench/protect_optimum.c): the heuristic's patterns
and the core's exact audit.

The model is protect()'s with its defaults: threshold 5, protection 5, every
total published.  A pattern (the set of withheld cells) PROTECTS a small count
v (1..4) at cell i = (r, c) when it withholds i and the reader cannot rule out
v + 5 nor max(0, v - 5): with the totals published the values a reader cannot
rule out are those of a circulation in the network row -> column (one arc per
withheld cell other than i: forwards unbounded (the cell may rise), backwards
its value (it may fall to 0)), so

    up:   the maximum flow from column c to row r is >= 5
    down: the maximum flow from row r to column c is >= min(5, v)

(suppress.h explains the network).  check() computes both with its own
augmenting paths, independently of src/flow.c; every pattern below, the
heuristic's and the optimum's, is checked by it AND by the core's exact audit.

The optimum (Fischetti and Salazar's model, solved by constraint generation):
minimise sum_e w_e y_e over y in {0,1}^cells with y_i = 1 for every small
count, subject to, for every small count i, direction and every set S of
nodes holding the flow's source and not its sink,

    sum over cells e != i whose arc leaves S of min(capacity_e, need) y_e >= need

(max-flow min-cut: the flow reaches `need` iff every cut does; an unbounded
arc counts `need`).  Start with the cuts around the cell's own row and column,
solve the master 0/1 program with glpsol, find for every small count and
direction whose flow falls short a minimum cut (the nodes the last augmenting
search reaches from the source, and the nodes that reach the sink), add it,
solve again, until the master's pattern protects every small count: it is
then optimal (the master relaxes the full problem and its optimum is
feasible).  Two objectives: withheld cells (w_e = 1) and withheld count (the
sum of the withheld values; w_e = v_e (n + 1) + 1, i.e. the fewest cells among
the least count).

A table is unprotectable when withholding every cell leaves a small count
unprotected (withholding more only widens intervals, so no pattern does).
"""
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import combinations

P = 5
INF = float("inf")


def table(rng, mix=(0.3, 0.6, 0.85)):
    nr, nc = rng.randint(2, 12), rng.randint(2, 6)
    v = []
    for _ in range(nr * nc):
        u = rng.random()
        v.append(0 if u < mix[0] else rng.randint(1, 4) if u < mix[1] else rng.randint(5, 20) if u < mix[2]
                 else rng.randint(20, 120))
    return nr, nc, v


def small(v):
    return [i for i, x in enumerate(v) if 1 <= x <= P - 1]


def sides(nr, nc, v, i):
    """The two checks of small count i: (name, source, sink, need)."""
    r, c = divmod(i, nc)
    return (("up", nr + c, r, P), ("down", r, nr + c, min(P, v[i])))


def maxflow(nr, nc, v, pat, skip, src, dst, need):
    """Maximum flow from src to dst (capped at need) over the withheld cells
    other than skip; returns (flow, source side, sink side) of a minimum cut
    when flow < need."""
    n = nr + nc
    cap = [[0] * n for _ in range(n)]
    for e, w in enumerate(pat):
        if w and e != skip:
            r, c = divmod(e, nc)
            cap[r][nr + c] = INF
            cap[nr + c][r] = v[e]
    flow = 0
    while flow < need:
        prev = [-1] * n
        prev[src] = src
        queue = [src]
        for x in queue:
            for y in range(n):
                if prev[y] < 0 and cap[x][y] > 0:
                    prev[y] = x
                    queue.append(y)
        if prev[dst] < 0:
            reach = set(queue)
            back = {dst}
            stack = [dst]
            while stack:
                y = stack.pop()
                for x in range(n):
                    if x not in back and cap[x][y] > 0:
                        back.add(x)
                        stack.append(x)
            return flow, reach, set(range(n)) - back
        d, y = need - flow, dst
        while y != src:
            d = min(d, cap[prev[y]][y])
            y = prev[y]
        y = dst
        while y != src:
            cap[prev[y]][y] -= d
            cap[y][prev[y]] += d
            y = prev[y]
        flow += d
    return flow, None, None


def check(nr, nc, v, pat):
    """The checks a pattern fails: [(cell, source, sink, need, cuts)]."""
    bad = []
    for i in small(v):
        if not pat[i]:
            bad.append((i, None, None, None, []))
            continue
        for _, s, t, need in sides(nr, nc, v, i):
            f, a, b = maxflow(nr, nc, v, pat, i, s, t, need)
            if f < need:
                bad.append((i, s, t, need, [a] if a == b else [a, b]))
    return bad


def cut(nr, nc, v, i, need, S):
    """The cut inequality of node set S: {cell: coefficient} >= need."""
    co = {}
    for e in range(nr * nc):
        if e == i:
            continue
        r, c = divmod(e, nc)
        if r in S and nr + c not in S:
            co[e] = need
        elif nr + c in S and r not in S and v[e] > 0:
            co[e] = min(v[e], need)
    return co


class Master:
    """The master 0/1 program, solved by glpsol."""

    def __init__(self, nr, nc, v, weight, tmp):
        self.nr, self.nc, self.v, self.w, self.tmp = nr, nc, v, weight, tmp
        self.cuts = set()
        self.solves = 0
        for i in small(v):
            r, c = divmod(i, nc)
            for _, s, t, need in sides(nr, nc, v, i):
                self.add(i, need, {s})
                self.add(i, need, set(range(nr + nc)) - {t})

    def add(self, i, need, S):
        co = cut(self.nr, self.nc, self.v, i, need, S)
        key = (tuple(sorted(co.items())), need)
        new = key not in self.cuts
        self.cuts.add(key)
        return new

    def solve(self, tmlim):
        n = self.nr * self.nc
        prim = set(small(self.v))
        lines = ["Minimize", " obj: " + " + ".join(f"{self.w[e]} y{e}" for e in range(n)), "Subject To"]
        for k, (co, need) in enumerate(sorted(self.cuts)):
            fixed = sum(a for e, a in co if e in prim)
            rest = [(e, a) for e, a in co if e not in prim]
            if fixed >= need:
                continue
            if not rest:
                return "infeasible", None
            lines.append(f" c{k}: " + " + ".join(f"{a} y{e}" for e, a in rest) + f" >= {need - fixed}")
        lines.append("Bounds")
        lines += [f" y{e} = 1" for e in sorted(prim)]
        lines.append("Binaries")
        lines += [f" y{e}" for e in range(n)]
        lines.append("End")
        lp = os.path.join(self.tmp, "m.lp")
        sol = os.path.join(self.tmp, "m.sol")
        with open(lp, "w") as f:
            f.write("\n".join(lines) + "\n")
        if os.path.exists(sol):
            os.remove(sol)
        self.solves += 1
        subprocess.run(["glpsol", "--lp", lp, "-w", sol, "--tmlim", str(tmlim)],
                       capture_output=True)
        if not os.path.exists(sol):
            return "gave up", None
        pat = [0] * n
        status = None
        for line in open(sol):
            f = line.split()
            if f[0] == "s":
                status = f[4]
            elif f[0] == "j":
                pat[int(f[1]) - 1] = int(round(float(f[2])))
        if status != "o":
            return "gave up" if status != "n" else "infeasible", None
        return "ok", pat


def optimum(nr, nc, v, weight, tmp, tmlim=60, rounds=500):
    """The exact optimum under weights: (status, pattern, master solves)."""
    m = Master(nr, nc, v, weight, tmp)
    for _ in range(rounds):
        st, pat = m.solve(tmlim)
        if st != "ok":
            return st, None, m.solves
        bad = check(nr, nc, v, pat)
        if not bad:
            return "ok", pat, m.solves
        added = 0
        for i, _, _, need, cuts in bad:
            for S in cuts:
                added += m.add(i, need, S)
        if not added:
            raise RuntimeError("a violated check gave no new cut")
    return "gave up", None, m.solves


def cells_weight(v):
    return [1] * len(v)


def count_weight(v):
    return [x * (len(v) + 1) + 1 for x in v]


def withheld(v, pat):
    return sum(pat), sum(x for x, w in zip(v, pat) if w)


def core(core_bin, mode, lines):
    out = subprocess.run([core_bin, mode], input="".join(lines), capture_output=True, text=True,
                         check=True).stdout.split("\n")
    return out[:len(lines)]


def audited(core_bin, tabs_pats):
    """The core's exact audit of each (table, pattern): all must pass."""
    res = core(core_bin, "audit", [f"{nr} {nc} " + " ".join(map(str, v)) + " " +
                                   "".join(map(str, p)) + "\n" for (nr, nc, v), p in tabs_pats])
    return [r == "pass" for r in res]


def fmt_ratios(r):
    return (f"median {statistics.median(r):.3f}, mean {statistics.mean(r):.3f}, worst {max(r):.3f}; "
            f"optimal on {sum(1 for x in r if x == 1.0)} of {len(r)}")


def bench(core_bin, N, mix):
    rng = random.Random(2026)
    tabs = [table(rng, mix) for _ in range(N)]
    heur = core(core_bin, "protect", [f"{nr} {nc} " + " ".join(map(str, v)) + "\n" for nr, nc, v in tabs])
    none = unprot = 0
    rows = []
    gave_up = []
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for k, ((nr, nc, v), h) in enumerate(zip(tabs, heur)):
            st, hp, ms = h.split()
            if not small(v):
                none += 1
                assert st == "ok" and "1" not in hp
                continue
            full = [1] * (nr * nc)
            if check(nr, nc, v, full):
                unprot += 1
                if st != "unprotectable":
                    raise SystemExit(f"table {k}: the heuristic protected an unprotectable table")
                continue
            if st != "ok":
                raise SystemExit(f"table {k}: protectable, but the heuristic said unprotectable")
            hp = [int(x) for x in hp]
            if check(nr, nc, v, hp):
                raise SystemExit(f"table {k}: the heuristic's pattern fails the check")
            sc, pc, nc_ = optimum(nr, nc, v, cells_weight(v), tmp)
            sv, pv, nv = optimum(nr, nc, v, count_weight(v), tmp)
            if sc != "ok" or sv != "ok":
                gave_up.append(k)
                continue
            rows.append(dict(k=k, nr=nr, nc=nc, v=v, hp=hp, pc=pc, pv=pv, solves=nc_ + nv,
                             ms=float(ms)))
    secs = time.time() - t0
    ok = audited(core_bin, [((r["nr"], r["nc"], r["v"]), p) for r in rows for p in (r["hp"], r["pc"], r["pv"])])
    if not all(ok):
        raise SystemExit("a pattern the check passes fails the core's exact audit")
    for r in rows:
        r["hc"], r["hv"] = withheld(r["v"], r["hp"])
        r["oc"], _ = withheld(r["v"], r["pc"])
        _, r["ov"] = withheld(r["v"], r["pv"])
        if r["hc"] < r["oc"] or r["hv"] < r["ov"]:
            raise SystemExit(f"table {r['k']}: the heuristic beats the 'optimum'")
    rc = [r["hc"] / r["oc"] for r in rows]
    rv = [r["hv"] / r["ov"] for r in rows]
    print(f"tables: {N} generated (2..12 x 2..6, seed 2026; cells 0 / 1..4 / 5..20 / 20..120 with "
          f"probabilities {mix[0]:.2f} / {mix[1] - mix[0]:.2f} / {mix[2] - mix[1]:.2f} / {1 - mix[2]:.2f}): "
          f"{none} without a small count, {unprot} "
          f"unprotectable with every total published (withholding every cell leaves a small count "
          f"narrow; the heuristic says so too), {len(rows)} protectable, "
          f"{len(gave_up)} where the solver gave up")
    print(f"optimum: constraint generation, {sum(r['solves'] for r in rows)} glpsol solves, "
          f"{secs:.0f} s; every pattern (heuristic and optimum) passes the check and the core's exact audit")
    print(f"withheld cells (small counts included), heuristic / optimum: {fmt_ratios(rc)}")
    print(f"  in all: heuristic {sum(r['hc'] for r in rows)} cells, optimum {sum(r['oc'] for r in rows)}; "
          f"goal median <= 1.10 and worst <= 1.5: "
          f"{'met' if statistics.median(rc) <= 1.10 and max(rc) <= 1.5 else 'NOT MET'}")
    w = max(rows, key=lambda r: (r["hc"] / r["oc"], r["k"]))
    print(f"  worst: table {w['k']} ({w['nr']}x{w['nc']}), heuristic {w['hc']} cells, optimum {w['oc']}")
    print(f"withheld count (sum of withheld values), heuristic / optimum: {fmt_ratios(rv)}")
    print(f"  in all: heuristic {sum(r['hv'] for r in rows)}, optimum {sum(r['ov'] for r in rows)}")
    w = max(rows, key=lambda r: (r["hv"] / r["ov"], r["k"]))
    print(f"  worst: table {w['k']} ({w['nr']}x{w['nc']}), heuristic {w['hv']}, optimum {w['ov']}")
    print(f"heuristic time per table: median {statistics.median(r['ms'] for r in rows):.2f} ms, "
          f"max {max(r['ms'] for r in rows):.2f} ms")
    if os.environ.get("PROTECT_OPTIMUM_DUMP"):
        with open(os.environ["PROTECT_OPTIMUM_DUMP"], "w") as f:
            for r in rows:
                f.write(f"{r['k']} {r['nr']} {r['nc']} {' '.join(map(str, r['v']))} | "
                        f"{''.join(map(str, r['hp']))} {''.join(map(str, r['pc']))} "
                        f"{''.join(map(str, r['pv']))}\n")


def brute(nr, nc, v):
    """The least cells and the least count over every pattern."""
    prim = small(v)
    free = [e for e in range(nr * nc) if e not in prim]
    best_c = best_v = None
    for k in range(len(free) + 1):
        for extra in combinations(free, k):
            pat = [0] * (nr * nc)
            for e in prim + list(extra):
                pat[e] = 1
            if not check(nr, nc, v, pat):
                c, s = withheld(v, pat)
                if best_c is None:
                    best_c = c
                if best_v is None or s < best_v:
                    best_v = s
    return best_c, best_v


def verify(core_bin, N):
    """Constraint generation against brute force on tiny tables, and the
    check against the core's exact audit on every pattern of a few."""
    rng = random.Random(7)
    done = 0
    unprot = 0
    samples = []
    with tempfile.TemporaryDirectory() as tmp:
        while done < N:
            nr, nc = rng.choice([(2, 2), (2, 3), (3, 2), (3, 3), (2, 4), (4, 2), (3, 4), (4, 3), (2, 6)])
            v = [0 if u < 0.2 else rng.randint(1, 4) if u < 0.4 else rng.randint(5, 20) if u < 0.8
                 else rng.randint(20, 120) for u in (rng.random() for _ in range(nr * nc))]
            if not small(v):
                continue
            bc, bv = brute(nr, nc, v)
            if bc is None:
                unprot += 1
                assert check(nr, nc, v, [1] * (nr * nc))
                for w in (cells_weight(v), count_weight(v)):
                    st, _, _ = optimum(nr, nc, v, w, tmp)
                    if st != "infeasible":
                        raise SystemExit(f"{nr}x{nc} {v}: no pattern protects, the solver says {st}")
                continue
            done += 1
            st, pc, _ = optimum(nr, nc, v, cells_weight(v), tmp)
            st2, pv, _ = optimum(nr, nc, v, count_weight(v), tmp)
            if st != "ok" or st2 != "ok" or withheld(v, pc)[0] != bc or withheld(v, pv)[1] != bv:
                raise SystemExit(f"{nr}x{nc} {v}: brute force {bc} cells / count {bv}, "
                                 f"constraint generation {pc and withheld(v, pc)} / {pv and withheld(v, pv)}")
            if len(samples) < 6 and nr * nc <= 9:
                samples.append((nr, nc, v))
    # the check against the core's exact audit, on every pattern of a few tables
    pats = []
    for nr, nc, v in samples:
        for bits in range(1 << (nr * nc)):
            pats.append(((nr, nc, v), [(bits >> e) & 1 for e in range(nr * nc)]))
    ok = audited(core_bin, pats)
    for ((nr, nc, v), p), a in zip(pats, ok):
        if a != (not check(nr, nc, v, p)):
            raise SystemExit(f"{nr}x{nc} {v} pattern {p}: the check says {not a}, the core's audit {a}")
    print(f"verify: {N} protectable tiny tables, the optimum by constraint generation = brute force "
          f"over every pattern, cells and count (and {unprot} unprotectable, found so by both); the check = the "
          f"core's exact audit on all {len(pats)} patterns of {len(samples)} tables")


if __name__ == "__main__":
    core_bin = sys.argv[1]
    if len(sys.argv) > 2 and sys.argv[2] == "--verify":
        verify(core_bin, int(sys.argv[3]) if len(sys.argv) > 3 else 40)
    else:
        n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
        print("== A: many small counts (the issue's tables)")
        bench(core_bin, n, (0.3, 0.6, 0.85))
        print("== B: fewer small counts (more tables protectable with every total published)")
        bench(core_bin, n, (0.2, 0.4, 0.8))
