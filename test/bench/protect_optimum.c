/*
 * protect_optimum.c
 *		The C core's side of test/bench/protect_optimum.sh.
 *
 *	protect_optimum protect
 *		reads tables ("nr nc v11 v12 ..." one per line), protects each with
 *		the core (threshold 5, protection 5, every total published) and
 *		prints "ok PATTERN MS" (PATTERN: one character per cell, row-major,
 *		'1' withheld, '0' published) or "unprotectable - MS".
 *	protect_optimum audit
 *		reads "nr nc v11 v12 ... PATTERN" lines (the cells PATTERN withholds
 *		are withheld, every total published), runs the exact audit
 *		(sdc_audit, true values) and prints "pass" when every small count of
 *		the table is withheld and meets the rule, else "fail".
 */
#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static SdcTable *
read_table(int nr, int nc)
{
	SdcTable   *t = sdc_table_alloc(nr, nc);

	for (int i = 0; i < nr * nc; i++)
	{
		long long	v;

		if (scanf("%lld", &v) != 1)
			exit(2);
		t->cell[i] = v;
	}
	if (sdc_table_init(t) != SDC_OK)
		exit(2);
	return t;
}

int
main(int argc, char **argv)
{
	bool		audit = argc > 1 && strcmp(argv[1], "audit") == 0;
	int			nr,
				nc;

	if (argc != 2 || (!audit && strcmp(argv[1], "protect") != 0))
	{
		fprintf(stderr, "usage: protect_optimum protect|audit < tables\n");
		return 2;
	}
	while (scanf("%d %d", &nr, &nc) == 2)
	{
		SdcTable   *t = read_table(nr, nc);
		SdcParams	p;

		sdc_params_default(&p, 5);
		if (audit)
		{
			char		pat[4096];
			SdcInterval *o = calloc(sdc_nentries(t), sizeof(SdcInterval));
			bool		pass = true;

			if (scanf("%4095s", pat) != 1 || strlen(pat) != (size_t) nr * nc)
				return 2;
			for (int i = 0; i < nr * nc; i++)
			{
				t->cstate[i] = pat[i] == '1' ? SDC_SUPPRESSED : SDC_PUBLISHED;
				if (sdc_is_sensitive(&p, t->cell[i]) && pat[i] != '1')
					pass = false;
			}
			if (sdc_audit(t, &p, true, o) != SDC_OK)
				return 3;
			for (size_t e = 0; e < sdc_nentries(t); e++)
				if (!o[e].meets)
					pass = false;
			printf("%s\n", pass ? "pass" : "fail");
			free(o);
		}
		else
		{
			SdcStats	s;
			SdcStatus	st;
			struct timespec a,
						b;
			double		ms;

			clock_gettime(CLOCK_MONOTONIC, &a);
			st = sdc_protect(t, &p, &s);
			clock_gettime(CLOCK_MONOTONIC, &b);
			ms = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
			if (st == SDC_OK)
			{
				printf("ok ");
				for (int i = 0; i < nr * nc; i++)
					putchar(SDC_IS_SUPPRESSED(t->cstate[i]) ? '1' : '0');
				printf(" %.3f\n", ms);
			}
			else if (st == SDC_ERR_UNPROTECTABLE)
				printf("unprotectable - %.3f\n", ms);
			else
			{
				fprintf(stderr, "protect: %s\n", sdc_status_message(st));
				return 3;
			}
		}
		sdc_table_free(t);
	}
	return 0;
}
