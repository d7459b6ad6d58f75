/*
 * audit_fmgr.c
 *		Check the arithmetic of a cross-tab as published, what its totals give
 *		away about suppressed cells, whether a subset table stays within its
 *		superset, and reconcile a published table with a recomputed one.
 *
 *	foistats.audit(x xtab)				-> setof (check, row_label, col_label,
 *											  published, computed, detail)
 *	foistats.audit_subset(sub, super)	-> same columns
 *	foistats.reconcile(published, recomputed)
 *										-> setof (row_label, col_label, published,
 *											  recomputed, difference, status)
 *
 * Conventions shared by all three: a finding about a row total has a NULL
 * col_label, one about a column total a NULL row_label, one about the grand
 * total both NULL.  A suppressed cell is unknown: its count is never used as
 * a published figure; its marker ('<5', '1-4', '*') gives the interval it may
 * hold (marker.c says what each marker means).
 *
 * What totals reveal about suppressed cells comes from two sound methods,
 * intersected: the exact audit that disclosure_audit() also uses
 * (disclosure_withheld() in disclosure.c, over suppress.c: the least and
 * greatest value of each suppressed cell over every non-negative table with
 * the published cells and totals, by network flow), and interval bounds
 * propagation (audit.c), which also uses what each marker itself
 * says ('<5' is at most 4, '1-4' at least 1), which the exact audit does not
 * model.  Both are sound, so the intersection is; it is exact for markers
 * without a range ('*') and for markers whose range the totals make
 * irrelevant.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "common/int.h"

#include "audit.h"
#include "disclosure.h"
#include "foistats.h"
#include "marker.h"
#include "xtab.h"

PG_FUNCTION_INFO_V1(foistats_audit);
PG_FUNCTION_INFO_V1(foistats_audit_subset);
PG_FUNCTION_INFO_V1(foistats_reconcile);

#define PROPAGATION_ROUNDS 1000

StaticAssertDecl(AB_INF == MARKER_UNBOUNDED && AB_INF == SDC_INF,
				 "an unbounded interval is INT64_MAX everywhere");

/* ---------------------------------------------------------------- helpers */

typedef struct Out
{
	Tuplestorestate *ts;
	TupleDesc	desc;
} Out;

static void
out_init(FunctionCallInfo fcinfo, Out *o)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	o->ts = rsinfo->setResult;
	o->desc = rsinfo->setDesc;
}

static Datum
label_datum(const char *s, int len, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? PointerGetDatum(cstring_to_text_with_len(s, len)) : (Datum) 0;
}

static const char *
row_label(const Xtab *xt, int r, int *len)
{
	return r < 0 ? NULL : xtab_row_label(xt, r, len);
}

static const char *
col_label(const Xtab *xt, int c, int *len)
{
	return c < 0 ? NULL : xtab_col_label(xt, c, len);
}

/* Emit one audit finding; r/c -1 for "none"; pub/comp NULL for "none". */
static void
emit_finding(Out *o, const char *check, const Xtab *xt, int r, int c,
			 const int64 *pub, const int64 *comp, const char *detail)
{
	Datum		v[6];
	bool		n[6];
	int			len = 0;
	const char *s;

	v[0] = CStringGetTextDatum(check);
	n[0] = false;
	s = row_label(xt, r, &len);
	v[1] = label_datum(s, len, &n[1]);
	s = col_label(xt, c, &len);
	v[2] = label_datum(s, len, &n[2]);
	n[3] = (pub == NULL);
	v[3] = pub ? Int64GetDatum(*pub) : (Datum) 0;
	n[4] = (comp == NULL);
	v[4] = comp ? Int64GetDatum(*comp) : (Datum) 0;
	v[5] = CStringGetTextDatum(detail);
	n[5] = false;
	tuplestore_putvalues(o->ts, o->desc, v, n);
}

static bool
is_suppressed(const Xtab *xt, int r, int c)
{
	return (xtab_get_flags(xt, r, c) & XTAB_CELL_SUPPRESSED) != 0;
}

/* The interval a suppressed cell's marker allows: '<5' [0,4], '1-4' [1,4], '*' [0,inf). */
static void
cell_marker_bounds(const Xtab *xt, int r, int c, int64 *lo, int64 *hi)
{
	int64_t		l,
				h;

	marker_bounds(xtab_get_marker(xt, r, c), &l, &h);
	*lo = l;
	*hi = h;
}

static const char *
marker_text(const Xtab *xt, int r, int c)
{
	return marker_shown(xtab_get_marker(xt, r, c), "suppressed");
}

