/*
 * protect_optimum.c
 *		The heuristic's side of test/bench/protect_optimum.sh: reads tables
 *		("nr nc v11 v12 ..." one per line), protects each with the core
 *		(threshold 5, every total published) and prints "ok WITHHELD" or
 *		"unprotectable", and the time in ms.
 */
#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int
main(void)
{
	int			nr,
				nc;

	while (scanf("%d %d", &nr, &nc) == 2)
	{
		SdcTable   *t = sdc_table_alloc(nr, nc);
		SdcParams	p;
		SdcStats	s;
		SdcStatus	st;
		struct timespec a,
					b;

		for (int i = 0; i < nr * nc; i++)
		{
			long long	v;

			if (scanf("%lld", &v) != 1)
				return 2;
			t->cell[i] = v;
		}
		sdc_table_init(t);
		sdc_params_default(&p, 5);
		clock_gettime(CLOCK_MONOTONIC, &a);
		st = sdc_protect(t, &p, &s);
		clock_gettime(CLOCK_MONOTONIC, &b);
		if (st == SDC_OK)
			printf("ok %d %.3f\n", s.primary + s.secondary,
				   (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6);
		else
			printf("unprotectable 0 0\n");
		sdc_table_free(t);
	}
	return 0;
}
