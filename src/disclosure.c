/*
 * disclosure.c
 *		The cross-tab as the suppression core sees it (see disclosure.h).
 *
 * Memory policy: everything the core allocates, and the tables built here,
 * come from palloc_extended(..., MCXT_ALLOC_HUGE) in CurrentMemoryContext.
 * HUGE because the core's arrays are per entry and up to 32 bytes each
 * (SdcInterval; witnesses, 128-bit path costs): a cross-tab may have
 * XTAB_MAX_CELLS = 64M cells, whose arrays pass palloc's 1 GB request limit
 * long before the machine runs out of memory, and a plain palloc would then
 * fail with "invalid memory alloc request size" on a table the value itself
 * holds (xtab.c allocates its own cells HUGE for the same reason).  palloc
 * never returns NULL, so the core never sees an allocation fail (it raises
 * ERROR instead), and an ERROR or a query cancel longjmping out of the
 * interrupt hook leaks nothing beyond the memory context.
 */
#include "postgres.h"

#include "common/int.h"
#include "miscadmin.h"

#include "disclosure.h"

/* ---------------------------------------------------------------- hooks */

static void *
core_alloc(size_t n)
{
	return palloc_extended(n ? n : 1, MCXT_ALLOC_HUGE);
}

static void
core_free(void *p)
{
	pfree(p);
}

static void
core_interrupt(void)
{
	CHECK_FOR_INTERRUPTS();
}

void
disclosure_params(SdcParams *p, int64 threshold)
{
	sdc_params_default(p, threshold);
	p->alloc = core_alloc;
	p->free = core_free;
	p->interrupt = core_interrupt;
}

static void *
zalloc(Size n, Size size)
{
	return palloc_extended(Max(n, 1) * size, MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

SdcTable *
disclosure_new_table(int nr, int nc)
{
	SdcTable   *t = palloc0(sizeof(SdcTable));
	Size		n = (Size) nr * nc;

	t->nr = nr;
	t->nc = nc;
	t->cell = zalloc(n, sizeof(int64_t));
	t->cstate = zalloc(n, 1);
	t->rtot = zalloc(nr, sizeof(int64_t));
	t->rstate = zalloc(nr, 1);
	t->ctot = zalloc(nc, sizeof(int64_t));
	t->cstate_tot = zalloc(nc, 1);
	return t;
}

/* ---------------------------------------------------------------- tables of true counts */

static void
too_large(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("cross-tab totals are too large to protect"),
			 errdetail("Totals must stay below 2^61.")));
}

SdcTable *
disclosure_cells(const Xtab *xt)
{
	SdcTable   *t = disclosure_new_table(xtab_nrows(xt), xtab_ncols(xt));

	for (int r = 0; r < t->nr; r++)
		for (int c = 0; c < t->nc; c++)
			t->cell[(Size) r * t->nc + c] = xtab_get(xt, r, c);
	if (sdc_table_init(t) != SDC_OK)
		too_large();
	if (xtab_has_units(xt))
	{
		/* protect() publishes the units: no cell exceeds its column's */
		t->ccap = zalloc(t->nc, sizeof(int64_t));
		for (int c = 0; c < t->nc; c++)
			t->ccap[c] = xtab_col_units(xt, c);
	}
	return t;
}

/* The condition of sdc_table_init for nonnegative cells: the grand total. */
void
disclosure_check_sums(const Xtab *xt)
{
	int64		g = 0;

	for (int r = 0; r < xtab_nrows(xt); r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < xtab_ncols(xt); c++)
		{
			int64		v = xtab_get(xt, r, c);

			if (v < 0 || v > SDC_MAX_SUM - g)
				too_large();
			g += v;
		}
	}
}

/* ---------------------------------------------------------------- what a reader knows */

static void
out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("cross-tab total out of range for bigint")));
}

/* *sum += v, or ERROR */
static void
add_to(int64 *sum, int64 v)
{
	if (pg_add_s64_overflow(*sum, v, sum))
		out_of_range();
}

