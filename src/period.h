/*
 * period.h
 *		Calendar periods of a day, in plain C (no postgres.h): the year, UK
 *		financial year, quarter or month a day falls in, its sort key and its
 *		label.  Unit tested outside the server (test/unit/period_test.c, run by
 *		test/checks/period_unit.sh).  foistats.period() (period_fmgr.c) and the
 *		date-bucketing xtab aggregates (xtab_agg.c) both label periods here, so
 *		a column label and period() always agree.
 *
 *	granularity			label		key					example
 *	PERIOD_YEAR		YYYY		year				'2013'
 *	PERIOD_FY		YYYY/YY		first year			'2013/14'  (1 April 2013 to
 *																	31 March 2014)
 *	PERIOD_QUARTER	YYYY Qn		year*4 + n-1		'2013 Q1'  (January to March)
 *	PERIOD_MONTH		YYYY-MM		year*12 + month-1	'2013-01'
 *
 * Days are PostgreSQL's day numbers (days since 2000-01-01, the value inside
 * a date Datum); all arithmetic is on integers, so an aggregate can bucket a
 * date per row without calling any SQL function.  The granularities are also
 * the chronological column kinds of a cross-tab (xtab_label.h), whose sort
 * keys are these keys.
 */
#ifndef FOISTATS_PERIOD_H
#define FOISTATS_PERIOD_H

#include <stdint.h>

/* Granularities of foistats.period() and of the date-bucketing aggregates. */
typedef enum PeriodGranularity
{
	PERIOD_YEAR = 1,
	PERIOD_FY = 2,
	PERIOD_QUARTER = 3,
	PERIOD_MONTH = 4
} PeriodGranularity;

/* Longest label period_label() writes, including the terminating NUL. */
#define PERIOD_LABEL_MAX 16

/* Granularity for 'year' | 'fy' | 'quarter' | 'month', or 0 if unknown. */
extern int	period_granularity_from_name(const char *name, int len);

/* Name of a granularity ("year", "fy", "quarter", "month"). */
extern const char *period_granularity_name(PeriodGranularity gran);

/* The proleptic Gregorian date of a day number. */
extern void period_days_to_ymd(int32_t days, int *year, int *month, int *day);

/* The period key of a day for a granularity (see the table above). */
extern int64_t period_key(PeriodGranularity gran, int32_t days);

/*
 * Write the label of a period key into buf (at least PERIOD_LABEL_MAX
 * bytes); returns its length.
 */
extern int	period_label(PeriodGranularity gran, int64_t key, char *buf);

#endif							/* FOISTATS_PERIOD_H */