static int64
add_checked(int64 a, int64 b)
{
	int64		s;

	if (a == AB_INF || b == AB_INF)
		return AB_INF;
	if (pg_add_s64_overflow(a, b, &s))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cross-tab sum out of range for bigint")));
	return s;
}

/* Known part and suppressed interval of a line of cells (a row or a column). */
typedef struct LineSum
{
	int64		visible;		/* sum of cells that are not suppressed */
	int			nsupp;			/* suppressed cells */
	int64		slo;			/* least the suppressed cells can hold */
	int64		shi;			/* most, AB_INF when unbounded */
} LineSum;

static void
line_sum(const Xtab *xt, int r, int c, LineSum *ls)
{
	int			n = (r >= 0) ? xtab_ncols(xt) : xtab_nrows(xt);

	memset(ls, 0, sizeof(*ls));
	for (int i = 0; i < n; i++)
	{
		int			rr = (r >= 0) ? r : i;
		int			cc = (r >= 0) ? i : c;

		if (is_suppressed(xt, rr, cc))
		{
			int64		lo,
						hi;

			cell_marker_bounds(xt, rr, cc, &lo, &hi);
			ls->nsupp++;
			ls->slo = add_checked(ls->slo, lo);
			ls->shi = add_checked(ls->shi, hi);
		}
		else
			ls->visible = add_checked(ls->visible, xtab_get(xt, rr, cc));
	}
}

static int64
sub_checked(int64 a, int64 b)
{
	int64		d;

	if (pg_sub_s64_overflow(a, b, &d))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cross-tab total out of range for bigint")));
	return d;
}

static char *
range_text(int64 lo, int64 hi)
{
	if (hi == AB_INF)
		return psprintf("at least " INT64_FORMAT, lo);
	if (lo == hi)
		return psprintf("exactly " INT64_FORMAT, lo);
	return psprintf("between " INT64_FORMAT " and " INT64_FORMAT, lo, hi);
}

/*
 * Compare a published total with its line of cells; emit a finding when they
 * cannot agree.  what: "row", "column" or "grand".
 */
static void
check_total(Out *o, const char *check, const Xtab *xt, int r, int c,
			int64 published, const LineSum *ls, const char *what)
{
	int64		lo = add_checked(ls->visible, ls->slo);
	int64		hi = add_checked(ls->visible, ls->shi);
	int64		diff;

	if (ls->nsupp == 0)
	{
		if (published == ls->visible)
			return;
		diff = sub_checked(published, ls->visible);
		emit_finding(o, check, xt, r, c, &published, &ls->visible,
					 psprintf("the published %s total is " INT64_FORMAT " but %s add up to "
							  INT64_FORMAT " (published %s by " INT64_FORMAT ")",
							  what, published,
							  strcmp(what, "row") == 0 ? "the row's cells" :
							  strcmp(what, "column") == 0 ? "the column's cells" : "the cells",
							  ls->visible, diff > 0 ? "higher" : "lower",
							  diff > 0 ? diff : -diff));
		return;
	}
	if (published >= lo && (hi == AB_INF || published <= hi))
		return;
	emit_finding(o, check, xt, r, c, &published, &ls->visible,
				 psprintf("the published %s total is " INT64_FORMAT
						  " but the visible cells add up to " INT64_FORMAT
						  " and %d suppressed cell%s can only make the total %s",
						  what, published, ls->visible, ls->nsupp,
						  ls->nsupp == 1 ? "" : "s", range_text(lo, hi)));
}

/* ---------------------------------------------------------------- audit */

