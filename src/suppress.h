/*
 * suppress.h
 *		Statistical disclosure control of a two-way frequency table, in plain C.
 *
 * This header and suppress.c do not include postgres.h: they are unit tested
 * and property tested outside the server (test/unit/suppress_test.c, run by
 * test/checks/suppress_unit.sh).  suppress_fmgr.c wraps them for SQL
 * (foistats.protect, foistats.disclosure_audit), and disclosure.c builds
 * their table from a cross-tab.
 *
 * The table model
 * ---------------
 * An nr x nc table of nonnegative integer counts x[r][c] with its margins:
 * a total per row, a total per column and a grand total.  Every entry (cell
 * or margin) is either PUBLISHED or SUPPRESSED.  What a reader knows is
 *
 *		the value of every published entry,
 *		sum_c x[r][c] = R[r] for every row, sum_r x[r][c] = C[c] for every
 *		column, sum_r R[r] = sum_c C[c] = G, and every entry >= 0.
 *
 * Cells are not bounded above except through these equations, and, in a
 * table with column caps (ccap), by the cap of their column.
 *
 * Multi-label tables (a crime under several labels: platforms, terms)
 * -------------------------------------------------------------------
 * A cell counts the crimes of column c that carry label r; the column
 * total counts MENTIONS (a crime under two labels twice) and a further
 * published figure, the column's UNITS U[c], counts its distinct crimes.
 * What a reader can work out from both: the cells of column c are the
 * column sums of a 0/1 matrix with U[c] rows (crimes), every row with at
 * least one 1.  Such a matrix exists for nonnegative x[.][c] iff
 *		sum_r x[r][c] = M[c] (the mentions),  x[r][c] <= U[c] for every r,
 *		and U[c] <= M[c]
 * (fill the labels' ones cyclically down the U[c] rows: no row gets a label
 * twice because x[r][c] <= U[c], none stays empty because M[c] >= U[c]).
 * So the exact knowledge is the single-label model plus the cap U[c] on
 * every cell of column c: still a network (the cap is the forward capacity
 * of the cell's arc), still exact by flow.  A crime counted under two labels
 * links those cells only through these equations: lowering one label's
 * count while raising another's keeps M[c] and U[c] when no cell passes
 * U[c].  The caps are ccap[]; disclosure.c sets them from the units shown.
 *
 * The exact audit (why network flow and not a general LP)
 * --------------------------------------------------------
 * These equations are those of a circulation in the network
 *
 *		S --R[r]--> row r --x[r][c]--> col c --C[c]--> T --G--> S
 *
 * whose arcs are the entries.  Published entries are fixed flows; suppressed
 * entries are the unknowns, each a flow in [0, +inf).  The constraint matrix
 * of a network is totally unimodular, so every vertex of the feasible
 * polytope is integral and min/max of any one entry over it are integers
 * (the LP bound is the integer bound; no rounding, no tolerance).  Given one
 * feasible point f (the true table), the largest value of entry e = (u->v)
 * is f_e + the maximum flow from v to u in the residual network without e
 * (each suppressed arc a: forward capacity +inf, backward capacity f_a), and
 * the smallest is f_e - min(f_e, maximum flow from u to v without e).  A
 * flow from v to u is a cycle of changes +d on e, alternately +d/-d around
 * the rest of the cycle, that keeps every equation.  An infinite-capacity
 * path means the entry is unbounded above (possible only when margins are
 * suppressed).  We compute these maximum flows exactly in int64 (Dinic's
 * algorithm, in flow.c, after first pushing what the 4-cycles through the
 * cell can carry, which is where nearly all of it comes from in a table with
 * its margins published), which is simpler and much faster here than a
 * general simplex: the networks have nr + nc + 2 nodes and one arc per
 * suppressed entry.  test/unit/suppress_test.c checks the intervals against
 * brute-force enumeration of every completion of small tables.
 *
 * Secondary suppression (sdc_secondary)
 * -------------------------------------
 * Primary cells are taken in row-major order.  A cell that fails its
 * protection gets, for each failing side, the CHEAPEST CYCLE through it that
 * alone carries the needed change: a shortest path (Dijkstra) over the whole
 * table in which a decreased entry must hold at least the change and every
 * entry costs its information loss (below; entries already suppressed cost
 * nothing).  If no such cycle exists: its row and column, then the whole
 * table (only when the Frechet bounds say cell suppression can work at
 * all), then, if allow_totals, a cycle through margins (always exists);
 * else SDC_ERR_UNPROTECTABLE.  Suppression is monotone (more unknowns only
 * widen intervals), so every cell stays protected once protected.  Finally
 * a cleanup pass tries to publish each complement again, largest first, and
 * keeps it published when every primary cell still passes (re-checking only
 * primaries whose last protecting flow used it).  Two suppressed cells per
 * row and column is NOT the criterion: the audit is (see the unit test's
 * "bridge" and "narrow block" tables, which that naive rule accepts).
 *
 * sdc_protect runs this several times on tables of up to 20,000 cells (cycles
 * costed by value and by cells; the primaries also in reverse order with one
 * cycle for both sides of a cell when it is no dearer than a cycle for each)
 * and keeps the pattern with the fewest withheld entries (suppress.c,
 * protect_passes; test/bench/protect_optimum.sh measures it against the
 * exact optimum).
 *
 * Information loss minimised (heuristically; the exact optimum is NP-hard):
 * lexicographically (1) the number of margins suppressed, (2) the sum of the
 * suppressed cells' values ("suppressed total", tau-ARGUS's default cost),
 * (3) the number of suppressed cells.  Deterministic: ties go to the lower
 * node number, i.e. by position.
 *
 * The rule (which cells are sensitive, and when one is protected)
 * ---------------------------------------------------------------
 * Threshold rule with threshold t (the "frequency rule" of tau-ARGUS and
 * sdcTable with maxN = t - 1): a cell is SENSITIVE when 1 <= x <= t - 1, and
 * also when x = 0 if zeros_sensitive is set (sdcTable's allowZeros; off by
 * default: an empty cell says nothing about a person).  Margins are never
 * sensitive.  Every sensitive cell is suppressed (PRIMARY suppression).
 *
 * Protection level p (default t).  As in tau-ARGUS, a sensitive cell with
 * true value v and audited interval [lo, hi] is PROTECTED when both
 *
 *		upper protection:	hi - v >= p
 *		lower protection:	v - lo >= min(p, v)		(i.e. lo <= max(0, v - p))
 *
 * hold: the reader cannot rule out any value from max(0, v - p) to v + p.
 * With the default p = t this means, for every small count, that the reader
 * cannot exclude that the cell is 0 nor that it is t or more.  The lower
 * requirement is capped at v because no count can go below zero (tau-ARGUS
 * caps its lower protection level the same way).
 *
 * When the true values of suppressed cells are not known (a table parsed
 * from a published response), sdc_audit() completes the table with some
 * feasible values first; the rule is then judged for the worst value the
 * cell could have: a cell whose interval meets [1, t-1] is protected iff
 * lo = 0 and hi >= t - 1 + p (then every sensitive value in it is
 * protected); a cell whose interval lies wholly in [t, inf) is not
 * sensitive.
 */
