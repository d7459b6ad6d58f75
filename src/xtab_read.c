/*
 * xtab_read.c
 *		SQL functions that read a cross-tab: long and wide forms, labels,
 *		totals, units and JSON.
 *
 * Suppressed cells (XTAB_CELL_SUPPRESSED) read as NULL wherever a single
 * cell is shown.  Totals follow the rule in xtab.h ("Protected / published
 * values"): a value with any suppressed cell or any published total shows
 * its published totals only, a withheld one as NULL (and units of a
 * protected multi-label value as NULL); any other value shows totals
 * computed from its cells.  So no total these functions return lets a
 * reader work out a withheld cell as "total - visible cells".
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"

#include "xtab.h"

PG_FUNCTION_INFO_V1(xtab_sql_rows);
PG_FUNCTION_INFO_V1(xtab_sql_wide);
PG_FUNCTION_INFO_V1(xtab_sql_col_labels);
PG_FUNCTION_INFO_V1(xtab_sql_row_labels);
PG_FUNCTION_INFO_V1(xtab_sql_col_totals);
PG_FUNCTION_INFO_V1(xtab_sql_col_units);
PG_FUNCTION_INFO_V1(xtab_sql_grand_total);
PG_FUNCTION_INFO_V1(xtab_sql_total_units);
PG_FUNCTION_INFO_V1(xtab_sql_is_multi_label);
PG_FUNCTION_INFO_V1(xtab_sql_to_jsonb);

static inline bool
suppressed(const Xtab *xt, int r, int c)
{
	return (xtab_get_flags(xt, r, c) & XTAB_CELL_SUPPRESSED) != 0;
}

static text *
label_text(const char *data, int len)
{
	return cstring_to_text_with_len(data, len);
}

Datum
xtab_sql_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Xtab	   *xt;
	text	  **clabels;

	InitMaterializedSRF(fcinfo, 0);
	xt = PG_GETARG_XTAB_EXPANDED(0);
	clabels = palloc(Max(xt->ncols, 1) * sizeof(text *));
	for (int c = 0; c < xt->ncols; c++)
		clabels[c] = label_text(xt->clabel[c].data, xt->clabel[c].len);
	for (int r = 0; r < xt->nrows; r++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		CHECK_FOR_INTERRUPTS();
		values[0] = PointerGetDatum(label_text(xt->rlabel[r].data, xt->rlabel[r].len));
		for (int c = 0; c < xt->ncols; c++)
		{
			values[1] = PointerGetDatum(clabels[c]);
			nulls[2] = suppressed(xt, r, c);
			values[2] = Int64GetDatum(xtab_get(xt, r, c));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}

Datum
xtab_sql_wide(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Xtab	   *xt;
	Datum	   *cells;
	bool	   *cnulls;
	int			dims[1];
	int			lbs[1] = {1};

	bool		published;

	InitMaterializedSRF(fcinfo, 0);
	xt = PG_GETARG_XTAB_EXPANDED(0);
	published = xtab_is_published(xt);
	cells = palloc(Max(xt->ncols, 1) * sizeof(Datum));
	cnulls = palloc(Max(xt->ncols, 1) * sizeof(bool));
	dims[0] = xt->ncols;
	for (int r = 0; r < xt->nrows; r++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < xt->ncols; c++)
		{
			cells[c] = Int64GetDatum(xtab_get(xt, r, c));
			cnulls[c] = suppressed(xt, r, c);
		}
		values[0] = PointerGetDatum(label_text(xt->rlabel[r].data, xt->rlabel[r].len));
		values[1] = PointerGetDatum(construct_md_array(cells, cnulls, 1, dims, lbs,
													   INT8OID, 8, FLOAT8PASSBYVAL,
													   TYPALIGN_DOUBLE));
		{
			int64		t = 0;

			nulls[2] = !xtab_shown_row_total(xt, r, published, &t);
			values[2] = Int64GetDatum(t);
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

static Datum
text_array(int n, const XtabLabel *labels)
{
	Datum	   *d = palloc(Max(n, 1) * sizeof(Datum));

	for (int i = 0; i < n; i++)
		d[i] = PointerGetDatum(label_text(labels[i].data, labels[i].len));
	return PointerGetDatum(construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* bigint[] of v; elements with isnull[i] are NULL. */
