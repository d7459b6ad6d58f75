/*
 * marker_test.c
 *		Unit tests and a fuzz smoke run of what a published cell's text means
 *		(src/marker.c), outside the server.  Run by test/checks/marker_unit.sh.
 *
 *	marker_test [N]		the unit tests, then N random texts (default 200000)
 */
#include "marker.h"
#include "unit.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ marker_read */

static void
test_read(void)
{
	marker_meaning c;
	char		why[128];

	/* counts */
	CHECK(marker_read("1,234", &c, why, sizeof why) && c.kind == MARKER_COUNT && c.value == 1234);
	CHECK(marker_read("1,234,567", &c, why, sizeof why) && c.value == 1234567);
	CHECK(marker_read("0", &c, why, sizeof why) && c.kind == MARKER_COUNT && c.value == 0);
	CHECK(!marker_read("1,23", &c, why, sizeof why));
	CHECK(!marker_read("1234,567", &c, why, sizeof why));
	CHECK(!marker_read(",123", &c, why, sizeof why));
	CHECK(!marker_read("12a", &c, why, sizeof why));
	CHECK(!marker_read("1.5", &c, why, sizeof why));
	CHECK_STR(why, "not a whole number");
	CHECK(!marker_read("-5", &c, why, sizeof why));
	CHECK_STR(why, "a count cannot be negative");
	CHECK(!marker_read("99999999999999999999", &c, why, sizeof why));
	CHECK(marker_read("9223372036854775799", &c, why, sizeof why) && c.value == INT64_C(9223372036854775799));

	/* blanks */
	CHECK(marker_read("", &c, why, sizeof why) && c.kind == MARKER_BLANK);
	CHECK(marker_read("-", &c, why, sizeof why) && c.kind == MARKER_BLANK);
	CHECK(marker_read("\xe2\x80\x93", &c, why, sizeof why) && c.kind == MARKER_BLANK);
	CHECK(marker_read("\xe2\x80\x94", &c, why, sizeof why) && c.kind == MARKER_BLANK);
	CHECK(marker_read("N/A", &c, why, sizeof why) && c.kind == MARKER_BLANK && c.value == 0);
	CHECK(marker_read("[z]", &c, why, sizeof why) && c.kind == MARKER_BLANK);

	/* markers without a range */
	CHECK(marker_read("*", &c, why, sizeof why) && c.kind == MARKER_WITHHELD &&
		  c.lo == 0 && c.hi == MARKER_UNBOUNDED);
	CHECK(marker_read("[c]", &c, why, sizeof why) && c.kind == MARKER_WITHHELD);
	CHECK(marker_read("Not Disclosed", &c, why, sizeof why) && c.kind == MARKER_WITHHELD);
	CHECK(marker_read("[LOW]", &c, why, sizeof why) && c.kind == MARKER_WITHHELD);

	/* upper bounds */
	CHECK(marker_read("<5", &c, why, sizeof why) && c.kind == MARKER_WITHHELD && c.lo == 0 && c.hi == 4);
	CHECK(marker_read("< 10", &c, why, sizeof why) && c.hi == 9);
	CHECK(marker_read("<=5", &c, why, sizeof why) && c.hi == 5);
	CHECK(marker_read("\xe2\x89\xa4" "3", &c, why, sizeof why) && c.hi == 3);
	CHECK(marker_read("Less than 5", &c, why, sizeof why) && c.kind == MARKER_WITHHELD && c.hi == 4);
	CHECK(marker_read("less than or equal to 5", &c, why, sizeof why) && c.hi == 5);
	CHECK(marker_read("fewer than 3", &c, why, sizeof why) && c.hi == 2);
	CHECK(marker_read("under 10", &c, why, sizeof why) && c.hi == 9);
	CHECK(marker_read("below 1,000", &c, why, sizeof why) && c.hi == 999);
	CHECK(marker_read("<=0", &c, why, sizeof why) && c.lo == 0 && c.hi == 0);
	CHECK(!marker_read("<0", &c, why, sizeof why));
	CHECK(!marker_read("<", &c, why, sizeof why));
	CHECK(!marker_read("<=x", &c, why, sizeof why));

	/* ranges */
	CHECK(marker_read("1-4", &c, why, sizeof why) && c.kind == MARKER_WITHHELD && c.lo == 1 && c.hi == 4);
	CHECK(marker_read("1 to 4", &c, why, sizeof why) && c.lo == 1 && c.hi == 4);
	CHECK(marker_read("1 - 4", &c, why, sizeof why) && c.lo == 1 && c.hi == 4);
	CHECK(marker_read("1\xe2\x80\x93" "4", &c, why, sizeof why) && c.lo == 1 && c.hi == 4);
	CHECK(marker_read("1 \xe2\x80\x93 4", &c, why, sizeof why) && c.lo == 1 && c.hi == 4);
	CHECK(marker_read("3-3", &c, why, sizeof why) && c.lo == 3 && c.hi == 3);
	CHECK(!marker_read("4-1", &c, why, sizeof why));
	CHECK(!marker_read("1-", &c, why, sizeof why));

	/* long texts are never markers */
	{
		char		s[80];

		memset(s, 'x', sizeof s);
		s[sizeof s - 1] = '\0';
		CHECK(!marker_read(s, &c, why, sizeof why));
		CHECK_STR(why, "not a count, blank, '-' or suppression marker");
	}
	CHECK(!marker_read("junk", &c, why, sizeof why));
	CHECK_STR(why, "not a count, blank, '-' or suppression marker");
}

/* ------------------------------------------------------------ bounds, shown */

