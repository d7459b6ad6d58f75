/*
 * xtab_edit.h
 *		Reshaping a cross-tab: exactly these columns, these rows too, a title
 *		and footnotes, relabelled columns, a difference (see xtab_edit.c).
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

/*
 * A copy of xt in mcxt whose columns old_labels[i] are called new_labels[i]
 * (labels not among xt's columns are ignored); columns that end up with the
 * same label are added together, cells, flags and units, and keep a
 * published column total only if every part had one.
 */
extern Xtab *xtab_relabel_columns(const Xtab *xt, char **old_labels, char **new_labels,
								  int n, MemoryContext mcxt);

/*
 * a - b in mcxt (see xtab_edit.c): cells and units subtracted by label, rows
 * and columns left with nothing dropped.  A count of b greater than a's is
 * an error, or with clip gives zero.  Protected or parsed values are refused.
 */
extern Xtab *xtab_subtract(const Xtab *a, const Xtab *b, bool clip, MemoryContext mcxt);

#endif							/* XTAB_EDIT_H */