static bool
withheld_cell(const Xtab *xt, int r, int c)
{
	return (xtab_get_flags(xt, r, c) & XTAB_CELL_SUPPRESSED) != 0;
}

/*
 * The block of rows and columns with a withheld cell, reduced: what cells
 * outside it add to each kept margin is off (subtracted from the margin in
 * t, added back to the intervals found).
 */
typedef struct Block
{
	const DisclosureQuery *q;
	int			nr,
				nc;				/* of xt */
	int		   *rk,
			   *ck;				/* row/column of xt -> of the block, or -1 */
	int			knr,
				knc;
	int			nu;				/* withheld cells */
	bool		sums;			/* rsum, csum, gsum computed */
	int64	   *rsum,
			   *csum;			/* per row/column of xt: its cells' sum */
	int64		gsum;
	SdcTable   *t;
	int64	   *roff,
			   *coff;			/* per kept row/column: cells outside */
	int64		goff;
} Block;

/*
 * Which lines are kept; and every line's sum when a margin may be taken from
 * the cells (totals computed, true counts known, or every line checked).
 * Otherwise only withheld margins lack a published value, and their value in
 * the block is the core's to complete.
 */
static void
block_mark(Block *b)
{
	const Xtab *xt = b->q->xt;

	b->sums = !b->q->pub_totals || b->q->known || b->q->whole_table;
	b->rk = palloc_extended(Max(b->nr, 1) * sizeof(int), MCXT_ALLOC_HUGE);
	b->ck = palloc_extended(Max(b->nc, 1) * sizeof(int), MCXT_ALLOC_HUGE);
	if (b->sums)
	{
		b->rsum = zalloc(b->nr, sizeof(int64));
		b->csum = zalloc(b->nc, sizeof(int64));
	}
	memset(b->ck, -1, sizeof(int) * b->nc);
	for (int r = 0; r < b->nr; r++)
	{
		b->rk[r] = -1;
		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < b->nc; c++)
		{
			if (b->sums)
			{
				int64		v = xtab_get(xt, r, c);

				add_to(&b->rsum[r], v);
				add_to(&b->csum[c], v);
			}
			if (!withheld_cell(xt, r, c))
				continue;
			b->nu++;
			if (b->rk[r] < 0)
				b->rk[r] = b->knr++;
			if (b->ck[c] < 0)
				b->ck[c] = b->knc++;
		}
		if (b->sums)
			add_to(&b->gsum, b->rsum[r]);
	}
}

/* The sum of a row (c < 0), a column (r < 0) or of every cell (both < 0). */
static int64
line_sum(const Block *b, int r, int c)
{
	if (r >= 0)
		return b->sums ? b->rsum[r] : xtab_row_total(b->q->xt, r);
	if (c >= 0)
		return b->sums ? b->csum[c] : xtab_col_total(b->q->xt, c);
	return b->sums ? b->gsum : xtab_grand_total(b->q->xt);
}

/*
 * A margin as the reader has it: true when it is published, with its
 * *value; false when it is withheld (*value: its true value when known).
 */
static bool
margin(const Block *b, int r, int c, int64 *value)
{
	const Xtab *xt = b->q->xt;
	int64		pub;
	bool		set;

	*value = b->sums ? line_sum(b, r, c) : 0;
	if (!b->q->pub_totals)
		return true;
	set = r >= 0 ? xtab_get_pub_row_total(xt, r, &pub) :
		c >= 0 ? xtab_get_pub_col_total(xt, c, &pub) :
		xtab_get_pub_grand_total(xt, &pub);
	if (set)
		*value = pub;
	return set;
}

