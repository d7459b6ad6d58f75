/*
 * suppress.c
 *		Disclosure control of a two-way frequency table: exact audit by network
 *		flow, primary and secondary cell suppression, controlled rounding.
 *
 * Plain C (no postgres.h); see suppress.h for the table model, the rule and
 * why the audit is a network flow.  The flow network itself (maximum flows
 * with a capacity cap, arc exclusion and an undo log, so one network answers
 * many "how far can this entry move" questions) is flow.c.  Outline of this
 * file:
 *
 *	1. the table as a flow network: one arc pair per suppressed entry, and
 *	   how far one entry can move (the 4-cycles through a cell first, then
 *	   the general flow);
 *	2. the exact audit (sdc_audit): complete the table if needed, then two
 *	   maximum flows per suppressed entry;
 *	3. secondary suppression (sdc_secondary): for each primary cell that
 *	   fails its protection, add the cheapest cycle of complementary entries
 *	   that protects it by itself (Dijkstra over the whole table), re-check,
 *	   and finally remove complements that turned out to be unnecessary;
 *	4. controlled rounding (sdc_round_controlled);
 *	5. the collapsing plan.
 *
 * Network nodes: rows 0..nr-1, columns nr..nr+nc-1, S = nr+nc, T = nr+nc+1.
 * Entry arcs: cell (r,c): r -> nr+c; row total r: S -> r; column total c:
 * nr+c -> T; grand total: T -> S.  Traversing an entry's arc forwards in a
 * cycle increases it, backwards decreases it.
 */
#include "suppress.h"

#include "flow.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/*
 * Path costs (see the cost model at entry_cost): unsigned 128-bit, so that
 * sums of value * unit never overflow.  With the compiler's 128-bit integer
 * (__SIZEOF_INT128__: every 64-bit gcc and clang target) the operations are
 * its own; elsewhere (32-bit targets, where PostgreSQL has no HAVE_INT128
 * either; or built with -DSDC_NO_INT128, as the unit test does once) two
 * 64-bit halves.  This pure core cannot include PostgreSQL's int128.h.  The
 * int128 type is aligned to 8 only: allocators such as palloc guarantee
 * 8-byte alignment, and 16-byte SSE loads of a misaligned __int128 would
 * fault.
 */
#if defined(__SIZEOF_INT128__) && !defined(SDC_NO_INT128)
typedef unsigned __int128 sdc_cost __attribute__((aligned(8)));

static inline sdc_cost
cost_of(uint64_t v)
{
	return v;
}
static inline sdc_cost
cost_add(sdc_cost a, sdc_cost b)
{
	return a + b;
}
static inline sdc_cost
cost_mul(sdc_cost a, uint64_t b)
{
	return a * b;
}
static inline bool
cost_lt(sdc_cost a, sdc_cost b)
{
	return a < b;
}
static inline bool
cost_eq(sdc_cost a, sdc_cost b)
{
	return a == b;
}
#define COST_INF	(((sdc_cost) 1) << 120)
#define COST_NONE	(~(sdc_cost) 0)
#else
typedef struct sdc_cost
{
	uint64_t	hi;
	uint64_t	lo;
} sdc_cost;

static inline sdc_cost
cost_of(uint64_t v)
{
	sdc_cost	r = {0, v};

	return r;
}
static inline sdc_cost
cost_add(sdc_cost a, sdc_cost b)
{
	sdc_cost	r;

	r.lo = a.lo + b.lo;
	r.hi = a.hi + b.hi + (r.lo < a.lo);
	return r;
}
/* a * b, modulo 2^128 (the costs stay far below) */
static inline sdc_cost
cost_mul(sdc_cost a, uint64_t b)
{
	uint64_t	a0 = a.lo & 0xFFFFFFFFu,
				a1 = a.lo >> 32,
				b0 = b & 0xFFFFFFFFu,
				b1 = b >> 32;
	uint64_t	p00 = a0 * b0,
				p01 = a0 * b1,
				p10 = a1 * b0,
				p11 = a1 * b1;
	uint64_t	mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
	sdc_cost	r;

	r.lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
	r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32) + a.hi * b;
	return r;
}
static inline bool
cost_lt(sdc_cost a, sdc_cost b)
{
	return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo;
}
static inline bool
cost_eq(sdc_cost a, sdc_cost b)
{
	return a.hi == b.hi && a.lo == b.lo;
}
#define COST_INF	((sdc_cost) {UINT64_C(1) << 56, 0})
#define COST_NONE	((sdc_cost) {UINT64_MAX, UINT64_MAX})
#endif

/* An unbounded entry is an unbounded arc: one "infinity" for both. */
_Static_assert(SDC_INF == FLOW_INF, "SDC_INF and FLOW_INF must agree");

/*
 * Memory: the flow core's hooks (flow.h), set from SdcParams; this file's own
 * arrays come from the same allocator.
 */
static void
mem_init(FlowMem *m, const SdcParams *p)
{
	if (p)
		flow_mem_init(m, p->alloc, p->free, p->interrupt);
	else
		flow_mem_init(m, NULL, NULL, NULL);
}

/* ------------------------------------------------------------------------
 * Table helpers
 * ------------------------------------------------------------------------ */

void
sdc_params_default(SdcParams *p, int64_t threshold)
{
	memset(p, 0, sizeof(*p));
	p->threshold = threshold;
	p->protection = threshold;
	p->zeros_sensitive = false;
	p->allow_totals = false;
	p->cleanup = true;
	p->cleanup_budget = 0;
}

/* Above this many cells protect makes one pass (cost by value) only. */
#define SDC_TWO_PASS_CELLS	20000

SdcTable *
sdc_table_alloc(int nr, int nc)
{
	SdcTable   *t = calloc(1, sizeof(SdcTable));
	size_t		n = (size_t) nr * nc;

	if (!t)
		return NULL;
	t->nr = nr;
	t->nc = nc;
	t->cell = calloc(n ? n : 1, sizeof(int64_t));
	t->cstate = calloc(n ? n : 1, 1);
	t->rtot = calloc(nr ? nr : 1, sizeof(int64_t));
	t->rstate = calloc(nr ? nr : 1, 1);
	t->ctot = calloc(nc ? nc : 1, sizeof(int64_t));
	t->cstate_tot = calloc(nc ? nc : 1, 1);
	if (!t->cell || !t->cstate || !t->rtot || !t->rstate || !t->ctot || !t->cstate_tot)
	{
		sdc_table_free(t);
		return NULL;
	}
	return t;
}

void
sdc_table_free(SdcTable *t)
{
	if (!t)
		return;
	free(t->cell);
	free(t->cstate);
	free(t->rtot);
	free(t->rstate);
	free(t->ctot);
	free(t->cstate_tot);
	free(t->ccap);
	free(t);
}

SdcStatus
sdc_table_init(SdcTable *t)
{
	int64_t		g = 0;

	for (int c = 0; c < t->nc; c++)
	{
		t->ctot[c] = 0;
		t->cstate_tot[c] = SDC_PUBLISHED;
	}
	for (int r = 0; r < t->nr; r++)
	{
		int64_t		s = 0;

		for (int c = 0; c < t->nc; c++)
		{
			int64_t		v = t->cell[(size_t) r * t->nc + c];

			if (v < 0 || v > SDC_MAX_SUM - s || v > SDC_MAX_SUM - t->ctot[c])
				return SDC_ERR_OVERFLOW;
			s += v;
			t->ctot[c] += v;
			t->cstate[(size_t) r * t->nc + c] = SDC_PUBLISHED;
		}
		if (s > SDC_MAX_SUM - g)
			return SDC_ERR_OVERFLOW;
		g += s;
		t->rtot[r] = s;
		t->rstate[r] = SDC_PUBLISHED;
	}
	t->grand = g;
	t->gstate = SDC_PUBLISHED;
	return SDC_OK;
}

bool
sdc_is_sensitive(const SdcParams *p, int64_t v)
{
	if (v == 0)
		return p->zeros_sensitive;
	return v >= 1 && v < p->threshold;
}

bool
sdc_meets_rule(const SdcParams *p, int64_t v, int64_t lo, int64_t hi)
{
	int64_t		need_lo = v < p->protection ? v : p->protection;

	if (lo > v || hi < v)
		return false;
	if (hi != SDC_INF && hi - v < p->protection)
		return false;
	return v - lo >= need_lo;
}

