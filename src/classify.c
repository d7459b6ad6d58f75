/*
 * classify.c: offence title classifier (pure C; see classify.h).
 *
 * Stages:
 *   1. lex      bytes -> tokens: letter runs (upper-cased), digit runs, the symbols
 *               + - / ( ) . : & ,  (en/em dashes become '-'); every token remembers
 *               whether it was glued to the previous one ('U13', '13+', '19D').
 *   2. words    abbreviations and variants -> one canonical word (OFF -> OFFENDER,
 *               PENETN -> PENETRATION, W/O -> WITHOUT ...); unknown words are tried
 *               as two glued known words, then against the vocabulary with one edit
 *               (ASSUALT -> ASSAULT).  Words still unknown are reported as unparsed.
 *   3. code     a leading Home Office code ('019/07', '19/07', '01907', '19.07',
 *               '86/15 ...') or class label ('19D', '(20A) ...').
 *   4. facts    statute suffixes ('SOA 2003 S9', 'Sexual Offences Act 2003 Sec 9')
 *               and prefixes ('Single offender:') are dropped; victim sex, victim and
 *               offender age ranges, penetration, attempt, multiple offenders read.
 *   5. kind     the kind of offence from its key words (rape, assault by penetration,
 *               cause/incite a child, abuse of trust ...), most specific first.
 *   6. code     the rule table lists every code of the kind with the facts its Home
 *               Office title implies; the stated facts must fit, and when several
 *               codes still fit the answer is no code (and the class only if they
 *               share it), with the reason.
 *
 * Home Office convention used for facts a title leaves out (documented per rule):
 * a code whose sibling says '- no penetration' means penetration (reported as
 * penetration true, source implied); a code whose sibling says '- offender under 18'
 * is the offender-18-or-over offence; '13 and over' sexual assault codes are the ones
 * whose title states no age.
 */
#include "classify.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const offence_family_names[OFAM__COUNT] = {
	"rape", "assault_by_penetration", "sexual_assault", "child_sexual_activity",
	"sexual_activity_without_consent", "familial", "mental_disorder",
	"sexual_exploitation", "trafficking", "abuse_of_trust", "grooming", "other_sexual",
	"exposure_voyeurism", "unnatural", "prostitution", "indecent_images", "non_sexual"
};

/* ---------------------------------------------------------------- tokens */

#define MAX_TOK 160

typedef struct Tok
{
	char		w[OFF_WORD_MAX];	/* word (upper case) or digits; "" for a symbol */
	char		sym;			/* symbol, 0 for words and numbers */
	int			num;			/* value of a digit run, -1 otherwise */
	int			ndig;			/* digits in a digit run */
	bool		glued;			/* no separator before this token */
	bool		used;			/* consumed by a rule (not unparsed) */
	bool		known;			/* word in the vocabulary */
	bool		dropped;		/* statute/prefix text, ignored */
} Tok;

typedef struct Lex
{
	Tok			t[MAX_TOK];
	int			n;
	bool		overflow;
} Lex;

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
			add_tok(L, buf, bl, 0, glued);
			glued = true;
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
			glued = true;
		}
		else if (c == 0xE2 && i + 2 < len && (unsigned char) s[i + 1] == 0x80 &&
				 ((unsigned char) s[i + 2] >= 0x90 && (unsigned char) s[i + 2] <= 0x95))
		{
			/* U+2010..U+2015 hyphens and dashes */
			add_tok(L, "", 0, '-', glued);
			i += 3;
			glued = true;
		}
		else if (strchr("+-/().:&,", c) && c != '\0')
		{
			add_tok(L, "", 0, (char) (c == '.' ? '.' : c), glued);
			i++;
			glued = true;
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
	{"ABUSING", "ABUSE"}, {"ACTIV", "ACTIVITY"}, {"ACTIVITIES", "ACTIVITY"},
	{"ACTS", "ACT"}, {"ACTVTY", "ACTIVITY"}, {"ACTY", "ACTIVITY"},
	{"ADMINISTERING", "ADMINISTER"}, {"ADMINISTRATION", "ADMINISTER"},
	{"ARRANGED", "ARRANGE"}, {"ARRANGING", "ARRANGE"}, {"ASLT", "ASSAULT"},
	{"ASSAULTS", "ASSAULT"}, {"ASSLT", "ASSAULT"}, {"ATT", "ATTEMPT"},
	{"ATTEMPTED", "ATTEMPT"}, {"ATTEMPTING", "ATTEMPT"}, {"ATTEMPTS", "ATTEMPT"},
	{"ATTMPT", "ATTEMPT"}, {"BOY", "MALE"}, {"BOYS", "MALE"}, {"CAUSED", "CAUSE"},
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
	{"INCITING", "INCITE"}, {"INDEC", "INDECENT"}, {"INDECENTLY", "INDECENT"},
	{"MAKING", "MAKE"}, {"MALES", "MALE"}, {"MAN", "MALE"}, {"MEET", "MEETING"}, {"MEETS", "MEETING"},
	{"MEN", "MALE"}, {"MENTALLY", "MENTAL"}, {"OFF", "OFFENDER"}, {"OFFNDR", "OFFENDER"},
	{"OFFR", "OFFENDER"}, {"PAID", "PAY"}, {"PAYING", "PAY"}, {"PAYMENT", "PAY"},
	{"PEN", "PENETRATION"}, {"PENET", "PENETRATION"}, {"PENETN", "PENETRATION"},
	{"PENETRATE", "PENETRATION"}, {"PENETRATING", "PENETRATION"},
	{"PENETRATIVE", "PENETRATION"}, {"PENETRATN", "PENETRATION"},
	{"PHOTO", "IMAGE"}, {"PHOTOGRAPH", "IMAGE"}, {"PHOTOGRAPHS", "IMAGE"},
	{"PHOTOS", "IMAGE"}, {"PICS", "IMAGE"}, {"PICTURE", "IMAGE"}, {"PICTURES", "IMAGE"},
	{"PORN", "PORNOGRAPHY"}, {"PORNOGRAPHIC", "PORNOGRAPHY"}, {"POSESSION", "POSSESSION"},
	{"POSN", "POSSESSION"}, {"POSS", "POSSESSION"}, {"POSSESS", "POSSESSION"},
	{"POSSESSED", "POSSESSION"}, {"POSSESSING", "POSSESSION"}, {"PRES", "PRESENCE"},
	{"PROSTITUTE", "PROSTITUTION"}, {"PROSTITUTES", "PROSTITUTION"},
	{"PSEUDOPHOTOGRAPHS", "IMAGE"}, {"RAPED", "RAPE"}, {"RELATIVES", "RELATIVE"},
	{"SEX", "SEXUAL"}, {"SEXL", "SEXUAL"}, {"SEXUALLY", "SEXUAL"}, {"SHARING", "SHARE"},
	{"SHOWING", "DISTRIBUTE"}, {"SOLICITATION", "SOLICIT"}, {"SOLICITING", "SOLICIT"},
	{"SOLICITS", "SOLICIT"}, {"TAKING", "TAKE"}, {"THREATENING", "THREATEN"},
	{"THREATS", "THREAT"}, {"TRAFFIC", "TRAFFICKING"}, {"TRAFFICKED", "TRAFFICKING"},
	{"TRESPASSING", "TRESPASS"}, {"UNDERAGE", "CHILD"}, {"VOYEUR", "VOYEURISM"},
	{"WATCHING", "WATCH"}, {"WOMAN", "FEMALE"}, {"WOMEN", "FEMALE"}, {"YR", "YEARS"},
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
	"SOA", "BEING", "WHILE", "SUBJECT", "THAT", "WHO", "HAS", "HAVE", "BEEN", "THIS",
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
	"OBSCENE", "PUBLICATIONS", "NOTIFICATION", "BREACH", "PREVENTION", "TOTAL", "RECORDING", "HOC", "MAKING", "PAYMENT", "WITHOUT", "FROM", "YOUTH", "PROMISING", "PROVIDE", "WHERE", "CONDUCT", "INDUCE",
	"ENCOURAGE", "THEM", "THOSE", "CHOICE", "ORAL", "DEAD", "ALIVE", "WHETHER", "HUMAN",
	"SERIOUS", "LIKELY", "RESULT", "RESULTS", "WHICH", "ANUS", "BREASTS", "INTERFERENCE",
	"PERFORMING", "PORTRAYING", "RELATING", "USING", "EQUIPMENT", "OBSERVE", "ADDITIONAL",
	"CAUSE", "STATE", "PROMISE", "VICTIMS", "HIMSELF", "HERSELF", "OUTSIDE", "INSIDE",
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

static bool
in_vocab(const char *w)
{
	size_t		i;

	for (i = 0; i < sizeof(vocab) / sizeof(vocab[0]); i++)
		if (strcmp(vocab[i], w) == 0)
			return true;
	return false;
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

/* optimal string alignment distance, capped: returns >limit when further */
static int
edit_distance(const char *a, const char *b, int limit)
{
	int			la = (int) strlen(a),
				lb = (int) strlen(b);
	int			d[OFF_WORD_MAX + 1][OFF_WORD_MAX + 1];
	int			i,
				j;

	if (abs(la - lb) > limit)
		return limit + 1;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++)
		{
			int			c = a[i - 1] == b[j - 1] ? 0 : 1;
			int			v = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + c < v)
				v = d[i - 1][j - 1] + c;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
				d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
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
	for (i = 0; i < sizeof(vocab) / sizeof(vocab[0]); i++)
	{
		if (strlen(vocab[i]) < 5)
			continue;
		if (edit_distance(w, vocab[i], 1) <= 1)
		{
			if (found && strcmp(found, vocab[i]) != 0)
				return NULL;	/* ambiguous */
			found = vocab[i];
		}
	}
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
	{
		if (strlen(aliases[i].from) < 6)
			continue;
		if (edit_distance(w, aliases[i].from, 1) <= 1)
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
		c = canon(k->w);
		if (!c)
			c = respell(k->w);
		if (c)
		{
			if (c != k->w)
				strcpy(k->w, c);
			k->known = true;
			continue;
		}
		/* two glued words? */
		{
			size_t		len = strlen(k->w),
						cut;

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
				cb = canon(b);
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
					break;
				}
			}
		}
	}
}