#ifndef SUPPRESS_H
#define SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Entry states (one byte per cell and per margin). */
#define SDC_PUBLISHED	0
#define SDC_PRIMARY		1		/* suppressed because sensitive */
#define SDC_SECONDARY	2		/* suppressed to protect a primary cell */
#define SDC_SUPPRESSED	3		/* suppressed, reason unknown (parsed) */

#define SDC_IS_SUPPRESSED(s)	((s) != SDC_PUBLISHED)

/* "No upper bound" in an audited interval. */
#define SDC_INF			INT64_MAX

/* Every sum (a margin, the grand total) stays below this, so that residual
 * capacities never overflow; sdc_table_init() says SDC_ERR_OVERFLOW beyond. */
#define SDC_MAX_SUM		(INT64_MAX / 4)

/*
 * A table.  cell and cstate are row-major (r * nc + c).  Margins are stored
 * with their states; sdc_table_init() computes them from the cells.  The
 * memory belongs to the caller (sdc_table_alloc/sdc_table_free use malloc
 * for the unit tests; disclosure.c fills the struct with palloc'd arrays).
 */
typedef struct SdcTable
{
	int			nr;
	int			nc;
	int64_t    *cell;			/* nr * nc values */
	uint8_t    *cstate;			/* nr * nc states */
	int64_t    *rtot;			/* nr row totals */
	uint8_t    *rstate;
	int64_t    *ctot;			/* nc column totals */
	uint8_t    *cstate_tot;
	int64_t		grand;
	uint8_t		gstate;
	int64_t    *ccap;			/* NULL, or nc caps: no cell of column c
								 * exceeds ccap[c] (SDC_INF: no cap) */
	const uint8_t *fixed;		/* NULL, or nr * nc flags: cells never
								 * withheld as complements (a zero the
								 * reader knows: a row a linked table does
								 * not list) */
	const uint8_t *fixed_tot;	/* NULL, or nr + nc + 1 flags (row totals,
								 * column totals, grand total): totals never
								 * withheld as complements (one another
								 * breakdown of the same crimes published) */
} SdcTable;

