/*
 * flow_test.c
 *		Unit and property tests of the residual flow network (src/flow.c),
 *		outside the server.  Run by test/checks/flow_unit.sh.
 *
 *	flow_test [N]		N random networks (default 20000)
 *
 * Every random network is solved four ways that must agree: Dinic's
 * algorithm with and without the undo log (fn_flow, fn_dinic), shortest
 * augmenting paths (fn_maxflow), and the minimum cut found by enumerating
 * every cut (max-flow min-cut).  Also: limits, the undo log restoring every
 * capacity, flow conservation of the residual left by fn_dinic, cut bounds,
 * node balances, and allocation failure at every allocation.
 */
#include "flow.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ allocation */

static long alloc_budget = -1;	/* allocations left before failing; -1: never */
static int	interrupts = 0;

static void *
test_alloc(size_t n)
{
	if (alloc_budget == 0)
		return NULL;
	if (alloc_budget > 0)
		alloc_budget--;
	return malloc(n ? n : 1);
}

/* m allocates through test_alloc, which fails after budget allocations */
static void
budget_mem(FlowMem *m, long budget)
{
	flow_mem_init(m, test_alloc, NULL, NULL);
	alloc_budget = budget;
}

static void
test_interrupt(void)
{
	interrupts++;
}

/* ------------------------------------------------------------ networks */

#define MAXN 8
#define MAXA 40

typedef struct Spec
{
	int			nnodes;
	int			narcs;
	int			u[MAXA],
				v[MAXA];
	int64_t		fwd[MAXA],
				bwd[MAXA];
} Spec;

static int64_t
rnd_cap(void)
{
	int			k = rnd(10);

	if (k == 0)
		return FLOW_INF;
	if (k == 1)
		return 0;
	return 1 + rnd(k < 7 ? 5 : 1000000);
}

static void
random_spec(Spec *s)
{
	s->nnodes = 2 + rnd(MAXN - 1);
	s->narcs = rnd(MAXA + 1);
	for (int i = 0; i < s->narcs; i++)
	{
		s->u[i] = rnd(s->nnodes);
		s->v[i] = rnd(s->nnodes);
		s->fwd[i] = rnd_cap();
		s->bwd[i] = rnd(3) == 0 ? rnd_cap() : 0;
	}
}

/* false when out of memory */
static bool
build(const Spec *s, FlowMem *m, FlowNet *n)
{
	if (!fn_init(n, m, s->nnodes, 4))
		return false;
	for (int i = 0; i < s->narcs; i++)
	{
		int			a = fn_add(n, s->u[i], s->v[i], s->fwd[i], s->bwd[i]);

		if (a < 0)
			return false;
		n->tag[a] = n->tag[a + 1] = i;
	}
	return true;
}

/* The minimum s-t cut by enumeration (every arc of a pair counted apart). */
static int64_t
min_cut(const Spec *s, int src, int dst)
{
	int64_t		best = FLOW_INF;

	for (unsigned mask = 0; mask < (1u << s->nnodes); mask++)
	{
		int64_t		cut = 0;

		if (!(mask & (1u << src)) || (mask & (1u << dst)))
			continue;
		for (int i = 0; i < s->narcs && cut != FLOW_INF; i++)
		{
			bool		in_u = (mask >> s->u[i]) & 1,
						in_v = (mask >> s->v[i]) & 1;

			if (in_u && !in_v)
				cut = fn_cap_add(cut, s->fwd[i]);
			if (in_v && !in_u)
				cut = fn_cap_add(cut, s->bwd[i]);
		}
		if (cut < best)
			best = cut;
	}
	return best;
}

static bool
has_inf(const Spec *s)
{
	for (int i = 0; i < s->narcs; i++)
		if (s->fwd[i] == FLOW_INF || s->bwd[i] == FLOW_INF)
			return true;
	return false;
}