const char *
sdc_status_message(SdcStatus s)
{
	switch (s)
	{
		case SDC_OK:
			return "ok";
		case SDC_ERR_NOMEM:
			return "out of memory";
		case SDC_ERR_INFEASIBLE:
			return "the published values admit no nonnegative completion";
		case SDC_ERR_UNPROTECTABLE:
			return "a cell cannot be protected while every total is published";
		case SDC_ERR_OVERFLOW:
			return "a total is too large";
		case SDC_ERR_AUDIT:
			return "internal error: a protected cell failed the final audit";
	}
	return "unknown status";
}

static inline void
entry_set_value(SdcTable *t, size_t e, int64_t v)
{
	size_t		ncell = (size_t) t->nr * t->nc;

	if (e < ncell)
	{
		t->cell[e] = v;
		return;
	}
	e -= ncell;
	if (e < (size_t) t->nr)
	{
		t->rtot[e] = v;
		return;
	}
	e -= t->nr;
	if (e < (size_t) t->nc)
	{
		t->ctot[e] = v;
		return;
	}
	t->grand = v;
}

/*
 * The most entry e may hold: a cell of a column with a cap (the units of a
 * multi-label table: no label counts more crimes than the column has), else
 * unbounded.
 */
static inline int64_t
entry_cap(const SdcTable *t, size_t e)
{
	if (t->ccap == NULL || e >= (size_t) t->nr * t->nc)
		return SDC_INF;
	return t->ccap[e % t->nc];
}

/* How far entry e can increase: its cap less its value (SDC_INF: no cap). */
static inline int64_t
entry_room(const SdcTable *t, size_t e)
{
	int64_t		cap = entry_cap(t, e);

	return cap == SDC_INF ? SDC_INF : cap - sdc_entry_value(t, e);
}

/* ------------------------------------------------------------------------
 * 1. The table as a flow network (flow.h)
 * ------------------------------------------------------------------------ */

/*
 * The residual network of a table's suppressed entries, with the table's
 * layout so that fast_paths can find the 4-cycles through a cell.
 */
typedef struct TableNet
{
	FlowNet		fn;
	const int  *arc_of;			/* per entry: forward arc or -1 */
	int			nr;
	int			nc;
} TableNet;

/*
 * Build the residual network of a table's suppressed entries (one arc pair
 * per suppressed entry: forward +inf, backward = value).  arc_of[e] gets the
 * forward arc of entry e, or -1.
 */
static bool
build_residual(const SdcTable *t, TableNet *tn, FlowMem *m, int *arc_of)
{
	FlowNet    *n = &tn->fn;
	size_t		ne = sdc_nentries(t);
	size_t		nsup = 0;

	for (size_t e = 0; e < ne; e++)
		if (SDC_IS_SUPPRESSED(*sdc_entry_state((SdcTable *) t, e)))
			nsup++;
	if (!fn_init(n, m, t->nr + t->nc + 2, (int) (2 * nsup + 16)))
		return false;
	for (size_t e = 0; e < ne; e++)
	{
		int			u,
					v;

		arc_of[e] = -1;
		if (!SDC_IS_SUPPRESSED(*sdc_entry_state((SdcTable *) t, e)))
			continue;
		sdc_entry_ends(t, e, &u, &v);
		arc_of[e] = fn_add(n, u, v, entry_room(t, e), sdc_entry_value(t, e));
		if (arc_of[e] < 0)
			return false;
		n->tag[arc_of[e]] = n->tag[arc_of[e] + 1] = (int) e;
	}
	tn->arc_of = arc_of;
	tn->nr = t->nr;
	tn->nc = t->nc;
	return true;
}

/*
 * Before the general flow: push what the 4-cycles through cell (r, c) can
 * carry.  Up (flow col c -> row r): c -(decrease (r1,c))-> r1 -(increase
 * (r1,c2))-> c2 -(decrease (r,c2))-> r.  Down (row r -> col c): the same
 * cycle the other way round.  Most protection in a table with margins
 * published comes from such cycles, and finding them only needs the
 * withheld cells of one row and one column, where a breadth-first search
 * would scan most of the network.  The general flow then continues from
 * what was pushed, so the result is the same, only found faster.
 */
static int64_t
fast_paths(TableNet *tn, int r, int c, bool up, int64_t limit)
{
	FlowNet    *n = &tn->fn;
	int64_t		flow = 0;
	int			nr = tn->nr,
				nc = tn->nc;
	int			colnode = nr + c;

	if (tn->arc_of == NULL)
		return 0;
	for (int a = n->head[r]; a >= 0 && flow < limit; a = n->next[a])
	{
		int			c2node = n->to[a];
		int			c2;

		/* forward arcs (even) of cells (r, c2), c2 != c */
		if ((a & 1) || c2node < nr || c2node >= nr + nc || c2node == colnode)
			continue;
		c2 = c2node - nr;
		if ((up ? n->cap[a ^ 1] : n->cap[a]) <= 0)
			continue;
		for (int b = n->head[colnode]; b >= 0 && flow < limit; b = n->next[b])
		{
			int			r1 = n->to[b];
			int			f1,
						p1,
						p2,
						p3;
			int64_t		bn;

			/* backward arcs (odd) of cells (r1, c), r1 != r */
			if (!(b & 1) || r1 == r || r1 >= nr)
				continue;
			f1 = tn->arc_of[(size_t) r1 * nc + c2];
			if (f1 < 0)
				continue;
			if (up)
			{
				p1 = b;			/* c -> r1: decrease (r1, c) */
				p2 = f1;		/* r1 -> c2: increase (r1, c2) */
				p3 = a ^ 1;		/* c2 -> r: decrease (r, c2) */
			}
			else
			{
				p1 = a;			/* r -> c2: increase (r, c2) */
				p2 = f1 ^ 1;	/* c2 -> r1: decrease (r1, c2) */
				p3 = b ^ 1;		/* r1 -> c: increase (r1, c) */
			}
			bn = limit == SDC_INF ? SDC_INF : limit - flow;
			if (n->cap[p1] < bn)
				bn = n->cap[p1];
			if (n->cap[p2] < bn)
				bn = n->cap[p2];
			if (n->cap[p3] < bn)
				bn = n->cap[p3];
			if (bn <= 0)
				continue;
			/* one of the three is a decrease, so bn is finite */
			if (!fn_setcap(n, p1, fn_cap_sub(n->cap[p1], bn)) ||
				!fn_setcap(n, p1 ^ 1, fn_cap_add(n->cap[p1 ^ 1], bn)) ||
				!fn_setcap(n, p2, fn_cap_sub(n->cap[p2], bn)) ||
				!fn_setcap(n, p2 ^ 1, fn_cap_add(n->cap[p2 ^ 1], bn)) ||
				!fn_setcap(n, p3, fn_cap_sub(n->cap[p3], bn)) ||
				!fn_setcap(n, p3 ^ 1, fn_cap_add(n->cap[p3 ^ 1], bn)))
				return -1;
			flow = fn_cap_add(flow, bn);
			if (n->cap[up ? a ^ 1 : a] <= 0)
				break;
		}
	}
	return flow;
}

/* Flow from s to t (cell arc a excluded by the caller), fast paths first. */
static int64_t
range_flow(TableNet *tn, int a, bool up, int s, int t, int64_t limit)
{
	FlowNet    *n = &tn->fn;
	int64_t		pushed = 0,
				more;
	int			u = n->to[a ^ 1],
				v = n->to[a];

	if (tn->arc_of && u < tn->nr && v >= tn->nr && v < tn->nr + tn->nc)
	{
		pushed = fast_paths(tn, u, v - tn->nr, up, limit);
		if (pushed < 0)
			return -1;
		if (pushed >= limit)
			return pushed;
	}
	more = fn_flow(n, s, t, limit == SDC_INF ? SDC_INF : limit - pushed, true);
	if (more < 0)
		return -1;
	if (more == SDC_INF)
		return SDC_INF;
	return fn_cap_add(pushed, more);
}

typedef struct Witness
{
	int		   *ent;			/* entries whose arcs carried flow */
	int			n;
	int			cap;
} Witness;

