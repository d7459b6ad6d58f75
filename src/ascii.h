/*
 * ascii.h
 *		Character tests of the pure C parsers, ASCII only: <ctype.h> follows
 *		the database's LC_CTYPE (in a Latin-1 database 0xE9 'é' is a letter and
 *		folds to 0xC9), which would make parse_table and the functions built on
 *		it give different answers in different databases, though they are
 *		declared IMMUTABLE.  The published-table grammar is ASCII; non-ASCII
 *		spaces and dashes are recognised explicitly, as UTF-8.
 *
 * Pure C (no postgres.h).
 */
#ifndef FOISTATS_ASCII_H
#define FOISTATS_ASCII_H

#include <stdbool.h>

static inline bool
ascii_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline bool
ascii_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static inline bool
ascii_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
ascii_isalnum(int c)
{
	return ascii_isalpha(c) || ascii_isdigit(c);
}

static inline bool
ascii_isxdigit(int c)
{
	return ascii_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* ASCII punctuation: what a Markdown backslash may escape */
static inline bool
ascii_ispunct(int c)
{
	return c > ' ' && c < 0x7F && !ascii_isalnum(c);
}

static inline int
ascii_tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

#endif							/* FOISTATS_ASCII_H */