/* Parameters of the rule and of the search. */
typedef struct SdcParams
{
	int64_t		threshold;		/* t >= 1: counts 1..t-1 are sensitive */
	int64_t		protection;		/* p >= 0 (callers default it to t) */
	bool		zeros_sensitive;	/* 0 counts sensitive too */
	bool		allow_totals;	/* margins may be suppressed as complements */
	bool		cleanup;		/* drop unneeded complements afterwards */
	int64_t		cleanup_budget; /* max primary-cell checks spent in cleanup
								 * (0: SDC_CLEANUP_BUDGET) */
	bool		count_cost;		/* cycles cost their number of new cells
								 * (else their values: see entry_cost) */
	/* Memory and interrupts (defaults: malloc/free, none).  In the server
	 * disclosure.c passes palloc_extended(MCXT_ALLOC_HUGE)/pfree and a
	 * CHECK_FOR_INTERRUPTS() callback: the core never fails on memory itself
	 * when alloc never returns NULL, and a longjmp out of the callback leaks
	 * nothing outside the memory context. */
	void	   *(*alloc) (size_t size);
	void		(*free) (void *ptr);
	void		(*interrupt) (void);
} SdcParams;

#define SDC_CLEANUP_BUDGET	((int64_t) 2000000)

/* The audit of one suppressed entry. */
typedef struct SdcInterval
{
	int64_t		lo;
	int64_t		hi;				/* SDC_INF when unbounded */
	int64_t		value;			/* the value used (true, or a completion) */
	bool		sensitive;		/* the rule applies to this entry */
	bool		meets;			/* protected (true when not sensitive) */
	int64_t		inner_lo;		/* sdc_family_audit: values the family's */
	int64_t		inner_hi;		/* moves reach (the reader cannot rule them
								 * out); lo..hi: what he can at most prove */
} SdcInterval;

/* Result codes. */
typedef enum SdcStatus
{
	SDC_OK = 0,
	SDC_ERR_NOMEM,
	SDC_ERR_INFEASIBLE,			/* published values admit no completion */
	SDC_ERR_UNPROTECTABLE,		/* a cell cannot be protected without
								 * suppressing totals (allow_totals off) */
	SDC_ERR_OVERFLOW,			/* a sum overflows int64 */
	SDC_ERR_AUDIT				/* bug guard: final check failed */
} SdcStatus;

/* Summary of a protect run. */
typedef struct SdcStats
{
	int			primary;		/* primary cells */
	int			secondary;		/* secondary cells (after cleanup) */
	int			totals;			/* margins suppressed */
	int			cycles;			/* complementary cycles added */
	int			bad_row;		/* SDC_ERR_UNPROTECTABLE: the cell */
	int			bad_col;
	int			bad_table;		/* sdc_family_protect: its table, and */
	int			bad_kind;		/* 1 the cell, 2 its difference with the
								 * table's superset */
} SdcStats;

/* Default parameters for threshold t (p = t, zeros not sensitive, no totals,
 * cleanup on). */
extern void sdc_params_default(SdcParams *p, int64_t threshold);

/* Allocation helpers (malloc; for stand-alone use). */
extern SdcTable *sdc_table_alloc(int nr, int nc);
extern void sdc_table_free(SdcTable *t);

/* Compute margins from cells; all states PUBLISHED.  SDC_ERR_OVERFLOW if a
 * sum overflows. */
extern SdcStatus sdc_table_init(SdcTable *t);

/* Is value v sensitive under params? */
extern bool sdc_is_sensitive(const SdcParams *p, int64_t v);

/* Mark sensitive cells PRIMARY; returns their number. */
extern int	sdc_primary(SdcTable *t, const SdcParams *p);

/*
 * Secondary suppression: given PRIMARY cells (sdc_primary), suppress further
 * entries until every primary cell is protected (see suppress.c for the
 * algorithm).  Deterministic.  Returns SDC_OK, or SDC_ERR_UNPROTECTABLE when
 * a cell cannot be protected while all margins stay published (stats->bad_*
 * say which; the table is then left with the complements found so far).
 */
