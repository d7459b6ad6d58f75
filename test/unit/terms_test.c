/*
 * terms_test.c
 *		Unit tests of the term matcher (src/terms.c, an Aho-Corasick automaton)
 *		outside the server.
 *
 * 1. Fixed cases (boundaries, plurals, apostrophes, whitespace, overlaps,
 *	  case folding of multibyte letters, conflicts, empty aliases).
 * 2. A randomised comparison against a brute-force matcher written from the
 *	  rules in terms.h (try every alias at every character position,
 *	  keep the valid matches, choose leftmost-longest): the automaton must
 *	  agree on every (start, end, label) of every text.
 * 3. A 4 MB text scanned in one call (no quadratic behaviour, tick called).
 *
 * Build: gcc -Wall -Werror -O2 -Isrc test/unit/terms_test.c src/terms.c
 */
#include "terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	failures = 0;
static int	checks = 0;

#define CHECK(cond, ...) do { checks++; if (!(cond)) { failures++; \
	fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
	fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

static void *
t_alloc(void *arg, size_t n)
{
	(void) arg;
	return malloc(n);
}

static void
t_release(void *arg, void *p)
{
	(void) arg;
	free(p);
}

static const ac_mem MEM = {t_alloc, t_release, NULL};

typedef struct spec
{
	const char *alias;
	int			label;
	int			exclude;
} spec;

static ac_automaton *
build(const spec *sp, int n, int *err)
{
	ac_builder *b = ac_builder_new(&MEM);
	ac_automaton *a;
	int			i;

	for (i = 0; i < n; i++)
	{
		int			rc = ac_builder_add(b, sp[i].alias, strlen(sp[i].alias),
										sp[i].label, i, sp[i].exclude);

		if (rc != AC_OK)
		{
			*err = rc;
			ac_builder_free(b);
			return NULL;
		}
	}
	a = ac_builder_compile(b, err, NULL, NULL);
	ac_builder_free(b);
	return a;
}

/* "label@start-end ..." for the selected hits */
static void
describe(const ac_automaton *a, const char *text, char *out, size_t outsz)
{
	ac_hits		h = {0};
	long		n = ac_scan(a, text, strlen(text), &h, 0, NULL, NULL);
	long		i;
	size_t		o = 0;

	out[0] = 0;
	for (i = 0; i < n; i++)
		o += snprintf(out + o, outsz - o, "%s%s%d@%zu-%zu", i ? " " : "",
					  h.v[i].exclude ? "!" : "", h.v[i].label, h.v[i].start, h.v[i].end);
	ac_hits_free(a, &h);
}

static void
expect(const ac_automaton *a, const char *text, const char *want)
{
	char		got[4096];

	describe(a, text, got, sizeof(got));
	CHECK(strcmp(got, want) == 0, "text \"%s\": got \"%s\", want \"%s\"", text, got, want);
}

