/*
 * period_test.c: unit tests of src/period.c (no server needed).
 *
 * Checks the calendar arithmetic against the C library's own calendar for
 * every day from 1900 to 2100, the financial-year rule, labels and the
 * granularity names.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "period.h"

static int	failures = 0;

#define CHECK(cond, ...) \
	do { if (!(cond)) { failures++; fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

static void
check_label(PeriodGranularity g, int32_t days, const char *want)
{
	char		buf[PERIOD_LABEL_MAX];
	int			len = period_label(g, period_key(g, days), buf);

	CHECK(len == (int) strlen(want) && strcmp(buf, want) == 0,
		  "label of day %d for %s: \"%s\", want \"%s\"", days, period_granularity_name(g),
		  buf, want);
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

		gmtime_r(&t, &tm);
		period_days_to_ymd(days, &y, &m, &d);
		CHECK(y == tm.tm_year + 1900 && m == tm.tm_mon + 1 && d == tm.tm_mday,
			  "day %d: got %d-%d-%d", days, y, m, d);
		CHECK(period_key(PERIOD_YEAR, days) == y, "year of %d-%d-%d", y, m, d);
		key = period_key(PERIOD_FY, days);
		CHECK(key == (m >= 4 ? y : y - 1), "fy of %d-%d-%d is %lld", y, m, d, (long long) key);
		CHECK(period_key(PERIOD_QUARTER, days) == (int64_t) y * 4 + (m - 1) / 3,
			  "quarter of %d-%d-%d", y, m, d);
		CHECK(period_key(PERIOD_MONTH, days) == (int64_t) y * 12 + m - 1,
			  "month of %d-%d-%d", y, m, d);
	}

	/* 2013-03-31 is day 4838, 2013-04-01 day 4839; 1999-12-31 day -1 */
	check_label(PERIOD_YEAR, 4838, "2013");
	check_label(PERIOD_FY, 4838, "2012/13");
	check_label(PERIOD_FY, 4839, "2013/14");
	check_label(PERIOD_FY, -1, "1999/00");
	check_label(PERIOD_QUARTER, 4838, "2013 Q1");
	check_label(PERIOD_QUARTER, 4839, "2013 Q2");
	check_label(PERIOD_MONTH, 4838, "2013-03");
	check_label(PERIOD_MONTH, -1, "1999-12");

	CHECK(period_granularity_from_name("int", 3) == 0, "int is no granularity");
	CHECK(period_granularity_from_name("week", 4) == 0, "week is no granularity");
	CHECK(period_granularity_from_name("fy", 2) == PERIOD_FY, "granularity fy");
	CHECK(period_granularity_from_name("month", 5) == PERIOD_MONTH, "granularity month");
	for (int g = PERIOD_YEAR; g <= PERIOD_MONTH; g++)
	{
		const char *n = period_granularity_name((PeriodGranularity) g);

		CHECK(n && period_granularity_from_name(n, (int) strlen(n)) == g, "name of %d", g);
	}

	if (failures)
	{
		fprintf(stderr, "period_test: %d failures\n", failures);
		return 1;
	}
	printf("period_test: all passed\n");
	return 0;
}
