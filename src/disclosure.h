/*
 * disclosure.h
 *		The cross-tab as the suppression core sees it: building suppress.h's
 *		table from an xtab, the core's memory and interrupt hooks, and what a
 *		reader of a published cross-tab can work out about its withheld
 *		figures.  Server side (postgres.h); the algorithms are suppress.c's.
 *
 * One home for this glue: protect() and disclosure_audit() (suppress_fmgr.c)
 * and audit()'s disclosure findings (audit_fmgr.c) all go through here, so
 * they agree on what a reader knows:
 *
 *	- every cell not flagged XTAB_CELL_SUPPRESSED, with its count;
 *	- the margins: with pub_totals, the value's published totals, a margin
 *	  without one being withheld; without, every margin, computed from the
 *	  cells (see suppress_fmgr.c's header on which a reader sees);
 *	- that cells add up to the margins and no count is negative.
 *
 * What a suppressed cell's marker says ('<5') is not used here: see
 * marker.h, and audit_fmgr.c, which intersects the two.
 */
#ifndef FOISTATS_DISCLOSURE_H
#define FOISTATS_DISCLOSURE_H

#include "suppress.h"
#include "xtab.h"

/* Default parameters for threshold t, with the server's hooks. */
extern void disclosure_params(SdcParams *p, int64 threshold);

/* A zeroed nr x nc table in CurrentMemoryContext (margins included). */
extern SdcTable *disclosure_new_table(int nr, int nc);

/* The cells of xt as a table of true counts, every entry published and the
 * margins computed; ERROR when the totals are too large for the core. */
extern SdcTable *disclosure_cells(const Xtab *xt);

/* ERROR when the cells of xt add up to more than the core can audit. */
extern void disclosure_check_sums(const Xtab *xt);

/* What is asked about a cross-tab. */
typedef struct DisclosureQuery
{
	const Xtab *xt;
	bool		pub_totals;		/* margins as published (a missing one is
								 * withheld); else all computed from cells */
	bool		known;			/* withheld cells hold their true counts */
	bool		whole_table;	/* every published total must fit its line,
								 * not only those of lines with a withheld
								 * cell (a line without one is checked apart) */
	double		max_work;		/* > 0: DISCLOSURE_TOO_LARGE beyond this many
								 * withheld cells x network nodes */
	double		max_cells;		/* > 0: and beyond this many cells in the
								 * block of lines with a withheld cell */
	const SdcParams *params;	/* the rule (threshold, protection, zeros) */
} DisclosureQuery;

/* One withheld cell or total and what the published figures allow. */
typedef struct DisclosureWithheld
{
	int			row;			/* row of xt, or -1: a column or grand total */
	int			col;			/* column of xt, or -1: a row or grand total */
	uint8		state;			/* SDC_SUPPRESSED, or SDC_SECONDARY for a
								 * cell flagged XTAB_CELL_SECONDARY */
	SdcInterval iv;				/* least and greatest value (SDC_INF:
								 * unbounded), rule (see sdc_audit) */
} DisclosureWithheld;

typedef enum DisclosureStatus
{
	DISCLOSURE_OK,
	DISCLOSURE_INFEASIBLE,		/* no nonnegative counts fit the published
								 * figures */
	DISCLOSURE_TOO_LARGE		/* over max_work or max_cells */
} DisclosureStatus;

/*
 * The exact interval of every withheld cell and total of q->xt (the least
 * and greatest value over every table a reader cannot rule out: sdc_audit),
 * in entry order: cells row-major, row totals, column totals, the grand
 * total.  *out and *n receive them (palloc'd) when DISCLOSURE_OK.
 *
 * Only the block of rows and columns holding a withheld cell goes to the
 * core: every other cell is known, so it is subtracted from the totals it
 * belongs to and its line dropped (an equivalent system of equations), which
 * keeps the network as small as the suppression pattern however large the
 * table.  A withheld total of a dropped line is its cells' sum.
 */
extern DisclosureStatus disclosure_withheld(const DisclosureQuery *q,
											DisclosureWithheld **out, int *n);

#endif							/* FOISTATS_DISCLOSURE_H */