static void
audit_totals(Out *o, const Xtab *xt)
{
	int			nr = xtab_nrows(xt),
				nc = xtab_ncols(xt);
	int64		pub,
				grand;
	bool		all_rows = nr > 0,
				all_cols = nc > 0;
	int64		sum_rows = 0,
				sum_cols = 0;
	LineSum		ls;

	for (int r = 0; r < nr; r++)
	{
		CHECK_FOR_INTERRUPTS();
		if (!xtab_get_pub_row_total(xt, r, &pub))
		{
			all_rows = false;
			continue;
		}
		sum_rows = add_checked(sum_rows, pub);
		line_sum(xt, r, -1, &ls);
		check_total(o, "row_total", xt, r, -1, pub, &ls, "row");
	}
	for (int c = 0; c < nc; c++)
	{
		CHECK_FOR_INTERRUPTS();
		if (!xtab_get_pub_col_total(xt, c, &pub))
		{
			all_cols = false;
			continue;
		}
		sum_cols = add_checked(sum_cols, pub);
		line_sum(xt, -1, c, &ls);
		check_total(o, "column_total", xt, -1, c, pub, &ls, "column");
	}
	if (!xtab_get_pub_grand_total(xt, &grand))
		return;
	if (all_rows && sum_rows != grand)
		emit_finding(o, "grand_total_rows", xt, -1, -1, &grand, &sum_rows,
					 psprintf("the published grand total is " INT64_FORMAT
							  " but the published row totals add up to " INT64_FORMAT,
							  grand, sum_rows));
	if (all_cols && sum_cols != grand)
		emit_finding(o, "grand_total_columns", xt, -1, -1, &grand, &sum_cols,
					 psprintf("the published grand total is " INT64_FORMAT
							  " but the published column totals add up to " INT64_FORMAT,
							  grand, sum_cols));
	if (!all_rows && !all_cols)
	{
		/* no complete set of totals: compare with the cells themselves */
		LineSum		all;

		memset(&all, 0, sizeof(all));
		for (int r = 0; r < nr; r++)
		{
			line_sum(xt, r, -1, &ls);
			all.visible = add_checked(all.visible, ls.visible);
			all.nsupp += ls.nsupp;
			all.slo = add_checked(all.slo, ls.slo);
			all.shi = add_checked(all.shi, ls.shi);
		}
		check_total(o, "grand_total_cells", xt, -1, -1, grand, &all, "grand");
	}
}

static void
tick_interrupts(void *arg)
{
	CHECK_FOR_INTERRUPTS();
}

/*
 * The exact audit over the totals, as disclosure_audit() does it
 * (disclosure.c: min/max of every suppressed cell over all non-negative
 * tables with the published cells and totals, by network flow).  It knows
 * nothing of the markers' own ranges ('<5'), which the propagation uses; the
 * two are intersected by the caller.  A published total that disagrees with
 * a line of known cells is audit_totals' finding, not a contradiction here.
 *
 * Returns 1 with elo/ehi filled (per unknown, row-major), 0 when the
 * published figures admit no table at all, -1 when the table is too large
 * for the exact audit (the caller keeps the propagation's intervals).
 */
#define EXACT_AUDIT_BUDGET ((double) 2e8)	/* suppressed cells x network nodes */
#define EXACT_AUDIT_MAX_CELLS ((double) 4e6)	/* cells of the reduced block */

static int
exact_intervals(const Xtab *xt, int nu, int64 *elo, int64 *ehi)
{
	SdcParams	p;
	DisclosureQuery q;
	DisclosureWithheld *w;
	int			nw,
				u = 0;

	disclosure_params(&p, 1);
	memset(&q, 0, sizeof(q));
	q.xt = xt;
	q.pub_totals = true;
	q.known = false;
	q.whole_table = false;
	q.max_work = EXACT_AUDIT_BUDGET;
	q.max_cells = EXACT_AUDIT_MAX_CELLS;
	q.params = &p;
	switch (disclosure_withheld(&q, &w, &nw))
	{
		case DISCLOSURE_TOO_LARGE:
			return -1;
		case DISCLOSURE_INFEASIBLE:
			return 0;
		case DISCLOSURE_OK:
			break;
	}
	for (int i = 0; i < nw; i++)
		if (w[i].row >= 0 && w[i].col >= 0)
		{
			elo[u] = w[i].iv.lo;
			ehi[u] = w[i].iv.hi;
			u++;
		}
	Assert(u == nu);
	return 1;
}

/* The unknowns of the disclosure audit: the suppressed cells, row-major. */
typedef struct Unknowns
{
	int			nu;
	int		   *uidx;			/* per cell: its unknown, or -1 (published) */
	int		   *ur,
			   *uc;				/* per unknown: row and column */
	int64	   *mlo,
			   *mhi;			/* what its marker allows */
	int64	   *lo,
			   *hi;				/* what the published figures allow */
} Unknowns;