/* The block's cells; cells outside it go to the offsets of their margins. */
static void
block_cells(Block *b)
{
	const Xtab *xt = b->q->xt;
	SdcTable   *t = b->t;

	for (int r = 0; r < b->nr; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < b->nc; c++)
		{
			int64		v = xtab_get(xt, r, c);
			uint8		f = xtab_get_flags(xt, r, c);

			if (b->rk[r] >= 0 && b->ck[c] >= 0)
			{
				Size		i = sdc_cell_index(t, b->rk[r], b->ck[c]);

				t->cell[i] = v;
				if (f & XTAB_CELL_SUPPRESSED)
					t->cstate[i] = (f & XTAB_CELL_SECONDARY) ? SDC_SECONDARY : SDC_SUPPRESSED;
				continue;
			}
			/* a known cell outside the kept block leaves its totals */
			if (b->rk[r] >= 0)
				add_to(&b->roff[b->rk[r]], v);
			if (b->ck[c] >= 0)
				add_to(&b->coff[b->ck[c]], v);
			add_to(&b->goff, v);
		}
	}
}

/* A margin of the block: the reader's value less what cells outside add. */
static uint8
block_margin(const Block *b, int r, int c, int64 off, int64 *out)
{
	int64		v;
	bool		pub = margin(b, r, c, &v);

	if (pg_sub_s64_overflow(v, off, out))
		out_of_range();
	return pub ? SDC_PUBLISHED : SDC_SUPPRESSED;
}

/*
 * A multi-label value: the units (distinct crimes) of a column, where a
 * reader has them, cap its cells (suppress.h, "Multi-label tables").
 */
static void
block_caps(Block *b)
{
	const Xtab *xt = b->q->xt;
	SdcTable   *t = b->t;

	if (!xtab_has_units(xt))
		return;
	t->ccap = zalloc(t->nc, sizeof(int64_t));
	for (int c = 0; c < b->nc; c++)
	{
		int64		u;

		if (b->ck[c] < 0)
			continue;
		if (!xtab_shown_col_units(xt, c, b->q->pub_totals, &u))
			u = SDC_INF;
		t->ccap[b->ck[c]] = u;
	}
}

/* The block as the core's table: cells, then margins less their offsets. */
static void
block_build(Block *b)
{
	SdcTable   *t = disclosure_new_table(b->knr, b->knc);

	b->t = t;
	b->roff = zalloc(b->knr, sizeof(int64));
	b->coff = zalloc(b->knc, sizeof(int64));
	block_cells(b);
	for (int r = 0; r < b->nr; r++)
		if (b->rk[r] >= 0)
			t->rstate[b->rk[r]] = block_margin(b, r, -1, b->roff[b->rk[r]],
											   &t->rtot[b->rk[r]]);
	for (int c = 0; c < b->nc; c++)
		if (b->ck[c] >= 0)
			t->cstate_tot[b->ck[c]] = block_margin(b, -1, c, b->coff[b->ck[c]],
												   &t->ctot[b->ck[c]]);
	t->gstate = block_margin(b, -1, -1, b->goff, &t->grand);
	block_caps(b);
}

/* A published total that the known cells of its line already exceed. */
static bool
block_overdrawn(const Block *b)
{
	const SdcTable *t = b->t;

	for (int r = 0; r < t->nr; r++)
		if (t->rstate[r] == SDC_PUBLISHED && t->rtot[r] < 0)
			return true;
	for (int c = 0; c < t->nc; c++)
		if (t->cstate_tot[c] == SDC_PUBLISHED && t->ctot[c] < 0)
			return true;
	return t->gstate == SDC_PUBLISHED && t->grand < 0;
}

/*
 * whole_table: a published total of a dropped line must be its cells' sum
 * (every cell of the line is known), and with nothing withheld the grand
 * total must be too.
 */
static bool
dropped_lines_agree(const Block *b)
{
	int64		v;

	for (int r = 0; r < b->nr; r++)
		if (b->rk[r] < 0 && margin(b, r, -1, &v) && v != line_sum(b, r, -1))
			return false;
	for (int c = 0; c < b->nc; c++)
		if (b->ck[c] < 0 && margin(b, -1, c, &v) && v != line_sum(b, -1, c))
			return false;
	return b->nu > 0 || !margin(b, -1, -1, &v) || v == line_sum(b, -1, -1);
}

