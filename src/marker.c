/*
 * marker.c
 *		What the text of a published cell means (see marker.h).
 *
 * Pure C (no postgres.h).  marker_read() tries, in order: a blank, a count,
 * a word marker ('*', '[c]', 'suppressed'), an upper bound ('<5', 'less than
 * 5'), a range ('1-4'); the first that reads the whole text wins.
 */
#include "marker.h"

#include "ascii.h"
#include <stdio.h>
#include <string.h>

/* Longest text compared with the word lists (longer is never a marker). */
#define MARKER_TEXT_MAX 64

static const char *const withheld_words[] = {
	"*", "**", "***", "x", "[x]", "c", "[c]", "..", "~", "s", "[s]",
	"suppressed", "redacted", "withheld", "not disclosed", "[low]"
};

static const char *const not_applicable[] = {"n/a", "[z]", "na"};

/* "<5", "less than 5": the count is below (or, inclusive, at most) the number */
static const struct
{
	const char *prefix;
	bool		inclusive;
}			upper_words[] = {
	{"<=", true}, {"\xe2\x89\xa4", true}, {"<", false},
	{"less than or equal to ", true}, {"less than ", false},
	{"fewer than ", false}, {"under ", false}, {"below ", false}
};

/* "1-4", "1 - 4", "1–4", "1 to 4" */
static const char *const range_separators[] = {
	" to ", "-", " - ", "\xe2\x80\x93", " \xe2\x80\x93 "
};

#define lengthof(a) (sizeof(a) / sizeof((a)[0]))

bool
marker_read_count(const char *s, int64_t *out)
{
	int64_t		v = 0;
	int			digits = 0;
	int			group = -1;		/* digits since the last comma, -1 before any */
	const char *p = s;

	if (!ascii_isdigit((unsigned char) *p))
		return false;
	for (; *p; p++)
	{
		if (ascii_isdigit((unsigned char) *p))
		{
			if (v > (INT64_MAX - 9) / 10)
				return false;
			v = v * 10 + (*p - '0');
			digits++;
			if (group >= 0)
				group++;
		}
		else if (*p == ',')
		{
			if (group == -1)
			{
				if (digits < 1 || digits > 3)
					return false;
			}
			else if (group != 3)
				return false;
			group = 0;
		}
		else
			return false;
	}
	if (group != -1 && group != 3)
		return false;
	*out = v;
	return true;
}

static bool
in_list(const char *low, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(low, list[i]) == 0)
			return true;
	return false;
}

static const char *
skip_prefix(const char *s, const char *prefix)
{
	size_t		n = strlen(prefix);

	return strncmp(s, prefix, n) == 0 ? s + n : NULL;
}

static bool
is_blank(const char *s)
{
	return *s == '\0' || strcmp(s, "-") == 0 || strcmp(s, "\xe2\x80\x93") == 0 ||
		strcmp(s, "\xe2\x80\x94") == 0;
}

static void
withheld(marker_meaning *m, int64_t lo, int64_t hi)
{
	m->kind = MARKER_WITHHELD;
	m->lo = lo;
	m->hi = hi;
}

/* "<5", "< 5", "<=5", "≤5", "less than 5", ...: the first prefix that matches decides */
static bool
read_upper(const char *low, marker_meaning *m)
{
	for (size_t i = 0; i < lengthof(upper_words); i++)
	{
		const char *rest = skip_prefix(low, upper_words[i].prefix);
		int64_t		v;

		if (!rest)
			continue;
		while (*rest == ' ')
			rest++;
		if (!marker_read_count(rest, &v) || (!upper_words[i].inclusive && v == 0))
			return false;
		withheld(m, 0, upper_words[i].inclusive ? v : v - 1);
		return true;
	}
	return false;
}

/* "1-4", "1 to 4": plain digits, a separator, a count no smaller */
static bool
read_range(const char *low, marker_meaning *m)
{
	char		first[24];
	size_t		k = 0;
	const char *p = low;
	int64_t		a,
				b;

	while (ascii_isdigit((unsigned char) *p) && k + 1 < sizeof(first))
		first[k++] = *p++;
	first[k] = '\0';
	if (k == 0 || !marker_read_count(first, &a))
		return false;
	for (size_t i = 0; i < lengthof(range_separators); i++)
	{
		const char *rest = skip_prefix(p, range_separators[i]);

		if (rest && marker_read_count(rest, &b) && a <= b)
		{
			withheld(m, a, b);
			return true;
		}
	}
	return false;
}

static bool
fail(const char *s, char *why, size_t whylen)
{
	if (strchr(s, '.') && ascii_isdigit((unsigned char) s[0]))
		snprintf(why, whylen, "not a whole number");
	else if (s[0] == '-' && ascii_isdigit((unsigned char) s[1]))
		snprintf(why, whylen, "a count cannot be negative");
	else
		snprintf(why, whylen, "not a count, blank, '-' or suppression marker");
	return false;
}

bool
marker_read(const char *s, marker_meaning *m, char *why, size_t whylen)
{
	char		low[MARKER_TEXT_MAX];
	size_t		n = strlen(s);

	m->kind = MARKER_BLANK;
	m->value = 0;
	m->lo = 0;
	m->hi = MARKER_UNBOUNDED;
	if (is_blank(s))
		return true;
	if (marker_read_count(s, &m->value))
	{
		m->kind = MARKER_COUNT;
		return true;
	}
	if (n >= sizeof(low))
	{
		snprintf(why, whylen, "not a count, blank, '-' or suppression marker");
		return false;
	}
	for (size_t i = 0; i <= n; i++)
		low[i] = (char) ascii_tolower((unsigned char) s[i]);
	if (in_list(low, not_applicable, lengthof(not_applicable)))
		return true;
	if (in_list(low, withheld_words, lengthof(withheld_words)))
	{
		withheld(m, 0, MARKER_UNBOUNDED);
		return true;
	}
	if (read_upper(low, m) || read_range(low, m))
		return true;
	return fail(s, why, whylen);
}

void
marker_bounds(const char *marker, int64_t *lo, int64_t *hi)
{
	marker_meaning m;
	char		why[96];

	*lo = 0;
	*hi = MARKER_UNBOUNDED;
	if (marker && marker_read(marker, &m, why, sizeof(why)) && m.kind == MARKER_WITHHELD)
	{
		*lo = m.lo;
		*hi = m.hi;
	}
}

const char *
marker_shown(const char *own, const char *fallback)
{
	marker_meaning m;
	char		why[96];

	if (own && marker_read(own, &m, why, sizeof(why)) && m.kind == MARKER_WITHHELD)
		return own;
	return fallback;
}

bool
marker_is_plain_withheld(const char *s)
{
	marker_meaning m;
	char		why[96];

	return s && marker_read(s, &m, why, sizeof(why)) && m.kind == MARKER_WITHHELD &&
		m.lo == 0 && m.hi == MARKER_UNBOUNDED;
}
