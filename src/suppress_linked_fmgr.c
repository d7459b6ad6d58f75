/*
 * suppress_linked_fmgr.c
 *		foistats.protect_linked(xtab[], subset_of int[], ...) -> xtab[] and
 *		foistats.disclosure_audit_linked(xtab[], subset_of int[], ...): the
 *		SQL side of the linked-tables core (suppress_linked.c).
 *
 * The tables of a family are laid over one grid: the union of their rows
 * and of their columns (a table without a row or column has zeros there, as
 * a published table that does not list an offence says it counted none).
 * subset_of[i] (1-based, NULL for none) names the table that table i counts
 * a subset of.  protect_linked returns each table as protect() would (true
 * counts kept, withheld cells flagged, published totals, the footnote),
 * with its own rows and columns, plus any row or column of the grid in
 * which it had to withhold a zero (those zeros are then printed as the
 * marker, not left out).
 *
 * same_as[i] = j: tables i and j count the same crimes in the columns both
 * list (the same table for another period: last year's response published
 * 2019-2023, this year's 2020-2024).  Their columns are laid over the grid
 * so that the first column i lists and j does not shares a grid column (a
 * SLOT) with the first column j lists and i does not, and so on (2019 with
 * 2024): a move of both tables through that slot keeps both tables' row
 * totals (suppress.h).  given[i]: table i is published already (last
 * year's saved answer): its pattern is kept and it is returned as it came.
 *
 * same_totals[i] = j: tables i and j count the same crimes by two
 * breakdowns over the same columns (offence x year, age band x year), so
 * their column totals and grand totals are one figure each.  Their rows lie
 * apart on the grid (a row label both list is refused): each is a row the
 * other does not list.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"

#include "disclosure.h"
#include "suppress.h"
#include "suppress_fmgr.h"
#include "xtab.h"

PG_FUNCTION_INFO_V1(foistats_protect_linked);
PG_FUNCTION_INFO_V1(foistats_disclosure_audit_linked);

/* The family over one grid. */
typedef struct Grid
{
	int			n;				/* tables */
	Xtab	  **xt;
	int		   *parent;
	int		   *same;			/* per table: same crimes as, or -1 */
	bool		any_same;
	Xtab	   *labels;			/* rows and column slots of the grid (no cells) */
	int		  **slotcol;		/* per table, per slot: its own column, or -1 */
	uint8_t   **shared;			/* per table with same >= 0: slots shared */
	bool	   *given;			/* per table: protected already */
	int		   *pair;			/* per table: the same crimes by other rows, or -1 */
	bool		any_pair;
	bool		unpaired;		/* no common slots for unshared columns */
	SdcTable  **t;
} Grid;

static void
grid_tables(Grid *g, ArrayType *arr)
{
	Datum	   *elems;
	bool	   *nulls;
	int16		typlen;
	bool		typbyval;
	char		typalign;

	get_typlenbyvalalign(ARR_ELEMTYPE(arr), &typlen, &typbyval, &typalign);
	deconstruct_array(arr, ARR_ELEMTYPE(arr), typlen, typbyval, typalign,
					  &elems, &nulls, &g->n);
	if (g->n < 1 || g->n > SDC_FAMILY_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a family of linked tables has 1 to %d tables, not %d", SDC_FAMILY_MAX, g->n)));
	g->xt = palloc(sizeof(Xtab *) * g->n);
	for (int i = 0; i < g->n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("table %d of the family is null", i + 1)));
		g->xt[i] = xtab_expand((struct varlena *) PG_DETOAST_DATUM(elems[i]), CurrentMemoryContext);
	}
}

/*
 * A per-table argument that names another table of the family (subset_of,
 * same_as): one element per table, a 1-based table number or NULL.  Returns
 * the 0-based numbers, -1 for NULL (all -1 when arr is NULL).
 */
static int *
grid_table_refs(Grid *g, ArrayType *arr, const char *argname, const char *hint)
{
	int		   *ref = palloc(sizeof(int) * g->n);
	Datum	   *elems;
	bool	   *nulls;
	int			k;

	for (int i = 0; i < g->n; i++)
		ref[i] = -1;
	if (!arr)
		return ref;
	deconstruct_array(arr, INT4OID, 4, true, TYPALIGN_INT, &elems, &nulls, &k);
	if (k != g->n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s has %d elements but there are %d tables", argname, k, g->n),
				 errhint("%s", hint)));
	for (int i = 0; i < k; i++)
	{
		int			p;

		if (nulls[i])
			continue;
		p = DatumGetInt32(elems[i]);
		if (p < 1 || p > g->n || p == i + 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s[%d] = %d does not name another table", argname, i + 1, p)));
		ref[i] = p - 1;
	}
	return ref;
}

static void
grid_parents(Grid *g, ArrayType *arr)
{
	g->parent = grid_table_refs(g, arr, "subset_of",
								"Give one element per table: the number of the table it is a subset of, or NULL.");
	/* no cycles */
	for (int i = 0; i < g->n; i++)
	{
		int			steps = 0;

		for (int p = g->parent[i]; p >= 0; p = g->parent[p])
			if (++steps > g->n)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("subset_of makes a cycle through table %d", i + 1)));
	}
}

