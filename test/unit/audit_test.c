/*
 * audit_test.c
 *		Unit tests of src/audit.c: what published totals reveal about
 *		suppressed cells.  Run by test/checks/audit_unit.sh.
 */
#include "../../src/audit.h"

#include <stdio.h>

static int failures = 0;

static void
expect(const char *name, ab_problem *p, ab_result want, const int64_t *wlo, const int64_t *whi)
{
	int			bad = -1;
	ab_result	got = ab_propagate(p, 100, &bad);

	if (got != want)
	{
		failures++;
		fprintf(stderr, "%s: result %d, expected %d\n", name, got, want);
		return;
	}
	if (want == AB_INFEASIBLE)
		return;
	for (int i = 0; i < p->ncells; i++)
		if (p->lo[i] != wlo[i] || p->hi[i] != whi[i])
		{
			failures++;
			fprintf(stderr, "%s: cell %d in [%lld, %lld], expected [%lld, %lld]\n", name, i,
					(long long) p->lo[i], (long long) p->hi[i], (long long) wlo[i], (long long) whi[i]);
		}
}

int
main(void)
{
	/* one suppressed cell in a row with a published total: revealed */
	{
		int64_t		lo[] = {0}, hi[] = {AB_INF};
		int			st[] = {0, 1}, cc[] = {0};
		int64_t		rhs[] = {3};
		ab_problem	p = {1, lo, hi, 1, st, cc, rhs, NULL, NULL};
		int64_t		wl[] = {3}, wh[] = {3};

		expect("single", &p, AB_OK, wl, wh);
	}
	/* two '<5' cells summing to 7: each at least 3 */
	{
		int64_t		lo[] = {0, 0}, hi[] = {4, 4};
		int			st[] = {0, 2}, cc[] = {0, 1};
		int64_t		rhs[] = {7};
		ab_problem	p = {2, lo, hi, 1, st, cc, rhs, NULL, NULL};
		int64_t		wl[] = {3, 3}, wh[] = {4, 4};

		expect("two <5 sum 7", &p, AB_OK, wl, wh);
	}
	/* two '*' cells summing to 2: each at most 2 */
	{
		int64_t		lo[] = {0, 0}, hi[] = {AB_INF, AB_INF};
		int			st[] = {0, 2}, cc[] = {0, 1};
		int64_t		rhs[] = {2};
		ab_problem	p = {2, lo, hi, 1, st, cc, rhs, NULL, NULL};
		int64_t		wl[] = {0, 0}, wh[] = {2, 2};

		expect("two * sum 2", &p, AB_OK, wl, wh);
	}
	/* a 2x2 block: rows 3 and 5, columns 4 and 4 (cells a b / c d) */
	{
		int64_t		lo[] = {0, 0, 0, 0}, hi[] = {AB_INF, AB_INF, AB_INF, AB_INF};
		int			st[] = {0, 2, 4, 6, 8}, cc[] = {0, 1, 2, 3, 0, 2, 1, 3};
		int64_t		rhs[] = {3, 5, 4, 4};
		ab_problem	p = {4, lo, hi, 4, st, cc, rhs, NULL, NULL};
		int64_t		wl[] = {0, 0, 1, 1}, wh[] = {3, 3, 4, 4};

		expect("2x2 block", &p, AB_OK, wl, wh);
	}
	/* a row pins one cell, and the column then reveals the other */
	{
		int64_t		lo[] = {0, 0}, hi[] = {AB_INF, AB_INF};
		int			st[] = {0, 1, 3}, cc[] = {0, 0, 1};
		int64_t		rhs[] = {2, 6};
		ab_problem	p = {2, lo, hi, 2, st, cc, rhs, NULL, NULL};
		int64_t		wl[] = {2, 4}, wh[] = {2, 4};

		expect("chain", &p, AB_OK, wl, wh);
	}
	/*
	 * Propagation is sound but not always tight.  A 4x4 table (cells
	 * a b 1 c / d 2 0 e / f g h 0 / 2 i j 0, row totals 4 4 5 4, column
	 * totals 8 4 4 1): propagation leaves f in [1, 4] although every table
	 * with these totals has f >= 2 (audit_fmgr.c intersects with the exact
	 * network-flow audit of suppress.c, which finds [2, 4]).  Pinned here so
	 * a change in tightness is noticed.
	 */
	{
		/* unknowns: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h, 8 i, 9 j */
		int64_t		lo[10] = {0}, hi[10];
		int			st[] = {0, 3, 5, 8, 10, 13, 16, 18, 20};
		int			cc[] = {0, 1, 2, /* r0 */ 3, 4, /* r1 */ 5, 6, 7, /* r2 */ 8, 9, /* r3 */
			0, 3, 5, /* A */ 1, 6, 8, /* B */ 7, 9, /* C */ 2, 4 /* D */ };
		int64_t		rhs[] = {3, 2, 5, 2, 6, 2, 3, 1};
		ab_problem	p = {10, lo, hi, 8, st, cc, rhs, NULL, NULL};
		int64_t		wl[] = {0, 0, 0, 1, 0, 1, 0, 1, 0, 0};
		int64_t		wh[] = {3, 2, 1, 2, 1, 4, 2, 3, 2, 2};

		for (int i = 0; i < 10; i++)
			hi[i] = AB_INF;
		expect("4x4 not tight", &p, AB_OK, wl, wh);
	}
	/* '<5' cannot make a total of 9 */
	{
		int64_t		lo[] = {0}, hi[] = {4};
		int			st[] = {0, 1}, cc[] = {0};
		int64_t		rhs[] = {9};
		ab_problem	p = {1, lo, hi, 1, st, cc, rhs, NULL, NULL};

		expect("infeasible", &p, AB_INFEASIBLE, NULL, NULL);
	}
	/* visible cells already exceed the total */
	{
		int64_t		lo[] = {0}, hi[] = {AB_INF};
		int			st[] = {0, 1}, cc[] = {0};
		int64_t		rhs[] = {-2};
		ab_problem	p = {1, lo, hi, 1, st, cc, rhs, NULL, NULL};

		expect("negative residual", &p, AB_INFEASIBLE, NULL, NULL);
	}
	/* huge totals saturate instead of overflowing */
	{
		int64_t		lo[] = {0, 0}, hi[] = {AB_INF - 1, AB_INF - 1};
		int			st[] = {0, 2}, cc[] = {0, 1};
		int64_t		rhs[] = {AB_INF - 1};
		ab_problem	p = {2, lo, hi, 1, st, cc, rhs, NULL, NULL};
		int64_t		wl[] = {0, 0}, wh[] = {AB_INF - 1, AB_INF - 1};

		expect("saturation", &p, AB_OK, wl, wh);
	}
	/*
	 * Lows near 2^63 (markers such as "4611686018427387904 to ..."): their
	 * sum overflows, and the constraint is infeasible, not "unbounded"
	 * (a saturated sum of lows was taken for "no bound" and the table passed).
	 */
	{
		int64_t		big = INT64_C(6917529027641081856);	/* 2^62 + 2^61 */
		int64_t		lo[] = {big, big}, hi[] = {big, big};
		int			st[] = {0, 2}, cc[] = {0, 1};
		int64_t		rhs[] = {AB_INF};
		ab_problem	p = {2, lo, hi, 1, st, cc, rhs, NULL, NULL};

		expect("lows overflow", &p, AB_INFEASIBLE, NULL, NULL);
	}
	{
		int64_t		big = INT64_C(6917529027641081856);
		int64_t		lo[] = {big, big, 0}, hi[] = {big, AB_INF, AB_INF};
		int			st[] = {0, 3}, cc[] = {0, 1, 2};
		int64_t		rhs[] = {AB_INF - 1};
		ab_problem	p = {3, lo, hi, 1, st, cc, rhs, NULL, NULL};

		expect("lows overflow, unbounded highs", &p, AB_INFEASIBLE, NULL, NULL);
	}
	/* a sum of lows of exactly INT64_MAX is a sum, not "unbounded": it bounds
	 * the cells from above */
	{
		int64_t		lo[] = {AB_INF - 5, 5}, hi[] = {AB_INF, AB_INF};
		int			st[] = {0, 2}, cc[] = {0, 1};
		int64_t		rhs[] = {AB_INF};
		ab_problem	p = {2, lo, hi, 1, st, cc, rhs, NULL, NULL};
		int64_t		wl[] = {AB_INF - 5, 5}, wh[] = {AB_INF - 5, 5};

		expect("lows sum to INT64_MAX", &p, AB_OK, wl, wh);
	}
	fprintf(stderr, "audit: %d failures\n", failures);
	return failures ? 1 : 0;
}
