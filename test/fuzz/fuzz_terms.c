/*
 * fuzz_terms.c
 *		libFuzzer harness of the term dictionary compiler and matcher
 *		(src/terms.c): a dictionary and a text, both from the input.
 *
 * Input: a control byte, then the dictionary (aliases one a line, a
 * leading '!' makes an exclusion; alias i gets label i % 5, so the same
 * alias under two labels -- a conflict -- happens), then a NUL byte, then the
 * text to scan (the rest, not NUL-terminated).  Control byte:
 *	bit 0		also scan with AC_SCAN_ANY and compare
 *	bits 1-7	when not 0: the allocator fails after that many calls
 *				(every out-of-memory path must report AC_ERR_NOMEM or -1
 *				and leak nothing)
 * Properties: ac_builder_add and compile fail only with their documented
 * codes; hits are in text order, non-overlapping, inside the text, with the
 * label and exclusion flag of the alias they name; an AC_SCAN_ANY scan finds
 * a match iff the full scan selects a non-exclusion hit; ac_normalize never
 * grows an alias and is idempotent; an alias gives at most 8 patterns (its
 * apostrophe spellings).
 * LeakSanitizer checks that everything is released.
 */
#include "terms.h"
#include "fuzz.h"

typedef struct fail_mem
{
	long		calls;
	long		fail_after;		/* 0: never */
} fail_mem;

static void *
m_alloc(void *arg, size_t size)
{
	fail_mem   *m = arg;

	if (m->fail_after && ++m->calls > m->fail_after)
		return NULL;
	return malloc(size ? size : 1);
}

static void
m_release(void *arg, void *p)
{
	(void) arg;
	free(p);
}

static void
tick(void *arg)
{
	(*(long *) arg)++;
}

#define MAX_ALIASES 256

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fail_mem	fm = {0, 0};
	ac_mem		mem = {m_alloc, m_release, &fm};
	const uint8_t *nul;
	const char *dict,
			   *text;
	size_t		dlen,
				tlen;
	bool		excl[MAX_ALIASES];
	int			naliases = 0;
	ac_builder *b;
	ac_automaton *a;
	int			err = -1;
	int32_t		ca = -1,
				cb = -1;
	long		ticks = 0;

	if (size < 1)
		return 0;
	fm.fail_after = data[0] >> 1;
	nul = memchr(data + 1, '\0', size - 1);
	dict = (const char *) data + 1;
	dlen = nul ? (size_t) (nul - (data + 1)) : size - 1;
	text = nul ? (const char *) nul + 1 : "";
	tlen = nul ? size - (size_t) (nul + 1 - data) : 0;

	b = ac_builder_new(&mem);
	if (b == NULL)
	{
		FUZZ_ASSERT(fm.fail_after, "ac_builder_new failed with memory");
		return 0;
	}
	for (size_t p = 0; p < dlen && naliases < MAX_ALIASES;)
	{
		const char *line = dict + p;
		const char *eol = memchr(line, '\n', dlen - p);
		size_t		n = eol ? (size_t) (eol - line) : dlen - p;
		bool		ex = n > 0 && line[0] == '!';
		int			rc;
		char	   *norm = fuzz_alloc(n + 1);
		char	   *norm2 = fuzz_alloc(n + 1);
		size_t		nn,
					nn2;

		p += n + 1;
		nn = ac_normalize(line + ex, n - ex, norm);
		FUZZ_ASSERT(nn <= n - ex, "normalised alias grew from %zu to %zu", n - ex, nn);
		nn2 = ac_normalize(norm, nn, norm2);
		FUZZ_ASSERT(nn2 == nn && memcmp(norm, norm2, nn) == 0, "ac_normalize not idempotent");

		rc = ac_builder_add(b, line + ex, n - ex, naliases % 5, naliases, ex);
		FUZZ_ASSERT(rc == AC_OK || rc == AC_ERR_EMPTY || rc == AC_ERR_TOOLONG ||
					(rc == AC_ERR_NOMEM && fm.fail_after), "ac_builder_add: %d", rc);
		FUZZ_ASSERT(rc != AC_ERR_EMPTY || nn == 0, "non-empty alias said empty");
		if (rc == AC_ERR_NOMEM)
		{
			ac_builder_free(b);
			fuzz_arena_reset();
			return 0;
		}
		excl[naliases++] = ex;
	}
	a = ac_builder_compile(b, &err, &ca, &cb);
	ac_builder_free(b);
	if (a == NULL)
	{
		FUZZ_ASSERT(err == AC_ERR_CONFLICT || err == AC_ERR_TOOBIG ||
					(err == AC_ERR_NOMEM && fm.fail_after), "compile failed: %d", err);
		if (err == AC_ERR_CONFLICT)
			FUZZ_ASSERT(ca >= 0 && ca < naliases && cb >= 0 && cb < naliases && ca != cb,
						"conflict between aliases %d and %d of %d", ca, cb, naliases);
		fuzz_arena_reset();
		return 0;
	}
	FUZZ_ASSERT(ac_state_count(a) >= 1 && ac_pattern_count(a) <= (size_t) 8 * naliases,
				"%zu states, %zu patterns, %d aliases", ac_state_count(a), ac_pattern_count(a),
				naliases);
	(void) ac_memory_bytes(a);
	(void) ac_has_exclusions(a);

	{
		ac_hits		h = {0};
		long		n = ac_scan(a, text, tlen, &h, 0, tick, &ticks);
		bool		positive = false;

		FUZZ_ASSERT(n >= 0 || fm.fail_after, "scan failed with memory");
		for (long i = 0; i < n; i++)
		{
			const ac_hit *x = &h.v[i];

			FUZZ_ASSERT(x->start < x->end && x->end <= tlen, "hit [%zu, %zu) of %zu",
						x->start, x->end, tlen);
			FUZZ_ASSERT(i == 0 || h.v[i - 1].end <= x->start, "hits overlap or out of order");
			FUZZ_ASSERT(x->alias_id >= 0 && x->alias_id < naliases, "alias %d", x->alias_id);
			FUZZ_ASSERT(x->exclude == excl[x->alias_id], "exclusion flag of alias %d",
						x->alias_id);
			FUZZ_ASSERT(x->label == x->alias_id % 5 || x->exclude,
						"label %d for alias %d", x->label, x->alias_id);
			positive |= !x->exclude;
		}
		if ((data[0] & 1) && n >= 0)
		{
			ac_hits		h2 = {0};
			long		n2 = ac_scan(a, text, tlen, &h2, AC_SCAN_ANY, NULL, NULL);

			if (n2 >= 0)
			{
				bool		any = false;

				for (long i = 0; i < n2; i++)
					any |= !h2.v[i].exclude;
				FUZZ_ASSERT(any == positive, "AC_SCAN_ANY %s, the full scan %s",
							any ? "matches" : "does not match", positive ? "does" : "does not");
			}
			ac_hits_free(a, &h2);
		}
		ac_hits_free(a, &h);
	}
	ac_free(a);
	fuzz_arena_reset();
	return 0;
}