/* Number the suppressed cells and start each at its marker's interval. */
static void
unknowns_init(const Xtab *xt, Unknowns *u)
{
	int			nr = xtab_nrows(xt),
				nc = xtab_ncols(xt);

	memset(u, 0, sizeof(*u));
	u->uidx = palloc(sizeof(int) * Max(1, (Size) nr * nc));
	for (int r = 0; r < nr; r++)
		for (int c = 0; c < nc; c++)
			u->uidx[(Size) r * nc + c] = is_suppressed(xt, r, c) ? u->nu++ : -1;
	if (u->nu == 0)
		return;
	u->ur = palloc(sizeof(int) * u->nu);
	u->uc = palloc(sizeof(int) * u->nu);
	u->lo = palloc(sizeof(int64) * u->nu);
	u->hi = palloc(sizeof(int64) * u->nu);
	u->mlo = palloc(sizeof(int64) * u->nu);
	u->mhi = palloc(sizeof(int64) * u->nu);
	for (int r = 0; r < nr; r++)
		for (int c = 0; c < nc; c++)
		{
			int			k = u->uidx[(Size) r * nc + c];

			if (k < 0)
				continue;
			u->ur[k] = r;
			u->uc[k] = c;
			cell_marker_bounds(xt, r, c, &u->mlo[k], &u->mhi[k]);
			u->lo[k] = u->mlo[k];
			u->hi[k] = u->mhi[k];
		}
}

/* Constraints under construction: "these unknowns sum to rhs". */
typedef struct Cons
{
	int		   *start;
	int		   *cells;
	int64	   *rhs;
	int			n;
	int			ncells;
} Cons;

/* The constraint of a row (c < 0) or column (r < 0) with a published total. */
static void
add_line(Cons *k, const Xtab *xt, const Unknowns *u, int r, int c, int64 pub)
{
	int			nc = xtab_ncols(xt);
	int			n = (r >= 0) ? nc : xtab_nrows(xt);
	LineSum		ls;

	line_sum(xt, r, c, &ls);
	if (ls.nsupp == 0)
		return;
	k->start[k->n] = k->ncells;
	k->rhs[k->n++] = sub_checked(pub, ls.visible);
	for (int i = 0; i < n; i++)
	{
		int			x = u->uidx[(r >= 0) ? (Size) r * nc + i : (Size) i * nc + c];

		if (x >= 0)
			k->cells[k->ncells++] = x;
	}
}

/* The constraint of the grand total: every unknown. */
static void
add_grand(Cons *k, const Xtab *xt, const Unknowns *u, int64 pub)
{
	int64		visible = 0;

	for (int r = 0; r < xtab_nrows(xt); r++)
		for (int c = 0; c < xtab_ncols(xt); c++)
			if (u->uidx[(Size) r * xtab_ncols(xt) + c] < 0)
				visible = add_checked(visible, xtab_get(xt, r, c));
	k->start[k->n] = k->ncells;
	k->rhs[k->n++] = sub_checked(pub, visible);
	for (int x = 0; x < u->nu; x++)
		k->cells[k->ncells++] = x;
}

/*
 * The propagation problem: one constraint per published total whose line
 * has a suppressed cell (each unknown is in at most 3).  False when there
 * is none.
 */
static bool
problem_init(const Xtab *xt, Unknowns *u, ab_problem *p)
{
	int			nr = xtab_nrows(xt),
				nc = xtab_ncols(xt);
	Cons		k;
	int64		pub;

	k.start = palloc(sizeof(int) * (nr + nc + 2));
	k.cells = palloc(sizeof(int) * (Size) u->nu * 3);
	k.rhs = palloc(sizeof(int64) * (nr + nc + 1));
	k.n = k.ncells = 0;
	for (int r = 0; r < nr; r++)
		if (xtab_get_pub_row_total(xt, r, &pub))
			add_line(&k, xt, u, r, -1, pub);
	for (int c = 0; c < nc; c++)
		if (xtab_get_pub_col_total(xt, c, &pub))
			add_line(&k, xt, u, -1, c, pub);
	if (xtab_get_pub_grand_total(xt, &pub))
		add_grand(&k, xt, u, pub);
	k.start[k.n] = k.ncells;
	if (k.n == 0)
		return false;
	ab_problem_init(p, u->nu, u->lo, u->hi, k.n, k.start, k.cells, k.rhs);
	p->tick = tick_interrupts;
	return true;
}

/*
 * Propagate the markers over the totals, intersect with the exact audit over
 * the totals (which ignores the markers' ranges), then propagate the markers
 * again: every step is sound, so the result is too, and it is exact whenever
 * the markers add nothing to the totals (e.g. '*').
 */