/* ---------------------------------------------------------------- helpers */

static bool
is_word(const Tok *k, const char *w)
{
	return k->sym == 0 && k->num < 0 && strcmp(k->w, w) == 0;
}

static bool
has_word(const Lex *L, const char *w)
{
	int			i;

	for (i = 0; i < L->n; i++)
		if (!L->t[i].dropped && is_word(&L->t[i], w))
			return true;
	return false;
}

static void
set_reason(OffenceResult *r, const char *fmt, const char *a, const char *b)
{
	if (r->reason[0])
		return;
	snprintf(r->reason, sizeof(r->reason), fmt, a ? a : "", b ? b : "");
}

/* ---------------------------------------------------------------- codes */

/* A leading code or class label; marks its tokens dropped. */
static void
read_code(Lex *L, OffenceResult *r)
{
	int			i = 0,
				start;
	bool		paren = false;

	/* optional words: HO, CODE, CLASS */
	while (i < L->n && (is_word(&L->t[i], "HO") || is_word(&L->t[i], "CODE") ||
						is_word(&L->t[i], "CLASS") || is_word(&L->t[i], "OFFENCE") ||
						is_word(&L->t[i], "HOME") || is_word(&L->t[i], "OFFICE") ||
						is_word(&L->t[i], "RECORDING") || is_word(&L->t[i], "HOC")) &&
		   i + 1 < L->n && (L->t[i + 1].num >= 0 || L->t[i + 1].sym == '(' ||
							L->t[i + 1].sym == ':' ||
							is_word(&L->t[i + 1], "CODE") || is_word(&L->t[i + 1], "CLASS") ||
							is_word(&L->t[i + 1], "OFFICE") ||
							is_word(&L->t[i + 1], "RECORDING")))
		i++;
	if (i > 0 && i < L->n && L->t[i].sym == ':')
		i++;
	if (i < L->n && (L->t[i].sym == '(' || L->t[i].sym == '['))
	{
		paren = true;
		i++;
	}
	start = i;
	if (i >= L->n || L->t[i].num < 0)
		return;

	if (L->t[i].ndig == 5 && (i + 1 >= L->n || !L->t[i + 1].glued))
	{
		/* 01907 */
		snprintf(r->given_code, sizeof(r->given_code), "%.3s/%.2s", L->t[i].w,
				 L->t[i].w + 3);
		i++;
	}
	else if (L->t[i].ndig <= 3 && i + 2 < L->n &&
			 (L->t[i + 1].sym == '/' || L->t[i + 1].sym == '.') &&
			 L->t[i + 1].glued && L->t[i + 2].glued &&
			 L->t[i + 2].num >= 0 && L->t[i + 2].ndig <= 2)
	{
		/* 019/07, 19/07, 19.07, 19/7 */
		snprintf(r->given_code, sizeof(r->given_code), "%03d/%02d", L->t[i].num % 1000,
				 L->t[i + 2].num % 100);
		i += 3;
	}
	else if (L->t[i].ndig <= 3 && i + 1 < L->n && L->t[i + 1].glued &&
			 L->t[i + 1].sym == 0 && L->t[i + 1].num < 0 && strlen(L->t[i + 1].w) == 1 &&
			 (i + 2 >= L->n || !L->t[i + 2].glued || L->t[i + 2].sym))
	{
		/* 19D, (20A) */
		snprintf(r->given_class, sizeof(r->given_class), "%d%.1s", L->t[i].num % 1000,
				 L->t[i + 1].w);
		i += 2;
	}
	else if (paren && L->t[i].ndig <= 3 && i + 1 < L->n && L->t[i + 1].sym == ')')
	{
		/* (21) */
		snprintf(r->given_class, sizeof(r->given_class), "%d", L->t[i].num % 1000);
		i += 1;
	}
	else if (start == 0 && L->n == 1 && L->t[0].ndig <= 3)
	{
		/* a bare class number: '21' */
		snprintf(r->given_class, sizeof(r->given_class), "%d", L->t[0].num % 1000);
		i = 1;
	}
	else
		return;
	if (paren && i < L->n && (L->t[i].sym == ')' || L->t[i].sym == ']'))
		i++;
	{
		int			j;

		for (j = 0; j < i; j++)
			L->t[j].dropped = true;
	}
}

/* ---------------------------------------------------------------- statute, prefixes */

static void
drop_noise(Lex *L, OffenceResult *r)
{
	int			i;

	for (i = 0; i < L->n; i++)
	{
		Tok		   *k = &L->t[i];

		if (k->dropped)
			continue;
		/* SEXUAL OFFENCES ACT [yyyy]; any '... ACT yyyy' */
		if (is_word(k, "SEXUAL") && i + 2 < L->n && is_word(&L->t[i + 1], "OFFENCES") &&
			is_word(&L->t[i + 2], "ACT"))
		{
			k->dropped = L->t[i + 1].dropped = L->t[i + 2].dropped = true;
			continue;
		}
		if (is_word(k, "ACT") && i + 1 < L->n && L->t[i + 1].num >= 1900 &&
			L->t[i + 1].num <= 2099)
		{
			k->dropped = L->t[i + 1].dropped = true;
			continue;
		}
		if (is_word(k, "SOA"))
		{
			k->dropped = true;
			if (i + 1 < L->n && L->t[i + 1].num >= 1900 && L->t[i + 1].num <= 2099)
				L->t[i + 1].dropped = true;
			continue;
		}
		/* SEC 9, SECTION 9, S9, S.9, S 66A, (S66, ...) */
		if ((is_word(k, "SEC") || is_word(k, "SECTION") || is_word(k, "S") ||
			 is_word(k, "SS")) && i + 1 < L->n)
		{
			int			j = i + 1;

			if (L->t[j].sym == '.' && j + 1 < L->n)
				j++;
			if (L->t[j].num >= 0)
			{
				int			m;

				for (m = i; m <= j; m++)
					L->t[m].dropped = true;
				/* section letter suffix: 66A */
				if (j + 1 < L->n && L->t[j + 1].glued && strlen(L->t[j + 1].w) == 1 &&
					L->t[j + 1].num < 0 && L->t[j + 1].sym == 0)
					L->t[j + 1].dropped = true;
				continue;
			}
		}
		/* a year on its own (statute) */
		if (k->num >= 1900 && k->num <= 2099 && k->ndig == 4)
		{
			k->dropped = true;
			continue;
		}
		/* '(S)' summary-offence marker some forces print after a code */
		if (k->sym == '(' && i + 2 < L->n && is_word(&L->t[i + 1], "S") && L->t[i + 2].sym == ')')
		{
			k->dropped = L->t[i + 1].dropped = L->t[i + 2].dropped = true;
			continue;
		}
		/* SINGLE OFFENDER prefix */
		if (is_word(k, "SINGLE") && i + 1 < L->n && is_word(&L->t[i + 1], "OFFENDER"))
		{
			k->dropped = L->t[i + 1].dropped = true;
			continue;
		}
		/* MULTIPLE [UNDEFINED] OFFENDERS */
		if (is_word(k, "MULTIPLE"))
		{
			int			j = i + 1;

			if (j < L->n && is_word(&L->t[j], "UNDEFINED"))
				j++;
			if (j < L->n && (is_word(&L->t[j], "OFFENDERS") || is_word(&L->t[j], "OFFENDER")))
			{
				int			m;

				for (m = i; m <= j; m++)
					L->t[m].dropped = true;
				r->multiple = true;
				continue;
			}
		}
	}
}

/* ---------------------------------------------------------------- facts */

static bool
is_filler(const Tok *k)
{
	return is_word(k, "AGED") || is_word(k, "AGE") || is_word(k, "IS") ||
		is_word(k, "AN") || is_word(k, "A") || is_word(k, "OF") || is_word(k, "BEING") ||
		k->sym == ':' || k->sym == '(';
}

/*
 * Read an age phrase at token i; on success set [lo,hi) (hi -1 unbounded), mark the
 * tokens used and return the index after it, else return -1.
 */
