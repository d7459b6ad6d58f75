/*
 * fuzz_audit.c
 *		libFuzzer harness of the interval audit (src/audit.c, ab_propagate)
 *		on constraint systems decoded from the fuzz bytes.
 *
 * Input (fuzz.h's reader): a mode byte (bit 0: right-hand sides from the
 * bytes instead of from a hidden solution), the number of unknown cells
 * 1..16 and of constraints 0..12, then per cell its interval [lo, hi] (hi
 * AB_INF now and then) and a hidden value inside it, then per constraint a
 * 16-bit mask of its cells (and, in mode 1, its right-hand side).
 *
 * Properties:
 *	- every result keeps lo <= hi and only narrows the starting intervals;
 *	- from a hidden solution (mode 0): the system is feasible, so never
 *	  AB_INFEASIBLE, and the solution stays inside every final interval
 *	  (the audit is sound); a second run from the result changes nothing
 *	  when the first converged (AB_OK is a fixed point).
 */
#include "audit.h"
#include "fuzz.h"

#define MAXC 16
#define MAXK 12

static int64_t
value_between(fuzz_reader *r, int64_t lo, int64_t hi)
{
	int64_t		top = hi != AB_INF ? hi : lo > AB_INF - 1001 ? AB_INF - 1 : lo + 1000;
	uint64_t	span = (uint64_t) (top - lo);
	uint64_t	u = fuzz_u8(r) < 128 ? fuzz_u8(r) : fuzz_u64(r);

	return lo + (int64_t) (span == UINT64_MAX ? u : u % (span + 1));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_reader r = {data, size};
	uint8_t		mode = fuzz_u8(&r);
	int			n = 1 + fuzz_below(&r, MAXC),
				ncons = fuzz_below(&r, MAXK + 1);
	int64_t		lo[MAXC],
				hi[MAXC],
				lo0[MAXC],
				hi0[MAXC],
				x[MAXC],
				rhs[MAXK];
	int			start[MAXK + 1],
				cells[MAXK * MAXC];
	int			k = 0,
				nc = 0,
				bad = -1;
	ab_problem	p;
	ab_result	res;

	for (int i = 0; i < n; i++)
	{
		lo[i] = fuzz_count(&r, AB_INF - 1);
		hi[i] = fuzz_u8(&r) < 64 ? AB_INF : lo[i] + fuzz_count(&r, AB_INF - 1 - lo[i]);
		x[i] = value_between(&r, lo[i], hi[i]);
		lo0[i] = lo[i];
		hi0[i] = hi[i];
	}
	start[0] = 0;
	for (int c = 0; c < ncons; c++)
	{
		unsigned	mask = fuzz_u8(&r) | (unsigned) fuzz_u8(&r) << 8;
		int64_t		sum = 0;
		bool		fits = true;
		int			first = nc;

		for (int i = 0; i < n; i++)
			if (mask & (1u << i))
			{
				cells[nc++] = i;
				if (sum > INT64_MAX - x[i])
					fits = false;
				else
					sum += x[i];
			}
		if (mode & 1)
			sum = (int64_t) (fuzz_u64(&r) >> (fuzz_u8(&r) % 64));
		else if (!fits)
		{
			nc = first;			/* no int64 total: not a published table */
			continue;
		}
		rhs[k] = sum;
		start[++k] = nc;
	}

	ab_problem_init(&p, n, lo, hi, k, start, cells, rhs);
	res = ab_propagate(&p, 50, &bad);
	FUZZ_ASSERT(res == AB_OK || res == AB_ROUNDS || res == AB_INFEASIBLE, "result %d", res);
	if (res == AB_INFEASIBLE)
	{
		FUZZ_ASSERT(mode & 1, "a system with a solution said infeasible (constraint %d)", bad);
		FUZZ_ASSERT(bad >= 0 && bad < k, "bad constraint %d of %d", bad, k);
		return 0;
	}
	for (int i = 0; i < n; i++)
	{
		FUZZ_ASSERT(lo[i] <= hi[i] && lo[i] >= lo0[i] && hi[i] <= hi0[i],
					"cell %d: [%lld, %lld] from [%lld, %lld]", i, (long long) lo[i],
					(long long) hi[i], (long long) lo0[i], (long long) hi0[i]);
		if (!(mode & 1))
			FUZZ_ASSERT(lo[i] <= x[i] && x[i] <= hi[i], "cell %d: solution %lld outside [%lld, %lld]",
						i, (long long) x[i], (long long) lo[i], (long long) hi[i]);
	}
	if (res == AB_OK)
	{
		int64_t		lo1[MAXC],
					hi1[MAXC];

		memcpy(lo1, lo, sizeof(lo1));
		memcpy(hi1, hi, sizeof(hi1));
		FUZZ_ASSERT(ab_propagate(&p, 1, &bad) == AB_OK &&
					memcmp(lo1, lo, n * sizeof(int64_t)) == 0 &&
					memcmp(hi1, hi, n * sizeof(int64_t)) == 0, "converged, yet a round changes it");
	}
	return 0;
}