static void
grid_same(Grid *g, ArrayType *arr)
{
	g->same = grid_table_refs(g, arr, "same_as",
							  "Give one element per table: the number of the table that counts the same crimes for other periods, or NULL.");
	for (int i = 0; i < g->n; i++)
	{
		int			p = g->same[i];

		if (p < 0)
			continue;
		if (g->parent[i] == p || g->parent[p] == i)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("tables %d and %d cannot be both a subset and the same crimes", i + 1, p + 1)));
		g->any_same = true;
	}
}

/*
 * same_totals[i] = j: tables i and j count the same crimes by two
 * breakdowns (offence x year, age band x year), so their column totals and
 * grand totals are one figure.  Made symmetric (pair[j] = i); a table is in
 * at most one pair, and a pair's tables have no other link (the core does
 * not model subsets or periods of a breakdown: suppress.h).
 */
static void
grid_pair(Grid *g, ArrayType *arr)
{
	int		   *ref = grid_table_refs(g, arr, "same_totals",
									  "Give one element per table: the number of the table that counts the same crimes by another breakdown, or NULL.");

	g->pair = palloc(sizeof(int) * g->n);
	for (int i = 0; i < g->n; i++)
		g->pair[i] = -1;
	for (int i = 0; i < g->n; i++)
	{
		int			j = ref[i];

		if (j < 0)
			continue;
		for (int k = 0; k < 2; k++)
		{
			int			a = k == 0 ? i : j,
						b = k == 0 ? j : i;

			if (g->pair[a] >= 0 && g->pair[a] != b)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("same_totals links table %d to tables %d and %d", a + 1,
								g->pair[a] + 1, b + 1),
						 errdetail("Each table may have one other breakdown of the same crimes."),
						 errhint("Link two breakdowns at a time (a third breakdown of the same crimes is not modelled).")));
			if (g->parent[a] >= 0 || g->same[a] >= 0)
				ereport(ERROR,
						(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						 errmsg("table %d cannot be linked by same_totals and by %s", a + 1,
								g->parent[a] >= 0 ? "subset_of" : "same_as"),
						 errdetail("Breakdowns of the same crimes are protected as a pair with no other link.")));
			for (int q = 0; q < g->n; q++)
				if (g->parent[q] == a || g->same[q] == a)
					ereport(ERROR,
							(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
							 errmsg("table %d cannot be linked by same_totals and by %s", a + 1,
									g->parent[q] == a ? "subset_of" : "same_as"),
							 errdetail("Breakdowns of the same crimes are protected as a pair with no other link.")));
			if (xtab_has_units(g->xt[a]))
				ereport(ERROR,
						(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						 errmsg("table %d is a multi-label cross-tab: same_totals does not model one", a + 1),
						 errdetail("Its column totals count mentions and its units distinct crimes; which of them another breakdown shares is not modelled.")));
			g->pair[a] = b;
		}
		g->any_pair = true;
	}
	/* the same columns, and rows of their own */
	for (int i = 0; i < g->n; i++)
	{
		int			j = g->pair[i],
					len;
		const char *s;

		if (j < i)
			continue;
		for (int k = 0; k < 2; k++)
		{
			const Xtab *a = g->xt[k == 0 ? i : j],
					   *b = g->xt[k == 0 ? j : i];

			for (int c = 0; c < xtab_ncols(a); c++)
			{
				s = xtab_col_label(a, c, &len);
				if (xtab_find_col(b, s, len) < 0)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("tables %d and %d cannot have the same totals: column \"%s\" is in table %d only",
									i + 1, j + 1, s, (k == 0 ? i : j) + 1),
							 errhint("Breakdowns of the same crimes list the same columns.")));
			}
		}
		for (int r = 0; r < xtab_nrows(g->xt[i]); r++)
		{
			CHECK_FOR_INTERRUPTS();
			s = xtab_row_label(g->xt[i], r, &len);
			if (xtab_find_row(g->xt[j], s, len) >= 0)
				ereport(ERROR,
						(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						 errmsg("tables %d and %d both have a row \"%s\"", i + 1, j + 1, s),
						 errdetail("same_totals links two breakdowns by different rows; rows are matched by label."),
						 errhint("Label the rows of one breakdown apart (e.g. \"Age: %s\").", s)));
		}
	}
}

/* Union-find over the family's column labels. */
static int
uf_root(int *up, int a)
{
	while (up[a] != a)
		a = up[a] = up[up[a]];
	return a;
}

/* Does some table list a column of class a and one of class b? */
static bool
uf_clash(const Grid *g, int *up, int *const *lab, int a, int b)
{
	for (int i = 0; i < g->n; i++)
	{
		bool		ina = false,
					inb = false;

		for (int c = 0; c < xtab_ncols(g->xt[i]); c++)
		{
			int			root = uf_root(up, lab[i][c]);

			ina |= root == a;
			inb |= root == b;
		}
		if (ina && inb)
			return true;
	}
	return false;
}

