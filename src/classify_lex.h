/*
 * classify_lex.h: the classifier's lexer (stages 1 and 2 of classify.c), shared by
 * classify.c only.  Pure C, no postgres.h.
 *
 * classify_lex() reads a title into tokens -- letter runs (upper-cased), digit runs,
 * the symbols + - / ( ) . : & ,  (en/em dashes become '-'), each remembering whether it
 * was glued to the previous one ('U13', '13+', '19D') -- then maps every word to its
 * canonical form (OFF -> OFFENDER, PENETN -> PENETRATION ...), splits two glued known
 * words ('SEXUALASSAULT') and corrects one-edit misspellings of the vocabulary
 * (ASSUALT -> ASSAULT).  Words it still does not know keep known = false.
 */
#ifndef FOISTATS_CLASSIFY_LEX_H
#define FOISTATS_CLASSIFY_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "classify.h"

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
	bool		money;			/* a digit run after a pound sign ('\u00a35,000'): not an age */
} Tok;

typedef struct Lex
{
	Tok			t[MAX_TOK];
	int			n;
	bool		overflow;
} Lex;

/* Read s[0..len) into L; on more than MAX_TOK tokens L->overflow is set and the words
 * are left as read. */
extern void classify_lex(const char *s, size_t len, Lex *L);

/* token k is the word w (not a number or a symbol) */
static inline bool
is_word(const Tok *k, const char *w)
{
	return k->sym == 0 && k->num < 0 && strcmp(k->w, w) == 0;
}

/* some token of L not dropped (statute text, prefixes) is the word w */
static inline bool
has_word(const Lex *L, const char *w)
{
	int			i;

	for (i = 0; i < L->n; i++)
		if (!L->t[i].dropped && is_word(&L->t[i], w))
			return true;
	return false;
}

#endif
