/*
 * flow.c
 *		Residual flow network and exact int64 maximum flows (see flow.h).
 *
 * Plain C (no postgres.h).  Two maximum-flow algorithms over one network:
 * Dinic's (fn_flow, what the suppression core uses) and shortest augmenting
 * paths (fn_maxflow, the unit test's independent check of it).
 */
#include "flow.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Memory
 * ------------------------------------------------------------------------ */

static void *
default_alloc(size_t n)
{
	return malloc(n ? n : 1);
}

static void
default_free(void *p)
{
	free(p);
}

void
flow_mem_init(FlowMem *m, void *(*alloc) (size_t), void (*free) (void *),
			  void (*interrupt) (void))
{
	m->alloc = alloc ? alloc : default_alloc;
	m->free = free ? free : default_free;
	m->interrupt = interrupt;
	m->failed = false;
}

#define FLOW_ZERO_CHUNK ((size_t) 8 * 1024 * 1024)

void *
flow_zalloc(FlowMem *m, size_t n, size_t sz)
{
	void	   *p;

	if (n != 0 && sz > SIZE_MAX / n)
	{
		m->failed = true;
		return NULL;
	}
	p = m->alloc(n * sz);
	if (p == NULL)
		m->failed = true;
	else
	{
		/*
		 * Zeroed in pieces with the interrupt hook between them: the arrays
		 * of a large table's network run to hundreds of megabytes, and
		 * touching their pages for the first time is slow.
		 */
		size_t		total = n * sz,
					done = 0;

		while (total - done > FLOW_ZERO_CHUNK)
		{
			memset((char *) p + done, 0, FLOW_ZERO_CHUNK);
			done += FLOW_ZERO_CHUNK;
			flow_tick(m);
		}
		memset((char *) p + done, 0, total - done);
	}
	return p;
}

void
flow_release(FlowMem *m, void *p)
{
	if (p)
		m->free(p);
}

void *
flow_grow(FlowMem *m, void *p, size_t old, size_t new, size_t sz)
{
	void	   *q = flow_zalloc(m, new, sz);

	if (q && p)
		memcpy(q, p, old * sz);
	flow_release(m, p);			/* on failure too: p = flow_grow(m, p, ...) */
	return q;
}

/* ------------------------------------------------------------------------
 * The network
 * ------------------------------------------------------------------------ */

bool
fn_init(FlowNet *n, FlowMem *m, int nnodes, int arcs_hint)
{
	memset(n, 0, sizeof(*n));
	n->mem = m;
	n->nnodes = nnodes;
	n->arccap = arcs_hint < 16 ? 16 : arcs_hint;
	n->head = flow_zalloc(m, nnodes, sizeof(int));
	n->prev = flow_zalloc(m, nnodes, sizeof(int));
	n->seen = flow_zalloc(m, nnodes, sizeof(uint32_t));
	n->queue = flow_zalloc(m, nnodes, sizeof(int));
	n->level = flow_zalloc(m, nnodes, sizeof(int));
	n->iter = flow_zalloc(m, nnodes, sizeof(int));
	n->next = flow_zalloc(m, n->arccap, sizeof(int));
	n->to = flow_zalloc(m, n->arccap, sizeof(int));
	n->cap = flow_zalloc(m, n->arccap, sizeof(int64_t));
	n->tag = flow_zalloc(m, n->arccap, sizeof(int));
	n->logged = flow_zalloc(m, n->arccap, sizeof(uint32_t));
	n->logcap_n = 64;
	n->log = flow_zalloc(m, n->logcap_n, sizeof(int));
	n->logcap = flow_zalloc(m, n->logcap_n, sizeof(int64_t));
	if (m->failed)
	{
		/* callers return at once: free what was had (n is zeroed again) */
		fn_free(n);
		return false;
	}
	for (int i = 0; i < nnodes; i++)
		n->head[i] = -1;
	n->logstamp = 1;
	return true;
}

