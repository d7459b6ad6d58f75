/*
 * fuzz.h
 *		What the libFuzzer harnesses in test/fuzz/ share: an arena freed after
 *		every input (the cores allocate and never free piecemeal, as with
 *		palloc in a memory context), a reader that takes integers from the
 *		front of the fuzz bytes, and FUZZ_ASSERT, which aborts (libFuzzer
 *		then saves the input as a crash) when a property of the result does
 *		not hold.  Header only; each harness is one program.
 */
#ifndef FOISTATS_FUZZ_H
#define FOISTATS_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_assert.h"

/* ---- arena: zeroed blocks, all freed by fuzz_arena_reset() */

typedef struct fuzz_block
{
	struct fuzz_block *next;
	long double data[];		/* aligned for any type */
} fuzz_block;

static fuzz_block *fuzz_arena = NULL;

static inline void *
fuzz_alloc(size_t size)
{
	fuzz_block *b = calloc(1, sizeof(fuzz_block) + size);

	if (!b)
	{
		fprintf(stderr, "out of memory\n");
		abort();
	}
	b->next = fuzz_arena;
	fuzz_arena = b;
	return b->data;
}

static inline void
fuzz_arena_reset(void)
{
	while (fuzz_arena)
	{
		fuzz_block *n = fuzz_arena->next;

		free(fuzz_arena);
		fuzz_arena = n;
	}
}

/* A NUL-terminated copy of data[0..len) (the cores that read C strings). */
static inline char *
fuzz_cstring(const uint8_t *data, size_t len)
{
	char	   *s = fuzz_alloc(len + 1);

	memcpy(s, data, len);
	s[len] = '\0';
	return s;
}

/* ---- reader: integers from the front, the rest left as text */

typedef struct fuzz_reader
{
	const uint8_t *p;
	size_t		n;
} fuzz_reader;

static inline uint8_t
fuzz_u8(fuzz_reader *r)
{
	uint8_t		v = 0;

	if (r->n > 0)
	{
		v = r->p[0];
		r->p++;
		r->n--;
	}
	return v;
}

static inline uint64_t
fuzz_u64(fuzz_reader *r)
{
	uint64_t	v = 0;

	for (int i = 0; i < 8; i++)
		v = (v << 8) | fuzz_u8(r);
	return v;
}

/* 0 .. n-1 (n >= 1) */
static inline unsigned
fuzz_below(fuzz_reader *r, unsigned n)
{
	return (unsigned) (n <= 256 ? fuzz_u8(r) % n : ((unsigned) fuzz_u8(r) << 8 | fuzz_u8(r)) % n);
}

/*
 * A count as tables hold them: mostly small (where the rules bite), now and
 * then large, or at the edge of int64 (where sums overflow).
 */
static inline int64_t
fuzz_count(fuzz_reader *r, int64_t max)
{
	uint8_t		k = fuzz_u8(r);
	int64_t		v;

	if (k < 200)
		v = k % 12;
	else if (k < 240)
		v = (int64_t) (fuzz_u64(r) % 100000);
	else
		v = (int64_t) (fuzz_u64(r) >> 1);
	return v > max ? max : v;
}

#endif							/* FOISTATS_FUZZ_H */
