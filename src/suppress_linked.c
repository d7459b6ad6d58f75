/*
 * suppress_linked.c
 *		Disclosure control of LINKED tables: a family of tables with the same
 *		rows and columns in which a table may count a subset of another's
 *		records (a table and its subsets: crimes of table 1 that involved the
 *		internet, that mention grooming).
 *
 *		Also tables that count the same crimes for other periods (this year's
 *		response publishing last year's table again, shifted by a year).
 *
 * Plain C (no postgres.h); see suppress.h ("Linked tables") for the model.
 * Outline:
 *
 *	1. moves: how far one entry can move when a set M of the family's
 *	   tables moves by the same circulation, every other table fixed (the
 *	   witnesses of the protection check and of the audit's inner bounds);
 *	2. the family check and audit;
 *	3. the family protection loop.
 */
#include "suppress.h"

#include "flow.h"

#include <string.h>

/* ------------------------------------------------------------------------
 * Entries of a table (cells row-major, row totals, column totals, grand)
 * ------------------------------------------------------------------------ */

static bool
ent_withheld(const SdcTable *t, size_t e)
{
	return SDC_IS_SUPPRESSED(*sdc_entry_state((SdcTable *) t, e));
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* ------------------------------------------------------------------------
 * 1. Moves
 *
 * Every table of the set M (a bit mask over the family) changes by the same
 * circulation; tables outside M stay as they are.  An entry can take part
 * only if every table of M withholds it.  It can rise by delta when, in
 * every table t of M, t's value plus delta stays within t's column cap and,
 * if t's superset is not in M, within the superset's value; it can fall by
 * delta when, in every t of M, t's value less delta stays at least zero and
 * at least each of t's subsets outside M.  A move that keeps all that keeps
 * every published figure of every table and every subset relation, so it
 * is a table the reader cannot rule out (suppress.h, "Linked tables").
 * ------------------------------------------------------------------------ */

static bool
in_set(uint64_t M, int i)
{
	return (M >> i) & 1;
}

/* The column slot of entry x (a cell or a column total), or -1. */
static int
ent_slot(const SdcTable *t, size_t x)
{
	size_t		ncell = (size_t) t->nr * t->nc;

	if (x < ncell)
		return (int) (x % t->nc);
	if (x >= ncell + t->nr && x < ncell + t->nr + t->nc)
		return (int) (x - ncell - t->nr);
	return -1;
}

/* Do tables i and j count the same crimes in slot c? */
static bool
same_slot(const SdcFamily *f, int i, int j, int c)
{
	if (!f->same || c < 0 || i == j)
		return false;
	return (f->same[i] == j && f->shared[i][c]) || (f->same[j] == i && f->shared[j][c]);
}

/*
 * Entry x of table i (moving, in M) is frozen when it counts the same
 * crimes as a table outside M: that one's figure (plus the known revision)
 * pins it.
 */
static bool
frozen(const SdcFamily *f, uint64_t M, int i, size_t x)
{
	int			c;

	/* a column total or the grand total of a pair, the other table fixed */
	if (f->pair && f->pair[i] >= 0 && !in_set(M, f->pair[i]) &&
		x >= (size_t) f->t[i]->nr * f->t[i]->nc + f->t[i]->nr)
		return true;
	if (!f->same || (c = ent_slot(f->t[i], x)) < 0)
		return false;
	for (int j = 0; j < f->ntab; j++)
		if (!in_set(M, j) && same_slot(f, i, j, c))
			return true;
	return false;
}

/* M with every table counting the same crimes as one of its members. */
static uint64_t
close_same(const SdcFamily *f, uint64_t M)
{
	bool		grew = f->same != NULL;

	while (grew)
	{
		grew = false;
		for (int i = 0; i < f->ntab; i++)
		{
			int			j = f->same[i];

			if (j < 0 || in_set(M, i) == in_set(M, j))
				continue;
			M |= ((uint64_t) 1 << i) | ((uint64_t) 1 << j);
			grew = true;
		}
	}
	return M;
}

/* Does table t list cell x (not a zero of a row or column it lacks)? */
static bool
lists_cell(const SdcTable *t, size_t x)
{
	return !(t->fixed && t->fixed[x]);
}

/*
 * Does t list row r (a cell of it in some column)?  In a family's grid a
 * table's rows are fixed zeros in every column of the others, but a column
 * only another table of the family has is a fixed zero in every row: look
 * at all of the row, not at one column.
 */
static bool
lists_row(const SdcTable *t, int r)
{
	for (int c = 0; c < t->nc; c++)
		if (lists_cell(t, (size_t) r * t->nc + c))
			return true;
	return false;
}

/*
 * A third way, MOVE_ABSENT_FREE in M: no room given to either side, the move
 * found checked afterwards (absent_holds) and made only when every total
 * that entries of absent columns go to stays at least 0 -- the way a cell of
 * an absent column rises with its row total in the same move (the two
 * cancel) and neither of the others finds.
 */
#define MOVE_ABSENT_FREE ((uint64_t) 1 << 62)

/*
 * Columns a table does not list.  Where table i of M has no column in slot
 * c (every cell of it a fixed zero) and no other table of M counts the same
 * crimes there (last year's 2019 when this year's table starts in 2020),
 * what a move of M puts in a cell of that column goes to i's row total
 * instead, which changes by the opposite amount, and what it puts in the
 * column's total goes to i's grand total: none of i's own figures in the
 * column changes.  A cell of it may move when i withholds its row total, the
 * column total when i withholds its grand total, and only when i has no
 * other link (no superset, subset or pair).  The total that takes the
 * moves must stay at least 0 when they all rise and it falls itself (when
 * every table of M withholds it, the move may change it too): each of the k
 * entries that go to it may rise, and the total itself fall, by at most its
 * value over k, or over k + 1 when it moves as well.
 */
static bool
absent_col(const SdcFamily *f, uint64_t M, int i, int c)
{
	const SdcTable *t = f->t[i];

	if (!f->same || f->parent[i] >= 0 || (f->pair && f->pair[i] >= 0) || t->ccap)
		return false;
	for (int j = 0; j < f->ntab; j++)
		if (f->parent[j] == i || (in_set(M, j) && same_slot(f, i, j, c)))
			return false;
	if (f->lacks_col)
		return f->lacks_col[(size_t) i * t->nc + c];
	for (int r = 0; r < t->nr; r++)
		if (lists_cell(t, (size_t) r * t->nc + c))
			return false;
	return true;
}

/* How many entries of table i go to its total x (a row total or the grand
 * total): the cells of absent columns in the row, or their column totals. */
static int
absent_into(const SdcFamily *f, uint64_t M, int i, size_t x)
{
	const SdcTable *t = f->t[i];
	size_t		r0 = sdc_rtot_index(t, 0);
	bool		row = x >= r0 && x < r0 + (size_t) t->nr;
	bool		unlisted = row && !lists_row(t, (int) (x - r0));
	int			k = 0;

	/* a row the table does not list (its total a known 0) takes the moves
	 * only in a move checked afterwards, which keeps it 0 (absent_holds) */
	if (!ent_withheld(t, x) && !(unlisted && (M & MOVE_ABSENT_FREE)))
		return 0;
	if (x == sdc_grand_index(t))
	{
		for (int c = 0; c < t->nc; c++)
			k += absent_col(f, M, i, c);
		return k;
	}
	if (!row || (unlisted && !(M & MOVE_ABSENT_FREE)))
		return 0;
	for (int c = 0; c < t->nc; c++)
		k += absent_col(f, M, i, c);
	return k;
}

/* The total an entry x of table i goes to, when it is in an absent column
 * and may move (see above); else -1. */
static int64_t
absent_target(const SdcFamily *f, uint64_t M, int i, size_t x)
{
	const SdcTable *t = f->t[i];
	size_t		ncell = (size_t) t->nr * t->nc;
	int			c = ent_slot(t, x);
	size_t		y;

	if (c < 0 || !absent_col(f, M, i, c))
		return -1;
	y = x < ncell ? sdc_rtot_index(t, (int) (x / t->nc)) : sdc_grand_index(t);
	return absent_into(f, M, i, y) > 0 ? (int64_t) y : -1;
}

/*
 * How far each entry going to total y of table i may rise (absent: true),
 * or y itself fall, taking from y (see above); only when absent_into(y) > 0.
 * Two ways to share y, both sound, tried one after the other (best_move):
 * evenly, y's value over k (+ 1 when y moves as well); or, with
 * MOVE_ABSENT_FALL in M, all of it to y itself when y moves (the entries
 * going to it may then only fall, which raises y) and over k when it does
 * not.
 */
#define MOVE_ABSENT_FALL ((uint64_t) 1 << 63)


static int64_t
absent_room(const SdcFamily *f, uint64_t M, int i, size_t y, bool absent)
{
	bool		moves = true;
	int64_t		v = sdc_entry_value(f->t[i], y);
	int			k = absent_into(f, M, i, y);

	for (int j = 0; j < f->ntab; j++)
		if (in_set(M, j) && !ent_withheld(f->t[j], y))
			moves = false;
	if (M & MOVE_ABSENT_FREE)
		return SDC_INF;
	if (M & MOVE_ABSENT_FALL)
		return !moves ? v / k : absent ? 0 : v;
	return v / (k + (moves ? 1 : 0));
}

/* How far entry x of every table of M may rise (SDC_INF: no limit). */
static int64_t
move_up_cap(const SdcFamily *f, uint64_t M, size_t x)
{
	int64_t		cap = SDC_INF;

	for (int i = 0; i < f->ntab; i++)
	{
		const SdcTable *t = f->t[i];
		int			p = f->parent[i];

		if (!in_set(M, i))
			continue;
		if (absent_target(f, M, i, x) >= 0)
		{
			cap = min64(cap, absent_room(f, M, i, (size_t) absent_target(f, M, i, x), true));
			continue;
		}
		if (frozen(f, M, i, x))
			return 0;
		if (t->ccap && x < (size_t) t->nr * t->nc && t->ccap[x % t->nc] != SDC_INF)
			cap = min64(cap, t->ccap[x % t->nc] - sdc_entry_value(t, x));
		if (p >= 0 && !in_set(M, p))
			cap = min64(cap, sdc_entry_value(f->t[p], x) - sdc_entry_value(t, x));
	}
	return cap < 0 ? 0 : cap;
}

/* How far entry x of every table of M may fall. */
static int64_t
move_down_cap(const SdcFamily *f, uint64_t M, size_t x)
{
	int64_t		cap = SDC_INF;

	for (int i = 0; i < f->ntab; i++)
	{
		const SdcTable *t = f->t[i];
		int64_t		floor = 0;

		if (!in_set(M, i) || absent_target(f, M, i, x) >= 0)
			continue;
		if (frozen(f, M, i, x))
			return 0;
		/* a total that entries of absent columns go to */
		if (absent_into(f, M, i, x) > 0)
		{
			cap = min64(cap, absent_room(f, M, i, x, false));
			continue;
		}
		for (int j = 0; j < f->ntab; j++)
			if (f->parent[j] == i && !in_set(M, j) && sdc_entry_value(f->t[j], x) > floor)
				floor = sdc_entry_value(f->t[j], x);
		cap = min64(cap, sdc_entry_value(t, x) - floor);
	}
	return cap < 0 ? 0 : cap;
}

/* Add d to entry e of table t (a move applied to a scratch family). */
static void
ent_add(SdcTable *t, size_t e, int64_t d)
{
	size_t		nc = (size_t) t->nr * t->nc;

	if (e < nc)
		t->cell[e] += d;
	else if ((e -= nc) < (size_t) t->nr)
		t->rtot[e] += d;
	else if ((e -= t->nr) < (size_t) t->nc)
		t->ctot[e] += d;
	else
		t->grand += d;
}

/* A move of M applied to table i at entry x: an entry of a column i does
 * not list goes to the total absent_target names, with the opposite sign. */
static void
move_add(SdcFamily *f, uint64_t M, int i, size_t x, int64_t d)
{
	int64_t		y = absent_target(f, M, i, x);

	if (y >= 0)
		ent_add(f->t[i], (size_t) y, -d);
	else
		ent_add(f->t[i], x, d);
}

/* ------------------------------------------------------------------------
 * The same crimes by two breakdowns: the pair's network (suppress.h)
 *
 * Nodes: the grid's rows 0..nr-1 (each a row of a or of b, never both),
 * columns of a nr..nr+nc-1, columns of b nr+nc..nr+2nc-1, S, T.  Every arc
 * runs the way its entry rises.
 * ------------------------------------------------------------------------ */

/*
 * The arc of entry x in the pair network of a and b: its ends, and whose
 * entry it is (1: a's, 2: b's, 3: both tables', a column total or the grand
 * total; 0: neither lists it).
 */
static int
pair_ends(const SdcFamily *f, int a, int b, size_t x, int *u, int *v)
{
	const SdcTable *ta = f->t[a],
			   *tb = f->t[b];
	int			nr = ta->nr,
				nc = ta->nc,
				S = nr + 2 * nc,
				T = S + 1;
	size_t		ncell = (size_t) nr * nc;

	if (x < ncell)
	{
		int			r = (int) (x / nc),
					c = (int) (x % nc);

		if (lists_cell(ta, x))
		{
			*u = r;
			*v = nr + c;
			return 1;
		}
		if (lists_cell(tb, x))
		{
			*u = nr + nc + c;
			*v = r;
			return 2;
		}
		return 0;
	}
	x -= ncell;
	if (x < (size_t) nr)
	{
		if (lists_row(ta, (int) x))
		{
			*u = S;
			*v = (int) x;
			return 1;
		}
		if (lists_row(tb, (int) x))
		{
			*u = (int) x;
			*v = T;
			return 2;
		}
		return 0;
	}
	x -= nr;
	if (x < (size_t) nc)
	{
		*u = nr + (int) x;
		*v = nr + nc + (int) x;
		return 3;
	}
	*u = T;
	*v = S;
	return 3;
}

/* Is entry x an arc of the pair network (withheld wherever it is listed)?
 * Its room to fall in *down (rising has no limit: no caps in a pair). */
static bool
pair_arc(const SdcFamily *f, int a, int b, size_t x, int *u, int *v, int64_t *down)
{
	int			who = pair_ends(f, a, b, x, u, v);

	if (who == 0 || ((who & 1) && !ent_withheld(f->t[a], x)) ||
		((who & 2) && !ent_withheld(f->t[b], x)))
		return false;
	*down = who == 2 ? sdc_entry_value(f->t[b], x) :
		who == 1 ? sdc_entry_value(f->t[a], x) :
		min64(sdc_entry_value(f->t[a], x), sdc_entry_value(f->t[b], x));
	return true;
}

/* M with each pair partner of its members. */
static uint64_t
close_pair(const SdcFamily *f, uint64_t M)
{
	for (int i = 0; f->pair && i < f->ntab; i++)
		if (in_set(M, i) && f->pair[i] >= 0)
			M |= (uint64_t) 1 << f->pair[i];
	return M;
}

/*
 * What moves: every table of the set M by the same circulation of the
 * grid's network (pa < 0), or the pair {pa, pb} through its own network.
 */
typedef struct Mover
{
	SdcFamily  *f;
	uint64_t	M;
	int			pa,
				pb;
} Mover;

/*
 * Is entry x an arc of mv's network (withheld by every table that moves it)?
 * Its ends, and its room to rise (*upcap) and to fall (*down).
 */
static bool
mover_arc(const Mover *mv, size_t x, int *u, int *v, int64_t *upcap, int64_t *down)
{
	const SdcFamily *f = mv->f;

	if (mv->pa >= 0)
	{
		*upcap = SDC_INF;
		return pair_arc(f, mv->pa, mv->pb, x, u, v, down);
	}
	for (int i = 0; i < f->ntab; i++)
		if (in_set(mv->M, i) && !ent_withheld(f->t[i], x) && absent_target(f, mv->M, i, x) < 0 &&
			absent_into(f, mv->M, i, x) == 0)
			return false;
	sdc_entry_ends(f->t[0], x, u, v);
	*upcap = move_up_cap(f, mv->M, x);
	*down = move_down_cap(f, mv->M, x);
	return true;
}

/* Add d to entry x of every table that moves it. */
static void
mover_add(const Mover *mv, size_t x, int64_t d)
{
	SdcFamily  *f = mv->f;

	if (mv->pa >= 0)
	{
		int			u,
					v,
					who = pair_ends(f, mv->pa, mv->pb, x, &u, &v);

		if (who & 1)
			ent_add(f->t[mv->pa], x, d);
		if (who & 2)
			ent_add(f->t[mv->pb], x, d);
		return;
	}
	for (int i = 0; i < f->ntab; i++)
		if (in_set(mv->M, i))
			move_add(f, mv->M, i, x, d);
}

/* mover_range's answer when the move it found breaks absent_holds */
#define MOVE_REJECTED (-2)

/*
 * Does the move found (entry e by de, every other entry x with an arc by
 * its flow) keep every total that entries of absent columns go to at least
 * 0 (and a row total the table does not list at 0)?  Such a total changes by its own flow (as a figure of every table that
 * moves) less the flows of the entries that go to it.
 */
static bool
absent_holds(const Mover *mv, size_t e, int64_t de, const FlowNet *n, const int *arc,
			 const int64_t *bwd0, FlowMem *m)
{
	const SdcFamily *f = mv->f;
	const SdcTable *t0 = f->t[0];
	size_t		ne = sdc_nentries(t0),
				ncell = (size_t) t0->nr * t0->nc;
	int64_t    *d = flow_zalloc(m, ne, sizeof(int64_t));
	bool		ok = d != NULL;		/* out of memory: no move (sound) */

	for (int i = 0; i < f->ntab && ok; i++)
	{
		const SdcTable *t = f->t[i];

		if (!in_set(mv->M, i))
			continue;
		memset(d, 0, sizeof(int64_t) * ne);
		/* each total: its own flow, less the flows of the entries going to it */
		for (size_t x = 0; x < ne; x++)
		{
			int64_t		fx = x == e ? de : arc[x] >= 0 ? n->cap[arc[x] ^ 1] - bwd0[x] : 0;
			int64_t		y = fx != 0 ? absent_target(f, mv->M, i, x) : -1;

			if (x >= ncell)
				d[x] += fx;
			if (y >= 0)
				d[y] -= fx;
		}
		for (size_t y = ncell; y < ne && ok; y++)
			if (absent_into(f, mv->M, i, y) > 0 &&
				(!ent_withheld(t, y) ? d[y] != 0 : sdc_entry_value(t, y) + d[y] < 0))
				ok = false;
	}
	flow_release(m, d);
	return ok;
}

/*
 * How far entry e can rise (up) or fall when mv moves, capped at limit: a
 * maximum flow around the network of the entries it moves, e itself
 * excluded, capped by e's own room.  With apply, the move found is made in
 * the family (a scratch copy).  -1: out of memory.
 */
static int64_t
mover_range(const Mover *mv, size_t e, bool up, int64_t limit, FlowMem *m, bool apply)
{
	const SdcTable *t0 = mv->f->t[mv->pa >= 0 ? mv->pa : 0];
	size_t		ne = sdc_nentries(t0);
	int			nodes = t0->nr + (mv->pa >= 0 ? 2 : 1) * t0->nc + 2;
	FlowNet		n;
	int			u,
				v;
	int64_t		upcap,
				down,
				r;
	int		   *arc;
	int64_t    *bwd0;

	if (!mover_arc(mv, e, &u, &v, &upcap, &down))
		return 0;
	if ((up ? upcap : down) < limit)
		limit = up ? upcap : down;
	if (limit <= 0)
		return 0;
	arc = flow_zalloc(m, ne, sizeof(int));
	bwd0 = flow_zalloc(m, ne, sizeof(int64_t));
	if (!arc || !bwd0 || !fn_init(&n, m, nodes, 64))
	{
		flow_release(m, arc);
		flow_release(m, bwd0);
		return -1;
	}
	for (size_t x = 0; x < ne; x++)
	{
		int			xu,
					xv;
		int64_t		xup;

		arc[x] = -1;
		if (x == e || !mover_arc(mv, x, &xu, &xv, &xup, &bwd0[x]))
			continue;
		arc[x] = fn_add(&n, xu, xv, xup, bwd0[x]);
		if (arc[x] < 0)
		{
			fn_free(&n);
			flow_release(m, arc);
			flow_release(m, bwd0);
			return -1;
		}
	}
	/* rise: flow from v back to u closes a cycle through e forwards */
	r = up ? fn_flow(&n, v, u, limit, false) : fn_flow(&n, u, v, limit, false);
	if (r == SDC_INF)
		r = limit;
	if (r > 0 && r != SDC_INF && mv->pa < 0 && (mv->M & MOVE_ABSENT_FREE) &&
		!absent_holds(mv, e, up ? r : -r, &n, arc, bwd0, m))
		r = MOVE_REJECTED;
	if (apply && r > 0 && r != SDC_INF)
	{
		mover_add(mv, e, up ? r : -r);
		for (size_t x = 0; x < ne; x++)
			if (arc[x] >= 0)
				mover_add(mv, x, n.cap[arc[x] ^ 1] - bwd0[x]);
	}
	fn_free(&n);
	flow_release(m, arc);
	flow_release(m, bwd0);
	return r;
}

/*
 * How far entry e can rise (up) or fall when M moves, capped at limit
 * (mover_range).  With apply, the move found is made in f (a scratch copy),
 * so that a further move can start from there: moves one after another are
 * a witness too.
 */
static int64_t
move_range(SdcFamily *f, uint64_t M, size_t e, bool up, int64_t limit, FlowMem *m,
		   bool apply)
{
	Mover		mv = {f, M, -1, -1};

	for (int i = 0; f->pair && i < f->ntab; i++)
		if (in_set(M, i) && f->pair[i] >= 0 && in_set(M, f->pair[i]))
		{
			/* a pair moves through its own network, and alone */
			if ((M & ~(MOVE_ABSENT_FALL | MOVE_ABSENT_FREE)) != (((uint64_t) 1 << i) | ((uint64_t) 1 << f->pair[i])))
				return 0;
			mv.pa = i;
			mv.pb = f->pair[i];
			break;
		}
	if (mv.pa < 0 && (M & MOVE_ABSENT_FREE))
	{
		/* a move absent_holds rejects: again with half the limit (a few
		 * times: the next move of best_move starts from what this one
		 * made) */
		int			tries = 0;

		for (int64_t lim = limit; lim > 0 && tries < 4; lim /= 2, tries++)
		{
			int64_t		r = mover_range(&mv, e, up, lim, m, apply);

			if (r != MOVE_REJECTED)
				return r;
		}
		return 0;
	}
	return mover_range(&mv, e, up, limit, m, apply);
}

/* The tables above i (its superset, that one's superset, ...), as masks:
 * {i}, {i, parent}, {i, parent, grandparent}, ... */
static int
chain_up(const SdcFamily *f, int i, uint64_t *masks)
{
	int			k = 0;
	uint64_t	M = (uint64_t) 1 << i;

	masks[k++] = M;
	for (int p = f->parent[i]; p >= 0 && k < SDC_FAMILY_MAX; p = f->parent[p])
	{
		M |= (uint64_t) 1 << p;
		masks[k++] = M;
	}
	return k;
}

/* i and every table below it (subsets, their subsets) holding more than 0 in
 * entry e: they fall with i or they would exceed it. */
static uint64_t
below_positive(const SdcFamily *f, int i, size_t e)
{
	uint64_t	M = (uint64_t) 1 << i;
	bool		grew = true;

	while (grew)
	{
		grew = false;
		for (int j = 0; j < f->ntab; j++)
			if (!in_set(M, j) && f->parent[j] >= 0 && in_set(M, f->parent[j]) &&
				sdc_entry_value(f->t[j], e) > 0)
			{
				M |= (uint64_t) 1 << j;
				grew = true;
			}
	}
	return M;
}

/* A scratch copy of the family's values (states shared, never changed). */
typedef struct Scratch
{
	SdcFamily	f;
	SdcTable   *tabs[SDC_FAMILY_MAX];
	SdcTable	store[SDC_FAMILY_MAX];
} Scratch;

static bool
scratch_init(Scratch *s, const SdcFamily *f, FlowMem *m)
{
	s->f = *f;
	s->f.t = s->tabs;
	/* scratch_free() may follow a failure part way: nothing unset to free */
	memset(s->store, 0, sizeof(s->store));
	for (int i = 0; i < f->ntab; i++)
	{
		const SdcTable *t = f->t[i];
		SdcTable   *c = &s->store[i];

		*c = *t;
		c->cell = flow_zalloc(m, (size_t) t->nr * t->nc + 1, sizeof(int64_t));
		c->rtot = flow_zalloc(m, t->nr + 1, sizeof(int64_t));
		c->ctot = flow_zalloc(m, t->nc + 1, sizeof(int64_t));
		if (m->failed)
			return false;
		memcpy(c->cell, t->cell, sizeof(int64_t) * t->nr * t->nc);
		memcpy(c->rtot, t->rtot, sizeof(int64_t) * t->nr);
		memcpy(c->ctot, t->ctot, sizeof(int64_t) * t->nc);
		s->tabs[i] = c;
	}
	return true;
}

static void
scratch_free(Scratch *s, FlowMem *m)
{
	for (int i = 0; i < s->f.ntab; i++)
	{
		flow_release(m, s->store[i].cell);
		flow_release(m, s->store[i].rtot);
		flow_release(m, s->store[i].ctot);
	}
}

/* masks[0..k) and, after them, each one with the tables counting the same
 * crimes as its members (when that adds any); returns the new count. */
static int
with_same(const SdcFamily *f, uint64_t *masks, int k)
{
	int			n = k;

	for (int j = 0; j < k; j++)
	{
		uint64_t	c = close_same(f, masks[j]);

		if (c != masks[j])
			masks[n++] = c;
	}
	return n;
}

/*
 * Best rise (up) or fall of entry e of table i, capped at limit: moves one
 * after another on a scratch copy, each from where the last left off -- i
 * alone, then with the tables that cap (up: its supersets) or floor (down:
 * its subsets holding more than 0 there) it, each also with the tables that
 * count the same crimes as its members -- until limit or no progress.
 */
static int64_t
best_move(const SdcFamily *f, int i, size_t e, bool up, int64_t limit, FlowMem *m)
{
	Scratch		s;
	uint64_t	masks[4 * SDC_FAMILY_MAX + 2];
	int			k;
	int64_t		got = 0;
	bool		progress = true;

	/*
	 * No move past SDC_MAX_SUM in all: each changes an entry by at most its
	 * size, so the scratch values stay below 2 * SDC_MAX_SUM (no int64
	 * overflow however many moves).  Narrower inner bounds stay sound.
	 */
	if (limit > SDC_MAX_SUM)
		limit = SDC_MAX_SUM;
	if (!scratch_init(&s, f, m))
	{
		scratch_free(&s, m);
		return -1;
	}
	if (up)
		k = chain_up(f, i, masks);
	else
	{
		masks[0] = (uint64_t) 1 << i;
		k = 1;
	}
	k = with_same(f, masks, k);
	for (int j = 0, k0 = k; j < k0 && f->pair; j++)
	{
		/* and each with its pair partners (the other breakdown) */
		uint64_t	c = close_pair(f, masks[j]);

		if (c != masks[j])
			masks[k++] = c;
	}
	for (int round = 0; round < 4 && progress && got < limit; round++)
	{
		progress = false;
		for (int j = 0; j < k + (up ? 0 : 2) && got < limit; j++)
		{
			uint64_t	M = j < k ? masks[j] : below_positive(&s.f, i, e);
			int64_t		r;

			if (j == k + 1)
			{
				/* with the same crimes' tables, and what they floor */
				uint64_t	prev = 0;

				while (prev != M)
				{
					prev = M;
					M = close_same(&s.f, M);
					for (int q = 0; q < f->ntab; q++)
						if (in_set(M, q))
							M |= below_positive(&s.f, q, e);
				}
				if (M == below_positive(&s.f, i, e))
					continue;
			}
			r = 0;
			/* with columns a table lacks, each way to share its totals in
			 * turn (absent_room), the last checked afterwards (absent_holds) */
			for (int way = 0; way < (f->same ? 3 : 1) && r >= 0 && r != SDC_INF && got + r < limit; way++)
			{
				static const uint64_t ways[] = {0, MOVE_ABSENT_FALL, MOVE_ABSENT_FREE};
				int64_t		rw = move_range(&s.f, M | ways[way], e, up,
											limit == SDC_INF ? (way == 2 ? SDC_MAX_SUM : SDC_INF) : limit - got - r,
											m, true);

				r = rw < 0 ? rw : rw == SDC_INF ? SDC_INF : r + rw;
			}

			if (r < 0)
			{
				scratch_free(&s, m);
				return -1;
			}
			if (r == SDC_INF)
			{
				got = SDC_INF;
				break;
			}
			if (r > 0)
			{
				got = fn_cap_add(got, r);
				progress = true;
			}
		}
	}
	scratch_free(&s, m);
	return got;
}

/*
 * How far the difference parent - child at e can fall: the child rising
 * alone, then the parent falling alone (floored by the risen child), one
 * after the other on a scratch copy; neither move touches the other table.
 */
static int64_t
diff_down(const SdcFamily *f, int par, int child, size_t e, int64_t limit, FlowMem *m)
{
	Scratch		s;
	int64_t		a,
				b = 0;

	if (limit > SDC_MAX_SUM)	/* as in best_move */
		limit = SDC_MAX_SUM;
	if (!scratch_init(&s, f, m))
	{
		scratch_free(&s, m);
		return -1;
	}
	a = move_range(&s.f, (uint64_t) 1 << child, e, true, limit, m, true);
	if (a >= 0 && a < limit && f->same)
	{
		/* the child with the tables counting the same crimes (never the
		 * superset: that keeps the difference) */
		uint64_t	M = close_same(f, (uint64_t) 1 << child) & ~((uint64_t) 1 << par);
		int64_t		r = M == ((uint64_t) 1 << child) ? 0 :
			move_range(&s.f, M, e, true, limit - a, m, true);

		a = r < 0 ? -1 : fn_cap_add(a, r);
	}
	for (int round = 0; round < 4 && a >= 0 && b >= 0 && fn_cap_add(a, b) < limit; round++)
	{
		/* the superset falls alone, or with its other subsets that hold
		 * more than 0 there (never with the child: that keeps the
		 * difference) */
		uint64_t	below = below_positive(&s.f, par, e);
		uint64_t	sets[4] = {(uint64_t) 1 << par, below,
		close_same(f, (uint64_t) 1 << par), close_same(f, below)};
		int64_t		got = 0;

		for (int j = 0; j < f->ntab; j++)
			for (int q = j; q >= 0; q = f->parent[q])
				if (q == child)
					for (int k = 0; k < 4; k++)
						sets[k] &= ~((uint64_t) 1 << j);
		for (int k = 0; k < 4 && fn_cap_add(fn_cap_add(a, b), got) < limit; k++)
		{
			int64_t		r;

			if (k >= 2 && sets[k] == sets[k - 2])
				continue;
			r = move_range(&s.f, sets[k], e, false, limit - a - b - got, m, true);

			if (r < 0)
			{
				b = -1;
				break;
			}
			got = fn_cap_add(got, r);
		}
		if (b < 0 || got == 0)
			break;
		b = fn_cap_add(b, got);
	}
	scratch_free(&s, m);
	return a < 0 || b < 0 ? -1 : fn_cap_add(a, b);
}

static int64_t
best_up(const SdcFamily *f, int i, size_t e, int64_t limit, FlowMem *m)
{
	return best_move(f, i, e, true, limit, m);
}

static int64_t
best_down(const SdcFamily *f, int i, size_t e, int64_t limit, FlowMem *m)
{
	return best_move(f, i, e, false, limit, m);
}

/* ------------------------------------------------------------------------
 * 2. The family check and audit
 * ------------------------------------------------------------------------ */

static int64_t
need_down_of(const SdcParams *p, int64_t v)
{
	return v < p->protection ? v : p->protection;
}

/*
 * Is the sensitive cell e of table i protected?  And the difference
 * parent - i at e, when it is sensitive?  *bad gets 1 (cell) or 2
 * (difference) on failure.
 */
static bool
check_entry(const SdcFamily *f, const SdcParams *p, int i, size_t e, int *bad, FlowMem *m,
			bool *nomem)
{
	const SdcTable *t = f->t[i];
	int64_t		v = sdc_entry_value(t, e);
	int			par = f->parent[i];

	*bad = 0;
	if (ent_withheld(t, e) && sdc_is_sensitive(p, v) && f->same)
		for (int j = 0; j < f->ntab; j++)
			if (same_slot(f, i, j, ent_slot(t, e)) && !ent_withheld(f->t[j], e))
			{
				/* the same crimes published there (or not listed: 0) */
				*bad = 3;
				return false;
			}
	if (ent_withheld(t, e) && sdc_is_sensitive(p, v))
	{
		int64_t		up = best_up(f, i, e, p->protection, m);
		int64_t		down = best_down(f, i, e, need_down_of(p, v), m);

		if (up < 0 || down < 0)
			return !(*nomem = true);
		if (up < p->protection || down < need_down_of(p, v))
		{
			*bad = 1;
			return false;
		}
	}
	if (par >= 0)
	{
		int64_t		d = sdc_entry_value(f->t[par], e) - v;

		if (sdc_is_sensitive(p, d) && d > 0)
		{
			/* the difference rises when the superset rises or i falls, and
			 * falls when i rises alone or the superset falls alone */
			int64_t		up1,
						up2,
						dn1,
						dn2;

			if (!ent_withheld(f->t[par], e) && !ent_withheld(t, e))
			{
				*bad = 2;
				return false;
			}
			/* rises: the superset rising (with its own supersets), or i
			 * falling (with its own subsets); falls: i rising alone, then
			 * the superset falling alone */
			up1 = best_up(f, par, e, p->protection, m);
			up2 = best_down(f, i, e, p->protection, m);
			dn1 = diff_down(f, par, i, e, need_down_of(p, d), m);
			dn2 = 0;
			if (up1 < 0 || up2 < 0 || dn1 < 0 || dn2 < 0)
				return !(*nomem = true);
			if ((up1 > up2 ? up1 : up2) < p->protection ||
				(dn1 > dn2 ? dn1 : dn2) < need_down_of(p, d))
			{
				*bad = 2;
				return false;
			}
		}
	}
	return true;
}

SdcStatus
sdc_family_check(const SdcFamily *f, const SdcParams *p, int *bad_tab, int *bad_row,
				 int *bad_col, int *bad_kind)
{
	FlowMem		m;
	bool		nomem = false;
	const SdcTable *t0 = f->t[0];

	flow_mem_init(&m, p->alloc, p->free, p->interrupt);
	for (int i = 0; i < f->ntab; i++)
		for (size_t e = 0; e < (size_t) t0->nr * t0->nc; e++)
		{
			int			bad;

			flow_tick(&m);
			if (!check_entry(f, p, i, e, &bad, &m, &nomem))
			{
				if (nomem)
					return SDC_ERR_NOMEM;
				*bad_tab = i;
				*bad_row = (int) (e / t0->nc);
				*bad_col = (int) (e % t0->nc);
				*bad_kind = bad;
				return SDC_ERR_UNPROTECTABLE;
			}
		}
	return SDC_OK;
}

/* An entry's outer bounds, or its value when published. */
static void
outer(const SdcFamily *f, SdcInterval *const *out, int i, size_t e, int64_t *lo, int64_t *hi)
{
	if (ent_withheld(f->t[i], e))
	{
		*lo = out[i][e].lo;
		*hi = out[i][e].hi;
	}
	else
		*lo = *hi = sdc_entry_value(f->t[i], e);
}

SdcStatus
sdc_family_audit(const SdcFamily *f, const SdcParams *p, SdcInterval *const *out)
{
	FlowMem		m;
	size_t		ne = sdc_nentries(f->t[0]);

	flow_mem_init(&m, p->alloc, p->free, p->interrupt);
	/* outer bounds: each table's own exact audit, links dropped ... */
	for (int i = 0; i < f->ntab; i++)
	{
		SdcStatus	st = sdc_audit(f->t[i], p, true, out[i]);

		if (st != SDC_OK)
			return st;
	}
	/* ... a pair of breakdowns by the pair's own exact audit (its network's
	 * maximum flows, no move made) ... */
	for (int i = 0; f->pair && i < f->ntab; i++)
	{
		int			j = f->pair[i];
		Mover		mv = {(SdcFamily *) f, 0, i, j};

		if (j < 0)
			continue;
		mv.M = ((uint64_t) 1 << i) | ((uint64_t) 1 << j);
		for (size_t e = 0; e < ne; e++)
		{
			SdcInterval *o = &out[i][e];
			int64_t		v = sdc_entry_value(f->t[i], e),
						up,
						down;

			flow_tick(&m);
			if (!ent_withheld(f->t[i], e))
				continue;
			up = mover_range(&mv, e, true, SDC_INF, &m, false);
			down = mover_range(&mv, e, false, SDC_INF, &m, false);
			if (up < 0 || down < 0)
				return SDC_ERR_NOMEM;
			if (up != SDC_INF && (o->hi == SDC_INF || v + up < o->hi))
				o->hi = v + up;
			if (v - down > o->lo)
				o->lo = v - down;
		}
	}
	/* ... narrowed by the links (a subset within its superset), still sound */
	for (int pass = 0; pass < f->ntab; pass++)
		for (int i = 0; i < f->ntab; i++)
		{
			int			par = f->parent[i];

			if (par < 0)
				continue;
			for (size_t e = 0; e < ne; e++)
			{
				int64_t		plo,
							phi,
							clo,
							chi;

				outer(f, out, par, e, &plo, &phi);
				outer(f, out, i, e, &clo, &chi);
				if (ent_withheld(f->t[i], e) && phi < out[i][e].hi)
					out[i][e].hi = phi;
				if (ent_withheld(f->t[par], e) && clo > out[par][e].lo)
					out[par][e].lo = clo;
			}
		}
	/* ... and by the same crimes counted again: x_i = x_j + the revision */
	for (int pass = 0; pass < f->ntab && f->same; pass++)
		for (int i = 0; i < f->ntab; i++)
		{
			int			j = f->same[i];

			if (j < 0)
				continue;
			for (size_t e = 0; e < ne; e++)
			{
				int			c = ent_slot(f->t[i], e);
				int64_t		d,
							ilo,
							ihi,
							jlo,
							jhi;

				if (c < 0 || !f->shared[i][c])
					continue;
				d = sdc_entry_value(f->t[i], e) - sdc_entry_value(f->t[j], e);
				outer(f, out, i, e, &ilo, &ihi);
				outer(f, out, j, e, &jlo, &jhi);
				if (ent_withheld(f->t[i], e))
				{
					if (jlo + d > out[i][e].lo)
						out[i][e].lo = jlo + d;
					if (jhi != SDC_INF && (out[i][e].hi == SDC_INF || jhi + d < out[i][e].hi))
						out[i][e].hi = jhi + d;
				}
				if (ent_withheld(f->t[j], e))
				{
					if (ilo - d > out[j][e].lo)
						out[j][e].lo = ilo - d;
					if (ihi != SDC_INF && (out[j][e].hi == SDC_INF || ihi - d < out[j][e].hi))
						out[j][e].hi = ihi - d;
				}
			}
		}
	/* inner bounds: what moves of the family reach (never beyond outer) */
	for (int i = 0; i < f->ntab; i++)
	{
		SdcTable   *t = f->t[i];

		for (size_t e = 0; e < ne; e++)
		{
			SdcInterval *o = &out[i][e];
			int64_t		v = sdc_entry_value(t, e);
			int64_t		up,
						down;

			flow_tick(&m);
			o->inner_lo = o->inner_hi = v;
			if (!ent_withheld(t, e))
				continue;
			up = best_up(f, i, e, o->hi == SDC_INF ? SDC_INF : o->hi - v, &m);
			down = best_down(f, i, e, v - o->lo, &m);
			if (up < 0 || down < 0)
				return SDC_ERR_NOMEM;
			o->inner_hi = (up == SDC_INF || o->hi == SDC_INF) ? o->hi : fn_cap_add(v, up);
			o->inner_lo = v - down;
			if (e < (size_t) t->nr * t->nc && o->sensitive)
				o->meets = sdc_meets_rule(p, v, o->inner_lo, o->inner_hi);
		}
	}
	return SDC_OK;
}

/* ------------------------------------------------------------------------
 * 3. Protection of a family
 *
 * Round after round: protect each table on its own, its forced entries
 * withheld beforehand (state SDC_SUPPRESSED, never cleaned up); then force
 * into each superset every cell its subsets withhold (so that a published
 * superset cell never sits over a withheld subset cell: the difference
 * would be the subset cell's complement in plain view) and every cell whose
 * difference with a subset is small; when that is stable, check the family
 * with moves, and for a cell that fails, widen what the family withholds
 * around it: first the union of the family's withheld cells in its row and
 * column, then the union everywhere, then its whole row and column in every
 * table.  Each step only adds withheld entries, so the loop ends.
 * ------------------------------------------------------------------------ */

static void
reset_table(SdcTable *t, const uint8_t *forced)
{
	size_t		ne = sdc_nentries(t);

	for (size_t e = 0; e < ne; e++)
		*sdc_entry_state(t, e) = forced[e] ? SDC_SUPPRESSED : SDC_PUBLISHED;
}

/* A margin of a row or column the table does not list (every cell fixed). */
static bool
line_fixed(const SdcTable *t, size_t x)
{
	size_t		ncell = (size_t) t->nr * t->nc;

	if (!t->fixed || x >= sdc_grand_index(t))
		return false;
	if (x < ncell + t->nr)
	{
		int			r = (int) (x - ncell);

		for (int c = 0; c < t->nc; c++)
			if (!t->fixed[(size_t) r * t->nc + c])
				return false;
		return true;
	}
	for (int r = 0; r < t->nr; r++)
		if (!t->fixed[(size_t) r * t->nc + (x - ncell - t->nr)])
			return false;
	return true;
}

static bool
is_given(const SdcFamily *f, int i)
{
	return f->given && f->given[i];
}

static bool
force(uint8_t *forced, size_t e)
{
	if (forced[e])
		return false;
	forced[e] = 1;
	return true;
}

/* Do table b and its pair both withhold column c's total? */
static bool
pair_withholds_ctot(const SdcFamily *f, int b, int c)
{
	const SdcTable *t = f->t[b];

	return ent_withheld(t, sdc_ctot_index(t, c)) &&
		ent_withheld(f->t[f->pair[b]], sdc_ctot_index(t, c));
}

/*
 * A small count of table a fails though its pattern withholds totals that
 * its pair b withholds too: a cycle through those totals needs a way back
 * through b, a row of b withholding its cells in those columns (and its row
 * total when the grand total is withheld).  Withhold one more such row in
 * b: the one whose least figure there is at least the protection and whose
 * figures add up to the least, else the one with the greatest least figure.
 * False when that adds nothing.
 */
static bool
pair_widen(const SdcFamily *f, const SdcParams *p, int b, uint8_t *forced)
{
	const SdcTable *t = f->t[b];
	bool		grand = ent_withheld(t, sdc_grand_index(t)) &&
		ent_withheld(f->t[f->pair[b]], sdc_grand_index(t));
	int			best = -1;
	int64_t		best_min = -1,
				best_sum = 0;
	bool		any = grand;

	for (int c = 0; c < t->nc && !any; c++)
		any = pair_withholds_ctot(f, b, c);
	if (!any || is_given(f, b))
		return false;
	for (int r = 0; r < t->nr; r++)
	{
		int64_t		lo = SDC_INF,
					sum = 0;
		bool		adds = false;

		if (!lists_row(t, r))
			continue;
		/* the row's cells under totals both withhold, and its total */
		for (int c = 0; c <= t->nc; c++)
		{
			size_t		x;

			if (c < t->nc)
			{
				x = (size_t) r * t->nc + c;
				if (!lists_cell(t, x) || !pair_withholds_ctot(f, b, c))
					continue;
			}
			else if (grand)
				x = sdc_rtot_index(t, r);
			else
				continue;
			lo = min64(lo, sdc_entry_value(t, x));
			sum += sdc_entry_value(t, x);
			adds |= !ent_withheld(t, x) && !forced[x];
		}
		if (!adds)
			continue;
		if (best < 0 ||
			(lo >= p->protection && (best_min < p->protection || sum < best_sum)) ||
			(lo < p->protection && best_min < p->protection && lo > best_min))
		{
			best = r;
			best_min = lo;
			best_sum = sum;
		}
	}
	if (best < 0)
		return false;
	for (int c = 0; c < t->nc; c++)
		if (lists_cell(t, (size_t) best * t->nc + c) && pair_withholds_ctot(f, b, c))
			forced[(size_t) best * t->nc + c] = 1;
	if (grand)
		forced[sdc_rtot_index(t, best)] = 1;
	return true;
}

/*
 * The last widening, with totals allowed: every total of every table that is
 * not given.  A small count of one table can be given away through totals of
 * another that lie on none of its lines: last year's withheld 2019 cell of a
 * row follows from this year's total of that row (the rest of the row is the
 * same crimes), and a withheld cell of another row from that row's totals,
 * which no widening around the failing cell reaches.  With every total of the
 * tables being protected withheld, what they publish of the shared crimes is
 * what the given tables publish (republish_totals then publishes again
 * those the check passes without).
 */
static bool
withhold_all_totals(const SdcFamily *f, const SdcParams *p, uint8_t **forced)
{
	const SdcTable *t0 = f->t[0];
	size_t		ne = sdc_nentries(t0),
				ncell = (size_t) t0->nr * t0->nc;
	bool		changed = false;

	if (!p->allow_totals)
		return false;
	for (int i = 0; i < f->ntab; i++)
	{
		const SdcTable *t = f->t[i];

		if (is_given(f, i))
			continue;
		for (size_t x = ncell; x < ne; x++)
		{
			if (line_fixed(t, x) || (t->fixed_tot && t->fixed_tot[x - ncell]))
				continue;
			changed |= force(forced[i], x);
		}
	}
	return changed;
}

/* How many totals t withholds (SdcStats.totals, recounted). */
static int
withheld_totals(const SdcTable *t)
{
	int			n = 0;

	for (size_t x = (size_t) t->nr * t->nc; x < sdc_nentries(t); x++)
		n += ent_withheld(t, x);
	return n;
}

/*
 * After withhold_all_totals: publish again, one at a time (the grand total,
 * the column totals, then the row totals), each withheld total of a table
 * that is not given which the family's check still passes without (those
 * the widening before it withheld too), and that no other table withholds
 * as the same figure (a breakdown's pair).  At most SDC_REPUBLISH_MAX tries in
 * all: beyond that the rest stay withheld (safe, the check passed with them).
 * The per-table counts of withheld totals are recounted.
 */
#define SDC_REPUBLISH_MAX 512

static SdcStatus
republish_totals(SdcFamily *f, const SdcParams *p, SdcStats *stats)
{
	const SdcTable *t0 = f->t[0];
	size_t		ne = sdc_nentries(t0),
				ncell = (size_t) t0->nr * t0->nc;
	int			tries = 0;
	int			bt,
				br,
				bc,
				bk;

	for (int i = 0; i < f->ntab; i++)
	{
		SdcTable   *t = f->t[i];

		for (size_t x = ne; x-- > ncell && tries < SDC_REPUBLISH_MAX;)
		{
			uint8_t    *s = sdc_entry_state(t, x);
			uint8_t		was = *s;
			SdcStatus	st;

			if (is_given(f, i) || !SDC_IS_SUPPRESSED(was))
				continue;
			if (f->pair && f->pair[i] >= 0 && ent_withheld(f->t[f->pair[i]], x))
				continue;
			tries++;
			*s = SDC_PUBLISHED;
			st = sdc_family_check(f, p, &bt, &br, &bc, &bk);
			if (st == SDC_ERR_NOMEM)
			{
				*s = was;
				return st;
			}
			if (st != SDC_OK)
				*s = was;
		}
		stats[i].totals = withheld_totals(t);
	}
	return SDC_OK;
}

/*
 * A column total that a given table of the same crimes publishes (a column
 * both list: the reader knows it, up to the revision he is taken to know)
 * hides nothing withheld: publish it again in a table that is not given, and
 * its grand total when every column it lists is such a column.  No move of
 * the family changes them (frozen), so the check is the same.
 */
static void
publish_known_totals(SdcFamily *f, SdcStats *stats)
{
	for (int i = 0; i < f->ntab; i++)
	{
		SdcTable   *t = f->t[i];
		bool		all = true;
		bool		changed = false;

		if (is_given(f, i))
			continue;
		for (int c = 0; c < t->nc; c++)
		{
			size_t		x = sdc_ctot_index(t, c);
			bool		known = false;

			for (int j = 0; j < f->ntab && !known; j++)
				known = is_given(f, j) && same_slot(f, i, j, c) && !ent_withheld(f->t[j], x) &&
					!line_fixed(f->t[j], x);
			if (known && ent_withheld(t, x))
			{
				*sdc_entry_state(t, x) = SDC_PUBLISHED;
				changed = true;
			}
			all &= known || line_fixed(t, x);
		}
		if (all && ent_withheld(t, sdc_grand_index(t)))
		{
			*sdc_entry_state(t, sdc_grand_index(t)) = SDC_PUBLISHED;
			changed = true;
		}
		if (changed)
			stats[i].totals = withheld_totals(t);
	}
}

SdcStatus
sdc_family_protect(SdcFamily *f, const SdcParams *p, SdcStats *stats)
{
	const SdcTable *t0 = f->t[0];
	size_t		ne = sdc_nentries(t0);
	size_t		ncell = (size_t) t0->nr * t0->nc;
	FlowMem		m;
	uint8_t   **forced;
	uint8_t    *level;
	bool		all_totals = false;
	SdcStatus	st = SDC_OK;

	flow_mem_init(&m, p->alloc, p->free, p->interrupt);
	forced = flow_zalloc(&m, f->ntab, sizeof(uint8_t *));
	level = flow_zalloc(&m, ncell * f->ntab + 1, 1);
	for (int i = 0; i < f->ntab && !m.failed; i++)
		forced[i] = flow_zalloc(&m, ne, 1);
	if (m.failed)
	{
		st = SDC_ERR_NOMEM;
		goto done;
	}
	for (;;)
	{
		bool		changed = false;
		int			bt,
					br,
					bc,
					bk;

		for (int i = 0; i < f->ntab; i++)
		{
			if (is_given(f, i))
				continue;	/* published already: its pattern stays */
			reset_table(f->t[i], forced[i]);
			st = sdc_protect(f->t[i], p, &stats[i]);
			if (st != SDC_OK)
			{
				int			br = stats[i].bad_row,
							bc = stats[i].bad_col;

				stats[0].bad_row = br;
				stats[0].bad_col = bc;
				stats[0].bad_table = i;
				stats[0].bad_kind = 1;
				/* a small count another period's table publishes */
				for (int j = 0; j < f->ntab && f->same && br >= 0 && bc >= 0; j++)
					if (same_slot(f, i, j, bc) &&
						!ent_withheld(f->t[j], (size_t) br * f->t[i]->nc + bc))
						stats[0].bad_kind = 3;
				goto done;
			}
		}
		/* supersets withhold what their subsets withhold, and small differences */
		for (int i = 0; i < f->ntab; i++)
		{
			int			par = f->parent[i];

			if (par < 0 || is_given(f, par))
				continue;
			for (size_t e = 0; e < ncell; e++)
			{
				int64_t		d = sdc_entry_value(f->t[par], e) - sdc_entry_value(f->t[i], e);

				if ((ent_withheld(f->t[i], e) || (d > 0 && sdc_is_sensitive(p, d))) &&
					!ent_withheld(f->t[par], e))
					changed |= force(forced[par], e);
			}
		}
		/* the same crimes withheld in one table are withheld in the other
		 * (published in one, the other's would be known) */
		for (int i = 0; i < f->ntab && f->same; i++)
		{
			int			j = f->same[i];

			if (j < 0)
				continue;
			for (size_t e = 0; e < ncell; e++)
			{
				if (!f->shared[i][e % t0->nc])
					continue;
				if (ent_withheld(f->t[i], e) && !ent_withheld(f->t[j], e) && !is_given(f, j))
					changed |= force(forced[j], e);
				if (ent_withheld(f->t[j], e) && !ent_withheld(f->t[i], e) && !is_given(f, i))
					changed |= force(forced[i], e);
			}
		}
		/* a total withheld by one breakdown is withheld by the other (it is
		 * the same figure: published there, it would be known) */
		for (int i = 0; i < f->ntab && f->pair; i++)
		{
			int			j = f->pair[i];

			if (j < 0 || is_given(f, j))
				continue;
			for (size_t x = ncell + t0->nr; x < ne; x++)
				if (ent_withheld(f->t[i], x) && !ent_withheld(f->t[j], x))
					changed |= force(forced[j], x);
		}
		if (changed)
			continue;
		st = sdc_family_check(f, p, &bt, &br, &bc, &bk);
		if (st == SDC_ERR_NOMEM)
			goto done;
		if (st == SDC_OK)
		{
			if (all_totals)
				st = republish_totals(f, p, stats);
			if (st == SDC_OK && f->same)
				publish_known_totals(f, stats);
			goto done;
		}
		/* widen around the failing cell, level by level until that adds something */
		{
			size_t		e = (size_t) br * t0->nc + bc;
			uint8_t    *lv = &level[(size_t) bt * ncell + e];

			/* first, for a breakdown, a row of the other one that joins the
			 * totals both withhold (the cycle's way back through it) */
			if (f->pair && f->pair[bt] >= 0 && *lv == 0)
				changed = pair_widen(f, p, f->pair[bt], forced[f->pair[bt]]);
			while (!changed && *lv < 3)
			{
				(*lv)++;
				for (int i = 0; i < f->ntab; i++)
					for (size_t x = 0; x < ne && !is_given(f, i); x++)
					{
						bool		margin = x >= ncell;
						bool		line = (!margin && ((int) (x / t0->nc) == br ||
														(int) (x % t0->nc) == bc)) ||
							x == sdc_rtot_index(t0, br) || x == sdc_ctot_index(t0, bc) ||
							x == sdc_grand_index(t0);
						bool		any = false;

						for (int j = 0; j < f->ntab && !any; j++)
							any = ent_withheld(f->t[j], x);
						/* margins are withheld only where totals may be */
						if (margin && !p->allow_totals)
							continue;
						if (!margin && f->t[i]->fixed && f->t[i]->fixed[x])
							continue;
						if (margin && (line_fixed(f->t[i], x) ||
									   (f->t[i]->fixed_tot && f->t[i]->fixed_tot[x - ncell])))
							continue;
						if ((*lv == 1 && line && any) || (*lv == 2 && any) || (*lv == 3 && line))
							changed |= force(forced[i], x);
					}
			}
			/* then, with totals allowed, every total (withhold_all_totals) */
			if (!changed && !all_totals)
				changed = all_totals = withhold_all_totals(f, p, forced);
			if (!changed)
			{
				stats[0].bad_table = bt;
				stats[0].bad_row = br;
				stats[0].bad_col = bc;
				stats[0].bad_kind = bk;
				st = SDC_ERR_UNPROTECTABLE;
				goto done;
			}
		}
	}
done:
	if (forced)
		for (int i = 0; i < f->ntab; i++)
			flow_release(&m, forced[i]);
	flow_release(&m, forced);
	flow_release(&m, level);
	return st;
}