static int
age_phrase(Lex *L, int i, int *lo, int *hi)
{
	Tok		   *t = L->t;
	int			n = L->n;
	int			j;

	if (i >= n)
		return -1;
	/* U13, UNDER 13, U/13, BELOW 13, LESS THAN 13 */
	if (is_word(&t[i], "U") || is_word(&t[i], "UNDER") || is_word(&t[i], "BELOW") ||
		(is_word(&t[i], "LESS") && i + 1 < n && is_word(&t[i + 1], "THAN")))
	{
		j = i + (is_word(&t[i], "LESS") ? 2 : 1);
		if (j < n && t[j].sym == '/')
			j++;
		if (j < n && t[j].num >= 0 && t[j].num < 120)
		{
			*lo = 0;
			*hi = t[j].num;
			for (int m = i; m <= j; m++)
				t[m].used = true;
			j++;
			while (j < n && (is_word(&t[j], "YEARS") || is_word(&t[j], "OLD") ||
							 is_word(&t[j], "OF") || is_word(&t[j], "AGE")))
				t[j++].used = true;
			return j;
		}
		return -1;
	}
	/* OVER 18 */
	if (is_word(&t[i], "OVER") && i + 1 < n && t[i + 1].num >= 0 && t[i + 1].num < 120)
	{
		*lo = t[i + 1].num;
		*hi = -1;
		t[i].used = t[i + 1].used = true;
		j = i + 2;
		while (j < n && (is_word(&t[j], "YEARS") || is_word(&t[j], "OLD")))
			t[j++].used = true;
		return j;
	}
	if (t[i].num < 0 || t[i].num >= 120 || t[i].dropped)
		return -1;
	j = i + 1;
	/* 13-15, 13 - 15, 13 TO 15, 13/15 */
	if (j + 1 < n && (t[j].sym == '-' || is_word(&t[j], "TO") ||
					  (t[j].sym == '/' && t[j].glued)) &&
		t[j + 1].num >= 0 && t[j + 1].num < 120 && t[j + 1].num >= t[i].num)
	{
		*lo = t[i].num;
		*hi = t[j + 1].num + 1;
		t[i].used = t[j].used = t[j + 1].used = true;
		j += 2;
		while (j < n && (is_word(&t[j], "YEARS") || is_word(&t[j], "OLD")))
			t[j++].used = true;
		return j;
	}
	while (j < n && is_word(&t[j], "YEARS"))
		t[j++].used = true;
	/* AGED 14: one year of age */
	if (i > 0 && (is_word(&t[i - 1], "AGED") || is_word(&t[i - 1], "AGE")) &&
		!(j < n && (t[j].sym == '+' || is_word(&t[j], "PLUS") || is_word(&t[j], "OR") ||
					is_word(&t[j], "AND"))))
	{
		*lo = t[i].num;
		*hi = t[i].num + 1;
		t[i].used = true;
		while (j < n && is_word(&t[j], "OLD"))
			t[j++].used = true;
		return j;
	}
	/* 13+, 13 PLUS, 13 OR OVER, 13 AND OVER, 13 OR OLDER */
	if (j < n && (t[j].sym == '+' || is_word(&t[j], "PLUS")))
	{
		*lo = t[i].num;
		*hi = -1;
		t[i].used = t[j].used = true;
		return j + 1;
	}
	if (j + 1 < n && (is_word(&t[j], "OR") || is_word(&t[j], "AND")) &&
		(is_word(&t[j + 1], "OVER") || is_word(&t[j + 1], "OLDER")))
	{
		*lo = t[i].num;
		*hi = -1;
		for (int m = i; m <= j + 1; m++)
			t[m].used = true;
		j += 2;
		while (j < n && (is_word(&t[j], "YEARS") || is_word(&t[j], "OLD")))
			t[j++].used = true;
		return j;
	}
	return -1;
}

static void
read_facts(Lex *L, OffenceResult *r, char *offender_sex)
{
	int			i;
	int			subject = 0;	/* 0 victim, 1 offender */
	int			since_subject = 0;

	for (i = 0; i < L->n; i++)
	{
		Tok		   *k = &L->t[i];
		int			lo,
					hi,
					e;

		if (k->dropped)
			continue;
		if (is_word(k, "OFFENDER") || is_word(k, "OFFENDERS"))
		{
			subject = 1;
			since_subject = 0;
			k->used = true;
			continue;
		}
		if (is_word(k, "VICTIM") || is_word(k, "RELATIVE") || is_word(k, "CHILD") ||
			is_word(k, "PERSON"))
		{
			subject = 0;
			since_subject = 0;
			continue;
		}
		e = age_phrase(L, i, &lo, &hi);
		if (e > 0)
		{
			if (subject == 1 && since_subject <= 3)
			{
				if (!r->has_oage)
				{
					r->has_oage = true;
					r->oage_lo = lo;
					r->oage_hi = hi;
				}
			}
			else if (!r->has_vage)
			{
				r->has_vage = true;
				r->vage_lo = lo;
				r->vage_hi = hi;
			}
			subject = 0;
			i = e - 1;
			continue;
		}
		if (is_filler(k))
		{
			k->used = true;
			continue;
		}
		since_subject++;

		/* sex: the first FEMALE/MALE not after 'BY' is the victim's */
		if (is_word(k, "FEMALE") || is_word(k, "MALE"))
		{
			int			p = i - 1;

			while (p >= 0 && (is_word(&L->t[p], "A") || is_word(&L->t[p], "AN")))
				p--;
			k->used = true;
			if (p >= 0 && is_word(&L->t[p], "BY"))
				*offender_sex = k->w[0];
			else if (!r->victim_sex)
				r->victim_sex = k->w[0];
			continue;
		}
		if (is_word(k, "ATTEMPT"))
		{
			r->attempt = true;
			k->used = true;
			continue;
		}
		if (is_word(k, "PENETRATION"))
		{
			int			p = i - 1;

			while (p >= 0 && L->t[p].sym == '-')
				p--;
			k->used = true;
			if (p >= 0 && (is_word(&L->t[p], "NO") || is_word(&L->t[p], "NON") ||
						   is_word(&L->t[p], "WITHOUT") || is_word(&L->t[p], "NOT")))
			{
				L->t[p].used = true;
				if (r->penetration != 1)
					r->penetration = 0;
			}
			else if (r->penetration == -1)
				r->penetration = 1;
			continue;
		}
		/* W/O -> WITHOUT */
		if (is_word(k, "W") && i + 2 < L->n && L->t[i + 1].sym == '/' &&
			is_word(&L->t[i + 2], "O"))
		{
			strcpy(k->w, "WITHOUT");
			k->known = true;
			L->t[i + 1].used = true;
			L->t[i + 2].dropped = true;
			continue;
		}
	}
}

/* ---------------------------------------------------------------- kinds */

enum Kind
{
	K_NONE = 0,
	K_RAPE, K_ABP, K_SA, K_S4,
	K_S8S10, K_S9S13, K_S11, K_S12,
	K_FAM_ACT, K_FAM_INC, K_FAM_ADULT, K_FAM_ADULT_CONSENT,
	K_TRUST_ACT, K_TRUST_CAUSE, K_TRUST_PRES, K_TRUST_WATCH,
	K_MD_ACT, K_MD_CAUSE, K_MD_PRES, K_MD_WATCH,
	K_MD_IND_PROCURE, K_MD_IND_CAUSE, K_MD_IND_PRES, K_MD_IND_WATCH,
	K_MD_CARE_ACT, K_MD_CARE_CAUSE, K_MD_CARE_PRES, K_MD_CARE_WATCH,
	K_GROOM_MEET, K_SEXCOMM,
	K_CSE_PAY, K_CSE_CAUSE, K_CSE_CONTROL, K_CSE_ARRANGE,
	K_S14_GENERIC, K_S14_RAPE_U13, K_S14_CAUSE_U13, K_S14_ACT_PEN, K_S14_BY_CHILD,
	K_S14_PRES_WATCH, K_S14_ACT_NOPEN,
	K_PROST_CAUSE, K_PROST_CONTROL, K_BROTHEL, K_SOLICIT, K_PAY_EXPLOITED,
	K_EXPOSURE, K_VOYEUR, K_UPSKIRT, K_BREASTFEED, K_CYBERFLASH, K_SHARE_INTIMATE,
	K_SHARE_NOCONSENT, K_ADMIN, K_TRESPASS, K_COMMIT_INTENT, K_ANIMAL, K_CORPSE,
	K_IIOC_POSS, K_IIOC_MAKE, K_IIOC_GENERIC, K_PROHIBITED, K_EXTREME, K_EXT_LIFE, K_EXT_INJURY,
	K_EXT_CORPSE, K_EXT_ANIMAL, K_EXT_RAPE, K_EXT_PEN, K_PAED_MANUAL,
	K_TRAFFICK, K_HIST_INDECENT_ASSAULT, K_HIST_GROSS, K_HIST_USI, K_HIST_BUGGERY,
	K_NONSEX,
	K__COUNT
};

typedef struct KindInfo
{
	int			family;
	const char *cls;			/* class when the kind has one whatever the facts */
	const char *note;			/* reason given when no code */
} KindInfo;

