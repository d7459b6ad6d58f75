/*
 * suppress_test.c
 *		Unit and property tests of src/suppress.c, outside the server.
 *
 *	suppress_test [ntables]
 *
 * 1. hand-made tables: the audit's intervals, and the two patterns that
 *	  "two suppressed cells per row and column" accepts but the audit rejects;
 * 2. the audit against brute force: tiny tables with random suppression
 *	  patterns (margins included), every consistent completion enumerated;
 * 3. the audit of a table whose suppressed values are unknown equals the
 *	  audit with the true values;
 * 4. the property test: random tables (2x2 .. 200x20, many small counts),
 *	  protected, then audited: every primary cell must meet the rule, no
 *	  total suppressed unless allowed, same input -> same output; when
 *	  protect says a cell is unprotectable with totals published, check that
 *	  even suppressing every cell leaves it unprotected;
 * 5. controlled rounding: adjacent multiples, additive, multiples unchanged;
 * 6. the collapsing plan;
 * 7. linked tables (suppress_linked.c) when memory runs out;
 * 8. counts near SDC_MAX_SUM under multi-label caps (no overflow);
 * 9. the same for linked tables;
 * 10. the cell key near INT64_MAX;
 * 11. protect's passes reaching the optimum (brute force) on two tables;
 * 12. two breakdowns of the same crimes (pair): the family audit against
 *	  brute force over both tables with equal column totals, on random
 *	  withholding patterns and on protect's own.
 *
 * Deterministic (splitmix64 with fixed seeds).  Exit status 0 = all passed.
 */
#include "suppress.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ---- */
static SdcTable *
table_from(int nr, int nc, const int64_t *v)
{
	SdcTable   *t = sdc_table_alloc(nr, nc);

	memcpy(t->cell, v, sizeof(int64_t) * nr * nc);
	if (sdc_table_init(t) != SDC_OK)
		abort();
	return t;
}

static SdcTable *
table_clone(const SdcTable *s)
{
	SdcTable   *t = sdc_table_alloc(s->nr, s->nc);
	size_t		n = (size_t) s->nr * s->nc;

	memcpy(t->cell, s->cell, n * sizeof(int64_t));
	memcpy(t->cstate, s->cstate, n);
	memcpy(t->rtot, s->rtot, s->nr * sizeof(int64_t));
	memcpy(t->rstate, s->rstate, s->nr);
	memcpy(t->ctot, s->ctot, s->nc * sizeof(int64_t));
	memcpy(t->cstate_tot, s->cstate_tot, s->nc);
	t->grand = s->grand;
	t->gstate = s->gstate;
	if (s->ccap)
	{
		t->ccap = malloc(s->nc * sizeof(int64_t));
		memcpy(t->ccap, s->ccap, s->nc * sizeof(int64_t));
	}
	return t;
}

static bool
same_pattern(const SdcTable *a, const SdcTable *b)
{
	size_t		n = (size_t) a->nr * a->nc;

	return memcmp(a->cstate, b->cstate, n) == 0 &&
		memcmp(a->rstate, b->rstate, a->nr) == 0 &&
		memcmp(a->cstate_tot, b->cstate_tot, a->nc) == 0 &&
		a->gstate == b->gstate;
}

/*
 * FNV-1a digest of every pattern test_property produced, printed at the end:
 * test/checks/suppress_unit.sh compares the digests of the 128-bit integer
 * build and of the two-halves fallback (-DSDC_NO_INT128), which must choose
 * exactly the same cells.
 */
static uint64_t pattern_digest = UINT64_C(14695981039346656037);

static void
digest_bytes(const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pattern_digest = (pattern_digest ^ b[i]) * UINT64_C(1099511628211);
}

static void
digest_pattern(const SdcTable *t, SdcStatus st)
{
	uint8_t		s = (uint8_t) st;

	digest_bytes(&s, 1);
	digest_bytes(t->cstate, (size_t) t->nr * t->nc);
	digest_bytes(t->rstate, t->nr);
	digest_bytes(t->cstate_tot, t->nc);
	digest_bytes(&t->gstate, 1);
}

/* The largest cell of column c (0 for none): a cap a multi-label table's
 * units may not go below. */
static int64_t
col_max(const SdcTable *t, int c)
{
	int64_t		m = 0;

	for (int r = 0; r < t->nr; r++)
		if (t->cell[r * t->nc + c] > m)
			m = t->cell[r * t->nc + c];
	return m;
}

static SdcInterval *
audit(SdcTable *t, const SdcParams *p, bool known)
{
	SdcInterval *out = calloc(sdc_nentries(t), sizeof(SdcInterval));
	SdcStatus	st = sdc_audit(t, p, known, out);

	CHECK(st == SDC_OK, "audit status %s", sdc_status_message(st));
	return out;
}

/* Does every primary cell of t meet the rule?  Reports the first failure. */
static bool
all_primary_protected(SdcTable *t, const SdcParams *p, const char *what)
{
	SdcInterval *o = audit(t, p, true);
	bool		ok = true;

	for (int r = 0; r < t->nr && ok; r++)
		for (int c = 0; c < t->nc && ok; c++)
		{
			size_t		i = sdc_cell_index(t, r, c);

			if (t->cstate[i] == SDC_PRIMARY && !o[i].meets)
			{
				fprintf(stderr, "%s: %dx%d table: primary (%d,%d)=%lld has [%lld,%lld]\n",
						what, t->nr, t->nc, r, c, (long long) t->cell[i],
						(long long) o[i].lo, (long long) o[i].hi);
				ok = false;
			}
		}
	free(o);
	return ok;
}

