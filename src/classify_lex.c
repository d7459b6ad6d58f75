/*
 * classify_lex.c: the classifier's lexer and word normaliser (see classify_lex.h).
 * Pure C, no postgres.h.
 */
#include "classify_lex.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- tokens */

static void
add_tok(Lex *L, const char *w, size_t wl, char sym, bool glued)
{
	Tok		   *k;

	if (L->n >= MAX_TOK)
	{
		L->overflow = true;
		return;
	}
	k = &L->t[L->n++];
	memset(k, 0, sizeof(*k));
	if (wl >= OFF_WORD_MAX)
		wl = OFF_WORD_MAX - 1;
	memcpy(k->w, w, wl);
	k->w[wl] = '\0';
	k->sym = sym;
	k->num = -1;
	k->glued = glued;
	if (wl > 0 && isdigit((unsigned char) w[0]))
	{
		k->ndig = (int) wl;
		k->num = wl <= 6 ? atoi(k->w) : 999999;
	}
}

static void
lex(const char *s, size_t len, Lex *L)
{
	size_t		i = 0;
	bool		glued = false;
	bool		money = false;
	char		buf[OFF_WORD_MAX];

	L->n = 0;
	L->overflow = false;
	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];

		if (isalpha(c))
		{
			size_t		bl = 0;

			while (i < len && (isalpha((unsigned char) s[i]) || s[i] == '\''))
			{
				if (s[i] != '\'' && bl < OFF_WORD_MAX - 1)
					buf[bl++] = (char) toupper((unsigned char) s[i]);
				i++;
			}
			buf[bl] = '\0';
			{
				/* ages written as words: 'under two years', 'under sixteen' */
				static const char *const numw[] = {"", "", "TWO", "THREE", "FOUR", "FIVE",
					"SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE", "THIRTEEN",
					"FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN",
				"TWENTY"};
				int			v;

				for (v = 2; v <= 20; v++)
					if (strcmp(buf, numw[v]) == 0)
						break;
				if (v <= 20)
					bl = (size_t) snprintf(buf, sizeof(buf), "%d", v);
			}
			add_tok(L, buf, bl, 0, glued);
			glued = true;
			money = false;
		}
		else if (isdigit(c))
		{
			size_t		bl = 0;

			while (i < len && isdigit((unsigned char) s[i]))
			{
				if (bl < OFF_WORD_MAX - 1)
					buf[bl++] = s[i];
				i++;
			}
			add_tok(L, buf, bl, 0, glued);
			if (L->n > 0 && !L->overflow)
			{
				/* '5,000': the group after the comma is money too */
				L->t[L->n - 1].money = money ||
					(L->n >= 3 && L->t[L->n - 2].sym == ',' && L->t[L->n - 3].money &&
					 L->t[L->n - 2].glued && glued);
			}
			glued = true;
			money = false;
			continue;
		}
		else if (c == 0xC2 && i + 1 < len && (unsigned char) s[i + 1] == 0xA3)
		{
			/* a pound sign: the digits after it are money */
			i += 2;
			glued = false;
			money = true;
			continue;
		}
		else if (c == 0xE2 && i + 2 < len && (unsigned char) s[i + 1] == 0x80 &&
				 ((unsigned char) s[i + 2] >= 0x90 && (unsigned char) s[i + 2] <= 0x95))
		{
			/* U+2010..U+2015 hyphens and dashes */
			add_tok(L, "", 0, '-', glued);
			i += 3;
			glued = true;
		}
		else if (c == '<' || c == '>')
		{
			/* '<13', '> 16': under, over ('<=' is read as under too) */
			add_tok(L, c == '<' ? "UNDER" : "OVER", c == '<' ? 5 : 4, 0, glued);
			i++;
			if (i < len && s[i] == '=')
				i++;
			glued = false;
			money = false;
		}
		else if (strchr("+-/().:&,", c) && c != '\0')
		{
			add_tok(L, "", 0, (char) (c == '.' ? '.' : c), glued);
			i++;
			glued = true;
			money = false;
		}
		else
		{
			i++;
			glued = false;
		}
		if (L->overflow)
			return;
	}
}

/* ---------------------------------------------------------------- words */

typedef struct Alias
{
	const char *from;
	const char *to;				/* NULL: drop the word (noise) */
} Alias;