/*
 * The grid: every row of every table, in first-seen order; a column slot
 * per column label, except that tables counting the same crimes have their
 * unshared columns paired, in order, into common slots (when no table
 * lists both of a pair), unless g->unpaired: then each unshared column has
 * a slot of its own, which the other table lacks (suppress.h).
 */
static void
grid_labels(Grid *g)
{
	Xtab	   *all = xtab_create(CurrentMemoryContext);
	int		  **lab = palloc(sizeof(int *) * g->n);
	int		   *up;
	int		   *slot_of;
	int			nl;

	g->labels = xtab_create(CurrentMemoryContext);
	for (int i = 0; i < g->n; i++)
	{
		int			len;
		const char *s;

		lab[i] = palloc(sizeof(int) * Max(xtab_ncols(g->xt[i]), 1));
		for (int c = 0; c < xtab_ncols(g->xt[i]); c++)
		{
			s = xtab_col_label(g->xt[i], c, &len);
			lab[i][c] = xtab_add_col(all, s, len, xtab_col_kind(g->xt[i], c));
		}
		for (int r = 0; r < xtab_nrows(g->xt[i]); r++)
		{
			s = xtab_row_label(g->xt[i], r, &len);
			xtab_add_row(g->labels, s, len);
		}
	}
	nl = xtab_ncols(all);
	up = palloc(sizeof(int) * Max(nl, 1));
	for (int l = 0; l < nl; l++)
		up[l] = l;
	for (int i = 0; i < g->n && !g->unpaired; i++)
	{
		int			j = g->same[i],
					ci = 0,
					cj = 0;

		if (j < 0)
			continue;
		for (;;)
		{
			int			len,
						a,
						b;
			const char *s;

			CHECK_FOR_INTERRUPTS();
			/* the next column of i that j does not list, and of j that i does not */
			for (; ci < xtab_ncols(g->xt[i]); ci++)
			{
				s = xtab_col_label(g->xt[i], ci, &len);
				if (xtab_find_col(g->xt[j], s, len) < 0)
					break;
			}
			for (; cj < xtab_ncols(g->xt[j]); cj++)
			{
				s = xtab_col_label(g->xt[j], cj, &len);
				if (xtab_find_col(g->xt[i], s, len) < 0)
					break;
			}
			if (ci >= xtab_ncols(g->xt[i]) || cj >= xtab_ncols(g->xt[j]))
				break;
			a = uf_root(up, lab[i][ci++]);
			b = uf_root(up, lab[j][cj++]);
			if (a != b && !uf_clash(g, up, lab, a, b))
				up[a > b ? a : b] = a < b ? a : b;
		}
	}
	/* slots in the order of their first label; each named by that label */
	slot_of = palloc(sizeof(int) * Max(nl, 1));
	for (int l = 0; l < nl; l++)
	{
		int			len;
		const char *s;

		if (uf_root(up, l) != l)
			continue;
		s = xtab_col_label(all, l, &len);
		slot_of[l] = xtab_add_col(g->labels, s, len, xtab_col_kind(all, l));
	}
	g->slotcol = palloc(sizeof(int *) * g->n);
	for (int i = 0; i < g->n; i++)
	{
		int			ns = xtab_ncols(g->labels);

		g->slotcol[i] = palloc(sizeof(int) * Max(ns, 1));
		for (int c = 0; c < ns; c++)
			g->slotcol[i][c] = -1;
		for (int c = 0; c < xtab_ncols(g->xt[i]); c++)
			g->slotcol[i][slot_of[uf_root(up, lab[i][c])]] = c;
	}
	/* the slots where tables of the same crimes list the same column */
	g->shared = palloc0(sizeof(uint8_t *) * g->n);
	for (int i = 0; i < g->n; i++)
	{
		int			j = g->same[i],
					ns = xtab_ncols(g->labels);

		if (j < 0)
			continue;
		g->shared[i] = palloc0(Max(ns, 1));
		for (int c = 0; c < ns; c++)
			g->shared[i][c] = g->slotcol[i][c] >= 0 && g->slotcol[j][c] >= 0 &&
				lab[i][g->slotcol[i][c]] == lab[j][g->slotcol[j][c]];
	}
}

/* Row / column of table i at a grid position, or -1. */
static int
own_row(const Grid *g, int i, int r)
{
	int			len;
	const char *s = xtab_row_label(g->labels, r, &len);

	return xtab_find_row(g->xt[i], s, len);
}

static int
own_col(const Grid *g, int i, int c)
{
	return g->slotcol[i][c];
}

/* The label table i gives slot c (the slot's own when it does not list it). */
static const char *
slot_label(const Grid *g, int i, int c, int *len)
{
	int			oc = own_col(g, i, c);

	return oc >= 0 ? xtab_col_label(g->xt[i], oc, len) : xtab_col_label(g->labels, c, len);
}