/* ---- 1. hand-made tables ---- */
static void
test_hand(void)
{
	SdcParams	p;

	sdc_params_default(&p, 5);

	/*
	 * A 2x2 block of suppressed cells, every row and column with two
	 * suppressed cells, yet the 1 is pinned to [0, 3]: it can grow only by
	 * what its neighbours 2 and 2 can give up.  Upper protection fails.
	 */
	{
		int64_t		v[] = {1, 2, 9,
							2, 50, 9,
							9, 9, 9};
		SdcTable   *t = table_from(3, 3, v);
		SdcInterval *o;

		t->cstate[0] = SDC_PRIMARY;
		t->cstate[1] = SDC_SECONDARY;
		t->cstate[3] = SDC_SECONDARY;
		t->cstate[4] = SDC_SECONDARY;
		o = audit(t, &p, true);
		CHECK(o[0].lo == 0 && o[0].hi == 3, "narrow block: [%lld,%lld]",
			  (long long) o[0].lo, (long long) o[0].hi);
		CHECK(!o[0].meets, "narrow block must fail");
		/* the 50 goes up by what the 2s give up, down by what the 1 gives up */
		CHECK(o[4].lo == 49 && o[4].hi == 52, "50: [%lld,%lld]",
			  (long long) o[4].lo, (long long) o[4].hi);
		free(o);
		/* protect repairs it, and the audit then passes */
		sdc_table_init(t);
		CHECK(sdc_protect(t, &p, &(SdcStats) {0}) == SDC_OK, "protect");
		CHECK(all_primary_protected(t, &p, "narrow block"), "protected");
		sdc_table_free(t);
	}

	/*
	 * Two suppressed 2x2 blocks joined by one suppressed cell (3,0)-(0,2)
	 * style bridge: every suppressed row and column has at least two
	 * suppressed cells, but the bridge cell lies on no cycle, so its value
	 * is exactly determined: interval [v, v].
	 */
	{
		int64_t		v[] = {7, 8, 2, 10,
							9, 6, 10, 10,
							10, 10, 6, 9,
							10, 10, 8, 7};
		SdcTable   *t = table_from(4, 4, v);
		SdcInterval *o;
		int			sup[][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3}, {0, 2}};

		for (int k = 0; k < 9; k++)
			t->cstate[sdc_cell_index(t, sup[k][0], sup[k][1])] = SDC_SECONDARY;
		t->cstate[sdc_cell_index(t, 0, 2)] = SDC_PRIMARY;
		/* naive rule: >= 2 suppressed per row and column that has any */
		for (int r = 0; r < 4; r++)
		{
			int			k = 0;

			for (int c = 0; c < 4; c++)
				k += SDC_IS_SUPPRESSED(t->cstate[sdc_cell_index(t, r, c)]);
			CHECK(k >= 2, "row %d has %d suppressed", r, k);
		}
		for (int c = 0; c < 4; c++)
		{
			int			k = 0;

			for (int r = 0; r < 4; r++)
				k += SDC_IS_SUPPRESSED(t->cstate[sdc_cell_index(t, r, c)]);
			CHECK(k >= 2, "column %d has %d suppressed", c, k);
		}
		o = audit(t, &p, true);
		CHECK(o[2].lo == 2 && o[2].hi == 2, "bridge: [%lld,%lld]",
			  (long long) o[2].lo, (long long) o[2].hi);
		CHECK(!o[2].meets, "bridge must fail");
		free(o);
		sdc_table_init(t);
		CHECK(sdc_protect(t, &p, &(SdcStats) {0}) == SDC_OK, "protect");
		CHECK(all_primary_protected(t, &p, "bridge"), "protected");
		sdc_table_free(t);
	}

	/* A lone 1 in a 2x2 of large counts: the other three cells are the
	 * complement; interval [0, 6] exactly (limited by the 5s). */
	{
		int64_t		v[] = {1, 5, 5, 40};
		SdcTable   *t = table_from(2, 2, v);
		SdcStats	s;
		SdcInterval *o;

		CHECK(sdc_protect(t, &p, &s) == SDC_OK, "protect 2x2");
		CHECK(s.primary == 1 && s.secondary == 3, "2x2: %d primary %d secondary",
			  s.primary, s.secondary);
		o = audit(t, &p, true);
		CHECK(o[0].lo == 0 && o[0].hi == 6 && o[0].meets, "2x2: [%lld,%lld]",
			  (long long) o[0].lo, (long long) o[0].hi);
		free(o);
		sdc_table_free(t);
	}

	/* Unprotectable with totals published: row total is 2. */
	{
		int64_t		v[] = {1, 1, 30, 30};
		SdcTable   *t = table_from(2, 2, v);
		SdcStats	s;

		CHECK(sdc_protect(t, &p, &s) == SDC_ERR_UNPROTECTABLE, "1,1 row");
		CHECK(s.bad_row == 0 && s.bad_col == 0, "bad cell (%d,%d)", s.bad_row, s.bad_col);
		sdc_table_init(t);
		p.allow_totals = true;
		CHECK(sdc_protect(t, &p, &s) == SDC_OK, "with totals");
		CHECK(s.totals > 0, "totals suppressed: %d", s.totals);
		CHECK(all_primary_protected(t, &p, "1,1 row with totals"), "protected");
		p.allow_totals = false;
		sdc_table_free(t);
	}

	/* Zeros: not sensitive by default, sensitive when asked. */
	{
		int64_t		v[] = {0, 9, 9, 9};
		SdcTable   *t = table_from(2, 2, v);

		CHECK(sdc_primary(t, &p) == 0, "zero not sensitive");
		p.zeros_sensitive = true;
		CHECK(sdc_primary(t, &p) == 1, "zero sensitive when asked");
		p.zeros_sensitive = false;
		sdc_table_free(t);
	}

	/* The rule itself. */
	CHECK(sdc_meets_rule(&p, 1, 0, 6), "1 in [0,6]");
	CHECK(!sdc_meets_rule(&p, 1, 0, 5), "1 in [0,5]: upper");
	CHECK(!sdc_meets_rule(&p, 1, 1, 9), "1 in [1,9]: lower");
	CHECK(sdc_meets_rule(&p, 4, 0, 9), "4 in [0,9]");
	CHECK(!sdc_meets_rule(&p, 4, 1, 9), "4 in [1,9]");
	CHECK(sdc_meets_rule(&p, 2, 0, SDC_INF), "unbounded");
	{
		SdcParams	q = p;

		q.protection = 2;
		CHECK(sdc_meets_rule(&q, 4, 2, 6), "p=2: 4 in [2,6]");
		CHECK(!sdc_meets_rule(&q, 4, 3, 6), "p=2: 4 in [3,6]");
	}
}

/* ---- 2. audit vs brute force ---- */

/* Enumerate all values 0..B of the suppressed cells; keep completions that
 * match every published cell and margin; record min/max of every entry. */
