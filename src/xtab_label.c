/*
 * xtab_label.c
 *		Column-label kinds of a cross-tab, in plain C (no postgres.h).
 *
 * See xtab_label.h for the label formats and sort keys.  The chronological
 * kinds are the calendar periods of period.c.
 */
#include <stdio.h>
#include <string.h>

#include "xtab_label.h"

/* names of the kinds that are not periods (the periods' are period.c's) */
static const char *const other_kind_names[] = {"int", "text"};

const char *
xtab_kind_name(XtabColKind kind)
{
	if (kind >= XTAB_COL_YEAR && kind <= XTAB_COL_MONTH)
		return period_granularity_name((PeriodGranularity) kind);
	if (kind < XTAB_COL_INT || kind > XTAB_COL_KIND_MAX)
		return NULL;
	return other_kind_names[kind - XTAB_COL_INT];
}

XtabColKind
xtab_kind_from_name(const char *name, int len)
{
	int			g = period_granularity_from_name(name, len);

	if (g != 0)
		return (XtabColKind) g;
	for (int k = XTAB_COL_INT; k <= XTAB_COL_KIND_MAX; k++)
	{
		const char *kn = other_kind_names[k - XTAB_COL_INT];

		if ((int) strlen(kn) == len && memcmp(kn, name, len) == 0)
			return (XtabColKind) k;
	}
	return XTAB_COL_INFER;
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