/* Append the entries touched since fn_mark() (except 'self') to w. */
static bool
collect_witness(FlowNet *n, int self, Witness *w)
{
	for (int i = 0; i < n->nlog; i++)
	{
		int			e = n->tag[n->log[i]];

		if (e < 0 || e == self)
			continue;
		if (w->n == w->cap)
		{
			int			nc = w->cap ? w->cap * 2 : 32;

			w->ent = flow_grow(n->mem, w->ent, w->cap, nc, sizeof(int));
			if (n->mem->failed)
				return false;
			w->cap = nc;
		}
		w->ent[w->n++] = e;
	}
	return true;
}

/*
 * How far entry e (forward arc a, value f) can move: *up = how much it can
 * increase (capped at up_limit; SDC_INF if unbounded and uncapped), *down =
 * how much it can decrease (capped at min(f, down_limit)).
 */
static bool
entry_range(TableNet *tn, int a, int64_t f, int64_t up_limit, int64_t down_limit,
			int64_t *up, int64_t *down, Witness *w)
{
	FlowNet    *n = &tn->fn;
	int			u = n->to[a ^ 1],
				v = n->to[a];
	int64_t		r;

	/* e itself can rise at most by its own room (a multi-label cap) */
	if (n->cap[a] < up_limit)
		up_limit = n->cap[a];
	/* exclude e itself */
	fn_mark(n);
	if (!fn_setcap(n, a, 0) || !fn_setcap(n, a ^ 1, 0))
		return false;
	r = range_flow(tn, a, true, v, u, up_limit);
	if (w && !collect_witness(n, n->tag[a], w))
		return false;
	fn_undo(n);
	if (r < 0)
		return false;
	*up = r;

	if (down_limit > f)
		down_limit = f;
	if (down_limit <= 0)
		*down = 0;
	else
	{
		if (!fn_setcap(n, a, 0) || !fn_setcap(n, a ^ 1, 0))
			return false;
		r = range_flow(tn, a, false, u, v, down_limit);
		if (w && !collect_witness(n, n->tag[a], w))
			return false;
		fn_undo(n);
		if (r < 0)
			return false;
		*down = r;
	}
	return true;
}


/* ------------------------------------------------------------------------
 * 2. The exact audit
 * ------------------------------------------------------------------------ */

/*
 * Complete suppressed entries with a feasible assignment: a circulation in
 * which published entries are fixed and suppressed ones are free in
 * [0, inf).  Node imbalances of the fixed part are fed from a super source
 * and drained to a super sink; the completion exists iff the maximum flow
 * saturates them.
 */
static SdcStatus
complete_table(SdcTable *t, FlowMem *m)
{
	size_t		ne = sdc_nentries(t);
	int			nn = t->nr + t->nc + 2;
	int			SS = nn,
				TT = nn + 1;
	int64_t    *bal = flow_zalloc(m, nn, sizeof(int64_t));
	int		   *arc_of = flow_zalloc(m, ne, sizeof(int));
	FlowNet		n;
	int64_t		need = 0,
				got;
	SdcStatus	st = SDC_OK;

	memset(&n, 0, sizeof(n));
	if (m->failed)
		goto nomem;
	for (size_t e = 0; e < ne; e++)
	{
		int			u,
					v;
		int64_t		x = sdc_entry_value(t, e);

		if (SDC_IS_SUPPRESSED(*sdc_entry_state(t, e)))
			continue;
		if (x < 0)
		{
			st = SDC_ERR_INFEASIBLE;
			goto done;
		}
		sdc_entry_ends(t, e, &u, &v);
		/* flow x leaves u and enters v */
		if (bal[v] > SDC_MAX_SUM - x || bal[u] < -SDC_MAX_SUM + x)
		{
			st = SDC_ERR_OVERFLOW;
			goto done;
		}
		bal[u] -= x;
		bal[v] += x;
	}
	if (!fn_init(&n, m, nn + 2, (int) (2 * ne + 2 * nn + 16)))
		goto nomem;
	for (size_t e = 0; e < ne; e++)
	{
		int			u,
					v;

		arc_of[e] = -1;
		if (!SDC_IS_SUPPRESSED(*sdc_entry_state(t, e)))
			continue;
		sdc_entry_ends(t, e, &u, &v);
		arc_of[e] = fn_add(&n, u, v, entry_cap(t, e), 0);
		if (arc_of[e] < 0)
			goto nomem;
	}
	/* excess inflow at a node must leave through suppressed arcs */
	if (fn_add_balances(&n, bal, nn, SS, TT, &need) < 0)
		goto nomem;
	got = fn_dinic(&n, SS, TT);
	if (got != need)
	{
		st = SDC_ERR_INFEASIBLE;
		goto done;
	}
	for (size_t e = 0; e < ne; e++)
		if (arc_of[e] >= 0)
			entry_set_value(t, e, n.cap[arc_of[e] ^ 1]);
	goto done;
nomem:
	st = SDC_ERR_NOMEM;
done:
	fn_free(&n);
	flow_release(m, bal);
	flow_release(m, arc_of);
	return st;
}

/* Do the values satisfy the table's equations? */
static bool
table_consistent(const SdcTable *t)
{
	int64_t		g = 0;

	for (int r = 0; r < t->nr; r++)
	{
		int64_t		s = 0;

		for (int c = 0; c < t->nc; c++)
		{
			int64_t		v = t->cell[(size_t) r * t->nc + c];

			if (v < 0 || v > SDC_MAX_SUM - s || v > entry_cap(t, (size_t) r * t->nc + c))
				return false;
			s += v;
		}
		if (s != t->rtot[r])
			return false;
		if (s > SDC_MAX_SUM - g)
			return false;
		g += s;
	}
	if (g != t->grand)
		return false;
	for (int c = 0; c < t->nc; c++)
	{
		int64_t		s = 0;

		for (int r = 0; r < t->nr; r++)
		{
			s += t->cell[(size_t) r * t->nc + c];
			if (s > SDC_MAX_SUM)
				return false;
		}
		if (s != t->ctot[c])
			return false;
	}
	return true;
}

SdcStatus
sdc_audit(SdcTable *t, const SdcParams *p, bool known, SdcInterval *out)
{
	FlowMem		m;
	size_t		ne = sdc_nentries(t);
	int		   *arc_of;
	TableNet	n;
	SdcStatus	st = SDC_OK;

	mem_init(&m, p);
	if (known)
	{
		if (!table_consistent(t))
			return SDC_ERR_INFEASIBLE;
	}
	else if ((st = complete_table(t, &m)) != SDC_OK)
		return st;

	arc_of = flow_zalloc(&m, ne, sizeof(int));
	memset(&n, 0, sizeof(n));
	if (!arc_of || !build_residual(t, &n, &m, arc_of))
	{
		st = SDC_ERR_NOMEM;
		goto done;
	}
	for (size_t e = 0; e < ne; e++)
	{
		SdcInterval *o = &out[e];
		int64_t		f = sdc_entry_value(t, e);
		int64_t		up,
					down;
		bool		is_cell = e < (size_t) t->nr * t->nc;

		o->value = f;
		o->sensitive = false;
		o->meets = true;
		if (arc_of[e] < 0)
		{
			o->lo = o->hi = f;
			continue;
		}
		flow_tick(&m);

		/*
		 * Uncapped flows, but stopped at a trivial upper bound (what can
		 * leave the source and enter the sink at all): the flow reaches it
		 * often, and then the last, fruitless search over the whole
		 * component is saved.  Still exact.
		 */
		{
			int			a = arc_of[e];
			int			u = n.fn.to[a ^ 1],
						v = n.fn.to[a];

			if (!entry_range(&n, a, f, fn_cut_bound(&n.fn, v, u, a),
							 fn_cut_bound(&n.fn, u, v, a), &up, &down, NULL))
			{
				st = SDC_ERR_NOMEM;
				goto done;
			}
		}
		o->hi = fn_cap_add(f, up);	/* SDC_INF when up is, or past int64 */
		o->lo = f - down;
		if (!is_cell)
			continue;
		if (known)
		{
			o->sensitive = sdc_is_sensitive(p, f);
			if (o->sensitive)
				o->meets = sdc_meets_rule(p, f, o->lo, o->hi);
		}
		else
		{
			/*
			 * True value unknown: judge the worst value in [lo, hi] (see
			 * suppress.h).  Sensitive values are 1..t-1, and 0 if zeros are.
			 */
			int64_t		smin = p->zeros_sensitive ? 0 : 1;
			int64_t		smax = p->threshold - 1;

			o->sensitive = o->lo <= smax && o->hi >= smin && smin <= smax;
			if (o->sensitive)
				o->meets = o->lo == 0 &&
					(o->hi == SDC_INF || o->hi - smax >= p->protection);
		}
	}
done:
	fn_free(&n.fn);
	flow_release(&m, arc_of);
	return st;
}