static void
brute(const SdcTable *t, int64_t B, int64_t *lo, int64_t *hi)
{
	int			nr = t->nr,
				nc = t->nc;
	size_t		ne = sdc_nentries(t);
	int			sup[16],
				ns = 0;
	int64_t		x[16];
	int64_t    *cell = malloc(sizeof(int64_t) * nr * nc);

	for (size_t e = 0; e < ne; e++)
	{
		lo[e] = INT64_MAX;
		hi[e] = -1;
	}
	for (int i = 0; i < nr * nc; i++)
		if (SDC_IS_SUPPRESSED(t->cstate[i]))
			sup[ns++] = i;
	memset(x, 0, sizeof(x));
	for (;;)
	{
		bool		ok = true;
		int64_t		g = 0;
		int64_t		rt[8],
					ct[8];

		memcpy(cell, t->cell, sizeof(int64_t) * nr * nc);
		for (int k = 0; k < ns; k++)
			cell[sup[k]] = x[k];
		memset(ct, 0, sizeof(ct));
		for (int r = 0; r < nr; r++)
		{
			rt[r] = 0;
			for (int c = 0; c < nc; c++)
			{
				rt[r] += cell[r * nc + c];
				ct[c] += cell[r * nc + c];
				if (t->ccap && cell[r * nc + c] > t->ccap[c])
					ok = false;
			}
			g += rt[r];
			if (t->rstate[r] == SDC_PUBLISHED && rt[r] != t->rtot[r])
				ok = false;
		}
		for (int c = 0; c < nc; c++)
			if (t->cstate_tot[c] == SDC_PUBLISHED && ct[c] != t->ctot[c])
				ok = false;
		if (t->gstate == SDC_PUBLISHED && g != t->grand)
			ok = false;
		if (ok)
		{
			for (size_t e = 0; e < ne; e++)
			{
				int64_t		v;

				if (e < (size_t) nr * nc)
					v = cell[e];
				else if (e < (size_t) nr * nc + nr)
					v = rt[e - nr * nc];
				else if (e < (size_t) nr * nc + nr + nc)
					v = ct[e - nr * nc - nr];
				else
					v = g;
				if (v < lo[e])
					lo[e] = v;
				if (v > hi[e])
					hi[e] = v;
			}
		}
		/* next */
		{
			int			k = 0;

			while (k < ns && x[k] == B)
				x[k++] = 0;
			if (k == ns)
				break;
			x[k]++;
		}
	}
	free(cell);
}

static void
test_brute(int ntables)
{
	SdcParams	p;
	int			done = 0;

	sdc_params_default(&p, 3);
	unit_seed(12345);
	while (done < ntables)
	{
		int			nr = 1 + (int) rnd(3),
					nc = 1 + (int) rnd(3);
		SdcTable   *t = sdc_table_alloc(nr, nc);
		SdcInterval *o;
		int64_t    *lo,
				   *hi,
					B;
		int			ns = 0;
		size_t		ne = sdc_nentries(t);

		for (int i = 0; i < nr * nc; i++)
			t->cell[i] = rnd(4);
		sdc_table_init(t);
		for (int i = 0; i < nr * nc; i++)
			if (rnd(100) < 45)
			{
				t->cstate[i] = SDC_SUPPRESSED;
				ns++;
			}
		if (ns > 5 || ns == 0)
		{
			sdc_table_free(t);
			continue;
		}
		for (int r = 0; r < nr; r++)
			if (rnd(100) < 20)
				t->rstate[r] = SDC_SUPPRESSED;
		for (int c = 0; c < nc; c++)
			if (rnd(100) < 20)
				t->cstate_tot[c] = SDC_SUPPRESSED;
		if (rnd(100) < 20)
			t->gstate = SDC_SUPPRESSED;
		if (rnd(100) < 50)
		{
			/* a multi-label table: its units cap the cells of a column */
			t->ccap = malloc(nc * sizeof(int64_t));
			for (int c = 0; c < nc; c++)
				t->ccap[c] = rnd(100) < 25 ? SDC_INF : col_max(t, c) + rnd(3);
		}
		B = 2 * t->grand + 3;
		if (ns == 5 && B > 12)
		{
			sdc_table_free(t);
			continue;
		}
		lo = malloc(sizeof(int64_t) * ne);
		hi = malloc(sizeof(int64_t) * ne);
		brute(t, B, lo, hi);
		o = audit(t, &p, true);
		for (size_t e = 0; e < ne; e++)
		{
			bool		ok;

			if (!SDC_IS_SUPPRESSED(*(e < (size_t) nr * nc ? &t->cstate[e] :
									 e < (size_t) nr * nc + nr ? &t->rstate[e - nr * nc] :
									 e < (size_t) nr * nc + nr + nc ? &t->cstate_tot[e - nr * nc - nr] :
									 &t->gstate)))
				continue;
			/* a brute max at the enumeration bound means "at least B" */
			ok = o[e].lo == lo[e] &&
				(hi[e] >= B ? o[e].hi >= B : o[e].hi == hi[e]);
			CHECK(ok, "brute force table %d (%dx%d) entry %zu: audit [%lld,%lld] brute [%lld,%lld]",
				  done, nr, nc, e, (long long) o[e].lo, (long long) o[e].hi,
				  (long long) lo[e], (long long) hi[e]);
		}
		free(o);

		/* 3. unknown values: scramble suppressed cells, audit again */
		{
			SdcTable   *u = table_clone(t);
			SdcInterval *o2,
					   *o1 = audit(t, &p, true);

			for (size_t e = 0; e < (size_t) nr * nc; e++)
				if (SDC_IS_SUPPRESSED(u->cstate[e]))
					u->cell[e] = 0;
			for (int r = 0; r < nr; r++)
				if (SDC_IS_SUPPRESSED(u->rstate[r]))
					u->rtot[r] = 0;
			o2 = audit(u, &p, false);
			for (size_t e = 0; e < ne; e++)
				CHECK(o1[e].lo == o2[e].lo && o1[e].hi == o2[e].hi,
					  "unknown-value audit differs at entry %zu", e);
			free(o1);
			free(o2);
			sdc_table_free(u);
		}
		free(lo);
		free(hi);
		sdc_table_free(t);
		done++;
	}
	printf("brute force: %d tiny tables (about half with multi-label caps), audit equal to enumeration\n", done);
}

/* ---- 4. property test ---- */
static int64_t
small_count(int64_t scale)
{
	int64_t		k = rnd(100);

	if (k < 35)
		return 0;
	if (k < 70)
		return 1 + rnd(4);			/* 1..4: sensitive at t = 5 */
	if (k < 90)
		return 5 + rnd(16);
	return 20 + rnd(scale);
}

static void
random_table(SdcTable *t)
{
	int64_t		scale = 1 + rnd(300);

	for (int i = 0; i < t->nr * t->nc; i++)
		t->cell[i] = small_count(scale);
	sdc_table_init(t);
}

