/*
 * unit.h
 *		What the unit tests of the pure C cores share: check macros that count
 *		and report failures (the first 30 in full), and a deterministic
 *		pseudo-random generator (splitmix64).  Header only; each test is one
 *		program, so the statics here are its own.
 *
 *	CHECK(cond)					counts; reports cond when it fails
 *	CHECK(cond, fmt, ...)		the same, with a printf-style explanation
 *	CHECK_EQ(a, b)				integers, both values reported
 *	CHECK_STR(a, b)				strings (a may be NULL)
 *	unit_seed(s), rng(), rnd(n)	the generator; rnd is 0 .. n-1
 *	unit_done(name)				prints the tally; the exit status for main
 */
#ifndef FOISTATS_UNIT_H
#define FOISTATS_UNIT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int	unit_failures = 0;
static long unit_checks = 0;

static inline int
unit_fail(const char *file, int line, const char *what)
{
	if (++unit_failures > 30)
		return 0;
	fprintf(stderr, "%s:%d: check failed: %s", file, line, what);
	return 1;
}

#define CHECK(cond, ...) do { \
	unit_checks++; \
	if (!(cond) && unit_fail(__FILE__, __LINE__, #cond)) { \
		fprintf(stderr, ": " __VA_ARGS__); \
		fprintf(stderr, "\n"); \
	} \
} while (0)

#define CHECK_EQ(a, b) do { long long _a = (long long) (a), _b = (long long) (b); \
	CHECK(_a == _b, "%s = %lld, expected %lld", #a, _a, _b); } while (0)

#define CHECK_STR(a, b) do { const char *_a = (a), *_b = (b); \
	CHECK(_a && strcmp(_a, _b) == 0, "%s = \"%s\", expected \"%s\"", #a, _a ? _a : "(null)", _b); \
} while (0)

static uint64_t unit_rng_state = 1;

static inline void
unit_seed(uint64_t s)
{
	unit_rng_state = s;
}

static inline uint64_t
rng(void)
{
	uint64_t	z = (unit_rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static inline int64_t
rnd(int64_t n)
{
	return (int64_t) (rng() % (uint64_t) n);
}

static inline int
unit_done(const char *name)
{
	fprintf(stderr, "%s: %ld checks, %d failures\n", name, unit_checks, unit_failures);
	return unit_failures ? 1 : 0;
}

#endif							/* FOISTATS_UNIT_H */
