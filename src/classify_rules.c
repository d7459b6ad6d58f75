/*
 * classify_rules.c: the classifier's data (declared in classify_rules.h): offence kinds,
 * marker words and the rule table.  Data only: the code that reads it is in classify.c.
 */
#include "classify_rules.h"

/* ---------------------------------------------------------------- kinds */

const KindInfo classify_kinds[K__COUNT] = {
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
	[K_CSE_GENERIC] = {OFAM_SEXUAL_EXPLOITATION, "71", "abuse of children through sexual exploitation (class 71): the title does not say which offence"},
	[K_EXPOSURE_VOYEURISM] = {OFAM_EXPOSURE_VOYEURISM, "88E", "exposure and voyeurism: two offences of class 88E, no one code"},
	[K_OBSCENE] = {OFAM_UNKNOWN, "86", "obscene publications (class 86, with indecent images): the title does not say which offence"},
	[K_NONSEX] = {OFAM_NON_SEXUAL, NULL, "not a sexual offence, and neither a Home Office title nor in the words of one: map it in foistats.offence_override"},
};

/* words that only sexual offences use: an unrecognised title with one is never non-sexual */
const char *const classify_sexual_markers[] = {
	"SEXUAL", "RAPE", "INDECENT", "INDECENCY", "PENETRATION", "GROOMING", "PROSTITUTION",
	"BROTHEL", "VOYEURISM", "EXPOSURE", "PORNOGRAPHY", "INCEST", "BUGGERY", "BESTIALITY",
	"PAEDOPHILE", "UPSKIRTING", "GENITALS", "INTIMATE", "NECROPHILIA", "KERB", NULL
};
const char *const classify_nonsexual_markers[] = {
	"MURDER", "MANSLAUGHTER", "THEFT", "STEAL", "STOLEN", "BURGLARY", "ROBBERY", "DAMAGE",
	"ARSON", "DRUG", "DRUGS", "CANNABIS", "COCAINE", "HEROIN", "FRAUD", "HARASSMENT",
	"STALKING", "WOUNDING", "AFFRAY", "KIDNAPPING", "KIDNAP", "BLACKMAIL", "FIREARM",
	"FIREARMS", "KNIFE", "WEAPON", "WEAPONS", "SHOPLIFTING", "HANDLING", "FORGERY",
	"PERJURY", "DRIVING", "KILL", "CRUELTY", "NEGLECT", "SLAVERY", "COERCIVE", "ABH",
	"GBH", "ASSAULT", "VIOLENCE", "SUICIDE", "BIGAMY", "ABDUCTION", "IMPRISONMENT",
	"ABORTION", "INFANTICIDE", "BAIL", "ABSCONDING", "PERVERTING", "DISORDERLY",
	"ASSAULTING", "MALICIOUS", "SERVITUDE", NULL
};

/*
 * Abbreviations and synonyms the Home Office titles spell out: a title's word abbr
 * stands for words (classify.c reads them when it reduces a title to key words).
 */
