/*
 * fuzz_classify.c
 *		libFuzzer harness of the offence lexer and classifier
 *		(src/classify_lex.c, classify.c, classify_rules.c).
 *
 * The input is an offence title (raw bytes, not NUL-terminated): it goes to
 * classify_lex, offence_parse, offence_normalise (into a buffer whose size
 * the first byte sets, and into one large enough), offence_title_key,
 * offence_sections and offence_range_words (ages from the first bytes).
 *
 * Properties: every string of the result is terminated inside its array;
 * the family is one of the families; a code implies its class and the
 * family offence_family_of gives it; stated age ranges are non-empty; a
 * second parse gives the same answer; offence_normalise returns the same
 * length whatever the buffer, writes a prefix of the full form, and its
 * full form is upper-case letters and digits separated by single spaces,
 * normalising to itself.
 */
#include "classify.h"
#include "classify_lex.h"
#include "fuzz.h"

#include <ctype.h>

#define TERMINATED(a) (memchr((a), '\0', sizeof(a)) != NULL)

static void
check_result(const OffenceResult *r)
{
	FUZZ_ASSERT(TERMINATED(r->code) && TERMINATED(r->cls) && TERMINATED(r->reason) &&
				TERMINATED(r->given_code) && TERMINATED(r->given_class), "unterminated string");
	FUZZ_ASSERT(r->family >= OFAM_UNKNOWN && r->family < OFAM__COUNT, "family %d", r->family);
	FUZZ_ASSERT(r->n_unparsed >= 0 && r->n_unparsed <= OFF_MAX_UNPARSED, "n_unparsed %d",
				r->n_unparsed);
	for (int i = 0; i < r->n_unparsed; i++)
		FUZZ_ASSERT(TERMINATED(r->unparsed[i]), "unterminated unparsed word");
	FUZZ_ASSERT(r->victim_sex == 0 || r->victim_sex == 'F' || r->victim_sex == 'M',
				"victim sex %d", r->victim_sex);
	FUZZ_ASSERT(r->penetration >= -1 && r->penetration <= 1, "penetration %d", r->penetration);
	if (r->code[0])
	{
		FUZZ_ASSERT(r->cls[0] != '\0', "code %s without a class", r->code);
		FUZZ_ASSERT(r->family == offence_family_of(r->code, r->cls) ||
					(r->multiple && r->family == OFAM_RAPE),
					"code %s class %s family %d", r->code, r->cls, r->family);
	}
	if (r->has_vage)
		FUZZ_ASSERT(r->vage_lo >= 0 && (r->vage_hi == -1 || r->vage_hi > r->vage_lo),
					"victim age [%d, %d)", r->vage_lo, r->vage_hi);
	if (r->has_oage)
		FUZZ_ASSERT(r->oage_lo >= 0 && (r->oage_hi == -1 || r->oage_hi > r->oage_lo),
					"offender age [%d, %d)", r->oage_lo, r->oage_hi);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	Lex		   *L = fuzz_alloc(sizeof(Lex));
	OffenceResult *r = fuzz_alloc(sizeof(OffenceResult));
	OffenceResult *r2 = fuzz_alloc(sizeof(OffenceResult));
	char	   *full = fuzz_alloc(size + 1);
	char	   *again = fuzz_alloc(size + 1);
	char		small[64];
	char		words[64];
	size_t		n,
				nsmall,
				smallsz;

	classify_lex(s, size, L);
	FUZZ_ASSERT(L->n >= 0 && L->n <= MAX_TOK, "%d tokens", L->n);
	for (int i = 0; i < L->n; i++)
		FUZZ_ASSERT(TERMINATED(L->t[i].w), "unterminated token");

	offence_parse(s, size, r);
	check_result(r);
	offence_parse(s, size, r2);
	FUZZ_ASSERT(strcmp(r->code, r2->code) == 0 && strcmp(r->cls, r2->cls) == 0 &&
				strcmp(r->reason, r2->reason) == 0 && r->family == r2->family,
				"two parses differ");

	n = offence_normalise(s, size, full, size + 1);
	FUZZ_ASSERT(n <= size && strlen(full) == n, "normalised length %zu", n);
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) full[i];

		FUZZ_ASSERT((isalnum(c) && !islower(c)) ||
					(c == ' ' && i > 0 && i + 1 < n && full[i - 1] != ' '),
					"normalised form has byte %d at %zu", c, i);
	}
	FUZZ_ASSERT(offence_normalise(full, n, again, size + 1) == n && strcmp(full, again) == 0,
				"normalising twice changes it");
	smallsz = size > 0 ? data[0] % sizeof(small) : 0;
	memset(small, 0x55, sizeof(small));
	nsmall = offence_normalise(s, size, small, smallsz);
	FUZZ_ASSERT(nsmall == n, "length %zu with a %zu-byte buffer, %zu without", nsmall, smallsz, n);
	if (smallsz > 0)
		FUZZ_ASSERT(strlen(small) < smallsz && strncmp(small, full, strlen(small)) == 0,
					"short buffer not a prefix");
	for (size_t i = smallsz; i < sizeof(small); i++)
		FUZZ_ASSERT(small[i] == 0x55, "wrote past a %zu-byte buffer", smallsz);

	/* the title key (words matched against the Home Office titles) and the sections */
	{
		char	   *key = fuzz_alloc(1024);
		bool		att;
		char		vic;
		size_t		kn = offence_title_key(s, size, key, 1024, &att, &vic);
		char		secs[4][8];
		int			ns = offence_sections(s, size, secs, 4);

		FUZZ_ASSERT(kn >= 1024 || strlen(key) == kn, "key length %zu", kn);
		FUZZ_ASSERT(vic == 0 || vic == 'C' || vic == 'E', "victim %d", vic);
		FUZZ_ASSERT(ns >= 0 && ns <= 4, "%d sections", ns);
		for (int i = 0; i < ns; i++)
			FUZZ_ASSERT(TERMINATED(secs[i]) && secs[i][0] >= '1' && secs[i][0] <= '9',
						"section %d", i);
	}

	if (size >= 2)
	{
		offence_range_words((int8_t) data[0], (int8_t) data[1], words, 1 + data[0] % sizeof(words));
		FUZZ_ASSERT(TERMINATED(words), "range words unterminated");
	}
	fuzz_arena_reset();
	return 0;
}
