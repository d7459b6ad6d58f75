/*
 * xtab_label_test.c: unit tests of src/xtab_label.c (no server needed).
 *
 * Checks the calendar arithmetic against the C library's own calendar for
 * every day from 1900 to 2100, period labels and their parsing back, label
 * kind inference and rejection of malformed labels.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

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
	/* days since 2000-01-01 against gmtime() for 1900..2100 */
	for (int32_t days = -36524; days <= 36890; days++)
	{
		time_t		t = (time_t) (days + 10957) * 86400;
		struct tm	tm;
		int			y, m, d;
		int64_t		key;
		char		buf[XTAB_PERIOD_LABEL_MAX];
		int			len;

		gmtime_r(&t, &tm);
		xtab_days_to_ymd(days, &y, &m, &d);
		CHECK(y == tm.tm_year + 1900 && m == tm.tm_mon + 1 && d == tm.tm_mday,
			  "day %d: got %d-%d-%d", days, y, m, d);

		for (int g = XTAB_GRAN_YEAR; g <= XTAB_GRAN_MONTH; g++)
		{
			int64_t		back;

			key = xtab_period_key((XtabGranularity) g, days);
			len = xtab_period_label((XtabGranularity) g, key, buf);
			CHECK(xtab_label_parse((XtabColKind) g, buf, len, &back) && back == key,
				  "label %s of kind %d does not parse back", buf, g);
			CHECK(xtab_label_infer(buf, len, &back) == (XtabColKind) g && back == key,
				  "label %s is not inferred as kind %d", buf, g);
		}
		key = xtab_period_key(XTAB_GRAN_FY, days);
		CHECK(key == (m >= 4 ? y : y - 1), "fy of %d-%d-%d is %lld", y, m, d, (long long) key);
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
	CHECK(xtab_granularity_from_name("int", 3) == 0, "int is no granularity");
	CHECK(xtab_granularity_from_name("month", 5) == XTAB_GRAN_MONTH, "granularity month");

	if (failures)
	{
		fprintf(stderr, "xtab_label_test: %d failures\n", failures);
		return 1;
	}
	printf("xtab_label_test: all passed\n");
	return 0;
}