/* After fn_dinic on a finite network: the residual is a flow of value f. */
static void
check_conservation(const Spec *s, const FlowNet *n, int src, int dst, int64_t f, int k)
{
	int64_t		net[MAXN] = {0};

	for (int i = 0; i < s->narcs; i++)
	{
		int64_t		x = s->fwd[i] - n->cap[2 * i];	/* flow u -> v */

		CHECK(x == n->cap[2 * i + 1] - s->bwd[i], "net %d: arc %d pair disagrees", k, i);
		CHECK(x >= -s->bwd[i] && x <= s->fwd[i], "net %d: arc %d over capacity", k, i);
		net[s->u[i]] -= x;
		net[s->v[i]] += x;
	}
	for (int x = 0; x < s->nnodes; x++)
	{
		int64_t		want = x == src ? -f : x == dst ? f : 0;

		CHECK(net[x] == want, "net %d: node %d has imbalance %lld, wants %lld",
			  k, x, (long long) net[x], (long long) want);
	}
}

static void
check_one(const Spec *s, int k)
{
	FlowMem		m;
	FlowNet		n;
	int			src = rnd(s->nnodes),
				dst = rnd(s->nnodes);
	int64_t		cut = src == dst ? FLOW_INF : min_cut(s, src, dst);
	int64_t		limit = rnd(2) ? FLOW_INF : rnd(12);
	int64_t		want = src == dst ? FLOW_INF : cut < limit ? cut : limit;
	int64_t		got;
	int64_t		before[2 * MAXA];

	flow_mem_init(&m, test_alloc, NULL, test_interrupt);
	CHECK(build(s, &m, &n), "net %d: build", k);
	memcpy(before, n.cap, sizeof(int64_t) * n.narcs);

	/* logged Dinic, then undo */
	fn_mark(&n);
	got = fn_flow(&n, src, dst, limit, true);
	CHECK(got == want, "net %d: fn_flow %lld, min cut %lld, limit %lld",
		  k, (long long) got, (long long) cut, (long long) limit);
	fn_undo(&n);
	CHECK(memcmp(before, n.cap, sizeof(int64_t) * n.narcs) == 0, "net %d: undo after fn_flow", k);

	/* Edmonds-Karp, then undo */
	fn_mark(&n);
	got = fn_maxflow(&n, src, dst, limit);
	CHECK(got == want, "net %d: fn_maxflow %lld, wants %lld", k, (long long) got, (long long) want);
	fn_undo(&n);
	CHECK(memcmp(before, n.cap, sizeof(int64_t) * n.narcs) == 0, "net %d: undo after fn_maxflow", k);

	/* a cut bound avoiding one arc pair bounds the flow without it */
	if (s->narcs > 0 && src != dst)
	{
		int			a = 2 * rnd(s->narcs);
		int64_t		bound = fn_cut_bound(&n, src, dst, a);

		fn_mark(&n);
		fn_setcap(&n, a, 0);
		fn_setcap(&n, a ^ 1, 0);
		got = fn_flow(&n, src, dst, FLOW_INF, true);
		CHECK(got <= bound, "net %d: flow %lld above its cut bound %lld",
			  k, (long long) got, (long long) bound);
		CHECK(n.nlog >= 2 && n.tag[n.log[0]] == a / 2, "net %d: log tags", k);
		fn_undo(&n);
	}

	/* unlogged Dinic leaves the residual of a flow */
	got = fn_dinic(&n, src, dst);
	CHECK(got == cut, "net %d: fn_dinic %lld, min cut %lld", k, (long long) got, (long long) cut);
	if (!has_inf(s) && got != FLOW_INF)
		check_conservation(s, &n, src, dst, got, k);
	fn_free(&n);
	CHECK(!m.failed, "net %d: allocation failed", k);
}

/* A circulation with given node balances exists iff SS -> TT saturates. */
static void
check_balances(void)
{
	FlowMem		m;
	FlowNet		n;
	int64_t		bal[3] = {5, -2, -3};
	int64_t		need = 0;

	flow_mem_init(&m, NULL, NULL, NULL);
	CHECK(fn_init(&n, &m, 5, 0), "balances: init");
	fn_add(&n, 0, 1, 2, 0);
	fn_add(&n, 0, 2, FLOW_INF, 0);
	CHECK(fn_add_balances(&n, bal, 3, 3, 4, &need) == 0 && need == 5, "balances: need %lld",
		  (long long) need);
	CHECK(fn_dinic(&n, 3, 4) == 5, "balances: feasible circulation");
	fn_free(&n);

	need = 0;
	CHECK(fn_init(&n, &m, 5, 0), "balances: init");
	fn_add(&n, 0, 1, 1, 0);		/* node 1 needs 2 but can get 1 */
	fn_add(&n, 0, 2, FLOW_INF, 0);
	fn_add_balances(&n, bal, 3, 3, 4, &need);
	CHECK(fn_dinic(&n, 3, 4) == 4, "balances: infeasible circulation falls short");
	fn_free(&n);
}

