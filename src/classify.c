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
 *
 * The kinds (stage 5) and the rule table (stage 6) are data, in classify_rules.c; the
 * lexer (stages 1 and 2) with its word lists is classify_lex.c.
 */
#include "classify.h"
#include "classify_lex.h"
#include "classify_rules.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const offence_family_names[OFAM__COUNT] = {
	"rape", "assault_by_penetration", "sexual_assault", "child_sexual_activity",
	"sexual_activity_without_consent", "familial", "mental_disorder",
	"sexual_exploitation", "trafficking", "abuse_of_trust", "grooming", "other_sexual",
	"exposure_voyeurism", "unnatural", "prostitution", "indecent_images", "non_sexual"
};

/* ---------------------------------------------------------------- helpers */

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
	/*
	 * a force's own code before the title: one letter glued to two or three digits,
	 * then a word ('G01 Burglary house ...', British Transport Police): not a Home
	 * Office code or class, dropped
	 */
	if (i == 0 && i + 2 < L->n && L->t[i].sym == 0 && L->t[i].num < 0 &&
		strlen(L->t[i].w) == 1 && L->t[i + 1].glued && L->t[i + 1].num >= 0 &&
		(L->t[i + 1].ndig == 2 || L->t[i + 1].ndig == 3) && !L->t[i + 2].glued &&
		L->t[i + 2].sym == 0 && L->t[i + 2].num < 0 && strlen(L->t[i + 2].w) > 1)
	{
		L->t[i].dropped = L->t[i + 1].dropped = true;
		return;
	}
	if (i >= L->n || L->t[i].num < 0)
		return;

	if (L->t[i].ndig == 5 && (i + 1 >= L->n || !L->t[i + 1].glued))
	{
		/* 01907 */
		snprintf(r->given_code, sizeof(r->given_code), "%.3s/%.2s", L->t[i].w,
				 L->t[i].w + 3);
		i++;
	}
	else if (L->t[i].ndig == 1 && L->t[i].num > 0 && i + 2 < L->n && L->t[i + 1].sym == '/' &&
			 L->t[i + 1].glued && L->t[i + 2].glued && L->t[i + 2].num > 0 &&
			 L->t[i + 2].ndig <= 2 && (i + 3 >= L->n || !L->t[i + 3].glued))
	{
		/* 4/6, 4/10: the Home Office classes of causing death by driving */
		snprintf(r->given_class, sizeof(r->given_class), "%d/%d", L->t[i].num % 10,
				 L->t[i + 2].num % 100);
		i += 3;
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

/* a '-' between words with a space on either side, or ( ) , : . separates parts */
static bool
is_separator(const Lex *L, int i)
{
	const Tok  *k = &L->t[i];

	if (k->sym == '(' || k->sym == ')' || k->sym == ',' || k->sym == ':' || k->sym == '.')
		return true;
	if (k->sym == '-')
		return !(k->glued && i + 1 < L->n && L->t[i + 1].glued);
	return false;
}

/* the part L->t[a..b) is statute text: '... Act 1968 Sec 9', 'Common Law', '(Indictable)' */
static bool
statute_part(const Lex *L, int a, int b)
{
	int			i,
				words = 0,
				noise = 0,
				digits = 0;

	for (i = a; i < b; i++)
	{
		const Tok  *k = &L->t[i];

		if (k->sym)
			continue;
		if (k->dropped && is_word(k, "ACT"))
		{
			/*
			 * not when the part also states facts: ', offender 18+ SOA 2003' (a
			 * victim word alone may be the Act's name: '- Children and Young Persons
			 * Act 1933 Sec 1')
			 */
			int			j;

			for (j = a; j < b; j++)
				if (!L->t[j].dropped &&
					(L->t[j].num >= 0 || is_word(&L->t[j], "OFFENDER") ||
					 is_word(&L->t[j], "VICTIM") || is_word(&L->t[j], "PENETRATION") ||
					 is_word(&L->t[j], "UNDER") || is_word(&L->t[j], "OVER")))
					return false;
			return true;
		}
		if (is_word(k, "LAW") && i > a && is_word(&L->t[i - 1], "COMMON"))
			return true;
		if (k->dropped)
			continue;
		words++;
		if (is_word(k, "INDICTABLE") || is_word(k, "SUMMARY") || is_word(k, "EITHER") ||
			is_word(k, "WAY") || is_word(k, "ONLY") || is_word(k, "CLASS") ||
			/* statute abbreviations: '(S4A POA)', '(Sec 47 OAPA)' */
			is_word(k, "POA") || is_word(k, "OAPA") || is_word(k, "CDA") ||
			is_word(k, "PFHA") || is_word(k, "MDA") || is_word(k, "CJA") ||
			is_word(k, "TA") || is_word(k, "RTA") || is_word(k, "PHA") ||
			is_word(k, "PCA") || is_word(k, "CJPOA") || is_word(k, "DDA") ||
			is_word(k, "CYPA") || is_word(k, "MCA") || is_word(k, "CDA") ||
			is_word(k, "SOCPA") || is_word(k, "CJCA") || is_word(k, "OWA"))
			noise++;
		else if (k->num >= 0 || (strlen(k->w) == 1 && k->glued))
			digits++;			/* '(Class 105A)' */
	}
	return words > digits && noise == words - digits;
}


/*
 * The name of a statute before its 'Act yyyy' at token a ('G01 Burglary house Theft Act
 * 1968 Sec 9.1A or B', with no separator before it for the statute part to be seen):
 * the common Acts of offence titles, dropped with the Act.  Words are compared on their
 * first six letters (the lexer's canonical forms: COMMUNICATIONS -> COMMUNICATION).
 */
static bool
drop_statute_name(Lex *L, int a)
{
	static const char *const names[][4] = {
		{"THEFT"}, {"FRAUD"}, {"FIREARMS"}, {"MISUSE", "OF", "DRUGS"}, {"PUBLIC", "ORDER"},
		{"CRIMINAL", "DAMAGE"}, {"COMPUTER", "MISUSE"}, {"CRIMINAL", "JUSTICE"},
		{"PREVENTION", "OF", "CRIME"}, {"ROAD", "TRAFFIC"}, {"SERIOUS", "CRIME"},
		{"MODERN", "SLAVERY"}, {"EXPLOSIVE", "SUBSTANCES"}, {"DANGEROUS", "DOGS"},
		{"CRIME", "AND", "DISORDER"}, {"PROTECTION", "FROM", "HARASSMENT"},
		{"MALICIOUS", "COMMUNICATIONS"}, {"SENTENCING"},
	};
	size_t		e;

	for (e = 0; e < sizeof(names) / sizeof(names[0]); e++)
	{
		int			nw = 0,
					m;

		while (nw < 4 && names[e][nw])
			nw++;
		if (a - nw < 0)
			continue;
		for (m = 0; m < nw; m++)
		{
			const Tok  *k = &L->t[a - nw + m];

			if (k->sym || k->num >= 0 || k->dropped ||
				strncmp(k->w, names[e][m], 6) != 0)
				break;
		}
		if (m < nw)
			continue;
		for (m = 0; m < nw; m++)
			L->t[a - nw + m].dropped = true;
		return true;
	}
	return false;
}

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
		if (is_word(k, "ACT") && i + 1 < L->n && L->t[i + 1].num >= 1800 &&
			L->t[i + 1].num <= 2099)
		{
			k->dropped = L->t[i + 1].dropped = true;
			drop_statute_name(L, i);
			continue;
		}
		/*
		 * '... Order Sentencing Act', '- Theft Act': a statute named without its year,
		 * at the end or before a separator
		 */
		if (is_word(k, "ACT") && (i + 1 == L->n || L->t[i + 1].sym == '-' ||
								  L->t[i + 1].sym == '(' || L->t[i + 1].sym == ',' ||
								  L->t[i + 1].sym == '.' || is_word(&L->t[i + 1], "SEC") ||
								  is_word(&L->t[i + 1], "SECTION") ||
								  is_word(&L->t[i + 1], "S")))
		{
			/* only after an offence's words: 'Offences under the Public Order Act' is a group */
			int			j,
						before = 0;
			bool		was[MAX_TOK];

			for (j = 0; j < i; j++)
				was[j] = L->t[j].dropped;
			if (drop_statute_name(L, i))
			{
				for (j = 0; j < i; j++)
					if (!L->t[j].dropped && L->t[j].sym == 0 && L->t[j].num < 0 &&
						strlen(L->t[j].w) > 1 && !is_word(&L->t[j], "OF") &&
						!is_word(&L->t[j], "THE") && !is_word(&L->t[j], "UNDER"))
						before++;
				if (before >= 2)
				{
					k->dropped = true;
					continue;
				}
				for (j = 0; j < i; j++)
					L->t[j].dropped = was[j];
			}
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
					L->t[++j].dropped = true;
				/*
				 * what follows the section: more sections ('Sec 2,3', 'Secs 35, 36'),
				 * subsections ('Sec 1(1)', '(1) (a) (b) (ii)', 'Sec 9.1A or B')
				 */
				for (;;)
				{
					int			q = j + 1;

					if (q + 1 < L->n && (L->t[q].sym == ',' || L->t[q].sym == '&') &&
						L->t[q + 1].num >= 0 && L->t[q + 1].ndig <= 3)
						m = q + 1;
					else if (q + 2 < L->n && L->t[q].sym == '(' && L->t[q + 2].sym == ')' &&
							 (L->t[q + 1].num >= 0 ||
							  (L->t[q + 1].sym == 0 && strlen(L->t[q + 1].w) <= 3 &&
							   !L->t[q + 1].known)))
						m = q + 2;
					else if (q + 1 < L->n && L->t[q].sym == '.' && L->t[q].glued &&
							 L->t[q + 1].glued && L->t[q + 1].num >= 0)
						m = q + 1;
					else if (q + 1 < L->n && L->t[q].sym == 0 && L->t[q].num < 0 &&
							 strlen(L->t[q].w) == 1 && L->t[q].glued && L->t[j].num >= 0)
						m = q;	/* the letter of '9.1A' */
					else if (q + 1 < L->n && (is_word(&L->t[q], "OR") || is_word(&L->t[q], "AND")) &&
							 L->t[q + 1].sym == 0 && L->t[q + 1].num < 0 &&
							 strlen(L->t[q + 1].w) == 1 && L->t[j].dropped &&
							 (q + 2 >= L->n || L->t[q + 2].sym))
						m = q + 1;	/* '9.1A or B' */
					else
						break;
					for (; j < m; j++)
						L->t[j + 1].dropped = true;
				}
				continue;
			}
		}
		/*
		 * 'as inserted by Offender Management Act 2007', 'as amended by ...', 'as
		 * added by Police and Justice Act 2006': the amending statute, up to its year
		 * (its name may have offence words: 'Offender', 'Crime')
		 */
		if (is_word(k, "AS") && i + 1 < L->n &&
			(is_word(&L->t[i + 1], "INSERTED") || is_word(&L->t[i + 1], "AMENDED") ||
			 is_word(&L->t[i + 1], "ADDED") || is_word(&L->t[i + 1], "SUBSTITUTED")))
		{
			int			j,
						end = -1;

			for (j = i + 2; j + 1 < L->n; j++)
				if (is_word(&L->t[j], "ACT") && L->t[j + 1].num >= 1800 &&
					L->t[j + 1].num <= 2099)
				{
					end = j + 1;
					break;
				}
			if (end > 0)
			{
				for (j = i; j <= end; j++)
					L->t[j].dropped = true;
				i = end;
				continue;
			}
		}
		/* a year on its own (statute) */
		if (k->num >= 1900 && k->num <= 2099 && k->ndig == 4)
		{
			k->dropped = true;
			continue;
		}
		/*
		 * '(does not include being found with a conveyance ...)', '(not including
		 * ...)', '(whether or not in a public place)': what the offence does not
		 * depend on, in the Home Office titles and the forces' copies of them alike,
		 * up to its ')' (or the end: copies lose it)
		 */
		if (k->sym == '(' && i + 3 < L->n &&
			((is_word(&L->t[i + 1], "DOES") && is_word(&L->t[i + 2], "NOT") &&
			  is_word(&L->t[i + 3], "INCLUDE")) ||
			 (is_word(&L->t[i + 1], "NOT") && is_word(&L->t[i + 2], "INCLUDING")) ||
			 (is_word(&L->t[i + 1], "WHETHER") && is_word(&L->t[i + 2], "OR") &&
			  is_word(&L->t[i + 3], "NOT"))))
		{
			int			j;

			for (j = i; j < L->n && L->t[j].sym != ')'; j++)
				L->t[j].dropped = true;
			if (j < L->n)
				L->t[j].dropped = true;
			i = j;
			continue;
		}
		/*
		 * 'Sexual offences (excluding rape)', 'other than rape': the rape is what the
		 * label does not count, not its offence
		 */
		if ((is_word(k, "EXCLUDING") || is_word(k, "EXCL") || is_word(k, "EXC") ||
			 is_word(k, "EXCLUDES") || is_word(k, "EXCEPT") ||
			 (is_word(k, "THAN") && i > 0 && is_word(&L->t[i - 1], "OTHER"))) &&
			i + 1 < L->n && (is_word(&L->t[i + 1], "RAPE") ||
							 (i + 2 < L->n && (is_word(&L->t[i + 1], "FOR") ||
											   is_word(&L->t[i + 1], "OF")) &&
							  is_word(&L->t[i + 2], "RAPE"))))
		{
			int			j = i + 1;

			if (is_word(k, "THAN"))
				L->t[i - 1].dropped = true;
			k->dropped = true;
			while (j < L->n && !is_word(&L->t[j], "RAPE"))
				L->t[j++].dropped = true;
			L->t[j].dropped = true;
			i = j;
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
	/* statute text after the offence: '- Theft Act 1968 Sec 9', '- Common Law' */
	{
		int			a = 0,
					b;

		while (a < L->n && !is_separator(L, a))
			a++;
		/*
		 * statute text before the offence: 'Theft Act 1968 Sec 9. Burglary in a
		 * building ...' (when a word the part does not drop follows it)
		 */
		if (a < L->n && a > 0 && statute_part(L, 0, a))
		{
			int			j;
			bool		more = false;

			for (j = a + 1; j < L->n && !more; j++)
				more = L->t[j].sym == 0 && L->t[j].num < 0 && !L->t[j].dropped &&
					strlen(L->t[j].w) > 1;
			if (more)
				for (j = 0; j < a; j++)
					L->t[j].dropped = true;
		}
		for (a = a + 1; a < L->n; a = b + 1)
		{
			for (b = a; b < L->n && !is_separator(L, b); b++)
				;
			if (statute_part(L, a, b))
				for (i = a; i < b; i++)
					L->t[i].dropped = true;
		}
	}
	/*
	 * the statute after a spaced dash, commas and brackets in its name included:
	 * '- Domestic Violence, Crime and Victims Act 2004 Sec 5', '- Anti-Terrorism, Crime &
	 * Security Act 2001 Sec 47', '- Channel Tunnel (Security) Order 1994': from the dash
	 * to the next spaced dash or the end, when it has an Act, an Order or Regulations
	 * with a year and states no fact (an offender, a victim, an age, penetration)
	 */
	for (i = 1; i < L->n; i++)
	{
		int			b,
					j;
		bool		statute = false,
					facts = false;

		if (!(L->t[i].sym == '-' && !(L->t[i].glued && i + 1 < L->n && L->t[i + 1].glued)))
			continue;
		for (b = i + 1; b < L->n && !(L->t[b].sym == '-' &&
									   !(L->t[b].glued && b + 1 < L->n && L->t[b + 1].glued));
			 b++)
			;
		for (j = i + 1; j < b; j++)
		{
			const Tok  *k = &L->t[j];

			if ((is_word(k, "ACT") || is_word(k, "ORDER") || is_word(k, "REGULATIONS")) &&
				j + 1 < b && L->t[j + 1].num >= 1800 && L->t[j + 1].num <= 2099 &&
				L->t[j + 1].ndig == 4)
				statute = true;
			if (!k->dropped && (is_word(k, "OFFENDER") || is_word(k, "VICTIM") ||
								is_word(k, "PENETRATION") || is_word(k, "UNDER") ||
								is_word(k, "OVER") || is_word(k, "FEMALE") ||
								is_word(k, "MALE") || is_word(k, "ATTEMPT")))
				facts = true;
		}
		if (statute && !facts)
			for (j = i; j < b; j++)
				L->t[j].dropped = true;
		i = b - 1;
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
		/*
		 * 'under 0' is no age (an empty range would read as 'under 13'); nor is
		 * 'under 100' without 'years' (a quantity: no title counts victims by an age
		 * bound over 21 without saying years)
		 */
		if (j < n && t[j].num >= 1 && t[j].num < 120 && !t[j].money &&
			(t[j].num <= 21 || (j + 1 < n && (is_word(&t[j + 1], "YEARS") ||
											   is_word(&t[j + 1], "OLD")))))
		{
			*lo = 0;
			*hi = t[j].num;
			/* 'under 1 3': a digit typed apart from the next */
			if (t[j].ndig == 1 && t[j].num > 0 && j + 1 < n && t[j + 1].ndig == 1 &&
				!t[j + 1].glued && (j + 2 >= n || !t[j + 2].glued || t[j + 2].sym == 0))
			{
				*hi = t[j].num * 10 + t[j + 1].num;
				t[j + 1].used = true;
				j++;
			}
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
	if (is_word(&t[i], "OVER") && i + 1 < n && t[i + 1].num >= 0 && t[i + 1].num < 120 &&
		!t[i + 1].money)
	{
		*lo = t[i + 1].num;
		*hi = -1;
		t[i].used = t[i + 1].used = true;
		j = i + 2;
		while (j < n && (is_word(&t[j], "YEARS") || is_word(&t[j], "OLD")))
			t[j++].used = true;
		return j;
	}
	if (t[i].num < 0 || t[i].dropped || t[i].money)
		return -1;
	/* 1317YRS, 1315: two ages run together, then years or after a victim word */
	if (t[i].ndig == 4 && t[i].num / 100 < t[i].num % 100 && t[i].num % 100 <= 20 &&
		t[i].num / 100 >= 10 &&
		((i + 1 < n && is_word(&t[i + 1], "YEARS")) ||
		 (i > 0 && (is_word(&t[i - 1], "FEMALE") || is_word(&t[i - 1], "MALE") ||
					is_word(&t[i - 1], "CHILD") || is_word(&t[i - 1], "AGED") ||
					is_word(&t[i - 1], "VICTIM")))))
	{
		*lo = t[i].num / 100;
		*hi = t[i].num % 100 + 1;
		t[i].used = true;
		j = i + 1;
		while (j < n && (is_word(&t[j], "YEARS") || is_word(&t[j], "OLD")))
			t[j++].used = true;
		return j;
	}
	if (t[i].num >= 120)
		return -1;
	j = i + 1;
	/* 13  17YRS, AGED 13 15, CHILD 13 17: a range typed without its dash */
	if (j < n && t[j].num >= 0 && !t[j].glued && !t[j].money && t[j].num > t[i].num &&
		t[j].num < 120 && t[i].num >= 10 &&
		((j + 1 < n && is_word(&t[j + 1], "YEARS")) ||
		 (i > 0 && (is_word(&t[i - 1], "AGED") || is_word(&t[i - 1], "AGE"))) ||
		 (i > 0 && t[j].num <= 20 && (is_word(&t[i - 1], "CHILD") ||
									  is_word(&t[i - 1], "FEMALE") ||
									  is_word(&t[i - 1], "MALE") ||
									  is_word(&t[i - 1], "VICTIM")))))
	{
		*lo = t[i].num;
		*hi = t[j].num + 1;
		t[i].used = t[j].used = true;
		j++;
		while (j < n && (is_word(&t[j], "YEARS") || is_word(&t[j], "OLD")))
			t[j++].used = true;
		return j;
	}
	/*
	 * 13-15, 13 - 15, 13 TO 15, 13/15; not a Home Office code ('Murder (001/01)',
	 * '002/05'): no age is written with a leading zero
	 */
	if (j + 1 < n && (t[j].sym == '-' || is_word(&t[j], "TO") ||
					  (t[j].sym == '/' && t[j].glued)) &&
		t[j + 1].num >= 0 && t[j + 1].num < 120 && t[j + 1].num >= t[i].num &&
		!(t[j].sym == '/' && ((t[i].ndig > 1 && t[i].w[0] == '0') ||
							  (t[j + 1].ndig > 1 && t[j + 1].w[0] == '0'))))
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
	/* '15 year old female', 'a 14 yr old girl': one year of age */
	if (j > i + 1 && j < n && is_word(&t[j], "OLD") && t[i].ndig <= 2 &&
		!(j + 1 < n && (is_word(&t[j + 1], "OR") || is_word(&t[j + 1], "AND") ||
						t[j + 1].sym == '+' || is_word(&t[j + 1], "PLUS"))))
	{
		*lo = t[i].num;
		*hi = t[i].num + 1;
		t[i].used = t[j].used = true;
		return j + 1;
	}
	/*
	 * 'aged 16', 'female 16', 'female16', 'male 13 yrs': the lower bound of a Home
	 * Office age band (13, 16, 18) alone after the victim is that band's '13+' / '16+'
	 * with its '+' lost (exports lose it, as in 'Offender 18'); a title never counts
	 * victims of one year of age at a band's edge.  [N,) holds either reading.
	 */
	if ((t[i].num == 13 || t[i].num == 16 || t[i].num == 18) && t[i].ndig == 2 && i > 0 &&
		(is_word(&t[i - 1], "AGED") || is_word(&t[i - 1], "AGE") ||
		 is_word(&t[i - 1], "FEMALE") || is_word(&t[i - 1], "MALE") ||
		 is_word(&t[i - 1], "CHILD") || is_word(&t[i - 1], "VICTIM") ||
		 is_word(&t[i - 1], "PERSON")) &&
		!(j < n && (t[j].sym == '+' || t[j].sym == '-' || t[j].sym == '/' ||
					t[j].num >= 0 || is_word(&t[j], "PLUS") || is_word(&t[j], "OR") ||
					is_word(&t[j], "AND") || is_word(&t[j], "TO"))))
	{
		*lo = t[i].num;
		*hi = -1;
		t[i].used = true;
		while (j < n && is_word(&t[j], "OLD"))
			t[j++].used = true;
		return j;
	}
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
	/*
	 * 12 AND UNDER, 12 OR UNDER, 12 AND YOUNGER, 12 YRS AND UNDER: up to and with 12;
	 * 13 AND UNDER 16: from 13 to 15
	 */
	if (j + 1 < n && (is_word(&t[j], "OR") || is_word(&t[j], "AND")) &&
		(is_word(&t[j + 1], "UNDER") || is_word(&t[j + 1], "YOUNGER") ||
		 is_word(&t[j + 1], "BELOW")))
	{
		int			m;

		if (j + 2 < n && t[j + 2].num > t[i].num && t[j + 2].num < 120 && !t[j + 2].money)
		{
			*lo = t[i].num;
			*hi = t[j + 2].num;
			m = j + 2;
		}
		else
		{
			*lo = 0;
			*hi = t[i].num + 1;
			m = j + 1;
		}
		for (int q = i; q <= m; q++)
			t[q].used = true;
		j = m + 1;
		while (j < n && (is_word(&t[j], "YEARS") || is_word(&t[j], "OLD")))
			t[j++].used = true;
		return j;
	}
	/* 16 OR 17, 14 AND 15: the two years (a band's last years: 'a girl aged 16 or 17') */
	if (j + 1 < n && (is_word(&t[j], "OR") || is_word(&t[j], "AND")) &&
		t[j + 1].num == t[i].num + 1 && t[j + 1].ndig <= 2 && !t[j + 1].money &&
		!(j + 2 < n && (t[j + 2].sym == '+' || is_word(&t[j + 2], "PLUS") ||
						is_word(&t[j + 2], "OR") || is_word(&t[j + 2], "AND"))))
	{
		*lo = t[i].num;
		*hi = t[j + 1].num + 1;
		t[i].used = t[j].used = t[j + 1].used = true;
		j += 2;
		while (j < n && (is_word(&t[j], "YEARS") || is_word(&t[j], "OLD")))
			t[j++].used = true;
		return j;
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

/* the word ATTEMPT at i does not say this offence was attempted */
static bool
not_an_attempt(const Lex *L, int i)
{
	int			p = i - 1;

	while (p >= 0 && (L->t[p].sym == '(' || L->t[p].sym == '-'))
		p--;
	if (p >= 0 && (is_word(&L->t[p], "EXCLUDING") || is_word(&L->t[p], "EXCLUDES") ||
				   is_word(&L->t[p], "EXCEPT") || is_word(&L->t[p], "NOT") ||
				   is_word(&L->t[p], "NO") || is_word(&L->t[p], "WITHOUT") ||
				   is_word(&L->t[p], "EXCL")))
		return true;
	if (i + 1 < L->n && is_word(&L->t[i + 1], "SUICIDE"))
		return true;
	if (p >= 0 && is_word(&L->t[p], "CRIMINAL") && i + 1 < L->n && is_word(&L->t[i + 1], "ACT"))
		return true;
	return false;
}

/*
 * the word ATTEMPT at i counts the offence with its attempts ('including attempts',
 * '(inc attempts)': INC is read INCITE), as 'rape or attempted rape' does
 */
static bool
attempt_included(const Lex *L, int i)
{
	int			p = i - 1;

	while (p >= 0 && (L->t[p].sym == '(' || L->t[p].sym == '-'))
		p--;
	return p >= 0 && (is_word(&L->t[p], "INCLUDING") || is_word(&L->t[p], "INCLUDES") ||
					  is_word(&L->t[p], "INCL") || is_word(&L->t[p], "INCITE"));
}

/* the one-letter word at i stands where a sex does: an age follows it, or it is alone
 * between brackets or dashes, after an offence word */
static bool
lone_sex_letter(const Lex *L, int i)
{
	int			j = i + 1;
	int			p = i - 1;

	/* past text dropped ('Rape of M multiple undefined offenders') */
	while (j < L->n && L->t[j].dropped)
		j++;
	if (j < L->n && (L->t[j].num >= 0 || is_word(&L->t[j], "U") ||
					 is_word(&L->t[j], "UNDER") || is_word(&L->t[j], "OVER")))
		return L->t[j].num < 0 || (L->t[j].num < 120 && !L->t[j].money) ||
			/* 'victim M 1317yrs': two ages run together */
			(L->t[j].ndig == 4 && !L->t[j].money && L->t[j].num / 100 >= 10 &&
			 L->t[j].num / 100 < L->t[j].num % 100 && L->t[j].num % 100 <= 20);
	if (p >= 0 && (L->t[p].sym == '(' || L->t[p].sym == '-' || L->t[p].sym == '[') &&
		(j >= L->n || L->t[j].sym == ')' || L->t[j].sym == ']' || L->t[j].sym == '-'))
		return true;
	/* before the victim's noun or age: 'F child', 'M person', 'F aged 16+', 'F penetn' */
	if (j < L->n && (is_word(&L->t[j], "CHILD") || is_word(&L->t[j], "PERSON") ||
					 is_word(&L->t[j], "AGED") || is_word(&L->t[j], "VICTIM") ||
					 is_word(&L->t[j], "PENETRATION")))
		return true;
	/*
	 * where the victim's noun stands: after 'of (a)', 'on (a)', 'with (a)', 'victim'
	 * ('by (a)': the offender's, read as such after BY), before 'child', 'aged', 'person', 'by', a dash or the end ('Rape of F child U13',
	 * 'Sex assault on M', 'Assault on a M by penetration')
	 */
	while (p >= 0 && (is_word(&L->t[p], "A") || is_word(&L->t[p], "AN")))
		p--;
	if (p >= 0 && (is_word(&L->t[p], "OF") || is_word(&L->t[p], "ON") ||
				   is_word(&L->t[p], "WITH") || is_word(&L->t[p], "VICTIM") ||
				   is_word(&L->t[p], "BY")) &&
		(j >= L->n || is_word(&L->t[j], "CHILD") || is_word(&L->t[j], "AGED") ||
		 is_word(&L->t[j], "AGE") || is_word(&L->t[j], "PERSON") ||
		 is_word(&L->t[j], "BY") || L->t[j].sym == '-' || L->t[j].sym == ','))
		return true;
	return false;
}

static void range_words_inner(int lo, int hi, char *out, size_t sz);

/* an age phrase starts at token i or after AGED / '(' / '-' there */
static bool
offender_age_follows(const Lex *L, int i)
{
	while (i < L->n && (is_word(&L->t[i], "AGED") || is_word(&L->t[i], "AGE") ||
						L->t[i].sym == '(' || L->t[i].sym == '-' || L->t[i].sym == ':'))
		i++;
	return i < L->n && (L->t[i].num >= 0 || is_word(&L->t[i], "U") ||
						is_word(&L->t[i], "UNDER") || is_word(&L->t[i], "OVER") ||
						is_word(&L->t[i], "BELOW") || is_word(&L->t[i], "LESS"));
}

static void
read_facts(Lex *L, OffenceResult *r, char *offender_sex)
{
	int			i;
	int			subject = 0;	/* 0 victim, 1 offender */
	int			since_subject = 0;
	bool		two_sexes = false;	/* both sexes named as the victim's */

	for (i = 0; i < L->n; i++)
	{
		Tok		   *k = &L->t[i];
		int			lo,
					hi,
					e;

		if (k->dropped)
			continue;
		/* a lone O before an age is the offender: 'O 18+', 'O U18', 'O aged 18 or over'
		 * (not W/O) */
		if (is_word(k, "O") && !(i > 0 && L->t[i - 1].sym == '/') &&
			offender_age_follows(L, i + 1))
		{
			strcpy(k->w, "OFFENDER");
			k->known = true;
		}
		/*
		 * a lone F or M for the victim's sex, where a sex stands: before an age
		 * ('Rape F16+', 'Rape M U13') or alone between brackets or dashes ('Rape (F)
		 * 16+', 'Rape - F - U16'); not a class letter ('19F'), nor 'M/F'
		 */
		if ((is_word(k, "F") || is_word(k, "M")) &&
			!(i > 0 && (L->t[i - 1].num >= 0 || L->t[i - 1].sym == '/') && k->glued) &&
			!(i + 1 < L->n && L->t[i + 1].sym == '/') &&
			!(i > 0 && L->t[i - 1].sym == '/') &&
			lone_sex_letter(L, i))
		{
			strcpy(k->w, k->w[0] == 'F' ? "FEMALE" : "MALE");
			k->known = true;
		}
		/* 'OU18': a lone O glued to U and an age, the offender under 18 */
		if (is_word(k, "OU") && i + 1 < L->n && L->t[i + 1].glued &&
			L->t[i + 1].num >= 1 && L->t[i + 1].num < 120 && !L->t[i + 1].money)
		{
			strcpy(k->w, "U");
			k->known = true;
			subject = 1;
			since_subject = 0;
		}
		if (is_word(k, "OFFENDER") || is_word(k, "OFFENDERS"))
		{
			int			p = i - 1;

			subject = 1;
			since_subject = 0;
			k->used = true;
			/* 'adult offender', 'juvenile offender': the offender's age in a word */
			if (p >= 0 && !r->has_oage &&
				(is_word(&L->t[p], "ADULT") || is_word(&L->t[p], "JUVENILE")))
			{
				r->has_oage = true;
				r->oage_lo = is_word(&L->t[p], "ADULT") ? 18 : 0;
				r->oage_hi = is_word(&L->t[p], "ADULT") ? -1 : 18;
				L->t[p].used = true;
			}
			continue;
		}
		/*
		 * 'by a person aged 18 or over', 'by a male under 18', 'by an adult': the age
		 * after BY and the person is the offender's, not the victim's
		 */
		if (is_word(k, "BY"))
		{
			int			j = i + 1;

			while (j < L->n && (is_word(&L->t[j], "A") || is_word(&L->t[j], "AN")))
				j++;
			if (j < L->n && (is_word(&L->t[j], "PERSON") || is_word(&L->t[j], "ADULT") ||
							 is_word(&L->t[j], "SOMEONE") || is_word(&L->t[j], "OFFENDER") ||
							 is_word(&L->t[j], "MALE") || is_word(&L->t[j], "FEMALE")))
			{
				subject = 1;
				since_subject = 0;
				k->used = true;
				if (is_word(&L->t[j], "ADULT") && !r->has_oage)
				{
					r->has_oage = true;
					r->oage_lo = 18;
					r->oage_hi = -1;
				}
				if (is_word(&L->t[j], "PERSON") || is_word(&L->t[j], "ADULT") ||
					is_word(&L->t[j], "SOMEONE"))
				{
					int			m;

					for (m = i + 1; m <= j; m++)
						L->t[m].used = true;
					i = j;
				}
				continue;
			}
		}
		if (is_word(k, "VICTIM") || is_word(k, "RELATIVE") || is_word(k, "CHILD") ||
			is_word(k, "PERSON"))
		{
			subject = 0;
			since_subject = 0;
			continue;
		}
		e = age_phrase(L, i, &lo, &hi);
		/* 'Offender 18', 'Off 18': a Home Office 'offender 18 or over' that lost its '+' */
		if (e < 0 && subject == 1 && since_subject == 0 && k->num == 18 && !k->money &&
			!(i + 1 < L->n && L->t[i + 1].num >= 0) &&
			!(i + 2 < L->n && (L->t[i + 1].sym == '-' || L->t[i + 1].sym == '/') &&
			  L->t[i + 2].num >= 0))
		{
			lo = 18;
			hi = -1;
			k->used = true;
			e = i + 1;
		}
		/*
		 * 'under 18 offender', '18+ offender': an age before the offender word, when
		 * no age follows it ('child under 13 Offender under 18' is the victim's)
		 */
		if (e > 0 && e < L->n && (is_word(&L->t[e], "OFFENDER") || is_word(&L->t[e], "OFFENDERS")) &&
			!offender_age_follows(L, e + 1))
		{
			subject = 1;
			since_subject = 0;
			L->t[e].used = true;
			e++;
		}
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
			else if (!r->has_vage && !r->vage_conflict)
			{
				r->has_vage = true;
				r->vage_lo = lo;
				r->vage_hi = hi;
			}
			else if (r->has_vage && (lo != r->vage_lo || hi != r->vage_hi))
			{
				/*
				 * a second, different victim age: a label joining two offences ('Rape
				 * of a female aged 16 and over / Rape of a female child under 16'),
				 * which is neither
				 */
				char		a[40],
							b[40];

				range_words_inner(r->vage_lo, r->vage_hi, a, sizeof(a));
				range_words_inner(lo, hi, b, sizeof(b));
				snprintf(r->reason, sizeof(r->reason),
						 "two victim ages stated (%s and %s): the title joins two offences",
						 a, b);
				r->has_vage = false;
				r->vage_lo = 0;
				r->vage_hi = -1;
				r->vage_conflict = true;
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
			if (i + 1 < L->n && (is_word(&L->t[i + 1], "GENITAL") ||
								 is_word(&L->t[i + 1], "GENITALS")))
				;				/* 'female genital mutilation' */
			else if ((p >= 0 && is_word(&L->t[p], "BY")) ||
					 (i + 1 < L->n && (is_word(&L->t[i + 1], "OFFENDER") ||
									   is_word(&L->t[i + 1], "OFFENDERS"))))
				*offender_sex = k->w[0];	/* 'by a male', 'female offender' */
			else if (!r->victim_sex && !two_sexes)
			{
				r->victim_sex = k->w[0];
				/* the victim named: an age after it is the victim's ('Rape - 2
				 * offenders female 16+') */
				subject = 0;
				since_subject = 0;
			}
			else if (r->victim_sex && r->victim_sex != k->w[0])
			{
				/* 'a male or female child': the title names both */
				r->victim_sex = 0;
				two_sexes = true;
			}
			continue;
		}
		if (is_word(k, "ATTEMPT"))
		{
			int			p = i - 1;

			while (p >= 0 && L->t[p].sym == '-')
				p--;
			k->used = true;
			/* 'murder and attempted murder', 'rape or attempted rape': both, not an
			 * attempt; nor 'excluding attempts', 'attempted suicide', 'Criminal
			 * Attempts Act' */
			if (!(p >= 0 && (is_word(&L->t[p], "OR") || is_word(&L->t[p], "AND") ||
							 L->t[p].sym == '&' || L->t[p].sym == '/')) &&
				!not_an_attempt(L, i) && !attempt_included(L, i))
				r->attempt = true;
			else if (!not_an_attempt(L, i))
				r->attempt_both = true;
			continue;
		}
		if (is_word(k, "PENETRATION"))
		{
			int			p = i - 1;

			/* past '-', and the '/O' of W/O (read WITHOUT at its W) */
			while (p >= 0 && (L->t[p].sym == '-' ||
							  (L->t[p].dropped && is_word(&L->t[p], "O")) ||
							  (L->t[p].sym == '/' && p > 0 && is_word(&L->t[p - 1], "WITHOUT"))))
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

#define HAS(w) has_word(L, (w))

/* how many tokens of L not dropped are the word w */
static int
count_words(const Lex *L, const char *w)
{
	int			i,
				n = 0;

	for (i = 0; i < L->n; i++)
		if (!L->t[i].dropped && is_word(&L->t[i], w))
			n++;
	return n;
}

static bool
child_stated(const Lex *L, const OffenceResult *r)
{
	return has_word(L, "CHILD") || has_word(L, "YOUNG") ||
		(r->has_vage && r->vage_hi > 0 && r->vage_hi <= 18);
}

/* the title names two offences of class cls ('Keeping a brothel / controlling
 * prostitution'): the class, no code, and why */
static int
joined_kind(OffenceResult *r, const char *cls, const char *what)
{
	char		buf[OFF_REASON_MAX];

	snprintf(buf, sizeof(buf), "the title names two offences of class %s (%s): no one code",
			 cls, what);
	set_reason(r, "%s", buf, NULL);
	strcpy(r->cls, cls);
	return K_NONE;
}

/*
 * 'Exposure to harmful substance', 'Criminal exposure to HIV': exposed to a thing, not
 * a person exposed to ('Exposure to female 12', 'to a child' stay exposure)
 */
static bool
exposed_to_thing(const Lex *L)
{
	static const char *const persons[] = {"FEMALE", "MALE", "CHILD", "PERSON", "PERSONS",
		"VICTIM", "WOMAN", "WOMEN", "MINOR", "MINORS", "F", "M", "PUBLIC", "ANOTHER",
	"OTHERS", "YOUNG", "JUVENILE", "ADULT", NULL};
	int			i,
				j,
				x;

	for (i = 0; i + 1 < L->n; i++)
	{
		if (!is_word(&L->t[i], "EXPOSURE"))
			continue;
		j = i + 1;
		if (!is_word(&L->t[j], "TO"))
			continue;
		j++;
		while (j < L->n && (is_word(&L->t[j], "A") || is_word(&L->t[j], "AN") ||
							is_word(&L->t[j], "THE")))
			j++;
		if (j >= L->n || L->t[j].sym || L->t[j].num >= 0)
			continue;
		for (x = 0; persons[x]; x++)
			if (is_word(&L->t[j], persons[x]))
				break;
		if (!persons[x])
			return true;
	}
	return false;
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
		if ((HAS("TAKE") || HAS("MAKE") || HAS("DISTRIBUTE") || HAS("PUBLISH")) &&
			HAS("POSSESSION"))
			return joined_kind(r, "86", "taking, making or distributing and possessing indecent images of children, 086/02 and 086/10");
		if (HAS("TAKE") || HAS("MAKE") || HAS("DISTRIBUTE") || HAS("PUBLISH"))
			return K_IIOC_MAKE;
		if (HAS("POSSESSION"))
			return K_IIOC_POSS;
		return K_IIOC_GENERIC;	/* take/make or possess? cannot tell */
	}
	/* a person with a mental disorder, of a sexual offence ('Make a false statement ...
	 * incapacity of donor - Mental Capacity Act' is not) */
	if ((HAS("MENTAL") || (HAS("LEARNING") && HAS("DISABILITY"))) &&
		(sexual || HAS("PENETRATION")))
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
	/* abuse of a position of trust of a sexual nature (not 'breach of trust') */
	if (HAS("TRUST") && (sexual || activity || HAS("POSITION") || child))
	{
		if (HAS("WATCH"))
			return K_TRUST_WATCH;
		if (HAS("PRESENCE"))
			return K_TRUST_PRES;
		return cause ? K_TRUST_CAUSE : K_TRUST_ACT;
	}
	if ((HAS("FAMILY") || HAS("RELATIVE") || HAS("INCEST")) &&
		(sexual || activity || HAS("INCEST") || HAS("PENETRATION") || HAS("RAPE")))
	{
		if (HAS("ADULT") || (r->has_vage && r->vage_lo >= 18))
			return HAS("CONSENT") ? K_FAM_ADULT_CONSENT : K_FAM_ADULT;
		return cause ? K_FAM_INC : K_FAM_ACT;
	}
	if ((HAS("GROOMING") || (HAS("MEETING") && HAS("FOLLOWING"))) && sexual &&
		HAS("COMMUNICATION"))
		return joined_kind(r, "88A", "meeting a child following grooming and sexual communication with a child, 088/01-02 and 071/17");
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
		/* 'Abuse of children through prostitution and pornography' (class 71's old title) */
		if (HAS("ABUSE"))
			return K_CSE_GENERIC;
	}
	if (HAS("PROSTITUTION") && ((HAS("BROTHEL") && (HAS("CONTROL") || cause)) ||
								(HAS("CONTROL") && cause)))
		return joined_kind(r, "24", "two of keeping a brothel, causing or inciting and controlling prostitution, 024/17-19");
	/* keeping a brothel (not 'Allowing child or young person to be in brothel', 11A) */
	if (HAS("BROTHEL") && !child)
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
		/*
		 * 071/01 is the arranging of an offence without penetration: with penetration
		 * the offence arranged decides (021/26, 021/27 or 022/26)
		 */
		if ((HAS("COMMISSION") || HAS("OFFENCE")) && r->penetration == 1)
		{
			set_reason(r, "%s", "arranging or facilitating a child sex offence with penetration: the offence arranged is not stated (021/26, 021/27 or 022/26)", NULL);
			return K_NONE;
		}
		if (HAS("COMMISSION") || HAS("OFFENCE"))
			return K_S14_GENERIC;
	}
	/*
	 * two offences joined: 'Rape and sexual assault', 'Rape or assault by
	 * penetration', 'Sexual assault and assault by penetration' (no Home Office title
	 * outside those read above names rape beside an assault, or two assaults)
	 */
	if ((HAS("RAPE") && HAS("ASSAULT")) ||
		(count_words(L, "ASSAULT") >= 2 && (sexual || r->penetration == 1)))
	{
		set_reason(r, "%s", "the title names two sexual offences (rape, assault by penetration, sexual assault): no one code", NULL);
		return K_NONE;
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
	/* 'Exposure/Voyeurism', 'Exposure & voyeurism': two offences of 88E */
	if ((HAS("SEND") || HAS("SENDING")) && HAS("GENITALS"))
		return K_CYBERFLASH;
	if (HAS("EXPOSURE") && HAS("VOYEURISM") && !images)
		return K_EXPOSURE_VOYEURISM;
	/* exposure of the genitals (not 'Exposing child to risk of burning', 11A, nor
	 * 'exposes to sell or hire') */
	if (HAS("EXPOSURE") && !images && !HAS("RISK") && !HAS("DANGER") && !HAS("HARM") &&
		!HAS("INJURY") && !HAS("SELL") && !HAS("SALE") && !HAS("HIRE") &&
		!exposed_to_thing(L))
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
	/*
	 * s61 / s63 are with intent to commit a sexual offence: not when the title names
	 * another purpose or substance ('with intent to injure, aggrieve or annoy', 'noxious',
	 * s24 OAPA; 'Trespass with intent to steal')
	 */
	if (!sexual && (HAS("INJURE") || HAS("INJURY") || HAS("AGGRIEVE") || HAS("ANNOY") ||
					HAS("NOXIOUS") || HAS("POISON") || HAS("ENDANGER") || HAS("HARM") ||
					HAS("STEAL") || HAS("THEFT") || HAS("DAMAGE") || HAS("ROB") ||
					HAS("KILL") || HAS("MURDER") || HAS("SPIKING")))
		;
	else if (HAS("ADMINISTER") && HAS("SUBSTANCE") && HAS("TRESPASS"))
		return joined_kind(r, "88C", "administering a substance with intent and trespass with intent, 088/05 and 088/07");
	else if (HAS("ADMINISTER") && HAS("SUBSTANCE"))
		return K_ADMIN;
	else if (HAS("TRESPASS") && HAS("INTENT"))
		return K_TRESPASS;
	if (HAS("COMMIT") && HAS("INTENT") && sexual)
		return K_COMMIT_INTENT;
	/* intercourse with an animal, penetration of a corpse: sexual acts (not 'Animal
	 * Welfare Act ... animal fights', 'Removing corpse from grave') */
	if ((HAS("BESTIALITY") || (HAS("ANIMAL") && (HAS("INTERCOURSE") || sexual ||
												  HAS("PENETRATION")))) && !images)
		return K_ANIMAL;
	if ((HAS("NECROPHILIA") || (HAS("CORPSE") && (sexual || HAS("PENETRATION") ||
												   HAS("INTERCOURSE")))) && !images)
		return K_CORPSE;
	/* 'Obscene publications', 'obscene publication or sexual material': class 86's name */
	if (HAS("OBSCENE") && (HAS("PUBLICATIONS") || HAS("PUBLICATION") || HAS("MATERIAL") ||
						   HAS("ARTICLE") || HAS("ARTICLES")))
		return K_OBSCENE;
	return K_NONE;
}

/* ---------------------------------------------------------------- codes of a kind */

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

static bool
in_list(const char *const *list, const char *code)
{
	int			i;

	for (i = 0; list[i]; i++)
		if (strcmp(list[i], code) == 0)
			return true;
	return false;
}

/* a rule of u's kind with u's victim facts but penetration pen / offender age oage */
static const Rule *
sibling(const Rule *u, char pen, char oage)
{
	size_t		i;

	for (i = 0; i < classify_nrules; i++)
	{
		const Rule *v = &classify_rules[i];

		if (v->kind != u->kind || v->sex != u->sex || v->vlo != u->vlo ||
			v->vhi != u->vhi || strcmp(v->code, u->code) == 0)
			continue;
		if (v->att != u->att && v->att != '*' && u->att != '*')
			continue;
		if (pen && v->pen == pen && v->oage == u->oage)
			return v;
		if (oage && v->oage == oage && v->pen == u->pen)
			return v;
	}
	return NULL;
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
	for (i = 0; i < classify_nrules; i++)
	{
		const Rule *u = &classify_rules[i];

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
		/* 'rape or attempted rape': the offence's code and its attempt's both fit */
		if (u->att == 'Y' && !r->attempt && !r->attempt_both)
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
		if (classify_kinds[kind].cls)
			strcpy(r->cls, classify_kinds[kind].cls);
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
		else if (classify_kinds[kind].cls)
			strcpy(r->cls, classify_kinds[kind].cls);
		snprintf(why, sizeof(why), "%s%s%s: %s or %s",
				 sex_split ? "victim sex not stated" : "",
				 sex_split && age_split ? ", " : "",
				 age_split ? "victim age not stated" :
				 (sex_split ? "" : r->attempt_both ? "the offence and its attempt" : "ambiguous"),
				 cand[0]->code, cand[i]->code);
		set_reason(r, "%s%s", why, NULL);
		return;
	}
	/*
	 * A code's age range holds a narrower sibling's ('Rape of a female aged under 16'
	 * holds 'under 13', which is s5's): a stated age partly in the sibling's range and
	 * partly out of it ('aged 12 or 13', 'under 14', '10-14') is either code's, so no
	 * code, unless the title states the code's own range
	 */
	if (r->has_vage && !(r->vage_lo == cand[0]->vlo && r->vage_hi == cand[0]->vhi))
	{
		for (i = 0; i < classify_nrules; i++)
		{
			const Rule *v = &classify_rules[i];
			int			shi = r->vage_hi < 0 ? INT_MAX : r->vage_hi;
			int			vhi = v->vhi < 0 ? INT_MAX : v->vhi;

			if (v->kind != kind || strcmp(v->code, cand[0]->code) == 0 || v->vlo < 0)
				continue;
			if (v->sex != '*' && sex && v->sex != sex)
				continue;
			if (v->oage == 'U' && r->has_oage && !oage_u)
				continue;
			if (v->oage == 'A' && (oage_u || (r->has_oage && !oage_a)))
				continue;
			if ((v->pen == 'P' && r->penetration == 0) ||
				(v->pen == 'N' && r->penetration == 1))
				continue;
			if ((v->att == 'Y' && !r->attempt && !r->attempt_both) ||
				(v->att == 'N' && r->attempt))
				continue;
			/* strictly inside the code's range */
			if (!range_contains(cand[0]->vlo, cand[0]->vhi, v->vlo, v->vhi) ||
				(v->vlo == cand[0]->vlo && v->vhi == cand[0]->vhi))
				continue;
			/* the stated age overlaps it and is not inside it */
			if (!(r->vage_lo < vhi && v->vlo < shi) ||
				range_contains(v->vlo, v->vhi, r->vage_lo, r->vage_hi))
				continue;
			{
				char		a[40] = "";

				range_words_inner(r->vage_lo, r->vage_hi, a, sizeof(a));
				if (strcmp(v->cls, cand[0]->cls) == 0)
					strcpy(r->cls, cand[0]->cls);
				else if (classify_kinds[kind].cls)
					strcpy(r->cls, classify_kinds[kind].cls);
				snprintf(why, sizeof(why), "victim %s is partly the age of another code: %s or %s",
						 a, cand[0]->code, v->code);
				set_reason(r, "%s%s", why, NULL);
				return;
			}
		}
	}
	/*
	 * The code's Home Office title states penetration or an adult offender and this
	 * title does not: when a sibling code differs only in that, no code (the class)
	 */
	{
		const Rule *alt = NULL;
		const char *what = NULL;

		if (r->penetration == -1 && cand[0]->pen == 'P' &&
			in_list(classify_pen_titled, cand[0]->code) &&
			(alt = sibling(cand[0], 'N', 0)) != NULL)
			what = "penetration not stated";
		else if (!r->has_oage && cand[0]->oage == 'A' &&
				 in_list(classify_adult_titled, cand[0]->code) &&
				 (alt = sibling(cand[0], 0, 'U')) != NULL)
			what = "offender age not stated";
		if (what)
		{
			if (strcmp(alt->cls, cand[0]->cls) == 0)
				strcpy(r->cls, cand[0]->cls);
			snprintf(why, sizeof(why), "%s: %s or %s", what, cand[0]->code, alt->code);
			set_reason(r, "%s%s", why, NULL);
			return;
		}
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
	classify_lex(s, len, L);
	if (L->overflow)
	{
		snprintf(r->reason, sizeof(r->reason), "title has too many words (more than %d)",
				 MAX_TOK);
		return;
	}
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

	for (i = 0; classify_sexual_markers[i]; i++)
		if (has_word(L, classify_sexual_markers[i]))
			r->sexual_words = true;

	kind = find_kind(L, r);
	if (kind == K_NONE)
	{
		bool		nonsex = false;

		for (i = 0; classify_nonsexual_markers[i]; i++)
			if (has_word(L, classify_nonsexual_markers[i]))
				nonsex = true;
		if (!r->sexual_words && nonsex)
			kind = K_NONSEX;
	}
	r->family = classify_kinds[kind].family;
	if (kind == K_NONE)
		set_reason(r, r->sexual_words ? "sexual offence not recognised" :
				   "offence not recognised", NULL, NULL);
	else if (classify_kinds[kind].note && !classify_kinds[kind].cls)
		set_reason(r, "%s", classify_kinds[kind].note, NULL);
	else if (classify_kinds[kind].note)
	{
		/* the class, not which of its offences (86, 71) */
		strcpy(r->cls, classify_kinds[kind].cls);
		set_reason(r, "%s", classify_kinds[kind].note, NULL);
	}
	else
	{
		/*
		 * a number after the victim that no age phrase read ('Sexual assault female
		 * 12', 'male 11', '(12)'): the title states an age the rules cannot place in a
		 * band, so no code is taken for a title that states none (020/05 is 13 and over)
		 */
		bool		number_unread = false;
		bool		young;

		for (i = 0; i < L->n && !r->has_vage; i++)
		{
			const Tok  *k = &L->t[i];
			int			p = i - 1;

			if (k->num < 1 || k->num > 20 || k->ndig > 2 || k->used || k->dropped ||
				k->money)
				continue;
			while (p >= 0 && (L->t[p].sym == '(' || L->t[p].sym == '-' ||
							  L->t[p].sym == ',' || L->t[p].sym == ':'))
				p--;
			if (p >= 0 && (is_word(&L->t[p], "FEMALE") || is_word(&L->t[p], "MALE") ||
						   is_word(&L->t[p], "CHILD") || is_word(&L->t[p], "VICTIM") ||
						   is_word(&L->t[p], "PERSON")))
			{
				number_unread = true;
				r->age_unread = k->num;
			}
		}
		/* a child, a juvenile, a young person may be under 13 or 13 and over */
		young = has_word(L, "CHILD") || has_word(L, "YOUNG");
		for (i = 0; i < L->n && !young; i++)
			if (!L->t[i].dropped && is_word(&L->t[i], "JUVENILE") &&
				!(i + 1 < L->n && (is_word(&L->t[i + 1], "OFFENDER") ||
								   is_word(&L->t[i + 1], "OFFENDERS"))))
				young = true;
		pick_code(kind, offender_sex,
				  r->vage_conflict || number_unread || (!r->has_vage && young), r);
		if (number_unread && !r->code[0])
			snprintf(r->reason, sizeof(r->reason),
					 "the title states a number after the victim (%d) that is no age band the codes use: the victim's age is not read",
					 r->age_unread);
		else
			r->age_unread = 0;
	}
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

/*
 * The sections a title cites ('Sec 47', 'Section 18', '(S4A POA)', 'Sec10', 'S.39'):
 * the number and a letter glued to it, upper case ('47', '4A'), each once, at most max
 * of them written to out[]; returns how many (0 also when the title is too long).
 */
int
offence_sections(const char *s, size_t len, char (*out)[8], int max)
{
	Lex			Lbuf;
	Lex		   *L = &Lbuf;
	int			i,
				n = 0;

	if (len > OFF_MAX_TITLE)
		return 0;
	classify_lex(s, len, L);
	if (L->overflow)
		return 0;
	for (i = 0; i + 1 < L->n; i++)
	{
		const Tok  *k = &L->t[i];
		int			j = i + 1,
					m;
		char		sec[16];

		if (!(is_word(k, "SEC") || is_word(k, "SECTION") || is_word(k, "S") ||
			  is_word(k, "SS")))
			continue;
		if (L->t[j].sym == '.' && j + 1 < L->n)
			j++;
		if (L->t[j].num < 0 || L->t[j].ndig > 4 || L->t[j].num == 0)
			continue;
		snprintf(sec, sizeof(sec), "%d", L->t[j].num);
		if (j + 1 < L->n && L->t[j + 1].glued && strlen(L->t[j + 1].w) == 1 &&
			L->t[j + 1].num < 0 && L->t[j + 1].sym == 0 && strlen(sec) < 6)
			strncat(sec, L->t[j + 1].w, 1);
		for (m = 0; m < n; m++)
			if (strcmp(out[m], sec) == 0)
				break;
		if (m == n && n < max && strlen(sec) < sizeof(out[0]))
			memcpy(out[n++], sec, strlen(sec) + 1);
		i = j;
	}
	return n;
}

static bool
key_filler(const char *w)
{
	static const char *const filler[] = {"A", "AN", "THE", "OF", "ON", "AND", "OR", "ETC",
	"TO", "IN", "FOR", "OCCASIONING", "CAUSE", NULL};
	int			i;

	for (i = 0; filler[i]; i++)
		if (strcmp(w, filler[i]) == 0)
			return true;
	return false;
}

/* a word of the vocabulary (not a number, not an unknown letter run) */
static bool
known_word(const Tok *k)
{
	return k->num < 0 && k->sym == 0 && k->known && strlen(k->w) > 1 &&
		!is_word(k, "S") && !is_word(k, "SS");
}

/* the next word from i, past a/an/the, is MOTOR or VEHICLE */
static bool
vehicle_next(const Lex *L, int i)
{
	while (i < L->n && (is_word(&L->t[i], "A") || is_word(&L->t[i], "AN") ||
						is_word(&L->t[i], "THE")))
		i++;
	return i < L->n && (is_word(&L->t[i], "MOTOR") || is_word(&L->t[i], "VEHICLE") ||
						is_word(&L->t[i], "VEHICLES") || is_word(&L->t[i], "MV") ||
						is_word(&L->t[i], "VEH") ||
						/* M/V */
						(is_word(&L->t[i], "M") && i + 2 < L->n && L->t[i + 1].sym == '/' &&
						 is_word(&L->t[i + 2], "V")));
}

/*
 * 'theft of or from a vehicle', 'theft from or of motor vehicles', 'theft of and from
 * vehicles': the OF at i names theft of a vehicle (class 48) beside theft from one (45),
 * so the title is both and is read as neither
 */
static bool
of_or_from(const Lex *L, int i)
{
	bool		join_next = i + 2 < L->n &&
		(is_word(&L->t[i + 1], "OR") || is_word(&L->t[i + 1], "AND") || L->t[i + 1].sym == '/' ||
		 L->t[i + 1].sym == '&');
	bool		join_prev = i >= 3 &&
		(is_word(&L->t[i - 1], "OR") || is_word(&L->t[i - 1], "AND") || L->t[i - 1].sym == '/' ||
		 L->t[i - 1].sym == '&');

	if (join_next && is_word(&L->t[i + 2], "FROM") && i > 0 && is_word(&L->t[i - 1], "THEFT") &&
		vehicle_next(L, i + 3))
		return true;
	if (join_prev && is_word(&L->t[i - 2], "FROM") && is_word(&L->t[i - 3], "THEFT") &&
		vehicle_next(L, i + 1))
		return true;
	return false;
}

/* no word or number before token i (only symbols or dropped tokens) */
static bool
first_word(const Lex *L, int i)
{
	int			j;

	for (j = 0; j < i; j++)
		if (!L->t[j].dropped && L->t[j].sym == 0)
			return false;
	return true;
}

/*
 * The start of offence_title_key and offence_title_seq: out emptied, the title lexed
 * into L, its code read into r and its noise dropped.  False when it is too long (or
 * has too many tokens): no key then.
 */
static bool
title_lex(const char *s, size_t len, char *out, size_t outsz, Lex *L, OffenceResult *r)
{
	if (outsz > 0)
		out[0] = '\0';
	if (len > OFF_MAX_TITLE)
		return false;
	classify_lex(s, len, L);
	if (L->overflow)
		return false;
	memset(r, 0, sizeof(*r));
	read_code(L, r);
	drop_noise(L, r);
	return true;
}

static int
cmp_word(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

size_t
offence_title_key(const char *s, size_t len, char *out, size_t outsz, bool *attempt,
				  char *victim)
{
	Lex			Lbuf;
	Lex		   *L = &Lbuf;
	OffenceResult r;
	char		words[MAX_TOK][OFF_WORD_MAX];
	const char *sorted[MAX_TOK];
	int			nw = 0,
				i;
	size_t		o = 0;

	*attempt = false;
	*victim = 0;
	if (!title_lex(s, len, out, outsz, L, &r))
		return 0;

	/* the victim words of classes split by victim (8N / 8S / 8T, 105A / 104) */
	for (i = 0; i < L->n; i++)
	{
		Tok		   *k = &L->t[i];

		if (k->dropped || k->sym || k->num >= 0)
			continue;
		/*
		 * 'Assault by (a) constable', 'by an emergency worker': the offender, not the
		 * victim of 104 / 8S / 8T; the words stay words
		 */
		{
			int			p = i - 1;

			while (p >= 0 && (is_word(&L->t[p], "A") || is_word(&L->t[p], "AN")))
				p--;
			if (p >= 0 && is_word(&L->t[p], "BY") &&
				(is_word(k, "EMERGENCY") || is_word(k, "EW") || is_word(k, "CONSTABLE") ||
				 is_word(k, "PC") || is_word(k, "POLICE")))
			{
				if (is_word(k, "EMERGENCY") || is_word(k, "POLICE"))
					i++;		/* and WORKER / OFFICER */
				continue;
			}
		}
		if (is_word(k, "EMERGENCY") && i + 1 < L->n &&
			(is_word(&L->t[i + 1], "WORKER") || is_word(&L->t[i + 1], "WORKERS")))
		{
			k->dropped = L->t[i + 1].dropped = true;
			*victim = 'E';
		}
		else if (is_word(k, "EW"))
		{
			k->dropped = true;
			*victim = 'E';
		}
		else if (is_word(k, "CONSTABLE") || is_word(k, "PC") ||
				 (is_word(k, "POLICE") && i + 1 < L->n &&
				  (is_word(&L->t[i + 1], "OFFICER") || is_word(&L->t[i + 1], "OFFICERS"))))
		{
			int			p = i - 1;

			k->dropped = true;
			if (is_word(k, "POLICE"))
				L->t[i + 1].dropped = true;
			/* '(other than a constable)', '(except a constable)' */
			while (p >= 0 && (is_word(&L->t[p], "A") || is_word(&L->t[p], "AN")))
				L->t[p--].dropped = true;
			if (p >= 0 && is_word(&L->t[p], "EXCEPT"))
				L->t[p].dropped = true;
			else if (p >= 1 && is_word(&L->t[p], "THAN") && is_word(&L->t[p - 1], "OTHER"))
				L->t[p].dropped = L->t[p - 1].dropped = true;
			else if (*victim == 0)
				*victim = 'C';
		}
	}

	for (i = 0; i < L->n; i++)
	{
		const Tok  *k = &L->t[i];
		size_t		wl;

		if (k->dropped || k->sym)
			continue;
		if (i > 0 && L->t[i - 1].sym == '(' && i + 1 < L->n && L->t[i + 1].sym == ')' &&
			(k->num >= 0 || strlen(k->w) <= 3) && !known_word(k))
			continue;			/* '(1)', '(b)', '(ii)': a subsection */
		if (k->num >= 0 && k->ndig <= 3 && first_word(L, i) && i + 1 < L->n &&
			L->t[i + 1].sym == 0 && L->t[i + 1].num < 0 && !L->t[i + 1].glued &&
			!is_word(&L->t[i + 1], "YEARS") && !is_word(&L->t[i + 1], "AND") &&
			!is_word(&L->t[i + 1], "OR") && !is_word(&L->t[i + 1], "TO") &&
			!is_word(&L->t[i + 1], "PLUS") && !is_word(&L->t[i + 1], "OLD"))
			continue;			/* '13 Child Abduction': a list's number, not an age */
		/* 'U13', 'U 13', 'U/13' are the titles' 'under 13' */
		if (is_word(k, "U") && nw < MAX_TOK &&
			((i + 1 < L->n && L->t[i + 1].num >= 0 && !L->t[i + 1].money) ||
			 (i + 2 < L->n && L->t[i + 1].sym == '/' && L->t[i + 2].num >= 0)))
		{
			snprintf(words[nw++], OFF_WORD_MAX, "%s", "UNDER");
			continue;
		}
		/*
		 * 'a building other than a dwelling', 'non-dwelling burglary': the Home
		 * Office's own older wording of what its April 2026 list calls business and
		 * community
		 * ('Burglary in a building other than a dwelling' is 30C's 'Burglary - Business
		 * and Community')
		 */
		{
			int			j = -1;

			/* of a building ('a building other than a dwelling'), or a burglary (always
			 * of a building): 'Criminal damage - other than dwelling' also counts
			 * vehicles and other property */
			bool		building = (i > 0 && (is_word(&L->t[i - 1], "BUILDING") ||
											  is_word(&L->t[i - 1], "BUILDINGS"))) ||
				has_word(L, "BURGLARY");

			if (building && is_word(k, "OTHER") && i + 1 < L->n && is_word(&L->t[i + 1], "THAN"))
				j = i + 2;
			else if (building && is_word(k, "NON"))
				j = i + 1;
			while (j >= 0 && j < L->n && (is_word(&L->t[j], "A") || is_word(&L->t[j], "AN") ||
										  L->t[j].sym == '-'))
				j++;
			if (j >= 0 && j < L->n && (is_word(&L->t[j], "DWELLING") ||
									   is_word(&L->t[j], "RESIDENTIAL") ||
									   is_word(&L->t[j], "RESIDENCE")) && nw + 2 <= MAX_TOK)
			{
				/*
				 * a burglary is of a building: 'Burglary in a building other than a
				 * dwelling' is the list's 'Burglary business and community', without
				 * the word (the criminal damage titles keep it: 'Criminal Damage to a
				 * building - Business and Community')
				 */
				if (has_word(L, "BURGLARY") && nw > 0 &&
					(strcmp(words[nw - 1], "BUILDING") == 0 || strcmp(words[nw - 1], "BUILDINGS") == 0))
					nw--;
				snprintf(words[nw++], OFF_WORD_MAX, "%s", "BUSINESS");
				snprintf(words[nw++], OFF_WORD_MAX, "%s", "COMMUNITY");
				i = j;
				continue;
			}
		}
		/*
		 * the premises of a burglary: a house or a flat is a home (the list's
		 * 'Residential Burglary of a Home'); an office, a shop, a warehouse, a
		 * workshop, stores, a factory, a school are business and community premises
		 * (British Transport Police: 'G03 Burglary parcel office', 'G05 Burglary
		 * warehouse').  A dwelling burgled is a home too ('G00 Aggravated burglary in a
		 * dwelling': 29B): the Theft Act's dwelling is the home; the list's unconnected
		 * buildings (sheds, garages) were burglaries other than in a dwelling before
		 * the list made them residential
		 */
		if (has_word(L, "BURGLARY") && nw + 2 <= MAX_TOK && k->num < 0 &&
			(is_word(k, "HOUSE") || is_word(k, "HOUSES") || is_word(k, "FLAT") ||
			 ((is_word(k, "DWELLING") || is_word(k, "DWELLINGS")) &&
			  !has_word(L, "UNCONNECTED"))))
		{
			snprintf(words[nw++], OFF_WORD_MAX, "%s", "RESIDENTIAL");
			snprintf(words[nw++], OFF_WORD_MAX, "%s", "HOME");
			continue;
		}
		if (has_word(L, "BURGLARY") && nw + 2 <= MAX_TOK && k->num < 0 &&
			(is_word(k, "OFFICE") || is_word(k, "OFFICES") || is_word(k, "SHOP") ||
			 is_word(k, "SHOPS") || is_word(k, "WAREHOUSE") || is_word(k, "WORKSHOP") ||
			 is_word(k, "STORES") || is_word(k, "FACTORY") || is_word(k, "SCHOOL")))
		{
			snprintf(words[nw++], OFF_WORD_MAX, "%s", "BUSINESS");
			snprintf(words[nw++], OFF_WORD_MAX, "%s", "COMMUNITY");
			continue;
		}
		/* money: 'under £5,000', '(Under £5000.00 damage)', '£5,000 and over', 'over £5000'
		 * -> UNDER5000 / OVER5000; 'up to £500', '£500 - £5000' are under too */
		if ((is_word(k, "UNDER") || is_word(k, "OVER") || k->num >= 0 ||
			 (is_word(k, "UP") && i + 1 < L->n && is_word(&L->t[i + 1], "TO"))) && nw < MAX_TOK)
		{
			int			j = k->num >= 0 ? i : is_word(k, "UP") ? i + 2 : i + 1;
			char		amount[16];
			const char *side = k->num >= 0 ? NULL : is_word(k, "UP") ? "UNDER" : k->w;

			if (j < L->n && L->t[j].num >= 0 && L->t[j].money)
			{
				snprintf(amount, sizeof(amount), "%.15s", L->t[j].w);
				/* 5,000 */
				while (j + 2 < L->n && L->t[j + 1].sym == ',' && L->t[j + 2].money &&
					   strlen(amount) + strlen(L->t[j + 2].w) < sizeof(amount))
				{
					strcat(amount, L->t[j + 2].w);
					j += 2;
				}
				/* .00 */
				if (j + 2 < L->n && L->t[j + 1].sym == '.' && L->t[j + 1].glued &&
					L->t[j + 2].num == 0 && L->t[j + 2].glued)
					j += 2;
				if (side == NULL && j + 2 < L->n &&
					(is_word(&L->t[j + 1], "AND") || is_word(&L->t[j + 1], "OR")) &&
					is_word(&L->t[j + 2], "OVER"))
				{
					side = "OVER";
					j += 2;
				}
				/* '£500 - £5000', '£500 to £5,000': under the upper amount */
				if (side == NULL && j + 2 < L->n &&
					(L->t[j + 1].sym == '-' || is_word(&L->t[j + 1], "TO")) &&
					L->t[j + 2].num >= 0 && L->t[j + 2].money)
				{
					j += 2;
					snprintf(amount, sizeof(amount), "%.15s", L->t[j].w);
					while (j + 2 < L->n && L->t[j + 1].sym == ',' && L->t[j + 2].money &&
						   strlen(amount) + strlen(L->t[j + 2].w) < sizeof(amount))
					{
						strcat(amount, L->t[j + 2].w);
						j += 2;
					}
					side = "UNDER";
				}
				/* the list's one amount is £5000: any amount under it is under it */
				if (side && strcmp(side, "UNDER") == 0 && strlen(amount) <= 4)
					strcpy(amount, "5000");
				if (side)
				{
					/*
					 * the Home Office list states only 'under £5000'; '£5,000 and
					 * over' is its code without it
					 */
					if (strcmp(side, "OVER") != 0)
						snprintf(words[nw++], OFF_WORD_MAX, "%s%s", side, amount);
					i = j;
					continue;
				}
			}
		}
		if (k->num >= 0)
		{
			/* 5,000 is one number */
			if (i + 2 < L->n && L->t[i + 1].sym == ',' && L->t[i + 1].glued &&
				L->t[i + 2].glued && L->t[i + 2].num >= 0 && L->t[i + 2].ndig == 3 &&
				!L->t[i + 2].dropped && strlen(k->w) + 4 < OFF_WORD_MAX)
			{
				snprintf(words[nw++], OFF_WORD_MAX, "%s%s", k->w, L->t[i + 2].w);
				i += 2;
				continue;
			}
			snprintf(words[nw++], OFF_WORD_MAX, "%s", k->w);
			continue;
		}
		if (is_word(k, "ATTEMPT"))
		{
			int			p = i - 1;

			while (p >= 0 && L->t[p].sym == '-')
				p--;
			/* 'murder and attempted murder', 'rape or attempted rape', 'including attempts' */
			if ((p >= 0 && (is_word(&L->t[p], "OR") || is_word(&L->t[p], "AND") ||
							L->t[p].sym == '&' || L->t[p].sym == '/')) ||
				attempt_included(L, i))
				snprintf(words[nw++], OFF_WORD_MAX, "%s", k->w);
			else if (not_an_attempt(L, i))
			{
				/* 'excluding attempts' says only that: 'attempted suicide' is words */
				if (i + 1 < L->n && is_word(&L->t[i + 1], "SUICIDE"))
					snprintf(words[nw++], OFF_WORD_MAX, "%s", k->w);
			}
			else
				*attempt = true;
			continue;
		}
		/* 'theft of a (motor) vehicle' is not 'vehicle theft' (of or from) */
		if (is_word(k, "OF") && nw < MAX_TOK &&
			((i > 0 && is_word(&L->t[i - 1], "THEFT") && vehicle_next(L, i + 1)) ||
			 of_or_from(L, i)))
		{
			snprintf(words[nw++], OFF_WORD_MAX, "%s", "THEFT-OF");
			continue;
		}
		/* police shorthand: M/V a motor vehicle, W/O without, OFF WPN an offensive weapon */
		if (is_word(k, "M") && i + 2 < L->n && L->t[i + 1].sym == '/' &&
			is_word(&L->t[i + 2], "V") && nw + 2 <= MAX_TOK)
		{
			snprintf(words[nw++], OFF_WORD_MAX, "%s", "MOTOR");
			snprintf(words[nw++], OFF_WORD_MAX, "%s", "VEHICLE");
			i += 2;
			continue;
		}
		if (is_word(k, "W") && i + 2 < L->n && L->t[i + 1].sym == '/' &&
			is_word(&L->t[i + 2], "O") && nw < MAX_TOK)
		{
			snprintf(words[nw++], OFF_WORD_MAX, "%s", "WITHOUT");
			i += 2;
			continue;
		}
		if (is_word(k, "OFFENDER") && i + 1 < L->n &&
			(is_word(&L->t[i + 1], "WPN") || is_word(&L->t[i + 1], "WPNS") ||
			 is_word(&L->t[i + 1], "WEAPON") || is_word(&L->t[i + 1], "WEAPONS")) &&
			nw < MAX_TOK)
		{
			snprintf(words[nw++], OFF_WORD_MAX, "%s", "OFFENSIVE");
			continue;
		}
		/*
		 * 'without intent' ('Inflicting grievous bodily harm without intent', s20): the
		 * Home Office titles never say it, the offence with intent says 'with intent'
		 */
		if (is_word(k, "WITHOUT") && i + 1 < L->n && is_word(&L->t[i + 1], "INTENT"))
		{
			i++;
			continue;
		}
		/* 'excluding cannabis' says what is not counted: neither word names it */
		if (is_word(k, "EXCLUDING") || is_word(k, "EXCL") || is_word(k, "EXCLUDES"))
		{
			if (i + 1 < L->n && L->t[i + 1].sym == 0 && L->t[i + 1].num < 0 &&
				!is_word(&L->t[i + 1], "ATTEMPT"))
				i++;
			continue;
		}
		/* a drug's class: '(class B drug)', 'Class A' */
		if (is_word(k, "CLASS") && i + 1 < L->n && L->t[i + 1].glued == false &&
			(is_word(&L->t[i + 1], "A") || is_word(&L->t[i + 1], "B") ||
			 is_word(&L->t[i + 1], "C")))
		{
			i++;
			continue;
		}
		/* 'possession of a controlled drug - cannabis' is 'possession of cannabis'
		 * ('trafficking in controlled drugs' is not 'drug trafficking', an ONS subgroup) */
		if (key_filler(k->w) || is_word(k, "HAVING") ||
			(is_word(k, "CONTROLLED") && has_word(L, "POSSESSION")))
			continue;
		/* abbreviations and synonyms the Home Office titles spell out (classify_rules.c) */
		{
			size_t		e;
			int			x;

			for (e = 0; e < classify_nexpansions; e++)
				if (strcmp(k->w, classify_expansions[e].abbr) == 0)
					break;
			if (e == classify_nexpansions && is_word(k, "CYCLE") &&
				!(i > 0 && is_word(&L->t[i - 1], "MOTOR")) && nw < MAX_TOK)
				snprintf(words[nw++], OFF_WORD_MAX, "%s", "PEDAL");	/* a cycle is pedal */
			if (e < classify_nexpansions)
			{
				const Expansion *xp = &classify_expansions[e];

				for (x = 0; x < 4 && xp->words[x] && nw < MAX_TOK; x++)
					snprintf(words[nw++], OFF_WORD_MAX, "%s", xp->words[x]);
				continue;
			}
		}
		snprintf(words[nw], OFF_WORD_MAX, "%s", k->w);
		wl = strlen(words[nw]);
		if (wl >= 4 && words[nw][wl - 1] == 'S' && words[nw][wl - 2] != 'S' &&
			words[nw][wl - 2] != 'U' && words[nw][wl - 2] != 'I')
			words[nw][wl - 1] = '\0';
		nw++;
	}
	/*
	 * 'Racially aggravated harassment', 'Religiously aggravated ...': the list names
	 * and counts the two together ('Racially or religiously aggravated ...')
	 */
	{
		int			rac = -1,
					rel = -1,
					agg = -1;

		for (i = 0; i < nw; i++)
		{
			if (strcmp(words[i], "RACIALLY") == 0)
				rac = i;
			else if (strcmp(words[i], "RELIGIOUSLY") == 0)
				rel = i;
			else if (strcmp(words[i], "AGGRAVATED") == 0)
				agg = i;
		}
		if (agg >= 0 && (rac < 0) != (rel < 0) && nw < MAX_TOK)
			snprintf(words[nw++], OFF_WORD_MAX, "%s", rac < 0 ? "RACIALLY" : "RELIGIOUSLY");
	}
	/* 'Rape of a male - multiple undefined offenders' (19K) is not 'rape of a male' */
	if (r.multiple && nw < MAX_TOK)
		snprintf(words[nw++], OFF_WORD_MAX, "%s", "MULTIPLE");
	for (i = 0; i < nw; i++)
		sorted[i] = words[i];
	qsort(sorted, nw, sizeof(sorted[0]), cmp_word);
	for (i = 0; i < nw; i++)
	{
		size_t		wl = strlen(sorted[i]);

		if (i > 0 && strcmp(sorted[i], sorted[i - 1]) == 0)
			continue;
		if (o > 0)
		{
			if (o + 1 < outsz)
				out[o] = ' ';
			o++;
		}
		if (o + wl < outsz)
			memcpy(out + o, sorted[i], wl);
		o += wl;
	}
	if (outsz > 0)
		out[o < outsz ? o : outsz - 1] = '\0';
	return o;
}

/*
 * The words of a title in their order, for telling whether a title is a Home Office
 * title but for its articles, prepositions and inflections ('Breach of Criminal
 * behaviour order' and 'Breach of a criminal behaviour order'): the lexer's canonical
 * words and numbers, less a leading code or class, statute text, the word ATTEMPT
 * (*attempt is set), filler (a, an, the, of, on, to, in, for, etc) and a final plural S;
 * one space between words.  Nothing is expanded or reordered.  Returns the length (0
 * when the title is too long).
 */
size_t
offence_title_seq(const char *s, size_t len, char *out, size_t outsz, bool *attempt)
{
	static const char *const filler[] = {"A", "AN", "THE", "OF", "ON", "TO", "IN", "FOR",
	"ETC", NULL};
	Lex			Lbuf;
	Lex		   *L = &Lbuf;
	OffenceResult r;
	int			i,
				f;
	size_t		o = 0;

	*attempt = false;
	if (!title_lex(s, len, out, outsz, L, &r))
		return 0;
	for (i = 0; i < L->n; i++)
	{
		const Tok  *k = &L->t[i];
		char		w[OFF_WORD_MAX];
		size_t		wl;

		if (k->dropped || k->sym)
			continue;
		if (is_word(k, "ATTEMPT") && !not_an_attempt(L, i) && !attempt_included(L, i))
		{
			*attempt = true;
			continue;
		}
		/* '11 Cruelty to and Neglect of Children': a list's number, not a word */
		if (k->num >= 0 && k->ndig <= 3 && o == 0 && i + 1 < L->n &&
			L->t[i + 1].sym == 0 && L->t[i + 1].num < 0 && !L->t[i + 1].glued &&
			!is_word(&L->t[i + 1], "YEARS") && !is_word(&L->t[i + 1], "AND") &&
			!is_word(&L->t[i + 1], "OR") && !is_word(&L->t[i + 1], "TO"))
			continue;
		for (f = 0; filler[f]; f++)
			if (is_word(k, filler[f]))
				break;
		if (filler[f])
			continue;
		snprintf(w, sizeof(w), "%s", k->w);
		wl = strlen(w);
		if (k->num < 0 && wl >= 4 && w[wl - 1] == 'S' && w[wl - 2] != 'S' &&
			w[wl - 2] != 'U' && w[wl - 2] != 'I')
			w[--wl] = '\0';
		if (o > 0)
		{
			if (o + 1 < outsz)
				out[o] = ' ';
			o++;
		}
		if (o + wl < outsz)
			memcpy(out + o, w, wl + 1);
		o += wl;
	}
	if (outsz > 0)
		out[o < outsz ? o : outsz - 1] = '\0';
	return o;
}