extern SdcStatus sdc_secondary(SdcTable *t, const SdcParams *p, SdcStats *stats);

/* sdc_primary + sdc_secondary (several passes, the best kept: see above). */
extern SdcStatus sdc_protect(SdcTable *t, const SdcParams *p, SdcStats *stats);

/*
 * The exact audit.  out[] has one slot per entry, indexed by sdc_entry_index
 * (cells, then row totals, then column totals, then the grand total);
 * slots of published entries get lo = hi = value.  If 'known' is true the
 * table's values are the true values (they must satisfy its own margins);
 * otherwise suppressed cells and margins are first completed with a feasible
 * assignment (their stored values are ignored and overwritten).
 * SDC_ERR_INFEASIBLE if no completion exists.
 */
extern SdcStatus sdc_audit(SdcTable *t, const SdcParams *p, bool known,
						   SdcInterval *out);

/* Number of entries and entry indexes (for sdc_audit's out[]). */
static inline size_t
sdc_nentries(const SdcTable *t)
{
	return (size_t) t->nr * t->nc + t->nr + t->nc + 1;
}
static inline size_t
sdc_cell_index(const SdcTable *t, int r, int c)
{
	return (size_t) r * t->nc + c;
}
static inline size_t
sdc_rtot_index(const SdcTable *t, int r)
{
	return (size_t) t->nr * t->nc + r;
}
static inline size_t
sdc_ctot_index(const SdcTable *t, int c)
{
	return (size_t) t->nr * t->nc + t->nr + c;
}
static inline size_t
sdc_grand_index(const SdcTable *t)
{
	return (size_t) t->nr * t->nc + t->nr + t->nc;
}

/*
 * Entries: value, state and the ends of its arc in the table's network
 * (nodes: rows 0..nr-1, columns nr..nr+nc-1, S = nr+nc, T = nr+nc+1; cell
 * r -> nr+c, row total S -> r, column total nr+c -> T, grand total T -> S).
 * Shared by suppress.c and suppress_linked.c.
 */
static inline int64_t
sdc_entry_value(const SdcTable *t, size_t e)
{
	size_t		ncell = (size_t) t->nr * t->nc;

	if (e < ncell)
		return t->cell[e];
	e -= ncell;
	if (e < (size_t) t->nr)
		return t->rtot[e];
	e -= t->nr;
	if (e < (size_t) t->nc)
		return t->ctot[e];
	return t->grand;
}

static inline uint8_t *
sdc_entry_state(SdcTable *t, size_t e)
{
	size_t		ncell = (size_t) t->nr * t->nc;

	if (e < ncell)
		return &t->cstate[e];
	e -= ncell;
	if (e < (size_t) t->nr)
		return &t->rstate[e];
	e -= t->nr;
	if (e < (size_t) t->nc)
		return &t->cstate_tot[e];
	return &t->gstate;
}

static inline void
sdc_entry_ends(const SdcTable *t, size_t e, int *u, int *v)
{
	size_t		ncell = (size_t) t->nr * t->nc;
	int			S = t->nr + t->nc,
				T = S + 1;

	if (e < ncell)
	{
		*u = (int) (e / t->nc);
		*v = t->nr + (int) (e % t->nc);
		return;
	}
	e -= ncell;
	if (e < (size_t) t->nr)
	{
		*u = S;
		*v = (int) e;
		return;
	}
	e -= t->nr;
	if (e < (size_t) t->nc)
	{
		*u = t->nr + (int) e;
		*v = T;
		return;
	}
	*u = T;
	*v = S;
}

/* Does the interval meet the rule for value v (true value known)? */
extern bool sdc_meets_rule(const SdcParams *p, int64_t v, int64_t lo, int64_t hi);

/*
 * Controlled rounding to base b (b >= 1): every cell and every margin is
 * replaced by one of the two multiples of b adjacent to it (multiples of b
 * stay unchanged), and the rounded cells still add up to the rounded
 * margins exactly (the table stays additive).  Such a rounding always exists
 * for a two-way table with margins (Cox & Ernst 1982): the scaled values
 * x/b form a feasible flow in the network above with bounds floor(x/b) ..
 * ceil(x/b) on every arc, so an integral flow within the same bounds exists;
 * we find one with a maximum flow.  Among the feasible roundings it prefers
 * the nearest multiple: values are first rounded to the nearest multiple,
 * and the flow only moves what it must.  Cells whose value changed get
 * 'changed' set (may be NULL).  Margins must be consistent with the cells.
 */