/* variants -> canonical word (binary searched: keep sorted by 'from') */
static const Alias aliases[] = {
	{"ABOVE", "OVER"}, {"ABUSING", "ABUSE"}, {"ACTIV", "ACTIVITY"}, {"ACTIVITIES", "ACTIVITY"},
	{"ACTS", "ACT"}, {"ACTVTY", "ACTIVITY"}, {"ACTY", "ACTIVITY"},
	{"ADMINISTERING", "ADMINISTER"}, {"ADMINISTRATION", "ADMINISTER"},
	{"ARRANGED", "ARRANGE"}, {"ARRANGING", "ARRANGE"}, {"ASLT", "ASSAULT"},
	{"ASSAULTS", "ASSAULT"}, {"ASSLT", "ASSAULT"}, {"ATT", "ATTEMPT"},
	{"ATTEMPTED", "ATTEMPT"}, {"ATTEMPTING", "ATTEMPT"}, {"ATTEMPTS", "ATTEMPT"},
	{"ATTMPT", "ATTEMPT"}, {"BOY", "MALE"}, {"BOYS", "MALE"}, {"BURG", "BURGLARY"}, {"CAUSED", "CAUSE"},
	{"CAUSES", "CAUSE"}, {"CAUSING", "CAUSE"}, {"CHILDREN", "CHILD"}, {"CHILDS", "CHILD"},
	{"CHLD", "CHILD"}, {"COMMITTED", "COMMIT"}, {"COMMITTING", "COMMIT"},
	{"COMMUNICATE", "COMMUNICATION"}, {"COMMUNICATING", "COMMUNICATION"},
	{"COMMUNICATIONS", "COMMUNICATION"}, {"CONSENTING", "CONSENT"},
	{"CONTROLLING", "CONTROL"}, {"CONTROLS", "CONTROL"}, {"DISORDERS", "DISORDER"},
	{"DISTRIBUTING", "DISTRIBUTE"}, {"DISTRIBUTION", "DISTRIBUTE"},
	{"ENGAGING", "ENGAGE"}, {"EXPLOIT", "EXPLOITATION"}, {"EXPLOITATIVE", "EXPLOITATION"}, {"EXPLOITED", "EXPLOITATION"},
	{"EXPLOITING", "EXPLOITATION"}, {"EXPOSE", "EXPOSURE"}, {"EXPOSING", "EXPOSURE"},
	{"FACILITATED", "FACILITATE"}, {"FACILITATING", "FACILITATE"},
	{"FAMILIAL", "FAMILY"}, {"FEM", "FEMALE"}, {"FEMALES", "FEMALE"},
	{"FLASHING", "EXPOSURE"}, {"GIRL", "FEMALE"}, {"GIRLS", "FEMALE"},
	{"GROOM", "GROOMING"}, {"GROOMED", "GROOMING"}, {"IMAGES", "IMAGE"},
	{"IMGS", "IMAGE"}, {"INC", "INCITE"}, {"INCITEMENT", "INCITE"}, {"INCITES", "INCITE"},
	{"INCITING", "INCITE"}, {"INDEC", "INDECENT"}, {"INDECENTLY", "INDECENT"}, {"KIDNAP", "KIDNAPPING"},
	{"MAKING", "MAKE"}, {"MALES", "MALE"}, {"MAN", "MALE"}, {"MEET", "MEETING"}, {"MEETS", "MEETING"},
	{"MEN", "MALE"}, {"MENTALLY", "MENTAL"}, {"OCC", "OCCASIONING"}, {"OFF", "OFFENDER"}, {"OFFNDR", "OFFENDER"},
	{"OFFR", "OFFENDER"}, {"PAID", "PAY"}, {"PAYING", "PAY"}, {"PAYMENT", "PAY"},
	{"PEN", "PENETRATION"}, {"PENE", "PENETRATION"}, {"PENET", "PENETRATION"}, {"PENETN", "PENETRATION"},
	{"PENETRATE", "PENETRATION"}, {"PENETRATING", "PENETRATION"},
	{"PENETRATIVE", "PENETRATION"}, {"PENETRATN", "PENETRATION"},
	{"PHOTO", "IMAGE"}, {"PHOTOGRAPH", "IMAGE"}, {"PHOTOGRAPHS", "IMAGE"},
	{"PHOTOS", "IMAGE"}, {"PICS", "IMAGE"}, {"PICTURE", "IMAGE"}, {"PICTURES", "IMAGE"},
	{"PORN", "PORNOGRAPHY"}, {"PORNOGRAPHIC", "PORNOGRAPHY"}, {"POSESSION", "POSSESSION"},
	{"POSN", "POSSESSION"}, {"POSS", "POSSESSION"}, {"POSSESS", "POSSESSION"},
	{"POSSESSED", "POSSESSION"}, {"POSSESSING", "POSSESSION"}, {"PRES", "PRESENCE"},
	{"PROSTITUTE", "PROSTITUTION"}, {"PROSTITUTES", "PROSTITUTION"},
	{"PSEUDOPHOTOGRAPHS", "IMAGE"}, {"PUBLICATION", "PUBLICATIONS"}, {"RAPED", "RAPE"}, {"RELATIVES", "RELATIVE"},
	{"SECS", "SEC"}, {"SECT", "SEC"}, {"SEX", "SEXUAL"}, {"SEXL", "SEXUAL"}, {"SEXUALLY", "SEXUAL"}, {"SHARING", "SHARE"},
	{"SHOWING", "DISTRIBUTE"}, {"SOLICITATION", "SOLICIT"}, {"SOLICITING", "SOLICIT"},
	{"SOLICITS", "SOLICIT"}, {"TAKING", "TAKE"}, {"THREATENING", "THREATEN"},
	{"THREATS", "THREAT"}, {"TRAFFIC", "TRAFFICKING"}, {"TRAFFICKED", "TRAFFICKING"},
	{"TRESPASSING", "TRESPASS"}, {"UNDERAGE", "CHILD"}, {"VOYEUR", "VOYEURISM"},
	{"WATCHING", "WATCH"}, {"WOMAN", "FEMALE"}, {"WOMEN", "FEMALE"}, {"YEAR", "YEARS"},
	{"YR", "YEARS"},
	{"YRS", "YEARS"},
};

