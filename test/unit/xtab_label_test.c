/*
 * xtab_label_test.c: unit tests of src/xtab_label.c (no server needed).
 *
 * Checks that the period label of every day from 1900 to 2100 (period.c)
 * parses back to its key and is inferred as its kind, label kind inference
 * and rejection of malformed labels.  The calendar itself is tested by
 * period_test.c.
 */
#include <stdio.h>
#include <string.h>

#include "xtab_label.h"

static int	failures = 0;

#define CHECK(cond, ...) \
	do { if (!(cond)) { failures++; fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

static void
check_infer(const char *label, XtabColKind want, int64_t wantkey)
{
	int64_t		key = -1;
	XtabColKind k = xtab_label_infer(label, (int) strlen(label), &key);

	CHECK(k == want && key == wantkey, "infer(\"%s\") = %d/%lld, want %d/%lld",
		  label, k, (long long) key, want, (long long) wantkey);
}

int
main(void)
{
	/* the period labels of every day of 1900..2100 */
	for (int32_t days = -36524; days <= 36890; days++)
	{
		int64_t		key;
		char		buf[PERIOD_LABEL_MAX];
		int			len;

		for (int g = PERIOD_YEAR; g <= PERIOD_MONTH; g++)
		{
			int64_t		back;

			key = period_key((PeriodGranularity) g, days);
			len = period_label((PeriodGranularity) g, key, buf);
			CHECK(xtab_label_parse((XtabColKind) g, buf, len, &back) && back == key,
				  "label %s of kind %d does not parse back", buf, g);
			CHECK(xtab_label_infer(buf, len, &back) == (XtabColKind) g && back == key,
				  "label %s is not inferred as kind %d", buf, g);
		}
	}

	check_infer("2013", XTAB_COL_YEAR, 2013);
	check_infer("2013/14", XTAB_COL_FY, 2013);
	check_infer("1999/00", XTAB_COL_FY, 1999);
	check_infer("2013/15", XTAB_COL_TEXT, 0);
	check_infer("2013 Q1", XTAB_COL_QUARTER, 2013 * 4);
	check_infer("2013 Q4", XTAB_COL_QUARTER, 2013 * 4 + 3);
	check_infer("2013 Q5", XTAB_COL_TEXT, 0);
	check_infer("2013-01", XTAB_COL_MONTH, 2013 * 12);
	check_infer("2013-12", XTAB_COL_MONTH, 2013 * 12 + 11);
	check_infer("2013-13", XTAB_COL_TEXT, 0);
	check_infer("2013-1", XTAB_COL_TEXT, 0);
	check_infer("42", XTAB_COL_INT, 42);
	check_infer("-7", XTAB_COL_INT, -7);
	check_infer("20130", XTAB_COL_INT, 20130);
	check_infer("", XTAB_COL_TEXT, 0);
	check_infer("-", XTAB_COL_TEXT, 0);
	check_infer("Facebook", XTAB_COL_TEXT, 0);
	check_infer("2013 ", XTAB_COL_TEXT, 0);
	check_infer("1234567890123456789", XTAB_COL_TEXT, 0);

	CHECK(xtab_kind_from_name("fy", 2) == XTAB_COL_FY, "kind fy");
	CHECK(xtab_kind_from_name("week", 4) == XTAB_COL_INFER, "kind week");
	for (int k = XTAB_COL_YEAR; k <= XTAB_COL_KIND_MAX; k++)
	{
		const char *n = xtab_kind_name((XtabColKind) k);

		CHECK(n && xtab_kind_from_name(n, (int) strlen(n)) == (XtabColKind) k, "name of kind %d", k);
	}
	CHECK(xtab_kind_name(XTAB_COL_INFER) == NULL && xtab_kind_name(7) == NULL, "no kind name");

	if (failures)
	{
		fprintf(stderr, "xtab_label_test: %d failures\n", failures);
		return 1;
	}
	printf("xtab_label_test: all passed\n");
	return 0;
}