/*
 * Table i on the grid.  protected: its flags and published totals say what
 * is withheld (disclosure_audit_linked); else all published.
 */
static SdcTable *
grid_table(const Grid *g, int i, bool protected)
{
	const Xtab *xt = g->xt[i];
	int			nr = xtab_nrows(g->labels),
				nc = xtab_ncols(g->labels);
	SdcTable   *t = disclosure_new_table(nr, nc);
	int		   *cr = palloc(sizeof(int) * Max(nc, 1));
	int64		v;

	for (int c = 0; c < nc; c++)
		cr[c] = own_col(g, i, c);
	for (int r = 0; r < nr; r++)
	{
		int			rr = own_row(g, i, r);

		CHECK_FOR_INTERRUPTS();
		if (rr < 0)
			continue;
		for (int c = 0; c < nc; c++)
			if (cr[c] >= 0)
				t->cell[(Size) r * nc + c] = xtab_get(xt, rr, cr[c]);
	}
	if (sdc_table_init(t) != SDC_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cross-tab totals are too large to protect")));
	{
		/* a row or column the table does not list: zeros it publishes */
		uint8_t    *fixed = palloc0(Max((Size) nr * nc, 1));

		for (int r = 0; r < nr; r++)
		{
			bool		absent = own_row(g, i, r) < 0;

			for (int c = 0; c < nc; c++)
				fixed[(Size) r * nc + c] = absent || cr[c] < 0;
		}
		t->fixed = fixed;
	}
	if (xtab_has_units(xt))
	{
		t->ccap = palloc(sizeof(int64) * Max(nc, 1));
		for (int c = 0; c < nc; c++)
			t->ccap[c] = cr[c] >= 0 ? xtab_col_units(xt, cr[c]) : 0;
	}
	if (!protected)
		return t;
	for (int r = 0; r < nr; r++)
	{
		int			rr = own_row(g, i, r);

		if (rr < 0)
			continue;
		for (int c = 0; c < nc; c++)
			if (cr[c] >= 0 && (xtab_get_flags(xt, rr, cr[c]) & XTAB_CELL_SUPPRESSED))
				t->cstate[(Size) r * nc + c] =
					(xtab_get_flags(xt, rr, cr[c]) & XTAB_CELL_SECONDARY) ? SDC_SECONDARY : SDC_SUPPRESSED;
		if (xtab_is_published(xt) && !xtab_get_pub_row_total(xt, rr, &v))
			t->rstate[r] = SDC_SUPPRESSED;
	}
	for (int c = 0; c < nc; c++)
		if (cr[c] >= 0 && xtab_is_published(xt) && !xtab_get_pub_col_total(xt, cr[c], &v))
			t->cstate_tot[c] = SDC_SUPPRESSED;
	if (xtab_is_published(xt) && !xtab_get_pub_grand_total(xt, &v))
		t->gstate = SDC_SUPPRESSED;
	if (t->ccap)
		for (int c = 0; c < nc; c++)
			if (t->cstate_tot[c] != SDC_PUBLISHED)
				t->ccap[c] = SDC_INF;
	return t;
}

/* Every subset within its superset, cell by cell. */
static void
grid_check_subsets(const Grid *g)
{
	for (int i = 0; i < g->n; i++)
	{
		const SdcTable *a = g->t[g->parent[i] >= 0 ? g->parent[i] : i];
		const SdcTable *b = g->t[i];

		if (g->parent[i] < 0)
			continue;
		for (int c = 0; c < b->nc; c++)
		{
			int			la,
						lb;
			const char *sa = slot_label(g, g->parent[i], c, &la);
			const char *sb = slot_label(g, i, c, &lb);

			if (la != lb || memcmp(sa, sb, la) != 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("table %d cannot be a subset of table %d: same_as pairs column \"%s\" of one with \"%s\" of the other",
								i + 1, g->parent[i] + 1, sb, sa),
						 errhint("Link subsets within one period, and each period's table to the other period's with same_as.")));
		}
		for (int r = 0; r < b->nr; r++)
			for (int c = 0; c < b->nc; c++)
				if (b->cell[(Size) r * b->nc + c] > a->cell[(Size) r * a->nc + c])
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("table %d is not a subset of table %d", i + 1, g->parent[i] + 1),
							 errdetail("Row \"%s\", column \"%s\" counts %lld in table %d but %lld in table %d.",
									   xtab_row_label(g->labels, r, NULL), slot_label(g, i, c, NULL),
									   (long long) b->cell[(Size) r * b->nc + c], i + 1,
									   (long long) a->cell[(Size) r * a->nc + c], g->parent[i] + 1)));
	}
}

/*
 * protected: the audit (every table as protected); else protect_linked
 * (a table protected already is given, the others all published).
 */