/* canonical words the rules read or that are harmless filler (sorted) */
static const char *const vocab[] = {
	"A", "ABUSE", "ACT", "ACTIVITY", "ADMINISTER", "ADULT", "AGE", "AGED", "ALARM", "AN",
	"AND", "ANIMAL", "ANOTHER", "ANY", "ARRANGE", "AS", "ASSAULT", "AT", "ATTEMPT",
	"BESTIALITY", "BREASTFEEDING", "BROTHEL", "BUGGERY", "BY", "CARE", "CAUSE", "CHILD",
	"COMMISSION", "COMMIT", "COMMUNICATION", "CONSENT", "CONTROL", "CORPSE", "DEATH",
	"DECEPTION", "DISORDER", "DISTRESS", "DISTRIBUTE", "ENGAGE", "ETC", "EXPLOITATION",
	"EXPOSURE", "EXTREME", "FACILITATE", "FAMILY", "FEMALE", "FILM", "FOLLOWING", "FOR",
	"GAIN", "GENITALS", "GRATIFICATION", "GROOMING", "GROSS", "HARM", "HUMILIATION",
	"IMAGE", "IMPEDING", "IN", "INCEST", "INCITE", "INDECENCY", "INDECENT", "INDUCEMENT",
	"INJURY", "INTENT", "INTERCOURSE", "INTIMATE", "INTO", "INVOLVED", "INVOLVING", "IS",
	"KEEPING", "KERB", "CRAWLING", "LEARNING", "DISABILITY", "LIFE", "MAKE", "MALE",
	"MANUAL", "MEETING", "MEMBER", "MENTAL", "MULTIPLE", "NECROPHILIA", "NO", "NON",
	"NOT", "OBTAIN", "OF", "OFFENCE", "OFFENCES", "OFFENDER", "OFFENDERS", "OLD", "ON",
	"OR", "OTHER", "OTHERWISE", "OUT", "OVER", "PAEDOPHILE", "PAY", "PENETRATION",
	"PERSON", "PLACE", "PLUS", "POSITION", "POSSESSION", "PORNOGRAPHY", "PRESENCE",
	"PROCURE", "PROHIBITED", "PROSTITUTION", "PSEUDO", "PUBLIC", "PUBLISH", "PURPOSE",
	"RAPE", "RELATIVE", "SERVICES", "SEXUAL", "SHARE", "SEND", "SENDING", "SINGLE",
	"SOLICIT", "STREET", "SUBSTANCE", "TAKE", "THE", "THEIR", "THREAT", "THREATEN", "TO",
	"TRAFFICKING", "TRESPASS", "TRUST", "UK", "UNDEFINED", "UNDER", "UNLAWFUL",
	"UPSKIRTING", "USED", "VICTIM", "VOYEURISM", "WATCH", "WITH", "WITHIN", "WITHOUT",
	"WORKER", "WORKERS", "YEARS", "YOUNG", "BELOW", "LESS", "THAN", "OLDER", "PHOTOGRAPH",
	"INCLUDING", "ENGAGED", "UNKNOWN", "FOI", "HO", "CODE", "CLASS", "SEC", "SECTION",
	"SOA", "BEING", "WHILE", "JUVENILE", "SOMEONE", "SUBJECT", "THAT", "WHO", "HAS", "HAVE", "BEEN", "THIS",
	/* non-sexual offence words */
	"MURDER", "MANSLAUGHTER", "THEFT", "STEAL", "STOLEN", "BURGLARY", "ROBBERY",
	"DAMAGE", "CRIMINAL", "ARSON", "DRUG", "DRUGS", "CANNABIS", "COCAINE", "HEROIN",
	"FRAUD", "HARASSMENT", "STALKING", "WOUNDING", "AFFRAY", "KIDNAPPING", "KIDNAP",
	"BLACKMAIL", "FIREARM", "FIREARMS", "KNIFE", "WEAPON", "WEAPONS", "SHOPLIFTING",
	"HANDLING", "GOODS", "FORGERY", "PERJURY", "VEHICLE", "DRIVING", "KILL", "CRUELTY",
	"NEGLECT", "SLAVERY", "COERCIVE", "BEHAVIOUR", "CONTROLLING", "COMMON", "BODILY",
	"GRIEVOUS", "ACTUAL", "OCCASIONING", "ABH", "GBH", "SUPPLY", "DISORDERLY",
	"VIOLENT", "MOTOR", "BICYCLE", "CYCLE", "DWELLING", "SUICIDE", "BIGAMY", "ABDUCTION",
	"IMPRISONMENT", "FALSE", "MALICIOUS", "COMMUNICATIONS", "DOMESTIC", "VIOLENCE",
	"ABORTION", "INFANTICIDE", "OFFENSIVE", "BLADE", "POINT", "ARTICLE", "PROCEEDS",
	"CRIME", "BAIL", "CUSTODY", "ABSCONDING", "JUSTICE", "PERVERTING", "COURSE",
	"FEAR", "PROVOCATION", "DISTRACTION", "BUSINESS", "RESIDENTIAL", "HOME", "BUILDING",
	"ENDANGERING", "SHOP", "EMPLOYEE", "MAIL", "WILDLIFE", "RACIALLY", "RELIGIOUSLY",
	"AGGRAVATED", "CONSTABLE", "EMERGENCY", "ASSAULTING", "POLICE", "ORDER",
	"WHAT", "INTERFERING", "HOME", "OFFICE", "SERVITUDE", "HOLD", "NATURE", "THROUGH", "MISCELLANEOUS", "UNNATURAL",
	"OBSCENE", "PUBLICATIONS", "MATERIAL", "NOTIFICATION", "BREACH", "PREVENTION", "TOTAL", "RECORDING", "HOC", "MAKING", "PAYMENT", "WITHOUT", "FROM", "YOUTH", "PROMISING", "PROVIDE", "WHERE", "CONDUCT", "INDUCE",
	"ENCOURAGE", "THEM", "THOSE", "CHOICE", "ORAL", "DEAD", "ALIVE", "WHETHER", "HUMAN",
	"SERIOUS", "LIKELY", "RESULT", "RESULTS", "WHICH", "ANUS", "BREASTS", "INTERFERENCE",
	"PERFORMING", "PORTRAYING", "RELATING", "USING", "EQUIPMENT", "OBSERVE", "ADDITIONAL",
	"CAUSE", "STATE", "PROMISE", "VICTIMS", "HIMSELF", "HERSELF", "OUTSIDE", "INSIDE",
	/* words of non-sexual Home Office titles forces misspell */
	"CONTROLLED", "EQUIPPED", "STEALING", "COMMUNICATION", "WOUNDING", "INFLICTING",
	"INTENTIONAL", "HARASSMENT", "POSSESSION", "OFFENSIVE", "BURGLARY", "CRIMINAL",
	"VEHICLE", "RESIDENTIAL", "COMMUNITY", "BUSINESS", "PEDAL", "SHOPLIFTING",
};