/* ------------------------------------------------------------------------
 * 3. Primary and secondary suppression
 * ------------------------------------------------------------------------ */

int
sdc_primary(SdcTable *t, const SdcParams *p)
{
	int			k = 0;

	for (size_t i = 0; i < (size_t) t->nr * t->nc; i++)
		if (sdc_is_sensitive(p, t->cell[i]))
		{
			t->cstate[i] = SDC_PRIMARY;
			k++;
		}
	return k;
}

/* Working state of sdc_secondary. */
typedef struct Prot
{
	SdcTable   *t;
	const SdcParams *p;
	FlowMem    *m;
	TableNet	n;
	int		   *arc_of;			/* per entry: forward arc or -1 */
	size_t		ne;
	int			nnodes;
	/* Dijkstra scratch */
	sdc_cost   *dist;
	int		   *via;			/* per node: entry used to reach it */
	uint8_t    *done;
	sdc_cost   *hkey;			/* binary heap of (key, node) */
	int		   *hnode;
	int			hlen;
	int			hcap;
	sdc_cost	unit;			/* cost model (see pick_cycle) */
	sdc_cost	margin_cost;
	int64_t		checks;			/* protection checks performed */
	bool		both;			/* try one cycle for both sides (both_ways) */
	uint8_t    *was;			/* both_ways scratch: nnodes + 1 states */
} Prot;

static inline int64_t
need_up(const SdcParams *p)
{
	return p->protection;
}

static inline int64_t
need_down(const SdcParams *p, int64_t v)
{
	return v < p->protection ? v : p->protection;
}

/*
 * Is primary cell e protected in the current pattern?  Capped flows: at most
 * need augmentations each, so this is cheap.  *up_ok / *down_ok say which
 * side holds.  Returns false on memory failure.
 */
static bool
check_cell_w(Prot *P, size_t e, bool *up_ok, bool *down_ok, Witness *w)
{
	int64_t		v = P->t->cell[e];
	int64_t		nu = need_up(P->p),
				nd = need_down(P->p, v);
	int64_t		up,
				down;

	P->checks++;
	if (!entry_range(&P->n, P->arc_of[e], v, nu, nd, &up, &down, w))
		return false;
	*up_ok = up >= nu;
	*down_ok = down >= nd;
	return true;
}

static bool
check_cell(Prot *P, size_t e, bool *up_ok, bool *down_ok)
{
	return check_cell_w(P, e, up_ok, down_ok, NULL);
}

/* Suppress entry e as a complement (adds its arc to the network). */
static bool
suppress_entry(Prot *P, size_t e, uint8_t state)
{
	int			u,
				v;

	*sdc_entry_state(P->t, e) = state;
	if (P->t->ccap && e >= sdc_ctot_index(P->t, 0) && e < sdc_grand_index(P->t))
	{
		/*
		 * A column total withheld: its units are withheld with it (the
		 * readers show a column's units with its total only), so its cells
		 * lose their cap.  Cleanup never publishes such a total again.
		 */
		int			c = (int) (e - sdc_ctot_index(P->t, 0));

		P->t->ccap[c] = SDC_INF;
		for (int r = 0; r < P->t->nr; r++)
		{
			int			a = P->arc_of[sdc_cell_index(P->t, r, c)];

			if (a >= 0)
				P->n.fn.cap[a] = SDC_INF;
		}
	}
	sdc_entry_ends(P->t, e, &u, &v);
	P->arc_of[e] = fn_add(&P->n.fn, u, v, entry_room(P->t, e), sdc_entry_value(P->t, e));
	if (P->arc_of[e] < 0)
		return false;
	P->n.fn.tag[P->arc_of[e]] = P->n.fn.tag[P->arc_of[e] + 1] = (int) e;
	return true;
}

/* heap of (cost, node), smallest cost first, ties by smaller node */
static inline bool
heap_less(Prot *P, int i, int j)
{
	if (!cost_eq(P->hkey[i], P->hkey[j]))
		return cost_lt(P->hkey[i], P->hkey[j]);
	return P->hnode[i] < P->hnode[j];
}

static bool
heap_push(Prot *P, sdc_cost k, int node)
{
	int			i;

	if (P->hlen == P->hcap)
	{
		int			nc = P->hcap * 2;

		P->hkey = flow_grow(P->m, P->hkey, P->hcap, nc, sizeof(sdc_cost));
		P->hnode = flow_grow(P->m, P->hnode, P->hcap, nc, sizeof(int));
		if (P->m->failed)
			return false;
		P->hcap = nc;
	}
	i = P->hlen++;
	P->hkey[i] = k;
	P->hnode[i] = node;
	while (i > 0)
	{
		int			par = (i - 1) / 2;

		if (!heap_less(P, i, par))
			break;
		{
			sdc_cost	tk = P->hkey[i];
			int			tn = P->hnode[i];

			P->hkey[i] = P->hkey[par];
			P->hnode[i] = P->hnode[par];
			P->hkey[par] = tk;
			P->hnode[par] = tn;
		}
		i = par;
	}
	return true;
}

static void
heap_pop(Prot *P, sdc_cost *k, int *node)
{
	int			i = 0;

	*k = P->hkey[0];
	*node = P->hnode[0];
	P->hlen--;
	P->hkey[0] = P->hkey[P->hlen];
	P->hnode[0] = P->hnode[P->hlen];
	for (;;)
	{
		int			l = 2 * i + 1,
					r = l + 1,
					s = i;

		if (l < P->hlen && heap_less(P, l, s))
			s = l;
		if (r < P->hlen && heap_less(P, r, s))
			s = r;
		if (s == i)
			break;
		{
			sdc_cost	tk = P->hkey[i];
			int			tn = P->hnode[i];

			P->hkey[i] = P->hkey[s];
			P->hnode[i] = P->hnode[s];
			P->hkey[s] = tk;
			P->hnode[s] = tn;
		}
		i = s;
	}
}

/*
 * Cost of using entry e in a cycle, or COST_NONE if not allowed.  The cost
 * model is the information loss we minimise: lexicographically (a) the number of
 * margins suppressed, (b) the sum of the values of newly suppressed cells
 * ("suppressed total", as tau-ARGUS's default cost), (c) the number of newly
 * suppressed cells.  Entries already suppressed cost nothing.  With
 * unit = (number of nodes + 1), a cell costs value * unit + 1, so (c) can
 * never outweigh one unit of (b) on a simple path; a margin costs more than
 * any path of cells.
 */
static inline sdc_cost
entry_cost(Prot *P, size_t e, bool margins_ok)
{
	uint8_t		s = *sdc_entry_state(P->t, e);

	if (SDC_IS_SUPPRESSED(s))
		return cost_of(0);
	if (e >= (size_t) P->t->nr * P->t->nc)
		return margins_ok && !(P->t->fixed_tot && P->t->fixed_tot[e - (size_t) P->t->nr * P->t->nc]) ?
			P->margin_cost : COST_NONE;
	if (P->t->fixed && P->t->fixed[e])
		return COST_NONE;
	if (P->p->count_cost)
		return cost_of(1);
	return cost_add(cost_mul(P->unit, (uint64_t) sdc_entry_value(P->t, e)), cost_of(1));
}

/* Relax: reach node y from x through entry e at cost w. */
static inline bool
relax(Prot *P, int y, sdc_cost dx, sdc_cost w, size_t e)
{
	sdc_cost	d;

	if (cost_eq(w, COST_NONE) || P->done[y])
		return true;
	d = cost_add(dx, w);
	if (cost_lt(d, P->dist[y]))
	{
		P->dist[y] = d;
		P->via[y] = (int) e;
		return heap_push(P, d, y);
	}
	return true;
}