static void
test_property(int ntables)
{
	int			ok_tables = 0,
				capped = 0,
				unprot = 0,
				rescued = 0,
				with_totals = 0;
	long		cells = 0,
				prim = 0,
				sec = 0;

	unit_seed(2026);
	for (int k = 0; k < ntables; k++)
	{
		int			nr,
					nc;
		SdcParams	p;
		SdcTable   *t,
				   *t2;
		SdcStats	s,
					s2;
		SdcStatus	st,
					st2;

		/* sizes: mostly small, some up to 200 x 20 */
		if (k % 50 == 49)
		{
			nr = 100 + (int) rnd(101);
			nc = 10 + (int) rnd(11);
		}
		else if (k % 10 == 9)
		{
			nr = 20 + (int) rnd(60);
			nc = 3 + (int) rnd(8);
		}
		else
		{
			nr = 2 + (int) rnd(9);
			nc = 2 + (int) rnd(5);
		}
		sdc_params_default(&p, 2 + rnd(6));	/* t = 2 .. 7 */
		if (rnd(4) == 0)
			p.protection = 1 + rnd(p.threshold + 2);
		p.zeros_sensitive = rnd(10) == 0;
		p.allow_totals = rnd(3) == 0;
		t = sdc_table_alloc(nr, nc);
		random_table(t);
		if (k % 3 == 2)
		{
			/* multi-label: units cap each column's cells */
			t->ccap = malloc(nc * sizeof(int64_t));
			for (int c = 0; c < nc; c++)
				t->ccap[c] = col_max(t, c) + rnd(12);
			capped++;
		}
		t2 = table_clone(t);
		cells += (long) nr * nc;

		st = sdc_protect(t, &p, &s);
		st2 = sdc_protect(t2, &p, &s2);
		CHECK(st == st2 && same_pattern(t, t2), "table %d: not deterministic", k);
		digest_pattern(t, st);

		if (st == SDC_OK)
		{
			ok_tables++;
			prim += s.primary;
			sec += s.secondary;
			CHECK(all_primary_protected(t, &p, "property"),
				  "table %d (%dx%d, t=%lld p=%lld): protected table fails its audit",
				  k, nr, nc, (long long) p.threshold, (long long) p.protection);
			if (!p.allow_totals)
				CHECK(s.totals == 0, "table %d: totals suppressed", k);
			else if (s.totals > 0)
				with_totals++;
			/* primaries are exactly the sensitive cells */
			for (int i = 0; i < nr * nc; i++)
				CHECK((t->cstate[i] == SDC_PRIMARY) == sdc_is_sensitive(&p, t->cell[i]),
					  "table %d cell %d: primary flag", k, i);
		}
		else
		{
			/* unprotectable is only allowed when totals may not be
			 * suppressed, and must be true: suppress every cell and the
			 * named cell still fails */
			SdcTable   *u = table_clone(t);
			SdcInterval *o;
			size_t		bad = sdc_cell_index(t, s.bad_row, s.bad_col);

			CHECK(st == SDC_ERR_UNPROTECTABLE && !p.allow_totals,
				  "table %d: status %s", k, sdc_status_message(st));
			unprot++;
			for (int i = 0; i < nr * nc; i++)
				if (!SDC_IS_SUPPRESSED(u->cstate[i]))
					u->cstate[i] = SDC_SECONDARY;
			o = audit(u, &p, true);
			CHECK(u->cstate[bad] == SDC_PRIMARY && !o[bad].meets,
				  "table %d: cell (%d,%d) called unprotectable but [%lld,%lld]",
				  k, s.bad_row, s.bad_col, (long long) o[bad].lo, (long long) o[bad].hi);
			free(o);
			sdc_table_free(u);

			/* ... and with totals allowed it must succeed and pass */
			{
				SdcTable   *w = table_clone(t2);
				SdcParams	q = p;
				SdcStats	sw;

				sdc_table_init(w);
				q.allow_totals = true;
				CHECK(sdc_protect(w, &q, &sw) == SDC_OK, "table %d: with totals", k);
				CHECK(all_primary_protected(w, &q, "property (totals allowed)"),
					  "table %d: protected with totals fails its audit", k);
				rescued++;
				sdc_table_free(w);
			}
		}
		sdc_table_free(t);
		sdc_table_free(t2);
	}
	printf("property: %d random tables (%ld cells; %d multi-label, with units capping cells): "
		   "%d protected and passed the audit "
		   "(%ld primary, %ld secondary cells; %d needed totals), %d proven unprotectable "
		   "with totals published (%d of them then protected with totals allowed and passed)\n",
		   ntables, cells, capped, ok_tables, prim, sec, with_totals, unprot, rescued);
}

/* ---- 5. controlled rounding ---- */
static void
test_rounding(int ntables)
{
	unit_seed(77);
	for (int k = 0; k < ntables; k++)
	{
		int			nr = 1 + (int) rnd(30),
					nc = 1 + (int) rnd(8);
		int64_t		b = 1 + rnd(10);
		SdcTable   *t = sdc_table_alloc(nr, nc);
		SdcTable   *orig;
		bool	   *changed = calloc((size_t) nr * nc, 1);
		SdcParams	p;
		SdcStatus	st;

		sdc_params_default(&p, 5);
		random_table(t);
		orig = table_clone(t);
		st = sdc_round_controlled(t, &p, b, changed);
		CHECK(st == SDC_OK, "rounding table %d: %s", k, sdc_status_message(st));
		for (size_t e = 0; e < sdc_nentries(t); e++)
		{
			int64_t		x,
						y;

			if (e < (size_t) nr * nc)
			{
				x = orig->cell[e];
				y = t->cell[e];
				CHECK(changed[e] == (x != y), "changed flag");
			}
			else if (e < (size_t) nr * nc + nr)
				x = orig->rtot[e - nr * nc], y = t->rtot[e - nr * nc];
			else if (e < (size_t) nr * nc + nr + nc)
				x = orig->ctot[e - nr * nc - nr], y = t->ctot[e - nr * nc - nr];
			else
				x = orig->grand, y = t->grand;
			CHECK(y % b == 0 && (y == x / b * b || y == (x / b + 1) * b) &&
				  (x % b != 0 || y == x),
				  "rounding table %d entry %zu: %lld -> %lld (base %lld)",
				  k, e, (long long) x, (long long) y, (long long) b);
		}
		{
			/* additive: margins are the sums of the rounded cells */
			SdcTable   *u = table_clone(t);

			sdc_table_init(u);
			CHECK(memcmp(u->rtot, t->rtot, sizeof(int64_t) * nr) == 0 &&
				  memcmp(u->ctot, t->ctot, sizeof(int64_t) * nc) == 0 &&
				  u->grand == t->grand, "rounding table %d not additive", k);
			sdc_table_free(u);
		}
		free(changed);
		sdc_table_free(t);
		sdc_table_free(orig);
	}
	printf("rounding: %d random tables rounded additively to adjacent multiples\n", ntables);
}