static void
grid_build(Grid *g, ArrayType *tables, ArrayType *subset_of, ArrayType *same_as,
		   ArrayType *given, ArrayType *same_totals, bool protected)
{
	grid_tables(g, tables);
	grid_parents(g, subset_of);
	grid_same(g, same_as);
	grid_pair(g, same_totals);
	g->given = palloc0(sizeof(bool) * g->n);
	if (given)
	{
		Datum	   *elems;
		bool	   *nulls;
		int			k;

		deconstruct_array(given, BOOLOID, 1, true, TYPALIGN_CHAR, &elems, &nulls, &k);
		if (k != g->n)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("given has %d elements but there are %d tables", k, g->n)));
		for (int i = 0; i < k; i++)
			g->given[i] = !nulls[i] && DatumGetBool(elems[i]);
	}
	for (int i = 0; i < g->n; i++)
	{
		if (!protected)
		{
			check_protect_input(g->xt[i]);
			if (g->given[i] && !xtab_is_published(g->xt[i]))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("table %d is given as published but is not a protected cross-tab", i + 1),
						 errhint("Pass last year's table as protect() or protect_linked() returned it (its saved answer's published table), with its true counts.")));
		}
		else if (xtab_nrows(g->xt[i]) == 0 || xtab_ncols(g->xt[i]) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot audit an empty cross-tab (table %d)", i + 1)));
	}
	grid_labels(g);
	g->t = palloc(sizeof(SdcTable *) * g->n);
	for (int i = 0; i < g->n; i++)
		g->t[i] = grid_table(g, i, protected || g->given[i]);
	grid_check_subsets(g);
	/* a pair's column totals are one figure each */
	for (int i = 0; i < g->n; i++)
	{
		int			j = g->pair[i];

		if (j <= i)
			continue;
		for (int c = 0; c < g->t[i]->nc; c++)
			if (g->t[i]->ctot[c] != g->t[j]->ctot[c])
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("tables %d and %d do not count the same crimes", i + 1, j + 1),
						 errdetail("Column \"%s\" adds up to %lld in table %d but %lld in table %d.",
								   slot_label(g, i, c, NULL), (long long) g->t[i]->ctot[c], i + 1,
								   (long long) g->t[j]->ctot[c], j + 1),
						 errhint("same_totals links two breakdowns of one population: their column totals are equal.")));
	}
	/* a total a given breakdown publishes is no complement in the other:
	 * the reader knows it */
	for (int i = 0; i < g->n && !protected; i++)
	{
		int			j = g->pair[i];
		SdcTable   *t = g->t[i];
		uint8_t    *ft;

		if (j < 0 || g->given[i] || !g->given[j])
			continue;
		ft = palloc0(t->nr + t->nc + 1);
		for (int c = 0; c < t->nc; c++)
			ft[t->nr + c] = !SDC_IS_SUPPRESSED(g->t[j]->cstate_tot[c]);
		ft[t->nr + t->nc] = !SDC_IS_SUPPRESSED(g->t[j]->gstate);
		t->fixed_tot = ft;
	}
	/* a figure a given table publishes is no complement in the same
	 * crimes' other table: the reader knows it */
	for (int i = 0; i < g->n; i++)
		for (int k = 0; k < 2; k++)
		{
			int			a = k == 0 ? i : g->same[i],
						b = k == 0 ? g->same[i] : i;
			SdcTable   *t;

			if (g->same[i] < 0 || protected || g->given[a] || !g->given[b])
				continue;
			t = g->t[a];
			for (Size e = 0; e < (Size) t->nr * t->nc; e++)
				if (g->shared[i][e % t->nc] && !SDC_IS_SUPPRESSED(g->t[b]->cstate[e]))
					((uint8_t *) t->fixed)[e] = 1;
		}
}

static void
grid_family(const Grid *g, SdcFamily *f)
{
	f->ntab = g->n;
	f->t = g->t;
	f->parent = g->parent;
	f->same = g->any_same ? g->same : NULL;
	f->shared = (const uint8_t *const *) g->shared;
	f->given = g->given;
	f->pair = g->any_pair ? g->pair : NULL;
	f->lacks_col = NULL;
	if (g->any_same)
	{
		/* the columns a table lists no cell of, once (suppress.h) */
		uint8_t    *lacks = palloc0((Size) g->n * Max(g->t[0]->nc, 1));

		for (int i = 0; i < g->n; i++)
		{
			const SdcTable *t = g->t[i];

			for (int c = 0; c < t->nc; c++)
			{
				bool		all = true;

				for (int r = 0; r < t->nr && all; r++)
					all = t->fixed && t->fixed[(Size) r * t->nc + c];
				lacks[(Size) i * t->nc + c] = all;
			}
		}
		f->lacks_col = lacks;
	}
}

/* Table i as protected: its own rows and columns, plus grid lines where it
 * withholds a zero; flags, published totals, markers, footnote. */