static void
fixed_cases(void)
{
	static const spec platforms[] = {
		{"facebook", 0, 0}, {"face book", 0, 0}, {"FB", 0, 0},
		{"insta", 1, 0}, {"Instagram", 1, 0},
		{"X (Twitter)", 2, 0}, {"twitter", 2, 0}, {"x/twitter", 2, 0},
		{"whats app", 3, 0}, {"what's app", 3, 0}, {"WhatsApp", 3, 0},
		{"facebook messenger", 4, 0}, {"messenger", 4, 0},
		{"Café", 5, 0}, {"ΣΠΑΡΤΗ", 6, 0},
	};
	static const spec groom[] = {
		{"groom", 0, 0}, {"groomed", 0, 0}, {"grooming", 0, 0}, {"groomer", 0, 0},
		{"dog grooming", 0, 1}, {"dog groomer", 0, 1}, {"bride and groom", 0, 1},
	};
	int			err = 0;
	ac_automaton *a = build(platforms, sizeof(platforms) / sizeof(platforms[0]), &err);
	ac_automaton *g;
	ac_hits		h = {0};

	CHECK(a != NULL, "compile platforms: err %d", err);
	if (!a)
		return;
	expect(a, "", "");
	expect(a, "facebook", "0@0-8");
	expect(a, "FACEBOOK.", "0@0-8");
	expect(a, "on Facebook", "0@3-11");
	expect(a, "Facebook's page", "0@0-10");
	expect(a, "Facebook\xE2\x80\x99s page", "0@0-12");
	expect(a, "two Facebooks", "0@4-13");
	expect(a, "Facebooker", "");
	expect(a, "myfacebook", "");
	expect(a, "face book", "0@0-9");
	expect(a, "face \n\t book!", "0@0-12");
	expect(a, "face_book", "");
	expect(a, "FB", "0@0-2");
	expect(a, "FBI", "");
	expect(a, "the FBI and FB", "0@12-14");
	expect(a, "(FB)", "0@1-3");
	expect(a, "insta", "1@0-5");
	expect(a, "instance instant insta", "1@17-22");
	expect(a, "Instagram", "1@0-9");
	expect(a, "X", "");
	expect(a, "x marks the spot", "");
	expect(a, "on X (Twitter) today", "2@3-14");
	expect(a, "X/Twitter", "2@0-9");
	expect(a, "Twitter/X", "2@0-7");
	expect(a, "whats app", "3@0-9");
	expect(a, "what's app", "3@0-10");
	expect(a, "What\xE2\x80\x99s App", "3@0-12");
	expect(a, "whatsapp", "3@0-8");
	expect(a, "WhatsApps", "3@0-9");
	/* overlap: the longer alias starting at the same place wins */
	expect(a, "via Facebook Messenger", "4@4-22");
	expect(a, "via Facebook, Messenger", "0@4-12 4@14-23");
	/* multibyte letters are word characters; dashes are not */
	expect(a, "caf\xC3\xA9 Facebook\xC3\xA9", "5@0-5");
	expect(a, "CAF\xC3\x89", "5@0-5");
	expect(a, "\xE2\x80\x93" "Facebook\xE2\x80\x94", "0@3-11");
	expect(a, "\xCF\x83\xCF\x80\xCE\xB1\xCF\x81\xCF\x84\xCE\xB7", "6@0-12");
	expect(a, "\xF0\x9F\x98\x80" "facebook" "\xF0\x9F\x98\x80", "0@4-12");

	/* AC_SCAN_ANY stops early but says yes */
	CHECK(ac_scan(a, "x facebook y fb", 15, &h, AC_SCAN_ANY, NULL, NULL) == 1, "any");
	CHECK(ac_scan(a, "nothing here", 12, &h, AC_SCAN_ANY, NULL, NULL) == 0, "any none");
	ac_hits_free(a, &h);
	ac_free(a);

	g = build(groom, sizeof(groom) / sizeof(groom[0]), &err);
	CHECK(g != NULL && ac_has_exclusions(g), "compile groom");
	if (g)
	{
		expect(g, "he groomed her", "0@3-10");
		expect(g, "a dog grooming parlour", "!0@2-14");
		expect(g, "dog groomers", "!0@0-12");
		expect(g, "the bride and groom", "!0@4-19");
		expect(g, "the bride and groomer", "0@14-21");
		expect(g, "bridegroom", "");
		expect(g, "grooms groom's", "0@0-6 0@7-14");
		CHECK(ac_scan(g, "dog grooming", 12, &h, AC_SCAN_ANY, NULL, NULL) == 1 &&
			  h.v[0].exclude, "any with exclusions scans fully");
		ac_hits_free(g, &h);
		ac_free(g);
	}

	/* errors */
	{
		static const spec conflict[] = {{"fb", 0, 0}, {"F B", 1, 0}, {"FB", 1, 0}};
		static const spec exclusive[] = {{"fb", 0, 0}, {"fb", 0, 1}};
		static const spec variant_ok[] = {{"kik", 0, 0}, {"kiks", 1, 0}};
		static const spec empty[] = {{" \t ", 0, 0}};
		ac_automaton *x;

		x = build(conflict, 3, &err);
		CHECK(x == NULL && err == AC_ERR_CONFLICT, "conflict: err %d", err);
		x = build(exclusive, 2, &err);
		CHECK(x == NULL && err == AC_ERR_CONFLICT, "positive vs exclusion: err %d", err);
		x = build(empty, 1, &err);
		CHECK(x == NULL && err == AC_ERR_EMPTY, "empty: err %d", err);
		x = build(variant_ok, 2, &err);
		CHECK(x != NULL, "explicit alias beats a generated plural");
		if (x)
		{
			expect(x, "kiks kik's", "1@0-4 0@5-10");
			ac_free(x);
		}
	}
}

/* ---------------- brute force reference ---------------- */

