/* classify_test: test driver of the pure classifier (src/classify.c).  Classifies each
 * line of stdin and prints the result, tab separated: title, code, class, family,
 * victim_sex, victim_age, offender_age, penetration, attempt, unparsed, reason.  Run by
 * test/checks/classify_unit.sh, which checks the output. */
#include <stdio.h>
#include <string.h>
#include "../../src/classify.h"
#include "../../src/classify_rules.h"

static void
rng(int has, int lo, int hi)
{
	if (!has)
		printf("\t-");
	else if (hi < 0)
		printf("\t[%d,)", lo);
	else
		printf("\t[%d,%d)", lo, hi);
}

int
main(int argc, char **argv)
{
	char		line[8192];

	if (argc > 1 && strcmp(argv[1], "--lists") == 0)
	{
		/* the codes whose Home Office title states penetration / an adult offender */
		int			i;

		for (i = 0; classify_pen_titled[i]; i++)
			printf("pen\t%s\n", classify_pen_titled[i]);
		for (i = 0; classify_adult_titled[i]; i++)
			printf("adult\t%s\n", classify_adult_titled[i]);
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "--key") == 0)
	{
		/* offence_title_key of each line */
		while (fgets(line, sizeof(line), stdin))
		{
			char		key[1024];
			bool		att;
			char		victim;
			size_t		n = strlen(line);

			while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				line[--n] = '\0';
			offence_title_key(line, n, key, sizeof(key), &att, &victim);
			printf("%s\t%s%s%s\n", line, att ? "attempt: " : "",
				   victim == 'C' ? "constable: " : victim == 'E' ? "emergency worker: " : "", key);
		}
		return 0;
	}

	while (fgets(line, sizeof(line), stdin))
	{
		OffenceResult r;
		size_t		n = strlen(line);
		int			i;

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		offence_parse(line, n, &r);
		printf("%s\t%s\t%s\t%s\t%c", line, r.code[0] ? r.code : "-", r.cls[0] ? r.cls : "-",
			   r.family >= 0 ? offence_family_names[r.family] : "-",
			   r.victim_sex ? r.victim_sex : '-');
		rng(r.has_vage, r.vage_lo, r.vage_hi);
		rng(r.has_oage, r.oage_lo, r.oage_hi);
		printf("\t%s%s", r.penetration < 0 ? "-" : r.penetration ? "t" : "f",
			   r.pen_source == 'i' ? "(i)" : "");
		printf("\t%s%s\t", r.attempt ? "att" : "-", r.multiple ? ",multi" : "");
		for (i = 0; i < r.n_unparsed; i++)
			printf("%s%s", i ? "," : "", r.unparsed[i]);
		printf("\t%s%s%s\n", r.given_code, r.given_class, r.reason[0] ? "" : "");
		if (r.reason[0])
			printf("\t\treason: %s\n", r.reason);
	}
	return 0;
}