static Datum
int8_array(int n, const int64 *v, const bool *isnull)
{
	Datum	   *d = palloc(Max(n, 1) * sizeof(Datum));
	int			dims[1];
	int			lbs[1] = {1};

	for (int i = 0; i < n; i++)
		d[i] = Int64GetDatum(v[i]);
	dims[0] = n;
	if (n == 0)
		return PointerGetDatum(construct_empty_array(INT8OID));
	return PointerGetDatum(construct_md_array(d, (bool *) isnull, 1, dims, lbs,
											  INT8OID, 8, FLOAT8PASSBYVAL,
											  TYPALIGN_DOUBLE));
}

Datum
xtab_sql_col_labels(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);

	PG_RETURN_DATUM(text_array(xt->ncols, xt->clabel));
}

Datum
xtab_sql_row_labels(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);

	PG_RETURN_DATUM(text_array(xt->nrows, xt->rlabel));
}

Datum
xtab_sql_col_totals(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	bool		published = xtab_is_published(xt);
	int64	   *v = palloc(Max(xt->ncols, 1) * sizeof(int64));
	bool	   *isnull = palloc(Max(xt->ncols, 1) * sizeof(bool));

	for (int c = 0; c < xt->ncols; c++)
		isnull[c] = !xtab_shown_col_total(xt, c, published, &v[c]);
	PG_RETURN_DATUM(int8_array(xt->ncols, v, isnull));
}

Datum
xtab_sql_col_units(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	bool		published = xtab_is_published(xt);
	int64	   *v = palloc(Max(xt->ncols, 1) * sizeof(int64));
	bool	   *isnull = palloc(Max(xt->ncols, 1) * sizeof(bool));

	for (int c = 0; c < xt->ncols; c++)
		isnull[c] = !xtab_shown_col_units(xt, c, published, &v[c]);
	PG_RETURN_DATUM(int8_array(xt->ncols, v, isnull));
}

Datum
xtab_sql_grand_total(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	int64		v;

	if (!xtab_shown_grand_total(xt, xtab_is_published(xt), &v))
		PG_RETURN_NULL();
	PG_RETURN_INT64(v);
}

Datum
xtab_sql_total_units(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	int64		v;

	if (!xtab_shown_total_units(xt, xtab_is_published(xt), &v))
		PG_RETURN_NULL();
	PG_RETURN_INT64(v);
}

Datum
xtab_sql_is_multi_label(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);

	PG_RETURN_BOOL(xtab_has_units(xt));
}

static void
json_label(StringInfo buf, const char *data, int len)
{
	char	   *s = pnstrdup(data, len);

	escape_json(buf, s);
	pfree(s);
}

/* A total as JSON: the number, or null when withheld. */
static void
json_total(StringInfo b, bool shown, int64 v)
{
	if (shown)
		appendStringInfo(b, INT64_FORMAT, v);
	else
		appendStringInfoString(b, "null");
}

/*
 * Totals ("total", "col_totals", "grand_total", "units", "total_units")
 * follow the rule in xtab.h: a published value's published totals (null
 * where withheld), else computed from the cells.
 *
 * {"cols": [...], "col_kinds": [...], "rows": [{"label", "cells", "total"}],
 *	"col_totals": [...], "grand_total": n,
 *	["units": [...], "total_units": n,] ["title",] ["row_header",]
 *	["footnotes": [...],] ["published": {"row_totals", "col_totals",
 *	"grand_total"}]}
 */