static ab_result
propagate_with_exact(const Xtab *xt, Unknowns *u, ab_problem *p, bool *exact_skipped)
{
	int			bad = -1;
	ab_result	res = ab_propagate(p, PROPAGATION_ROUNDS, &bad);
	int64	   *elo,
			   *ehi;
	int			ex;

	*exact_skipped = false;
	if (res == AB_INFEASIBLE)
		return res;
	elo = palloc(sizeof(int64) * u->nu);
	ehi = palloc(sizeof(int64) * u->nu);
	ex = exact_intervals(xt, u->nu, elo, ehi);
	if (ex == 0)
		return AB_INFEASIBLE;
	if (ex < 0)
	{
		*exact_skipped = true;
		return res;
	}
	for (int x = 0; x < u->nu; x++)
	{
		u->lo[x] = Max(u->lo[x], elo[x]);
		u->hi[x] = Min(u->hi[x], ehi[x]);
		if (u->lo[x] > u->hi[x])
			res = AB_INFEASIBLE;
	}
	if (res != AB_INFEASIBLE)
		res = ab_propagate(p, PROPAGATION_ROUNDS, &bad);
	return res;
}

/* A finding for each suppressed cell the totals reveal or narrow. */
static void
emit_cell_findings(Out *o, const Xtab *xt, const Unknowns *u)
{
	for (int x = 0; x < u->nu; x++)
	{
		const char *m = marker_text(xt, u->ur[x], u->uc[x]);
		char	   *allowed = range_text(u->mlo[x], u->mhi[x]);

		CHECK_FOR_INTERRUPTS();
		if (u->lo[x] == u->hi[x])
			emit_finding(o, "disclosure_revealed", xt, u->ur[x], u->uc[x], NULL, &u->lo[x],
						 psprintf("suppressed cell '%s' is revealed by the published totals: it must be " INT64_FORMAT,
								  m, u->lo[x]));
		/*
		 * Narrowed: the totals prove a least value above the marker's (the
		 * cell is not 0, or at least 3, ...), or cut a bounded marker's
		 * range ('<5' shown to be 3 or 4).  An upper bound on an unbounded
		 * marker ('*' at most the row total) is implied by every published
		 * total and is not reported.
		 */
		else if (u->lo[x] > u->mlo[x] || (u->mhi[x] != AB_INF && u->hi[x] < u->mhi[x]))
			emit_finding(o, "disclosure_narrowed", xt, u->ur[x], u->uc[x], NULL, NULL,
						 psprintf("suppressed cell '%s' (%s) is narrowed by the published totals to %s",
								  m, allowed, range_text(u->lo[x], u->hi[x])));
	}
}

/*
 * Disclosure: interval of every suppressed cell given every published total,
 * reported when it is a single value (revealed) or narrower than the marker
 * itself says (narrowed).
 */
static void
audit_disclosure(Out *o, const Xtab *xt)
{
	Unknowns	u;
	ab_problem	p;
	ab_result	res;
	bool		exact_skipped;

	unknowns_init(xt, &u);
	if (u.nu == 0 || !problem_init(xt, &u, &p))
		return;
	res = propagate_with_exact(xt, &u, &p, &exact_skipped);
	if (res == AB_INFEASIBLE)
	{
		emit_finding(o, "disclosure_unchecked", xt, -1, -1, NULL, NULL,
					 "the published totals contradict the suppressed cells' markers, so what they reveal was not worked out; correct the totals first");
		return;
	}
	emit_cell_findings(o, xt, &u);
	if (exact_skipped)
		emit_finding(o, "disclosure_unchecked", xt, -1, -1, NULL, NULL,
					 "too many suppressed cells for the exact audit; the intervals reported come from propagation alone: sound, but maybe not the narrowest");
	if (res == AB_ROUNDS)
		emit_finding(o, "disclosure_unchecked", xt, -1, -1, NULL, NULL,
					 psprintf("interval inference stopped after %d rounds; the intervals reported are sound but may not be the narrowest",
							  PROPAGATION_ROUNDS));
}

/*
 * foistats.audit(x xtab) -> setof (check, row_label, col_label, published,
 * computed, detail)
 */
Datum
foistats_audit(PG_FUNCTION_ARGS)
{
	Xtab	   *xt;
	Out			o;

	foistats_require_table(fcinfo, 0, "audit");
	xt = PG_GETARG_XTAB_EXPANDED(0);
	out_init(fcinfo, &o);
	audit_totals(&o, xt);
	audit_disclosure(&o, xt);
	PG_RETURN_NULL();
}

/* ---------------------------------------------------------------- subset */

/* Interval of a cell as published: its count, or its marker's range. */
static void
cell_interval(const Xtab *xt, int r, int c, int64 *lo, int64 *hi)
{
	if (is_suppressed(xt, r, c))
		cell_marker_bounds(xt, r, c, lo, hi);
	else
		*lo = *hi = xtab_get(xt, r, c);
}