const Expansion classify_expansions[] = {
	{"ABH", {"ACTUAL", "BODILY", "HARM"}},
	{"GBH", {"GRIEVOUS", "BODILY", "HARM"}},
	{"MV", {"MOTOR", "VEHICLE"}},
	{"BLDG", {"BUILDING"}},
	{"BUILD", {"BUILDING"}},	/* clipped: 'Unconnected Build' */
	{"BIKE", {"PEDAL", "CYCLE"}},
	/* a vehicle is a motor vehicle ('Theft from a vehicle') */
	{"VEHICLE", {"MOTOR", "VEHICLE"}},
	{"VEHICLES", {"MOTOR", "VEHICLE"}},
	{"BIKES", {"PEDAL", "CYCLE"}},
	{"BICYCLES", {"PEDAL", "CYCLE"}},
	{"BICYCLE", {"PEDAL", "CYCLE"}},
	{"AGG", {"AGGRAVATED"}},
	{"COMMS", {"COMMUNICATION"}},
	/* the Home Office says residential and residence, forces dwelling */
	{"DWELLING", {"RESIDENTIAL"}},
	{"UNLAWFUL", {"UNAUTHORISED"}},
	{"INTIMIDATING", {"INTIMIDATION"}},
	{"RACE", {"RACIALLY"}},
	{"RACIAL", {"RACIALLY"}},
	{"RELIGIOUS", {"RELIGIOUSLY"}},
	{"RESIDENCE", {"RESIDENTIAL"}},
	/* police abbreviations */
	{"CRIM", {"CRIMINAL"}},
	{"DAM", {"DAMAGE"}},
	{"DMG", {"DAMAGE"}},
	{"VEH", {"MOTOR", "VEHICLE"}},
	{"VEHS", {"MOTOR", "VEHICLE"}},
	{"WPN", {"WEAPON"}},
	{"WPNS", {"WEAPON"}},
	{"HARASS", {"HARASSMENT"}},
	{"BURG", {"BURGLARY"}},
	{"RESI", {"RESIDENTIAL"}},
	{"SUPP", {"SUPPLY"}},
	{"PWITS", {"POSSESSION", "WITH", "INTENT", "SUPPLY"}},
	{"TWOC", {"UNAUTHORISED", "TAKE", "MOTOR", "VEHICLE"}},
	{"TFMV", {"THEFT", "FROM", "MOTOR", "VEHICLE"}},
	{"TOMV", {"THEFT-OF", "MOTOR", "VEHICLE"}},
	/* orders: 'Breach of SHPO', 'Breach of CBO' */
	{"SHPO", {"SEXUAL", "HARM", "PREVENTION", "ORDER"}},
	{"CBO", {"CRIMINAL", "BEHAVIOUR", "ORDER"}},
	{"DAPO", {"DOMESTIC", "ABUSE", "PROTECTION", "ORDER"}},
};
const size_t classify_nexpansions = sizeof(classify_expansions) / sizeof(classify_expansions[0]);

/*
 * Codes whose Home Office title states penetration, and codes whose title states an
 * offender aged 18 or over (test/checks/classify_unit.sh checks both lists against
 * data/ho_offence.sql).  A force title that leaves the fact out does not determine such
 * a code when a sibling code differs only in it: it gets the class, not the code.
 */
const char *const classify_pen_titled[] = {
	"017/13", "017/14", "020/03", "020/04", "021/02", "021/04", "021/12", "021/13",
	"021/14", "021/26", "021/27", "022/06", "022/07", "022/08", "022/12", "022/13",
	"022/14", "022/15", "022/26", "023/04", "023/05", "023/08", "023/09", "023/12",
	"023/13", "023/14", "023/15", "023/18", "023/19", "023/30", "023/31", "023/32",
	"023/33", "023/34", "023/35", "023/36", "023/37", "070/11", "070/13", "070/21",
	"086/17", "088/11", NULL
};
const char *const classify_adult_titled[] = {
	"021/10", "021/11", "023/04", "023/05", "023/08", "023/09", "023/14", "023/15",
	"023/18", "023/19", "023/22", "023/23", "023/24", "023/25", "023/26", "023/27",
	"023/28", "023/29", "073/11", "073/12", "073/17", "073/18", "088/01", "088/02", NULL
};

/* ---------------------------------------------------------------- rule table */

/* victim age ranges [lo, hi) of the codes; -1: unbounded (ANY: any age) */
#define ANY -1, -1
#define U13 0, 13
#define U16 0, 16
#define U18 0, 18
#define A1315 13, 16
#define A1317 13, 18
#define P13 13, -1
#define P16 16, -1
#define P18 18, -1

const Rule classify_rules[] = {
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

const size_t classify_nrules = sizeof(classify_rules) / sizeof(classify_rules[0]);
