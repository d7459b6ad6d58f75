/*
 * period.c
 *		Calendar periods of a day: year, UK financial year, quarter, month (see
 *		period.h).  Plain C, no postgres.h.
 */
#include <stdio.h>
#include <string.h>

#include "period.h"

/* floor(a / b) for b > 0 */
static inline int64_t
floordiv(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if ((a % b) != 0 && a < 0)
		q--;
	return q;
}

static const char *const granularity_names[] = {
	NULL, "year", "fy", "quarter", "month"
};

int
period_granularity_from_name(const char *name, int len)
{
	for (int g = PERIOD_YEAR; g <= PERIOD_MONTH; g++)
	{
		if ((int) strlen(granularity_names[g]) == len &&
			memcmp(granularity_names[g], name, len) == 0)
			return g;
	}
	return 0;
}

const char *
period_granularity_name(PeriodGranularity gran)
{
	if (gran < PERIOD_YEAR || gran > PERIOD_MONTH)
		return NULL;
	return granularity_names[gran];
}

/*
 * Days since 2000-01-01 to a proleptic Gregorian date, after Howard Hinnant's
 * civil_from_days (public domain), with eras of 400 years.
 */
void
period_days_to_ymd(int32_t days2000, int *year, int *month, int *day)
{
	int64_t		z = (int64_t) days2000 + 10957 + 719468;	/* days since
															 * 0000-03-01 */
	int64_t		era = floordiv(z, 146097);
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;
	int64_t		d = doy - (153 * mp + 2) / 5 + 1;
	int64_t		m = mp < 10 ? mp + 3 : mp - 9;
	int64_t		y = yoe + era * 400 + (m <= 2);

	*year = (int) y;
	*month = (int) m;
	*day = (int) d;
}

int64_t
period_key(PeriodGranularity gran, int32_t days)
{
	int			y,
				m,
				d;

	period_days_to_ymd(days, &y, &m, &d);
	switch (gran)
	{
		case PERIOD_YEAR:
			return y;
		case PERIOD_FY:
			return m >= 4 ? y : y - 1;
		case PERIOD_QUARTER:
			return (int64_t) y * 4 + (m - 1) / 3;
		case PERIOD_MONTH:
			return (int64_t) y * 12 + (m - 1);
	}
	return 0;
}

int
period_label(PeriodGranularity gran, int64_t key, char *buf)
{
	int64_t		y;

	switch (gran)
	{
		case PERIOD_YEAR:
			return snprintf(buf, PERIOD_LABEL_MAX, "%04lld", (long long) key);
		case PERIOD_FY:
			return snprintf(buf, PERIOD_LABEL_MAX, "%04lld/%02d",
							(long long) key, (int) (((key + 1) % 100 + 100) % 100));
		case PERIOD_QUARTER:
			y = floordiv(key, 4);
			return snprintf(buf, PERIOD_LABEL_MAX, "%04lld Q%d",
							(long long) y, (int) (key - y * 4) + 1);
		case PERIOD_MONTH:
			y = floordiv(key, 12);
			return snprintf(buf, PERIOD_LABEL_MAX, "%04lld-%02d",
							(long long) y, (int) (key - y * 12) + 1);
	}
	buf[0] = '\0';
	return 0;
}