static const KindInfo kinds[K__COUNT] = {
	[K_NONE] = {OFAM_UNKNOWN, NULL, NULL},
	[K_RAPE] = {OFAM_RAPE, NULL, NULL},
	[K_ABP] = {OFAM_ASSAULT_BY_PENETRATION, NULL, NULL},
	[K_SA] = {OFAM_SEXUAL_ASSAULT, NULL, NULL},
	[K_S4] = {OFAM_WITHOUT_CONSENT, "22A", NULL},
	[K_S8S10] = {OFAM_CHILD_SEXUAL_ACTIVITY, NULL, NULL},
	[K_S9S13] = {OFAM_CHILD_SEXUAL_ACTIVITY, NULL, NULL},
	[K_S11] = {OFAM_CHILD_SEXUAL_ACTIVITY, NULL, NULL},
	[K_S12] = {OFAM_CHILD_SEXUAL_ACTIVITY, NULL, NULL},
	[K_FAM_ACT] = {OFAM_FAMILIAL, "23", NULL},
	[K_FAM_INC] = {OFAM_FAMILIAL, "23", NULL},
	[K_FAM_ADULT] = {OFAM_FAMILIAL, "23", NULL},
	[K_FAM_ADULT_CONSENT] = {OFAM_FAMILIAL, "23", NULL},
	[K_TRUST_ACT] = {OFAM_ABUSE_OF_TRUST, "73", NULL},
	[K_TRUST_CAUSE] = {OFAM_ABUSE_OF_TRUST, "73", NULL},
	[K_TRUST_PRES] = {OFAM_ABUSE_OF_TRUST, "73", NULL},
	[K_TRUST_WATCH] = {OFAM_ABUSE_OF_TRUST, "73", NULL},
	[K_MD_ACT] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_CAUSE] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_PRES] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_WATCH] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_IND_PROCURE] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_IND_CAUSE] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_IND_PRES] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_IND_WATCH] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_CARE_ACT] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_CARE_CAUSE] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_CARE_PRES] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_MD_CARE_WATCH] = {OFAM_MENTAL_DISORDER, "70", NULL},
	[K_GROOM_MEET] = {OFAM_GROOMING, "88A", NULL},
	[K_SEXCOMM] = {OFAM_GROOMING, "88A", NULL},
	[K_CSE_PAY] = {OFAM_SEXUAL_EXPLOITATION, "71", NULL},
	[K_CSE_CAUSE] = {OFAM_SEXUAL_EXPLOITATION, "71", NULL},
	[K_CSE_CONTROL] = {OFAM_SEXUAL_EXPLOITATION, "71", NULL},
	[K_CSE_ARRANGE] = {OFAM_SEXUAL_EXPLOITATION, "71", NULL},
	[K_S14_GENERIC] = {OFAM_SEXUAL_EXPLOITATION, "71", NULL},
	[K_S14_RAPE_U13] = {OFAM_CHILD_SEXUAL_ACTIVITY, "21", NULL},
	[K_S14_CAUSE_U13] = {OFAM_CHILD_SEXUAL_ACTIVITY, "21", NULL},
	[K_S14_ACT_PEN] = {OFAM_CHILD_SEXUAL_ACTIVITY, "22B", NULL},
	[K_S14_BY_CHILD] = {OFAM_CHILD_SEXUAL_ACTIVITY, "22B", NULL},
	[K_S14_PRES_WATCH] = {OFAM_SEXUAL_EXPLOITATION, "71", NULL},
	[K_S14_ACT_NOPEN] = {OFAM_SEXUAL_EXPLOITATION, "71", NULL},
	[K_PROST_CAUSE] = {OFAM_PROSTITUTION, "24", NULL},
	[K_PROST_CONTROL] = {OFAM_PROSTITUTION, "24", NULL},
	[K_BROTHEL] = {OFAM_PROSTITUTION, "24", NULL},
	[K_SOLICIT] = {OFAM_PROSTITUTION, "27", NULL},
	[K_PAY_EXPLOITED] = {OFAM_PROSTITUTION, "27", NULL},
	[K_EXPOSURE] = {OFAM_EXPOSURE_VOYEURISM, "88E", NULL},
	[K_VOYEUR] = {OFAM_EXPOSURE_VOYEURISM, "88E", NULL},
	[K_UPSKIRT] = {OFAM_EXPOSURE_VOYEURISM, "88E", NULL},
	[K_BREASTFEED] = {OFAM_EXPOSURE_VOYEURISM, "88E", NULL},
	[K_CYBERFLASH] = {OFAM_EXPOSURE_VOYEURISM, "88E", NULL},
	[K_SHARE_INTIMATE] = {OFAM_OTHER_SEXUAL, "88C", NULL},
	[K_SHARE_NOCONSENT] = {OFAM_OTHER_SEXUAL, "88C", NULL},
	[K_ADMIN] = {OFAM_OTHER_SEXUAL, "88C", NULL},
	[K_TRESPASS] = {OFAM_OTHER_SEXUAL, "88C", NULL},
	[K_COMMIT_INTENT] = {OFAM_OTHER_SEXUAL, "88C", NULL},
	[K_ANIMAL] = {OFAM_UNNATURAL, "88D", NULL},
	[K_CORPSE] = {OFAM_UNNATURAL, "88D", NULL},
	[K_IIOC_POSS] = {OFAM_INDECENT_IMAGES, "86", NULL},
	[K_IIOC_MAKE] = {OFAM_INDECENT_IMAGES, "86", NULL},
	[K_IIOC_GENERIC] = {OFAM_INDECENT_IMAGES, "86", "indecent images of children: the title does not say whether taking, making or distributing (086/02) or possessing (086/10)"},
	[K_PROHIBITED] = {OFAM_INDECENT_IMAGES, "86", NULL},
	[K_EXTREME] = {OFAM_INDECENT_IMAGES, "86", "extreme pornography: the title does not say which kind of image"},
	[K_EXT_LIFE] = {OFAM_INDECENT_IMAGES, "86", NULL},
	[K_EXT_INJURY] = {OFAM_INDECENT_IMAGES, "86", NULL},
	[K_EXT_CORPSE] = {OFAM_INDECENT_IMAGES, "86", NULL},
	[K_EXT_ANIMAL] = {OFAM_INDECENT_IMAGES, "86", NULL},
	[K_EXT_RAPE] = {OFAM_INDECENT_IMAGES, "86", NULL},
	[K_EXT_PEN] = {OFAM_INDECENT_IMAGES, "86", NULL},
	[K_PAED_MANUAL] = {OFAM_SEXUAL_EXPLOITATION, "71", NULL},
	[K_TRAFFICK] = {OFAM_TRAFFICKING, NULL, "trafficking for sexual exploitation: not in the April 2026 Home Office list (replaced by Modern Slavery Act 2015 offences, class 106)"},
	[K_HIST_INDECENT_ASSAULT] = {OFAM_SEXUAL_ASSAULT, NULL, "indecent assault: Sexual Offences Act 1956 offence, not in the April 2026 Home Office list"},
	[K_HIST_GROSS] = {OFAM_OTHER_SEXUAL, NULL, "gross indecency: historic offence, not in the April 2026 Home Office list"},
	[K_HIST_USI] = {OFAM_CHILD_SEXUAL_ACTIVITY, NULL, "unlawful sexual intercourse: Sexual Offences Act 1956 offence, not in the April 2026 Home Office list"},
	[K_HIST_BUGGERY] = {OFAM_UNNATURAL, NULL, "buggery: historic offence, not in the April 2026 Home Office list"},
	[K_NONSEX] = {OFAM_NON_SEXUAL, NULL, "not a sexual offence; the code comes only from an exact Home Office title or an override"},
};

#define HAS(w) has_word(L, (w))

static bool
child_stated(const Lex *L, const OffenceResult *r)
{
	return has_word(L, "CHILD") || has_word(L, "YOUNG") ||
		(r->has_vage && r->vage_hi > 0 && r->vage_hi <= 18);
}