static Xtab *
grid_output(const Grid *g, int i, const SdcParams *p, const SdcStats *s, const char *marker)
{
	const SdcTable *t = g->t[i];
	Xtab	   *out = xtab_copy(g->xt[i], CurrentMemoryContext);
	int			nr = t->nr,
				nc = t->nc;
	int		   *orow = palloc(sizeof(int) * Max(nr, 1));
	int		   *ocol = palloc(sizeof(int) * Max(nc, 1));

	xtab_clear_pub_totals(out);
	for (int c = 0; c < nc; c++)
	{
		bool		need = false;
		int			len;
		const char *l = slot_label(g, i, c, &len);

		for (int r = 0; r < nr && !need; r++)
			need = SDC_IS_SUPPRESSED(t->cstate[(Size) r * nc + c]);
		ocol[c] = own_col(g, i, c);
		if (ocol[c] < 0 && need)
			ocol[c] = xtab_add_col(out, l, len, xtab_col_kind(g->labels, c));
	}
	for (int r = 0; r < nr; r++)
	{
		bool		need = false;
		int			len;
		const char *l = xtab_row_label(g->labels, r, &len);

		for (int c = 0; c < nc && !need; c++)
			need = SDC_IS_SUPPRESSED(t->cstate[(Size) r * nc + c]);
		orow[r] = xtab_find_row(out, l, len);
		if (orow[r] < 0 && need)
			orow[r] = xtab_add_row(out, l, len);
	}
	for (int r = 0; r < nr; r++)
	{
		CHECK_FOR_INTERRUPTS();
		if (orow[r] < 0)
			continue;
		for (int c = 0; c < nc; c++)
		{
			uint8_t		cs = t->cstate[(Size) r * nc + c];

			if (ocol[c] < 0)
				continue;
			xtab_set_flags(out, orow[r], ocol[c],
						   cs == SDC_PRIMARY ? XTAB_CELL_SUPPRESSED :
						   cs != SDC_PUBLISHED ? XTAB_CELL_SUPPRESSED | XTAB_CELL_SECONDARY : 0);
		}
		if (t->rstate[r] == SDC_PUBLISHED)
			xtab_set_pub_row_total(out, orow[r], t->rtot[r]);
	}
	for (int c = 0; c < nc; c++)
		if (ocol[c] >= 0 && t->cstate_tot[c] == SDC_PUBLISHED)
			xtab_set_pub_col_total(out, ocol[c], t->ctot[c]);
	if (t->gstate == SDC_PUBLISHED)
		xtab_set_pub_grand_total(out, t->grand);
	withheld_markers(out, marker);
	xtab_add_footnote(out, suppression_note(p, s, marker));
	{
		bool		linked = g->parent[i] >= 0;

		for (int j = 0; j < g->n; j++)
			linked |= g->parent[j] == i;
		if (linked)
			xtab_add_footnote(out, "Protected together with the tables it is linked to (a table and its "
							  "subsets), so that no difference of their figures gives a small count away.");
		linked = g->same[i] >= 0;
		for (int j = 0; j < g->n; j++)
			linked |= g->same[j] == i;
		if (linked)
			xtab_add_footnote(out, "Protected together with the same table published for other periods, so "
							  "that no figure withheld there can be worked out from this one, nor the "
							  "other way round.");
		if (g->pair[i] >= 0)
			xtab_add_footnote(out, "Protected together with the same crimes' table by another breakdown, "
							  "whose column totals are the same, so that no total withheld there can be "
							  "read from this one, nor the other way round.");
	}
	return out;
}

static void
family_error(const Grid *g, const SdcStats *s, bool allow_totals)
{
	int			i = s->bad_table;

	if (g->pair[i] >= 0 && g->given[g->pair[i]])
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("cannot protect table %d, row \"%s\", column \"%s\" together with the tables it is linked to",
						i + 1, xtab_row_label(g->labels, s->bad_row, NULL),
						slot_label(g, i, s->bad_col, NULL)),
				 errdetail("Table %d, another breakdown of the same crimes, is published already: the totals it prints are this table's too, "
						   "and no pattern of withheld cells under them keeps this count uncertain enough.", g->pair[i] + 1),
				 errhint("Protect both breakdowns together (neither given), with allow_totals => true.")));
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("cannot protect table %d, row \"%s\", column \"%s\" together with the tables it is linked to",
					i + 1, xtab_row_label(g->labels, s->bad_row, NULL),
					slot_label(g, i, s->bad_col, NULL)),
			 s->bad_kind == 2 ?
			 errdetail("Its difference with table %d there is a small count that no pattern of withheld cells keeps uncertain enough.",
					   g->parent[i] + 1) :
			 s->bad_kind == 3 ?
			 errdetail("Another period's table counts the same crimes there and publishes the figure (or does not list it: a 0); "
					   "with the revisions a later response explains, that gives this small count away.") :
			 allow_totals ?
			 errdetail("No pattern of withheld cells and totals that the search tried keeps it uncertain enough.") :
			 errdetail("No pattern of withheld cells keeps it uncertain enough with every total published."),
			 s->bad_kind == 3 ?
			 errhint("Protect both periods' tables together (neither given) so that both withhold it; once published, it cannot be protected.") :
			 allow_totals ?
			 errhint("Combine the rows with the smallest counts into their group before protecting, or use method 'cellkey'.") :
			 errhint("Allow withholding totals (allow_totals => true), or use method 'cellkey'.")));
}