static int
cmp_alias(const void *a, const void *b)
{
	return strcmp((const char *) a, ((const Alias *) b)->from);
}

static const char *
alias_of(const char *w)
{
	const Alias *a = bsearch(w, aliases, sizeof(aliases) / sizeof(aliases[0]),
							 sizeof(Alias), cmp_alias);

	return a ? a->to : NULL;
}

#define NVOCAB (sizeof(vocab) / sizeof(vocab[0]))

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/*
 * The vocabulary sorted, for binary search: built once per process on first use, the
 * same every time (the word list is constant), so it needs no invalidation.
 */
#define NALIAS (sizeof(aliases) / sizeof(aliases[0]))

static const char *vocab_sorted[NVOCAB];
static unsigned char vocab_len[NVOCAB];	/* strlen(vocab[i]) */
static unsigned char alias_len[NALIAS];	/* strlen(aliases[i].from) */
static bool vocab_ready = false;

static void
vocab_init(void)
{
	size_t		i;

	memcpy(vocab_sorted, vocab, sizeof(vocab));
	qsort(vocab_sorted, NVOCAB, sizeof(vocab_sorted[0]), cmp_str);
	for (i = 0; i < NVOCAB; i++)
		vocab_len[i] = (unsigned char) strlen(vocab[i]);
	for (i = 0; i < NALIAS; i++)
		alias_len[i] = (unsigned char) strlen(aliases[i].from);
	vocab_ready = true;
}