static int
find_kind(Lex *L, OffenceResult *r)
{
	bool		sexual = HAS("SEXUAL");
	bool		activity = HAS("ACTIVITY") || HAS("ACT");
	bool		cause = HAS("CAUSE") || HAS("INCITE");
	bool		child = child_stated(L, r);
	bool		images = HAS("IMAGE") || HAS("PSEUDO") || HAS("FILM") || HAS("PORNOGRAPHY");

	if (HAS("TRAFFICKING") && (sexual || HAS("EXPLOITATION") || HAS("PROSTITUTION")))
		return K_TRAFFICK;
	if (HAS("EXTREME") && (images || HAS("PORNOGRAPHY")))
	{
		if (HAS("RAPE"))
			return K_EXT_RAPE;
		if (HAS("PENETRATION"))
			return K_EXT_PEN;
		if (HAS("ANIMAL") || HAS("BESTIALITY"))
			return K_EXT_ANIMAL;
		if (HAS("CORPSE") || HAS("NECROPHILIA"))
			return K_EXT_CORPSE;
		if (HAS("LIFE"))
			return K_EXT_LIFE;
		if (HAS("INJURY"))
			return K_EXT_INJURY;
		return K_EXTREME;
	}
	if (HAS("PROHIBITED") && images)
		return K_PROHIBITED;
	if (HAS("PAEDOPHILE") && HAS("MANUAL"))
		return K_PAED_MANUAL;
	if (images && (HAS("INDECENT") || HAS("INDECENCY")) && child)
	{
		if (HAS("TAKE") || HAS("MAKE") || HAS("DISTRIBUTE") || HAS("PUBLISH"))
			return K_IIOC_MAKE;
		if (HAS("POSSESSION"))
			return K_IIOC_POSS;
		return K_IIOC_GENERIC;	/* take/make or possess? cannot tell */
	}
	if (HAS("MENTAL") || (HAS("LEARNING") && HAS("DISABILITY")))
	{
		bool		watch = HAS("WATCH"),
					pres = HAS("PRESENCE");

		if (HAS("CARE"))
			return watch ? K_MD_CARE_WATCH : pres ? K_MD_CARE_PRES :
				cause ? K_MD_CARE_CAUSE : K_MD_CARE_ACT;
		if (HAS("INDUCEMENT") || HAS("THREAT") || HAS("DECEPTION"))
			return watch ? K_MD_IND_WATCH : pres ? K_MD_IND_PRES :
				cause ? K_MD_IND_CAUSE : K_MD_IND_PROCURE;
		return watch ? K_MD_WATCH : pres ? K_MD_PRES : cause ? K_MD_CAUSE : K_MD_ACT;
	}
	if (HAS("TRUST"))
	{
		if (HAS("WATCH"))
			return K_TRUST_WATCH;
		if (HAS("PRESENCE"))
			return K_TRUST_PRES;
		return cause ? K_TRUST_CAUSE : K_TRUST_ACT;
	}
	if (HAS("FAMILY") || HAS("RELATIVE") || HAS("INCEST"))
	{
		if (HAS("ADULT") || (r->has_vage && r->vage_lo >= 18))
			return HAS("CONSENT") ? K_FAM_ADULT_CONSENT : K_FAM_ADULT;
		return cause ? K_FAM_INC : K_FAM_ACT;
	}
	if (HAS("GROOMING") || (HAS("MEETING") && HAS("FOLLOWING")))
		return K_GROOM_MEET;
	if (sexual && HAS("COMMUNICATION") && child)
		return K_SEXCOMM;
	if ((HAS("PROSTITUTION") || HAS("PORNOGRAPHY") || HAS("EXPLOITATION") ||
		 (HAS("SERVICES") && sexual)) && child)
	{
		if (HAS("PAY"))
			return K_CSE_PAY;
		if (HAS("CONTROL"))
			return K_CSE_CONTROL;
		if (HAS("ARRANGE") || HAS("FACILITATE"))
			return K_CSE_ARRANGE;
		if (cause)
			return K_CSE_CAUSE;
	}
	if (HAS("BROTHEL"))
		return K_BROTHEL;
	if (HAS("PROSTITUTION") && HAS("CONTROL"))
		return K_PROST_CONTROL;
	if (HAS("PROSTITUTION") && cause)
		return K_PROST_CAUSE;
	if ((HAS("SOLICIT") && (HAS("PROSTITUTION") || sexual)) || (HAS("KERB") && HAS("CRAWLING")))
		return K_SOLICIT;
	if (HAS("PAY") && (HAS("PROSTITUTION") || HAS("SERVICES")) && HAS("EXPLOITATION"))
		return K_PAY_EXPLOITED;
	if ((HAS("ARRANGE") || HAS("FACILITATE")) && (sexual || HAS("RAPE")))
	{
		/* Sexual Offences Act 2003 s14, split by the list in 2022 */
		if (HAS("RAPE") || (HAS("ASSAULT") && r->penetration == 1))
			return K_S14_RAPE_U13;
		if (HAS("PRESENCE") || HAS("WATCH"))
			return K_S14_PRES_WATCH;
		if (HAS("YOUNG") || (HAS("COMMIT") && HAS("BY")))
			return K_S14_BY_CHILD;
		if (cause && r->has_vage && r->vage_hi == 13 && r->penetration == 1)
			return K_S14_CAUSE_U13;
		if (activity && r->penetration == 1)
			return K_S14_ACT_PEN;
		if (activity && r->penetration == 0)
			return K_S14_ACT_NOPEN;
		if (HAS("COMMISSION") || HAS("OFFENCE"))
			return K_S14_GENERIC;
	}
	if (HAS("RAPE"))
		return K_RAPE;
	if (HAS("ASSAULT") && r->penetration == 1)
		return K_ABP;
	if (HAS("ASSAULT") && sexual)
		return K_SA;
	if (HAS("ASSAULT") && (HAS("INDECENT") || HAS("INDECENCY")))
		return K_HIST_INDECENT_ASSAULT;
	if (HAS("GROSS") && HAS("INDECENCY"))
		return K_HIST_GROSS;
	if (HAS("BUGGERY"))
		return K_HIST_BUGGERY;
	if (HAS("UNLAWFUL") && sexual && HAS("INTERCOURSE"))
		return K_HIST_USI;
	if (cause && sexual && activity && HAS("WITHOUT") && HAS("CONSENT"))
		return K_S4;
	if (HAS("WATCH") && sexual)
		return K_S12;
	if (HAS("PRESENCE") && sexual)
		return K_S11;
	if (cause && sexual && activity)
	{
		if (child)
			return K_S8S10;
		/* causing a person aged 16+ to engage: only an offence without consent (s4) */
		if (r->has_vage && r->vage_lo >= 16)
		{
			set_reason(r, "%s", "consent not stated: read as causing sexual activity without consent (s4), the only offence of causing a person aged 16 or over to engage in sexual activity", NULL);
			return K_S4;
		}
		return K_NONE;
	}
	if (sexual && activity && child)
		return K_S9S13;
	if (HAS("EXPOSURE") && !images)
		return K_EXPOSURE;
	if (HAS("UPSKIRTING"))
		return K_UPSKIRT;
	if (HAS("BREASTFEEDING"))
		return K_BREASTFEED;
	if (HAS("VOYEURISM"))
		return K_VOYEUR;
	if ((HAS("SEND") || HAS("SENDING")) && HAS("GENITALS"))
		return K_CYBERFLASH;
	if (HAS("INTIMATE") && (HAS("SHARE") || HAS("THREATEN")))
		return (HAS("WITHOUT") && HAS("CONSENT") && !HAS("THREATEN") && !HAS("DISTRESS"))
			? K_SHARE_NOCONSENT : K_SHARE_INTIMATE;
	if (HAS("ADMINISTER") && HAS("SUBSTANCE"))
		return K_ADMIN;
	if (HAS("TRESPASS") && HAS("INTENT"))
		return K_TRESPASS;
	if (HAS("COMMIT") && HAS("INTENT") && sexual)
		return K_COMMIT_INTENT;
	if ((HAS("ANIMAL") || HAS("BESTIALITY")) && !images)
		return K_ANIMAL;
	if ((HAS("CORPSE") || HAS("NECROPHILIA")) && !images)
		return K_CORPSE;
	return K_NONE;
}

/* words that only sexual offences use: an unrecognised title with one is never non-sexual */
static const char *const sexual_markers[] = {
	"SEXUAL", "RAPE", "INDECENT", "INDECENCY", "PENETRATION", "GROOMING", "PROSTITUTION",
	"BROTHEL", "VOYEURISM", "EXPOSURE", "PORNOGRAPHY", "INCEST", "BUGGERY", "BESTIALITY",
	"PAEDOPHILE", "UPSKIRTING", "GENITALS", "INTIMATE", "NECROPHILIA", "KERB", NULL
};
static const char *const nonsexual_markers[] = {
	"MURDER", "MANSLAUGHTER", "THEFT", "STEAL", "STOLEN", "BURGLARY", "ROBBERY", "DAMAGE",
	"ARSON", "DRUG", "DRUGS", "CANNABIS", "COCAINE", "HEROIN", "FRAUD", "HARASSMENT",
	"STALKING", "WOUNDING", "AFFRAY", "KIDNAPPING", "KIDNAP", "BLACKMAIL", "FIREARM",
	"FIREARMS", "KNIFE", "WEAPON", "WEAPONS", "SHOPLIFTING", "HANDLING", "FORGERY",
	"PERJURY", "DRIVING", "KILL", "CRUELTY", "NEGLECT", "SLAVERY", "COERCIVE", "ABH",
	"GBH", "ASSAULT", "VIOLENCE", "SUICIDE", "BIGAMY", "ABDUCTION", "IMPRISONMENT",
	"ABORTION", "INFANTICIDE", "BAIL", "ABSCONDING", "PERVERTING", "DISORDERLY",
	"ASSAULTING", "MALICIOUS", "SERVITUDE", NULL
};

/* ---------------------------------------------------------------- rule table */

typedef struct Rule
{
	unsigned char kind;
	char		sex;			/* 'F', 'M', '*' (victim; for animals the offender) */
	signed char vlo,
				vhi;			/* victim age range the code covers; vlo -1: any age */
	char		vdef;			/* the code to use when the title states no age */
	char		oage;			/* 'A' 18+ or not stated, 'U' stated under 18, '*' */
	char		pen;			/* 'P' penetration or not stated (implied), 'N', '*' */
	char		att;			/* 'Y' attempt, 'N' not, '*' either */
	const char *code;
	const char *cls;
} Rule;

#define ANY -1, -1
#define U13 0, 13
#define U16 0, 16
#define U18 0, 18
#define A1315 13, 16
#define A1317 13, 18
#define P13 13, -1
#define P16 16, -1
#define P18 18, -1

