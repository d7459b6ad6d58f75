/*
 * audit.c
 *		Interval bounds propagation for suppressed cells (see audit.h).
 *
 * Sums saturate at AB_INF so adversarial totals near INT64_MAX cannot
 * overflow; AB_INF in a sum means "unbounded".
 */
#include "audit.h"

static int64_t
sat_add(int64_t a, int64_t b)
{
	if (a == AB_INF || b == AB_INF)
		return AB_INF;
	if (b > 0 && a > AB_INF - b)
		return AB_INF;
	return a + b;
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

				sumlo = sat_add(sumlo, p->lo[i]);
				if (p->hi[i] == AB_INF)
					ninf++;
				else
					sumhi_fin = sat_add(sumhi_fin, p->hi[i]);
			}
			if (rhs < 0 || (sumlo != AB_INF && sumlo > rhs) ||
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

				/* upper bound: rhs minus the least the others can hold */
				if (sumlo != AB_INF)
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
					sumlo = sat_add(sumlo - lo, nlo);
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
