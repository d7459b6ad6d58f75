/*
 * table_parse_fmgr.h
 *		Server-side helpers around the pure C table parser.
 */
#ifndef FOISTATS_TABLE_PARSE_FMGR_H
#define FOISTATS_TABLE_PARSE_FMGR_H

#include "table_parse.h"
#include "xtab.h"

/* Format name ('auto', 'tsv', 'csv', 'markdown', 'html') or ereport. */
extern tp_format foistats_table_format_arg(text *fmt);
/* Parse or ereport (errcontext names the line and cell). */
extern void foistats_parse_table_into(const char *data, size_t len, tp_format format,
									  const char *const *extra_totals, int nextra,
									  tp_table *t);
/* Build an expanded cross-tab from a parse, published totals included. */
extern Xtab *foistats_table_to_xtab(const tp_table *t, MemoryContext mcxt);

#endif