/* A row (c < 0) or column (r < 0) total as published, else from the cells. */
static bool
line_total(const Xtab *xt, int r, int c, int64 *lo, int64 *hi)
{
	int64		pub;
	LineSum		ls;

	if (r >= 0 ? xtab_get_pub_row_total(xt, r, &pub) : xtab_get_pub_col_total(xt, c, &pub))
	{
		*lo = *hi = pub;
		return true;
	}
	line_sum(xt, r, c, &ls);
	*lo = add_checked(ls.visible, ls.slo);
	*hi = add_checked(ls.visible, ls.shi);
	return true;
}

static void
grand_interval(const Xtab *xt, int64 *lo, int64 *hi)
{
	int64		pub;

	if (xtab_get_pub_grand_total(xt, &pub))
	{
		*lo = *hi = pub;
		return;
	}
	*lo = *hi = 0;
	for (int r = 0; r < xtab_nrows(xt); r++)
	{
		int64		l,
					h;

		line_total(xt, r, -1, &l, &h);
		*lo = add_checked(*lo, l);
		*hi = add_checked(*hi, h);
	}
}

static bool
line_is_empty(const Xtab *xt, int r, int c)
{
	int			n = (r >= 0) ? xtab_ncols(xt) : xtab_nrows(xt);

	for (int i = 0; i < n; i++)
	{
		int			rr = (r >= 0) ? r : i;
		int			cc = (r >= 0) ? i : c;

		if (is_suppressed(xt, rr, cc) || xtab_get(xt, rr, cc) != 0)
			return false;
	}
	return true;
}

static void
subset_compare(Out *o, const Xtab *sub, int r, int c, int64 slo, int64 shi,
			   int64 plo, int64 phi, const char *what)
{
	int64	   *pub = (slo == shi) ? &slo : NULL;
	int64	   *comp = (plo == phi) ? &plo : NULL;

	if (phi == AB_INF || slo <= phi)
		return;
	emit_finding(o, "subset_exceeds", sub, r, c, pub, comp,
				 psprintf("the subset's %s is %s but the superset's is %s",
						  what, range_text(slo, shi), range_text(plo, phi)));
}

/*
 * foistats.audit_subset(sub xtab, super xtab): every figure of sub must be at
 * most the matching figure of super (rows and columns matched by label).
 * published = the subset's figure, computed = the superset's.
 */
Datum
foistats_audit_subset(PG_FUNCTION_ARGS)
{
	Xtab	   *sub;
	Xtab	   *super;
	int			nr,
				nc;
	int		   *rmap;
	int		   *cmap;
	Out			o;
	int64		slo,
				shi,
				plo,
				phi;

	foistats_require_table(fcinfo, 0, "audit_subset");
	foistats_require_table(fcinfo, 1, "audit_subset");
	sub = PG_GETARG_XTAB_EXPANDED(0);
	super = PG_GETARG_XTAB_EXPANDED(1);
	nr = xtab_nrows(sub);
	nc = xtab_ncols(sub);
	rmap = palloc(sizeof(int) * Max(1, nr));
	cmap = palloc(sizeof(int) * Max(1, nc));

	out_init(fcinfo, &o);
	for (int r = 0; r < nr; r++)
	{
		int			len;
		const char *l = xtab_row_label(sub, r, &len);

		rmap[r] = xtab_find_row(super, l, len);
		if (rmap[r] < 0 && !line_is_empty(sub, r, -1))
			emit_finding(&o, "subset_row_missing", sub, r, -1, NULL, NULL,
						 "the row has counts in the subset but no row of the superset has its label");
	}
	for (int c = 0; c < nc; c++)
	{
		int			len;
		const char *l = xtab_col_label(sub, c, &len);

		cmap[c] = xtab_find_col(super, l, len);
		if (cmap[c] < 0 && !line_is_empty(sub, -1, c))
			emit_finding(&o, "subset_column_missing", sub, -1, c, NULL, NULL,
						 "the column has counts in the subset but no column of the superset has its label");
	}
	for (int r = 0; r < nr; r++)
	{
		CHECK_FOR_INTERRUPTS();
		if (rmap[r] < 0)
			continue;
		for (int c = 0; c < nc; c++)
		{
			if (cmap[c] < 0)
				continue;
			cell_interval(sub, r, c, &slo, &shi);
			cell_interval(super, rmap[r], cmap[c], &plo, &phi);
			subset_compare(&o, sub, r, c, slo, shi, plo, phi, "cell");
		}
		line_total(sub, r, -1, &slo, &shi);
		line_total(super, rmap[r], -1, &plo, &phi);
		subset_compare(&o, sub, r, -1, slo, shi, plo, phi, "row total");
	}
	for (int c = 0; c < nc; c++)
	{
		if (cmap[c] < 0)
			continue;
		line_total(sub, -1, c, &slo, &shi);
		line_total(super, -1, cmap[c], &plo, &phi);
		subset_compare(&o, sub, -1, c, slo, shi, plo, phi, "column total");
	}
	grand_interval(sub, &slo, &shi);
	grand_interval(super, &plo, &phi);
	subset_compare(&o, sub, -1, -1, slo, shi, plo, phi, "grand total");
	PG_RETURN_NULL();
}