void
fn_free(FlowNet *n)
{
	void	   *arrays[] = {
		n->head, n->prev, n->seen, n->queue, n->level, n->iter, n->next,
		n->to, n->cap, n->tag, n->logged, n->log, n->logcap
	};

	if (!n->mem)
		return;
	for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++)
		flow_release(n->mem, arrays[i]);
	memset(n, 0, sizeof(*n));
}

/* Add the arc pair u->v (capacity fwd) and v->u (capacity bwd); returns the
 * forward arc, or -1 on memory failure. */
int
fn_add(FlowNet *n, int u, int v, int64_t fwd, int64_t bwd)
{
	int			a;

	if (n->narcs + 2 > n->arccap)
	{
		int			nc = n->arccap * 2;
		FlowMem    *m = n->mem;

		n->next = flow_grow(m, n->next, n->arccap, nc, sizeof(int));
		n->to = flow_grow(m, n->to, n->arccap, nc, sizeof(int));
		n->cap = flow_grow(m, n->cap, n->arccap, nc, sizeof(int64_t));
		n->tag = flow_grow(m, n->tag, n->arccap, nc, sizeof(int));
		n->logged = flow_grow(m, n->logged, n->arccap, nc, sizeof(uint32_t));
		if (m->failed)
			return -1;
		n->arccap = nc;
	}
	a = n->narcs;
	n->tag[a] = n->tag[a + 1] = -1;
	n->to[a] = v;
	n->cap[a] = fwd;
	n->next[a] = n->head[u];
	n->head[u] = a;
	n->to[a + 1] = u;
	n->cap[a + 1] = bwd;
	n->next[a + 1] = n->head[v];
	n->head[v] = a + 1;
	n->narcs += 2;
	return a;
}

/*
 * Connect each node's imbalance to the super source SS (excess) or super sink
 * TT (deficit), adding the total excess to *need; -1 when out of memory.
 */
int
fn_add_balances(FlowNet *n, const int64_t *bal, int nn, int SS, int TT, int64_t *need)
{
	for (int x = 0; x < nn; x++)
	{
		if (bal[x] > 0)
		{
			if (fn_add(n, SS, x, bal[x], 0) < 0)
				return -1;
			*need += bal[x];
		}
		else if (bal[x] < 0 && fn_add(n, x, TT, -bal[x], 0) < 0)
			return -1;
	}
	return 0;
}

/* Start a new undo scope. */
void
fn_mark(FlowNet *n)
{
	n->nlog = 0;
	if (++n->logstamp == 0)
	{
		memset(n->logged, 0, sizeof(uint32_t) * n->arccap);
		n->logstamp = 1;
	}
}

bool
fn_log_grow(FlowNet *n)
{
	int			nc = n->logcap_n * 2;
	int		   *log = flow_zalloc(n->mem, nc, sizeof(int));
	int64_t    *logcap = flow_zalloc(n->mem, nc, sizeof(int64_t));

	/*
	 * Out of memory: the log stays as it was, so the caller's fn_undo()
	 * still restores every capacity logged so far (flow_grow would have
	 * freed it).
	 */
	if (!log || !logcap)
	{
		flow_release(n->mem, log);
		flow_release(n->mem, logcap);
		return false;
	}
	memcpy(log, n->log, sizeof(int) * n->logcap_n);
	memcpy(logcap, n->logcap, sizeof(int64_t) * n->logcap_n);
	flow_release(n->mem, n->log);
	flow_release(n->mem, n->logcap);
	n->log = log;
	n->logcap = logcap;
	n->logcap_n = nc;
	return true;
}

/* Restore every capacity changed since fn_mark(). */
void
fn_undo(FlowNet *n)
{
	for (int i = n->nlog - 1; i >= 0; i--)
		n->cap[n->log[i]] = n->logcap[i];
	fn_mark(n);
}

/* ------------------------------------------------------------------------
 * Maximum flows
 * ------------------------------------------------------------------------ */

