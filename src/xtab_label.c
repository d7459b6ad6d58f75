/*
 * xtab_label.c
 *		Column-label kinds and calendar periods, in plain C (no postgres.h).
 *
 * See xtab_label.h for the label formats and sort keys.  Everything here is
 * integer arithmetic on PostgreSQL's day numbers (days since 2000-01-01), so
 * the aggregates can bucket a date per row without calling any SQL function.
 */
#include <stdio.h>
#include <string.h>

#include "xtab_label.h"

/* floor(a / b) for b > 0 */
static inline int64_t
floordiv(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if ((a % b) != 0 && a < 0)
		q--;
	return q;
}

static const char *const kind_names[] = {
	NULL, "year", "fy", "quarter", "month", "int", "text"
};

const char *
xtab_kind_name(XtabColKind kind)
{
	if (kind < XTAB_COL_YEAR || kind > XTAB_COL_KIND_MAX)
		return NULL;
	return kind_names[kind];
}

XtabColKind
xtab_kind_from_name(const char *name, int len)
{
	for (int k = XTAB_COL_YEAR; k <= XTAB_COL_KIND_MAX; k++)
	{
		if ((int) strlen(kind_names[k]) == len &&
			memcmp(kind_names[k], name, len) == 0)
			return (XtabColKind) k;
	}
	return XTAB_COL_INFER;
}

int
xtab_granularity_from_name(const char *name, int len)
{
	XtabColKind k = xtab_kind_from_name(name, len);

	if (k >= XTAB_COL_YEAR && k <= XTAB_COL_MONTH)
		return (int) k;
	return 0;
}

/*
 * Parse an optionally signed decimal integer occupying exactly s[0..len).
 * At most maxdigits digits; no leading '+', no spaces.
 */
static bool
parse_int(const char *s, int len, int maxdigits, bool allow_sign, int64_t *out)
{
	int			i = 0;
	bool		neg = false;
	int64_t		v = 0;

	if (len > 0 && s[0] == '-' && allow_sign)
	{
		neg = true;
		i = 1;
	}
	if (i >= len || len - i > maxdigits)
		return false;
	for (; i < len; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = neg ? -v : v;
	return true;
}

/* position of character ch in s[0..len), or -1 */
static int
find_char(const char *s, int len, char ch)
{
	for (int i = 0; i < len; i++)
		if (s[i] == ch)
			return i;
	return -1;
}

/*
 * Years in labels: an optional '-' and 1 to 7 digits (PostgreSQL dates reach
 * year 5874897).  Inference (below) only recognises exactly four digits.
 */
#define YEAR_DIGITS 7

bool
xtab_label_parse(XtabColKind kind, const char *s, int len, int64_t *key)
{
	int64_t		y,
				n;
	int			p;

	switch (kind)
	{
		case XTAB_COL_YEAR:
			return parse_int(s, len, YEAR_DIGITS, true, key);
		case XTAB_COL_FY:
			/* YYYY/YY with YY = (YYYY + 1) mod 100 */
			p = find_char(s, len, '/');
			if (p < 0 || len - p - 1 != 2)
				return false;
			if (!parse_int(s, p, YEAR_DIGITS, true, &y) ||
				!parse_int(s + p + 1, 2, 2, false, &n))
				return false;
			if (n != ((y + 1) % 100 + 100) % 100)
				return false;
			*key = y;
			return true;
		case XTAB_COL_QUARTER:
			/* YYYY Qn */
			if (len < 4 || s[len - 3] != ' ' || s[len - 2] != 'Q' ||
				s[len - 1] < '1' || s[len - 1] > '4')
				return false;
			if (!parse_int(s, len - 3, YEAR_DIGITS, true, &y))
				return false;
			*key = y * 4 + (s[len - 1] - '1');
			return true;
		case XTAB_COL_MONTH:
			/* YYYY-MM, the '-' being the last but two character */
			if (len < 4 || s[len - 3] != '-')
				return false;
			if (!parse_int(s, len - 3, YEAR_DIGITS, true, &y) ||
				!parse_int(s + len - 2, 2, 2, false, &n) || n < 1 || n > 12)
				return false;
			*key = y * 12 + (n - 1);
			return true;
		case XTAB_COL_INT:
			return parse_int(s, len, 18, true, key);
		case XTAB_COL_TEXT:
			*key = 0;
			return true;
		default:
			return false;
	}
}

XtabColKind
xtab_label_infer(const char *s, int len, int64_t *key)
{
	/* a period only when its year has exactly four digits */
	if (len >= 4 && s[0] >= '0' && s[0] <= '9' &&
		(len == 4 || s[4] == '/' || s[4] == ' ' || s[4] == '-'))
	{
		XtabColKind k = len == 4 ? XTAB_COL_YEAR :
		s[4] == '/' ? XTAB_COL_FY :
		s[4] == ' ' ? XTAB_COL_QUARTER : XTAB_COL_MONTH;

		if (xtab_label_parse(k, s, len, key))
			return k;
	}
	if (xtab_label_parse(XTAB_COL_INT, s, len, key))
		return XTAB_COL_INT;
	*key = 0;
	return XTAB_COL_TEXT;
}

/*
 * Days since 2000-01-01 to a proleptic Gregorian date, after Howard Hinnant's
 * civil_from_days (public domain), with eras of 400 years.
 */
void
xtab_days_to_ymd(int32_t days2000, int *year, int *month, int *day)
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
xtab_period_key(XtabGranularity gran, int32_t days)
{
	int			y,
				m,
				d;

	xtab_days_to_ymd(days, &y, &m, &d);
	switch (gran)
	{
		case XTAB_GRAN_YEAR:
			return y;
		case XTAB_GRAN_FY:
			return m >= 4 ? y : y - 1;
		case XTAB_GRAN_QUARTER:
			return (int64_t) y * 4 + (m - 1) / 3;
		case XTAB_GRAN_MONTH:
			return (int64_t) y * 12 + (m - 1);
	}
	return 0;
}

int
xtab_period_label(XtabGranularity gran, int64_t key, char *buf)
{
	int64_t		y;

	switch (gran)
	{
		case XTAB_GRAN_YEAR:
			return snprintf(buf, XTAB_PERIOD_LABEL_MAX, "%04lld", (long long) key);
		case XTAB_GRAN_FY:
			return snprintf(buf, XTAB_PERIOD_LABEL_MAX, "%04lld/%02d",
							(long long) key, (int) (((key + 1) % 100 + 100) % 100));
		case XTAB_GRAN_QUARTER:
			y = floordiv(key, 4);
			return snprintf(buf, XTAB_PERIOD_LABEL_MAX, "%04lld Q%d",
							(long long) y, (int) (key - y * 4) + 1);
		case XTAB_GRAN_MONTH:
			y = floordiv(key, 12);
			return snprintf(buf, XTAB_PERIOD_LABEL_MAX, "%04lld-%02d",
							(long long) y, (int) (key - y * 12) + 1);
	}
	buf[0] = '\0';
	return 0;
}