/* ---- 6. collapsing plan ---- */
static void
test_collapse(void)
{
	int64_t		v[] = {1, 0, 2, 40,
						30, 30, 30, 30,
						2, 2, 0, 0};
	SdcTable   *t = table_from(3, 4, v);
	SdcParams	p;
	SdcStats	s;
	int			group[] = {0, 0, -1};
	bool		col[3];

	sdc_params_default(&p, 5);
	p.allow_totals = true;
	CHECK(sdc_protect(t, &p, &s) == SDC_OK, "collapse protect");
	/* row 0: 1 and 2 primary of 3 nonzero -> most of it; row 2 has no group */
	CHECK(sdc_collapse_plan(t, group, col) >= 1 && col[0] && !col[2], "collapse plan");
	sdc_table_free(t);
}

/*
 * Large counts (up to about 2^50, grand totals near 2^54): costs of value x
 * unit and margins of grand x unit^2 use the upper 64 bits, which the
 * digest comparison of the two cost representations then covers.
 */
static void
test_large_values(int ntables)
{
	int			ok = 0;

	unit_seed(4242);
	for (int k = 0; k < ntables; k++)
	{
		int			nr = 2 + (int) rnd(12),
					nc = 2 + (int) rnd(6);
		SdcParams	p;
		SdcTable   *t = sdc_table_alloc(nr, nc);
		SdcStats	s;
		SdcStatus	st;

		for (int i = 0; i < nr * nc; i++)
			t->cell[i] = rnd(4) == 0 ? (int64_t) rnd(6) : (int64_t) rnd(UINT64_C(1) << 50);
		sdc_table_init(t);
		sdc_params_default(&p, 5);
		p.allow_totals = rnd(2) == 0;
		st = sdc_protect(t, &p, &s);
		digest_pattern(t, st);
		if (st == SDC_OK)
		{
			ok++;
			CHECK(all_primary_protected(t, &p, "large values"), "large table %d", k);
		}
		else
			CHECK(st == SDC_ERR_UNPROTECTABLE, "large table %d: %s", k, sdc_status_message(st));
		sdc_table_free(t);
	}
	printf("large values: %d random tables with counts up to 2^50, %d protected\n", ntables, ok);
}

/*
 * 7. linked tables out of memory (regression, found by
 * test/fuzz/fuzz_suppress.c, corpus/suppress/regress-family-nomem-*): a
 * family protect whose allocator fails at its k-th call, for every k until
 * it succeeds, reports SDC_ERR_NOMEM, frees nothing twice (scratch copies
 * freed after a part-way failure) and leaks nothing (a failed flow network);
 * the sanitized build of suppress_unit.sh stops on either.
 */
static long nomem_budget = -1;	/* allocations left; -1: never fail */

static void *
nomem_alloc(size_t n)
{
	if (nomem_budget == 0)
		return NULL;
	if (nomem_budget > 0)
		nomem_budget--;
	return malloc(n ? n : 1);
}

static void
test_family_nomem(void)
{
	static const int64_t parent[] = {3, 8, 12, 1, 9, 7, 6, 2, 10};
	static const int64_t child[] = {1, 5, 4, 1, 0, 7, 2, 2, 3};
	int			failed = 0;
	bool		done = false;

	for (long budget = 0; budget < 100000 && !done; budget++)
	{
		SdcTable   *t[2] = {table_from(3, 3, parent), table_from(3, 3, child)};
		int			par[2] = {-1, 0};
		SdcFamily	f = {2, t, par, NULL, NULL, NULL, NULL, NULL};
		SdcStats	stats[2];
		SdcParams	p;
		SdcStatus	st;

		sdc_params_default(&p, 5);
		p.allow_totals = true;
		p.alloc = nomem_alloc;
		p.free = free;
		memset(stats, 0, sizeof(stats));
		nomem_budget = budget;
		st = sdc_family_protect(&f, &p, stats);
		nomem_budget = -1;
		if (st == SDC_ERR_NOMEM)
			failed++;
		else
		{
			int			bt, br, bc, bk;

			CHECK(st == SDC_OK, "family protect with %ld allocations: %s", budget,
				  sdc_status_message(st));
			CHECK(sdc_family_check(&f, &p, &bt, &br, &bc, &bk) == SDC_OK,
				  "family protected with %ld allocations fails its check", budget);
			done = true;
		}
		sdc_table_free(t[0]);
		sdc_table_free(t[1]);
	}
	CHECK(done, "family protect never succeeded");
	CHECK(failed > 10, "only %d allocation failures tried", failed);
}

/*
 * 8. counts near SDC_MAX_SUM with multi-label caps (regression, found by
 * test/fuzz/fuzz_suppress.c, corpus/suppress/regress-flow-overflow): the
 * caps make many finite arcs of about 2^61, so a maximum flow, a bound
 * f + up and the fast 4-cycle pushes passed INT64_MAX (signed overflow:
 * UBSan stops the sanitized build).  They saturate at SDC_INF now, and a
 * capped cell's interval still ends at its cap.
 */
static void
test_near_max(void)
{
	for (int nr = 2; nr <= 8; nr++)
		for (int all = 0; all < 2; all++)
		{
			SdcTable   *t = sdc_table_alloc(nr, 2);
			SdcParams	p;
			SdcInterval *o;
			SdcStatus	st;

			sdc_params_default(&p, 3);
			t->cell[0] = t->cell[1] = SDC_MAX_SUM / 2;
			t->ccap = calloc(2, sizeof(int64_t));
			t->ccap[0] = t->ccap[1] = SDC_MAX_SUM / 2;
			CHECK(sdc_table_init(t) == SDC_OK, "init near SDC_MAX_SUM");
			for (size_t e = 0; e < sdc_nentries(t); e++)
				if (all || e < 2 || e >= (size_t) nr * 2)
					*sdc_entry_state(t, e) = SDC_SUPPRESSED;
			o = calloc(sdc_nentries(t), sizeof(SdcInterval));
			st = sdc_audit(t, &p, true, o);
			CHECK(st == SDC_OK, "audit near SDC_MAX_SUM (%d rows): %s", nr, sdc_status_message(st));
			CHECK(o[0].hi == SDC_MAX_SUM / 2, "capped cell: hi %lld", (long long) o[0].hi);
			for (size_t e = 0; e < sdc_nentries(t); e++)
				CHECK(o[e].lo <= sdc_entry_value(t, e) && sdc_entry_value(t, e) <= o[e].hi,
					  "entry %zu outside its interval", e);
			free(o);
			sdc_table_free(t);
		}
}

