/*
 * audit.h
 *		The pure core of foistats.audit(): what published totals tell about
 *		suppressed cells, by interval bounds propagation over "these unknown
 *		cells sum to R" constraints.
 *
 * Pure C (no postgres.h), unit tested in test/unit/audit_test.c
 * (test/checks/audit_unit.sh).  audit_fmgr.c holds the SQL functions
 * (audit, audit_subset, reconcile) and intersects these intervals with the
 * exact ones of the suppression core (disclosure.c).
 *
 * Each unknown (suppressed) cell i starts in [lo[i], hi[i]], 0 <= lo[i] <= hi[i] (what its marker
 * says: '<5' is [0, 4], '*' is [0, AB_INF]).  Each constraint k says the
 * unknown cells con_cells[con_start[k] .. con_start[k+1]) sum to rhs[k] (a
 * published row, column or grand total minus the visible cells it covers).
 * ab_propagate() tightens every interval with
 *		lo_i >= rhs - sum_{j != i} hi_j,	hi_i <= rhs - sum_{j != i} lo_j
 * round after round until nothing changes.  The result is SOUND: every value
 * consistent with the constraints lies inside the final interval, so an
 * interval of width zero is a value the published table reveals exactly.
 * It is not always TIGHT: linear programming over the whole table can prove
 * narrower intervals than local propagation in some multi-cell patterns.
 */
#ifndef FOISTATS_AUDIT_H
#define FOISTATS_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#define AB_INF INT64_MAX

typedef struct ab_problem
{
	int			ncells;
	int64_t    *lo;				/* [ncells], in/out */
	int64_t    *hi;				/* [ncells], in/out; AB_INF = unbounded */
	int			ncons;
	const int  *con_start;		/* [ncons + 1] */
	const int  *con_cells;		/* [con_start[ncons]] */
	const int64_t *rhs;			/* [ncons] */
	void		(*tick) (void *arg);	/* once per round, may be NULL */
	void	   *tick_arg;
} ab_problem;

typedef enum ab_result
{
	AB_OK,						/* converged */
	AB_ROUNDS,					/* stopped after max_rounds; bounds still sound */
	AB_INFEASIBLE				/* no values satisfy the constraints */
} ab_result;

/*
 * *p = the problem of ncells unknowns [lo[i], hi[i]] under ncons constraints
 * (con_start, con_cells, rhs as above), with no tick.
 */
extern void ab_problem_init(ab_problem *p, int ncells, int64_t *lo, int64_t *hi, int ncons,
							const int *con_start, const int *con_cells, const int64_t *rhs);

/* *bad_con receives the constraint found infeasible (AB_INFEASIBLE only). */
extern ab_result ab_propagate(ab_problem *p, int max_rounds, int *bad_con);

#endif							/* FOISTATS_AUDIT_H */
