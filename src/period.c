/*
 * period.c
 *		foistats.period(date | timestamp | timestamptz, granularity) -> text
 *
 * The label of the period a day falls in, exactly as the xtab aggregates
 * label their columns (the arithmetic is in xtab_label.c):
 *
 *	'year'		'2013'
 *	'fy'		'2013/14'	UK financial year, 1 April 2013 to 31 March 2014
 *	'quarter'	'2013 Q1'	calendar quarter (Q1 = January to March)
 *	'month'		'2013-01'
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "xtab_label.h"

PG_FUNCTION_INFO_V1(period_date);
PG_FUNCTION_INFO_V1(period_timestamp);
PG_FUNCTION_INFO_V1(period_timestamptz);

static XtabGranularity
get_granularity(text *g)
{
	int			len = VARSIZE_ANY_EXHDR(g);
	int			gran = xtab_granularity_from_name(VARDATA_ANY(g), len);

	if (gran == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown granularity \"%.*s\"", len, VARDATA_ANY(g)),
				 errhint("Use 'year', 'fy' (UK financial year, April to March), "
						 "'quarter' or 'month'.")));
	return (XtabGranularity) gran;
}

static Datum
period_label(int32 days, XtabGranularity gran)
{
	char		buf[XTAB_PERIOD_LABEL_MAX];
	int			len = xtab_period_label(gran, xtab_period_key(gran, days), buf);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, len));
}

pg_attribute_noreturn()
static void
infinite(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("an infinite date or timestamp has no period")));
}

Datum
period_date(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	XtabGranularity gran = get_granularity(PG_GETARG_TEXT_PP(1));

	if (DATE_NOT_FINITE(d))
		infinite();
	return period_label(d, gran);
}

Datum
period_timestamp(PG_FUNCTION_ARGS)
{
	Timestamp	ts = PG_GETARG_TIMESTAMP(0);
	XtabGranularity gran = get_granularity(PG_GETARG_TEXT_PP(1));
	int64		days;

	if (TIMESTAMP_NOT_FINITE(ts))
		infinite();
	days = ts / USECS_PER_DAY;
	if (ts % USECS_PER_DAY < 0)
		days--;
	return period_label((int32) days, gran);
}

Datum
period_timestamptz(PG_FUNCTION_ARGS)
{
	TimestampTz ts = PG_GETARG_TIMESTAMPTZ(0);
	XtabGranularity gran = get_granularity(PG_GETARG_TEXT_PP(1));
	struct pg_tm tm;
	fsec_t		fsec;
	int			tz;

	if (TIMESTAMP_NOT_FINITE(ts))
		infinite();
	if (timestamp2tm(ts, &tz, &tm, &fsec, NULL, NULL) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	return period_label(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE,
						gran);
}