/*
 * The same table for two periods (same_as): last year's for 2019-2023 and
 * this year's for 2020-2024 over one grid whose first slot is last year's
 * 2019 and this year's 2024.  Each protected on its own, the pair fails the
 * family check (this year's row total less last year's is 2024 - 2019, and
 * more); this year's protected with last year's given passes it, keeps
 * last year's pattern and withholds every shared cell last year withheld.
 */
static void
test_family_periods(void)
{
	static const int64_t last[] = {2, 30, 25, 28, 31, 20, 3, 22, 19, 24,
	15, 14, 12, 4, 16, 11, 13, 10, 12, 1};
	static const int64_t now[] = {27, 30, 25, 28, 31, 21, 3, 22, 19, 24,
	2, 14, 12, 4, 16, 15, 13, 10, 12, 1};
	static const uint8_t shared0[] = {0, 1, 1, 1, 1};
	const uint8_t *shared[2] = {shared0, NULL};
	int			same[2] = {1, -1},
				par[2] = {-1, -1};
	bool		given[2] = {true, false};
	SdcTable   *t[2] = {table_from(4, 5, last), table_from(4, 5, now)};
	SdcFamily	f = {2, t, par, same, shared, given, NULL, NULL};
	SdcStats	stats[2];
	SdcParams	p;
	int			bt, br, bc, bk;
	uint8_t		before[20];

	sdc_params_default(&p, 5);
	memset(stats, 0, sizeof(stats));
	CHECK(sdc_protect(t[0], &p, &stats[0]) == SDC_OK, "last year's table alone");
	CHECK(sdc_protect(t[1], &p, &stats[1]) == SDC_OK, "this year's table alone");
	CHECK(sdc_family_check(&f, &p, &bt, &br, &bc, &bk) == SDC_ERR_UNPROTECTABLE,
		  "two periods protected each alone pass the family check");
	memcpy(before, t[0]->cstate, sizeof(before));
	sdc_table_free(t[1]);
	t[1] = table_from(4, 5, now);
	CHECK(sdc_family_protect(&f, &p, stats) == SDC_ERR_UNPROTECTABLE,
		  "this year's small 2024 count protected with every total published");
	CHECK(stats[0].bad_table == 1 && stats[0].bad_row == 2 && stats[0].bad_col == 0,
		  "the failing cell is not this year's C 2024");
	p.allow_totals = true;
	sdc_table_free(t[1]);
	t[1] = table_from(4, 5, now);
	memset(stats, 0, sizeof(stats));
	CHECK(sdc_family_protect(&f, &p, stats) == SDC_OK, "two periods with last year's given");
	CHECK(sdc_family_check(&f, &p, &bt, &br, &bc, &bk) == SDC_OK,
		  "two periods protected together fail the check at %d %d %d (%d)", bt, br, bc, bk);
	CHECK(memcmp(before, t[0]->cstate, sizeof(before)) == 0, "last year's pattern changed");
	for (int e = 0; e < 20; e++)
		if (shared0[e % 5] && SDC_IS_SUPPRESSED(t[0]->cstate[e]))
			CHECK(SDC_IS_SUPPRESSED(t[1]->cstate[e]), "cell %d withheld last year, published now", e);
	sdc_table_free(t[0]);
	sdc_table_free(t[1]);
}

/*
 * 9. the same for linked tables (regression, corpus/suppress/
 * regress-family-move-overflow): the moves of a family audit were unbounded
 * when the outer interval was, so a scratch entry passed INT64_MAX.
 */
static void
test_family_near_max(void)
{
	/* the fuzzer's table: 5 x 1, one cell at SDC_MAX_SUM capped there, a
	 * subset of zeros, t = 6, p = 8, zeros sensitive, totals allowed; then
	 * also with every entry withheld */
	for (int all = 0; all < 2; all++)
	{
		SdcTable   *t[2] = {sdc_table_alloc(5, 1), sdc_table_alloc(5, 1)};
		int			par[2] = {-1, 0};
		SdcFamily	f = {2, t, par, NULL, NULL, NULL, NULL, NULL};
		SdcStats	stats[2];
		SdcInterval *out[2];
		SdcParams	p;
		SdcStatus	st;

		sdc_params_default(&p, 6);
		p.protection = 8;
		p.allow_totals = true;
		p.zeros_sensitive = true;
		t[0]->cell[0] = SDC_MAX_SUM;
		t[0]->ccap = calloc(1, sizeof(int64_t));
		t[0]->ccap[0] = SDC_MAX_SUM;
		CHECK(sdc_table_init(t[0]) == SDC_OK && sdc_table_init(t[1]) == SDC_OK, "init");
		memset(stats, 0, sizeof(stats));
		st = sdc_family_protect(&f, &p, stats);
		CHECK(st == SDC_OK, "family near max: %s", sdc_status_message(st));
		if (all)
			for (int k = 0; k < 2; k++)
				for (size_t e = 0; e < sdc_nentries(t[k]); e++)
					*sdc_entry_state(t[k], e) = SDC_SUPPRESSED;
		out[0] = calloc(sdc_nentries(t[0]), sizeof(SdcInterval));
		out[1] = calloc(sdc_nentries(t[1]), sizeof(SdcInterval));
		st = sdc_family_audit(&f, &p, out);
		CHECK(st == SDC_OK, "family audit near max: %s", sdc_status_message(st));
		for (int k = 0; k < 2; k++)
			for (size_t e = 0; e < sdc_nentries(t[k]); e++)
			{
				int64_t		v = sdc_entry_value(t[k], e);

				CHECK(out[k][e].lo <= out[k][e].inner_lo && out[k][e].inner_lo <= v &&
					  v <= out[k][e].inner_hi && out[k][e].inner_hi <= out[k][e].hi,
					  "table %d entry %zu outside its intervals", k, e);
			}
		free(out[0]);
		free(out[1]);
		sdc_table_free(t[0]);
		sdc_table_free(t[1]);
	}
}

/*
 * 10. the cell key at the top of int64 (regression, corpus/suppress/
 * regress-cellkey-max): INT64_MAX plus its noise overflowed.  Every key
 * gives a count within SDC_CELLKEY_D, never past INT64_MAX.
 */
