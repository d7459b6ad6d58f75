/*
 * terms.c
 *		The term matcher: multi-pattern word matching over UTF-8 text with an
 *		Aho-Corasick automaton compiled to a dense DFA over byte classes.  Pure
 *		C (no postgres.h); see terms.h for the matching rules.
 *
 * How it works, for a newcomer:
 *
 *	1. Each alias is normalised (case folded, whitespace collapsed) and
 *	   expanded into its apostrophe spellings.  Every spelling is a byte
 *	   string ("pattern").  Plural and possessive endings are not patterns:
 *	   they are checked where a pattern ends (step 5), which keeps the
 *	   automaton small.
 *	2. The bytes used by the patterns are numbered into "byte classes"; all
 *	   other bytes share class 0.  Upper-case ASCII letters get the class of
 *	   their lower-case letter and every ASCII whitespace byte the class of
 *	   the space, so case folding and whitespace need no work while scanning.
 *	3. The patterns go into a trie; a breadth-first pass computes the failure
 *	   links and fills in every missing transition, so that the result is a
 *	   DFA: next = delta[state + class[byte]] (states are premultiplied by the
 *	   number of classes).  A state from which some pattern ends is stored
 *	   bit-inverted (negative), so the hot loop pays one sign test per byte.
 *	4. Whitespace runs: a state whose label ends in a space loops to itself on
 *	   more whitespace, which is exactly the automaton for the text with each
 *	   whitespace run collapsed to one space.
 *	5. When a pattern ends, the start is found by walking the pattern back
 *	   over the text (a space in the pattern eats a whole whitespace run), the
 *	   word-boundary rule is checked on the characters around the match (the
 *	   match alone, and extended by s, 's or \u2019s when the alias ends in a
 *	   word character), and each valid match is recorded.  After the scan the matches are sorted and
 *	   the leftmost-longest non-overlapping ones kept.
 *
 * Scanning is linear in the text (plus the number of pattern ends reported,
 * each bounded by the longest alias), independent of the number of aliases.
 *
 * Case folding of non-ASCII text needs decoding.  When no pattern contains a
 * non-ASCII character that another character folds to (the shipped
 * dictionaries: only U+2019 appears), bytes are fed raw ("fast path");
 * otherwise each non-ASCII character is decoded, folded and re-encoded
 * (folds in the table keep the UTF-8 length, so byte offsets stay valid).
 */
#include "terms.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Characters
 * ------------------------------------------------------------------------ */

bool
ac_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * Decode one UTF-8 character at s (len > 0 bytes available).  Returns the
 * number of bytes consumed (1..4).  An invalid or truncated sequence decodes
 * as one byte with cp 0xFFFD (which is not a word character).
 */
