/*
 * marker.h
 *		What the text of a published cell means: a count, a blank (zero as
 *		published) or a suppression marker, and the counts a marker allows
 *		('<5' is 0 to 4, '1-4' is 1 to 4, '*' any count).
 *
 * Pure C (no postgres.h): unit tested and fuzzed outside the server
 * (test/unit/marker_test.c, run by test/checks/marker_unit.sh).
 *
 * The one home of what markers mean.  The table parser (table_parse.c)
 * reads every cell of a published table with marker_read(), and a withheld
 * cell keeps its marker text as published (xtab_set_marker).  Whatever later
 * reads a withheld cell asks this module, from that text alone: the audits
 * and reconcile (audit_fmgr.c) for the interval it allows (marker_bounds),
 * render and protect for what to print (marker_shown, MARKER_DEFAULT).
 *
 * Recognised, case-insensitively, after the caller has trimmed the text and
 * stripped its tags:
 *	count		1234, 1,234 (thousands separators in threes)
 *	blank		'', '-', en dash, em dash, 'n/a', 'na', '[z]'
 *	withheld	'*', '**', '***', 'x', '[x]', 'c', '[c]', '..', '~', 's', '[s]',
 *				'suppressed', 'redacted', 'withheld', 'not disclosed', '[low]':
 *				any count;
 *				'<5', '< 5', 'less than 5', 'fewer than 5', 'under 5',
 *				'below 5': 0 to 4; '<=5', '≤5', 'less than or equal to 5':
 *				0 to 5;
 *				'1-4', '1 - 4', '1–4', '1 to 4': 1 to 4.
 * Anything else is not a cell of a published count table (marker_read
 * says why).
 */
#ifndef FOISTATS_MARKER_H
#define FOISTATS_MARKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum marker_kind
{
	MARKER_COUNT,				/* a number: value holds it */
	MARKER_BLANK,				/* empty, '-', en/em dash, 'n/a': zero as published */
	MARKER_WITHHELD				/* '*', '<5', 'less than 5', '1-4', '[c]', ... */
} marker_kind;

/* "No upper bound" for a withheld cell ('*'). */
#define MARKER_UNBOUNDED	INT64_MAX

/* Shown for a withheld cell that has no marker of its own (render's and
 * protect's default marker). */
#define MARKER_DEFAULT		"*"

typedef struct marker_meaning
{
	marker_kind kind;
	int64_t		value;			/* MARKER_COUNT: the count; otherwise 0 */
	int64_t		lo;				/* MARKER_WITHHELD: least count it allows */
	int64_t		hi;				/* greatest, or MARKER_UNBOUNDED */
} marker_meaning;

/*
 * Read one cell's text (NUL-terminated, trimmed).  Returns true and fills
 * *m, or false with the reason in why (e.g. "not a whole number").
 */
extern bool marker_read(const char *s, marker_meaning *m, char *why, size_t whylen);

/* A count as published: digits, optionally with thousands separators. */
extern bool marker_read_count(const char *s, int64_t *v);

/*
 * The counts a withheld cell may hold, given its marker text (NULL: it has
 * none, e.g. a cell protect() withheld): the marker's interval, or
 * [0, MARKER_UNBOUNDED) when the text says nothing about the count.
 */
extern void marker_bounds(const char *marker, int64_t *lo, int64_t *hi);

/*
 * The text shown for a withheld cell: its own marker when that text means
 * "withheld" (marker_read: MARKER_WITHHELD, e.g. '<5' as a force published
 * it), else the fallback.  A withheld cell never shows a count, a blank or a
 * '-' it carried before it was withheld: a reader would take that for the
 * cell's value (a withheld zero printed '-' again is a disclosed zero).
 */
extern const char *marker_shown(const char *own, const char *fallback);

/*
 * Is s a marker every withheld cell of a table may show: one that reads as
 * withheld and allows any count ('*', '[c]', 'x', ...), not a range ('<5',
 * '1-4': a complement withheld to protect another cell need not be small)?
 * protect() and render() accept only such markers.
 */
extern bool marker_is_plain_withheld(const char *s);

#endif							/* FOISTATS_MARKER_H */
