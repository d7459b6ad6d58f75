/*
 * suppress_fmgr.h
 *		What the SQL wrappers of the disclosure-control core share: protect()
 *		(suppress_fmgr.c) and protect_linked() (suppress_linked_fmgr.c) read
 *		the same arguments, check the same input and write the same flags,
 *		markers and footnote.
 */
#ifndef FOISTATS_SUPPRESS_FMGR_H
#define FOISTATS_SUPPRESS_FMGR_H

#include "fmgr.h"

#include "suppress.h"
#include "xtab.h"

/* Argument argno, the threshold; ERROR when it is NULL. */
extern int32 threshold_arg(FunctionCallInfo fcinfo, int argno);

/*
 * The rule from protect()'s arguments: threshold (>= 1), protection from
 * argument protection_arg (NULL: the threshold; else >= 0) and zeros from
 * zeros_arg (NULL: false).
 */
extern void params_from_args(SdcParams *p, int32 threshold, FunctionCallInfo fcinfo,
							 int protection_arg, int zeros_arg);

/* ERROR unless xt is a table of true counts protect() can take. */
extern void check_protect_input(const Xtab *xt);

/* Argument argno as the withholding marker ('*' when absent); ERROR unless
 * it means "withheld, any count". */
extern const char *marker_or_default(FunctionCallInfo fcinfo, int argno);

/* Every withheld cell of out shows marker and nothing else. */
extern void withheld_markers(Xtab *out, const char *marker);

/* The footnote stating the rule and the method. */
extern char *suppression_note(const SdcParams *p, const SdcStats *s, const char *marker);

#endif							/* FOISTATS_SUPPRESS_FMGR_H */