static const Rule rules[] = {
	/* rape, SOA 2003 s1 and s5 */
	{K_RAPE, 'F', P16, 0, '*', 'P', 'N', "019/08", "19C"},
	{K_RAPE, 'F', U16, 0, '*', 'P', 'N', "019/07", "19D"},
	{K_RAPE, 'F', U13, 0, '*', 'P', 'N', "019/16", "19E"},
	{K_RAPE, 'M', P16, 0, '*', 'P', 'N', "019/10", "19F"},
	{K_RAPE, 'M', U16, 0, '*', 'P', 'N', "019/09", "19G"},
	{K_RAPE, 'M', U13, 0, '*', 'P', 'N', "019/17", "19H"},
	{K_RAPE, 'F', P16, 0, '*', '*', 'Y', "019/12", "19C"},
	{K_RAPE, 'F', U16, 0, '*', '*', 'Y', "019/11", "19D"},
	{K_RAPE, 'F', U13, 0, '*', '*', 'Y', "019/18", "19E"},
	{K_RAPE, 'M', P16, 0, '*', '*', 'Y', "019/14", "19F"},
	{K_RAPE, 'M', U16, 0, '*', '*', 'Y', "019/13", "19G"},
	{K_RAPE, 'M', U13, 0, '*', '*', 'Y', "019/19", "19H"},
	/* assault by penetration s2, s6 (13 and over: the titles state no age) */
	{K_ABP, 'F', P13, 1, '*', 'P', '*', "020/03", "20A"},
	{K_ABP, 'F', U13, 0, '*', 'P', '*', "020/04", "20B"},
	{K_ABP, 'M', P13, 1, '*', 'P', '*', "017/13", "17A"},
	{K_ABP, 'M', U13, 0, '*', 'P', '*', "017/14", "17B"},
	/* sexual assault s3, s7 */
	{K_SA, 'F', P13, 1, '*', '*', '*', "020/05", "20A"},
	{K_SA, 'F', U13, 0, '*', '*', '*', "020/06", "20B"},
	{K_SA, 'M', P13, 1, '*', '*', '*', "017/15", "17A"},
	{K_SA, 'M', U13, 0, '*', '*', '*', "017/16", "17B"},
	/* causing sexual activity without consent s4 */
	{K_S4, 'F', ANY, 1, '*', 'P', '*', "022/02", "22A"},
	{K_S4, 'M', ANY, 1, '*', 'P', '*', "022/03", "22A"},
	{K_S4, 'F', ANY, 1, '*', 'N', '*', "022/04", "22A"},
	{K_S4, 'M', ANY, 1, '*', 'N', '*', "022/05", "22A"},
	/* causing or inciting a child: s8 (under 13), s10 (under 16), s13 (offender U18) */
	{K_S8S10, 'F', U13, 0, 'A', 'P', '*', "021/02", "21"},
	{K_S8S10, 'F', U13, 0, 'A', 'N', '*', "021/03", "21"},
	{K_S8S10, 'M', U13, 0, 'A', 'P', '*', "021/04", "21"},
	{K_S8S10, 'M', U13, 0, 'A', 'N', '*', "021/05", "21"},
	{K_S8S10, 'F', U13, 0, 'U', 'P', '*', "021/14", "21"},
	{K_S8S10, 'M', U13, 0, 'U', 'P', '*', "021/15", "21"},
	{K_S8S10, 'F', U13, 0, 'U', 'N', '*', "021/24", "21"},
	{K_S8S10, 'M', U13, 0, 'U', 'N', '*', "021/25", "21"},
	{K_S8S10, 'F', U16, 0, 'A', 'P', '*', "022/08", "22B"},
	{K_S8S10, 'M', U16, 0, 'A', 'P', '*', "022/09", "22B"},
	{K_S8S10, 'F', U16, 0, 'A', 'N', '*', "022/20", "22B"},
	{K_S8S10, 'M', U16, 0, 'A', 'N', '*', "022/21", "22B"},
	{K_S8S10, 'F', U16, 0, 'U', 'P', '*', "022/14", "22B"},
	{K_S8S10, 'M', U16, 0, 'U', 'P', '*', "022/15", "22B"},
	{K_S8S10, 'F', U16, 0, 'U', 'N', '*', "022/24", "22B"},
	{K_S8S10, 'M', U16, 0, 'U', 'N', '*', "022/25", "22B"},
	/* sexual activity with a child: s9 (under 16, offender 18+), s13 (offender U18) */
	{K_S9S13, 'F', U16, 0, 'A', 'P', '*', "022/06", "22B"},
	{K_S9S13, 'M', U16, 0, 'A', 'P', '*', "022/07", "22B"},
	{K_S9S13, 'F', U16, 0, 'A', 'N', '*', "022/18", "22B"},
	{K_S9S13, 'M', U16, 0, 'A', 'N', '*', "022/19", "22B"},
	{K_S9S13, 'F', U16, 0, 'U', 'P', '*', "022/12", "22B"},
	{K_S9S13, 'M', U16, 0, 'U', 'P', '*', "022/13", "22B"},
	{K_S9S13, 'F', U16, 0, 'U', 'N', '*', "022/22", "22B"},
	{K_S9S13, 'M', U16, 0, 'U', 'N', '*', "022/23", "22B"},
	{K_S9S13, 'F', U13, 0, 'U', 'P', '*', "021/12", "21"},
	{K_S9S13, 'M', U13, 0, 'U', 'P', '*', "021/13", "21"},
	{K_S9S13, 'F', U13, 0, 'U', 'N', '*', "021/22", "21"},
	{K_S9S13, 'M', U13, 0, 'U', 'N', '*', "021/23", "21"},
	/* sexual activity in the presence of a child s11; causing a child to watch s12 */
	{K_S11, '*', U13, 0, 'A', '*', '*', "021/10", "21"},
	{K_S11, '*', U13, 0, 'U', '*', '*', "021/16", "21"},
	{K_S11, '*', U16, 0, 'A', '*', '*', "022/10", "22B"},
	{K_S11, '*', U16, 0, 'U', '*', '*', "022/16", "22B"},
	{K_S12, '*', U13, 0, 'A', '*', '*', "021/11", "21"},
	{K_S12, '*', U13, 0, 'U', '*', '*', "021/17", "21"},
	{K_S12, '*', U16, 0, 'A', '*', '*', "022/11", "22B"},
	{K_S12, '*', U16, 0, 'U', '*', '*', "022/17", "22B"},
	/* familial s25 (sexual activity) */
	{K_FAM_ACT, 'F', A1317, 0, 'A', 'P', '*', "023/04", "23"},
	{K_FAM_ACT, 'M', A1317, 0, 'A', 'P', '*', "023/05", "23"},
	{K_FAM_ACT, 'F', U13, 0, 'A', 'P', '*', "023/14", "23"},
	{K_FAM_ACT, 'M', U13, 0, 'A', 'P', '*', "023/15", "23"},
	{K_FAM_ACT, 'F', A1317, 0, 'A', 'N', '*', "023/22", "23"},
	{K_FAM_ACT, 'M', A1317, 0, 'A', 'N', '*', "023/23", "23"},
	{K_FAM_ACT, 'F', U13, 0, 'A', 'N', '*', "023/24", "23"},
	{K_FAM_ACT, 'M', U13, 0, 'A', 'N', '*', "023/25", "23"},
	{K_FAM_ACT, 'F', A1317, 0, 'U', 'N', '*', "023/06", "23"},
	{K_FAM_ACT, 'M', A1317, 0, 'U', 'N', '*', "023/07", "23"},
	{K_FAM_ACT, 'F', U13, 0, 'U', 'N', '*', "023/16", "23"},
	{K_FAM_ACT, 'M', U13, 0, 'U', 'N', '*', "023/17", "23"},
	{K_FAM_ACT, 'F', U13, 0, 'U', 'P', '*', "023/30", "23"},
	{K_FAM_ACT, 'M', U13, 0, 'U', 'P', '*', "023/31", "23"},
	{K_FAM_ACT, 'F', A1317, 0, 'U', 'P', '*', "023/32", "23"},
	{K_FAM_ACT, 'M', A1317, 0, 'U', 'P', '*', "023/33", "23"},
	/* familial s26 (inciting) */
	{K_FAM_INC, 'F', A1317, 0, 'A', 'P', '*', "023/08", "23"},
	{K_FAM_INC, 'M', A1317, 0, 'A', 'P', '*', "023/09", "23"},
	{K_FAM_INC, 'F', U13, 0, 'A', 'P', '*', "023/18", "23"},
	{K_FAM_INC, 'M', U13, 0, 'A', 'P', '*', "023/19", "23"},
	{K_FAM_INC, 'F', A1317, 0, 'A', 'N', '*', "023/26", "23"},
	{K_FAM_INC, 'M', A1317, 0, 'A', 'N', '*', "023/27", "23"},
	{K_FAM_INC, 'F', U13, 0, 'A', 'N', '*', "023/28", "23"},
	{K_FAM_INC, 'M', U13, 0, 'A', 'N', '*', "023/29", "23"},
	{K_FAM_INC, 'F', A1317, 0, 'U', 'N', '*', "023/10", "23"},
	{K_FAM_INC, 'M', A1317, 0, 'U', 'N', '*', "023/11", "23"},
	{K_FAM_INC, 'F', U13, 0, 'U', 'N', '*', "023/20", "23"},
	{K_FAM_INC, 'M', U13, 0, 'U', 'N', '*', "023/21", "23"},
	{K_FAM_INC, 'F', U13, 0, 'U', 'P', '*', "023/34", "23"},
	{K_FAM_INC, 'M', U13, 0, 'U', 'P', '*', "023/35", "23"},
	{K_FAM_INC, 'F', A1317, 0, 'U', 'P', '*', "023/36", "23"},
	{K_FAM_INC, 'M', A1317, 0, 'U', 'P', '*', "023/37", "23"},
	/* sex with an adult relative s64, s65 */
	{K_FAM_ADULT, '*', ANY, 1, '*', '*', '*', "023/12", "23"},
	{K_FAM_ADULT_CONSENT, '*', ANY, 1, '*', '*', '*', "023/13", "23"},
	/* abuse of position of trust s16-s19 */
	{K_TRUST_ACT, 'F', A1317, 0, 'A', '*', '*', "073/07", "73"},
	{K_TRUST_ACT, 'M', A1317, 0, 'A', '*', '*', "073/08", "73"},
	{K_TRUST_ACT, 'F', U13, 0, 'A', '*', '*', "073/13", "73"},
	{K_TRUST_ACT, 'M', U13, 0, 'A', '*', '*', "073/14", "73"},
	{K_TRUST_CAUSE, 'F', A1317, 0, 'A', '*', '*', "073/09", "73"},
	{K_TRUST_CAUSE, 'M', A1317, 0, 'A', '*', '*', "073/10", "73"},
	{K_TRUST_CAUSE, 'F', U13, 0, 'A', '*', '*', "073/15", "73"},
	{K_TRUST_CAUSE, 'M', U13, 0, 'A', '*', '*', "073/16", "73"},
	{K_TRUST_PRES, '*', A1317, 0, 'A', '*', '*', "073/11", "73"},
	{K_TRUST_PRES, '*', U13, 0, 'A', '*', '*', "073/17", "73"},
	{K_TRUST_WATCH, '*', A1317, 0, 'A', '*', '*', "073/12", "73"},
	{K_TRUST_WATCH, '*', U13, 0, 'A', '*', '*', "073/18", "73"},
	/* mental disorder s30-s41 */
	{K_MD_ACT, 'M', ANY, 1, '*', 'P', '*', "070/01", "70"},
	{K_MD_ACT, 'F', ANY, 1, '*', 'P', '*', "070/02", "70"},
	{K_MD_ACT, 'M', ANY, 1, '*', 'N', '*', "070/03", "70"},
	{K_MD_ACT, 'F', ANY, 1, '*', 'N', '*', "070/04", "70"},
	{K_MD_CAUSE, 'M', ANY, 1, '*', 'P', '*', "070/05", "70"},
	{K_MD_CAUSE, 'F', ANY, 1, '*', 'P', '*', "070/06", "70"},
	{K_MD_CAUSE, 'M', ANY, 1, '*', 'N', '*', "070/07", "70"},
	{K_MD_CAUSE, 'F', ANY, 1, '*', 'N', '*', "070/08", "70"},
	{K_MD_PRES, '*', ANY, 1, '*', '*', '*', "070/09", "70"},
	{K_MD_WATCH, '*', ANY, 1, '*', '*', '*', "070/10", "70"},
	{K_MD_IND_PROCURE, '*', ANY, 1, '*', 'P', '*', "070/11", "70"},
	{K_MD_IND_PROCURE, '*', ANY, 1, '*', 'N', '*', "070/12", "70"},
	{K_MD_IND_CAUSE, '*', ANY, 1, '*', 'P', '*', "070/13", "70"},
	{K_MD_IND_CAUSE, '*', ANY, 1, '*', 'N', '*', "070/14", "70"},
	{K_MD_IND_PRES, '*', ANY, 1, '*', '*', '*', "070/15", "70"},
	{K_MD_IND_WATCH, '*', ANY, 1, '*', '*', '*', "070/16", "70"},
	{K_MD_CARE_ACT, 'M', ANY, 1, '*', 'P', '*', "070/17", "70"},
	{K_MD_CARE_ACT, 'F', ANY, 1, '*', 'P', '*', "070/18", "70"},
	{K_MD_CARE_ACT, 'M', ANY, 1, '*', 'N', '*', "070/19", "70"},
	{K_MD_CARE_ACT, 'F', ANY, 1, '*', 'N', '*', "070/20", "70"},
	{K_MD_CARE_CAUSE, '*', ANY, 1, '*', 'P', '*', "070/21", "70"},
	{K_MD_CARE_CAUSE, '*', ANY, 1, '*', 'N', '*', "070/22", "70"},
	{K_MD_CARE_PRES, '*', ANY, 1, '*', '*', '*', "070/23", "70"},
	{K_MD_CARE_WATCH, '*', ANY, 1, '*', '*', '*', "070/24", "70"},
	/* grooming s15, sexual communication s15A */
	{K_GROOM_MEET, 'F', U16, 1, 'A', '*', '*', "088/01", "88A"},
	{K_GROOM_MEET, 'M', U16, 1, 'A', '*', '*', "088/02", "88A"},
	{K_SEXCOMM, '*', ANY, 1, '*', '*', '*', "071/17", "88A"},
	/* sexual exploitation of children s47-s50 */
	{K_CSE_PAY, 'F', U13, 0, '*', '*', '*', "071/02", "71"},
	{K_CSE_PAY, 'M', U13, 0, '*', '*', '*', "071/03", "71"},
	{K_CSE_PAY, 'F', U16, 0, '*', 'N', '*', "071/04", "71"},
	{K_CSE_PAY, 'M', U16, 0, '*', 'N', '*', "071/05", "71"},
	{K_CSE_PAY, 'F', U16, 0, '*', 'P', '*', "071/14", "71"},
	{K_CSE_PAY, 'M', U16, 0, '*', 'P', '*', "071/15", "71"},
	{K_CSE_PAY, 'F', U18, 0, '*', '*', '*', "071/06", "71"},
	{K_CSE_PAY, 'M', U18, 0, '*', '*', '*', "071/07", "71"},
	{K_CSE_CAUSE, '*', A1317, 0, '*', '*', '*', "071/08", "71"},
	{K_CSE_CAUSE, '*', U13, 0, '*', '*', '*', "071/11", "71"},
	{K_CSE_CONTROL, '*', A1317, 0, '*', '*', '*', "071/09", "71"},
	{K_CSE_CONTROL, '*', U13, 0, '*', '*', '*', "071/12", "71"},
	{K_CSE_ARRANGE, '*', A1317, 0, '*', '*', '*', "071/10", "71"},
	{K_CSE_ARRANGE, '*', U13, 0, '*', '*', '*', "071/13", "71"},
	/* arranging or facilitating a child sex offence s14 */
	{K_S14_GENERIC, '*', ANY, 1, '*', '*', '*', "071/01", "71"},
	{K_S14_PRES_WATCH, '*', ANY, 1, '*', '*', '*', "071/01", "71"},
	{K_S14_ACT_NOPEN, '*', ANY, 1, '*', 'N', '*', "071/01", "71"},
	{K_S14_RAPE_U13, '*', U13, 1, '*', '*', '*', "021/26", "21"},
	{K_S14_CAUSE_U13, '*', U13, 0, '*', 'P', '*', "021/27", "21"},
	{K_S14_ACT_PEN, '*', U16, 1, '*', 'P', '*', "022/26", "22B"},
	{K_S14_BY_CHILD, '*', ANY, 1, '*', '*', '*', "022/30", "22B"},
	/* prostitution */
	{K_PROST_CAUSE, '*', ANY, 1, '*', '*', '*', "024/17", "24"},
	{K_PROST_CONTROL, '*', ANY, 1, '*', '*', '*', "024/18", "24"},
	{K_BROTHEL, '*', ANY, 1, '*', '*', '*', "024/19", "24"},
	{K_SOLICIT, '*', ANY, 1, '*', '*', '*', "167/01", "27"},
	{K_PAY_EXPLOITED, '*', ANY, 1, '*', '*', '*', "167/02", "27"},
	/* exposure, voyeurism, images */
	{K_EXPOSURE, '*', ANY, 1, '*', '*', '*', "088/09", "88E"},
	{K_VOYEUR, '*', ANY, 1, '*', '*', '*', "088/10", "88E"},
	{K_UPSKIRT, '*', ANY, 1, '*', '*', '*', "088/12", "88E"},
	{K_BREASTFEED, '*', ANY, 1, '*', '*', '*', "088/13", "88E"},
	{K_CYBERFLASH, '*', ANY, 1, '*', '*', '*', "088/14", "88E"},
	{K_SHARE_INTIMATE, '*', ANY, 1, '*', '*', '*', "088/15", "88C"},
	{K_SHARE_NOCONSENT, '*', ANY, 1, '*', '*', '*', "175/08", "88C"},
	{K_ADMIN, '*', ANY, 1, '*', '*', '*', "088/05", "88C"},
	{K_COMMIT_INTENT, '*', ANY, 1, '*', '*', '*', "088/06", "88C"},
	{K_TRESPASS, '*', ANY, 1, '*', '*', '*', "088/07", "88C"},
	{K_ANIMAL, 'M', ANY, 1, '*', '*', '*', "088/03", "88D"},
	{K_ANIMAL, 'F', ANY, 1, '*', '*', '*', "088/04", "88D"},
	{K_CORPSE, '*', ANY, 1, '*', '*', '*', "088/11", "88D"},
	{K_IIOC_MAKE, '*', ANY, 1, '*', '*', '*', "086/02", "86"},
	{K_IIOC_POSS, '*', ANY, 1, '*', '*', '*', "086/10", "86"},
	{K_PROHIBITED, '*', ANY, 1, '*', '*', '*', "086/15", "86"},
	{K_EXT_LIFE, '*', ANY, 1, '*', '*', '*', "086/11", "86"},
	{K_EXT_INJURY, '*', ANY, 1, '*', '*', '*', "086/12", "86"},
	{K_EXT_CORPSE, '*', ANY, 1, '*', '*', '*', "086/13", "86"},
	{K_EXT_ANIMAL, '*', ANY, 1, '*', '*', '*', "086/14", "86"},
	{K_EXT_RAPE, '*', ANY, 1, '*', '*', '*', "086/16", "86"},
	{K_EXT_PEN, '*', ANY, 1, '*', '*', '*', "086/17", "86"},
	{K_PAED_MANUAL, '*', ANY, 1, '*', '*', '*', "071/16", "71"},
};