/*
 * The cheapest cycle that by itself gives primary cell 'skip' (arc u->v) a
 * change of 'need' in one direction: a path from src to dst in the table's
 * graph that does not use 'skip', where traversing an entry forwards
 * (increase) is always possible and backwards (decrease) only if its value
 * is >= need.  For the upper side src = v, dst = u; for the lower side
 * src = u, dst = v.  Along such a cycle every decreased entry can give up
 * 'need', so shifting 'need' around it keeps every equation and every entry
 * nonnegative.  With need2 > 0 the cycle must also carry need2 the other
 * way round (every entry traversed forwards holds at least need2, every
 * entry traversed backwards has room for need2): one cycle for both sides
 * of a cell.  Dijkstra; ties by node number, then by the order entries are
 * scanned (row-major).  Returns the number of entries on the path (into
 * path[]), 0 if dst is unreachable, -1 on memory failure; the path's cost
 * is then P->dist[dst].
 */
static int
pick_cycle(Prot *P, size_t skip, int src, int dst, int64_t need, int64_t need2,
		   bool margins_ok, size_t *path)
{
	SdcTable   *t = P->t;
	int			nr = t->nr,
				nc = t->nc;
	int			S = nr + nc,
				T = S + 1;
	int			k = 0;

	for (int i = 0; i < P->nnodes; i++)
	{
		P->dist[i] = COST_INF;
		P->done[i] = 0;
		P->via[i] = -1;
	}
	P->hlen = 0;
	P->dist[src] = cost_of(0);
	if (!heap_push(P, cost_of(0), src))
		return -1;
	while (P->hlen > 0)
	{
		sdc_cost	dx;
		int			x;

		heap_pop(P, &dx, &x);
		if (P->done[x] || !cost_eq(dx, P->dist[x]))
			continue;
		P->done[x] = 1;
		if (x == dst)
			break;
		if (x < nr)
		{
			/* row r: cells forwards to columns; row total backwards to S */
			size_t		base = (size_t) x * nc;

			for (int c = 0; c < nc; c++)
				if (base + c != skip && entry_room(t, base + c) >= need &&
					t->cell[base + c] >= need2 &&
					!relax(P, nr + c, dx, entry_cost(P, base + c, margins_ok), base + c))
					return -1;
			if (t->rtot[x] >= need &&
				!relax(P, S, dx, entry_cost(P, sdc_rtot_index(t, x), margins_ok),
					   sdc_rtot_index(t, x)))
				return -1;
		}
		else if (x < S)
		{
			/* column c: cells backwards to rows; column total forwards to T */
			int			c = x - nr;

			for (int r = 0; r < nr; r++)
			{
				size_t		e = (size_t) r * nc + c;

				if (e != skip && t->cell[e] >= need && entry_room(t, e) >= need2 &&
					!relax(P, r, dx, entry_cost(P, e, margins_ok), e))
					return -1;
			}
			if (t->ctot[c] >= need2 &&
				!relax(P, T, dx, entry_cost(P, sdc_ctot_index(t, c), margins_ok),
					   sdc_ctot_index(t, c)))
				return -1;
		}
		else if (x == S)
		{
			for (int r = 0; r < nr; r++)
				if (t->rtot[r] >= need2 &&
					!relax(P, r, dx, entry_cost(P, sdc_rtot_index(t, r), margins_ok),
						   sdc_rtot_index(t, r)))
					return -1;
			if (t->grand >= need &&
				!relax(P, T, dx, entry_cost(P, sdc_grand_index(t), margins_ok),
					   sdc_grand_index(t)))
				return -1;
		}
		else
		{
			for (int c = 0; c < nc; c++)
				if (t->ctot[c] >= need &&
					!relax(P, nr + c, dx, entry_cost(P, sdc_ctot_index(t, c), margins_ok),
						   sdc_ctot_index(t, c)))
					return -1;
			if (t->grand >= need2 &&
				!relax(P, S, dx, entry_cost(P, sdc_grand_index(t), margins_ok),
					   sdc_grand_index(t)))
				return -1;
		}
	}
	if (!P->done[dst])
		return 0;
	for (int y = dst; y != src;)
	{
		size_t		e = (size_t) P->via[y];
		int			u,
					v;

		path[k++] = e;
		sdc_entry_ends(t, e, &u, &v);
		y = (u == y) ? v : u;
	}
	return k;
}

/* Suppress the unsuppressed entries of a path; returns how many (-1: nomem). */
static int
apply_path(Prot *P, const size_t *path, int k, SdcStats *stats)
{
	int			added = 0;

	for (int i = 0; i < k; i++)
	{
		size_t		e = path[i];

		if (SDC_IS_SUPPRESSED(*sdc_entry_state(P->t, e)))
			continue;
		if (!suppress_entry(P, e, SDC_SECONDARY))
			return -1;
		added++;
	}
	if (added)
		stats->cycles++;
	return added;
}

/* Suppress every published cell in the row and column of e (all = the whole
 * table); returns how many. */
static int
suppress_cross(Prot *P, size_t e, bool all)
{
	SdcTable   *t = P->t;
	int			r0 = (int) (e / t->nc),
				c0 = (int) (e % t->nc);
	int			added = 0;

	for (int r = 0; r < t->nr; r++)
		for (int c = 0; c < t->nc; c++)
		{
			size_t		i = (size_t) r * t->nc + c;

			if (!all && r != r0 && c != c0)
				continue;
			if (SDC_IS_SUPPRESSED(t->cstate[i]) || (t->fixed && t->fixed[i]))
				continue;
			if (!suppress_entry(P, i, SDC_SECONDARY))
				return -1;
			added++;
		}
	return added;
}

/*
 * Both sides of primary cell e failing: the cheapest cycle of cells that
 * carries both changes (pick_cycle with need2), when it costs no more than
 * the cheapest cycle for the upper side plus the cheapest for the lower side
 * once the first is withheld (what the sides one at a time would add).
 * Returns its length (its entries in path[]), 0 when the sides one at a time
 * are cheaper or no such cycle exists, -1 on memory failure.  path[] must
 * hold 3 * (nnodes + 1) entries.
 */
static int
both_ways(Prot *P, size_t e, size_t *path)
{
	SdcTable   *t = P->t;
	size_t	   *up = path + P->nnodes + 1,
			   *down = up + P->nnodes + 1;
	int			u,
				v,
				kb,
				ku,
				kd = 0;
	int64_t		nu = need_up(P->p),
				nd = need_down(P->p, t->cell[e]);
	sdc_cost	cb,
				cs;

	sdc_entry_ends(t, e, &u, &v);
	kb = pick_cycle(P, e, v, u, nu, nd, false, path);
	if (kb <= 0)
		return kb;
	cb = P->dist[u];
	ku = pick_cycle(P, e, v, u, nu, 0, false, up);
	if (ku < 0)
		return -1;
	cs = P->dist[u];
	if (ku > 0)
	{
		/* the lower side's cycle with the upper's entries withheld (their
		 * states only: pick_cycle reads nothing else), then restored */
		for (int i = 0; i < ku; i++)
		{
			P->was[i] = *sdc_entry_state(t, up[i]);
			*sdc_entry_state(t, up[i]) = SDC_SECONDARY;
		}
		kd = pick_cycle(P, e, u, v, nd, 0, false, down);
		for (int i = ku - 1; i >= 0; i--)
			*sdc_entry_state(t, up[i]) = P->was[i];
		if (kd < 0)
			return -1;
		cs = cost_add(cs, kd > 0 ? P->dist[v] : COST_INF);
	}
	return cost_lt(cs, cb) ? 0 : kb;
}

/*
 * Protect one primary cell.  Escalation, each step only when the previous
 * left the cell unprotected:
 *	1. when both sides fail, one cycle of cells for both if it is no dearer
 *	   than two (both_ways); then the cheapest cycle of cells for each
 *	   failing side (never fails to add something new: a cycle of entries
 *	   already suppressed would already carry the needed change);
 *	2. suppress all cells of its row and column;  3. all cells of the table
 *	   (the most cell suppression can do);
 *	4. if margins may be suppressed, the cheapest cycle allowing margins
 *	   (always exists: S -> row -> column -> T -> S);
 *	5. otherwise SDC_ERR_UNPROTECTABLE.
 * Suppression is monotone (more unknowns only widen intervals), so a cell
 * protected here stays protected.
 */