typedef struct cand
{
	size_t		start,
				end;
	int			label;
	int			exclude;
	int			priority;
} cand;

static size_t
fold_text(const char *in, size_t len, unsigned char *out)
{
	const unsigned char *s = (const unsigned char *) in;
	size_t		i = 0;

	while (i < len)
	{
		uint32_t	cp;
		int			n = ac_utf8_decode(s + i, len - i, &cp);

		if (cp == 0xFFFD && n == 1)
			out[i] = s[i];
		else
			ac_utf8_encode(ac_fold_cp(cp), out + i);
		i += n;
	}
	return len;
}

/* alias (normalised) at ft[pos..]: end offset or (size_t)-1 */
static size_t
match_at(const unsigned char *ft, size_t len, size_t pos, const unsigned char *al, size_t alen)
{
	size_t		j = pos,
				k;

	for (k = 0; k < alen; k++)
	{
		if (al[k] == ' ')
		{
			if (j >= len || !ac_is_space(ft[j]))
				return (size_t) -1;
			while (j < len && ac_is_space(ft[j]))
				j++;
		}
		else if (al[k] == '\'')
		{
			if (j < len && ft[j] == '\'')
				j++;
			else if (j + 3 <= len && memcmp(ft + j, "\xE2\x80\x99", 3) == 0)
				j += 3;
			else
				return (size_t) -1;
		}
		else
		{
			if (j >= len || ft[j] != al[k])
				return (size_t) -1;
			j++;
		}
	}
	return j;
}

static int
is_word_at(const unsigned char *t, size_t len, size_t pos)
{
	uint32_t	cp;

	if (pos >= len)
		return 0;
	ac_utf8_decode(t + pos, len - pos, &cp);
	return ac_is_word_cp(cp);
}

static int
is_word_before(const unsigned char *t, size_t pos)
{
	size_t		i;
	uint32_t	cp;

	if (pos == 0)
		return 0;
	i = pos - 1;
	while (i > 0 && (t[i] & 0xC0) == 0x80)
		i--;
	ac_utf8_decode(t + i, pos - i, &cp);
	return ac_is_word_cp(cp);
}

static int
cand_cmp(const void *x, const void *y)
{
	const cand *a = x,
			   *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return b->priority - a->priority;
}

static int
brute(const spec *sp, int n, const char *text, cand *out, int *ambiguous)
{
	size_t		len = strlen(text);
	unsigned char ft[512];
	const unsigned char *t = (const unsigned char *) text;
	cand		c[4096];
	int			nc = 0,
				i,
				no = 0;
	size_t		pos,
				last_end = 0;

	fold_text(text, len, ft);
	*ambiguous = 0;
	for (pos = 0; pos < len; pos++)
	{
		if ((t[pos] & 0xC0) == 0x80)
			continue;
		if (is_word_before(t, pos))
			continue;
		for (i = 0; i < n; i++)
		{
			unsigned char al[64];
			size_t		alen = ac_normalize(sp[i].alias, strlen(sp[i].alias), (char *) al);
			size_t		e = match_at(ft, len, pos, al, alen);
			size_t		ends[4];
			int			ne = 0,
						k;

			if (e == (size_t) -1)
				continue;
			ends[ne++] = e;
			{
				/* plural / possessive when the alias ends in a word character */
				size_t		li = alen - 1;
				uint32_t	cp;

				while (li > 0 && (al[li] & 0xC0) == 0x80)
					li--;
				ac_utf8_decode(al + li, alen - li, &cp);
				if (ac_is_word_cp(cp))
				{
					if (e < len && ft[e] == 's')
						ends[ne++] = e + 1;
					if (e + 1 < len && ft[e] == '\'' && ft[e + 1] == 's')
						ends[ne++] = e + 2;
					if (e + 3 < len && memcmp(ft + e, "\xE2\x80\x99s", 4) == 0)
						ends[ne++] = e + 4;
				}
			}
			for (k = 0; k < ne; k++)
			{
				if (is_word_at(t, len, ends[k]))
					continue;
				c[nc].start = pos;
				c[nc].end = ends[k];
				c[nc].label = sp[i].label;
				c[nc].exclude = sp[i].exclude;
				c[nc].priority = k == 0 ? 2 : 1;
				nc++;
			}
		}
	}
	qsort(c, nc, sizeof(cand), cand_cmp);
	for (i = 0; i < nc; i++)
	{
		if (no > 0 && c[i].start < last_end)
			continue;
		/* another candidate with the same extent and a different label? */
		if (i + 1 < nc && c[i + 1].start == c[i].start && c[i + 1].end == c[i].end &&
			(c[i + 1].label != c[i].label || c[i + 1].exclude != c[i].exclude))
			*ambiguous = 1;
		out[no++] = c[i];
		last_end = c[i].end;
	}
	return no;
}

