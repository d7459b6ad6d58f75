/*
 * audit.c
 *		Interval bounds propagation for suppressed cells (see audit.h).
 *
 * Sums of upper bounds saturate at AB_INF so adversarial totals near
 * INT64_MAX cannot overflow; AB_INF there means "unbounded" (nothing is
 * concluded from it).  Sums of lower bounds are kept exact: a sum of lows
 * past INT64_MAX exceeds every total (the constraint is infeasible), and one
 * of exactly INT64_MAX is a real sum that still bounds the other cells (it
 * was once saturated too and taken for "unbounded", so an impossible table
 * passed and a revealed cell went unreported).
 */
#include "audit.h"

#include <stddef.h>

static int64_t
sat_add(int64_t a, int64_t b)
{
	if (a == AB_INF || b == AB_INF)
		return AB_INF;
	if (b > 0 && a > AB_INF - b)
		return AB_INF;
	return a + b;
}

/* a + b, or false when it leaves the range of int64 */
static bool
add_exact(int64_t a, int64_t b, int64_t *r)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
		return false;
	*r = a + b;
	return true;
}

void
ab_problem_init(ab_problem *p, int ncells, int64_t *lo, int64_t *hi, int ncons,
				const int *con_start, const int *con_cells, const int64_t *rhs)
{
	*p = (ab_problem) {ncells, lo, hi, ncons, con_start, con_cells, rhs, NULL, NULL};
}

ab_result
ab_propagate(ab_problem *p, int max_rounds, int *bad_con)
{
	for (int round = 0; round < max_rounds; round++)
	{
		bool		changed = false;

		if (p->tick)
			p->tick(p->tick_arg);
		for (int k = 0; k < p->ncons; k++)
		{
			int			s = p->con_start[k],
						e = p->con_start[k + 1];
			int64_t		rhs = p->rhs[k];
			int64_t		sumlo = 0,
						sumhi_fin = 0;
			int			ninf = 0;

			for (int x = s; x < e; x++)
			{
				int			i = p->con_cells[x];

				if (!add_exact(sumlo, p->lo[i], &sumlo))
				{
					/* the lows alone exceed any total */
					*bad_con = k;
					return AB_INFEASIBLE;
				}
				if (p->hi[i] == AB_INF)
					ninf++;
				else
					sumhi_fin = sat_add(sumhi_fin, p->hi[i]);
			}
			if (rhs < 0 || sumlo > rhs ||
				(ninf == 0 && sumhi_fin != AB_INF && sumhi_fin < rhs))
			{
				*bad_con = k;
				return AB_INFEASIBLE;
			}
			for (int x = s; x < e; x++)
			{
				int			i = p->con_cells[x];
				int64_t		lo = p->lo[i],
							hi = p->hi[i];
				int64_t		nlo = lo,
							nhi = hi;

				/* upper bound: rhs minus the least the others can hold (exact:
				 * 0 <= others_lo <= sumlo <= rhs) */
				{
					int64_t		others_lo = sumlo - lo;

					if (rhs - others_lo < nhi)
						nhi = rhs - others_lo;
				}
				/* lower bound: rhs minus the most the others can hold */
				if (ninf - (hi == AB_INF ? 1 : 0) == 0 && sumhi_fin != AB_INF)
				{
					int64_t		others_hi = sumhi_fin - (hi == AB_INF ? 0 : hi);

					if (rhs - others_hi > nlo)
						nlo = rhs - others_hi;
				}
				if (nlo > nhi)
				{
					*bad_con = k;
					return AB_INFEASIBLE;
				}
				if (nlo != lo || nhi != hi)
				{
					/* keep the constraint's running sums in step */
					/* stays <= rhs: nlo <= nhi <= rhs - others_lo */
					sumlo = sumlo - lo + nlo;
					if (hi == AB_INF)
					{
						ninf--;
						sumhi_fin = sat_add(sumhi_fin, nhi);
					}
					else if (sumhi_fin != AB_INF)
						sumhi_fin = sumhi_fin - hi + nhi;
					p->lo[i] = nlo;
					p->hi[i] = nhi;
					changed = true;
				}
			}
		}
		if (!changed)
			return AB_OK;
	}
	return AB_ROUNDS;
}