static SdcStatus
protect_cell(Prot *P, size_t e, size_t *path, SdcStats *stats)
{
	SdcTable   *t = P->t;
	int			u,
				v;
	int64_t		val = t->cell[e];
	bool		up_ok,
				down_ok;

	sdc_entry_ends(t, e, &u, &v);
	for (int step = 1; step <= 4; step++)
	{
		if (!check_cell(P, e, &up_ok, &down_ok))
			return SDC_ERR_NOMEM;
		if (up_ok && down_ok)
			return SDC_OK;
		flow_tick(P->m);
		if (step == 1 || step == 4)
		{
			bool		margins = step == 4;

			if (margins && !P->p->allow_totals)
				break;
			if (margins && !up_ok && entry_room(t, e) < need_up(P->p))
			{
				/*
				 * The cell's own cap (its column's units) stops it rising:
				 * only withholding the column total, and its units with it,
				 * lifts the cap.
				 */
				size_t		ct = sdc_ctot_index(t, (int) (e % t->nc));

				if (!SDC_IS_SUPPRESSED(t->cstate_tot[e % t->nc]) &&
					!suppress_entry(P, ct, SDC_SECONDARY))
					return SDC_ERR_NOMEM;
				if (!check_cell(P, e, &up_ok, &down_ok))
					return SDC_ERR_NOMEM;
			}
			if (step == 1 && !up_ok && !down_ok && P->both)
			{
				int			k = both_ways(P, e, path);

				if (k < 0 || (k > 0 && apply_path(P, path, k, stats) < 0))
					return SDC_ERR_NOMEM;
				if (k > 0 && !check_cell(P, e, &up_ok, &down_ok))
					return SDC_ERR_NOMEM;
			}
			for (int side = 0; side < 2; side++)
			{
				int			k;

				if (side == 0 && up_ok)
					continue;
				if (side == 1 && down_ok)
					continue;
				if (side == 0)
					k = pick_cycle(P, e, v, u, need_up(P->p), 0, margins, path);
				else
					k = pick_cycle(P, e, u, v, need_down(P->p, val), 0, margins, path);
				if (k < 0 || apply_path(P, path, k, stats) < 0)
					return SDC_ERR_NOMEM;
				if (side == 0 && k > 0 && !down_ok)
				{
					/* the new cycle may already give the other side */
					if (!check_cell(P, e, &up_ok, &down_ok))
						return SDC_ERR_NOMEM;
				}
			}
		}
		else
		{
			/*
			 * Steps 2 and 3 only help if suppressing cells can protect the
			 * cell at all.  With every margin published the widest interval
			 * cell suppression can reach is given by the Frechet bounds
			 * [max(0, R + C - G), min(R, C)] (exact for a two-way table
			 * with margins: it is what suppressing every cell gives).  If
			 * that is too narrow, skip to step 4.  Margins suppressed
			 * earlier only widen intervals, so if the bounds suffice, steps
			 * 2-3 are certain to succeed.
			 */
			{
				int			r = (int) (e / t->nc),
							c = (int) (e % t->nc);
				int64_t		hi = t->rtot[r] < t->ctot[c] ? t->rtot[r] : t->ctot[c];
				int64_t		lo = t->rtot[r] + t->ctot[c] - t->grand;

				if (entry_cap(t, e) < hi)
					hi = entry_cap(t, e);

				if (lo < 0)
					lo = 0;
				if (hi - val < need_up(P->p) || val - lo < need_down(P->p, val))
				{
					step = 3;
					continue;
				}
			}
			if (suppress_cross(P, e, step == 3) < 0)
				return SDC_ERR_NOMEM;
		}
	}
	if (!check_cell(P, e, &up_ok, &down_ok))
		return SDC_ERR_NOMEM;
	if (up_ok && down_ok)
		return SDC_OK;
	stats->bad_row = (int) (e / t->nc);
	stats->bad_col = (int) (e % t->nc);
	return SDC_ERR_UNPROTECTABLE;
}

typedef struct CandOrder
{
	size_t		e;
	int64_t		v;
} CandOrder;

static int
cand_cmp(const void *a, const void *b)
{
	const CandOrder *x = a,
			   *y = b;

	/* largest value first, then later position first */
	if (x->v != y->v)
		return x->v > y->v ? -1 : 1;
	return x->e > y->e ? -1 : (x->e < y->e ? 1 : 0);
}

static bool
witness_has(const Witness *w, int e)
{
	for (int i = 0; i < w->n; i++)
		if (w->ent[i] == e)
			return true;
	return false;
}

/* users[x]: primaries (indexes into prim[]) whose witness may use entry x */
static bool
add_users(FlowMem *m, Witness *users, const Witness *w, int j)
{
	for (int i = 0; i < w->n; i++)
	{
		Witness    *u = &users[w->ent[i]];

		if (u->n > 0 && u->ent[u->n - 1] == j)
			continue;
		if (u->n == u->cap)
		{
			int			nc = u->cap ? u->cap * 2 : 4;

			u->ent = flow_grow(m, u->ent, u->cap, nc, sizeof(int));
			if (m->failed)
				return false;
			u->cap = nc;
		}
		u->ent[u->n++] = j;
	}
	return true;
}

/*
 * Cleanup: try to publish each complement again, most valuable first (ties:
 * later position first); keep it published if every primary cell stays
 * protected.  To avoid re-checking every primary for every complement, each
 * primary keeps a WITNESS: the entries whose arcs carried its protecting
 * flows in its last check.  Publishing entry s cannot hurt a primary whose
 * witness does not use s (the same flows remain feasible), so only the
 * primaries whose witness uses s are re-checked (and get new witnesses if
 * s is published).  Stops (deterministically) after cleanup_budget checks.
 */
static SdcStatus
cleanup(Prot *P, SdcStats *stats)
{
	SdcTable   *t = P->t;
	FlowMem    *m = P->m;
	size_t		ncell = (size_t) t->nr * t->nc;
	CandOrder  *cand = flow_zalloc(m, P->ne, sizeof(CandOrder));
	size_t	   *prim = flow_zalloc(m, ncell + 1, sizeof(size_t));
	Witness    *wit = flow_zalloc(m, ncell + 1, sizeof(Witness));
	Witness    *neww = flow_zalloc(m, ncell + 1, sizeof(Witness));
	int		   *recheck = flow_zalloc(m, ncell + 1, sizeof(int));
	uint32_t   *seen = flow_zalloc(m, ncell + 1, sizeof(uint32_t));
	Witness    *users = flow_zalloc(m, P->ne, sizeof(Witness));
	size_t		ncand = 0,
				nprim = 0;
	int64_t		budget = P->p->cleanup_budget > 0 ? P->p->cleanup_budget : SDC_CLEANUP_BUDGET;
	int64_t		start;
	SdcStatus	st = SDC_OK;

	if (m->failed)
		goto nomem;
	for (size_t e = 0; e < P->ne; e++)
	{
		uint8_t		s = *sdc_entry_state(t, e);

		if (s == SDC_SECONDARY &&
			!(t->ccap && e >= sdc_ctot_index(t, 0) && e < sdc_grand_index(t)))
		{
			cand[ncand].e = e;
			cand[ncand].v = sdc_entry_value(t, e);
			ncand++;
		}
		else if (s == SDC_PRIMARY)
			prim[nprim++] = e;
	}
	for (size_t j = 0; j < nprim; j++)
	{
		bool		up_ok,
					down_ok;

		flow_tick(m);
		if (!check_cell_w(P, prim[j], &up_ok, &down_ok, &wit[j]) ||
			!add_users(m, users, &wit[j], (int) j))
			goto nomem;
	}
	qsort(cand, ncand, sizeof(CandOrder), cand_cmp);
	start = P->checks;
	for (size_t i = 0; i < ncand; i++)
	{
		size_t		e = cand[i].e;
		int			a = P->arc_of[e];
		Witness    *us = &users[e];
		int			nre = 0;
		bool		ok = true;

		if (P->checks - start >= budget)
			break;
		flow_tick(m);
		/* tentatively publish e: close its arcs */
		P->n.fn.cap[a] = 0;
		P->n.fn.cap[a ^ 1] = 0;
		for (int k = 0; k < us->n && ok; k++)
		{
			int			j = us->ent[k];
			bool		up_ok,
						down_ok;

			if (seen[j] == (uint32_t) i + 1 || !witness_has(&wit[j], (int) e))
				continue;
			seen[j] = (uint32_t) i + 1;
			neww[nre].n = 0;
			if (!check_cell_w(P, prim[j], &up_ok, &down_ok, &neww[nre]))
				goto nomem;
			recheck[nre++] = j;
			ok = up_ok && down_ok;
		}
		if (ok)
		{
			*sdc_entry_state(t, e) = SDC_PUBLISHED;
			P->arc_of[e] = -1;
			P->n.fn.tag[a] = P->n.fn.tag[a ^ 1] = -1;
			for (int k = 0; k < nre; k++)
			{
				Witness		tmp = wit[recheck[k]];

				wit[recheck[k]] = neww[k];
				neww[k] = tmp;	/* reuse the old buffer later */
				if (!add_users(m, users, &wit[recheck[k]], recheck[k]))
					goto nomem;
			}
		}
		else
		{
			P->n.fn.cap[a] = entry_room(t, e);
			P->n.fn.cap[a ^ 1] = sdc_entry_value(t, e);
		}
	}
	goto done;
nomem:
	st = SDC_ERR_NOMEM;
done:
	if (wit)
		for (size_t j = 0; j <= ncell; j++)
		{
			flow_release(m, wit[j].ent);
			if (neww)
				flow_release(m, neww[j].ent);
		}
	if (users)
		for (size_t e = 0; e < P->ne; e++)
			flow_release(m, users[e].ent);
	flow_release(m, cand);
	flow_release(m, prim);
	flow_release(m, wit);
	flow_release(m, neww);
	flow_release(m, recheck);
	flow_release(m, seen);
	flow_release(m, users);
	return st;
}

