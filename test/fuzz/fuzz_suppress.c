/*
 * fuzz_suppress.c
 *		libFuzzer harness of disclosure control (src/suppress.c,
 *		suppress_linked.c, flow.c) on tables decoded from the fuzz bytes.
 *
 * Input, read front to back (fuzz.h's reader: a short input reads as zeros):
 *	byte	mode (bits 0-1: 0 protect, 1 audit a table withheld as the bytes
 *			say, 2 controlled rounding, 3 a linked family), bit 2 zeros
 *			sensitive, bit 3 totals allowed, bit 4 no cleanup, bit 5 count
 *			cost, bit 6 column caps (multi-label), bit 7 allocation failure
 *	byte	rows 1..8, byte columns 1..8, byte threshold 1..10, byte protection
 *			0..11 (0: the threshold), byte allocation calls before failure
 *	cells	fuzz_count each (mostly 0..11, now and then large or near 2^62)
 *	states	(mode 1) a byte per cell, row, column and the grand total
 *	tables	(mode 3) 1 or 2 more tables, each a subset of the previous one
 *
 * Properties:
 *	protect		OK or UNPROTECTABLE or OVERFLOW (or NOMEM when failing); after
 *				OK the exact audit of the true table says every sensitive cell
 *				meets the rule and every published entry is known exactly
 *	audit		the interval of every entry contains its true value; the exact
 *				audit from the true values (known) and from a completion it
 *				makes itself (not known) give the same intervals: they are
 *				exact, so cannot depend on the point
 *	rounding	every entry rounds to a multiple of the base next to it, the
 *				rounded cells add up to the rounded margins
 *	family		after protect the inner check passes; every entry's true value
 *				lies in its inner interval and inner lies in outer
 *	cell key	|noise| <= SDC_CELLKEY_D, 0 stays 0, 1 and 2 never shown, 3 and
 *				more stay 3 or more
 */
#include "suppress.h"
#include "fuzz.h"

static long fail_after = 0;		/* 0: never */
static long alloc_calls = 0;

static void *
f_alloc(size_t n)
{
	if (fail_after && ++alloc_calls > fail_after)
		return NULL;
	return malloc(n ? n : 1);
}

static void
f_free(void *p)
{
	free(p);
}

static bool
nomem_ok(SdcStatus st)
{
	return st == SDC_ERR_NOMEM && fail_after != 0;
}

/* A table of nr x nc cells read from r, margins computed (states published). */
static SdcTable *
read_table(fuzz_reader *r, int nr, int nc, const SdcTable *superset, bool caps)
{
	SdcTable   *t = sdc_table_alloc(nr, nc);

	FUZZ_ASSERT(t != NULL, "sdc_table_alloc");
	for (int i = 0; i < nr * nc; i++)
	{
		int64_t		v = fuzz_count(r, SDC_MAX_SUM);

		t->cell[i] = superset ? (superset->cell[i] ? v % (superset->cell[i] + 1) : 0) : v;
	}
	if (caps)
	{
		t->ccap = calloc((size_t) nc, sizeof(int64_t));
		for (int c = 0; c < nc; c++)
		{
			int64_t		m = 0;

			for (int i = 0; i < nr; i++)
				if (t->cell[(size_t) i * nc + c] > m)
					m = t->cell[(size_t) i * nc + c];
			t->ccap[c] = m + fuzz_below(r, 3);
		}
	}
	return t;
}

static void
copy_states(SdcTable *dst, const SdcTable *src)
{
	memcpy(dst->cstate, src->cstate, (size_t) src->nr * src->nc);
	memcpy(dst->rstate, src->rstate, (size_t) src->nr);
	memcpy(dst->cstate_tot, src->cstate_tot, (size_t) src->nc);
	dst->gstate = src->gstate;
}

static SdcTable *
clone(const SdcTable *t)
{
	SdcTable   *c = sdc_table_alloc(t->nr, t->nc);

	FUZZ_ASSERT(c != NULL, "sdc_table_alloc");
	memcpy(c->cell, t->cell, (size_t) t->nr * t->nc * sizeof(int64_t));
	memcpy(c->rtot, t->rtot, (size_t) t->nr * sizeof(int64_t));
	memcpy(c->ctot, t->ctot, (size_t) t->nc * sizeof(int64_t));
	c->grand = t->grand;
	copy_states(c, t);
	if (t->ccap)
	{
		c->ccap = malloc((size_t) t->nc * sizeof(int64_t));
		memcpy(c->ccap, t->ccap, (size_t) t->nc * sizeof(int64_t));
	}
	c->fixed = t->fixed;
	return c;
}

/* The exact audit of t (true values), checked; returns false when it could
 * not run (out of memory). */