/* ---------------------------------------------------------------- reconcile */

/* One figure of a side: NULL (absent or suppressed) or a value. */
typedef struct Fig
{
	bool		present;		/* the row and column exist on this side */
	bool		known;			/* a figure is there (not suppressed) */
	int64		value;
	bool		suppressed;		/* withheld: only the interval is known */
	int64		lo,
				hi;				/* marker interval when suppressed */
} Fig;

static void
emit_reconcile(Out *o, const char *rl, int rlen, const char *cl, int clen,
			   const Fig *p, const Fig *q)
{
	Datum		v[6];
	bool		n[6];
	const char *status;

	v[0] = label_datum(rl, rlen, &n[0]);
	v[1] = label_datum(cl, clen, &n[1]);
	n[2] = !p->known;
	v[2] = Int64GetDatum(p->value);
	n[3] = !q->known;
	v[3] = Int64GetDatum(q->value);
	n[4] = !(p->known && q->known);
	v[4] = (Datum) 0;
	if (!p->present)
		status = "recomputed_only";
	else if (!q->present)
		status = "published_only";
	else if (p->known && q->known)
		status = (p->value == q->value) ? "match" : "differs";
	else
	{
		/* a suppressed side is an interval: do the two figures overlap? */
		int64		plo = p->known ? p->value : p->lo,
					phi = p->known ? p->value : p->hi,
					qlo = q->known ? q->value : q->lo,
					qhi = q->known ? q->value : q->hi;

		status = (plo <= qhi && qlo <= phi) ? "suppressed" : "suppressed_mismatch";
	}
	v[5] = CStringGetTextDatum(status);
	n[5] = false;
	if (!n[4])
	{
		int64		d;

		if (pg_sub_s64_overflow(q->value, p->value, &d))
			n[4] = true;
		else
			v[4] = Int64GetDatum(d);
	}
	tuplestore_putvalues(o->ts, o->desc, v, n);
}

static void
fig_cell(const Xtab *xt, int r, int c, Fig *f)
{
	memset(f, 0, sizeof(*f));
	if (r < 0 || c < 0)
		return;
	f->present = true;
	if (is_suppressed(xt, r, c))
	{
		f->suppressed = true;
		cell_marker_bounds(xt, r, c, &f->lo, &f->hi);
		return;
	}
	f->known = true;
	f->value = xtab_get(xt, r, c);
}

/* Row total (c == -1 style call with r) or column total (r == -1) or grand (both -1). */
static void
fig_total(const Xtab *xt, int r, int c, bool is_row, bool is_col, Fig *f)
{
	int64		pub;
	bool		set;
	LineSum		ls;

	memset(f, 0, sizeof(*f));
	if ((is_row && r < 0) || (is_col && c < 0))
		return;
	f->present = true;
	if (is_row)
		set = xtab_get_pub_row_total(xt, r, &pub);
	else if (is_col)
		set = xtab_get_pub_col_total(xt, c, &pub);
	else
		set = xtab_get_pub_grand_total(xt, &pub);
	if (set)
	{
		f->known = true;
		f->value = pub;
		return;
	}
	if (is_row || is_col)
		line_sum(xt, is_row ? r : -1, is_col ? c : -1, &ls);
	else
	{
		memset(&ls, 0, sizeof(ls));
		for (int i = 0; i < xtab_nrows(xt); i++)
		{
			LineSum		l;

			line_sum(xt, i, -1, &l);
			ls.visible = add_checked(ls.visible, l.visible);
			ls.nsupp += l.nsupp;
			ls.slo = add_checked(ls.slo, l.slo);
			ls.shi = add_checked(ls.shi, l.shi);
		}
	}
	if (ls.nsupp > 0)
	{
		f->suppressed = true;
		f->lo = add_checked(ls.visible, ls.slo);
		f->hi = add_checked(ls.visible, ls.shi);
		return;
	}
	f->known = true;
	f->value = is_row ? xtab_row_total(xt, r) : is_col ? xtab_col_total(xt, c) : xtab_grand_total(xt);
}