Datum
xtab_sql_to_jsonb(PG_FUNCTION_ARGS)
{
	Xtab	   *xt = PG_GETARG_XTAB_EXPANDED(0);
	StringInfoData b;
	bool		anypub = xt->pub_grand_set;
	bool		published = xtab_is_published(xt);
	int64		t = 0;
	bool		shown;

	initStringInfo(&b);
	appendStringInfoString(&b, "{\"cols\": [");
	for (int c = 0; c < xt->ncols; c++)
	{
		if (c)
			appendStringInfoString(&b, ", ");
		json_label(&b, xt->clabel[c].data, xt->clabel[c].len);
	}
	appendStringInfoString(&b, "], \"col_kinds\": [");
	for (int c = 0; c < xt->ncols; c++)
		appendStringInfo(&b, "%s\"%s\"", c ? ", " : "", xtab_kind_name(xt->ckind[c]));
	appendStringInfoString(&b, "], \"rows\": [");
	for (int r = 0; r < xt->nrows; r++)
	{
		CHECK_FOR_INTERRUPTS();
		appendStringInfoString(&b, r ? ", {\"label\": " : "{\"label\": ");
		json_label(&b, xt->rlabel[r].data, xt->rlabel[r].len);
		appendStringInfoString(&b, ", \"cells\": [");
		for (int c = 0; c < xt->ncols; c++)
		{
			if (c)
				appendStringInfoString(&b, ", ");
			if (suppressed(xt, r, c))
				appendStringInfoString(&b, "null");
			else
				appendStringInfo(&b, INT64_FORMAT, xtab_get(xt, r, c));
		}
		appendStringInfoString(&b, "], \"total\": ");
		shown = xtab_shown_row_total(xt, r, published, &t);
		json_total(&b, shown, t);
		appendStringInfoChar(&b, '}');
		anypub = anypub || xt->rpub_set[r];
	}
	appendStringInfoString(&b, "], \"col_totals\": [");
	for (int c = 0; c < xt->ncols; c++)
	{
		if (c)
			appendStringInfoString(&b, ", ");
		shown = xtab_shown_col_total(xt, c, published, &t);
		json_total(&b, shown, t);
		anypub = anypub || xt->cpub_set[c];
	}
	appendStringInfoString(&b, "], \"grand_total\": ");
	shown = xtab_shown_grand_total(xt, published, &t);
	json_total(&b, shown, t);
	if (xt->has_units)
	{
		appendStringInfoString(&b, ", \"units\": [");
		for (int c = 0; c < xt->ncols; c++)
		{
			if (c)
				appendStringInfoString(&b, ", ");
			shown = xtab_shown_col_units(xt, c, published, &t);
			json_total(&b, shown, t);
		}
		appendStringInfoString(&b, "], \"total_units\": ");
		shown = xtab_shown_total_units(xt, published, &t);
		json_total(&b, shown, t);
	}
	if (xt->title)
	{
		appendStringInfoString(&b, ", \"title\": ");
		escape_json(&b, xt->title);
	}
	if (xt->row_header)
	{
		appendStringInfoString(&b, ", \"row_header\": ");
		escape_json(&b, xt->row_header);
	}
	if (xt->nfootnotes)
	{
		appendStringInfoString(&b, ", \"footnotes\": [");
		for (int i = 0; i < xt->nfootnotes; i++)
		{
			if (i)
				appendStringInfoString(&b, ", ");
			escape_json(&b, xt->footnotes[i]);
		}
		appendStringInfoChar(&b, ']');
	}
	if (anypub)
	{
		appendStringInfoString(&b, ", \"published\": {\"row_totals\": [");
		for (int r = 0; r < xt->nrows; r++)
		{
			if (r)
				appendStringInfoString(&b, ", ");
			if (xt->rpub_set[r])
				appendStringInfo(&b, INT64_FORMAT, xt->rpub[r]);
			else
				appendStringInfoString(&b, "null");
		}
		appendStringInfoString(&b, "], \"col_totals\": [");
		for (int c = 0; c < xt->ncols; c++)
		{
			if (c)
				appendStringInfoString(&b, ", ");
			if (xt->cpub_set[c])
				appendStringInfo(&b, INT64_FORMAT, xt->cpub[c]);
			else
				appendStringInfoString(&b, "null");
		}
		appendStringInfoString(&b, "], \"grand_total\": ");
		if (xt->pub_grand_set)
			appendStringInfo(&b, INT64_FORMAT, xt->pub_grand);
		else
			appendStringInfoString(&b, "null");
		appendStringInfoChar(&b, '}');
	}
	appendStringInfoChar(&b, '}');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(b.data)));
}