/*
 * Maximum flow from s to t, stopping once it reaches 'limit' (FLOW_INF: no
 * limit).  Returns the flow (FLOW_INF if unbounded and no limit), or -1 on
 * memory failure.  Capacity changes go to the undo log: the caller calls
 * fn_mark() before and fn_undo() after.  Shortest augmenting paths
 * (Edmonds-Karp): each BFS stops as soon as it reaches t.
 */
int64_t
fn_maxflow(FlowNet *n, int s, int t, int64_t limit)
{
	int64_t		flow = 0;

	if (s == t)
		return FLOW_INF;
	while (flow < limit)
	{
		int			qh = 0,
					qt = 0;
		bool		found = false;
		int64_t		b;

		if (++n->stamp == 0)
		{
			memset(n->seen, 0, sizeof(uint32_t) * n->nnodes);
			n->stamp = 1;
		}
		n->seen[s] = n->stamp;
		n->queue[qt++] = s;
		while (qh < qt && !found)
		{
			int			x = n->queue[qh++];

			for (int a = n->head[x]; a >= 0; a = n->next[a])
			{
				int			y = n->to[a];

				if (n->cap[a] <= 0 || n->seen[y] == n->stamp)
					continue;
				n->seen[y] = n->stamp;
				n->prev[y] = a;
				if (y == t)
				{
					found = true;
					break;
				}
				n->queue[qt++] = y;
			}
		}
		if (!found)
			break;
		/* bottleneck */
		b = limit == FLOW_INF ? FLOW_INF : limit - flow;
		for (int y = t; y != s; y = n->to[n->prev[y] ^ 1])
		{
			int64_t		c = n->cap[n->prev[y]];

			if (c < b)
				b = c;
		}
		if (b == FLOW_INF)
			return FLOW_INF;		/* an all-unbounded path: unbounded */
		for (int y = t; y != s; y = n->to[n->prev[y] ^ 1])
		{
			int			a = n->prev[y];

			if (!fn_setcap(n, a, fn_cap_sub(n->cap[a], b)) ||
				!fn_setcap(n, a ^ 1, fn_cap_add(n->cap[a ^ 1], b)))
				return -1;
		}
		flow = fn_cap_add(flow, b);	/* past int64: unbounded */
		if (flow == FLOW_INF)
			return FLOW_INF;
	}
	return flow;
}

/*
 * Dinic's maximum flow from s to t, for the bigger one-off flows (completing
 * a table, rounding).  Modifies capacities permanently (no undo log).  All
 * capacities on s's arcs must be finite.
 */
static bool
dinic_bfs(FlowNet *n, int s, int t)
{
	int			qh = 0,
				qt = 0;

	for (int i = 0; i < n->nnodes; i++)
		n->level[i] = -1;
	n->level[s] = 0;
	n->queue[qt++] = s;
	while (qh < qt)
	{
		int			x = n->queue[qh++];

		/* nodes at t's level or beyond cannot be on a shortest path */
		if (n->level[t] >= 0 && n->level[x] >= n->level[t])
			break;
		/* a node of a large table has thousands of arcs, scattered in memory */
		flow_tick(n->mem);
		for (int a = n->head[x]; a >= 0; a = n->next[a])
			if (n->cap[a] > 0 && n->level[n->to[a]] < 0)
			{
				n->level[n->to[a]] = n->level[x] + 1;
				n->queue[qt++] = n->to[a];
			}
	}
	return n->level[t] >= 0;
}

/*
 * One augmenting path of the level graph (iterative DFS: paths can be
 * long), carrying at most 'want'.  With 'logged', capacity changes go
 * through the undo log.  Returns the flow pushed (0: blocked; FLOW_INF: an
 * unbounded path with want = FLOW_INF; -1: out of memory).
 */