/* An interval of the block moved back by a margin's offset. */
static SdcInterval
shifted(SdcInterval iv, int64 off)
{
	iv.lo += off;
	iv.value += off;
	if (iv.hi != SDC_INF)
		iv.hi += off;
	return iv;
}

/* A withheld total of a dropped line: exactly its cells' sum. */
static SdcInterval
exact(int64 v)
{
	SdcInterval iv = {.lo = v, .hi = v, .value = v, .sensitive = false, .meets = true};

	return iv;
}

static void
push(DisclosureWithheld *w, int *n, int r, int c, uint8 state, SdcInterval iv)
{
	w[*n].row = r;
	w[*n].col = c;
	w[*n].state = state;
	w[*n].iv = iv;
	(*n)++;
}

/* The withheld entries in entry order, from the block's intervals. */
static DisclosureWithheld *
collect(const Block *b, const SdcInterval *iv, int *n)
{
	const Xtab *xt = b->q->xt;
	DisclosureWithheld *w = zalloc((Size) b->nu + b->nr + b->nc + 1,
								   sizeof(DisclosureWithheld));
	const SdcTable *t = b->t;
	int64		v;

	*n = 0;
	for (int r = 0; r < b->nr; r++)
		for (int c = 0; c < b->nc; c++)
			if (withheld_cell(xt, r, c))
			{
				Size		i = sdc_cell_index(t, b->rk[r], b->ck[c]);

				push(w, n, r, c, t->cstate[i], iv[i]);
			}
	for (int r = 0; r < b->nr; r++)
		if (!margin(b, r, -1, &v))
			push(w, n, r, -1, SDC_SUPPRESSED, b->rk[r] < 0 ? exact(line_sum(b, r, -1)) :
				 shifted(iv[sdc_rtot_index(t, b->rk[r])], b->roff[b->rk[r]]));
	for (int c = 0; c < b->nc; c++)
		if (!margin(b, -1, c, &v))
			push(w, n, -1, c, SDC_SUPPRESSED, b->ck[c] < 0 ? exact(line_sum(b, -1, c)) :
				 shifted(iv[sdc_ctot_index(t, b->ck[c])], b->coff[b->ck[c]]));
	if (!margin(b, -1, -1, &v))
		push(w, n, -1, -1, SDC_SUPPRESSED, b->nu == 0 ? exact(line_sum(b, -1, -1)) :
			 shifted(iv[sdc_grand_index(t)], b->goff));
	return w;
}

DisclosureStatus
disclosure_withheld(const DisclosureQuery *q, DisclosureWithheld **out, int *n)
{
	Block		b;
	SdcInterval *iv = NULL;

	memset(&b, 0, sizeof(b));
	b.q = q;
	b.nr = xtab_nrows(q->xt);
	b.nc = xtab_ncols(q->xt);
	block_mark(&b);
	if ((q->max_work > 0 && (double) b.nu * (b.knr + b.knc + 2) > q->max_work) ||
		(q->max_cells > 0 && (double) b.knr * b.knc > q->max_cells))
		return DISCLOSURE_TOO_LARGE;
	block_build(&b);
	if ((q->whole_table && !dropped_lines_agree(&b)) || block_overdrawn(&b))
		return DISCLOSURE_INFEASIBLE;
	if (b.nu > 0)
	{
		SdcStatus	st;

		iv = zalloc(sdc_nentries(b.t), sizeof(SdcInterval));
		st = sdc_audit(b.t, q->params, q->known, iv);
		if (st == SDC_ERR_INFEASIBLE)
			return DISCLOSURE_INFEASIBLE;
		if (st != SDC_OK)
			elog(ERROR, "disclosure audit failed: %s", sdc_status_message(st));
	}
	*out = collect(&b, iv, n);
	return DISCLOSURE_OK;
}