int
ac_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0];
	uint32_t	v;
	int			n,
				i;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		n = 2;
		v = c & 0x1F;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		n = 3;
		v = c & 0x0F;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		n = 4;
		v = c & 0x07;
	}
	else
	{
		*cp = 0xFFFD;
		return 1;
	}
	if ((size_t) n > len)
	{
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
		{
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	return n;
}

int
ac_utf8_encode(uint32_t cp, unsigned char *out)
{
	if (cp < 0x80)
	{
		out[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (unsigned char) (0xC0 | (cp >> 6));
		out[1] = (unsigned char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (unsigned char) (0xE0 | (cp >> 12));
		out[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (unsigned char) (0xF0 | (cp >> 18));
	out[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char) (0x80 | (cp & 0x3F));
	return 4;
}

/*
 * Simple case folding to lower case for ASCII, Latin-1, Latin Extended-A,
 * Greek and Cyrillic.  Every fold keeps the UTF-8 length of the character.
 * (U+0130 and U+0131, the Turkish dotted/dotless i, are left alone: their
 * folds change length or are locale-dependent.)
 */
uint32_t
ac_fold_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? c + 32 : c;
	if (c < 0xC0)
		return c;
	if (c <= 0xDE)
		return c == 0xD7 ? c : c + 32;
	if (c < 0x100)
		return c;
	if (c < 0x180)
	{
		if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
			return c;
		if (c == 0x178)
			return 0xFF;
		if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
			return (c & 1) ? c : c + 1;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return (c & 1) ? c + 1 : c;
		return c;
	}
	if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
		return c + 32;
	if (c == 0x3C2)				/* final sigma */
		return 0x3C3;
	if (c == 0x386)
		return 0x3AC;
	if (c >= 0x388 && c <= 0x38A)
		return c + 37;
	if (c == 0x38C)
		return 0x3CC;
	if (c == 0x38E || c == 0x38F)
		return c + 63;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	return c;
}

/* does some other character fold to c?  (then raw bytes cannot be matched) */
static bool
is_fold_target(uint32_t c)
{
	if (c < 0x80)
		return false;			/* ASCII is handled by the byte classes */
	if (c >= 0xE0 && c <= 0xFF)
		return c != 0xF7;		/* incl. 0xFF <- 0x178 */
	if (c >= 0x100 && c < 0x180)
		return ac_fold_cp(c) == c && c != 0x130 && c != 0x131 &&
			c != 0x138 && c != 0x149 && c != 0x17F;
	if (c >= 0x3AC && c <= 0x3CE)
		return true;
	if (c >= 0x430 && c <= 0x45F)
		return true;
	return false;
}

/*
 * Word characters: ASCII letters, digits and '_', and every non-ASCII
 * character except these (punctuation, symbols, spaces, emoji):
 *	U+0080-U+00BF (but ª µ º are letters), U+00D7 ×, U+00F7 ÷,
 *	U+2000-U+206F general punctuation (dashes, quotes, spaces, ellipsis),
 *	U+20A0-U+20CF currency, U+2190-U+2BFF arrows, mathematical operators,
 *	technical symbols, box drawing, shapes, dingbats, U+2E00-U+2E7F
 *	supplemental punctuation, U+3000-U+303F CJK punctuation, U+FE00-U+FE0F
 *	variation selectors, U+FE10-U+FE1F and U+FE30-U+FE6F vertical and small
 *	forms, U+FEFF byte order mark, fullwidth ASCII punctuation, U+FFF0-U+FFFF
 *	specials (incl. U+FFFD), U+1F000-U+1FAFF emoji and symbols, U+E0000-U+E007F
 *	tags.
 */
static const struct
{
	uint32_t	lo,
				hi;
}			non_word_ranges[] = {
	{0x00D7, 0x00D7}, {0x00F7, 0x00F7},
	{0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2190, 0x2BFF}, {0x2E00, 0x2E7F},
	{0x3000, 0x303F}, {0xFE00, 0xFE1F}, {0xFE30, 0xFE6F}, {0xFEFF, 0xFEFF},
	{0xFF00, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65},
	{0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF}, {0xE0000, 0xE007F},
};

bool
ac_is_word_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			(c >= '0' && c <= '9') || c == '_';
	if (c < 0xC0)
		return c == 0xAA || c == 0xB5 || c == 0xBA;
	for (size_t i = 0; i < sizeof(non_word_ranges) / sizeof(non_word_ranges[0]); i++)
		if (c >= non_word_ranges[i].lo && c <= non_word_ranges[i].hi)
			return false;
	return true;
}

size_t
ac_normalize(const char *in, size_t len, char *out)
{
	const unsigned char *s = (const unsigned char *) in;
	size_t		i = 0,
				o = 0;
	bool		pending_space = false;

	while (i < len)
	{
		uint32_t	cp;
		int			n;

		if (ac_is_space(s[i]))
		{
			pending_space = (o > 0);
			i++;
			continue;
		}
		if (pending_space)
		{
			out[o++] = ' ';
			pending_space = false;
		}
		n = ac_utf8_decode(s + i, len - i, &cp);
		if (cp == 0x2019)
		{
			out[o++] = '\'';
			i += n;
			continue;
		}
		if (cp == 0xFFFD && n == 1 && s[i] >= 0x80)
		{
			/* invalid byte: keep it as it is */
			out[o++] = (char) s[i];
			i++;
			continue;
		}
		o += ac_utf8_encode(ac_fold_cp(cp), (unsigned char *) out + o);
		i += n;
	}
	return o;
}

/* ------------------------------------------------------------------------
 * Building
 * ------------------------------------------------------------------------ */

typedef struct pattern
{
	unsigned char *bytes;
	uint32_t	len;
	int32_t		label;
	int32_t		alias_id;
	uint8_t		exclude;
	uint8_t		priority;		/* 3: the alias as written; 2: an apostrophe variant */
	uint8_t		plural;			/* ends in a word character: s, 's, \u2019s may follow */
} pattern;

struct ac_builder
{
	ac_mem		mem;
	pattern    *pats;
	size_t		npats;
	size_t		cap;
	size_t		total_bytes;
	int			err;
};

struct ac_automaton
{
	ac_mem		mem;
	int32_t    *delta;			/* nstates * ncls, premultiplied, ~ if output */
	int32_t    *state_pat;		/* pattern ending exactly at the state, or -1 */
	int32_t    *out_link;		/* next state (premultiplied) with a pattern, or -1 */
	pattern    *pats;
	unsigned char *pat_bytes;
	size_t		npats;
	size_t		nstates;
	int32_t		ncls;
	bool		needs_fold;		/* some pattern holds a fold-target character */
	bool		has_exclusions;
	size_t		bytes;
	uint8_t		cls[256];
};

static void *
mem_alloc(const ac_mem *m, size_t size)
{
	return m->alloc(m->arg, size ? size : 1);
}

static void
mem_free(const ac_mem *m, void *p)
{
	if (p)
		m->release(m->arg, p);
}

/*
 * Make room for one more element in the array *v of *cap elements of size
 * elem, n of them used: doubles it (first elements the first time).  false
 * when out of memory (the array is left as it was).
 */
static bool
mem_grow(const ac_mem *m, void **v, size_t *cap, size_t n, size_t elem, size_t first)
{
	size_t		ncap;
	void	   *nv;

	if (n < *cap)
		return true;
	ncap = *cap ? *cap * 2 : first;
	nv = mem_alloc(m, ncap * elem);
	if (!nv)
		return false;
	if (n)
		memcpy(nv, *v, n * elem);
	mem_free(m, *v);
	*v = nv;
	*cap = ncap;
	return true;
}

ac_builder *
ac_builder_new(const ac_mem *mem)
{
	ac_builder *b = mem_alloc(mem, sizeof(ac_builder));

	if (!b)
		return NULL;
	memset(b, 0, sizeof(*b));
	b->mem = *mem;
	return b;
}

void
ac_builder_free(ac_builder *b)
{
	size_t		i;

	if (!b)
		return;
	for (i = 0; i < b->npats; i++)
		mem_free(&b->mem, b->pats[i].bytes);
	mem_free(&b->mem, b->pats);
	mem_free(&b->mem, b);
}

static int
add_pattern(ac_builder *b, const unsigned char *bytes, size_t len,
			int32_t label, int32_t alias_id, bool exclude, int priority, bool plural)
{
	pattern    *p;

	if (!mem_grow(&b->mem, (void **) &b->pats, &b->cap, b->npats, sizeof(pattern), 64))
		return AC_ERR_NOMEM;
	p = &b->pats[b->npats];
	p->bytes = mem_alloc(&b->mem, len);
	if (!p->bytes)
		return AC_ERR_NOMEM;
	memcpy(p->bytes, bytes, len);
	p->len = (uint32_t) len;
	p->label = label;
	p->alias_id = alias_id;
	p->exclude = exclude ? 1 : 0;
	p->priority = (uint8_t) priority;
	p->plural = plural ? 1 : 0;
	b->npats++;
	b->total_bytes += len;
	return AC_OK;
}

/* last character of a normalised alias is a word character? */
static bool
ends_in_word(const unsigned char *s, size_t len)
{
	size_t		i = len - 1;
	uint32_t	cp;

	while (i > 0 && (s[i] & 0xC0) == 0x80 && len - i < 4)
		i--;
	ac_utf8_decode(s + i, len - i, &cp);
	return ac_is_word_cp(cp);
}

#define MAX_APOSTROPHE_VARIANTS 3	/* 2^3 spellings at most */

int
ac_builder_add(ac_builder *b, const char *alias, size_t len,
			   int32_t label, int32_t alias_id, bool exclude)
{
	unsigned char norm[AC_MAX_ALIAS_BYTES + 1];
	unsigned char var[3 * AC_MAX_ALIAS_BYTES + 8];
	size_t		apos[AC_MAX_ALIAS_BYTES];
	size_t		nlen,
				napos = 0,
				i;
	unsigned	mask,
				nmask;
	bool		plural;
	int			rc;

	if (len > AC_MAX_ALIAS_BYTES)
		return AC_ERR_TOOLONG;
	nlen = ac_normalize(alias, len, (char *) norm);
	if (nlen == 0)
		return AC_ERR_EMPTY;
	for (i = 0; i < nlen; i++)
		if (norm[i] == '\'')
			apos[napos++] = i;
	plural = ends_in_word(norm, nlen);

	/*
	 * Apostrophe spellings: each ' may also be U+2019.  With more than
	 * MAX_APOSTROPHE_VARIANTS apostrophes only the all-' and all-U+2019
	 * spellings are generated.
	 */
	nmask = napos <= MAX_APOSTROPHE_VARIANTS ? (1u << napos) : 2;
	for (mask = 0; mask < nmask; mask++)
	{
		size_t		vlen = 0,
					k = 0;
		bool		all = (napos > MAX_APOSTROPHE_VARIANTS && mask == 1);

		for (i = 0; i < nlen; i++)
		{
			if (k < napos && apos[k] == i)
			{
				/* (no shift by k past MAX_APOSTROPHE_VARIANTS: k may pass 31) */
				if (all || (napos <= MAX_APOSTROPHE_VARIANTS && (mask >> k) & 1u))
				{
					var[vlen++] = 0xE2;
					var[vlen++] = 0x80;
					var[vlen++] = 0x99;
				}
				else
					var[vlen++] = '\'';
				k++;
			}
			else
				var[vlen++] = norm[i];
		}
		rc = add_pattern(b, var, vlen, label, alias_id, exclude, mask == 0 ? 3 : 2, plural);
		if (rc != AC_OK)
			return rc;
	}
	return AC_OK;
}

ac_automaton *
ac_builder_compile(ac_builder *b, int *err, int32_t *conflict_a, int32_t *conflict_b)
{
	const ac_mem *m = &b->mem;
	ac_automaton *a = NULL;
	int32_t    *go = NULL,
			   *fail = NULL,
			   *queue = NULL;
	uint8_t    *ends_space = NULL;
	size_t		i,
				nst,
				maxst;
	int32_t		ncls = 1,
				c;
	int			space_cls;
	unsigned char *pb;

	*err = AC_OK;
	if (conflict_a)
		*conflict_a = -1;
	if (conflict_b)
		*conflict_b = -1;

	a = mem_alloc(m, sizeof(ac_automaton));
	if (!a)
		goto nomem;
	memset(a, 0, sizeof(*a));
	a->mem = *m;

	/* byte classes */
	for (i = 0; i < b->npats; i++)
	{
		uint32_t	j;

		for (j = 0; j < b->pats[i].len; j++)
		{
			unsigned char ch = b->pats[i].bytes[j];

			if (a->cls[ch] == 0)
				a->cls[ch] = (uint8_t) ncls++;
		}
		if (b->pats[i].exclude)
			a->has_exclusions = true;
	}
	for (c = 'A'; c <= 'Z'; c++)
		a->cls[c] = a->cls[c + 32];
	space_cls = a->cls[' '];
	a->cls['\t'] = a->cls['\n'] = a->cls['\r'] = a->cls['\f'] = a->cls['\v'] =
		(uint8_t) space_cls;
	a->ncls = ncls;

	/* which non-ASCII characters occur in patterns: fold targets need decoding */
	for (i = 0; i < b->npats && !a->needs_fold; i++)
	{
		const unsigned char *s = b->pats[i].bytes;
		size_t		len = b->pats[i].len,
					j = 0;

		while (j < len)
		{
			uint32_t	cp;
			int			n = ac_utf8_decode(s + j, len - j, &cp);

			if (is_fold_target(cp))
			{
				a->needs_fold = true;
				break;
			}
			j += n;
		}
	}

	/* the trie */
	maxst = b->total_bytes + 1;
	if (maxst > (size_t) INT32_MAX / (size_t) ncls - 1)
	{
		*err = AC_ERR_TOOBIG;
		goto fail;
	}
	go = mem_alloc(m, maxst * ncls * sizeof(int32_t));
	a->state_pat = mem_alloc(m, maxst * sizeof(int32_t));
	ends_space = mem_alloc(m, maxst);
	if (!go || !a->state_pat || !ends_space)
		goto nomem;
	memset(go, 0, maxst * ncls * sizeof(int32_t));
	for (i = 0; i < maxst; i++)
		a->state_pat[i] = -1;
	memset(ends_space, 0, maxst);
	nst = 1;
	for (i = 0; i < b->npats; i++)
	{
		pattern    *p = &b->pats[i];
		int32_t		s = 0;
		uint32_t	j;
		int32_t		prev;

		for (j = 0; j < p->len; j++)
		{
			int			k = a->cls[p->bytes[j]];
			int32_t    *slot = &go[(size_t) s * ncls + k];

			if (*slot == 0)
			{
				*slot = (int32_t) nst;
				ends_space[nst] = (p->bytes[j] == ' ');
				nst++;
			}
			s = *slot;
		}
		prev = a->state_pat[s];
		if (prev < 0)
			a->state_pat[s] = (int32_t) i;
		else
		{
			pattern    *q = &b->pats[prev];

			if (q->label == p->label && q->exclude == p->exclude)
			{
				if (p->priority > q->priority)
					a->state_pat[s] = (int32_t) i;
			}
			else if (p->priority > q->priority)
				a->state_pat[s] = (int32_t) i;
			else if (p->priority == q->priority && p->priority == 3)
			{
				*err = AC_ERR_CONFLICT;
				if (conflict_a)
					*conflict_a = q->alias_id;
				if (conflict_b)
					*conflict_b = p->alias_id;
				goto fail;
			}
			/* else: the earlier (or the explicit) pattern keeps the state */
		}
	}
	a->nstates = nst;

	/* give back the rows the shared prefixes did not need */
	if (nst < maxst)
	{
		int32_t    *small = mem_alloc(m, nst * ncls * sizeof(int32_t));

		if (!small)
			goto nomem;
		memcpy(small, go, nst * ncls * sizeof(int32_t));
		mem_free(m, go);
		go = small;
	}

	/* breadth-first: failure links, DFA transitions, output links */
	fail = mem_alloc(m, nst * sizeof(int32_t));
	queue = mem_alloc(m, nst * sizeof(int32_t));
	a->out_link = mem_alloc(m, nst * sizeof(int32_t));
	if (!fail || !queue || !a->out_link)
		goto nomem;
	{
		size_t		qh = 0,
					qt = 0;

		fail[0] = 0;
		a->out_link[0] = -1;
		for (c = 0; c < ncls; c++)
		{
			int32_t		t = go[c];

			if (t)
			{
				fail[t] = 0;
				a->out_link[t] = -1;
				queue[qt++] = t;
			}
		}
		while (qh < qt)
		{
			int32_t		s = queue[qh++];

			for (c = 0; c < ncls; c++)
			{
				int32_t    *slot = &go[(size_t) s * ncls + c];
				int32_t		t = *slot;

				if (t)
				{
					int32_t		f = go[(size_t) fail[s] * ncls + c];

					fail[t] = f;
					a->out_link[t] = a->state_pat[f] >= 0 ? f : a->out_link[f];
					queue[qt++] = t;
				}
				else
					*slot = go[(size_t) fail[s] * ncls + c];
			}
		}
	}

	/* whitespace runs: states ending in a space stay on more whitespace */
	if (space_cls != 0)
	{
		for (i = 1; i < nst; i++)
			if (ends_space[i])
				go[i * ncls + space_cls] = (int32_t) i;
	}

	/* premultiply, mark output states, premultiply the output links */
	for (i = 0; i < nst * (size_t) ncls; i++)
	{
		int32_t		t = go[i];
		bool		out = a->state_pat[t] >= 0 || a->out_link[t] >= 0;
		int32_t		v = t * ncls;

		go[i] = out ? ~v : v;
	}
	a->delta = go;
	go = NULL;

	/* keep the patterns, with their bytes in one block */
	a->pats = mem_alloc(m, (b->npats ? b->npats : 1) * sizeof(pattern));
	a->pat_bytes = mem_alloc(m, b->total_bytes ? b->total_bytes : 1);
	if (!a->pats || !a->pat_bytes)
		goto nomem;
	pb = a->pat_bytes;
	for (i = 0; i < b->npats; i++)
	{
		a->pats[i] = b->pats[i];
		memcpy(pb, b->pats[i].bytes, b->pats[i].len);
		a->pats[i].bytes = pb;
		pb += b->pats[i].len;
	}
	a->npats = b->npats;
	a->bytes = sizeof(ac_automaton) + nst * ncls * sizeof(int32_t) +
		2 * nst * sizeof(int32_t) + a->npats * sizeof(pattern) + b->total_bytes;

	mem_free(m, fail);
	mem_free(m, queue);
	mem_free(m, ends_space);
	return a;

nomem:
	*err = AC_ERR_NOMEM;
fail:
	mem_free(m, go);
	mem_free(m, fail);
	mem_free(m, queue);
	mem_free(m, ends_space);
	ac_free(a);
	return NULL;
}

void
ac_free(ac_automaton *a)
{
	ac_mem		m;

	if (!a)
		return;
	m = a->mem;
	mem_free(&m, a->delta);
	mem_free(&m, a->state_pat);
	mem_free(&m, a->out_link);
	mem_free(&m, a->pats);
	mem_free(&m, a->pat_bytes);
	mem_free(&m, a);
}

size_t
ac_state_count(const ac_automaton *a)
{
	return a->nstates;
}

size_t
ac_pattern_count(const ac_automaton *a)
{
	return a->npats;
}

size_t
ac_memory_bytes(const ac_automaton *a)
{
	return a->bytes;
}

bool
ac_has_exclusions(const ac_automaton *a)
{
	return a->has_exclusions;
}

/* ------------------------------------------------------------------------
 * Scanning
 * ------------------------------------------------------------------------ */

void
ac_hits_free(const ac_automaton *a, ac_hits *hits)
{
	mem_free(&a->mem, hits->v);
	hits->v = NULL;
	hits->n = hits->cap = 0;
}

static bool
hits_push(const ac_automaton *a, ac_hits *h, size_t start, size_t end,
		  const pattern *p, int priority)
{
	ac_hit	   *x;

	if (!mem_grow(&a->mem, (void **) &h->v, &h->cap, h->n, sizeof(ac_hit), 16))
		return false;
	x = &h->v[h->n++];
	x->start = start;
	x->end = end;
	x->label = p->label;
	x->alias_id = p->alias_id;
	x->exclude = p->exclude != 0;
	x->priority = (uint8_t) priority;
	return true;
}

/* the character that ends just before byte offset pos is a word character? */
static bool
word_before(const unsigned char *t, size_t pos)
{
	size_t		i = pos;
	uint32_t	cp;

	if (pos == 0)
		return false;
	i = pos - 1;
	if (t[i] < 0x80)
		return ac_is_word_cp(t[i]);
	while (i > 0 && (t[i] & 0xC0) == 0x80 && pos - i < 4)
		i--;
	if (ac_utf8_decode(t + i, pos - i, &cp) != (int) (pos - i))
		return false;			/* invalid: not a word character */
	return ac_is_word_cp(cp);
}

static bool
word_at(const unsigned char *t, size_t len, size_t pos)
{
	uint32_t	cp;

	if (pos >= len)
		return false;
	if (t[pos] < 0x80)
		return ac_is_word_cp(t[pos]);
	ac_utf8_decode(t + pos, len - pos, &cp);
	return ac_is_word_cp(cp);
}

/*
 * Report the patterns ending at byte index i (inclusive) from state s
 * (premultiplied, non-negative).  Returns 1 when AC_SCAN_ANY can stop, -1 on
 * out of memory, 0 otherwise.
 */
static int
report(const ac_automaton *a, const unsigned char *t, size_t len, size_t i,
	   int32_t s, ac_hits *hits, int flags)
{
	int32_t		st = s / a->ncls;
	int32_t		pid = a->state_pat[st];
	int32_t		link = a->out_link[st];

	for (;;)
	{
		if (pid >= 0)
		{
			const pattern *p = &a->pats[pid];
			long		j = (long) i;
			long		k;

			for (k = (long) p->len - 1; k >= 0; k--)
			{
				if (p->bytes[k] == ' ')
					while (j >= 0 && ac_is_space(t[j]))
						j--;
				else
					j--;
			}
			if (!word_before(t, (size_t) (j + 1)))
			{
				size_t		start = (size_t) (j + 1);
				size_t		e = i + 1;
				size_t		ends[4];
				int			prio[4];
				int			ne = 0,
							k2;

				/* the alias itself, then its plural / possessive forms */
				ends[ne] = e;
				prio[ne++] = p->priority;
				if (p->plural && e < len)
				{
					if (t[e] == 's' || t[e] == 'S')
					{
						ends[ne] = e + 1;
						prio[ne++] = 1;
					}
					else if (t[e] == '\'' && e + 1 < len && (t[e + 1] == 's' || t[e + 1] == 'S'))
					{
						ends[ne] = e + 2;
						prio[ne++] = 1;
					}
					else if (t[e] == 0xE2 && e + 3 < len && t[e + 1] == 0x80 &&
							 t[e + 2] == 0x99 && (t[e + 3] == 's' || t[e + 3] == 'S'))
					{
						ends[ne] = e + 4;
						prio[ne++] = 1;
					}
				}
				for (k2 = 0; k2 < ne; k2++)
				{
					if (word_at(t, len, ends[k2]))
						continue;
					if (!hits_push(a, hits, start, ends[k2], p, prio[k2]))
						return -1;
					if ((flags & AC_SCAN_ANY) && !a->has_exclusions)
						return 1;
				}
			}
		}
		if (link < 0)
			break;
		pid = a->state_pat[link];
		link = a->out_link[link];
	}
	return 0;
}

static int
hit_cmp(const void *x, const void *y)
{
	const ac_hit *a = x,
			   *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	/* same extent: the alias as written beats a plural form of another */
	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;
	return 0;
}

/*
 * Byte b of the text, at position pos, through the automaton from state *s:
 * a state with matches (stored negated in delta) has them reported.  Returns
 * report's answer (-1: out of memory, 1: the scan is over), else 0.
 */
static inline int
ac_step(const ac_automaton *a, const unsigned char *t, size_t len, size_t pos,
		unsigned char b, int32_t *s, ac_hits *hits, int flags)
{
	*s = a->delta[*s + a->cls[b]];
	if (*s >= 0)
		return 0;
	*s = ~*s;
	return report(a, t, len, pos, *s, hits, flags);
}

long
ac_scan(const ac_automaton *a, const char *text, size_t len, ac_hits *hits,
		int flags, ac_tick_fn tick, void *tick_arg)
{
	const unsigned char *t = (const unsigned char *) text;
	int32_t		s = 0;
	size_t		i = 0;
	int			r;

	hits->n = 0;
	if (a->npats == 0)
		return 0;

	if (!a->needs_fold)
	{
		/* fast path: raw bytes, one lookup each */
		while (i < len)
		{
			size_t		stop = len - i > AC_TICK_BYTES ? i + AC_TICK_BYTES : len;

			for (; i < stop; i++)
			{
				if ((r = ac_step(a, t, len, i, t[i], &s, hits, flags)) != 0)
					return r < 0 ? -1 : (long) hits->n;
			}
			if (tick && i < len)
				tick(tick_arg);
		}
	}
	else
	{
		/* fold path: decode non-ASCII characters and feed their folded bytes */
		size_t		next_tick = AC_TICK_BYTES;

		while (i < len)
		{
			unsigned char c = t[i];

			if (c < 0x80)
			{
				if ((r = ac_step(a, t, len, i, c, &s, hits, flags)) != 0)
					return r < 0 ? -1 : (long) hits->n;
				i++;
			}
			else
			{
				uint32_t	cp,
							f;
				unsigned char buf[4];
				const unsigned char *src = t + i;
				int			n = ac_utf8_decode(t + i, len - i, &cp),
							k;

				f = (cp == 0xFFFD) ? cp : ac_fold_cp(cp);
				if (f != cp)
				{
					ac_utf8_encode(f, buf);
					src = buf;
				}
				for (k = 0; k < n; k++)
				{
					if ((r = ac_step(a, t, len, i + k, src[k], &s, hits, flags)) != 0)
						return r < 0 ? -1 : (long) hits->n;
				}
				i += n;
			}
			if (i >= next_tick)
			{
				if (tick)
					tick(tick_arg);
				next_tick += AC_TICK_BYTES;
			}
		}
	}

	/* leftmost-longest, non-overlapping */
	if (hits->n > 1)
	{
		size_t		k,
					o = 0;
		size_t		last_end = 0;
		bool		sorted = true;

		for (k = 1; k < hits->n; k++)
			if (hit_cmp(&hits->v[k - 1], &hits->v[k]) > 0)
			{
				sorted = false;
				break;
			}
		if (!sorted)
			qsort(hits->v, hits->n, sizeof(ac_hit), hit_cmp);
		for (k = 0; k < hits->n; k++)
		{
			if (tick && (k & 0xFFFF) == 0xFFFF)
				tick(tick_arg);
			if (o > 0 && hits->v[k].start < last_end)
				continue;
			last_end = hits->v[k].end;
			hits->v[o++] = hits->v[k];
		}
		hits->n = o;
	}
	return (long) hits->n;
}