static int64_t
dinic_push(FlowNet *n, int s, int t, int64_t want, bool logged)
{
	int			depth = 0;
	int		   *stack_arc = n->prev;	/* reuse: arc at each depth */
	int			x = s;

	for (;;)
	{
		if (x == t)
		{
			int64_t		b = want;

			for (int d = 0; d < depth; d++)
				if (n->cap[stack_arc[d]] < b)
					b = n->cap[stack_arc[d]];
			if (b == FLOW_INF)
				return FLOW_INF;
			for (int d = 0; d < depth; d++)
			{
				int			a = stack_arc[d];

				if (logged)
				{
					if (!fn_setcap(n, a, fn_cap_sub(n->cap[a], b)) ||
						!fn_setcap(n, a ^ 1, fn_cap_add(n->cap[a ^ 1], b)))
						return -1;
				}
				else
				{
					n->cap[a] = fn_cap_sub(n->cap[a], b);
					n->cap[a ^ 1] = fn_cap_add(n->cap[a ^ 1], b);
				}
			}
			return b;
		}
		{
			bool		advanced = false;

			for (; n->iter[x] >= 0; n->iter[x] = n->next[n->iter[x]])
			{
				int			a = n->iter[x];
				int			y = n->to[a];

				if (n->cap[a] > 0 && n->level[y] == n->level[x] + 1)
				{
					stack_arc[depth++] = a;
					x = y;
					advanced = true;
					break;
				}
			}
			if (advanced)
				continue;
			/* dead end: retreat (after scanning all of x's arcs) */
			flow_tick(n->mem);
			n->level[x] = -1;
			if (depth == 0)
				return 0;
			depth--;
			x = n->to[stack_arc[depth] ^ 1];
			n->iter[x] = n->next[n->iter[x]];
		}
	}
}

/*
 * Maximum flow from s to t by Dinic's algorithm, stopping once it reaches
 * 'limit' (FLOW_INF: none).  Returns the flow (FLOW_INF if unbounded and no
 * limit), or -1 on memory failure.  With 'logged' the caller brackets it
 * with fn_mark()/fn_undo().  Few phases even when many small-capacity paths
 * are needed (one breadth-first search per phase, stopped at t's level).
 */
int64_t
fn_flow(FlowNet *n, int s, int t, int64_t limit, bool logged)
{
	int64_t		flow = 0;

	if (s == t)
		return FLOW_INF;
	while (flow < limit && dinic_bfs(n, s, t))
	{
		int64_t		f;

		for (int i = 0; i < n->nnodes; i++)
			n->iter[i] = n->head[i];
		while (flow < limit &&
			   (f = dinic_push(n, s, t, limit == FLOW_INF ? FLOW_INF : limit - flow,
							   logged)) != 0)
		{
			if (f < 0)
				return -1;
			/* a flow past int64 (caps near 2^61 on many arcs) is unbounded
			 * as far as int64 counts go: saturate, never overflow */
			flow = fn_cap_add(flow, f);
			if (flow == FLOW_INF)
				return FLOW_INF;
			/* a phase can push very many paths (controlled rounding) */
			flow_tick(n->mem);
		}
		flow_tick(n->mem);
	}
	return flow;
}

int64_t
fn_dinic(FlowNet *n, int s, int t)
{
	return fn_flow(n, s, t, FLOW_INF, false);
}

/*
 * An upper bound on the flow from s to t that avoids arc pair a: the total
 * residual capacity leaving s, and entering t (FLOW_INF if both unbounded).
 */
int64_t
fn_cut_bound(const FlowNet *n, int s, int t, int a)
{
	int64_t		out = 0,
				in = 0;

	for (int b = n->head[s]; b >= 0; b = n->next[b])
		if ((b | 1) != (a | 1))
			out = fn_cap_add(out, n->cap[b]);
	for (int b = n->head[t]; b >= 0; b = n->next[b])
		if ((b | 1) != (a | 1))
			in = fn_cap_add(in, n->cap[b ^ 1]);
	return out < in ? out : in;
}