static bool
audit_true(SdcTable *t, const SdcParams *p, bool after_protect)
{
	size_t		ne = sdc_nentries(t);
	SdcInterval *known = fuzz_alloc(ne * sizeof(SdcInterval));
	SdcInterval *completed = fuzz_alloc(ne * sizeof(SdcInterval));
	SdcTable   *c;
	SdcStatus	st;

	st = sdc_audit(t, p, true, known);
	if (nomem_ok(st))
		return false;
	FUZZ_ASSERT(st == SDC_OK, "audit of a true table: %s", sdc_status_message(st));
	for (size_t e = 0; e < ne; e++)
	{
		int64_t		v = sdc_entry_value(t, e);

		FUZZ_ASSERT(known[e].lo <= v && v <= known[e].hi,
					"entry %zu: true value %lld outside [%lld, %lld]", e, (long long) v,
					(long long) known[e].lo, (long long) known[e].hi);
		if (!SDC_IS_SUPPRESSED(*sdc_entry_state(t, e)))
			FUZZ_ASSERT(known[e].lo == v && known[e].hi == v, "published entry %zu not exact", e);
		if (after_protect && e < (size_t) t->nr * t->nc && known[e].sensitive)
			FUZZ_ASSERT(known[e].meets, "protected table: cell %zu (%lld) in [%lld, %lld] fails",
						e, (long long) v, (long long) known[e].lo, (long long) known[e].hi);
	}

	/* the same audit from a completion of its own */
	c = clone(t);
	st = sdc_audit(c, p, false, completed);
	if (!nomem_ok(st))
	{
		FUZZ_ASSERT(st == SDC_OK, "audit from a completion: %s", sdc_status_message(st));
		for (size_t e = 0; e < ne; e++)
			FUZZ_ASSERT(completed[e].lo == known[e].lo && completed[e].hi == known[e].hi,
						"entry %zu: [%lld, %lld] from the true table, [%lld, %lld] from a completion",
						e, (long long) known[e].lo, (long long) known[e].hi,
						(long long) completed[e].lo, (long long) completed[e].hi);
	}
	sdc_table_free(c);
	return true;
}

static void
check_rounding(SdcTable *t, const SdcParams *p, int64_t base)
{
	SdcTable   *o = clone(t);
	bool	   *changed = fuzz_alloc((size_t) t->nr * t->nc * sizeof(bool));
	SdcStatus	st = sdc_round_controlled(t, p, base, changed);

	if (!nomem_ok(st))
	{
		FUZZ_ASSERT(st == SDC_OK || st == SDC_ERR_OVERFLOW, "rounding: %s",
					sdc_status_message(st));
		if (st == SDC_OK)
		{
			int64_t		g = 0;

			for (size_t e = 0; e < sdc_nentries(t); e++)
			{
				int64_t		v = sdc_entry_value(o, e),
							w = sdc_entry_value(t, e),
							fl = v - v % base;

				FUZZ_ASSERT(w % base == 0 && (w == fl || w == fl + base) && (v % base || w == v),
							"entry %zu: %lld rounded to %lld (base %lld)", e, (long long) v,
							(long long) w, (long long) base);
				if (e < (size_t) t->nr * t->nc)
					FUZZ_ASSERT(changed[e] == (w != v), "changed flag of cell %zu", e);
			}
			for (int r = 0; r < t->nr; r++)
			{
				int64_t		s = 0;

				for (int c = 0; c < t->nc; c++)
					s += t->cell[(size_t) r * t->nc + c];
				FUZZ_ASSERT(s == t->rtot[r], "rounded row %d adds to %lld, total %lld", r,
							(long long) s, (long long) t->rtot[r]);
				g += s;
			}
			for (int c = 0; c < t->nc; c++)
			{
				int64_t		s = 0;

				for (int r = 0; r < t->nr; r++)
					s += t->cell[(size_t) r * t->nc + c];
				FUZZ_ASSERT(s == t->ctot[c], "rounded column %d adds to %lld, total %lld", c,
							(long long) s, (long long) t->ctot[c]);
			}
			FUZZ_ASSERT(g == t->grand, "rounded grand total");
		}
	}
	sdc_table_free(o);
}

