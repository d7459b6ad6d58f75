/*
 * period_fmgr.h
 *		Calendar days of dates and timestamps, and granularity names, as the
 *		server sees them (errors are ereports), shared by foistats.period()
 *		(period_fmgr.c) and the xtab aggregates (xtab_agg.c), so that a column
 *		label and period() always agree.  The period arithmetic itself is the
 *		pure C of period.h.
 *
 * Days count from the PostgreSQL epoch (2000-01-01 = day 0), as DateADT does.
 * Each function ereports on input that has no period (an infinite value, an
 * unknown granularity name); none returns an error code.
 */
#ifndef FOISTATS_PERIOD_FMGR_H
#define FOISTATS_PERIOD_FMGR_H

#include "postgres.h"

#include "utils/date.h"
#include "utils/timestamp.h"

#include "period.h"

/* The granularity named by name[0..len), or an error listing the names. */
extern PeriodGranularity period_granularity(const char *name, int len);

/* Error for a value with no period (an infinite date or timestamp). */
pg_attribute_noreturn() extern void period_infinite_error(void);

/* The day of a date, of a timestamp (inline: the aggregates call these once a
 * row), and, in the session's TimeZone (hence STABLE callers), of a
 * timestamptz. */
static inline int32
period_day_of_date(DateADT d)
{
	if (DATE_NOT_FINITE(d))
		period_infinite_error();
	return d;
}

static inline int32
period_day_of_timestamp(Timestamp ts)
{
	int64		days;

	if (TIMESTAMP_NOT_FINITE(ts))
		period_infinite_error();
	days = ts / USECS_PER_DAY;
	if (ts % USECS_PER_DAY < 0)
		days--;
	return (int32) days;
}

extern int32 period_day_of_timestamptz(TimestampTz ts);

#endif							/* FOISTATS_PERIOD_FMGR_H */