static bool
range_contains(int elo, int ehi, int tlo, int thi)
{
	if (elo < 0)
		return true;
	return elo <= tlo && (ehi < 0 || (thi >= 0 && thi <= ehi));
}

static void
range_words_inner(int lo, int hi, char *out, size_t sz)
{
	if (lo <= 0 && hi >= 0)
		snprintf(out, sz, "under %d", hi);
	else if (hi < 0)
		snprintf(out, sz, "%d and over", lo);
	else
		snprintf(out, sz, "%d-%d", lo, hi - 1);
}

void
offence_range_words(int lo, int hi, char *out, size_t outsz)
{
	range_words_inner(lo, hi, out, outsz);
}

static void
pick_code(int kind, char offender_sex, bool child_no_age, OffenceResult *r)
{
	const Rule *cand[64];
	int			nc = 0;
	size_t		i;
	char		sex = kind == K_ANIMAL ? offender_sex : r->victim_sex;
	bool		oage_u = r->has_oage && r->oage_hi >= 0 && r->oage_hi <= 18;
	bool		oage_a = r->has_oage && r->oage_lo >= 18;
	bool		sex_split = false,
				age_split = false;
	int			best_width = 1 << 30;
	int			nbest = 0;
	char		why[120];

	if (kind == K_S9S13 && r->has_vage && r->vage_hi >= 0 && r->vage_hi <= 13 && !r->has_oage)
	{
		/* under 13: class 21 only has the offender-under-18 codes (s13); an adult's
		 * sexual activity with a child under 13 is s9 (22B): the offender's age decides */
		set_reason(r, "%s", "child under 13 and offender age not stated: class 21 (offender under 18, s13) or 22B (offender 18 or over, s9)", NULL);
		return;
	}
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
	{
		const Rule *u = &rules[i];

		if (u->kind != kind)
			continue;
		if (u->sex != '*' && sex && u->sex != sex)
			continue;
		if (r->has_vage && !range_contains(u->vlo, u->vhi, r->vage_lo, r->vage_hi))
			continue;
		if (u->oage == 'U' && !oage_u)
			continue;
		if (u->oage == 'A' && (oage_u || (r->has_oage && !oage_a)))
			continue;
		if (u->pen == 'P' && r->penetration == 0)
			continue;
		if (u->pen == 'N' && r->penetration != 0)
			continue;
		if (u->att == 'Y' && !r->attempt)
			continue;
		if (u->att == 'N' && r->attempt)
			continue;
		if (nc < 64)
			cand[nc++] = u;
	}
	if (nc == 0)
	{
		char		a[40] = "",
					b[40] = "";

		if (r->has_vage)
			range_words_inner(r->vage_lo, r->vage_hi, a, sizeof(a));
		if (r->has_oage)
			range_words_inner(r->oage_lo, r->oage_hi, b, sizeof(b));
		snprintf(why, sizeof(why), "no Home Office code fits the stated facts%s%s%s%s",
				 a[0] ? " (victim " : "", a, a[0] ? ")" : "",
				 b[0] ? " and offender age" : "");
		set_reason(r, "%s%s", why, NULL);
		if (kinds[kind].cls)
			strcpy(r->cls, kinds[kind].cls);
		return;
	}
	/*
	 * No age stated: the code whose Home Office title states none, if there is one;
	 * not when the title says 'child' (a child may be under 13 or 13 and over).
	 */
	if (!r->has_vage && !child_no_age)
	{
		int			nd = 0;

		for (i = 0; i < (size_t) nc; i++)
			if (cand[i]->vdef || cand[i]->vlo < 0)
				cand[nd++] = cand[i];
		if (nd > 0)
			nc = nd;
	}
	/* the tightest age range that holds the stated one */
	for (i = 0; i < (size_t) nc; i++)
	{
		int			w = cand[i]->vlo < 0 ? 1000 : (cand[i]->vhi < 0 ? 500 : cand[i]->vhi) - cand[i]->vlo;

		if (w < best_width)
			best_width = w;
	}
	for (i = 0; i < (size_t) nc; i++)
	{
		int			w = cand[i]->vlo < 0 ? 1000 : (cand[i]->vhi < 0 ? 500 : cand[i]->vhi) - cand[i]->vlo;

		if (w == best_width || !r->has_vage)
			cand[nbest++] = cand[i];
	}
	nc = nbest;
	for (i = 1; i < (size_t) nc; i++)
	{
		if (strcmp(cand[i]->code, cand[0]->code) == 0)
			continue;
		if (cand[i]->sex != cand[0]->sex)
			sex_split = true;
		if (cand[i]->vlo != cand[0]->vlo || cand[i]->vhi != cand[0]->vhi)
			age_split = true;
	}
	for (i = 1; i < (size_t) nc; i++)
		if (strcmp(cand[i]->code, cand[0]->code) != 0)
			break;
	if (i < (size_t) nc)
	{
		/* several codes fit: say what is missing; keep the class if they share one */
		bool		same_class = true;
		size_t		j;

		for (j = 1; j < (size_t) nc; j++)
			if (strcmp(cand[j]->cls, cand[0]->cls) != 0)
				same_class = false;
		if (same_class)
			strcpy(r->cls, cand[0]->cls);
		else if (kinds[kind].cls)
			strcpy(r->cls, kinds[kind].cls);
		snprintf(why, sizeof(why), "%s%s%s: %s or %s",
				 sex_split ? "victim sex not stated" : "",
				 sex_split && age_split ? ", " : "",
				 age_split ? "victim age not stated" : (sex_split ? "" : "ambiguous"),
				 cand[0]->code, cand[i]->code);
		set_reason(r, "%s%s", why, NULL);
		return;
	}
	strcpy(r->code, cand[0]->code);
	strcpy(r->cls, cand[0]->cls);
	if (r->penetration == -1 && cand[0]->pen == 'P' && !r->attempt)
	{
		r->penetration = 1;
		r->pen_source = 'i';
	}
}