static void
check_family(SdcTable **tabs, int ntab, const int *parent, const SdcParams *p)
{
	SdcFamily	f = {ntab, tabs, parent, NULL, NULL, NULL, NULL, NULL};
	SdcStats	stats[SDC_FAMILY_MAX];
	SdcInterval *out[SDC_FAMILY_MAX];
	SdcStatus	st;
	int			bt,
				br,
				bc,
				bk;

	memset(stats, 0, sizeof(stats));
	st = sdc_family_protect(&f, p, stats);
	if (nomem_ok(st))
		return;
	FUZZ_ASSERT(st == SDC_OK || st == SDC_ERR_UNPROTECTABLE, "family protect: %s",
				sdc_status_message(st));
	if (st == SDC_OK)
	{
		st = sdc_family_check(&f, p, &bt, &br, &bc, &bk);
		if (nomem_ok(st))
			return;
		FUZZ_ASSERT(st == SDC_OK, "family protected, check says %s (table %d cell %d,%d kind %d)",
					sdc_status_message(st), bt, br, bc, bk);
	}
	for (int i = 0; i < ntab; i++)
		out[i] = fuzz_alloc(sdc_nentries(tabs[i]) * sizeof(SdcInterval));
	st = sdc_family_audit(&f, p, out);
	if (nomem_ok(st))
		return;
	FUZZ_ASSERT(st == SDC_OK, "family audit: %s", sdc_status_message(st));
	for (int i = 0; i < ntab; i++)
		for (size_t e = 0; e < sdc_nentries(tabs[i]); e++)
		{
			const SdcInterval *x = &out[i][e];
			int64_t		v = sdc_entry_value(tabs[i], e);

			FUZZ_ASSERT(x->lo <= x->inner_lo && x->inner_lo <= v && v <= x->inner_hi &&
						x->inner_hi <= x->hi,
						"table %d entry %zu: %lld, inner [%lld, %lld], outer [%lld, %lld]", i, e,
						(long long) v, (long long) x->inner_lo, (long long) x->inner_hi,
						(long long) x->lo, (long long) x->hi);
		}
}

static void
check_cellkey(fuzz_reader *r)
{
	int64_t		v = fuzz_count(r, INT64_MAX);
	uint64_t	key = fuzz_u64(r);
	int64_t		w = sdc_cellkey_value(v, key);

	FUZZ_ASSERT(w >= 0 && (w - v <= SDC_CELLKEY_D && v - w <= SDC_CELLKEY_D) &&
				(v != 0 || w == 0) && w != 1 && w != 2 && (v < 3 || w >= 3),
				"cell key: %lld shown as %lld", (long long) v, (long long) w);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_reader r = {data, size};
	uint8_t		mode = fuzz_u8(&r);
	int			nr = 1 + fuzz_below(&r, 8),
				nc = 1 + fuzz_below(&r, 8);
	int64_t		t_ = 1 + fuzz_below(&r, 10),
				p_ = fuzz_below(&r, 12);
	long		fail = fuzz_u8(&r);
	SdcParams	p;
	SdcTable   *t;
	SdcStatus	st;

	sdc_params_default(&p, t_);
	p.protection = p_ ? p_ : t_;
	p.zeros_sensitive = mode & 4;
	p.allow_totals = mode & 8;
	p.cleanup = !(mode & 16);
	p.count_cost = mode & 32;
	p.alloc = f_alloc;
	p.free = f_free;
	fail_after = (mode & 128) ? 1 + fail : 0;
	alloc_calls = 0;

	t = read_table(&r, nr, nc, NULL, mode & 64);
	st = sdc_table_init(t);
	if (st != SDC_OK)
	{
		FUZZ_ASSERT(st == SDC_ERR_OVERFLOW, "init: %s", sdc_status_message(st));
		sdc_table_free(t);
		fuzz_arena_reset();
		return 0;
	}
	switch (mode & 3)
	{
		case 0:
			{
				SdcStats	stats;

				memset(&stats, 0, sizeof(stats));
				st = sdc_protect(t, &p, &stats);
				if (nomem_ok(st))
					break;
				FUZZ_ASSERT(st == SDC_OK || st == SDC_ERR_UNPROTECTABLE || st == SDC_ERR_OVERFLOW,
							"protect: %s", sdc_status_message(st));
				if (st == SDC_OK)
					audit_true(t, &p, true);
				break;
			}
		case 1:
			for (size_t e = 0; e < sdc_nentries(t); e++)
				*sdc_entry_state(t, e) = (fuzz_u8(&r) & 3) == 1 ? SDC_SUPPRESSED : SDC_PUBLISHED;
			audit_true(t, &p, false);
			break;
		case 2:
			check_rounding(t, &p, 1 + fuzz_below(&r, 10));
			break;
		case 3:
			{
				SdcTable   *tabs[3] = {t, NULL, NULL};
				int			parent[3] = {-1, 0, 1};
				int			ntab = 2 + fuzz_below(&r, 2);
				bool		ok = true;

				for (int i = 1; i < ntab; i++)
				{
					tabs[i] = read_table(&r, nr, nc, tabs[i - 1], false);
					ok &= sdc_table_init(tabs[i]) == SDC_OK;
				}
				if (ok)
					check_family(tabs, ntab, parent, &p);
				for (int i = 1; i < ntab; i++)
					sdc_table_free(tabs[i]);
				break;
			}
	}
	check_cellkey(&r);
	sdc_table_free(t);
	fuzz_arena_reset();
	return 0;
}