static bool
in_vocab(const char *w)
{
	if (!vocab_ready)
		vocab_init();
	return bsearch(&w, vocab_sorted, NVOCAB, sizeof(vocab_sorted[0]), cmp_str) != NULL;
}

/* a and b are at most one edit apart (substitution, insertion, deletion or a swap of
 * two adjacent letters): the optimal string alignment distance <= 1, in O(length) */
static bool
one_edit(const char *a, size_t la, const char *b, size_t lb)
{
	size_t		i = 0;

	if (la < lb)
	{
		const char *t = a;
		size_t		tl = la;

		a = b;
		la = lb;
		b = t;
		lb = tl;
	}
	if (la > lb + 1)
		return false;
	while (i < lb && a[i] == b[i])
		i++;
	if (i == lb)
		return true;			/* equal, or one letter added at the end */
	if (la == lb)
	{
		/* one substitution, or a swap of a[i], a[i + 1] */
		if (strcmp(a + i + 1, b + i + 1) == 0)
			return true;
		return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
			strcmp(a + i + 2, b + i + 2) == 0;
	}
	/* one letter more in a at i */
	return strcmp(a + i + 1, b + i) == 0;
}

/* cheap test before edit_distance: lengths within one, and one of the first two
 * letters in place or the two swapped (true of every word within one edit) */
static inline bool
maybe_one_edit(const char *a, size_t la, const char *b, size_t lb)
{
	if (la > lb + 1 || lb > la + 1)
		return false;
	return a[0] == b[0] || a[1] == b[1] || a[0] == b[1] || a[1] == b[0];
}

/* the canonical form of w, or NULL when neither an alias nor in the vocabulary */
static const char *
canon(const char *w)
{
	const char *a = alias_of(w);

	if (a)
		return a;
	return in_vocab(w) ? w : NULL;
}

/* unique vocabulary/alias word within one edit of w (words of 5+ letters), or NULL */
static const char *
respell(const char *w)
{
	const char *found = NULL;
	size_t		i;
	size_t		len = strlen(w);

	if (len < 5)
		return NULL;
	if (!vocab_ready)
		vocab_init();
	for (i = 0; i < NVOCAB; i++)
	{
		if (vocab_len[i] < 5 || !maybe_one_edit(w, len, vocab[i], vocab_len[i]))
			continue;
		if (one_edit(w, len, vocab[i], vocab_len[i]))
		{
			/* a vocabulary word that is also an alias stands for the alias's word */
			const char *c = alias_of(vocab[i]) ? alias_of(vocab[i]) : vocab[i];

			if (found && strcmp(found, c) != 0)
				return NULL;	/* ambiguous */
			found = c;
		}
	}
	for (i = 0; i < NALIAS; i++)
	{
		if (alias_len[i] < 6 || !maybe_one_edit(w, len, aliases[i].from, alias_len[i]))
			continue;
		if (one_edit(w, len, aliases[i].from, alias_len[i]))
		{
			if (found && strcmp(found, aliases[i].to) != 0)
				return NULL;
			found = aliases[i].to;
		}
	}
	return found;
}