/* ---------------------------------------------------------------- public */

int
offence_family_of(const char *code, const char *cls)
{
	static const struct
	{
		const char *k;
		int			f;
	}			bycode[] = {
		{"017/13", OFAM_ASSAULT_BY_PENETRATION}, {"017/14", OFAM_ASSAULT_BY_PENETRATION},
		{"020/03", OFAM_ASSAULT_BY_PENETRATION}, {"020/04", OFAM_ASSAULT_BY_PENETRATION},
		{"086/02", OFAM_INDECENT_IMAGES}, {"086/10", OFAM_INDECENT_IMAGES},
		{"086/11", OFAM_INDECENT_IMAGES}, {"086/12", OFAM_INDECENT_IMAGES},
		{"086/13", OFAM_INDECENT_IMAGES}, {"086/14", OFAM_INDECENT_IMAGES},
		{"086/15", OFAM_INDECENT_IMAGES}, {"086/16", OFAM_INDECENT_IMAGES},
		{"086/17", OFAM_INDECENT_IMAGES},
	}, byclass[] = {
		{"19C", OFAM_RAPE}, {"19D", OFAM_RAPE}, {"19E", OFAM_RAPE}, {"19F", OFAM_RAPE},
		{"19G", OFAM_RAPE}, {"19H", OFAM_RAPE}, {"19J", OFAM_RAPE}, {"19K", OFAM_RAPE},
		{"17A", OFAM_SEXUAL_ASSAULT}, {"17B", OFAM_SEXUAL_ASSAULT},
		{"20A", OFAM_SEXUAL_ASSAULT}, {"20B", OFAM_SEXUAL_ASSAULT},
		{"21", OFAM_CHILD_SEXUAL_ACTIVITY}, {"22B", OFAM_CHILD_SEXUAL_ACTIVITY},
		{"22A", OFAM_WITHOUT_CONSENT}, {"23", OFAM_FAMILIAL}, {"70", OFAM_MENTAL_DISORDER},
		{"71", OFAM_SEXUAL_EXPLOITATION}, {"73", OFAM_ABUSE_OF_TRUST},
		{"88A", OFAM_GROOMING}, {"88C", OFAM_OTHER_SEXUAL}, {"88D", OFAM_UNNATURAL},
		{"88E", OFAM_EXPOSURE_VOYEURISM}, {"24", OFAM_PROSTITUTION},
		{"27", OFAM_PROSTITUTION},
	};
	size_t		i;

	if (code && code[0])
		for (i = 0; i < sizeof(bycode) / sizeof(bycode[0]); i++)
			if (strcmp(code, bycode[i].k) == 0)
				return bycode[i].f;
	if (cls && cls[0])
	{
		for (i = 0; i < sizeof(byclass) / sizeof(byclass[0]); i++)
			if (strcmp(cls, byclass[i].k) == 0)
				return byclass[i].f;
		/* class 86 without a code: images or obscene publications, cannot tell */
		if (strcmp(cls, "86") == 0 && !(code && code[0]))
			return OFAM_UNKNOWN;
		return OFAM_NON_SEXUAL;
	}
	return OFAM_UNKNOWN;
}

size_t
offence_normalise(const char *s, size_t len, char *out, size_t outsz)
{
	size_t		i,
				o = 0;
	bool		space = false;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (isalnum(c))
		{
			if (space && o > 0)
			{
				if (o + 1 < outsz)
					out[o] = ' ';
				o++;
			}
			space = false;
			if (o + 1 < outsz)
				out[o] = (char) toupper(c);
			o++;
		}
		else if (c != '\'')
			space = true;
	}
	if (outsz > 0)
		out[o < outsz ? o : outsz - 1] = '\0';
	return o;
}

void
offence_parse(const char *s, size_t len, OffenceResult *r)
{
	Lex			Lbuf;			/* about 8 kB of stack */
	Lex		   *L = &Lbuf;
	char		offender_sex = 0;
	int			kind,
				i;
	bool		any_title = false;

	memset(r, 0, sizeof(*r));
	r->family = OFAM_UNKNOWN;
	r->penetration = -1;
	r->vage_hi = r->oage_hi = -1;

	if (len > OFF_MAX_TITLE)
	{
		snprintf(r->reason, sizeof(r->reason),
				 "title too long to be an offence title (%zu bytes, at most %d)",
				 len, OFF_MAX_TITLE);
		return;
	}
	lex(s, len, L);
	if (L->overflow)
	{
		snprintf(r->reason, sizeof(r->reason), "title has too many words (more than %d)",
				 MAX_TOK);
		return;
	}
	canonicalise(L);
	read_code(L, r);
	drop_noise(L, r);
	read_facts(L, r, &offender_sex);

	for (i = 0; i < L->n; i++)
		if (!L->t[i].dropped && (L->t[i].num >= 0 || (L->t[i].sym == 0 && L->t[i].w[0])))
			any_title = true;
	r->only_code = !any_title && (r->given_code[0] || r->given_class[0]);
	if (!any_title)
	{
		if (!r->only_code)
			set_reason(r, "no words to classify", NULL, NULL);
		return;
	}

	for (i = 0; sexual_markers[i]; i++)
		if (has_word(L, sexual_markers[i]))
			r->sexual_words = true;

	kind = find_kind(L, r);
	if (kind == K_NONE)
	{
		bool		nonsex = false;

		for (i = 0; nonsexual_markers[i]; i++)
			if (has_word(L, nonsexual_markers[i]))
				nonsex = true;
		if (!r->sexual_words && nonsex)
			kind = K_NONSEX;
	}
	r->family = kinds[kind].family;
	if (kind == K_NONE)
		set_reason(r, r->sexual_words ? "sexual offence not recognised" :
				   "offence not recognised", NULL, NULL);
	else if (kinds[kind].note && kind != K_EXTREME && kind != K_IIOC_GENERIC)
		set_reason(r, "%s", kinds[kind].note, NULL);
	else if (kind == K_EXTREME || kind == K_IIOC_GENERIC)
	{
		strcpy(r->cls, "86");
		set_reason(r, "%s", kinds[kind].note, NULL);
	}
	else
		pick_code(kind, offender_sex, !r->has_vage && has_word(L, "CHILD"), r);
	if (r->code[0])
		r->family = offence_family_of(r->code, r->cls);
	if (r->multiple && r->family == OFAM_RAPE && (r->victim_sex || r->cls[0]))
		strcpy(r->cls, r->victim_sex == 'M' ? "19K" : "19J");

	/* unparsed: words neither known nor used, numbers not read as ages or codes */
	for (i = 0; i < L->n; i++)
	{
		Tok		   *k = &L->t[i];

		if (k->dropped || k->used || k->sym)
			continue;
		if (k->num < 0 && k->known)
			continue;
		if (r->n_unparsed < OFF_MAX_UNPARSED)
		{
			snprintf(r->unparsed[r->n_unparsed], OFF_WORD_MAX, "%s", k->w);
			r->n_unparsed++;
		}
	}
}
