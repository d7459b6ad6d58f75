/*
 * xtab_edit.h
 *		Reshaping a cross-tab: exactly these columns, these rows too, a title
 *		and footnotes (see xtab_edit.c).
 */
#ifndef XTAB_EDIT_H
#define XTAB_EDIT_H

#include "xtab.h"

/*
 * A copy of xt in mcxt with exactly the columns labels[0..n-1]: a column xt
 * lacks is added with zero cells, a column of xt not listed is dropped.
 * When a dropped column held anything (a count, a flag, a published column
 * total, units), the published row totals of the rows it touched and the
 * published grand total are dropped too: they counted figures the copy no
 * longer shows.  Published totals of added zero columns are 0 when xt has
 * published totals, so a protected table does not gain "withheld" totals.
 */
extern Xtab *xtab_with_columns(const Xtab *xt, char **labels, int n, MemoryContext mcxt);

#endif							/* XTAB_EDIT_H */
