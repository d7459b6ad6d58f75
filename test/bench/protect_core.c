/*
 * protect_core.c
 *		Timing of the pure-C core (no server): protect + exact audit of
 *		seed-shaped random tables.  Run by test/bench/protect.sh.
 *
 *	protect_core ROWSxCOLS ...
 *
 * Tables look like the seed's question-1 table: a few large rows, a long tail
 * of rows with small counts and zeros.
 */
#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t st = 42;
static uint64_t
rng(void)
{
	uint64_t	z = (st += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	for (int a = 1; a < argc; a++)
	{
		int			nr,
					nc;
		SdcTable   *t;
		SdcParams	p;
		SdcStats	s;
		SdcInterval *o;
		double		t0,
					t1,
					t2;
		int			fail = 0;
		SdcStatus	rc;

		if (sscanf(argv[a], "%dx%d", &nr, &nc) != 2)
			return 2;
		t = sdc_table_alloc(nr, nc);
		for (int r = 0; r < nr; r++)
		{
			/* row mean falls off like the seed's: 100 .. 0.2 per cell */
			double		mean = 100.0 / (1 + r * 60.0 / nr);

			for (int c = 0; c < nc; c++)
			{
				double		u = (rng() % 1000) / 1000.0;

				t->cell[(size_t) r * nc + c] = (int64_t) (mean * 2 * u * u);
			}
		}
		sdc_table_init(t);
		sdc_params_default(&p, 5);
		p.allow_totals = true;
		t0 = now();
		rc = sdc_protect(t, &p, &s);
		t1 = now();
		o = calloc(sdc_nentries(t), sizeof(SdcInterval));
		sdc_audit(t, &p, true, o);
		t2 = now();
		for (size_t e = 0; e < sdc_nentries(t); e++)
			fail += !o[e].meets;
		printf("%5dx%-3d cells %7d  primary %6d secondary %6d totals %3d  protect %8.1f ms  audit %8.1f ms  total %8.1f ms  %s failing %d\n",
			   nr, nc, nr * nc, s.primary, s.secondary, s.totals,
			   (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t2 - t0) * 1e3,
			   sdc_status_message(rc), fail);
		free(o);
		sdc_table_free(t);
	}
	return 0;
}