static void
test_cellkey_max(void)
{
	for (int64_t v = INT64_MAX - 3; v > 0; v = v == INT64_MAX ? 0 : v + 1)
		for (uint64_t key = 0; key < 4000; key++)
		{
			int64_t		w = sdc_cellkey_value(v, key << 11);

			CHECK(w >= v - SDC_CELLKEY_D && (w <= v || w - v <= SDC_CELLKEY_D),
				  "cell key %llu: %lld shown as %lld", (unsigned long long) key, (long long) v,
				  (long long) w);
		}
}

/* ---- 11. loss against the optimum (brute force over every pattern) ---- */

/* The fewest withheld cells of any pattern that protects every small count
 * of an nr x nc table (every total published): every superset of the
 * primary cells, audited exactly. */
static int
fewest_cells(int nr, int nc, const int64_t *v, const SdcParams *p)
{
	int			n = nr * nc,
				best = -1;
	SdcTable   *t = table_from(nr, nc, v);
	SdcInterval *o = calloc(sdc_nentries(t), sizeof(SdcInterval));

	for (uint32_t bits = 0; bits < (UINT32_C(1) << n); bits++)
	{
		int			k = 0;
		bool		ok = true;

		for (int i = 0; i < n && ok; i++)
		{
			bool		w = (bits >> i) & 1;

			if (sdc_is_sensitive(p, v[i]) && !w)
				ok = false;
			t->cstate[i] = w ? SDC_SUPPRESSED : SDC_PUBLISHED;
			k += w;
		}
		if (!ok || (best >= 0 && k >= best))
			continue;
		CHECK(sdc_audit(t, p, true, o) == SDC_OK, "fewest_cells: audit");
		for (size_t e = 0; e < sdc_nentries(t) && ok; e++)
			ok = o[e].meets;
		if (ok)
			best = k;
	}
	free(o);
	sdc_table_free(t);
	return best;
}

/*
 * Two tables of test/bench/protect_optimum.sh where protect's first two
 * passes (value cost, count cost) withheld 6 cells and 8 cells, the optimum
 * 4 and 6.  In the first a 3 needs a cycle for each side; one cycle
 * (83, 19, 14 around it) carries both (both_ways).  In the second the
 * primary cells taken in reverse order do.  protect must now reach the
 * optimum, and the first pass alone (sdc_secondary) must not: else this
 * test no longer tests the extra passes.
 */
static void
test_loss(void)
{
	static const struct
	{
		int			nr,
					nc;
		int64_t		v[15];
	}			cases[] =
	{
		{4, 3, {0, 83, 19, 17, 3, 14, 10, 0, 18, 9, 0, 20}},
		{3, 5, {20, 0, 3, 0, 45, 102, 19, 0, 16, 0, 0, 20, 16, 3, 18}},
	};
	SdcParams	p;

	sdc_params_default(&p, 5);
	for (int k = 0; k < (int) (sizeof(cases) / sizeof(cases[0])); k++)
	{
		int			nr = cases[k].nr,
					nc = cases[k].nc;
		int			best = fewest_cells(nr, nc, cases[k].v, &p);
		SdcTable   *t = table_from(nr, nc, cases[k].v);
		SdcStats	s,
					s1;

		CHECK(sdc_protect(t, &p, &s) == SDC_OK, "loss %d: protect", k);
		CHECK(all_primary_protected(t, &p, "loss"), "loss %d: protected", k);
		CHECK(s.primary + s.secondary == best, "loss %d: protect withholds %d cells, the optimum %d",
			  k, s.primary + s.secondary, best);
		sdc_table_free(t);
		t = table_from(nr, nc, cases[k].v);
		sdc_primary(t, &p);
		CHECK(sdc_secondary(t, &p, &s1) == SDC_OK, "loss %d: first pass", k);
		CHECK(s1.primary + s1.secondary > best, "loss %d: the first pass alone withholds %d cells, the optimum %d",
			  k, s1.primary + s1.secondary, best);
		sdc_table_free(t);
	}
	printf("loss: %d tables where protect's extra passes reach the optimum (brute force) and its first pass does not\n",
		   (int) (sizeof(cases) / sizeof(cases[0])));
}

/*
 * 12. Two breakdowns of the same crimes (SdcFamily.pair).  Grid rows 0..na-1
 * are table 0's, na..na+nb-1 table 1's (fixed zeros in the other); table
 * 1's cells share out table 0's column totals.  Every completion of both
 * tables (withheld cells 0..G, the published grand total bounding them)
 * that keeps every published figure of both and equal column totals is
 * enumerated; each withheld entry's min and max over them must be the
 * audit's outer and inner intervals alike (the pair's audit is exact).
 */
#define PAIR_MAXVAR 7			/* withheld cells of both tables at most */

static bool
pair_completion_ok(SdcTable *const *t, const int64_t *v)
{
	for (int k = 0; k < 2; k++)
	{
		const SdcTable *x = t[k];
		int64_t		g = 0;

		for (int r = 0; r < x->nr; r++)
		{
			int64_t		s = 0;

			for (int c = 0; c < x->nc; c++)
				s += v[k * 64 + r * x->nc + c];
			if (x->rstate[r] == SDC_PUBLISHED && s != x->rtot[r])
				return false;
			g += s;
		}
		for (int c = 0; c < x->nc; c++)
		{
			int64_t		s = 0,
						o = 0;

			for (int r = 0; r < x->nr; r++)
			{
				s += v[k * 64 + r * x->nc + c];
				o += v[(1 - k) * 64 + r * x->nc + c];
			}
			if ((x->cstate_tot[c] == SDC_PUBLISHED && s != x->ctot[c]) || s != o)
				return false;
		}
		if (x->gstate == SDC_PUBLISHED && g != x->grand)
			return false;
	}
	return true;
}

/* The value of entry e of table k in completion v. */
static int64_t
pair_entry(const SdcTable *x, const int64_t *v, size_t e)
{
	size_t		ncell = (size_t) x->nr * x->nc;
	int64_t		s = 0;

	if (e < ncell)
		return v[e];
	e -= ncell;
	if (e < (size_t) x->nr)
	{
		for (int c = 0; c < x->nc; c++)
			s += v[e * x->nc + c];
		return s;
	}
	e -= x->nr;
	for (int r = 0; r < x->nr; r++)
		for (int c = 0; c < x->nc; c++)
			if (e >= (size_t) x->nc || c == (int) e)
				s += v[r * x->nc + c];
	return s;
}

