/*
 * classify.h: the offence classifier.  Reads a police force's offence title (or a Home
 * Office code) and says which offence it is.  Pure C, no postgres.h: unit tested outside
 * the server (test/unit/classify_test.c, run by test/checks/classify_unit.sh); the SQL
 * functions and their per-backend cache are in classify_fmgr.c.
 *
 * offence_parse() tokenises the title (case, punctuation, dashes, glued tokens such as
 * U13 / UNDER18 / 13+, abbreviations, one-letter misspellings), strips statute
 * suffixes and prefixes, reads the stated facts (victim sex and age, offender age,
 * penetration, attempt), recognises the kind of offence from its key words and picks
 * the Home Office code whose definition the stated facts fit (see the rule table in
 * classify_rules.c).  When the facts fit more than one code it gives no code and says
 * why in 'reason'; it never guesses.
 */
#ifndef FOISTATS_CLASSIFY_H
#define FOISTATS_CLASSIFY_H

#include <stdbool.h>
#include <stddef.h>

/* offence families, in the order of offence_family_names[] */
enum
{
	OFAM_UNKNOWN = -1,
	OFAM_RAPE = 0,
	OFAM_ASSAULT_BY_PENETRATION,
	OFAM_SEXUAL_ASSAULT,
	OFAM_CHILD_SEXUAL_ACTIVITY,
	OFAM_WITHOUT_CONSENT,
	OFAM_FAMILIAL,
	OFAM_MENTAL_DISORDER,
	OFAM_SEXUAL_EXPLOITATION,
	OFAM_TRAFFICKING,
	OFAM_ABUSE_OF_TRUST,
	OFAM_GROOMING,
	OFAM_OTHER_SEXUAL,
	OFAM_EXPOSURE_VOYEURISM,
	OFAM_UNNATURAL,
	OFAM_PROSTITUTION,
	OFAM_INDECENT_IMAGES,
	OFAM_NON_SEXUAL,
	OFAM__COUNT
};

#define OFF_MAX_UNPARSED 16
#define OFF_WORD_MAX 32
#define OFF_REASON_MAX 256
/* titles longer than this are not analysed (reason says so) */
#define OFF_MAX_TITLE 2000

typedef struct OffenceResult
{
	char		code[8];		/* Home Office code '019/07', or "" */
	char		cls[8];			/* Home Office class '19D', or "" */
	int			family;			/* OFAM_*, OFAM_UNKNOWN when it cannot tell */
	char		victim_sex;		/* 'F', 'M' or 0 when the title does not say */
	bool		has_vage;		/* victim age range stated */
	bool		vage_conflict;	/* two different victim ages stated: none kept */
	int			vage_lo;		/* inclusive */
	int			vage_hi;		/* exclusive; -1 unbounded */
	bool		has_oage;		/* offender age range stated */
	int			oage_lo;
	int			oage_hi;
	int			penetration;	/* -1 not stated / not applicable, 0 no, 1 yes */
	char		pen_source;		/* 's' stated, 'i' implied by the code, 0 */
	bool		attempt;
	bool		attempt_both;	/* 'rape or attempted rape': the offence and its attempt */
	bool		multiple;		/* 'multiple undefined offenders' */
	bool		sexual_words;	/* the title uses a word only sexual offences use */
	int			age_unread;		/* a number after the victim read as no age (no code: not
								 * read by the words either), else 0 */
	char		given_code[16];	/* a code written in the input, normalised CCC/SS */
	char		given_class[16]; /* a class label written in the input ('19D', '21') */
	bool		only_code;		/* the input is a code or class and nothing else */
	char		reason[OFF_REASON_MAX];
	int			n_unparsed;
	char		unparsed[OFF_MAX_UNPARSED][OFF_WORD_MAX];
} OffenceResult;

extern const char *const offence_family_names[OFAM__COUNT];

/* Analyse s[0..len). Never fails; everything it could not read is in r->reason. */
extern void offence_parse(const char *s, size_t len, OffenceResult *r);

/* Family of a Home Office code/class (the same mapping as test/data/make_reference.py). */
extern int	offence_family_of(const char *code, const char *cls);

/*
 * Normalise a title for exact matching (overrides, Home Office titles): upper-case
 * letters and digits, every other run of characters one space, no leading/trailing
 * space.  Writes at most outsz-1 bytes plus NUL; returns the length it needed.
 */
extern size_t offence_normalise(const char *s, size_t len, char *out, size_t outsz);

/*
 * The words of a title that name its offence, for matching a force's wording against
 * the Home Office titles when the exact normalised title is not one of them: the
 * lexer's canonical words (abbreviations, one-letter misspellings, glued words), less
 * a leading code or class, statute text ('- Theft Act 1968 Sec 9', '(Sec 47)',
 * '- Common Law', '(Indictable)'), the words 'attempt(ed)' (*attempt is set; 'X or
 * attempted X' is not an attempt and keeps the word), filler (a, an, the, of, on, and,
 * etc, '&') and a final plural S; '5,000' is one number; sorted, each word once.
 * The victim words of the classes that split an offence by its victim are taken out
 * too: *victim is 'C' for a constable ('police officer', 'PC'), 'E' for an emergency
 * worker ('EW'; '(other than / except a constable)' goes with it), else 0.
 * Writes at most outsz-1 bytes plus NUL (an empty key when the title is too long or
 * has no such words) and returns the key's length.
 */
extern size_t offence_title_key(const char *s, size_t len, char *out, size_t outsz,
								bool *attempt, char *victim);

/*
 * The words of a title in their order, less a leading code or class, statute text,
 * ATTEMPT (*attempt is set), filler (a, an, the, of, on, to, in, for, etc) and a
 * final plural S: a title is a Home Office title but for its articles, prepositions
 * and inflections when the two are equal.  Writes at most outsz-1 bytes plus NUL.
 */
extern size_t offence_title_seq(const char *s, size_t len, char *out, size_t outsz,
								bool *attempt);

/*
 * The sections a title cites ('Sec 47', '(S4A POA)', 'Section 18'): '47', '4A', '18',
 * each once, at most max of them in out[]; returns how many.
 */
extern int	offence_sections(const char *s, size_t len, char (*out)[8], int max);

/* Human wording of an age range: 'under 13', '13-15', '16 and over'. */
extern void offence_range_words(int lo, int hi, char *out, size_t outsz);

#endif