static void
test_bounds(void)
{
	int64_t		lo,
				hi;

	marker_bounds(NULL, &lo, &hi);	/* withheld by protect: no marker */
	CHECK(lo == 0 && hi == MARKER_UNBOUNDED);
	marker_bounds("*", &lo, &hi);
	CHECK(lo == 0 && hi == MARKER_UNBOUNDED);
	marker_bounds("<5", &lo, &hi);
	CHECK(lo == 0 && hi == 4);
	marker_bounds("1-4", &lo, &hi);
	CHECK(lo == 1 && hi == 4);
	marker_bounds("LESS THAN 10", &lo, &hi);
	CHECK(lo == 0 && hi == 9);
	/* text that is not a marker says nothing about a withheld count */
	marker_bounds("7", &lo, &hi);
	CHECK(lo == 0 && hi == MARKER_UNBOUNDED);
	marker_bounds("-", &lo, &hi);
	CHECK(lo == 0 && hi == MARKER_UNBOUNDED);
	marker_bounds("junk", &lo, &hi);
	CHECK(lo == 0 && hi == MARKER_UNBOUNDED);

	CHECK_STR(marker_shown("<5", MARKER_DEFAULT), "<5");
	CHECK_STR(marker_shown(NULL, MARKER_DEFAULT), "*");
	CHECK_STR(marker_shown(NULL, "[c]"), "[c]");
	/* a withheld cell never shows a count, blank or dash it carried before */
	CHECK_STR(marker_shown("-", MARKER_DEFAULT), "*");
	CHECK_STR(marker_shown("", MARKER_DEFAULT), "*");
	CHECK_STR(marker_shown("n/a", "[c]"), "[c]");
	CHECK_STR(marker_shown("12", "[c]"), "[c]");
	CHECK_STR(marker_shown("[c]", MARKER_DEFAULT), "[c]");
	CHECK(marker_is_plain_withheld("*"));
	CHECK(marker_is_plain_withheld("[c]"));
	CHECK(marker_is_plain_withheld("x"));
	CHECK(!marker_is_plain_withheld("<5"));
	CHECK(!marker_is_plain_withheld("1-4"));
	CHECK(!marker_is_plain_withheld("-"));
	CHECK(!marker_is_plain_withheld(""));
	CHECK(!marker_is_plain_withheld("0"));
	CHECK(!marker_is_plain_withheld("hidden"));
	CHECK(!marker_is_plain_withheld(NULL));
}

/* ------------------------------------------------------------ properties */

/* v with thousands separators */
static void
with_commas(uint64_t v, char *out, size_t cap)
{
	char		d[32];
	int			n = snprintf(d, sizeof d, "%" PRIu64, v);
	size_t		k = 0;

	for (int i = 0; i < n && k + 1 < cap; i++)
	{
		if (i > 0 && (n - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = d[i];
	}
	out[k] = '\0';
}

static void
test_round_trips(void)
{
	for (int i = 0; i < 20000; i++)
	{
		uint64_t	v = rng() >> (rng() % 64);
		uint64_t	w = v + rng() % 1000;
		char		s[64],
					a[40],
					b[40];
		marker_meaning m;
		char		why[96];

		if (v > INT64_MAX / 2 || w > INT64_MAX / 2)
			continue;
		snprintf(s, sizeof s, "%" PRIu64, v);
		CHECK(marker_read(s, &m, why, sizeof why) && m.kind == MARKER_COUNT && (uint64_t) m.value == v);
		with_commas(v, a, sizeof a);
		CHECK(marker_read(a, &m, why, sizeof why) && m.kind == MARKER_COUNT && (uint64_t) m.value == v);
		snprintf(s, sizeof s, "<%s", a);
		CHECK(marker_read(s, &m, why, sizeof why) == (v > 0));
		if (v > 0)
			CHECK(m.kind == MARKER_WITHHELD && m.lo == 0 && (uint64_t) m.hi == v - 1);
		snprintf(s, sizeof s, "<= %s", a);
		CHECK(marker_read(s, &m, why, sizeof why) && m.lo == 0 && (uint64_t) m.hi == v);
		snprintf(b, sizeof b, "%" PRIu64, w);
		snprintf(s, sizeof s, "%" PRIu64 " to %s", v, b);
		CHECK(marker_read(s, &m, why, sizeof why) && m.kind == MARKER_WITHHELD &&
			  (uint64_t) m.lo == v && (uint64_t) m.hi == w);
	}
}

/* Random texts: never crash; what is read is consistent, what is not says why. */
static void
fuzz(int n)
{
	static const char alphabet[] = "0123456789,.-<=> *xcs[]~/natoulerhfw\xe2\x80\x93\x94\x89\xa4";
	long		read = 0;

	for (int i = 0; i < n; i++)
	{
		char		s[80];
		int			len = (int) (rng() % 30);
		marker_meaning m;
		char		why[96];
		int64_t		lo,
					hi;

		for (int k = 0; k < len; k++)
			s[k] = alphabet[rng() % (sizeof alphabet - 1)];
		s[len] = '\0';
		why[0] = '\0';
		if (marker_read(s, &m, why, sizeof why))
		{
			read++;
			if (m.kind == MARKER_COUNT)
				CHECK(m.value >= 0);
			else if (m.kind == MARKER_WITHHELD)
				CHECK(m.value == 0 && m.lo >= 0 && m.lo <= m.hi);
			else
				CHECK(m.kind == MARKER_BLANK && m.value == 0);
		}
		else
			CHECK(why[0] != '\0');
		marker_bounds(s, &lo, &hi);
		CHECK(lo >= 0 && lo <= hi);
	}
	fprintf(stderr, "marker fuzz: %d texts, %ld read as a count, blank or marker\n", n, read);
}

int
main(int argc, char **argv)
{
	unit_seed(11);
	test_read();
	test_bounds();
	test_round_trips();
	fuzz(argc > 1 ? atoi(argv[1]) : 200000);
	return unit_done("marker");
}
