/*
 * pg_shim.h
 *		The harness's side of test/fuzz/pg_shim.c: where an ereport(ERROR)
 *		jumps, what it said, and the end of an input's "memory context".
 */
#ifndef FOISTATS_PG_SHIM_H
#define FOISTATS_PG_SHIM_H

#include <setjmp.h>

extern sigjmp_buf *shim_try;	/* an ERROR siglongjmps here */
extern int	shim_sqlstate;		/* the last ERROR's errcode (MAKE_SQLSTATE) */
extern char shim_message[1024];	/* and its errmsg */

/* Free everything palloc'ed since the last reset. */
extern void shim_reset(void);

#endif							/* FOISTATS_PG_SHIM_H */
