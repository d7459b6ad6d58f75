/*
 * terms.h
 *		The term matcher: an Aho-Corasick automaton for multi-pattern word
 *		matching over UTF-8 text (pure C, no postgres.h).  Unit tested outside
 *		the server by test/unit/terms_test.c (test/checks/terms_unit.sh); the
 *		SQL functions and the per-backend dictionary cache are terms_fmgr.c.
 *
 * A dictionary of aliases (each with an integer label: the canonical term it
 * stands for) is compiled once into a deterministic Aho-Corasick automaton
 * over byte classes; scanning a text is then one table lookup per byte,
 * whatever the number of aliases.  The matching rules (the contract that the
 * SQL functions in terms_fmgr.c document) are:
 *
 *	- case-insensitive: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
 *	  letters are folded to lower case (ac_fold_cp); other scripts match
 *	  exactly.
 *	- whitespace: a single space in an alias matches any run of ASCII
 *	  whitespace (space, tab, newline, CR, FF, VT) in the text; aliases are
 *	  trimmed and their internal whitespace collapsed.
 *	- apostrophes: an ASCII apostrophe (') in an alias also matches the
 *	  typographic apostrophe U+2019 (and an alias written with U+2019 is
 *	  stored with ').
 *	- plurals and possessives: an alias that ends in a word character also
 *	  matches followed by "s", "'s" or "\u2019s" ("Snapchats", "Facebook's").
 *	- word boundaries: a match must not be immediately preceded or followed by
 *	  a word character (ac_is_word_cp: letters and digits of any script and
 *	  '_'; punctuation, symbols, emoji and whitespace are not word characters).
 *	- overlaps: leftmost-longest.  Of all the valid matches, the one that
 *	  starts first wins, and of those starting at the same place the longest;
 *	  the scan resumes after it (matches never overlap).  An "exclusion"
 *	  pattern takes part in this choice like any other, so it can veto the
 *	  words it covers ("dog grooming" hides "grooming").
 *
 * Memory comes from caller-supplied callbacks (palloc in a memory context in
 * the server, malloc in unit tests); nothing here longjmps or keeps global
 * state, so the caller owns every lifetime.
 */
#ifndef FOISTATS_TERMS_H
#define FOISTATS_TERMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* allocation callbacks: alloc returns NULL when out of memory */
typedef struct ac_mem
{
	void	   *(*alloc) (void *arg, size_t size);
	void		(*release) (void *arg, void *ptr);
	void	   *arg;
} ac_mem;

/* result codes */
#define AC_OK				0
#define AC_ERR_NOMEM		1	/* an allocation failed */
#define AC_ERR_EMPTY		2	/* alias is empty after normalisation */
#define AC_ERR_CONFLICT		3	/* same normalised alias, two labels */
#define AC_ERR_TOOBIG		4	/* automaton would exceed its index space */
#define AC_ERR_TOOLONG		5	/* alias longer than AC_MAX_ALIAS_BYTES */

#define AC_MAX_ALIAS_BYTES	1000

/* one match, byte offsets into the scanned text: [start, end) */
typedef struct ac_hit
{
	size_t		start;
	size_t		end;
	int32_t		label;			/* the caller's label (canonical term) */
	int32_t		alias_id;		/* the caller's alias id */
	bool		exclude;		/* an exclusion pattern: vetoes, reports nothing */
	uint8_t		priority;		/* internal: ties between equal extents */
} ac_hit;

/* growable hit buffer owned by the caller; memory through ac_mem */
typedef struct ac_hits
{
	ac_hit	   *v;
	size_t		n;
	size_t		cap;
} ac_hits;

typedef struct ac_builder ac_builder;
typedef struct ac_automaton ac_automaton;

/* called every AC_TICK_BYTES bytes of scanned text (e.g. to check for a cancel) */
typedef void (*ac_tick_fn) (void *arg);
#define AC_TICK_BYTES		(1 << 20)

/* scan flags */
#define AC_SCAN_ANY			1	/* stop at the first match that decides "any" */

/* character helpers (also used by the unit tests' brute-force reference) */
extern uint32_t ac_fold_cp(uint32_t cp);
extern bool ac_is_word_cp(uint32_t cp);
extern int	ac_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
extern int	ac_utf8_encode(uint32_t cp, unsigned char *out);
extern bool ac_is_space(unsigned char c);

/*
 * Normalise an alias: fold case, map U+2019 to ', collapse whitespace runs to
 * one space, trim.  out must have room for len bytes; returns the length.
 */
extern size_t ac_normalize(const char *in, size_t len, char *out);

/* building */
extern ac_builder *ac_builder_new(const ac_mem *mem);
extern int	ac_builder_add(ac_builder *b, const char *alias, size_t len,
						   int32_t label, int32_t alias_id, bool exclude);
extern ac_automaton *ac_builder_compile(ac_builder *b, int *err,
										int32_t *conflict_alias_a,
										int32_t *conflict_alias_b);
extern void ac_builder_free(ac_builder *b);

/* the compiled automaton */
extern void ac_free(ac_automaton *a);
extern size_t ac_state_count(const ac_automaton *a);
extern size_t ac_pattern_count(const ac_automaton *a);
extern size_t ac_memory_bytes(const ac_automaton *a);
extern bool ac_has_exclusions(const ac_automaton *a);

/*
 * Scan text; on return hits->v[0 .. n-1] are the selected (leftmost-longest,
 * non-overlapping) matches in text order, exclusions included (flagged).
 * With AC_SCAN_ANY the scan may stop early once a positive match is certain
 * to be selected; then only that match is returned.  Returns the number of
 * hits, or -1 when the hit buffer could not grow (out of memory).
 */
extern long ac_scan(const ac_automaton *a, const char *text, size_t len,
					ac_hits *hits, int flags, ac_tick_fn tick, void *tick_arg);
extern void ac_hits_free(const ac_automaton *a, ac_hits *hits);

#endif							/* FOISTATS_TERMS_H */