static uint64_t rng_state = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned) (rng_state % n);
}

static void
random_cases(int rounds)
{
	static const char *text_alpha[] = {
		"a", "b", "A", "B", "s", "S", " ", "  ", "\n", "'", "\xE2\x80\x99",
		"\xC3\xA9", "\xC3\x89", "\xE2\x80\x93", "_", "x", "(", ")", "ab", "ba",
		"\xCE\xA3", "\xCF\x83", "\xF0\x9F\x98\x80", "."
	};
	static const char *alias_alpha[] = {
		"a", "b", "s", " ", "'", "\xC3\xA9", "x", "(", "ab", "\xCF\x83", "B"
	};
	int			r,
				disagreements = 0;
	long		compared = 0;

	for (r = 0; r < rounds; r++)
	{
		spec		sp[8];
		char		aliases[8][32];
		int			n = 1 + rnd(6),
					i,
					err = 0;
		ac_automaton *a;
		int			t;

		for (i = 0; i < n; i++)
		{
			int			len = 1 + rnd(4),
						k;

			aliases[i][0] = 0;
			for (k = 0; k < len; k++)
				strcat(aliases[i], alias_alpha[rnd(sizeof(alias_alpha) / sizeof(alias_alpha[0]))]);
			sp[i].alias = aliases[i];
			sp[i].label = rnd(3);
			sp[i].exclude = rnd(5) == 0;
		}
		a = build(sp, n, &err);
		if (!a)
		{
			CHECK(err == AC_ERR_EMPTY || err == AC_ERR_CONFLICT, "random build err %d", err);
			continue;
		}
		for (t = 0; t < 20; t++)
		{
			char		text[256];
			int			len = rnd(24),
						k;
			cand		want[256];
			int			nw,
						amb;
			ac_hits		h = {0};
			long		ng;
			int			ok = 1;

			text[0] = 0;
			for (k = 0; k < len; k++)
				strcat(text, text_alpha[rnd(sizeof(text_alpha) / sizeof(text_alpha[0]))]);
			nw = brute(sp, n, text, want, &amb);
			ng = ac_scan(a, text, strlen(text), &h, 0, NULL, NULL);
			compared++;
			if (ng != nw)
				ok = 0;
			for (k = 0; ok && k < nw; k++)
			{
				if (h.v[k].start != want[k].start || h.v[k].end != want[k].end)
					ok = 0;
				else if (!amb && (h.v[k].label != want[k].label ||
								  (int) h.v[k].exclude != want[k].exclude))
					ok = 0;
			}
			if (!ok)
			{
				disagreements++;
				if (disagreements <= 5)
				{
					fprintf(stderr, "disagreement on text \"%s\" with aliases:", text);
					for (k = 0; k < n; k++)
						fprintf(stderr, " [%s]%d%s", sp[k].alias, sp[k].label, sp[k].exclude ? "!" : "");
					fprintf(stderr, "\n  brute:");
					for (k = 0; k < nw; k++)
						fprintf(stderr, " %d@%zu-%zu", want[k].label, want[k].start, want[k].end);
					fprintf(stderr, "\n  ac:   ");
					for (k = 0; k < ng; k++)
						fprintf(stderr, " %d@%zu-%zu", h.v[k].label, h.v[k].start, h.v[k].end);
					fprintf(stderr, "\n");
				}
			}
			/* AC_SCAN_ANY agrees with "some selected hit is positive" */
			{
				int			any_want = 0;
				long		na;
				int			any_got = 0;

				for (k = 0; k < nw; k++)
					any_want |= !want[k].exclude;
				na = ac_scan(a, text, strlen(text), &h, AC_SCAN_ANY, NULL, NULL);
				for (k = 0; k < na; k++)
					any_got |= !h.v[k].exclude;
				if (any_got != any_want)
					disagreements++;
			}
			ac_hits_free(a, &h);
		}
		ac_free(a);
	}
	CHECK(disagreements == 0, "%d disagreements with the brute-force matcher in %ld texts",
		  disagreements, compared);
	printf("random: %ld texts compared with the brute-force matcher, %d disagreements\n",
		   compared, disagreements);
}