/* Canonicalise every word; split glued words ('SEXUALASSAULT', 'NOPENETRATION'). */
static void
canonicalise(Lex *L)
{
	int			i;

	for (i = 0; i < L->n; i++)
	{
		Tok		   *k = &L->t[i];
		const char *c;

		if (k->sym || k->num >= 0)
			continue;
		/* a girl or a boy is a female or male child: 'CHILD' after it */
		if ((strcmp(k->w, "GIRL") == 0 || strcmp(k->w, "GIRLS") == 0 ||
			 strcmp(k->w, "BOY") == 0 || strcmp(k->w, "BOYS") == 0) && L->n < MAX_TOK &&
			!(i + 1 < L->n && strcmp(L->t[i + 1].w, "CHILD") == 0))
		{
			strcpy(k->w, k->w[0] == 'G' ? "FEMALE" : "MALE");
			k->known = true;
			memmove(&L->t[i + 2], &L->t[i + 1], sizeof(Tok) * (L->n - i - 1));
			L->n++;
			L->t[i + 1] = L->t[i];
			strcpy(L->t[i + 1].w, "CHILD");
			L->t[i + 1].glued = false;
			i++;
			continue;
		}
		c = canon(k->w);
		/*
		 * 'femaleU16', 'MaleU13', 'childU13': a word glued to the U of an age (read
		 * before the one-edit respelling, which would take FEMALEU for FEMALE and lose
		 * the under)
		 */
		if (!c && i + 1 < L->n && L->t[i + 1].glued && L->t[i + 1].num >= 0 &&
			L->n < MAX_TOK)
		{
			size_t		len = strlen(k->w);
			char		a[OFF_WORD_MAX];
			const char *ca;

			if (len >= 3 && k->w[len - 1] == 'U')
			{
				memcpy(a, k->w, len - 1);
				a[len - 1] = '\0';
				if ((ca = canon(a)) != NULL)
				{
					memmove(&L->t[i + 2], &L->t[i + 1], sizeof(Tok) * (L->n - i - 1));
					L->n++;
					strcpy(L->t[i].w, ca);
					L->t[i].known = true;
					L->t[i + 1] = L->t[i];
					strcpy(L->t[i + 1].w, "U");
					L->t[i + 1].glued = true;
					i++;
					continue;
				}
			}
		}
		if (c)
		{
			if (c != k->w)
				strcpy(k->w, c);
			k->known = true;
			continue;
		}
		/*
		 * two glued words?  Tried before the one-edit respelling: 'Offunder18' is OFF
		 * UNDER 18, not OFFENDER 18 (OFFUNDER is one letter from OFFENDER)
		 */
		{
			size_t		len = strlen(k->w),
						cut;
			bool		split = false;

			for (cut = 2; cut + 2 <= len && L->n < MAX_TOK; cut++)
			{
				char		a[OFF_WORD_MAX],
							b[OFF_WORD_MAX];
				const char *ca,
						   *cb;

				memcpy(a, k->w, cut);
				a[cut] = '\0';
				strcpy(b, k->w + cut);
				ca = canon(a);
				cb = ca ? canon(b) : NULL;
				if (ca && cb && strlen(a) >= 2)
				{
					memmove(&L->t[i + 2], &L->t[i + 1], sizeof(Tok) * (L->n - i - 1));
					L->n++;
					strcpy(L->t[i].w, ca);
					L->t[i].known = true;
					L->t[i + 1] = L->t[i];
					strcpy(L->t[i + 1].w, cb);
					L->t[i + 1].glued = true;
					i++;
					split = true;
					break;
				}
			}
			if (split)
				continue;
		}
		if ((c = respell(k->w)) != NULL)
		{
			strcpy(k->w, c);
			k->known = true;
		}
	}
}

void
classify_lex(const char *s, size_t len, Lex *L)
{
	lex(s, len, L);
	if (!L->overflow)
		canonicalise(L);
}