/* The grid of protect_linked's arguments (tables, subset_of, same_as, given,
 * same_totals), its unshared columns paired or not. */
static void
protect_grid(FunctionCallInfo fcinfo, Grid *g, bool unpaired)
{
	memset(g, 0, sizeof(*g));
	g->unpaired = unpaired;
	grid_build(g, PG_GETARG_ARRAYTYPE_P(0), PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1),
			   (PG_NARGS() > 7 && !PG_ARGISNULL(7)) ? PG_GETARG_ARRAYTYPE_P(7) : NULL,
			   (PG_NARGS() > 8 && !PG_ARGISNULL(8)) ? PG_GETARG_ARRAYTYPE_P(8) : NULL,
			   (PG_NARGS() > 9 && !PG_ARGISNULL(9)) ? PG_GETARG_ARRAYTYPE_P(9) : NULL, false);
}

/* The grid of disclosure_audit_linked's arguments (tables, subset_of,
 * same_as, same_totals), its unshared columns paired or not. */
static void
audit_grid_build(FunctionCallInfo fcinfo, Grid *g, bool unpaired)
{
	memset(g, 0, sizeof(*g));
	g->unpaired = unpaired;
	grid_build(g, PG_GETARG_ARRAYTYPE_P(0), PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1),
			   (PG_NARGS() > 5 && !PG_ARGISNULL(5)) ? PG_GETARG_ARRAYTYPE_P(5) : NULL, NULL,
			   (PG_NARGS() > 6 && !PG_ARGISNULL(6)) ? PG_GETARG_ARRAYTYPE_P(6) : NULL, true);
}

/*
 * foistats.protect_linked(tables xtab[], subset_of int[], threshold int,
 *						   protection int, zeros bool, allow_totals bool,
 *						   marker text, same_as int[], given bool[],
 *						   same_totals int[]) -> xtab[]
 */
Datum
foistats_protect_linked(PG_FUNCTION_ARGS)
{
	Grid		g;
	SdcParams	p;
	SdcFamily	f;
	SdcStats   *stats;
	SdcStatus	st;
	Datum	   *out;
	const char *marker;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	params_from_args(&p, threshold_arg(fcinfo, 2), fcinfo, 3, 4);
	p.allow_totals = PG_ARGISNULL(5) ? false : PG_GETARG_BOOL(5);
	marker = marker_or_default(fcinfo, 6);
	protect_grid(fcinfo, &g, false);
	grid_family(&g, &f);
	stats = palloc0(sizeof(SdcStats) * g.n);
	st = sdc_family_protect(&f, &p, stats);
	if (st == SDC_ERR_UNPROTECTABLE && p.allow_totals && g.any_same)
	{
		/*
		 * Two periods' unshared columns in slots of their own: no move then
		 * ties last year's 2018 to this year's 2023, and with totals
		 * withheld each moves against the other table's withheld totals
		 * (disclosure_audit_linked tries the same grid).
		 */
		Grid		g2;
		SdcFamily	f2;
		SdcStats   *stats2;

		protect_grid(fcinfo, &g2, true);
		grid_family(&g2, &f2);
		stats2 = palloc0(sizeof(SdcStats) * g2.n);
		if (sdc_family_protect(&f2, &p, stats2) == SDC_OK)
		{
			g = g2;
			f = f2;
			stats = stats2;
			st = SDC_OK;
		}
	}
	if (st == SDC_ERR_UNPROTECTABLE)
		family_error(&g, &stats[0], p.allow_totals);
	if (st != SDC_OK)
		elog(ERROR, "linked cell suppression failed: %s", sdc_status_message(st));
	out = palloc(sizeof(Datum) * g.n);
	for (int i = 0; i < g.n; i++)
		out[i] = g.given[i] ? PointerGetDatum(xtab_flatten(g.xt[i])) :
			PointerGetDatum(xtab_flatten(grid_output(&g, i, &p, &stats[i], marker)));
	{
		ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
		int16		typlen;
		bool		typbyval;
		char		typalign;

		get_typlenbyvalalign(ARR_ELEMTYPE(a), &typlen, &typbyval, &typalign);
		PG_RETURN_ARRAYTYPE_P(construct_array(out, g.n, ARR_ELEMTYPE(a), typlen, typbyval, typalign));
	}
}

/*
 * foistats.disclosure_audit_linked(tables xtab[], subset_of int[],
 *		threshold int, protection int, zeros bool, same_as int[],
 *		same_totals int[])
 *	-> setof (table_no, row_label, col_label, published_state, min, max,
 *			  bound_min, bound_max, meets_rule, exact)
 *
 * For every withheld cell and total of every table: min..max, values the
 * reader cannot rule out (reached by moves of the family: suppress.h,
 * "Linked tables"), judged by the rule; bound_min..bound_max, the most the
 * reader can prove; exact when the two agree.  The tables must keep their
 * true counts (protect_linked's results).
 */
