/*
 * classify_lex.c: the classifier's lexer and word normaliser (see classify_lex.h).
 * Pure C, no postgres.h.
 */
#include "classify_lex.h"

#include <ctype.h>
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
	{"PEN", "PENETRATION"}, {"PENE", "PENETRATION"}, {"PENET", "PENETRATION"}, {"PENETN", "PENETRATION"},
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
			/* a vocabulary word that is also an alias stands for the alias's word */
			const char *c = alias_of(vocab[i]) ? alias_of(vocab[i]) : vocab[i];

			if (found && strcmp(found, c) != 0)
				return NULL;	/* ambiguous */
			found = c;
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

void
classify_lex(const char *s, size_t len, Lex *L)
{
	lex(s, len, L);
	if (!L->overflow)
		canonicalise(L);
}