/*
 * The union of the rows (or columns) of p and q: p's in their order, then
 * those only q has.  (*ip)[i] and (*iq)[i] are the line's index in p and q,
 * -1 where that side lacks it.  Returns the number of lines.
 */
static int
union_lines(const Xtab *p, const Xtab *q, bool rows, int **ip, int **iq)
{
	int			np = rows ? xtab_nrows(p) : xtab_ncols(p),
				nq = rows ? xtab_nrows(q) : xtab_ncols(q);
	int			n = 0;

	*ip = palloc(sizeof(int) * (np + nq + 1));
	*iq = palloc(sizeof(int) * (np + nq + 1));
	for (int i = 0; i < np; i++)
	{
		int			len;
		const char *l = rows ? xtab_row_label(p, i, &len) : xtab_col_label(p, i, &len);

		(*ip)[n] = i;
		(*iq)[n++] = rows ? xtab_find_row(q, l, len) : xtab_find_col(q, l, len);
	}
	for (int i = 0; i < nq; i++)
	{
		int			len;
		const char *l = rows ? xtab_row_label(q, i, &len) : xtab_col_label(q, i, &len);

		if ((rows ? xtab_find_row(p, l, len) : xtab_find_col(p, l, len)) < 0)
		{
			(*ip)[n] = -1;
			(*iq)[n++] = i;
		}
	}
	return n;
}

/*
 * foistats.reconcile(published xtab, recomputed xtab) -> setof (row_label,
 * col_label, published, recomputed, difference, status)
 *
 * Every cell of the union of rows and columns (published order first, then
 * what only the recomputed table has), each row's total after its cells,
 * then the column totals and the grand total.  difference = recomputed -
 * published.
 */
Datum
foistats_reconcile(PG_FUNCTION_ARGS)
{
	Xtab	   *pt;
	Xtab	   *qt;
	int		   *rp,
			   *rq,
			   *cp,
			   *cq;
	int			nrows,
				ncols;
	Out			o;
	Fig			a,
				b;

	foistats_require_table(fcinfo, 0, "reconcile");
	foistats_require_table(fcinfo, 1, "reconcile");
	pt = PG_GETARG_XTAB_EXPANDED(0);
	qt = PG_GETARG_XTAB_EXPANDED(1);
	nrows = union_lines(pt, qt, true, &rp, &rq);
	ncols = union_lines(pt, qt, false, &cp, &cq);
	out_init(fcinfo, &o);
	for (int i = 0; i < nrows; i++)
	{
		int			rlen;
		const char *rl = rp[i] >= 0 ? xtab_row_label(pt, rp[i], &rlen) : xtab_row_label(qt, rq[i], &rlen);

		CHECK_FOR_INTERRUPTS();
		for (int j = 0; j < ncols; j++)
		{
			int			clen;
			const char *cl = cp[j] >= 0 ? xtab_col_label(pt, cp[j], &clen) : xtab_col_label(qt, cq[j], &clen);

			fig_cell(pt, rp[i], cp[j], &a);
			fig_cell(qt, rq[i], cq[j], &b);
			/* a row of one side crossed with a column of the other: no cell */
			if (!a.present && !b.present)
				continue;
			emit_reconcile(&o, rl, rlen, cl, clen, &a, &b);
		}
		fig_total(pt, rp[i], -1, true, false, &a);
		fig_total(qt, rq[i], -1, true, false, &b);
		emit_reconcile(&o, rl, rlen, NULL, 0, &a, &b);
	}
	for (int j = 0; j < ncols; j++)
	{
		int			clen;
		const char *cl = cp[j] >= 0 ? xtab_col_label(pt, cp[j], &clen) : xtab_col_label(qt, cq[j], &clen);

		fig_total(pt, -1, cp[j], false, true, &a);
		fig_total(qt, -1, cq[j], false, true, &b);
		emit_reconcile(&o, NULL, 0, cl, clen, &a, &b);
	}
	fig_total(pt, -1, -1, false, false, &a);
	fig_total(qt, -1, -1, false, false, &b);
	emit_reconcile(&o, NULL, 0, NULL, 0, &a, &b);
	PG_RETURN_NULL();
}