static SdcStatus secondary(SdcTable *t, const SdcParams *p, SdcStats *stats,
							bool both, bool reverse);

SdcStatus
sdc_secondary(SdcTable *t, const SdcParams *p, SdcStats *stats)
{
	return secondary(t, p, stats, false, false);
}

/*
 * sdc_secondary, with one cycle for both sides of a cell when it is no
 * dearer (both: see both_ways), taking the primary cells in row-major order
 * or in reverse (reverse).
 */
static SdcStatus
secondary(SdcTable *t, const SdcParams *p, SdcStats *stats, bool both, bool reverse)
{
	FlowMem		m;
	Prot		P;
	size_t	   *path = NULL;
	SdcStatus	st = SDC_OK;
	size_t		ncell = (size_t) t->nr * t->nc;

	mem_init(&m, p);
	memset(&P, 0, sizeof(P));
	memset(stats, 0, sizeof(*stats));
	stats->bad_row = stats->bad_col = -1;
	if (!table_consistent(t))
		return SDC_ERR_INFEASIBLE;
	P.t = t;
	P.p = p;
	P.m = &m;
	P.both = both;
	P.ne = sdc_nentries(t);
	P.nnodes = t->nr + t->nc + 2;
	P.was = flow_zalloc(&m, (size_t) P.nnodes + 1, 1);
	P.arc_of = flow_zalloc(&m, P.ne, sizeof(int));
	P.dist = flow_zalloc(&m, P.nnodes, sizeof(sdc_cost));
	P.via = flow_zalloc(&m, P.nnodes, sizeof(int));
	P.done = flow_zalloc(&m, P.nnodes, 1);
	P.hcap = 64;
	P.hkey = flow_zalloc(&m, P.hcap, sizeof(sdc_cost));
	P.hnode = flow_zalloc(&m, P.hcap, sizeof(int));
	path = flow_zalloc(&m, 3 * ((size_t) P.nnodes + 1), sizeof(size_t));
	if (m.failed || !build_residual(t, &P.n, &m, P.arc_of))
	{
		st = SDC_ERR_NOMEM;
		goto done;
	}
	P.unit = cost_of((uint64_t) P.nnodes + 1);
	P.margin_cost = cost_mul(cost_mul(cost_of((uint64_t) t->grand + 2), (uint64_t) P.nnodes + 1),
							 (uint64_t) P.nnodes + 1);

	for (size_t k = 0; k < ncell; k++)
	{
		size_t		e = reverse ? ncell - 1 - k : k;

		if (t->cstate[e] != SDC_PRIMARY)
			continue;
		/* a cell that passes its first check ticks nowhere else */
		flow_tick(&m);
		st = protect_cell(&P, e, path, stats);
		if (st != SDC_OK)
			goto done;
	}
	if (p->cleanup)
		st = cleanup(&P, stats);

	/*
	 * Belt and braces: every primary cell passes its (exact) check at the
	 * end.  This holds by construction; a failure here is a bug.
	 */
	for (size_t e = 0; e < ncell && st == SDC_OK; e++)
	{
		bool		up_ok,
					down_ok;

		if (t->cstate[e] != SDC_PRIMARY)
			continue;
		flow_tick(&m);
		if (!check_cell(&P, e, &up_ok, &down_ok))
			st = SDC_ERR_NOMEM;
		else if (!up_ok || !down_ok)
		{
			stats->bad_row = (int) (e / t->nc);
			stats->bad_col = (int) (e % t->nc);
			st = SDC_ERR_AUDIT;
		}
	}
done:
	for (size_t e = 0; e < P.ne; e++)
	{
		uint8_t		s = *sdc_entry_state(t, e);

		if (s == SDC_PRIMARY)
			stats->primary++;
		else if ((s == SDC_SECONDARY || s == SDC_SUPPRESSED) && e < ncell)
		{
			/* SDC_SUPPRESSED: withheld beforehand (linked tables) */
			stats->secondary++;
		}
		else if (s == SDC_SECONDARY || s == SDC_SUPPRESSED)
			stats->totals++;
	}
	fn_free(&P.n.fn);
	flow_release(&m, P.arc_of);
	flow_release(&m, P.dist);
	flow_release(&m, P.via);
	flow_release(&m, P.done);
	flow_release(&m, P.hkey);
	flow_release(&m, P.hnode);
	flow_release(&m, path);
	flow_release(&m, P.was);
	if (st == SDC_OK && m.failed)
		st = SDC_ERR_NOMEM;
	return st;
}

/* The sum of the values of the withheld cells. */
static int64_t
withheld_count(const SdcTable *t)
{
	int64_t		n = 0;

	for (size_t e = 0; e < (size_t) t->nr * t->nc; e++)
		if (SDC_IS_SUPPRESSED(t->cstate[e]))
			n += t->cell[e];
	return n;
}

/*
 * The passes of sdc_protect on tables of at most SDC_TWO_PASS_CELLS cells:
 * cycles costed by the values they withhold (tau-ARGUS's default) or by the
 * number of new cells; one cycle for both sides of a cell when it is no
 * dearer (both_ways); primary cells in row-major order or in reverse.  The
 * first two are sdc_secondary's (protect's only passes before 0.2.0); the
 * other two are there because greedy choices depend on the order and on
 * each other: on the 68 protectable tables of test/bench/protect_optimum.sh
 * (set A) they take the withheld cells from 1,077 to 1,067 (the optimum:
 * 1,058), for about twice the time.  Two more passes (both_ways in
 * row-major order) gained 2 cells on its set B and none on set A.
 */
static const struct
{
	bool		count_cost;
	bool		both;
	bool		reverse;
}			protect_passes[] =
{
	{false, false, false},
	{true, false, false},
	{false, true, true},
	{true, true, true},
};

