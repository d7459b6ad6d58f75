/*
 * flow.h
 *		A residual flow network with exact int64 maximum flows, in plain C.
 *
 * This header and flow.c do not include postgres.h: they are unit tested
 * outside the server (test/unit/flow_test.c, run by test/checks/flow_unit.sh).
 * The suppression core (suppress.c) builds its audit, its secondary
 * suppression and its controlled rounding on this network; see suppress.h
 * for why a table's disclosure questions are flow questions.
 *
 * The network
 * -----------
 * Nodes 0 .. nnodes-1.  Arcs come in pairs (2k forward, 2k+1 backward;
 * a ^ 1 is the partner).  cap[] is the residual capacity; FLOW_INF means
 * unbounded.  Adjacency is a linked list per node: arcs can be added at any
 * time and are never removed (a caller "removes" one by setting both
 * capacities to 0).  Each arc carries a tag, -1 unless the caller sets one
 * (suppress.c tags an arc with the table entry it stands for).
 *
 * Many questions, one network: fn_mark() starts an undo scope, fn_setcap()
 * changes a capacity remembering the old one, and fn_undo() restores every
 * capacity changed since the mark.  A flow computed with 'logged' goes
 * through the log, so the network is unchanged afterwards.
 *
 * Memory and interrupts come from the caller (FlowMem): malloc/free by
 * default, palloc/pfree and CHECK_FOR_INTERRUPTS() in the server.  An
 * allocation failure sets m->failed and makes the function report it (a
 * NULL, -1 or false result), after which the network may only be freed;
 * nothing here prints, exits or longjmps, except through the caller's
 * interrupt callback.
 */
#ifndef FOISTATS_FLOW_H
#define FOISTATS_FLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "No limit" as a capacity or a flow. */
#define FLOW_INF		INT64_MAX

/* Allocation and interrupt hooks, shared with the callers' own arrays. */
typedef struct FlowMem
{
	void	   *(*alloc) (size_t);
	void		(*free) (void *);
	void		(*interrupt) (void);	/* may be NULL */
	bool		failed;			/* an allocation failed */
} FlowMem;

/* NULL alloc/free: malloc/free. */
extern void flow_mem_init(FlowMem *m, void *(*alloc) (size_t), void (*free) (void *),
						  void (*interrupt) (void));
/* Zeroed array of n elements of size sz; NULL (and m->failed) on failure. */
extern void *flow_zalloc(FlowMem *m, size_t n, size_t sz);
/* Free p (NULL allowed). */
extern void flow_release(FlowMem *m, void *p);
/* Grow an array of 'old' elements to 'new' (zero-filled); NULL on failure,
 * when p is freed all the same (so that p = flow_grow(m, p, ...) never leaks). */
extern void *flow_grow(FlowMem *m, void *p, size_t old, size_t new, size_t sz);

static inline void
flow_tick(FlowMem *m)
{
	if (m->interrupt)
		m->interrupt();
}

typedef struct FlowNet
{
	FlowMem    *mem;
	int			nnodes;
	int			narcs;
	int			arccap;
	int		   *head;			/* per node: first arc or -1 */
	int		   *next;			/* per arc */
	int		   *to;
	int64_t    *cap;
	int		   *tag;			/* per arc: caller's tag, or -1 */
	/* BFS scratch */
	int		   *prev;			/* per node: arc used to reach it */
	uint32_t   *seen;			/* per node: stamp when reached */
	uint32_t	stamp;
	int		   *queue;
	/* undo log: arcs whose capacity changed since fn_mark() */
	int		   *log;
	int64_t    *logcap;
	int			nlog;
	int			logcap_n;
	uint32_t   *logged;			/* per arc: log stamp */
	uint32_t	logstamp;
	/* Dinic scratch */
	int		   *level;
	int		   *iter;
} FlowNet;

/* An empty network of nnodes nodes; false when out of memory (then nothing
 * stays allocated and *n is zeroed: fn_free is not needed, but harmless). */
extern bool fn_init(FlowNet *n, FlowMem *m, int nnodes, int arcs_hint);
/* Free its arrays (a zeroed FlowNet is fine too). */
extern void fn_free(FlowNet *n);

/* Add the arc pair u->v (capacity fwd) and v->u (capacity bwd); returns the
 * forward arc, or -1 on memory failure. */
extern int	fn_add(FlowNet *n, int u, int v, int64_t fwd, int64_t bwd);

/*
 * Connect each node x < nn with an imbalance bal[x] to the super source SS
 * (excess, bal > 0) or the super sink TT (deficit), adding the total excess
 * to *need; -1 when out of memory.  A circulation with these imbalances
 * exists iff the maximum flow from SS to TT is *need.
 */
extern int	fn_add_balances(FlowNet *n, const int64_t *bal, int nn, int SS, int TT,
							int64_t *need);

/* Start a new undo scope. */
extern void fn_mark(FlowNet *n);
/* Restore every capacity changed since fn_mark(). */
extern void fn_undo(FlowNet *n);
/* The log is full: grow it (false when out of memory; the log then stays
 * as it was, so fn_undo() still works).  For fn_setcap. */
extern bool fn_log_grow(FlowNet *n);

/* Set an arc's capacity, remembering the old one for fn_undo(). */
static inline bool
fn_setcap(FlowNet *n, int a, int64_t c)
{
	if (n->logged[a] != n->logstamp)
	{
		if (n->nlog == n->logcap_n && !fn_log_grow(n))
			return false;
		n->log[n->nlog] = a;
		n->logcap[n->nlog] = n->cap[a];
		n->nlog++;
		n->logged[a] = n->logstamp;
	}
	n->cap[a] = c;
	return true;
}

/* Capacity arithmetic with FLOW_INF absorbing. */
static inline int64_t
fn_cap_sub(int64_t c, int64_t d)
{
	return c == FLOW_INF ? FLOW_INF : c - d;
}

static inline int64_t
fn_cap_add(int64_t c, int64_t d)
{
	if (c == FLOW_INF || d == FLOW_INF || c > FLOW_INF - d)
		return FLOW_INF;
	return c + d;
}

/*
 * Maximum flow from s to t by Dinic's algorithm, stopping once it reaches
 * 'limit' (FLOW_INF: none).  Returns the flow (FLOW_INF if unbounded and no
 * limit, or s == t), or -1 on memory failure.  With 'logged' capacity changes go to the
 * undo log (bracket the call with fn_mark()/fn_undo()); without, the
 * network is left as the residual of the flow.  Calls the interrupt hook
 * once per phase.
 */
extern int64_t fn_flow(FlowNet *n, int s, int t, int64_t limit, bool logged);

/* fn_flow without limit or log: for one-off flows (completing, rounding). */
extern int64_t fn_dinic(FlowNet *n, int s, int t);

/*
 * The same maximum flow by shortest augmenting paths (Edmonds-Karp), always
 * logged.  Slower; kept as an independent second algorithm that the unit
 * test checks fn_flow against.
 */
extern int64_t fn_maxflow(FlowNet *n, int s, int t, int64_t limit);

/*
 * An upper bound on the flow from s to t that avoids arc pair a: the least
 * of the total residual capacity leaving s and entering t (FLOW_INF if both
 * are unbounded).
 */
extern int64_t fn_cut_bound(const FlowNet *n, int s, int t, int a);

#endif							/* FOISTATS_FLOW_H */
