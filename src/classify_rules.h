/*
 * classify_rules.h: what the classifier knows about Home Office codes, as data: the kinds
 * of offence it recognises from key words, and the rule table that picks a kind's code
 * from the stated facts.  The tables are in classify_rules.c (no logic there); only
 * classify.c reads them.  Pure C, no postgres.h.
 */
#ifndef FOISTATS_CLASSIFY_RULES_H
#define FOISTATS_CLASSIFY_RULES_H

#include <stddef.h>

#include "classify.h"

/* kinds of offence, as find_kind() in classify.c recognises them from key words */
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
	K_NONSEX, K_CSE_GENERIC, K_OBSCENE, K_EXPOSURE_VOYEURISM,
	K__COUNT
};

typedef struct KindInfo
{
	int			family;
	const char *cls;			/* class when the kind has one whatever the facts */
	const char *note;			/* reason given when no code */
} KindInfo;

/* per kind: its family, its class when the facts cannot change it, why it has no code */
extern const KindInfo classify_kinds[K__COUNT];

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

/* every Home Office code of every kind, with the facts its title implies */
extern const Rule classify_rules[];
extern const size_t classify_nrules;

/* codes whose Home Office title states penetration / an offender 18 or over */
extern const char *const classify_pen_titled[];
extern const char *const classify_adult_titled[];

/* words only sexual offences use, and words of other offences (NULL-terminated) */
extern const char *const classify_sexual_markers[];
extern const char *const classify_nonsexual_markers[];

/* an abbreviation or synonym the Home Office titles spell out, and the words it stands for */
typedef struct Expansion
{
	const char *abbr;
	const char *words[4];		/* NULL after the last */
} Expansion;

extern const Expansion classify_expansions[];
extern const size_t classify_nexpansions;

#endif