static void
test_family_breakdowns(int n)
{
	int			checked = 0,
				leaks = 0;

	unit_seed(1313);
	for (int it = 0; it < n; it++)
	{
		int			na = 1 + (int) rnd(2),
					nb = 1 + (int) rnd(2),
					nc = 1 + (int) rnd(2),
					nr = na + nb;
		SdcTable   *t[2] = {sdc_table_alloc(nr, nc), sdc_table_alloc(nr, nc)};
		uint8_t    *fx[2] = {calloc(nr * nc, 1), calloc(nr * nc, 1)};
		int			par[2] = {-1, -1},
					pair[2] = {1, 0};
		SdcFamily	f = {2, t, par, NULL, NULL, NULL, pair, NULL};
		SdcParams	p;
		SdcInterval *out[2];
		int			var[PAIR_MAXVAR],
					nv = 0;
		double		space = 1;
		int64_t		v[128],
					lo[2][32],
					hi[2][32];
		bool		any = false,
					protect = it % 2 == 1;

		sdc_params_default(&p, 3);
		p.protection = 2;
		p.allow_totals = true;
		for (int c = 0; c < nc; c++)
		{
			for (int r = 0; r < na; r++)
				t[0]->cell[r * nc + c] = rnd(4);
			for (int r = 0; r < na; r++)
				for (int64_t k = 0; k < t[0]->cell[r * nc + c]; k++)
					t[1]->cell[(na + (int) rnd(nb)) * nc + c]++;
		}
		for (int r = 0; r < nr; r++)
			for (int c = 0; c < nc; c++)
				fx[r < na ? 1 : 0][r * nc + c] = 1;
		t[0]->fixed = fx[0];
		t[1]->fixed = fx[1];
		CHECK(sdc_table_init(t[0]) == SDC_OK && sdc_table_init(t[1]) == SDC_OK, "pair init");
		if (protect)
		{
			SdcStats	stats[2];

			memset(stats, 0, sizeof(stats));
			CHECK(sdc_family_protect(&f, &p, stats) == SDC_OK, "pair %d not protected", it);
		}
		else
			for (int k = 0; k < 2; k++)
				for (size_t e = 0; e < sdc_nentries(t[k]); e++)
				{
					size_t		ncell = (size_t) nr * nc;
					bool		own = e < ncell ? !fx[k][e] :
						e < ncell + nr ? !fx[k][(e - ncell) * nc] : true;

					if (own && e != sdc_grand_index(t[k]) && rnd(2))
						*sdc_entry_state(t[k], e) = SDC_SUPPRESSED;
				}
		/* the grand total bounds the enumeration: published in one at least */
		if (SDC_IS_SUPPRESSED(t[0]->gstate) && SDC_IS_SUPPRESSED(t[1]->gstate))
			goto next;
		for (int k = 0; k < 2; k++)
			for (int e = 0; e < nr * nc; e++)
				if (SDC_IS_SUPPRESSED(t[k]->cstate[e]))
				{
					if (nv == PAIR_MAXVAR || (space *= t[0]->grand + 1) > 4e6)
						goto next;
					var[nv++] = k * 64 + e;
				}
		for (int k = 0; k < 2; k++)
		{
			out[k] = calloc(sdc_nentries(t[k]), sizeof(SdcInterval));
			for (size_t e = 0; e < sdc_nentries(t[k]); e++)
			{
				lo[k][e] = SDC_INF;
				hi[k][e] = -1;
			}
		}
		CHECK(sdc_family_audit(&f, &p, out) == SDC_OK, "pair audit");
		memset(v, 0, sizeof(v));
		for (int k = 0; k < 2; k++)
			for (int e = 0; e < nr * nc; e++)
				v[k * 64 + e] = t[k]->cell[e];
		for (int i = 0; i < nv; i++)
			v[var[i]] = 0;
		for (;;)
		{
			int			i;

			if (pair_completion_ok(t, v))
				for (int k = 0; k < 2; k++)
					for (size_t e = 0; e < sdc_nentries(t[k]); e++)
					{
						int64_t		x = pair_entry(t[k], v + k * 64, e);

						if (x < lo[k][e])
							lo[k][e] = x;
						if (x > hi[k][e])
							hi[k][e] = x;
					}
			for (i = 0; i < nv && ++v[var[i]] > t[0]->grand; i++)
				v[var[i]] = 0;
			if (i == nv)
				break;
		}
		for (int k = 0; k < 2; k++)
		{
			for (size_t e = 0; e < sdc_nentries(t[k]); e++)
			{
				SdcInterval *o = &out[k][e];

				if (!SDC_IS_SUPPRESSED(*sdc_entry_state(t[k], e)))
					continue;
				any = true;
				CHECK(o->lo == lo[k][e] && o->hi == hi[k][e] &&
					  o->inner_lo == lo[k][e] && o->inner_hi == hi[k][e],
					  "pair %d table %d entry %zu: audit %lld..%lld inner %lld..%lld, brute force %lld..%lld",
					  it, k, e, (long long) o->lo, (long long) o->hi, (long long) o->inner_lo,
					  (long long) o->inner_hi, (long long) lo[k][e], (long long) hi[k][e]);
				if (protect && e < (size_t) nr * nc && o->sensitive)
					CHECK(o->meets, "pair %d table %d cell %zu protected but narrowed", it, k, e);
				leaks += !protect && e < (size_t) nr * nc && o->sensitive && !o->meets;
			}
			free(out[k]);
		}
		checked += any;
next:
		for (int k = 0; k < 2; k++)
		{
			free(fx[k]);
			t[k]->fixed = NULL;
			sdc_table_free(t[k]);
		}
	}
	printf("suppress: %d pairs of breakdowns audited against brute force (%d small counts narrowed in random patterns)\n",
		   checked, leaks);
	CHECK(checked > n / 4, "too few pairs checked: %d of %d", checked, n);
}

int
main(int argc, char **argv)
{
	int			n = argc > 1 ? atoi(argv[1]) : 3000;

	test_hand();
	test_brute(n / 6);
	test_property(n);
	test_rounding(n / 6);
	test_collapse();
	test_large_values(n / 10);
	printf("suppress: pattern digest %016llx\n", (unsigned long long) pattern_digest);
	test_family_nomem();
	test_near_max();
	test_family_near_max();
	test_family_periods();
	test_family_breakdowns(n / 10);
	test_cellkey_max();
	test_loss();
	return unit_done("suppress");
}