extern SdcStatus sdc_round_controlled(SdcTable *t, const SdcParams *p,
									  int64_t base, bool *changed);

/*
 * Collapsing plan.  After protection, a row "loses most of itself" when more
 * than half of its nonzero cells are suppressed (rows with no nonzero cell
 * never do).  collapse[r] is set for such rows that have a group (group[r]
 * >= 0); returns their number.
 */
extern int	sdc_collapse_plan(const SdcTable *t, const int *group, bool *collapse);

/*
 * Linked tables (suppress_linked.c)
 * ---------------------------------
 * A FAMILY: up to SDC_FAMILY_MAX tables with the same rows and columns, of
 * true counts, each with at most one superset (parent[i], or -1): table i
 * counts a subset of parent[i]'s records (table 1's crimes that involved the
 * internet).  A reader knows each table's published figures and that every
 * cell of a subset is at most the superset's same cell; so he also knows
 * every DIFFERENCE superset - subset where both are published (table 1's
 * crimes that did NOT involve the internet), and a small difference is as
 * sensitive as a small cell.
 *
 * Exact bounds over such a family are no longer a network flow (two
 * subsets of one table that overlap in unknown ways, and the coupling of a
 * subset cell with its superset cell, are not arcs of one network), so the
 * audit gives two intervals per withheld entry:
 *	- INNER [inner_lo, inner_hi]: values reached by MOVES, i.e. tables the
 *	  reader cannot rule out: a set M of the family's tables changes by the
 *	  same circulation (each a cycle of +d/-d over entries every table of M
 *	  withholds), every other table fixed, within the bounds that keep each
 *	  moved table nonnegative, at least each of its subsets outside M and at
 *	  most its superset if that is outside M (and within a multi-label cap).
 *	  Every move keeps every published figure and every subset relation, so
 *	  the reader cannot exclude any value in the inner interval.  The rule is
 *	  judged on it: protection is certified by witnesses, never assumed.
 *	  The moves tried for an entry of table i: i alone; i with its superset,
 *	  and so on up its chain (a rise the superset would otherwise cap); i
 *	  with every table below it holding more than 0 there (a fall its
 *	  subsets would otherwise floor).
 *	- OUTER [lo, hi]: each table's own exact audit with the links dropped
 *	  (a relaxation: sound), narrowed by subset <= superset.  The reader can
 *	  prove no more than that.
 * When the two agree the interval is exact.
 *
 * sdc_family_protect() makes every sensitive cell of every table, and every
 * sensitive difference, pass the inner check: see suppress_linked.c.
 *
 * The same crimes in two tables (another period: this year's response
 * publishes last year's table again, for periods shifted by one)
 * -----------------------------------------------------------------------
 * same[i] = j: tables i and j count the same crimes, by the same rows, in
 * every column slot c with shared[i][c] set (a period both list), up to a
 * REVISION d = x_i - x_j per cell (late-recorded, re-classified, no-crimed
 * records) that the reader is taken to KNOW (a later response explains the
 * figures that changed; the worst case, so sound when he knows less).  Both
 * tables' cells of a shared slot, and so its column totals, move together:
 * a move of i with j outside M keeps i's shared cells (they are "frozen");
 * a move of both changes them by the same amount.  Slots that are not
 * shared may hold different periods in i and j (the caller aligns i's
 * first unshared column with j's first, ...): a move of both changes i's
 * 2019 and j's 2024 cell of a row together, which keeps both tables' row
 * totals -- how a withheld 2019 cell stays protected when the new table
 * publishes the row's total over 2020-2024.  A table with given[i] set is
 * already published (last year's response): its pattern is kept, checked
 * with the rest, never widened.  The revision itself is not protected.
 * Where one table has no column at all in a slot (this year's lists
 * 2020-2022, last year's 2019-2022: nothing of this year's beside 2019), a
 * move of both puts that table's share of the slot into its row totals and
 * grand total instead, when it withholds them (suppress_linked.c,
 * absent_col): last year's 2019 cell of a row moves against this year's
 * withheld row total (three ways to share that total between the moves, the
 * last a move checked afterwards, absent_holds).  The caller may also lay the
 * unshared columns in slots of their own (no pairing of 2019 with 2024): the
 * fmgr tries that layout when the paired one fails.  With totals allowed, sdc_family_protect's last
 * widening withholds every total of the tables not given, then publishes
 * again each one the check passes without.
 *
 * The same crimes by two breakdowns (offence x year and age band x year)
 * -----------------------------------------------------------------------
 * pair[i] = j (and pair[j] = i): tables i and j count the same crimes over
 * the same columns, by different rows, so their column totals are equal
 * and so are their grand totals.  The caller lays the two over one grid
 * with disjoint rows: a row of i is a row j does not list (fixed zeros in
 * j) and the other way round.  What the reader knows of the pair is one
 * network,
 *
 *	S --R_i[r]--> row r of i --x_i[r][c]--> col c (i) --C[c]--> col c (j)
 *	  --x_j[r'][c]--> row r' of j --R_j[r']--> T --G--> S
 *
 * (a column total is one arc, known when either table publishes it; so is
 * the grand total), still totally unimodular, so its maximum flows give the
 * pair's exact intervals, as for one table.  A move of i alone keeps i's
 * column totals and grand total (j's published figures pin them); a move
 * of both is a circulation of that network.  The tables of a pair have no
 * other link (no subset_of, no same_as, no multi-label caps): the caller
 * refuses them, and the core gives a move of a set holding a pair and
 * anything else nothing (sound: the inner interval only narrows).
 * sdc_family_protect: a total withheld in one is withheld in the other;
 * when a small count still fails, a row of the other table withholds its
 * cells under the totals both withhold (and its row total when the grand
 * total is withheld), the way back of a cycle through them.  When one of a
 * pair is given, the caller marks the totals it publishes fixed_tot in the
 * other (never withheld there: the reader knows them).
 */