/* Every allocation may fail: the failure is reported, nothing crashes or leaks. */
static void
check_nomem(void)
{
	Spec		s;
	int			reported = 0;

	memset(&s, 0, sizeof(s));
	s.nnodes = 6;
	s.narcs = MAXA;
	for (int i = 0; i < s.narcs; i++)
	{
		s.u[i] = i % 5;
		s.v[i] = 1 + (i * 7) % 5;
		s.fwd[i] = 1 + i % 4;
	}
	for (long budget = 0; budget < 40; budget++)
	{
		FlowMem		m;
		FlowNet		n;
		bool		ok;

		budget_mem(&m, budget);
		ok = build(&s, &m, &n);
		if (ok)
		{
			/* the undo log grows past its first 64 slots here */
			fn_mark(&n);
			for (int a = 0; a < n.narcs && ok; a++)
				ok = fn_setcap(&n, a, 1);
			for (int a = 0; a < n.narcs && ok; a++)
				ok = fn_setcap(&n, a, 2);
			if (ok)
				fn_undo(&n);
		}
		CHECK(ok == !m.failed, "nomem %ld: failure not reported", budget);
		reported += !ok;
		fn_free(&n);
	}
	alloc_budget = -1;
	CHECK(reported > 0, "nomem: no allocation failed");

	/*
	 * Regression (found by test/fuzz/fuzz_suppress.c): a failed fn_init kept
	 * what it had allocated, and suppress.c and suppress_linked.c return
	 * without fn_free.  Nothing may stay allocated (LeakSanitizer in
	 * flow_unit.sh's sanitized build), and the net is left zeroed.
	 */
	for (long budget = 0; budget < 13; budget++)
	{
		FlowMem		m;
		FlowNet		n;
		bool		ok;

		budget_mem(&m, budget);
		ok = fn_init(&n, &m, 6, 16);
		CHECK(!ok, "fn_init with %ld allocations succeeded", budget);
		CHECK(n.mem == NULL && n.head == NULL && n.logcap == NULL,
			  "failed fn_init (%ld allocations) left arrays", budget);
	}
	alloc_budget = -1;

	/*
	 * Regression (found by test/fuzz/fuzz_suppress.c, corpus/suppress/
	 * regress-undo-after-nomem): when the undo log could not grow it was
	 * freed, and the caller's fn_undo() then wrote through a NULL log.  The
	 * log must survive the failure and fn_undo() restore every capacity.
	 */
	for (long budget = 0; budget < 2; budget++)	/* the new log's two arrays */
	{
		FlowMem		m;
		FlowNet		n;
		int64_t		before[2 * MAXA];
		bool		ok = true;

		flow_mem_init(&m, test_alloc, NULL, NULL);
		if (!build(&s, &m, &n))
		{
			CHECK(false, "undo: could not build");
			break;
		}
		memcpy(before, n.cap, sizeof(int64_t) * n.narcs);
		alloc_budget = budget;
		fn_mark(&n);
		for (int round = 1; round <= 3 && ok; round++)
			for (int a = 0; a < n.narcs && ok; a++)
				ok = fn_setcap(&n, a, 1000 * round + a);
		alloc_budget = -1;
		CHECK(!ok, "undo: the log never had to grow past %ld allocations", budget);
		fn_undo(&n);
		CHECK(memcmp(before, n.cap, sizeof(int64_t) * n.narcs) == 0,
			  "undo after a failed log growth (%ld allocations) did not restore", budget);
		fn_free(&n);
	}
}

int
main(int argc, char **argv)
{
	int			count = argc > 1 ? atoi(argv[1]) : 20000;
	Spec		s;

	unit_seed(7);
	for (int k = 0; k < count; k++)
	{
		random_spec(&s);
		check_one(&s, k);
	}
	CHECK(interrupts > 0, "the interrupt hook was never called");
	check_balances();
	check_nomem();
	if (unit_failures == 0)
		printf("flow_test: %d random networks, every algorithm agrees with the minimum cut\n", count);
	return unit_done("flow");
}