static int	ticks = 0;

static void
tick(void *arg)
{
	(void) arg;
	ticks++;
}

static void
big_text(void)
{
	static const spec sp[] = {{"facebook", 0, 0}, {"snap chat", 1, 0}};
	size_t		len = 4u << 20,
				i;
	char	   *t = malloc(len + 1);
	int			err;
	ac_automaton *a = build(sp, 2, &err);
	ac_hits		h = {0};
	long		n;

	for (i = 0; i < len; i++)
		t[i] = "abcdefghij klmnop"[i % 17];
	memcpy(t, "Facebook ", 9);
	memcpy(t + len - 10, " snap chat", 10);
	t[len] = 0;
	n = ac_scan(a, t, len, &h, 0, tick, NULL);
	CHECK(n == 2 && h.v[0].start == 0 && h.v[1].end == len, "4 MB text: %ld hits", n);
	CHECK(ticks >= 3, "tick called %d times", ticks);
	ac_hits_free(a, &h);
	ac_free(a);
	free(t);
}

/* arbitrary bytes (invalid UTF-8 too): no crash, hits well-formed */
static void
random_bytes(int rounds)
{
	static const spec sp[] = {
		{"fb", 0, 0}, {"what's app", 1, 0}, {"caf\xC3\xA9", 2, 0}, {"a b", 3, 1}, {"\xE2\x80\x93x", 4, 0}
	};
	int			err,
				r,
				bad = 0;
	ac_automaton *fast = build(sp, 2, &err);	/* no fold targets */
	ac_automaton *fold = build(sp, 5, &err);	/* with é: the fold path */
	ac_hits		h = {0};

	for (r = 0; r < rounds; r++)
	{
		unsigned char t[64];
		size_t		len = rnd(64),
					i;
		int			pass;

		for (i = 0; i < len; i++)
			t[i] = rnd(4) == 0 ? (unsigned char) "fbwhat's pc\xC3\xA9\xE2\x80\x93x"[rnd(18)] : (unsigned char) rnd(256);
		for (pass = 0; pass < 2; pass++)
		{
			const ac_automaton *a = pass ? fold : fast;
			long		n = ac_scan(a, (const char *) t, len, &h, 0, NULL, NULL);
			long		k;

			for (k = 0; k < n; k++)
				if (h.v[k].start >= h.v[k].end || h.v[k].end > len ||
					(k > 0 && h.v[k].start < h.v[k - 1].end))
					bad++;
		}
	}
	CHECK(bad == 0, "%d malformed hits on random bytes", bad);
	ac_hits_free(fast, &h);
	ac_free(fast);
	ac_free(fold);
}

/*
 * Regression (test/fuzz/corpus/terms/regress-apostrophes): an alias with
 * more than 32 apostrophes shifted 1u by 32 or more (undefined; UBSan in
 * terms_unit.sh's sanitized build stops on it).  Such an alias gets its
 * all-' and all-U+2019 spellings only.
 */
static void
many_apostrophes(void)
{
	char		alias[100],
				curly[200];
	size_t		o = 0;
	int			err = 0;
	spec		sp[1];
	ac_automaton *a;

	for (int i = 0; i < 80; i++)
		alias[i] = i % 2 ? '\'' : 'a';
	alias[80] = '\0';
	for (int i = 0; i < 80; i++)
	{
		if (i % 2)
		{
			memcpy(curly + o, "\xE2\x80\x99", 3);
			o += 3;
		}
		else
			curly[o++] = 'a';
	}
	curly[o] = '\0';
	sp[0].alias = alias;
	sp[0].label = 7;
	sp[0].exclude = 0;
	a = build(sp, 1, &err);
	CHECK(a != NULL, "compile 40-apostrophe alias: err %d", err);
	if (!a)
		return;
	CHECK(ac_pattern_count(a) == 2, "40 apostrophes: %zu patterns", ac_pattern_count(a));
	expect(a, alias, "7@0-80");
	expect(a, curly, "7@0-160");
	ac_free(a);
}

int
main(void)
{
	fixed_cases();
	many_apostrophes();
	random_cases(20000);
	random_bytes(50000);
	big_text();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
