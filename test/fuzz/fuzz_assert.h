/*
 * fuzz_assert.h
 *		FUZZ_ASSERT(cond, fmt, ...): abort (libFuzzer then saves the input as
 *		a crash) with the file, line, condition and a message when a property
 *		of a result does not hold.  Used by every harness (fuzz.h includes it;
 *		fuzz_xtab.c, built on the server shim, includes it alone).
 */
#ifndef FOISTATS_FUZZ_ASSERT_H
#define FOISTATS_FUZZ_ASSERT_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_ASSERT(cond, ...) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: property failed: %s: ", __FILE__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fprintf(stderr, "\n"); \
		abort(); \
	} \
} while (0)

#endif							/* FOISTATS_FUZZ_ASSERT_H */