/* The linked audit of a family's grid (errors as disclosure_audit_linked's). */
static SdcInterval **
audit_grid(const Grid *g, const SdcFamily *f, const SdcParams *p)
{
	SdcInterval **iv = palloc(sizeof(SdcInterval *) * g->n);
	SdcStatus	st;

	for (int i = 0; i < g->n; i++)
		iv[i] = palloc0(sizeof(SdcInterval) * sdc_nentries(g->t[i]));
	st = sdc_family_audit(f, p, iv);
	if (st == SDC_ERR_INFEASIBLE)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("the tables' cells do not add up to their published totals"),
				 errhint("Audit the values protect_linked() returned: they keep their true counts.")));
	if (st != SDC_OK)
		elog(ERROR, "linked disclosure audit failed: %s", sdc_status_message(st));
	return iv;
}

/* Cell (r, c) of table i of grid g on grid g2 (the same row label, the slot
 * holding the same column of table i), or NULL. */
static const SdcInterval *
unpaired_cell(const Grid *g, const Grid *g2, SdcInterval **iv2, int i, int r, int c)
{
	int			len;
	const char *l = xtab_row_label(g->labels, r, &len);
	int			r2 = xtab_find_row(g2->labels, l, len),
				oc = own_col(g, i, c);

	if (r2 < 0 || oc < 0)
		return NULL;
	for (int c2 = 0; c2 < xtab_ncols(g2->labels); c2++)
		if (own_col(g2, i, c2) == oc)
			return &iv2[i][(size_t) r2 * g2->t[i]->nc + c2];
	return NULL;
}

Datum
foistats_disclosure_audit_linked(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Grid		g,
				g2;
	SdcParams	p;
	SdcFamily	f,
				f2;
	SdcInterval **iv,
			  **iv2 = NULL;

	params_from_args(&p, threshold_arg(fcinfo, 2), fcinfo, 3, 4);
	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	audit_grid_build(fcinfo, &g, false);
	grid_family(&g, &f);
	iv = audit_grid(&g, &f, &p);
	if (g.any_same)
	{
		/*
		 * The same, each period's unshared columns in slots of their own (as
		 * protect_linked tries when the paired grid fails): both sound, so a
		 * small count that fails on the paired grid is judged by the other.
		 */
		bool		fails = false;

		for (int i = 0; i < g.n && !fails; i++)
			for (size_t e = 0; e < (size_t) g.t[i]->nr * g.t[i]->nc && !fails; e++)
				fails = SDC_IS_SUPPRESSED(g.t[i]->cstate[e]) && iv[i][e].sensitive && !iv[i][e].meets;
		if (fails)
		{
			audit_grid_build(fcinfo, &g2, true);
			grid_family(&g2, &f2);
			iv2 = audit_grid(&g2, &f2, &p);
		}
	}
	for (int i = 0; i < g.n; i++)
	{
		SdcTable   *t = g.t[i];

		for (size_t e = 0; e < sdc_nentries(t); e++)
		{
			SdcInterval *o = &iv[i][e];
			uint8_t		s;
			int			r = -1,
						c = -1;
			Datum		values[10];
			bool		nulls[10] = {0};
			size_t		ncell = (size_t) t->nr * t->nc;

			if (e < ncell)
			{
				s = t->cstate[e];
				r = (int) (e / t->nc);
				c = (int) (e % t->nc);
			}
			else if (e < ncell + t->nr)
				s = t->rstate[r = (int) (e - ncell)];
			else if (e < ncell + t->nr + t->nc)
				s = t->cstate_tot[c = (int) (e - ncell - t->nr)];
			else
				s = t->gstate;
			if (!SDC_IS_SUPPRESSED(s))
				continue;
			CHECK_FOR_INTERRUPTS();
			if (iv2 && e < ncell && o->sensitive && !o->meets)
			{
				/* the same cell on the unpaired grid */
				const SdcInterval *o2 = unpaired_cell(&g, &g2, iv2, i, r, c);

				if (o2 && o2->meets)
					o = (SdcInterval *) o2;
			}
			values[0] = Int32GetDatum(i + 1);
			if (r >= 0)
				values[1] = CStringGetTextDatum(xtab_row_label(g.labels, r, NULL));
			else
				nulls[1] = true;
			if (c >= 0)
				values[2] = CStringGetTextDatum(slot_label(&g, i, c, NULL));
			else
				nulls[2] = true;
			values[3] = CStringGetTextDatum(e >= ncell ? "total" :
											s == SDC_SECONDARY ? "secondary" :
											o->sensitive ? "primary" : "suppressed");
			values[4] = Int64GetDatum(o->inner_lo);
			values[5] = Int64GetDatum(o->inner_hi);
			nulls[5] = o->inner_hi == SDC_INF;
			values[6] = Int64GetDatum(o->lo);
			values[7] = Int64GetDatum(o->hi);
			nulls[7] = o->hi == SDC_INF;
			values[8] = BoolGetDatum(o->meets);
			nulls[8] = !(e < ncell && o->sensitive);
			values[9] = BoolGetDatum(o->inner_lo == o->lo && o->inner_hi == o->hi);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}
