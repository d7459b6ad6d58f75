/*
 * period_fmgr.c
 *		foistats.period(date | timestamp | timestamptz, granularity) -> text
 *
 * The label of the period a day falls in, exactly as the xtab aggregates
 * label their columns (the arithmetic is in period.c):
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

#include "period_fmgr.h"

PG_FUNCTION_INFO_V1(period_date);
PG_FUNCTION_INFO_V1(period_timestamp);
PG_FUNCTION_INFO_V1(period_timestamptz);

PeriodGranularity
period_granularity(const char *name, int len)
{
	int			gran = period_granularity_from_name(name, len);

	if (gran == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown granularity \"%.*s\"", len, name),
				 errhint("Use 'year', 'fy' (UK financial year, April to March), "
						 "'quarter' or 'month'.")));
	return (PeriodGranularity) gran;
}

void
period_infinite_error(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("an infinite date or timestamp has no period"),
			 errhint("Filter out 'infinity' and '-infinity' first.")));
}

int32
period_day_of_timestamptz(TimestampTz ts)
{
	struct pg_tm tm;
	fsec_t		fsec;
	int			tz;

	if (TIMESTAMP_NOT_FINITE(ts))
		period_infinite_error();
	/* the local (TimeZone) calendar date */
	if (timestamp2tm(ts, &tz, &tm, &fsec, NULL, NULL) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	return date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
}

static PeriodGranularity
get_granularity(text *g)
{
	return period_granularity(VARDATA_ANY(g), VARSIZE_ANY_EXHDR(g));
}

static Datum
period_label_datum(int32 days, PeriodGranularity gran)
{
	char		buf[PERIOD_LABEL_MAX];
	int			len = period_label(gran, period_key(gran, days), buf);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, len));
}

Datum
period_date(PG_FUNCTION_ARGS)
{
	PeriodGranularity gran = get_granularity(PG_GETARG_TEXT_PP(1));

	return period_label_datum(period_day_of_date(PG_GETARG_DATEADT(0)), gran);
}

Datum
period_timestamp(PG_FUNCTION_ARGS)
{
	PeriodGranularity gran = get_granularity(PG_GETARG_TEXT_PP(1));

	return period_label_datum(period_day_of_timestamp(PG_GETARG_TIMESTAMP(0)), gran);
}

Datum
period_timestamptz(PG_FUNCTION_ARGS)
{
	PeriodGranularity gran = get_granularity(PG_GETARG_TEXT_PP(1));

	return period_label_datum(period_day_of_timestamptz(PG_GETARG_TIMESTAMPTZ(0)), gran);
}
