/*
 * xtab_label.h
 *		Column-label kinds of a cross-tab, in plain C.
 *
 * This header and xtab_label.c do not include postgres.h, so they are unit
 * tested outside the server (test/unit/xtab_label_test.c, run by
 * test/checks/xtab_label_unit.sh).  xtab.h includes this header; other code
 * should normally go through xtab.h.
 *
 * Column labels of a cross-tab have a KIND that decides how columns sort:
 *
 *	kind			label format		sort key			example
 *	XTAB_COL_YEAR	YYYY				year				'2013'
 *	XTAB_COL_FY		YYYY/YY				first year			'2013/14'  (UK financial
 *																		year, April 2013
 *																		to March 2014)
 *	XTAB_COL_QUARTER YYYY Qn			year*4 + n-1		'2013 Q1'  (calendar quarter,
 *																		January-March)
 *	XTAB_COL_MONTH	YYYY-MM				year*12 + month-1	'2013-01'
 *	XTAB_COL_INT	[-]digits			the number			'42'
 *	XTAB_COL_TEXT	anything			0 (then label)		'Facebook'
 *
 * Columns sort by (kind, key, label bytes): chronological kinds first, in
 * time order, then integers numerically, then free text by label.  A label
 * that looks like a period is inferred to be one (xtab_label_infer), so a
 * text column holding foistats.period(...) values sorts in time order too.
 */
#ifndef XTAB_LABEL_H
#define XTAB_LABEL_H

#include <stdbool.h>
#include <stdint.h>

#include "period.h"

/* The chronological kinds are the granularities of calendar periods (period.h). */
typedef enum XtabColKind
{
	XTAB_COL_INFER = 0,			/* only as an argument: "work it out" */
	XTAB_COL_YEAR = PERIOD_YEAR,
	XTAB_COL_FY = PERIOD_FY,
	XTAB_COL_QUARTER = PERIOD_QUARTER,
	XTAB_COL_MONTH = PERIOD_MONTH,
	XTAB_COL_INT = 5,
	XTAB_COL_TEXT = 6
} XtabColKind;

#define XTAB_COL_KIND_MAX	XTAB_COL_TEXT

/* Name of a kind as used in the text format ("year", "fy", ...), or NULL. */
extern const char *xtab_kind_name(XtabColKind kind);

/* Kind for a name ("year", "fy", "quarter", "month", "int", "text"), or 0. */
extern XtabColKind xtab_kind_from_name(const char *name, int len);

/*
 * Kind a label has when nothing else is known: a period or an integer if it
 * is written exactly like one, XTAB_COL_TEXT otherwise.  *key receives the
 * sort key (0 for text).
 */
extern XtabColKind xtab_label_infer(const char *label, int len, int64_t *key);

/*
 * Check that a label is well-formed for a given kind and compute its sort
 * key.  Returns false if it is not (e.g. kind fy with label '2013/15').
 */
extern bool xtab_label_parse(XtabColKind kind, const char *label, int len,
							 int64_t *key);

#endif							/* XTAB_LABEL_H */