SdcStatus
sdc_protect(SdcTable *t, const SdcParams *p, SdcStats *stats)
{
	SdcStatus	st = SDC_OK;
	FlowMem		m;
	size_t		ne = sdc_nentries(t);
	uint8_t    *first,
			   *best;
	int64_t    *cap0,
			   *capb;
	SdcStats	sb;
	int64_t		vb = 0;
	bool		found = false;

	sdc_primary(t, p);
	if (p->count_cost || (size_t) t->nr * t->nc > SDC_TWO_PASS_CELLS)
		return sdc_secondary(t, p, stats);

	/*
	 * Every pass of protect_passes[] from the primaries (and the entries
	 * withheld beforehand) alone; the pattern with the fewest withheld
	 * entries wins, ties to the smaller withheld count, then to the earlier
	 * pass.  So no pattern withholds more than the first two passes' did.
	 * The first pass's failure is the answer (its table and stats, as
	 * sdc_secondary's); a later pass that finds the table unprotectable
	 * (possible only with fixed cells, which steps 2 and 3 of protect_cell
	 * skip) is passed over; any other error of a later pass is returned.
	 */
	flow_mem_init(&m, p->alloc, p->free, p->interrupt);
	first = flow_zalloc(&m, ne, 1);
	best = flow_zalloc(&m, ne, 1);
	cap0 = t->ccap ? flow_zalloc(&m, t->nc, sizeof(int64_t)) : NULL;
	capb = t->ccap ? flow_zalloc(&m, t->nc, sizeof(int64_t)) : NULL;
	if (m.failed)
	{
		st = SDC_ERR_NOMEM;
		goto done;
	}
	for (size_t e = 0; e < ne; e++)
		first[e] = *sdc_entry_state(t, e);
	/* the caps a withheld column total lifts (suppress_entry) start afresh */
	if (cap0)
		memcpy(cap0, t->ccap, sizeof(int64_t) * t->nc);
	for (int pass = 0; pass < (int) (sizeof(protect_passes) / sizeof(protect_passes[0])); pass++)
	{
		SdcParams	q = *p;
		SdcStats	s;
		int64_t		v;

		q.count_cost = protect_passes[pass].count_cost;
		if (pass > 0)
		{
			for (size_t e = 0; e < ne; e++)
				*sdc_entry_state(t, e) = first[e];
			if (cap0)
				memcpy(t->ccap, cap0, sizeof(int64_t) * t->nc);
		}
		st = secondary(t, &q, &s, protect_passes[pass].both, protect_passes[pass].reverse);
		if (st == SDC_ERR_UNPROTECTABLE && pass > 0)
		{
			st = SDC_OK;
			continue;
		}
		if (st != SDC_OK)
		{
			/* the table and stats of the failing pass (bad_row, bad_col) */
			sb = s;
			found = false;
			break;
		}
		v = withheld_count(t);
		if (!found || s.secondary + s.totals < sb.secondary + sb.totals ||
			(s.secondary + s.totals == sb.secondary + sb.totals && v < vb))
		{
			found = true;
			sb = s;
			vb = v;
			for (size_t e = 0; e < ne; e++)
				best[e] = *sdc_entry_state(t, e);
			if (capb)
				memcpy(capb, t->ccap, sizeof(int64_t) * t->nc);
		}
	}
	if (found)
	{
		for (size_t e = 0; e < ne; e++)
			*sdc_entry_state(t, e) = best[e];
		if (capb)
			memcpy(t->ccap, capb, sizeof(int64_t) * t->nc);
	}
	*stats = sb;
done:
	flow_release(&m, first);
	flow_release(&m, best);
	flow_release(&m, cap0);
	flow_release(&m, capb);
	return st;
}

/* ------------------------------------------------------------------------
 * 4. Controlled rounding
 *
 * Start from the nearest multiple of b for every entry (halves round up),
 * then repair additivity with a flow: in units of b, entry a may still move
 * from its start y_a to the other adjacent multiple (+1 if it was rounded
 * down and is not a multiple, -1 if rounded up).  Node imbalances of the
 * started circulation are fed from a super source / drained to a super sink
 * through these unit arcs.  Feasibility is guaranteed (see suppress.h), so
 * the maximum flow always saturates; we check anyway.
 * ------------------------------------------------------------------------ */

SdcStatus
sdc_round_controlled(SdcTable *t, const SdcParams *p, int64_t b, bool *changed)
{
	FlowMem		m;
	size_t		ne = sdc_nentries(t);
	int			nn = t->nr + t->nc + 2;
	int			SS = nn,
				TT = nn + 1;
	int64_t    *y = NULL,
			   *bal = NULL;
	int		   *arc_of = NULL;
	FlowNet		n;
	int64_t		need = 0;
	SdcStatus	st = SDC_OK;

	mem_init(&m, p);
	memset(&n, 0, sizeof(n));
	if (b < 1)
		return SDC_ERR_INFEASIBLE;
	if (!table_consistent(t))
		return SDC_ERR_INFEASIBLE;
	y = flow_zalloc(&m, ne, sizeof(int64_t));
	bal = flow_zalloc(&m, nn, sizeof(int64_t));
	arc_of = flow_zalloc(&m, ne, sizeof(int));
	if (m.failed || !fn_init(&n, &m, nn + 2, (int) (2 * ne + 2 * nn + 16)))
		goto nomem;
	for (size_t e = 0; e < ne; e++)
	{
		int64_t		x = sdc_entry_value(t, e);
		int64_t		q = x / b,
					r = x % b;
		int			u,
					v;

		if ((e & 0xFFFF) == 0)
			flow_tick(&m);

		y[e] = (r * 2 >= b && r != 0) ? q + 1 : q;
		sdc_entry_ends(t, e, &u, &v);
		bal[u] -= y[e];
		bal[v] += y[e];
		arc_of[e] = -1;
		if (r == 0)
			continue;
		/* room to move towards the other adjacent multiple */
		if (y[e] == q)
			arc_of[e] = fn_add(&n, u, v, 1, 0);
		else
			arc_of[e] = fn_add(&n, v, u, 1, 0);
		if (arc_of[e] < 0)
			goto nomem;
	}
	/* excess inflow at a node must leave through suppressed arcs */
	if (fn_add_balances(&n, bal, nn, SS, TT, &need) < 0)
		goto nomem;
	if (need > 0 && fn_dinic(&n, SS, TT) != need)
	{
		st = SDC_ERR_INFEASIBLE;	/* cannot happen (Cox & Ernst) */
		goto done;
	}
	for (size_t e = 0; e < ne; e++)
	{
		int			a = arc_of[e];
		int64_t		x = sdc_entry_value(t, e);
		int64_t		q = x / b;
		int64_t		nv = y[e];

		if ((e & 0xFFFF) == 0)
			flow_tick(&m);

		if (a >= 0 && n.cap[a] == 0)
			nv = (y[e] == q) ? q + 1 : q;	/* moved to the other multiple */
		nv *= b;
		if (changed && e < (size_t) t->nr * t->nc)
			changed[e] = nv != x;
		entry_set_value(t, e, nv);
	}
	goto done;
nomem:
	st = SDC_ERR_NOMEM;
done:
	fn_free(&n);
	flow_release(&m, y);
	flow_release(&m, bal);
	flow_release(&m, arc_of);
	return st;
}

/* ------------------------------------------------------------------------
 * 5. Collapsing plan
 * ------------------------------------------------------------------------ */

int
sdc_collapse_plan(const SdcTable *t, const int *group, bool *collapse)
{
	int			k = 0;

	for (int r = 0; r < t->nr; r++)
	{
		int			nz = 0,
					sup = 0;

		collapse[r] = false;
		for (int c = 0; c < t->nc; c++)
		{
			size_t		i = (size_t) r * t->nc + c;

			if (t->cell[i] != 0)
			{
				nz++;
				if (SDC_IS_SUPPRESSED(t->cstate[i]))
					sup++;
			}
		}
		if (group[r] >= 0 && nz > 0 && 2 * sup > nz)
		{
			collapse[r] = true;
			k++;
		}
	}
	return k;
}

/* ------------------------------------------------------------------------
 * 6. The cell-key method's perturbation table (see suppress.h)
 * ------------------------------------------------------------------------ */

/* One row of the table: noise values and their cumulative probabilities
 * in thousandths. */
typedef struct PtRow
{
	int			n;
	int			noise[5];
	int			cum[5];
} PtRow;

static const PtRow pt_one = {2, {-1, 2}, {500, 1000}};
static const PtRow pt_two = {3, {-2, 1, 2}, {250, 750, 1000}};
static const PtRow pt_three = {3, {0, 1, 2}, {600, 800, 1000}};
static const PtRow pt_four = {4, {-1, 0, 1, 2}, {200, 600, 800, 1000}};
static const PtRow pt_many = {5, {-2, -1, 0, 1, 2}, {100, 300, 700, 900, 1000}};

int64_t
sdc_cellkey_value(int64_t v, uint64_t key)
{
	return sdc_cellkey_value_at(v, (int) ((key >> 11) % SDC_CELLKEY_SPAN));
}

int64_t
sdc_cellkey_value_at(int64_t v, int u)
{
	const PtRow *row;

	if (v <= 0)
		return v;
	row = v == 1 ? &pt_one : v == 2 ? &pt_two : v == 3 ? &pt_three : v == 4 ? &pt_four : &pt_many;
	for (int i = 0; i < row->n; i++)
		if (u < row->cum[i])
		{
			/* within SDC_CELLKEY_D of INT64_MAX the noise goes down instead
			 * (same size, same key: still deterministic; no overflow) */
			if (row->noise[i] > 0 && v > INT64_MAX - row->noise[i])
				return v - row->noise[i];
			return v + row->noise[i];
		}
	return v;
}