#define SDC_FAMILY_MAX	16

typedef struct SdcFamily
{
	int			ntab;
	SdcTable  **t;				/* same nr, nc; true counts */
	const int  *parent;			/* per table: its superset, or -1 */
	const int  *same;			/* NULL, or per table: the table counting the
								 * same crimes in its shared slots, or -1 */
	const uint8_t *const *shared;	/* per table i with same[i] >= 0: nc flags */
	const bool *given;			/* NULL, or per table: already published */
	const int  *pair;			/* NULL, or per table: the table counting the
								 * same crimes by other rows, or -1 */
	const uint8_t *lacks_col;	/* NULL, or ntab * nc flags: every cell of
								 * column c of table i fixed (looked up in
								 * the tables when NULL) */
} SdcFamily;

/* Protect every table of the family (stats: one per table; the failing
 * table, cell and kind in stats[0] on SDC_ERR_UNPROTECTABLE: kind 1 cell,
 * 2 difference, 3 a small count the same crimes' table publishes). */
extern SdcStatus sdc_family_protect(SdcFamily *f, const SdcParams *p, SdcStats *stats);

/* The inner check of every sensitive cell and difference; the first
 * failure in *bad_* (kind 1 cell, 2 difference). */
extern SdcStatus sdc_family_check(const SdcFamily *f, const SdcParams *p, int *bad_tab,
								  int *bad_row, int *bad_col, int *bad_kind);

/* Inner and outer intervals of every entry of every table (out[i]: one
 * array of sdc_nentries per table); meets is judged on the inner one. */
extern SdcStatus sdc_family_audit(const SdcFamily *f, const SdcParams *p,
								  SdcInterval *const *out);

/*
 * The cell-key method (perturbation in the style of ONS's 2021 Census and
 * Eurostat's perturbation tables): a figure v with a key (a uniform 64-bit
 * value fixed for that figure) is published as v + noise, the noise read
 * from a perturbation table row for v at the key's position, so the same
 * figure with the same key always gets the same noise.  This table: noise at
 * most SDC_CELLKEY_D either way; 0 stays 0; no 1 or 2 is ever published
 * (1 -> 0 or 3, 2 -> 0, 3 or 4); 3 and more stay 3 or more; for v >= 5 the
 * noise is -2, -1, 0, 1, 2 with probabilities .1 .2 .4 .2 .1 (mean 0).
 */
#define SDC_CELLKEY_D	2
extern int64_t sdc_cellkey_value(int64_t v, uint64_t key);

/*
 * The same at the key's position u (0..SDC_CELLKEY_SPAN-1) in the table.
 * With record keys (each record a uniform key in 0..SDC_CELLKEY_SPAN-1), a
 * cell's position is the sum of its records' keys modulo SDC_CELLKEY_SPAN:
 * uniform again, and the same for the same records in every table.
 */
#define SDC_CELLKEY_SPAN	1000
extern int64_t sdc_cellkey_value_at(int64_t v, int u);

/* Human-readable status. */
extern const char *sdc_status_message(SdcStatus s);

#endif							/* SUPPRESS_H */
